"""Find and normalise the figures in a sentence: numbers, hedges, units, money, percentages,
durations, ordinals and ranges; with the dates (dates.py), every value in one call.

Everything here is written by hand on purpose, with spans into the original text:
quantulum3 misreads newsroom phrases (STACK.md: "50-minute" as an angle, "$2bn" as
"dollar bit newton", "half a million" as 1,500,000) and its classifier fails to load.
The words, units and hedges come from the language tables (factcheck/lang/en/); counted
nouns ("100,000 troops" counts troops) come from spaCy in ``facts.py``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache

from factcheck.lang import Vocabulary, alternation, resolve, words_pattern
from factcheck.nlp.clock import clock_lengths, find_clock_times
from factcheck.nlp.date_ranges import range_ends, range_lengths
from factcheck.nlp.dates import DateContext, find_dates
from factcheck.nlp.elapsed import elapsed_since, term_until
from factcheck.nlp.fractions import find_fractions
from factcheck.nlp.numerals import JOIN as _JOIN
from factcheck.nlp.numerals import (
    at_one_point,
    exact_number,
    half_length,
    hedge_before,
    hedge_interval,
    names_number,
    negative_figure,
    numerals,
    opens_range,
    parse_number,
    range_joiners,
    scale_ends,
    share_of_scale,
    sign_start,
    spaced_dash,
    vague_interval,
)
from factcheck.nlp.rates import as_rates
from factcheck.nlp.relative_figures import with_relative
from factcheck.nlp.shared_units import share_units
from factcheck.types import Value, ValueKind

__all__ = ["DateContext", "find_numbers", "find_ordinals", "find_values", "merge_ranges"]

K = ValueKind

# Scientific notation ("1.5e6") and powers of ten ("10^6", "3 x 10^9"): read whole, so
# "1e400" is never read as 1 nor "10^6" as 6.
# Thousands written with a no-break, narrow no-break or thin space ("1 000 000").
_GROUP = "[\u00a0\u202f\u2009]"
_SCI = r"(?<![\w.,])\d+(?:\.\d+)?[eE][+-]?\d+(?![\w.]\w)"
_POW = r"(?<![\w.,^])(?:\d+(?:\.\d+)?\s?[x×*]\s?)?10\s?\^\s?[+-]?\d+(?![\w.]\w)"
_NOT_FINITE = r"(?<![\w.])(?:NaN|[+-]?∞)(?!\w)"


Interval = tuple[float, float] | None  # the interval the words give ("hundreds of")


@dataclass(frozen=True, slots=True)
class ValuePatterns:
    """The value patterns of one vocabulary (built once per vocabulary:
    :func:`value_patterns`)."""

    number: re.Pattern[str]  # a numeral with its currency, scale and suffix
    dimension_after: re.Pattern[str]  # after "1.5m": metres, not millions ("1.5m tall")
    hedge_before: re.Pattern[str]
    hedge_after: re.Pattern[str]
    duration: re.Pattern[str]
    percent: re.Pattern[str]
    percent_unit: Mapping[str, str]  # spelling -> "%" or "pp"
    glued: re.Pattern[str]  # "1.5C": only glued on
    measure: re.Pattern[str]
    currency_word: re.Pattern[str]
    minor_word: re.Pattern[str]
    minor_glued: re.Pattern[str]
    ordinal: re.Pattern[str]
    ord_not_before: re.Pattern[str]  # "a second thought", "second-hand": not counts
    ord_not_after: re.Pattern[str]  # "split second"
    one_not_before: re.Pattern[str]  # "one of them": a pronoun, not the number 1
    one: frozenset[str]  # the words for 1
    plural_end: re.Pattern[str]  # "30 second(s)": a duration, not an ordinal
    range_gap: re.Pattern[str]  # "80 to 90"


@cache
def value_patterns(v: Vocabulary) -> ValuePatterns:
    """The value patterns built from ``v``'s number, unit and hedge words (once per object)."""
    scale, suffix = numerals(v).scale, numerals(v).suffix
    wordnum = alternation([*v.units, *v.tens])
    nth = alternation(v.ordinal_suffixes)
    a, one = alternation(v.indefinite_articles), frozenset(w for w, n in v.units.items() if n == 1)
    plural = rf"(?:{re.escape(v.plural_suffix)})"
    # A numeral: digits with separators, or number words joined by spaces/hyphens/"and".
    # digits stand alone, or right after a currency's code ("SGD1.75"; the caller refuses
    # digits glued to letters that are not one: "COVID-19", "G7")
    digits = (
        rf"(?:(?<=[A-Z]{{3}})|(?<![\w.,]))"
        rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?:{_GROUP}\d{{3}})+(?!\d)|\d+)"
        rf"(?:\.\d+)?(?![\d]|(?:{nth})\b)"
    )
    digit = alternation(w for w, n in v.units.items() if n < 10)  # "eight point six"
    words = (
        rf"\b(?:(?:{wordnum})(?:(?:{_JOIN}| )(?:{wordnum}))?)"
        rf"(?:\s+(?:{alternation(v.decimal_points)})(?:\s+(?:{digit}))+)?"
        rf"(?:\s+(?:{scale})(?:\s+(?:(?:{alternation(v.number_joiners)})\s+)?"
        rf"(?:{wordnum})(?:(?:{_JOIN}| )(?:{wordnum}))?)?)*\b"
    )
    halved = alternation([*v.half_durations, *v.collective])
    shares = alternation([*v.half, *v.scale_shares])  # "half a", "a quarter of a" (million)
    many, of = alternation(v.plural_scales), alternation(v.of_words)  # "tens of thousands"
    number = (
        rf"(?P<cur>{alternation(s for c in v.currencies for s in c.symbols)}"
        rf"|(?-i:{alternation(c.code for c in v.currencies)})(?=\s?\d))?\s?"
        rf"(?:(?P<half>(?:{shares})\s+(?:{a})\s+(?:{scale}|{halved}))"
        rf"|(?P<a>\b(?:{a})\s+(?:{alternation([*v.collective, *v.scales])})\b)"
        rf"|(?P<plural>\b(?:{many})\s+(?:{of})(?:\s+(?:{many})(?:\s+(?:{of}))?)?\b)"
        rf"|(?P<aunit>\b(?:{a}|{alternation([*one, *v.per_words, *v.span_openers])})\s+"
        rf"(?=(?:{alternation(v.article_durations)})\b(?!\s+of\b)))"
        rf"|(?P<sci>{_SCI})|(?P<pow>{_POW})|(?P<bad>{_NOT_FINITE})|(?P<num>{digits}|{words}))"
        rf"(?P<andhalf>\s+(?:{words_pattern(v.and_a_half)}))?"
        rf"(?:\s?(?P<suffix>{suffix})\b)?(?:(?:\s+|{_JOIN})(?P<scale>{scale})\b)?"
    )
    # a sign after a figure may stand apart, as converted copy writes it ("1000 + on
    # English Wikipedia"), but not before another figure ("2 + 2")
    after = "|".join(
        (r"\s+" + words_pattern([p]) if p[0].isalpha() else r"\s?" + words_pattern([p]))
        + ("" if p[0].isalpha() else r"(?!\s*\d)")
        for p in sorted(v.hedges_after, key=len, reverse=True)
    )
    percents = [s for ss in v.percent.values() for s in ss]
    i = re.IGNORECASE
    return ValuePatterns(
        number=re.compile(number, i),
        dimension_after=re.compile(rf"^\s*(?:{alternation(v.metre_words)})\b", i),
        hedge_before=hedge_before(v),
        hedge_after=re.compile(f"^(?:{after})", i),
        duration=re.compile(
            rf"^(?:{_JOIN}|\s)?(?:(?:{alternation(v.duration_adjectives)})\s+)?"
            rf"(?P<u>{alternation(v.durations)}){plural}?\b"
            rf"(?:\s+(?:{words_pattern(v.and_a_half)}))?",
            i,
        ),
        percent=re.compile(rf"^\s?(?P<u>{words_pattern(percents)})", i),
        percent_unit={" ".join(s.lower().split()): u for u, ss in v.percent.items() for s in ss},
        glued=re.compile(rf"^(?P<u>{alternation(v.glued)})\b"),
        measure=re.compile(
            rf"^(?:{_JOIN}|\s)?(?P<u>{alternation(s for u in v.measures for s in u.spellings)})\b"
        ),
        currency_word=re.compile(
            rf"^\s?(?P<u>{words_pattern(w for c in v.currencies for w in c.words)})", i
        ),
        minor_word=re.compile(
            rf"^\s?(?P<u>{words_pattern(w for c in v.currencies for w in c.minor_words)})", i
        ),
        minor_glued=re.compile(
            rf"^(?P<u>{alternation(w for c in v.currencies for w in c.minor_glued)})\b"
        ),
        ordinal=re.compile(
            rf"\b(?P<w>{alternation(v.ordinals)})\b|(?<![\w.])(?P<d>\d+)(?:{nth})\b", i
        ),
        ord_not_before=re.compile(rf"^[\s-]*(?:{alternation(v.ordinal_idioms_before)})\b", i),
        ord_not_after=re.compile(rf"\b(?:{alternation(v.ordinal_idioms_after)})\s+$", i),
        one_not_before=re.compile(rf"^\s*(?:{alternation(v.one_not_before)})\b", i),
        one=one,
        plural_end=re.compile(rf"^{plural}?\b"),
        range_gap=re.compile(rf"^\s*(?:{range_joiners(v)})\s*$", i),
    )


