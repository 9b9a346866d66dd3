"""timing.py: a figure refutes only a figure about the claim's time. A figure's time is the
dates of its own clause (comparison points aside), else its text's dateline; a mismatch
about another time is background unless the rest of the passage pins the same event."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import partial

from factcheck.rules.timing import (
    dated_by_dateline,
    dateline_fits,
    event_dates,
    other_time,
    same_event,
)
from factcheck.thresholds import DEFAULT
from factcheck.types import Stance, ValueKind
from tests.helpers.assess import assessed

DL = dt.date(2015, 6, 10)  # a Wednesday: "on Monday" is June 8


_assessed = partial(assessed, claim_date=DL, passage_date=DL)


def _dates(analyzer, text, of=None, dateline=DL):
    f = analyzer.analyze(text, dateline)
    value = None if of is None else next(v for v in f.values if v.text == of)
    return [v.text for v in event_dates(f, value)]


def _same_event(a, t=DEFAULT):
    return same_event(a.checks, [c for c in a.checks if not c.agree], a.overlap, t)


# -- event_dates -----------------------------------------------------------------------------


def test_a_comparison_point_is_not_the_time_of_the_event(analyzer):
    fell = "Exports fell 6% in 2014 to their lowest level since 2002."
    since = "Exports fell to their lowest level since 2002, the ministry said."
    in_year = "Exports fell to their lowest level in 2002, the ministry said."
    assert _dates(analyzer, fell) == ["2014"]
    assert _dates(analyzer, since) == []
    assert _dates(analyzer, in_year) == ["2002"]  # without "since" the year is the event's


def test_a_figure_is_dated_by_its_own_clause(analyzer):
    text = (
        "The airline carried 2 million passengers in 2013, when it opened a route to Lisbon"
        " in 2011."
    )
    assert _dates(analyzer, text) == ["2013", "2011"]
    assert _dates(analyzer, text, of="2 million") == ["2013"]
    assert _dates(analyzer, text, of="2011") == ["2011"]


def test_a_date_without_a_year_dates_nothing(analyzer):
    assert _dates(analyzer, "Exports rose 4% on June 12.", dateline=None) == []
    assert _dates(analyzer, "Exports rose 4% on June 12.") == ["June 12"]  # the dateline's year


# -- other_time ------------------------------------------------------------------------------


def test_two_dated_figures_are_of_one_time_when_their_dates_agree(analyzer):
    claim = analyzer.analyze("Exports rose 4% in March 2014.", DL)
    march = analyzer.analyze("Exports rose 6% in March 2014, the ministry said.", DL)
    april = analyzer.analyze("Exports rose 6% in April 2014, the ministry said.", DL)
    assert other_time(claim, march, DL, DL) == ""
    assert other_time(claim, april, DL, DL) == "'April 2014'"


def test_an_undated_report_is_of_its_dateline(analyzer):
    """A month's figures are reported up to a month after it; later, it is another time."""
    claim = analyzer.analyze("Exports rose 4% in March 2014.", DL)
    undated = analyzer.analyze("Exports rose 6%, the ministry said.", DL)
    assert other_time(claim, undated, DL, dt.date(2014, 4, 2)) == ""
    assert other_time(claim, undated, DL, dt.date(2014, 5, 2)) == "a report of 2014-05-02"
    assert other_time(claim, undated, DL, None) == ""  # unknown: the same time


def test_an_undated_claim_is_of_its_datelines_day(analyzer):
    claim = analyzer.analyze("Exports rose 4%, the ministry said.", DL)
    undated = analyzer.analyze("Exports rose 6%, the ministry said.", DL)
    assert other_time(claim, undated, DL, DL) == ""
    assert other_time(claim, undated, DL, dt.date(2015, 6, 11)) == "a report of 2015-06-11"
    assert other_time(claim, undated, None, dt.date(2015, 6, 11)) == ""
    assert other_time(claim, undated, DL, None) == ""

    def against(passage):
        return other_time(claim, analyzer.analyze(passage, DL), DL, DL)

    assert against("Exports rose 6% in May, the ministry said.") == ""  # reported in June
    assert against("Exports rose 6% on Monday, the ministry said.") == "'on Monday'"
    assert against("Exports rose 6% in April 2014, the ministry said.") == "'April 2014'"
    # "since 2002" is what the figure is compared with, not its time
    assert against("Exports rose 6% to their highest level since 2002, the ministry said.") == ""


