"""Pair a claim's values with a passage's values about the same thing, and say whether
each pair can both be true. Pure code over :class:`~factcheck.nlp.facts.TextFacts`."""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import pairwise

from factcheck.lang import Vocabulary
from factcheck.nlp.date_ranges import is_between
from factcheck.nlp.facts import TextFacts, ValueInContext
from factcheck.nlp.levels import at_a_moment, figure_role, one_level, other_roles
from factcheck.nlp.lists import is_list_count
from factcheck.nlp.paraphrase import Like, exact
from factcheck.nlp.subject_owners import anothers
from factcheck.nlp.words import canon_set, fuzzy_in
from factcheck.rules.agree import (
    bound,
    compatible,
    measures,
    of,
    on_its_side,
    same_number_written,
    significant_digits,
    values_agree,
    within,
)
from factcheck.rules.assign import Candidate, one_each
from factcheck.rules.naming import named_words
from factcheck.rules.totals import with_total
from factcheck.thresholds import DEFAULT, Weights
from factcheck.types import NUMERIC_KINDS, Value, ValueKind

K = ValueKind

__all__ = [
    "ValueCheck",
    "align",
    "bound",
    "can_refute",
    "compatible",
    "far_apart_lengths",
    "of",
    "states",
    "sure",
    "values_agree",
    "within",
]


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


def _specific(v: Value) -> bool:
    """A figure of two or more significant digits ("$8.6 billion", "237 orders", "14.5%"),
    not a round one ("$40 billion", "300"), and no date: the same one twice is rarely
    chance."""
    return significant_digits(v) >= 2


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


def _one_event_timed(c: ValueInContext, p: ValueInContext) -> bool:
    """ "failed ninety minutes into the flight" and "failed after thirty minutes": how far
    into something an event came, said as an offset in one text and as the length before
    it in the other, on the same event word: one figure."""
    return (
        c.value.kind == p.value.kind == K.DURATION
        and {c.value.role, p.value.role} == {"length", "offset"}
        and bool(c.anchor)
        and c.anchor == p.anchor
    )


def _counted(v: Value, units: frozenset[str]) -> bool:
    return v.kind in (K.QUANTITY, K.ORDINAL) and of(v) not in units


def can_refute(c: ValueCheck, w: Weights = DEFAULT.weights) -> bool:
    """Whether a mismatch on this alignment proves the claim wrong.

    Only sure alignments may refute (a loose one may pair values about different things),
    and never two windows of time: "over the past 30 years" is not contradicted by "in the
    past 50 years" (both can be true), unlike the lengths of one event ("a 90-minute call")
    and the offsets between two ("73 seconds after liftoff"), and how far back one record
    goes ("its lowest level in 10 years" / "in 20 years").
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
    if not c.anchored and far_apart_lengths(c, w):
        return False
    return not (c.claim.kind == K.DURATION and "span" in (c.claim.role, c.passage.role))


def far_apart_lengths(c: ValueCheck, w: Weights = DEFAULT.weights) -> bool:
    """Two lengths of time of different orders of magnitude, not the same number written
    in another unit. A story gives lengths of time for many things: unless on one event
    word, two such are two things' ("worked fourteen-hour days" / "imprisoned her for nine
    years"; "two days to stop" / "after an 11-year lull"), however many names they share.
    One event's length given in the wrong unit ("took 9 days" / "took 9 hours") is not."""
    return (
        c.claim.kind == K.DURATION
        and _scale_gap(c) >= w.duration_scale_gap
        and not same_number_written(c.claim, c.passage)  # "40 weeks" for "40 days"
    )


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


def _dates_figures(f: TextFacts, least: int = 2) -> dict[int, Value]:
    """Where a text gives ``least`` dates or more and as many figures, each date's nearest
    figure (by the words between): the figure of its report ("closed at 9,034 on Monday,
    after closing at 9,015 on Friday"). Not the lengths read off the dates themselves."""
    dates = [x.value for x in f.found if x.value.kind == K.DATE]
    figures = [x.value for x in f.stated if x.value.kind in NUMERIC_KINDS]
    if len(dates) < least or len(figures) < least:
        return {}

    def gap(a: Value, b: Value) -> int:
        return max(a.span[0] - b.span[1], b.span[0] - a.span[1], 0)

    return {id(d): min(figures, key=lambda x: gap(d, x)) for d in dates}


def _rated(f: TextFacts) -> set[int]:
    """The ids of the figures given per a unit of time: those a rate follows ("$1,000 a
    month", "5% a year": nlp/rates.py), and a multiple of one ("$28 an hour; their
    replacements will earn about half that")."""
    vs = [x.value for x in f.found]
    out = {
        id(a)
        for a, b in pairwise(vs)
        if a.kind in NUMERIC_KINDS and b.kind == K.DURATION and b.role == "rate"
    }
    back = f.vocabulary.relative_back
    for i, x in enumerate(vs):
        words = x.text.lower().split()
        if x.kind in NUMERIC_KINDS and words and words[-1] in back:
            before = [y for y in vs[:i] if (y.kind, y.unit) == (x.kind, x.unit)]
            if before and id(before[-1]) in out:
                out.add(id(x))
    return out


