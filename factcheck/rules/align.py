"""Pair a claim's values with a passage's values about the same thing, and say whether
each pair can both be true. Pure code over :class:`~factcheck.nlp.facts.TextFacts`."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from factcheck.lang import Vocabulary, resolve
from factcheck.nlp.date_ranges import is_between
from factcheck.nlp.facts import TextFacts
from factcheck.nlp.lists import is_list_count
from factcheck.nlp.numerals import stated
from factcheck.nlp.paraphrase import Like, exact
from factcheck.nlp.respectively import words
from factcheck.nlp.words import fuzzy_in
from factcheck.rules.assign import Candidate, one_each
from factcheck.thresholds import DEFAULT, Weights
from factcheck.types import NUMERIC_KINDS, Value, ValueKind

K = ValueKind


@cache
def measures(vocab: Vocabulary) -> frozenset[str]:
    """What makes a number a measure or a factor rather than a count: a unit of measure
    ("40 km") or a factor noun ("three times")."""
    return vocab.dimensions | vocab.factor_nouns


@dataclass(frozen=True, slots=True)
class ValueCheck:
    """One claim value aligned with one passage value, and whether they agree."""

    claim: Value
    passage: Value
    agree: bool
    score: float = 1.0  # how surely the two are about the same thing (shared words, noun)
    anchored: bool = False  # both attach to the same word ("seized ... in 2014" / "seized")
    same_noun: bool = False  # both count the same noun ("100,000 troops" twice)
    alike_noun: bool = False  # ... or nouns the embedder finds alike ("troops" / "soldiers")
    # two days in a passage that restates the claim nearly word for word: one event's date
    restated: bool = False


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


def _interval(v: Value, tolerance: float, vocab: Vocabulary) -> tuple[float, float]:
    lo = v.low if v.low is not None else -math.inf
    hi = v.high if v.high is not None else math.inf
    if v.kind == K.DURATION and not v.hedge and lo == hi and (r := _rounding(v, vocab)):
        return lo - r, hi + r
    if v.kind != K.DATE and not v.hedge and lo == hi and not written_in_full(v):
        tol = abs(lo) * tolerance  # exact figures: allow rounding in the last written digit
        return lo - tol, hi + tol
    return lo, hi


def written_in_full(v: Value) -> bool:
    """A whole number written digit by digit ("1,995", "538 people"): nothing was rounded,
    so 1,995 is not 1,998. A figure with decimals or a scale word ("2.4%", "1.5 million")
    may be a rounding of a more exact one."""
    digits = re.sub(r"[^\d.]", "", v.text.split()[0] if v.text.split() else "")
    return bool(digits) and v.low is not None and v.low == int(v.low) and digits == str(int(v.low))


def significant_digits(v: Value) -> int:
    """How many significant digits a single figure has ("$8.6 billion" 2, "5,210.17" 6,
    "300" 1); 0 for a date or a range."""
    if v.kind == K.DATE or v.low is None or v.low != v.high:
        return 0
    mantissa = f"{abs(v.low):.6e}".split("e")[0]  # 8.6e9 -> "8.600000"
    return len(mantissa.replace(".", "").rstrip("0"))


def _specific(v: Value) -> bool:
    """A figure of two or more significant digits ("$8.6 billion", "237 orders", "14.5%"),
    not a round one ("$40 billion", "300"), and no date: the same one twice is rarely
    chance."""
    return significant_digits(v) >= 2


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
    alo, ahi = _interval(a, w.exact_tolerance, vocab)
    blo, bhi = _interval(b, w.exact_tolerance, vocab)
    pb = bound(b, vocab=vocab)
    if pb is not None:
        # The second text gives only a bound ("at least 107 people"): that is its figure. A
        # claim of 538 is not stated by it, and "over three million" misreports "over
        # eight million" although both could be true.
        ab = bound(a, vocab=vocab)
        if ab is None:
            return alo <= pb <= ahi
        if _direction(a, vocab) == _direction(b, vocab):
            return abs(ab - pb) <= w.exact_tolerance * max(abs(ab), abs(pb))
    return alo <= bhi and blo <= ahi


def states(c: ValueCheck, *, vocab: Vocabulary | None = None) -> bool:
    """Whether the passage's value states the claim's: it agrees, a date is no wider than
    the claim's, and a figure lies on the side of a bound the claim sets. "Last week"
    agrees with "on 16 September" but does not say which day, nor "in 2009" which month:
    such a date never disputes the claim, and never states it. "Around $9.99" agrees with
    "below $9.99" (the two can both be true) but does not say the price is below it."""
    if not c.agree:
        return False
    if c.claim.kind == K.DATE:
        return within(c.passage, c.claim)
    return bound(c.claim, vocab=vocab) is None or on_its_side(c.passage, c.claim, vocab=vocab)


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
    units = measures(resolve(vocab))
    if a.kind != b.kind:
        return False
    if a.kind in (K.MONEY, K.PERCENT):
        return a.unit == b.unit
    if a.kind == K.DURATION and "between" in (a.role, b.role):
        # the time between two dated events: an event's length, or how long one came after
        # the other (date_ranges.is_between)
        return {a.role, b.role} <= {"between", "length", "offset", ""}
    if a.kind == K.DURATION and a.role and b.role:
        return a.role == b.role  # an event's length, a window, an offset between events
    if a.kind == K.QUANTITY and (of(a) in units or of(b) in units):
        return of(a) == of(b)  # 0.3 degrees is never 2,014 of anything
    if a.kind in (K.QUANTITY, K.ORDINAL) and of(a) and of(b):
        return like(of(a), of(b))
    return True


def _counted_nearby(cv: Value, pv: Value, pctx: frozenset[str], units: frozenset[str]) -> bool:
    """'21 million iPods' and '21 million iPod players': the claim's counted noun is a word
    of the passage figure's noun phrase, not its head."""
    return (
        cv.kind == pv.kind == K.QUANTITY
        and bool(of(cv) and of(pv))
        and of(cv) not in units
        and of(pv) not in units
        and fuzzy_in(of(cv), pctx)
    )


