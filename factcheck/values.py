"""Find and normalise the values in a text: numbers, hedges, units, durations, dates, ordinals.

Everything here is written by hand on purpose, with spans into the original text:
- text2num's ``alpha2digit`` rewrites the text, so its output loses the character offsets
  we need to highlight evidence in place, and it leaves "a dozen" / "half a million" alone;
- quantulum3 misreads newsroom phrases (STACK.md: "50-minute" as an angle, "$2bn" as
  "dollar bit newton", "half a million" as 1,500,000) and its classifier fails to load;
- dateparser resolves "January 10" by a global past/future preference, but a news story
  means the occurrence nearest its dateline, and "the same year" needs the last year named.
Counted nouns ("100,000 troops" counts troops) come from spaCy in ``analysis.py``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from dataclasses import dataclass

from .types import Value

# --- vocabulary ---------------------------------------------------------------------------

UNITS_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}
SUFFIX_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "t": 1e12}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "twentieth": 20,
    "thirtieth": 30,
    "fiftieth": 50,
    "hundredth": 100,
    "last": -1,
}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}

DURATION_UNITS = {
    "second": 1,
    "sec": 1,
    "minute": 60,
    "min": 60,
    "hour": 3600,
    "hr": 3600,
    "day": 86400,
    "week": 604800,
    "fortnight": 1209600,
    "month": 2629800,
    "year": 31557600,
    "decade": 315576000,
    "century": 3155760000,
}
# unit word -> (canonical unit, factor to canonical)
MEASURE_UNITS = {
    "km": ("m", 1000),
    "kilometre": ("m", 1000),
    "kilometer": ("m", 1000),
    "mile": ("m", 1609.344),
    "metre": ("m", 1),
    "meter": ("m", 1),
    "m": ("m", 1),
    "cm": ("m", 0.01),
    "inch": ("m", 0.0254),
    "inche": ("m", 0.0254),
    "in": ("m", 0.0254),
    "mm": ("m", 0.001),
    "foot": ("m", 0.3048),
    "feet": ("m", 0.3048),
    "kg": ("kg", 1),
    "kilogram": ("kg", 1),
    "tonne": ("kg", 1000),
    "ton": ("kg", 1000),
    "gigatonne": ("kg", 1e12),
    "gt": ("kg", 1e12),
    "megatonne": ("kg", 1e9),
    "pound": ("kg", 0.45359237),
    "lb": ("kg", 0.45359237),
    "ppm": ("ppm", 1),
    "ppb": ("ppm", 0.001),
    "°c": ("degC", 1),
    "c": ("degC", 1),
    "celsius": ("degC", 1),
    "°f": ("degF", 1),
    "fahrenheit": ("degF", 1),
    "degree": ("degree", 1),
    "kwh": ("Wh", 1000),
    "mwh": ("Wh", 1e6),
    "gwh": ("Wh", 1e9),
    "gw": ("W", 1e9),
    "mw": ("W", 1e6),
    "kw": ("W", 1e3),
    "watt": ("W", 1),
    "hectare": ("m2", 1e4),
    "acre": ("m2", 4046.86),
    "km2": ("m2", 1e6),
    "square": ("m2", 1),
}
CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR"}
CURRENCY_WORDS = {
    "dollar": "USD",
    "usd": "USD",
    "pound sterling": "GBP",
    "euro": "EUR",
    "eur": "EUR",
    "yen": "JPY",
    "rouble": "RUB",
    "ruble": "RUB",
    "yuan": "CNY",
    "rupee": "INR",
}

# hedge -> (relative low, relative high, open-ended side); applied to the number x
HEDGES: dict[str, tuple[float, float]] = {
    "around": (0.9, 1.1),
    "about": (0.9, 1.1),
    "roughly": (0.9, 1.1),
    "some": (0.9, 1.1),
    "approximately": (0.9, 1.1),
    "approx.": (0.9, 1.1),
    "an estimated": (0.9, 1.1),
    "estimated": (0.9, 1.1),
    "close to": (0.9, 1.0),
    "nearly": (0.9, 1.0),
    "almost": (0.9, 1.0),
    "just under": (0.9, 1.0),
    "just shy of": (0.9, 1.0),
    "just over": (1.0, 1.1),
    "just above": (1.0, 1.1),
    "more than": (1.0, math.inf),
    "over": (1.0, math.inf),
    "above": (1.0, math.inf),
    "upwards of": (1.0, math.inf),
    "in excess of": (1.0, math.inf),
    "at least": (1.0, math.inf),
    "no fewer than": (1.0, math.inf),
    "no less than": (1.0, math.inf),
    "fewer than": (0.0, 1.0),
    "less than": (0.0, 1.0),
    "under": (0.0, 1.0),
    "below": (0.0, 1.0),
    "up to": (0.0, 1.0),
    "at most": (0.0, 1.0),
    "no more than": (0.0, 1.0),
    "as many as": (0.0, 1.0),
    "as much as": (0.0, 1.0),
    "well over": (1.1, math.inf),
    "well under": (0.0, 0.9),
    "some more than": (1.0, math.inf),
}
# Strict-bound hedges exclude x itself ("more than 50" is not 50).
STRICT = {
    "more than",
    "over",
    "above",
    "fewer than",
    "less than",
    "under",
    "below",
    "well over",
    "well under",
    "in excess of",
    "upwards of",
}
EPS = 1e-9

_HEDGE_RE = "|".join(sorted((re.escape(h) for h in HEDGES), key=len, reverse=True))
_WORDNUM = "|".join(sorted(list(UNITS_WORDS) + list(TENS_WORDS), key=len, reverse=True))
_SCALE = "hundred|thousand|million|billion|trillion"

# A numeral: digits with separators, or number words joined by spaces/hyphens/"and".
_DIGITS = r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d]|(?:st|nd|rd|th)\b)"
_WORDS = (
    rf"\b(?:(?:{_WORDNUM})(?:[- ](?:{_WORDNUM}))?)"
    rf"(?:\s+(?:{_SCALE})(?:\s+(?:and\s+)?(?:{_WORDNUM})(?:[- ](?:{_WORDNUM}))?)?)*\b"
)
# Scientific notation ("1.5e6") and powers of ten ("10^6", "3 x 10^9"): read whole, so
# "1e400" is never read as 1 nor "10^6" as 6.
_SCI = r"(?<![\w.,])\d+(?:\.\d+)?[eE][+-]?\d+(?![\w.]\w)"
_POW = r"(?<![\w.,^])(?:\d+(?:\.\d+)?\s?[x×*]\s?)?10\s?\^\s?[+-]?\d+(?![\w.]\w)"
_NOT_FINITE = r"(?<![\w.])(?:NaN|[+-]?∞)(?!\w)"
# After "1.5m" these words mean metres, not millions ("1.5m tall", "a 100m race").
DIMENSION_AFTER = re.compile(
    r"^\s*(?:long|tall|high|wide|deep|thick|away|race|sprint|dash|hurdles|freestyle|"
    r"in\s+(?:length|height|width|depth|diameter)|(?:above|below)\s+sea)\b",
    re.IGNORECASE,
)
NUMBER_RE = re.compile(
    rf"(?P<cur>US\$|\$|£|€|¥|₹)?\s?"
    rf"(?:(?P<half>half\s+an?\s+(?:{_SCALE}|hour|dozen))"
    rf"|(?P<a>\ban?\s+(?:dozen|{_SCALE}|couple\s+of)\b)"
    rf"|(?P<plural>\b(?:dozens|hundreds|thousands|millions|billions)\s+of\b)"
    rf"|(?P<aunit>\b(?:an?|one)\s+(?=(?:hour|minute|day|week|month|year|fortnight|decade)\b))"
    rf"|(?P<sci>{_SCI})"
    rf"|(?P<pow>{_POW})"
    rf"|(?P<bad>{_NOT_FINITE})"
    rf"|(?P<num>{_DIGITS}|{_WORDS}))"
    rf"(?P<andhalf>\s+and\s+a\s+half\b)?"
    rf"(?:\s?(?P<suffix>k|m|mn|bn|b|tn)\b)?"
    rf"(?:\s+(?P<scale>{_SCALE})\b)?",
    re.IGNORECASE,
)
HEDGE_BEFORE = re.compile(rf"\b(?P<hedge>{_HEDGE_RE})\s+$", re.IGNORECASE)
HEDGE_AFTER = re.compile(r"^(?:-plus\b|\s+or\s+(?:more|so)\b|\+)", re.IGNORECASE)


def _exact_number(m: re.Match[str]) -> float:
    """The value of a scientific-notation, power-of-ten or not-finite match (may be inf
    or nan: the caller refuses those)."""
    if m["bad"]:
        return math.nan if m["bad"] == "NaN" else math.inf
    if m["sci"]:
        return float(m["sci"])
    pm = re.fullmatch(r"(?:(\d+(?:\.\d+)?)\s?[x×*]\s?)?10\s?\^\s?([+-]?\d+)", m["pow"])
    assert pm is not None
    exp = int(pm[2]) if len(pm[2].lstrip("+-")) < 6 else (10**6 if pm[2][0] != "-" else -(10**6))
    return float(f"{pm[1] or '1'}e{exp}")


def words_to_number(text: str) -> float | None:
    """'one hundred and fifty' -> 150, 'twenty-five thousand' -> 25000; None if not a number."""
    total, current = 0.0, 0.0
    seen = False
    for w in re.split(r"[\s-]+", text.lower().strip()):
        if w in ("and", ""):
            continue
        if w in UNITS_WORDS:
            current += UNITS_WORDS[w]
        elif w in TENS_WORDS:
            current += TENS_WORDS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in SCALES:
            total += (current or 1) * SCALES[w]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_number(text: str) -> float | None:
    """Parse a numeral written in digits or words ('1,200', '1.5', 'fifty', '2bn')."""
    t = text.strip().lower().replace(",", "")
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s?(k|m|mn|bn|b|tn)?(?:\s+(" + _SCALE + "))?", t)
    if m:
        v = float(m[1])
        if m[2]:
            v *= SUFFIX_SCALES[m[2]]
        if m[3]:
            v *= SCALES[m[3]]
        return v
    return words_to_number(t)


def hedge_interval(x: float, hedge: str) -> tuple[float, float]:
    """The interval a hedged number stands for: 'around 100' -> [90, 110]."""
    lo_f, hi_f = HEDGES.get(hedge.lower(), (1.0, 1.0))
    lo, hi = x * lo_f, (math.inf if math.isinf(hi_f) else x * hi_f)
    if hedge.lower() in STRICT:
        if lo_f >= 1.0:
            lo = x + max(abs(x) * 1e-6, EPS)
        else:
            hi = x - max(abs(x) * 1e-6, EPS)
    return (min(lo, hi), max(lo, hi))


# --- dates --------------------------------------------------------------------------------

_MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR_PREPS = (
    "in",
    "since",
    "by",
    "until",
    "till",
    "from",
    "during",
    "of",
    "between",
    "and",
    "to",
    "early",
    "late",
    "mid",
    "before",
    "after",
    "around",
    "year",
    "the",
    "circa",
    "through",
    "throughout",
    "fiscal",
    "for",
    "than",
    "as",
    "with",
    "at",
    "on",
)
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
        re.compile(
            r"\b(?P<mod>(?:earlier|later)\s+this|this|last|next|past|previous|coming)\s+"
            r"(?P<unit>week|month|year)\b",
            re.I,
        ),
    ),
    ("rel_day", re.compile(r"\b(?P<word>today|yesterday|tomorrow|tonight)\b", re.I)),
    (
        "ago",
        # Up to three digits: "11,500 years ago" is an age (a duration), not a calendar date.
        re.compile(
            rf"(?<![\d,.])\b(?P<n>\d{{1,3}}|an?|{_WORDNUM})\s+(?P<unit>day|week|month|year)s?"
            r"\s+ago\b",
            re.I,
        ),
    ),
    ("weekday", re.compile(rf"\b(?:(?P<mod>last|next|this|on)\s+)?(?P<wd>{_WEEKDAY_RE})\b")),
    (
        "month",
        re.compile(
            rf"\b(?:(?P<mod>in|early|late|mid|mid-|last|next|this|since|until|by|during|from|"
            rf"through|before|after)[\s-]+)(?P<mon>{_MONTH_RE})(?![\w-])"
        ),
    ),
    (
        "year",
        re.compile(r"(?<![\w$£€.,-])(?P<y>1[5-9]\d\d|20\d\d|21\d\d)(?![\w%,.]\d|\s*(?:%|percent))"),
    ),
]
_FUTURE = re.compile(
    r"\b(?:will|shall|'ll|is to|are to|going to|plans? to|scheduled|set to|ahead of|upcoming|"
    r"expected to|next|due to)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class DateContext:
    """What a relative date is resolved against: the dateline and the last year named."""

    dateline: dt.date | None
    last_year: int | None = None


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


def resolve_date(
    kind: str, m: re.Match[str], sentence: str, ctx: DateContext
) -> tuple[str, str, str] | None:
    """ISO bounds (from, to) and grain for a matched date expression, or None if unusable."""
    dl = ctx.dateline
    try:
        if kind in ("iso", "mdy", "dmy"):
            mon = int(m["m"]) if kind == "iso" else _mon(m["mon"])
            d = dt.date(int(m["y"]), mon, int(m["d"]))
            return d.isoformat(), d.isoformat(), "day"
        if kind in ("md", "dm"):
            mon, day = _mon(m["mon"]), int(m["d"])
            if not 1 <= day <= 31:
                return None
            if dl is None:
                return f"--{mon:02d}-{day:02d}", f"--{mon:02d}-{day:02d}", "day"
            d = dt.date(_nearest_year(dl, mon, day), mon, day)
            return d.isoformat(), d.isoformat(), "day"
        if kind == "my":
            y, mon = int(m["y"]), _mon(m["mon"])
            return dt.date(y, mon, 1).isoformat(), _month_end(y, mon).isoformat(), "month"
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
            return dt.date(y, mon, 1).isoformat(), _month_end(y, mon).isoformat(), "month"
        if kind == "decade":
            y = int(m["y"])
            return f"{y}-01-01", f"{y + 9}-12-31", "decade"
        if kind == "year":
            y = int(m["y"])
            return f"{y}-01-01", f"{y}-12-31", "year"
        if kind == "rel_same":
            unit = m["unit"].lower()
            if unit == "year" and ctx.last_year:
                return f"{ctx.last_year}-01-01", f"{ctx.last_year}-12-31", "year"
            return None
        if dl is None:
            return None
        if kind == "rel_day":
            off = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[m["word"].lower()]
            d = dl + dt.timedelta(days=off)
            return d.isoformat(), d.isoformat(), "day"
        if kind == "rel_period":
            mod, unit = m["mod"].lower().split()[-1], m["unit"].lower()
            shift = {"this": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}[mod]
            if unit == "year":
                y = dl.year + shift
                return f"{y}-01-01", f"{y}-12-31", "year"
            if unit == "month":
                y, mo = _add_months(dl, shift)
                return dt.date(y, mo, 1).isoformat(), _month_end(y, mo).isoformat(), "month"
            start = dl - dt.timedelta(days=dl.weekday()) + dt.timedelta(weeks=shift)
            return start.isoformat(), (start + dt.timedelta(days=6)).isoformat(), "week"
        if kind == "ago":
            n_txt = m["n"].lower()
            n = 1 if n_txt in ("a", "an") else int(parse_number(n_txt) or 0)
            unit = m["unit"].lower()
            if unit == "day":
                d = dl - dt.timedelta(days=n)
                return d.isoformat(), d.isoformat(), "day"
            if unit == "week":
                d = dl - dt.timedelta(weeks=n)
                return (
                    (d - dt.timedelta(days=3)).isoformat(),
                    (d + dt.timedelta(days=3)).isoformat(),
                    "week",
                )
            if unit == "month":
                y, mo = _add_months(dl, -n)
                return dt.date(y, mo, 1).isoformat(), _month_end(y, mo).isoformat(), "month"
            return f"{dl.year - n}-01-01", f"{dl.year - n}-12-31", "year"
        if kind == "weekday":
            wd = WEEKDAYS[m["wd"].lower()]
            mod = (m["mod"] or "").lower()
            future = mod == "next" or (mod != "last" and bool(_FUTURE.search(sentence)))
            if future:
                delta = (wd - dl.weekday()) % 7 or 7
                d = dl + dt.timedelta(days=delta)
            else:
                # Past tense (the news default): the most recent such day, the dateline included.
                d = dl - dt.timedelta(days=(dl.weekday() - wd) % 7)
            return d.isoformat(), d.isoformat(), "day"
    except (ValueError, KeyError):
        return None
    return None


def impossible_date(kind: str, m: re.Match[str]) -> str:
    """Why a day-precise date cannot exist ("February 30, 2021"), or "" when it can."""
    if kind not in ("iso", "mdy", "dmy", "md", "dm"):
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
    if prev in _YEAR_PREPS or prev.endswith("-"):
        return True
    after = text[end : end + 20]
    if not after.strip() or after.lstrip()[0] in ",.;:)!?\"”'":
        return True
    nxt = after.split()[0].lower() if after.split() else ""
    return nxt in (
        "and",
        "or",
        "to",
        "levels",
        "level",
        "figures",
        "census",
        "election",
        "season",
        "budget",
        "report",
        "agreement",
        "accord",
        "games",
        "summit",
    )


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
            values.append(Value("invalid", text[s:e], (s, e), note=bad))
            continue
        res = resolve_date(kind, m, text, ctx)
        if res is None:
            continue
        frm, to, grain = res
        values.append(
            Value(kind="date", text=text[s:e], span=(s, e), date_from=frm, date_to=to, label=grain)
        )
        named_year = frm[:4].isdigit() and kind in ("iso", "mdy", "dmy", "my")
        if (grain == "year" and kind != "rel_same") or named_year:
            ctx = DateContext(ctx.dateline, int(frm[:4]))
    return values, ctx


# --- numbers, quantities, durations, ordinals ---------------------------------------------

_DURATION_RE = "|".join(sorted(DURATION_UNITS, key=len, reverse=True))
_ORD_RE = re.compile(
    r"\b(?P<w>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
    r"twelfth|thirteenth|fourteenth|fifteenth|twentieth|thirtieth|fiftieth|hundredth)\b"
    r"|(?<![\w.])(?P<d>\d+)(?:st|nd|rd|th)\b",
    re.IGNORECASE,
)
# "a second thought", "split second", "second-hand": not counts of anything.
_ORD_NOT_BEFORE = re.compile(
    r"^[\s-]*(?:thought|thoughts|hand|hand\b|guess|opinion|nature|language|fiddle|wind|"
    r"person|lieutenant|cousin|floor|class|hand-|rate|tier|degree|place|"
    r"only\s+to|of\s+all|and\s+foremost|place)\b",
    re.IGNORECASE,
)
_ORD_NOT_AFTER = re.compile(r"(?:\bsplit|\bper|\bin\s+a|\bwait\s+a|\bjust\s+a|\bfor\s+a)\s+$", re.I)


def _unit_after(text: str, end: int) -> tuple[str, str, float, int]:
    """Look right after a number for a unit: returns (kind, unit, factor, new_end)."""
    rest = text[end:]
    m = re.match(
        rf"^(?:-|\s)?(?P<u>{_DURATION_RE})s?\b(?:\s+and\s+an?\s+half\b)?", rest, re.IGNORECASE
    )
    if m:
        return "duration", "second", float(DURATION_UNITS[m["u"].lower()]), end + m.end()
    m = re.match(r"^\s?(?P<u>%|percent\b|per\s+cent\b|percentage\s+points?\b)", rest, re.I)
    if m:
        unit = "pp" if m["u"].lower().startswith("percentage") else "%"
        return "percent", unit, 1.0, end + m.end()
    m = re.match(r"^(?P<u>[CF])\b", rest)  # "1.5C": degrees only when glued to the number
    if m:
        return "quantity", "degC" if m["u"] == "C" else "degF", 1.0, end + m.end()
    m = re.match(
        r"^(?:-|\s)?(?P<u>°[CF]|km2|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|cm|mm|kg|"
        r"kilograms?|tonnes?|tons?|gigatonnes?|megatonnes?|Gt|pounds?|lbs?|ppm|ppb|inch(?:es)?|feet|foot|ft|"
        r"degrees?(?:\s+(?:Celsius|Fahrenheit|C|F)\b)?|kWh|MWh|GWh|GW|MW|kW|watts?|hectares?|"
        r"acres?|km|m)\b",
        rest,
    )
    if m:
        raw = m["u"]
        key = (
            raw.lower().rstrip("s") if raw.lower() not in ("ppm", "ppb", "mm", "m") else raw.lower()
        )
        if key.startswith("degree"):
            key = (
                "°c"
                if "c" in key.split()[-1][:1]
                else ("°f" if key.endswith("f") or "fahr" in key else "degree")
            )
        for cand in (key, key.rstrip("e"), raw.lower()):
            if cand in MEASURE_UNITS:
                unit, f = MEASURE_UNITS[cand]
                return "quantity", unit, float(f), end + m.end()
    m = re.match(
        r"^\s?(?P<u>dollars?|euros?|pounds sterling|yen|roubles?|rubles?|yuan|rupees?)\b",
        rest,
        re.I,
    )
    if m:
        u = m["u"].lower()
        code = next(v for k, v in CURRENCY_WORDS.items() if u.startswith(k))
        return "money", code, 1.0, end + m.end()
    return "quantity", "", 1.0, end


def find_numbers(text: str, skip: list[tuple[int, int]] | None = None) -> list[Value]:
    """Quantities, money, percentages and durations in ``text``, hedges included.

    ``skip`` holds spans already claimed (dates), which numbers may not overlap.
    """
    skip = list(skip or [])
    out: list[Value] = []
    for m in NUMBER_RE.finditer(text):
        s, e = m.span()
        if not text[s:e].strip():
            continue
        # trim leading whitespace the optional currency group may have eaten
        while s < e and text[s].isspace():
            s += 1
        if any(s < te and ts < e for ts, te in skip):
            continue
        glued = s > 0 and (text[s - 1].isalpha() or text[s - 1] in "-/") and not m["cur"]
        if glued and not (text[s - 1] == "-" and s > 1 and text[s - 2].isdigit()):
            continue  # "COVID-19", "G7", "F-16": names, not figures
        body = m["num"] or ""
        lo_hi: tuple[float, float] | None = None
        if m["bad"] or m["sci"] or m["pow"]:
            x = _exact_number(m)
            if not math.isfinite(x):
                reason = f"{text[s:e].strip()!r} is not a finite number"
                out.append(Value("invalid", text[s:e], (s, e), note=reason))
                skip.append((s, e))
                continue
        elif m["half"]:
            what = m["half"].split()[-1].lower()
            if what == "hour":
                out.append(Value("duration", text[s:e], (s, e), 1800, 1800, "second"))
                continue
            x = 0.5 * (SCALES.get(what) or 12)
        elif m["aunit"]:
            x = 1.0
        elif m["a"]:
            what = m["a"].split()[-1].lower()
            x = {"dozen": 12.0, "of": 2.0}.get(what, SCALES.get(what, 1.0))
        elif m["plural"]:
            what = m["plural"].split()[0].lower()
            base = {
                "dozens": 12,
                "hundreds": 100,
                "thousands": 1e3,
                "millions": 1e6,
                "billions": 1e9,
            }[what]
            x = base * 2
            lo_hi = (base * 2, base * 1000 - 1 if base >= 100 else base * 8)
        else:
            low = body.lower()
            if low == "one":
                before = text[max(0, s - 12) : s].lower().split()
                after = text[e : e + 12].lower()
                if (
                    before
                    and before[-1]
                    in (
                        "no",
                        "the",
                        "this",
                        "that",
                        "any",
                        "every",
                        "each",
                        "some",
                        "which",
                        "someone",
                        "anyone",
                    )
                ) or re.match(r"^\s*(?:of|another|'s|’s|day|by|after|way|thing)\b", after):
                    continue
            if low in ("second",):
                continue
            v = parse_number(body)
            if v is None:
                continue
            x = v
        if m["andhalf"]:
            x += 0.5
        metres = False
        if m["suffix"]:
            metres = (
                m["suffix"].lower() == "m"
                and not m["cur"]
                and not m["scale"]
                and bool(DIMENSION_AFTER.match(text[e:]))
            )
            x *= 1.0 if metres else SUFFIX_SCALES[m["suffix"].lower()]
        if m["scale"]:
            x *= SCALES[m["scale"].lower()]
        kind, unit, factor, end = ("quantity", "m", 1.0, e) if metres else _unit_after(text, e)
        half = False
        if kind == "duration":
            tail = text[e:end].lower()
            half = "half" in tail
        if m["cur"]:
            kind, unit = "money", CURRENCY_SYMBOLS[m["cur"].lower()]
        hedge = ""
        hb = HEDGE_BEFORE.search(text[max(0, s - 25) : s])
        hs = s
        if hb:
            hedge = hb["hedge"].lower()
            hs = s - (len(text[max(0, s - 25) : s]) - hb.start())
        ha = HEDGE_AFTER.match(text[end:])
        if ha and not hedge:
            hedge = "at least" if ha.group(0).strip() in ("-plus", "+", "or more") else "around"
            end += ha.end()
        if half:
            x += 0.5  # "an hour and a half": the half is of the unit
        x *= factor
        if lo_hi is None:
            lo_hi = hedge_interval(x, hedge) if hedge else (x, x)
        elif factor != 1.0:
            lo_hi = (lo_hi[0] * factor, lo_hi[1] * factor)
        span = (hs, end)
        out.append(
            Value(
                kind=kind,
                text=text[span[0] : span[1]],
                span=span,
                low=lo_hi[0],
                high=lo_hi[1],
                unit=unit,
                hedge=hedge,
            )
        )
        skip.append(span)
    return out


_RANGE_GAP = re.compile(r"^\s*(?:to|-|–|—|or|and)\s*$", re.IGNORECASE)


def merge_ranges(text: str, values: list[Value]) -> list[Value]:
    """'80 to 90 years', '6-10C', 'between 0.2 and 0.3%', 'six or seven feet' -> one interval.

    The first number takes the second's unit ("80" in "80 to 90 years" is years too).
    """
    out: list[Value] = []
    for v in values:
        prev = out[-1] if out else None
        gap = text[prev.span[1] : v.span[0]] if prev else ""
        if (
            prev is not None
            and prev.kind in ("quantity", "duration", "percent", "money")
            and not prev.hedge
            and not v.hedge
            and _RANGE_GAP.match(gap)
            and (not prev.unit or prev.unit == v.unit)
            and (
                gap.strip().lower() != "and"
                or text[: prev.span[0]].lower().rstrip().endswith("between")
            )
            and prev.low is not None
            and v.low is not None
            and v.high is not None
        ):
            lo = prev.low
            if not prev.unit and v.unit:
                first = NUMBER_RE.search(v.text)
                raw = parse_number(first["num"]) if first and first["num"] else None
                factor = v.low / raw if raw else 1.0
                lo = prev.low * factor
            if lo <= v.high:
                out[-1] = Value(
                    v.kind,
                    text[prev.span[0] : v.span[1]],
                    (prev.span[0], v.span[1]),
                    lo,
                    v.high,
                    v.unit,
                    "range",
                )
                continue
        out.append(v)
    return out


def find_ordinals(text: str, skip: list[tuple[int, int]] | None = None) -> list[Value]:
    """Ordinals that count events or items ('their second call'), not idioms."""
    skip = skip or []
    out = []
    for m in _ORD_RE.finditer(text):
        s, e = m.span()
        if any(s < te and ts < e for ts, te in skip):
            continue
        if _ORD_NOT_BEFORE.match(text[e:]) or _ORD_NOT_AFTER.search(text[max(0, s - 12) : s]):
            continue
        if (
            m["w"]
            and m["w"].lower() == "second"
            and re.match(r"^s?\b", text[e:])
            and re.search(r"\d\s*$", text[max(0, s - 6) : s])
        ):
            continue  # "30 second" is a duration
        n = ORDINALS[m["w"].lower()] if m["w"] else int(m["d"])
        out.append(Value("ordinal", text[s:e], (s, e), float(n), float(n), ""))
    return out


def find_values(
    text: str, ctx: DateContext, *, keep_invalid: bool = False
) -> tuple[list[Value], DateContext]:
    """All non-entity values in one sentence, in text order, plus the updated date context.

    Text that looks like a value but cannot be one ("February 30", "1e400") is never
    misread as another value; with ``keep_invalid`` it comes back as kind ``invalid``."""
    dates, ctx = find_dates(text, ctx)
    taken = [v.span for v in dates]
    nums = find_numbers(text, taken)
    nums = [v for v in nums if v.kind == "invalid"] + merge_ranges(
        text, [v for v in nums if v.kind != "invalid"]
    )
    taken += [v.span for v in nums]
    ords = find_ordinals(text, taken)
    vals = sorted(dates + nums + ords, key=lambda v: v.span)
    if not keep_invalid:
        vals = [v for v in vals if v.kind != "invalid"]
    return vals, ctx


def describe(v: Value) -> str:
    """A short human form of a value for rationales: '50 minutes', 'around 100,000 troops'."""
    if v.kind == "date":
        if v.date_from == v.date_to:
            return v.date_from
        if v.label == "year":
            return v.date_from[:4]
        if v.label == "month":
            return v.date_from[:7]
        return f"{v.date_from}..{v.date_to}"
    if v.kind == "ordinal":
        return f"#{int(v.low or 0)}" + (f" {v.unit}" if v.unit else "")
    if v.kind == "duration":
        return _human_duration(v)
    x = center(v)
    num = _fmt(x)
    hedge = f"{v.hedge} " if v.hedge else ""
    if v.kind == "money":
        return f"{hedge}{v.unit} {num}"
    if v.kind == "percent":
        return f"{hedge}{num}%"
    return f"{hedge}{num}" + (f" {v.unit}" if v.unit else "")


def center(v: Value) -> float:
    """The figure a text states (the middle of its interval, or the bound a hedge names)."""
    lo, hi = v.low or 0.0, v.high if v.high is not None else 0.0
    if math.isinf(hi):
        return float(f"{lo:.6g}")
    if v.hedge in HEDGES:
        lf, hf = HEDGES[v.hedge]
        if lf == 0.0:
            return float(f"{hi:.6g}")
        if math.isinf(hf):
            return lo
        return lo / lf
    return (lo + hi) / 2


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
    # The largest unit that gives a whole number reads best: "90 minutes", not "1.5 hours".
    for name, secs in (
        ("year", 31557600),
        ("month", 2629800),
        ("week", 604800),
        ("day", 86400),
        ("hour", 3600),
        ("minute", 60),
    ):
        n = x / secs
        if n >= 1 and abs(n - round(n)) < 1e-3:
            n = round(n)
            return f"{hedge}{n:,} {name}{'' if n == 1 else 's'}"
    return f"{hedge}{_fmt(x)} seconds"
