"""Issue #28, thirty-third round: a light verb's noun carries the predicate. "had been
given no assurance" negates what "had been assured" asserts; "No injuries were reported"
what "were injured" does; "made no arrests" what "arrested two men" does (lexicon
``light_verbs``; the noun is read as the other text's verb of its stem). The rules only,
as benchmarks/rule_reviews.py runs them."""

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
            "Ida Berk said she had been given no assurance that the Torsby plant would stay open.",
            "Ida Berk said she had been assured that the Torsby plant would stay open.",
        ),
        (
            "Several guards were injured in the attack on the Torsby depot.",
            "No injuries were reported in the attack on the Torsby depot.",
        ),
        (
            "Police arrested two men after the march in Torsby.",
            "Police made no arrests after the march in Torsby.",
        ),
        (
            "Granholt made no mention of the Torsby plant in its report.",
            "Granholt mentioned the Torsby plant in its report.",
        ),
    ],
)
def test_a_light_verbs_noun_is_its_verb(analyzer, claim, passage):
    stance, why = rule_stance(analyzer, claim, passage, DL)
    assert stance == Stance.REFUTES, why


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        # the noun asserted with its verb says what the verb says
        (
            "Police did not arrest anyone after the march in Torsby.",
            "Police made no arrests after the march in Torsby.",
        ),
        # a noun that no light verb carries is no predicate: "plans for expansion"
        (
            "Granholt did not expand its Torsby plant.",
            "Granholt announced plans for the expansion of its Torsby plant.",
        ),
    ],
)
def test_no_contradiction_without_a_light_verb_against_it(analyzer, claim, passage):
    stance, why = rule_stance(analyzer, claim, passage, DL)
    assert stance != Stance.REFUTES, why
