"""naming.sibling and compare's figure_of_a_sibling: a passage that names another member of
the claim's family ("the Zephyr Mini" against "the Zephyr Max") gives that member's figures,
which do not contradict the claim's."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.rules.compare import compare
from factcheck.rules.naming import sibling
from factcheck.types import Stance

DL = dt.date(2019, 3, 14)


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        (
            "Corvane priced the 64GB Zephyr Max at $349.",
            "The Zephyr Mini keeps its design, with the same price of $129.",
            ("Zephyr Mini", "Zephyr Max"),
        ),
        # the parser's name stops at the brand; the model word after it is part of it
        (
            "The 16GB version of the new zPad touch is priced at $399.",
            "The zPad Shuffle is now available in new colours, priced at $79.",
            ("The zPad Shuffle", "zPad touch"),
        ),
        (
            "Northern Rail carried 4 million passengers last year.",
            "Southern Rail carried 6 million passengers last year.",
            ("Southern Rail", "Northern Rail"),
        ),
    ],
)
def test_a_name_sharing_a_word_with_another_beside_it_is_a_sibling(
    analyzer, claim, passage, expected
):
    assert sibling(analyzer.analyze(claim, DL), analyzer.analyze(passage, DL)) == expected


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        # the claim's own word is in the passage: both members are named
        ("Corvane priced the Zephyr Max at $349.", "The Zephyr Max and the Zephyr Mini cost $129."),
        # a fuller name of the same company
        ("Corvane sold the Zephyr for $129.", "Corvane Inc. sold the Zephyr for $149."),
        # the passage's extra word is on the other side of the shared word
        ("The Halden superjumbo seats 555 people.", "The Airvane Halden seats 525 people."),
        # the passage names the claim's own one too
        (
            "Corvane Motors sold 500,000 cars in 2009.",
            "Corvane, whose sister firm Corvane Finance lends to buyers, sold 450,000 cars.",
        ),
        # nothing beside the shared word in the claim
        ("Corvane sold 3 million units.", "Corvane Holdings sold 4 million units."),
        ("The new zPad is priced at $399.", "The zPad Shuffle is priced at $79."),
        # only a brand in camel case takes a lower-case model word after it
        ("The Zelmart CEO said sales rose 8%.", "Zelmart Holdings said sales rose 9%."),
        # the claim's words are no name: a sentence's first word, or a name and its verb
        ("New aircraft cost Corvane $5 million.", "New Halden Airways paid $7 million."),
        ("Zephyr introduced 3 models.", "Zephyr Holdings introduced 4 models."),
    ],
)
def test_a_fuller_name_or_both_members_named_is_no_sibling(analyzer, claim, passage):
    assert sibling(analyzer.analyze(claim, DL), analyzer.analyze(passage, DL)) is None


def test_a_siblings_figure_does_not_refute(analyzer):
    claim = analyzer.analyze("Corvane priced the 64GB Zephyr Max at $349.", DL)
    other = analyzer.analyze("The Zephyr Mini is now available with the same price of $129.", DL)
    out = compare(claim, other, 0.6, None)
    assert out.stance == Stance.NEUTRAL
    assert "Zephyr Mini" in out.rationale and "Zephyr Max" in out.rationale
    # the same sentence about the claim's own member still refutes
    own = analyzer.analyze("The Zephyr Max is now available with the same price of $129.", DL)
    assert compare(claim, own, 0.6, None).stance == Stance.REFUTES
