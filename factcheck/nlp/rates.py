"""Rates: "$15 an hour", "US$ 1.6 million a year", "5% a year". The unit of time after a
figure is what the figure is per, not a length of time of its own: it is marked with the
duration role 'rate', compared only with another figure's rate ("$15 a day" is not "$15 an
hour"), and never with a length ("a year" of a salary is no "33 years" of a career)."""

from __future__ import annotations

from dataclasses import replace

from factcheck.lang import Vocabulary, resolve
from factcheck.types import Value, ValueKind

_PER = frozenset([ValueKind.MONEY, ValueKind.QUANTITY, ValueKind.PERCENT])


def as_rates(text: str, values: list[Value], *, vocab: Vocabulary | None = None) -> list[Value]:
    """``values`` (in text order) with each one-unit length of time written with an article
    ("an hour") right after another figure marked as that figure's rate."""
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
            and not text[before.span[1] : x.span[0]].strip()
        ):
            out[i] = replace(x, role="rate")
    return out
