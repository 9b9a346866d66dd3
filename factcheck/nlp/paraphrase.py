"""Words that mean the same thing, from the embedding model rather than a word list.

A reporter writes "soldiers" where the wire had "troops": the two count the same thing.
Which nouns are interchangeable is read off the shipped sentence embedder (cosine of the
words' embeddings) instead of a synonym list grown story by story. Words are embedded once
(in one batch per check) and kept, so the rules stay pure functions over a lookup."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

import numpy as np

from factcheck.nlp.words import same_stem

if TYPE_CHECKING:
    from factcheck.nlp.facts import TextFacts

Like = Callable[[str, str], bool]


def exact(a: str, b: str) -> bool:
    """The default: the same lemma, or a shared stem ('crimea' / 'crimean')."""
    return a == b or (len(a) >= 5 and len(b) >= 5 and same_stem(a, b))


def value_words(facts: Iterable[TextFacts]) -> Iterator[str]:
    """The words that :func:`~factcheck.rules.align.align` asks about: each value's counted
    noun and the word it attaches to."""
    for f in facts:
        for v in f.found:
            yield v.value.noun
            yield v.anchor


class WordSimilarity:
    """``like(a, b)``: the same word, a shared stem, or embeddings at least ``threshold``
    apart in cosine. Only words seen by :meth:`prime` are compared by embedding (a rule
    never triggers a model call); the cache keeps the ``cache_size`` latest words."""

    def __init__(
        self,
        embed: Callable[[list[str]], Sequence[Sequence[float]]],
        threshold: float,
        cache_size: int = 50_000,
    ) -> None:
        self._embed = embed
        self.threshold = threshold
        self._cache_size = cache_size
        self._vecs: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def prime(self, words: Iterable[str]) -> None:
        """Embed, in one batch, the words not yet known."""
        with self._lock:
            todo = sorted({w for w in words if w and w not in self._vecs})
        if not todo:
            return
        raw = np.asarray(self._embed(todo), dtype=np.float32)
        norms = np.linalg.norm(raw, axis=1, keepdims=True)
        vecs = (raw / np.where(norms == 0, 1.0, norms)).astype(np.float32)
        with self._lock:
            for w, v in zip(todo, vecs, strict=True):
                self._vecs[w] = v
            while len(self._vecs) > self._cache_size:
                self._vecs.popitem(last=False)

    def similarity(self, a: str, b: str) -> float | None:
        """Cosine of two primed words (None when either is unknown)."""
        va, vb = self._vecs.get(a), self._vecs.get(b)
        if va is None or vb is None:
            return None
        return float(va @ vb)

    def __call__(self, a: str, b: str) -> bool:
        if exact(a, b):
            return True
        sim = self.similarity(a, b)
        return sim is not None and sim >= self.threshold
