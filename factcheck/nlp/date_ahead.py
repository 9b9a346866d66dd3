"""Whether a date without its year or week is ahead of the dateline by its clause's words:
"will meet on Monday", "the vote is due on Friday", and reported speech's "said the union
would strike on Friday" (lang/en/dates.json ``future`` and ``future_in_past``). Used by
nlp/dates.py; pure code over the sentence's text."""

from __future__ import annotations

import re

from factcheck.lang import Vocabulary

CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]|--")
# reported speech's "would" at most five words before the date, not "would have"
NEAR_END = r"(?!\s+have\b)(?:\s+\S+){,5}\s*$"
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”')  # a quotation's "will" is its speaker's future
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def ahead(
    sentence: str,
    span: tuple[int, int],
    future: re.Pattern[str],
    reported: re.Pattern[str],
    v: Vocabulary,
) -> bool:
    """Whether the date at ``span`` is told as ahead: a word of ``future`` in its own clause
    ("GM said on Friday it will ...": Friday is past), or in the sentence's where the date
    opens it ("On Friday, the minister will ..."; not a quotation's: 'On Friday, she told
    reporters: "We will ..."'); a ``reported`` "would" just before it ("said it would vote
    on Friday"), unless the sentence dates its saying before it ("Last week, the union said
    it would strike on Monday": ahead of last week, not of the dateline) or the date names
    an event ("would never forget Monday's attack")."""
    start, end = span
    before = CLAUSE_BREAK.split(sentence[:start])[-1]
    scope = before if len(before.split()) > 1 else _QUOTED.sub(" ", sentence)
    if future.search(scope):
        return True
    if scope is not before or not reported.search(before):
        return False
    calendar = {*v.months, *v.weekdays, *v.days, *v.periods}
    earlier = sentence[: start - len(before)]
    said_then = _YEAR.search(earlier) or any(
        w.strip(",.;:").lower() in calendar for w in earlier.split()
    )
    return not said_then and not sentence[end:].startswith(("'s", "’s"))
