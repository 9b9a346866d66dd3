"""Model folders: a hash of their weights (the provenance of a verdict, the identity of a
store's embedder) and their names; and one helper that loads a model once, under a lock."""

from __future__ import annotations

import functools
import hashlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")


@functools.lru_cache(maxsize=8)
def weights_hash(folder: str) -> str:
    """sha256 (first 16 hex digits) over the model's weight files, in name order."""
    h = hashlib.sha256()
    files = sorted(
        p for p in Path(folder).iterdir() if p.suffix in (".safetensors", ".bin", ".onnx")
    )
    for p in files:
        with p.open("rb") as fh:
            while block := fh.read(1 << 20):
                h.update(block)
    return h.hexdigest()[:16] if files else ""


@functools.lru_cache(maxsize=8)
def model_name(folder: str) -> str:
    """The model card's title, else the folder's name."""
    card = Path(folder) / "MODEL_CARD.md"
    if card.exists():
        first = card.read_text(encoding="utf-8").split("\n", 1)[0].lstrip("# ").strip()
        if first:
            return first
    return Path(folder).name


class Lazy(Generic[T]):
    """A value built on first use, once, even when many threads ask at the same time.

    ``Lazy(load)`` calls ``load()`` on the first ``get()``; a failed load raises and is
    tried again on the next ``get()``."""

    def __init__(self, load: Callable[[], T]) -> None:
        self._load = load
        self._lock = threading.Lock()
        self._value: T | None = None
        self._done = False

    def get(self) -> T:
        if not self._done:
            with self._lock:
                if not self._done:
                    self._value = self._load()
                    self._done = True
        return self._value  # type: ignore[return-value]


def warm_in_background(loads: list[Callable[[], object] | None]) -> list[threading.Thread]:
    """Run each load in a daemon thread now. A failure is logged at debug level and raised
    again, with its message, by the first call that needs the model; at exit the loads are
    let finish (a model library killed mid-load aborts the process)."""
    import atexit
    import logging

    log = logging.getLogger(__name__)

    def quietly(fn: Callable[[], object]) -> Callable[[], None]:
        def run() -> None:
            try:
                fn()
            except Exception:
                log.debug("background warm-up failed", exc_info=True)

        return run

    threads = [threading.Thread(target=quietly(f), daemon=True) for f in loads if f is not None]
    for t in threads:
        t.start()

    def join_all() -> None:
        for t in threads:
            t.join()

    atexit.register(join_all)
    return threads
