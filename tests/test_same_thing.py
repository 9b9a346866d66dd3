"""Which figures are about the same thing (issues #13 and #14): nouns the embedder finds
alike, a clause's subject as a figure's context, open-ended bounds, and a figure that one
passage states against another passage's figure."""

import datetime as dt

import numpy as np
import pytest

from factcheck.nlp.paraphrase import WordSimilarity, exact, value_words
from factcheck.rules.align import ValueCheck, align, bound, can_refute, states, values_agree
from factcheck.rules.assessment import Comparison
from factcheck.rules.compare import DEFAULT, compare
from factcheck.rules.corroborate import of_the_claims_time, stated_elsewhere
from factcheck.types import Stance, StanceProbs

DL = dt.date(2021, 12, 31)


class FakeEmbed:
    """Two-dimensional word vectors at chosen angles; counts its calls."""

    def __init__(self, vecs):
        self.vecs = vecs
        self.calls = []

    def __call__(self, words):
        self.calls.append(list(words))
        return [self.vecs.get(w, [0.0, 1.0]) for w in words]


def test_words_compare_by_embedding_only_once_primed():
    emb = FakeEmbed({"troop": [1.0, 0.0], "soldier": [0.9, 0.1], "weapon": [0.2, 0.9]})
    like = WordSimilarity(emb, threshold=0.7)
    assert not like("troop", "soldier")  # not primed: exact words and stems only
    assert like("crimea", "crimean") and like("troop", "troop")
    like.prime(["troop", "soldier", "weapon", ""])
    like.prime(["troop", "soldier"])  # known words are not embedded again
    assert emb.calls == [["soldier", "troop", "weapon"]]
    assert like("troop", "soldier") and not like("troop", "weapon")
    assert like.similarity("troop", "nothing") is None


def test_the_cache_keeps_the_latest_words():
    like = WordSimilarity(FakeEmbed({}), threshold=0.7, cache_size=2)
    like.prime(["a", "b"])
    like.prime(["c"])
    assert like.similarity("a", "c") is None and like.similarity("b", "c") is not None


@pytest.fixture(scope="module")
def words(embedder):
    return WordSimilarity(embedder.embed_documents, DEFAULT.word_paraphrase)


def _align(analyzer, words, claim, passage):
    c, p = analyzer.analyze(claim, DL), analyzer.analyze(passage, DL)
    words.prime(value_words([c, p]))
    return align(c, p, DEFAULT.weights, words)


def test_alike_nouns_let_equal_counts_agree(analyzer, words):
    (chk,) = _align(
        analyzer,
        words,
        "About 100,000 Russian soldiers are deployed near the border.",
        "Around 100,000 Russian troops are stationed along the border.",
    )
    assert chk.agree and not chk.same_noun


def test_alike_nouns_alone_do_not_let_a_count_refute(analyzer):
    """An embedder's 'alike' is loose ("aircraft" / "airlines"): a different figure with
    only that in common proves nothing."""
    c = analyzer.analyze("China ordered 60 aircraft from Boeing.", DL)
    p = analyzer.analyze("Six airlines joined the consortium.", DL)
    loose = align(c, p, DEFAULT.weights, lambda a, b: True)
    assert loose and all(x.alike_noun and not x.same_noun for x in loose)
    assert not any(can_refute(x) for x in loose)
    assert not align(c, p, DEFAULT.weights, exact)


def test_a_figure_near_the_claims_counted_noun_may_state_it_but_never_dispute_it(analyzer):
    """ "2 million tablet computers" restates "2 million tablets"; "five colours" near the
    word "tablet" counts colours, not the tablets sold."""
    c = analyzer.analyze("Lumo has sold 2 million tablets since the launch.", DL)
    same = analyzer.analyze("Lumo has sold 2 million tablet computers since the launch.", DL)
    other = analyzer.analyze("The tablet, sold since the launch, comes in five colours.", DL)
    assert [x.agree for x in align(c, same, DEFAULT.weights, exact)] == [True]
    assert not align(c, other, DEFAULT.weights, exact)


