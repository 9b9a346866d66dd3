"""Reading language: numerals, dates, values, the parse, names, speech, sentences and claims."""
