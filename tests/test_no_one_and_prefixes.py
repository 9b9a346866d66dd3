"""Issue #28, thirty-second round: negation by a word other than "not". A subject that
is no one ("No agreement was reached", "Nobody from the firm attended", "None of the
crew was hurt"), an object that is none ("paid no dividend"), "has yet to approve", and
an adjective negated by its prefix ("illegal", "unlikely") contradict the claim that
asserts it; "nobody but the mayor", "none other than" and "invaluable" do not. The rules
only, as benchmarks/rule_reviews.py runs them."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.types import Stance
from tests.helpers.assess import rule_stance

DL = dt.date(2025, 6, 13)


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (
            "A deal was reached at Friday's talks in Torsby.",
            "No deal was reached at Friday's talks in Torsby.",
        ),
        (
            "A lawyer for the firm attended the hearing.",
            "Nobody from the firm attended the hearing.",
        ),
        (
            "Several of the crew were injured in the blaze.",
            "None of the 12 crew was injured in the blaze.",
        ),
        (
            "The board has approved the Lindqvist merger.",
            "The board has yet to approve the Lindqvist merger.",
        ),
        (
            "Granholt Mining paid a dividend last year.",
            "Granholt Mining paid no dividend last year.",
        ),
        ("Inspectors found evidence of tampering.", "Inspectors found no evidence of tampering."),
        (
            "The tribunal ruled that the lockout was legal.",
            "The tribunal ruled that the lockout was illegal.",
        ),
        (
            "The treasurer said a tax rise in June was likely.",
            "A tax rise in June is unlikely, the treasurer said.",
        ),
        ("The panel found the levy constitutional.", "The panel found the levy unconstitutional."),
        (
            "Neither side could not score in the first half.",
            "Neither side could score in the first half.",
        ),
        # contrary predicates of the same things
        ("Ward managers criticised the rota plan.", "The rota plan was welcomed by ward managers."),
        ("Ola Brenn was granted bail.", "A Torsby judge denied bail to Ola Brenn on Tuesday."),
        ("Torsby won the cup final.", "Torsby lost the cup final to Brenna."),
        (
            "A jury convicted Ola Brenn of fraud.",
            "A jury acquitted Ola Brenn of fraud.",
        ),
        (
            "The assembly rejected the water bill.",
            "The assembly approved the water bill.",
        ),
        (
            "The nurses' union opposed the pay plan.",
            "The nurses' union backed the pay plan.",
        ),
        (
            "Torsby Council voted to increase funding for parks.",
            "Torsby Council voted to cut funding for parks.",
        ),
        (
            "Granholt reported a profit for the quarter.",
            "Granholt reported a loss for the quarter.",
        ),
        (
            "The ban on night trains is temporary.",
            "The ban on night trains is permanent.",
        ),
        (
            "Ebba Strand won the race for mayor.",
            "Ebba Strand lost the race for mayor.",
        ),
    ],
)
def test_negation_by_other_words_and_contraries_contradict(analyzer, claim, passage):
    stance, why = rule_stance(analyzer, claim, passage, DL)
    assert stance == Stance.REFUTES, why


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (
            "Mayor Ebba Strand attended the opening.",
            "None other than Mayor Ebba Strand attended the opening.",
        ),
        ("The mayor voted against the levy.", "Nobody but the mayor voted against the levy."),
        ("The driver was hurt in the crash.", "No one except the driver was hurt in the crash."),
        ("The firm has not yet made a decision.", "The firm has yet to make a decision."),
        (
            "Granholt Mining reported a loss for the year.",
            "Granholt Mining reported no profit for the year.",
        ),
        ("The fighting near Torsby was tense.", "The fighting near Torsby was intense."),
        ("The archive was valuable to historians.", "The archive was invaluable to historians."),
        # a bound on a figure; anybody under a negation
        (
            "Officials said no fewer than 41 people were hurt.",
            "The blast hurt 41 or more people, officials said.",
        ),
        (
            "Ivo Stark said it was a hard day that nobody could be ready for.",
            '"This is a hard day for us and not a day anybody can be ready for," said Ivo Stark.',
        ),
        # contraries of other times or other things
        (
            "Inflation slowed in February.",
            "Inflation accelerated in January, the statistics office said.",
        ),
        (
            "The jury acquitted Ola Brenn of murder.",
            "The jury convicted Ola Brenn of manslaughter.",
        ),
        ("The bank raised its inflation forecast.", "The bank lowered its growth forecast."),
        # a prefixed adjective before another noun; a prefix that negates nothing
        (
            "The museum is dependent on city grants.",
            "An independent audit found the museum relies on city grants.",
        ),
        (
            "Officials said the island is still habitable.",
            "The island is still inhabitable, officials said.",
        ),
        # "killed no one" says what "Nobody died" says
        (
            "Nobody died in the blast.",
            "The blast injured 12 people but killed no one, police said.",
        ),
        # contraries said of other things, or both said
        ("Torsby lost to Brenna.", "Brenna won the match against Torsby."),  # a converse
        ("Halden beat Orvik 3-1.", "Orvik lost 3-1 to Halden."),  # a converse
        (
            "Granholt reported a profit for the quarter.",
            "Granholt reported a profit for the quarter, after a loss a year ago.",
        ),
        (
            "The assembly rejected the water bill.",
            "The assembly rejected the water bill after the senate approved it.",
        ),
        (
            "Shares in Granholt rose on Monday.",
            "Shares in Granholt rose early on Monday but fell back later.",
        ),
    ],
)
def test_what_only_looks_negated_or_contrary_does_not_contradict(analyzer, claim, passage):
    stance, why = rule_stance(analyzer, claim, passage, DL)
    assert stance != Stance.REFUTES, why
