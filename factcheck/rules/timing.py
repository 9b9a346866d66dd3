"""Same time, same event: a figure refutes only a figure about the claim's time, unless
the rest of the passage pins the same event. Pure code over TextFacts and datelines."""

from __future__ import annotations

import datetime as dt
import math
import re
from functools import cache

from factcheck.lang import Vocabulary, alternation, resolve
from factcheck.nlp.facts import TextFacts
from factcheck.nlp.names import designations, entity_match
from factcheck.nlp.speech import claimed_statement, said_content
from factcheck.nlp.syntax import reference_before
from factcheck.nlp.words import canon_set, overlap
from factcheck.rules.align import ValueCheck, values_agree, within
from factcheck.thresholds import DEFAULT, Thresholds
from factcheck.types import NUMERIC_KINDS, Value, ValueKind


def event_dates(f: TextFacts, of: Value | None = None) -> list[Value]:
    """The dates a text puts its event at (with a year; not comparison points); with
    ``of``, only those in that value's clause ("100,000 troops are stationed on the border,
    where Putin seized Crimea in 2014": 2014 is the seizure's date, not the troops').
    The dates a length of time is read from ("from March to September": six months)
    measure it; they are not another time it is about."""
    region = _clause_span(f, of.span) if of is not None else None
    reference = reference_before(f.vocabulary)
    within = of.span if of is not None and of.kind == ValueKind.DURATION else (0, 0)
    return [
        v
        for v in f.values
        if v.kind == ValueKind.DATE
        and not within[0] <= v.span[0] < v.span[1] <= within[1]
        and v.date_from
        and not v.date_from.startswith("--")
        and not reference.search(f.text[max(0, v.span[0] - 20) : v.span[0]])
        and v.span not in f.references
        and v.span not in f.unreal
        and (region is None or _clause_span(f, v.span) == region)
    ]


def _clause_span(f: TextFacts, span: tuple[int, int]) -> tuple[int, int]:
    """The innermost subordinate clause holding ``span``, or (0, 0) for the main clause."""
    best = (0, 0)
    for text, _ in f.clauses:
        i = f.text.find(text)
        inside = 0 <= i <= span[0] and span[1] <= i + len(text)
        if inside and (best == (0, 0) or len(text) < best[1] - best[0]):
            best = (i, i + len(text))
    return best


def _covers(v: Value, day: dt.date, lag: int) -> bool:
    """Whether ``day`` falls in the date's interval or soon after it: within ``lag`` days,
    or one interval's length (a month's figures are reported the next month)."""
    start, end = dt.date.fromisoformat(v.date_from), dt.date.fromisoformat(v.date_to)
    return start <= day <= end + dt.timedelta(days=max(lag, (end - start).days))


def _recounts(claim: TextFacts, passage: TextFacts, t: Thresholds) -> bool:
    """A past event the sentence restates most of ("Challenger exploded 30 seconds after
    liftoff"), not a state that holds now ("Unemployment stands at 5.5%")."""
    said = overlap(said_content(claim), passage.content)
    return claim.past and said >= t.weights.same_event_overlap


def _past(v: Value, day: dt.date, t: Thresholds) -> bool:
    """Whether the date ends at least ``t.recounted_days`` before ``day``: history."""
    try:
        return dt.date.fromisoformat(v.date_to) + dt.timedelta(days=t.recounted_days) < day
    except OverflowError:
        return False


def dated_by_dateline(
    v: Value, passage: TextFacts, passage_date: dt.date | None, t: Thresholds
) -> bool:
    """A claim's date that an undated passage states through its article's dateline
    ("The FTSE fell 6.5% on October 6" against "... fell 6.5% ..." in that day's report),
    or that a passage states by dates of its own all within it ("The January 2011 leave"
    against "Monday's announcement" of 17 January 2011): a sentence's time is its events'.
    """
    if v.kind != ValueKind.DATE:
        return False
    own = event_dates(passage)
    if own:
        return all(
            values_agree(v, d, t.weights, vocab=passage.vocabulary) and within(d, v) for d in own
        )
    return said_on_dateline(v, passage_date, t)


