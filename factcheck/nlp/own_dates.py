"""The date that is a figure's own: "revenue was $7.1 billion in 2006, up from $5.8
billion in 2005" gives each amount its year; "sales rose 8% in January after falling 3% in
December", each change its month. A clause may hold several dates; the one nearest up the
parse from the figure (on the figure itself, on the preposition that governs it, or on its
verb) is when that figure holds. Stored with a text's facts; rules/timing.py reads it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from factcheck.nlp.syntax import tokens
from factcheck.types import NUMERIC_KINDS, Value, ValueKind

Span = tuple[int, int]


def _root(doc: Any, v: Value) -> Any | None:
    toks = tokens(doc, *v.span)
    return next((t for t in toks if not (v.span[0] <= t.head.idx < v.span[1])), None)


def own_dates(doc: Any, values: Iterable[Value]) -> tuple[tuple[Span, tuple[Span, ...]], ...]:
    """(a figure's span, the spans of its own dates) for each figure that has one: the
    dates hung on the nearest token up from the figure, through prepositions and nouns,
    up to and including its verb."""
    values = list(values)
    # each date by the token it hangs on: itself ("Monday") or through a preposition
    hung: dict[int, list[Span]] = {}
    for d in values:
        if d.kind != ValueKind.DATE or (r := _root(doc, d)) is None:
            continue
        at = r.head.head if r.head.pos_ == "ADP" and r.dep_ == "pobj" else r.head
        if at is not r:
            hung.setdefault(at.i, []).append(d.span)
    out = []
    for v in values:
        if v.kind not in NUMERIC_KINDS or (t := _root(doc, v)) is None:
            continue
        for _ in range(4):
            if t.i in hung:
                out.append((v.span, tuple(hung[t.i])))
                break
            if t.pos_ in ("VERB", "AUX") or t.head is t:
                break
            t = t.head
    return tuple(out)
