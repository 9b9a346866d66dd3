"""The compare behaviours the verification issue requires, on the real analyser."""

import datetime as dt
from functools import partial

import pytest

from factcheck.nlp.paraphrase import WordSimilarity, exact, value_words
from factcheck.rules.compare import DEFAULT, assess, compare, conclude
from factcheck.types import Stance, StanceProbs, ValueKind
from tests.helpers.assess import assessed

DL = dt.date(2021, 12, 31)
CALL = (
    "Both presidents expressed support for more dialogue after a 50-minute phone "
    "discussion, their second in just over three weeks."
)
TROOPS = (
    "Around 100,000 Russian troops are stationed along the country's border, where Putin "
    "seized the Crimean peninsula in 2014."
)


@pytest.fixture(scope="module")
def words(embedder):
    """Which counted nouns mean the same, from the real embedder (as the checker does)."""
    return WordSimilarity(embedder.embed_documents, DEFAULT.word_paraphrase)


def cmp(analyzer, claim, passage, sim=0.6, probs=None, words=exact):
    c, p = analyzer.analyze(claim, DL), analyzer.analyze(passage, DL)
    if isinstance(words, WordSimilarity):
        words.prime(value_words([c, p]))
    return compare(c, p, sim, probs, like=words)


@pytest.mark.parametrize(
    ("claim", "passage", "stance"),
    [
        ("They had a 90-minute call.", CALL, Stance.REFUTES),
        ("They had a 50-minute call.", CALL, Stance.SUPPORTS),
        ("The call lasted less than an hour.", CALL, Stance.SUPPORTS),
        ("It was the first call between them.", CALL, Stance.REFUTES),
        ("About 100,000 soldiers are stationed along Russia's border.", TROOPS, Stance.SUPPORTS),
        ("200,000 troops are stationed along Russia's border.", TROOPS, Stance.REFUTES),
        ("Putin seized Crimea in 2016.", TROOPS, Stance.REFUTES),
        ("Putin seized Crimea in 2014.", TROOPS, Stance.SUPPORTS),
        (
            "Ukraine has been invited to join NATO.",
            "Ukraine has not been invited to join NATO, the alliance said.",
            Stance.REFUTES,
        ),
        ("The Tokyo Olympics drew 11,000 athletes.", TROOPS, Stance.NEUTRAL),
        ("Apple sold 200,000 phones in 2014.", TROOPS, Stance.NEUTRAL),
        # the points two texts compare from ("since") are the same point, or differ
        (
            "It was the firm's first annual loss since 1998.",
            "The firm has posted its first annual loss since 1992.",
            Stance.REFUTES,
        ),
        (
            "It was the firm's first annual loss since 1992.",
            "The firm has posted its first annual loss since 1992.",
            Stance.SUPPORTS,
        ),
        (
            "Some studios want the films priced below $9.99.",
            "Films will retail for around $9.99 US dollars.",
            Stance.NEUTRAL,
        ),
    ],
)
def test_required_behaviours(analyzer, words, claim, passage, stance):
    assert cmp(analyzer, claim, passage, words=words).stance == stance


def test_rationale_names_both_values_and_spans_point_at_them(analyzer):
    c = cmp(analyzer, "They had a 90-minute call.", CALL)
    assert "claim says 90 minutes" in c.rationale and "source says 50 minutes" in c.rationale
    assert any(CALL[s:e] == "50-minute" for s, e in c.passage_spans)
    assert any("They had a 90-minute call."[s:e] == "90-minute" for s, e in c.claim_spans)


def test_similarity_cannot_make_an_unrelated_passage_support(analyzer):
    c = cmp(analyzer, "Unemployment dropped to 7.5% in France.", TROOPS, sim=0.99)
    assert c.stance == Stance.NEUTRAL


def test_model_cannot_override_a_value_mismatch(analyzer):
    certain = StanceProbs(supports=0.99, refutes=0.0, neutral=0.01)
    c = cmp(analyzer, "They had a 90-minute call.", CALL, probs=certain)
    assert c.stance == Stance.REFUTES


def test_model_decides_when_no_value_does(analyzer):
    claim = "Sanctions against Moscow would be a colossal error."
    passage = "Putin said anti-Moscow sanctions would be a colossal error, Russian media reported."
    sup = cmp(analyzer, claim, passage, probs=StanceProbs(0.9, 0.05, 0.05))
    ref = cmp(analyzer, claim, passage, probs=StanceProbs(0.05, 0.9, 0.05))
    assert (sup.stance, ref.stance) == (Stance.SUPPORTS, Stance.REFUTES)


def test_duration_length_is_not_compared_with_time_between_events(analyzer):
    c = cmp(analyzer, "It was their second call in three weeks.", CALL)
    assert c.stance == Stance.SUPPORTS


