"""coverage.py: nothing unstated is supported. What a passage leaves unstated of a claim (a
name, a figure or date, a quotation, a clause), the neutral comparison that says so, and
the passage that says the same of another name."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import partial

import pytest

from factcheck.rules.coverage import not_stated, other_name, other_party, unstated
from factcheck.thresholds import DEFAULT
from factcheck.types import Stance
from tests.helpers.assess import assessed

DL = dt.date(2015, 6, 10)
ORDER = "Northwind Air has ordered 12 Airbus A350s and 8 Airbus A321s, the airline said."
SWAPPED = "Eastwind Air has ordered 12 Airbus A350s and 8 Airbus A321s."


_assessed = partial(assessed, sim=0.8, claim_date=DL, passage_date=DL)


def _unstated(analyzer, claim, passage, **kw):
    a, t = _assessed(analyzer, claim, passage, **kw)
    return unstated(a, t)


# -- unstated -------------------------------------------------------------------------------


def test_a_claim_the_passage_states_leaves_nothing_unstated(analyzer):
    assert _unstated(analyzer, "Northwind Air ordered 12 Airbus A350s.", ORDER) == []


@pytest.mark.parametrize(
    ("claim", "missing"),
    [
        ("Northwind Air ordered 12 Airbus A350s together with Skyline Jet.", "Skyline Jet"),
        ("Northwind Air ordered 12 Airbus A350s, a deal worth $4 billion.", "$4 billion"),
        (
            "Northwind Air ordered 12 Airbus A350s, prompting a regulatory inquiry.",
            "'prompting a regulatory inquiry'",
        ),
    ],
)
def test_the_one_part_a_passage_leaves_out_is_unstated(analyzer, claim, missing):
    assert _unstated(analyzer, claim, ORDER) == [missing]


def test_unstated_lists_figures_dates_and_clauses_in_order(analyzer):
    missing = _unstated(
        analyzer,
        "Northwind Air ordered 12 Airbus A350s and hired 300 pilots in 2014.",
        "Northwind Air has ordered 12 Airbus A350s.",
    )
    assert missing == ["300", "2014", "'hired 300 pilots in 2014'"]


def test_a_name_given_twice_is_unstated_once(analyzer):
    missing = _unstated(
        analyzer,
        "Skyline Jet ordered 12 Airbus A350s, and Skyline Jet will fly them to Lisbon.",
        "The carrier has ordered 12 Airbus A350s.",
    )
    assert missing.count("Skyline Jet") == 1 and "Lisbon" in missing


def test_a_quotation_must_be_the_sources_words(analyzer):
    claim = 'Mayor Lena Ortiz called the budget "a reckless gamble".'
    other = 'Mayor Lena Ortiz called the budget "a careful plan".'
    verbatim = 'Mayor Lena Ortiz called the budget "a reckless gamble" on Tuesday.'
    assert _unstated(analyzer, claim, other) == ["the quotation 'a reckless gamble'"]
    assert _unstated(analyzer, claim, verbatim) == []


def test_names_from_the_headline_or_the_passage_before_count(analyzer):
    claim, passage = "Northwind Air ordered 12 Airbus A350s.", "It has ordered 12 Airbus A350s."
    assert _unstated(analyzer, claim, passage) == ["Northwind Air"]
    assert _unstated(analyzer, claim, passage, title="Northwind Air expands its fleet") == []
    before = "Northwind Air unveiled its plans on Monday."
    assert _unstated(analyzer, claim, passage, context=before) == []


def test_a_demonym_in_the_headline_names_its_country(analyzer):
    claim = "Norway's carriers ordered 12 Airbus A350s."
    passage = "They have ordered 12 Airbus A350s."
    assert _unstated(analyzer, claim, passage) == ["Norway"]
    assert _unstated(analyzer, claim, passage, title="Norwegian carriers expand fleets") == []


def test_the_lead_names_what_a_passage_then_calls_the_company(analyzer):
    """News names its subject in the lead and then writes "the company": a name there
    counts for a passage that names nothing but the claim's names, never for a passage
    that names another (a rival of the lead's company is not the lead's company)."""
    claim = "Halvorsen Freight will cut 300 jobs by May 2027."
    lead = "Halvorsen Freight, the shipping group, said on Monday that it would restructure."
    plain = "The company will cut 300 jobs by May 2027, a spokesman said."
    assert _unstated(analyzer, claim, plain) == ["Halvorsen Freight"]
    assert _unstated(analyzer, claim, plain, lead=lead) == []
    rival = "Brekke Logistics will cut 300 jobs by May 2027, a spokesman said."
    assert _unstated(analyzer, claim, rival, lead=lead) == ["Halvorsen Freight"]


def test_a_name_is_stated_by_its_head_noun_after_the_article_named_it(analyzer):
    """Copy names a thing once and then calls it what it is: "the market" in a passage is
    the "Kestrel Market" its lead or the passage before named, even where the passage
    names others too; not a market no one named before, nor one named as another thing."""
    claim = "Members of the Tern Developer Program can place apps on the Kestrel Market."
    lead = "Tern Labs released its kit and the associated Kestrel Market on Monday."
    passage = "Any members of the Tern Developer Program can add apps to the market for free."
    assert _unstated(analyzer, claim, passage) == ["the Kestrel Market"]
    assert _unstated(analyzer, claim, passage, lead=lead) == []
    assert _unstated(analyzer, claim, passage, context=lead) == []
    other = "Tern Labs released its kit and the associated Harlow Store on Monday."
    assert _unstated(analyzer, claim, passage, lead=other) == ["the Kestrel Market"]
    shop = "Any members of the Tern Developer Program can add apps to the shop for free."
    assert _unstated(analyzer, claim, shop, lead=lead) == ["the Kestrel Market"]


def test_a_name_the_article_gave_further_back_is_stated_by_its_noun(analyzer):
    """ "The plant in Eastvale" several paragraphs back, then "invest $200 million into
    the plant": the claim's "Eastvale plant" is stated; not where a nearer paragraph
    named another plant, nor where the passage says "a plant", nor without the article."""
    claim = "Norrland Motors will invest $200 million in the Eastvale plant."
    passage = "Norrland Motors is still committed to invest $200 million into the plant."
    named = "The plant in Eastvale, Ontario will lose one shift."
    between = ("The plant makes two models.", "Any time a plant goes, jobs go with it.")
    assert _unstated(analyzer, claim, passage) == ["Eastvale"]
    assert _unstated(analyzer, claim, passage, article=(*between, named)) == []
    assert _unstated(analyzer, claim, passage, article=("Its Eastvale plant is old.",)) == []
    other = "The Wixom plant will close in May."
    assert _unstated(analyzer, claim, passage, article=(other, named)) == ["Eastvale"]
    loose = "Norrland Motors is still committed to invest $200 million into a plant."
    assert _unstated(analyzer, claim, loose, article=(named,)) == ["Eastvale"]
    quoted = '"The plant has been good to us," said Ida Ortiz of Norrland Motors.'
    told = "Ida Ortiz of Norrland Motors said the Eastvale plant had been good to them."
    assert _unstated(analyzer, told, quoted, article=(named,)) == []
    # the claim ties no noun to the name: nothing to refer back by
    bare = "Norrland Motors will invest $200 million in Eastvale."
    assert _unstated(analyzer, bare, passage, article=(named,)) == ["Eastvale"]


@pytest.mark.parametrize(
    ("claim", "passage", "article"),
    [
        # the nearest passage that names a plant names two: which one is not known
        (
            "Halvorsen Motors will close the Welland plant in September.",
            "Halvorsen Motors said the plant will close in September.",
            ("The firm will keep the Welland plant open but shut the Brampton plant.",),
        ),
        # names that share a last word are other names
        (
            "Halvorsen Motors will close the Oklahoma City plant in June.",
            "Halvorsen Motors said the plant will close in June.",
            ("It builds pickups at the Kansas City plant.", "The Oklahoma City plant is old."),
        ),
        # a name part of another, or spelt alike, is another place
        (
            "Halvorsen Motors will close the Kansas plant in June.",
            "Halvorsen Motors said the plant will close in June.",
            ("It builds pickups at the Kansas City plant.",),
        ),
        (
            "Austria's coach was sent off in the 80th minute.",
            "The coach was sent off in the 80th minute.",
            ("Australia's coach Pim Rook had complained.",),
        ),
        # "head" is not "president", whatever synonym group they share
        (
            "Norlandia's president said the vote was illegal.",
            "The head of the army said the vote was illegal.",
            ("Norlandia's president Ivo Dahl was flown out.",),
        ),
        # the passage names its noun in apposition, or further on
        (
            "Panama's coach said the team had played well.",
            "The coach, Reinaldo Ruiz, said the team had played well.",
            ("Panama's coach Gary Stempel picked three new players.",),
        ),
        (
            "Halvorsen Motors will close the Eastvale plant in June.",
            "Halvorsen Motors will close the plant near the town of Wixom in June.",
            ("The plant in Eastvale employs 1,400 people.",),
        ),
        # a plural given names names several things, none of them "the position"
        (
            "Ida Ortiz was paid $5 million for her work in the Brekke Bank position.",
            "Ida Ortiz was paid $5 million for her work in the position.",
            ("Before that, Ida Ortiz held positions at Brekke Bank and Tallis Group.",),
        ),
        # a name after "of" that owns something else is not the noun's name
        (
            "Panama's coach was sent off in the 80th minute.",
            "The coach was sent off in the 80th minute.",
            ("Luis Mora, the coach of Panama's opponents, had complained.",),
        ),
        # the passage names its own plant, nearer than any before it
        (
            "Halvorsen Motors will close the Eastvale plant in June.",
            "Halvorsen Motors will close the plant near Wixom in June.",
            ("The plant in Eastvale employs 1,400 people.",),
        ),
        (
            "Ida Ortiz said the Eastvale plant will close in June.",
            "Ida Ortiz, who ran the Wixom plant for a decade, said the plant will close in June.",
            ("The plant in Eastvale employs 1,400 people.",),
        ),
    ],
)
def test_the_noun_refers_back_only_to_one_name_nearest_first(analyzer, claim, passage, article):
    assert _unstated(analyzer, claim, passage, article=article) != []


def test_reading_back_stops_at_the_passage_that_names_the_noun():
    from factcheck.pipeline.antecedents import walk_back
    from factcheck.types import Passage

    chain = {
        f"p{i}": Passage(f"p{i}", f"t{i}", "s", "", i * 10, i * 10 + 9, prev_id=f"p{i - 1}")
        for i in range(6)
    }
    chain["p0"] = replace(chain["p0"], prev_id="")
    store = dict(chain)
    asked: list[list[str]] = []

    def get(ids):
        asked.append(ids)
        return {i: store[i] for i in ids if i in store}

    def analyze(ps):
        return [p.text for p in ps]

    seen = {"p5": chain["p5"]}
    facts: dict = {}
    got = walk_back({"k": "p4"}, lambda k, f: f == "t2", seen, {}, facts, get, analyze, 8)
    assert got == {"k": ("t4", "t3", "t2")}  # nearest first, up to the one that names it
    assert asked == [["p4"], ["p3"], ["p2"]]  # one round trip a step
    short = walk_back({"k": "p4"}, lambda k, f: False, {}, {}, {}, get, analyze, 2)
    assert short == {"k": ("t4", "t3")}  # never further back than ``depth``
    assert walk_back({"k": "p1"}, lambda k, f: False, {}, {}, {}, get, analyze, 8) == {
        "k": ("t1", "t0")  # the source's start
    }


def test_a_passage_about_others_takes_no_names_from_around_it(analyzer):
    """ "Another company ...", "Other carriers also ...": the passage says it is about
    something other than what its headline, lead and the passage before named."""
    claim = "Halvorsen Freight will cut 300 jobs by May 2027."
    lead = "Halvorsen Freight, the shipping group, said on Monday that it would restructure."
    others = "Other companies will also cut 300 jobs by May 2027, a spokesman said."
    assert _unstated(analyzer, claim, others, lead=lead) == ["Halvorsen Freight"]
    assert _unstated(analyzer, claim, others, context=lead) == ["Halvorsen Freight"]
    title = "Halvorsen Freight to cut jobs"
    assert _unstated(analyzer, claim, others, title=title) == ["Halvorsen Freight"]
    same = "The company will cut 300 jobs by May 2027, a spokesman said."
    assert _unstated(analyzer, claim, same, title=title) == []
    # "another" further in says nothing of whom the passage is about
    further = "It will cut 300 jobs by May 2027, another blow to the port, a spokesman said."
    assert _unstated(analyzer, claim, further, context=lead) == []


def test_clause_cover_is_the_share_of_a_clause_a_passage_must_hold(analyzer):
    claim = "Northwind Air ordered 12 Airbus A350s, prompting a regulatory inquiry."
    lenient = replace(DEFAULT, weights=replace(DEFAULT.weights, clause_cover=0.0))
    assert _unstated(analyzer, claim, ORDER, t=lenient) == []
    assert _unstated(analyzer, claim, ORDER) == ["'prompting a regulatory inquiry'"]


REWORDED = (
    "Northwind Air ordered 12 Airbus A350s, which its chairman called vital for the"
    " airline's growth."
)
EXPANSION = (
    "Northwind Air has ordered 12 Airbus A350s, which its chairman described as essential to"
    " the airline's expansion."
)


def test_reworded_only_a_clause_with_none_of_its_words_there_is_unstated(analyzer):
    """Where the stance model reads the claim as said, a clause with some of its words in
    the passage is said in other words; one with none of them is something added."""
    a, t = _assessed(analyzer, REWORDED, EXPANSION)
    assert unstated(a, t) == [repr("which its chairman called vital for the airline's growth")]
    assert unstated(a, t, reworded=True) == []
    added = "Northwind Air ordered 12 Airbus A350s, prompting a regulatory inquiry."
    a, t = _assessed(analyzer, added, ORDER)
    assert unstated(a, t, reworded=True) == ["'prompting a regulatory inquiry'"]


def test_a_clause_reworded_is_stated_when_the_model_reads_the_claim_as_said(analyzer):
    from factcheck.rules.compare import compare
    from factcheck.types import StanceProbs

    claim, passage = analyzer.analyze(REWORDED, DL), analyzer.analyze(EXPANSION, DL)
    said = compare(claim, passage, 0.8, StanceProbs(0.8, 0.1, 0.1))
    assert said.stance == Stance.SUPPORTS, said.rationale
    unsure = compare(claim, passage, 0.8, StanceProbs(0.3, 0.1, 0.6))
    assert unsure.stance == Stance.NEUTRAL and "does not state" in unsure.rationale


# -- not_stated -----------------------------------------------------------------------------


def test_not_stated_names_what_is_missing_and_stays_neutral(analyzer):
    a, t = _assessed(analyzer, "Northwind Air ordered 12 Airbus A350s with Skyline Jet.", ORDER)
    out = not_stated(a, unstated(a, t))
    assert out.stance == Stance.NEUTRAL and out.weight == 0.0
    assert out.rationale == "the source does not state Skyline Jet"
    assert (out.claim_spans, out.passage_spans) == (a.claim_spans, a.passage_spans)
    assert out.checks == a.checks and out.relatedness == a.relatedness
    many = not_stated(a, ["Skyline Jet", "$4 billion", "2014", "300"])
    assert many.rationale == "the source does not state Skyline Jet, $4 billion, 2014"


# -- other_name -----------------------------------------------------------------------------


def test_the_same_said_of_another_name_refutes(analyzer):
    a, t = _assessed(analyzer, SWAPPED, ORDER)
    missing = unstated(a, t)
    assert missing == ["Eastwind Air"]
    out = other_name(a, missing, t)
    assert out is not None and out.stance == Stance.REFUTES
    assert out.rationale == "the source says this of Northwind Air, not Eastwind Air"
    w = t.weights
    assert out.weight == pytest.approx(
        min(1.0, w.other_name_base + w.other_name_per_overlap * a.overlap)
    )
    assert (0, len("Eastwind Air")) in out.claim_spans
    assert (0, len("Northwind Air")) in out.passage_spans


def test_another_name_refutes_only_when_most_of_the_claim_is_there(analyzer):
    a, t = _assessed(analyzer, "Eastwind Air ordered jets.", ORDER)
    missing = unstated(a, t)
    assert missing == ["Eastwind Air"] and a.overlap < t.weights.other_name_overlap
    assert other_name(a, missing, t) is None
    lower = replace(t, weights=replace(t.weights, other_name_overlap=a.overlap))
    assert other_name(a, missing, lower) is not None  # the threshold is what held it


def test_another_name_refutes_only_when_everything_else_agrees(analyzer):
    a, t = _assessed(analyzer, SWAPPED, ORDER)
    assert other_name(a, ["Eastwind Air", "$4 billion"], t) is None  # a figure missing too
    b, t = _assessed(
        analyzer, "Eastwind Air has ordered 20 Airbus A350s and 8 Airbus A321s.", ORDER
    )
    assert any(not c.agree for c in b.checks)
    assert other_name(b, ["Eastwind Air"], t) is None  # 20 is not 12: a figure decides


def test_another_name_must_be_of_the_same_kind(analyzer):
    """A person who placed the order is not another airline that did."""
    t = replace(DEFAULT, weights=replace(DEFAULT.weights, other_name_overlap=0.0))
    a, t = _assessed(
        analyzer,
        SWAPPED,
        "Chief executive Maria Lopez has ordered 12 Airbus A350s and 8 Airbus A321s.",
        t=t,
    )
    assert unstated(a, t) == ["Eastwind Air"]
    assert other_name(a, ["Eastwind Air"], t) is None


# -- other_party ----------------------------------------------------------------------------


def test_another_doer_of_the_claims_verb_and_object_refutes(analyzer):
    a, t = _assessed(
        analyzer,
        "Halden Motors will supply the engines for the navy tankers.",
        "Corvane Dynamics, part of the consortium, will supply engines.",
        sim=0.3,
        title="Consortium wins navy tanker contract",
    )
    missing = unstated(a, t)
    assert missing == ["Halden Motors"]
    out = other_party(a, missing, t)
    assert out is not None and out.stance == Stance.REFUTES
    assert out.rationale == "the source says this of Corvane Dynamics, not Halden Motors"


@pytest.mark.parametrize(
    "passage",
    [
        # another object: not the claim's verb and object
        "Corvane Dynamics, part of the consortium, will supply electronics.",
        # the claim's own name there too: both may do it
        "Corvane Dynamics and Halden Motors will supply engines.",
        # not a name
        "The consortium will supply engines.",
    ],
)
def test_another_doer_refutes_only_in_the_claims_place_by_name(analyzer, passage):
    a, t = _assessed(
        analyzer,
        "Halden Motors will supply the engines for the navy tankers.",
        passage,
        sim=0.3,
        title="Consortium wins navy tanker contract",
    )
    assert other_party(a, unstated(a, t), t) is None


def test_another_name_hung_on_the_claims_word_refutes(analyzer):
    """'bid for Boeing contracts' / 'bid for Lockheed contracts': the same place of the
    same words, another name of the same kind in it."""
    claim = "The Avra unit may bid again for Boeing launch contracts, the ministry said."
    a, t = _assessed(
        analyzer,
        claim,
        "The Avra unit may bid again for Lockheed launch contracts, the ministry said.",
    )
    missing = unstated(a, t)
    assert missing == ["Boeing"]
    out = other_party(a, missing, t)
    assert out is not None and out.rationale == "the source says this of Lockheed, not Boeing"
    # hung on another word, it is no place of the claim's name
    b, t = _assessed(
        analyzer, claim, "The Avra unit may bid again for launch contracts, Lockheed said."
    )
    assert other_party(b, unstated(b, t), t) is None


def test_another_party_must_be_a_name_of_the_same_kind(analyzer):
    """A person is not another company that did it; a continent is not another country
    (it may hold it), nor is any place another's."""
    a, t = _assessed(
        analyzer,
        "Angela Merkel announced 3,000 job cuts on Monday.",
        "General Motors announced 3,000 job cuts on Monday.",
    )
    assert other_party(a, unstated(a, t), t) is None
    b, t = _assessed(
        analyzer,
        "General Motors sold 500,000 cars in Canada last year.",
        "General Motors sold 500,000 cars in North America last year.",
    )
    assert other_party(b, unstated(b, t), t) is None


