"""Whose figure is whose in a sentence that sets named subjects side by side: "The German
DAX index gained 71.35 points, while the French CAC 40 increased 46.19 points"; "France
will lose 4,300 jobs, followed by Germany having a loss of 3,700 jobs". Each figure
belongs to the subject of its clause (or the agent: "141,951 units sold by GM"): its
subject is the words that name it (:func:`subject_owners`). A figure is another's only
where a sentence names two subjects that share no word, and the claim's figure has the
other one for its own (:func:`anothers`): a subject named another way ("the automaker")
says nothing of which figure is whose. Pure code over a spaCy parse."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from factcheck.lang import Vocabulary
from factcheck.nlp import respectively
from factcheck.types import Value

Span = tuple[int, int]
_SUBJECTS = frozenset(["nsubj", "nsubjpass"])
# the words of a subject that name it: its own compounds, owners and appositions ("the
# Italian company, Fiat"; "Germany's DAX index"), not what a preposition adds ("sales in
# the United States" are no one's but their seller's)
_NAMING = frozenset(["compound", "poss", "appos", "amod", "flat", "nmod", "nn", "conj"])


def _clause_verb(t: Any) -> Any | None:
    """The verb whose clause holds ``t``: the nearest verb or auxiliary above it."""
    while t.head.i != t.i:  # spaCy makes a new token object on each access: compare places
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return t if t.pos_ in ("VERB", "AUX") else None


def _name_words(head: Any, labels: frozenset[str]) -> frozenset[str]:
    """The name words of a subject phrase: its proper nouns and the words of its named
    entities, in the words that name it (``_NAMING``), never a figure."""
    out: set[str] = set()
    todo = [head]
    while todo:
        t = todo.pop()
        if not t.like_num and (t.pos_ == "PROPN" or t.ent_type_ in labels):
            out.add(t.text.lower())
        todo.extend(c for c in t.children if c.dep_ in _NAMING)
    return frozenset(out)


def _subject(verb: Any) -> Any | None:
    for c in verb.children:
        if c.dep_ in _SUBJECTS:
            return c
    for c in verb.children:
        if c.dep_ == "agent":  # "sold by GM"
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _parties(noun: Any, labels: frozenset[str], relations: frozenset[str]) -> frozenset[str]:
    """The name words of the parties a relation noun is between ("a nine-hour difference
    between Sochi and New York"; lexicon ``relation_prepositions``): they say which
    difference it is, as a subject says whose figure."""
    out: set[str] = set()
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in relations:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    out |= _name_words(obj, labels)
    return frozenset(out)


def subject_owners(
    doc: Any,
    values: Sequence[Value],
    labels: frozenset[str],
    relations: frozenset[str] = frozenset(),
) -> dict[Span, frozenset[str]]:
    """Value span -> the name words of its clause's subject, for the figures whose subject
    is named; for a figure of a relation noun ("a 12-hour difference between Sochi and the
    US West Coast", "the difference between ... is nine hours"), the parties it is
    between."""
    got: dict[Span, frozenset[str]] = {}
    for v in values:
        span = doc.char_span(v.span[0], v.span[1], alignment_mode="expand")
        root = span.root if span is not None and len(span) else None
        own = root.head if root is not None and root.dep_ in ("compound", "nummod") else None
        while own is not None and own.dep_ == "compound" and own.head.i != own.i:
            own = own.head  # "nine-hour": "hour", then "difference"
        words = _parties(own, labels, relations) if own is not None else frozenset()
        verb = _clause_verb(root) if root is not None and not words else None
        subj = _subject(verb) if verb is not None else None
        if subj is not None:
            words = _name_words(subj, labels) or _parties(subj, labels, relations)
        if words:
            got[v.span] = words
    return got


def figure_owners(
    doc: Any, values: Sequence[Value], vocab: Vocabulary, labels: frozenset[str]
) -> dict[Span, tuple[frozenset[str], frozenset[str]]]:
    """Value span -> (its item's words in a "respectively" list, respectively.py; its
    clause's subject's name words, :func:`subject_owners`), either empty."""
    items = respectively.owners(doc, values, vocab, labels)
    subjects = subject_owners(doc, values, labels, vocab.relation_prepositions)
    none: frozenset[str] = frozenset()
    return {s: (items.get(s, none), subjects.get(s, none)) for s in {*items, *subjects}}


def anothers(
    mine: frozenset[str],
    theirs: frozenset[str],
    all_theirs: set[frozenset[str]],
    named: frozenset[str] | set[str],
) -> bool:
    """Whether a passage figure whose subject is ``theirs`` is another subject's than the
    claim figure's (``mine``): the passage names two or more subjects that share no word
    (``all_theirs``), the claim's is one of them, and ``theirs`` is not, nor named
    anywhere in the claim (``named``: its words; a parse may give "the US government
    six" the subject of the clause before it)."""
    # a party every subject shares ("between Sochi and New York", "between Sochi and the
    # US West Coast") does not tell them apart: the others do
    common = frozenset.intersection(*all_theirs) if all_theirs else frozenset()
    mine, theirs = mine - common, theirs - common
    all_theirs = {s - common for s in all_theirs}
    if not (mine and theirs) or mine & theirs or theirs & named or len(all_theirs) < 2:
        return False
    if any(a & b for a in all_theirs for b in all_theirs if a != b):
        return False
    return any(mine & s for s in all_theirs)