def test_alike_nouns_with_the_same_wording_refute(analyzer, words):
    """ "Some 50,000 Russian soldiers are stationed near the border" against "100,000
    Russian troops are stationed along the border": alike nouns, and the wording an exact
    noun would otherwise have supplied."""
    (chk,) = _align(
        analyzer,
        words,
        "Some 50,000 Russian soldiers are stationed near the Ukrainian border.",
        "Around 100,000 Russian troops are stationed along the country's border.",
    )
    assert chk.alike_noun and not chk.agree and can_refute(chk)


def test_a_figure_is_about_its_clause_subject(analyzer):
    """ "The meetings were scheduled for January 20" is about the meetings however far the
    words are; the passage's "meetings ... on January 10" is then the same event."""
    c = analyzer.analyze("The in-person meetings were scheduled for January 20.", DL)
    (x,) = c.found
    assert "meeting" in x.context and x.anchor == "schedule"
    p = analyzer.analyze(
        "Ahead of in-person meetings with high-ranking officials on January 10, there was"
        " no hiding the depth of disagreement.",
        DL,
    )
    (chk,) = align(c, p)
    assert not chk.agree and can_refute(chk)


@pytest.mark.parametrize(
    ("claim", "passage", "agree"),
    [
        ("538 people were wounded.", "At least 107 people were killed.", False),
        ("About 800 people left.", "At least one person left.", False),
        ("Over three million phones were sold.", "Over eight million phones were sold.", False),
        ("More than 100 people came.", "107 people came.", True),
        ("107 people came.", "At least 107 people came.", True),
        ("Around 100,000 troops massed.", "At least 100,000 troops massed.", True),
        ("Less than 50 people came.", "Up to 50 people came.", True),
        ("60 people came.", "More than 50 people came.", False),
        ("More than 50 people came.", "Fewer than 70 people came.", True),
        # a bound rounded to the claim's last significant place on its safe side
        ("At least 30 people drowned.", "At least 34 people drowned.", True),
        ("More than 200 people came.", "At least 236 people came.", True),
        ("Over $3 billion was lost.", "More than $3.7 billion was lost.", True),
        ("Fewer than 80 people came.", "Fewer than 73 people came.", True),
        ("At least 35 people drowned.", "At least 34 people drowned.", False),
        ("At least 20 people drowned.", "At least 34 people drowned.", False),
        ("Fewer than 70 people came.", "Fewer than 73 people came.", False),
    ],
)
def test_a_bound_is_the_figure_a_source_gives(analyzer, claim, passage, agree):
    (cv,) = analyzer.analyze(claim, DL).values
    (pv,) = analyzer.analyze(passage, DL).values
    assert values_agree(cv, pv) is agree


def test_only_open_ended_hedges_are_bounds(analyzer):
    def first(text):
        return analyzer.analyze(text, DL).values[0]

    assert bound(first("At least 107 people came.")) == 107
    assert bound(first("Up to 50 people came.")) == 50
    assert bound(first("About 50 people came.")) is None
    assert bound(first("50 people came.")) is None


@pytest.mark.parametrize(
    ("claim", "passage", "stated"),
    [
        ("Films priced below $9.99 sold.", "Films priced around $9.99 sold.", False),
        ("Films priced below $9.99 sold.", "Films priced at $5 sold.", True),
        ("More than 100 people came.", "About 100 people came.", False),
        ("More than 100 people came.", "About 120 people came.", True),
        ("More than 100 people came.", "At least 100 people came.", False),
        ("At least 100 people came.", "More than 100 people came.", True),
        ("More than 150 people came.", "Between 100 and 300 people came.", False),
        ("Fewer than 100 people came.", "More than 50 people came.", False),
        ("Up to 300 people came.", "Between 200 and 300 people came.", True),
        ("As many as 300 people came.", "About 300 people came.", True),
        ("100 people came.", "About 100 people came.", True),
        ("About 100 people came.", "More than 100 people came.", True),
        # "1000+" is read as copy reads it: more than 1,000
        ("More than a thousand people came.", "1000+ people came.", True),
        ("More than 50 people came.", "50-plus people came.", True),
    ],
)
def test_a_claims_bound_is_stated_only_by_a_figure_on_its_side(analyzer, claim, passage, stated):
    """Two figures that can both be true need not say the same: "around $9.99" does not
    say the price is below $9.99. A claim's open bound is stated by a passage's figure
    inside it (the figure an approximation names, or a whole range or bound)."""
    (cv,) = analyzer.analyze(claim, DL).values
    (pv,) = analyzer.analyze(passage, DL).values
    check = ValueCheck(cv, pv, values_agree(cv, pv))
    assert check.agree, "the pairs of this test can all be true together"
    assert states(check) is stated


