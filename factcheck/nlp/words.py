"""Word matching: synonym groups (from the language tables) and shared stems."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache, lru_cache

from factcheck.lang import Vocabulary, resolve


@cache
def _canon_table(vocab: Vocabulary) -> dict[str, str]:
    """Each entry of a synonym group -> the group's first word. An entry "talk:NOUN" holds
    for that part of speech only; a bare entry for every part of speech."""
    out: dict[str, str] = {}
    for group in vocab.synonyms:
        rep = group[0].partition(":")[0]
        for w in group:
            out[w] = rep
    return out


def canon(lemma: str, pos: str = "", *, vocab: Vocabulary | None = None) -> str:
    """Map a lemma to its synonym group's representative (or itself); ``pos`` (spaCy's
    coarse tag) picks between the senses of a word listed under two parts of speech."""
    table = _canon_table(resolve(vocab))
    if pos:
        hit = table.get(f"{lemma}:{pos}")
        if hit is not None:
            return hit
    return table.get(lemma, lemma)


@cache
def canon_set(
    words: frozenset[str], pos: tuple[str, ...] = ("VERB", "NOUN"), *, vocab: Vocabulary
) -> frozenset[str]:
    """A lexicon word class as the lemmas the analyser keeps (each synonym group's
    representative), under each of the parts of speech ``pos``; computed once per class."""
    return frozenset(canon(w, p, vocab=vocab) for w in words for p in pos)


def fuzzy_in(word: str, pool: Iterable[str]) -> bool:
    """Exact, or (for longer words) a shared stem: 'crimean' ~ 'crimea', 'invasion' ~ 'invade'."""
    if word in pool:
        return True
    if len(word) < 5:
        return False
    if isinstance(pool, frozenset):
        # Every comparison of a check asks this of the same few pools: index them once by
        # the five-letter prefix that any shared stem must start with.
        candidates: Iterable[str] = _by_prefix(pool).get(word[:5], ())
    else:
        candidates = pool
    return any(len(w) >= 5 and same_stem(word, w) for w in candidates)


@lru_cache(maxsize=8192)
def _by_prefix(pool: frozenset[str]) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for w in pool:
        if len(w) >= 5:
            index.setdefault(w[:5], []).append(w)
    return {k: tuple(v) for k, v in index.items()}


def same_stem(a: str, b: str) -> bool:
    """A shared prefix of at least 5 letters and 80% of the shorter word:
    crimea/crimean, expand/expansion; not country/counterpart."""
    need = max(5, -(-4 * min(len(a), len(b)) // 5))
    return a[:need] == b[:need]


def overlap(words: frozenset[str], pool: frozenset[str]) -> float:
    """Share of ``words`` found in ``pool`` (stems included)."""
    if not words:
        return 0.0
    return sum(1 for w in words if fuzzy_in(w, pool)) / len(words)
