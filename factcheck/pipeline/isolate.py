"""One bad item never sinks a batch: the one place where a failing claim is isolated.

A step runs over the whole batch (one spaCy pass, one embedding call, one stance-model
call); only if the batch raises is each item run alone, so that the item that fails yields
its error and the others their results."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from typing import TypeVar

from factcheck.errors import FactCheckError, ModelError, StageError, StoreError

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

T = TypeVar("T")
R = TypeVar("R")


def one_by_one(
    step: Callable[[list[T]], Sequence[R | FactCheckError]],
    items: list[T],
    stage: str,
    name: Callable[[T], str],
) -> list[R | FactCheckError]:
    """``step(items)``; if it raises, ``step([item])`` for each item. An item that fails
    alone yields its FactCheckError, or a StageError naming the stage and the item for
    any other exception (``FACTCHECK_RAISE_ERRORS=1`` raises it instead: tests and
    debugging see the real traceback).

    A store or a model that fails (StoreError, ModelError) fails every item alike: it is
    raised at once, not retried item by item, so a batch stops with a resumable report."""
    if not items:
        return []
    try:
        return list(step(items))
    except (StoreError, ModelError):
        raise
    except Exception as ex:
        if len(items) > 1:
            return [out for item in items for out in one_by_one(step, [item], stage, name)]
        if isinstance(ex, FactCheckError):
            return [ex]
        logger.error("%s failed on %r", stage, name(items[0]), exc_info=True)
        if os.environ.get("FACTCHECK_RAISE_ERRORS"):
            raise
        return [StageError(stage, name(items[0]), ex)]


def through(
    step: Callable[[list[T]], Sequence[R | FactCheckError]],
    items: Sequence[T | FactCheckError],
) -> list[R | FactCheckError]:
    """Apply a batch step to the items that are not errors yet; errors pass through in
    their places."""
    ok = [x for x in items if not isinstance(x, FactCheckError)]
    done = iter(step(ok) if ok else [])
    return [x if isinstance(x, FactCheckError) else next(done) for x in items]
