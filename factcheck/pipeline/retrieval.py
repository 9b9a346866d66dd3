"""Retrieval of many claims at once: one embedding call for all of them, then one store
query per distinct metadata filter. The pipeline and the LangChain retriever both use it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from factcheck.nlp.facts import TextFacts
from factcheck.nlp.names import written_names
from factcheck.sources.store import PassageStore
from factcheck.types import Passage


def claim_names(facts: TextFacts) -> tuple[str, ...]:
    """A claim's names as written, for the name search."""
    return written_names((e.text for e in facts.entities), vocab=facts.vocabulary)


def claim_words(facts: TextFacts) -> tuple[str, ...]:
    """A claim's content words as written, for the word index's ranking."""
    return tuple(dict.fromkeys(facts.text[a:b] for _, a, b in facts.spans))


def search_many(
    store: PassageStore,
    texts: Sequence[str],
    wheres: Sequence[dict[str, Any] | None],
    k: int,
    min_score: float,
    names: Sequence[tuple[str, ...]] | None = None,
    words: Sequence[tuple[str, ...]] | None = None,
    candidates: int = 64,
) -> tuple[list[Any], list[list[Passage]]]:
    """(the texts' vectors, the top ``k`` passages of each with a score of at least
    ``min_score``), in the order of ``texts``. With ``names`` (per text, as written), the
    top ``k`` passages that hold one of them join the pool: a claim is about its names, and
    the passage that states it may be less like it than another story's ("a loss of $15
    billion" is nearer every carmaker's loss than the one sentence of the claim's company).
    Those come from the store's word index: its best ``candidates`` on the names and the
    text's ``words`` (its content words as written), ranked by cosine."""
    if not texts:
        return [], []
    vecs = store.embedder.embed_documents(list(texts))
    groups: dict[str, list[int]] = {}
    for i, w in enumerate(wheres):
        groups.setdefault(repr(w), []).append(i)
    found: list[list[Passage]] = [[] for _ in texts]
    named = list(names or [()] * len(texts))
    said = list(words or [()] * len(texts))
    for idx in groups.values():
        res = store.search_vectors([vecs[i] for i in idx], k, wheres[idx[0]])
        for i, ps in zip(idx, res, strict=True):
            found[i] = [p for p in ps if (p.score or 0.0) >= min_score]
        idx = [i for i in idx if named[i]]
        if not idx:
            continue
        res = store.search_named(
            [vecs[i] for i in idx],
            [named[i] for i in idx],
            [said[i] for i in idx],
            k,
            wheres[idx[0]],
            candidates,
        )
        for i, ps in zip(idx, res, strict=True):
            have = {p.id for p in found[i]}
            found[i] += [p for p in ps if p.id not in have and (p.score or 0.0) >= min_score]
    return list(vecs), found


def follow_ons(
    store: PassageStore,
    found: Sequence[tuple[str, list[Passage], Any]],
    near: dict[str, Passage],
    top: int,
    min_score: float,
) -> list[list[Passage]]:
    """For each claim's (text, passages, vector or None): the sentence after each of its
    ``top`` passages, when not retrieved already, scored by its own cosine to the claim (at least
    ``min_score``). Copy goes on in the next sentence ("That decision is due by the end of
    next month"), which names its subject only in the one before (its context in the
    comparison), so retrieval alone rarely finds it. ``near``: the passages' neighbours,
    by id; one store round trip for all the vectors. A claim retrieved through another
    retriever has no vector yet: those are embedded in one call."""
    todo = [[near[p.next_id] for p in ps[:top] if p.next_id in near] for _, ps, _ in found]
    missing = [i for i, (_, _, vec) in enumerate(found) if vec is None and todo[i]]
    made: dict[int, Any] = {}
    if missing:
        texts = [found[i][0] for i in missing]
        made = dict(zip(missing, store.embedder.embed_documents(texts), strict=True))
    vecs = store.vectors([q.id for qs in todo for q in qs])
    out: list[list[Passage]] = []
    for n, ((_, ps, vec), qs) in enumerate(zip(found, todo, strict=True)):
        vec = made.get(n, vec)
        seen = {p.id for p in ps}
        extra = []
        for q in qs:
            v = vecs.get(q.id)
            if v is None or q.id in seen:
                continue
            score = _cosine(vec, v)
            if score >= min_score:
                extra.append(replace(q, score=score))
                seen.add(q.id)
        out.append(extra)
    return out


def _cosine(a: Any, b: Any) -> float:
    import numpy as np

    x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    d = float(np.linalg.norm(x) * np.linalg.norm(y))
    return float(x @ y) / d if d else 0.0