def _unit_after(text: str, end: int, vocab: Vocabulary) -> tuple[ValueKind, str, float, int]:
    """Look right after a number for a unit: returns (kind, unit, factor, new_end)."""
    rest, p = text[end:], value_patterns(vocab)
    m = p.duration.match(rest)
    if m:
        return K.DURATION, "second", float(vocab.durations[m["u"].lower()]), end + m.end()
    m = p.percent.match(rest)
    if m:
        return K.PERCENT, p.percent_unit[" ".join(m["u"].lower().split())], 1.0, end + m.end()
    m = p.glued.match(rest)
    if m:
        return K.QUANTITY, vocab.glued[m["u"]], 1.0, end + m.end()
    # Currency words first: "pounds sterling" is money, not a weight in pounds; and a
    # currency's hundredth before the currency ("99 euro cents" is not 99 euros).
    m = p.minor_word.match(rest) or p.minor_glued.match(rest)
    if m:
        return K.MONEY, vocab.minor_currency(m["u"]), 0.01, end + m.end()
    m = p.currency_word.match(rest)
    if m:
        return K.MONEY, vocab.currency_code(m["u"]), 1.0, end + m.end()
    m = p.measure.match(rest)
    unit = vocab.measure(m["u"]) if m else None
    if m and unit is not None:
        return K.QUANTITY, unit.dimension, unit.factor, end + m.end()
    return K.QUANTITY, "", 1.0, end