def test_a_close_restatement_does_not_stand_in_for_the_model(analyzer):
    """A claim that restates a passage and adds one thing is as close to it as a faithful
    one: when the model calls the pair neutral, the cosine does not make it supported."""
    claim = "Apple Corps decided to take the case to the Court of Appeal."
    passage = "Apple Corps has decided to take its case to the Court of Appeal in London."
    c, p = analyzer.analyze(claim, DL), analyzer.analyze(passage, DL)
    assert compare(c, p, 0.94, StanceProbs(0.02, 0.01, 0.97)).stance == Stance.NEUTRAL
    assert compare(c, p, 0.94, StanceProbs(0.9, 0.05, 0.05)).stance == Stance.SUPPORTS


def _comparisons(analyzer, claim, passages, probs=None):
    c = analyzer.analyze(claim, DL)
    return [compare(c, analyzer.analyze(p, DL), 0.5, probs) for p in passages]


def test_a_figure_one_passage_states_is_not_refuted_by_another(analyzer):
    """The passage that states the claim's 47,000 leaves its consequence unstated; another
    passage's 54,000 is about something else, so it must not decide alone."""
    claim = "GM plans to lay off 47,000 employees, prompting an official investigation."
    states = "GM plans to lay off 47,000 employees and close five factories."
    other = "GM will cut 54,000 employees from its payroll by 2012."
    comps = _comparisons(analyzer, claim, [states, other])
    assert comps[0].stance == Stance.NEUTRAL and any(c.agree for c in comps[0].checks)
    assert comps[1].stance == Stance.REFUTES and comps[1].rule == "figure_mismatch"
    out = stated_elsewhere(comps, DEFAULT)
    assert out[0] == comps[0]
    assert out[1].stance == Stance.NEUTRAL and out[1].weight == 0.0
    assert "another passage states 47,000" in out[1].rationale
    # Alone, the contradiction stands: nothing states the claim's figure.
    assert stated_elsewhere(comps[1:], DEFAULT) == comps[1:]


def test_another_times_report_does_not_explain_away_the_claims_times_report(analyzer):
    """In a series of monthly reports, the report of the claim's month that gives another
    figure is not about something else because last year's report gave the claim's."""
    claim = analyzer.analyze("Nordvik's exports fell 21% in March 2019.", DL)
    last_year = analyzer.analyze("Nordvik reported a 21% fall in exports.", DL)
    this_month = analyzer.analyze("Nordvik said its exports declined 6.5%.", DL)
    comps = [compare(claim, last_year, 0.5), compare(claim, this_month, 0.5)]
    assert comps[1].stance == Stance.REFUTES
    when = [
        of_the_claims_time(claim, None, c, d, DEFAULT)
        for c, d in zip(comps, (dt.date(2018, 4, 2), dt.date(2019, 4, 2)), strict=True)
    ]
    assert when == [False, True]
    assert stated_elsewhere(comps, DEFAULT, of_its_time=when)[1].stance == Stance.REFUTES
    # Without the reports' times, the 21% explains the 6.5% away, as before.
    assert stated_elsewhere(comps, DEFAULT)[1].stance == Stance.NEUTRAL
    # Between two reports of other times, nothing changes.
    neither = stated_elsewhere(comps, DEFAULT, of_its_time=[False, False])
    assert neither[1].stance == Stance.NEUTRAL
    # An undated claim is of every report's time.
    undated = analyzer.analyze("Nordvik's exports fell 21%.", DL)
    assert of_the_claims_time(undated, None, comps[0], dt.date(2018, 4, 2), DEFAULT)


