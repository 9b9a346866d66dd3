"""How long ago: "two years ago", "two decades ago", "more than four years ago" as dates;
and how far ahead: "six years from now" (lexicon ``ahead``), the same count forward.

A count of calendar units before "ago" dates something that long before the dateline
("two years ago": the calendar year two before the dateline's, as copy counts it). A count
of units of many years ("two decades ago"; lexicon ``ago_years``) reaches a share of the
unit either side (``ago_years_width``: 17.5 to 22.5 years back). A hedge before any count
("more than four years ago", "nearly a decade ago", "about a year ago") makes an interval
of the time back, as it does of a figure (hedges.json), and never a narrower one than the
count rounded to half its unit, or to half a year for a unit of many years, on the sides
the hedge leaves open ("nearly two years ago": from a year and a half back; "about a
decade ago": at least nine and a half to ten and a half years)."""

from __future__ import annotations

import datetime as dt
import math
import re

from factcheck.lang import Vocabulary
from factcheck.nlp.numerals import hedge_interval, parse_number
from factcheck.types import Grain

Resolved = tuple[str, str, Grain]
_DAY = 86400.0


def ago(m: re.Match[str], dl: dt.date, v: Vocabulary) -> Resolved:
    """The dates ``m`` (an "ago" match: its count ``n``, ``unit``, ``hedge`` and ``dir``,
    "ago" or "from now") names."""
    n_txt = m["n"].lower()
    n = 1.0 if n_txt in v.indefinite_articles else float(parse_number(n_txt, vocab=v) or 0)
    share = (m["share"] or "").lower()
    # "half a century", "a quarter of a century": a share of the unit; "a decade and a
    # half": half a unit more
    part = (0.5 if share in v.half else v.scale_shares.get(share, 1.0)) if share else 1.0
    halves = bool(m["andhalf"] or m["andhalf0"])
    n = n * part + (0.5 if halves else 0.0)
    unit = m["unit"].lower()
    years = v.ago_years.get(unit)
    hedge = (m["hedge"] or "").lower()
    back = m["dir"].lower() not in v.ahead  # "ago"; "from now" counts forward
    if years is None and not hedge and n.is_integer():
        try:
            return _calendar(int(n) if back else -int(n), v.calendar_units[unit], dl)
        except (OverflowError, ValueError):  # past the calendar's first or last day
            edge = (dt.date.min if back else dt.date.max).isoformat()
            return edge, edge, "day"
    days = years * v.durations["year"] / _DAY if years else _unit_days(unit, v)
    w = v.ago_years_width
    if share or halves:  # as rounded as a length of time is (the elapsed hedge)
        w = n * (v.hedges[v.elapsed_hedge].width or 0.0)
    lo, hi = (n - w, n + w) if not hedge else hedge_interval(n, hedge, vocab=v)
    h, half = v.hedges.get(hedge), 0.5 / (years or 1)  # half a year, or half the unit
    if h is not None and h.means != "at_least":  # "nearly two years ago": 18 months too
        lo = min(lo, n - half)
    if h is not None and h.means == "about":
        hi = max(hi, n + half)
    grain: Grain = "day" if days < 7 else "week" if days < 28 else "month" if days < 365 else "year"
    if not back:
        return _shift(dl, max(lo, 0.0) * days), _shift(dl, hi * days), grain
    return _shift(dl, -hi * days), _shift(dl, -max(lo, 0.0) * days), grain


def _calendar(n: int, grain: str, dl: dt.date) -> Resolved:
    """``n`` units back from the dateline (forward if negative), as the calendar counts."""
    if grain == "day":
        day = (dl - dt.timedelta(days=n)).isoformat()
        return day, day, "day"
    if grain == "week":
        d = dl - dt.timedelta(weeks=n)
        return (
            (d - dt.timedelta(days=3)).isoformat(),
            (d + dt.timedelta(days=3)).isoformat(),
            "week",
        )
    if grain == "month":
        k = dl.year * 12 + (dl.month - 1) - n
        first = dt.date(k // 12, k % 12 + 1, 1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        return first.isoformat(), last.isoformat(), "month"
    year = dt.date(dl.year - n, 1, 1).year  # a year off the calendar raises ValueError
    return f"{year:04d}-01-01", f"{year:04d}-12-31", "year"


def _unit_days(unit: str, v: Vocabulary) -> float:
    grain = v.calendar_units[unit]
    return v.durations[grain] / _DAY


def _shift(dl: dt.date, days: float) -> str:
    """The day ``days`` after the dateline (before it if negative), the calendar's first
    or last day if that is further."""
    if math.isinf(days) or days <= -(dl - dt.date.min).days:
        return (dt.date.min if days < 0 else dt.date.max).isoformat()
    if days >= (dt.date.max - dl).days:
        return dt.date.max.isoformat()
    return (dl + dt.timedelta(days=round(days))).isoformat()
