"""Same event before same figure (a store of related stories): a figure refutes only a
figure about the same thing at the same time; another day's report, another period's
result or a comparison point is background. Whole chain, real embedder and spaCy, rules
only (the stance model cannot change a value verdict). The reports are written for this
test in the manner of daily market copy."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.types import Label

NEI = "NOT_ENOUGH_INFO"

MONDAY = (
    "date 2009-03-02 Stocks fall on Monday\n\n"
    "The Dow Jones Industrial Average fell 300 points today to close at 6,763.\n\n"
    "Bank shares led the decline.\n"
)
TUESDAY = (
    "date 2009-03-03 Stocks slip again\n\n"
    "The Dow Jones Industrial Average fell 38 points today to close at 6,726.\n\n"
    "Traders said volumes were thin.\n"
)
WEDNESDAY = (
    "date 2009-03-04 Stocks rebound\n\n"
    "The Dow Jones Industrial Average rose 149 points today to close at 6,875.\n\n"
    "It was the index's biggest gain since November 24, 2008.\n"
)
RESULTS = (
    "date 2009-05-07 Carmaker reports quarterly loss\n\n"
    "Northwind Motors said it lost $6 billion in the first quarter of 2009.\n\n"
    "In the first quarter of last year, Northwind Motors had reported a loss of $381 million.\n"
)


@pytest.fixture(scope="module")
def desk(real_checker):
    fc = real_checker("se")
    for name, text in [
        ("monday.txt", MONDAY),
        ("tuesday.txt", TUESDAY),
        ("wednesday.txt", WEDNESDAY),
        ("results.txt", RESULTS),
    ]:
        fc.ingest_text(text, name=name)
    return fc


@pytest.mark.parametrize(
    ("claim", "day", "label"),
    [
        ("The Dow Jones Industrial Average fell 38 points.", dt.date(2009, 3, 3), "SUPPORTED"),
        ("The Dow Jones Industrial Average fell 300 points.", dt.date(2009, 3, 2), "SUPPORTED"),
        ("The Dow Jones Industrial Average fell 250 points.", dt.date(2009, 3, 3), "REFUTED"),
        ("The Dow fell 38 points on Tuesday, March 3, 2009.", None, "SUPPORTED"),
        ("The Dow fell 120 points on March 3, 2009.", None, "REFUTED"),
        # a day no report covers: the other days' figures are background
        ("The Dow Jones Industrial Average fell 80 points.", dt.date(2009, 3, 6), NEI),
    ],
)
def test_daily_reports_of_one_index(desk, claim, day, label):
    v = desk.check(claim, dateline=day)
    assert v.label.value == label, (v.rationale, [e.rationale for e in v.evidence])


def test_another_days_figure_is_named_as_background(desk):
    v = desk.check("The Dow Jones Industrial Average fell 80 points.", dateline=dt.date(2009, 3, 6))
    assert v.label == Label.NOT_ENOUGH_INFO
    assert "another time" in v.rationale


def test_a_comparison_point_is_not_the_events_date(desk):
    """ "its biggest gain since November 24, 2008" does not date the gain to 2008."""
    v = desk.check(
        "The Dow Jones Industrial Average rose 149 points.", dateline=dt.date(2009, 3, 4)
    )
    assert v.label == Label.SUPPORTED, v.rationale


@pytest.mark.parametrize(
    ("claim", "label"),
    [
        ("Northwind Motors lost $6 billion in the first quarter of 2009.", "SUPPORTED"),
        ("Northwind Motors lost $2 billion in the first quarter of 2009.", "REFUTED"),
        # the year-earlier figure is about 2008, not 2009: it must not refute or support
        ("Northwind Motors lost $381 million in the first quarter of 2009.", "REFUTED"),
        ("Northwind Motors lost $381 million in the first quarter of 2008.", "SUPPORTED"),
        ("Northwind Motors lost $3 billion in the first quarter of 2007.", "NOT_ENOUGH_INFO"),
    ],
)
def test_a_quarter_against_its_year_earlier_figure(desk, claim, label):
    v = desk.check(claim, dateline=dt.date(2009, 5, 7))
    assert v.label.value == label, (v.rationale, [e.rationale for e in v.evidence])


def test_one_report_does_not_conflict_with_itself(desk):
    """Two figures in one report are about two things: a full statement of the claim wins
    over a loosely aligned other figure from the same report."""
    v = desk.check(
        "Northwind Motors lost $6 billion in the first quarter of 2009.",
        dateline=dt.date(2009, 5, 7),
    )
    assert v.label != Label.CONFLICTING
