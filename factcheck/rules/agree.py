"""Whether two values could be figures of one thing, and whether they can both be true:
the comparison of values on their own, without the texts around them (rules/align.py pairs
them by those). Pure code over :class:`~factcheck.types.Value`."""

from __future__ import annotations

import math
import re
from functools import cache

from factcheck.lang import Vocabulary, resolve
from factcheck.nlp.numerals import stated
from factcheck.nlp.paraphrase import Like, exact
from factcheck.thresholds import DEFAULT, Weights
from factcheck.types import Value, ValueKind

K = ValueKind


@cache
def measures(vocab: Vocabulary) -> frozenset[str]:
    """What makes a number a measure or a factor rather than a count: a unit of measure
    ("40 km") or a factor noun ("three times")."""
    return vocab.dimensions | vocab.factor_nouns


def _rounding(v: Value, vocab: Vocabulary) -> float:
    """How far, in seconds, a length of time stated in whole units may be from what it
    rounds: "three months" is any time nearer three months than two or four (94 days is
    "three months after"), "90 days" is to the day, "1.5 years" to a tenth of a year.
    Units past a year are left to the figure ("a decade" is no seven years)."""
    words = re.findall(r"[a-z]+|\d+(?:\.\d+)?", v.text.lower())
    unit = next((vocab.durations.get(x.removesuffix("s"), 0) for x in reversed(words)), 0)
    if not unit or unit > vocab.durations.get("year", 0):
        return 0.0
    figure = next((x for x in words if x[0].isdigit()), "")
    place = 10.0 ** -len(figure.partition(".")[2])
    return 0.49 * place * unit  # just under half: "five years" is never "six years"


_FIGURE = re.compile(r"\d[\d,]*(?:\.(\d+))?")


def last_place(v: Value) -> float | None:
    """What one in the last written digit of a figure is worth: 0.1 for "2.4%", 0.01 for
    "1,854.97", 100,000 for "1.5 million", 1 for "1,995"; None when it is written in words
    or is no single figure."""
    m = _FIGURE.search(v.text)
    if m is None or v.low is None or v.low != v.high:
        return None
    written = float(m.group().replace(",", ""))
    if not written:
        return None
    scale = v.low / written  # "1.5 million": the scale word's factor (and a unit's)
    return abs(scale) * 10.0 ** -len(m.group(1) or "")


def same_number_written(a: Value, b: Value) -> bool:
    """Whether two figures are written with the same number ("16 percent" / "16 percentage
    points", "40 days" / "40 weeks"): one figure misreported in another unit or scale."""
    ma, mb = _FIGURE.search(a.text), _FIGURE.search(b.text)
    if ma is None or mb is None:
        return False
    x = ma.group().replace(",", "")
    return x == mb.group().replace(",", "") and float(x) != 0


def _interval(v: Value, w: Weights, vocab: Vocabulary) -> tuple[float, float]:
    lo = v.low if v.low is not None else -math.inf
    hi = v.high if v.high is not None else math.inf
    if v.kind == K.DURATION and not v.hedge and lo == hi and (r := _rounding(v, vocab)):
        return lo - r, hi + r
    if v.kind != K.DATE and not v.hedge and lo == hi:
        # an exact figure is what rounds to it in its last written digit ("14%" of 13.8%,
        # "2.4%" of 2.43%, "1.5 million" of 1.46 million; "1,995" is no 1,998), and at most
        # a share of itself ("3 billion" is no 2.6 billion); in words, only that share
        place = last_place(v)
        cap = abs(lo) * w.rounding_share
        tol = cap if place is None else min(0.49 * place, cap)  # just under half: 17 is no 18
        return lo - tol, hi + tol
    return lo, hi


def significant_digits(v: Value) -> int:
    """How many significant digits a single figure has ("$8.6 billion" 2, "5,210.17" 6,
    "300" 1); 0 for a date or a range."""
    if v.kind == K.DATE or v.low is None or v.low != v.high:
        return 0
    mantissa = f"{abs(v.low):.6e}".split("e")[0]  # 8.6e9 -> "8.600000"
    return len(mantissa.replace(".", "").rstrip("0"))


def _partial(d: str) -> tuple[str, str]:
    """(month, day) of an ISO date or a year-less '--MM-DD' / '--MM'."""
    if d.startswith("--"):
        return d[2:4], d[5:7] if len(d) >= 7 else ""
    return d[5:7], d[8:10]