def _owned_elsewhere(claim: TextFacts, passage: TextFacts) -> set[int]:
    """The passage's figures that a "respectively" list gives to an item the claim names
    less well than another's ("Adam Air Flight 574 and Garuda Indonesia Flight 200 ...
    killed 102 and 21 people respectively": for a claim about Garuda, 102 is Adam Air's)."""
    said = named_words(claim)  # "US" names "united states"
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
    subjects = {p.subject for p in passage.found if p.subject}
    said = named_words(claim)
    saying = canon_set(vocab.reporting_verbs | vocab.saying_events, vocab=vocab)
    rated = _rated(claim) | _rated(passage)
    roles = {
        id(f.value): figure_role(t.text, f.value, t.spans, vocab)
        for t, fs in ((claim, claim.stated), (passage, passage.found))
        for f in fs
    }
    claim_figs, passage_figs = _dates_figures(claim, 1), _dates_figures(passage)
    maybe = claim.polar[2] | passage.polar[2]  # what either gives as only possible
    for c in claim.stated:
        cv, cctx, can = c.value, c.context, c.anchor
        per_claim.append((cv, cands := []))
        # a claim of one date: any of its figures; of several: the date's own
        mine = [claim_figs[id(cv)]] if id(cv) in claim_figs else []
        if len(claim_figs) == 1 and id(cv) in claim_figs:
            mine = [x.value for x in claim.stated if x.value.kind in NUMERIC_KINDS]
        for p in passage.found:
            pv, pctx, pan = p.value, p.context, p.anchor
            if other_roles(roles[id(cv)], roles[id(pv)]):
                continue  # "closed at 4,907.20" / "increased by 48.3 points"
            if id(p) in owned or (c.owner and p.owner and not c.owner & p.owner):
                continue  # another item's figure of a "respectively" list
            if anothers(c.subject, p.subject, subjects, said):
                continue  # "the DAX gained 71.35, while the CAC 40 increased 46.19"
            if cv.kind in (K.DATE, K.DURATION) and (cv.span in claim.references) != (
                pv.span in passage.references
            ):
                # a comparison point ("since October 2008", "from a year earlier") is no
                # event's date or length
                continue
            if cv.kind != K.DURATION and (id(cv) in rated) != (id(pv) in rated):
                continue  # "600 million euros a year" is no total ("3 billion euros")
            if (cv.span in claim.unreal) != (pv.span in passage.unreal):
                continue  # what would have happened ("would have been delivered by 2011")
            if pv.span in passage.said_on and not (cv.span in claim.said_on or c.verb in saying):
                continue  # when it was said ("..., officials said on Sunday") is no event's date
            if not (compatible(cv, pv, like, vocab=vocab) or _one_event_timed(c, p)) and not (
                _counted_nearby(cv, pv, pctx, units) and values_agree(cv, pv, w, vocab=vocab)
            ):
                # a figure near the claim's counted noun ("21 million iPod players" for
                # "21 million iPods") may state it; of another noun, never dispute it
                continue
            if (is_list_count(pv) or (is_between(pv) and cv.role != "offset")) and not values_agree(
                cv, pv, w, vocab=vocab
            ):
                # a list of names may leave some out, two dated events need not be one's
                # start and end: each states a figure only; but how long one came after
                # the other is what a claim's "N hours after" says
                continue
            common = [
                x for x in cctx if fuzzy_in(x, pctx) or _named_before(x, claimed, named, passage)
            ]
            shared = sum(
                (w.context_name_word if fuzzy_in(x, names) else w.context_word) for x in common
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
            elif roles[id(cv)] == roles[id(pv)] == "level":
                # "closed at 4,907.20" / "finish the day at a level of 5,210.17": where a
                # thing stood is one event however the verb words it; where the same named
                # thing stood ("the FTSE 100 closed at" / "the FTSE 100 ... a level of"),
                # one figure, as two on one event word are; not a level at a time of day
                # ("rose to 5,210 at midday"), another moment's
                one = one_level(cctx, pctx, common, names, vocab, maybe) and not (
                    at_a_moment(claim.text, vocab) or at_a_moment(passage.text, vocab)
                )
                anchor = w.same_anchor if one else w.anchor_nearby
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
            elif agree and cv.kind == K.DATE and within(pv, cv):
                # "Yesterday" (the day) states "on 18 June 2018"; "the 2018 World Cup" only
                # holds it: of two dates that agree, the one that says the claim's day
                prefer += w.specific_preference
            same = noun >= w.counted_noun and not alike
            # a date on the claim date's own event word, or on none that makes it another's
            own = cv.kind == K.DATE and (anchor == w.same_anchor or not pan)
            # of a series ("closed at 9,034 on Monday, after closing at 9,015 on Friday"),
            # the date given to the figure that the claim gives its date's figure
            theirs = passage_figs.get(id(pv))
            mate = theirs is not None and any(
                x.kind == theirs.kind and values_agree(x, theirs, w, vocab=vocab) for x in mine
            )
            key = ((mate, own), score + prefer, agree, event)
            cands.append(Candidate(key, pv, score, anchor > 0, same, alike))
    per_claim = [(cv, with_total(claim, cv, cands, passage, w, like)) for cv, cands in per_claim]
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
