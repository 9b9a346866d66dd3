"""Across the passages of one claim: a figure that one passage states is not disproved by
another passage's different figure, which is then about something else (another day's
report, another company's result, another figure of the same story)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from factcheck.lang import Vocabulary, resolve
from factcheck.nlp.facts import TextFacts
from factcheck.rules.align import ValueCheck, states, sure
from factcheck.rules.assessment import Comparison
from factcheck.rules.describe import describe
from factcheck.rules.timing import bounded, dateline_fits, event_dates, written
from factcheck.thresholds import Thresholds
from factcheck.types import NUMERIC_KINDS, WINDOW, Stance, Value, ValueKind


def stated_elsewhere(
    comps: list[Comparison],
    t: Thresholds,
    *,
    vocab: Vocabulary | None = None,
    of_its_time: list[bool] | None = None,
) -> list[Comparison]:
    """The comparisons of one claim's passages, with each contradiction by figure made
    neutral when every figure it contradicts is stated, as the claim has it, by another
    passage at least as well aligned (surely: the same counted noun, event word or
    wording), for the better aligned figure says what the claim's figure is about.

    Where that other passage supports the claim, nothing changes: two passages that state
    the figure two ways are for :func:`~factcheck.rules.verdict.decide` to weigh (CONFLICTING when
    both hold up). Only where the passage that states the figure leaves another part of
    the claim unstated would the contradiction otherwise decide alone. ``vocab``: the
    claim's language (``TextFacts.vocabulary``), for the rationale's figures.

    ``of_its_time`` (one flag per comparison, see :func:`of_the_claims_time`) says which
    passages are about the claim's time: in a series of reports, the report of the
    claim's time that gives another figure is not explained away by another time's report
    of the claim's figure (last year's 32% does not make this month's 8.7% about something
    else); between passages of other times, nothing changes."""
    w = t.weights
    now = of_its_time if of_its_time is not None else [True] * len(comps)
    stated: dict[tuple[int, int], ValueCheck] = {}  # by any passage
    stated_now: dict[tuple[int, int], ValueCheck] = {}  # by a passage of the claim's time
    for comp, at in zip(comps, now, strict=True):
        for c in comp.checks:
            for found in (stated, stated_now) if at else (stated,):
                best = found.get(c.claim.span)
                if states(c, vocab=vocab) and sure(c, w) and (best is None or c.score > best.score):
                    found[c.claim.span] = c
    if not stated or any(c.stance == Stance.SUPPORTS for c in comps):
        return comps
    out = []
    for comp, at in zip(comps, now, strict=True):
        wrong = [c for c in comp.checks if not c.agree]
        by = stated_now if at else stated
        if (
            comp.stance == Stance.REFUTES
            and comp.rule == "figure_mismatch"
            and wrong
            # ... each as well aligned as the figure that contradicts it
            and all(c.claim.span in by and by[c.claim.span].score >= c.score for c in wrong)
        ):
            c = wrong[0]
            comp = replace(
                comp,
                stance=Stance.NEUTRAL,
                weight=0.0,
                rationale=f"the source gives {describe(c.passage, vocab=vocab)} for something"
                f" else; another passage states {describe(c.claim, vocab=vocab)}"
                f" ({by[c.claim.span].passage.text!r})",
            )
        out.append(comp)
    return out


def of_the_claims_time(
    claim: TextFacts,
    claim_date: dt.date | None,
    comp: Comparison,
    passage_date: dt.date | None,
    t: Thresholds,
) -> bool:
    """Whether a passage is about the claim's time: the claim gives no date of its own,
    the passage states one of the claim's dates as the claim has it, or its report is
    dated at the claim's time (timing.dateline_fits)."""
    if not event_dates(claim):
        return True
    if any(
        states(c, vocab=claim.vocabulary) and c.claim.kind == ValueKind.DATE for c in comp.checks
    ):
        return True
    return dateline_fits(claim, claim_date, passage_date, t)


_HARD = frozenset([*NUMERIC_KINDS, ValueKind.DATE])
# rules that support by reading the wording as a whole, not the claim's figures, dates
# or a speaker's words
_WORDING = frozenset(["model_support", "words_support"])


def window_can_support(claim: TextFacts) -> bool:
    """Whether a window of two sentences could support the claim (:func:`window_reading`):
    it has two figures or dates or more. Windows are compared for those claims only."""
    return sum(1 for v in claim.values if v.kind in _HARD) >= 2


