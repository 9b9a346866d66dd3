"""``factcheck repair``: rebuild an embedded store that Chroma can no longer read from the
source log kept beside it (sources/source_log.py). The new store is built in a folder of
its own and swapped in only when it is complete; the damaged one is kept, renamed, so
nothing is lost whatever happens half-way."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.errors import InputError
from factcheck.nlp.facts import Analyzer
from factcheck.reviews.memory import SUFFIX, ReviewStore
from factcheck.reviews.review_log import ReviewLog
from factcheck.sources.chroma import open_client
from factcheck.sources.source_log import LOG_DIR, SourceLog
from factcheck.sources.store import PassageStore
from factcheck.types import Passage, Source


@dataclass(frozen=True)
class Repaired:
    sources: int
    passages: int
    missing: tuple[str, ...]  # logged sources whose text is gone
    kept_at: str  # where the damaged store now is
    reviews: int = 0  # reviews (verdict memory) restored from their log


def repair_store(
    store_dir: str | Path,
    embedder: Any,
    collection: str,
    split: Callable[[Source, int], list[Passage]],
    progress: Callable[[int, int], None] | None = None,
    annotate: Callable[[list[Passage]], list[Passage]] | None = None,
    analyzer: Analyzer | None = None,
) -> Repaired:
    """Rebuild ``store_dir`` from its source log; returns what was restored. ``annotate``
    stores each passage's facts with it (``passage_facts.annotator``), as an ingest does.
    With an ``analyzer`` the reviews logged beside the sources are restored too (each
    review's claim is analysed as at import)."""
    store_dir = Path(store_dir)
    log = SourceLog(store_dir)
    entries = log.entries()
    if not entries:
        raise InputError(
            f"{store_dir}: no source log ({LOG_DIR}/) to rebuild from; ingest the sources"
            " again into a new store"
        )
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    fresh = store_dir.with_name(f"{store_dir.name}.repair-{stamp}")
    store = PassageStore(open_client(str(fresh)), embedder, collection, check_embedder=False)
    store.annotate = annotate
    missing, n_pass = [], 0
    for i, entry in enumerate(entries.values(), 1):
        text = log.text(entry)
        if text is None:
            missing.append(entry.id)
        else:
            passages = split(entry.source(text), entry.body_start)
            store.add_source(entry.source(text), passages)
            n_pass += len(passages)
        if progress:
            progress(i, len(entries))
    n_reviews = 0
    logged_reviews = ReviewLog(store_dir).reviews() if analyzer is not None else []
    if analyzer is not None and logged_reviews:
        memory = ReviewStore(
            store.client, embedder, analyzer, collection + SUFFIX, check_embedder=False
        )
        n_reviews = memory.add(logged_reviews)[0]
    shutil.copytree(log.dir, fresh / LOG_DIR)
    broken = store_dir.with_name(f"{store_dir.name}.broken-{stamp}")
    _forget_clients()
    store_dir.rename(broken)
    fresh.rename(store_dir)
    return Repaired(len(entries) - len(missing), n_pass, tuple(missing), str(broken), n_reviews)


def _forget_clients() -> None:
    """Chroma keeps one client per folder in a process: drop them, so that the next open of
    the folder reads the rebuilt store."""
    from chromadb.api.client import SharedSystemClient

    SharedSystemClient.clear_system_cache()
