"""How long one event came after or before another, stated by the dates of the two: copy
restates "In January 2005, Boeing announced it would cancel the program" in a report of
May 2006 on the final delivery as "the final delivery came some 16 months after Boeing
announced it would cancel the program", and "A review was held on November 28" in one
of December 20 as "a review held about three weeks earlier".

A claim's length of time in the role 'offset' (nlp/duration_roles.py: "16 months after",
"three weeks earlier", "eight years before") with one of its events at the claim's own
time (the date its main clause writes out, else its dateline: an undated claim is about
its dateline's day, as rules/timing.py reads it) puts the other event that long before or
after that time. A passage that dates an event within that window states the length.
Which of the two events is the one at the claim's time the words do not say ("came 16
months after the announcement": the delivery is the news; "lost eight years before the
celebration": the celebration is), so both directions are tried; the reading only ever
states a length, never disputes one, since the event at the claim's time is assumed.

A term ahead (the role 'ahead': "to be completed within five months", "has less than
four weeks to draw up a plan") runs from the claim's time the same way: a source of the
same time that dates the same act inside it ("should be completed in October", "a
deadline set at June 1 to draw up a plan") states it."""

from __future__ import annotations

import datetime as dt
import math
import re
from functools import cache

from factcheck.lang import Vocabulary, alternation, words_pattern
from factcheck.nlp.facts import TextFacts
from factcheck.rules.agree import within
from factcheck.rules.timing import event_dates, written
from factcheck.types import Value, ValueKind

_DAY = 86400.0


@cache
def _offset_after(v: Vocabulary) -> re.Pattern[str]:
    """An offset word right after a length: "16 months after", "three weeks earlier"."""
    exactly = rf"(?:\W*(?:{words_pattern(v.exactness_words)})\b)?" if v.exactness_words else ""
    return re.compile(rf"^{exactly}\W*(?:{alternation(v.offset_words)})\b", re.I)


def anchor(claim: TextFacts, claim_date: dt.date | None) -> dt.date | None:
    """The claim's own time: the one day its text writes out ("on 12 April 2011"), else
    its dateline."""
    days = {
        d.date_from
        for d in claim.values
        if d.kind == ValueKind.DATE and d.grain == "day" and written(d, claim.vocabulary)
    }
    if len(days) == 1:
        try:
            return dt.date.fromisoformat(days.pop())
        except ValueError:
            return claim_date
    return claim_date


def windows(v: Value, claim: TextFacts, claim_date: dt.date | None) -> list[tuple[str, str]]:
    """The windows (ISO from, to) the other event of an offset falls in, before and after
    the claim's time; none for any other value."""
    vocab = claim.vocabulary
    day = anchor(claim, claim_date)
    if day is None or v.kind != ValueKind.DURATION or v.low is None or v.high is None:
        return []
    low, high = v.low, v.high
    if low == high:  # an exact length is a rounded one: read it as the elapsed hedge does
        f_lo, f_hi = vocab.hedges[vocab.elapsed_hedge].factors
        low, high = low * f_lo, high * f_hi
    if v.role == "ahead":
        # a term ahead from the claim's time: "within five months" or "less than four
        # weeks to draw up a plan" any day until its end, "will reopen in six months" then
        before = [w.lower() for w in claim.text[: v.span[0]].split()[-3:]]
        if v.low == 0 or any(w in vocab.deadline_words for w in before):
            low = 0.0  # "within the next five months" too
        return [(_shift(day, low / _DAY), _shift(day, high / _DAY))]
    if v.role != "offset" or not _offset_after(vocab).match(claim.text[v.span[1] :]):
        return []
    near, far = low / _DAY, high / _DAY
    out = []
    for sign in (-1, 1):
        ends = [_shift(day, sign * near), _shift(day, sign * far)]
        out.append((min(ends), max(ends)))
    return out


def _shift(day: dt.date, days: float) -> str:
    """``days`` after ``day`` (before it if negative), within the calendar."""
    if math.isinf(days) or not (dt.date.min - day).days < days < (dt.date.max - day).days:
        return (dt.date.min if days < 0 else dt.date.max).isoformat()
    return (day + dt.timedelta(days=round(days))).isoformat()


def offset_stated(
    v: Value,
    claim: TextFacts,
    passage: TextFacts,
    context: TextFacts | None,
    claim_date: dt.date | None,
) -> bool:
    """Whether the passage, or the one before it (copy dates an event once: "A review was
    held on November 28. The sanctions remained in force."), dates an event within a
    window of the claim's offset ``v``."""
    spans = windows(v, claim, claim_date)
    if not spans:
        return False
    texts = [passage] if context is None else [passage, context]
    dates = [
        d for f in texts for d in event_dates(f) if v.role != "ahead" or _same_act(v, claim, d, f)
    ]
    return any(_in_window(d, a, b) for d in dates for a, b in spans)


def _same_act(term: Value, claim: TextFacts, d: Value, passage: TextFacts) -> bool:
    """Whether a passage's date is of the act a term ahead is for: a verb of the term's
    clause, not a common one (lexicon ``generic``), is a verb of the date's ("to be
    completed within five months" / "should be completed in October"; "has less than four
    weeks to draw up a plan" / "has a deadline set at June 1 to draw up a plan"), not
    another act ("will reopen within six months" / "repairs will begin in August")."""

    def acts(f: TextFacts, v: Value) -> set[str]:
        at = next((x for x in f.found if x.value.span == v.span), None)
        if at is None:
            return set()
        return ({at.verb} | (set(at.context) & f.predicates)) - f.vocabulary.generic

    return bool(acts(claim, term) & acts(passage, d))


def _in_window(d: Value, start: str, end: str) -> bool:
    """Whether the date ``d`` says the other event fell in the window: it lies inside it,
    or, no longer than the window, overlaps it ("in 2016" for "nearly a decade after",
    in 2025: a year, in a window of a year and a half)."""
    if within(d, Value(kind=ValueKind.DATE, text="", span=(0, 0), date_from=start, date_to=end)):
        return True
    try:
        a, b = dt.date.fromisoformat(d.date_from), dt.date.fromisoformat(d.date_to)
        lo, hi = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    except ValueError:
        return False
    return a <= hi and lo <= b and (b - a) <= (hi - lo)
