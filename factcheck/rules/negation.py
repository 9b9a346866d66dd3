"""A predicate asserted in one text and negated in the other (nlp/polarity.py reads which
predicates a sentence asserts, negates, gives only as possible, and tells of the time
ahead or in the perfect)."""

from __future__ import annotations

from factcheck.nlp.polarity import FUTURE_MARK, NOUN_MARK, Polar, ahead
from factcheck.nlp.words import same_stem
from factcheck.rules import opposites
from factcheck.rules.assessment import Assessment, Comparison, contradicted, neutral
from factcheck.thresholds import Thresholds


def negation_flip(a: Assessment, t: Thresholds) -> Comparison | None:
    """The same predicate, of the same arguments, asserted in one text and negated in the
    other. Exact lemmas only ("not expand" does not flip "expansion"), but for a light
    verb's noun, read as the other text's verb of its stem (:func:`_as_verbs`). Where one text
    tells of it only in the time ahead and the other has it not done yet ("will be the
    first woman to lead" / "no woman had led"), neither: the rule decides that, so no model
    reads a contradiction into the two."""
    claim, passage = a.claim, a.passage
    c_polar, c_preds = _as_verbs(claim.polar, claim.predicates, passage.predicates)
    p_polar, p_preds = _as_verbs(passage.polar, passage.predicates, claim.predicates)
    (c_yes, c_no, c_maybe, _), (p_yes, p_no, _, _) = c_polar, p_polar
    # A predicate (with a modifier: "hard week") that one text asserts, or the claim gives as
    # possible ("may reopen"), and the other only negates; asserted and negated: neither.
    either = {
        x
        for x in {*((c_no & p_yes) - p_no), *(((c_yes | c_maybe) & p_no) - p_yes)}
        if x.split()[-1] in c_preds & p_preds
        and opposites.same_frame(x.split()[-1], claim, passage)
    }
    # not yet done in one, done in the time ahead in the other: no contradiction, whatever
    # a model reads into the two ("no woman had led" / "the first woman to lead")
    flipped = {
        x
        for x in either
        if not (ahead(x, p_polar, c_polar) if x in c_no else ahead(x, c_polar, p_polar))
    }
    if not either or a.overlap < t.negation_overlap:  # enough overlap makes it topical
        return None
    if not flipped:
        # unless the text that has it not done yet tells of it ahead too, which may say
        # what the other does ("has never paid a dividend ... would pay one next year")
        x = sorted(either)[0].split()[-1]
        negating = passage if any(k in c_yes | c_maybe for k in either) else claim
        if f"{FUTURE_MARK} {x}" in set().union(*(p_polar if negating is passage else c_polar)):
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


def _as_verbs(
    mine: Polar, preds: frozenset[str], theirs: frozenset[str]
) -> tuple[Polar, frozenset[str]]:
    """A text's polar sets and predicates with each light verb's noun ("gave no
    assurance", "No injuries were reported"; nlp/polarity.py) read as the verb of its stem
    that the other text has ("had been assured", "were injured")."""
    nouns = {k.split()[1] for x in mine for k in x if k.startswith(NOUN_MARK + " ")}
    rename = {n: w for n in sorted(nouns) for w in sorted(theirs) if w == n or same_stem(n, w)}
    if not rename:
        return mine, preds
    a, b, c, d = (frozenset(rename.get(k, k) for k in x) for x in mine)
    return (a, b, c, d), preds | frozenset(rename.values())
