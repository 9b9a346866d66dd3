"""The time from a date after "since" to the dateline: "has been fighting cancer since
2004", in a report of June 2009, is about five years of it; "its first annual loss since
1992", in one of January 2009, is its first in 16 or 17 years. Copy restates either way,
so the date gives a length of time as well ("for five years", "the first in 17 years"),
as wide as the date is coarse (a year named alone is anywhere in that year) and read with
a hedge ("about": a report is read after its dateline, and copy rounds). Its role
comes from the parse (:func:`elapsed_role`): after a superlative, an ordinal or a negation
a window looked back over, else how long a state has lasted. The words: dates.json
'elapsed_since'."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Any

from factcheck.lang import Vocabulary, alternation, resolve
from factcheck.nlp.dates import DateContext
from factcheck.nlp.syntax import marks_a_superlative, tokens
from factcheck.types import DurationRole, Value, ValueKind

_DAY = 86400.0
_MARKED = frozenset(["dobj", "attr", "nsubj", "nsubjpass"])  # "posted its first loss since"
_MODIFIER = frozenset(["compound", "nummod", "amod", "nmod"])  # "2011 emissions rules"


@cache
def _since(v: Vocabulary) -> re.Pattern[str]:
    """A "since" that opens a text: a date read with it ("since February") or the time
    since a date (:func:`is_elapsed`)."""
    return re.compile(rf"\b(?:{alternation(v.elapsed_since)})\s+", re.I)


@cache
def _since_before(v: Vocabulary) -> re.Pattern[str]:
    """A "since" that ends the text before a date."""
    return re.compile(rf"\b(?:{alternation(v.elapsed_since)})\s+$", re.I)


def elapsed_since(
    text: str, dates: list[Value], ctx: DateContext, *, vocab: Vocabulary | None = None
) -> list[Value]:
    """A length of time for each date right after "since" that lies before the dateline,
    over "since" and the date ("since July 24, 2003")."""
    v = resolve(vocab)
    if ctx is None or ctx.dateline is None:
        return []
    out: list[Value] = []
    for d in dates:
        if d.kind != ValueKind.DATE:
            continue
        if _since(v).match(d.text):  # a date read with its "since" ("since February")
            start = d.span[0]
        elif m := _since_before(v).search(text, max(0, d.span[0] - 16), d.span[0]):
            start = m.start()
        else:
            continue
        try:
            first, last = dt.date.fromisoformat(d.date_from), dt.date.fromisoformat(d.date_to)
        except ValueError:
            continue
        if last >= ctx.dateline:
            continue  # since this week, or a date not yet past: no length to tell
        lo, hi = v.hedges[v.elapsed_hedge].factors
        out.append(
            Value(
                kind=ValueKind.DURATION,
                text=text[start : d.span[1]],
                span=(start, d.span[1]),
                low=(ctx.dateline - last).days * _DAY * lo,
                high=(ctx.dateline - first).days * _DAY * hi,
                unit="second",
                hedge=v.elapsed_hedge,
            )
        )
    return out


@cache
def _until_before(v: Vocabulary) -> re.Pattern[str]:
    """A "by" that ends the text before a date (or "by the end of")."""
    return re.compile(rf"\b(?:{alternation(v.term_until)})\s+$", re.I)


def term_until(
    text: str, dates: list[Value], ctx: DateContext, *, vocab: Vocabulary | None = None
) -> list[Value]:
    """A term ahead for a date right after "by" that lies after the dateline ("will cut
    30,000 jobs by 2012", in a report of January 2006: about six years), over "by" and the
    date: a plan's or a deadline's own term, as "over the next six years" or "within six
    years" is (role 'ahead'), as wide as the date is coarse; "by the end of" a year or
    month, to its last day. None where the sentence dates the plan earlier than
    the week of the report ("In 2004, Ford pledged ... by 2008": a term from 2004), nor
    for two such dates in one sentence."""
    v = resolve(vocab)
    if ctx is None or ctx.dateline is None or not v.term_until:
        return []
    days_back = min(7, (ctx.dateline - dt.date.min).days)
    week_before = (ctx.dateline - dt.timedelta(days=days_back)).isoformat()  # "said on Monday"
    if any(d.kind == ValueKind.DATE and d.date_to < week_before for d in dates):
        return []  # "In 2004, Ford pledged to cut 10,000 jobs by 2008": a term from 2004
    out: list[Value] = []
    for d in dates:
        m = _until_before(v).search(text, max(0, d.span[0] - 24), d.span[0])
        if d.kind != ValueKind.DATE or m is None:
            continue
        try:
            first, last = dt.date.fromisoformat(d.date_from), dt.date.fromisoformat(d.date_to)
        except ValueError:
            continue
        if first <= ctx.dateline:
            continue  # by this week, or by a date already past: no term ahead to tell
        if m.group().lower().split()[-1] in v.of_words:
            first = last  # "by the end of 2008": its last day
        out.append(
            Value(
                kind=ValueKind.DURATION,
                text=text[m.start() : d.span[1]],
                span=(m.start(), d.span[1]),
                low=(first - ctx.dateline).days * _DAY,
                high=(last - ctx.dateline).days * _DAY,
                unit="second",
                role="ahead",
            )
        )
    # two deadlines in one sentence ("end losses by 2008 and close 14 plants by 2012"):
    # which one a claim's term is of, the words do not say
    return out if len(out) == 1 else []


def deadline_terms(doc: Any, found: list[Value], *, vocab: Vocabulary | None = None) -> list[Value]:
    """``found`` without the terms read off a year that modifies a noun ("squeezed by 2011
    emissions rules", "replaced by 2012 models": no deadline, a kind of thing), nor those
    of a sentence that gives a length of time of its own."""
    v = resolve(vocab)
    # another length of the sentence's own ("profitable in two years' time, and ... repay
    # all its loans by 2017"): which one a claim's term is of, the words do not say
    own = any(x.kind == ValueKind.DURATION and not read_off_dates(x, vocab=v) for x in found)
    out = []
    for x in found:
        toks = tokens(doc, *x.span) if read_off_dates(x, vocab=v) and x.role == "ahead" else []
        if toks and own:
            continue
        if any(
            t.dep_ in _MODIFIER
            and not x.span[0] <= t.head.idx < x.span[1]  # a noun after the date
            and t.head.pos_ in ("NOUN", "PROPN")
            for t in toks
        ):
            continue
        out.append(x)
    return out


def read_off_dates(v: Value, *, vocab: Vocabulary | None = None) -> bool:
    """Whether ``v`` is a length read off a date and the dateline ("since 2004", "by 2012")."""
    voc = resolve(vocab)
    return is_elapsed(v, vocab=voc) or (
        v.kind == ValueKind.DURATION
        and bool(re.match(rf"(?:{alternation(voc.term_until)})\s", v.text, re.I))
        and v.role == "ahead"
    )


def is_elapsed(v: Value, *, vocab: Vocabulary | None = None) -> bool:
    """Whether ``v`` is the time since a date (its text opens with "since")."""
    return v.kind == ValueKind.DURATION and bool(_since(resolve(vocab)).match(v.text))


def elapsed_role(
    doc: Any, start: int, end: int, *, vocab: Vocabulary | None = None
) -> DurationRole:
    """The role of the time since a date: how far back a record goes when what "since"
    hangs on is a superlative or "first", or a verb or noun one of those marks ("its first
    loss since 1992": its first in so many years); a window looked back over when it is
    another ordinal or negated ("its third strike since 2001", "has not closed above 8,000
    since February"); else how long a state has lasted ("has been ill since 2004")."""
    from factcheck.nlp.duration_roles import record_word

    toks = tokens(doc, start, end)
    if not toks:
        return "length"
    h = toks[0].head
    marked = [h, *(c for c in h.children if c.dep_ in _MARKED)]
    if any(c.dep_ == "neg" for c in h.children):
        return "span"
    if any(record_word(x, resolve(vocab)) for x in marked):
        return "record"
    if any(marks_a_superlative(x) for x in marked):
        return "span"
    return "length"
