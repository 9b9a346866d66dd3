"""nlp/roles.py and opposites.roles_swapped: who does what to whom, and a source that gives
one verb the claim's two parties the other way round."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.rules.compare import compare
from factcheck.types import Stance

DL = dt.date(2012, 4, 3)


def _roles(analyzer, text):
    return [(v, d, o) for v, d, o, _, _ in analyzer.analyze(text, DL).roles]


def test_the_passive_and_a_completed_verb_give_the_same_doer(analyzer):
    active = _roles(analyzer, "Mara Quell replaced Ivo Brandt as chief executive.")
    passive = _roles(analyzer, "Ivo Brandt was replaced by Mara Quell as chief executive.")
    assert active == passive == [("replace", {"mara", "quell"}, {"ivo", "brandt"})]
    (verb, doer, done) = _roles(analyzer, "Tessel tablets managed to outsell Korvo phones.")[0]
    assert verb == "outsell" and "tessel" in doer and "korvo" in done


def test_an_irregular_past_the_tagger_reads_as_present_gets_its_lemma(analyzer):
    # "outsold" tagged VBP keeps its form under the rule lemmatizer; the exception table
    # knows it (nlp/lemmas.py)
    facts = analyzer.analyze("Last year Tessel tablets outsold Korvo phones.", DL)
    assert "outsell" in facts.predicates


@pytest.mark.parametrize(
    ("claim", "source", "stance"),
    [
        (
            "Last year Korvo phones outsold Tessel tablets.",
            "Last year Tessel tablets managed to outsell Korvo phones.",
            Stance.REFUTES,
        ),
        (
            "Ivo Brandt replaced Mara Quell as chief executive of Dunmore.",
            "Ivo Brandt was replaced by Mara Quell as chief executive of Dunmore.",
            Stance.REFUTES,
        ),
        # the same way round, through the passive: no swap
        (
            "Mara Quell replaced Ivo Brandt as chief executive of Dunmore.",
            "Ivo Brandt was replaced by Mara Quell as chief executive of Dunmore.",
            Stance.SUPPORTS,
        ),
    ],
)
def test_the_parties_the_other_way_round_refute(analyzer, claim, source, stance):
    out = compare(analyzer.analyze(claim, DL), analyzer.analyze(source, DL), 0.8)
    assert out.stance == stance
    if stance == Stance.REFUTES:
        assert out.rule == "roles_swapped" and "other way round" in out.rationale


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        (
            "Dunmore executives met Harlow officials in Oslo.",
            "Harlow officials met Dunmore executives in Oslo.",
        ),
        # a verb that can run both ways at once
        (
            "Brevikia accused Kestrelia of breaking the ceasefire.",
            "Kestrelia accused Brevikia of breaking the ceasefire.",
        ),
        # one word in common is not the same party
        (
            "The finance ministry criticised the central bank on Monday.",
            "Central bank officials criticised finance ministry spending plans on Monday.",
        ),
    ],
)
def test_only_a_one_way_verb_with_the_same_parties_is_swapped(analyzer, claim, source):
    out = compare(analyzer.analyze(claim, DL), analyzer.analyze(source, DL), 0.8)
    assert out.rule != "roles_swapped"


def test_a_base_form_keeps_its_own_lemma(analyzer):
    """'did not ground the fleet' is 'ground', not 'grind' (an irregular past of another
    verb), so a negation is still read."""
    out = compare(
        analyzer.analyze("Regulators did not ground the Dunmore fleet.", DL),
        analyzer.analyze("Regulators grounded the Dunmore fleet.", DL),
        0.8,
    )
    assert out.stance == Stance.REFUTES and out.rule == "negation_flip"
