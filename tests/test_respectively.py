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


SIDE_BY_SIDE = (
    "The Harlow index gained 71.35 points to 5,783.23, while the Dunmore index added 46.19"
    " points to 3,845.8."
)


def _subjects(analyzer, text: str) -> dict[str, set[str]]:
    found = analyzer.analyze(text, DL).found
    return {x.value.text: set(x.subject) for x in found if x.subject}


def test_each_figure_belongs_to_its_clauses_named_subject(analyzer):
    """Named subjects side by side: each figure is its clause's subject's."""
    got = _subjects(analyzer, SIDE_BY_SIDE)
    assert "harlow" in got["71.35"] and "dunmore" in got["46.19"]
    assert not got["71.35"] & got["46.19"]
    got = _subjects(analyzer, "Northline lost 45 planes and Skyway lost 17 planes, respectively.")
    assert got == {"45": {"northline"}, "17": {"skyway"}}
    # a figure in a clause with no verb above it (a headline) has no subject
    assert _subjects(analyzer, "Harlow index up 71.35 points; Dunmore index 46.19.") == {}
    # subjects that are no names own nothing; nor does what a preposition adds to a
    # subject ("sales in Dunmore" are no one's but their seller's)
    assert _subjects(analyzer, "Sales rose 5% while profits fell 3%.") == {}
    said = "Roe Motors said on Monday that its sales in Dunmore rose 43% in May."
    assert _subjects(analyzer, said) == {"on Monday": {"roe", "motors"}}
    # both of a compound subject
    both = _subjects(analyzer, "Harlow and Dunmore will lose 8,000 jobs.")
    assert both == {"8,000": {"harlow", "dunmore"}}


def test_another_subjects_figure_neither_states_nor_disputes_the_claims(analyzer):
    passage = analyzer.analyze(SIDE_BY_SIDE, DL)

    def checked(claim: str) -> list[tuple[str, str, bool]]:
        c = analyzer.analyze(claim, DL)
        return [(x.claim.text, x.passage.text, x.agree) for x in align(c, passage)]

    assert ("46.19", "71.35", False) in checked("The Harlow index gained 46.19 points.")
    assert checked("The Dunmore index added 46.19 points.") == [("46.19", "46.19", True)]
    # a claim that names neither subject as written may be about either
    assert checked("The index gained 46.19 points.") == [("46.19", "46.19", True)]
    # nor is a figure another's where the claim names its subject too (a parse gives
    # "and Dunmore six" the subject of the clause before it)
    gapped = analyzer.analyze(
        "Initially, the Harlow council will name three members of the new board, and the"
        " Dunmore council will name six.",
        DL,
    )
    claim = analyzer.analyze(
        "The Harlow council will name three members of the new board and the Dunmore council six.",
        DL,
    )
    assert {x.claim.text: x.agree for x in align(claim, gapped)} == {"three": True, "six": True}


def test_a_relations_figure_belongs_to_the_parties_it_is_between(analyzer):
    """ "a nine-hour difference between Harlow and Oslo, and a 12-hour difference between
    Harlow and Dunmore": which difference a figure is, its parties say (the one both share
    tells none apart); a claim about Harlow and Dunmore is compared with theirs only."""
    passage = analyzer.analyze(
        "There is a nine-hour difference between Harlow and Oslo, and a 12-hour difference"
        " between Harlow and Dunmore.",
        DL,
    )

    def checked(claim: str) -> list[tuple[str, str, bool]]:
        c = analyzer.analyze(claim, DL)
        return [(x.claim.text, x.passage.text, x.agree) for x in align(c, passage)]

    assert checked("The time difference between Harlow and Dunmore is nine hours.") == [
        ("nine hours", "12-hour", False)
    ]
    assert checked("The time difference between Harlow and Oslo is nine hours.") == [
        ("nine hours", "nine-hour", True)
    ]


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
