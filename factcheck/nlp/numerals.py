"""Numerals written in digits or words, and the intervals hedges make of them.

text2num's ``alpha2digit`` rewrites the text (losing the offsets evidence highlighting
needs) and leaves "a dozen" / "half a million" alone, so this reads them itself from the
language tables (factcheck/lang/en/numbers.json, hedges.json).
"""

from __future__ import annotations

import math
import re

from factcheck.lang import alternation, vocabulary

VOCAB = vocabulary("en")
EPS = 1e-9
SCALE_RE = alternation(VOCAB.scales)
SUFFIX_RE = alternation(VOCAB.suffixes)
_PARSE = re.compile(rf"(\d+(?:\.\d+)?)\s?({SUFFIX_RE})?(?:\s+({SCALE_RE}))?")


def words_to_number(text: str) -> float | None:
    """'one hundred and fifty' -> 150, 'twenty-five thousand' -> 25000; None if not a number."""
    total, current = 0.0, 0.0
    seen = False
    for w in re.split(r"[\s-]+", text.lower().strip()):
        if w in ("and", ""):
            continue
        if w in VOCAB.units:
            current += VOCAB.units[w]
        elif w in VOCAB.tens:
            current += VOCAB.tens[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in VOCAB.scales:
            total += (current or 1) * VOCAB.scales[w]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_number(text: str) -> float | None:
    """Parse a numeral written in digits or words ('1,200', '1.5', 'fifty', '2bn')."""
    t = text.strip().lower().replace(",", "")
    m = _PARSE.fullmatch(t)
    if m:
        v = float(m[1])
        if m[2]:
            v *= VOCAB.suffixes[m[2]]
        if m[3]:
            v *= VOCAB.scales[m[3]]
        return v
    return words_to_number(t)


def hedge_interval(x: float, hedge: str) -> tuple[float, float]:
    """The interval a hedged number stands for: 'around 100' -> [90, 110]."""
    h = VOCAB.hedges.get(hedge.lower())
    lo_f, hi_f = h.factors if h else (1.0, 1.0)
    lo, hi = x * lo_f, (math.inf if math.isinf(hi_f) else x * hi_f)
    if h is not None and h.strict:
        if lo_f >= 1.0:
            lo = x + max(abs(x) * 1e-6, EPS)
        else:
            hi = x - max(abs(x) * 1e-6, EPS)
    return (min(lo, hi), max(lo, hi))


def stated(lo: float, hi: float, hedge: str) -> float:
    """The figure a text states: the middle of its interval, or the bound a hedge names."""
    if math.isinf(hi):
        return float(f"{lo:.6g}")
    h = VOCAB.hedges.get(hedge)
    if h is not None:
        lf, hf = h.factors
        if lf == 0.0:
            return float(f"{hi:.6g}")
        if math.isinf(hf):
            return lo
        return lo / lf
    return (lo + hi) / 2
