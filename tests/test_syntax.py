"""nlp/syntax.py: what the parse says about a value and a sentence (the counted noun, the
word a value attaches to, the arguments of its verb, a duration's role, attribution)."""

from __future__ import annotations

import pytest

from factcheck.nlp import designations, duration_roles, syntax


@pytest.fixture(scope="module")
def parse(analyzer):
    return analyzer.nlp


def _at(text: str, part: str) -> tuple[int, int]:
    i = text.index(part)
    return i, i + len(part)


def test_the_noun_a_number_counts(parse):
    text = "Around 3 million households were left without power."
    assert syntax.counted_noun(parse(text), *_at(text, "3 million"), False) == "household"
    text = "Sales fell in 2014."
    assert syntax.counted_noun(parse(text), *_at(text, "2014"), False) == ""


def test_an_elided_noun_is_found_looking_back_only_when_asked(parse):
    text = "The mayors held a 40-minute meeting, their third in two weeks."
    doc = parse(text)
    assert syntax.counted_noun(doc, *_at(text, "third"), True) == "meeting"
    assert syntax.counted_noun(doc, *_at(text, "third"), False) == ""


def test_a_value_attaches_to_its_noun_or_verb(parse):
    text = "The mayors held a 40-minute meeting, their third in two weeks."
    assert syntax.anchor(parse(text), *_at(text, "40-minute")) == "meeting"
    text = "The rebels burned the port in 2019."
    assert syntax.anchor(parse(text), *_at(text, "2019")) == "burn"
    text = "The strike began in 2019."  # an event verb: the event is its subject
    assert syntax.anchor(parse(text), *_at(text, "2019")) == "strike"
    # ... for a date or a length of time only: a figure is the verb's own
    text = "The Harlow index closed at 4,907.20."
    assert syntax.anchor(parse(text), *_at(text, "4,907.20"), timed=False) == "close"
    # "since" tagged a conjunction used as a preposition: through it, as through "in"
    text = "It was the firm's first annual loss since 1998."
    assert syntax.anchor(parse(text), *_at(text, "1998")) == "loss"
    text = "The Falcon has been built in Australia since 1960."
    assert syntax.anchor(parse(text), *_at(text, "1960")) == "build"


def test_a_duration_is_a_length_or_a_span_between_events(parse):
    text = "The mayors held a 40-minute meeting, their third in two weeks."
    doc = parse(text)
    assert duration_roles.duration_role(doc, *_at(text, "40-minute")) == "length"
    assert duration_roles.duration_role(doc, *_at(text, "two weeks")) == "span"
    text = "Shares fell three days ago."
    assert duration_roles.duration_role(parse(text), *_at(text, "three days")) == "span"


@pytest.mark.parametrize(
    ("text", "duration", "role"),
    [
        # "for" hung on a superlative or "first", or a noun one marks: how far back a record
        # goes
        ("The mill posted a profit, its first gain for six years.", "six years", "record"),
        ("The index closed at its lowest for a decade.", "a decade", "record"),
        ("It was the highest level for five years.", "five years", "record"),
        # elsewhere "for" gives a length
        ("The ministers talked for four hours.", "four hours", "length"),
        ("The mill has been the largest employer for 20 years.", "20 years", "length"),
        # "for" gives how long it went on, whatever word comes before or after the length
        ("He sat in a cell for the next 30 hours.", "30 hours", "length"),
        ("Police held Roe for 48 hours before releasing him.", "48 hours", "length"),
        # "after" a length says how long it went on before it ended
        ("The Harlow talks ended after six hours.", "six hours", "length"),
        ("Roe was released after three months in custody.", "three months", "length"),
        # "in" a length, in a clause about the future, is a term ahead, as "within" is
        ("The Harlow mine will reopen in six months.", "six months", "ahead"),
        ("The Harlow mine plans to reopen in six months.", "six months", "ahead"),
        # reported speech shifts "will" back to "would": still a term ahead
        ("Roe said the Harlow mine would reopen in six months.", "six months", "ahead"),
        # the time someone is given to do something is a deadline, a term ahead
        ("Harlow gave Dunmore two days to stop the broadcasts.", "two days", "ahead"),
        ("Dunmore has 30 days to form a partnership.", "30 days", "ahead"),
        ("It took three years to build the Harlow bridge.", "three years", "length"),
        ("The Harlow mine would reopen in six months if it were sold.", "six months", "span"),
        # what happened "in" a length is how long it took, unless the clause looks back
        # over a window (a superlative, an ordinal, a perfect)
        ("The Harlow mine reopened in six months.", "six months", "length"),
        ("Shares in Harlow fell 20% in three weeks.", "three weeks", "length"),
        ("Harlow fell to its lowest level in five years.", "five years", "record"),
        ("It marked the third strike in a decade.", "a decade", "span"),
        ("Shares in Harlow have fallen 20% in three weeks.", "three weeks", "span"),
        ("Shares in Harlow did not fall in three weeks.", "three weeks", "span"),
    ],
)
def test_for_after_a_superlative_opens_a_window(parse, text, duration, role):
    assert duration_roles.duration_role(parse(text), *_at(text, duration)) == role


