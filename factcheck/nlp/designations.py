"""Numbers that name rather than count: a model's designation ("the 787 Dreamliner", "the
787's order book", "the 787 was expected") and a number ending a name written before it
("the FTSE 100", "iPhone 4", "an A330-200"). Such a number is no figure; a designation
with an owner's "'s" is checked as a name (nlp/facts.py)."""

from __future__ import annotations

from typing import Any

from factcheck.lang import Vocabulary, resolve
from factcheck.nlp.syntax import tokens


def owned_designation(num: Any) -> bool:
    """A number in digits with an owner's "'s" ("the 787's order book"): a model's name,
    for a count owns nothing."""
    nxt = num.doc[num.i + 1] if num.i + 1 < len(num.doc) else None
    if nxt is None or nxt.tag_ != "POS" or not num.like_num or num.is_alpha:
        return False
    prev = num.doc[num.i - 1] if num.i > 0 else None
    if prev is not None and (prev.pos_ == "PROPN" or prev.text[:1].isupper()):
        return False  # "the iPhone 4's": the number ends a name written before it
    return num.ent_type_ in ("", "CARDINAL")  # not a year's ("2009's first quarter")


def _designation(num: Any) -> bool:
    """A number that names a model rather than counting: one before a singular proper noun
    ("the 787 Dreamliner": twenty of a thing would be plural), one with an owner's "'s"
    ("the 787's order book"), or one standing alone as
    "the" subject of a singular verb ("the 787 was expected"; "the 33 were rescued" counts
    people)."""
    doc = num.doc
    nxt = doc[num.i + 1] if num.i + 1 < len(doc) else None
    after = doc[num.i + 2] if num.i + 2 < len(doc) else None
    if owned_designation(num):
        return True  # "the 787's order book": a count owns nothing; a model does
    if (
        nxt is not None
        and num.head.i == nxt.i
        and nxt.tag_ == "NNP"
        and nxt.text[:1].isupper()
        and num.lower_ != "one"
        # the proper noun ends the phrase ("12 Airbus A350s" counts the A350s)
        and (after is None or after.pos_ not in ("PROPN", "NOUN"))
    ):
        return nxt.ent_type_ not in ("DATE", "TIME", "MONEY", "QUANTITY", "PERCENT")
    verb = num.head
    return (
        num.dep_ in ("nsubj", "nsubjpass")
        and any(c.dep_ == "det" and c.lower_ == "the" for c in num.children)
        and any(
            "Sing" in t.morph.get("Number")
            for t in (verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass")))
        )
    )


def part_of_name(doc: Any, start: int, *, vocab: Vocabulary | None = None) -> bool:
    """A bare number right after a proper noun ("the FTSE 100", "S&P 500", "Boeing 787")
    belongs to the name: it counts nothing."""
    toks = tokens(doc, start, start + 1)
    if not toks:
        return False
    if _designation(toks[0]):
        return True
    if toks[0].i == 0:
        return False
    prev = doc[toks[0].i - 1]
    if prev.text == "-" and not prev.whitespace_ and prev.i > 0:
        # "A330-200", "Su-27": a model number joined to a code with letters in it.
        code = doc[prev.i - 1]
        return not code.whitespace_ and any(ch.isalpha() for ch in code.text)
    # By spelling, not the tagger's guess: a capitalised word (not a month or a sentence's
    # first word) right before the number
    # (a camel-cased brand counts: "iPhone 4", "eBay 2").
    capital = (
        prev.text[:1].isupper() or any(ch.isupper() for ch in prev.text[1:])
    ) and prev.text.lower() not in resolve(vocab).months
    return capital and prev.ent_type_ not in ("DATE", "TIME") and not prev.is_sent_start