def test_an_offset_or_a_term_ahead_is_refuted_by_another_but_a_window_looked_over_is_not(
    analyzer,
):
    """The time between two events, and a plan's or a deadline's own term ("within 72
    hours", "over the next four years"), is one figure of one event: another contradicts
    it (a copy desk marks "within 24 hours" wrong where the union said 72). Two windows
    looked back over ("in the past 30 years" / "in the past 50 years") can both be true."""
    launch = "The capsule separated from the booster 95 seconds after launch."
    assert cmp(analyzer, "The capsule separated 40 seconds after launch.", launch).stance == (
        Stance.REFUTES
    )
    deadline = "The union said it would strike within 72 hours if the talks did not resume."
    term = cmp(analyzer, "The union said it would strike within 24 hours.", deadline)
    assert term.stance == Stance.REFUTES, term.rationale
    plan = "The council will cut 500 posts over the next five years, its leader said."
    fewer = cmp(analyzer, "The council will cut 500 posts over the next three years.", plan)
    assert fewer.stance == Stance.REFUTES, fewer.rationale
    reef = "Coral cover on the reef has fallen by half in the past 50 years."
    window = cmp(analyzer, "Coral cover on the reef has fallen by half in the past 30 years.", reef)
    assert window.stance != Stance.REFUTES  # two windows can both be true


def test_how_late_or_how_far_into_something_is_one_figure_however_worded(analyzer):
    """Lateness said as "behind schedule" and as "later than planned" is one offset from
    the plan, and a countdown ("110 days remained before") is the time until; how far
    into a flight a failure came, said as "ninety minutes into" and as "after thirty
    minutes" on the same event word, is one figure: another contradicts it."""
    late = "The ferry is almost two and a half years behind schedule, the yard said."
    c = cmp(analyzer, "The ferry is running about eighteen months later than planned.", late)
    assert c.stance == Stance.REFUTES, c.rationale
    same = cmp(analyzer, "The ferry is running about thirty months later than planned.", late)
    assert same.stance != Stance.REFUTES, same.rationale
    games = "On Thursday, with 110 days until the start of the Northern Games, the board met."
    c = cmp(analyzer, "The board met when 120 days remained before the Northern Games.", games)
    assert c.stance == Stance.REFUTES, c.rationale
    flight = "The Kestrel drone's guidance computer failed after thirty minutes."
    c = cmp(analyzer, "The Kestrel drone's guidance computer failed ninety minutes in.", flight)
    assert c.stance != Stance.SUPPORTS, c.rationale
    c = cmp(
        analyzer,
        "The Kestrel drone's guidance computer failed ninety minutes into the flight.",
        flight,
    )
    assert c.stance == Stance.REFUTES, c.rationale


def test_of_two_dates_that_agree_the_one_that_states_the_day_is_the_claims(analyzer):
    """ "Yesterday" states "on 18 June 2019"; the year in "the 2019 Northern Cup" only
    holds it: the claim's date is stated, not left unstated by the wider one."""
    from factcheck.rules.align import align

    day = dt.date(2019, 6, 19)
    claim = analyzer.analyze("Kestrel United beat Harlow 1-0 on 18 June 2019.", day)
    passage = analyzer.analyze(
        "Yesterday, day five of the 2019 Northern Cup, Kestrel United defeated Harlow 1 - 0.",
        day,
    )
    [date] = [c for c in align(claim, passage) if c.claim.kind.value == "date"]
    assert date.passage.text == "Yesterday"


def test_a_figure_on_the_claim_s_event_word_is_the_one_compared(analyzer):
    """Two counts as close to the claim's words: the one on the claim's own verb
    ("injuring 212") is about the same thing, not the one nearer a shared noun."""
    blast = (
        "A gas leak yesterday caused a blast at the Harbourside market, killing 41 or more "
        "and injuring 212, the fire service said."
    )
    c = cmp(analyzer, "The Harbourside market blast injured 312 people.", blast)
    assert c.stance == Stance.REFUTES and "212" in c.rationale


def test_rules_settle_values_and_names_without_the_model(analyzer):
    """assess() marks the pairs the model cannot change, so the chain skips scoring them."""

    def rated(claim, passage):
        return assess(analyzer.analyze(claim, DL), analyzer.analyze(passage, DL), 0.5)

    mismatch = rated("They had a 90-minute call.", CALL)
    assert not mismatch.needs_model and mismatch.decided.stance == Stance.REFUTES
    elsewhere = rated("Apple sold 90 million iPhones in Cupertino.", TROOPS)
    assert not elsewhere.needs_model and elsewhere.decided.stance == Stance.NEUTRAL
    silent = rated("Putin seized Crimea in 2014.", "Putin seized the Crimean peninsula.")
    assert not silent.needs_model and silent.decided.stance == Stance.NEUTRAL
    wording = rated(
        "Putin said sanctions would be a huge mistake.",
        "Putin warned Biden that new sanctions would be a colossal mistake, the Kremlin said.",
    )
    assert wording.needs_model
    # Whatever the model says, a settled pair keeps its outcome.
    for probs in (StanceProbs(0.98, 0.01, 0.01), StanceProbs(0.01, 0.98, 0.01)):
        assert conclude(mismatch, probs) == mismatch.decided
        assert conclude(elsewhere, probs).stance == Stance.NEUTRAL


