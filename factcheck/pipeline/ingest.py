"""One ingest run over files and folders: read each, split it, store the passages a few
hundred at a time, stream a large source a slice at a time, and report progress. A bad
file, or a store write that fails for one source, is an error row; the rest go on."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.errors import FactCheckError, InputError
from factcheck.sources.readers import iter_paths, read_file
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
) -> IngestResult:
    """See :meth:`factcheck.api.FactChecker.ingest`. ``on_storing(source, body_start)`` is
    told of each source with passages before it is written (the source log: what the store
    should hold, so that a write cut short is rebuilt in full by a repair)."""
    check_trust(trust)
    t0 = time.perf_counter()
    errors: list[tuple[str, str]] = []
    warnings: list[str] = []

    def walk_error(path: Path, msg: str) -> None:
        errors.append((str(path), msg))
        logger.info("skipped %s", msg)

    files = list(iter_paths([Path(p) for p in paths], on_error=walk_error))
    counts = {"added": 0, "unchanged": 0, "replaced": 0, "resumed": 0}
    n_pass = 0
    pending: list[tuple[Source, list[Passage]]] = []
    bodies: dict[str, int] = {}
    handled = 0  # files read and stored, or failed

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
        nonlocal handled
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
        handled += len(pending)
        pending.clear()
        report()

    for path in files:
        try:
            src, body = read_file(path, max_bytes)
            src = replace(src, trust=trust)
            warnings.extend(src.warnings)
            if names and str(path) in names:
                src = replace(src, id=names[str(path)], path=names[str(path)])
                if src.title == path.stem:
                    src = replace(src, title=Path(names[str(path)]).stem)
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
                handled += 1
                report()
                continue
            bodies[src.id] = body
            pending.append((src, split(src, body)))
        except FactCheckError as ex:
            errors.append((str(path), str(ex)))
            logger.info("skipped %s: %s", path, ex)  # the caller reports it to the user
            handled += 1
            report()
        # Embed a few hundred passages at a time: the encoder's sweet spot.
        if sum(len(ps) for _, ps in pending) >= BATCH_PASSAGES:
            flush()
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
