"""The second step of a comparison: the rules that run where :data:`~factcheck.rules.
compare.RULES` settled nothing, with the stance model's probabilities (or without a model,
the shared words). Each is a small named function returning a Comparison or None."""

from __future__ import annotations

import re
from collections.abc import Callable

from factcheck.lang import Vocabulary
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


_WORD = re.compile(r"\w+(?:n't)?")


def only_added(claim: str, passage: str, vocab: Vocabulary) -> bool:
    """Whether the claim is the passage's sentence with words added and none taken away or
    changed ("... what the New Zealand flag should mean" of "... what the flag should
    mean"), none of them a negation, a word of degree, a hedge, a modal of what did not
    happen, a verb of not doing or a figure (those can turn it over: "did not", "less",
    "nearly", "could have", "failed to", "3"). What is only added can be
    unstated, never contradicted: a stance model trained on edited pairs reads such an
    addition as a contradiction (0.66 and 0.92 on two such true restatements)."""
    c, p = _WORD.findall(claim.lower()), _WORD.findall(passage.lower())
    if len(p) < 5 or len(c) <= len(p):
        return False
    added, at = [], 0
    for w in c:
        if at < len(p) and w == p[at]:
            at += 1
        else:
            added.append(w)
    if at < len(p):
        return False
    turning = (
        vocab.negations
        | vocab.negative_words
        | set(vocab.degree_words)
        | set(vocab.irrealis_modals)
        | {h for h in vocab.hedges if " " not in h}  # "nearly won" is not "won"
    )
    return not any(
        w in turning
        or w.endswith("n't")
        or any(ch.isdigit() for ch in w)
        or any(w.startswith(v.rstrip("e")) for v in vocab.negating_verbs)
        for w in added
    )


def model_refute(a: Assessment, probs: StanceProbs | None, t: Thresholds) -> Comparison | None:
    """The model reads a contradiction; not of a claim that only adds words to the
    passage (:func:`only_added`)."""
    if probs is None or not (probs.refutes > probs.supports and probs.refutes >= t.model_refute):
        return None
    if only_added(a.claim.text, a.passage.text, a.claim.vocabulary):
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
