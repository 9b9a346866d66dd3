"""Evidence list -> Verdict (label, confidence, rationale)."""

from __future__ import annotations

from dataclasses import dataclass

from .types import Claim, Evidence, Label, Stance, Verdict


@dataclass(frozen=True, slots=True)
class VerdictRules:
    """How much evidence it takes. Tuned on no single example: see docs/evaluation.md."""

    min_weight: float = 0.35  # evidence lighter than this does not count
    conflict_floor: float = 0.5  # both sides at least this strong -> CONFLICTING
    conflict_gap: float = 0.3  # ... unless one side is stronger by more than this


def _combine(weights: list[float]) -> float:
    """Independent evidence adds up: 1 - prod(1 - w)."""
    p = 1.0
    for w in weights:
        p *= 1.0 - w
    return 1.0 - p


def decide(claim: Claim, evidence: list[Evidence], rules: VerdictRules | None = None) -> Verdict:
    """Aggregate per-passage stances into one verdict, evidence ordered by weight."""
    r = rules or VerdictRules()
    ordered = sorted(
        evidence,
        key=lambda e: (e.stance == Stance.NEUTRAL, -e.weight, -(e.passage.score or 0.0)),
    )
    sup = [e for e in ordered if e.stance == Stance.SUPPORTS and e.weight >= r.min_weight]
    ref = [e for e in ordered if e.stance == Stance.REFUTES and e.weight >= r.min_weight]
    s = _combine([e.weight for e in sup[:3]])
    f = _combine([e.weight for e in ref[:3]])
    if not sup and not ref:
        related = [e for e in ordered if e.passage.score is not None]
        top = max((e.passage.score or 0.0 for e in related), default=0.0)
        why = (
            "no stored source states this"
            if not ordered
            else ordered[0].rationale
            if ordered[0].rationale
            else "no source settles it"
        )
        conf = 0.5 + 0.4 * (1.0 - max(0.0, min(1.0, top)))
        return Verdict(
            claim,
            Label.NOT_ENOUGH_INFO,
            round(conf, 3),
            f"Not enough information: {why}",
            tuple(ordered),
        )
    if sup and ref and min(s, f) >= r.conflict_floor and abs(s - f) <= r.conflict_gap:
        a, b = sup[0], ref[0]
        who_a = f"{a.attribution}: " if a.attribution else ""
        who_b = f"{b.attribution}: " if b.attribution else ""
        return Verdict(
            claim,
            Label.CONFLICTING,
            round(min(s, f), 3),
            f"Sources disagree. {who_a}{a.rationale} | {who_b}{b.rationale}",
            tuple(ordered),
        )
    if s >= f:
        conf = s * (1.0 - 0.5 * f)
        return Verdict(claim, Label.SUPPORTED, round(conf, 3), sup[0].rationale, tuple(ordered))
    conf = f * (1.0 - 0.5 * s)
    return Verdict(claim, Label.REFUTED, round(conf, 3), ref[0].rationale, tuple(ordered))