@pytest.mark.parametrize(
    ("claim", "passage", "stance"),
    [
        # Two windows of time can both be true; only the lengths of one event clash.
        (
            "Prices have risen over the past three years.",
            "Prices have risen steadily over the past five years, the bureau said.",
            Stance.NEUTRAL,
        ),
        # One of several listed figures matches: the claim is about that one.
        (
            "62% of voters backed the plan.",
            "62% of voters backed the plan in March; 48% backed the budget in May.",
            Stance.SUPPORTS,
        ),
        # Dates of different events in one sentence do not clash.
        (
            "The stadium will reopen by 2027.",
            "The stadium has hosted the final since 1998, the city said.",
            Stance.NEUTRAL,
        ),
        # The same event under another verb, with the words around it shared, does.
        (
            "The separatist insurgency in the east began in 2015.",
            "Putin seized Crimea in 2014 and is accused of fomenting a separatist insurgency"
            " in the east the same year.",
            Stance.REFUTES,
        ),
        # "call" is a stop word to spaCy, but it names the event here.
        (
            "The call between the two leaders lasted two hours.",
            "The two leaders spoke in a 50-minute phone call on Thursday.",
            Stance.REFUTES,
        ),
    ],
)
def test_alignment_precision(analyzer, claim, passage, stance):
    assert cmp(analyzer, claim, passage, sim=0.5).stance == stance


# -- nothing unstated is supported -----------------------------------------------------------

ORDER = "Air Canada has ordered 18 Boeing 777s and 14 Boeing 787s, the airline said."


@pytest.mark.parametrize(
    ("claim", "missing"),
    [
        ("Air Canada has ordered 18 Boeing 777s, together with Lufthansa.", "Lufthansa"),
        ("Air Canada has ordered 18 Boeing 777s, a move that affects 4,800 workers.", "4,800"),
        (
            "Air Canada has ordered 18 Boeing 777s, prompting an official investigation.",
            "prompting an official investigation",
        ),
    ],
)
def test_a_passage_that_leaves_part_of_the_claim_unstated_does_not_support(
    analyzer, claim, missing
):
    c = cmp(analyzer, claim, ORDER, sim=0.8, probs=StanceProbs(0.9, 0.05, 0.05))
    assert c.stance == Stance.NEUTRAL
    assert missing in c.rationale and "does not state" in c.rationale


def test_the_whole_claim_stated_is_supported(analyzer):
    c = cmp(analyzer, "Air Canada ordered 18 Boeing 777s.", ORDER, sim=0.8)
    assert c.stance == Stance.SUPPORTS


def test_the_same_statement_of_another_company_refutes(analyzer):
    c = cmp(analyzer, "Air India has ordered 18 Boeing 777s and 14 Boeing 787s.", ORDER, 0.9)
    assert c.stance == Stance.REFUTES
    assert "not Air India" in c.rationale


def test_a_negation_about_other_arguments_is_not_a_contradiction(analyzer):
    """'troops are deployed' is not negated by 'weapons would not be deployed'."""
    c = cmp(
        analyzer,
        "About 100,000 Russian soldiers are deployed near the border.",
        "Biden said US offensive weapons would not be deployed near the border.",
    )
    assert c.stance != Stance.REFUTES


def test_names_from_the_headline_count(analyzer):
    """News copy names the company in the headline and then says 'the company'."""
    claim = analyzer.analyze("Northwind said profits rose 12% in 2008.", DL)
    passage = analyzer.analyze("The company said profits rose 12% in 2008.", DL)
    with_title = conclude(assess(claim, passage, 0.8, title="Northwind profits rise"), None)
    without = conclude(assess(claim, passage, 0.8), None)
    assert with_title.stance == Stance.SUPPORTS
    assert without.stance != Stance.SUPPORTS


def test_numbers_in_names_are_not_counts(analyzer):
    f = analyzer.analyze("The FTSE 100 fell 2% while the S&P 500 rose.", DL)
    assert [v.text for v in f.values if v.kind == "quantity"] == []


def test_acronyms_match_their_names():
    from factcheck.nlp.facts import entity_match

    assert entity_match("gm", "general motors")
    assert entity_match("uaw", "united auto workers")
    assert not entity_match("gm", "ford motor")
    # a two-letter word is an abbreviation of its own, spelled whole in the acronym
    assert entity_match("usn", "us navy") and entity_match("ukrf", "uk road federation")
    assert not entity_match("usn", "us air force")
    # an abbreviation with its full stops ("U.S."), and a company's legal form at its end
    assert entity_match("usn", "u.s. navy") and entity_match("ukrf", "u.k. road federation")
    assert entity_match("ns", "norrland steel corporation")
    assert entity_match("nsc", "norrland steel corporation")
    assert entity_match("vh", "varga holdings plc") and entity_match("vmg", "varga media group")
    assert not entity_match("ns", "norrland steel works")