def window_reading(c: Comparison, claim: TextFacts) -> Comparison:
    """Two adjacent sentences read as one (retrieval.windows) support a claim only by
    stating every one of its figures and dates, exactly, where it has several (a claim
    that joins facts of two sentences), or by a speaker's words; never by their wording as
    a whole, nor by one figure (a single sentence states that, or the pair adds what the
    claim adds): measured, the stance model on a pair, and a pair with one figure, made
    untrue claims of the hand-checked and contrast sets SUPPORTED. Like a follow-on
    sentence, a window never disputes alone."""
    hard = [v for v in claim.values if v.kind in _HARD]
    vocab = claim.vocabulary
    exact = {
        id(x.claim) for x in c.checks if states(x, vocab=vocab) and _no_wider(x.passage, x.claim)
    }
    by_figures = window_can_support(claim) and all(id(v) in exact for v in hard)
    if c.stance == Stance.SUPPORTS and (c.rule in _WORDING or not by_figures):
        return replace(
            c,
            stance=Stance.NEUTRAL,
            weight=0.0,
            rationale=f"two sentences read together ({c.rationale}) support a claim only by"
            " stating its several figures and dates",
        )
    return completes_only(c, claim.vocabulary, pin=False)


def _no_wider(stated: Value, claimed: Value) -> bool:
    """Whether a figure is stated no vaguer than the claim has it ("$35 million" is not
    stated by "millions of dollars", which merely allows it); dates: align.states."""
    if stated.low is None or stated.high is None or claimed.low is None or claimed.high is None:
        return True
    return claimed.low <= stated.low and stated.high <= claimed.high


def as_compared(c: Comparison, pid: str, follow_on: set[str], claim: TextFacts) -> Comparison:
    """A passage's comparison as it counts for the claim: a window's by
    :func:`window_reading`, a sentence compared as a follow-on by :func:`completes_only`."""
    if WINDOW in pid:
        return window_reading(c, claim)
    return completes_only(c, claim.vocabulary) if pid in follow_on else c


def completes_only(
    c: Comparison, vocab: Vocabulary | None = None, *, pin: bool = True
) -> Comparison:
    """A sentence compared only as the one after a retrieved passage (retrieval.follow_ons)
    may state the rest of the claim; it never disputes it alone: not similar enough to be
    retrieved, its other figure or negation is as likely about another thing. Unless the
    sentence pins its figure on the claim's event (:func:`pinned`; with ``pin``: a window
    of two sentences never does, its figures may come from either)."""
    if c.stance != Stance.REFUTES or (pin and pinned(c, vocab)):
        return c
    return replace(
        c,
        stance=Stance.NEUTRAL,
        weight=0.0,
        rationale=f"the sentence after a retrieved passage differs ({c.rationale}); "
        "it is not about the claim closely enough to dispute it",
    )


def pinned(c: Comparison, vocab: Vocabulary | None = None) -> bool:
    """Whether a contradiction by figure is about the claim's own event, however the
    sentence names its subject ("He ... took six months off in early 2009" against "Jobs
    took three months off in early 2009"): the sentence states another of the claim's
    figures, or a date written out, as the claim has it, and each differing figure is on
    the same counted noun or event word as the claim's; or it gives a figure of the claim
    going the other way ("a loss of close to $15 billion" in 2008 against "a profit of
    close to $15 billion" in 2008), with another figure or date as the claim has it. One
    event's figures, one said otherwise."""
    if c.rule not in ("figure_mismatch", "direction_flip"):
        return False
    vocab = resolve(vocab)

    def pins(v: Value) -> bool:  # a figure or a date written out, not "on Monday"
        return (v.kind in NUMERIC_KINDS and bounded(v)) or (
            v.kind == ValueKind.DATE and written(v, vocab)
        )

    if c.rule == "direction_flip":  # the figure itself and another, said as the claim has them
        return sum(1 for x in c.checks if states(x, vocab=vocab) and sure(x) and pins(x.claim)) > 1
    wrong = [x for x in c.checks if not x.agree]
    spans = {x.claim.span for x in wrong}
    right = [
        x
        for x in c.checks
        if x.claim.span not in spans and states(x, vocab=vocab) and sure(x) and pins(x.claim)
    ]
    return bool(wrong and right) and all(
        sure(x) and (x.anchored or x.same_noun) and pins(x.claim) and pins(x.passage) for x in wrong
    )
