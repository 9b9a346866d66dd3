"""rules/opposites.py: an evaluation of the claim that the source gives with the other sign
("welcomed the plan" / "criticised the plan"), read by the valence lexicon."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from factcheck.lang import vocabulary
from factcheck.rules.compare import compare
from factcheck.rules.opposites import evaluations, opposite
from factcheck.types import Stance

DL = dt.date(2022, 5, 17)


def _cmp(analyzer, claim: str, passage: str):
    return compare(analyzer.analyze(claim, DL), analyzer.analyze(passage, DL), 0.7)


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        (
            "The harbour council approved the ferry subsidy in May.",
            "The harbour council rejected the ferry subsidy in May, citing its cost.",
        ),
        (
            "The nurses' union praised the hospital's staffing plan.",
            "The nurses' union criticised the hospital's staffing plan on Tuesday.",
        ),
        (
            "Residents were pleased with the new timetable.",
            "Residents were unhappy with the new timetable, the survey found.",
        ),
        (
            "The regulator did not criticise the merger.",
            "The regulator criticised the merger in a statement on Monday.",
        ),
        # one evaluative word swapped, of any part of speech
        (
            "The ferry operator reported record profits for the winter season.",
            "The ferry operator reported record losses for the winter season.",
        ),
        (
            "The inspectors called the new bridge a success.",
            "The inspectors called the new bridge a failure.",
        ),
    ],
)
def test_the_opposite_evaluation_of_the_same_thing_is_refuted(analyzer, claim, source):
    c = _cmp(analyzer, claim, source)
    assert c.stance == Stance.REFUTES, c.rationale


def test_an_adjective_evaluates_what_it_is_of_and_a_name_is_not_an_evaluation(analyzer):
    """ "were critical of the budget" evaluates the budget, as "criticised the budget" does;
    and "critics" who speak share a stem with "critical" without the claim saying
    "critical" of anything: their welcome is still the opposite."""
    claim = analyzer.analyze("Critics of the mayor welcomed the new harbour budget.", DL)
    source = analyzer.analyze("Critics of the mayor were critical of the new harbour budget.", DL)
    assert opposite(claim, source, 1.0) == ("welcome", "critical")
    same = analyzer.analyze("Critics of the mayor were pleased with the new harbour budget.", DL)
    assert opposite(claim, same, 1.0) is None
    assert ("critical", frozenset({"critic", "budget"})) in source.frames


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        # the same sign in other words
        (
            "The nurses' union praised the hospital's staffing plan.",
            "The nurses' union welcomed the hospital's staffing plan on Tuesday.",
        ),
        # a negated opposite says the claim's way
        (
            "The harbour council rejected the ferry subsidy.",
            "The harbour council did not approve the ferry subsidy.",
        ),
        # the same name, evaluated in another role ("relieve Acme" is not "Acme lost")
        (
            "Acme lost US$ 1.6 billion in sales last year.",
            "The company will cut 3,000 jobs as part of a plan to relieve Acme after a"
            " US$ 1.6 billion loss last year.",
        ),
        # the source gives both signs of it: it does not say the opposite
        (
            "The minister praised the budget.",
            "The minister praised the budget but criticised its timing.",
        ),
    ],
)
def test_no_opposite_where_the_source_does_not_turn_the_evaluation(analyzer, claim, source):
    assert opposite(analyzer.analyze(claim, DL), analyzer.analyze(source, DL), 1.0) is None


def test_a_swap_needs_the_rest_of_the_claim_stated(analyzer):
    """A claim that adds a figure, or words the source lacks, says more than a swapped
    word: it is not read as the source's wording turned over."""
    source = analyzer.analyze(
        "The agency is offering the tiles to schools that want to share them."
    )
    adds_a_figure = analyzer.analyze("The agency will charge schools $5,000 for the tiles.")
    c = compare(adds_a_figure, source, 0.7)
    assert "where the source says" not in c.rationale, c.rationale
    more_words = analyzer.analyze("The union's members reported record profits at the plant.")
    other = analyzer.analyze("The firm reported record losses.")
    assert opposite(more_words, other, 1.0) is None


