"""opposites.prefix_negated: a word one text negates by a prefix ("non-binding") and the
other has bare ("was binding")."""

from __future__ import annotations

import datetime as dt

from factcheck.rules.compare import compare
from factcheck.rules.opposites import prefix_flip
from factcheck.types import Stance

DL = dt.date(2012, 4, 3)
SOURCE = "The Harlow board issued a non-binding ruling that Dunmore reopen the tender."


def test_a_word_negated_by_a_prefix_against_the_bare_word(analyzer):
    claim = analyzer.analyze(
        "The Harlow board's ruling that Dunmore reopen the tender was binding.", DL
    )
    source = analyzer.analyze(SOURCE, DL)
    assert prefix_flip(claim, source) == "binding"
    out = compare(claim, source, 0.8)
    assert out.stance == Stance.REFUTES and out.rule == "prefix_negated", out.rationale


def test_both_bare_both_prefixed_or_both_present_is_no_flip(analyzer):
    def flip(a, b):
        return prefix_flip(analyzer.analyze(a, DL), analyzer.analyze(b, DL))

    assert flip("The ruling was non-binding.", SOURCE) is None
    assert flip("The board issued a ruling.", SOURCE) is None
    # a text with the word both ways says neither
    assert flip("The ruling was binding.", "A non-binding ruling replaced the binding one.") is None
    # a prefix without its hyphen is a word of its own ("nonprofit", "nonetheless")
    assert flip("The group made a profit.", "The nonprofit group reported a loss.") is None
    # ... and a name's adjective is no word it negates
    assert flip("Muslim pilgrims flew to Jeddah.", "Non-Muslim pilgrims flew to Jeddah.") is None