def test_a_compound_closed_up_or_spaced_is_one_name():
    from factcheck.nlp.facts import entity_match

    assert entity_match("worldwide developers conference", "world wide developers conference")
    assert entity_match("walmart", "wal - mart")
    assert entity_match("east enders", "eastenders")
    # the same letters in the same number of words are other words
    assert not entity_match("worldwide developers conference", "world wide developers")
    assert not entity_match("north field", "northfield park")


def test_model_designations_match_their_number_and_maker():
    from factcheck.nlp.facts import entity_match
    from factcheck.nlp.names import designation

    assert entity_match("a380", "380")  # "the A380" / "the Airbus 380" (spaCy: Airbus, 380)
    assert entity_match("airbus 380", "a380")
    assert entity_match("b-52", "boeing 52")
    assert not entity_match("a380", "350")
    assert not entity_match("a380", "a350")
    assert not entity_match("a380", "boeing 380")  # the letter is not the maker's initial
    # one digit is as often an article or a section ("a4", "s8"): no model number
    assert not designation("a4", "4") and not designation("s8", "section 8")


# -- each named rule on its own -------------------------------------------------------------


_assessed = partial(assessed, claim_date=DL, passage_date=DL)


def test_rule_names_missing(analyzer):
    from factcheck.rules.compare import names_missing

    a, t = _assessed(analyzer, "Macron spoke for 50 minutes.", CALL, sim=0.3)
    assert names_missing(a, t).rationale == "about something else"
    a, t = _assessed(analyzer, "They had a 50-minute call.", CALL)
    assert names_missing(a, t) is None


def test_rule_figure_mismatch_and_its_weight(analyzer):
    from dataclasses import replace

    from factcheck.rules.compare import figure_mismatch

    a, t = _assessed(analyzer, "They had a 90-minute call.", CALL)
    out = figure_mismatch(a, t)
    assert out.stance == Stance.REFUTES and "90 minutes" in out.rationale
    lighter = replace(t, weights=replace(t.weights, figure_refute_base=0.0))
    assert figure_mismatch(a, lighter).weight < out.weight  # the weight is the named one
    ok, t = _assessed(analyzer, "They had a 50-minute call.", CALL)
    assert figure_mismatch(ok, t) is None


def test_rule_figure_of_another_time(analyzer):
    from factcheck.rules.compare import figure_mismatch, figure_of_another_time

    day = "Oil rose 3% on Monday, traders said."
    a, t = _assessed(
        analyzer, "Oil rose 5% on Monday.", day, claim_date=DL, passage_date=dt.date(2021, 11, 2)
    )
    out = figure_of_another_time(a, t)
    assert out is not None and out.stance == Stance.NEUTRAL and "another time" in out.rationale
    same, t = _assessed(analyzer, "Oil rose 5% on Monday.", day)
    assert figure_of_another_time(same, t) is None and figure_mismatch(same, t) is not None


def test_rule_negation_flip(analyzer):
    from factcheck.rules.compare import negation_flip

    a, t = _assessed(
        analyzer,
        "Ukraine has been invited to join NATO.",
        "Ukraine has not been invited to join NATO, the alliance said.",
    )
    assert negation_flip(a, t).stance == Stance.REFUTES
    b, t = _assessed(
        analyzer,
        "Russian troops are deployed near the border.",
        "Offensive weapons would not be deployed in Ukraine, Biden said.",
    )
    assert negation_flip(b, t) is None  # another subject: not the same statement negated
    # a word a reporter swaps for it is the same predicate ("bar" for "prohibit")
    c, t = _assessed(
        analyzer,
        "The Harlow treaty explicitly prohibited night flights over the bay.",
        "The Harlow treaty did not explicitly bar night flights over the bay.",
    )
    assert negation_flip(c, t).stance == Stance.REFUTES


def test_a_negated_verbs_complement_is_neither_asserted_nor_negated(analyzer):
    """ "They do not know how to swim" does not say they swim: a claim that they could not
    swim is not a negation of it; "did not say he would resign" does not say he would."""
    from factcheck.rules.compare import negation_flip

    f = analyzer.analyze("Many pupils fail because they do not know how to swim.", DL)
    assert "swim" not in f.polar[0] | f.polar[1] and "know" in f.polar[1]
    assert "resign" not in analyzer.analyze("Roe did not say he would resign.", DL).polar[0]
    # its own negation still counts, and a predicate beside the negated one is asserted
    assert "resign" in analyzer.analyze("Roe said he would not resign.", DL).polar[1]
    assert "leave" in analyzer.analyze("Roe did not stay and left early.", DL).polar[0]
    a, t = _assessed(
        analyzer,
        "Many pupils fail because they cannot swim.",
        "Many pupils fail because they do not know how to swim.",
    )
    assert negation_flip(a, t) is None


