"""Review files into the verdict memory: file by file, a bad file or record reported and
the rest stored, with progress by file and by review (also inside one large file)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from factcheck.errors import FactCheckError
from factcheck.reviews.claimreview import iter_review_files, read_reviews
from factcheck.reviews.memory import ReviewStore
from factcheck.types import ReviewImport


def import_files(
    memory: ReviewStore,
    paths: Iterable[str | Path],
    progress: Callable[[int, int], None] | None = None,
    on_reviews: Callable[[int], None] | None = None,
) -> ReviewImport:
    """See :meth:`factcheck.api.FactChecker.import_reviews`."""
    files = list(iter_review_files([Path(p) for p in paths]))
    errors: list[tuple[str, str]] = []
    added = unchanged = 0
    for i, path in enumerate(files, 1):
        try:
            got = read_reviews(path, name=str(path.resolve()))
        except FactCheckError as ex:
            errors.append((str(path), str(ex)))
        else:
            errors.extend(got.errors)
            base = added + unchanged

            def step(n: int, base: int = base) -> None:
                if on_reviews:
                    on_reviews(base + n)

            a, u = memory.add(got.reviews, progress=step)
            added, unchanged = added + a, unchanged + u
        if progress:
            progress(i, len(files))
    return ReviewImport(len(files), added, unchanged, tuple(errors))
