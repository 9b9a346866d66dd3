"""A unit written once after a list of figures is each one's: "gains of eight and fourteen
percent" are 8% and 14%, "5, 10 and 20 km" three distances, "two and three years" two
lengths of time. A bare number joined to the next figure by a list word (numbers.json
'list_joiners') takes that figure's kind, unit and scale; a range ("between 5 and 10%")
is read as one value before this (values.merge_ranges). So are a currency named once
(:func:`carry_currency`) and a counted noun written at a list's first count (:func:`carry_noun`)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import Any

from factcheck.lang import Vocabulary, alternation, resolve
from factcheck.nlp.numerals import parse_number
from factcheck.types import Value, ValueKind

_NUMBER = re.compile(r"[\d.,]+|[A-Za-z-]+")


@cache
def _gap(v: Vocabulary) -> re.Pattern[str]:
    return re.compile(rf"^\s*(?:{alternation(v.list_joiners)})\s*$", re.I)


def _raw(v: Value, vocab: Vocabulary) -> float | None:
    """The number as written at the start of a figure's text ("14" of "14 million")."""
    for m in _NUMBER.finditer(v.text):
        try:
            n = parse_number(m.group(), vocab=vocab)
        except (ValueError, KeyError):
            n = None
        if n:
            return n
    return None


def share_units(text: str, values: list[Value], *, vocab: Vocabulary | None = None) -> list[Value]:
    """``values`` (in text order) with each bare number of a list given the unit written
    after the list's last figure."""
    v = resolve(vocab)
    out = list(values)
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        shared = b.kind != ValueKind.QUANTITY or bool(b.unit)
        bare = a.kind == ValueKind.QUANTITY and not a.unit and not a.hedge
        if not (shared and bare and _gap(v).match(text[a.span[1] : b.span[0]])):
            continue
        raw, written = _raw(b, v), _raw(a, v)
        if not raw or written is None or a.low is None or b.low is None:
            continue
        factor = b.low / raw  # a percent's 1, a kilometre's 1000, "million"'s 1e6
        out[i] = replace(a, kind=b.kind, unit=b.unit, low=a.low * factor, high=a.low * factor)
    return out


@cache
def _scales(v: Vocabulary) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(v.scales)})\b", re.I)


def carry_currency(values: list[Value], *, vocab: Vocabulary | None = None) -> list[Value]:
    """``values`` with a bare scaled amount of no counted noun ("on top of the four billion
    it has already received") made money of the sentence's one currency ("an additional
    US$ 5 billion in aid"): copy names the currency once and drops it from the next
    amount. Not where the sentence has two currencies or none."""
    v = resolve(vocab)
    units = {x.unit for x in values if x.kind == ValueKind.MONEY and x.unit}
    if len(units) != 1:
        return values
    (unit,) = units
    scale = _scales(v)
    return [
        replace(x, kind=ValueKind.MONEY, unit=unit)
        if x.kind == ValueKind.QUANTITY
        and not x.unit
        and not x.noun
        and not x.entity_type
        and scale.search(x.text)
        else x
        for x in values
    ]


_ITEM_GAP = re.compile(r"^[^,;:.!?()\"“”]{0,40}(?:,|\band\b|,\s+and\b)\s*$")


def carry_noun(doc: Any, values: list[Value], *, vocab: Vocabulary | None = None) -> list[Value]:
    """``values`` (in text order) with a bare count that starts the next item of a list
    given the counted noun of the count before it: "cut approximately 4,300 jobs in
    France, 3,700 in Germany and 400 in Spain" counts jobs three times; copy writes the
    noun once. Only where the two are a few words apart, the second after a comma or
    "and" and followed by a preposition, a conjunction or a stop ("..., 3,700 in
    Germany"), not by a verb or a part's "of" ("..., and 2,000 fled", "12 people, 3 of
    whom were children"); only a count of no unit."""
    v = resolve(vocab)
    text = doc.text
    out = list(values)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        bare = b.kind == ValueKind.QUANTITY and not (b.unit or b.noun or b.entity_type)
        counted = a.kind == ValueKind.QUANTITY and bool(a.noun) and not a.unit
        gap = text[a.span[1] : b.span[0]]
        if not (bare and counted and len(gap.split()) <= 6 and _ITEM_GAP.match(gap)):
            continue
        after = next((t for t in doc if t.idx >= b.span[1]), None)
        if after is None or (
            after.pos_ in ("ADP", "PUNCT", "CCONJ") and after.lower_ not in v.of_words
        ):
            out[i] = replace(b, noun=a.noun)
    return out
