"""The language tables themselves (factcheck/lang/<code>/*.json): consistent, complete,
and the words in them are what the rules will meet."""

from __future__ import annotations

import dataclasses

import pytest

from factcheck.lang import Hedge, MeasureUnit, languages, problems, vocabulary


@pytest.mark.parametrize("code", languages())
def test_every_language_table_is_consistent(code):
    assert problems(vocabulary(code)) == []


def test_english_is_there():
    assert "en" in languages()


def test_the_checks_catch_broken_tables():
    """problems() is not a test that cannot fail: each kind of defect is reported."""
    v = vocabulary("en")
    broken = dataclasses.replace(
        v,
        synonyms=(*v.synonyms, ("rise", "ascend")),
        measures=(*v.measures, MeasureUnit("furlong", "", 201.168, ("furlong",))),
        hedges={**v.hedges, "circa": Hedge("circa", "roughly")},  # type: ignore[arg-type]
        months={k: x for k, x in v.months.items() if x != 5},
    )
    found = "\n".join(problems(broken))
    assert "'rise' is in groups" in found
    assert "unit 'furlong' has no dimension" in found
    assert "hedge 'circa' has no direction" in found
    assert "months do not cover" in found


def test_the_checks_catch_broken_grammar_tables():
    v = vocabulary("en")
    broken = dataclasses.replace(
        v,
        abbreviations=v.abbreviations | {"Mr."},
        numbered_abbreviations=v.numbered_abbreviations | {"pp"},
        calendar_units={**v.calendar_units, "fortnight": "fortnight"},
        range_openers={**v.range_openers, "till": "from"},
        spoken_durations=(*v.spoken_durations, "jiffy"),
        injection=dataclasses.replace(v.injection, roles=()),
        fractions={**v.fractions, "whole": 1},
        fraction_width=0.6,
        ratio_joiners=(),
    )
    found = "\n".join(problems(broken))
    assert "abbreviation 'Mr.' is not lower-case" in found
    assert "abbreviation before numbers 'pp' is not an abbreviation" in found
    assert "calendar unit 'fortnight' has grain 'fortnight'" in found
    assert "range opener for 'till' is for no range joiner" in found
    assert "spoken duration 'jiffy' is not a duration" in found
    assert "injection roles is empty" in found  # an empty pattern would match anything
    assert "fraction 'whole' has denominator 1" in found
    assert "fraction_width 0.6 is not a share below one half" in found
    assert "ratio_joiners is empty" in found


def test_abbreviations_take_the_month_abbreviations_from_the_dates_table():
    v = vocabulary("en")
    assert {"jan", "sept", "dec"} <= v.abbreviations and "may" not in v.abbreviations
    assert {"mr", "u.s", "e.g"} <= v.abbreviations and len(v.abbreviations) == 52
    assert v.numbered_abbreviations == {"no", "fig", "vol", "sec"}


def test_pos_qualified_entries_may_share_a_word_across_parts_of_speech():
    v = vocabulary("en")
    ok = dataclasses.replace(v, synonyms=(("talk:NOUN", "meeting"), ("talk:VERB", "speak")))
    assert not [p for p in problems(ok) if "synonym" in p]
    bad = dataclasses.replace(v, synonyms=(("talk", "meeting"), ("talk:VERB", "speak")))
    assert [p for p in problems(bad) if "'talk:VERB' is in groups" in p]


def test_hedges_say_which_way_and_how_wide():
    h = vocabulary("en").hedges
    assert h["around"].factors == (0.9, 1.1)
    assert h["more than"].factors[1] == float("inf") and h["more than"].strict
    assert h["nearly"].factors == (0.9, 1.0)
    assert h["well over"].factors[0] == pytest.approx(1.1)
    assert all(x.means in ("about", "at_least", "at_most") for x in h.values())


def test_every_spelling_names_one_unit_with_a_dimension():
    v = vocabulary("en")
    for u in v.measures:
        assert u.dimension and u.factor > 0
        for s in u.spellings:
            assert v.measure(s) is u
    assert v.measure("ft").unit == "foot" and v.measure("inche") is None  # no stemming artefacts
    assert v.currency_code("US$") == "USD" and v.currency_code("Roubles") == "RUB"


def test_synonym_entries_are_lemmas_the_pipeline_produces(analyzer):
    """An entry spaCy never yields as a lemma can never match ("killed" -> "kill")."""
    unreachable = []
    for group in vocabulary("en").synonyms:
        for entry in group:
            word, _, pos = entry.partition(":")
            toks = [t for t in analyzer.nlp(word)]
            if len(toks) != 1 or toks[0].lemma_.lower() != word:
                # try it as the part of speech it is listed for, in a frame
                frame = {"VERB": f"They {word} it.", "NOUN": f"The {word} ended."}.get(pos, "")
                doc = analyzer.nlp(frame) if frame else []
                if not any(t.lemma_.lower() == word for t in doc):
                    unreachable.append(entry)
    assert unreachable == []


def test_every_unit_and_hedge_in_the_tables_is_read(analyzer):
    """The value finders build their patterns from the tables, never retype them: every
    spelling of every unit, currency and hedge is found as written in the table."""
    import datetime as dt

    from factcheck.nlp.dates import DateContext
    from factcheck.nlp.values import find_values

    v = vocabulary("en")
    ctx = DateContext(dt.date(2021, 12, 31))
    for u in v.measures:
        for s in u.spellings:
            (got,), _ = find_values(f"It was 7 {s} long.", ctx)
            assert (got.unit, got.low) == (u.dimension, pytest.approx(7 * u.factor)), s
    for c in v.currencies:
        for w in c.words:
            (got,), _ = find_values(f"It cost 7 {w}.", ctx)
            assert (got.kind, got.unit) == ("money", c.code), w
        for sym in c.symbols:
            (got,), _ = find_values(f"It cost {sym}7.", ctx)
            assert (got.kind, got.unit) == ("money", c.code), sym
    for phrase, h in v.hedges.items():
        (got,), _ = find_values(f"They sent {phrase} 200 people.", ctx)
        assert got.hedge == phrase, phrase
        lo = h.factors[0]
        assert got.low == pytest.approx(200 * lo, rel=1e-4) or h.strict, phrase