def test_a_clause_of_condition_is_neither_asserted_nor_negated(analyzer):
    """ "would respond if the broadcasts do not stop" does not say they did not stop: a
    claim that someone was given time to stop them is no negation of it."""
    from factcheck.rules.compare import negation_flip

    f = analyzer.analyze("Harlow said it would respond if the broadcasts do not stop.", DL)
    assert "stop" not in f.polar[0] | f.polar[1] and "respond" in f.polar[0]
    g = analyzer.analyze("Roe asked whether the mill would not close.", DL)
    assert "close" not in g.polar[0] | g.polar[1]
    a, t = _assessed(
        analyzer,
        "Harlow gave Dunmore time to stop the broadcasts.",
        "Harlow said it would respond if Dunmore's broadcasts do not stop.",
    )
    assert negation_flip(a, t) is None
    # outside such a clause the same negation still flips
    b, t = _assessed(
        analyzer,
        "Dunmore stopped the broadcasts.",
        "Dunmore did not stop the broadcasts, Harlow said.",
    )
    assert negation_flip(b, t) is not None


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        (
            "Roe predicted that the mill would reopen.",
            "Roe declined to predict when the mill would reopen.",
        ),
        (
            "The Harlow talks reached a deal on Monday.",
            "The Harlow talks failed to reach a deal on Monday.",
        ),
        ("Roe commented on the Harlow report.", "Roe refused to comment on the Harlow report."),
    ],
)
def test_a_verb_of_not_doing_negates_the_verb_it_governs(analyzer, claim, source):
    """ "declined to predict", "failed to reach", "refused to comment": the thing was not
    done, so a claim that it was is contradicted."""
    from factcheck.rules.compare import negation_flip

    a, t = _assessed(analyzer, claim, source)
    out = negation_flip(a, t)
    assert out is not None and out.stance == Stance.REFUTES


def test_two_verbs_of_not_doing_agree(analyzer):
    f = analyzer.analyze("Roe refused to comment on the Harlow report.", DL)
    assert "comment" in f.polar[1] and "refuse" in f.polar[0]
    # a negated one negates nothing ("did not fail to": it was done)
    g = analyzer.analyze("Roe did not fail to comment on the Harlow report.", DL)
    assert "comment" not in g.polar[1]


def test_a_copula_negated_before_a_place_negates_that_place(analyzer):
    """ "will not be in service by 2011" against "will be in service by 2011": what the
    copula says the thing is in is its predicate, negated or not."""
    from factcheck.rules.compare import negation_flip

    a, t = _assessed(
        analyzer,
        "The first Harlow ferry will not be in service by 2011.",
        "The first Harlow ferry will be in service by 2011.",
    )
    out = negation_flip(a, t)
    assert out is not None and out.stance == Stance.REFUTES and "service" in out.rationale
    same, t = _assessed(
        analyzer,
        "The first Harlow ferry will be in service by 2011.",
        "The first Harlow ferry will be in service by 2011, Roe said.",
    )
    assert negation_flip(same, t) is None


def test_rule_figures_unstated(analyzer):
    from factcheck.rules.compare import figures_unstated

    a, t = _assessed(analyzer, "Both presidents spoke for 50 minutes.", "Both presidents spoke.")
    out = figures_unstated(a, t)
    assert out.stance == Stance.NEUTRAL and "50 minutes" in out.rationale


def test_each_model_rule_alone(analyzer):
    from factcheck.rules.model_rules import (
        model_refute,
        model_support,
        model_undecided,
        values_match,
        words_support,
    )

    a, t = _assessed(analyzer, "Both presidents want more dialogue.", CALL, sim=0.5)
    sup, ref, neu = (
        StanceProbs(0.8, 0.1, 0.1),
        StanceProbs(0.1, 0.8, 0.1),
        StanceProbs(0.3, 0.3, 0.4),
    )
    assert values_match(a, sup, t) is None  # no figures to match
    assert model_support(a, sup, t).stance == Stance.SUPPORTS and model_support(a, ref, t) is None
    assert model_refute(a, ref, t).stance == Stance.REFUTES and model_refute(a, sup, t) is None
    assert model_undecided(a, neu, t).stance == Stance.NEUTRAL
    assert model_undecided(a, None, t) is None
    assert words_support(a, None, t) is None  # cosine 0.5 is under support_similarity
    v, t = _assessed(analyzer, "They had a 50-minute call.", CALL)
    assert values_match(v, None, t).stance == Stance.SUPPORTS


@pytest.mark.parametrize(
    ("claim", "contradicted"),
    [
        # a name written in, the passage's words all there in their order
        ("Visitors could suggest what the Norlandian flag should mean on the site.", False),
        (
            "Visitors could suggest online what the new Norlandian flag should mean on the site.",
            False,
        ),
        # what an added word can turn over stays the model's to read
        ("Visitors could not suggest what the flag should mean on the site.", True),
        ("Visitors couldn't suggest what the flag should mean on the site.", True),
        ("Visitors could never suggest what the flag should mean on the site.", True),
        ("Visitors could nearly suggest what the flag should mean on the site.", True),
        ("Visitors could suggest what the flag should mean on the site less.", True),
        ("Visitors could suggest what the flag should mean on the site 3 times.", True),
        ("Visitors failed to suggest what the flag could mean on the site.", True),
        # a word changed, not only added
        ("Visitors could suggest what the banner should mean on the site.", True),
    ],
)
def test_words_only_added_to_the_passage_are_never_contradicted(analyzer, claim, contradicted):
    """A claim that is the passage's sentence with words added (a name the article gave)
    may say more than it, never the opposite: the model's contradiction does not count,
    unless an added word can turn the sentence over."""
    from factcheck.rules.model_rules import model_refute

    passage = "Visitors could suggest what the flag should mean on the site."
    a, t = _assessed(analyzer, claim, passage)
    got = model_refute(a, StanceProbs(0.1, 0.8, 0.1), t)
    assert (got is not None and got.stance == Stance.REFUTES) == contradicted


