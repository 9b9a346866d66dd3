"""rules/direction.py: the same figure said to rise in one text and to fall in the other."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.rules.compare import compare
from factcheck.rules.direction import direction
from factcheck.types import Stance

DL = dt.date(2021, 3, 9)
SOURCE = "The Kestrel 25 index gained 31.4 points, or 1.2%, to close at 2,610.5 on Tuesday."


def _cmp(analyzer, claim: str, passage: str = SOURCE):
    return compare(analyzer.analyze(claim, DL), analyzer.analyze(passage, DL), 0.7)


@pytest.mark.parametrize(
    "claim",
    [
        "The Kestrel 25 index fell 31.4 points on Tuesday.",
        "On Tuesday the Kestrel 25 dropped 1.2%.",
        "The Kestrel 25 index lost 31.4 points on Tuesday.",
    ],
)
def test_a_figure_said_to_fall_where_the_source_says_it_rose_is_refuted(analyzer, claim):
    c = _cmp(analyzer, claim)
    assert c.stance == Stance.REFUTES and " down; source says up" in c.rationale, c.rationale


def test_the_same_direction_in_other_words_is_not_refuted(analyzer):
    c = _cmp(analyzer, "The Kestrel 25 index climbed 31.4 points on Tuesday.")
    assert c.stance != Stance.REFUTES, c.rationale


def test_a_figures_own_word_says_its_direction_and_else_words_of_both_say_neither(analyzer):
    facts = analyzer.analyze("Exports fell 5% while imports rose 3%.", DL)
    assert [direction(facts, f.value) for f in facts.found] == [-1, 1]
    facts = analyzer.analyze("The fall in exports and the rise in imports came to 5%.", DL)
    assert [direction(facts, f.value) for f in facts.found] == [0]
    for text, way in [
        ("The firm's profit fell 20%.", -1),  # its verb, not the noun it is of
        ("The deficit rose 5%.", 1),
        ("The firm posted a profit of $15 billion.", 1),  # an amount gained or lost
        ("The firm posted a loss of $15 billion.", -1),
    ]:
        facts = analyzer.analyze(text, DL)
        assert direction(facts, facts.found[0].value) == way, text
    up = analyzer.analyze("Sales jumped 12% in May.", DL)
    assert direction(up, up.found[0].value) == 1


def test_a_difference_said_the_other_way_is_refuted(analyzer):
    """A difference has a direction too: "20 fewer seats" is not "20 extra seats"."""
    source = "The 20 extra seats the Kestrel jet offers over a similar Heron jet decided it."
    c = _cmp(analyzer, "The Kestrel jet offers 20 fewer seats than a similar Heron jet.", source)
    assert c.stance == Stance.REFUTES and "20 seat down" in c.rationale, c.rationale
    c = _cmp(analyzer, "The Kestrel jet offers 20 additional seats over a Heron jet.", source)
    assert c.stance != Stance.REFUTES, c.rationale
    up = analyzer.analyze("The index closed 48.3 points higher.", DL)
    assert direction(up, up.found[0].value) == 1
    few = analyzer.analyze("Sales rose 5% in a few weeks.", DL)  # "a few" is no direction
    assert direction(few, few.found[0].value) == 1


def test_a_level_a_change_reached_has_no_direction(analyzer):
    """ "fell to $2.7 billion" gives the level reached: "a profit of $2.7 billion" agrees."""
    c = _cmp(
        analyzer,
        "The firm's profit fell to $2.7 billion in 2020.",
        "The firm posted a profit of $2.7 billion in 2020.",
    )
    assert c.stance != Stance.REFUTES, c.rationale
    facts = analyzer.analyze("The surplus fell to $40 billion.", DL)
    assert direction(facts, facts.found[0].value) == 0


def test_a_word_of_rising_or_falling_belongs_to_its_nearest_figure(analyzer):
    """ "an additional $5 billion on top of the four billion it has received" says the
    five billion is added, not the four; "the $4 billion it was given, and plans to cut
    3,000 jobs" cuts jobs, not the four billion. A figure restated ("31.4 points, or
    1.2%") shares its direction."""
    passage = analyzer.analyze(
        "Tern asked for an additional $5 billion on top of the four billion it received.", DL
    )
    four = next(v for v in passage.values if v.text == "four billion")
    assert direction(passage, four) == 0
    claim = analyzer.analyze(
        "Tern asked for $5 billion more on top of the $4 billion it was given, and plans to"
        " cut 3,000 jobs.",
        DL,
    )
    given = next(v for v in claim.values if v.text == "$4 billion")
    assert direction(claim, given) == 0
    c = _cmp(
        analyzer,
        "Tern asked for a further $5 billion on top of the $4 billion it has been given, and"
        " plans to cut 3,000 jobs.",
        "Tern has asked for an additional $5 billion in aid on top of the four billion it has"
        " already received, saying that it plans to fire three thousand employees.",
    )
    assert c.stance != Stance.REFUTES, c.rationale


