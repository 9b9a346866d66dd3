"""Issue #28, thirty-third round: lengths of time restated. A term ahead ("within five
months", "less than four weeks to draw up a plan") is stated by the source's date of the
same event inside it; a share of a unit ago ("a quarter of a century ago") is a date that
far back. A window looked back over stays a window. The rules only, as
benchmarks/rule_reviews.py runs them."""

from __future__ import annotations

import datetime as dt

from factcheck.types import Stance
from tests.helpers.assess import rule_stance


def test_a_window_looked_back_over_without_a_count_is_not_a_length(analyzer):
    f = analyzer.analyze("Brask has gained ground in the past six weeks.", dt.date(2025, 6, 13))
    assert [v.role for v in f.values] == ["span"]


def test_a_term_ahead_is_stated_by_a_date_inside_it(analyzer):
    passage = "The Granholt takeover should be completed in October."
    day = dt.date(2025, 6, 5)
    stance, why = rule_stance(
        analyzer,
        "The Granholt takeover is expected to be completed within five months.",
        passage,
        day,
    )
    assert "does not state" not in why, why
    stance, why = rule_stance(
        analyzer,
        "The Granholt takeover is expected to be completed within two months.",
        passage,
        day,
    )
    assert stance == Stance.NEUTRAL and "does not state two months" in why, why
    stance, why = rule_stance(
        analyzer,
        "The Granholt takeover is expected to be completed within the next five months.",
        passage,
        day,
    )
    assert "does not state" not in why, why
    stance, why = rule_stance(  # another act dated inside the term states nothing
        analyzer,
        "The Granholt takeover will be approved within five months.",
        "Talks on the Granholt takeover will begin in October.",
        day,
    )
    assert "does not state five months" in why, why
    passage = "Torsby Council has a deadline set at June 1 to draw up a budget."
    day = dt.date(2025, 5, 7)
    stance, why = rule_stance(
        analyzer, "Torsby Council has less than four weeks to draw up a budget.", passage, day
    )
    assert "does not state" not in why, why
    stance, why = rule_stance(
        analyzer, "Torsby Council has less than two weeks to draw up a budget.", passage, day
    )
    assert "does not state less than two weeks" in why, why


def test_a_share_of_a_unit_ago_is_a_date_that_far_back(analyzer):
    day = dt.date(2015, 1, 6)
    passage = (
        "Lena Okafor: My ties to the party date back to 1979, when I volunteered for Ivo Brask."
    )
    for claim in (
        "Okafor said she first volunteered for Brask a quarter of a century ago.",
        "Okafor said she first volunteered for Brask a decade and a half ago.",
        "Okafor said she first volunteered for Brask half a century ago.",
    ):
        stance, why = rule_stance(analyzer, claim, passage, day)
        assert stance == Stance.REFUTES, (claim, why)
    stance, why = rule_stance(
        analyzer,
        "Okafor said she first volunteered for Brask a third of a century ago.",
        passage,
        day,
    )
    assert stance != Stance.REFUTES, why
    # the claim's own "also", "again": another time it happened
    stance, why = rule_stance(
        analyzer,
        "Torsby also hosted the Brask Games a quarter of a century ago.",
        "Torsby hosted the Brask Games in 2010.",
        day,
    )
    assert stance != Stance.REFUTES, why
    f = analyzer.analyze("The plant closed a year and a half ago.", dt.date(2015, 1, 6))
    assert [(v.date_from[:7], v.date_to[:7]) for v in f.values] == [("2013-05", "2013-08")]
    f = analyzer.analyze("Brask left two and a half years ago.", dt.date(2015, 1, 6))
    assert [(v.date_from[:7], v.date_to[:7]) for v in f.values] == [("2012-04", "2012-10")]


def test_an_offset_to_the_day_is_an_offset(analyzer):
    day = dt.date(2021, 4, 13)
    passage = (
        "Torsby marked the opening of its first bridge on Monday. On April 12, 1971, the"
        " Brask bridge opened to traffic."
    )
    claim = "Torsby marked it on 12 April 2021, {} years to the day after the Brask bridge opened."
    stance, why = rule_stance(analyzer, claim.format("fifty"), passage, day)
    assert stance == Stance.SUPPORTS, why
    stance, why = rule_stance(analyzer, claim.format("forty"), passage, day)
    assert "does not state forty years" in why, why