def test_other_time_reads_only_the_dates_of_the_checked_figures_clause(analyzer):
    """2013 in the passage is when the route opened, not when 3 million flew."""
    a, t = _assessed(
        analyzer,
        "The airline carried 2 million passengers in 2013.",
        "The airline carried 3 million passengers in 2014, when it opened a route to Lisbon"
        " in 2013.",
    )
    (check,) = [c for c in a.checks if c.claim.kind == ValueKind.QUANTITY]
    assert other_time(a.claim, a.passage, DL, DL, t) == ""  # some date of the text agrees
    assert other_time(a.claim, a.passage, DL, DL, t, check) == "'2014'"


# -- dateline_fits and dated_by_dateline ----------------------------------------------------


def test_dateline_fits_the_claims_dates_or_its_dateline(analyzer):
    dated = analyzer.analyze("Exports rose 4% in March 2014.", DL)
    undated = analyzer.analyze("Exports rose 4%.", DL)
    assert not dateline_fits(dated, DL, None, DEFAULT)
    assert dateline_fits(dated, DL, dt.date(2014, 4, 20), DEFAULT)
    assert not dateline_fits(dated, DL, dt.date(2014, 5, 2), DEFAULT)
    assert dateline_fits(undated, DL, DL, DEFAULT)
    assert not dateline_fits(undated, DL, dt.date(2015, 6, 11), DEFAULT)
    assert not dateline_fits(undated, None, DL, DEFAULT)


def test_a_days_report_may_lag_by_report_lag_days(analyzer):
    claim = analyzer.analyze("Exports rose 4% on June 5, 2015.", DL)

    def fits(t):
        return [d for d in range(3, 11) if dateline_fits(claim, DL, dt.date(2015, 6, d), t)]

    assert fits(DEFAULT) == [5, 6, 7, 8]  # the day and report_lag_days (3) after
    assert fits(replace(DEFAULT, report_lag_days=0)) == [5]
    assert fits(replace(DEFAULT, report_lag_days=5)) == [5, 6, 7, 8, 9, 10]


def test_an_undated_passage_states_the_date_of_its_dateline(analyzer):
    claim = analyzer.analyze("Exports rose 4% on June 5, 2015.", DL)
    figure, day = claim.values
    undated = analyzer.analyze("Exports rose 4%, the ministry said.", DL)
    dated = analyzer.analyze("Exports rose 4% on June 2, 2015, the ministry said.", DL)

    def stated(v, passage, on):
        return dated_by_dateline(v, passage, on, DEFAULT)

    assert stated(day, undated, dt.date(2015, 6, 5)) and stated(day, undated, dt.date(2015, 6, 8))
    assert not stated(day, undated, dt.date(2015, 6, 9))  # past the report lag
    assert not stated(day, undated, dt.date(2015, 6, 4))  # before the event
    assert not stated(day, undated, None)
    assert not stated(day, dated, dt.date(2015, 6, 5))  # the passage dates its own event
    assert not stated(figure, undated, dt.date(2015, 6, 5))  # only a date is stated so
    (yearless,) = [
        v for v in analyzer.analyze("Exports rose on June 5.", None).values if v.kind == "date"
    ]
    assert not stated(yearless, undated, dt.date(2015, 6, 5))


def test_the_dateline_stands_in_for_the_claims_date_in_assess(analyzer):
    claim, passage = "Exports rose 4% on June 5, 2015.", "Exports rose 4%, the ministry said."
    same_day, _ = _assessed(analyzer, claim, passage, passage_date=dt.date(2015, 6, 5))
    later, _ = _assessed(analyzer, claim, passage, passage_date=dt.date(2015, 6, 20))
    assert same_day.unverified == ()
    assert [v.text for v in later.unverified] == ["June 5, 2015"]


