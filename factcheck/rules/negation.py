"""A predicate asserted in one text and negated in the other (nlp/polarity.py reads which
predicates a sentence asserts, negates, gives only as possible, and tells of the time
ahead or in the perfect)."""

from __future__ import annotations

from factcheck.nlp.polarity import FUTURE_MARK, ahead
from factcheck.rules import opposites
from factcheck.rules.assessment import Assessment, Comparison, contradicted, neutral
from factcheck.thresholds import Thresholds
from factcheck.types import Stance


def negation_flip(a: Assessment, t: Thresholds) -> Comparison | None:
    """The same predicate, of the same arguments, asserted in one text and negated in the
    other. Exact lemmas only: "not expand" does not flip "expansion". Where one text
    tells of it only in the time ahead and the other has it not done yet ("will be the
    first woman to lead" / "no woman had led"), neither: the rule decides that, so no model
    reads a contradiction into the two."""
    claim, passage = a.claim, a.passage
    (c_yes, c_no, c_maybe, _) = claim.polar
    either = _negated(a)
    # not yet done in one, done in the time ahead in the other: no contradiction, whatever
    # a model reads into the two ("no woman had led" / "the first woman to lead")
    flipped = _unblocked(a, either)
    if not either or a.overlap < t.negation_overlap:  # enough overlap makes it topical
        return None
    if not flipped:
        # unless the text that has it not done yet tells of it ahead too, which may say
        # what the other does ("has never paid a dividend ... would pay one next year")
        x = sorted(either)[0].split()[-1]
        negating = passage if any(k in c_yes | c_maybe for k in either) else claim
        if f"{FUTURE_MARK} {x}" in set().union(*negating.polar):
            return None
        return neutral(a, f"one text tells of {x!r} only ahead, the other of it not done yet")
    x = sorted(flipped, key=lambda k: (len(k.split()), k))[0]
    side = "claim" if x in c_no else "source"
    w = t.weights
    return contradicted(
        a,
        f"the {side} negates what the other asserts ({x!r})",
        min(1.0, w.negation_base + w.negation_overlap * a.overlap),
    )


def _negated(a: Assessment) -> set[str]:
    """The predicates (with a modifier: "hard week") that one text asserts, or the claim
    gives as possible ("may reopen"), and the other only negates, with the same arguments;
    asserted and negated in one text: neither."""
    claim, passage = a.claim, a.passage
    (c_yes, c_no, c_maybe, _), (p_yes, p_no, _, _) = claim.polar, passage.polar
    return {
        x
        for x in {*((c_no & p_yes) - p_no), *(((c_yes | c_maybe) & p_no) - p_yes)}
        if x.split()[-1] in claim.predicates & passage.predicates
        and opposites.same_frame(x.split()[-1], claim, passage)
    }


def _unblocked(a: Assessment, either: set[str]) -> set[str]:
    """Those of ``either`` not told only ahead in one text and not done yet in the other."""
    c_no = a.claim.polar[1]
    return {
        x
        for x in either
        if not (
            ahead(x, a.passage.polar, a.claim.polar)
            if x in c_no
            else ahead(x, a.claim.polar, a.passage.polar)
        )
    }


def negated_support(a: Assessment, out: Comparison) -> Comparison:
    """A support (the model's, or most of the claim's words) from a passage that negates a
    predicate the claim asserts, of the same arguments, or asserts one it negates: too
    few shared words for :func:`negation_flip` to call it a contradiction ("The Harnow
    bridge over the Tarrow reopened to heavy traffic after repairs" / "The Harnow bridge
    has not reopened"), but not the same thing either."""
    flipped = _unblocked(a, _negated(a))
    if out.stance != Stance.SUPPORTS or not flipped:
        return out
    x = sorted(flipped, key=lambda k: (len(k.split()), k))[0]
    return neutral(a, f"the source and the claim differ on whether {x!r} holds")
