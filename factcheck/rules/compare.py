"""Claim x passage -> stance, with the matched spans and a one-line rationale. Pure code.

Numbers decide numbers: when a claim's value is aligned with a passage's value about the
same thing and they disagree, the passage REFUTES the claim, whatever its similarity or a
model says. Similarity, entity agreement, polarity and (when given) the stance model's
probabilities decide only where no value does.

A comparison is two steps. :func:`assess` measures the pair and runs :data:`RULES`, the
rules that settle it whatever a model says; :func:`conclude` runs :data:`MODEL_RULES` with
the stance model's probabilities where they did not. Each rule is a small named function
that returns a :class:`Comparison` or None (passes); every weight is in `Weights`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from factcheck.nlp.facts import TextFacts
from factcheck.nlp.paraphrase import Like, exact
from factcheck.nlp.speech import QuoteRunFacts, run_speaker, said_content
from factcheck.nlp.words import fuzzy_in, overlap
from factcheck.rules import contraries, opposites, possible
from factcheck.rules.align import ValueCheck, align, can_refute, compatible, states, values_agree
from factcheck.rules.assessment import Assessment, Comparison, neutral
from factcheck.rules.counterparts import count_left_unnamed, sole_counterparts
from factcheck.rules.coverage import (
    missing_parts,
    name_in_place,
    other_name,
    other_party,
    partly_stated,
    unstated,
)
from factcheck.rules.describe import describe
from factcheck.rules.direction import direction_flip
from factcheck.rules.model_rules import MODEL_RULES
from factcheck.rules.naming import (
    entity_cover,
    names_instead,
    outside_figures,
    owners_unnamed,
    sibling,
    title_words,
)
from factcheck.rules.negation import negated_support, negation_flip
from factcheck.rules.required import unverified
from factcheck.rules.speakers import (
    READ_AS_FACT,
    attributed,
    other_voice,
    quote_altered,
    quoted_word_changed,
    words_of_another,
)
from factcheck.rules.timing import (
    account_dates,
    dateline_fits,
    not_disputed_by,
    other_time,
    recurs,
    same_event,
    saying_dates,
    told,
)
from factcheck.thresholds import DEFAULT, Thresholds, Weights
from factcheck.types import Stance, StanceProbs, ValueKind

__all__ = [
    "DEFAULT",
    "MODEL_RULES",
    "RULES",
    "Assessment",
    "Comparison",
    "Thresholds",
    "ValueCheck",
    "Weights",
    "assess",
    "compare",
    "compatible",
    "conclude",
    "dateline_fits",
    "other_time",
    "values_agree",
]

Rule = Callable[[Assessment, Thresholds], "Comparison | None"]


def _one_figure_each(checks: tuple[ValueCheck, ...]) -> tuple[ValueCheck, ...]:
    """A figure of the source that states one of the claim's figures does not also
    contradict another ("789 of its 3,200 dealers" against "789 dealerships": the 789 is
    the claim's 789, not a wrong 3,200)."""
    used = {id(c.passage) for c in checks if c.agree}
    return tuple(c for c in checks if c.agree or id(c.passage) not in used)


def _day_for_day(c: ValueCheck, claim: TextFacts, passage: TextFacts) -> bool:
    """Two days given for what a passage restates ("brought the clock to school on
    September 14" / "took his clock to school on 16 September"): one event's date
    (anchored), though the verbs differ, when the two dates hang on the same word or the
    claim's doing has the same participants there (take: clock, Mohamed / bring: clock,
    Mohamed). A release date and a deadline for a refund are two events."""
    if not (c.claim.kind == c.passage.kind == ValueKind.DATE and c.claim.grain == "day"):
        return False
    if c.passage.grain != "day":
        return False
    mine = next((f.anchor for f in claim.found if f.value is c.claim), "")
    theirs = next((f.anchor for f in passage.found if f.value is c.passage), "")
    if mine and mine == theirs:
        return True
    return any(
        len(args) >= 2 and any(args <= other for _, other in passage.frames)
        for _, args in claim.frames
    )


def _spans_for(facts: TextFacts, words: frozenset[str]) -> tuple[tuple[int, int], ...]:
    return tuple(sorted({(s, e) for lem, s, e in facts.spans if fuzzy_in(lem, words)}))


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
    lead: TextFacts | None = None,
    like: Like = exact,
    meant: frozenset[str] = frozenset(),
    run: QuoteRunFacts | None = None,
    earlier: tuple[TextFacts, ...] = (),
    article: tuple[TextFacts, ...] = (),
) -> Assessment:
    """The rule half of :func:`compare`: relatedness, value alignment, then :data:`RULES`.

    ``claim_date`` and ``passage_date`` are the claim's and the passage's datelines: a
    figure refutes only a figure about the same time (see :func:`other_time`).

    ``context`` is the passage before it in the same source: news copy names people once
    and then says "both presidents", so entities may be found there; ``lead`` is its
    article's lead, and ``title`` its headline (see :func:`naming.entity_cover`).
    ``meant``: the claim's clauses the passage says in other words (pipeline/meaning.py);
    ``run`` (the quotation of several passages it is inside) and ``earlier`` (the passages
    before ``context``, nearest first) tell who speaks (see :func:`speech.voice`);
    ``article``, the passages of its article before it that the check holds, nearest
    first, what it calls by a noun (see :func:`naming.entity_cover`).
    """
    w = t.weights
    said = said_content(claim)
    share = overlap(said, passage.content)
    if context is not None:
        # Words from the context count at part weight towards relatedness.
        extra = overlap(said, passage.content | context.content) - share
        share_rel = share + w.context_overlap * extra
    else:
        share_rel = share
    headline = title_words(title, claim.vocabulary)
    opened = run[0] if run is not None else None  # where its quotation was opened
    who = run_speaker(run) if run is not None else None
    speaker = who.name if who is not None else ""
    cover, missing_names = entity_cover(
        claim, passage, context, headline, lead, opened, speaker, article
    )
    # A loose alignment (values maybe about different things) proves nothing: only sure ones refute.
    named = frozenset(
        x for e in (context.entities if context else ()) for x in e.name.split()
    ) | frozenset(x for x in headline if x.isalpha())
    # A passage is about the claim when they share enough words, or a value about the same
    # counted thing or event (align() demands shared context or noun), or a near-restatement
    # (or, in conclude(), the stance model sees a stance: it was trained to call passages
    # about something else neutral). And the claim's names must be there, unless the
    # passage nearly restates the claim.
    paraphrase = similarity >= t.paraphrase_similarity
    account = account_dates(claim)
    saying = saying_dates(claim) | account
    aligned = [
        (
            c,
            paraphrase
            and (_day_for_day(c, claim, passage) or sole_counterparts(c, claim, passage, saying)),
        )
        for c in align(claim, passage, w, like, named)
    ]
    checks = _one_figure_each(
        tuple(
            replace(c, anchored=True, restated=True) if day else c
            for c, day in aligned
            if (c.agree or can_refute(c, w) or day)
            and not (not c.agree and not_disputed_by(c, passage, account, saying))
        )
    )
    names_ok = cover >= t.entity_cover or paraphrase
    instead = cover < t.entity_cover and paraphrase and names_instead(claim, passage)
    right = {id(c.claim) for c in checks if states(c, vocab=claim.vocabulary)}
    a = Assessment(
        claim=claim,
        passage=passage,
        similarity=similarity,
        overlap=share,
        topical=share_rel >= t.related or bool(checks) or paraphrase,
        names_ok=names_ok,
        names_instead=instead,
        missing_names=missing_names,
        unnamed=outside_figures(missing_names, claim),
        checks=checks,
        unverified=unverified(claim, passage, context, right, saying, claim_date, passage_date, t),
        # Most retrieved passages lack the claim's names: no spans to find for those.
        claim_spans=_spans_for(claim, passage.content) if names_ok else (),
        passage_spans=_spans_for(passage, claim.content) if names_ok else (),
        relatedness=w.relatedness_overlap * share
        + w.relatedness_cover * cover
        + w.relatedness_similarity * max(0.0, similarity),
        decided=None,
        context=context,
        claim_date=claim_date,
        passage_date=passage_date,
        headline=headline,
        meant=meant,
        run=run,
        earlier=earlier,
        lead=lead,
    )
    for rule in RULES:
        decided = rule(a, t)
        if decided is not None:
            return replace(a, decided=replace(decided, rule=rule.__name__))
    return a


