"""The store's searches by words: the word index beside a local store (sources/lexical.py)
opened on first use, and the searches that read it, by name, by a text's words and by
article. A Chroma server has no word index: names are then found by its ``$contains``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from factcheck.sources.chroma import guarded
from factcheck.sources.lexical import LexicalIndex, backfill, open_index
from factcheck.sources.named import search_named, search_worded, texts_of
from factcheck.types import Passage


class WordSearches:
    """Mixed into :class:`~factcheck.sources.store.PassageStore`, which sets these."""

    collection: Any
    _lock: Any
    _words_at: str | None
    _words: LexicalIndex | None

    search_vectors: Callable[..., list[list[Passage]]]

    def words(self) -> LexicalIndex | None:
        """The word index (opened on first use), or None for a Chroma server."""
        if self._words is None and self._words_at is not None:
            with self._lock:
                if self._words is None:
                    self._words = open_index(self._words_at)
                    self._words_at = self._words.path if self._words else None
        return self._words

    def search_named(
        self,
        vectors: Any,
        names: list[tuple[str, ...]],
        words: list[tuple[str, ...]],
        k: int,
        where: dict[str, Any] | None = None,
        candidates: int = 64,
    ) -> list[list[Passage]]:
        """Per vector, the top-k passages that hold one of its names (as written), by
        cosine: from the ``candidates`` the word index ranks best on the names and
        ``words`` (sources/named.py); on a Chroma server, from Chroma's ``$contains``."""
        index = self.words()
        if index is None:
            return [
                self.search_vectors([v], k, where, containing=n)[0] if n else []
                for v, n in zip(vectors, names, strict=True)
            ]
        with guarded("Search by name"):
            self._sync(index)
            return search_named(self.collection, index, vectors, names, words, k, where, candidates)

    def search_worded(
        self,
        words: list[tuple[str, ...]],
        n: int,
        wheres: list[dict[str, Any] | None],
    ) -> list[list[Passage]]:
        """Per text's ``words`` (names and content words, as written), the ``n`` passages
        the word index ranks best by BM25, within its filter (sources/named.py); none on
        a Chroma server, which has no ranked word search."""
        index = self.words()
        if index is None or n <= 0:
            return [[] for _ in words]
        with guarded("Search by words"):
            self._sync(index)
            return search_worded(self.collection, index, words, n, wheres)

    def _sync(self, index: LexicalIndex) -> None:
        """Index a store written before its word index, once per instance."""
        if not index.synced:
            with self._lock:
                backfill(index, self.collection)
                index.synced = True

    def article_texts(self, sources: list[str]) -> dict[str, list[tuple[str, str]]]:
        """Each source's stored (passage id, text) pairs, by source id (sources/named.py)."""
        index = self.words()
        with guarded("Reading the store"):
            if index is not None:
                self._sync(index)
            return texts_of(self.collection, index, sources)
