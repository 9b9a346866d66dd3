"""The day words were said is not the day what they report happened (issue #28): "The
flood killed 300 people, officials said on Friday" gives no date for the flood."""

import datetime as dt

import pytest

from factcheck.rules.compare import compare
from factcheck.types import Stance

DL = dt.date(2019, 4, 9)  # a Tuesday


def said_on(analyzer, text):
    f = analyzer.analyze(text, DL)
    return [f.text[a:b] for a, b in f.said_on]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("The flood killed 300 people, officials said on Friday.", ["on Friday"]),
        ("Marlow Bank said on Monday its quarterly profit fell 9%.", ["on Monday"]),
        ("Marlow Bank said yesterday that its profit fell 9%.", ["yesterday"]),
        ("On 8 April 2019 Marlow Bank said its profit fell 9%.", ["8 April 2019"]),
        ('"We are ready," she said on Friday.', ["on Friday"]),
        # the date of what is reported, or of an event that reports no clause
        ("Marlow Bank said that on Monday its profit fell 9%.", []),
        ("Marlow Bank said its profit fell 9% on Monday.", []),
        ("Kestrel announced the phone on Monday.", []),
        ("The flood on Friday killed 300 people.", []),
    ],
)
def test_dates_of_saying(analyzer, text, said):
    assert said_on(analyzer, text) == said


def test_a_date_of_saying_does_not_date_the_event(analyzer):
    def stance(claim, passage):
        return compare(analyzer.analyze(claim, DL), analyzer.analyze(passage, DL), 0.8).stance

    # the flood was not on Friday: the officials spoke then
    said = "The flood killed 300 people, officials said on Friday."
    assert stance("The flood on 3 April 2019 killed 300 people.", said) != Stance.REFUTES
    # a date of saying is compared with a date of saying
    report = "Marlow Bank said on Monday its quarterly profit fell 9%."
    assert stance("On 2 April 2019 Marlow Bank said its profit fell 9%.", report) != (
        Stance.SUPPORTS
    )
    assert stance("On 8 April 2019 Marlow Bank said its profit fell 9%.", report) == (
        Stance.SUPPORTS
    )
    # an event's own date still disputes another date of that event
    assert (
        stance(
            "The flood on 3 April 2019 killed 300 people.", "The flood on Friday killed 300 people."
        )
        == Stance.REFUTES
    )


def test_a_claim_about_the_saying_itself_is_dated_by_it(analyzer):
    """ "Marlow reported its March sales on 8 April" is about the report: the day the
    source says it spoke states it, whatever verb either uses."""

    def stance(claim, passage):
        return compare(analyzer.analyze(claim, DL), analyzer.analyze(passage, DL), 0.8).stance

    report = "Marlow Motors said on Monday that its sales rose 12% in March."
    assert stance("Marlow reported its March sales on 8 April 2019.", report) == Stance.SUPPORTS
    told = 'On Monday, minister Ida Lund told Tarn Radio: "We must act now."'
    assert stance("Ida Lund spoke to Tarn Radio on 8 April 2019.", told) == Stance.SUPPORTS


def test_each_figure_of_a_series_keeps_its_own_date(analyzer):
    """ "closed at 9,034 on Monday, after closing at 9,015 on Friday": the claim's figure
    says which of the passage's dates is the claim's."""
    dl = dt.date(2009, 1, 6)  # a Tuesday

    def stance(claim):
        passage = "The Tarn index closed at 9,034 on Monday, after closing at 9,015 on Friday."
        return compare(analyzer.analyze(claim, dl), analyzer.analyze(passage, dl), 0.8).stance

    assert stance("The Tarn index closed at 9,015 on 2 January 2009.") == Stance.SUPPORTS
    assert stance("The Tarn index closed at 9,015 on 5 January 2009.") == Stance.REFUTES
    assert stance("The Tarn index closed at 9,034 on 5 January 2009.") == Stance.SUPPORTS


def test_a_restatement_with_two_dates_and_two_figures_pairs_each_with_its_own(analyzer):
    dl = dt.date(2006, 8, 19)
    text = (
        "The cuts come on top of plans {} in January, in which 25,000 jobs should go and"
        " 14 plants close by 2012."
    )
    c = compare(
        analyzer.analyze(text.format("declared"), dl),
        analyzer.analyze(text.format("announced"), dl),
        0.8,
    )
    assert c.stance == Stance.SUPPORTS, c.rationale
