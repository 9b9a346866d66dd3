"""Evidence list -> Verdict (label, confidence, rationale)."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.types import Claim, Evidence, Label, Stance, Verdict


@dataclass(frozen=True, slots=True)
class VerdictRules:
    """How much evidence it takes. See docs/evaluation.md for how these were chosen."""

    min_weight: float = 0.35  # evidence lighter than this does not count
    conflict_floor: float = 0.7  # both sides at least this strong -> CONFLICTING
    conflict_gap: float = 0.25  # ... unless one side is stronger by more than this
    # ... or one side's passage is about the claim much less than the other's (a figure
    # from a loosely related passage does not dispute a passage that states the claim)
    conflict_relatedness: float = 0.15
    # confidence of NOT_ENOUGH_INFO: base + range * (1 - best retrieval score)
    nei_confidence_base: float = 0.5
    nei_confidence_range: float = 0.4
    # confidence of a winning side: its best weight * (1 - discount * the other side's best)
    opposed_discount: float = 0.5
    # A passage that states at least this many of the claim's figures, dates and names, all
    # alike, is not disputed by one from another report that states fewer of them alike
    # and differs on the rest: that one is about another thing (_fuller_account).
    fuller_account: int = 2


def decide(claim: Claim, evidence: list[Evidence], rules: VerdictRules | None = None) -> Verdict:
    """Aggregate per-passage stances into one verdict, evidence ordered by weight.

    Each side's strength is its strongest passage (the sum of its three strongest breaks a
    tie); credible passages on both sides (each at least ``conflict_floor`` and close in
    weight) make CONFLICTING.
    """
    r = rules or VerdictRules()
    ordered = sorted(
        evidence,
        key=lambda e: (e.stance == Stance.NEUTRAL, -e.weight, -(e.passage.score or 0.0)),
    )
    sup = [e for e in ordered if e.stance == Stance.SUPPORTS and e.weight >= r.min_weight]
    ref = [e for e in ordered if e.stance == Stance.REFUTES and e.weight >= r.min_weight]
    if any(not e.names_instead for e in (*sup, *ref)):
        # A passage about the claim's own names takes a stance: passages about others of
        # their kind (compared only as near-restatements) are about something else.
        sup = [e for e in sup if not e.names_instead]
        ref = [e for e in ref if not e.names_instead]
    if any(e.of_its_time for e in sup):
        # The claim's own time has a report that agrees: another time's report is
        # background, never a dispute (the index fell on many days).
        ref = [e for e in ref if e.of_its_time]
    sup, ref = _one_report(sup, ref)
    ref, aside = _fuller_account(sup, ref, r)
    if aside:  # the next refuting passage may be from the supporting report itself
        sup, ref = _one_report(sup, ref)
    # What counts comes first (the deciding passage leads); what was set aside follows.
    counted = {id(e) for e in (*sup, *ref)}
    ordered.sort(key=lambda e: id(e) not in counted)
    if not sup and not ref:
        top = max((e.passage.score or 0.0 for e in ordered), default=0.0)
        why = (
            ordered[0].rationale
            if ordered and ordered[0].rationale
            else "no stored source states this"
        )
        conf = r.nei_confidence_base + r.nei_confidence_range * (1.0 - max(0.0, min(1.0, top)))
        return Verdict(
            claim=claim,
            label=Label.NOT_ENOUGH_INFO,
            confidence=round(conf, 3),
            rationale=f"Not enough information: {why}",
            evidence=tuple(ordered),
        )
    best_s = sup[0].weight if sup else 0.0
    best_f = ref[0].weight if ref else 0.0
    # The strongest passage on each side decides; the others only break a tie. Summing would
    # let several loose "says the same thing" passages outvote one exact contradiction.
    s = (best_s, sum(e.weight for e in sup[:3]))
    f = (best_f, sum(e.weight for e in ref[:3]))
    comparable = (
        bool(sup and ref)
        and _two_voices(sup[0], ref[0])
        and (
            abs(sup[0].relatedness - ref[0].relatedness) <= r.conflict_relatedness
            or ref[0].same_event
        )
    )
    if (
        min(best_s, best_f) >= r.conflict_floor
        and abs(best_s - best_f) <= r.conflict_gap
        and comparable
    ):
        a, b = sup[0], ref[0]
        return Verdict(
            claim=claim,
            label=Label.CONFLICTING,
            confidence=round(min(best_s, best_f), 3),
            rationale=f"Sources disagree. Supports: {_side(a)} | Refutes: {_side(b)}",
            evidence=tuple(ordered),
        )
    if s >= f:
        dissent = max(best_f, aside[0].weight if aside else 0.0)
        label, conf = Label.SUPPORTED, best_s * (1.0 - r.opposed_discount * dissent)
        why = sup[0].rationale + _discounted(ordered, Stance.REFUTES, r)
        if aside:
            why += f" (another report differs on fewer of its details: {_side(aside[0])})"
    else:
        label, conf = Label.REFUTED, best_f * (1.0 - r.opposed_discount * best_s)
        why = ref[0].rationale + _discounted(ordered, Stance.SUPPORTS, r)
    return Verdict(
        claim=claim, label=label, confidence=round(conf, 3), rationale=why, evidence=tuple(ordered)
    )


def _one_report(sup: list[Evidence], ref: list[Evidence]) -> tuple[list[Evidence], list[Evidence]]:
    """When the strongest passage on each side comes from one report (and one voice), the
    report does not dispute itself: its other figure is about another thing (a rival's
    sales, the whole market's, another month's). Its passage that is about the claim more
    decides; the other side's passages from that report are set aside."""
    if not sup or not ref or _two_voices(sup[0], ref[0]):
        return sup, ref
    source = sup[0].passage.source_id
    if sup[0].relatedness > ref[0].relatedness:
        return sup, [e for e in ref if e.passage.source_id != source]
    if ref[0].relatedness > sup[0].relatedness:
        return [e for e in sup if e.passage.source_id != source], ref
    return sup, ref