def test_a_match_of_the_claims_time_alone_stays_below_a_desks_sure_line(analyzer):
    """Only the claim's date is stated: the passage is of its time, which does not make
    its relation the claim's ("closed its plant in March" against "opened its plant in
    March"). Its weight stays under 0.9 whatever the stance model reads (on the dev
    halves, a model that agreed was no surer sign: docs/evaluation.md, fifteenth round); a
    figure that matches keeps its full weight."""
    from factcheck.rules.model_rules import values_match

    a, t = _assessed(
        analyzer,
        "Harlow Motors closed its Leeds plant in March 2021.",
        "Harlow Motors opened its Leeds plant in March 2021.",
    )
    neutral_model, agreeing = StanceProbs(0.2, 0.2, 0.6), StanceProbs(0.8, 0.1, 0.1)
    assert values_match(a, neutral_model, t).weight < 0.9
    assert values_match(a, None, t).weight < 0.9
    assert values_match(a, agreeing, t).weight < 0.9
    f, t = _assessed(
        analyzer,
        "Harlow Motors sold 4,120 cars in March 2021.",
        "Harlow Motors sold 4,120 cars in March 2021.",
    )
    assert values_match(f, neutral_model, t).weight >= 0.9


def test_figures_that_match_outrank_the_model_s_doubt(analyzer):
    """MODEL_RULES run in order: the matched figure decides before the model's refutation
    (numbers decide numbers), however sure the model is."""
    from factcheck.rules.compare import conclude

    a, t = _assessed(analyzer, "They had a 50-minute call.", CALL)
    out = conclude(a, StanceProbs(0.02, 0.96, 0.02), t)
    assert out.stance == Stance.SUPPORTS and out.rule == "values_match"


def test_missing_names_outrank_a_contradicting_figure(analyzer):
    """RULES run in order: a passage about other people is not evidence, so its figure
    cannot refute ("names_missing" comes before "figure_mismatch")."""
    a, _ = _assessed(
        analyzer,
        "Macron and Scholz spoke for 90 minutes.",
        "Biden and Putin spoke for 50 minutes.",
        sim=0.3,
    )
    assert a.decided is not None and a.decided.rule == "names_missing"
    assert a.decided.stance == Stance.NEUTRAL


def test_every_rule_is_a_documented_function():
    from factcheck.rules.compare import MODEL_RULES, RULES

    rules = (*RULES, *MODEL_RULES)
    assert len({r.__name__ for r in rules}) == len(rules)
    assert all(r.__doc__ and r.__doc__.strip() for r in rules)


def test_a_figure_without_the_claim_s_names_may_be_another_s(analyzer):
    """A figure belongs to someone: a passage that does not name the claim's company gives
    a figure that may be another's (the market's, a rival's), so it cannot refute; the
    same figure from a passage that names the company does."""
    claim = "Kestrel Motors' sales rose 12% in March."
    a, _ = _assessed(analyzer, claim, "Car sales in the country fell as much as 30% in March.")
    assert [e.text for e in a.unnamed] == ["Kestrel Motors'"]
    assert a.decided is not None and a.decided.stance == Stance.NEUTRAL
    assert "without naming Kestrel Motors" in a.decided.rationale
    named, _ = _assessed(analyzer, claim, "Sales at Kestrel Motors rose 30% in March.")
    assert named.unnamed == ()
    assert named.decided is not None and named.decided.stance == Stance.REFUTES


def test_the_only_figure_of_its_kind_in_a_restatement_is_the_claims(analyzer):
    """A passage that restates the claim (similarity at the paraphrase threshold), whose
    one sum of money is the only one the claim gives too, gives that sum for the same
    thing though no word around the two is shared: a different one disputes the claim.
    Not so in a passage that does not restate it, nor for two counts of different things
    ("wounded" / "killed")."""
    deal = (
        "Memos exchanged among Royal Navy officials regarding a US$ 23 billion dollar deal"
        " with shipbuilder Halvard have been entered into the public record."
    )
    claim = (
        "The Halvard frigate deal whose internal Royal Navy memos were made public in December"
        " 2021 was worth 40 billion US dollars."
    )
    assert cmp(analyzer, claim, deal, sim=0.7).stance == Stance.REFUTES
    assert cmp(analyzer, claim, deal, sim=0.4).stance != Stance.REFUTES
    crash = "At least 107 were killed when the stand at Harbourside stadium collapsed."
    wounded = "The collapse of the stand at Harbourside stadium wounded 238 people."
    assert cmp(analyzer, wounded, crash, sim=0.7).stance != Stance.REFUTES


