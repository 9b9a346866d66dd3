"""Verdict memory: earlier reviews in their own Chroma collection, matched against claims.

A review is found by embedding similarity, then compared with the claim as verdicts
compare values: a review whose figure, date, name or polarity differs is shown as related,
never as the same claim. Reviews are keyed by content, so importing a file twice adds
nothing. Each review's claim is analysed once, at import, and its facts stored with it,
so a match costs one vector query and no spaCy run.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from factcheck.errors import InputError, StoreError
from factcheck.nlp.facts import Analyzer, TextFacts
from factcheck.nlp.facts_json import facts_from_json, facts_to_json
from factcheck.reviews.matching import MatchThresholds, decide_match
from factcheck.reviews.review_log import ReviewLog
from factcheck.sources.chroma import embedder_identity, recover_reindex, reindex_collection
from factcheck.types import Review, ReviewMatch

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

_WRITE_BATCH = 512
SUFFIX = "_reviews"


def _metadata(r: Review, facts: TextFacts) -> dict[str, Any]:
    """Flat metadata Chroma can store (no None): -1e300 stands for "no number"."""
    return {
        "rating": r.rating,
        "rating_value": _num(r.rating_value),
        "best_rating": _num(r.best_rating),
        "worst_rating": _num(r.worst_rating),
        "author": r.author,
        "date": r.date.isoformat() if r.date else "",
        "url": r.url,
        "origin": r.origin,
        "facts": facts_to_json(facts),
    }


_NONE = -1e300


def _num(x: float | None) -> float:
    return _NONE if x is None else float(x)


def _opt(x: Any) -> float | None:
    return None if x is None or float(x) == _NONE else float(x)


def review_from_record(rid: str, claim: str, md: dict[str, Any]) -> Review:
    d = str(md.get("date") or "")
    return Review(
        id=rid,
        claim=claim,
        rating=str(md.get("rating", "")),
        rating_value=_opt(md.get("rating_value")),
        best_rating=_opt(md.get("best_rating")),
        worst_rating=_opt(md.get("worst_rating")),
        author=str(md.get("author", "")),
        date=dt.date.fromisoformat(d) if d else None,
        url=str(md.get("url", "")),
        origin=str(md.get("origin", "")),
    )


class ReviewStore:
    """Reviews in the Chroma collection ``<passages' collection>_reviews``, embedded with
    the passages' embedder. The collection is created on the first write: reading a store
    that never had reviews creates nothing."""

    def __init__(
        self,
        client: Any,
        embedder: Any,
        analyzer: Analyzer,
        name: str,
        thresholds: MatchThresholds | None = None,
        *,
        check_embedder: bool = True,
        log: ReviewLog | None = None,
    ) -> None:
        """``log``: where every review added or removed is also recorded, so that
        ``factcheck repair`` restores them (from_settings: beside the files)."""
        self.client = client
        self.log = log
        self.embedder = embedder
        self.analyzer = analyzer
        self.name = name
        self.thresholds = thresholds or MatchThresholds()
        self.check_embedder = check_embedder
        self._col: Any = None
        self._lock = threading.RLock()

    def _collection(self, create: bool = False) -> Any:
        if self._col is not None:
            return self._col
        with self._lock:
            ident = embedder_identity(self.embedder)
            recover_reindex(self.client, self.name)
            try:
                if create:
                    col = self.client.get_or_create_collection(
                        self.name,
                        metadata={"hnsw:space": "cosine", **ident},
                        embedding_function=None,
                    )
                else:
                    col = self.client.get_collection(self.name, embedding_function=None)
            except Exception as ex:
                if not create:
                    return None  # no reviews yet
                raise StoreError(f"Cannot open the review collection {self.name!r}: {ex}") from None
            md = dict(col.metadata or {})
            if (
                self.check_embedder
                and ident
                and md.get("embedder") not in (None, ident["embedder"])
            ):
                raise StoreError(
                    f"The reviews in {self.name!r} were embedded by {md.get('embedder')}; this "
                    f"run uses {ident['embedder']}. Run `factcheck reindex` to rebuild them."
                )
            self._col = col
            return col

    def count(self) -> int:
        col = self._collection()
        return 0 if col is None else int(col.count())

    def exists(self) -> bool:
        """Whether any review was ever stored here (cheap: no count of the reviews)."""
        return self._collection() is not None

    def add(
        self, reviews: Sequence[Review], progress: Callable[[int], None] | None = None
    ) -> tuple[int, int]:
        """Store reviews not stored yet; returns (added, already there)."""
        col = self._collection(create=True)
        uniq = list({r.id: r for r in reviews}.values())
        added = 0
        for i in range(0, len(uniq), _WRITE_BATCH):
            part = uniq[i : i + _WRITE_BATCH]
            try:
                have = set(col.get(ids=[r.id for r in part], include=[])["ids"])
            except Exception as ex:
                raise StoreError(f"Reading the reviews failed: {ex}") from ex
            new = [r for r in part if r.id not in have]
            if new:
                if self.log:  # the log first: what the store should hold
                    self.log.added(new)
                facts = self._analyze(new)
                vecs = self.embedder.embed_documents([r.claim for r in new])
                try:
                    col.upsert(
                        ids=[r.id for r in new],
                        documents=[r.claim for r in new],
                        embeddings=[list(map(float, v)) for v in vecs],
                        metadatas=[_metadata(r, f) for r, f in zip(new, facts, strict=True)],
                    )
                except Exception as ex:
                    raise StoreError(f"Writing the reviews failed: {ex}") from ex
                added += len(new)
            if progress is not None:
                progress(i + len(part))
        return added, len(reviews) - added

    def _analyze(self, reviews: list[Review]) -> list[TextFacts]:
        """Each review's claim analysed against its own date (for "on Thursday"), all in
        one spaCy batch."""
        return self.analyzer.analyze_dated([(r.claim, r.date, None) for r in reviews], lenient=True)

    def reviews(self) -> list[Review]:
        col = self._collection()
        if col is None:
            return []
        got = col.get(include=["documents", "metadatas"])
        rows = [
            review_from_record(i, d, dict(m or {}))
            for i, d, m in zip(
                got["ids"], got["documents"] or [], got["metadatas"] or [], strict=True
            )
        ]
        return sorted(rows, key=lambda r: (r.date or dt.date.min, r.claim.lower()), reverse=True)

    def remove(self, key: str) -> int:
        """Remove one review by id, or every review with this URL or from this file."""
        if not isinstance(key, str) or not key.strip():
            raise InputError("Name the review to remove: its id, its URL or the file it came from")
        col = self._collection()
        if col is None:
            raise InputError("There are no reviews in the store")
        with self._lock:
            if col.get(ids=[key], include=[])["ids"]:
                self._delete(col, [key])
                return 1
            for field, value in (
                ("url", key),
                ("origin", key),
                ("origin", str(Path(key).resolve())),
            ):
                ids = list(col.get(where={field: value}, include=[])["ids"])
                if ids:
                    self._delete(col, ids)
                    return len(ids)
        raise InputError(f"No review {key!r}: `factcheck reviews list` shows ids, URLs and files")

    def _delete(self, col: Any, ids: list[str]) -> None:
        if self.log:  # forgotten first: a remove cut short stays removed in a repair
            self.log.removed(ids)
        for i in range(0, len(ids), _WRITE_BATCH):
            col.delete(ids=ids[i : i + _WRITE_BATCH])

    def reindex(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Re-embed every review with this store's embedder (see PassageStore.reindex)."""
        if self._collection() is None and not self._exists():
            return 0
        with self._lock:
            self._col, n = reindex_collection(self.client, self.name, self.embedder, progress)
            return n

    def _exists(self) -> bool:
        with contextlib.suppress(Exception):
            self.client.get_collection(self.name, embedding_function=None)
            return True
        return False

    # -- matching -------------------------------------------------------------------------

    def match(
        self, vectors: Sequence[Any], facts: Sequence[TextFacts]
    ) -> list[tuple[ReviewMatch, ...]]:
        """For each claim (its vector and facts), the stored reviews like it, the same
        claims first, then by similarity."""
        col = self._collection()
        if col is None or not vectors:
            return [() for _ in vectors]
        t = self.thresholds
        try:
            # No count() first: it costs more than the query at 100k reviews, and Chroma
            # returns fewer results when a collection holds fewer than asked for.
            res = col.query(
                query_embeddings=[list(map(float, v)) for v in vectors],
                n_results=t.k,
                include=["documents", "metadatas", "distances"],
            )
        except Exception as ex:
            raise StoreError(f"Searching the reviews failed: {ex}") from ex
        out: list[tuple[ReviewMatch, ...]] = []
        for f, ids, docs, mds, dists in zip(
            facts, res["ids"], res["documents"], res["metadatas"], res["distances"], strict=True
        ):
            found = []
            for rid, doc, md, dist in zip(ids, docs, mds, dists, strict=True):
                sim = 1.0 - float(dist)
                if sim < t.related:
                    continue
                md = dict(md or {})
                old = facts_from_json(str(md.get("facts", "{}")), doc)
                found.append(decide_match(review_from_record(rid, doc, md), sim, f, old, t))
            found.sort(key=lambda m: (not m.same_claim, -m.similarity))
            out.append(tuple(found))
        return out


def review_of(verdict_row: dict[str, Any], *, author: str, date: dt.date | None) -> Review:
    """A checked claim remembered as a review: the verdict's label in ClaimReview words."""
    from factcheck.reviews.claimreview import ALTERNATE_NAME, RATING, make_review

    label = str(verdict_row["label"])
    return make_review(
        str(verdict_row["claim"]),
        ALTERNATE_NAME[label],
        rating_value=float(RATING[label]),
        best_rating=5.0,
        worst_rating=1.0,
        author=author,
        date=date or dt.date.today(),
        url=str(verdict_row.get("url", "")),
        origin="factcheck",
    )
