"""nlp/levels.py: a figure as the level something reached or as the change that took it
there; the two are never counterparts (rules/align.py) and a level has no direction."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.nlp.levels import figure_role
from factcheck.rules.align import align
from factcheck.rules.direction import direction

DL = dt.date(2012, 4, 3)


def _roles(analyzer, text):
    f = analyzer.analyze(text, DL)
    return {x.value.text: figure_role(f.text, x.value, f.spans, f.vocabulary) for x in f.found}


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        (
            "The Harlow index increased by 48.3 points to close at 5,210.17.",
            {"48.3": "change", "5,210.17": "level"},
        ),
        (
            "The Harlow index gained 71.35 points to a level of 5,783.23.",
            {"71.35": "change", "5,783.23": "level"},
        ),
        ("Dunmore's sales fell 49% in March, and were up 2% in April.", {"49%": "change"}),
        (
            "Dunmore sold 300 cars and posted a loss of $8.6 million.",
            {"300": "", "$8.6 million": ""},
        ),
        # a bare "at" is no level: "at 7.3%" is the size of the fall
        ("This, at 7.3%, is the eleventh largest fall in its history.", {"7.3%": ""}),
        ("The Harlow index closed at 4,907.20.", {"4,907.20": "level"}),
        # the level a change started from is a level too
        (
            "Dunmore's profit rose to $1.4 billion from $1.1 billion.",
            {"$1.4 billion": "level", "$1.1 billion": "level"},
        ),
        ("Its staff fell to 9,800 from 11,000.", {"9,800": "level", "11,000": "level"}),
        ("The Harlow index currently has a value of 9936.94 points.", {"9936.94": "level"}),
    ],
)
def test_the_words_before_a_figure_make_it_a_level_or_a_change(analyzer, text, roles):
    got = _roles(analyzer, text)
    assert {k: got[k] for k in roles} == roles
    if "April" in text:
        assert got["2%"] == "change"


def test_a_level_is_never_the_counterpart_of_a_change(analyzer):
    """ "closed at 4,907.20" is the index's level: against "rose by 48.3 points to finish the
    day at a level of 5,210.17" it pairs with the level (and disagrees), never with the
    change, whatever words the change shares."""
    claim = analyzer.analyze("The Harlow index closed at 4,907.20.", DL)
    passage = analyzer.analyze(
        "The Harlow index closed higher, rising by 48.3 points to finish at 5,210.17.", DL
    )
    pairs = {c.claim.text: c.passage.text for c in align(claim, passage)}
    assert pairs.get("4,907.20") in (None, "5,210.17")
    assert (
        direction(passage, next(f.value for f in passage.found if f.value.text == "5,210.17")) == 0
    )


def test_two_levels_are_one_event_however_the_verb_words_it(analyzer):
    """ "closed at 4,907.20" and "finish the day at a level of 5,210.17": where the index
    stood that day, told with other verbs; the two pair and disagree."""
    claim = analyzer.analyze("The Harlow index closed at 4,907.20.", DL)
    passage = analyzer.analyze(
        "The Harlow index increased by 48.3 points to finish the day at a level of 5,210.17.",
        DL,
    )
    (pair,) = [c for c in align(claim, passage) if c.claim.text == "4,907.20"]
    assert pair.passage.text == "5,210.17" and not pair.agree and pair.anchored


def test_a_change_is_not_disputed_by_the_level_it_started_from(analyzer):
    from factcheck.rules.compare import compare
    from factcheck.types import Stance

    c = compare(
        analyzer.analyze("Dunmore's profit rose by $300 million.", DL),
        analyzer.analyze("Dunmore's profit rose to $1.4 billion from $1.1 billion.", DL),
        0.8,
    )
    assert c.stance != Stance.REFUTES, c.rationale


def test_a_figure_per_a_unit_of_time_is_no_total(analyzer):
    """ "600 million euros a year" and "3 billion euros over five years" are figures of
    two things (a yearly sum and a total): neither disputes the other."""
    from factcheck.rules.compare import compare
    from factcheck.types import Stance

    def stance(claim, passage):
        return compare(analyzer.analyze(claim, DL), analyzer.analyze(passage, DL), 0.8)

    c = stance(
        "Tarn will spend 400 million euros a year on rail.",
        "Tarn's budget sets aside 2 billion euros for rail over five years.",
    )
    assert c.stance != Stance.REFUTES, c.rationale
    c = stance("The pill costs $9,000.", "The pill costs $750 a month, its maker said.")
    assert c.stance != Stance.REFUTES, c.rationale
    # a multiple of a rate is a rate too
    c = stance(
        "New dockers earn about $14 an hour.",
        "Dockers earn $28 an hour; new ones will earn about half that.",
    )
    assert c.stance == Stance.SUPPORTS, c.rationale
    # two figures per the same unit are still compared
    c = stance("The pill costs $900 a month.", "The pill costs $750 a month, its maker said.")
    assert c.stance == Stance.REFUTES, c.rationale