def _unrelated(a: Assessment) -> Comparison:
    return Comparison(
        stance=Stance.NEUTRAL,
        weight=0.0,
        rationale="about something else",
        claim_spans=(),
        passage_spans=(),
        relatedness=a.relatedness,
    )


def _wrong(a: Assessment) -> list[ValueCheck]:
    return [c for c in a.checks if not c.agree]


# -- the rules that settle a pair whatever a model says ----------------------------------


def names_missing(a: Assessment, t: Thresholds) -> Comparison | None:
    """The claim's names are not in the passage (nor does it nearly restate the claim)."""
    return None if a.names_ok else _unrelated(a)


def figure_of_another_time(a: Assessment, t: Thresholds) -> Comparison | None:
    """Every mismatched figure is about another day or period, and nothing else pins the
    same event: background, not a contradiction."""
    wrong = _wrong(a)
    if not wrong:
        return None
    when = [other_time(a.claim, a.passage, a.claim_date, a.passage_date, t, c) for c in wrong]
    said = told(a.claim, a.passage, a.context, a.headline)
    # a year counted back misdates an event the source dates, unless either tells of the
    # event happening more than once ("who also won the title in 2019", "erupted again")
    back = None if recurs(a.passage) or recurs(a.claim) else a.claim_date
    if not all(when) or same_event(
        a.checks, wrong, said, t, vocab=a.claim.vocabulary, claim_date=back
    ):
        return None
    gives = describe(wrong[0].passage, vocab=a.claim.vocabulary)
    return neutral(a, f"the source gives {gives} for another time ({when[0]})")