def other_time(
    claim: TextFacts,
    passage: TextFacts,
    claim_date: dt.date | None,
    passage_date: dt.date | None,
    t: Thresholds = DEFAULT,
    check: ValueCheck | None = None,
) -> str:
    """'' when the passage may be about the claim's time; else a phrase naming the other
    time. A figure's time is the dates of its own clause (comparison points aside), or
    else its text's dateline. Unknown on either side counts as the same time."""
    cd = event_dates(claim, check.claim if check else None)
    pd = event_dates(passage, check.passage if check else None)
    try:
        if cd and pd:
            vocab = claim.vocabulary
            if any(values_agree(a, b, t.weights, vocab=vocab) for a in cd for b in pd):
                return ""
            return repr(pd[0].text)
        if cd:
            if passage_date is None or any(_covers(a, passage_date, t.report_lag_days) for a in cd):
                return ""
            return f"a report of {passage_date.isoformat()}"
        if claim_date is None:
            return ""
        if pd:
            # An undated claim is about its dateline's day itself (a claim about the day
            # before says "yesterday"); a month's or a year's figures may be reported later.
            # A report of that same day that recounts an event long past ("exploded 73
            # seconds after liftoff on January 28, 1986") may be what an undated claim of
            # a past event restates, where the figure is on the claim's own event word
            # and the sentence restates most of the claim: it leaves its time open.
            if any(_covers(b, claim_date, 0) for b in pd) or (
                passage_date == claim_date
                and check is not None
                and (check.anchored or check.same_noun)
                and _recounts(claim, passage, t)
                and all(_past(b, claim_date, t) for b in pd)
            ):
                return ""
            return repr(pd[0].text)
        if passage_date is None or passage_date == claim_date:
            return ""
        return f"a report of {passage_date.isoformat()}"
    except ValueError:  # a malformed ISO bound: cannot tell
        return ""


def dateline_fits(
    claim: TextFacts, claim_date: dt.date | None, passage_date: dt.date | None, t: Thresholds
) -> bool:
    """Whether a passage's dateline is at the claim's time (its dates, else its dateline):
    a cheap test on stored metadata, before any passage is analysed."""
    if passage_date is None:
        return False
    cd = event_dates(claim)
    try:
        if cd:
            return any(_covers(a, passage_date, t.report_lag_days) for a in cd)
    except ValueError:
        return False
    return claim_date is not None and passage_date == claim_date


def same_event(
    checks: tuple[ValueCheck, ...],
    wrong: list[ValueCheck],
    overlap: float,
    t: Thresholds,
    *,
    vocab: Vocabulary | None = None,
    claim_date: dt.date | None = None,
) -> bool:
    """Whether mismatched values about another time still contradict the claim: the rest
    pins the same event. Either another of the claim's figures agrees exactly (the same
    6.5% fall on a wrong day), or only a date differs and the passage states most of the
    claim ("scheduled in time for the 2006 Olympics" against "... the 2008 Olympics").
    A date the claim counts back from its dateline into history ("two decades ago", more
    than ``t.recounted_days`` before it) misdates an event the passage dates by the
    calendar ("In 1995") as a written date would: history is recounted, not reported
    day by day."""
    if any(c.agree and c.claim.kind in NUMERIC_KINDS and bounded(c.claim) for c in checks):
        return True  # (not an ordinal: every report has a "first quarter")
    # "today" or "on Monday" in two reports are two days, not one event misdated: only a
    # date written out ("2006", "June 12") can be the claim's error about the event.
    vocab = resolve(vocab)
    only_dates = all(
        c.claim.kind == ValueKind.DATE
        and (
            written(c.claim, vocab)
            or (
                claim_date is not None
                and written(c.passage, vocab)
                and _past(c.claim, claim_date, t)
                and _a_year_apart(c.claim, c.passage)
            )
        )
        for c in wrong
    )
    # ... or each is a day for a day in a passage that restates the claim nearly word for
    # word (compare._day_for_day)
    restated = all(c.restated for c in wrong)
    return only_dates and (overlap >= t.weights.same_event_overlap or restated)


def recurs(facts: TextFacts) -> bool:
    """Whether a text tells of its event happening more than once ("who also won the
    title in 2019", "flooded again"; lexicon ``recurrence_words``)."""
    words = facts.vocabulary.recurrence_words
    return any(w in words for w in re.findall(r"[a-z]+", facts.text.lower()))


def _a_year_apart(counted: Value, other: Value) -> bool:
    """Whether a date counted back from a dateline ("four years ago": the calendar year
    four before the dateline's) and another are more than a year apart: copy counts years
    back loosely ("four years ago" of December 2021, in January 2026)."""
    try:
        lo = dt.date.fromisoformat(counted.date_from) - dt.timedelta(days=366)
        hi = dt.date.fromisoformat(counted.date_to) + dt.timedelta(days=366)
        start, end = dt.date.fromisoformat(other.date_from), dt.date.fromisoformat(other.date_to)
    except (ValueError, OverflowError):
        return False
    return end < lo or start > hi


