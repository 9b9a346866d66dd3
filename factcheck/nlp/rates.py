"""Rates: "$15 an hour", "US$ 1.6 million a year", "5% a year". The unit of time after a
figure is what the figure is per, not a length of time of its own: it is marked with the
duration role 'rate', compared only with another figure's rate ("$15 a day" is not "$15 an
hour"), and never with a length ("a year" of a salary is no "33 years" of a career)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from factcheck.lang import Vocabulary, resolve
from factcheck.types import Value, ValueKind

_PER = frozenset([ValueKind.MONEY, ValueKind.QUANTITY, ValueKind.PERCENT])


_COUNTED = re.compile(r"(?:\s+[A-Za-z][\w'-]*){0,3}\s+")  # "visitors", "unique visitors"
_NEXT = re.compile(r"\W*(\w+)")


def as_rates(text: str, values: list[Value], *, vocab: Vocabulary | None = None) -> list[Value]:
    """``values`` (in text order) with each one-unit length of time written with an article
    ("an hour") right after another figure, or after the noun that figure counts ("14
    million unique visitors a month", "three times a day"), marked as that figure's rate.
    Not where a word between is a preposition or a word of time order ("10 people in a
    day", "two men died a day later")."""
    v = resolve(vocab)
    out = list(values)
    for i in range(1, len(out)):
        before, x = out[i - 1], out[i]
        first = x.text.split()[0].lower() if x.text.split() else ""
        if (
            x.kind == ValueKind.DURATION
            and not x.role
            and first in v.indefinite_articles
            and before.kind in _PER
            and _per(text, before.span[1], x.span, v)
        ):
            out[i] = replace(x, role="rate")
    # "per month" is a rate wherever it stands
    return [replace(x, role="rate") if _per_word(x, v) else x for x in out]


def _per_word(x: Value, v: Vocabulary) -> bool:
    words = x.text.split()
    return x.kind == ValueKind.DURATION and bool(words) and words[0].lower() in v.per_words


def _per(text: str, end: int, span: tuple[int, int], v: Vocabulary) -> bool:
    """Whether the words between a figure (ending at ``end``) and a unit of time with an
    article (at ``span``) let the unit be the figure's rate: none, or a few of the counted
    noun's."""
    gap = text[end : span[0]]
    nxt = _NEXT.match(text, span[1])
    if nxt and nxt.group(1).lower() in _order_words(v):
        return False  # "$900 million a year earlier": when, not per what
    if not gap.strip():
        return True
    if not _COUNTED.fullmatch(gap):
        return False
    return not {w.lower() for w in gap.split()} & _blocking(v)


@cache
def _order_words(v: Vocabulary) -> frozenset[str]:
    """Words after a unit of time that make it an offset or a span ("a day later")."""
    return frozenset(v.offset_words) | frozenset(v.ago) | frozenset(v.base_offsets)


@cache
def _blocking(v: Vocabulary) -> frozenset[str]:
    """Words between a figure and a unit of time that make the unit no rate of it."""
    return (
        frozenset(v.span_prepositions)
        | frozenset(v.length_prepositions)
        | frozenset(v.of_words)
        | frozenset(v.offset_words)
        | frozenset(v.definite_articles)
        | frozenset(v.indefinite_articles)
    )
