"""rules/naming.py: which of a claim's names a passage names."""

from __future__ import annotations

import pytest

from factcheck.rules.naming import entity_cover


@pytest.mark.parametrize(
    ("claim", "passage", "missing"),
    [
        (
            "The council paid another $2 million, with the backing of Orvikson.",
            "The council, advised by Orvik Bank, paid another $2 million.",
            "Orvikson",
        ),
        (
            "Harlow's depot was sold to Motorvikka for $2 million.",
            "Harlow's motor depot was sold for $2 million.",
            "Motorvikka",
        ),
    ],
)
def test_a_longer_name_that_only_starts_with_a_word_of_the_passage_is_not_named(
    analyzer, claim, passage, missing
):
    """ "Orvikson" is not "Orvik", nor "Motorvikka" the "motor" depot: a name that goes on
    from a whole word of the passage with more than a plural or a people's name ending is
    another name."""
    share, names = entity_cover(analyzer.analyze(claim), analyzer.analyze(passage), None)
    assert missing in [e.text for e in names], share


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (
            "Orvik Bank's advisers backed the council's $2 million payment.",
            "The council, advised by Orvik Bank, paid another $2 million.",
        ),
        (
            "The Crimean parliament voted on Sunday.",
            "The parliament of the Republic of Crimea voted on Sunday.",
        ),
        ("Shares in Kestrel Motors fell 4%.", "Shares in Kestrel Motor Company fell 4%."),
        (
            "The Canadian Space Agency confirmed the launch.",
            "The space agency of Canada confirmed the launch.",
        ),
        # two spellings of one name; a company's name clipped, anchored by its other word
        ("Talks with Zelensky ended on Monday.", "Talks with Volodymyr Zelenskiy ended Monday."),
        ("Kestrel Telecom cut 500 jobs.", "Kestrel Telecommunications Group cut 500 jobs."),
    ],
)
def test_a_plural_a_possessive_or_a_peoples_name_is_the_same_name(analyzer, claim, passage):
    assert entity_cover(analyzer.analyze(claim), analyzer.analyze(passage), None) == (1.0, ())
