"""speakers.py: who said what. A quotation worded differently, a speaker's quoted word
replaced in reported speech, the claim's words verbatim in a speaker's mouth, a
contradiction read in another voice, and whose words a supporting passage gives."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import partial

import pytest

from factcheck.rules.compare import MODEL_RULES, RULES, conclude
from factcheck.rules.speakers import (
    READ_AS_FACT,
    attributed,
    other_voice,
    quote_altered,
    quoted_word_changed,
    says,
    verbatim_statement,
)
from factcheck.thresholds import DEFAULT
from factcheck.types import Stance, StanceProbs
from tests.helpers.assess import assessed

DL = dt.date(2015, 6, 10)
BUDGET = 'Ortiz said the budget was "a reckless gamble".'
LIBRARY = "Reyes said the new library will open in the spring."
VOTE = "Reyes said the mayor was angry about the vote."


_assessed = partial(assessed, claim_date=DL, passage_date=DL)


# -- quote_altered --------------------------------------------------------------------------


def test_a_quotation_worded_differently_is_a_misquote(analyzer):
    a, t = _assessed(analyzer, BUDGET, '"The budget is a reckless wager," Ortiz said on Tuesday.')
    out = quote_altered(a, t)
    assert out is not None and out.stance == Stance.REFUTES
    assert out.rationale == "the source quotes 'a reckless wager', not 'a reckless gamble'"
    assert out.speaker == "Ortiz"
    w = t.weights
    assert out.weight == pytest.approx(min(1.0, w.misquote_base + w.misquote_overlap * a.overlap))
    assert a.decided is not None and a.decided.rule == "quote_altered"


@pytest.mark.parametrize(
    "passage",
    [
        '"The budget is a reckless gamble," Ortiz said on Tuesday.',  # verbatim
        '"The budget is a costly and careless plan," Ortiz said on Tuesday.',  # another quote
        # the same wording from another speaker is another statement, not a misquote
        '"The budget is a reckless wager," council member Sam Reyes said on Tuesday.',
    ],
)
def test_no_misquote_without_the_speakers_altered_words(analyzer, passage):
    a, t = _assessed(analyzer, BUDGET, passage)
    assert quote_altered(a, t) is None


def test_a_claim_without_quotation_marks_is_not_misquoted(analyzer):
    a, t = _assessed(
        analyzer,
        "Ortiz said the budget was a reckless gamble.",
        '"The budget is a reckless wager," Ortiz said on Tuesday.',
    )
    assert quote_altered(a, t) is None


# -- quoted_word_changed --------------------------------------------------------------------


def test_a_speakers_quoted_word_replaced_in_reported_speech_refutes(analyzer):
    a, t = _assessed(analyzer, VOTE, 'Reyes said the mayor was "delighted" about the vote.')
    out = quoted_word_changed(a, t)
    assert out is not None and out.stance == Stance.REFUTES
    assert out.rationale == "the source quotes Reyes as saying 'delighted', not 'angry'"
    assert out.speaker == "Reyes" and out.weight == t.weights.misquote_base


@pytest.mark.parametrize(
    "passage",
    [
        "Reyes said the mayor was delighted about the vote.",  # not a quotation: a paraphrase
        'Ortiz said the mayor was "delighted" about the vote.',  # another speaker's word
        'Reyes said the mayor was "very happy and relieved" about the vote.',  # a clause
    ],
)
def test_no_quoted_word_changed_without_one_quoted_word_of_the_speaker(analyzer, passage):
    a, t = _assessed(analyzer, VOTE, passage)
    assert quoted_word_changed(a, t) is None


def test_reworded_max_words_bounds_the_swapped_run(analyzer):
    passage = 'Reyes said the mayor was "very happy and relieved" about the vote.'
    wider = replace(DEFAULT, weights=replace(DEFAULT.weights, reworded_max_words=4))
    a, t = _assessed(analyzer, VOTE, passage, t=wider)
    out = quoted_word_changed(a, t)
    assert out is not None and "'very happy and relieved', not 'angry'" in out.rationale


# -- verbatim_statement ---------------------------------------------------------------------


def test_the_claims_words_verbatim_decide_by_their_speaker(analyzer):
    def verbatim(passage, **kw):
        a, t = _assessed(analyzer, LIBRARY, passage, **kw)
        return verbatim_statement(a, None, t)

    same = verbatim("Council member Sam Reyes said the new library will open in the spring.")
    assert same.stance == Stance.SUPPORTS and same.weight == DEFAULT.weights.verbatim_weight
    assert same.rationale == "the source gives Council member Sam Reyes these words"
    other = verbatim("Mayor Lena Ortiz said the new library will open in the spring.")
    assert other.stance == Stance.REFUTES and other.speaker == "Mayor Lena Ortiz"
    assert other.rationale == "the source attributes this to Mayor Lena Ortiz, not Reyes"
    narration = verbatim("The new library will open in the spring.")
    assert narration.stance == Stance.NEUTRAL and narration.weight == 0.0
    assert narration.rationale == "the source says this, but not that Reyes said it"
    assert verbatim("He said the new library will open in the spring.") is None  # who is he?


def test_the_claims_words_inside_a_negated_sentence_are_not_its_words(analyzer):
    a, t = _assessed(
        analyzer,
        "Reyes said staff will be moved to the new library.",
        "Council member Sam Reyes said no staff will be moved to the new library.",
    )
    assert verbatim_statement(a, None, t) is None  # "no staff will be moved"


def test_verbatim_needs_a_named_speaker_and_enough_words(analyzer):
    a, t = _assessed(analyzer, "Reyes said the library opens.", "Sam Reyes said the library opens.")
    assert t.weights.verbatim_min_words > 3  # "the library opens" is too short
    assert verbatim_statement(a, None, t) is None
    fewer = replace(t, weights=replace(t.weights, verbatim_min_words=3))
    short = verbatim_statement(a, None, fewer)
    assert short is not None and short.stance == Stance.SUPPORTS
    fact, t = _assessed(
        analyzer,
        "The new library will open in the spring.",
        "Mayor Lena Ortiz said the new library will open in the spring.",
    )
    assert verbatim_statement(fact, None, t) is None  # a claim of fact names no speaker


# -- READ_AS_FACT and other_voice -----------------------------------------------------------


def test_read_as_fact_names_the_rules_that_read_statements_as_fact():
    names = {r.__name__ for r in (*RULES, *MODEL_RULES)}
    assert names >= READ_AS_FACT
    assert {"figure_mismatch", "direction_flip", "negation_flip", "model_refute"} == READ_AS_FACT
    assert "quote_altered" not in READ_AS_FACT  # a misquote is about the words themselves


def _refuted(analyzer, claim, passage, rule="figure_mismatch"):
    a, t = _assessed(analyzer, claim, passage)
    out = replace(says(a, Stance.REFUTES, 0.8, "claim says 2016; source says 2017"), rule=rule)
    return other_voice(a, out, t), out


def test_a_contradiction_in_another_voice_is_not_the_claimed_speakers(analyzer):
    claim = "Reyes said the library will open in 2016."
    other, _ = _refuted(analyzer, claim, "Ortiz said the library will open in 2017.")
    assert (other.stance, other.weight, other.speaker) == (Stance.NEUTRAL, 0.0, "Ortiz")
    assert other.rationale == (
        "claim says 2016; source says 2017, but in Ortiz's words, not as Reyes's"
    )
    narration, _ = _refuted(analyzer, claim, "The library will open in 2017.")
    assert narration.stance == Stance.NEUTRAL
    assert narration.rationale.endswith("but in the source's own narration, not as Reyes's")


def test_a_contradiction_in_the_claimed_voice_or_of_a_fact_stands(analyzer):
    same, out = _refuted(
        analyzer,
        "Reyes said the library will open in 2016.",
        "Reyes said the library will open in 2017.",
    )
    assert same == out
    fact, out = _refuted(
        analyzer, "The library will open in 2016.", "Ortiz said the library will open in 2017."
    )
    assert fact == out


def test_a_model_refutation_of_another_speakers_words_is_a_misattribution(analyzer):
    claim = "Reyes said the new library will open downtown next spring."
    passage = "Mayor Lena Ortiz said the new library will open downtown next spring."
    model, _ = _refuted(analyzer, claim, passage, rule="model_refute")
    assert model.stance == Stance.REFUTES and model.speaker == "Mayor Lena Ortiz"
    assert model.rationale == "the source attributes this to Mayor Lena Ortiz, not Reyes"
    figure, _ = _refuted(analyzer, claim, passage, rule="figure_mismatch")
    assert figure.stance == Stance.NEUTRAL  # only the model's reading is of the content


def test_conclude_reads_a_negation_in_the_speakers_voice_only(analyzer):
    def concluded(claim, passage):
        a, t = _assessed(analyzer, claim, passage)
        return conclude(a, None, t)

    passage = "Ortiz said the council has not approved the budget."
    other = concluded("Reyes said the council has approved the budget.", passage)
    assert other.rule == "negation_flip" and other.stance == Stance.NEUTRAL
    assert "in Ortiz's words, not as Reyes's" in other.rationale
    fact = concluded("The council has approved the budget.", passage)
    assert fact.rule == "negation_flip" and fact.stance == Stance.REFUTES
    same = concluded(
        "Reyes said the council has approved the budget.",
        "Reyes said the council has not approved the budget.",
    )
    assert same.stance == Stance.REFUTES


# -- attributed -----------------------------------------------------------------------------


def _attributed(analyzer, claim, passage, **kw):
    a, _ = _assessed(analyzer, claim, passage, **kw)
    out = replace(says(a, Stance.SUPPORTS, 0.8, "the source says the same thing"), rule="x")
    return attributed(a, out)


def test_a_claim_of_fact_shows_whose_word_supports_it(analyzer):
    claim = "The library will open next spring."
    said = _attributed(analyzer, claim, "Mayor Lena Ortiz said the library will open next spring.")
    assert said.stance == Stance.SUPPORTS and said.speaker == "Mayor Lena Ortiz"
    assert said.rationale == "the source says the same thing (according to Mayor Lena Ortiz)"
    plain = _attributed(analyzer, claim, "The library will open next spring.")
    assert (plain.stance, plain.rationale, plain.speaker) == (
        Stance.SUPPORTS,
        "the source says the same thing",
        "",
    )


def test_words_given_to_a_speaker_support_only_in_that_speakers_mouth(analyzer):
    claim = "Reyes said the library will open next spring."
    same = _attributed(
        analyzer, claim, "Council member Sam Reyes said the library will open next spring."
    )
    assert same.stance == Stance.SUPPORTS and same.speaker == "Council member Sam Reyes"
    assert same.rationale == "the source says the same thing" and same.rule == "x"
    other = _attributed(analyzer, claim, "Mayor Lena Ortiz said the library will open next spring.")
    assert other.stance == Stance.REFUTES
    assert other.rationale == "the source attributes this to Mayor Lena Ortiz, not Reyes"
    narration = _attributed(analyzer, claim, "The library will open next spring.")
    assert (narration.stance, narration.weight) == (Stance.NEUTRAL, 0.0)
    assert narration.rationale == "the source says this, but not that Reyes said it"


def test_a_speaker_misspelt_by_two_letters_swapped_is_the_same_speaker(analyzer):
    """ "DesRoiser said" in copy that named "Dennis DesRosier" is a typing slip; one letter
    changed ("Clifton" for "Clinton") is another name."""
    from factcheck.nlp.names import entity_match

    claim = "Analyst Dennis DesRosier said the library will open next spring."
    slip = _attributed(analyzer, claim, "DesRoiser said the library will open next spring.")
    assert slip.stance == Stance.SUPPORTS
    assert entity_match("micheal reyes", "michael reyes")
    assert not entity_match("clifton", "clinton") and not entity_match("jones", "janes")


def test_an_announcement_narrated_is_the_announcers_word(analyzer):
    """ "Harlow Air announced 35 new orders": what the claim's speaker made known, as
    "Harlow Air plans to ..." is its own plan; another announcer is not the claim's."""
    passage = "Harlow Air announced 35 new orders from Vellan Air on Saturday."
    claim = "Harlow Air said Vellan Air had placed 35 new orders."
    own = _attributed(analyzer, claim, passage)
    assert own.stance == Stance.SUPPORTS, own.rationale
    other = _attributed(analyzer, claim.replace("Harlow Air said", "Nordvik said"), passage)
    assert other.stance == Stance.NEUTRAL


