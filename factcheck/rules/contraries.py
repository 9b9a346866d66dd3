"""Contrary predicates: the claim says a jury convicted, a bill was passed, a plant opened,
a party won; the source says of the same things that it acquitted, rejected, closed, lost.
A valence lexicon (rules/opposites.py) tells praise from blame, but many of the acts news
reports have no valence, and their opposites sit close together for an embedder and a
stance model alike. The pairs are data (lexicon ``contraries``): predicates, and nouns a
predicate takes ("reported a profit" / "a loss"), that cannot both be said of the same
things at one time. Not converses ("bought from" / "sold to", "beat" / "lost to"), which
say the same thing of the two parties the other way round, nor steps of one story
("arrested" / "released", "began" / "ended"), which both happen."""

from __future__ import annotations

import re
from functools import cache

from factcheck.lang import Vocabulary, alternation
from factcheck.nlp.facts import TextFacts
from factcheck.nlp.speech import said_content
from factcheck.nlp.words import canon, canon_set, fuzzy_in
from factcheck.rules.assessment import Assessment, Comparison
from factcheck.rules.opposites import opposed, same_things
from factcheck.rules.timing import event_dates
from factcheck.thresholds import Thresholds
from factcheck.types import ValueKind

_POS = ("VERB", "ADJ", "NOUN")


@cache
def contraries(vocab: Vocabulary) -> dict[str, frozenset[str]]:
    """Each word of a contrary pair, as the analyser keeps its lemma, with its contraries;
    a pair whose two words the analyser keeps as one (a synonym group) is left out."""
    out: dict[str, set[str]] = {}
    for a, b in vocab.contraries:
        for x in {canon(a, p, vocab=vocab) for p in _POS}:
            for y in {canon(b, p, vocab=vocab) for p in _POS}:
                if x != y:
                    out.setdefault(x, set()).add(y)
                    out.setdefault(y, set()).add(x)
    return {k: frozenset(v) for k, v in out.items()}


def contrary(claim: TextFacts, passage: TextFacts) -> tuple[str, str] | None:
    """(the claim's word, the source's) where the source says of the same things the
    contrary of what the claim says: its predicate ("convicted" / "acquitted"), or the
    noun its predicate takes ("reported a profit" / "reported a loss"); neither negated,
    and the source never saying the claim's own word of them."""
    pairs = contraries(claim.vocabulary)
    c_no, p_no = claim.polar[1], passage.polar[1]
    theirs = [(p, args) for p, args in passage.frames if p not in p_no]
    said = {p for p, _ in theirs}
    for pred, args in claim.frames:
        if not args or pred in c_no:
            continue
        for other in pairs.get(pred, ()):
            if (
                other in said
                and pred not in said
                and same_things(claim, (pred, args), passage, other)
            ):
                return pred, other
        # the same predicate, of a contrary noun: "reported a profit" / "reported a loss"
        for p, pargs in theirs:
            if p != pred:
                continue
            for x in args:
                swap = [y for y in pairs.get(x, ()) if y in pargs and not fuzzy_in(x, pargs)]
                rest = args - {x}
                if swap and rest and all(fuzzy_in(w, pargs) for w in rest):
                    return x, swap[0]
    return None


def contrary_predicate(a: Assessment, t: Thresholds) -> Comparison | None:
    """The source says the contrary of the claim's predicate, of the same things, in a
    passage of the same story (the negation rule's overlap)."""
    if a.overlap < t.negation_overlap or a.claim.negative != a.passage.negative:
        return None
    if any(c.claim.kind == ValueKind.DATE and not c.agree for c in a.checks) or (
        any(v.kind == ValueKind.DATE for v in a.unverified) and event_dates(a.passage)
    ):
        return None  # "slowed in February" / "accelerated in January": two times
    found = contrary(a.claim, a.passage)
    # every other word of what the claim says in the source: the same thing ("its inflation
    # forecast" / "its growth forecast"; "acquitted of murder" / "convicted of manslaughter")
    said = said_content(a.claim) - _attribution(a.claim)
    if found is None or any(w != found[0] and not fuzzy_in(w, a.passage.content) for w in said):
        return None
    mine, theirs = _written(a.claim, found[0]), _written(a.passage, found[1])
    return opposed(a, t, f"the claim says {mine!r} where the source says {theirs!r}")


def _attribution(claim: TextFacts) -> frozenset[str]:
    """The claim's words that say who says it ("said", "according to"), not what is said."""
    vocab = claim.vocabulary
    phrase = re.compile(rf"\b(?:{alternation(vocab.attribution_phrases)})\b", re.I)
    at = [(m.start(), m.end()) for m in phrase.finditer(claim.text)]
    words = {w for w, s, _ in claim.spans if any(a <= s < b for a, b in at)}
    return frozenset(words) | canon_set(frozenset(vocab.reporting_verbs), ("VERB",), vocab=vocab)


def _written(facts: TextFacts, lemma: str) -> str:
    """A lemma as the text writes it ("increased" for "climb"), or the lemma."""
    return next((facts.text[s:e] for x, s, e in facts.spans if x == lemma), lemma)
