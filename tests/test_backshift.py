"""Reported speech against the speaker's own words (nlp/backshift.py): the person and the
tense that reported speech shifts are not a change of wording."""

from __future__ import annotations

import pytest

from factcheck.nlp.backshift import reported_in
from factcheck.nlp.speech import claimed_statement
from factcheck.types import Stance
from tests.helpers.assess import assessed


@pytest.mark.parametrize(
    ("claim", "passage", "found"),
    [
        (
            "Roe said she was disappointed with the council's ruling.",
            "\"Like many farmers, I am disappointed with the council's ruling on the canal.",
            True,
        ),
        (
            "Roe said that she would not resign from the board.",
            '"I will not resign from the board," Roe said.',
            True,
        ),
        ("Roe said she was proud of her team.", 'Roe said: "We are proud of our team."', True),
        (
            "Roe said she was really proud of it.",
            '"It is a good deal and I\'m really proud of it."',
            True,
        ),
        # another person's pride, another verb, or too few words: not the same words
        ("Roe said they were proud of the deal.", '"He is proud of the deal," Roe said.', False),
        ("Roe said she was sorry about the deal.", '"I am proud of the deal," Roe said.', False),
        ("Roe said she was proud.", '"I am proud," Roe said.', False),
        # the same words, unshifted: the verbatim rule's case
        ("Roe said the team won the cup.", '"The team won the cup," Roe said.', False),
    ],
)
def test_reported_speech_is_the_speakers_words_shifted(analyzer, claim, passage, found):
    c = analyzer.analyze(claim)
    assert reported_in(c, claimed_statement(c), analyzer.analyze(passage), 4) is found


def test_backshifted_words_decide_by_their_speaker(analyzer):
    from factcheck.rules.speakers import verbatim_statement
    from factcheck.thresholds import DEFAULT

    claim = "Ann Roe said she was disappointed with the council's ruling."
    quote = '"I am disappointed with the council\'s ruling on the canal," Ann Roe said.'
    a, t = assessed(analyzer, claim, quote)
    out = verbatim_statement(a, None, t)
    assert out is not None and out.stance == Stance.SUPPORTS
    other = quote.replace("Ann Roe", "Mayor Tom Berg")
    a, t = assessed(analyzer, claim, other)
    out = verbatim_statement(a, None, DEFAULT)
    assert out is not None and out.stance == Stance.REFUTES