def values_agree(
    a: Value, b: Value, w: Weights = DEFAULT.weights, *, vocab: Vocabulary | None = None
) -> bool:
    """True when two aligned values can both be true (their intervals overlap). ``vocab``
    says what their hedges mean (English when None)."""
    vocab = resolve(vocab)
    if a.kind == K.PERCENT and a.unit != b.unit:
        return False  # "16 percent" is never "16 percentage points"
    if a.kind == K.DATE:
        af, at, bf, bt = a.date_from, a.date_to, b.date_from, b.date_to
        if af.startswith("--") or bf.startswith("--"):
            # A year is unknown (no dateline): compare what both texts pin down.
            (am, ad), (bm, bd) = _partial(af), _partial(bf)
            if a.grain == "day" and b.grain == "day":
                return (am, ad) == (bm, bd)
            if not af.startswith("--") and a.grain != "day" and af[5:7] != at[5:7]:
                return True  # a whole year or more contains any month
            if not bf.startswith("--") and b.grain != "day" and bf[5:7] != bt[5:7]:
                return True
            return am == bm
        return af <= bt and bf <= at
    alo, ahi = _interval(a, w, vocab)
    blo, bhi = _interval(b, w, vocab)
    pb = bound(b, vocab=vocab)
    if pb is not None:
        # The second text gives only a bound ("at least 107 people"): that is its figure. A
        # claim of 538 is not stated by it, and "over three million" misreports "over
        # eight million" although both could be true.
        ab = bound(a, vocab=vocab)
        if ab is None:
            return alo <= pb <= ahi
        if (way := _direction(a, vocab)) == _direction(b, vocab):
            # The same bound, or the second's rounded to the first's last significant
            # place on its safe side: "more than 100" of "at least 112", "at least 40" of
            # "at least 42", "fewer than 50" of "fewer than 45" (never "over three million"
            # of "over eight million", nor "at least 45" of "at least 42")
            return abs(ab - pb) <= w.exact_tolerance * max(abs(ab), abs(pb)) or (
                _rounded_bound(a, ab, pb, way)
            )
    ha, hb = vocab.hedges.get(a.hedge), vocab.hedges.get(b.hedge)
    ca, cb = (alo + ahi) / 2, (blo + bhi) / 2
    if (
        ha
        and hb
        and ha.means == hb.means == "about"
        and ha.width
        and hb.width
        and a.kind != K.DURATION  # "about a year" / "about 14 months": its unit's rounding
        and min(_digits(ca), _digits(cb)) >= 2  # "about a million" / "some 1.2 million"
    ):
        # Two approximations are two figures, each rounded: "roughly 65%" is not
        # "approximately 56%", though the reaches of the two (58.5-71.5, 50.4-61.6) meet.
        # The same figure when each lies within the other's reach.
        return abs(ca - cb) <= max(ha.width, hb.width) * max(abs(ca), abs(cb))
    if _range(a) and _range(b) and _near(alo, blo, w) and not _near(ahi, bhi, w):
        # Two ranges from one low end to two high ends are two figures: "between 60 and
        # 90 days" is not stated by "between 60 and 180 days", though 75 days lies in both.
        # Only from one low end: "rose 5 cents to $4.50" (read as a range) is "rose from
        # $4.45 to $4.50", and "eight to 12 weeks" "two to three months".
        return False
    return alo <= bhi and blo <= ahi


def _digits(x: float) -> int:
    """Significant digits of a number ("1.2 million" 2, "a million" 1, "65" 2)."""
    if not math.isfinite(x) or x == 0:
        return 0
    return len(f"{abs(x):.6e}".split("e")[0].replace(".", "").rstrip("0"))


def _near(x: float, y: float, w: Weights) -> bool:
    return abs(x - y) <= w.rounding_share * max(abs(x), abs(y))


def _range(v: Value) -> bool:
    """A range written as one ("between 60 and 90 days", "1.5 to 2 years", "5-10%")."""
    return v.hedge == "range" and v.low is not None and v.high is not None and v.low != v.high


def on_its_side(v: Value, claim: Value, *, vocab: Vocabulary | None = None) -> bool:
    """Whether the figure ``v`` lies within the open-ended interval of ``claim`` ("more
    than 100", "below $9.99"): its whole interval, or the figure it states ("about 120"
    is more than 100; "about 100" is not; "100 to 300" is not more than 150)."""
    lo = claim.low if claim.low is not None else -math.inf
    hi = claim.high if claim.high is not None else math.inf
    vlo = v.low if v.low is not None else -math.inf
    vhi = v.high if v.high is not None else math.inf
    if lo <= vlo and vhi <= hi:
        return True
    h = resolve(vocab).hedges.get(v.hedge)
    if h is None or h.width is None:  # a figure, a range or a bound: only inside it
        return False
    return lo <= stated(vlo, vhi, v.hedge, vocab=vocab) <= hi


