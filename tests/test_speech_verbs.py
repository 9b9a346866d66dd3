"""Issue #28, thirty-third round: who said it, read from the shape of the sentence. A verb
of any word right after a quotation and its comma, with a person's name for its subject
beside it, attributes the quotation ('"...," continued Ida Berk'); a verb of evidence
reports a person's word where a person is its subject ("Ida Berk indicated that ..."),
and a study's evidence otherwise."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.types import Stance
from tests.helpers.assess import rule_stance

DL = dt.date(2025, 6, 13)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We will win the vote," continued Ida Berk.', "Ida Berk"),
        ("Kestrel's chief engineer, Ida Berk, indicated that the patch is free.", "Ida Berk"),
        ("She revealed that the deal with Orvane was off.", "She"),
    ],
)
def test_the_sentence_shape_names_the_speaker(analyzer, text, speaker):
    said = analyzer.analyze(text, DL).statements
    assert [s.speaker for s in said] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "Sales at Kestrel continued to grow in May.",
        "The Halden study indicated that prices rose.",
        "Figures revealed that sales at Orvane fell.",
        '"Prices rose," he continued to argue at the hearing in Halden.',
        # a pronoun's: who it is the passages before tell; a question; a report's
        '"The slump ended when we passed 8,000," he continued.',
        '"Will the Torsby plant close," asked Ida Berk.',
        '"Sales will fall," the Granholt report concluded.',
        # a person inside the subject is not its speaker; nor one who did not say it
        "A study by Ida Berk indicated that prices rose.",
        "Ida Berk's lawyer indicated that the deal was off.",
        "Ida Berk did not indicate whether the deal was off.",
    ],
)
def test_no_speaker_without_that_shape(analyzer, text):
    assert analyzer.analyze(text, DL).statements == ()


def test_a_figure_in_words_a_verb_of_evidence_gives_a_person_is_theirs(analyzer):
    passage = "Kestrel's chief engineer, Ida Berk, indicated that 4,000 units had been recalled."
    stance, why = rule_stance(
        analyzer, "Ivo Brask said 4,000 units had been recalled.", passage, DL
    )
    assert stance == Stance.REFUTES and "Ida Berk" in why, why
    stance, why = rule_stance(analyzer, "Ida Berk said 4,000 units had been recalled.", passage, DL)
    assert stance == Stance.SUPPORTS, why