def test_a_supporting_passage_leaves_the_contradiction_to_the_verdict(analyzer):
    """Two passages that give one figure two ways are weighed by decide() (CONFLICTING
    when both hold up), not silenced here."""
    sup = Comparison(Stance.SUPPORTS, 0.9, "values match", (), ())
    ref = Comparison(Stance.REFUTES, 0.9, "claim says", (), (), rule="figure_mismatch")
    assert stated_elsewhere([sup, ref], DEFAULT) == [sup, ref]


def test_word_vectors_are_normalised():
    like = WordSimilarity(FakeEmbed({"a": [3.0, 0.0], "b": [0.0, 2.0]}), threshold=0.5)
    like.prime(["a", "b"])
    assert like.similarity("a", "a") == pytest.approx(1.0)
    assert like.similarity("a", "b") == pytest.approx(0.0)
    zero = WordSimilarity(FakeEmbed({"z": [0.0, 0.0]}), threshold=0.5)
    zero.prime(["z"])
    assert np.isfinite(zero.similarity("z", "z"))  # a zero vector does not divide by zero


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("AirTanker will supply 14 Airbus A330-200 aircraft.", ["14"]),
        ("The Su-27 squadron has 40 jets.", ["40"]),
        ("The team won 3-1 after 20 minutes.", ["3", "1", "20 minutes"]),
    ],
)
def test_a_model_number_after_a_code_counts_nothing(analyzer, text, figures):
    assert [x.value.text for x in analyzer.analyze(text, DL).found] == figures


def test_names_the_article_gave_before_count_near_a_figure(analyzer):
    """ "Biden and Putin spoke for 90 minutes" against "Both presidents ... after a
    50-minute phone discussion", whose article named them in its headline: the same
    event, although the passage itself never names them."""
    c = analyzer.analyze("Biden and Putin spoke for 90 minutes.", DL)
    p = analyzer.analyze("Both presidents expressed support after a 50-minute phone call.", DL)
    assert not [x for x in align(c, p) if can_refute(x)]
    named = frozenset({"biden", "putin"})
    (chk,) = align(c, p, named=named)
    assert not chk.agree and can_refute(chk)
    # A passage that names other people keeps them: the headline does not speak for it.
    other = analyzer.analyze("Macron and Scholz met after a 50-minute phone call.", DL)
    assert not [x for x in align(c, other, named=named) if can_refute(x)]


@pytest.mark.parametrize(
    ("claim", "passage", "agree"),
    [
        ("The 1995 crisis hurt 1,995 firms.", "The crisis hurt 1,998 firms.", False),
        ("Shares rose 2.4%.", "Shares rose 2.41%.", True),  # 2.4 may round 2.41
        ("The fund holds $1.5 million.", "The fund holds $1,503,000.", True),
        # a figure is what rounds to it in its last written digit, whichever text rounds
        ("Shares fell 14%.", "Shares fell 13.8%.", True),
        ("Shares rose 2.4%.", "Shares rose 2.43%.", True),
        ("Dunmore sold 1.5 million cars.", "Dunmore sold 1.46 million cars.", True),
        ("The index closed at 5,210.", "The index closed at 5,210.17.", True),
        ("Shares fell 14%.", "Shares fell 13.4%.", False),
        ("The depot holds 18 buses.", "The depot holds 17 buses.", False),
        ("Shares fell 15%.", "Shares fell 14%.", False),
        ("Dunmore sold 1.5 million cars.", "Dunmore sold 1.44 million cars.", False),
        # ... and the more digits written, the less it covers
        ("The index closed at 1,854.97.", "The index closed at 1847.27.", False),
        # ... never more than a share of itself: "3 billion" is no rounding of 2.6 billion
        ("It cost $3 billion.", "It cost $2.6 billion.", False),
        ("It cost $3 billion.", "It cost $2.9 billion.", True),
    ],
)
def test_a_figure_is_what_rounds_to_it_in_its_last_written_digit(analyzer, claim, passage, agree):
    cv = analyzer.analyze(claim, DL).values[-1]
    pv = analyzer.analyze(passage, DL).values[-1]
    assert values_agree(cv, pv) is agree


