"""PassageStore: passages in a Chroma collection (embedded on disk, or a Chroma server).

Writes are idempotent: passage ids are content hashes, a re-ingested unchanged source adds
nothing, and a changed source has its new passages written before the stale ones are
deleted, so a crash mid-way never leaves a source with no passages.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import PurePath
from typing import Any

from factcheck.errors import InputError, StoreError
from factcheck.sources.chroma import (
    IDENTITY_KEYS,
    embedder_identity,
    recover_reindex,
    reindex_collection,
)
from factcheck.types import Passage, Source, SourceInfo

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

_WRITE_BATCH = 2000
_EMBED_BATCH = 512  # passages embedded per call when writing


def _date_ord(d: dt.date | None) -> int:
    return d.toordinal() if d else 0


def passage_metadata(p: Passage, src: Source | None = None) -> dict[str, Any]:
    """Flat metadata Chroma can store and filter on (no None values allowed there)."""
    md: dict[str, Any] = {
        "source_id": p.source_id,
        "title": p.title,
        "start": p.start,
        "end": p.end,
        "dateline": p.dateline.isoformat() if p.dateline else "",
        "date_ord": _date_ord(p.dateline),
        "url": p.url,
        "prev_id": p.prev_id,
        "next_id": p.next_id,
        "trust": float(p.trust),
    }
    if src is not None:
        md["content_hash"] = src.content_hash
        md["outlet"] = src.outlet
        md["author"] = src.author
    return md


def passage_from_record(pid: str, text: str, md: dict[str, Any], score: float | None) -> Passage:
    dl = md.get("dateline") or ""
    return Passage(
        id=pid,
        text=text,
        source_id=str(md.get("source_id", "")),
        title=str(md.get("title", "")),
        start=int(md.get("start", 0)),
        end=int(md.get("end", len(text))),
        dateline=dt.date.fromisoformat(dl) if dl else None,
        url=str(md.get("url", "")),
        score=score,
        prev_id=str(md.get("prev_id", "")),
        next_id=str(md.get("next_id", "")),
        trust=float(md.get("trust", 1.0)),
    )


def build_where(
    source: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any] | None:
    """A Chroma ``where`` filter from the usual newsroom filters (source, date range)."""
    clauses: list[dict[str, Any]] = []
    if source:
        clauses.append({"source_id": source})
    if date_from:
        clauses.append({"date_ord": {"$gte": date_from.toordinal()}})
    if date_to:
        clauses.append({"date_ord": {"$lte": date_to.toordinal()}})
    if extra:
        clauses.extend({k: v} for k, v in extra.items())
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


class PassageStore:
    """Passages in one Chroma collection, embedded with the given LangChain ``Embeddings``."""

    def __init__(
        self,
        client: Any,
        embedder: Any,
        collection: str = "factcheck",
        *,
        check_embedder: bool = True,
    ) -> None:
        if not collection or not collection.replace("-", "").replace("_", "").isalnum():
            raise StoreError(f"Invalid collection name {collection!r}: use letters, digits, - or _")
        self.client = client
        self.embedder = embedder
        self.collection_name = collection
        self._lock = threading.RLock()  # serialises replace-a-source within one process
        ident = embedder_identity(embedder)
        recover_reindex(client, collection)
        try:
            # Pass no embedding function to Chroma itself: we always hand it vectors, so its
            # default (downloading) ONNX model is never built.
            self.collection = client.get_or_create_collection(
                collection, metadata={"hnsw:space": "cosine", **ident}, embedding_function=None
            )
        except Exception as ex:
            raise StoreError(f"Cannot open collection {collection!r}: {ex}") from None
        if check_embedder:
            self._check_embedder(ident)

    def _check_embedder(self, ident: dict[str, str]) -> None:
        """A store's vectors only mean something to the embedder that wrote them."""
        if not ident:
            return
        md = dict(self.collection.metadata or {})
        if "embedder" not in md:
            # Written before stores recorded their embedder (all-MiniLM-L6-v2 then): adopt.
            self._set_identity(md, ident)
            return
        if any(md.get(k) != ident.get(k) for k in IDENTITY_KEYS):
            raise StoreError(
                f"The store {self.collection_name!r} was written by the embedder "
                f"{md.get('embedder')} (weights {md.get('embedder_sha256') or '?'}); this "
                f"run uses {ident['embedder']} (weights {ident.get('embedder_sha256') or '?'}). "
                "Its vectors cannot be compared: run `factcheck reindex` to rebuild them "
                "from the stored passages (nothing is lost), or use the embedder that wrote it."
            )

    def _set_identity(self, md: dict[str, Any], ident: dict[str, str]) -> None:
        keep = {k: v for k, v in md.items() if not k.startswith("hnsw:")}
        try:
            self.collection.modify(metadata={**keep, **ident})
        except Exception as ex:
            raise StoreError(f"Cannot record the embedder in the store: {ex}") from ex

    @property
    def embedder_name(self) -> str:
        ident = embedder_identity(self.embedder)
        return ident.get("embedder") or type(self.embedder).__name__

    def reindex(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Re-embed every stored passage with this store's embedder (``reindex_collection``)."""
        with self._lock:
            self.collection, n = reindex_collection(
                self.client, self.collection_name, self.embedder, progress
            )
            return n

    # -- writing --------------------------------------------------------------------------

    def _existing(self, source_id: str) -> tuple[list[str], set[str], set[float]]:
        """A stored source's passage ids, content hashes and trusts."""
        got = self.collection.get(where={"source_id": source_id}, include=["metadatas"])
        mds = got["metadatas"] or []
        hashes = {str(m.get("content_hash", "")) for m in mds}
        return list(got["ids"]), hashes, {float(m.get("trust", 1.0)) for m in mds}

    def _retrust(self, ids: list[str], trust: float) -> None:
        """Set the trust of these passages (their text and vectors stay)."""
        got = self.collection.get(ids=ids, include=["metadatas"])
        mds = [{**dict(m or {}), "trust": float(trust)} for m in got["metadatas"] or []]
        for i in range(0, len(mds), _WRITE_BATCH):
            self.collection.update(
                ids=list(got["ids"])[i : i + _WRITE_BATCH], metadatas=mds[i : i + _WRITE_BATCH]
            )

    def add_source(self, source: Source, passages: list[Passage]) -> str:
        """Store a source's passages. Returns ``added``, ``unchanged`` or ``replaced``."""
        return self.add_sources([(source, passages)])[0]

    def add_sources(self, items: list[tuple[Source, list[Passage]]]) -> list[str]:
        """Store several sources, embedding all their new passages in one batch.

        Returns ``added``, ``unchanged`` or ``replaced`` for each, in order.
        """
        for source, passages in items:
            if not passages:
                raise InputError(f"{source.id}: no passages to store")
        with self._lock:
            try:
                olds = [self._existing(src.id) for src, _ in items]
                todo = [
                    i
                    for i, (old_ids, hashes, _) in enumerate(olds)
                    if not (old_ids and hashes == {items[i][0].content_hash})
                ]
                for i, (old_ids, _, trusts) in enumerate(olds):
                    if i not in todo and trusts != {items[i][0].trust}:
                        self._retrust(old_ids, items[i][0].trust)  # same text, new trust
                pairs = [(items[i][0], p) for i in todo for p in items[i][1]]
                # Few upserts for many sources: Chroma's per-call overhead dominates small
                # writes; embedding in slices keeps memory flat for a large batch.
                for j in range(0, len(pairs), _EMBED_BATCH):
                    part = pairs[j : j + _EMBED_BATCH]
                    self._write_many(part, self.embedder.embed_documents([p.text for _, p in part]))
                for i in todo:
                    passages = items[i][1]
                    # New passages are in before stale ones go: a crash loses nothing.
                    stale = sorted(set(olds[i][0]) - {p.id for p in passages})
                    for j in range(0, len(stale), _WRITE_BATCH):
                        self.collection.delete(ids=stale[j : j + _WRITE_BATCH])
            except (InputError, StoreError):
                raise
            except Exception as ex:
                names = ", ".join(src.id for src, _ in items[:3])
                raise StoreError(f"Writing {names} to the store failed: {ex}") from ex
        return [
            "unchanged" if i not in todo else ("replaced" if olds[i][0] else "added")
            for i in range(len(items))
        ]

    def add_source_stream(
        self,
        source: Source,
        passages: Iterable[Passage],
        progress: Callable[[int], None] | None = None,
    ) -> tuple[str, int]:
        """Store a large source whose passages arrive one at a time: embedded and written
        in slices, so memory stays flat however long the source is. Returns the status
        (as ``add_source``) and the number of passages; ``progress`` gets the running count.

        New passages are written before stale ones are deleted, as in ``add_sources``."""
        with self._lock:
            try:
                old_ids, hashes, trusts = self._existing(source.id)
                if old_ids and hashes == {source.content_hash}:
                    if trusts != {source.trust}:
                        self._retrust(old_ids, source.trust)
                    return "unchanged", len(old_ids)
                new_ids: set[str] = set()
                part: list[Passage] = []

                def flush() -> None:
                    vecs = self.embedder.embed_documents([p.text for p in part])
                    self._write_many([(source, p) for p in part], vecs)
                    new_ids.update(p.id for p in part)
                    part.clear()
                    if progress is not None:
                        progress(len(new_ids))

                for p in passages:
                    part.append(p)
                    if len(part) >= _EMBED_BATCH:
                        flush()
                if part:
                    flush()
                if not new_ids:
                    raise InputError(f"{source.id}: no passages to store")
                stale = sorted(set(old_ids) - new_ids)
                for j in range(0, len(stale), _WRITE_BATCH):
                    self.collection.delete(ids=stale[j : j + _WRITE_BATCH])
            except (InputError, StoreError):
                raise
            except Exception as ex:
                raise StoreError(f"Writing {source.id} to the store failed: {ex}") from ex
        return ("replaced" if old_ids else "added"), len(new_ids)

    def _write_many(self, pairs: list[tuple[Source, Passage]], vectors: Any) -> None:
        for i in range(0, len(pairs), _WRITE_BATCH):
            chunk = pairs[i : i + _WRITE_BATCH]
            self.collection.upsert(
                ids=[p.id for _, p in chunk],
                documents=[p.text for _, p in chunk],
                embeddings=[list(map(float, v)) for v in vectors[i : i + _WRITE_BATCH]],
                metadatas=[passage_metadata(p, s) for s, p in chunk],
            )

    def write(self, passages: list[Passage], vectors: Any, source: Source | None = None) -> None:
        """Upsert passages with precomputed vectors (idempotent by id)."""
        for i in range(0, len(passages), _WRITE_BATCH):
            chunk = passages[i : i + _WRITE_BATCH]
            self.collection.upsert(
                ids=[p.id for p in chunk],
                documents=[p.text for p in chunk],
                embeddings=[list(map(float, v)) for v in vectors[i : i + _WRITE_BATCH]],
                metadatas=[passage_metadata(p, source) for p in chunk],
            )

    def set_trust(self, source: str, trust: float) -> int:
        """Set a source's trust (0..1) on all its passages; returns how many."""
        if not 0.0 <= trust <= 1.0:
            raise InputError(f"Trust must be between 0 and 1, got {trust}")
        with self._lock:
            sid = self.resolve_source(source)
            ids, _, _ = self._existing(sid)
            try:
                self._retrust(ids, trust)
            except Exception as ex:
                raise StoreError(f"Setting the trust of {sid} failed: {ex}") from ex
            return len(ids)

    def remove(self, source: str) -> int:
        """Delete a source by id, or by title when exactly one source has it."""
        with self._lock:
            sid = self.resolve_source(source)
            ids, _, _ = self._existing(sid)
            for i in range(0, len(ids), _WRITE_BATCH):
                self.collection.delete(ids=ids[i : i + _WRITE_BATCH])
            return len(ids)

    # -- reading --------------------------------------------------------------------------

    def count(self) -> int:
        return int(self.collection.count())

    def sources(self) -> list[SourceInfo]:
        got = self.collection.get(include=["metadatas"])
        agg: dict[str, SourceInfo] = {}
        for md in got["metadatas"] or []:
            sid = str(md.get("source_id", ""))
            if sid in agg:
                agg[sid] = replace(agg[sid], passages=agg[sid].passages + 1)
            else:
                dl = md.get("dateline") or ""
                agg[sid] = SourceInfo(
                    id=sid,
                    title=str(md.get("title", "")),
                    passages=1,
                    dateline=dt.date.fromisoformat(str(dl)) if dl else None,
                    url=str(md.get("url", "")),
                    trust=float(md.get("trust", 1.0)),
                )
        return sorted(agg.values(), key=lambda s: (s.title.lower(), s.id))

    def resolve_source(self, name: str) -> str:
        """Map a user's name for a source to its id: the id itself, a path (relative to the
        working directory), a title, or a file name when only one source has it."""
        from pathlib import Path

        if not isinstance(name, str) or not name.strip():
            raise InputError("A source filter must be a non-empty name, path or id")
        for cand in dict.fromkeys((name, str(Path(name).resolve()))):
            # Ids and paths by an indexed lookup: no scan of the whole store.
            try:
                hit = self.collection.get(where={"source_id": cand}, limit=1, include=[])
            except Exception as ex:
                raise StoreError(f"Reading the store failed: {ex}") from ex
            if hit["ids"]:
                return cand
        infos = self.sources()
        # A title, then a file name (what a user sees in their folder), when either is unique.
        for what, hits in (
            ("titled", [s for s in infos if s.title == name]),
            ("named", [s for s in infos if name and PurePath(s.id).name == name]),
        ):
            if len(hits) == 1:
                return hits[0].id
            if len(hits) > 1:
                ids = ", ".join(h.id for h in hits[:3])
                raise InputError(
                    f"{len(hits)} sources are {what} {name!r} ({ids}); give the id or path instead"
                )
        raise InputError(f"No source {name!r} in the store; `factcheck sources` lists them")

    def search(self, query: str, k: int = 5, where: dict[str, Any] | None = None) -> list[Passage]:
        """Top-k passages for one query, with cosine similarity as ``score``."""
        return self.search_vectors([self.embedder.embed_query(query)], k, where)[0]

    def search_vectors(
        self, vectors: Any, k: int = 5, where: dict[str, Any] | None = None
    ) -> list[list[Passage]]:
        try:
            res = self.collection.query(
                query_embeddings=[list(map(float, v)) for v in vectors],
                n_results=k,
                where=where,
                include=["documents", "metadatas", "distances"],
            )
        except Exception as ex:
            raise StoreError(f"Search failed: {ex}") from ex
        out: list[list[Passage]] = []
        for ids, docs, mds, dists in zip(
            res["ids"], res["documents"], res["metadatas"], res["distances"], strict=True
        ):
            out.append(
                [
                    passage_from_record(i, d, dict(m or {}), 1.0 - float(dist))
                    for i, d, m, dist in zip(ids, docs, mds, dists, strict=True)
                ]
            )
        return out

    def get_passages(self, ids: list[str]) -> dict[str, Passage]:
        """Passages by id, in one round trip (neighbours for context); missing ids are absent."""
        wanted = sorted({i for i in ids if i})
        if not wanted:
            return {}
        try:
            got = self.collection.get(ids=wanted, include=["documents", "metadatas"])
        except Exception as ex:
            raise StoreError(f"Reading the store failed: {ex}") from ex
        return {
            i: passage_from_record(i, d, dict(m or {}), None)
            for i, d, m in zip(
                got["ids"], got["documents"] or [], got["metadatas"] or [], strict=True
            )
        }
