"""Issue #28, thirty-fourth round: whose account a passage gives, how long "half a
century" with a hedge is, and a support from a passage that negates the claim's
predicate. The rules, as benchmarks/rule_reviews.py runs them (and,
for the support, with a stance model's probabilities given)."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from factcheck.nlp.dates import DateContext
from factcheck.nlp.values import find_values
from factcheck.rules.compare import conclude
from factcheck.types import Stance, StanceProbs, ValueKind
from tests.helpers.assess import assessed, rule_stance

DL = dt.date(2025, 6, 13)
YEAR = 365.25 * 86400


# -- a description's words are not those of someone it speaks of ------------------------


@pytest.mark.parametrize(
    ("claim", "passage", "why"),
    [
        (
            # another's account does not contradict what the church said
            "The church said Anna Vell was never forced to work in the engine room.",
            "Anna Vell also said that she was forced to work in the engine room.",
            "in Anna Vell's words, not as the church's",
        ),
        (
            # and does not say what the board said
            "The board said Teodor Kask had been forced out.",
            "Teodor Kask claimed he had been forced out, an account the board disputed.",
            "gives this to Teodor Kask, not to the board",
        ),
    ],
)
def test_the_account_of_whom_a_described_speaker_speaks_is_not_theirs(
    analyzer, claim, passage, why
):
    stance, rationale = rule_stance(analyzer, claim, passage, DL)
    assert stance == Stance.NEUTRAL and why in rationale, rationale


def test_a_described_speaker_is_still_contradicted_by_a_speaker_it_does_not_speak_of(analyzer):
    # "the company" may be Kestrel: the claim does not tell of Kestrel as someone else
    claim = "The company said its sales fell 5% in May."
    stance, why = rule_stance(analyzer, claim, "Kestrel said sales fell 8% in May.", DL)
    assert stance == Stance.REFUTES, why


# -- half a unit of time, with its hedge ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("He has worked in magic for more than half a century.", 50 * YEAR, math.inf),
        ("The talks lasted nearly half an hour.", 0.9 * 1800, 1800),
        ("The talks lasted half an hour.", 1800, 1800),
    ],
)
def test_a_hedge_before_half_a_unit_of_time_is_read(text, low, high):
    (v,) = [x for x in find_values(text, DateContext(DL))[0] if x.kind == ValueKind.DURATION]
    assert v.low == pytest.approx(low, rel=0.01)
    assert v.high == high or v.high == pytest.approx(high)
    assert text[v.span[0] : v.span[1]] == v.text and v.text.split()[-1] in ("century", "hour")


# -- a passage that negates the claim's predicate does not support it ------------------

SUPPORTING = StanceProbs(supports=0.9, refutes=0.05, neutral=0.05)


def test_a_model_support_from_a_passage_negating_the_claim_is_not_taken(analyzer):
    claim = "The Harnow bridge over the Tarrow reopened to heavy traffic after repairs."
    a, t = assessed(analyzer, claim, "The Harnow bridge has not reopened.", 0.7)
    out = conclude(a, SUPPORTING, t)
    assert out.stance == Stance.NEUTRAL and "'reopen'" in out.rationale, out.rationale


def test_a_model_support_from_a_passage_asserting_it_stands(analyzer):
    claim = "The Harnow bridge over the Tarrow reopened to heavy traffic after repairs."
    a, t = assessed(analyzer, claim, "The Harnow bridge over the Tarrow has reopened.", 0.7)
    assert conclude(a, SUPPORTING, t).stance == Stance.SUPPORTS


# -- who speaks is not what a passage narrates ------------------------------------------


def test_an_answer_of_no_content_words_is_its_speakers(analyzer):
    from factcheck.nlp.speech import voice

    passage = analyzer.analyze("Thomas Hale: Over 30 years.", DL)
    v = voice(frozenset({"work", "mine"}), passage, None)
    assert v.speaker == "Thomas Hale", v


# -- "unable to" does not do it ---------------------------------------------------------


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        ("Police in Tarven arrested the two men on Friday.", Stance.REFUTES),
        ("Police in Tarven did not arrest the two men on Friday.", Stance.SUPPORTS),
    ],
)
def test_unable_to_negates_what_it_governs(analyzer, claim, stance):
    passage = "Police in Tarven were unable to arrest the two men on Friday."
    got, why = rule_stance(analyzer, claim, passage, DL)
    assert got == stance, why


# -- a speaker's description in apposition names the speaker, as a title before it does --


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        ("Kestrel's chief executive, Thomas Hale, said sales rose 5% in May.", Stance.SUPPORTS),
        ("Kestrel's chief executive, Thomas Hale, said sales rose 8% in May.", Stance.REFUTES),
        ("Kestrel chief executive Thomas Hale said sales rose 5% in May.", Stance.SUPPORTS),
    ],
)
def test_a_description_in_apposition_is_the_speakers_not_what_was_said(analyzer, claim, stance):
    got, why = rule_stance(analyzer, claim, '"Sales rose 5% in May," Hale said.', DL)
    assert got == stance, why


# -- a name with a run of its words by their initials ----------------------------------


def test_a_name_written_by_initials_is_no_other_name(analyzer):
    passage = "Anna Vell walked into the lobby of the East L.A. station and turned herself in."
    claim = "Anna Vell walked into the lobby of the East Los Angeles station."
    stance, why = rule_stance(analyzer, claim, passage, DL)
    assert stance != Stance.REFUTES, why
    stance, why = rule_stance(analyzer, claim.replace("Los Angeles", "Halden"), passage, DL)
    assert stance == Stance.REFUTES and "East L.A." in why, why


@pytest.mark.parametrize(
    ("passage", "stance"),
    [
        (
            "Kestrel's chief executive, Thomas Hale, said the company would cut 300 jobs.",
            Stance.REFUTES,
        ),
        ("Thomas Hale said the company would cut 300 jobs.", Stance.SUPPORTS),
        ("Thomas Hale, speaking in Halden, said the company would cut 300 jobs.", Stance.SUPPORTS),
        (
            "Dunmore's chief executive, Thomas Hale, said the company would cut 300 jobs.",
            Stance.SUPPORTS,
        ),
    ],
)
def test_a_speaker_described_by_another_name_is_not_the_claims(analyzer, passage, stance):
    claim = "Dunmore's chief executive, Thomas Hale, said the company would cut 300 jobs."
    got, why = rule_stance(analyzer, claim, passage, DL)
    assert got == stance, why


def test_initials_alone_may_be_another_name(analyzer):
    passage = "Flight 412 from Halden was bound for L.A. when it turned back."
    for claim in ("Flight 412 was bound for Los Alamos.", "Flight 412 was bound for Los Angeles."):
        stance, why = rule_stance(analyzer, claim, passage, DL)
        assert stance == Stance.NEUTRAL, why