FARE = "Tern Ferries kept the island fare unchanged at $12 for the summer season."


@pytest.mark.parametrize(
    ("claim", "source", "said"),
    [
        ("Tern Ferries raised the island fare to $12 for the summer season.", FARE, "changed"),
        # the other way round: the claim says it stayed, the source that it moved
        (
            "Tern Ferries' island fare stayed at $12 for the summer season.",
            "Tern Ferries raised the island fare to $12 for the summer season.",
            "unchanged",
        ),
        # "same" is a stop word: read among the words just before the figure
        (
            "Tern Ferries raised the price of its Selkie ticket to $79.",
            "Tern Ferries' Selkie ticket comes in five new colours, with the same price of $79.",
            "changed",
        ),
    ],
)
def test_a_figure_said_to_move_where_the_other_says_it_stayed_is_refuted(
    analyzer, claim, source, said
):
    c = _cmp(analyzer, claim, source)
    assert c.stance == Stance.REFUTES and f" {said}; source says " in c.rationale, c.rationale


def test_the_level_a_rise_reached_is_not_the_level_a_fall_reached(analyzer):
    up = "Tern Ferries raised the island fare to $12 for the summer season."
    c = _cmp(analyzer, "Tern Ferries cut the island fare to $12 for the summer season.", up)
    assert c.stance == Stance.REFUTES and " down; source says up" in c.rationale, c.rationale
    c = _cmp(analyzer, "Tern Ferries increased the island fare to $12 for the summer season.", up)
    assert c.stance != Stance.REFUTES, c.rationale


@pytest.mark.parametrize(
    "source",
    [
        "Tern Ferries charges $12 for the island fare in the summer season.",
        "Tern Ferries charges a flat fee of $12 for the island fare in the summer season.",
        # no word of staying: a level alone says nothing of a change
        "Tern Ferries' island fare is $12 for the summer season.",
    ],
)
def test_a_level_without_a_word_of_staying_does_not_dispute_a_change(analyzer, source):
    c = _cmp(analyzer, "Tern Ferries raised the island fare to $12 for the summer season.", source)
    assert c.stance != Stance.REFUTES, c.rationale


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        # a word naming an amount is no move: "the loss came to" is no fall
        (
            "Acme's losses rose to $5 billion last year.",
            "Acme's net loss came to $5 billion last year.",
        ),
        (
            "The budget deficit grew to $400 billion.",
            "The budget deficit amounted to $400 billion.",
        ),
        # a word of staying said of something else than the figure
        ("The number of missing people rose to 40.", "Officials said 40 people remain missing."),
        ("Zelmart cut 300 jobs at Tern.", "The remaining 300 jobs at Tern will stay in Ohio."),
        (
            "Zelmart's sales rose to $5 billion in the quarter.",
            "Zelmart's sales in the same quarter were $5 billion, up 12% from a year earlier.",
        ),
    ],
)
def test_words_of_amount_or_of_staying_elsewhere_do_not_refute(analyzer, claim, source):
    c = _cmp(analyzer, claim, source)
    assert c.stance != Stance.REFUTES, c.rationale


@pytest.mark.parametrize(
    ("claim", "source", "stance"),
    [
        # a rate's or a gap's move says its direction as a rise or a fall does
        ("Prices in Tarn slowed to 3.1%.", "Prices in Tarn accelerated to 3.1%.", Stance.REFUTES),
        (
            "The Tarn deficit narrowed by $2 billion.",
            "The Tarn deficit widened by $2 billion.",
            Stance.REFUTES,
        ),
        ("Tarn shares eased 4%.", "Tarn shares climbed 4%.", Stance.REFUTES),
        ("Kestrel cut 500 jobs.", "Kestrel shed 500 jobs.", Stance.SUPPORTS),
        ("Tarn shares fell 4%.", "Tarn shares retreated 4%.", Stance.SUPPORTS),
    ],
)
def test_words_of_a_rate_or_a_gap_moving_say_its_direction(analyzer, claim, source, stance):
    c = _cmp(analyzer, claim, source)
    assert c.stance == stance, c.rationale
