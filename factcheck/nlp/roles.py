"""Who does what to whom: each verb with the words of its doer and of what it is done to,
read through the passive ("Wagoner was replaced by Henderson": Henderson replaced) and
through a verb it completes ("Android phones managed to outsell iPhones"). Two texts that
give a one-way verb the same two parties the other way round say opposite things ("Ford
met GM" is "GM met Ford"; "GM outsold Ford" is not "Ford outsold GM"): rules/opposites.py
reads them. And where each name stands (:func:`name_slots`): rules/coverage.py."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from factcheck.lang import Vocabulary, resolve
from factcheck.nlp.syntax import lemma
from factcheck.types import Value

# verb, its doer's words, its object's words, and the two as written ("Android phones")
Role = tuple[str, frozenset[str], frozenset[str], str, str]


def _parts(t: Any) -> list[Any]:
    """A party's head noun with the nouns and names compounded on it ("Android phones")."""
    compounds = [c for c in t.children if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")]
    return sorted([t, *compounds], key=lambda x: x.i)


def _subject(verb: Any) -> Any | None:
    """The verb's own subject, or that of the verb it completes ("managed to outsell")."""
    for c in verb.children:
        if c.dep_ == "nsubj":
            return c
    if verb.dep_ == "xcomp":
        return next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return None


def verb_roles(doc: Any, *, vocab: Vocabulary | None = None) -> tuple[Role, ...]:
    """Each verb whose doer and object are both nouns or names (:data:`Role`)."""
    v = resolve(vocab)
    out: list[Role] = []
    for t in doc:
        if t.pos_ != "VERB":
            continue
        doer: Any | None = None
        done: Any | None = None
        if any(c.dep_ == "auxpass" for c in t.children):
            done = next((c for c in t.children if c.dep_ == "nsubjpass"), None)
            agent = next((c for c in t.children if c.dep_ == "agent"), None)
            if agent is not None:
                doer = next((g for g in agent.children if g.dep_ == "pobj"), None)
        else:
            doer = _subject(t)
            done = next((c for c in t.children if c.dep_ == "dobj"), None)
        if doer is None or done is None:
            continue
        if doer.pos_ not in ("NOUN", "PROPN") or done.pos_ not in ("NOUN", "PROPN"):
            continue
        a, b = _parts(doer), _parts(done)
        out.append(
            (
                lemma(t, vocab=v),
                frozenset(lemma(x, vocab=v) for x in a),
                frozenset(lemma(x, vocab=v) for x in b),
                " ".join(x.text for x in a),
                " ".join(x.text for x in b),
            )
        )
    return tuple(out)


# where a name stands: the word it hangs on, how (its relation, or its preposition), the
# name's words and the name as written
Slot = tuple[str, str, frozenset[str], str]
# not places of their own: a verb's doer and object are its roles (pinned by the other
# party), and a conjunct or apposition stands where the name before it does
_NOT_SLOTS = frozenset(["ROOT", "conj", "appos", "nsubj", "nsubjpass", "dobj"])
_FIGURES = frozenset(["DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"])


def _name_words(t: Any) -> list[Any]:
    """A name's tokens from its last one: the proper nouns compounded on it, in order."""
    out = [t]
    for c in t.children:
        if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN":
            out.extend(_name_words(c))
    return sorted(out, key=lambda x: x.i)


def name_slots(
    doc: Any, found: Sequence[Value] = (), *, vocab: Vocabulary | None = None
) -> tuple[Slot, ...]:
    """Where each name of the text stands ("Canada" in "sold 100 cars in Canada": sell, in;
    "Cape Canaveral" in "bid for Cape Canaveral contracts": contract, compound): another
    name in the same place of the same words says the same of someone else."""
    v = resolve(vocab)
    spans = [x.span for x in found]
    out: list[Slot] = []
    for t in doc:
        if t.pos_ != "PROPN" or (t.dep_ in ("compound", "flat") and t.head.pos_ == "PROPN"):
            continue  # a name's last word stands for it
        if t.ent_type_ in _FIGURES or any(a <= t.idx < b for a, b in spans):
            continue  # "March 20", "US $ 8": a date's or a figure's, compared as values
        head, how = t.head, t.dep_
        if how == "pobj" and head.pos_ == "ADP":
            head, how = head.head, head.lower_
        if head.i == t.i or how in _NOT_SLOTS:
            continue
        parts = _name_words(t)
        out.append(
            (
                lemma(head, vocab=v),
                how,
                frozenset(lemma(x, vocab=v) for x in parts),
                " ".join(x.text for x in parts),
            )
        )
    return tuple(out)
