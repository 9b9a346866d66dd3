"""Nothing unstated is supported: the parts of a claim (names, figures and dates, clauses)
that a passage does not state, and the passage that says the same of another name."""

from __future__ import annotations

from factcheck.nlp.names import entity_match
from factcheck.nlp.speech import quoted_in
from factcheck.nlp.words import overlap
from factcheck.rules.assessment import Assessment, Comparison
from factcheck.thresholds import Thresholds
from factcheck.types import Stance


def unstated(a: Assessment, t: Thresholds) -> list[str]:
    """The checkable parts of the claim that this passage (with the one before it) does
    not state: a name, a figure or date, or a clause most of whose words are absent."""
    passage, context = a.passage, a.context
    pool = passage.content | (context.content if context else frozenset()) | a.headline
    missing = [e.text for e in a.missing_names]
    missing += [v.text for v in a.unverified]
    for q, _, _ in a.claim.quotes:
        if not (quoted_in(q, passage.text) or (context is not None and quoted_in(q, context.text))):
            missing.append(f"the quotation {q!r}")
    for text, words in a.claim.clauses:
        if len(words) < 2 or text in a.meant:  # a.meant: said in other words
            continue
        if overlap(words, pool) < t.weights.clause_cover:
            missing.append(repr(text))
    return list(dict.fromkeys(missing))


def not_stated(a: Assessment, missing: list[str]) -> Comparison:
    return Comparison(
        stance=Stance.NEUTRAL,
        weight=0.0,
        rationale=f"the source does not state {', '.join(missing[:3])}",
        claim_spans=a.claim_spans,
        passage_spans=a.passage_spans,
        checks=a.checks,
        relatedness=a.relatedness,
    )


def other_name(a: Assessment, missing: list[str], t: Thresholds) -> Comparison | None:
    """The passage says the same of someone else: every other part of the claim is there
    and agrees, and in place of the claim's missing name it has another of the same kind
    ("Air Canada ordered ..." against "Air India ordered ...")."""
    w = t.weights
    claim_names = {e.text for e in a.claim.entities}
    if not set(missing) <= claim_names or a.overlap < w.other_name_overlap:
        return None
    gone = [e for e in a.claim.entities if e.text in missing]
    vocab = a.claim.vocabulary
    others = [
        p
        for p in a.passage.entities
        if not any(entity_match(p.name, c.name, vocab=vocab) for c in a.claim.entities)
        and any(p.entity_type == g.entity_type for g in gone)
    ]
    if not others or any(not c.agree for c in a.checks):
        return None
    o, g = others[0], gone[0]
    return Comparison(
        stance=Stance.REFUTES,
        weight=min(1.0, w.other_name_base + w.other_name_per_overlap * a.overlap),
        rationale=f"the source says this of {o.text}, not {g.text}",
        claim_spans=tuple(sorted({*a.claim_spans, g.span})),
        passage_spans=tuple(sorted({*a.passage_spans, o.span})),
        checks=a.checks,
        relatedness=a.relatedness,
    )
