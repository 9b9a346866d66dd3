"""A figure given as a multiple of one before it in its sentence: "UAW workers earn $28
an hour; their replacements will earn about half that" is about $14 an hour, "costs
rose to $2 billion, three times that" $6 billion. Copy restates the figure it stands for.
Only words that point back ("that", not "that of", which compares with something else;
not "twice as many as", whose other term comes after) make one. The words: numbers.json
'relative_multipliers' and 'relative_back'."""

from __future__ import annotations

import math
import re
from dataclasses import replace
from functools import cache

from factcheck.lang import Vocabulary, alternation, resolve
from factcheck.nlp.numerals import hedge_before, hedge_interval, parse_number, stated
from factcheck.types import Value, ValueKind

_OF = frozenset([ValueKind.MONEY, ValueKind.QUANTITY, ValueKind.PERCENT, ValueKind.DURATION])


@cache
def _pattern(v: Vocabulary) -> re.Pattern[str]:
    numbers = alternation([*v.units, *v.tens])
    return re.compile(
        rf"\b(?:(?P<m>{alternation(v.relative_multipliers)})"
        rf"|(?P<n>\d+(?:\.\d+)?|{numbers})\s+times)"
        rf"\s+(?:{alternation(v.relative_back)})\b(?!\s+of\b)",
        re.I,
    )


def relative_figures(
    text: str, values: list[Value], *, vocab: Vocabulary | None = None
) -> list[Value]:
    """The figure each multiple stands for, over its words (and a hedge before them), of
    the kind and unit of the nearest figure before it."""
    v = resolve(vocab)
    out: list[Value] = []
    for m in _pattern(v).finditer(text):
        s, e = m.span()
        before = [
            x
            for x in values
            if x.span[1] <= s
            and x.kind in _OF
            and not x.text.lower().startswith(v.indefinite_articles)  # "$28 an hour": a rate's
            and x.low is not None
            and x.high is not None
            and not math.isinf(x.high)
        ]
        factor = v.relative_multipliers[m["m"].lower()] if m["m"] else parse_number(m["n"], vocab=v)
        if not before or not factor:
            continue
        base = before[-1]
        if base.low is None or base.high is None:
            continue
        h = hedge_before(v).search(text, 0, s)
        hedge = h["hedge"].lower() if h else ""
        start = h.start() if h else s
        lo, hi = hedge_interval(
            stated(base.low, base.high, base.hedge, vocab=v) * factor, hedge, vocab=v
        )
        out.append(replace(base, text=text[start:e], span=(start, e), low=lo, high=hi, hedge=hedge))
    return out


def with_relative(
    text: str, values: list[Value], *, vocab: Vocabulary | None = None
) -> list[Value]:
    """``values`` (in text order) with each multiple read as the figure it stands for, in
    place of the values inside its words ("three" of "three times that", "half" read as a
    share)."""
    rel = relative_figures(text, values, vocab=vocab)
    inside = [r.span for r in rel]
    kept = [x for x in values if not any(a <= x.span[0] and x.span[1] <= b for a, b in inside)]
    return sorted(kept + rel, key=lambda x: x.span)
