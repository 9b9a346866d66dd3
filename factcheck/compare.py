"""Claim x passage -> stance, with the matched spans and a one-line rationale. Pure code.

Numbers decide numbers: when a claim's value is aligned with a passage's value about the
same thing and they disagree, the passage REFUTES the claim, whatever its similarity or a
model says. Similarity, entity agreement, polarity and (when given) the stance model's
probabilities decide only where no value does.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, replace

from .analysis import TextFacts, entity_match, fuzzy_in
from .types import Stance, Value
from .values import MEASURE_UNITS, MONTHS, describe

NUMERIC = {"quantity", "money", "percent", "duration"}
HARD = NUMERIC | {"date", "ordinal"}  # what a claim asserts that a source can contradict
# ... and what a source must state for the claim to be supported ("first" and "second" are
# compared when both texts have one, but rarely what a claim asserts).
REQUIRED = NUMERIC | {"date"}
MEASURES = {unit for unit, _ in MEASURE_UNITS.values()} | {"time"}  # "three times": a factor
REFUTE_ALIGNMENT = 2.0  # a refutation needs the same counted noun/anchor, or two shared words
AGREE_PREFERENCE = 2.0  # a matching figure wins over a mismatch aligned up to this much better


@dataclass(frozen=True, slots=True)
class StanceProbs:
    """A stance model's probabilities for (passage, claim)."""

    supports: float
    refutes: float
    neutral: float


@dataclass(frozen=True, slots=True)
class ValueCheck:
    """One claim value aligned with one passage value, and whether they agree."""

    claim: Value
    passage: Value
    agree: bool
    score: float = 1.0  # how surely the two are about the same thing (shared words, noun)
    anchored: bool = False  # both attach to the same word ("seized ... in 2014" / "seized")
    same_noun: bool = False  # both count the same noun ("100,000 troops" / "100,000 soldiers")


@dataclass(frozen=True, slots=True)
class Comparison:
    stance: Stance
    weight: float
    rationale: str
    claim_spans: tuple[tuple[int, int], ...]
    passage_spans: tuple[tuple[int, int], ...]
    checks: tuple[ValueCheck, ...] = ()
    relatedness: float = 0.0


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Decision thresholds, in one place so the evaluation scripts can report them."""

    related: float = 0.3  # share of claim content words found in the passage
    support_overlap: float = 0.5
    support_similarity: float = 0.55
    entity_cover: float = 0.5
    negation_overlap: float = 0.45
    model_margin: float = 0.15
    paraphrase_similarity: float = 0.6  # cosine at which a passage restates the claim
    # P(supports) that counts, when it beats P(refutes): 0.5 for stance-v2 (the shipped
    # model since 2026-12-01), chosen on the dev halves of the news yardsticks
    # (benchmarks/yardsticks.py --tune; docs/evaluation.md)
    model_support: float = 0.5
    model_refute: float = 0.5  # P(refutes) that counts, when it beats P(supports)
    report_lag_days: int = 3  # a dated event may be reported this many days after it
    time_bonus: float = 0.1  # retrieval: added to the cosine of passages of the claim's time
    retrieve_pool: int = 3  # retrieval: fetch k times this, keep the k best after the bonus


DEFAULT = Thresholds()


def _interval(v: Value) -> tuple[float, float]:
    lo = v.low if v.low is not None else -math.inf
    hi = v.high if v.high is not None else math.inf
    if v.kind != "date" and not v.hedge and lo == hi:
        tol = abs(lo) * 0.005  # exact figures: allow rounding in the last written digit
        return lo - tol, hi + tol
    return lo, hi


def _date_bounds(v: Value) -> tuple[str, str]:
    return v.date_from, v.date_to


def _partial(d: str) -> tuple[str, str]:
    """(month, day) of an ISO date or a year-less '--MM-DD' / '--MM'."""
    if d.startswith("--"):
        return d[2:4], d[5:7] if len(d) >= 7 else ""
    return d[5:7], d[8:10]


def values_agree(a: Value, b: Value) -> bool:
    """True when two aligned values can both be true (their intervals overlap)."""
    if a.kind == "date":
        af, at = _date_bounds(a)
        bf, bt = _date_bounds(b)
        if af.startswith("--") or bf.startswith("--"):
            # A year is unknown (no dateline): compare what both texts pin down.
            (am, ad), (bm, bd) = _partial(af), _partial(bf)
            if a.label == "day" and b.label == "day":
                return (am, ad) == (bm, bd)
            if not af.startswith("--") and a.label != "day" and af[5:7] != at[5:7]:
                return True  # a whole year or more contains any month
            if not bf.startswith("--") and b.label != "day" and bf[5:7] != bt[5:7]:
                return True
            return am == bm
        return af <= bt and bf <= at
    alo, ahi = _interval(a)
    blo, bhi = _interval(b)
    return alo <= bhi and blo <= ahi


def compatible(a: Value, b: Value) -> bool:
    ka = "quantity" if a.kind in ("quantity",) else a.kind
    kb = "quantity" if b.kind in ("quantity",) else b.kind
    if ka != kb:
        return False
    if a.kind in ("money", "percent"):
        return a.unit == b.unit
    if a.kind == "duration" and a.label and b.label:
        return a.label == b.label  # an event's length vs the time between events
    if a.kind == "quantity" and (a.unit in MEASURES or b.unit in MEASURES):
        return a.unit == b.unit  # 0.3 degrees is never 2,014 of anything
    if a.kind in ("quantity", "ordinal") and a.unit and b.unit:
        return a.unit == b.unit or fuzzy_in(a.unit, {b.unit})
    return True


def _counted_nearby(cv: Value, pv: Value, pctx: frozenset[str]) -> bool:
    """'21 million iPods' and '21 million iPod players': the claim's counted noun is a word
    of the passage figure's noun phrase, not its head."""
    return (
        cv.kind == pv.kind == "quantity"
        and bool(cv.unit and pv.unit)
        and cv.unit not in MEASURES
        and pv.unit not in MEASURES
        and fuzzy_in(cv.unit, pctx)
    )


