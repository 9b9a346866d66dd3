"""Who does what to whom: each verb with the words of its doer and of what it is done to,
read through the passive ("Wagoner was replaced by Henderson": Henderson replaced) and
through a verb it completes ("Android phones managed to outsell iPhones"). Two texts that
give one verb the same two parties the other way round say opposite things, unless the
verb is reciprocal ("Ford met GM" is "GM met Ford"); rules/opposites.py reads them."""

from __future__ import annotations

from typing import Any

from factcheck.lang import Vocabulary, resolve
from factcheck.nlp.syntax import lemma

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