@pytest.mark.parametrize(
    ("text", "unreal"),
    [
        ("If the sale had gone through, the jets would have been delivered by 2011.", ["2011"]),
        ("The batteries would have expired after 30 days.", ["30 days"]),
        ("Analysts said it could have cost $5 billion.", ["$5 billion"]),
        ("The jets will be delivered in 2014.", []),
        ("The jets would have to be flown in by 2012.", []),  # an obligation, not a perfect
        ("He said the deal would cost $5 billion.", []),  # a prediction, reported
        ("By 2015 the firm will have invested $10 billion.", []),  # a future perfect
    ],
)
def test_a_modal_perfect_says_what_did_not_happen(analyzer, text, unreal):
    facts = analyzer.analyze(text, DL)
    assert [facts.text[a:b] for a, b in facts.unreal] == unreal


def test_what_would_have_happened_neither_states_nor_disputes_what_happened(analyzer):
    claim = "The first of the new jets will be delivered in 2011."
    if_then = "If the sale had gone through, the jets would have been delivered by 2011."
    c = compare(analyzer.analyze(claim, DL), analyzer.analyze(if_then, DL), 0.7)
    assert c.stance != Stance.SUPPORTS and not c.checks, c.rationale
    other = "If the sale had gone through, the jets would have been delivered by 2009."
    c = compare(analyzer.analyze(claim, DL), analyzer.analyze(other, DL), 0.7)
    assert c.stance != Stance.REFUTES and not c.checks, c.rationale


def test_a_precise_figure_the_same_in_both_pairs_without_a_shared_word(analyzer):
    claim = analyzer.analyze("The Harlow 50 closed at 6,318.42.", DL)
    source = analyzer.analyze("The share index gained 0.7% to finish the day at 6,318.42.", DL)
    (check,) = [c for c in align(claim, source, DEFAULT.weights) if c.claim.text == "6,318.42"]
    assert check.agree
    # ... to agree only: a different figure needs shared words to be compared
    other = analyzer.analyze("The share index gained 0.7% to finish the day at 6,102.55.", DL)
    assert not [c for c in align(claim, other, DEFAULT.weights) if c.claim.text == "6,318.42"]
    # ... and only a precise one: a round figure the same in both is often chance
    round_claim = analyzer.analyze("The Harlow 50 closed at 6,300.", DL)
    round_source = analyzer.analyze("The share index gained 0.7% to finish the day at 6,300.", DL)
    assert not align(round_claim, round_source, DEFAULT.weights)


def test_two_lengths_of_time_of_different_events_do_not_refute_each_other(analyzer, words):
    """A story gives lengths of time for many things; shared names and places around two
    of them ("worked fourteen-hour days" / "imprisoned for nine years") do not make them one
    event's, so neither refutes the other. The same event word does ("the crossing took
    nine hours" / "the crossing took nine days")."""
    checks = _align(
        analyzer,
        words,
        "Marta Lind claims that on board the Sundial she worked fourteen-hour days, from six"
        " in the morning until 8 pm.",
        "Marta Lind, a Swedish woman and former member, has claimed that the Orvik sect"
        " imprisoned her for nine years aboard the sect-owned cruise ship, Sundial.",
    )
    assert not any(can_refute(c) for c in checks), checks
    checks = _align(
        analyzer,
        words,
        "The ferry crossing to Tallinn took nine days.",
        "The ferry crossing to Tallinn took nine hours.",
    )
    assert any(can_refute(c) for c in checks), checks


def test_a_length_and_a_window_of_one_number_state_each_other_but_never_refute(analyzer):
    """ "Fell 4% in two hours" (how long the fall took) and "a 4% fall in two hours" (a
    window, by the parse) may be one figure: the same length states it; another refutes
    nothing, and a bound ("more than an hour") is no such figure."""
    from factcheck.rules.agree import compatible

    def dur(text):
        (v,) = [v for v in analyzer.analyze(text, DL).values if v.kind == "duration"]
        return v

    length = dur("The Harlow index fell 4% in two hours.")
    window = dur("It was the third fall of the Harlow index in two hours.")
    assert (length.role, window.role) == ("length", "span")
    assert compatible(length, window) and values_agree(length, window)
    other = dur("It was the third fall of the Harlow index in three hours.")
    assert not compatible(length, other)
    assert not compatible(dur("The talks lasted more than an hour."), window)
    c = analyzer.analyze("The Harlow index fell 4% in three hours.", DL)
    p = analyzer.analyze("It was the third fall of the Harlow index in three hours.", DL)
    assert not any(can_refute(x) for x in align(c, p, DEFAULT.weights, exact))