def test_a_name_of_another_kind_in_the_claims_place(analyzer):
    """ "bid for Harlow Port cargo contracts" against "bid for U.S. cargo contracts": the
    same words either side of the name, another name between them, whatever its kind."""
    from factcheck.rules.coverage import in_its_place

    claim = analyzer.analyze("Dunmore may bid once more for Harlow Port cargo contracts.")
    (port,) = [e for e in claim.entities if "Harlow" in e.text]
    other = analyzer.analyze("Dunmore may bid once more for U.S. cargo contracts, it said.")
    found = in_its_place(claim, port, other)
    assert found is not None and found[0] == "U.S"
    assert other.text[found[1][0] : found[1][1]] == "U.S"
    # a description in its place is the same place named another way
    city = analyzer.analyze("Dunmore may bid once more for the city's cargo contracts.")
    assert in_its_place(claim, port, city) is None
    # the claim's own name there, or other words around it: nothing in its place
    same = analyzer.analyze("Dunmore may bid once more for Harlow Port cargo contracts.")
    assert in_its_place(claim, port, same) is None
    apart = analyzer.analyze("Dunmore may bid for U.S. rail contracts.")
    assert in_its_place(claim, port, apart) is None


def test_another_name_in_the_claims_place_refutes_though_the_article_names_it(analyzer):
    """ "A press conference held by Ida Lind" against "held by Marco Vidal": the article
    names Ida Lind in the passage before, so her name is not missing, but the passage
    gives the claim's place to someone else."""
    from factcheck.rules.coverage import name_in_place

    a, t = _assessed(
        analyzer,
        "The plan came in a rare press conference held by Ida Lind on Friday morning.",
        "The plan came in a rare press conference held by Marco Vidal on Friday morning.",
        context="Dunmore's chief executive Ida Lind left the company in March.",
    )
    out = name_in_place(a, t)
    assert out is not None and out.stance == Stance.REFUTES
    assert "Marco Vidal" in out.rationale and "Ida Lind" in out.rationale
    # her own name in its place (however shortened) is no other name
    a, t = _assessed(
        analyzer,
        "The plan came in a rare press conference held by Ida Lind on Friday morning.",
        "The plan came in a rare press conference held by Lind on Friday morning.",
    )
    assert name_in_place(a, t) is None


def test_a_name_opening_the_claim_is_placed_by_the_words_after_it(analyzer):
    """ "Dunmore Motors was hardest hit among the carmakers" against "Harlow Motors was
    hardest hit among the carmakers": the name opens both sentences; the three words after
    it place it, and only a name of its kind takes its place ("The company", "Chief
    executive Ida Lind" do not)."""
    from factcheck.rules.coverage import in_its_place

    claim = analyzer.analyze("Dunmore Motors was hardest hit among the carmakers.")
    (name,) = [e for e in claim.entities if "Dunmore" in e.text]
    other = analyzer.analyze("Harlow Motors was hardest hit among the carmakers, with a 55% fall.")
    found = in_its_place(claim, name, other)
    assert found is not None and found[0] == "Harlow Motors"
    for text in (
        "The company was hardest hit among the carmakers.",
        "Dunmore Motors was hardest hit among the carmakers.",
        "Chief executive Ida Lind was hardest hit among the carmakers.",
    ):
        assert in_its_place(claim, name, analyzer.analyze(text)) is None, text