def within(inner: Value, outer: Value) -> bool:
    """Whether the date ``inner`` lies inside the date ``outer`` (True when a year is
    unknown on either side: :func:`values_agree` compares what both texts pin down)."""
    a, b = outer.date_from, inner.date_from
    if not (a and b) or a.startswith("--") or b.startswith("--"):
        return True
    return a <= b and inner.date_to <= outer.date_to


def _direction(v: Value, vocab: Vocabulary) -> str:
    h = vocab.hedges.get(v.hedge)
    return h.means if h is not None else ""


def _rounded_bound(a: Value, ab: float, pb: float, way: str) -> bool:
    """Whether the bound ``ab`` that ``a`` states is the bound ``pb`` rounded to the last
    significant place of ``a``'s figure, down for a lower bound and up for an upper one:
    what it states is then implied by ``pb``. A strict bound's own margin ("more than 90":
    just above 90) is no place of its figure."""
    m = _FIGURE.search(a.text)
    digits = m.group().replace(",", "") if m else ""
    if not digits or "." in digits or not float(digits) or not ab:
        return False
    scale = 10.0 ** round(math.log10(abs(ab) / float(digits)))  # "3 million": a million
    written = float(digits) * scale
    zeros = len(digits) - len(digits.rstrip("0"))
    place = scale * 10.0**zeros  # "40": tens; "100": hundreds; "3 million": millions
    pb = round(pb / place, 6)  # "more than 95" is 95 and a hair: 95 here
    if way == "at_least":
        return math.isclose(math.floor(pb) * place, written)
    if way == "at_most":
        return math.isclose(math.ceil(pb) * place, written)
    return False


def bound(v: Value, *, vocab: Vocabulary | None = None) -> float | None:
    """The figure an open-ended hedge names ("at least 107" -> 107, "up to 50" -> 50), or
    None for a figure, a range or an approximation."""
    vocab = resolve(vocab)
    h = vocab.hedges.get(v.hedge)
    if v.kind == K.DATE or h is None or h.width is not None:
        return None
    if h.means not in ("at_least", "at_most"):
        return None
    high = v.high if v.high is not None else math.inf
    return stated(v.low or 0.0, high, v.hedge, vocab=vocab)


def of(v: Value) -> str:
    """What a figure is of: its unit of measure or currency, or else the noun it counts."""
    return v.unit or v.noun


def compatible(a: Value, b: Value, like: Like = exact, *, vocab: Vocabulary | None = None) -> bool:
    """Whether two values could be figures of one thing (same kind, unit, counted noun).
    ``like`` says whether two counted nouns name the same thing ("troops" / "soldiers")."""
    v = resolve(vocab)
    units = measures(v)
    if a.kind != b.kind:
        return False
    if a.kind == K.PERCENT and {a.unit, b.unit} == {"%", "pp"}:
        # percent for percentage points, the copy desk's classic: the same number only
        return same_number_written(a, b)
    if a.kind in (K.MONEY, K.PERCENT):
        return a.unit == b.unit
    if a.kind == K.DURATION and "rate" in (a.role, b.role):
        return a.role == b.role  # "an hour" of "$15 an hour" is no length of time
    if a.kind == K.DURATION and "between" in (a.role, b.role):
        # the time between two dated events: an event's length, or how long one came after
        # the other (date_ranges.is_between)
        return {a.role, b.role} <= {"between", "length", "offset", ""}
    if a.kind == K.DURATION and a.role and b.role:
        # an event's length, a window, an offset between events; a length and a window of
        # one length exactly may be one figure parsed two ways ("fell 4% in two hours" /
        # "a 4% fall in two hours"): they may state each other, never refute (can_refute),
        # and a bound is no such figure ("more than an hour" / "in three weeks")
        same = (a.low, a.high) == (b.low, b.high)
        if a.role == b.role == "record" and a.noun and b.noun and a.noun != b.noun:
            return False  # "its biggest gain in 10 years" / "its highest level in three"
        loose = ({"length", "span"}, {"record", "span"})  # one figure parsed two ways
        return a.role == b.role or ({a.role, b.role} in loose and same)
    if a.kind == K.QUANTITY and (of(a) in units or of(b) in units):
        return of(a) == of(b)  # 0.3 degrees is never 2,014 of anything
    if a.kind in (K.QUANTITY, K.ORDINAL) and of(a) and of(b):
        # "2,400 units" counts whatever was sold: as a count with no noun, any noun's
        return like(of(a), of(b)) or bool({of(a), of(b)} & v.generic_counters)
    return True
