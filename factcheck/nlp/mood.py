"""Mood: what a sentence presents as other than what happened: the speaker's own view
("we believe ..."), and what a modal perfect says did not happen, or only might have
("would have been delivered by 2011")."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from factcheck.lang import Vocabulary
from factcheck.nlp.syntax import tokens
from factcheck.types import Value


def opinion(doc: Any, vocab: Vocabulary) -> bool:
    """The speaker's own view: "I hope", "we believe", "we must"."""
    first = vocab.first_person
    first_person = any(t.lower_ in first and t.dep_.startswith("nsubj") for t in doc)
    return any(
        t.lemma_.lower() in vocab.opinion_verbs
        and any(c.dep_.startswith("nsubj") and c.lower_ in first for c in t.children)
        for t in doc
    ) or (first_person and any(t.lower_ in vocab.obligation for t in doc))


def unreal(doc: Any, values: Iterable[Value], vocab: Vocabulary) -> tuple[tuple[int, int], ...]:
    """The spans of the values in a clause that a modal perfect presents as what did not
    happen, or only might have: "If the sale had gone through, the aircraft would have been
    delivered by 2011", "it could have cost $5 billion". Found up the parse from each value
    to its verb, through nouns and prepositions; the verb (or the auxiliary it hangs on)
    has a modal of the lexicon's ``irrealis_modals`` ("would", "could", "might",
    "should"; not the future perfect "will have") and a bare "have" before it."""
    out = []
    for v in values:
        toks = tokens(doc, *v.span)
        if not toks:
            continue
        head = toks[0]
        for _ in range(6):
            if head.pos_ in ("VERB", "AUX") or head.head is head:
                break
            head = head.head
        aux = [c for c in head.children if c.dep_ == "aux"]
        if any(c.lower_ in vocab.irrealis_modals for c in aux) and any(
            c.lemma_.lower() == "have" and c.tag_ == "VB" for c in aux
        ):
            out.append(v.span)
    return tuple(out)
