"""Find and resolve the dates in a sentence, relative to its dateline.

dateparser resolves "January 10" by a global past/future preference, but a news story
means the occurrence nearest its dateline, and "the same year" needs the last year named:
so this is written by hand, with spans into the original text. The calendar words come
from the language tables (factcheck/lang/en/dates.json).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from factcheck.lang import alternation, vocabulary, words_pattern
from factcheck.nlp.numerals import parse_number
from factcheck.types import Grain, Value, ValueKind

VOCAB = vocabulary("en")
MONTHS = VOCAB.months
WEEKDAYS = VOCAB.weekdays

_MONTH_RE = rf"(?:{alternation(m.capitalize() for m in MONTHS)})\.?"
_WEEKDAY_RE = rf"(?:{alternation(d.capitalize() for d in WEEKDAYS)})"
_NUMBER_WORDS = alternation([*VOCAB.units, *VOCAB.tens])
_PERIODS = alternation(VOCAB.periods)
_DAYS = alternation(VOCAB.days)
_MONTH_MODS = alternation(VOCAB.month_modifiers)

DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    (
        "mdy",
        re.compile(
            rf"\b(?P<mon>{_MONTH_RE})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b"
        ),
    ),
    (
        "dmy",
        re.compile(
            rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH_RE})\s*,?\s+(?P<y>\d{{4}})\b"
        ),
    ),
    (
        "md",
        re.compile(
            rf"\b(?P<mon>{_MONTH_RE})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*,?\s*\d{{4}})(?![\d:])"
        ),
    ),
    (
        "dm",
        re.compile(
            rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH_RE})\b(?!\s*,?\s*\d{{4}})"
        ),
    ),
    ("my", re.compile(rf"\b(?P<mon>{_MONTH_RE})\s+(?:of\s+)?(?P<y>\d{{4}})\b")),
    ("decade", re.compile(r"\b(?:the\s+)?(?P<y>1[6-9]\d0|20\d0)s\b")),
    ("rel_same", re.compile(r"\b(?:the\s+)?same\s+(?P<unit>year|month|day)\b", re.I)),
    (
        "rel_period",
        re.compile(rf"\b(?P<mod>{_PERIODS})\s+(?P<unit>week|month|year)\b", re.I),
    ),
    ("rel_day", re.compile(rf"\b(?P<word>{_DAYS})\b", re.I)),
    (
        "ago",
        # Up to three digits: "11,500 years ago" is an age (a duration), not a calendar date.
        re.compile(
            rf"(?<![\d,.])\b(?P<n>\d{{1,3}}|an?|{_NUMBER_WORDS})\s+(?P<unit>day|week|month|year)s?"
            r"\s+ago\b",
            re.I,
        ),
    ),
    ("weekday", re.compile(rf"\b(?:(?P<mod>last|next|this|on)\s+)?(?P<wd>{_WEEKDAY_RE})\b")),
    (
        "month",
        re.compile(rf"\b(?:(?P<mod>{_MONTH_MODS})[\s-]+)(?P<mon>{_MONTH_RE})(?![\w-])"),
    ),
    (
        "year",
        re.compile(r"(?<![\w$£€.,-])(?P<y>1[5-9]\d\d|20\d\d|21\d\d)(?![\w%,.]\d|\s*(?:%|percent))"),
    ),
]
_FUTURE = re.compile(rf"\b(?:{words_pattern(VOCAB.future)})", re.I)
DAY_PRECISE = ("iso", "mdy", "dmy", "md", "dm")


@dataclass(frozen=True, slots=True)
class DateContext:
    """What a relative date is resolved against: the dateline and the last year named."""

    dateline: dt.date | None
    last_year: int | None = None


Resolved = tuple[str, str, Grain]  # ISO from, ISO to, grain


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _nearest_year(dl: dt.date, month: int, day: int | None) -> int:
    """The year that puts (month, day) nearest the dateline: news means the near one."""
    best, best_gap = dl.year, None
    for y in (dl.year - 1, dl.year, dl.year + 1):
        try:
            d = dt.date(y, month, day or 15)
        except ValueError:
            continue
        gap = abs((d - dl).days)
        if best_gap is None or gap < best_gap:
            best, best_gap = y, gap
    return best


def _mon(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def _add_months(d: dt.date, n: int) -> tuple[int, int]:
    k = d.year * 12 + (d.month - 1) + n
    return k // 12, k % 12 + 1


def _day(d: dt.date) -> Resolved:
    return d.isoformat(), d.isoformat(), "day"


def _month(y: int, mon: int) -> Resolved:
    return dt.date(y, mon, 1).isoformat(), _month_end(y, mon).isoformat(), "month"


def _year(y: int) -> Resolved:
    return f"{y}-01-01", f"{y}-12-31", "year"


def _absolute(kind: str, m: re.Match[str], dl: dt.date | None) -> Resolved | None:
    """Dates that name their month, year or decade."""
    if kind in ("iso", "mdy", "dmy"):
        mon = int(m["m"]) if kind == "iso" else _mon(m["mon"])
        return _day(dt.date(int(m["y"]), mon, int(m["d"])))
    if kind in ("md", "dm"):
        mon, day = _mon(m["mon"]), int(m["d"])
        if not 1 <= day <= 31:
            return None
        if dl is None:
            return f"--{mon:02d}-{day:02d}", f"--{mon:02d}-{day:02d}", "day"
        return _day(dt.date(_nearest_year(dl, mon, day), mon, day))
    if kind == "my":
        return _month(int(m["y"]), _mon(m["mon"]))
    if kind == "month":
        mon = _mon(m["mon"])
        mod = (m["mod"] or "").lower()
        if dl is None:
            return f"--{mon:02d}", f"--{mon:02d}", "month"
        if mod == "last":
            y = dl.year if mon < dl.month else dl.year - 1
        elif mod == "next":
            y = dl.year if mon > dl.month else dl.year + 1
        elif mod == "this":
            y = dl.year
        else:
            y = _nearest_year(dl, mon, None)
        return _month(y, mon)
    if kind == "decade":
        y = int(m["y"])
        return f"{y}-01-01", f"{y + 9}-12-31", "decade"
    if kind == "year":
        return _year(int(m["y"]))
    return None


def _relative(kind: str, m: re.Match[str], sentence: str, dl: dt.date) -> Resolved | None:
    """Dates relative to the dateline: "yesterday", "last week", "two years ago", "Monday"."""
    if kind == "rel_day":
        return _day(dl + dt.timedelta(days=VOCAB.days[m["word"].lower()]))
    if kind == "rel_period":
        shift, unit = VOCAB.periods[" ".join(m["mod"].lower().split())], m["unit"].lower()
        if unit == "year":
            return _year(dl.year + shift)
        if unit == "month":
            return _month(*_add_months(dl, shift))
        start = dl - dt.timedelta(days=dl.weekday()) + dt.timedelta(weeks=shift)
        return start.isoformat(), (start + dt.timedelta(days=6)).isoformat(), "week"
    if kind == "ago":
        n_txt = m["n"].lower()
        n = 1 if n_txt in ("a", "an") else int(parse_number(n_txt) or 0)
        unit = m["unit"].lower()
        if unit == "day":
            return _day(dl - dt.timedelta(days=n))
        if unit == "week":
            d = dl - dt.timedelta(weeks=n)
            return (
                (d - dt.timedelta(days=3)).isoformat(),
                (d + dt.timedelta(days=3)).isoformat(),
                "week",
            )
        if unit == "month":
            return _month(*_add_months(dl, -n))
        return _year(dl.year - n)
    if kind == "weekday":
        wd = WEEKDAYS[m["wd"].lower()]
        mod = (m["mod"] or "").lower()
        future = mod == "next" or (mod != "last" and bool(_FUTURE.search(sentence)))
        if future:
            return _day(dl + dt.timedelta(days=(wd - dl.weekday()) % 7 or 7))
        # Past tense (the news default): the most recent such day, the dateline included.
        return _day(dl - dt.timedelta(days=(dl.weekday() - wd) % 7))
    return None


def resolve_date(kind: str, m: re.Match[str], sentence: str, ctx: DateContext) -> Resolved | None:
    """ISO bounds (from, to) and grain for a matched date expression, or None if unusable."""
    try:
        if kind == "rel_same":
            if m["unit"].lower() == "year" and ctx.last_year:
                return _year(ctx.last_year)
            return None
        found = _absolute(kind, m, ctx.dateline)
        if found is not None or ctx.dateline is None:
            return found
        return _relative(kind, m, sentence, ctx.dateline)
    except (ValueError, KeyError):
        return None


def impossible_date(kind: str, m: re.Match[str]) -> str:
    """Why a day-precise date cannot exist ("February 30, 2021"), or "" when it can."""
    if kind not in DAY_PRECISE:
        return ""
    try:
        mon = int(m["m"]) if kind == "iso" else _mon(m["mon"])
        day = int(m["d"])
        year = int(m["y"]) if kind in ("iso", "mdy", "dmy") else 2000  # a leap year
        dt.date(year, mon, day)
    except (ValueError, KeyError):
        return f"{m.group(0).strip()!r} is not a real date"
    return ""


def _is_year_context(text: str, start: int, end: int) -> bool:
    """A bare 4-digit number is a year after a time preposition or before punctuation/end."""
    before = text[max(0, start - 20) : start].lower().split()
    prev = before[-1].strip("(\"'“") if before else ""
    if prev in VOCAB.year_before or prev.endswith("-"):
        return True
    after = text[end : end + 20]
    if not after.strip() or after.lstrip()[0] in ",.;:)!?\"”'":
        return True
    nxt = after.split()[0].lower() if after.split() else ""
    return nxt in VOCAB.year_after


def find_dates(text: str, ctx: DateContext) -> tuple[list[Value], DateContext]:
    """Every date expression in ``text`` (one sentence), resolved; returns the updated context."""
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, int, str, re.Match[str]]] = []
    for kind, pat in DATE_PATTERNS:
        for m in pat.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if kind == "year" and not _is_year_context(text, s, e):
                continue
            taken.append((s, e))
            found.append((s, e, kind, m))
    found.sort()
    values: list[Value] = []
    for s, e, kind, m in found:
        bad = impossible_date(kind, m)
        if bad:
            values.append(Value(kind=ValueKind.INVALID, text=text[s:e], span=(s, e), note=bad))
            continue
        res = resolve_date(kind, m, text, ctx)
        if res is None:
            continue
        frm, to, grain = res
        values.append(
            Value(
                kind=ValueKind.DATE,
                text=text[s:e],
                span=(s, e),
                date_from=frm,
                date_to=to,
                grain=grain,
            )
        )
        named_year = frm[:4].isdigit() and kind in ("iso", "mdy", "dmy", "my")
        if (grain == "year" and kind != "rel_same") or named_year:
            ctx = DateContext(ctx.dateline, int(frm[:4]))
    return values, ctx
