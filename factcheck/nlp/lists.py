"""Names of one kind listed together ("from Afghanistan, Eritrea, Libya, Syria and Yemen")
as a count of them: copy restates a list by its length ("from five countries"). The noun
that counts each kind of name (spaCy's entity label) is lexicon.json 'list_nouns'. A list
may leave some out ("including ..."), and a parse may split or join its items, so such a
count states a claim's count and never disputes one (:func:`is_list_count`, used by
rules/align.py)."""

from __future__ import annotations

import re
from typing import Any

from factcheck.lang import Vocabulary, resolve
from factcheck.nlp.syntax import counted_noun
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


_MODELS = re.compile(r"\ds$")
PARTITIVE = "PARTITIVE"  # the entity_type of "one of the A380s": one of a group


def _plural(tok: Any) -> bool:
    """A plural noun, or a model's plural ("A380s": tagged singular, an "s" after a digit)."""
    return tok.tag_ in ("NNS", "NNPS") or (tok.pos_ == "PROPN" and bool(_MODELS.search(tok.text)))


def partitive_ones(doc: Any, *, vocab: Vocabulary | None = None) -> list[Value]:
    """ "One of the A380s is flying": a count of one A380, over the word "one". Copy says
    "one Airbus A380" for it. Like a list, it states a count and disputes none (the rest of
    the group is not counted)."""
    v = resolve(vocab)
    out: list[Value] = []
    for tok in doc[:-1]:
        of = doc[tok.i + 1]
        if v.units.get(tok.lower_) != 1 or of.lower_ not in v.of_words:
            continue
        if not any(c.dep_ == "pobj" and _plural(c) for c in of.children):
            continue  # "one of the group": no plural, no count of its members
        start, end = tok.idx, tok.idx + len(tok.text)
        noun = counted_noun(doc, start, end, False, vocab=v)
        if noun:
            out.append(
                Value(
                    kind=ValueKind.QUANTITY,
                    text=tok.text,
                    span=(start, end),
                    low=1.0,
                    high=1.0,
                    noun=noun,
                    entity_type=PARTITIVE,
                )
            )
    return out


def is_list_count(v: Value) -> bool:
    """Whether ``v`` counts the names of a list (:func:`named_lists`) or one of a group
    (:func:`partitive_ones`)."""
    return v.kind == ValueKind.QUANTITY and bool(v.entity_type)