def test_a_source_the_claim_cites_inside_its_speakers_words_is_theirs(analyzer):
    """ "Reyes said ... which made it the busiest in Harlow according to Vellan Council":
    the passage's "according to Vellan Council" is the source Reyes cites, not another
    speaker."""
    claim = (
        "Reyes said the library drew 90,000 visitors a month, which made it the busiest in"
        " Harlow according to Vellan Council."
    )
    passage = (
        "The library drew 90,000 visitors per month, which made it the busiest in Harlow"
        " according to Vellan Council."
    )
    cited = _attributed(analyzer, claim, passage)
    assert cited.stance != Stance.REFUTES, cited.rationale


def test_a_pronoun_speaks_for_the_speaker_named_before_it(analyzer):
    claim, passage = (
        "Reyes said the library will open next spring.",
        "He said the library will open next spring.",
    )
    alone = _attributed(analyzer, claim, passage)
    assert alone.stance == Stance.NEUTRAL
    assert alone.rationale == "the source does not say who said this ('He')"
    before = "Council member Sam Reyes spoke at the meeting."
    named = _attributed(analyzer, claim, passage, context=before)
    assert named.stance == Stance.SUPPORTS and named.speaker == "Sam Reyes"


def test_the_verbatim_rule_decides_whatever_the_model_reads(analyzer):
    a, t = _assessed(
        analyzer,
        "Reyes said the new library will open downtown next spring.",
        "Mayor Lena Ortiz said the new library will open downtown next spring.",
    )
    out = conclude(a, StanceProbs(0.85, 0.1, 0.05), t)
    assert out.rule == "verbatim_statement" and out.stance == Stance.REFUTES