def figure_of_a_sibling(a: Assessment, t: Thresholds) -> Comparison | None:
    """A mismatched figure of a passage that names a sibling of what the claim names
    ("the iPod Shuffle ... $79" against "the iPod nano ... $149"): that member's figure,
    not a contradiction."""
    wrong = _wrong(a)
    pair = sibling(a.claim, a.passage) if wrong else None
    if pair is None:
        return None
    gives = describe(wrong[0].passage, vocab=a.claim.vocabulary)
    return neutral(a, f"the source gives {gives} for {pair[0]}, not {pair[1]}")


def figure_mismatch(a: Assessment, t: Thresholds) -> Comparison | None:
    """A figure or date about the same thing that cannot be true with the claim's; not
    when the passage lacks a name written before the claim's figure (its owner)."""
    wrong = _wrong(a)
    if not wrong:
        return None
    w, c = t.weights, wrong[0]
    owners = owners_unnamed(a.unnamed, c.claim, a.claim.vocabulary)
    if owners:
        gives = describe(c.passage, vocab=a.claim.vocabulary)
        return neutral(a, f"the source gives {gives} without naming {owners}")
    # Sure alignment (same counted noun or anchor word) weighs more than loose context.
    weight = (
        w.figure_refute_base
        + w.figure_refute_per_alignment * min(c.score, w.figure_refute_alignment_cap)
        + w.figure_refute_overlap * a.overlap
    )
    return Comparison(
        stance=Stance.REFUTES,
        weight=min(1.0, weight),
        rationale=f"claim says {describe(c.claim, vocab=a.claim.vocabulary)}; source says"
        f" {describe(c.passage, vocab=a.claim.vocabulary)} ({c.passage.text!r})",
        claim_spans=tuple(sorted({*a.claim_spans, c.claim.span})),
        passage_spans=tuple(sorted({*a.passage_spans, c.passage.span})),
        checks=a.checks,
        relatedness=a.relatedness,
    )


