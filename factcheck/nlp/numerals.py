"""Numerals written in digits or words, the intervals hedges make of them, and their signs.

text2num's ``alpha2digit`` rewrites the text (losing the offsets evidence highlighting
needs) and leaves "a dozen" / "half a million" alone, so this reads them itself from the
language tables (factcheck/lang/en/numbers.json, hedges.json).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import cache

from factcheck.lang import Vocabulary, alternation, resolve
from factcheck.types import Value, ValueKind

EPS = 1e-9
# What joins a compound ("50-minute", "twenty-five", "two-thirds"): the hyphen, and the
# hyphens and the en dash that word processors put in its place (U+2010, U+2011
# non-breaking, U+2013).
JOIN = "[-\u2010\u2011\u2013]"


@dataclass(frozen=True, slots=True)
class Numerals:
    """The number patterns of one vocabulary (built once per vocabulary: :func:`numerals`)."""

    scale: str  # a regex alternative of the scale words ("million")
    suffix: str  # ... of the suffixes after digits ("bn")
    parse: re.Pattern[str]  # digits with a suffix and a scale word


@cache
def numerals(vocab: Vocabulary) -> Numerals:
    """The number patterns built from ``vocab``'s scales and suffixes (once per object)."""
    scale, suffix = alternation(vocab.scales), alternation(vocab.suffixes)
    return Numerals(
        scale=scale,
        suffix=suffix,
        parse=re.compile(rf"(\d+(?:\.\d+)?)\s?({suffix})?(?:\s+({scale}))?"),
    )


def words_to_number(text: str, *, vocab: Vocabulary | None = None) -> float | None:
    """'one hundred and fifty' -> 150, 'twenty-five thousand' -> 25000, 'eight point six
    billion' -> 8.6e9; None if not a number."""
    v = resolve(vocab)
    total, current = 0.0, 0.0
    seen = False
    decimals: float | None = None  # after "point": the digits' value so far
    place = 0.1
    for w in re.split(r"[\s-]+", text.lower().strip()):
        if w in v.number_joiners or not w:
            continue
        if w in v.decimal_points and seen and decimals is None:
            decimals = 0.0
            continue
        if decimals is not None and v.units.get(w, 10) < 10:
            decimals += v.units[w] * place
            place /= 10
            continue
        if decimals is not None:  # "eight point six billion": the scale takes 8.6
            current, decimals = current + decimals, None
        if w in v.units:
            current += v.units[w]
        elif w in v.tens:
            current += v.tens[w]
        elif v.scales.get(w, 1000) < 1000:  # "hundred" multiplies the group it ends
            current = (current or 1) * v.scales[w]
        elif w in v.scales:
            total += (current or 1) * v.scales[w]
            current = 0
        else:
            return None
        seen = True
    return total + current + (decimals or 0.0) if seen else None


def parse_number(text: str, *, vocab: Vocabulary | None = None) -> float | None:
    """Parse a numeral written in digits or words ('1,200', '1.5', 'fifty', '2bn')."""
    v = resolve(vocab)
    t = re.sub("[,\u00a0\u202f\u2009]", "", text.strip().lower())  # thousands separators
    t = re.sub("[\u2010\u2011\u2013]", "-", t)  # hyphens a word processor put in
    m = numerals(v).parse.fullmatch(t)
    if m:
        x = float(m[1])
        if m[2]:
            x *= v.suffixes[m[2]]
        if m[3]:
            x *= v.scales[m[3]]
        return x
    return words_to_number(t, vocab=v)


@cache
def hedge_before(vocab: Vocabulary) -> re.Pattern[str]:
    """A hedge right before a figure ("about", "nearly", "more than"), at the end of the
    text searched (the words before the figure)."""
    return re.compile(rf"\b(?P<hedge>{alternation(vocab.hedges)})\s+$", re.IGNORECASE)


def half_length(
    text: str, s: int, e: int, seconds: float, *, vocab: Vocabulary | None = None
) -> Value:
    """Half of a unit of time, ``text[s:e]`` ("half an hour", "half a century"), with the
    hedge right before it ("more than half a century": over 50 years)."""
    v = resolve(vocab)
    window = text[max(0, s - 25) : s]
    hb = hedge_before(v).search(window)
    hedge = hb["hedge"].lower() if hb else ""
    start = s - (len(window) - hb.start()) if hb else s
    lo, hi = hedge_interval(seconds, hedge, vocab=v) if hedge else (seconds, seconds)
    return Value(
        kind=ValueKind.DURATION,
        text=text[start:e],
        span=(start, e),
        low=lo,
        high=hi,
        unit="second",
        hedge=hedge,
    )


