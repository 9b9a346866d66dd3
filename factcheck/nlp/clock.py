"""Times of day ("16:00 UTC", "9:45 a.m.", "6pm", "midnight", "six in the morning") and the
length of time between two of them ("from 6:00am to midnight" is 18 hours).

A time of day is no figure: its digits are claimed here, before the numbers are read, so
that "the 12:00 UTC announcement" never gives the counts 12 and 0. Two times joined as a
range ("from 9 a.m. to 5 p.m.", "between noon and 3pm", "9:00-17:00") make one length of
time, the range's span, which is what copy restates ("an eight-hour day"). Times in two
different zones make none. The words: dates.json 'clock'."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from factcheck.lang import Vocabulary, alternation, resolve
from factcheck.types import DurationRole, Value, ValueKind

DAY = 24 * 60  # minutes


@dataclass(frozen=True, slots=True)
class ClockTime:
    """One time of day in a text: its span, minutes after midnight, and zone ("" if none)."""

    span: tuple[int, int]
    minute: int
    zone: str = ""


@dataclass(frozen=True, slots=True)
class _Patterns:
    time: re.Pattern[str]
    until: re.Pattern[str]  # the gap between two times of a range
    between: re.Pattern[str]  # ends just before the first time of "between X and Y"


@cache
def _patterns(v: Vocabulary) -> _Patterns:
    c = v.clock
    hours = {w: n for w, n in v.units.items() if 1 <= n <= 12}
    halves = alternation(c.halves)
    zone = rf"(?:\s*\(?(?-i:(?P<zone>{alternation(c.zones)}))\)?(?!\w))?"
    digits = (
        r"(?<![\w.:,$£€])(?P<h>[01]?\d|2[0-4])"
        rf"(?::(?P<m>[0-5]\d)|\.(?P<m2>[0-5]\d)(?=\s?(?:{halves})(?!\w)))?"  # 16:00, 10.30pm
        rf"(?:\s?(?P<half>{halves})(?!\w)|\s+(?P<after>{alternation(c.after)}))?"
        r"(?![\d:])"
    )
    words = (
        rf"\b(?P<w>{alternation(hours)})"
        rf"(?:\s+(?P<part>{alternation(c.parts_of_day)})|\s+(?P<wafter>{alternation(c.after)})"
        rf"|\s+(?P<whalf>{halves})(?!\w))"
    )
    named = rf"\b(?P<named>{alternation(c.words)})\b"
    return _Patterns(
        time=re.compile(rf"(?:{digits}|{words}|{named}){zone}", re.I),
        until=re.compile(rf"^\s*(?:{alternation(c.until)})\s*$", re.I),
        between=re.compile(rf"\b(?:{alternation(c.between)})\s+$", re.I),
    )


def _half(m: re.Match[str], v: Vocabulary) -> str:
    written = m["half"] or m["whalf"] or ""
    if written:
        return v.clock.halves.get(written.lower(), "")
    return v.clock.parts_of_day.get(" ".join((m["part"] or "").lower().split()), "")


def _minute(m: re.Match[str], v: Vocabulary) -> int | None:
    if m["named"]:
        return v.clock.words[m["named"].lower()]
    hour = int(m["h"]) if m["h"] else v.units[m["w"].lower()]
    minute = int(m["m"] or m["m2"] or 0)
    half = _half(m, v)
    if half:
        if not 1 <= hour <= 12:
            return None  # "16 pm"
        hour = hour % 12 + (12 if half == "pm" else 0)
    elif m["h"] and not m["m"] and not m["after"]:
        return None
    if hour == 24 and minute:
        return None
    return hour * 60 + minute


def find_clock_times(
    text: str, skip: list[tuple[int, int]] | None = None, *, vocab: Vocabulary | None = None
) -> list[ClockTime]:
    """Every time of day in ``text`` outside the spans in ``skip``, in text order."""
    v = resolve(vocab)
    out: list[ClockTime] = []
    for m in _patterns(v).time.finditer(text):
        s, e = m.span()
        if any(s < te and ts < e for ts, te in skip or ()):
            continue
        minute = _minute(m, v)
        if minute is not None:
            out.append(ClockTime((s, e), minute, (m["zone"] or "").lower()))
    return out


def clock_lengths(
    text: str, times: list[ClockTime], *, vocab: Vocabulary | None = None
) -> list[Value]:
    """The length of time of each range of two times ("from 6:00am to midnight": 18 hours;
    past midnight it wraps: "10pm to 2am" is 4 hours), as a duration over the range; and
    of two times of one sentence that make no range, the time between the two events they
    date, in the duration role 'between', as two dates' (date_ranges.is_between): a
    length ("began at 9 a.m. and ended at 3 p.m.": six hours) or an offset ("spoke at 16:00
    UTC, after the 12:00 UTC announcement": four hours after) may be read off it, but
    nothing is disputed by it (the two events need not be one's start and end)."""
    v = resolve(vocab)
    p = _patterns(v)
    out: list[Value] = []
    for a, b in pairwise(times):
        gap = text[a.span[1] : b.span[0]]
        joined = p.until.match(gap) or (
            gap.strip().lower() == "and" and p.between.search(text[: a.span[0]])
        )
        if a.zone != b.zone and not (joined and not (a.zone and b.zone)):
            continue  # "9:00 to 17:00 UTC" is one zone's; "at 16:00 UTC ... at 9:00 EST" none
        # a range's length wraps past midnight; two times of one sentence are two events,
        # the later one that long after the earlier
        minutes = (b.minute - a.minute) % DAY if joined else abs(b.minute - a.minute)
        if not minutes:
            continue
        seconds = float(minutes * 60)
        role: DurationRole = "" if joined else "between"
        out.append(length_over(text, (a.span[0], b.span[1]), seconds, seconds, role))
    return out


def length_over(
    text: str, span: tuple[int, int], low: float, high: float, role: DurationRole = ""
) -> Value:
    """A length of time in seconds read from two points of time, over the text between."""
    return Value(
        kind=ValueKind.DURATION,
        text=text[span[0] : span[1]],
        span=span,
        low=low,
        high=high,
        unit="second",
        role=role,
    )
