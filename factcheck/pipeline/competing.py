"""An attributed account that the next passage of its source disputes: "The Kremlin
said ... Biden, on the other hand, ..., according to the White House"."""

from __future__ import annotations

from factcheck.nlp.facts import TextFacts, entity_match
from factcheck.thresholds import Thresholds
from factcheck.types import Evidence, Passage, Stance


def competing_accounts(
    claim: TextFacts,
    evidence: list[Evidence],
    near: dict[str, Passage],
    facts: dict[str, TextFacts],
    t: Thresholds,
) -> list[Evidence]:
    """For each attributed passage that supports the claim, the next passage of the same
    source when it gives another speaker's contrasting account of the claim's names: a
    refutation weighed down by ``competing_discount``."""
    extra: list[Evidence] = []
    # a next passage already compared (a follow-on) is replaced when it says nothing
    seen = {e.passage.id for e in evidence if e.stance != Stance.NEUTRAL}
    claim_names = {e.name for e in claim.entities}
    for e in evidence:
        if e.stance != Stance.SUPPORTS or not e.attribution:
            continue
        nxt = near.get(e.passage.next_id)
        if nxt is None or nxt.id in seen:
            continue
        nf = facts[nxt.id]
        if not (nf.contrast and nf.attribution and nf.attribution != e.attribution):
            continue
        if claim_names and not any(
            entity_match(n, x.name, vocab=nf.vocabulary) for n in claim_names for x in nf.entities
        ):
            continue
        extra.append(
            Evidence(
                passage=nxt,
                stance=Stance.REFUTES,
                weight=round(e.weight * t.weights.competing_discount, 4),
                rationale=f"a competing account: {nxt.text!r}",
                passage_spans=((0, len(nxt.text)),),
                attribution=nf.attribution,
                relatedness=e.relatedness,  # it disputes the very statement e makes
                competing=True,
            )
        )
        seen.add(nxt.id)
    return extra