def _pronoun_one(text: str, s: int, e: int, vocab: Vocabulary) -> bool:
    """'no one', 'the one who', 'one of them': not the number 1."""
    before = text[max(0, s - 12) : s].lower().split()
    return bool(before and before[-1] in vocab.one_not_after_words) or bool(
        value_patterns(vocab).one_not_before.match(text[e : e + 12].lower())
    )


def _amount(
    m: re.Match[str], text: str, s: int, e: int, vocab: Vocabulary
) -> tuple[float, tuple[float, float] | None] | None:
    """The number a match names, and its interval when the words give one ("hundreds of");
    None when the match is not a figure."""
    if m["half"]:
        return share_of_scale(m["half"], vocab), None  # "half a million", "a quarter of a"
    if m["aunit"]:
        return 1.0, None
    if m["a"]:
        what = " ".join(m["a"].lower().split()[1:])
        return float(vocab.collective.get(what, vocab.scales.get(what, 1.0))), None
    if m["plural"]:
        lo_hi = vague_interval(m["plural"], vocab)  # "hundreds of", "tens of thousands"
        return lo_hi[0], lo_hi
    low = (m["num"] or "").lower()
    if low in value_patterns(vocab).one and _pronoun_one(text, s, e, vocab):
        return None
    x = parse_number(m["num"] or "", vocab=vocab)
    return None if x is None else (x, None)


