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
    ``words``); none for a vector without names. Two store reads for all of them: the
    candidates' vectors, then the records of those kept."""
    import numpy as np

    source, days = narrowing(where)
    cands = [
        index.search(n, w, candidates, source, days) if n else []
        for n, w in zip(names, words, strict=True)
    ]
    wanted = sorted({pid for c in cands for pid, _ in c})
    if not wanted:
        return [[] for _ in vectors]
    # The candidates' vectors first; the records (text, stored facts) of the best alone.
    got = collection.get(ids=wanted, where=where, include=["embeddings"])
    embs = got["embeddings"]
    if embs is None or not len(got["ids"]):
        return [[] for _ in vectors]
    row = {pid: i for i, pid in enumerate(got["ids"])}
    mat = np.asarray(embs, dtype=float)
    mat = mat / np.maximum(np.linalg.norm(mat, axis=1, keepdims=True), 1e-12)
    best: list[list[tuple[str, float]]] = []
    for vec, cand in zip(vectors, cands, strict=True):
        rows = [row[pid] for pid, _ in cand if pid in row]
        if not rows:
            best.append([])
            continue
        v = np.asarray(vec, dtype=float)
        v = v / max(float(np.linalg.norm(v)), 1e-12)
        scores = mat[rows] @ v
        top = np.argsort(-scores, kind="stable")[:k]
        best.append([(got["ids"][rows[j]], float(scores[j])) for j in top])
    need = sorted({pid for b in best for pid, _ in b})
    if not need:
        return [[] for _ in vectors]
    rec = collection.get(ids=need, include=["documents", "metadatas"])
    docs = dict(zip(rec["ids"], rec["documents"] or [], strict=True))
    mds = dict(zip(rec["ids"], rec["metadatas"] or [], strict=True))
    return [
        [
            passage_from_record(pid, docs[pid], dict(mds[pid] or {}), score)
            for pid, score in b
            if pid in docs
        ]
        for b in best
    ]


def texts_of(
    collection: Any, index: LexicalIndex | None, sources: Sequence[str]
) -> dict[str, list[tuple[str, str]]]:
    """Each source's (passage id, text) pairs: from the word index (its ids by source),
    or, on a Chroma server, from the store's metadata filter (slower at a million)."""
    wanted = sorted(set(sources))
    if not wanted:
        return {}
    if index is not None:
        return index.texts_of(wanted)
    where = {"source_id": wanted[0]} if len(wanted) == 1 else {"source_id": {"$in": wanted}}
    got = collection.get(where=where, include=["documents", "metadatas"])
    out: dict[str, list[tuple[str, str]]] = {}
    rows = zip(got["ids"], got["documents"] or [], got["metadatas"] or [], strict=True)
    for pid, text, md in rows:
        out.setdefault(str((md or {}).get("source_id", "")), []).append((pid, text or ""))
    return out


def search_worded(
    collection: Any,
    index: LexicalIndex,
    words: Sequence[Sequence[str]],
    n: int,
    wheres: Sequence[dict[str, Any] | None],
) -> list[list[Passage]]:
    """For each text's ``words`` (its names and content words, as written): the ``n``
    passages the word index ranks best by BM25 on any of them, within its store filter,
    best first (scores are BM25's). One index query per text, one store read for all."""
    picks: list[list[str]] = []
    for said, where in zip(words, wheres, strict=True):
        source, days = narrowing(where)
        # a filter's other clauses (trust, ...) are applied by the store below: ask for
        # more, so that enough are left
        wide = n if where is None else 4 * n
        picks.append([pid for pid, _ in index.best(said, wide, source, days)])
    out: list[list[Passage]] = []
    for pick, where in zip(picks, wheres, strict=True):
        if not pick:
            out.append([])
            continue
        rec = collection.get(ids=pick, where=where, include=["documents", "metadatas"])
        docs = dict(zip(rec["ids"], rec["documents"] or [], strict=True))
        mds = dict(zip(rec["ids"], rec["metadatas"] or [], strict=True))
        kept = [pid for pid in pick if pid in docs][:n]
        out.append([passage_from_record(pid, docs[pid], dict(mds[pid] or {}), 0.0) for pid in kept])
    return out