def test_a_list_of_names_pairs_only_with_the_count_it_states(analyzer):
    """Four names listed are four countries; against five they pair with nothing (the
    list may leave one out), so the claim's five stays unstated, not disputed."""
    c4 = analyzer.analyze("Ministers from four countries met in Harlow.", DL)
    c5 = analyzer.analyze("Ministers from five countries met in Harlow.", DL)
    p = analyzer.analyze("Ministers from Norway, Finland, Estonia and Latvia met in Harlow.", DL)
    assert [x.agree for x in align(c4, p, DEFAULT.weights, exact)] == [True]
    assert not align(c5, p, DEFAULT.weights, exact)


@pytest.mark.parametrize(
    "passage, count, noun",
    [
        ("Workers at the Harlow, Nordvik and Brenmoor plants went on strike.", 3, "plant"),
        ("Talks between the Vellan and Ostric parties failed on Monday.", 2, "party"),
        ("Harlow's Launch Systems, Launch Services and Delta Program units may bid.", 3, "unit"),
        ("In Paris, Nordvik and Brenmoor plants went on strike.", 2, "plant"),
    ],
)
def test_names_listed_before_their_plural_noun_count_it(analyzer, passage, count, noun):
    """ "The Harlow, Nordvik and Brenmoor plants" are three plants: copy restates the list
    by its length. A place before a comma joins only a list of places ("In Paris," is
    where, not a plant)."""
    p = analyzer.analyze(passage, DL)
    lists = [f.value for f in p.found if f.value.entity_type == "HEADED"]
    assert [(v.low, v.noun) for v in lists] == [(count, noun)]


def test_a_list_before_its_noun_states_the_count_and_disputes_none(analyzer):
    p = analyzer.analyze("Workers at the Harlow, Nordvik and Brenmoor plants went on strike.", DL)
    three = analyzer.analyze("Workers at three plants went on strike.", DL)
    four = analyzer.analyze("Workers at four plants went on strike.", DL)
    assert [x.agree for x in align(three, p, DEFAULT.weights, exact)] == [True]
    assert not align(four, p, DEFAULT.weights, exact)
    # a comma alone is no list: "In Harlow, French officials" counts nothing
    alone = analyzer.analyze("In Harlow, Vellan officials said so.", DL)
    assert not [f for f in alone.found if f.value.entity_type]


def test_kinds_of_a_thing_count_the_thing(analyzer):
    """ "Two kinds of history" counts histories, as "two histories" does; "two groups of
    students" counts groups."""
    p = analyzer.analyze("Well, I distinguish between two histories, the old and the new.", DL)
    for claim, agree in [
        ("He distinguished between two kinds of history.", True),
        ("He distinguished between three types of history.", False),
    ]:
        (chk,) = align(analyzer.analyze(claim, DL), p, DEFAULT.weights, exact)
        assert chk.agree is agree and chk.same_noun
    groups = analyzer.analyze("Two groups of students met.", DL)
    assert [f.value.noun for f in groups.found] == ["group"]


def test_a_multiple_is_written_times_or_x(analyzer):
    """ "A magnification of 60 X" is 60 times."""
    p = analyzer.analyze("I used a scope (magnification of 60 X).", DL)
    for claim, agree in [("at a magnification of 60 times", True), ("at 40 times", False)]:
        c = analyzer.analyze(f"He used a scope {claim}.", DL)
        (chk,) = align(c, p, DEFAULT.weights, exact)
        assert chk.agree is agree and chk.passage.noun == "time"


def test_one_of_a_group_is_a_count_of_one_it_states_only(analyzer):
    """ "One of the ferries sank" is one ferry: it states "one ferry sank"; against "two
    ferries" it pairs with nothing (the rest of the group is not counted)."""
    p = analyzer.analyze("One of the Harlow ferries sank near Nordvik on Monday.", DL)
    one = analyzer.analyze("One Harlow ferry sank near Nordvik on Monday.", DL)
    two = analyzer.analyze("Two Harlow ferries sank near Nordvik on Monday.", DL)
    counts = [x for x in align(one, p) if x.claim.kind == "quantity"]
    assert [(x.passage.text, x.agree) for x in counts] == [("One", True)]
    assert not [x for x in align(two, p) if x.claim.kind == "quantity"]
    # no plural after "one of": no count of a group
    group = analyzer.analyze("One of the group sank near Nordvik on Monday.", DL)
    assert not [f for f in group.found if f.value.kind == "quantity"]