def test_the_day_of_a_report_is_stated_by_the_reports_dateline(analyzer):
    """A claim dates the report ("On 5 June 2015 Nordvik reported a loss of $8.6 million
    for 2014", "in results reported on 5 June 2015"): the day's report that gives the
    figure for 2014 states it by its dateline, though it dates its own figure 2014."""
    passage = "Nordvik reported a loss of $8.6 million for 2014, its first since 2009."
    for claim in (
        "On 5 June 2015 Nordvik reported a loss of $8.6 million for 2014.",
        "In results reported on 5 June 2015, Nordvik lost $8.6 million in 2014.",
    ):
        a, _ = _assessed(analyzer, claim, passage, passage_date=dt.date(2015, 6, 5))
        assert a.unverified == (), claim
    # ... a report of another day does not
    a, _ = _assessed(
        analyzer,
        "On 5 June 2015 Nordvik reported a loss of $8.6 million for 2014.",
        passage,
        passage_date=dt.date(2015, 8, 5),
    )
    assert [v.text for v in a.unverified] == ["5 June 2015"]


# -- same_event ------------------------------------------------------------------------------


def test_an_agreeing_amount_pins_the_same_event(analyzer):
    """The same "about 5,000" on another day is the same rally misdated; an open range
    ("more than 5,000") names no amount, so it cannot."""
    about, _ = _assessed(
        analyzer,
        "About 5,000 people attended the rally on Monday.",
        "About 5,000 people attended the rally on Tuesday.",
    )
    more, _ = _assessed(
        analyzer,
        "More than 5,000 people attended the rally on Monday.",
        "More than 5,000 people attended the rally on Tuesday.",
    )
    assert any(c.agree for c in more.checks) and _same_event(about) and not _same_event(more)


def test_a_written_date_in_a_restatement_pins_the_same_event(analyzer):
    claim = "The arena was finished in time for the 2006 Winter Games."
    restated, _ = _assessed(
        analyzer, claim, "The arena was finished in time for the 2008 Winter Games."
    )
    loose, _ = _assessed(analyzer, claim, "The arena was finished for the 2008 Games.")
    relative, _ = _assessed(
        analyzer,
        "The arena was finished in time for the Winter Games on Monday.",
        "The arena was finished in time for the Winter Games on Tuesday.",
    )
    assert _same_event(restated)
    assert loose.overlap < DEFAULT.weights.same_event_overlap and not _same_event(loose)
    assert _same_event(
        loose, replace(DEFAULT, weights=replace(DEFAULT.weights, same_event_overlap=loose.overlap))
    )
    assert relative.overlap == 1.0 and not _same_event(relative)  # two days, two events


# -- the rule that uses them ----------------------------------------------------------------


def test_a_figure_of_another_time_does_not_refute(analyzer):
    other, _ = _assessed(
        analyzer, "The index fell 120 points on Monday.", "The index fell 300 points on Tuesday."
    )
    assert other.decided.rule == "figure_of_another_time"
    assert other.decided.stance == Stance.NEUTRAL
    assert "for another time ('on Tuesday')" in other.decided.rationale
    same, _ = _assessed(
        analyzer, "The index fell 120 points on Monday.", "The index fell 300 points on Monday."
    )
    assert same.decided.rule == "figure_mismatch" and same.decided.stance == Stance.REFUTES


def test_a_year_differing_in_a_passage_that_states_the_rest_with_its_context(analyzer):
    """ "The first jets will be delivered in 2014." after the passage naming the airline's
    order: with its context the passage states most of the claim, so its year is the same
    event's, said otherwise; read alone, it may be any jets' delivery."""
    claim = "The first of Kestrel Air's new K9 jets will be delivered in 2011."
    passage = "The first jets will be delivered in 2014."
    before = "Kestrel Air has ordered twelve new K9 jets from Vantor."
    a, _ = _assessed(analyzer, claim, passage, 0.4, context=before)
    assert a.decided.rule == "figure_mismatch" and a.decided.stance == Stance.REFUTES
    alone, _ = _assessed(analyzer, claim, passage, 0.4)
    assert alone.decided.stance == Stance.NEUTRAL  # whose jets?
    headed, _ = _assessed(analyzer, claim, passage, 0.4, title="Kestrel Air orders new K9 jets")
    assert headed.decided.rule == "figure_mismatch"
    # a passage naming something else is another story, whatever the one before it says
    other = "The first Z12 jets of Norra Air will be delivered in 2014."
    named, _ = _assessed(analyzer, claim, other, 0.4, context=before)
    assert named.decided.rule != "figure_mismatch"


