"""A lexical index of the stored passages: SQLite's full-text search (FTS5, BM25 ranking)
in a file beside the Chroma store, so that the passages naming a claim's names are found
by an index of words, however large the archive (issue #31).

Chroma's own ``$contains`` filter answers the same question from a trigram index, and at a
million passages one such query takes seconds; this one takes milliseconds. The index is
kept a superset of the store: a passage goes into it before Chroma, and out of it after,
so that a process killed in between leaves only ids the store no longer has (a search
drops those when it reads the candidates' vectors). A store written without it (older
versions) is indexed on first use, a page at a time.

The index knows no language analysis: it is given words and phrases, and returns passage
ids ranked by BM25.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from factcheck.errors import StoreError

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS ids ("
    " rowid INTEGER PRIMARY KEY, pid TEXT NOT NULL UNIQUE, source TEXT, day INTEGER)",
    "CREATE INDEX IF NOT EXISTS ids_source ON ids(source)",
    "CREATE VIRTUAL TABLE IF NOT EXISTS words USING fts5("
    " text, tokenize = 'unicode61 remove_diacritics 2')",
)
TOKEN = re.compile(r"\w+", re.UNICODE)
_BACKFILL_PAGE = 5000


class NoWordIndex(Exception):
    """SQLite built without FTS5: the store finds names with Chroma's ``$contains``."""


def phrase(text: str) -> str | None:
    """An FTS5 phrase for ``text`` as written: its word tokens in order (None when it has
    none). Quoting each token keeps FTS5's operators (AND, NEAR, *) out of a user's text."""
    toks = TOKEN.findall(text)
    if not toks:
        return None
    return '"' + " ".join(t.replace('"', '""') for t in toks) + '"'


def index_path(client: Any, collection: str) -> str | None:
    """Where a local Chroma client's collection keeps its lexical index: a file in the
    store's folder, or ``:memory:`` for an in-memory store. None for a Chroma server: the
    index must live with the store, and a server is shared by processes that cannot see
    one another's files (a check then falls back on Chroma's own ``$contains``)."""
    try:
        settings = client.get_settings()
    except Exception:
        return None
    if "fastapi" in str(getattr(settings, "chroma_api_impl", "")).lower():
        return None
    if not getattr(settings, "is_persistent", False):
        return ":memory:"
    folder = getattr(settings, "persist_directory", None)
    return str(Path(folder) / f"lexical-{collection}.sqlite3") if folder else None