# -- words_of_another ---------------------------------------------------------------------

NEUTRAL_READ = StanceProbs(supports=0.2, refutes=0.1, neutral=0.7)


def test_words_given_to_another_named_speaker_refute_where_the_model_sees_no_stance(analyzer):
    """The claim's speaker given words another speaker said (the speaker's "he" standing
    for a name of the claim's); the stance model, reading the two sentences, sees none."""
    claim = (
        "Curator Dana Holm said Piet Vander had wanted to be rich and famous and had made"
        " many choices to get there."
    )
    passage = (
        '"He wanted to be rich and famous and he made lots of choices to go that way",'
        " Ilse Marr said."
    )
    a, t = _assessed(analyzer, claim, passage)
    out = conclude(a, NEUTRAL_READ, t)
    assert out.stance == Stance.REFUTES and out.rule == "words_of_another"
    assert out.rationale == "the source gives these words to Ilse Marr, not Curator Dana Holm"
    # the claim's own speaker: not refuted
    own = claim.replace("Curator Dana Holm", "Ilse Marr")
    a, t = _assessed(analyzer, own, passage)
    assert conclude(a, NEUTRAL_READ, t).stance != Stance.REFUTES
    # a few of the words only: the model's "no stance" stands
    few = "Curator Dana Holm said Piet Vander had wanted to open a gallery in Ghent."
    a, t = _assessed(analyzer, few, passage)
    assert conclude(a, NEUTRAL_READ, t).stance == Stance.NEUTRAL
    # the claim's speaker named in the passage (agreed with, echoed, quoted): not refuted
    for passage_naming in (
        '"I agree with Dana Holm that he wanted to be rich and famous and made lots of'
        ' choices to go that way," Ilse Marr said.',
        '"As Dana Holm said, he wanted to be rich and famous and he made lots of choices to'
        ' go that way," Ilse Marr said.',
    ):
        a, t = _assessed(analyzer, claim, passage_naming)
        assert conclude(a, NEUTRAL_READ, t).stance != Stance.REFUTES
    # an organisation and its spokesman; one name spelt two ways; a stock phrase
    for c, p in (
        (
            "Harbour police said the suspect had fled the scene in a red car after the raid.",
            '"The suspect fled the scene in a red car after the raid," Sergeant Tom Hale said.',
        ),
        (
            "Dana Kholm said the ferry had been late nearly every single day this winter.",
            '"The ferry was late nearly every single day this winter," Dana Cholm said.',
        ),
        (
            "Dana Holm said it was a great day for the city.",
            '"This is a great day for our city," Ilse Marr said at the ribbon cutting.',
        ),
    ):
        a, t = _assessed(analyzer, c, p)
        assert conclude(a, NEUTRAL_READ, t).stance != Stance.REFUTES, (c, p)
    # a speaker named only by a description is not known to be someone else
    described = passage.replace("Ilse Marr said", "the curator said")
    a, t = _assessed(analyzer, claim, described)
    assert conclude(a, NEUTRAL_READ, t).stance != Stance.REFUTES