def test_an_undated_claim_may_restate_history_its_own_days_report_recounts(analyzer):
    """A report recounting an event long past ("exploded 73 seconds after liftoff on March
    3, 1990") states it for an undated claim made from that day's report; another day's
    report of it is background, as before."""
    claim = "The rocket exploded 20 seconds after liftoff."
    passage = "The rocket was lost when it exploded 73 seconds after liftoff on March 3, 1990."
    same, _ = _assessed(analyzer, claim, passage)
    assert same.decided.rule == "figure_mismatch" and same.decided.stance == Stance.REFUTES
    later = DL + dt.timedelta(days=30)
    other, _ = _assessed(analyzer, claim, passage, claim_date=later, passage_date=DL)
    assert other.decided.rule == "figure_of_another_time"
    recent = "The rocket was lost when it exploded 73 seconds after liftoff on June 2, 2015."
    week, _ = _assessed(analyzer, claim, recent)  # last week: not history, another day
    assert week.decided.rule == "figure_of_another_time"


def test_a_state_that_holds_now_is_not_the_history_a_report_recounts(analyzer):
    a, _ = _assessed(
        analyzer,
        "Unemployment stands at 5.5%.",
        "Unemployment peaked at 10% in October 2009, during the recession.",
    )
    assert a.decided is None or a.decided.stance != Stance.REFUTES


def test_a_comparison_point_does_not_make_a_figure_background(analyzer):
    for claim, passage in [
        ("Exports fell 4% in 2014.", "Exports fell 6% in 2014 to their lowest level since 2002."),
        ("Exports fell 4%.", "Exports fell 6% to their lowest level since 2002."),
    ]:
        a, _ = _assessed(analyzer, claim, passage)
        assert a.decided.rule == "figure_mismatch", (claim, a.decided.rationale)
        assert a.decided.stance == Stance.REFUTES


def test_a_passage_states_the_claims_date_by_dates_of_its_own_inside_it(analyzer):
    """'The January 2011 leave' against "Monday's announcement" of 17 January 2011: the
    sentence's time is its events', and it falls inside the claim's month."""
    (month,) = [
        v
        for v in analyzer.analyze("Jobs began the leave in January 2011.", DL).values
        if v.kind == "date"
    ]
    inside = analyzer.analyze("Monday's announcement marked his third leave.", dt.date(2011, 1, 17))
    outside = analyzer.analyze(
        "Monday's announcement marked his third leave.", dt.date(2011, 2, 14)
    )
    assert dated_by_dateline(month, inside, dt.date(2011, 1, 17), DEFAULT)
    assert not dated_by_dateline(month, outside, dt.date(2011, 2, 14), DEFAULT)


def test_a_month_named_may_is_a_written_date(analyzer):
    """ "filed in May" against "filed in January": a month misdated in a passage that
    restates the claim is the claim's error, as any month is; "may" the modal is no date."""
    from factcheck.lang import vocabulary
    from factcheck.rules.timing import written

    vocab = vocabulary("en")
    f = analyzer.analyze("A lawsuit was filed against Harlow in May.", DL)
    (may,) = [v for v in f.values if v.kind == ValueKind.DATE]
    assert written(may, vocab)
    a, _ = _assessed(
        analyzer,
        "In Dunmore, a class-action lawsuit was filed against Harlow in May over claims of harm.",
        "In Dunmore, a class-action lawsuit was filed against Harlow in January over claims of"
        " harm.",
    )
    assert _same_event(a)