def figures_unstated(a: Assessment, t: Thresholds) -> Comparison | None:
    """The claim's figures are what it asserts; a passage silent on them cannot back it
    (neutral either way, so the model is not asked)."""
    if not a.unverified or any(c.agree for c in a.checks):
        return None
    if not a.topical:
        return _unrelated(a)
    return neutral(a, f"source does not state {', '.join(v.text for v in a.unverified)}")


RULES: tuple[Rule, ...] = (
    names_missing,
    name_in_place,
    quote_altered,
    quoted_word_changed,
    figure_of_another_time,
    figure_of_a_sibling,
    count_left_unnamed,
    figure_mismatch,
    direction_flip,
    negation_flip,
    opposites.opposite_evaluation,
    contraries.contrary_predicate,
    opposites.roles_swapped,
    opposites.choice_swapped,
    opposites.prefix_negated,
    opposites.rank_changed,
    possible.only_possible,
    figures_unstated,
)


# -- the rules where a model may decide ---------------------------------------------------


def conclude(a: Assessment, probs: StanceProbs | None, t: Thresholds = DEFAULT) -> Comparison:
    """The second step of :func:`compare` (see :func:`_concluded`), marked when the passage
    is about other names of the claim's kind."""
    out = _concluded(a, probs, t)
    return replace(out, names_instead=True) if a.names_instead else out


def _concluded(a: Assessment, probs: StanceProbs | None, t: Thresholds) -> Comparison:
    """The stance model's say, where the rules left it.

    A passage supports a claim only when it states every checkable part of it (see
    :func:`~factcheck.rules.coverage.unstated`); otherwise it is neutral, and says what it does
    not state."""
    out = _conclude(a, probs, t)
    if out.stance == Stance.REFUTES and out.rule in READ_AS_FACT:
        return other_voice(a, out, t)
    if out.stance != Stance.SUPPORTS:
        if out.stance == Stance.NEUTRAL and a.decided is None:
            # A near-restatement that the model does not back may say the same of
            # someone else: the model rightly does not call that support. So may a
            # passage that gives the claim's verb and object another doer.
            near = a.similarity >= t.paraphrase_similarity
            # (other_party reads the claim's roles and name places: none, nothing to read)
            if near or a.claim.roles or a.claim.slots:
                missing = unstated(a, t)
                swapped = (
                    (other_name(a, missing, t) if near else None) or other_party(a, missing, t)
                    if missing
                    else None
                )
                if swapped is not None:
                    return swapped
            if (given := words_of_another(a, t)) is not None:
                return replace(given, rule="words_of_another")
        return out
    if a.decided is None and (guarded := negated_support(a, out)) is not out:
        return guarded
    missing = missing_parts(a, probs, t)
    if missing:
        return partly_stated(a, missing, probs, t)
    return attributed(a, out)


def _conclude(a: Assessment, probs: StanceProbs | None, t: Thresholds) -> Comparison:
    if a.decided is not None:
        return a.decided
    model_sees = probs is not None and max(probs.supports, probs.refutes) >= t.model_refute
    if not (a.topical or model_sees):
        return _unrelated(a)
    for rule in MODEL_RULES:
        out = rule(a, probs, t)
        if out is not None:
            return replace(out, rule=rule.__name__)
    return neutral(a, "related, but does not settle the claim", checks=False)


def compare(
    claim: TextFacts,
    passage: TextFacts,
    similarity: float = 0.0,
    probs: StanceProbs | None = None,
    t: Thresholds = DEFAULT,
    context: TextFacts | None = None,
    like: Like = exact,
) -> Comparison:
    """Decide what ``passage`` says about ``claim``: :func:`assess` then :func:`conclude`."""
    return conclude(assess(claim, passage, similarity, t, context, like=like), probs, t)
