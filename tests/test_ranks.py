"""nlp/ranks.py and opposites.rank_changed: a thing put at another place of the same
ranking ("the largest" / "the eleventh largest") is contradicted."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.rules.compare import compare
from factcheck.types import Stance

DL = dt.date(2016, 9, 30)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the noun as the analyser keeps it (its synonym group's word: "drop" is "decline")
        ("The 4.1% drop was the ninth largest daily drop on record.", [("large", 9, "decline")]),
        ("Dunmore is the region's second-largest employer.", [("large", 2, "employer")]),
        ("It was the biggest daily drop on record.", [("big", 1, "decline")]),
        ("The index closed at its lowest for a decade.", [("low", 1, "")]),
        # a member of the top, no place; no definite owner, no place
        ("Dunmore is one of the largest employers.", []),
        ("Dunmore is among the largest employers.", []),
    ],
)
def test_a_superlative_has_a_place(analyzer, text, expected):
    got = [(a, p, n) for a, p, n, _, _ in analyzer.analyze(text, DL).ranks]
    assert got == expected


@pytest.mark.parametrize(
    ("claim", "source", "stance"),
    [
        (
            "The index's 4.1% drop was the largest daily drop in its history.",
            "At 4.1%, it was the ninth largest daily drop in the index's history.",
            Stance.REFUTES,
        ),
        (
            "Dunmore Mills is the region's largest employer, with 2,300 staff.",
            "Dunmore Mills, with 2,300 staff, is the region's second-largest employer.",
            Stance.REFUTES,
        ),
        (
            "The index's 4.1% drop was the ninth largest daily drop in its history.",
            "At 4.1%, it was the ninth largest daily drop in the index's history.",
            Stance.SUPPORTS,
        ),
    ],
)
def test_another_place_in_the_ranking_refutes(analyzer, claim, source, stance):
    out = compare(analyzer.analyze(claim, DL), analyzer.analyze(source, DL), 0.8)
    assert out.stance == stance
    if stance == Stance.REFUTES:
        assert out.rule == "rank_changed"


def test_two_places_of_two_things_do_not_refute_the_one_it_gives_alike(analyzer):
    out = compare(
        analyzer.analyze("Dunmore Mills is the region's largest employer.", DL),
        analyzer.analyze(
            "Dunmore Mills is the region's largest employer and Harlow the second-largest.", DL
        ),
        0.8,
    )
    assert out.rule != "rank_changed"
