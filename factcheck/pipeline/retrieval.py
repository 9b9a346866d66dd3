"""Retrieval of many claims at once: one embedding call for all of them, then one store
query per distinct metadata filter. The pipeline and the LangChain retriever both use it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from factcheck.sources.store import PassageStore
from factcheck.types import Passage


def search_many(
    store: PassageStore,
    texts: Sequence[str],
    wheres: Sequence[dict[str, Any] | None],
    k: int,
    min_score: float,
) -> tuple[list[Any], list[list[Passage]]]:
    """(the texts' vectors, the top ``k`` passages of each with a score of at least
    ``min_score``), in the order of ``texts``."""
    if not texts:
        return [], []
    vecs = store.embedder.embed_documents(list(texts))
    groups: dict[str, list[int]] = {}
    for i, w in enumerate(wheres):
        groups.setdefault(repr(w), []).append(i)
    found: list[list[Passage]] = [[] for _ in texts]
    for idx in groups.values():
        res = store.search_vectors([vecs[i] for i in idx], k, wheres[idx[0]])
        for i, ps in zip(idx, res, strict=True):
            found[i] = [p for p in ps if (p.score or 0.0) >= min_score]
    return list(vecs), found
