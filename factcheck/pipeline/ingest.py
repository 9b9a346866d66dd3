"""One ingest run over files and folders: read each, split it, store the passages a few
hundred at a time, stream a large source a slice at a time, and report progress. A bad
file, or a store write that fails for one source, is an error row; the rest go on.

A file may hold several stories (a feed, a NewsML-G2 message): each is a source. A
NewsML-G2 item is keyed by its guid: a newer version replaces the stored one, an older
one is skipped with a warning (it never overwrites the newer story), and a canceled or
withheld item removes the stored story."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.errors import FactCheckError, InputError
from factcheck.sources.readers import Skipped, Withdrawal, iter_paths, read_items
from factcheck.types import IngestResult, Passage, Source

if TYPE_CHECKING:
    from factcheck.sources.store import PassageStore

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

Progress = Callable[[int, int], None]
STREAM_CHARS = 200_000  # sources longer than this stream through ingest
BATCH_PASSAGES = 256  # passages embedded together: the encoder's sweet spot


def check_trust(trust: object) -> None:
    if not isinstance(trust, int | float) or not 0.0 <= float(trust) <= 1.0:
        raise InputError(f"Trust must be a number from 0 to 1, got {trust!r}")


def ingest_paths(
    store: PassageStore,
    paths: Iterable[str | Path],
    *,
    split: Callable[[Source, int], list[Passage]],
    iter_split: Callable[[Source, int], Iterator[Passage]],
    max_bytes: int,
    progress: Progress | None = None,
    on_passages: Callable[[int], None] | None = None,
    names: dict[str, str] | None = None,
    trust: float = 1.0,
    on_storing: Callable[[Source, int], None] | None = None,
    on_removing: Callable[[str], None] | None = None,
) -> IngestResult:
    """See :meth:`factcheck.api.FactChecker.ingest`. ``on_storing(source, body_start)`` is
    told of each source with passages before it is written (the source log: what the store
    should hold, so that a write cut short is rebuilt in full by a repair);
    ``on_removing(source_id)`` of each withdrawn source before it is removed."""
    check_trust(trust)
    t0 = time.perf_counter()
    errors: list[tuple[str, str]] = []
    warnings: list[str] = []

    def walk_error(path: Path, msg: str) -> None:
        errors.append((str(path), msg))
        logger.info("skipped %s", msg)

    files = list(iter_paths([Path(p) for p in paths], on_error=walk_error))
    counts = {"added": 0, "unchanged": 0, "replaced": 0, "resumed": 0, "removed": 0}
    n_pass = 0
    pending: list[tuple[Source, list[Passage]]] = []
    bodies: dict[str, int] = {}
    handled = 0  # files read and stored, or failed
    waiting = 0  # files read whose sources wait in ``pending`` for the next write

    def report() -> None:
        if progress:
            progress(handled, len(files))
        if on_passages:
            on_passages(n_pass)

    def done(status: str, n: int) -> None:
        nonlocal n_pass
        counts[status] += 1
        n_pass += n

    def flush() -> None:
        nonlocal handled, waiting
        if on_storing:
            for src, ps in pending:
                if ps:
                    on_storing(src, bodies[src.id])
        try:
            statuses = store.add_sources(pending)
        except FactCheckError:
            # One source's failure must not lose the others: retry them one by one.
            statuses = []
            for src, ps in pending:
                try:
                    statuses.append(store.add_source(src, ps))
                except FactCheckError as ex:
                    statuses.append("")
                    errors.append((src.id, str(ex)))
        for (_src, ps), status in zip(pending, statuses, strict=True):
            if status:
                done(status, len(ps))
        handled += waiting
        waiting = 0
        pending.clear()
        report()

    def stored_version(sid: str) -> int | None:
        """What the store holds of this id (after writing what waits for it, so that two
        versions in one run are compared with each other)."""
        if any(src.id == sid for src, _ in pending):
            flush()
        return store.stored_version(sid)

    def newer_stored(src: Source) -> bool:
        """A NewsML-G2 story older than the stored one: skipped with a warning."""
        if not src.version:
            return False
        have = stored_version(src.id)
        if have is None or have <= src.version:
            return False
        warnings.append(
            f"{src.path or src.id}: {src.id} version {src.version} is older than the stored "
            f"version {have}; skipped (the newer story stays)"
        )
        return True

    def withdraw(w: Withdrawal) -> None:
        have = stored_version(w.id)
        if have is None:
            logger.info("%s: %s is %s and not in the store", w.path, w.id, w.status)
            return
        if have > w.version:
            warnings.append(
                f"{w.path}: {w.id} {w.status} at version {w.version}, older than the stored "
                f"version {have}; kept"
            )
            return
        if on_removing:
            on_removing(w.id)  # forgotten first: a remove cut short stays removed in a repair
        store.remove(w.id)
        counts["removed"] += 1

    def ingest_one(path: Path, src: Source, body: int) -> None:
        """One story: renamed for an upload, checked against a newer stored version, then
        queued for the next batch write, or streamed when it is large."""
        where = str(path) if src.id == str(path.resolve()) else f"{path} ({src.id})"
        try:
            src = replace(src, trust=trust)
            warnings.extend(src.warnings)
            if names and str(path) in names:
                if src.id == str(path.resolve()):  # a file that is one document
                    src = replace(src, id=names[str(path)], path=names[str(path)])
                    if src.title == path.stem:
                        src = replace(src, title=Path(names[str(path)]).stem)
                else:  # a story keyed by its own id (a guid): only its path is the upload's
                    src = replace(src, path=names[str(path)])
            if newer_stored(src):
                return
            if any(s.id == src.id for s, _ in pending):
                flush()  # the same id twice in one batch: the later one replaces
            if len(src.text) > STREAM_CHARS:
                # A large source streams: embedded and stored a slice at a time.
                if pending:
                    flush()
                base = n_pass

                def step(n: int, base: int = base, name: str = src.id) -> None:
                    if on_passages:
                        on_passages(base + n)
                    logger.info("%s: %d passages stored", name, n)

                # Counted first (cutting is cheap next to embedding): the count is stored
                # with every passage, so a run killed half-way is found and completed.
                total = sum(1 for _ in iter_split(src, body))
                if on_storing and total:
                    on_storing(src, body)
                status, n = store.add_source_stream(
                    src, iter_split(src, body), progress=step, total=total
                )
                done(status, n)
                return
            bodies[src.id] = body
            pending.append((src, split(src, body)))
        except FactCheckError as ex:
            errors.append((where, str(ex)))
            logger.info("skipped %s: %s", where, ex)  # the caller reports it to the user
        # Embed a few hundred passages at a time: the encoder's sweet spot.
        if sum(len(ps) for _, ps in pending) >= BATCH_PASSAGES:
            flush()

    for path in files:
        try:
            items = read_items(path, max_bytes)
        except FactCheckError as ex:
            errors.append((str(path), str(ex)))
            logger.info("skipped %s: %s", path, ex)  # the caller reports it to the user
            handled += 1
            report()
            continue
        for item in items:
            if isinstance(item, Skipped):
                warnings.append(item.message)
            elif isinstance(item, Withdrawal):
                try:
                    withdraw(item)
                except FactCheckError as ex:
                    errors.append((f"{path} ({item.id})", str(ex)))
            else:
                ingest_one(path, item.source, item.body_start)
        if pending:
            waiting += 1  # counted when its sources are written
        else:
            handled += 1
            report()
    if pending:
        flush()
    return IngestResult(
        files=len(files),
        passages=n_pass,
        errors=tuple(errors),
        warnings=tuple(warnings),
        seconds=round(time.perf_counter() - t0, 3),
        **counts,
    )
