"""nlp/tense.py: a month or a day without a year, told in the past tense, is the last one
before the dateline, however near the coming one is."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.types import ValueKind


@pytest.mark.parametrize(
    ("text", "dateline", "month"),
    [
        ("The plans were announced in January.", "2018-10-02", "2018-01"),
        ("Output fell in November.", "2018-10-02", "2017-11"),
        ("Output has fallen in every month since.", "2018-10-02", None),
        ("The talks were held on January 10.", "2021-12-31", "2021-01"),
        # not in a past tense: the nearest, or the coming one in a clause about the future
        ("The plant will open in November.", "2018-10-02", "2018-11"),
        ("The talks are on January 10.", "2021-12-31", "2022-01"),
        # a year written with it, or a word that sets the way, keeps it
        ("The plant opened in November 2018.", "2018-10-02", "2018-11"),
        ("The plant opened in July.", "2018-10-02", "2018-07"),
        # a word that points past the verb's time: the nearest, whatever the tense
        ("Fenwick Rail raised fares by 4%, effective January 3.", "2018-11-26", "2019-01"),
        ("Fenwick Motors shut its plants until January 21.", "2018-12-11", "2019-01"),
        ("The assembly postponed the vote to January 9.", "2018-11-26", "2019-01"),
        ("Tarn Air scheduled the first flight for January 12.", "2018-11-26", "2019-01"),
        # ... which is in the past where that is nearer
        ("The plant was shut until March.", "2018-08-20", "2018-03"),
        # further ahead than soon, a past verb's "until" is the past one
        ("Fenwick kept the plant open until August, when it was sold.", "2018-03-12", "2017-08"),
        ("Tarn Rail raised fares, effective September 1, and held them.", "2018-03-12", "2017-09"),
        # a new time set by a verb of rescheduling is never a past one, whatever the tense
        ("The judge adjourned the trial until December 2.", "2018-05-15", "2018-12"),
        ("The council extended the sanctions until January 31.", "2018-06-30", "2019-01"),
        ("Dunmore's trial is set for March 12.", "2006-08-30", "2007-03"),
        # a participle that tells what was done to a noun is in a past tense
        ("The cuts add to plans announced in January.", "2006-08-19", "2006-01"),
        ("The plant, opened in November, employs 300.", "2006-10-02", "2005-11"),
        # ... but not one of a plan
        ("A vote expected in January will decide it.", "2006-08-19", "2007-01"),
        # "moved its office to Leeds in January": no new time set for an event
        ("Fenwick moved its office to Leeds in January.", "2018-11-26", "2018-01"),
    ],
)
def test_a_past_tense_puts_a_month_before_the_dateline(analyzer, text, dateline, month):
    facts = analyzer.analyze(text, dt.date.fromisoformat(dateline))
    dates = [f.value.date_from[:7] for f in facts.found if f.value.kind == ValueKind.DATE]
    assert dates == ([month] if month else [])


def test_this_weekend_told_in_the_past_is_the_one_just_past(analyzer):
    """On a Monday, "this weekend" is the one just past or the coming one; told in a past
    tense, the one just past; a present tense leaves it either."""
    monday = dt.date(2010, 1, 25)

    def weekend(text):
        (d,) = [f.value for f in analyzer.analyze(text, monday).found]
        return d.date_from, d.date_to

    assert weekend("The flaw only became public this weekend.") == ("2010-01-23", "2010-01-24")
    assert weekend("The teams meet this weekend.") == ("2010-01-23", "2010-01-31")
    assert weekend("The teams will meet this weekend.") == ("2010-01-30", "2010-01-31")