def _counted(v: Value) -> bool:
    return v.kind in ("quantity", "ordinal") and v.unit not in MEASURES


def can_refute(c: ValueCheck) -> bool:
    """Whether a mismatch on this alignment proves the claim wrong.

    Only sure alignments may refute (a loose one may pair values about different things),
    and never two windows of time: "over the past 30 years" is not contradicted by "in the
    past 50 years" (both can be true), unlike the lengths of one event ("a 90-minute call").
    """
    if c.agree or c.score < REFUTE_ALIGNMENT:
        return False
    if c.claim.kind in ("quantity", "ordinal") and not (c.same_noun or c.anchored):
        # A count is about what it counts: shared words around "4,800 workers" and "70m"
        # (passengers) do not make them one figure.
        return False
    if c.claim.kind == "date" and not c.anchored and c.score < 2 * REFUTE_ALIGNMENT:
        # A text holds many dates for many events; a few shared topic words do not make two
        # dates the date of one event ("lost half its coral since 1985" / "may perish by
        # 2030"): the same event word, or much shared wording around both, is needed.
        return False
    return not (c.claim.kind == "duration" and "span" in (c.claim.label, c.passage.label))


def _overlap(words: frozenset[str], pool: frozenset[str]) -> float:
    if not words:
        return 0.0
    return sum(1 for w in words if fuzzy_in(w, pool)) / len(words)