def _fuller_account(
    sup: list[Evidence], ref: list[Evidence], r: VerdictRules
) -> tuple[list[Evidence], list[Evidence]]:
    """(refuting passages kept, set aside). A passage that states several of the claim's
    figures, dates and names, every one alike, is a fuller account of the claim than a
    passage of another report that states fewer of them alike and differs on the rest: a
    second figure there is about another thing (another model's sales, another index's
    close, another quarter's loss), not a dispute."""
    if not sup or not ref or sup[0].agreeing < r.fuller_account:
        return ref, []
    top = sup[0]
    aside = [
        e for e in ref if e.agreeing < top.agreeing and e.passage.source_id != top.passage.source_id
    ]
    if not aside or aside[0] is not ref[0]:
        return ref, []
    return [e for e in ref if e not in aside], aside


def _two_voices(a: Evidence, b: Evidence) -> bool:
    """Two sources, or two speakers' accounts in one (the Kremlin's and the White House's):
    one report does not dispute itself; its two figures are about two things (a company's
    loss and its division's)."""
    return a.passage.source_id != b.passage.source_id or a.competing or b.competing


def _source(e: Evidence) -> str:
    p = e.passage
    return f"{p.title or p.source_id} (trust {p.trust:g})"


def _side(e: Evidence) -> str:
    """One side of a disagreement: its source with its trust, who said it, and why."""
    who = f"{e.attribution}, " if e.attribution else ""
    return f"{_source(e)}: {who}{e.rationale}"


def _discounted(ordered: list[Evidence], stance: Stance, r: VerdictRules) -> str:
    """Evidence on the losing side that would have counted at full trust: say so, so the
    editor sees that the dissent comes from a source they trust less."""
    low = [
        e
        for e in ordered
        if e.stance == stance
        and e.passage.trust < 1.0
        and e.weight < r.conflict_floor
        and e.weight / max(e.passage.trust, 1e-9) >= r.conflict_floor
    ]
    if not low:
        return ""
    return f" (a less trusted source disagrees: {_source(low[0])})"