def test_a_specific_figure_matched_exactly_is_the_one_compared(analyzer):
    """Of two sums in a passage, the one that is the claim's to the last digit ("$7.4
    billion") is the claim's, though the other hangs on the claim's own verb ("losing US$
    3.2 billion in the second quarter"): a figure of two or more significant digits
    rarely repeats by chance. A round figure gets no such preference."""
    from factcheck.rules.align import _specific

    loss = (
        "Halvard reported losing US$ 3.2 billion in the second quarter of 2019 and a total"
        " loss of $7.4 billion for the entire year."
    )
    c = cmp(analyzer, "Halvard lost $7.4 billion in 2019.", loss)
    assert c.stance == Stance.SUPPORTS, c.rationale
    values = {
        v.text: v for v in analyzer.analyze("It lost $7.4 billion, $40 billion, 300.", DL).values
    }
    assert _specific(values["$7.4 billion"])
    assert not _specific(values["$40 billion"]) and not _specific(values["300"])


def test_figures_that_match_do_not_shield_wording_the_model_reads_as_contradicted(analyzer):
    """The claim's figure is stated and agrees, its other clause is not: where the model
    reads that clause as contradicted, the passage refutes the claim; where it does not,
    the clause is only unstated."""
    from factcheck.rules.compare import conclude

    a, t = _assessed(
        analyzer,
        "The ferry had sailed for nearly forty hours and was falling short of its targets.",
        "Since then, the ferry has sailed for nearly forty hours and is beating its targets.",
    )
    assert [c.agree for c in a.checks] == [True]
    out = conclude(a, StanceProbs(0.30, 0.62, 0.08), t)
    assert out.stance == Stance.REFUTES, out.rationale
    assert conclude(a, StanceProbs(0.30, 0.20, 0.50), t).stance == Stance.NEUTRAL
    # a figure the passage does not state leaves the claim unstated, whatever the model
    b, t = _assessed(
        analyzer,
        "The ferry had sailed for nearly forty hours and was falling short of its targets"
        " in 12 ports.",
        "Since then, the ferry has sailed for nearly forty hours and is beating its targets.",
    )
    assert conclude(b, StanceProbs(0.30, 0.62, 0.08), t).stance == Stance.NEUTRAL


def test_a_figure_of_the_source_answers_one_figure_of_the_claim_not_two(analyzer):
    """The 25.15 points lost answer the claim's 53.5 points lost; they are no answer to
    its close of 1,387.7 as well (two refutations from one figure, one of them a guess)."""
    from factcheck.rules.align import align

    claim = analyzer.analyze("The Kestrel 40 closed at 1,387.7 after losing 53.5 points.", DL)
    passage = analyzer.analyze(
        "The Kestrel 40 lost 1.71% or 25.15 points, closing at 1,442.82.", DL
    )
    pairs = {(c.claim.text, c.passage.text) for c in align(claim, passage)}
    assert ("53.5", "25.15") in pairs
    assert ("1,387.7", "25.15") not in pairs


def test_lengths_of_different_orders_of_magnitude_are_no_restatements_counterparts(analyzer):
    """Each the only length of time in its text, "two days to stop" and "after an 11-year
    lull" are still two things' lengths: no counterparts, so neither disputes the other;
    "two days" and "nine days" are, and "40 days" and "40 years" (one number, the wrong
    unit) too."""
    from factcheck.rules.align import ValueCheck
    from factcheck.rules.counterparts import sole_counterparts

    def pair(claim_text, passage_text):
        c, p = analyzer.analyze(claim_text, DL), analyzer.analyze(passage_text, DL)
        (cv,) = [f.value for f in c.stated if f.value.kind == ValueKind.DURATION]
        (pv,) = [f.value for f in p.found if f.value.kind == ValueKind.DURATION]
        return sole_counterparts(ValueCheck(claim=cv, passage=pv, agree=False), c, p)

    claim = "Harlow gave Dunmore two days to stop the broadcasts."
    assert not pair(claim, "Dunmore restarted its broadcasts after an 11-year lull.")
    assert pair(claim, "Harlow gave Dunmore nine days to stop the broadcasts.")
    assert pair("The Dunmore strike lasted 40 days.", "The Dunmore strike went on for 40 years.")


def test_the_time_between_two_dated_events_disputes_only_an_offset(analyzer):
    """ "began on 12 January ... returned on 20 July": a claim that they returned three
    months after it began is wrong; a claim that the strike lasted three months is not
    disputed (the two events need not be one's start and end)."""
    from factcheck.rules.align import align, can_refute

    passage = analyzer.analyze(
        "The Harlow strike began on 12 January and the workers returned on 20 July.", DL
    )

    def refutable(claim_text):
        claim = analyzer.analyze(claim_text, DL)
        return [
            c.passage.text
            for c in align(claim, passage)
            if c.claim.kind == ValueKind.DURATION and can_refute(c)
        ]

    assert refutable("The Harlow workers returned three months after the strike began.")
    assert not refutable("The Harlow strike lasted three months.")