def test_a_date_pairs_with_the_date_of_its_own_event_word(analyzer):
    """ "Began regular service on 25 May" is answered by "began regular service on May
    28", not by the trial crossing's May 25 in the same sentence."""
    p = analyzer.analyze(
        "The Kestrel ferry made a trial crossing on May 25, 2021 from Harlow to Fenwick and"
        " began regular service on the Harlow-Fenwick route on May 28, 2021.",
        DL,
    )
    said = "The Kestrel ferry was due to begin regular service between Harlow and Fenwick on {}."
    for day, agree in (("25 May 2021", False), ("28 May 2021", True)):
        (chk,) = align(analyzer.analyze(said.format(day), DL), p, DEFAULT.weights, exact)
        assert (chk.passage.text, chk.agree) == ("May 28, 2021", agree)


def test_a_figure_of_a_coordination_shares_the_clauses_subject(analyzer):
    """ "Dunmore reported losing $4.8 million in the fourth quarter of 2011 and a total loss
    of $8.6 million for the year": the year's figure is Dunmore's too, however far its
    words are, so the claim's $8.6 million pairs with it and is not refuted by the
    quarter's."""
    c = analyzer.analyze(
        "In results reported in 2012, Dunmore said it lost $8.6 million for 2011.", DL
    )
    p = analyzer.analyze(
        "Dunmore reported losing $4.8 million in the fourth quarter of 2011 and a total loss"
        " of $8.6 million for the entire year.",
        DL,
    )
    money = [x for x in align(c, p) if x.claim.text == "$8.6 million"]
    assert money and money[0].passage.text == "$8.6 million" and money[0].agree


def test_the_same_number_in_another_unit_is_one_figure_misreported(analyzer):
    """ "16 percentage points" for "16 percent", "40 weeks" for "40 days": the number stays,
    the amount does not. The same number pairs them (and they disagree); another number in
    the other unit is another figure."""
    from factcheck.rules.agree import compatible

    def val(text):
        return analyzer.analyze(text, DL).values[0]

    pp, pct = val("Sales rose 16 percentage points."), val("Sales rose 16 percent.")
    assert compatible(pp, pct) and not values_agree(pp, pct)
    assert not compatible(val("Sales rose 12 percentage points."), pct)
    # two lengths of time far apart are two things' on different verbs, unless the number
    # is the same ("40 years" for "40 days")
    claim = analyzer.analyze("Investigators looked for the recorders for 40 years using sonar.", DL)
    passage = analyzer.analyze(
        "Investigators searched for the recorders for 40 days using sonar.", DL
    )
    (chk,) = align(claim, passage)
    assert not chk.agree and not chk.anchored and can_refute(chk)


def test_units_count_whatever_was_sold(analyzer):
    """ "Sold over 2,400 units" counts what the sentence sells (lexicon ``generic_counters``):
    it states "more than 2,400 aircraft" and disputes "more than 3,400 aircraft"; a count of
    another noun is still another figure."""
    p = analyzer.analyze("The Selkie family of ferries has sold over 2,400 units since 1988.", DL)
    for claim, agree in [
        ("The Selkie family of ferries sold more than 2,400 vessels since 1988.", True),
        ("The Selkie family of ferries sold more than 3,400 vessels since 1988.", False),
    ]:
        got = [x for x in align(analyzer.analyze(claim, DL), p) if x.claim.kind == "quantity"]
        assert [x.agree for x in got] == [agree]
    other = analyzer.analyze("The Selkie family of ferries sold 2,400 tickets since 1988.", DL)
    q = analyzer.analyze("The Selkie family of ferries has sold 2,400 vessels since 1988.", DL)
    assert not [x for x in align(other, q) if x.claim.kind == "quantity"]