def hedge_interval(x: float, hedge: str, *, vocab: Vocabulary | None = None) -> tuple[float, float]:
    """The interval a hedged number stands for: 'around 100' -> [90, 110]."""
    h = resolve(vocab).hedges.get(hedge.lower())
    lo_f, hi_f = h.factors if h else (1.0, 1.0)
    lo, hi = x * lo_f, (math.inf if math.isinf(hi_f) else x * hi_f)
    if h is not None and h.strict:
        if lo_f >= 1.0:
            lo = x + max(abs(x) * 1e-6, EPS)
        else:
            hi = x - max(abs(x) * 1e-6, EPS)
    return (min(lo, hi), max(lo, hi))


def stated(lo: float, hi: float, hedge: str, *, vocab: Vocabulary | None = None) -> float:
    """The figure a text states: the middle of its interval, or the bound a hedge names."""
    if math.isinf(hi):
        return float(f"{lo:.6g}")
    h = resolve(vocab).hedges.get(hedge)
    if h is not None:
        lf, hf = h.factors
        if lf == 0.0:
            return float(f"{hi:.6g}")
        if math.isinf(hf):
            return lo
        return lo / lf
    return (lo + hi) / 2


def exact_number(m: re.Match[str]) -> float:
    """The value of a scientific-notation, power-of-ten or not-finite match (may be inf
    or nan: the caller refuses those)."""
    if m["bad"]:
        return math.nan if m["bad"] == "NaN" else math.inf
    if m["sci"]:
        return float(m["sci"])
    pm = re.fullmatch(r"(?:(\d+(?:\.\d+)?)\s?[x×*]\s?)?10\s?\^\s?([+-]?\d+)", m["pow"])
    assert pm is not None
    exp = int(pm[2]) if len(pm[2].lstrip("+-")) < 6 else (10**6 if pm[2][0] != "-" else -(10**6))
    return float(f"{pm[1] or '1'}e{exp}")


MINUS = ("\u2212", "-", "\u2012", "\u2013")  # a minus sign, and the dashes typed for one


def sign_start(text: str, s: int, vocab: Vocabulary) -> int | None:
    """Where a minus sign or a minus word before the figure at ``s`` starts, if any."""
    if s > 0 and text[s - 1] in MINUS and (s == 1 or text[s - 2] in " \t\n([/"):
        return s - 1
    before = re.search(
        rf"\b(?:{alternation(vocab.minus_words)})\s+$", text[max(0, s - 12) : s], re.I
    )
    return None if before is None else max(0, s - 12) + before.start()


def negative_figure(v: Value, text: str, sign: int) -> Value:
    """A figure with a minus sign: its value negated ("-30" points, "-12 degrees"); a
    duration or an ordinal cannot be negative, so it is refused (never read as the
    positive figure)."""
    span = (min(sign, v.span[0]), v.span[1])
    if v.kind in (ValueKind.DURATION, ValueKind.ORDINAL):
        note = f"{text[span[0] : span[1]].strip()!r} is negative; a {v.kind.value} cannot be"
        return Value(kind=ValueKind.INVALID, text=text[span[0] : span[1]], span=span, note=note)
    low = -v.high if v.high is not None else None
    high = -v.low if v.low is not None else None
    return replace(v, low=low, high=high, span=span, text=text[span[0] : span[1]])


def at_one_point(text: str, s: int, num: str, vocab: Vocabulary) -> bool:
    """ "At one point six people were hurt": the idiom "at one point", not 1.6."""
    words = num.lower().split()
    return (
        len(words) > 2
        and words[1] in vocab.decimal_points
        and vocab.units.get(words[0]) == 1
        and re.search(r"(?:^|\W)at\s*$", text[:s], re.IGNORECASE) is not None
    )


