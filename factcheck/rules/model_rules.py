"""The second step of a comparison: the rules that run where :data:`~factcheck.rules.
compare.RULES` settled nothing, with the stance model's probabilities (or without a model,
the shared words). Each is a small named function returning a Comparison or None."""

from __future__ import annotations

from collections.abc import Callable

from factcheck.nlp.words import fuzzy_in
from factcheck.rules.assessment import Assessment, Comparison, neutral
from factcheck.rules.describe import describe
from factcheck.rules.speakers import says, verbatim_statement
from factcheck.thresholds import Thresholds, Weights
from factcheck.types import NUMERIC_KINDS, Stance, StanceProbs, ValueKind

HARD = NUMERIC_KINDS | {ValueKind.DATE, ValueKind.ORDINAL}  # what a source can contradict

ModelRule = Callable[[Assessment, "StanceProbs | None", Thresholds], "Comparison | None"]


def values_match(a: Assessment, probs: StanceProbs | None, t: Thresholds) -> Comparison | None:
    """The claim's figures are stated (and none contradicted: the rules saw to that)."""
    right = list(a.checks)
    if not right:
        return None
    w = t.weights
    share = len(right) / max(1, sum(1 for v in a.claim.values if v.kind in HARD))
    vocab = a.claim.vocabulary
    said = "; ".join(f"{describe(c.claim, vocab=vocab)} = {c.passage.text!r}" for c in right[:3])
    weight = min(
        1.0, w.values_match_base + w.values_match_share * share + w.values_match_overlap * a.overlap
    )
    if probs is not None and probs.refutes > probs.supports + t.model_margin:
        weight *= w.model_doubt  # the model doubts the wording, but numbers decide numbers
    elif all(c.claim.kind == ValueKind.DATE for c in right):
        weight *= w.time_only_match  # the claim's time is stated, its relation maybe not
    missing = a.unverified
    return Comparison(
        stance=Stance.SUPPORTS,
        weight=weight,
        rationale=f"values match: {said}"
        + (f"; not found: {', '.join(v.text for v in missing)}" if missing else ""),
        claim_spans=tuple(sorted({*a.claim_spans, *(c.claim.span for c in right)})),
        passage_spans=tuple(sorted({*a.passage_spans, *(c.passage.span for c in right)})),
        checks=a.checks,
        relatedness=a.relatedness,
    )


def _model_weight(p: float, a: Assessment, w: Weights) -> float:
    return p * (w.model_weight_base + w.model_weight_overlap * a.overlap)


def model_support(a: Assessment, probs: StanceProbs | None, t: Thresholds) -> Comparison | None:
    """The model reads a paraphrase; a near-restatement (high cosine) backs its support.

    The cosine never stands in for the model: a claim that restates a passage and adds one
    thing it does not say ("..., together with iTunes") is as close to it as a faithful
    one, and the model, trained on such additions, calls it neutral."""
    if probs is None or probs.supports < probs.refutes or probs.supports < t.model_support:
        return None
    return says(
        a,
        Stance.SUPPORTS,
        _model_weight(max(probs.supports, min(1.0, a.similarity)), a, t.weights),
        f"the source says the same thing (stance model {probs.supports:.2f},"
        f" similarity {a.similarity:.2f})",
    )


def model_refute(a: Assessment, probs: StanceProbs | None, t: Thresholds) -> Comparison | None:
    """The model reads a contradiction."""
    if probs is None or not (probs.refutes > probs.supports and probs.refutes >= t.model_refute):
        return None
    return says(
        a,
        Stance.REFUTES,
        _model_weight(probs.refutes, a, t.weights),
        f"the source contradicts the claim (stance model {probs.refutes:.2f})",
    )


def model_undecided(a: Assessment, probs: StanceProbs | None, t: Thresholds) -> Comparison | None:
    """The model was asked and sees neither."""
    if probs is None:
        return None
    return neutral(a, "related, but does not settle the claim", checks=False)


def words_support(a: Assessment, probs: StanceProbs | None, t: Thresholds) -> Comparison | None:
    """No model: most of the claim's words and a high cosine."""
    if not (a.overlap >= t.support_overlap and a.similarity >= t.support_similarity):
        return None
    w = t.weights
    shared = sum(1 for x in a.claim.content if fuzzy_in(x, a.passage.content))
    return says(
        a,
        Stance.SUPPORTS,
        min(
            1.0,
            w.words_support_base
            + w.words_support_overlap * a.overlap
            + w.words_support_similarity * a.similarity,
        ),
        f"the source says the same thing ({shared} of {len(a.claim.content)} key words,"
        f" similarity {a.similarity:.2f})",
    )


MODEL_RULES: tuple[ModelRule, ...] = (
    values_match,
    verbatim_statement,
    model_support,
    model_refute,
    model_undecided,
    words_support,
)
