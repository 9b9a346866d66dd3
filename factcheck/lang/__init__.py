"""Per-language vocabulary, as data: ``vocabulary("en")`` reads ``factcheck/lang/en/*.json``.

The rule modules never spell a word list or a unit themselves: they read it from here and
build their regular expressions from it (:func:`alternation`), so a unit, a hedge or a
reporting verb is added in one place. :func:`problems` checks the tables themselves (no
word in two synonym groups, every unit has a dimension, every hedge a direction); the test
suite runs it for every language folder. See README.md here for adding a language.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any, Literal

from ..errors import ConfigError

HedgeMeaning = Literal["about", "at_least", "at_most"]
MEANINGS: tuple[str, ...] = ("about", "at_least", "at_most")


@dataclass(frozen=True, slots=True)
class Hedge:
    """A word before a number and the interval it makes of it (see hedges.json)."""

    phrase: str
    means: HedgeMeaning
    width: float | None = None  # how far the interval reaches past x; None: open-ended
    gap: float = 0.0  # how far the bound sits from x ("well over 100": above 110)
    strict: bool = False  # x itself excluded ("more than 50" is not 50)

    @property
    def factors(self) -> tuple[float, float]:
        """(low, high) as multiples of the number: "around" -> (0.9, 1.1)."""
        if self.means == "about":
            w = self.width or 0.0
            return (1 - w, 1 + w)
        if self.means == "at_least":
            return (1 + self.gap, math.inf if self.width is None else 1 + self.width)
        return (0.0 if self.width is None else 1 - self.width, 1 - self.gap)


@dataclass(frozen=True, slots=True)
class MeasureUnit:
    """A unit of measure: its dimension (the unit it converts to), the factor, spellings."""

    unit: str
    dimension: str
    factor: float
    spellings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Currency:
    code: str  # ISO 4217
    symbols: tuple[str, ...]  # written before the number ("$2bn")
    words: tuple[str, ...]  # written after it ("2 billion dollars")


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Every table of one language, read once (see the ``_doc`` of each JSON file)."""

    code: str
    # numbers.json
    units: Mapping[str, int]
    tens: Mapping[str, int]
    scales: Mapping[str, float]
    suffixes: Mapping[str, float]
    collective: Mapping[str, float]
    plural_scales: Mapping[str, float]
    ordinals: Mapping[str, int]
    one_not_after_words: frozenset[str]
    one_not_before: tuple[str, ...]
    ordinal_idioms_before: tuple[str, ...]
    ordinal_idioms_after: tuple[str, ...]
    metre_words: tuple[str, ...]
    # units.json
    durations: Mapping[str, int]
    article_durations: tuple[str, ...]
    measures: tuple[MeasureUnit, ...]
    glued: Mapping[str, str]
    factor_nouns: frozenset[str]
    percent: Mapping[str, tuple[str, ...]]
    currencies: tuple[Currency, ...]
    # hedges.json
    hedges: Mapping[str, Hedge]
    hedges_after: Mapping[str, str]
    # dates.json
    months: Mapping[str, int]  # full names and abbreviations, lower-case
    weekdays: Mapping[str, int]
    year_before: frozenset[str]
    year_after: frozenset[str]
    future: tuple[str, ...]
    days: Mapping[str, int]
    periods: Mapping[str, int]
    month_modifiers: tuple[str, ...]
    reference_before: tuple[str, ...]
    # lexicon.json
    reporting_verbs: frozenset[str]
    opinion_verbs: frozenset[str]
    obligation: frozenset[str]
    negations: frozenset[str]
    generic: frozenset[str]
    content_stopwords: frozenset[str]
    event_verbs: frozenset[str]
    span_prepositions: frozenset[str]
    contrast: tuple[str, ...]
    personal_pronouns: frozenset[str]
    name_function_words: frozenset[str]
    reporting_phrases: Mapping[str, tuple[str, ...]]
    pronoun_speakers: frozenset[str]
    # synonyms.json, aliases.json
    synonyms: tuple[tuple[str, ...], ...]
    aliases: Mapping[str, str]

    @property
    def dimensions(self) -> frozenset[str]:
        """Every canonical measure unit ("m", "kg", "degC", ...)."""
        return frozenset(u.dimension for u in self.measures) | frozenset(self.glued.values())

    def measure(self, spelling: str) -> MeasureUnit | None:
        """The unit written as ``spelling`` (whitespace collapsed), or None."""
        s = " ".join(spelling.split())
        return next((u for u in self.measures if s in u.spellings), None)

    def currency_code(self, written: str) -> str:
        """The ISO code of a currency symbol or word (case-insensitive), or ""."""
        w = " ".join(written.lower().split())
        for c in self.currencies:
            if w in (x.lower() for x in (*c.symbols, *c.words)):
                return c.code
        return ""


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


def _ro(d: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(d))


def _floats(d: Mapping[str, Any]) -> Mapping[str, float]:
    return MappingProxyType({k: float(x) for k, x in d.items()})


