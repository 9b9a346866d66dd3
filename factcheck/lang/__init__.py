"""Per-language vocabulary, as data: ``vocabulary("en")`` reads ``factcheck/lang/en/*.json``.

The rule modules never spell a word list or a unit themselves: they read it from here and
build their regular expressions from it (:func:`alternation`), so a unit, a hedge or a
reporting verb is added in one place. :func:`problems` checks the tables themselves (no
word in two synonym groups, every unit has a dimension, every hedge a direction); the test
suite runs it for every language folder. See README.md here for adding a language.

No module reads a vocabulary when it is imported: the :class:`~factcheck.nlp.facts.Analyzer`
is given one (English by default) and passes it to every function that reads words, which
builds its patterns once per vocabulary; the rules read the vocabulary of the language
their facts were read in (``TextFacts.lang``). A function given ``vocab=None`` reads
English (:func:`resolve`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any

from factcheck.errors import ConfigError

from .checks import problems
from .tables import (
    GRAINS,
    MEANINGS,
    ClockWords,
    Currency,
    Hedge,
    HedgeMeaning,
    InjectionWords,
    MeasureUnit,
    Vocabulary,
)

__all__ = [
    "DEFAULT_LANGUAGE",
    "GRAINS",
    "MEANINGS",
    "ClockWords",
    "Currency",
    "Hedge",
    "HedgeMeaning",
    "InjectionWords",
    "MeasureUnit",
    "Vocabulary",
    "alternation",
    "languages",
    "problems",
    "resolve",
    "vocabulary",
    "words_pattern",
]


def alternation(words: Iterable[str], *, escape: bool = True) -> str:
    """A regex alternative of ``words``, longest first, a space matching any whitespace."""
    parts = sorted(set(words), key=lambda w: (-len(w), w))
    if escape:
        parts = [re.escape(w) for w in parts]
    return "|".join(re.sub(r"(?:\\ )+", r"\\s+", w) for w in parts)


def words_pattern(words: Iterable[str]) -> str:
    """A regex alternative of phrases, each ending at a word boundary when it ends in a
    letter; a trailing ``*`` in the table means any ending ("contradict*")."""
    out = []
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        stem = w.rstrip("*")
        body = re.sub(r"(?:\\ )+", r"\\s+", re.escape(stem))
        if w.endswith("*"):
            body += r"\w*"
        elif stem[-1:].isalnum():
            body += r"\b"
        out.append(body)
    return "|".join(out)


def _table(code: str, name: str) -> dict[str, Any]:
    try:
        text = resources.files(__package__).joinpath(code, name).read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError, OSError) as ex:
        raise ConfigError(
            f"No vocabulary table {code}/{name} in factcheck/lang/ ({ex}); languages: "
            + ", ".join(languages())
        ) from ex
    data: dict[str, Any] = json.loads(text)
    return data


def _optional(code: str, name: str) -> dict[str, Any]:
    """A table a language may do without (an empty one when its file is absent)."""
    if not resources.files(__package__).joinpath(code, name).is_file():
        return {}
    return _table(code, name)


def _ro(d: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(d))


def _gradable(d: Mapping[str, Any]) -> Mapping[str, int]:
    """Each gradable word: its scale's number (from 1), positive at the scale's upper end,
    negative at its lower end ("small" -1, "great" +1, "early" -3, "late" +3)."""
    out: dict[str, int] = {}
    for n, (up, down) in enumerate(d.values(), start=1):
        out |= {w: n for w in up} | {w: -n for w in down}
    return MappingProxyType(out)


def _floats(d: Mapping[str, Any]) -> Mapping[str, float]:
    return MappingProxyType({k: float(x) for k, x in d.items()})


def languages() -> list[str]:
    """The language folders under factcheck/lang/."""
    root = resources.files(__package__)
    return sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("_"))


DEFAULT_LANGUAGE = "en"


@lru_cache(maxsize=4)
def vocabulary(code: str = DEFAULT_LANGUAGE) -> Vocabulary:
    """The tables of one language (read once per process)."""
    num, uni, hed = (
        _table(code, "numbers.json"),
        _table(code, "units.json"),
        _table(code, "hedges.json"),
    )
    dat, lex = _table(code, "dates.json"), _table(code, "lexicon.json")
    syn, ali = _table(code, "synonyms.json"), _table(code, "aliases.json")
    abb, inj = _table(code, "abbreviations.json"), _table(code, "injection.json")
    return Vocabulary(
        code=code,
        units=_ro(num["units"]),
        tens=_ro(num["tens"]),
        scales=_floats(num["scales"]),
        suffixes=_floats(num["suffixes"]),
        collective=_floats(num["collective"]),
        plural_scales=_floats(num["plural_scales"]),
        ordinals=_ro(num["ordinals"]),
        one_not_after_words=frozenset(num["one_not_a_number_after_words"]),
        one_not_before=tuple(num["one_not_a_number_before"]),
        ordinal_idioms_before=tuple(num["ordinal_idioms_before"]),
        ordinal_idioms_after=tuple(num["ordinal_idioms_after"]),
        metre_words=tuple(num["metre_words"]),
        ordinal_suffixes=tuple(num["ordinal_suffixes"]),
        number_joiners=frozenset(num["number_joiners"]),
        decimal_points=frozenset(num.get("decimal_points", ())),
        half=tuple(num["half"]),
        scale_shares=_floats(num.get("scale_shares", {})),
        and_a_half=tuple(num["and_a_half"]),
        minus_words=tuple(num["minus_words"]),
        range_joiners=tuple(num["range_joiners"]),
        rating_scales=tuple(num.get("rating_scales", ())),
        hedged_range_after=frozenset(num.get("hedged_range_after", ())),
        list_joiners=tuple(num.get("list_joiners", ())),
        restating_joiners=tuple(num.get("restating_joiners", ())),
        total_markers=tuple(num.get("total_markers", ())),
        part_verbs=frozenset(num.get("part_verbs", ())),
        relative_multipliers=_floats(num.get("relative_multipliers", {})),
        relative_back=tuple(num.get("relative_back", ())),
        range_openers=_ro(num["range_openers"]),
        fractions=_ro(num["fractions"]),
        fraction_bare_before=tuple(num["fraction_bare_before"]),
        fraction_width=float(num["fraction_width"]),
        ratio_joiners=tuple(num["ratio_joiners"]),
        durations=_ro(uni["durations"]),
        article_durations=tuple(uni["article_durations"]),
        per_words=tuple(uni.get("per_words", ())),
        span_openers=tuple(uni["span_openers"]),
        measures=tuple(
            MeasureUnit(m["unit"], m["dimension"], float(m["factor"]), tuple(m["spellings"]))
            for m in uni["measures"]
        ),
        glued=_ro(uni["glued"]),
        factor_nouns=frozenset(uni["factor_nouns"]),
        percent=_ro({k: tuple(v) for k, v in uni["percent"].items()}),
        currencies=tuple(
            Currency(
                c["code"],
                tuple(c["symbols"]),
                tuple(c["words"]),
                tuple(c.get("minor_words", ())),
                tuple(c.get("minor_glued", ())),
            )
            for c in uni["currencies"]
        ),
        half_durations=tuple(uni["half_durations"]),
        spoken_durations=tuple(uni["spoken_durations"]),
        duration_adjectives=tuple(uni.get("duration_adjectives", ())),
        hedges=_ro(
            {
                p: Hedge(
                    phrase=p,
                    means=h.get("means", ""),
                    width=h.get("width"),
                    gap=float(h.get("gap", 0.0)),
                    strict=bool(h.get("strict", False)),
                )
                for p, h in hed["before"].items()
            }
        ),
        hedges_after=_ro(hed["after"]),
        months=_ro(dat["months"] | dat["month_abbreviations"]),
        weekdays=_ro(dat["weekdays"]),
        year_before=frozenset(dat["year_before"]),
        year_after=frozenset(dat["year_after"]),
        possessive_year_after=frozenset(dat.get("possessive_year_after", ())),
        future=tuple(dat["future"]),
        future_in_past=tuple(dat["future_in_past"]),
        days=_ro(dat["days"]),
        periods=_ro(dat["periods"]),
        month_modifiers=tuple(dat["month_modifiers"]),
        reference_before=tuple(dat["reference_before"]),
        account_time=tuple(dat["account_time"]),
        ago=tuple(dat["ago"]),
        ahead=tuple(dat.get("ahead", ())),
        ago_years=_ro({k.lower(): int(n) for k, n in dat.get("ago_years", {}).items()}),
        ago_years_width=float(dat.get("ago_years_width", 0.5)),
        ago_particles=tuple(dat.get("ago_particles", ())),
        base_offsets=tuple(dat["base_offsets"]),
        weekday_modifiers=_ro(dat["weekday_modifiers"]),
        same=tuple(dat["same"]),
        calendar_units=_ro(dat["calendar_units"]),
        weekend_words=frozenset(dat.get("weekend_words", ())),
        past_tense_free=frozenset(dat.get("past_tense_free", ())),
        rescheduling_verbs=frozenset(dat.get("rescheduling_verbs", ())),
        rescheduling_prepositions=frozenset(dat.get("rescheduling_prepositions", ())),
        forward_days=_ro({k: int(n) for k, n in dat.get("forward_days", {}).items()}),
        seasons=_ro({k: (int(x[0]), int(x[1])) for k, x in dat.get("seasons", {}).items()}),
        seasons_without_of=frozenset(dat.get("seasons_without_of", ())),
        season_before=tuple(dat.get("season_before", ())),
        elapsed_since=tuple(dat["elapsed_since"]),
        elapsed_hedge=dat["elapsed_hedge"],
        term_until=tuple(dat.get("term_until", ())),
        clock=ClockWords(
            halves=_ro(dat["clock"]["halves"]),
            words=_ro(dat["clock"]["words"]),
            parts_of_day=_ro(dat["clock"]["parts_of_day"]),
            after=tuple(dat["clock"]["after"]),
            zones=tuple(dat["clock"]["zones"]),
            until=tuple(dat["clock"]["until"]),
            between=tuple(dat["clock"]["between"]),
        ),
        reporting_verbs=frozenset(lex["reporting_verbs"]),
        saying_events=frozenset(lex.get("saying_events", ())),
        opinion_verbs=frozenset(lex["opinion_verbs"]),
        obligation=frozenset(lex["obligation"]),
        negations=frozenset(lex["negations"]),
        rises=frozenset(lex["rises"]),
        intentions=frozenset(lex["intentions"]),
        falls=frozenset(lex["falls"]),
        negative_words=frozenset(lex["negative_words"]),
        alternative_before_not=frozenset(lex["alternative_before_not"]),
        additive_after_not=frozenset(lex["additive_after_not"]),
        not_until=frozenset(lex["not_until"]),
        telling_verbs=frozenset(lex["telling_verbs"]),
        denial_verbs=frozenset(lex["denial_verbs"]),
        unnamed_speakers=frozenset(lex["unnamed_speakers"]),
        possibility_modals=frozenset(lex["possibility_modals"]),
        hedge_modals=frozenset(lex["hedge_modals"]),
        tentative_nouns=frozenset(lex["tentative_nouns"]),
        tentative_verbs=frozenset(lex["tentative_verbs"]),
        respective_markers=frozenset(lex["respective_markers"]),
        other_markers=frozenset(lex["other_markers"]),
        generic=frozenset(lex["generic"]),
        content_stopwords=frozenset(lex["content_stopwords"]),
        event_verbs=frozenset(lex["event_verbs"]),
        span_prepositions=frozenset(lex["span_prepositions"]),
        offset_words=frozenset(lex["offset_words"]),
        lateness_words=frozenset(lex["lateness_words"]),
        countdown_words=frozenset(lex["countdown_words"]),
        relation_prepositions=frozenset(lex["relation_prepositions"]),
        contrast=tuple(lex["contrast"]),
        personal_pronouns=frozenset(lex["personal_pronouns"]),
        name_function_words=frozenset(lex["name_function_words"]),
        legal_forms=frozenset(lex["legal_forms"]),
        reporting_phrases=_ro({k: tuple(x) for k, x in lex["reporting_phrases"].items()}),
        pronoun_speakers=frozenset(lex["pronoun_speakers"]),
        person_pronouns=frozenset(lex["person_pronouns"]),
        definite_articles=tuple(lex["definite_articles"]),
        indefinite_articles=tuple(lex["indefinite_articles"]),
        demonstratives=frozenset(lex["demonstratives"]),
        leaning_openers=frozenset(lex["leaning_openers"]),
        relative_pronouns=frozenset(lex["relative_pronouns"]),
        first_person=frozenset(lex["first_person"]),
        of_words=frozenset(lex["of_words"]),
        naming_prepositions=frozenset(lex["naming_prepositions"]),
        office_nouns=frozenset(lex.get("office_nouns", ())),
        office_prepositions=frozenset(lex.get("office_prepositions", ())),
        side_breakers=frozenset(lex.get("side_breakers", ())),
        possessive_endings=tuple(lex["possessive_endings"]),
        plural_possessive_endings=tuple(lex.get("plural_possessive_endings", ())),
        plural_suffix=str(lex["plural_suffix"]),
        name_endings=frozenset(lex["name_endings"]),
        attribution_phrases=tuple(lex["attribution_phrases"]),
        interview_turns=_ro(lex["interview_turns"]),
        reported_person=_ro(lex.get("reported_person", {})),
        direct_person=_ro(lex.get("direct_person", {})),
        backshift=_ro(lex.get("backshift", {})),
        complementizers=frozenset(lex.get("complementizers", ())),
        age_after=frozenset(lex.get("age_after", ())),
        age_before=frozenset(lex.get("age_before", ())),
        ahead_words=frozenset(lex.get("ahead_words", ())),
        level_before=frozenset(lex.get("level_before", ())),
        change_before=frozenset(lex.get("change_before", ())),
        window_after_superlative=frozenset(lex.get("window_after_superlative", ())),
        list_nouns=_ro(lex.get("list_nouns", {})),
        classifier_nouns=frozenset(lex.get("classifier_nouns", ())),
        unchanged_words=frozenset(lex.get("unchanged_words", ())),
        unchanged_joiners=frozenset(lex.get("unchanged_joiners", ())),
        amount_words=frozenset(lex.get("amount_words", ())),
        generic_counters=frozenset(lex.get("generic_counters", ())),
        one_way_verbs=frozenset(lex.get("one_way_verbs", ())),
        preference_markers=frozenset(lex.get("preference_markers", ())),
        negating_prefixes=frozenset(lex.get("negating_prefixes", ())),
        pending_words=frozenset(lex.get("pending_words", ())),
        future_auxiliaries=frozenset(lex.get("future_auxiliaries", ())),
        never_words=frozenset(lex.get("never_words", ())),
        deadline_words=frozenset(lex.get("deadline_words", ())),
        exactness_words=tuple(lex.get("exactness_words", ())),
        evidence_verbs=frozenset(lex.get("evidence_verbs", ())),
        not_saying_verbs=frozenset(lex.get("not_saying_verbs", ())),
        exception_words=frozenset(lex.get("exception_words", ())),
        any_words=frozenset(lex.get("any_words", ())),
        closing_words=frozenset(lex.get("closing_words", ())),
        recurrence_words=frozenset(lex.get("recurrence_words", ())),
        passive_auxiliaries=frozenset(lex.get("passive_auxiliaries", ())),
        adjective_prefixes=tuple(lex.get("adjective_prefixes", ())),
        prefix_exceptions=frozenset(lex.get("prefix_exceptions", ())),
        contraries=tuple((str(a), str(b)) for a, b in lex.get("contraries", ())),
        condition_markers=frozenset(lex.get("condition_markers", ())),
        length_prepositions=frozenset(lex.get("length_prepositions", ())),
        negating_verbs=frozenset(lex.get("negating_verbs", ())),
        allowance_verbs=frozenset(lex.get("allowance_verbs", ())),
        degree_words=_ro({k: int(x) for k, x in lex.get("degree_words", {}).items()}),
        irrealis_modals=frozenset(lex.get("irrealis_modals", ())),
        gradable=_gradable(lex.get("gradable", {})),
        comparison_markers=frozenset(lex.get("comparison_markers", ())),
        clause_openers=frozenset(lex.get("clause_openers", ())),
        period_nouns=frozenset(lex.get("period_nouns", ())),
        synonyms=tuple(tuple(g) for g in syn["groups"]),
        aliases=_ro(ali["aliases"]),
        abbreviations=frozenset(abb["abbreviations"]) | frozenset(dat["month_abbreviations"]),
        numbered_abbreviations=frozenset(abb["before_numbers"]),
        injection=InjectionWords(**{f: tuple(inj[f]) for f in InjectionWords.__dataclass_fields__}),
        valence=_floats(_optional(code, "polarity.json").get("valence", {})),
    )


def resolve(vocab: Vocabulary | None) -> Vocabulary:
    """``vocab``, or the default language's (English) when None: what every function that
    reads words does with its ``vocab`` argument."""
    return vocabulary(DEFAULT_LANGUAGE) if vocab is None else vocab