@pytest.mark.parametrize(
    ("text", "duration"),
    [
        ("With 45 days until the vote, the campaign began.", "45 days"),
        ("The vote came 45 days before the count.", "45 days"),
        ("There were three weeks till the launch.", "three weeks"),
    ],
)
def test_a_length_until_an_event_is_an_offset_like_one_before_it(parse, text, duration):
    assert duration_roles.duration_role(parse(text), *_at(text, duration)) == "offset"


def test_the_arguments_of_the_verb_a_value_hangs_on(parse):
    text = "The meetings were scheduled for January 20."
    assert syntax.arguments(parse(text), *_at(text, "January 20")) == {"meeting"}
    text = "The council approved 12 projects."
    assert syntax.arguments(parse(text), *_at(text, "12")) == {"council", "project"}
    # a verb with no subject of its own, joined to one that has it, shares it
    text = "Dunmore reported losing $4.8 million in March and a total loss of $8.6 million."
    assert syntax.arguments(parse(text), *_at(text, "$8.6 million")) == {"dunmore"}
    text = "Dunmore said Harlow lost $8.6 million."
    assert "dunmore" not in syntax.arguments(parse(text), *_at(text, "$8.6 million"))
    # an infinitive clause with no subject of its own takes its head verb's
    text = "The index increased by 48.3 points to finish the day at a level of 5,210.17."
    assert "index" in syntax.arguments(parse(text), *_at(text, "5,210.17"))


def test_a_number_after_a_capitalised_name_belongs_to_the_name(parse):
    text = "Later the FTSE 100 fell 2%."
    assert designations.part_of_name(parse(text), text.index("100"))
    text = "Later the shop sold 100 bikes."
    assert not designations.part_of_name(parse(text), text.index("100"))
    text = "Later the airline ordered an A330-200 jet."
    assert designations.part_of_name(parse(text), text.index("200"))
    # a number with an owner's "'s" names a model: a count owns nothing
    text = "Orders took the 787's order book to 677."
    assert designations.part_of_name(parse(text), text.index("787"))
    assert not designations.part_of_name(parse(text), text.index("677"))


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("The plant will close in May, according to the union.", "the union"),
        ("Mayor Lena Ortiz said the bridge would reopen.", "Mayor Lena Ortiz"),
        ("She said the bridge would reopen.", None),  # a pronoun names nobody
        ("The bridge will reopen in May.", None),
        # no comma after the name: the parse joins it to the clause's subject
        ("According to Varga future Harlow ferries will be electric.", "Varga"),
    ],
)
def test_who_a_sentence_attributes_its_content_to(parse, text, who):
    assert syntax.attribution(parse(text)) == who


def test_frames_are_predicates_with_their_arguments(parse):
    got = dict(syntax.frames(parse("The council approved the budget after a long debate.")))
    assert got["approve"] == {"council", "budget"}


def test_a_names_word_is_not_read_as_its_synonym(parse, analyzer):
    """'People' in "the People's Republic" is part of a name, not the counted 'people' of
    "seat 400 people": a figure counting people is not compared with one counting ferries
    because the name happens to hold the word."""
    doc = parse("Officials from the People's Republic of China agreed to buy 12 ferries.")
    people = next(t for t in doc if t.text == "People")
    assert syntax.lemma(people) == "people"
    crowd = next(t for t in parse("The ferry will carry 400 people.") if t.text == "people")
    assert syntax.lemma(crowd) != "people"  # the synonym group's word (a common noun)
    from factcheck.rules.compare import compare
    from factcheck.types import Stance

    c = compare(
        analyzer.analyze("The new ferry will carry 400 people."),
        analyzer.analyze("Officials from the People's Republic of China agreed to buy 12 ferries."),
        0.6,
    )
    assert c.stance != Stance.REFUTES, c.rationale
