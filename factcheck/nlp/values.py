"""Find and normalise the figures in a sentence: numbers, hedges, units, money, percentages,
durations, ordinals and ranges; with the dates (dates.py), every value in one call.

Everything here is written by hand on purpose, with spans into the original text:
quantulum3 misreads newsroom phrases (STACK.md: "50-minute" as an angle, "$2bn" as
"dollar bit newton", "half a million" as 1,500,000) and its classifier fails to load.
The words, units and hedges come from the language tables (factcheck/lang/en/); counted
nouns ("100,000 troops" counts troops) come from spaCy in ``analysis.py``.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from factcheck.lang import alternation, vocabulary, words_pattern
from factcheck.nlp.dates import DateContext, find_dates
from factcheck.nlp.numerals import SCALE_RE, SUFFIX_RE, hedge_interval, parse_number
from factcheck.types import Value, ValueKind

__all__ = ["DateContext", "find_numbers", "find_ordinals", "find_values", "merge_ranges"]

VOCAB = vocabulary("en")
K = ValueKind

_WORDNUM = alternation([*VOCAB.units, *VOCAB.tens])
# A numeral: digits with separators, or number words joined by spaces/hyphens/"and".
_DIGITS = r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d]|(?:st|nd|rd|th)\b)"
_WORDS = (
    rf"\b(?:(?:{_WORDNUM})(?:[- ](?:{_WORDNUM}))?)"
    rf"(?:\s+(?:{SCALE_RE})(?:\s+(?:and\s+)?(?:{_WORDNUM})(?:[- ](?:{_WORDNUM}))?)?)*\b"
)
# Scientific notation ("1.5e6") and powers of ten ("10^6", "3 x 10^9"): read whole, so
# "1e400" is never read as 1 nor "10^6" as 6.
_SCI = r"(?<![\w.,])\d+(?:\.\d+)?[eE][+-]?\d+(?![\w.]\w)"
_POW = r"(?<![\w.,^])(?:\d+(?:\.\d+)?\s?[x×*]\s?)?10\s?\^\s?[+-]?\d+(?![\w.]\w)"
_NOT_FINITE = r"(?<![\w.])(?:NaN|[+-]?∞)(?!\w)"
_SYMBOLS = alternation(s for c in VOCAB.currencies for s in c.symbols)
# After "1.5m" these words mean metres, not millions ("1.5m tall", "a 100m race").
DIMENSION_AFTER = re.compile(rf"^\s*(?:{alternation(VOCAB.metre_words)})\b", re.IGNORECASE)
NUMBER_RE = re.compile(
    rf"(?P<cur>{_SYMBOLS})?\s?"
    rf"(?:(?P<half>half\s+an?\s+(?:{SCALE_RE}|hour|{alternation(VOCAB.collective)}))"
    rf"|(?P<a>\ban?\s+(?:{alternation([*VOCAB.collective, *VOCAB.scales])})\b)"
    rf"|(?P<plural>\b(?:{alternation(VOCAB.plural_scales)})\s+of\b)"
    rf"|(?P<aunit>\b(?:an?|one)\s+(?=(?:{alternation(VOCAB.article_durations)})\b))"
    rf"|(?P<sci>{_SCI})"
    rf"|(?P<pow>{_POW})"
    rf"|(?P<bad>{_NOT_FINITE})"
    rf"|(?P<num>{_DIGITS}|{_WORDS}))"
    rf"(?P<andhalf>\s+and\s+a\s+half\b)?"
    rf"(?:\s?(?P<suffix>{SUFFIX_RE})\b)?"
    rf"(?:\s+(?P<scale>{SCALE_RE})\b)?",
    re.IGNORECASE,
)
HEDGE_BEFORE = re.compile(rf"\b(?P<hedge>{alternation(VOCAB.hedges)})\s+$", re.IGNORECASE)
HEDGE_AFTER = re.compile(
    "^(?:"
    + "|".join(
        (r"\s+" if p[0].isalpha() else "") + words_pattern([p])
        for p in sorted(VOCAB.hedges_after, key=len, reverse=True)
    )
    + ")",
    re.IGNORECASE,
)
_DURATION = re.compile(
    rf"^(?:-|\s)?(?P<u>{alternation(VOCAB.durations)})s?\b(?:\s+and\s+an?\s+half\b)?",
    re.IGNORECASE,
)
_PERCENT_UNIT = {" ".join(s.lower().split()): u for u, ss in VOCAB.percent.items() for s in ss}
_PERCENT = re.compile(
    rf"^\s?(?P<u>{words_pattern(s for ss in VOCAB.percent.values() for s in ss)})", re.I
)
_GLUED = re.compile(rf"^(?P<u>{alternation(VOCAB.glued)})\b")  # "1.5C": only glued on
_MEASURE = re.compile(
    rf"^(?:-|\s)?(?P<u>{alternation(s for u in VOCAB.measures for s in u.spellings)})\b"
)
_CURRENCY_WORD = re.compile(
    rf"^\s?(?P<u>{words_pattern(w for c in VOCAB.currencies for w in c.words)})", re.I
)
_ORD_RE = re.compile(
    rf"\b(?P<w>{alternation(VOCAB.ordinals)})\b|(?<![\w.])(?P<d>\d+)(?:st|nd|rd|th)\b",
    re.IGNORECASE,
)
# "a second thought", "split second", "second-hand": not counts of anything.
_ORD_NOT_BEFORE = re.compile(
    rf"^[\s-]*(?:{alternation(VOCAB.ordinal_idioms_before)})\b", re.IGNORECASE
)
_ORD_NOT_AFTER = re.compile(rf"\b(?:{alternation(VOCAB.ordinal_idioms_after)})\s+$", re.I)
# "no one", "the one who": a pronoun, not the number 1.
_ONE_NOT_BEFORE = re.compile(rf"^\s*(?:{alternation(VOCAB.one_not_before)})\b", re.I)
_RANGE_GAP = re.compile(r"^\s*(?:to|-|–|—|or|and)\s*$", re.IGNORECASE)


def _exact_number(m: re.Match[str]) -> float:
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


def _unit_after(text: str, end: int) -> tuple[ValueKind, str, float, int]:
    """Look right after a number for a unit: returns (kind, unit, factor, new_end)."""
    rest = text[end:]
    m = _DURATION.match(rest)
    if m:
        return K.DURATION, "second", float(VOCAB.durations[m["u"].lower()]), end + m.end()
    m = _PERCENT.match(rest)
    if m:
        return K.PERCENT, _PERCENT_UNIT[" ".join(m["u"].lower().split())], 1.0, end + m.end()
    m = _GLUED.match(rest)
    if m:
        return K.QUANTITY, VOCAB.glued[m["u"]], 1.0, end + m.end()
    # Currency words first: "pounds sterling" is money, not a weight in pounds.
    m = _CURRENCY_WORD.match(rest)
    if m:
        return K.MONEY, VOCAB.currency_code(m["u"]), 1.0, end + m.end()
    m = _MEASURE.match(rest)
    unit = VOCAB.measure(m["u"]) if m else None
    if m and unit is not None:
        return K.QUANTITY, unit.dimension, unit.factor, end + m.end()
    return K.QUANTITY, "", 1.0, end


def _pronoun_one(text: str, s: int, e: int) -> bool:
    """'no one', 'the one who', 'one of them': not the number 1."""
    before = text[max(0, s - 12) : s].lower().split()
    return bool(before and before[-1] in VOCAB.one_not_after_words) or bool(
        _ONE_NOT_BEFORE.match(text[e : e + 12].lower())
    )


def _amount(
    m: re.Match[str], text: str, s: int, e: int
) -> tuple[float, tuple[float, float] | None] | None:
    """The number a match names, and its interval when the words give one ("hundreds of");
    None when the match is not a figure."""
    if m["half"]:
        what = m["half"].split()[-1].lower()
        return 0.5 * (VOCAB.scales.get(what) or VOCAB.collective.get(what, 12)), None
    if m["aunit"]:
        return 1.0, None
    if m["a"]:
        what = " ".join(m["a"].lower().split()[1:])
        return float(VOCAB.collective.get(what, VOCAB.scales.get(what, 1.0))), None
    if m["plural"]:
        base = VOCAB.plural_scales[m["plural"].split()[0].lower()]
        return base * 2, (base * 2, base * 1000 - 1 if base >= 100 else base * 8)
    low = (m["num"] or "").lower()
    if (low == "one" and _pronoun_one(text, s, e)) or low == "second":
        return None
    v = parse_number(m["num"] or "")
    return None if v is None else (v, None)


def find_numbers(text: str, skip: list[tuple[int, int]] | None = None) -> list[Value]:
    """Quantities, money, percentages and durations in ``text``, hedges included.

    ``skip`` holds spans already claimed (dates), which numbers may not overlap.
    """
    skip = list(skip or [])
    out: list[Value] = []
    for m in NUMBER_RE.finditer(text):
        s, e = m.span()
        if not text[s:e].strip():
            continue
        # trim leading whitespace the optional currency group may have eaten
        while s < e and text[s].isspace():
            s += 1
        if any(s < te and ts < e for ts, te in skip):
            continue
        glued = s > 0 and (text[s - 1].isalpha() or text[s - 1] in "-/") and not m["cur"]
        if glued and not (text[s - 1] == "-" and s > 1 and text[s - 2].isdigit()):
            continue  # "COVID-19", "G7", "F-16": names, not figures
        if m["bad"] or m["sci"] or m["pow"]:
            x = _exact_number(m)
            if not math.isfinite(x):
                reason = f"{text[s:e].strip()!r} is not a finite number"
                out.append(Value(kind=K.INVALID, text=text[s:e], span=(s, e), note=reason))
                skip.append((s, e))
                continue
            lo_hi = None
        elif m["half"] and m["half"].split()[-1].lower() == "hour":
            out.append(
                Value(
                    kind=K.DURATION, text=text[s:e], span=(s, e), low=1800, high=1800, unit="second"
                )
            )
            continue
        else:
            found = _amount(m, text, s, e)
            if found is None:
                continue
            x, lo_hi = found
        v = _figure(m, text, s, e, x, lo_hi)
        out.append(v)
        skip.append(v.span)
    return out


def _figure(
    m: re.Match[str], text: str, s: int, e: int, x: float, lo_hi: tuple[float, float] | None
) -> Value:
    """The value of a number match with its scale, unit, currency and hedge applied."""
    if m["andhalf"]:
        x += 0.5
    metres = False
    if m["suffix"]:
        metres = (
            m["suffix"].lower() == "m"
            and not m["cur"]
            and not m["scale"]
            and bool(DIMENSION_AFTER.match(text[e:]))
        )
        x *= 1.0 if metres else VOCAB.suffixes[m["suffix"].lower()]
    if m["scale"]:
        x *= VOCAB.scales[m["scale"].lower()]
    kind, unit, factor, end = (K.QUANTITY, "m", 1.0, e) if metres else _unit_after(text, e)
    half = kind == K.DURATION and "half" in text[e:end].lower()
    if m["cur"]:
        kind, unit = K.MONEY, VOCAB.currency_code(m["cur"])
    hedge = ""
    window = text[max(0, s - 25) : s]
    hb = HEDGE_BEFORE.search(window)
    hs = s
    if hb:
        hedge = hb["hedge"].lower()
        hs = s - (len(window) - hb.start())
    ha = HEDGE_AFTER.match(text[end:])
    if ha and not hedge:
        hedge = VOCAB.hedges_after[" ".join(ha.group(0).lower().split())]
        end += ha.end()
    if half:
        x += 0.5  # "an hour and a half": the half is of the unit
    x *= factor
    if lo_hi is None:
        lo_hi = hedge_interval(x, hedge) if hedge else (x, x)
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


def merge_ranges(text: str, values: list[Value]) -> list[Value]:
    """'80 to 90 years', '6-10C', 'between 0.2 and 0.3%', 'six or seven feet' -> one interval.

    The first number takes the second's unit ("80" in "80 to 90 years" is years too).
    """
    out: list[Value] = []
    for v in values:
        prev = out[-1] if out else None
        gap = text[prev.span[1] : v.span[0]] if prev else ""
        if (
            prev is not None
            and prev.kind in (K.QUANTITY, K.DURATION, K.PERCENT, K.MONEY)
            and not prev.hedge
            and not v.hedge
            and _RANGE_GAP.match(gap)
            and (not prev.unit or prev.unit == v.unit)
            and (
                gap.strip().lower() != "and"
                or text[: prev.span[0]].lower().rstrip().endswith("between")
            )
            and prev.low is not None
            and v.low is not None
            and v.high is not None
        ):
            lo = prev.low
            if not prev.unit and v.unit:
                first = NUMBER_RE.search(v.text)
                raw = parse_number(first["num"]) if first and first["num"] else None
                factor = v.low / raw if raw else 1.0
                lo = prev.low * factor
            if lo <= v.high:
                span = (prev.span[0], v.span[1])
                out[-1] = replace(v, text=text[span[0] : span[1]], span=span, low=lo, hedge="range")
                continue
        out.append(v)
    return out


def find_ordinals(text: str, skip: list[tuple[int, int]] | None = None) -> list[Value]:
    """Ordinals that count events or items ('their second call'), not idioms."""
    skip = skip or []
    out = []
    for m in _ORD_RE.finditer(text):
        s, e = m.span()
        if any(s < te and ts < e for ts, te in skip):
            continue
        if _ORD_NOT_BEFORE.match(text[e:]) or _ORD_NOT_AFTER.search(text[max(0, s - 12) : s]):
            continue
        if (
            m["w"]
            and m["w"].lower() == "second"
            and re.match(r"^s?\b", text[e:])
            and re.search(r"\d\s*$", text[max(0, s - 6) : s])
        ):
            continue  # "30 second" is a duration
        n = float(VOCAB.ordinals[m["w"].lower()] if m["w"] else int(m["d"]))
        out.append(Value(kind=K.ORDINAL, text=text[s:e], span=(s, e), low=n, high=n))
    return out


def find_values(
    text: str, ctx: DateContext, *, keep_invalid: bool = False
) -> tuple[list[Value], DateContext]:
    """All non-entity values in one sentence, in text order, plus the updated date context.

    Text that looks like a value but cannot be one ("February 30", "1e400") is never
    misread as another value; with ``keep_invalid`` it comes back as kind ``invalid``."""
    dates, ctx = find_dates(text, ctx)
    taken = [v.span for v in dates]
    nums = find_numbers(text, taken)
    nums = [v for v in nums if v.kind == K.INVALID] + merge_ranges(
        text, [v for v in nums if v.kind != K.INVALID]
    )
    taken += [v.span for v in nums]
    ords = find_ordinals(text, taken)
    vals = sorted(dates + nums + ords, key=lambda v: v.span)
    if not keep_invalid:
        vals = [v for v in vals if v.kind != K.INVALID]
    return vals, ctx
