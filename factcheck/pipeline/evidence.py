"""A passage's comparison as a verdict's evidence, and whose words the verdict rests on."""

from __future__ import annotations

from dataclasses import replace

from factcheck.nlp.facts import TextFacts
from factcheck.nlp.speech import claimed_statement
from factcheck.rules.assessment import Comparison
from factcheck.types import Evidence, Passage, Stance, Verdict


def with_speakers(facts: TextFacts, v: Verdict) -> Verdict:
    """Who the claim says said it, and whose words the deciding passage gives it as."""
    claimed = claimed_statement(facts)
    top = v.evidence[0] if v.evidence and v.evidence[0].stance != Stance.NEUTRAL else None
    return replace(
        v,
        claimed_speaker=claimed.speaker if claimed is not None else "",
        source_speaker=top.speaker if top is not None else "",
    )


def evidence_of(p: Passage, comp: Comparison, attribution: str | None) -> Evidence:
    """A passage's comparison as a verdict's evidence. A source's trust scales its
    weight: a passage from a 0.2-trust file counts a fifth."""
    return Evidence(
        passage=p,
        stance=comp.stance,
        weight=round(comp.weight * p.trust, 4),
        rationale=comp.rationale,
        claim_spans=comp.claim_spans,
        passage_spans=comp.passage_spans,
        attribution=attribution,  # who the passage attributes its content to, outermost
        speaker=comp.speaker,  # whose words the claim's content is (maybe reported inside)
        relatedness=round(comp.relatedness, 4),
        same_event=comp.stance == Stance.REFUTES
        and any(c.anchored and not c.agree for c in comp.checks),
        names_instead=comp.names_instead,
        agreeing=len({c.claim.span for c in comp.checks if c.agree}),
    )
