"""A count the passage gives without its noun ("killed 42 people and hurt about 300") may be
the claim's; the other count of the passage then does not dispute the claim (issue #28)."""

import datetime as dt

import pytest

from factcheck.rules.compare import compare
from factcheck.types import Stance

DL = dt.date(2022, 5, 4)


def stance(analyzer, claim, passage):
    c = compare(analyzer.analyze(claim, DL), analyzer.analyze(passage, DL), 0.8)
    return c.stance, c.rationale


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("About 80 people were hurt.", "The crash killed 12 people and hurt about 80."),
        ("70 houses were damaged.", "The storm destroyed 30 houses and damaged 70 more."),
        ("Tarn Foods hired 90 people.", "Tarn Foods cut 250 people and hired 90."),
        ("Tarn cut 60 jobs in Dunmore.", "Tarn will cut 250 jobs, including 60 in Dunmore."),
    ],
)
def test_a_count_left_unnamed_may_be_the_claims(analyzer, claim, passage):
    got, why = stance(analyzer, claim, passage)
    assert got != Stance.REFUTES, why


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        # the claim's own verb has the other count, and the bare one is another event's
        ("70 houses were destroyed.", "The storm destroyed 30 houses and damaged 70 more."),
        # the bare count is not the claim's number
        ("At least 50 people died.", "At least 12 people were killed and 30 hurt."),
        # a difference, no count of its own
        (
            "Tarn Steel employs 400 people.",
            "Tarn Steel employs 1,300 people, 400 fewer than in 2015.",
        ),
        # "were ..." says what a part is, no other event: the total is the claim's
        ("Tarn sold 9,000 vans.", "Tarn sold 40,000 vans. Of those, 9,000 were electric."),
    ],
)
def test_another_count_still_disputes(analyzer, claim, passage):
    got, why = stance(analyzer, claim, passage)
    assert got == Stance.REFUTES, why
