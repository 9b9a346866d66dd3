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
from functools import cache

from factcheck.lang import GRAINS, Vocabulary, alternation, resolve, words_pattern
from factcheck.nlp.ago import ago
from factcheck.nlp.date_ahead import CLAUSE_BREAK, NEAR_END, ahead
from factcheck.nlp.month_year import month_of_year
from factcheck.nlp.named_weekdays import named_weekdays
from factcheck.nlp.split_years import split_years
from factcheck.types import Grain, Value, ValueKind


@dataclass(frozen=True, slots=True)
class DatePatterns:
    """The date patterns of one vocabulary, in the order they claim text (:func:`date_patterns`)."""

    kinds: tuple[tuple[str, re.Pattern[str]], ...]
    future: re.Pattern[str]  # a word that puts a weekday ahead of the dateline
    reported: re.Pattern[str]  # the same in the date's own clause only ("said it would ...")


@cache
def date_patterns(v: Vocabulary) -> DatePatterns:
    """The date patterns built from ``v``'s calendar and grammar words (once per object)."""
    mon = rf"(?:{alternation(m.capitalize() for m in v.months)})\.?"
    weekday = rf"(?:{alternation(d.capitalize() for d in v.weekdays)})"
    number = alternation([*v.units, *v.tens])
    nth = rf"(?:{alternation(v.ordinal_suffixes)})?"
    of = rf"(?:(?:{alternation(v.of_words)})\s+)?"
    the = rf"(?:(?:{alternation(v.definite_articles)})\s+)?"
    plural = rf"(?:{re.escape(v.plural_suffix)})"
    percent = alternation(v.percent.get("%", ()))
    # the first day of two of one month: "23 and 24 January 2010", "January 23-24, 2010"
    first = rf"(?:(?P<d0>\d{{1,2}}){nth}\s*(?:{alternation(v.range_joiners)})\s*)?"

    # "mid-2011", "2005-2011": a year after a modifier's or range's hyphen; not "X-2011" (a code)
    hyphened = (
        "".join(rf"(?<=\b(?i:{re.escape(m)}))|" for m in v.month_modifiers if m.endswith("-"))
        + r"(?<=\b(?:1[5-9]|2[01])\d\d-)|"
    )
    not_half = "".join(rf"(?<!\b{re.escape(h)}\s)" for h in v.half)  # "half a century"
    not_half += "".join(rf"(?<!\b{re.escape(w)}\s)" for w in v.length_prepositions)  # "for"
    not_half += "".join(rf"(?<!\b{re.escape(w)}\s)" for w in v.of_words)  # "a quarter of"

    def unit(*grains: str) -> str:
        return alternation(w for w, g in v.calendar_units.items() if g in grains)

    kinds = (
        ("iso", r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b", 0),
        # 31/12/2021, 12.31.2021: which part is the day is decided in numeric_date.
        ("numeric", r"(?<![\d/.])(?P<a>\d{1,2})([/.])(?P<b>\d{1,2})\2(?P<y>\d{4})(?![\d/])", 0),
        ("mdy", rf"\b(?P<mon>{mon})\s+{first}(?P<d>\d{{1,2}}){nth},?\s+(?P<y>\d{{4}})\b", 0),
        (
            "dmy",
            rf"\b{first}(?P<d>\d{{1,2}}){nth}\s+{of}(?P<mon>{mon})\s*,?\s+(?P<y>\d{{4}})\b",
            0,
        ),
        ("md", rf"\b(?P<mon>{mon})\s+(?P<d>\d{{1,2}}){nth}\b(?!\s*,?\s*\d{{4}})(?![\d:])", 0),
        ("dm", rf"\b(?P<d>\d{{1,2}}){nth}\s+{of}(?P<mon>{mon})\b(?!\s*,?\s*\d{{4}})", 0),
        ("my", rf"\b(?P<mon>{mon})\s+{of}(?P<y>\d{{4}})\b", 0),
        ("season", _season_pattern(v), 0),
        ("decade", rf"\b{the}(?P<y>1[6-9]\d0|20\d0){plural}\b", 0),
        (
            "rel_same",
            rf"\b{the}(?:{alternation(v.same)})\s+(?P<unit>{unit('year', 'month', 'day')})\b",
            re.I,
        ),
        (
            "rel_period",
            rf"\b(?P<mod>{alternation(v.periods)})\s+(?P<unit>{unit('week', 'month', 'year')})\b",
            re.I,
        ),
        (
            "rel_weekend",
            rf"\b(?P<mod>{alternation(v.periods)})\s+(?P<unit>{alternation(v.weekend_words)})\b",
            re.I,
        ),
        ("rel_day", rf"\b(?P<word>{alternation(v.days)})\b", re.I),
        (
            "ago",
            # Up to three digits: "11,500 years ago" is an age (a duration), not a date.
            rf"(?:\b(?P<hedge>{alternation(set(v.hedges) - set(v.ago_particles))})\s+)?"
            # a share of a unit: "half a century ago", "a quarter of a century ago"
            rf"(?:\b(?P<share>{alternation([*v.half, *v.scale_shares])})\s+"
            rf"(?=(?:{alternation(v.indefinite_articles)})\s)|(?<![\d,.]){not_half}\b)"
            rf"(?P<n>\d{{1,3}}|{alternation(v.indefinite_articles)}|{number})"
            rf"(?:\s+(?P<andhalf0>{alternation(v.and_a_half)}))?"  # "two and a half years"
            rf"\s+(?P<unit>{unit(*GRAINS)}|{alternation(v.ago_years)})"
            rf"{plural}?(?:\s+(?P<andhalf>{alternation(v.and_a_half)}))?"
            rf"\s+(?P<dir>{alternation([*v.ago, *v.ahead])})\b",
            re.I,
        ),
        (
            "weekday",
            rf"\b(?:(?P<mod>(?i:{alternation(v.weekday_modifiers)}))\s+)?(?P<wd>{weekday})\b",
            0,
        ),
        (
            "month",
            rf"\b(?:(?P<mod>(?i:{alternation(v.month_modifiers)}))[\s-]+)(?P<mon>{mon})(?![\w-])",
            0,
        ),
        (
            "year",
            rf"(?:{hyphened}(?<![\w$£€.,-]))(?P<y>1[5-9]\d\d|20\d\d|21\d\d)"
            rf"(?![\w%,.]\d|\s*(?:{percent}))",
            0,
        ),
    )
    return DatePatterns(
        kinds=tuple((kind, re.compile(rx, flags)) for kind, rx, flags in kinds),
        future=re.compile(rf"\b(?:{words_pattern(v.future)})", re.I),
        reported=re.compile(rf"\b(?:{words_pattern(v.future_in_past)}){NEAR_END}", re.I),
    )


def _season_pattern(v: Vocabulary) -> str:
    """'in fall 2007', 'the autumn of 2007': a season named with its year, after a word of
    ``season_before`` ("fall" is a verb too: "could fall 2000 points"), the year from 1800
    to 2099."""
    with_of = [x for x in v.seasons if x not in v.seasons_without_of]
    without = [x for x in v.seasons if x in v.seasons_without_of]
    of = rf"(?:(?:{alternation(v.of_words)})\s+)?"
    parts = [rf"(?P<season>(?i:{alternation(with_of)}))\s+{of}"] if with_of else []
    parts += [rf"(?P<season2>(?i:{alternation(without)}))\s+"] if without else []
    if not parts or not v.season_before:
        return r"(?!x)x"  # a language without seasons: matches nothing
    pre = rf"(?i:{alternation(v.season_before)})\s+"
    return rf"\b{pre}(?:{'|'.join(parts)})(?P<y>1[89]\d\d|20\d\d)\b"


DAY_PRECISE = ("iso", "mdy", "dmy", "md", "dm", "numeric")
DATE_ORDERS = ("dmy", "mdy")


@dataclass(frozen=True, slots=True)
class DateContext:
    """What a relative date is resolved against: the dateline and the last year named."""

    dateline: dt.date | None
    last_year: int | None = None
    order: str = ""  # "dmy" or "mdy": how to read 03/04/2021 ("": refuse it as ambiguous)


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


def _mon(s: str, v: Vocabulary) -> int:
    return v.months[s.lower().rstrip(".")]


def _add_months(d: dt.date, n: int) -> tuple[int, int]:
    k = d.year * 12 + (d.month - 1) + n
    return k // 12, k % 12 + 1


def _day(d: dt.date) -> Resolved:
    return d.isoformat(), d.isoformat(), "day"


def _month(y: int, mon: int) -> Resolved:
    return dt.date(y, mon, 1).isoformat(), _month_end(y, mon).isoformat(), "month"


def _year(y: int) -> Resolved:
    return f"{y}-01-01", f"{y}-12-31", "year"


def _absolute(
    kind: str, m: re.Match[str], dl: dt.date | None, v: Vocabulary, order: str = ""
) -> Resolved | None:
    """Dates that name their month, year or decade."""
    if kind in ("iso", "mdy", "dmy"):
        mon = int(m["m"]) if kind == "iso" else _mon(m["mon"], v)
        last = dt.date(int(m["y"]), mon, int(m["d"]))
        if kind != "iso" and m["d0"] and int(m["d0"]) < last.day:
            return last.replace(day=int(m["d0"])).isoformat(), last.isoformat(), "day"
        return _day(last)
    if kind == "numeric":
        got = numeric_date(m, order)
        return None if isinstance(got, str) else _day(dt.date(*got))
    if kind in ("md", "dm"):
        mon, day = _mon(m["mon"], v), int(m["d"])
        if not 1 <= day <= 31:
            return None
        if dl is None:
            return f"--{mon:02d}-{day:02d}", f"--{mon:02d}-{day:02d}", "day"
        return _day(dt.date(_nearest_year(dl, mon, day), mon, day))
    if kind == "my":
        return _month(int(m["y"]), _mon(m["mon"], v))
    if kind == "month":
        mon = _mon(m["mon"], v)
        # a modifier that is also a period ("last", "next", "this") moves the month as it
        shift = v.periods.get(" ".join((m["mod"] or "").lower().split()))
        if dl is None:
            return f"--{mon:02d}", f"--{mon:02d}", "month"
        if shift is not None and shift < 0:
            y = dl.year if mon < dl.month else dl.year - 1
        elif shift is not None and shift > 0:
            y = dl.year if mon > dl.month else dl.year + 1
        elif shift == 0:
            y = dl.year
        else:
            y = _nearest_year(dl, mon, None)
        return _month(y, mon)
    if kind == "season":
        opens, closes = v.seasons[(m["season"] or m["season2"]).lower()]
        y = int(m["y"])
        return dt.date(y, opens, 1).isoformat(), _month_end(y, closes).isoformat(), ""
    if kind == "decade":
        y = int(m["y"])
        return f"{y}-01-01", f"{y + 9}-12-31", "decade"
    if kind == "year":
        return _year(int(m["y"]))
    return None


def _relative(
    kind: str, m: re.Match[str], sentence: str, dl: dt.date, v: Vocabulary
) -> Resolved | None:
    """Dates relative to the dateline: "yesterday", "last week", "two years ago", "Monday"."""
    if kind == "rel_day":
        return _day(dl + dt.timedelta(days=v.days[m["word"].lower()]))
    if kind == "rel_weekend":
        # a Saturday and Sunday: "next" the coming one, "last" the latest before the dateline's
        # own (on a Saturday or Sunday, the one before it), "this" the dateline's own, else the
        # coming one in a future clause ("will meet this weekend": its own clause, not "due
        # to ..." in another); on a weekday, without a future word, "this weekend" may be the
        # one just past or the coming one ("face Kestrel this weekend"), and is read as either
        shift = v.periods[" ".join(m["mod"].lower().split())]
        latest = dl - dt.timedelta(days=(dl.weekday() - 5) % 7)
        coming = dl + dt.timedelta(days=(5 - dl.weekday()) % 7)
        clause = CLAUSE_BREAK.split(sentence[: m.start()])[-1]
        if shift > 0 or (shift == 0 and bool(date_patterns(v).future.search(clause))):
            sat, until = coming, coming + dt.timedelta(days=1)
        elif shift < 0:
            sat = latest - dt.timedelta(days=7) if dl.weekday() >= 5 else latest
            until = sat + dt.timedelta(days=1)
        elif dl.weekday() >= 5:
            sat, until = latest, latest + dt.timedelta(days=1)
        else:
            sat, until = latest, coming + dt.timedelta(days=1)
        return sat.isoformat(), until.isoformat(), "day"
    if kind == "rel_period":
        shift = v.periods[" ".join(m["mod"].lower().split())]
        unit = v.calendar_units[m["unit"].lower()]
        if unit == "year":
            return _year(dl.year + shift)
        if unit == "month":
            return _month(*_add_months(dl, shift))
        start = dl - dt.timedelta(days=dl.weekday()) + dt.timedelta(weeks=shift)
        return start.isoformat(), (start + dt.timedelta(days=6)).isoformat(), "week"
    if kind == "ago":
        return ago(m, dl, v)
    if kind == "weekday":
        wd = v.weekdays[m["wd"].lower()]
        way = v.weekday_modifiers.get((m["mod"] or "").lower(), 0)  # 0: as the tense says
        future = way > 0 or (way == 0 and _ahead(sentence, m, v))
        # The dateline's own weekday is the dateline itself, as tense goes either way (news style
        # names the day even for the day of the report: a story dated Monday says the plane
        # "was set to land on Monday"); "next" and "last" move a week off it.
        if future:
            return _day(dl + dt.timedelta(days=(wd - dl.weekday()) % 7 or (7 if way > 0 else 0)))
        # Past tense (the news default): the most recent such day, the dateline included.
        return _day(dl - dt.timedelta(days=(dl.weekday() - wd) % 7 or (7 if way < 0 else 0)))
    return None


def _ahead(sentence: str, m: re.Match[str], v: Vocabulary) -> bool:
    p = date_patterns(v)
    return ahead(sentence, m.span(), p.future, p.reported, v)


def _one_side(found: Resolved, dateline: dt.date | None, way: int) -> Resolved:
    """A month or a day without a year that only one side of the dateline holds: in a
    clause about the future (``way`` 1) never before the dateline's month ("will open in
    July", in a story of October: next July); after "since" (-1) never after it."""
    frm, _, grain = found
    dl = dateline.isoformat()[:7] if dateline is not None else ""
    if not dl or frm.startswith("--") or (frm[:7] >= dl if way > 0 else frm[:7] <= dl):
        return found
    y = int(frm[:4]) + way
    if grain == "month":
        return _month(y, int(frm[5:7]))
    return _day(dt.date(y, int(frm[5:7]), int(frm[8:10])))


def resolve_date(
    kind: str,
    m: re.Match[str],
    sentence: str,
    ctx: DateContext,
    *,
    vocab: Vocabulary | None = None,
) -> Resolved | None:
    """ISO bounds (from, to) and grain for a matched date expression, or None if unusable."""
    v = resolve(vocab)
    try:
        if kind == "rel_same":
            if v.calendar_units[m["unit"].lower()] == "year" and ctx.last_year:
                return _year(ctx.last_year)
            return None
        found = _absolute(kind, m, ctx.dateline, v, ctx.order)
        mod = " ".join((m.groupdict().get("mod") or "").lower().split())
        if found is not None and kind in ("md", "dm", "month") and mod not in v.periods:
            # "last November" says its own way; "since January" is never ahead
            if mod in v.elapsed_since:
                found = _one_side(found, ctx.dateline, -1)
            elif _ahead(sentence, m, v):
                found = _one_side(found, ctx.dateline, 1)
        if found is not None or ctx.dateline is None:
            return found
        return _relative(kind, m, sentence, ctx.dateline, v)
    except (ValueError, KeyError):
        return None


def numeric_date(m: re.Match[str], order: str) -> tuple[int, int, int] | str:
    """(year, month, day) of "31/12/2021" or "12/31/2021": a part over 12 is the day;
    otherwise ``order`` ("dmy" or "mdy") decides; with neither, why it is refused."""
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if a > 12 and b <= 12:
        return y, b, a
    if b > 12 and a <= 12:
        return y, a, b
    if a == b or order in DATE_ORDERS:
        return (y, b, a) if order != "mdy" else (y, a, b)
    if a > 12 and b > 12:
        return f"{m.group(0)!r} is not a real date"
    return f"{m.group(0)!r} is ambiguous (day/month or month/day); set date_order to dmy or mdy"


def impossible_date(
    kind: str, m: re.Match[str], *, vocab: Vocabulary | None = None, order: str = ""
) -> str:
    """Why a day-precise date cannot exist ("February 30, 2021") or cannot be read
    ("03/04/2021" with no date order), or "" when it can."""
    if kind not in DAY_PRECISE:
        return ""
    if kind == "numeric":
        got = numeric_date(m, order)
        if isinstance(got, str):
            return got
        try:
            dt.date(*got)
        except ValueError:
            return f"{m.group(0)!r} is not a real date"
        return ""
    try:
        mon = int(m["m"]) if kind == "iso" else _mon(m["mon"], resolve(vocab))
        day = int(m["d"])
        year = int(m["y"]) if kind in ("iso", "mdy", "dmy") else 2000  # a leap year
        dt.date(year, mon, day)
    except (ValueError, KeyError):
        return f"{m.group(0).strip()!r} is not a real date"
    return ""


def _is_year_context(text: str, start: int, end: int, v: Vocabulary) -> bool:
    """A bare 4-digit number is a year after a time preposition, a determiner or a
    possessive ("GM's 2008 revenue"), or before punctuation/end."""
    before = text[max(0, start - 20) : start].lower().split()
    prev = before[-1].strip("(\"'“") if before else ""
    if prev in v.year_before or prev.endswith("-") or prev.endswith(v.possessive_endings):
        return True
    after = text[end : end + 20]
    nxt = after.split()[0].lower().strip(",.;:") if after.split() else ""
    if before and before[-1].endswith(v.plural_possessive_endings):
        # "General Motors' 2005 results"; not "the Carsons' 2000 acres" (counts, measures)
        return nxt in v.year_after or nxt in v.possessive_year_after
    if not after.strip() or after.lstrip()[0] in ",.;:)!?\"”'":
        return True
    return after.split()[0].lower() in v.year_after


def find_dates(
    text: str, ctx: DateContext, *, vocab: Vocabulary | None = None
) -> tuple[list[Value], DateContext]:
    """Every date expression in ``text`` (one sentence), resolved; returns the updated context."""
    v = resolve(vocab)
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, int, str, re.Match[str]]] = []
    for kind, pat in date_patterns(v).kinds:
        for m in pat.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if kind == "year" and not _is_year_context(text, s, e, v):
                continue
            taken.append((s, e))
            found.append((s, e, kind, m))
    found.sort()
    found, named_days = named_weekdays(text, found, DAY_PRECISE)  # "Thursday, 25 October"
    values: list[Value] = []
    for s, e, kind, m in found:
        bad = impossible_date(kind, m, vocab=v, order=ctx.order)
        if bad:
            values.append(Value(kind=ValueKind.INVALID, text=text[s:e], span=(s, e), note=bad))
            continue
        res = resolve_date(kind, m, text, ctx, vocab=v)
        if res is None:
            continue
        frm, to, grain = res
        s = named_days.get(s, s)  # over its weekday; the day as written decides
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
        named_year = frm[:4].isdigit() and kind in ("iso", "mdy", "dmy", "my", "numeric", "season")
        if (grain == "year" and kind != "rel_same") or named_year:
            ctx = DateContext(ctx.dateline, int(frm[:4]), ctx.order)
    return split_years(text, month_of_year(text, values, v)), ctx
