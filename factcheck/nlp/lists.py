"""Names of one kind listed together ("from Afghanistan, Eritrea, Libya, Syria and Yemen")
as a count of them: copy restates a list by its length ("from five countries"). The noun
that counts each kind of name (spaCy's entity label) is lexicon.json 'list_nouns'. A list
may leave some out ("including ..."), and a parse may split or join its items, so such a
count states a claim's count and never disputes one (:func:`is_list_count`, used by
rules/align.py)."""

from __future__ import annotations

from typing import Any

from factcheck.lang import Vocabulary, resolve
from factcheck.nlp.words import canon
from factcheck.types import Value, ValueKind


def named_lists(doc: Any, *, vocab: Vocabulary | None = None) -> list[Value]:
    """A count for each coordination of two or more proper nouns of one entity label that
    'list_nouns' has a noun for, over the list's text, the label in ``entity_type``."""
    v = resolve(vocab)
    out: list[Value] = []
    for tok in doc:
        if tok.dep_ == "conj" or not tok.conjuncts:
            continue
        items = sorted([tok, *tok.conjuncts], key=lambda t: t.i)
        labels = {t.ent_type_ for t in items}
        label = labels.pop() if len(labels) == 1 else ""
        noun = v.list_nouns.get(label, "")
        if not noun or any(t.pos_ != "PROPN" for t in items):
            continue
        start, end = items[0].left_edge.idx, items[-1].idx + len(items[-1].text)
        n = float(len(items))
        out.append(
            Value(
                kind=ValueKind.QUANTITY,
                text=doc.text[start:end],
                span=(start, end),
                low=n,
                high=n,
                noun=canon(noun, "NOUN", vocab=v),
                entity_type=label,
            )
        )
    return out


def is_list_count(v: Value) -> bool:
    """Whether ``v`` counts the names of a list (:func:`named_lists`)."""
    return v.kind == ValueKind.QUANTITY and bool(v.entity_type)