def opens_range(v: Value, text: str, vocab: Vocabulary) -> bool:
    """A count or sum with a hedge of approximation ("about", "roughly") may open a range
    ("the equivalent of roughly 16 million to 28 million US dollars"), its low end as the
    hedge widens it: only after a word of ``hedged_range_after`` or an opening bracket;
    after a verb it may be a change and the level it reached ("climbed about $2 billion to
    $40 billion", "cut about $200 to $399"). Never a share."""
    h = vocab.hedges.get(v.hedge)
    before = re.findall(r"\(|[^\W\d]+", text[: v.span[0]].lower())[-1:]
    return (
        h is not None
        and h.means == "about"
        and v.kind in (ValueKind.QUANTITY, ValueKind.MONEY)
        and bool(set(before) & vocab.hedged_range_after)
    )


def range_joiners(vocab: Vocabulary) -> str:
    """A regex alternative of what joins two figures into a range: a joiner ("to", "-",
    "--"), or a joiner word between hyphens ("30-to-60-day")."""
    return f"{alternation(vocab.range_joiners)}|-(?:{_word_joiners(vocab)})-"


def _word_joiners(vocab: Vocabulary) -> str:
    return alternation(w for w in vocab.range_joiners if w.isalpha())


@cache
def _compound_range_end(vocab: Vocabulary) -> re.Pattern[str]:
    words = alternation([*vocab.units, *vocab.tens])
    return re.compile(rf"(?:\d|\b(?:{words}))-(?:{_word_joiners(vocab)})-$", re.IGNORECASE)


def names_number(text: str, s: int, vocab: Vocabulary) -> bool:
    """Whether the digits at ``s``, glued to letters or after a hyphen, are a name's
    number ("COVID-19", "G7", "F-16"), not a figure; a range's second end is one ("5-10",
    "a 30-to-60-day process", "a two-to-three-year wait")."""
    if not (s > 0 and (text[s - 1].isalpha() or text[s - 1] in "-/")):
        return False
    if text[s - 1] == "-" and s > 1 and text[s - 2].isdigit():
        return False
    return _compound_range_end(vocab).search(text[max(0, s - 24) : s]) is None


def spaced_dash(gap: str) -> bool:
    """Whether two figures are joined by a dash with spaces about it ("30 -- 40 days"): a
    range when only the second writes the unit; after a figure with its own unit, a break
    in the sentence ("rose 20 percent -- 40 percent of analysts had expected a fall")."""
    return gap != gap.strip() and gap.strip() in ("--", "\u2014", "\u2013", "-")


def scale_ends(text: str, v: Value, vocab: Vocabulary) -> bool:
    """Whether a range is a rating scale's two ends ("on a 1-to-10 scale", "on a scale of
    1 to 10"; lexicon ``rating_scales``): no figure of what is rated. Only a range of bare
    numbers from 0 or 1: "layoffs on a scale of 20,000 to 30,000" is a figure."""
    if v.hedge != "range" or not vocab.rating_scales or v.unit or v.low not in (0.0, 1.0):
        return False  # a scale is rated from 0 or 1; "a pay scale of $30,000 to $50,000"
    scales = alternation(vocab.rating_scales)
    after = re.match(rf"[\s-]*(?:{scales})\b", text[v.span[1] :], re.IGNORECASE)
    before = re.search(rf"\b(?:{scales})\s+of\s+$", text[: v.span[0]], re.IGNORECASE)
    return bool(after or before)


def vague_interval(words: str, vocab: Vocabulary) -> tuple[float, float]:
    """The interval of vague multiples ("hundreds of", "tens of thousands"): from two of
    the scale to below the next scale word ("hundreds": 200 to 999), of the scale a second
    one names ("tens of thousands": 20,000 to 99,999)."""
    base, *times = [
        vocab.plural_scales[w] for w in words.lower().split() if w in vocab.plural_scales
    ]
    over = min((x for x in vocab.scales.values() if x > base), default=base * 1000)
    k = times[0] if times else 1.0
    return base * 2 * k, over * k - 1


def share_of_scale(words: str, vocab: Vocabulary) -> float:
    """ "half a million" (500,000), "a quarter of a million" (250,000), "half a dozen" (6):
    a share (numbers.json ``scale_shares``, else a half) of the scale word or the
    collective noun that ends ``words``."""
    what = words.lower().split()
    part = vocab.scale_shares.get(" ".join(what[:-2]), 0.5)
    return part * (vocab.scales.get(what[-1]) or vocab.collective.get(what[-1], 12))
