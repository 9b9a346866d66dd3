"""The passages that name a claim's names, nearest the claim first: candidates from the
word index (sources/lexical.py, BM25 over the names and the claim's other words), then
ranked by the cosine of their stored vectors to the claim's, as a vector query would.

A store of any size answers in milliseconds: the word index reads only the lists of the
claim's words, and the store reads only the candidates' records."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from factcheck.sources.lexical import LexicalIndex
from factcheck.sources.records import passage_from_record
from factcheck.types import Passage


def narrowing(where: dict[str, Any] | None) -> tuple[str | None, tuple[int | None, int | None]]:
    """What of a store filter (records.build_where) the word index applies itself: a source
    and a first and last day. The rest of the filter is applied by the store when the
    candidates are read, so nothing outside it is returned either way."""
    source: str | None = None
    first: int | None = None
    last: int | None = None
    clauses = (where or {}).get("$and", [where] if where else [])
    for c in clauses:
        if not isinstance(c, dict) or len(c) != 1:
            continue
        [(key, cond)] = c.items()
        if key == "source_id" and isinstance(cond, str):
            source = cond
        elif key == "date_ord" and isinstance(cond, dict):
            if isinstance(cond.get("$gte"), int):
                first = cond["$gte"]
            if isinstance(cond.get("$lte"), int):
                last = cond["$lte"]
    return source, (first, last)


def search_named(
    collection: Any,
    index: LexicalIndex,
    vectors: Sequence[Any],
    names: Sequence[Sequence[str]],
    words: Sequence[Sequence[str]],
    k: int,
    where: dict[str, Any] | None,
    candidates: int,
) -> list[list[Passage]]:
    """For each vector: the top ``k`` by cosine of the ``candidates`` passages the word
    index ranks best among those holding one of its ``names`` (ranked by the names and its
    ``words``); none for a vector without names. One store read for all of them."""
    import numpy as np

    source, days = narrowing(where)
    cands = [
        index.search(n, w, candidates, source, days) if n else []
        for n, w in zip(names, words, strict=True)
    ]
    wanted = sorted({pid for c in cands for pid, _ in c})
    if not wanted:
        return [[] for _ in vectors]
    got = collection.get(ids=wanted, where=where, include=["documents", "metadatas", "embeddings"])
    embs = got["embeddings"]
    if embs is None or not len(got["ids"]):
        return [[] for _ in vectors]
    row = {pid: i for i, pid in enumerate(got["ids"])}
    mat = np.asarray(embs, dtype=float)
    mat = mat / np.maximum(np.linalg.norm(mat, axis=1, keepdims=True), 1e-12)
    docs, mds = got["documents"] or [], got["metadatas"] or []
    out: list[list[Passage]] = []
    for vec, cand in zip(vectors, cands, strict=True):
        rows = [row[pid] for pid, _ in cand if pid in row]
        if not rows:
            out.append([])
            continue
        v = np.asarray(vec, dtype=float)
        v = v / max(float(np.linalg.norm(v)), 1e-12)
        scores = mat[rows] @ v
        best = np.argsort(-scores, kind="stable")[:k]
        out.append(
            [
                passage_from_record(
                    got["ids"][rows[j]],
                    docs[rows[j]],
                    dict(mds[rows[j]] or {}),
                    float(scores[j]),
                )
                for j in best
            ]
        )
    return out
