"""rules/totals.py: a claim's figure written as a sum ("a combined 62 people") is stated by
the sum of the passage's parts, and never disputed by one part."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.rules.align import align

DL = dt.date(2016, 4, 2)
CRASHES = (
    "The crashes of Northline Flight 12 and Skyway Flight 88 killed 45 and 17 people respectively."
)
CUTS = (
    "Harlow will lose 4,300 jobs and Dunmore will lose 3,700 jobs, while Tallow and Merrow"
    " will see 1,600 and 400 jobs cut respectively."
)


def _checked(analyzer, claim: str, passage: str) -> list[tuple[str, str, bool]]:
    c, p = analyzer.analyze(claim, DL), analyzer.analyze(passage, DL)
    return [(x.claim.text, x.passage.text, x.agree) for x in align(c, p)]


@pytest.mark.parametrize(
    ("claim", "passage", "parts"),
    [
        (
            "Northline Flight 12 and Skyway Flight 88 killed a combined 62 people.",
            CRASHES,
            "45 + 17",
        ),
        ("Harlow and Dunmore together will lose 8,000 jobs.", CUTS, "4,300 + 3,700"),
    ],
)
def test_the_sum_of_the_parts_states_a_total(analyzer, claim, passage, parts):
    """Only the parts of the items the claim names ("Harlow and Dunmore", not Tallow's)."""
    got = _checked(analyzer, claim, passage)
    assert [(p, ok) for _, p, ok in got if p == parts] == [(parts, True)], got


def test_no_part_disputes_a_total(analyzer):
    got = _checked(
        analyzer, "Northline Flight 12 and Skyway Flight 88 killed a combined 70 people.", CRASHES
    )
    assert not [x for x in got if x[0] == "70"], got


def test_a_figure_not_written_as_a_sum_is_not_summed(analyzer):
    got = _checked(analyzer, "Northline Flight 12 killed 62 people.", CRASHES)
    assert ("62", "45", False) in got


def test_a_part_open_at_one_end_leaves_the_sum_open_there():
    from factcheck.rules.totals import summed
    from factcheck.types import Value, ValueKind

    def q(text, low, high):
        return Value(kind=ValueKind.QUANTITY, text=text, span=(0, 1), low=low, high=high)

    total = summed([q("45", 45.0, 45.0), q("more than 17", 17.0, None)])
    assert (total.low, total.high) == (62.0, None)
