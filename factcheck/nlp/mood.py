"""Mood: whether a sentence says what happened (a statement), or presents something else:
the speaker's own view ("we believe ..."), and what a modal perfect says did not happen,
or only might have ("would have been delivered by 2011")."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from factcheck.lang import Vocabulary
from factcheck.nlp.syntax import tokens
from factcheck.types import Value


def statement(doc: Any, vocab: Vocabulary) -> bool:
    """A finite clause with a third-person subject: it says what happened."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return False
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    finite = root.tag_ in ("VBD", "VBZ", "VBP") or any(
        c.tag_ in ("MD", "VBD", "VBZ", "VBP") for c in root.children if c.dep_.startswith("aux")
    )
    return bool(finite and subj is not None and subj.lower_ not in vocab.personal_pronouns)


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
