"""Short human forms of values for rationales: '50 minutes', 'around 100,000 troops'."""

from __future__ import annotations

from factcheck.nlp.numerals import stated
from factcheck.types import Value, ValueKind

# The largest unit that gives a whole number reads best: "90 minutes", not "1.5 hours".
_DURATION_NAMES = (
    ("year", 31557600),
    ("month", 2629800),
    ("week", 604800),
    ("day", 86400),
    ("hour", 3600),
    ("minute", 60),
)


def center(v: Value) -> float:
    """The figure a text states (the middle of its interval, or the bound a hedge names)."""
    return stated(v.low or 0.0, v.high if v.high is not None else 0.0, v.hedge)


def describe(v: Value) -> str:
    """A short human form of a value for rationales: '50 minutes', 'around 100,000 troops'."""
    if v.kind == ValueKind.DATE:
        if v.date_from == v.date_to:
            return v.date_from
        if v.grain == "year":
            return v.date_from[:4]
        if v.grain == "month":
            return v.date_from[:7]
        return f"{v.date_from}..{v.date_to}"
    if v.kind == ValueKind.ORDINAL:
        return f"#{int(v.low or 0)}" + (f" {v.noun}" if v.noun else "")
    if v.kind == ValueKind.DURATION:
        return _human_duration(v)
    num = _fmt(center(v))
    hedge = f"{v.hedge} " if v.hedge else ""
    if v.kind == ValueKind.MONEY:
        return f"{hedge}{v.unit} {num}"
    if v.kind == ValueKind.PERCENT:
        return f"{hedge}{num}%"
    what = v.unit or v.noun
    return f"{hedge}{num}" + (f" {what}" if what else "")


def _fmt(x: float) -> str:
    for name, scale in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)):
        if abs(x) >= scale:
            return f"{x / scale:,.2f}".rstrip("0").rstrip(".") + f" {name}"
    if abs(x - round(x)) < 1e-6:
        return f"{round(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def _human_duration(v: Value) -> str:
    x = center(v)
    hedge = f"{v.hedge} " if v.hedge else ""
    for name, secs in _DURATION_NAMES:
        n = x / secs
        if n >= 1 and abs(n - round(n)) < 1e-3:
            n = round(n)
            return f"{hedge}{n:,} {name}{'' if n == 1 else 's'}"
    return f"{hedge}{_fmt(x)} seconds"
