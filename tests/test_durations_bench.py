"""benchmarks/durations.py: the lengths of time it finds in a sentence and the claims it
writes from them."""

import random

import pytest

from benchmarks.durations import build_cases, changed, kept, lengths


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The talks lasted 90 minutes.", ["90 minutes"]),
        ("It ended a 41-year history.", ["41-year"]),
        ("She spent twelve years there and two weeks at sea.", ["twelve years", "two weeks"]),
        ("A 19-year-old man was arrested.", []),  # an age
        ("The man, 19 years old, was arrested.", []),
        ("Pupils aged 8-20 years were surveyed.", []),
        ("It cost 40 dollars.", []),
    ],
)
def test_lengths_of_time_and_not_ages(text, found):
    assert [m.group() for m in lengths(text)] == found


def test_a_length_kept_is_the_same_length_in_other_words():
    text = "The strike lasted two years."
    m = lengths(text)[0]
    outs = {kept(text, m, random.Random(s)) for s in range(20)}
    assert outs == {
        ("The strike lasted 24 months.", "kept/unit"),
        ("The strike lasted 2 years.", "kept/words"),
    }


def test_a_length_changed_keeps_its_unit():
    text = "It ended a 41-year history and lasted one day."
    first, second = lengths(text)
    assert changed(text, first) == "It ended a 82-year history and lasted one day."
    assert changed(text, second) == "It ended a 41-year history and lasted 3 days."


def test_each_sentence_gives_a_refuted_claim_and_at_most_one_supported():
    cases = build_cases([("The talks lasted 90 minutes.", "a.txt", None)])
    assert sorted(c.label for c in cases) == ["REFUTED"]  # 90 has no words form here
    cases = build_cases([("The talks lasted three hours.", "a.txt", None)])
    assert sorted(c.label for c in cases) == ["REFUTED", "SUPPORTED"]