def languages() -> list[str]:
    """The language folders under factcheck/lang/."""
    root = resources.files(__package__)
    return sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("_"))


@lru_cache(maxsize=4)
def vocabulary(code: str = "en") -> Vocabulary:
    """The tables of one language (read once per process)."""
    num, uni, hed = (
        _table(code, "numbers.json"),
        _table(code, "units.json"),
        _table(code, "hedges.json"),
    )
    dat, lex = _table(code, "dates.json"), _table(code, "lexicon.json")
    syn, ali = _table(code, "synonyms.json"), _table(code, "aliases.json")
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
        durations=_ro(uni["durations"]),
        article_durations=tuple(uni["article_durations"]),
        measures=tuple(
            MeasureUnit(m["unit"], m["dimension"], float(m["factor"]), tuple(m["spellings"]))
            for m in uni["measures"]
        ),
        glued=_ro(uni["glued"]),
        factor_nouns=frozenset(uni["factor_nouns"]),
        percent=_ro({k: tuple(v) for k, v in uni["percent"].items()}),
        currencies=tuple(
            Currency(c["code"], tuple(c["symbols"]), tuple(c["words"])) for c in uni["currencies"]
        ),
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
        future=tuple(dat["future"]),
        days=_ro(dat["days"]),
        periods=_ro(dat["periods"]),
        month_modifiers=tuple(dat["month_modifiers"]),
        reference_before=tuple(dat["reference_before"]),
        reporting_verbs=frozenset(lex["reporting_verbs"]),
        opinion_verbs=frozenset(lex["opinion_verbs"]),
        obligation=frozenset(lex["obligation"]),
        negations=frozenset(lex["negations"]),
        generic=frozenset(lex["generic"]),
        content_stopwords=frozenset(lex["content_stopwords"]),
        event_verbs=frozenset(lex["event_verbs"]),
        span_prepositions=frozenset(lex["span_prepositions"]),
        contrast=tuple(lex["contrast"]),
        personal_pronouns=frozenset(lex["personal_pronouns"]),
        name_function_words=frozenset(lex["name_function_words"]),
        reporting_phrases=_ro({k: tuple(x) for k, x in lex["reporting_phrases"].items()}),
        pronoun_speakers=frozenset(lex["pronoun_speakers"]),
        synonyms=tuple(tuple(g) for g in syn["groups"]),
        aliases=_ro(ali["aliases"]),
    )


def problems(v: Vocabulary) -> list[str]:
    """What is wrong with a language's tables (empty when nothing): words in two synonym
    groups, units without a dimension or factor, hedges without a direction, spellings of
    two units, numbers out of range."""
    out = []
    seen: dict[str, int] = {}
    for i, group in enumerate(v.synonyms):
        if len(group) < 2:
            out.append(f"synonym group {i} has fewer than two words: {group}")
        for w in group:
            word, _, pos = w.partition(":")
            keys = [w] if pos else [word, *(f"{word}:{p}" for p in ("NOUN", "VERB", "ADJ"))]
            bare = [k for k in keys if k in seen]
            if bare or (pos and word in seen):
                out.append(
                    f"synonym {w!r} is in groups {seen.get(bare[0] if bare else word)} and {i}"
                )
            seen[w] = i
    spellings: dict[str, str] = {}
    for u in v.measures:
        if not u.dimension:
            out.append(f"unit {u.unit!r} has no dimension")
        if not (u.factor > 0 and math.isfinite(u.factor)):
            out.append(f"unit {u.unit!r} has factor {u.factor}")
        if not u.spellings:
            out.append(f"unit {u.unit!r} has no spelling")
        for s in u.spellings:
            if s in spellings and spellings[s] != u.unit:
                out.append(f"spelling {s!r} names {spellings[s]!r} and {u.unit!r}")
            spellings[s] = u.unit
    for p, h in v.hedges.items():
        if h.means not in MEANINGS:
            out.append(f"hedge {p!r} has no direction (means: {h.means!r})")
        elif h.means == "about" and not h.width:
            out.append(f"hedge {p!r} means 'about' but has no width")
        lo, hi = h.factors
        if not 0 <= lo <= 1 <= hi and not (h.gap and (lo > 1 or hi < 1)):
            out.append(f"hedge {p!r} gives factors {lo}..{hi}, which do not bracket the number")
    for p, target in v.hedges_after.items():
        if target not in v.hedges:
            out.append(f"hedge after {p!r} stands for {target!r}, which is not a hedge")
    for c in v.currencies:
        if not re.fullmatch(r"[A-Z]{3}", c.code):
            out.append(f"currency {c.code!r} is not an ISO 4217 code")
    if sorted(set(v.months.values())) != list(range(1, 13)):
        out.append("months do not cover 1..12")
    if sorted(v.weekdays.values()) != list(range(7)):
        out.append("weekdays do not cover 0..6")
    for name, table in (("durations", v.durations), ("ordinals", v.ordinals)):
        out += [f"{name}: {k!r} is {x}" for k, x in table.items() if not x > 0]
    return out