def find_numbers(
    text: str, skip: list[tuple[int, int]] | None = None, *, vocab: Vocabulary | None = None
) -> list[Value]:
    """Quantities, money, percentages and durations in ``text``, hedges included.

    ``skip`` holds spans already claimed (dates), which numbers may not overlap.
    """
    vocab = resolve(vocab)
    skip = list(skip or [])
    out: list[Value] = []
    for m in value_patterns(vocab).number.finditer(text):
        s, e = m.span()
        if not text[s:e].strip():
            continue
        # trim leading whitespace the optional currency group may have eaten
        while s < e and text[s].isspace():
            s += 1
        if any(s < te and ts < e for ts, te in skip):
            continue
        sign = None if m["cur"] else sign_start(text, s, vocab)
        if sign is None and not m["cur"] and names_number(text, s, vocab):
            continue  # "COVID-19", "G7", "F-16": names, not figures
        if m["num"] and at_one_point(text, s, m["num"], vocab):
            continue  # "at one point six people were hurt": an idiom, then a count
        if re.match(r"s\b", text[e : e + 2]) and text[s:e].strip().isdigit():
            continue  # "fifty 787s", "in their 50s": a plural of a name or an age, no figure
        if m["sci"] and re.fullmatch(r"\d+E\d+", m["sci"]) and _after_article(text, s, vocab):
            continue  # "the 7E7": a designation; "about 2E3 people" is a power of ten
        if m["bad"] or m["sci"] or m["pow"]:
            x = exact_number(m)
            if not math.isfinite(x):
                reason = f"{text[s:e].strip()!r} is not a finite number"
                out.append(Value(kind=K.INVALID, text=text[s:e], span=(s, e), note=reason))
                skip.append((s, e))
                continue
            lo_hi = None
        elif m["half"] and (unit := m["half"].split()[-1].lower()) in vocab.half_durations:
            # "half an hour", "more than half a century"
            out.append(half_length(text, s, e, vocab.durations[unit] / 2, vocab=vocab))
            continue
        else:
            found = _amount(m, text, s, e, vocab)
            if found is None:
                continue
            x, lo_hi = found
        v = _figure(m, text, s, e, x, lo_hi, vocab)
        if sign is not None:
            v = negative_figure(v, text, sign)
        out.append(v)
        skip.append(v.span)
    return out


def _after_article(text: str, s: int, vocab: Vocabulary) -> bool:
    before = text[max(0, s - 12) : s].lower().split()
    return bool(before) and before[-1] in (*vocab.definite_articles, *vocab.demonstratives)


def _figure(
    m: re.Match[str], text: str, s: int, e: int, x: float, lo_hi: Interval, vocab: Vocabulary
) -> Value:
    """The value of a number match with its scale, unit, currency and hedge applied."""
    p = value_patterns(vocab)
    if m["andhalf"]:
        x += 0.5
    metres = False
    if m["suffix"]:
        metres = (
            m["suffix"].lower() == "m"
            and not m["cur"]
            and not m["scale"]
            and bool(p.dimension_after.match(text[e:]))
        )
        x *= 1.0 if metres else vocab.suffixes[m["suffix"].lower()]
    if m["scale"]:
        x *= vocab.scales[m["scale"].lower()]
    kind, unit, factor, end = (K.QUANTITY, "m", 1.0, e) if metres else _unit_after(text, e, vocab)
    half = kind == K.DURATION and any(h in text[e:end].lower() for h in vocab.half)
    if m["cur"]:
        kind, unit = K.MONEY, vocab.currency_code(m["cur"])
    hedge = ""
    window = text[max(0, s - 25) : s]
    hb = p.hedge_before.search(window)
    hs = s
    if hb:
        hedge = hb["hedge"].lower()
        hs = s - (len(window) - hb.start())
    ha = p.hedge_after.match(text[end:])
    if ha and not hedge:
        hedge = vocab.hedges_after[" ".join(ha.group(0).lower().split())]
        end += ha.end()
    if half:
        x += 0.5  # "an hour and a half": the half is of the unit
    x *= factor
    if lo_hi is None:
        lo_hi = hedge_interval(x, hedge, vocab=vocab) if hedge else (x, x)
    elif factor != 1.0:
        lo_hi = (lo_hi[0] * factor, lo_hi[1] * factor)
    return Value(
        kind=kind,
        text=text[hs:end],
        span=(hs, end),
        low=lo_hi[0],
        high=lo_hi[1],
        unit=unit,
        hedge=hedge,
    )