def test_a_passive_is_matched_only_as_a_whole_swap(analyzer):
    """Roles are read by word order (subject before the verb), so a passive source is not
    matched predicate by predicate; it is contradicted only when the claim is its wording
    with the evaluation swapped, and left to the model when the claim says more."""
    source = analyzer.analyze("The plan was welcomed by the union.", DL)
    swapped = analyzer.analyze("The union criticised the plan.", DL)
    assert opposite(swapped, source, 1.0) == ("criticise", "welcome")
    dated = analyzer.analyze("The union criticised the plan on 3 May.", DL)
    assert opposite(dated, source, 1.0, stated=False) is None


def test_a_negated_evaluation_changes_its_sign(analyzer):
    (pred, _, sign), *_ = evaluations(analyzer.analyze("The union did not welcome the plan."), 1.0)
    assert (pred, sign) == ("welcome", -1)


def test_a_language_without_a_polarity_table_has_no_evaluations(analyzer):
    facts = analyzer.analyze("The nurses' union praised the plan.", DL)
    bare = dataclasses.replace(vocabulary("en"), valence={})
    assert evaluations(dataclasses.replace(facts, vocab=bare), 1.0) == []


def test_the_polarity_table_is_well_formed():
    valence = vocabulary("en").valence
    assert len(valence) > 3000
    assert all(re.fullmatch(r"[a-z]+(?:-[a-z]+)?", w) for w in valence)
    assert all(-4.0 <= v <= 4.0 and abs(v) >= 1.0 for v in valence.values())
    assert valence["approve"] > 0 > valence["reject"]  # lemmas of the listed forms


@pytest.mark.parametrize(
    ("claim", "source", "refuted"),
    [
        # the same thing put at the other end of one scale
        (
            "The ferry loss was smaller than analysts had predicted.",
            "The ferry loss was far greater than analysts predicted.",
            True,
        ),
        (
            "Turnout in the harbour ward was higher than in 2019.",
            "Turnout in the harbour ward was lower than in 2019, officials said.",
            True,
        ),
        # a negated end says neither; two scales are never compared
        (
            "The ferry loss was smaller than analysts had predicted.",
            "The ferry loss was not as great as analysts predicted.",
            False,
        ),
        (
            "The ferry loss was smaller than analysts had predicted.",
            "The ferry loss was later than analysts predicted.",
            False,
        ),
        # the other end of something else
        (
            "The ferry loss was smaller than analysts had predicted.",
            "The ferry fleet was larger than analysts predicted.",
            False,
        ),
        # another point of comparison, another time
        (
            "The ferry loss was smaller than analysts had expected.",
            "The ferry loss was larger than a year earlier.",
            False,
        ),
        ("Ferry fares were higher in May 2020.", "Ferry fares were lower in June 2020.", False),
    ],
)
def test_a_thing_put_at_the_other_end_of_a_scale_is_refuted(analyzer, claim, source, refuted):
    c = _cmp(analyzer, claim, source)
    assert (c.stance == Stance.REFUTES) is refuted, c.rationale
    if refuted:
        assert c.rule == "opposite_evaluation" and "where the source says" in c.rationale


def test_the_gradable_words_are_read_by_scale():
    grade = vocabulary("en").gradable
    assert grade["small"] == -grade["great"] and grade["early"] == -grade["late"]
    assert abs(grade["small"]) != abs(grade["early"])  # two scales


@pytest.mark.parametrize(
    ("claim", "source", "refuted"),
    [
        (
            "Roe said fewer ferries are running today than at any time before.",
            "Roe: There are more ferries running today than ever before.",
            True,
        ),
        (
            "The Harlow ferry is less fuel efficient than the old boats, Roe said.",
            "Roe said the Harlow ferry is more fuel efficient than the old boats.",
            True,
        ),
        # the same degree, and a number's hedge, are no other degree
        (
            "The Harlow ferry is more fuel efficient than the old boats, Roe said.",
            "Roe said the Harlow ferry is more fuel efficient than the old boats.",
            False,
        ),
        (
            "More than 40 ferries ran in May 2020.",
            "Fewer than 50 ferries ran in May 2020.",
            False,
        ),
        # a source that gives the word both degrees says neither
        (
            "Fewer ferries ran in May.",
            "More ferries ran in the morning and fewer ferries ran at night in May.",
            False,
        ),
    ],
)
def test_a_thing_given_the_other_degree_is_refuted(analyzer, claim, source, refuted):
    c = _cmp(analyzer, claim, source)
    assert (c.stance == Stance.REFUTES and c.rule == "opposite_evaluation") is refuted, c.rationale
    if refuted:
        assert "where the source says 'more" in c.rationale
