"""PassageStore: passages in a Chroma collection (embedded on disk, or a Chroma server).

Writes are idempotent: passage ids are content hashes, a re-ingested unchanged source adds
nothing, and a changed source has its new passages written before the stale ones are
deleted, so a crash mid-way never leaves a source with no passages.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from typing import Any

from factcheck.errors import InputError, StoreError
from factcheck.sources.chroma import (
    IDENTITY_KEYS,
    embedder_identity,
    guarded,
    open_collection,
    recover_reindex,
    reindex_collection,
    store_failure,
)
from factcheck.sources.lexical import LexicalIndex, index_path, word_rows
from factcheck.sources.records import (
    Stored,
    build_where,
    passage_from_record,
    passage_metadata,
    passages_by_id,
    source_by_title,
    source_infos,
    stored,
    vectors_by_id,
)
from factcheck.sources.word_searches import WordSearches
from factcheck.types import Passage, Source, SourceInfo

# Results of one Chroma query at most: it reads them with one SQL statement of a variable
# each, and SQLite refuses more than 32,766 (700 claims x a pool of 60 failed so).
QUERY_ROWS = 16_000

__all__ = ["PassageStore", "build_where", "passage_from_record", "passage_metadata"]

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

_WRITE_BATCH = 2000
_EMBED_BATCH = 512  # passages embedded per call when writing


class PassageStore(WordSearches):
    """Passages in one Chroma collection, embedded with the given LangChain ``Embeddings``."""

    def __init__(
        self,
        client: Any,
        embedder: Any,
        collection: str = "factcheck",
        *,
        check_embedder: bool = True,
        search_ef: int | None = None,
    ) -> None:
        if not collection or not collection.replace("-", "").replace("_", "").isalnum():
            raise StoreError(f"Invalid collection name {collection!r}: use letters, digits, - or _")
        self.client = client
        self.embedder = embedder
        self.collection_name = collection
        self._lock = threading.RLock()  # serialises replace-a-source within one process
        # Called on the passages about to be written, to store what the analyser reads in
        # them (set by FactChecker: this layer knows no language analysis).
        self.annotate: Callable[[list[Passage]], list[Passage]] | None = None
        # The word index beside the store (sources/lexical.py): None for a Chroma server.
        self._words_at = index_path(client, collection)
        self._words: LexicalIndex | None = None
        ident = embedder_identity(embedder)
        recover_reindex(client, collection)
        self._search_ef = search_ef  # None: by the store's size (chroma.search_breadth)
        self.collection = open_collection(client, collection, ident, search_ef)
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
            _, n = reindex_collection(self.client, self.collection_name, self.embedder, progress)
            ident = embedder_identity(self.embedder)
            name, ef = self.collection_name, self._search_ef
            self.collection = open_collection(self.client, name, ident, ef)
            return n

    # -- writing --------------------------------------------------------------------------

    def _existing(self, source_id: str) -> Stored:
        """What the store holds of a source (read a page at a time)."""
        return stored(self.collection, source_id)

    def _retrust(self, ids: list[str], trust: float) -> None:
        """Set the trust of these passages (their text and vectors stay)."""
        # Chroma merges an update's metadata into the stored one: no read is needed.
        for i in range(0, len(ids), _WRITE_BATCH):
            batch = ids[i : i + _WRITE_BATCH]
            self.collection.update(ids=batch, metadatas=[{"trust": float(trust)}] * len(batch))

    def add_source(self, source: Source, passages: list[Passage]) -> str:
        """Store a source's passages. Returns ``added``, ``unchanged`` or ``replaced``."""
        return self.add_sources([(source, passages)])[0]

    def add_sources(self, items: list[tuple[Source, list[Passage]]]) -> list[str]:
        """Store several sources, embedding all their new passages in one batch.

        Returns ``added``, ``unchanged``, ``replaced`` or ``resumed`` (an earlier ingest of
        the same text was interrupted: only its missing passages are written) for each."""
        for source, passages in items:
            if not passages:
                raise InputError(f"{source.id}: no passages to store")
        with self._lock:
            try:
                olds = [self._existing(src.id) for src, _ in items]
                todo = [
                    i for i, old in enumerate(olds) if not old.complete(items[i][0].content_hash)
                ]
                for i, old in enumerate(olds):
                    if i not in todo and old.trusts != {items[i][0].trust}:
                        self._retrust(old.ids, items[i][0].trust)  # same text, new trust
                have = {
                    i: set(olds[i].ids) for i in todo if olds[i].partial(items[i][0].content_hash)
                }
                pairs = [
                    (items[i][0], p)
                    for i in todo
                    for p in items[i][1]
                    if p.id not in have.get(i, ())
                ]
                totals = {items[i][0].id: len(items[i][1]) for i in todo}
                # Few upserts for many sources: Chroma's per-call overhead dominates small
                # writes; embedding in slices keeps memory flat for a large batch.
                for j in range(0, len(pairs), _EMBED_BATCH):
                    part = pairs[j : j + _EMBED_BATCH]
                    vecs = self.embedder.embed_documents([p.text for _, p in part])
                    self._write_many(part, vecs, totals)
                for i in todo:
                    passages = items[i][1]
                    # New passages are in before stale ones go: a crash loses nothing.
                    stale = sorted(set(olds[i].ids) - {p.id for p in passages})
                    self._delete(stale)
            except (InputError, StoreError):
                raise
            except Exception as ex:
                names = ", ".join(src.id for src, _ in items[:3])
                raise store_failure(
                    f"Writing {names} to the store",
                    ex,
                    "; what was written is completed by the next ingest",
                ) from ex
        return [
            "unchanged"
            if i not in todo
            else "resumed"
            if i in have
            else ("replaced" if olds[i].ids else "added")
            for i in range(len(items))
        ]

    def add_source_stream(
        self,
        source: Source,
        passages: Iterable[Passage],
        progress: Callable[[int], None] | None = None,
        total: int | None = None,
    ) -> tuple[str, int]:
        """Store a large source whose passages arrive one at a time: embedded and written
        in slices, so memory stays flat however long the source is. Returns the status
        (as ``add_source``) and the number of passages; ``progress`` gets the running count.

        New passages are written before stale ones are deleted, as in ``add_sources``.
        ``total`` (the source's passage count) is stored with each passage, so that a run
        killed half-way is found and completed (``resumed``) by the next one."""
        new_ids: set[str] = set()
        with self._lock:
            try:
                old = self._existing(source.id)
                old_ids = old.ids
                if old.complete(source.content_hash):
                    if old.trusts != {source.trust}:
                        self._retrust(old_ids, source.trust)
                    return "unchanged", len(old_ids)
                have = set(old_ids) if old.partial(source.content_hash) else set()
                totals = {source.id: total} if total is not None else {}
                part: list[Passage] = []

                def flush() -> None:
                    vecs = self.embedder.embed_documents([p.text for p in part])
                    self._write_many([(source, p) for p in part], vecs, totals)
                    new_ids.update(p.id for p in part)
                    part.clear()
                    if progress is not None:
                        progress(len(new_ids))

                for p in passages:
                    if p.id in have:
                        new_ids.add(p.id)  # written by the interrupted run
                        continue
                    part.append(p)
                    if len(part) >= _EMBED_BATCH:
                        flush()
                if part:
                    flush()
                if not new_ids:
                    raise InputError(f"{source.id}: no passages to store")
                stale = sorted(set(old_ids) - new_ids)
                self._delete(stale)
            except (InputError, StoreError):
                raise
            except Exception as ex:
                of = f" of {total:,}" if total is not None else ""
                raise store_failure(
                    f"Writing {source.id} to the store (after {len(new_ids):,}{of} passages)",
                    ex,
                    "; the next ingest completes it",
                ) from ex
        return ("resumed" if have else "replaced" if old_ids else "added"), len(new_ids)

    def _write_many(
        self,
        pairs: list[tuple[Source, Passage]],
        vectors: Any,
        totals: dict[str, int] | None = None,
    ) -> None:
        totals = totals or {}
        for i in range(0, len(pairs), _WRITE_BATCH):
            chunk = pairs[i : i + _WRITE_BATCH]
            todo = [j for j, (_, p) in enumerate(chunk) if not p.facts]
            if self.annotate is not None and todo:
                # each passage's facts, stored with it (issue #31: analyse once)
                done = self.annotate([chunk[j][1] for j in todo])
                for j, p in zip(todo, done, strict=True):
                    chunk[j] = (chunk[j][0], p)
            self._upsert(
                [p for _, p in chunk],
                vectors[i : i + _WRITE_BATCH],
                [passage_metadata(p, s, totals.get(s.id)) for s, p in chunk],
            )

    def write(self, passages: list[Passage], vectors: Any, source: Source | None = None) -> None:
        """Upsert passages with precomputed vectors (idempotent by id)."""
        for i in range(0, len(passages), _WRITE_BATCH):
            chunk = passages[i : i + _WRITE_BATCH]
            self._upsert(
                chunk, vectors[i : i + _WRITE_BATCH], [passage_metadata(p, source) for p in chunk]
            )

    def _upsert(self, passages: list[Passage], vectors: Any, mds: list[dict[str, Any]]) -> None:
        """Write passages: their words indexed first, so that the word index never lacks a
        stored passage (an id it holds that the store lacks is harmless)."""
        ids, texts = [p.id for p in passages], [p.text for p in passages]
        if (words := self.words()) is not None:
            words.add(word_rows(ids, texts, mds))
        self.collection.upsert(
            ids=ids,
            documents=texts,
            embeddings=[list(map(float, v)) for v in vectors],
            metadatas=mds,
        )

    def _delete(self, ids: list[str]) -> None:
        """Delete passages, from the store first (see ``_upsert``), a batch at a time."""
        for j in range(0, len(ids), _WRITE_BATCH):
            part = ids[j : j + _WRITE_BATCH]
            self.collection.delete(ids=part)
            if (words := self.words()) is not None:
                words.remove(part)

    def set_trust(self, source: str, trust: float) -> int:
        """Set a source's trust (0..1) on all its passages; returns how many."""
        if not 0.0 <= trust <= 1.0:
            raise InputError(f"Trust must be between 0 and 1, got {trust}")
        with self._lock:
            sid = self.resolve_source(source)
            with guarded(f"Setting the trust of {sid}"):
                ids = self._existing(sid).ids
                self._retrust(ids, trust)
            return len(ids)

    def remove(self, source: str) -> int:
        """Delete a source by id, or by title when exactly one source has it."""
        with self._lock:
            sid = self.resolve_source(source)
            with guarded(f"Removing {sid}", "; removing it again finishes the job"):
                ids = self._existing(sid).ids
                self._delete(ids)
            return len(ids)

    # -- reading --------------------------------------------------------------------------

    def stored_version(self, source_id: str) -> int | None:
        """The version of a source the store holds (0 for formats without versions), or
        None when the store has none of it. By id: no name resolution."""
        with self._lock, guarded(f"Reading {source_id} from the store"):
            return self._existing(source_id).version

    def count(self) -> int:
        with guarded("Counting the stored passages"):
            return int(self.collection.count())

    def sources(self) -> list[SourceInfo]:
        with guarded("Listing the sources"):
            return source_infos(self.collection)

    def resolve_source(self, name: str) -> str:
        """Map a user's name for a source to its id: the id itself, a path (relative to the
        working directory), a title, or a file name when only one source has it."""
        from pathlib import Path

        if not isinstance(name, str) or not name.strip():
            raise InputError("A source filter must be a non-empty name, path or id")
        for cand in dict.fromkeys((name, str(Path(name).resolve()))):
            # Ids and paths by an indexed lookup: no scan of the whole store.
            with guarded("Reading the store"):
                hit = self.collection.get(where={"source_id": cand}, limit=1, include=[])
            if hit["ids"]:
                return cand
        return source_by_title(self.sources(), name)

    def search(self, query: str, k: int = 5, where: dict[str, Any] | None = None) -> list[Passage]:
        """Top-k passages for one query, with cosine similarity as ``score``."""
        return self.search_vectors([self.embedder.embed_query(query)], k, where)[0]

    def search_vectors(
        self,
        vectors: Any,
        k: int = 5,
        where: dict[str, Any] | None = None,
        containing: tuple[str, ...] = (),
    ) -> list[list[Passage]]:
        """Top-k passages per vector; with ``containing``, only passages whose text holds
        one of those strings (as written)."""
        doc: dict[str, Any] | None = None
        if containing:
            each = [{"$contains": c} for c in containing]
            doc = each[0] if len(each) == 1 else {"$or": each}
        qs = [list(map(float, v)) for v in vectors]
        step = max(1, QUERY_ROWS // max(1, k))  # Chroma reads each result in one SQL query
        out: list[list[Passage]] = []
        for at in range(0, len(qs), step):
            with guarded("Search"):
                res = self.collection.query(
                    query_embeddings=qs[at : at + step],
                    n_results=k,
                    where=where,
                    where_document=doc,
                    include=["documents", "metadatas", "distances"],
                )
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

    def vectors(self, ids: list[str]) -> dict[str, Any]:
        """Stored embeddings by passage id, in one round trip; missing ids are absent."""
        with guarded("Reading the store"):
            return vectors_by_id(self.collection, ids)

    def get_passages(self, ids: list[str]) -> dict[str, Passage]:
        """Passages by id, in one round trip (neighbours for context); missing ids are absent."""
        with guarded("Reading the store"):
            return passages_by_id(self.collection, ids)