def _counted(v: Value, units: frozenset[str]) -> bool:
    return v.kind in (K.QUANTITY, K.ORDINAL) and of(v) not in units


def can_refute(c: ValueCheck, w: Weights = DEFAULT.weights) -> bool:
    """Whether a mismatch on this alignment proves the claim wrong.

    Only sure alignments may refute (a loose one may pair values about different things),
    and never two windows of time: "over the past 30 years" is not contradicted by "in the
    past 50 years" (both can be true), unlike the lengths of one event ("a 90-minute call")
    and the offsets between two ("73 seconds after liftoff").
    """
    return not c.agree and sure(c, w)


def sure(c: ValueCheck, w: Weights = DEFAULT.weights) -> bool:
    """Whether two values are surely about the same thing: enough, were they to differ,
    to refute (see :func:`can_refute`)."""
    if c.score < w.refute_alignment:
        return False
    if c.claim.kind in (K.QUANTITY, K.ORDINAL) and not (
        c.same_noun or c.anchored or (c.alike_noun and c.score >= w.alike_refute_alignment)
    ):
        # A count is about what it counts: shared words around "4,800 workers" and "70m"
        # (passengers) do not make them one figure; nor do alike nouns alone ("aircraft" /
        # "airlines"), unless much of the wording around them is the same too.
        return False
    if (
        c.claim.kind == K.DATE
        and not c.anchored
        and c.score < w.date_refute_factor * w.refute_alignment
    ):
        # A text holds many dates for many events; a few shared topic words do not make two
        # dates the date of one event ("lost half its coral since 1985" / "may perish by
        # 2030"): the same event word, or much shared wording around both, is needed.
        return False
    if c.claim.kind == K.DURATION and not c.anchored and _scale_gap(c) >= w.duration_scale_gap:
        # A story gives lengths of time for many things: on different event words, two of
        # different orders of magnitude are two things' ("worked fourteen-hour days" /
        # "imprisoned her for nine years"), however many names they share. One event's
        # length given in the wrong unit ("took 9 days" / "took 9 hours") shares its verb.
        return False
    return not (c.claim.kind == K.DURATION and "span" in (c.claim.role, c.passage.role))


