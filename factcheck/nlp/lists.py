"""Names of one kind listed together ("from Afghanistan, Eritrea, Libya, Syria and Yemen")
as a count of them: copy restates a list by its length ("from five countries"). The noun
that counts each kind of name (spaCy's entity label) is lexicon.json 'list_nouns'. A list
may leave some out ("including ..."), and a parse may split or join its items, so such a
count states a claim's count and never disputes one (:func:`is_list_count`, used by
rules/align.py). Names listed before the plural noun they share ("the Launch Systems, Launch
Services and Delta Program business units") count that noun (:func:`headed_lists`)."""

from __future__ import annotations

import re
from typing import Any

from factcheck.lang import Vocabulary, resolve
from factcheck.nlp.names import PLACE_TYPES
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
        out.append(_count(doc, start, end, len(items), canon(noun, "NOUN", vocab=v), label))
    return out


def _count(doc: Any, start: int, end: int, n: int, noun: str, kind: str) -> Value:
    """A count of ``n`` ``noun`` over ``doc.text[start:end]``, of the kind of group
    ``kind`` (its ``entity_type``)."""
    return Value(
        kind=ValueKind.QUANTITY,
        text=doc.text[start:end],
        span=(start, end),
        low=float(n),
        high=float(n),
        noun=noun,
        entity_type=kind,
    )


HEADED = "HEADED"  # the entity_type of "the Ford, GM and Chrysler plants": names of one noun
_NAME_TAGS = ("NNP", "NNPS", "JJ", "NN")  # the parser tags some names' words adjectives


def _name_word(tok: Any) -> bool:
    """A word of a name by its spelling: a capital first letter (not a stop word such as a
    sentence's first "The"), an owner's "'s" or a "&" inside it."""
    if tok.tag_ == "POS" or tok.text == "&":
        return True
    return tok.text[:1].isupper() and not tok.is_stop and tok.tag_ in _NAME_TAGS


def _place(tok: Any) -> bool:
    return tok.ent_type_ in PLACE_TYPES


def _names_before(doc: Any, end: int, v: Vocabulary) -> list[int]:
    """The first token of each name listed right before token ``end`` ("Ford, GM and
    Chrysler"), last first; empty unless the last two are joined by a conjunction. A place
    before a comma joins the list only if the last is a place too ("In Detroit, Ford and GM
    plants" lists two: where, then which)."""
    firsts: list[int] = []
    i = end - 1
    while i >= 0 and _name_word(doc[i]):
        while i >= 0 and _name_word(doc[i]):
            i -= 1
        if len(firsts) > 1 and _place(doc[i + 1]) != _place(doc[end - 1]):
            break
        firsts.append(i + 1)
        if i >= 0 and doc[i].lower_ in v.definite_articles and len(firsts) > 1:
            i -= 1  # "Launch Services and the Delta Program"
        conj = i >= 0 and doc[i].pos_ == "CCONJ"
        i -= int(conj)
        comma = i >= 0 and doc[i].text == ","
        i -= int(comma)
        if len(firsts) == 1 and not conj:
            return []  # "In Paris, French officials": no list
        if not (conj or comma):
            break
    return firsts


def headed_lists(doc: Any, *, vocab: Vocabulary | None = None) -> list[Value]:
    """A count for names listed before the plural noun they share ("the Ford, GM and
    Chrysler plants": three plants; "the Labour and Conservative parties": two parties),
    over the list and its noun. Found by spelling, as parses of such lists vary."""
    v = resolve(vocab)
    out: list[Value] = []
    for tok in doc:
        if tok.tag_ != "NNS" or not tok.text.islower():
            continue
        first = tok.i  # "business units": common nouns before the head are part of it
        while first > 0 and doc[first - 1].pos_ == "NOUN" and doc[first - 1].text.islower():
            first -= 1
        names = _names_before(doc, first, v)
        if len(names) < 2:
            continue
        start, end = doc[names[-1]].idx, tok.idx + len(tok.text)
        noun = canon(tok.lemma_.lower(), "NOUN", vocab=v)
        out.append(_count(doc, start, end, len(names), noun, HEADED))
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
            out.append(_count(doc, start, end, 1, noun, PARTITIVE))
    return out


def is_list_count(v: Value) -> bool:
    """Whether ``v`` counts the names of a list (:func:`named_lists`) or one of a group
    (:func:`partitive_ones`)."""
    return v.kind == ValueKind.QUANTITY and bool(v.entity_type)
