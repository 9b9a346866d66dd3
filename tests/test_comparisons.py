"""rules/comparisons.py: the same thing compared with the same point the other way round
("smaller than analysts had expected" / "far greater than analysts predicted")."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.rules.compare import compare
from factcheck.rules.comparisons import comparatives, comparison_flipped
from factcheck.types import Stance

DL = dt.date(2019, 3, 12)


def _cmp(analyzer, claim: str, passage: str):
    return compare(analyzer.analyze(claim, DL), analyzer.analyze(passage, DL), 0.7)


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        # the point of comparison said in other words ("had expected" / "predicted")
        (
            "Harlow Foods' quarterly loss was smaller than analysts had expected.",
            "Harlow Foods' loss for the quarter was far greater than analysts predicted.",
        ),
        # a degree word turns the gradable word the other way ("less strong")
        (
            "Pellman said tenant protection in the valley may be stronger than that"
            " provided by the county code.",
            "Even though tenant protection may be less strong than the one provided by the"
            " county code, many landlords are more open to negotiation.",
        ),
        (
            "The new ferry is slower than the old one on the Brask crossing.",
            "On the Brask crossing, the new ferry is faster than the old one.",
        ),
    ],
)
def test_a_comparison_the_other_way_round_is_refuted(analyzer, claim, source):
    c = _cmp(analyzer, claim, source)
    assert c.stance == Stance.REFUTES, c.rationale
    assert "where the source says" in c.rationale


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        # the same end in other words
        (
            "Harlow Foods' quarterly loss was larger than analysts had expected.",
            "The loss was far greater than analysts predicted.",
        ),
        # "less strong" is "weaker"
        (
            "Tenant protection may be weaker than that provided by the county code.",
            "Tenant protection may be less strong than the one provided by the county code.",
        ),
        # the two things in the other places: the same comparison, not its opposite
        (
            "Harlow's market share was smaller than Dennick's share.",
            "Dennick's market share was larger than Harlow's share.",
        ),
        # the other end of something else of the same story
        (
            "The ferry loss was smaller than analysts had predicted.",
            "The ferry fleet was larger than analysts predicted.",
        ),
        # what the claim compares is another company's
        (
            "Ford's loss was smaller than expected.",
            "GM said on Tuesday its loss was larger than expected.",
        ),
        # the source also compares it the claim's way, after "but"
        (
            "Sales in Asia were stronger than analysts expected.",
            "Sales were weaker than analysts expected in Europe but stronger than analysts"
            " expected in Asia.",
        ),
        # what is compared comes after the point; the point's things differ
        (
            "Harlow reported a smaller than expected loss.",
            "Harlow reported a larger than expected profit.",
        ),
        (
            "Harlow reported smaller than expected losses.",
            "Harlow reported larger than expected profits.",
        ),
        # another period
        (
            "Harlow's fourth-quarter loss was smaller than expected.",
            "Harlow's loss for the year was larger than expected.",
        ),
        # another point of comparison
        (
            "Harlow Foods' loss was smaller than a year earlier.",
            "Harlow Foods' loss was far greater than analysts predicted.",
        ),
        # a hedge on a number is no comparison
        (
            "More than 40 stalls opened at the Brask market.",
            "Fewer than 40 stalls opened at the Brask market.",
        ),
    ],
)
def test_a_comparison_is_not_flipped_by_another_comparison(analyzer, claim, source):
    unstated = frozenset(["ford"])  # the claim's name the source leaves out
    c, p = analyzer.analyze(claim, DL), analyzer.analyze(source, DL)
    assert comparison_flipped(c, p, unstated) is None


def test_a_comparison_reads_its_own_clause_and_its_point(analyzer):
    """What is compared is said in the comparison word's own clause; the point runs to the
    clause's end, but a pronoun straight after "than" opens no clause."""
    facts = analyzer.analyze(
        "Auditors said that the Brask depot's costs were higher than those of the Ostby"
        " depot, but the rent was lower."
    )
    (c,) = comparatives(facts)
    assert c.grade > 0
    assert "cost" in c.subject and "auditor" not in c.subject
    assert {"ostby", "depot"} <= c.standard and "rent" not in c.standard
    # a comparison whose point has no content word is not one this rule reads
    assert comparatives(analyzer.analyze("The loss was larger than before.")) == []


def test_a_comparison_whose_year_the_passage_before_names_is_refuted(analyzer):
    """Copy names the year once ("Harlow Foods lost $3.1 billion in 2018." / "The loss was
    far greater than analysts predicted."): the claim's year stated just before, and its
    point of comparison said in other words, the comparison the other way round refutes."""
    claim = analyzer.analyze(
        "Harlow Foods' loss for 2018 came in smaller than analysts had forecast.", DL
    )
    before = analyzer.analyze("Harlow Foods lost $3.1 billion in 2018, the company said.", DL)
    passage = analyzer.analyze("The loss was far greater than analysts predicted.", DL)
    c = compare(claim, passage, 0.7, context=before)
    assert c.stance == Stance.REFUTES, c.rationale
    # another year before it: not the claim's loss
    other = analyzer.analyze("Harlow Foods lost $3.1 billion in 2016, the company said.", DL)
    assert compare(claim, passage, 0.7, context=other).stance != Stance.REFUTES
    # a year of the passage's own is the passage's: the year before does not stand in
    own = analyzer.analyze("In 2016 the loss was far greater than analysts predicted.", DL)
    assert compare(claim, own, 0.7, context=before).stance != Stance.REFUTES
    # a year before does not state the claim's month
    month = analyzer.analyze(
        "Harlow Foods' loss in March 2018 came in smaller than analysts had forecast.", DL
    )
    assert compare(month, passage, 0.7, context=before).stance != Stance.REFUTES


def test_a_comparison_before_its_noun_is_not_read_and_an_elided_subject_is_inherited(
    analyzer,
):
    # "a smaller than expected loss": what is compared comes after the point
    assert comparatives(analyzer.analyze("Harlow reported a smaller than expected loss.")) == []
    # "..., but stronger than ...": the thing compared before
    first, second = comparatives(
        analyzer.analyze(
            "Sales were weaker than analysts expected in Europe but stronger than analysts"
            " expected in Asia."
        )
    )
    assert first.grade == -second.grade
    assert second.heads == first.heads and "sale" in second.heads
    assert "asia" in second.standard and "europe" not in second.standard
