"""Two dates joined as a range ("from March 2004 to May 2009", "between 2001 and 2006",
"January 23 through March 9", "1955-2011") and the length of time between them, which is
how copy restates a range ("for five years", "a six-month strike").

A range's far end often comes without what the near end gives: "from March to September"
names the second month bare, "1955-2011" writes the second year after a dash. Those ends
are read here as dates too (a bare month takes the other end's year), so that no "2011" of
a range is ever a count. The length is as wide as the dates are coarse: from the latest
the first could be to the earliest the second could be, up to the whole of both (a range
of two years named alone, 2004 to 2009, is four to six years; of two days, 3 to 5 March,
two or three days, as copy counts a "three-day" festival). The joining words are the
clock's (dates.json 'clock': 'until', 'between')."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from factcheck.lang import Vocabulary, alternation, resolve
from factcheck.nlp.clock import length_over
from factcheck.types import DurationRole, Value, ValueKind

_DAY = 86400.0


@dataclass(frozen=True, slots=True)
class _Patterns:
    until: re.Pattern[str]  # the whole gap between two dates of a range
    between: re.Pattern[str]  # ends just before the first date of "between A and B"
    bare_after: re.Pattern[str]  # a bare month or year right after a range's first end
    bare_before: re.Pattern[str]  # a bare month ending the text before "and"/"to" + date


@cache
def _patterns(v: Vocabulary) -> _Patterns:
    until = alternation(v.clock.until)
    joins = alternation([*v.clock.until, "and"])
    month = rf"(?P<mon>{alternation(m.capitalize() for m in v.months)})"
    return _Patterns(
        until=re.compile(rf"^\s*(?:{until})\s*$", re.I),
        between=re.compile(rf"\b(?:{alternation(v.clock.between)})\s+$", re.I),
        bare_after=re.compile(
            rf"\s*(?P<join>{until})\s*(?:{month}(?![\w-])(?!\s*,?\s*\d)"
            r"|(?P<y>1[5-9]\d\d|20\d\d|21\d\d)(?![\w%.,]))"
        ),
        bare_before=re.compile(rf"(?<![\w-]){month}\s*(?P<join>{joins})\s*$"),
    )


def _month(year: int, month: int) -> tuple[str, str]:
    first = dt.date(year, month, 1)
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return first.isoformat(), (nxt - dt.timedelta(days=1)).isoformat()


def _dated(d: Value) -> tuple[dt.date, dt.date] | None:
    try:
        return dt.date.fromisoformat(d.date_from), dt.date.fromisoformat(d.date_to)
    except ValueError:
        return None  # a year not known ("--03-05"), or no date


def _date(text: str, s: int, e: int, frm: str, to: str, grain: str) -> Value:
    return Value(
        kind=ValueKind.DATE,
        text=text[s:e],
        span=(s, e),
        date_from=frm,
        date_to=to,
        grain="month" if grain == "month" else "year",
    )


def range_ends(text: str, dates: list[Value], *, vocab: Vocabulary | None = None) -> list[Value]:
    """The far ends of ranges that :func:`~factcheck.nlp.dates.find_dates` left unread: a
    bare month after "to" ("from March 2004 to June": June 2004; past December, the next
    year's), a bare month before "and"/"to" and a date ("between September and October
    2007"), a year after a dash or "to" ("1955-2011")."""
    v = resolve(vocab)
    p = _patterns(v)
    out: list[Value] = []
    spans = [d.span for d in dates]
    for d in dates:
        known = _dated(d) if d.kind == ValueKind.DATE and d.grain != "decade" else None
        if known is None:
            continue
        first, last = known
        if m := p.bare_after.match(text, d.span[1]):
            s, e = m.start("mon") if m["mon"] else m.start("y"), m.end()
            if not any(a < e and s < b for a, b in spans):
                if m["mon"]:
                    mon = v.months[m["mon"].lower()]
                    year = first.year + (mon < first.month)
                    out.append(_date(text, s, e, *_month(year, mon), "month"))
                elif int(m["y"]) > last.year:
                    out.append(_date(text, s, e, f"{m['y']}-01-01", f"{m['y']}-12-31", "year"))
        if d.grain in ("month", "day") and (m := p.bare_before.search(text, 0, d.span[0])):
            s, e = m.start("mon"), m.end("mon")
            mon = v.months[m["mon"].lower()]
            if m["join"].lower() == "and" and not p.between.search(text, 0, s):
                continue  # "in March and on 5 May": two dates, no range
            if not any(a < e and s < b for a, b in spans):
                year = first.year - (mon > first.month)
                out.append(_date(text, s, e, *_month(year, mon), "month"))
    return out


def range_lengths(text: str, dates: list[Value], *, vocab: Vocabulary | None = None) -> list[Value]:
    """The length of time of each range of two dates, a duration over the range; and of
    two dates of one sentence that make no range, the time between the two events they
    date ("the strike began on 12 January and the workers returned on 20 July": about six
    months), in the role 'between' (:func:`is_between`): a strike's length, or a launch
    "five months after" an announcement, may be read off it, but nothing disputed by it
    (the two events need not be one's start and end)."""
    v = resolve(vocab)
    p = _patterns(v)
    out: list[Value] = []
    ordered = sorted((d for d in dates if d.kind == ValueKind.DATE), key=lambda d: d.span)
    for a, b in pairwise(ordered):
        gap = text[a.span[1] : b.span[0]]
        joined = p.until.match(gap) or (
            gap.strip().lower() == "and" and p.between.search(text, 0, a.span[0])
        )
        first, second = _dated(a), _dated(b)
        if first is None or second is None:
            continue
        if not joined and not all(any(ch.isdigit() for ch in d.text) for d in (a, b)):
            continue  # "in March, last year": two events' times only as written with figures
        if not joined and second[1] < first[0]:
            first, second = second, first  # "returned on 20 July, after striking on 12 May"
        (a_first, a_last), (b_first, b_last) = first, second
        if b_first <= a_last:
            continue  # no time between them ("2009 to March 2009"), or backwards
        low, high = (b_first - a_last).days * _DAY, ((b_last - a_first).days + 1) * _DAY
        # what follows a range ("2004 to 2009 before it closed") makes it no offset
        role: DurationRole = "length" if joined else "between"
        out.append(length_over(text, (a.span[0], b.span[1]), low, high, role))
    return out


def is_between(v: Value) -> bool:
    """Whether ``v`` is the time between two dates of a sentence that make no range."""
    return v.kind == ValueKind.DURATION and v.role == "between"