def align(claim: TextFacts, passage: TextFacts) -> list[ValueCheck]:
    """Pair each claim value with the passage value about the same thing, if there is one.

    Candidates must be of a compatible kind and unit (same counted noun, currency, unit);
    among them the one whose surrounding words best match the claim value's wins. A
    candidate with no shared context and no shared counted noun is not the same thing.
    """
    checks = []
    # Names say who, not which event: a shared name alone must not pair two dates.
    names = {w for e in (*claim.entities, *passage.entities) for w in e.unit.split()}
    for cv, cctx, can in zip(claim.values, claim.contexts, claim.anchors, strict=True):
        best: tuple[float, Value, float, bool, bool] | None = None
        for pv, pctx, pan in zip(passage.values, passage.contexts, passage.anchors, strict=True):
            if not compatible(cv, pv) and not _counted_nearby(cv, pv, pctx):
                continue
            shared = sum((0.4 if fuzzy_in(w, names) else 1.0) for w in cctx if fuzzy_in(w, pctx))
            # The same counted noun ("troops") says which thing is counted; a shared measure
            # unit (%, years, degrees, dollars) is only a precondition: every temperature
            # is in degrees, so the words around it must say it is the same one.
            noun = (2.0 if _counted(cv) else 1.0) if (cv.unit and pv.unit) else 0.0
            if can and pan and (can == pan or fuzzy_in(can, {pan})):
                anchor = 2.0
            elif (can and fuzzy_in(can, pctx)) or (pan and fuzzy_in(pan, cctx)):
                anchor = 1.0  # "the call lasted two hours" vs "a 50-minute call"
            else:
                anchor = 0.0
            score = shared + noun + anchor
            if cv.kind in NUMERIC and cv.kind != "quantity":
                score += 0.5  # durations, money and percentages are rarely ambiguous
            if score < 1.0:
                continue
            agree = values_agree(cv, pv)
            # A passage that lists several figures ("97% agreed ...; 74% agreed ...") is
            # about the claim's figure if one of them matches and is about as well aligned.
            key = score + (AGREE_PREFERENCE if agree else 0.0)
            if best is None or key > best[0] or (key == best[0] and agree):
                best = (key, pv, score, anchor > 0, noun >= 2.0)
        if best is not None:
            _, pv, score, anchored, same_noun = best
            checks.append(
                ValueCheck(cv, pv, values_agree(cv, pv), round(score, 2), anchored, same_noun)
            )
    return checks


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[\w&.'-]+", text.lower().replace("'s ", " ")))


def _entity_cover(
    claim: TextFacts,
    passage: TextFacts,
    context: TextFacts | None,
    headline: frozenset[str] = frozenset(),
) -> float:
    """Share of the claim's names that the passage, the passage before it or its article's
    headline names (news copy names a company in the headline, then says "the company")."""
    names = {e.unit for e in claim.entities}
    if not names:
        return 1.0
    pnames = {e.unit for e in passage.entities}
    pool = passage.content | headline
    if context is not None:
        pnames |= {e.unit for e in context.entities}
        pool = pool | context.content
    found = sum(
        1
        for n in names
        if any(entity_match(n, p) for p in pnames) or all(fuzzy_in(w, pool) for w in n.split())
    )
    return found / len(names)


def _spans_for(facts: TextFacts, words: frozenset[str]) -> tuple[tuple[int, int], ...]:
    return tuple(sorted({(s, e) for lem, s, e in facts.spans if fuzzy_in(lem, words)}))


@dataclass(frozen=True, slots=True)
class Assessment:
    """What the rules alone find about (claim, passage): the first of the two steps of
    :func:`compare`. ``needs_model`` says whether the stance model could change the outcome;
    the chain scores only those pairs (the model is the costliest step of a check)."""

    claim: TextFacts
    passage: TextFacts
    similarity: float
    overlap: float
    topical: bool  # topical without the model's help
    names_ok: bool  # the claim's names are there, or the passage nearly restates it
    checks: tuple[ValueCheck, ...]
    unverified: tuple[Value, ...]  # the claim's figures and dates that no check matched
    claim_spans: tuple[tuple[int, int], ...]
    passage_spans: tuple[tuple[int, int], ...]
    relatedness: float
    decided: Comparison | None  # the outcome, when no model score can change it
    context: TextFacts | None = None  # the passage before it in its source
    claim_date: dt.date | None = None  # the claim's dateline
    passage_date: dt.date | None = None  # the passage's article's dateline
    headline: frozenset[str] = frozenset()  # the words of the passage's article's title

    @property
    def needs_model(self) -> bool:
        return self.decided is None


def assess(
    claim: TextFacts,
    passage: TextFacts,
    similarity: float = 0.0,
    t: Thresholds = DEFAULT,
    context: TextFacts | None = None,
    *,
    claim_date: dt.date | None = None,
    passage_date: dt.date | None = None,
    title: str = "",
) -> Assessment:
    """The rule half of :func:`compare`: relatedness, value alignment, polarity.

    ``claim_date`` and ``passage_date`` are the claim's and the passage's datelines: a
    figure refutes only a figure about the same time (see :func:`other_time`).

    ``context`` is the passage before it in the same source: news copy names people once
    and then says "both presidents", so entities may be found there.
    """
    overlap = _overlap(claim.content, passage.content)
    if context is not None:
        # Words from the context count at half weight towards relatedness.
        extra = _overlap(claim.content, passage.content | context.content) - overlap
        overlap_rel = overlap + 0.5 * extra
    else:
        overlap_rel = overlap
    headline = _words(title)
    cover = _entity_cover(claim, passage, context, headline)
    # A mismatch on a loose alignment (values that may be about different things) proves
    # nothing either way: only sure alignments may refute.
    checks = tuple(c for c in align(claim, passage) if c.agree or can_refute(c))
    # A passage is about the claim when they share enough words, or a value about the same
    # counted thing or event (align() demands shared context or noun), or a near-restatement
    # (or, in conclude(), the stance model sees a stance: it was trained to call passages
    # about something else neutral). And the claim's names must be there, unless the
    # passage nearly restates the claim.
    paraphrase = similarity >= t.paraphrase_similarity
    topical = overlap_rel >= t.related or bool(checks) or paraphrase
    names_ok = cover >= t.entity_cover or paraphrase
    relatedness = 0.5 * overlap + 0.3 * cover + 0.2 * max(0.0, similarity)
    right = {id(c.claim) for c in checks if c.agree}
    unverified = tuple(
        v
        for v in claim.values
        if v.kind in REQUIRED
        and id(v) not in right
        and not _dated_by_dateline(v, passage, passage_date, t)
    )
    # Most retrieved passages lack the claim's names: no spans to find for those.
    a = Assessment(
        claim=claim,
        passage=passage,
        similarity=similarity,
        overlap=overlap,
        topical=topical,
        names_ok=names_ok,
        checks=checks,
        unverified=unverified,
        claim_spans=_spans_for(claim, passage.content) if names_ok else (),
        passage_spans=_spans_for(passage, claim.content) if names_ok else (),
        relatedness=relatedness,
        decided=None,
        context=context,
        claim_date=claim_date,
        passage_date=passage_date,
        headline=headline,
    )
    decided = _by_rules(a, t)
    return a if decided is None else replace(a, decided=decided)


# Words before a date that make it a point of comparison, not the time of the event ("its
# biggest fall since September 11, 2001", "up from $2 a year earlier than in 2005").
REFERENCE_BEFORE = re.compile(
    r"\b(?:since|than(?: in)?|compared (?:to|with)|(?:up|down) from)\s*$", re.I
)


def _event_dates(f: TextFacts, of: Value | None = None) -> list[Value]:
    """The dates a text puts its event at (with a year; not comparison points); with
    ``of``, only those in that value's clause ("100,000 troops are stationed on the border,
    where Putin seized Crimea in 2014": 2014 is the seizure's date, not the troops')."""
    region = _clause_span(f, of.span) if of is not None else None
    return [
        v
        for v in f.values
        if v.kind == "date"
        and v.date_from
        and not v.date_from.startswith("--")
        and not REFERENCE_BEFORE.search(f.text[max(0, v.span[0] - 20) : v.span[0]])
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


def _dated_by_dateline(
    v: Value, passage: TextFacts, passage_date: dt.date | None, t: Thresholds
) -> bool:
    """A claim's date that an undated passage states through its article's dateline
    ("The FTSE fell 6.5% on October 6" against "... fell 6.5% ..." in that day's report)."""
    if v.kind != "date" or passage_date is None or _event_dates(passage):
        return False
    if not v.date_from or v.date_from.startswith("--"):
        return False
    try:
        start, end = dt.date.fromisoformat(v.date_from), dt.date.fromisoformat(v.date_to)
    except ValueError:
        return False
    return start <= passage_date <= end + dt.timedelta(days=t.report_lag_days)


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
    cd = _event_dates(claim, check.claim if check else None)
    pd = _event_dates(passage, check.passage if check else None)
    try:
        if cd and pd:
            if any(values_agree(a, b) for a in cd for b in pd):
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
            if any(_covers(b, claim_date, 0) for b in pd):
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
    cd = _event_dates(claim)
    try:
        if cd:
            return any(_covers(a, passage_date, t.report_lag_days) for a in cd)
    except ValueError:
        return False
    return claim_date is not None and passage_date == claim_date


def _same_event(a: Assessment, wrong: list[ValueCheck]) -> bool:
    """Whether mismatched values about another time still contradict the claim: the rest
    pins the same event. Either another of the claim's figures agrees exactly (the same
    6.5% fall on a wrong day), or only a date differs and the passage states most of the
    claim ("scheduled in time for the 2006 Olympics" against "... the 2008 Olympics")."""
    if any(c.agree and c.claim.kind in NUMERIC and _bounded(c.claim) for c in a.checks):
        return True  # (not an ordinal: every report has a "first quarter")
    # "today" or "on Monday" in two reports are two days, not one event misdated: only a
    # date written out ("2006", "June 12") can be the claim's error about the event.
    only_dates = all(c.claim.kind == "date" and _written(c.claim) for c in wrong)
    return only_dates and a.overlap >= SAME_EVENT_OVERLAP


def _written(v: Value) -> bool:
    """A date given as a date (a year, a day of a month), not relative to the dateline."""
    words = re.findall(r"[a-z]+", v.text.lower())
    return bool(re.search(r"\d", v.text)) or any(w in MONTHS and len(w) > 3 for w in words)


def _bounded(v: Value) -> bool:
    """A figure that names an amount ("6.5%", "about 100,000"), not an open range ("below
    5,000", "more than 10"): only such a figure can identify an event."""
    return v.low is not None and v.high is not None and math.isfinite(v.low + v.high)


SAME_EVENT_OVERLAP = 0.6  # share of the claim's words that makes a passage the same event


def same_frame(pred: str, claim: TextFacts, passage: TextFacts) -> bool:
    """Whether ``pred`` has the same arguments in both texts (or either names none):
    "troops are deployed near the border" and "weapons would not be deployed" negate two
    different statements."""
    ca = [args for p, args in claim.frames if p == pred and args]
    pa = [args for p, args in passage.frames if p == pred and args]
    if not ca or not pa:
        return True
    return any(fuzzy_in(w, y) for x in ca for y in pa for w in x)


def unstated(a: Assessment) -> list[str]:
    """The checkable parts of the claim that this passage (with the one before it) does
    not state: a name, a figure or date, or a clause most of whose words are absent."""
    passage, context = a.passage, a.context
    ents = [*passage.entities, *(context.entities if context else ())]
    pool = passage.content | (context.content if context else frozenset()) | a.headline
    missing = []
    for e in a.claim.entities:
        if not (
            any(entity_match(e.unit, p.unit) for p in ents)
            or all(fuzzy_in(w, pool) for w in e.unit.split())
        ):
            missing.append(e.text)
    missing += [v.text for v in a.unverified]
    for text, words in a.claim.clauses:
        if len(words) >= 2 and _overlap(words, pool) < CLAUSE_COVER:
            missing.append(repr(text))
    return list(dict.fromkeys(missing))


def _not_stated(a: Assessment, missing: list[str]) -> Comparison:
    return Comparison(
        Stance.NEUTRAL,
        0.0,
        f"the source does not state {', '.join(missing[:3])}",
        a.claim_spans,
        a.passage_spans,
        a.checks,
        a.relatedness,
    )


def _other_name(a: Assessment, missing: list[str]) -> Comparison | None:
    """The passage says the same of someone else: every other part of the claim is there
    and agrees, and in place of the claim's missing name it has another of the same kind
    ("Air Canada ordered ..." against "Air India ordered ...")."""
    claim_names = {e.text for e in a.claim.entities}
    if not set(missing) <= claim_names or a.overlap < OTHER_NAME_OVERLAP:
        return None
    gone = [e for e in a.claim.entities if e.text in missing]
    others = [
        p
        for p in a.passage.entities
        if not any(entity_match(p.unit, c.unit) for c in a.claim.entities)
        and any(p.label == g.label for g in gone)
    ]
    if not others or any(not c.agree for c in a.checks):
        return None
    o, g = others[0], gone[0]
    return Comparison(
        Stance.REFUTES,
        min(1.0, OTHER_NAME_WEIGHT + 0.2 * a.overlap),
        f"the source says this of {o.text}, not {g.text}",
        tuple(sorted({*a.claim_spans, g.span})),
        tuple(sorted({*a.passage_spans, o.span})),
        a.checks,
        a.relatedness,
    )


CLAUSE_COVER = 0.5  # share of a clause's words a passage must hold for the clause to be stated
OTHER_NAME_OVERLAP = 0.6  # word overlap at which a passage about another name refutes
OTHER_NAME_WEIGHT = 0.5


def _shared(claim: TextFacts, passage: TextFacts) -> int:
    return sum(1 for w in claim.content if fuzzy_in(w, passage.content))


def _unrelated(a: Assessment) -> Comparison:
    return Comparison(Stance.NEUTRAL, 0.0, "about something else", (), (), (), a.relatedness)


def _by_rules(a: Assessment, t: Thresholds) -> Comparison | None:
    """The outcome when values, polarity or missing names settle it whatever a model says."""
    if not a.names_ok:
        return _unrelated(a)
    claim, passage, overlap = a.claim, a.passage, a.overlap
    c_spans, p_spans, checks = a.claim_spans, a.passage_spans, a.checks
    unrelated = None if a.topical else _unrelated(a)  # unless the model sees a stance
    wrong = [c for c in checks if not c.agree]
    when = [other_time(claim, passage, a.claim_date, a.passage_date, t, c) for c in wrong]
    if wrong and all(when) and not _same_event(a, wrong):
        # Another day's (or period's) figure is background, not a contradiction.
        c = wrong[0]
        return Comparison(
            Stance.NEUTRAL,
            0.0,
            f"the source gives {describe(c.passage)} for another time ({when[0]})",
            c_spans,
            p_spans,
            checks,
            a.relatedness,
        )
    if wrong:  # checks make it topical
        c = wrong[0]
        return Comparison(
            Stance.REFUTES,
            # Sure alignment (same counted noun or anchor word) weighs more than loose context.
            min(1.0, 0.4 + 0.1 * min(c.score, 4.0) + 0.3 * overlap),
            f"claim says {describe(c.claim)}; source says {describe(c.passage)}"
            f" ({c.passage.text!r})",
            tuple(sorted({*c_spans, c.claim.span})),
            tuple(sorted({*p_spans, c.passage.span})),
            checks,
            a.relatedness,
        )

    # Polarity: the same predicate asserted in one text and negated in the other.
    # Exact lemmas only: "not expand" does not flip "expansion".
    flipped = {
        w
        for w in claim.predicates & passage.predicates
        if (w in claim.negated) != (w in passage.negated) and same_frame(w, claim, passage)
    }
    if flipped and overlap >= t.negation_overlap:  # enough overlap makes it topical
        w = sorted(flipped)[0]
        neg_side = "claim" if w in claim.negated else "source"
        return Comparison(
            Stance.REFUTES,
            min(1.0, 0.55 + 0.4 * overlap),
            f"the {neg_side} negates what the other asserts ({w!r})",
            c_spans,
            p_spans,
            checks,
            a.relatedness,
        )

    unverified = a.unverified
    if unverified and not any(c.agree for c in checks):
        # The claim's figures are what it asserts; a passage silent on them cannot back it
        # (neutral either way, so the model is not asked).
        return unrelated or Comparison(
            Stance.NEUTRAL,
            0.0,
            f"source does not state {', '.join(v.text for v in unverified)}",
            c_spans,
            p_spans,
            checks,
            a.relatedness,
        )
    return None


def conclude(a: Assessment, probs: StanceProbs | None, t: Thresholds = DEFAULT) -> Comparison:
    """The second step of :func:`compare`: the stance model's say, where the rules left it.

    A passage supports a claim only when it states every checkable part of it (see
    :func:`unstated`); otherwise it is neutral, and says what it does not state."""
    out = _conclude(a, probs, t)
    if out.stance != Stance.SUPPORTS:
        return out
    missing = unstated(a)
    if not missing:
        return out
    return _other_name(a, missing) or _not_stated(a, missing)


def _conclude(a: Assessment, probs: StanceProbs | None, t: Thresholds) -> Comparison:
    if a.decided is not None:
        return a.decided
    model_sees = probs is not None and max(probs.supports, probs.refutes) >= t.model_refute
    if not (a.topical or model_sees):
        return _unrelated(a)
    claim, passage, overlap, similarity = a.claim, a.passage, a.overlap, a.similarity
    c_spans, p_spans, checks = a.claim_spans, a.passage_spans, a.checks
    paraphrase = similarity >= t.paraphrase_similarity

    relatedness = a.relatedness
    # Undecided by the rules: no value disagrees and no predicate is flipped.
    right = list(checks)
    unverified = a.unverified
    if right:
        share = len(right) / max(1, sum(1 for v in claim.values if v.kind in HARD))
        said = "; ".join(f"{describe(c.claim)} = {c.passage.text!r}" for c in right[:3])
        weight = min(1.0, 0.45 + 0.35 * share + 0.2 * overlap)
        if probs is not None and probs.refutes > probs.supports + t.model_margin:
            weight *= 0.8  # the model doubts the wording, but numbers decide numbers
        return Comparison(
            Stance.SUPPORTS,
            weight,
            f"values match: {said}"
            + (f"; not found: {', '.join(v.text for v in unverified)}" if unverified else ""),
            tuple(sorted({*c_spans, *(c.claim.span for c in right)})),
            tuple(sorted({*p_spans, *(c.passage.span for c in right)})),
            checks,
            a.relatedness,
        )

    if probs is not None:
        # The model reads paraphrase and contradiction; a near-restatement (high cosine)
        # backs its support. Thresholds: see Thresholds and docs/evaluation.md.
        if probs.supports >= probs.refutes and (
            probs.supports >= t.model_support or (paraphrase and probs.supports > probs.refutes)
        ):
            weight = max(probs.supports, min(1.0, similarity)) * (0.6 + 0.4 * overlap)
            return Comparison(
                Stance.SUPPORTS,
                weight,
                f"the source says the same thing (stance model {probs.supports:.2f},"
                f" similarity {similarity:.2f})",
                c_spans,
                p_spans,
                (),
                relatedness,
            )
        if probs.refutes > probs.supports and probs.refutes >= t.model_refute:
            return Comparison(
                Stance.REFUTES,
                probs.refutes * (0.6 + 0.4 * overlap),
                f"the source contradicts the claim (stance model {probs.refutes:.2f})",
                c_spans,
                p_spans,
                (),
                relatedness,
            )
        return Comparison(
            Stance.NEUTRAL,
            0.0,
            "related, but does not settle the claim",
            c_spans,
            p_spans,
            (),
            relatedness,
        )
    if overlap >= t.support_overlap and similarity >= t.support_similarity:
        return Comparison(
            Stance.SUPPORTS,
            min(1.0, 0.3 + 0.4 * overlap + 0.3 * similarity),
            f"the source says the same thing ({_shared(claim, passage)} of {len(claim.content)}"
            " key words,"
            f" similarity {similarity:.2f})",
            c_spans,
            p_spans,
            (),
            relatedness,
        )
    return Comparison(
        Stance.NEUTRAL,
        0.0,
        "related, but does not settle the claim",
        c_spans,
        p_spans,
        (),
        relatedness,
    )


def compare(
    claim: TextFacts,
    passage: TextFacts,
    similarity: float = 0.0,
    probs: StanceProbs | None = None,
    t: Thresholds = DEFAULT,
    context: TextFacts | None = None,
) -> Comparison:
    """Decide what ``passage`` says about ``claim``: :func:`assess` then :func:`conclude`."""
    return conclude(assess(claim, passage, similarity, t, context), probs, t)
