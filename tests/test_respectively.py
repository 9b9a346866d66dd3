"""respectively.py: lists paired in order. Each figure of a "respectively" list belongs to
the item at its place, so a claim about one item is compared with that item's figure
only, never with another item's."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.nlp.respectively import words
from factcheck.rules.align import align
from factcheck.rules.compare import assess
from factcheck.types import Stance

CRASHES = (
    "The crashes of Northline Flight 12 and Skyway Flight 88 killed 45 and 17 people respectively."
)
DL = dt.date(2016, 4, 2)


def _owners(analyzer, text: str) -> dict[str, set[str]]:
    return {x.value.text: set(x.owner) for x in analyzer.analyze(text).found if x.owner}


def test_each_figure_belongs_to_the_item_at_its_place(analyzer):
    got = _owners(analyzer, CRASHES)
    assert "northline" in got["45"] and "skyway" in got["17"]
    assert not got["45"] & got["17"]  # what the items share names neither
    votes = "Mayor Ana Ortiz and Governor Luis Reyes won 55% and 61% of the vote respectively."
    got = _owners(analyzer, votes)
    assert "ortiz" in got["55%"] and "reyes" in got["61%"]


@pytest.mark.parametrize(
    "text",
    [
        "The crashes of Northline Flight 12 and Skyway Flight 88 killed 45 and 17 people.",
        "Northline lost 45 planes and Skyway lost 17 planes, respectively.",  # two clauses
        "They posted gains of eight and fourteen percent, respectively.",  # items unnamed
    ],
)
def test_without_a_list_of_things_paired_in_order_no_figure_has_an_owner(analyzer, text):
    assert _owners(analyzer, text) == {}


def test_a_figure_is_compared_with_its_own_items_figure_only(analyzer):
    passage = analyzer.analyze(CRASHES, DL)

    def checked(claim: str) -> list[tuple[str, str, bool]]:
        c = analyzer.analyze(claim, DL)
        return [(x.claim.text, x.passage.text, x.agree) for x in align(c, passage)]

    assert checked("The crash of Skyway Flight 88 killed 45 people.") == [("45", "17", False)]
    assert checked("The crash of Skyway Flight 88 killed 17 people.") == [("17", "17", True)]
    assert checked("The crash of Northline Flight 12 killed 45 people.") == [("45", "45", True)]


def test_a_claim_with_another_items_figure_is_refuted(analyzer):
    claim = analyzer.analyze("The crash of Skyway Flight 88 killed 45 people.", DL)
    a = assess(claim, analyzer.analyze(CRASHES, DL), 0.7, claim_date=DL, passage_date=DL)
    assert a.decided is not None and a.decided.stance == Stance.REFUTES, a.decided


def test_a_figure_is_read_apart_from_its_unit():
    assert words("The 4GB model, US$ 1,000") == {"the", "4", "gb", "model", "us", "1,000"}
