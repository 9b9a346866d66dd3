"""Short human forms of values for rationales: '50 minutes', 'around 100,000 troops'."""

from __future__ import annotations

import datetime as dt

from factcheck.lang import Vocabulary, resolve
from factcheck.nlp.elapsed import read_off_dates
from factcheck.nlp.numerals import stated
from factcheck.types import Value, ValueKind


def center(v: Value, *, vocab: Vocabulary | None = None) -> float:
    """The figure a text states (the middle of its interval, or the bound a hedge names)."""
    return stated(v.low or 0.0, v.high if v.high is not None else 0.0, v.hedge, vocab=vocab)


def describe(v: Value, *, vocab: Vocabulary | None = None) -> str:
    """A short human form of a value for rationales: '50 minutes', 'around 100,000 troops'.
    ``vocab`` names the scales and durations and says what the hedges mean."""
    vocab = resolve(vocab)
    if v.kind == ValueKind.DATE:
        if v.date_from == v.date_to:
            return v.date_from
        if v.date_from == dt.date.min.isoformat():  # "more than four years ago"
            return f"before {v.date_to}"
        if v.date_to == dt.date.max.isoformat():  # "more than a decade from now"
            return f"after {v.date_from}"
        if v.grain == "year" and v.date_from[5:] == "01-01":
            return v.date_from[:4]
        if v.grain == "month" and v.date_from[8:] == "01":
            return v.date_from[:7]
        years = (v.date_from[:4], v.date_to[:4])
        whole = v.date_from[4:] == "-01-01" and v.date_to[4:] == "-12-31"  # "2010-11"
        if all(y.isdigit() for y in years) and int(years[1]) - int(years[0]) >= 2 - whole:
            # "two decades ago": 17.5 to 22.5 years back, told in years
            return f"{years[0]} to {years[1]}"
        return f"{v.date_from}..{v.date_to}"  # "about a year ago": days back from the dateline
    if v.kind == ValueKind.ORDINAL:
        return f"#{int(v.low or 0)}" + (f" {v.noun}" if v.noun else "")
    if v.kind == ValueKind.DURATION:
        return _human_duration(v, vocab)
    if not v.hedge and v.low is not None and v.high is not None and v.low != v.high:
        # an interval the words give ("thousands of", "millions of dollars"): its middle
        # ("500,999.5") is no figure the text states, so it is told as written
        what = v.noun if v.kind == ValueKind.QUANTITY and not v.unit else ""
        return f"{v.text} {what}".strip()
    num = _fmt(center(v, vocab=vocab), vocab)
    hedge = f"{v.hedge} " if v.hedge else ""
    if v.hedge == "range" and v.low is not None and v.high is not None and v.low != v.high:
        num, hedge = f"{_fmt(v.low, vocab)} to {_fmt(v.high, vocab)}", ""  # both ends
    if v.kind == ValueKind.MONEY:
        return f"{hedge}{v.unit} {num}"
    if v.kind == ValueKind.PERCENT:
        return f"{hedge}{num} percentage points" if v.unit == "pp" else f"{hedge}{num}%"
    what = v.unit or v.noun
    return f"{hedge}{num}" + (f" {what}" if what else "")


def _fmt(x: float, vocab: Vocabulary) -> str:
    # The scale words of a million and up, largest first: "2.5 billion"; past a thousand
    # of the largest, scientific form ("1.2 × 10^29"), never float digits.
    scales = sorted(((s, n) for n, s in vocab.scales.items() if s >= 1e6), reverse=True)
    if scales and abs(x) >= 1000 * scales[0][0]:
        mantissa, exp = f"{x:.3e}".split("e")
        return f"{float(mantissa):g} × 10^{int(exp)}"
    for scale, name in scales:
        if abs(x) >= scale:
            return f"{x / scale:,.2f}".rstrip("0").rstrip(".") + f" {name}"
    if abs(x - round(x)) < 1e-6:
        return f"{round(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def _human_duration(v: Value, vocab: Vocabulary) -> str:
    """The largest unit that gives a whole number reads best: "90 minutes", not "1.5
    hours"; else the smallest ("7.5 seconds"). A range gives both ends in one unit: "2 to
    3 months", not its middle."""
    ends = [center(v, vocab=vocab)]
    hedge = f"{v.hedge} " if v.hedge else ""
    if v.hedge == "range" and v.low is not None and v.high is not None and v.low != v.high:
        ends, hedge = [v.low, v.high], ""
    *larger, smallest = vocab.spoken_durations
    plural = vocab.plural_suffix
    dated = read_off_dates(v, vocab=vocab)  # "since 1979", "by 2012", "by the end of 2008"
    if (
        (dated or not v.hedge)
        and v.low is not None
        and v.high is not None
        and (dated or v.low != v.high)
    ):
        # a length read off dates ("12 January ... 20 July": 189 to 190 days) is told in
        # its largest unit, rounded: "about 6 months", not "4,548 hours"
        name = next((u for u in larger if ends[0] >= vocab.durations[u]), smallest)
        n = round(ends[0] / vocab.durations[name])
        return f"about {n:,} {name}{'' if n == 1 else plural}"
    for name in larger:
        ns = [x / vocab.durations[name] for x in ends]
        if all(n >= 1 and abs(n - round(n)) < 1e-3 for n in ns):
            last = round(ns[-1])
            told = " to ".join(f"{round(n):,}" for n in ns)
            return f"{hedge}{told} {name}{'' if last == 1 else plural}"
    told = " to ".join(_fmt(x, vocab) for x in ends)
    return f"{hedge}{told} {smallest}{plural}"