def merge_ranges(text: str, values: list[Value], *, vocab: Vocabulary | None = None) -> list[Value]:
    """'80 to 90 years', '6-10C', 'between 0.2 and 0.3%', 'six or seven feet' -> one interval.

    The first number takes the second's unit ("80" in "80 to 90 years" is years too), and
    its scale where it has none of its own ("16 to 28 million", not "16 million to 28
    million"). A first number with a hedge of approximation opens a range too ("roughly 16
    million to 28 million").
    """
    vocab = resolve(vocab)
    p = value_patterns(vocab)
    out: list[Value] = []
    for v in values:
        prev = out[-1] if out else None
        gap = text[prev.span[1] : v.span[0]] if prev else ""
        opener = vocab.range_openers.get(" ".join(gap.lower().split()))  # "between ... and"
        if (
            prev is not None
            and prev.kind in (K.QUANTITY, K.DURATION, K.PERCENT, K.MONEY)
            and (not prev.hedge or opens_range(prev, text, vocab))
            and not v.hedge
            and p.range_gap.match(gap)
            and not (prev.unit and spaced_dash(gap))  # "rose 20 percent -- 40 percent of ..."
            and (not prev.unit or prev.unit == v.unit)
            and (opener is None or text[: prev.span[0]].lower().rstrip().endswith(opener))
            and prev.low is not None
            and v.low is not None
            and v.high is not None
        ):
            lo = prev.low
            # the first end's own scale, in digits or words ("16 million", "sixteen million")
            mine = p.number.search(prev.text)
            scaled = bool(mine and (mine["scale"] or mine["suffix"])) or bool(
                set(re.findall(r"[^\W\d]+", prev.text.lower())) & set(vocab.scales)
            )
            alike = prev.kind == K.MONEY and prev.unit == v.unit  # "$5 to $6 million"
            if (alike or (not prev.unit and v.unit)) and not scaled:
                first = p.number.search(v.text)
                raw = parse_number(first["num"], vocab=vocab) if first and first["num"] else None
                factor = v.low / raw if raw else 1.0
                lo = prev.low * factor
            if lo <= v.high:
                span = (prev.span[0], v.span[1])
                out[-1] = replace(v, text=text[span[0] : span[1]], span=span, low=lo, hedge="range")
                continue
        out.append(v)
    return [v for v in out if not scale_ends(text, v, vocab)]  # "a 1-to-10 scale"


def find_ordinals(
    text: str, skip: list[tuple[int, int]] | None = None, *, vocab: Vocabulary | None = None
) -> list[Value]:
    """Ordinals that count events or items ('their second call'), not idioms."""
    vocab = resolve(vocab)
    p = value_patterns(vocab)
    skip = skip or []
    out = []
    for m in p.ordinal.finditer(text):
        s, e = m.span()
        if any(s < te and ts < e for ts, te in skip):
            continue
        if p.ord_not_before.match(text[e:]) or p.ord_not_after.search(text[max(0, s - 12) : s]):
            continue
        if (
            m["w"]
            and m["w"].lower() in vocab.durations
            and p.plural_end.match(text[e:])
            and re.search(r"\d\s*$", text[max(0, s - 6) : s])
        ):
            continue  # "30 second" is a duration
        n = float(vocab.ordinals[m["w"].lower()] if m["w"] else int(m["d"]))
        out.append(Value(kind=K.ORDINAL, text=text[s:e], span=(s, e), low=n, high=n))
    return out


def find_values(
    text: str,
    ctx: DateContext,
    *,
    vocab: Vocabulary | None = None,
    keep_invalid: bool = False,
) -> tuple[list[Value], DateContext]:
    """All non-entity values in one sentence, in text order, plus the updated date context.
    Times of day are no values (their digits are no counts); a range of two is a duration.

    Text that looks like a value but cannot be one ("February 30", "1e400") is never
    misread as another value; with ``keep_invalid`` it comes back as kind ``invalid``."""
    vocab = resolve(vocab)
    dates, ctx = find_dates(text, ctx, vocab=vocab)
    dates = sorted(dates + range_ends(text, dates, vocab=vocab), key=lambda v: v.span)
    taken = [v.span for v in dates]
    dates += range_lengths(text, dates, vocab=vocab)  # "from 2004 to 2009": 4 to 6 years
    dates += elapsed_since(text, dates, ctx, vocab=vocab)  # "since 2004": about five years
    dates += term_until(text, dates, ctx, vocab=vocab)  # "by 2012": about six years ahead
    times = find_clock_times(text, taken, vocab=vocab)  # "12:00 UTC" holds no figure
    taken += [t.span for t in times]
    dates += clock_lengths(text, times, vocab=vocab)  # "from 9 a.m. to 5 p.m.": 8 hours
    shares = find_fractions(text, taken, vocab=vocab)
    taken += [v.span for v in shares]
    nums = find_numbers(text, taken, vocab=vocab)
    read = merge_ranges(text, [v for v in nums if v.kind != K.INVALID], vocab=vocab)
    nums = [v for v in nums if v.kind == K.INVALID] + share_units(text, read, vocab=vocab)
    taken += [v.span for v in nums]
    ords = find_ordinals(text, taken, vocab=vocab)
    vals = with_relative(text, sorted(dates + shares + nums + ords, key=lambda v: v.span))
    vals = as_rates(text, vals, vocab=vocab)  # "$15 an hour": per hour, no length of time
    if not keep_invalid:
        vals = [v for v in vals if v.kind != K.INVALID]
    return vals, ctx