def test_a_first_name_and_a_surname_the_article_gave_one_person_are_one_speaker(analyzer):
    """An interview's turns labelled "Tomas:" after a lead that named "Tomas Vrbenský":
    the claim's "Vrbenský said" is his; a surname the article gave no one with that first
    name is another speaker."""
    passage = "Tomas: The new library will open next spring."
    lead = "On Monday, Wikinews interviewed the architect Tomas Vrbenský about the library."
    claim = "Vrbenský said the new library would open next spring."
    same = _attributed(analyzer, claim, passage, lead=lead)
    assert same.stance == Stance.SUPPORTS, same.rationale
    other = _attributed(analyzer, claim.replace("Vrbenský", "Halloran"), passage, lead=lead)
    assert other.stance == Stance.REFUTES
    assert other.rationale == "the source attributes this to Tomas, not Halloran"
    unnamed = _attributed(analyzer, claim, passage)  # no full name anywhere: not known as his
    assert unnamed.stance == Stance.REFUTES


@pytest.mark.parametrize(
    ("lead", "passage", "claim"),
    [
        # a family: "Roe" could be either
        (
            "Anna Roe opened the library in 1990; her son Tom Roe now runs it.",
            "Roe said the new library will open next spring.",
            "Tom said the new library would open next spring.",
        ),
        # a first name that is another person's surname
        (
            "Mayor Ellen Grant met the architect Grant Tobin on Monday.",
            "Grant said the new library will open next spring.",
            "Tobin said the new library would open next spring.",
        ),
    ],
)
def test_a_one_word_name_two_people_hold_ties_no_one(analyzer, lead, passage, claim):
    out = _attributed(analyzer, claim, passage, lead=lead)
    assert out.stance != Stance.SUPPORTS, out.rationale