def test_two_times_of_one_sentence_give_a_length_the_claim_may_state(analyzer):
    """ "began at 9 a.m. and ended at 3 p.m.": the talks lasted six hours (as two dates'
    events, read off the two times); "two hours" is not disputed by it."""
    from factcheck.rules.align import align, can_refute

    passage = analyzer.analyze("The Harlow talks began at 9 a.m. and ended at 3 p.m.", DL)
    right = align(analyzer.analyze("The Harlow talks lasted six hours.", DL), passage)
    assert any(c.claim.kind == ValueKind.DURATION and c.agree for c in right)
    wrong = align(analyzer.analyze("The Harlow talks lasted two hours.", DL), passage)
    assert not any(can_refute(c) for c in wrong)


@pytest.mark.parametrize(
    ("window", "agree"),
    [("20 years", False), ("10 years", True), ("five years", False), ("a decade", True)],
)
def test_how_far_back_a_record_goes_is_a_figure_that_refutes(analyzer, window, agree):
    """ "Its lowest level in 10 years" is refuted by "in 20 years" (the claim overstates the
    record) and by "in five years" (the desk corrects the figure), unlike two windows
    looked back over ("over the past 30 years" / "the past 50 years": both may be true)."""
    from factcheck.rules.align import align, can_refute

    passage = analyzer.analyze("The Kestrel index fell to its lowest level in 10 years.", DL)
    claim = analyzer.analyze(f"The Kestrel index fell to its lowest level in {window}.", DL)
    (check,) = [c for c in align(claim, passage) if c.claim.kind == ValueKind.DURATION]
    assert check.agree is agree
    assert can_refute(check) is not agree


def test_two_records_windows_are_two_figures(analyzer):
    """The biggest gain in 10 years and the highest level in three years are two records:
    neither window answers the other."""
    from factcheck.rules.align import align

    claim = analyzer.analyze("Kestrel shares posted their biggest gain in 10 years.", DL)
    passage = analyzer.analyze("Kestrel shares closed at their highest level in three years.", DL)
    assert not [c for c in align(claim, passage) if c.claim.kind == ValueKind.DURATION]


def test_a_length_read_as_a_records_window_is_still_compared_as_a_figure(analyzer):
    """ "Wrote her first novel in six weeks" (how long it took, read as the first novel's
    window) is not stated by "in three months"."""
    from factcheck.rules.align import align

    claim = analyzer.analyze("Ada Voss wrote her first novel in six weeks.", DL)
    passage = analyzer.analyze("Ada Voss wrote her first novel in three months.", DL)
    (check,) = [c for c in align(claim, passage) if c.claim.kind == ValueKind.DURATION]
    assert not check.agree


def test_how_long_ago_with_a_hedge_is_stated_by_a_year_that_far_back(analyzer):
    """'more than a decade ago' of 1995, in 2006: stated, and shown as a bound; 'two decades
    ago' of 1995 in 2015 too. Read as an exact count of years, the hedge was lost and a
    true claim disputed."""
    from factcheck.rules.compare import compare

    passage = "In 1995, the Orvik yard launched the Kestrel, its first ferry."
    old = dt.date(2006, 5, 29)
    c = compare(
        analyzer.analyze("The Orvik yard launched the Kestrel more than a decade ago.", old),
        analyzer.analyze(passage, old),
        0.8,
    )
    assert c.stance.value == "SUPPORTS" and "before 1996-05-28" in c.rationale, c.rationale
    later = dt.date(2015, 5, 7)
    c = compare(
        analyzer.analyze("The Orvik yard launched the Kestrel two decades ago.", later),
        analyzer.analyze(passage, later),
        0.8,
    )
    assert c.stance.value == "SUPPORTS", c.rationale
    # ahead: "six years from now" is the year six after the dateline's
    c = compare(
        analyzer.analyze("The Orvik yard will close six years from now, in 2012.", old),
        analyzer.analyze("The Orvik yard will close in 2012.", old),
        0.8,
    )
    assert c.stance.value == "SUPPORTS", c.rationale


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        ("The Orvik yard will cut 3,000 jobs over the next six years.", "SUPPORTS"),
        ("The Orvik yard will cut 3,000 jobs within six years.", "SUPPORTS"),
        ("The Orvik yard will cut 3,000 jobs over the next two years.", "REFUTES"),
        # a length gone by is not the plan's term ahead
        ("The Orvik yard has cut 3,000 jobs over the past six years.", "NEUTRAL"),
    ],
)
def test_a_plans_term_is_the_time_to_the_date_it_is_due_by(analyzer, claim, stance):
    from factcheck.rules.compare import compare

    day = dt.date(2006, 1, 23)
    passage = analyzer.analyze("The Orvik yard is to cut 3,000 jobs by 2012.", day)
    c = compare(analyzer.analyze(claim, day), passage, 0.8)
    assert c.stance.value == stance, c.rationale