class LexicalIndex:
    """Passage ids, their source and day, and their words in an FTS5 table. Thread-safe."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._lock = threading.Lock()
        try:
            self._db = sqlite3.connect(path, check_same_thread=False, timeout=30.0)
            if path != ":memory:":
                self._db.execute("PRAGMA journal_mode=WAL")
            for stmt in _SCHEMA:
                self._db.execute(stmt)
            self._db.commit()
        except sqlite3.OperationalError as ex:
            if "fts5" in str(ex).lower():
                raise NoWordIndex(f"this Python's SQLite has no full-text search ({ex})") from None
            raise StoreError(
                f"Cannot open the word index {path} ({ex}); delete the file and it is rebuilt"
                " from the store on next use"
            ) from None
        except sqlite3.Error as ex:
            raise StoreError(
                f"Cannot open the word index {path} ({ex}); delete the file and it is rebuilt"
                " from the store on next use"
            ) from None
        self.synced = False  # set once the index is known to cover the store

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _run(self, what: str, fn: Callable[[sqlite3.Connection], Any]) -> Any:
        with self._lock:
            try:
                out = fn(self._db)
                self._db.commit()
                return out
            except sqlite3.Error as ex:
                self._db.rollback()
                raise StoreError(f"{what} in the word index {self.path} failed ({ex})") from ex

    def count(self) -> int:
        q = "SELECT count(*) FROM ids"
        return int(self._run("Counting", lambda db: db.execute(q).fetchone()[0]))

    def has(self, pids: Sequence[str]) -> set[str]:
        """Which of these passage ids are indexed."""

        def go(db: sqlite3.Connection) -> set[str]:
            got: set[str] = set()
            for i in range(0, len(pids), 500):
                part = list(pids[i : i + 500])
                q = f"SELECT pid FROM ids WHERE pid IN ({','.join('?' * len(part))})"
                got.update(r[0] for r in db.execute(q, part))
            return got

        return set(self._run("Reading", go))

    def texts_of(self, sources: Sequence[str]) -> dict[str, list[tuple[str, str]]]:
        """Each source's indexed (passage id, text) pairs: an article read through the
        index by its source, without scanning the store's metadata."""

        def go(db: sqlite3.Connection) -> dict[str, list[tuple[str, str]]]:
            out: dict[str, list[tuple[str, str]]] = {}
            for i in range(0, len(sources), 500):
                part = list(sources[i : i + 500])
                q = (
                    "SELECT ids.source, ids.pid, words.text FROM ids JOIN words"
                    f" ON words.rowid = ids.rowid WHERE ids.source IN ({','.join('?' * len(part))})"
                )
                for src, pid, text in db.execute(q, part):
                    out.setdefault(src, []).append((pid, text))
            return out

        return dict(self._run("Reading", go)) if sources else {}

    def add(self, rows: Iterable[tuple[str, str, str | None, int | None]]) -> int:
        """Index (passage id, text, source id, day ordinal) rows; an id indexed already is
        indexed again with its new text. Returns the rows written."""
        rows = list(rows)

        def go(db: sqlite3.Connection) -> int:
            for pid, text, source, day in rows:
                old = db.execute("SELECT rowid FROM ids WHERE pid = ?", (pid,)).fetchone()
                if old is not None:
                    db.execute("DELETE FROM words WHERE rowid = ?", old)
                    db.execute("DELETE FROM ids WHERE rowid = ?", old)
                cur = db.execute(
                    "INSERT INTO ids (pid, source, day) VALUES (?, ?, ?)", (pid, source, day)
                )
                db.execute("INSERT INTO words (rowid, text) VALUES (?, ?)", (cur.lastrowid, text))
            return len(rows)

        return int(self._run("Writing", go)) if rows else 0

    def remove(self, pids: Sequence[str]) -> int:
        """Forget these passage ids (those not indexed are ignored). Returns how many went."""

        def go(db: sqlite3.Connection) -> int:
            n = 0
            for i in range(0, len(pids), 500):
                part = list(pids[i : i + 500])
                marks = ",".join("?" * len(part))
                q = f"SELECT rowid FROM ids WHERE pid IN ({marks})"
                rowids = [r[0] for r in db.execute(q, part)]
                if rowids:
                    rm = ",".join("?" * len(rowids))
                    db.execute(f"DELETE FROM words WHERE rowid IN ({rm})", rowids)
                    db.execute(f"DELETE FROM ids WHERE rowid IN ({rm})", rowids)
                n += len(rowids)
            return n

        return int(self._run("Removing", go)) if pids else 0

    def search(
        self,
        required: Sequence[str],
        also: Sequence[str] = (),
        limit: int = 64,
        source: str | None = None,
        days: tuple[int | None, int | None] = (None, None),
    ) -> list[tuple[str, float]]:
        """Up to ``limit`` (passage id, BM25 score) pairs of the passages holding at least
        one of the ``required`` phrases (names, as written). ``source`` and ``days`` (first,
        last day ordinal) narrow the search as a store filter would.

        A name held by at most ``limit`` passages returns them all (as a filter on the name
        would). A commoner name returns its passages that also hold one of the ``also``
        phrases (a claim's other words), best BM25 first: ranking every passage of a name
        held by 20,000 would cost tens of milliseconds, and a passage that shares nothing
        with the claim but the name is rarely its evidence. Without ``also``, those are its
        best BM25 passages."""
        need = [p for p in map(phrase, required) if p]
        if not need or limit <= 0:
            return []
        extra = [p for p in map(phrase, also) if p and p not in need]
        names = "(" + " OR ".join(need) + ")"
        few = self._match(names, limit + 1, source, days, ranked=False)
        if len(few) <= limit:
            return few
        if not extra:
            return self._match(names, limit, source, days)
        return self._match(f"{names} AND ({' OR '.join(extra)})", limit, source, days)

    def best(
        self,
        words: Sequence[str],
        limit: int,
        source: str | None = None,
        days: tuple[int | None, int | None] = (None, None),
    ) -> list[tuple[str, float]]:
        """Up to ``limit`` (passage id, BM25 score) pairs of the passages holding any of
        ``words`` (phrases, as written), best BM25 first: the passages that share most of
        a text's rarer words, whatever their wording around them."""
        said = list(dict.fromkeys(p for p in map(phrase, words) if p))
        if not said or limit <= 0:
            return []
        return self._match(" OR ".join(said), limit, source, days)

    def _match(
        self,
        match: str,
        limit: int,
        source: str | None,
        days: tuple[int | None, int | None],
        ranked: bool = True,
    ) -> list[tuple[str, float]]:
        conds: list[str] = ["words MATCH ?"]
        args: list[Any] = [match]
        if source is not None:
            conds.append("ids.source = ?")
            args.append(source)
        if days[0] is not None:
            conds.append("ids.day >= ?")
            args.append(int(days[0]))
        if days[1] is not None:
            conds.append("ids.day <= ?")
            args.append(int(days[1]))
        order = "ORDER BY r" if ranked else ""
        q = (
            "SELECT ids.pid, bm25(words) AS r FROM words JOIN ids ON ids.rowid = words.rowid"
            f" WHERE {' AND '.join(conds)} {order} LIMIT {int(limit)}"
        )
        rows = self._run("Searching", lambda db: db.execute(q, args).fetchall())
        return [(pid, -float(r)) for pid, r in rows]


