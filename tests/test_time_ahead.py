"""Issue #28, thirty-third round: what has not been done yet may be done later. A
predicate that one text asserts only in the time ahead ("will be the first woman to
lead", "said it would open") is not contradicted by the other's negation of it in the
perfect ("no woman had led", "has not reopened"); both told of the time ahead, a done
thing against a "will not", or "did not object" against "would object", still
contradict. The rules only, as benchmarks/rule_reviews.py runs them."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.types import Stance
from tests.helpers.assess import rule_stance

DL = dt.date(2025, 6, 13)


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (
            "Before Ebba Strand, no woman had led a bank in Torsby.",
            "Ebba Strand, 51, will be the first woman to lead a bank in Torsby.",
        ),
        (
            "No carmaker has ever built a plant in Torsby.",
            "Granholt Motors will build a plant in Torsby next year.",
        ),
        (
            "The Harnow bridge has not reopened.",
            "City engineers said the Harnow bridge would reopen in July.",
        ),
        ("The Harnow bridge has not reopened.", "The Harnow bridge may reopen in July."),
        (
            "Granholt has not built a plant in Torsby.",
            "Granholt is going to build a plant in Torsby.",
        ),
        (
            "The council has yet to approve the Torsby plan.",
            "The council will approve the Torsby plan in May.",
        ),
        (
            "Ivo Brask will visit Torsby next week.",
            "Ivo Brask never visited Torsby during his first term.",
        ),
    ],
)
def test_a_negation_before_the_time_ahead_does_not_contradict(analyzer, claim, passage):
    stance, why = rule_stance(analyzer, claim, passage, DL)
    # decided by a rule, so no model is asked
    assert stance == Stance.NEUTRAL and ("only ahead" in why or "only as possible" in why), why


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (
            "Ebba Strand will not lead a bank in Torsby.",
            "Ebba Strand, 51, will be the first woman to lead a bank in Torsby.",
        ),
        (
            "The Harnow bridge has reopened.",
            "The Harnow bridge will not reopen until repairs are done.",
        ),
        ("The Harnow bridge may reopen next week.", "The Harnow bridge will not reopen next week."),
        ("Piet Salgado resigned.", "Piet Salgado said he would not resign."),
        (
            "The council did not approve the Torsby plan.",
            "The council will approve the Torsby plan in May.",
        ),
        (
            "Ivo Brask said he would object to the sale even if the buyer paid the fee.",
            "Brask said that should the buyer pay the fee, he did not object to the sale.",
        ),
        (
            "Granholt Motors will build a plant in Torsby.",
            "Granholt Motors will not build a plant in Torsby.",
        ),
    ],
)
def test_a_negation_of_the_same_time_still_contradicts(analyzer, claim, passage):
    stance, why = rule_stance(analyzer, claim, passage, DL)
    assert stance == Stance.REFUTES, why


def test_not_done_yet_and_ahead_in_one_text_may_say_what_the_claim_does(analyzer):
    passage = (
        "Granholt Foods has never paid a dividend, and its chairman said on Tuesday that it"
        " would pay one next year."
    )
    stance, why = rule_stance(
        analyzer, "Granholt Foods will pay a dividend next year.", passage, DL
    )
    assert stance == Stance.SUPPORTS, why
    passage = "Engineers said in May the bridge would reopen in June, and it reopened on June 2."
    stance, why = rule_stance(analyzer, "The Harnow bridge has not reopened.", passage, DL)
    assert stance == Stance.REFUTES, why