def told(
    claim: TextFacts, passage: TextFacts, context: TextFacts | None, headline: frozenset[str]
) -> float:
    """How much of what the claim says the passage states with the one before it and its
    headline (the overlap :func:`same_event` reads): copy names what it is about once
    ("The first jets will be delivered in 2014." after "Aeroflot has negotiated the
    purchase of 22 new Boeing 787 Dreamliners"). Only for a passage that states a part of
    the claim itself and names nothing the claim does not ("London will host the Games in
    2012" after a paragraph on Beijing's): else the passage's own share."""
    said = said_content(claim)
    own = overlap(said, passage.content)
    if own == 0.0 or _names_another(claim, passage):
        return own
    around = context.content if context is not None else frozenset()
    return overlap(said, passage.content | around | headline)


def _names_another(claim: TextFacts, passage: TextFacts) -> bool:
    """Whether the passage names other things in place of the claim's own ("London" for
    "Beijing"; "A350" for "A380"): names, and none of the claim's (a tagger's kinds are
    too unsure to compare: it may call "Jobs" an organisation and "Pixar" a person)."""
    vocab = claim.vocabulary
    mine_d, theirs_d = set(designations(claim.text)), set(designations(passage.text))
    if mine_d & theirs_d or any(
        entity_match(e.name, x.name, vocab=vocab) for e in claim.entities for x in passage.entities
    ):
        return False
    return bool(passage.entities or theirs_d)


def written(v: Value, vocab: Vocabulary) -> bool:
    """A date given as a date (a year, a day of a month), not relative to the dateline."""
    words = re.findall(r"[a-z]+", v.text.lower())
    # "May" is a month only capitalised (else the modal "may")
    return bool(re.search(r"\d", v.text)) or any(
        w in vocab.months and (len(w) > 3 or w.capitalize() in v.text) for w in words
    )


def bounded(v: Value) -> bool:
    """A figure that names an amount ("6.5%", "about 100,000"), not an open range ("below
    5,000", "more than 10"): only such a figure can identify an event."""
    return v.low is not None and v.high is not None and math.isfinite(v.low + v.high)


def saying_dates(claim: TextFacts) -> frozenset[int]:
    """The claim's dates of a statement ("On 14 May 2009 Chrysler said it wanted to ..."):
    those outside the words it gives its speaker, or, where it gives none, those on a
    reporting verb ("On 27 January GM reported a loss of ...", "in results reported on 27
    January"), by ``id``.
    They date the saying, not what was said: a date inside the source's statement ("by
    early June") is about something else, and a report states the day it was said by its
    dateline."""
    vocab = claim.vocabulary
    reports = canon_set(vocab.reporting_verbs, ("VERB",), vocab=vocab)
    s = claimed_statement(claim)
    return frozenset(
        id(f.value)
        for f in claim.stated
        if f.value.kind == ValueKind.DATE
        and (s is not None or f.anchor in reports)
        and not (s is not None and s.start <= f.value.span[0] < s.end)
    )


def account_dates(claim: TextFacts) -> frozenset[int]:
    """The claim's dates of the account itself, by ``id``: after one of the language's
    ``account_time`` words with no clause break between ("As of November
    2005, the airline intended to ...", "At the time of the maiden flight in April 2005,
    ..."). Like the day a statement was made, such a date is stated by a report of that
    time, and no date of the report's event contradicts it."""
    opener = _account_opener(claim.vocabulary)
    return frozenset(
        id(v)
        for v in claim.values
        if v.kind == ValueKind.DATE and opener.search(claim.text[: v.span[0]])
    )


@cache
def _account_opener(vocab: Vocabulary) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(vocab.account_time)})\b[^,;:]*$", re.I)


def not_disputed_by(
    c: ValueCheck, passage: TextFacts, account: frozenset[int], saying: frozenset[int]
) -> bool:
    """Whether a claim's date that a passage date does not match is never disputed by it:
    the day a statement was made (``saying``) is not a date inside what was said ("by
    early June"), and the date of an account (``account``: "As of November 2005") is no
    date of its event. The sets come from :func:`saying_dates` and :func:`account_dates`,
    computed once per claim."""
    if id(c.claim) in account:
        return True
    return id(c.claim) in saying and in_statement(c.passage, passage)


def in_statement(v: Value, passage: TextFacts) -> bool:
    """Whether a passage's value lies inside the words it gives a speaker."""
    return any(s.start <= v.span[0] < s.end for s in passage.statements)


def said_on_dateline(v: Value, passage_date: dt.date | None, t: Thresholds) -> bool:
    """A date that the passage's dateline states (a report is of its day, or a few days
    after a month's or a year's figures)."""
    if passage_date is None or not v.date_from or v.date_from.startswith("--"):
        return False
    try:
        start, end = dt.date.fromisoformat(v.date_from), dt.date.fromisoformat(v.date_to)
    except ValueError:
        return False
    return start <= passage_date <= end + dt.timedelta(days=t.report_lag_days)
