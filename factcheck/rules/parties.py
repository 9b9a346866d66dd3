"""Who does what in two texts: which side of a predicate a word stands on, and whether
two texts give their words to two different doers, each the other's other party (a
converse: "Halden lost to Varden" / "Varden won against Halden"), rules/opposites.py."""

from __future__ import annotations

import re

from factcheck.lang import alternation
from factcheck.nlp.facts import TextFacts
from factcheck.nlp.words import fuzzy_in


def side(facts: TextFacts, pred: str, arg: str) -> int:
    """Whether ``arg`` comes before (-1) or after (+1) ``pred`` in the text (their nearest
    occurrences; 0 when either is not found): in English the subject before the verb, the
    objects after it."""
    at = {lemma: start for lemma, start, _ in facts.spans if lemma == pred}
    if not at:
        return 0
    p = at[pred]
    places = [
        start
        for lemma, start, _ in facts.spans
        if start != p and (lemma == arg or fuzzy_in(arg, {lemma}))  # not the word itself
    ]
    if not places:
        return 0
    nearest = min(places, key=lambda x: abs(x - p))
    return -1 if nearest < p else 1


def converse(claim: TextFacts, mine: str, passage: TextFacts, theirs: str) -> bool:
    """Whether the two texts give their words to two different doers, each the other's
    other party ("Halden lost to Varden" / "Varden won against Halden"): one thing said of
    two parties, not opposite things of one. A doer is read through the passive where the
    parse gives both parties (nlp/roles.py: "the plan was welcomed by the managers"); a
    passive without its doer ("was granted bail"; lexicon ``passive_auxiliaries``) has
    none, and is no converse of anything."""
    mine_by, theirs_by = doer(claim, mine), doer(passage, theirs)
    if not mine_by or not theirs_by or any(fuzzy_in(w, theirs_by) for w in mine_by):
        return False
    return any(fuzzy_in(w, passage.content) for w in mine_by) or any(
        fuzzy_in(w, claim.content) for w in theirs_by
    )


def doer(facts: TextFacts, pred: str) -> frozenset[str]:
    """The words of a predicate's doer: the parse's, else those of its arguments before
    it, unless it is a passive ("was granted")."""
    for verb, doer, _, _, _ in facts.roles:
        if verb == pred and doer:
            return doer
    aux = alternation(facts.vocabulary.passive_auxiliaries)
    at = [(s, e) for w, s, e in facts.spans if w == pred]
    if not at or re.search(rf"\b(?:{aux})\s+(?:\w+ly\s+)?$", facts.text[: at[0][0]], re.I):
        return frozenset()
    return frozenset(
        w for p, args in facts.frames if p == pred for w in args if side(facts, pred, w) < 0
    )