def _scale_gap(c: ValueCheck) -> float:
    """How many times larger the longer of two lengths of time is (inf with a zero)."""
    a = _middle(c.claim)
    b = _middle(c.passage)
    if a is None or b is None:
        return 1.0
    lo, hi = sorted((a, b))
    return math.inf if lo <= 0 else hi / lo


def _middle(v: Value) -> float | None:
    if v.low is None:
        return None
    return v.low if v.high is None or math.isinf(v.high) else (v.low + v.high) / 2


def _named_before(word: str, claimed: set[str], named: frozenset[str], passage: TextFacts) -> bool:
    """A claim's name word that the passage itself never uses, but its article has named
    before it (headline, previous passage): the passage's "both presidents" are they,
    unless the passage names other people of its own."""
    return (
        bool(named)
        and fuzzy_in(word, claimed)
        and fuzzy_in(word, named)
        and not fuzzy_in(word, passage.content)
        and not any(
            e.entity_type == "PERSON" and not fuzzy_in(e.name.split()[-1], claimed)
            for e in passage.entities
        )
    )


def _owned_elsewhere(claim: TextFacts, passage: TextFacts) -> set[int]:
    """The passage's figures that a "respectively" list gives to an item the claim names
    less well than another's ("Adam Air Flight 574 and Garuda Indonesia Flight 200 ...
    killed 102 and 21 people respectively": for a claim about Garuda, 102 is Adam Air's)."""
    said = words(claim.text)
    share = {id(p): len(p.owner & said) / len(p.owner) for p in passage.found if p.owner}
    best = max(share.values(), default=0.0)
    return {i for i, s in share.items() if s == 0.0 or s < best}


