"""verify.decide: per-passage stances -> one verdict (label, confidence, rationale)."""

from __future__ import annotations

import pytest

from factcheck.rules.verdict import VerdictRules, decide
from factcheck.types import Claim, Evidence, Label, Passage, Stance

CLAIM = Claim(id="c", text="Biden and Putin spoke for 50 minutes.", span=(0, 37))


def _ev(stance, weight, source="s1", *, trust=1.0, relatedness=0.8, why="", **kw) -> Evidence:
    p = Passage(
        id=f"{source}-{stance}-{weight}",
        text="text",
        source_id=source,
        title=source,
        start=0,
        end=4,
        score=0.7,
        trust=trust,
    )
    return Evidence(
        p, stance, weight, why or f"{stance.value} {weight}", relatedness=relatedness, **kw
    )


def test_nothing_that_counts_is_not_enough_info():
    v = decide(CLAIM, [_ev(Stance.NEUTRAL, 0.0, why="about something else")])
    assert v.label == Label.NOT_ENOUGH_INFO and "about something else" in v.rationale
    light = decide(CLAIM, [_ev(Stance.SUPPORTS, 0.2)])
    assert light.label == Label.NOT_ENOUGH_INFO  # below min_weight
    assert decide(CLAIM, []).rationale.endswith("no stored source states this")


def test_the_strongest_passage_decides_not_the_count():
    """Three loose supports do not outvote one exact contradiction."""
    ev = [_ev(Stance.SUPPORTS, 0.5, f"s{i}") for i in range(3)] + [_ev(Stance.REFUTES, 0.9, "r")]
    v = decide(CLAIM, ev)
    assert v.label == Label.REFUTED
    assert v.confidence == pytest.approx(0.9 * (1 - 0.5 * 0.5), abs=1e-3)
    assert v.evidence[0].stance == Stance.REFUTES  # strongest first


def test_two_strong_sources_that_disagree_conflict():
    v = decide(CLAIM, [_ev(Stance.SUPPORTS, 0.85, "a"), _ev(Stance.REFUTES, 0.8, "b")])
    assert v.label == Label.CONFLICTING and "Supports:" in v.rationale and "Refutes:" in v.rationale


def test_one_source_does_not_dispute_itself():
    v = decide(CLAIM, [_ev(Stance.SUPPORTS, 0.85, "a"), _ev(Stance.REFUTES, 0.8, "a")])
    assert v.label == Label.SUPPORTED
    competing = _ev(Stance.REFUTES, 0.8, "a", competing=True)
    assert decide(CLAIM, [_ev(Stance.SUPPORTS, 0.85, "a"), competing]).label == Label.CONFLICTING


def test_one_reports_passage_about_the_claim_more_decides():
    """A report's other figure (a rival's sales, another month's) is about another thing:
    the passage of that report that is about the claim more decides, and leads."""
    sup = _ev(Stance.SUPPORTS, 0.7, "a", relatedness=0.85)
    other = _ev(Stance.REFUTES, 0.95, "a", relatedness=0.5)
    v = decide(CLAIM, [other, sup])
    assert v.label == Label.SUPPORTED and v.evidence[0] is sup
    exact = _ev(Stance.REFUTES, 0.9, "a", relatedness=0.9)
    loose = _ev(Stance.SUPPORTS, 0.95, "a", relatedness=0.6)
    assert decide(CLAIM, [loose, exact]).label == Label.REFUTED
    # another report's figure is another voice: it still counts
    elsewhere = _ev(Stance.REFUTES, 0.95, "b", relatedness=0.5)
    assert decide(CLAIM, [sup, elsewhere]).label == Label.REFUTED


def test_a_loosely_related_figure_does_not_make_a_conflict():
    loose = _ev(Stance.REFUTES, 0.8, "b", relatedness=0.3)
    v = decide(CLAIM, [_ev(Stance.SUPPORTS, 0.85, "a", relatedness=0.8), loose])
    assert v.label == Label.SUPPORTED
    same_event = _ev(Stance.REFUTES, 0.8, "b", relatedness=0.3, same_event=True)
    assert decide(CLAIM, [_ev(Stance.SUPPORTS, 0.85, "a"), same_event]).label == (Label.CONFLICTING)


def test_a_less_trusted_dissent_is_named():
    weak = _ev(Stance.REFUTES, 0.45, "tabloid", trust=0.5)
    v = decide(CLAIM, [_ev(Stance.SUPPORTS, 0.9, "wire"), weak])
    assert v.label == Label.SUPPORTED and "a less trusted source disagrees: tabloid" in v.rationale


def test_rules_are_overridable():
    ev = [_ev(Stance.SUPPORTS, 0.3)]
    assert decide(CLAIM, ev).label == Label.NOT_ENOUGH_INFO
    assert decide(CLAIM, ev, VerdictRules(min_weight=0.25)).label == Label.SUPPORTED


def test_a_fuller_account_is_not_disputed_by_a_thinner_one():
    """A passage stating two of the claim's details alike outweighs another report's
    passage that states one alike and differs on a figure: that figure is about another
    thing. With as many details alike, or a thin supporter, the dispute stands."""
    full = _ev(Stance.SUPPORTS, 0.85, "a", agreeing=2)
    thin = _ev(Stance.REFUTES, 0.9, "b", agreeing=1)
    v = decide(CLAIM, [thin, full])
    assert v.label == Label.SUPPORTED and v.evidence[0] is full
    assert "another report differs on fewer of its details" in v.rationale
    assert v.confidence == pytest.approx(0.85 * (1 - 0.5 * 0.9), abs=1e-3)  # still discounted
    as_full = _ev(Stance.REFUTES, 0.9, "b", agreeing=2)
    assert decide(CLAIM, [as_full, full]).label != Label.SUPPORTED
    thin_sup = _ev(Stance.SUPPORTS, 0.85, "a", agreeing=1)
    assert decide(CLAIM, [_ev(Stance.REFUTES, 0.9, "b"), thin_sup]).label != Label.SUPPORTED
    # a rule, not a constant: a desk can ask for more details alike
    strict = VerdictRules(fuller_account=3)
    assert decide(CLAIM, [thin, full], strict).label != Label.SUPPORTED


def test_a_fuller_account_keeps_a_same_source_competing_account():
    """Two speakers' accounts in one report still conflict, however full one is."""
    full = _ev(Stance.SUPPORTS, 0.85, "a", agreeing=3)
    competing = _ev(Stance.REFUTES, 0.8, "a", competing=True, agreeing=1)
    assert decide(CLAIM, [full, competing]).label == Label.CONFLICTING


def test_another_times_report_does_not_dispute_the_claims_own_times():
    """The index fell on many days: where the report of the claim's day agrees, another
    day's report is background; without one, it still counts."""
    today = _ev(Stance.SUPPORTS, 0.8, "day6")
    other_day = _ev(Stance.REFUTES, 0.9, "day24", of_its_time=False)
    v = decide(CLAIM, [other_day, today])
    assert v.label == Label.SUPPORTED and v.evidence[0] is today
    elsewhen = _ev(Stance.SUPPORTS, 0.8, "day9", of_its_time=False)
    assert decide(CLAIM, [other_day, elsewhen]).label == Label.CONFLICTING
