"""nlp/facts.py and its helpers (syntax.py, words.py, names.py, facts_json.py): what one
sentence states, in comparable form."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from factcheck.nlp.facts import TextFacts, ValueInContext
from factcheck.nlp.facts_json import facts_from_json, facts_to_json
from factcheck.nlp.names import capitals, entity_match, norm_entity, written_names
from factcheck.nlp.words import canon, fuzzy_in
from factcheck.types import ValueKind

DL = dt.date(2021, 12, 31)


def test_values_come_with_their_context_noun_and_anchor(analyzer):
    f = analyzer.analyze("Russia has massed around 100,000 troops near the border.", DL)
    assert isinstance(f, TextFacts) and all(isinstance(x, ValueInContext) for x in f.found)
    (x,) = f.found
    assert x.value.kind == ValueKind.QUANTITY and x.value.noun == "troop"
    assert x.value.unit == "" and x.anchor == "troop"
    assert "border" in x.context
    assert f.values == (x.value,)


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("The firm will close 300 car dealers.", "dealer"),
        ("It sold 12 Boeing 777s.", "777"),  # a model's plural is the model
        ("It has one Airbus A380.", "a380"),
        ("The index posted a 679-point fall.", "point"),  # joined by a hyphen: its noun
        ("They sent a 12-member team.", "member"),
    ],
)
def test_a_number_counts_the_head_of_its_noun_phrase(analyzer, text, noun):
    (v,) = analyzer.analyze(text, DL).values
    assert v.noun == noun


def test_a_measure_keeps_its_unit_and_counts_nothing(analyzer):
    (v,) = analyzer.analyze("The convoy stretched 40 km.", DL).values
    assert (v.unit, v.noun) == ("m", "")


def test_duration_roles_are_their_own_field(analyzer):
    f = analyzer.analyze("Their 50-minute call was the second in three weeks.", DL)
    roles = {v.text: v.role for v in f.values if v.kind == ValueKind.DURATION}
    assert roles == {"50-minute": "length", "three weeks": "span"}


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("The capsule separated 95 seconds after launch.", "offset"),
        ("The ferry docked two hours later than planned.", "offset"),
        ("Talks resumed six days before the vote.", "offset"),
        ("The ferry entered service two years behind schedule.", "offset"),
        ("The new bridge opened four months late.", "offset"),
        ("Talks began when 110 days remained before the vote.", "offset"),
        ("With a week to go, the ferry was ready.", "offset"),
        ("The remaining two years were hard.", "length"),
        # a window word before the duration wins over "before": how long the fall took
        ("The index lost 4% in two hours before trading stopped.", "length"),
        # how far back a record goes (a superlative's or a first's window)
        ("The index's lowest close in two years came before trading stopped.", "record"),
        ("The index fell to its lowest level in 10 years.", "record"),
        ("The firm posted its first profit for four years.", "record"),
        ("It is the first time in a decade that the mill closed.", "record"),
        ("It was their second win in three weeks.", "span"),  # a count within the window
        ("The mill has been the largest employer for 20 years.", "length"),
        ("The council will cut 500 posts over the next five years.", "ahead"),
        ("The union said it would strike within 72 hours.", "ahead"),
        ("Coral cover has fallen by half in the past 50 years.", "span"),
        ("The ministers talked for an hour.", "length"),
    ],
)
def test_a_duration_before_after_or_later_is_an_offset_between_events(analyzer, text, role):
    (v,) = [v for v in analyzer.analyze(text, DL).values if v.kind == ValueKind.DURATION]
    assert v.role == role


def test_dates_carry_their_grain(analyzer):
    (v,) = analyzer.analyze("Putin seized Crimea in 2014.", DL).values
    assert (v.kind, v.grain, v.role, v.noun) == (ValueKind.DATE, "year", "", "")


def test_entities_have_a_name_and_a_type(analyzer):
    f = analyzer.analyze("The U.S. and Ukraine held talks in Geneva.", DL)
    names = {(e.name, e.entity_type) for e in f.entities}
    assert ("united states", "GPE") in names and ("ukraine", "GPE") in names


def test_a_models_number_with_an_owner_is_a_name_not_a_count(analyzer):
    """ "The 787's order book": a count owns nothing; the number names a model, and is
    checked as a name (a headline or a lead may give it), never as a figure."""
    f = analyzer.analyze("Orders took the 787's order book to 677.", DL)
    assert [(e.name, e.entity_type) for e in f.entities] == [("787", "PRODUCT")]
    assert [v.text for v in f.values if v.kind != ValueKind.ENTITY] == ["677"]
    # the number that ends a name written before it, or a year's, names nothing alone
    for text in ("The Lumo 4's camera impressed.", "Sales rose in 2009's first quarter."):
        assert not [e for e in analyzer.analyze(text, DL).entities if e.entity_type == "PRODUCT"]


def test_a_capital_stands_for_its_country_only_as_a_place():
    assert norm_entity("Moscow", "GPE") == "russia"
    assert norm_entity("Kyiv", "GPE") == norm_entity("Kiev", "GPE") == "ukraine"
    assert norm_entity("Washington", "GPE") == "united states"
    assert norm_entity("Hamilton", "PERSON") == "hamilton"  # a person, not Bermuda's capital
    assert "kingston" not in capitals()  # the capital of two countries in the data: neither


def test_a_name_is_matched_whatever_the_spaces_copy_puts_around_its_hyphen():
    bell = norm_entity("Bell-Norris", "ORG")
    assert entity_match(norm_entity("Bell - Norris", "ORG"), bell)
    assert entity_match(norm_entity("Bergen - Bell-Norris", "ORG"), norm_entity("Bergen", "GPE"))
    assert not entity_match(bell, norm_entity("Bell-Vardy", "ORG"))


def test_synonyms_follow_the_part_of_speech(analyzer):
    """A NOUN "talks" is a meeting (it matches "summit"); a VERB "talk" is speaking (it
    matches "call"): one word, two groups, by part of speech."""
    talks = analyzer.analyze("The presidents held talks in Geneva.", DL).content
    summit = analyzer.analyze("The presidents held a summit in Geneva.", DL).content
    talked = analyzer.analyze("The presidents talked on the phone.", DL).content
    assert canon("summit") in talks and canon("summit") in summit
    assert canon("call") in talked


def test_take_is_not_annex_and_killed_matches_died(analyzer):
    assert canon("take") == "take"
    killed = analyzer.analyze("Ten people were killed in the blast.", DL).content
    died = analyzer.analyze("Ten people died in the blast.", DL).content
    assert canon("die") in killed and canon("die") in died


def test_negation_attribution_and_clauses(analyzer):
    f = analyzer.analyze(
        "Ushakov said Russia would not deploy missiles, prompting a rebuke from Kyiv.", DL
    )
    assert f.attribution == "Ushakov" and f.reported
    assert canon("deploy") in f.negated
    assert any("prompting" in text for text, _ in f.clauses)


def test_numbers_in_names_count_nothing(analyzer):
    f = analyzer.analyze("The FTSE 100 fell 6.5% on Monday.", DL)
    assert [v.text for v in f.values if v.kind == ValueKind.QUANTITY] == []


def test_every_alias_in_the_table_is_reachable():
    from factcheck.lang import vocabulary

    for alias, name in vocabulary("en").aliases.items():
        assert norm_entity(alias, "GPE") == norm_entity(name, "GPE"), alias
        assert norm_entity(alias.upper(), "ORG") == name, alias


def test_word_and_name_matching():
    assert fuzzy_in("crimean", frozenset({"crimea"})) and not fuzzy_in("country", {"counterpart"})
    assert entity_match("putin", "vladimir putin") and entity_match("gm", "general motors")
    assert not entity_match("gm", "ford motor")


def test_facts_round_trip_through_json(analyzer):
    f = analyzer.analyze("Around 100,000 troops have been stationed there since 2014.", DL)
    g = facts_from_json(facts_to_json(f), f.text)
    assert g.found == f.found and g.entities == f.entities and g.content == f.content


def test_facts_written_before_the_typed_fields_still_read():
    """Verdict memories stored with one ``label``/``unit`` for everything read back into
    the separate fields."""
    old = {
        "values": [
            {
                "kind": "quantity",
                "text": "100,000",
                "span": [0, 7],
                "low": 1e5,
                "high": 1e5,
                "unit": "troop",
            },
            {
                "kind": "quantity",
                "text": "40 km",
                "span": [9, 14],
                "low": 4e4,
                "high": 4e4,
                "unit": "m",
            },
            {
                "kind": "date",
                "text": "2014",
                "span": [20, 24],
                "date_from": "2014-01-01",
                "date_to": "2014-12-31",
                "label": "year",
            },
            {
                "kind": "duration",
                "text": "an hour",
                "span": [30, 37],
                "low": 3600.0,
                "high": 3600.0,
                "unit": "second",
                "label": "length",
            },
        ],
        "contexts": [["troop"], [], [], []],
        "anchors": ["troop", "", "seize", "call"],
        "entities": [
            {
                "kind": "entity",
                "text": "Putin",
                "span": [40, 45],
                "unit": "putin",
                "label": "PERSON",
            }
        ],
        "content": ["putin"],
        "negated": [],
        "predicates": [],
        "attribution": None,
        "flags": [False, False, False, False, True],
        "tokens": 9,
    }
    f = facts_from_json(json.dumps(old), "x")
    troops, km, year, hour = f.values
    assert (troops.noun, troops.unit) == ("troop", "")
    assert (km.noun, km.unit) == ("", "m")
    assert year.grain == "year" and hour.role == "length" and hour.unit == "second"
    (putin,) = f.entities
    assert (putin.name, putin.entity_type) == ("putin", "PERSON")


@pytest.mark.parametrize("kind", list(ValueKind))
def test_value_json_names_each_field_once(kind):
    from factcheck.types import Value

    d = Value(kind=kind, text="x", span=(0, 1), noun="troop", role="length").to_dict()
    assert (d["kind"] == kind.value and "label" not in d.get("normalized", {})) or kind == "entity"


def test_a_designation_is_searched_as_a_name(analyzer):
    """A word that starts with a letter and holds a digit names an aircraft, a product or
    a virus ("the K90X", "H5N2"); a figure with its unit ("4GB") or an ordinal is no name."""
    from factcheck.pipeline.retrieval import claim_names

    f = analyzer.analyze("The K90X made its first flight, and the 4GB model has 2nd place.", DL)
    assert "K90X" in claim_names(f)
    assert not {"4GB", "2nd"} & set(claim_names(f))
    f = analyzer.analyze("Cases of H5N2 and of the ZR-77 virus rose by 12% in 10km zones.", DL)
    assert {"H5N2", "ZR-77"} <= set(claim_names(f)) and "10km" not in claim_names(f)
    f = analyzer.analyze("By mid-2016 the top-10 firms had FY2015 results, post-2008.", DL)
    assert not claim_names(f)


def test_a_measure_of_a_prepositions_phrase_is_anchored_on_its_object(analyzer):
    """ "three years behind schedule", "5% below forecasts": measured against the
    schedule, whatever verb or date the parser hangs the phrase on; an offset between two
    events keeps the event word."""
    f = analyzer.analyze("The ship was launched on 3 May, two years behind schedule.", DL)
    (x,) = [x for x in f.found if x.value.kind == ValueKind.DURATION]
    assert x.anchor == "schedule"
    f = analyzer.analyze("Sales came in 5% below forecasts.", DL)
    assert [x.anchor for x in f.found] == ["forecast"]
    f = analyzer.analyze("The tank exploded two hours after the launch.", DL)
    assert [x.anchor for x in f.found] == ["explode"]


def test_names_are_searched_as_written_without_article_or_possessive():
    got = written_names(
        ["the FTSE 100's", "Kestrel Motors", "US", "2016 Kestrel Motors", "Ana Ruiz"]
    )
    assert got == ("FTSE 100", "Kestrel Motors", "Ana Ruiz")


def test_the_time_since_a_date_is_a_window_after_a_superlative_else_a_length(analyzer):
    """ "its first loss since 2014" is how far back a record goes ("its first in seven
    years"); "its third strike since 2014" counts within a window;
    "has been closed since 2019" is how long the closure has lasted ("for two years")."""
    import datetime as dt

    from factcheck.types import ValueKind

    def role(text):
        f = analyzer.analyze(text, dt.date(2021, 12, 31))
        (v,) = [x.value for x in f.found if x.value.kind == ValueKind.DURATION]
        return v.role

    assert role("The firm posted its first loss since 2014.") == "record"
    assert role("Sales were the highest since 2014.") == "record"
    assert role("It was the third strike since 2014.") == "span"  # a count in the window
    assert role("The index has not closed above 900 since 2014.") == "span"
    assert role("The mill has been closed since 2014.") == "length"


def test_a_texts_lengths_read_from_its_own_dates_are_not_among_what_it_states(analyzer):
    """ "From 2004 to 2009" and "since 2014" are stated by their dates: a claim's own are
    never asked for as lengths; a length written as one ("for two years") is."""
    import datetime as dt

    from factcheck.types import ValueKind

    def stated(text):
        f = analyzer.analyze(text, dt.date(2021, 12, 31))
        found = [x.value for x in f.found if x.value.kind == ValueKind.DURATION]
        return len(found), [x.value.text for x in f.stated if x.value.kind == ValueKind.DURATION]

    assert stated("The mill made boots from 2004 to 2009.") == (1, [])
    assert stated("The mill has been closed since 2014.") == (1, [])
    assert stated("The mill was closed for two years from 2014.") == (1, ["two years"])


def test_names_of_one_kind_listed_together_count_them(analyzer):
    """ "From Norway, Finland and Estonia" is three countries: a count a passage states,
    which a claim's own list never asks for; items of mixed kinds make no count."""
    import datetime as dt

    from factcheck.nlp.lists import is_list_count

    def lists(text):
        f = analyzer.analyze(text, dt.date(2021, 12, 31))
        counts = [x.value for x in f.found if is_list_count(x.value)]
        assert not any(is_list_count(x.value) for x in f.stated)
        return [(v.text, v.low, v.noun) for v in counts]

    ((text, n, noun),) = lists("Delegates from Norway, Finland and Estonia met on Monday.")
    assert (text, n) == ("Norway, Finland and Estonia", 3) and noun
    assert not lists("The company makes cars and trucks.")


def test_a_list_of_counts_writes_its_counted_noun_once(analyzer):
    """ "4,300 jobs in France, 3,700 in Germany and 400 in Spain" counts jobs three times:
    the claim's "3,700 jobs in Germany" is that 3,700, not the 4,300 that names the noun."""
    f = analyzer.analyze(
        "Kestrel expects to cut approximately 4,300 jobs in France, 3,700 in Germany and"
        " 400 in Spain.",
        DL,
    )
    assert [(v.text, v.noun) for v in f.values if v.kind == ValueKind.QUANTITY] == [
        ("approximately 4,300", "job"),
        ("3,700", "job"),
        ("400", "job"),
    ]
    # a count after another clause, or of another noun, keeps its own
    g = analyzer.analyze("The vote was 52 votes to 48.", DL)
    assert [v.noun for v in g.values if v.kind == ValueKind.QUANTITY] == ["vote", ""]
    # a part ("3 of whom") or the subject of its own verb ("2,000 fled") is no list item
    for text in (
        "The crash killed 12 people, 3 of whom were children.",
        "The flood destroyed 80 homes, and 2,000 fled.",
    ):
        counts = [v for v in analyzer.analyze(text, DL).values if v.kind == ValueKind.QUANTITY]
        assert counts[-1].noun == "", text


def test_a_claim_count_pairs_with_its_own_item_of_a_list(analyzer):
    from factcheck.rules.align import align

    passage = analyzer.analyze(
        "Kestrel expects to cut approximately 4,300 jobs in France, 3,700 in Germany and"
        " 400 in Spain.",
        DL,
    )
    claim = analyzer.analyze("Kestrel expects to cut about 3,700 jobs in Germany.", DL)
    assert [(c.passage.text, c.agree) for c in align(claim, passage)] == [("3,700", True)]