# -- one side under two names (affiliation.py) ----------------------------------------------


def test_a_company_and_the_person_the_claim_makes_its_own_are_one_side(analyzer):
    """'Kestrel sales vice president Ida Lind said' against 'Kestrel Motors said': the
    company may speak through her, so the words are not another's; nor are they shown to
    be hers."""
    claim = "Kestrel sales vice president Ida Lind said the plant will reopen in the spring."
    passage = "Kestrel Motors said the plant will reopen in the spring."
    side = _attributed(analyzer, claim, passage)
    assert side.stance == Stance.NEUTRAL
    assert side.rationale == (
        "the source gives this to Kestrel Motors (one side with Kestrel sales vice president"
        " Ida Lind), not to them"
    )
    model, _ = _refuted(analyzer, claim, passage, rule="model_refute")
    assert model.stance == Stance.NEUTRAL
    # a long title the parse leaves out of the speaker still describes her
    titled = "Kestrel sales and marketing vice president Ida Lind said the plant will reopen."
    assert _attributed(analyzer, titled, passage).stance == Stance.NEUTRAL
    # a company the claim does not tie her to is another speaker
    other = _attributed(
        analyzer,
        "Ida Lind said the plant will reopen in the spring.",
        "Orvik Bank said the plant will reopen in the spring.",
    )
    assert other.stance == Stance.REFUTES


