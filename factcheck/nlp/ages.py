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
    """Whether a bare number is someone's age: after an age word ("aged 19"), what a
    person is ("when he was 22"), or set off by commas after a person's name ("Daniel
    Roe, 19, was released")."""
    if age_before(vocab).search(doc.text[max(0, start - 20) : start]):
        return True
    if _person_is(doc, start, end, vocab):
        return True
    if not _APPOSED_AFTER.match(doc.text, end):
        return False
    return any(
        e.label_ == "PERSON" and _APPOSED_BEFORE.fullmatch(doc.text, e.end_char, start)
        for e in doc.ents
    )


def _person_is(doc: Any, start: int, end: int, vocab: Vocabulary) -> bool:
    """ "when he was 22", "Roe, who is 19": a bare number that a person is (the complement
    of "be" whose subject is a person's pronoun, a person's name, or "who" said of one)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    num = span.root
    verb = num.head
    if num.dep_ not in ("attr", "acomp") or verb.lemma_ != "be":
        # "when she was six so that ...": the parser may hang the number elsewhere; the
        # verb "be" right before it, and no noun it counts, make it the complement still
        prev = doc[num.i - 1] if num.i > 0 else None
        if prev is None or prev.lemma_ != "be" or num.head.pos_ in ("NOUN", "PROPN"):
            return False
        verb = prev
    people = {*vocab.person_pronouns, *(w for w in vocab.first_person if w != "we")}
    for s in verb.children:
        if s.dep_ != "nsubj":
            continue
        if s.lower_ in people or s.ent_type_ == "PERSON":
            return True
        if s.lower_ in vocab.relative_pronouns and verb.dep_ == "relcl":
            return verb.head.pos_ == "PROPN" or verb.head.ent_type_ == "PERSON"
    return False


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
