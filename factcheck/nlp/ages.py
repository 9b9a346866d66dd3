"""Someone's age, however copy writes it: "Daniel Roe, 19," (a number set off by commas
after a person's name), "aged 19", "at the age of 19", "a 19-year-old", "19 years old".
Each is 19 years in the duration role 'age', compared only with ages (duration_roles.duration_role
reads the last two; this module the bare numbers). Words: lexicon.json 'age_before',
'age_after'."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import Any

from factcheck.lang import Vocabulary, alternation
from factcheck.types import Value, ValueKind

_APPOSED_BEFORE = re.compile(r",\s*")
_APPOSED_AFTER = re.compile(r"\s*(?:[,;)]|\.(?!\d)|$)")


@cache
def age_before(vocab: Vocabulary) -> re.Pattern[str]:
    """Words that end just before an age ("aged", "at the age of")."""
    return re.compile(rf"\b(?:{alternation(vocab.age_before)})\W*$", re.I)


def is_age(doc: Any, start: int, end: int, vocab: Vocabulary) -> bool:
    """Whether a bare number is someone's age: after an age word ("aged 19"), or set off
    by commas after a person's name ("Daniel Roe, 19, was released")."""
    if age_before(vocab).search(doc.text[max(0, start - 20) : start]):
        return True
    if not _APPOSED_AFTER.match(doc.text, end):
        return False
    return any(
        e.label_ == "PERSON" and _APPOSED_BEFORE.fullmatch(doc.text, e.end_char, start)
        for e in doc.ents
    )


def as_age(doc: Any, v: Value, vocab: Vocabulary) -> Value:
    """``v`` as an age when it is a bare whole number that :func:`is_age`, else ``v``."""
    bare = (
        v.kind == ValueKind.QUANTITY
        and not v.unit
        and not v.hedge
        and v.low is not None
        and v.low == v.high
        and float(v.low).is_integer()
        and 0 < v.low < 130
    )
    if not bare or not is_age(doc, v.span[0], v.span[1], vocab):
        return v
    years = float(v.low or 0) * vocab.durations["year"]
    return replace(v, kind=ValueKind.DURATION, low=years, high=years, unit="second", role="age")
