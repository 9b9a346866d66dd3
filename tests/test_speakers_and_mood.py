"""Issue #28, thirty-first round: speakers who name no one ("officials said", "a
spokeswoman said"), descriptions tied to the lead's names, the one told by "told"; a "not"
that negates nothing ("not only", "not ... until"); what a source gives only as possible
or planned ("may close", "plans to cut"); and reported speech's "would" with a weekday.
The rules only, as benchmarks/rule_reviews.py runs them."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.types import Stance
from tests.helpers.assess import rule_stance

DL = dt.date(2024, 5, 15)


def _stance(analyzer, claim, passage, **kw):
    return rule_stance(analyzer, claim, passage, DL, **kw)


@pytest.mark.parametrize(
    "passage",
    [
        "Four miners were trapped in the shaft, officials said.",
        "Four miners were trapped in the shaft, a mining ministry spokesman said.",
        "Four miners were trapped in the shaft, two people familiar with the rescue said.",
    ],
)
def test_a_speaker_who_names_no_one_is_not_someone_else(analyzer, passage):
    stance, why = _stance(
        analyzer, "Mining Minister Tobias Renk said four miners were trapped in the shaft.", passage
    )
    assert stance != Stance.REFUTES, why


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (
            "Police said four people had been detained.",
            "Police chief Ilka Varga said four people had been detained.",
        ),
        (
            "Police said four people had been detained.",
            "Four people have been detained, Ilka Varga, a police spokeswoman, said.",
        ),
        (
            "Officials said four people had been detained.",
            "Four people have been detained, a senior interior ministry official said.",
        ),
    ],
)
def test_a_claim_whose_speaker_names_no_one_is_backed_by_one_of_them(analyzer, claim, passage):
    stance, why = _stance(analyzer, claim, passage)
    assert stance == Stance.SUPPORTS, why


def test_a_named_speaker_not_said_to_be_one_of_the_group_does_not_back_it(analyzer):
    stance, why = _stance(
        analyzer,
        "Police said four people had been detained.",
        "Four people have been detained, Mayor Ilka Varga said.",
    )
    assert stance == Stance.NEUTRAL, why


def test_an_unnamed_speaker_the_source_has_say_something_else_is_refuted(analyzer):
    stance, why = _stance(
        analyzer,
        "Police said 8,000 people joined the rally.",
        "Organisers said 8,000 people joined the rally, but police put the number at 2,500.",
    )
    assert stance == Stance.REFUTES, why


def test_the_office_beside_a_name_is_that_persons_not_another_speaker(analyzer):
    stance, why = _stance(
        analyzer,
        "A spokesman for Dunvale Water said the pipe burst overnight.",
        '"The pipe burst overnight," said Rolf Ebert, a spokesman for Dunvale Water.',
    )
    assert stance == Stance.SUPPORTS, why


def test_a_description_with_an_owner_is_someone_in_particular(analyzer):
    stance, why = _stance(
        analyzer,
        "Lotta Brenner said the budget was fair.",
        "The mayor's opponent said the budget was fair.",
        lead="Mayor Lotta Brenner unveiled a $2 billion budget on Tuesday.",
    )
    assert stance != Stance.SUPPORTS, why


def test_a_description_may_stand_for_a_name_the_lead_gives(analyzer):
    stance, why = _stance(
        analyzer,
        "Prime Minister Lotta Brenner said the referendum would be held in October.",
        "The premier said the referendum would be held in October.",
        lead="Prime Minister Lotta Brenner on Tuesday ruled out an early election.",
    )
    assert stance == Stance.SUPPORTS, why


def test_the_one_told_is_not_the_speaker(analyzer):
    stance, why = _stance(
        analyzer,
        "Kessel told Amberg the port would reopen.",
        "Dirk Kessel told Jana Amberg that the port would reopen.",
    )
    assert stance == Stance.SUPPORTS, why


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("The bakery raised wages.", "The bakery not only raised wages but also cut hours."),
        ("The flood closed the road.", "Not only did the flood close the road, it cut power."),
        ("The ferry resumed service on Monday.", "The ferry did not resume service until Monday."),
        ("The gallery opened in 1987.", "The gallery did not open until 1987."),
    ],
)
def test_a_not_that_adds_or_puts_off_negates_nothing(analyzer, claim, passage):
    stance, why = _stance(analyzer, claim, passage)
    assert stance != Stance.REFUTES, why


def test_a_plain_not_still_negates(analyzer):
    stance, why = _stance(
        analyzer, "The ferry resumed service on Monday.", "The ferry did not resume service."
    )
    assert stance == Stance.REFUTES, why


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("Brantley Foods cut 700 jobs.", "Brantley Foods plans to cut 700 jobs next year."),
        ("The assembly approved the levy.", "The assembly may approve the levy on Monday."),
        ("Dovrin Air bought 30 jets.", "Dovrin Air is considering buying 30 jets."),
        ("The union called a strike.", "The union threatened to call a strike."),
        ("The agency will not fine the bank.", "The agency might fine the bank, lawyers said."),
        ("Brantley Foods cut 700 jobs.", "Brantley Foods announced plans to cut 700 jobs."),
        ("Dovrin Air bought Kelso Air.", "Dovrin Air made a bid to buy Kelso Air."),
    ],
)
def test_what_the_source_gives_as_possible_or_planned_is_not_done(analyzer, claim, passage):
    stance, why = _stance(analyzer, claim, passage)
    assert stance == Stance.NEUTRAL, why
    assert "only as possible or planned" in why


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        # the claim hedges as the source does
        ("Brantley Foods plans to cut 700 jobs.", "Brantley Foods may cut 700 jobs."),
        # a schedule told as the future
        (
            "The assembly will vote on the levy on Friday.",
            "The assembly is expected to vote on the levy on Friday.",
        ),
        # the claim's own try, however the parse hangs it
        (
            "The critic dubbed the group's campaign to remove the video a farce.",
            "The critic dubbed the group's attempts to remove the video a farce.",
        ),
        # done in one clause, planned in another
        (
            "Brantley Foods cut 700 jobs.",
            "Brantley Foods cut 700 jobs last year and plans to cut 300 more.",
        ),
    ],
)
def test_a_hedge_or_schedule_told_alike_is_no_bar(analyzer, claim, passage):
    _, why = _stance(analyzer, claim, passage)
    assert "only as possible or planned" not in why


def test_a_possibility_the_source_rules_out_is_refuted(analyzer):
    stance, why = _stance(
        analyzer, "The tunnel may reopen before June.", "The tunnel will not reopen before June."
    )
    assert stance == Stance.REFUTES, why


@pytest.mark.parametrize(
    ("passage", "day"),
    [
        ("Hella Brun said the dockers would strike on Friday.", "2024-05-17"),
        ('"We will strike on Friday," Hella Brun said.', "2024-05-17"),
        # the sentence's opening date is when it was said
        ("On Monday, Hella Brun said the dockers would strike.", "2024-05-13"),
        # what did not happen
        ("Hella Brun said the dockers would have struck on Friday.", "2024-05-10"),
        # a possessive date names an event
        ("Hella Brun said she would never forget Friday's strike.", "2024-05-10"),
    ],
)
def test_reported_speech_puts_its_weekday_ahead_in_its_own_clause(analyzer, passage, day):
    facts = analyzer.analyze(passage, DL)  # a Wednesday
    dates = [v for v in facts.values if v.kind.value == "date"]
    assert [v.date_from for v in dates] == [day]


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("Rask said he had not met the bidders.", "Olaf Rask denied that he had met the bidders."),
        ("Rask said he had never met the bidders.", "Olaf Rask denied ever meeting the bidders."),
        (
            "Rask said the mill would not close.",
            "Olaf Rask dismissed reports that the mill would close.",
        ),
    ],
)
def test_what_a_speaker_denies_is_not_asserted(analyzer, claim, passage):
    stance, why = _stance(analyzer, claim, passage)
    assert stance != Stance.REFUTES, why


def test_would_after_a_dated_saying_is_not_put_ahead_of_the_dateline(analyzer):
    facts = analyzer.analyze("Last week, the dockers said they would strike on Monday.", DL)
    days = [v.date_from for v in facts.values if v.kind.value == "date" and v.grain == "day"]
    assert days == ["2024-05-13"]  # the Monday of this week, not the coming one


@pytest.mark.parametrize(
    "passage",
    [
        "The opposition leader said the referendum would be held in October.",
        "The former premier said the referendum would be held in October.",
    ],
)
def test_a_description_of_another_side_is_not_the_leads_person(analyzer, passage):
    stance, why = _stance(
        analyzer,
        "Prime Minister Lotta Brenner said the referendum would be held in October.",
        passage,
        lead="Prime Minister Lotta Brenner on Tuesday ruled out an early election.",
    )
    assert stance != Stance.SUPPORTS, why


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("Olaf Rask met the bidders.", "Olaf Rask denied that he had met the bidders."),
        ("Olaf Rask met the bidders.", "Olaf Rask denied meeting the bidders."),
        (
            "Tarvik Mills polluted the river.",
            "Tarvik Mills rejected claims that it had polluted the river.",
        ),
        ("Tarvik Mills closed the plant.", "Tarvik Mills rejected a proposal to close the plant."),
    ],
)  # fmt: skip
def test_a_denied_fact_is_not_stated(analyzer, claim, passage):
    stance, why = _stance(analyzer, claim, passage)
    assert stance == Stance.NEUTRAL, why
    assert "denied or disputed" in why


def test_a_denial_restated_is_no_dispute(analyzer):
    _, why = _stance(
        analyzer,
        "Olaf Rask denied meeting the bidders.",
        "Olaf Rask denied that he had met the bidders.",
    )
    assert "denied or disputed" not in why
    _, why = _stance(
        analyzer,
        "Tarvik Mills hired 300 workers to build the plant.",
        "Tarvik Mills dismissed the 300 workers hired to build the plant.",
    )
    assert "denied or disputed" not in why
