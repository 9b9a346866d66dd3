"""opposites.choice_swapped: a source that makes the other choice between the claim's two
alternatives ("rather than", "instead of": lexicon ``preference_markers``)."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.rules.compare import compare
from factcheck.rules.opposites import choices
from factcheck.types import Stance

DL = dt.date(2012, 4, 3)
SOURCE = "The Dunmore museum shows advertising to its visitors rather than charge an entry fee."


def _compare(analyzer, claim, source=SOURCE):
    return compare(analyzer.analyze(claim, DL), analyzer.analyze(source, DL), 0.8)


def test_a_marker_splits_its_sentence_into_the_chosen_and_the_set_aside(analyzer):
    facts = analyzer.analyze("He wants trains. Ports use barges instead of trucks, and more.", DL)
    assert choices(facts) == [(frozenset({"port", "use", "barge"}), frozenset({"truck"}))]
    assert choices(analyzer.analyze("Ports use barges.", DL)) == []


@pytest.mark.parametrize(
    "claim",
    [
        "The Dunmore museum charges visitors an entry fee rather than showing them advertising.",
        "The Dunmore museum charges an entry fee instead of showing advertising to its visitors.",
    ],
)
def test_the_alternatives_the_other_way_round_refute(analyzer, claim):
    out = _compare(analyzer, claim)
    assert out.stance == Stance.REFUTES and out.rule == "choice_swapped", out.rationale


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        # the same choice in other words
        (
            "The Dunmore museum shows its visitors advertising instead of charging an entry fee.",
            SOURCE,
        ),
        # the marker opens the source's sentence: its chosen side is out of reach
        (
            "The Dunmore museum charges an entry fee rather than showing advertising.",
            "Rather than charge an entry fee, the Dunmore museum shows advertising.",
        ),
        # one side the same, the other not in the source: not the opposite choice
        (
            "The Dunmore museum shows advertising rather than selling its paintings.",
            SOURCE,
        ),
    ],
)
def test_only_the_same_two_alternatives_crossed_refute(analyzer, claim, source):
    assert _compare(analyzer, claim, source).rule != "choice_swapped"
