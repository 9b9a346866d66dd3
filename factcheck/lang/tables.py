"""The types of a language's tables: :class:`Vocabulary` and the records in it (hedges,
units, currencies, the prompt-injection filter's words). Read by ``vocabulary()``."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

HedgeMeaning = Literal["about", "at_least", "at_most"]
MEANINGS: tuple[str, ...] = ("about", "at_least", "at_most")
GRAINS = ("day", "week", "month", "year")  # of the calendar units of relative dates


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
    minor_words: tuple[str, ...] = ()  # its hundredth, written after it ("99 euro cents")
    minor_glued: tuple[str, ...] = ()  # the same, only against the number ("74p")


@dataclass(frozen=True, slots=True)
class InjectionWords:
    """The words of a passage that addresses the model (see injection.json)."""

    dismiss: tuple[str, ...]  # "ignore" [all] previous instructions
    quantifiers: tuple[str, ...]
    earlier: tuple[str, ...]
    instructions: tuple[str, ...]
    dictate: tuple[str, ...]  # "reply" [with] SUPPORTED
    dictate_with: tuple[str, ...]
    verdicts: tuple[str, ...]
    addresses: tuple[str, ...]  # "system prompt"
    you_are: tuple[str, ...]  # "you are" [now] [an] assistant
    now: tuple[str, ...]
    roles: tuple[str, ...]


# Compared by identity (eq=False): the patterns built from a vocabulary are cached per
# object, so a modified copy (``dataclasses.replace``) gets patterns of its own.
@dataclass(frozen=True, slots=True)
class ClockWords:
    """The words of a time of day (dates.json 'clock')."""

    halves: Mapping[str, str]  # after an hour: "p.m." -> "pm"
    words: Mapping[str, int]  # a time by itself, in minutes after midnight: "noon" -> 720
    parts_of_day: Mapping[str, str]  # after an hour in words: "in the morning" -> "am"
    after: tuple[str, ...]  # make a bare hour a time: "o'clock"
    zones: tuple[str, ...]  # after a time: "UTC", "local time"
    until: tuple[str, ...]  # between two times that make a length of time: "to", "-"
    between: tuple[str, ...]  # before two times joined by "and"


@dataclass(frozen=True, slots=True, eq=False)
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
    ordinal_suffixes: tuple[str, ...]
    number_joiners: frozenset[str]
    decimal_points: frozenset[str]  # 'eight point six': the digit words after are decimals
    half: tuple[str, ...]
    scale_shares: Mapping[str, float]  # "a quarter of" (a million): 0.25
    and_a_half: tuple[str, ...]
    minus_words: tuple[str, ...]
    range_joiners: tuple[str, ...]
    rating_scales: tuple[str, ...]  # "a 1-to-10 scale": its ends, no figure
    hedged_range_after: frozenset[str]  # '(about US$ 16 million to $28 million)'
    list_joiners: tuple[str, ...]  # between figures of a list sharing one unit: ",", "and"
    restating_joiners: tuple[str, ...]  # "31.4 points, or 1.2%": one figure twice
    total_markers: tuple[str, ...]  # a figure that sums its parts: "a combined 123 people"
    part_verbs: frozenset[str]  # a count given as a part of another: "including 400"
    relative_multipliers: Mapping[str, float]  # "half" (that): a multiple of the figure before
    relative_back: tuple[str, ...]  # after a multiplier, pointing back: "that"
    range_openers: Mapping[str, str]
    fractions: Mapping[str, int]  # a share's word -> its denominator ("third" -> 3)
    fraction_bare_before: tuple[str, ...]
    fraction_width: float
    ratio_joiners: tuple[str, ...]
    # units.json
    durations: Mapping[str, int]
    article_durations: tuple[str, ...]
    per_words: tuple[str, ...]  # 'per month': a rate, as 'a month' after a figure is
    span_openers: tuple[str, ...]
    measures: tuple[MeasureUnit, ...]
    glued: Mapping[str, str]
    factor_nouns: frozenset[str]
    percent: Mapping[str, tuple[str, ...]]
    currencies: tuple[Currency, ...]
    half_durations: tuple[str, ...]
    spoken_durations: tuple[str, ...]
    duration_adjectives: tuple[str, ...]  # "two full days": still two days
    # hedges.json
    hedges: Mapping[str, Hedge]
    hedges_after: Mapping[str, str]
    # dates.json
    months: Mapping[str, int]  # full names and abbreviations, lower-case
    weekdays: Mapping[str, int]
    year_before: frozenset[str]
    year_after: frozenset[str]
    possessive_year_after: frozenset[str]  # "General Motors' 2005 results"
    future: tuple[str, ...]
    future_in_past: tuple[str, ...]
    days: Mapping[str, int]
    periods: Mapping[str, int]
    month_modifiers: tuple[str, ...]
    reference_before: tuple[str, ...]
    account_time: tuple[str, ...]
    ago: tuple[str, ...]
    ahead: tuple[str, ...]  # "six years from now"
    ago_years: Mapping[str, int]  # "two decades ago": a decade is ten years
    ago_years_width: float  # how far a count of them reaches, in units ("two decades ago")
    ago_particles: tuple[str, ...]  # hedges that end a phrasal verb ("took over a year ago")
    base_offsets: tuple[str, ...]
    weekday_modifiers: Mapping[str, int]
    same: tuple[str, ...]
    weekend_words: frozenset[str]
    past_tense_free: frozenset[str]  # "effective January 2": not moved back by a past verb
    rescheduling_verbs: frozenset[str]  # "postponed the vote to July 6"
    rescheduling_prepositions: frozenset[str]
    forward_days: Mapping[str, int]  # how soon a date after 'effective' is the coming one
    seasons: Mapping[str, tuple[int, int]]  # 'fall 2007': its first and last month
    seasons_without_of: frozenset[str]  # 'the fall of 1989' is no season
    season_before: tuple[str, ...]  # 'in fall 2007': a season is a date after these
    calendar_units: Mapping[str, str]  # written -> grain
    clock: ClockWords
    elapsed_since: tuple[str, ...]  # before a date: the time from it is a length too
    elapsed_hedge: str  # the hedge of that length ("about")
    term_until: tuple[str, ...]  # before a date ahead: the time to it is a term ahead
    # lexicon.json
    reporting_verbs: frozenset[str]
    saying_events: frozenset[str]  # "spoke to GB News on 22 February": a saying's date
    opinion_verbs: frozenset[str]
    obligation: frozenset[str]
    negations: frozenset[str]
    rises: frozenset[str]
    intentions: frozenset[str]
    falls: frozenset[str]
    negative_words: frozenset[str]
    alternative_before_not: frozenset[str]
    additive_after_not: frozenset[str]
    not_until: frozenset[str]
    telling_verbs: frozenset[str]
    denial_verbs: frozenset[str]
    unnamed_speakers: frozenset[str]
    possibility_modals: frozenset[str]
    hedge_modals: frozenset[str]
    tentative_nouns: frozenset[str]
    tentative_verbs: frozenset[str]
    respective_markers: frozenset[str]
    other_markers: frozenset[str]
    generic: frozenset[str]
    content_stopwords: frozenset[str]
    event_verbs: frozenset[str]
    span_prepositions: frozenset[str]
    offset_words: frozenset[str]
    lateness_words: frozenset[str]
    countdown_words: frozenset[str]
    relation_prepositions: frozenset[str]
    contrast: tuple[str, ...]
    personal_pronouns: frozenset[str]
    name_function_words: frozenset[str]
    legal_forms: frozenset[str]
    reporting_phrases: Mapping[str, tuple[str, ...]]
    pronoun_speakers: frozenset[str]
    person_pronouns: frozenset[str]
    definite_articles: tuple[str, ...]
    indefinite_articles: tuple[str, ...]
    demonstratives: frozenset[str]
    leaning_openers: frozenset[str]
    relative_pronouns: frozenset[str]
    first_person: frozenset[str]
    of_words: frozenset[str]
    naming_prepositions: frozenset[str]
    office_nouns: frozenset[str]  # 'Kestrel spokeswoman Ida Lind': speaks for Kestrel
    office_prepositions: frozenset[str]  # 'a spokeswoman for Kestrel'
    side_breakers: frozenset[str]  # 'former Kestrel executive', 'Kestrel rival Orvik'
    possessive_endings: tuple[str, ...]
    plural_possessive_endings: tuple[str, ...]  # "Motors'" (a plural's possessive)
    plural_suffix: str
    name_endings: frozenset[str]
    attribution_phrases: tuple[str, ...]
    interview_turns: Mapping[str, str]
    reported_person: Mapping[str, str]
    direct_person: Mapping[str, str]
    backshift: Mapping[str, str]
    complementizers: frozenset[str]
    age_after: frozenset[str]
    age_before: frozenset[str]
    ahead_words: frozenset[str]
    level_before: frozenset[str]
    change_before: frozenset[str]
    window_after_superlative: frozenset[str]
    list_nouns: Mapping[str, str]  # an entity label -> the noun counting a list of them
    classifier_nouns: frozenset[str]  # 'two kinds of history' counts histories
    generic_counters: frozenset[str]  # 'sold 2,400 units': a count of whatever was sold
    unchanged_words: frozenset[str]  # 'the same price of $79': the figure did not move
    unchanged_joiners: frozenset[str]  # 'unchanged at 5%'
    amount_words: frozenset[str]  # 'a loss of': a rise or fall word that names no move
    one_way_verbs: frozenset[str]
    preference_markers: frozenset[str]
    negating_prefixes: frozenset[str]
    pending_words: frozenset[str]  # "has yet to approve": not done
    future_auxiliaries: frozenset[str]  # "will lead": told of the time ahead
    never_words: frozenset[str]  # "never led": not done yet, as the perfect says
    deadline_words: frozenset[str]  # "within five months": any day until its end
    exactness_words: tuple[str, ...]  # "thirty years to the day after": exact
    evidence_verbs: frozenset[str]  # "Joswiak indicated that": a person's word
    not_saying_verbs: frozenset[str]  # '"...," asked Ida Berk': no statement
    exception_words: frozenset[str]  # "nobody but the mayor": that one did
    any_words: frozenset[str]  # "not a day anybody can be prepared for"
    closing_words: frozenset[str]  # "closed at", "finished the day at"
    recurrence_words: frozenset[str]  # "also won in 2019": more than once
    passive_auxiliaries: frozenset[str]  # "was granted bail": a passive
    adjective_prefixes: tuple[str, ...]  # "illegal": "legal" negated
    prefix_exceptions: frozenset[str]  # "invaluable" is no "not valuable"
    contraries: tuple[tuple[str, str], ...]  # "convict" / "acquit"
    condition_markers: frozenset[str]
    length_prepositions: frozenset[str]
    negating_verbs: frozenset[str]
    allowance_verbs: frozenset[str]
    degree_words: Mapping[str, int]  # a word giving what follows a degree: +1 more, -1 less
    irrealis_modals: frozenset[str]
    gradable: Mapping[str, int]  # a gradable word: +/- (its scale's number), by end
    comparison_markers: frozenset[str]  # 'smaller than ...'
    clause_openers: frozenset[str]  # 'said that ...', '..., but ...'
    period_nouns: frozenset[str]  # 'the fourth-quarter loss': a figure of one period
    # synonyms.json, aliases.json
    synonyms: tuple[tuple[str, ...], ...]
    aliases: Mapping[str, str]
    # abbreviations.json (with dates.json's month abbreviations), injection.json
    abbreviations: frozenset[str]
    numbered_abbreviations: frozenset[str]
    injection: InjectionWords
    # polarity.json: valence of evaluative words (-4..4), by word and lemma
    valence: Mapping[str, float]

    @property
    def dimensions(self) -> frozenset[str]:
        """Every canonical measure unit ("m", "kg", "degC", ...)."""
        return frozenset(u.dimension for u in self.measures) | frozenset(self.glued.values())

    def measure(self, spelling: str) -> MeasureUnit | None:
        """The unit written as ``spelling`` (whitespace collapsed), or None."""
        s = " ".join(spelling.split())
        return next((u for u in self.measures if s in u.spellings), None)

    def minor_currency(self, written: str) -> str:
        """The ISO code of a currency whose hundredth is written so ("cents", "p"), or ""."""
        w = " ".join(written.lower().split())
        for c in self.currencies:
            if w in (x.lower() for x in (*c.minor_words, *c.minor_glued)):
                return c.code
        return ""

    def currency_code(self, written: str) -> str:
        """The ISO code of a currency symbol, word or code (case-insensitive), or ""."""
        w = " ".join(written.lower().split())
        for c in self.currencies:
            if w in (x.lower() for x in (c.code, *c.symbols, *c.words)):
                return c.code
        return ""