def test_a_person_the_source_makes_the_companys_own_speaks_for_it(analyzer):
    """Her words as Kestrel's spokeswoman are Kestrel's, as a desk reports them (issue #28,
    thirty-first round: the claim is supported; before, it was not stated)."""
    claim = "Kestrel Motors said the plant will reopen in the spring."
    passage = "Ida Lind, Kestrel's spokeswoman, said the plant will reopen in the spring."
    assert _attributed(analyzer, claim, passage).stance == Stance.SUPPORTS
    other = "Ida Lind, Orvik Bank's analyst, said the plant will reopen in the spring."
    assert _attributed(analyzer, claim, other).stance == Stance.REFUTES
    office_first = "Ida Lind, a spokeswoman for Kestrel, said the plant will reopen in the spring."
    assert _attributed(analyzer, claim, office_first).stance == Stance.SUPPORTS
    for another in (
        "Ida Lind, a former president of Kestrel, said the plant will reopen in the spring.",
        # the office is another's: her client's, her husband's, another body's
        "Ida Lind, a lawyer for the chief executive of Kestrel, said the plant will reopen.",
        "Ida Lind, the chief executive of Kestrel's biggest shareholder, said it will reopen.",
        "Ida Lind, a research director at Kestrel, said the plant will reopen in the spring.",
        "Ida Lind, the ousted chief executive of Kestrel, said the plant will reopen.",
        "Ida Lind, Kestrel's dealer council chairman, said the plant will reopen.",
    ):
        assert _attributed(analyzer, claim, another).stance == Stance.REFUTES, another


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("Former Kestrel executive Ida Lind said it will reopen.", "Kestrel said it will reopen."),
        ("Kestrel rival Ida Lind said it will reopen.", "Kestrel said it will reopen."),
        (
            "Ida Lind, an analyst who covers Kestrel, said it will reopen.",
            "Kestrel said it will reopen.",
        ),
        (
            "Kestrelian opposition leader Ida Lind said it will reopen.",
            "Kestrel said it will reopen.",
        ),
        # a word of the name is not the name: another motor company
        (
            "Orvik Motor Company chief executive Ida Lind said it will reopen.",
            "Kestrel Motor Company said it will reopen.",
        ),
        # another name between the organisation and the speaker
        (
            "After Kestrel Motor Company chief Ida Lind spoke Orvik said it will reopen.",
            "Kestrel Motor Company said it will reopen.",
        ),
    ],
)
def test_a_person_of_another_side_is_not_the_organisations_voice(analyzer, claim, passage):
    """Only an office right after the organisation's own name, next to the speaker, makes
    one side of the two; a former officer, a rival, an analyst, a people's opposition
    leader, another company sharing a word of the name, or a name further back is not."""
    assert _attributed(analyzer, claim, passage).stance == Stance.REFUTES
    own = "Kestrel chief executive Ida Lind said it will reopen."
    assert _attributed(analyzer, own, passage).stance == Stance.NEUTRAL
