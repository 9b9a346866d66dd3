"""A weekday written with the day it names ("on Thursday, 25 October", "Friday 15 November
2013"): one date, not a weekday read from the dateline and a day besides
(:func:`dates.find_dates`). The day as written decides: a weekday that does not fit it
is a slip, and moves it nowhere (a year read from the weekday would move a date with a
slipped weekday a year off, or past the year its sentence names)."""

from __future__ import annotations

import re
from itertools import pairwise

_WEEKDAY_GAP = re.compile(r"\s*,?\s*")


Found = list[tuple[int, int, str, re.Match[str]]]  # start, end, pattern kind, match


def named_weekdays(
    text: str, found: Found, day_kinds: tuple[str, ...]
) -> tuple[Found, dict[int, int]]:
    """``found`` without the weekdays written before the day-precise dates they name ("on
    Thursday, 25 October", "Friday 15 November 2013"), and for the start of each such
    date, its weekday's start. Copy names the weekday of the day it writes out; the two
    are one date, not a weekday read from the dateline and a day besides."""
    named: dict[int, int] = {}
    for (s, e, kind, _m), (s2, _e2, kind2, _m2) in pairwise(found):
        if kind == "weekday" and kind2 in day_kinds and _WEEKDAY_GAP.fullmatch(text, e, s2):
            named[s2] = s
    starts = set(named.values())
    return [x for x in found if x[0] not in starts], named
