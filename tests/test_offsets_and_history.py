"""Issue #28, thirty-second round: lengths of time read from dates. A claim that counts
back from its dateline into history ("two decades ago") misdates an event the source
dates by the calendar; a length between two events ("16 months after ...", "three weeks
earlier") is stated by the date the source gives the other event. The rules only, as
benchmarks/rule_reviews.py runs them."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.rules.offsets import offset_stated, windows
from factcheck.types import Stance, ValueKind
from tests.helpers.assess import rule_stance

DL = dt.date(2006, 5, 29)
INTRODUCED = "In 1995, Orvane Aircraft introduced the OA-95, which later became the Tarn 717."


def _stance(analyzer, claim, passage, day=DL, **kw):
    return rule_stance(analyzer, claim, passage, day, **kw)


@pytest.mark.parametrize(
    "claim",
    [
        "Orvane Aircraft introduced the OA-95 two decades ago.",
        "Orvane Aircraft introduced the OA-95 four years ago.",
    ],
)
def test_a_date_counted_back_into_history_misdates_a_calendar_date(analyzer, claim):
    stance, why = _stance(analyzer, claim, INTRODUCED)
    assert stance == Stance.REFUTES, why


def test_a_date_counted_back_that_agrees_is_stated(analyzer):
    stance, why = _stance(
        analyzer, "Orvane Aircraft introduced the OA-95 eleven years ago.", INTRODUCED
    )
    assert stance == Stance.SUPPORTS, why


def test_years_counted_back_are_read_loosely(analyzer):
    # "four years ago" in January 2026 may be December 2021
    day = dt.date(2026, 1, 15)
    claim = "Four years ago, Ada Varo won the party leadership."
    stance, why = _stance(analyzer, claim, "In 2021, Ada Varo won the party leadership.", day)
    assert stance != Stance.REFUTES, why


def test_last_year_is_still_another_time_not_a_misdating(analyzer):
    # within a year of the dateline a report of that year may be another in a series
    stance, why = _stance(analyzer, "Orvane Aircraft introduced the OA-95 last year.", INTRODUCED)
    assert stance != Stance.REFUTES, why


def test_a_share_of_a_century_ago_is_no_century_ago(analyzer):
    # (thirty-third round) read whole, as a date that far back, give or take a quarter
    facts = analyzer.analyze("Lena Okafor first volunteered a quarter of a century ago.", DL)
    dates = [v for v in facts.values if v.kind == ValueKind.DATE]
    assert [v.text for v in dates] == ["a quarter of a century ago"]
    years = {int(dates[0].date_from[:4]), int(dates[0].date_to[:4])}
    assert all(DL.year - 32 < y < DL.year - 18 for y in years), years


CANCELLED = "In January 2005, Orvane announced that it would cancel the OA-17 program."


@pytest.mark.parametrize(
    ("claim", "stated"),
    [
        (
            "The final delivery came some 16 months after Orvane said it would end the OA-17.",
            True,
        ),
        (
            "The final delivery came 16 months after Orvane said it would end the OA-17.",
            True,
        ),
        (
            "The final delivery came some 30 months after Orvane said it would end the OA-17.",
            False,
        ),
        (
            "The final delivery came under four months after Orvane said it would end the OA-17.",
            False,
        ),
    ],
)
def test_an_offset_is_stated_by_the_other_events_date(analyzer, claim, stated):
    c, p = analyzer.analyze(claim, DL), analyzer.analyze(CANCELLED, DL)
    (v,) = [v for v in c.values if v.kind == ValueKind.DURATION]
    assert offset_stated(v, c, p, None, DL) is stated


def test_an_offset_may_count_back_from_the_later_event(analyzer):
    # "lost eight years before the celebration": the celebration is the news
    day = dt.date(2011, 4, 13)
    c = analyzer.analyze(
        "Columbia was lost more than eight years before the anniversary celebration.", day
    )
    lost = analyzer.analyze(
        "Columbia was lost on February 1, 2003, when it broke up on re-entry.", day
    )
    (v,) = [v for v in c.values if v.kind == ValueKind.DURATION]
    assert offset_stated(v, c, lost, None, day)
    lost_later = analyzer.analyze(
        "Columbia was lost on February 1, 2008, when it broke up on re-entry.", day
    )
    assert not offset_stated(v, c, lost_later, None, day)


def test_the_sentence_before_may_date_the_other_event(analyzer):
    day = dt.date(2007, 12, 20)
    claim = (
        "The sanctions stayed in force after a commission review held about three weeks earlier."
    )
    c = analyzer.analyze(claim, day)
    p = analyzer.analyze("The sanctions on the carriers remained in force.", day)
    before = analyzer.analyze("A commission review was held in Brussels on November 28.", day)
    (v,) = [v for v in c.values if v.kind == ValueKind.DURATION]
    assert not offset_stated(v, c, p, None, day)
    assert offset_stated(v, c, p, before, day)


def test_the_claims_own_day_is_the_time_it_counts_from(analyzer):
    # "on 12 April 2011, thirty years after": the written day, not the dateline
    day = dt.date(2011, 4, 20)
    claim = "The agency held a ceremony on 12 April 2011, thirty years after the Heron first flew."
    c = analyzer.analyze(claim, day)
    p = analyzer.analyze("The Heron glider first flew on April 12, 1981.", day)
    offsets = [v for v in c.values if v.kind == ValueKind.DURATION and v.role == "offset"]
    assert offsets and offset_stated(offsets[0], c, p, None, day)


def test_a_length_that_is_no_offset_has_no_window(analyzer):
    c = analyzer.analyze("The strike lasted 16 months.", DL)
    (v,) = [v for v in c.values if v.kind == ValueKind.DURATION]
    assert windows(v, c, DL) == []


SAID = "Halvard Air said it would keep the terms of the settlement confidential."
BY_ACRONYM = "HIA has stated that the settlement details will be kept confidential."


def test_an_acronym_the_source_may_give_the_speaker_is_not_someone_else(analyzer):
    stance, why = _stance(analyzer, SAID, BY_ACRONYM)
    assert stance == Stance.NEUTRAL, why


def test_an_acronym_the_article_spells_out_is_the_speaker(analyzer):
    context = "The minister praised Halvard Air (HIA) for its safety record."
    stance, why = _stance(analyzer, SAID, BY_ACRONYM, context=context)
    assert stance == Stance.SUPPORTS, why


def test_an_acronym_the_article_gives_another_body_is_someone_else(analyzer):
    context = "The Harbour Inspection Agency (HIA) fined the carrier on Monday."
    stance, why = _stance(analyzer, SAID, BY_ACRONYM, context=context)
    assert stance == Stance.REFUTES, why


def test_an_acronym_with_its_article_is_read_as_the_acronym(analyzer):
    stance, why = _stance(analyzer, SAID, "The " + BY_ACRONYM)
    assert stance == Stance.NEUTRAL, why


def test_an_acronym_of_other_initials_is_still_someone_else(analyzer):
    stance, why = _stance(analyzer, SAID, BY_ACRONYM.replace("HIA", "NBT"))
    assert stance == Stance.REFUTES, why


@pytest.mark.parametrize(
    ("short", "long", "may"),
    [
        ("SIA", "Singapore Airlines", True),  # a word the name drops
        ("CEI", "Italian Episcopal Conference", True),  # another language's order
        ("GM", "General Motors", True),
        ("NBT", "Halvard Air", False),
        ("NASA", "Orvane", False),  # one word: no initials to hold
        ("Boe", "Bank of England", False),  # not written in capitals
    ],
)
def test_may_abbreviate(short, long, may):
    from factcheck.nlp.names import may_abbreviate

    assert may_abbreviate(short, long) is may


MARKET = dt.date(2009, 10, 12)


def test_two_levels_of_the_same_named_index_are_one_figure(analyzer):
    stance, why = _stance(
        analyzer,
        "The Varden 100 closed at 4,907.20.",
        "The Varden 100 finished the day at a level of 5,210.17.",
        MARKET,
    )
    assert stance == Stance.REFUTES, why


def test_a_level_at_a_time_of_day_is_another_moment(analyzer):
    stance, why = _stance(
        analyzer,
        "The Varden 100 closed at 4,907.20.",
        "The Varden 100 rose to 5,210.17 at midday.",
        MARKET,
    )
    assert stance != Stance.REFUTES, why


@pytest.mark.parametrize(
    "claim",
    ["The Varden 100 opened at 4,880.50.", "The Varden 100 rose to 4,950 in early trading."],
)
def test_a_level_at_the_opening_or_in_the_session_is_not_the_close(analyzer, claim):
    stance, why = _stance(
        analyzer, claim, "The Varden 100 closed at 4,907.20, up 0.4 percent.", MARKET
    )
    assert stance != Stance.REFUTES, why


def test_a_level_of_another_index_is_no_counterpart(analyzer):
    stance, why = _stance(
        analyzer,
        "The Varden 100 closed at 4,907.20.",
        "The Kessel 30 finished the day at a level of 5,210.17.",
        MARKET,
    )
    assert stance != Stance.REFUTES, why


@pytest.mark.parametrize(
    ("passage", "day", "month"),
    [
        (
            "The Torsby Games, which open in February, are on budget.",
            dt.date(2011, 6, 28),
            "2012-02",
        ),
        (
            "The Varden loan, which matures in January, will be rolled over.",
            dt.date(2012, 5, 3),
            "2013-01",
        ),
        ("Sales rise in January.", dt.date(2012, 2, 10), "2012-01"),  # a headline's present
        ("Sales fell in November.", dt.date(2012, 5, 3), "2011-11"),
    ],
)
def test_a_month_told_in_the_present_is_a_time_set_ahead(analyzer, passage, day, month):
    facts = analyzer.analyze(passage, day)
    (d,) = [v for v in facts.values if v.kind == ValueKind.DATE]
    assert d.date_from[:7] == month


@pytest.mark.parametrize(("year", "stated"), [("2016", True), ("2019", False)])
def test_a_year_no_longer_than_the_window_may_state_an_offset(analyzer, year, stated):
    day = dt.date(2025, 9, 1)
    c = analyzer.analyze(
        "The Torsby bridge was closed nearly a decade after its last overhaul.", day
    )
    p = analyzer.analyze(f"The Torsby bridge's last overhaul was in {year}.", day)
    (v,) = [v for v in c.values if v.kind == ValueKind.DURATION]
    assert offset_stated(v, c, p, None, day) is stated


@pytest.mark.parametrize(
    ("lead", "refuted"),
    [
        (None, False),  # "HIA" may be Halvard Air's
        ("The Harbour Inspection Agency (HIA) fined the carrier on Monday.", True),
    ],
)
def test_an_acronym_in_the_place_of_a_name_is_someone_else_only_if_spelled_out_so(
    analyzer, lead, refuted
):
    claim = "Halvard Air will display the aircraft in Torsby."
    stance, why = _stance(analyzer, claim, "HIA will display the aircraft in Torsby.", lead=lead)
    assert (stance == Stance.REFUTES) is refuted, why


@pytest.mark.parametrize(("figure", "based"), [("42%", True), ("35%", False)])
def test_the_base_date_of_a_stated_change_is_said_many_ways(analyzer, figure, based):
    from tests.helpers.assess import assessed

    day = dt.date(2009, 2, 3)
    claim = f"Granholt's sales in January 2009 were {figure} lower than in January 2008."
    passage = "Granholt sales dropped 42% last month from the previous year."
    a, _ = assessed(analyzer, claim, passage, 0.75, claim_date=day, passage_date=day)
    assert ("January 2008" not in [v.text for v in a.unverified]) is based


def test_what_analysts_expect_an_index_to_reach_is_only_possible(analyzer):
    passage = "Analysts expect the Varden 100 to rise to 5,200 by the end of the year."
    stance, why = _stance(analyzer, "The Varden 100 closed at 4,907.20.", passage, MARKET)
    assert stance != Stance.REFUTES, why
    stance, why = _stance(analyzer, "The Varden 100 rose to 5,200.", passage, MARKET)
    assert stance == Stance.NEUTRAL and "only as possible" in why, why


@pytest.mark.parametrize(
    ("passage", "day"),
    [
        ("Lawmakers in Torsby are voting on Friday.", "2009-03-13"),
        ("Lawmakers in Torsby, who vote on Friday, remain split.", "2009-03-13"),
        ("Lawmakers in Torsby voted on Friday.", "2009-03-06"),
        ("Stocks in Torsby fall on Friday.", "2009-03-06"),  # a headline's present
        # (thirty-third round) a deadline told in the present
        ("The Torsby union has until Friday to respond.", "2009-03-13"),
        ("The Torsby union had until Friday to respond.", "2009-03-06"),
    ],
)
def test_a_weekday_told_in_the_progressive_or_a_relative_present_is_the_coming_one(
    analyzer, passage, day
):
    facts = analyzer.analyze(passage, dt.date(2009, 3, 9))
    (d,) = [v for v in facts.values if v.kind == ValueKind.DATE]
    assert d.date_from == day
