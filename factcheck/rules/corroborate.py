"""Across the passages of one claim: a figure that one passage states is not disproved by
another passage's different figure, which is then about something else (another day's
report, another company's result, another figure of the same story)."""

from __future__ import annotations

from dataclasses import replace

from factcheck.lang import Vocabulary
from factcheck.rules.align import ValueCheck, sure
from factcheck.rules.assessment import Comparison
from factcheck.rules.describe import describe
from factcheck.thresholds import Thresholds
from factcheck.types import Stance


def stated_elsewhere(
    comps: list[Comparison], t: Thresholds, *, vocab: Vocabulary | None = None
) -> list[Comparison]:
    """The comparisons of one claim's passages, with each contradiction by figure made
    neutral when every figure it contradicts is stated, as the claim has it, by another
    passage at least as well aligned (surely: the same counted noun, event word or
    wording), for the better aligned figure says what the claim's figure is about.

    Where that other passage supports the claim, nothing changes: two passages that state
    the figure two ways are for :func:`~factcheck.rules.verdict.decide` to weigh (CONFLICTING when
    both hold up). Only where the passage that states the figure leaves another part of
    the claim unstated would the contradiction otherwise decide alone. ``vocab``: the
    claim's language (``TextFacts.vocabulary``), for the rationale's figures."""
    w = t.weights
    stated: dict[tuple[int, int], ValueCheck] = {}
    for comp in comps:
        for c in comp.checks:
            best = stated.get(c.claim.span)
            if c.agree and sure(c, w) and (best is None or c.score > best.score):
                stated[c.claim.span] = c
    if not stated or any(c.stance == Stance.SUPPORTS for c in comps):
        return comps
    out = []
    for comp in comps:
        wrong = [c for c in comp.checks if not c.agree]
        if (
            comp.stance == Stance.REFUTES
            and comp.rule == "figure_mismatch"
            and wrong
            # ... each as well aligned as the figure that contradicts it
            and all(c.claim.span in stated and stated[c.claim.span].score >= c.score for c in wrong)
        ):
            c = wrong[0]
            comp = replace(
                comp,
                stance=Stance.NEUTRAL,
                weight=0.0,
                rationale=f"the source gives {describe(c.passage, vocab=vocab)} for something"
                f" else; another passage states {describe(c.claim, vocab=vocab)}"
                f" ({stated[c.claim.span].passage.text!r})",
            )
        out.append(comp)
    return out