def align(
    claim: TextFacts,
    passage: TextFacts,
    w: Weights = DEFAULT.weights,
    like: Like = exact,
    named: frozenset[str] = frozenset(),
) -> list[ValueCheck]:
    """Pair each claim value with the passage value about the same thing, if there is one.

    Candidates must be of a compatible kind and unit (same counted noun, currency, unit);
    among them the one whose surrounding words best match the claim value's wins. A
    candidate with no shared context and no shared counted noun is not the same thing.
    ``named`` holds the name words the passage's article has already given (its headline,
    the passage before it): copy names people once and then says "both presidents", so a
    claim's "Biden and Putin spoke for 90 minutes" shares its names with "both presidents
    ... after a 50-minute phone discussion" there, at a name's weight.
    ``like`` says which counted nouns mean the same (see paraphrase.py); anchor words
    must be the same word, since a count's anchor is often its own noun and an alike noun
    must not pin the same event.
    """
    vocab = claim.vocabulary
    units = measures(vocab)
    owned = _owned_elsewhere(claim, passage)
    # Names say who, not which event: a shared name alone must not pair two dates.
    names = {x for e in (*claim.entities, *passage.entities) for x in e.name.split()}
    claimed = {x for e in claim.entities for x in e.name.split()}
    per_claim: list[tuple[Value, list[Candidate]]] = []
    for c in claim.stated:
        cv, cctx, can = c.value, c.context, c.anchor
        per_claim.append((cv, cands := []))
        for p in passage.found:
            pv, pctx, pan = p.value, p.context, p.anchor
            if id(p) in owned or (c.owner and p.owner and not c.owner & p.owner):
                continue  # another item's figure of a "respectively" list
            if cv.kind in (K.DATE, K.DURATION) and (cv.span in claim.references) != (
                pv.span in passage.references
            ):
                # a comparison point ("since October 2008", "from a year earlier") is no
                # event's date or length
                continue
            if (cv.span in claim.unreal) != (pv.span in passage.unreal):
                continue  # what would have happened ("would have been delivered by 2011")
            if not compatible(cv, pv, like, vocab=vocab) and not (
                _counted_nearby(cv, pv, pctx, units) and values_agree(cv, pv, w, vocab=vocab)
            ):
                # a figure near the claim's counted noun ("21 million iPod players" for
                # "21 million iPods") may state it; of another noun, never dispute it
                continue
            if (is_list_count(pv) or is_between(pv)) and not values_agree(cv, pv, w, vocab=vocab):
                # a list of names may leave some out, two dated events need not be one's
                # start and end: each states a figure only
                continue
            shared = sum(
                (w.context_name_word if fuzzy_in(x, names) else w.context_word)
                for x in cctx
                if fuzzy_in(x, pctx) or _named_before(x, claimed, named, passage)
            )
            # The same counted noun ("troops") says which thing is counted; a shared measure
            # unit (%, years, degrees, dollars) is only a precondition: every temperature
            # is in degrees, so the words around it must say it is the same one.
            noun = (
                (w.counted_noun if _counted(cv, units) else w.measure_unit)
                if of(cv) and of(pv)
                else 0.0
            )
            alike = bool(noun) and _counted(cv, units) and not exact(of(cv), of(pv))
            if alike:
                # Nouns the embedder finds alike ("troops" / "soldiers") let equal figures
                # agree, but are too loose a match ("aircraft" / "airlines") for a
                # different figure to refute on the noun alone.
                noun = w.similar_noun
            if can and pan and exact(can, pan):
                anchor = w.same_anchor
            elif (can and fuzzy_in(can, pctx)) or (pan and fuzzy_in(pan, cctx)):
                anchor = w.anchor_nearby  # "the call lasted two hours" vs "a 50-minute call"
            else:
                anchor = 0.0
            score = shared + noun + anchor
            if cv.kind in NUMERIC_KINDS and cv.kind != K.QUANTITY:
                score += w.unambiguous_kind
            if (
                score < w.min_alignment
                and significant_digits(cv) >= w.precise_digits
                and (cv.kind, cv.unit, cv.low) == (pv.kind, pv.unit, pv.low)
                and significant_digits(pv) >= w.precise_digits
            ):
                # "closed at 5,210.17" / "finish the day at a level of 5,210.17": a figure
                # this precise, the same in both, is the same figure whatever the wording
                # (it pairs to agree; a mismatch still needs shared words to refute)
                score = w.min_alignment
            if score < w.min_alignment:
                continue
            agree = values_agree(cv, pv, w, vocab=vocab)
            # A passage that lists several figures ("97% agreed ...; 74% agreed ...") is
            # about the claim's figure if one of them matches and is about as well aligned.
            # On a tie, a figure that matches; then the figure on the claim's event word is
            # the one about the same thing ("wounding 238" for "wounded 538", not "killing
            # 107" nearer the crane). A count's anchor is often its own noun: that says
            # nothing of the event.
            event = bool(
                (can and can != of(cv) and fuzzy_in(can, pctx))
                or (pan and pan != of(pv) and fuzzy_in(pan, cctx))
            )
            prefer = w.agree_preference if agree else 0.0
            if agree and _specific(cv) and (cv.low, cv.high) == (pv.low, pv.high):
                prefer += w.specific_preference
            same = noun >= w.counted_noun and not alike
            # a date on the claim date's own event word, or on none that makes it another's
            own = cv.kind == K.DATE and (anchor == w.same_anchor or not pan)
            key = (own, score + prefer, agree, event)
            cands.append(Candidate(key, pv, score, anchor > 0, same, alike))
    return [
        ValueCheck(
            claim=cv,
            passage=x.passage,
            agree=values_agree(cv, x.passage, w, vocab=vocab),
            score=round(x.score, 2),
            anchored=x.anchored,
            same_noun=x.same_noun,
            alike_noun=x.alike,
        )
        for cv, x in one_each(per_claim)
    ]