def open_index(path: str) -> LexicalIndex | None:
    """The word index at ``path``, or None (said once) when SQLite has no FTS5."""
    try:
        return LexicalIndex(path)
    except NoWordIndex as ex:
        logger.warning("%s: names are found by Chroma's $contains", ex)
        return None


def word_rows(
    ids: Sequence[str], texts: Sequence[str], metadatas: Sequence[dict[str, Any]]
) -> list[tuple[str, str, str | None, int | None]]:
    """(passage id, text, source id, day ordinal) rows as the index takes them, from what a
    store writes. The text alone, as Chroma's ``$contains`` reads it: a title would make
    every passage of an article about a name hold it."""
    out = []
    for pid, text, md in zip(ids, texts, metadatas, strict=True):
        day = md.get("date_ord")
        source = md.get("source_id")
        out.append(
            (
                pid,
                text,
                str(source) if source is not None else None,
                int(day) if isinstance(day, int | float) and day > 0 else None,
            )
        )
    return out


def backfill(
    index: LexicalIndex,
    collection: Any,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Index the passages of ``collection`` that the index lacks (a store written before
    it existed, or by another tool), a page at a time. Returns how many were added."""
    total = int(collection.count())
    if index.count() >= total:
        return 0
    logger.info("indexing the words of %s stored passages", f"{total:,}")
    added = done = 0
    while done < total:
        got = collection.get(limit=_BACKFILL_PAGE, offset=done, include=["documents", "metadatas"])
        ids = list(got["ids"])
        if not ids:
            break
        have = index.has(ids)
        keep = [i for i, pid in enumerate(ids) if pid not in have]
        docs, mds = list(got["documents"] or []), list(got["metadatas"] or [])
        added += index.add(
            word_rows(
                [ids[i] for i in keep], [docs[i] or "" for i in keep], [mds[i] or {} for i in keep]
            )
        )
        done += len(ids)
        if progress is not None:
            progress(done, total)
    return added
