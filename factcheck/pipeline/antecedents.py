"""Where a pronoun speaker is named (nlp/speech.py): news copy names a speaker once and
then gives them several paragraphs ("He stated ...", "He also said ...", a quoted
paragraph). A passage is read with the passage before it; when that one names no one,
the passages before it are fetched too, nearest first, until one names a person, or
``Thresholds.antecedent_passages`` have been read. One round trip a step, for all the
passages that need it."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

from factcheck.nlp.facts import TextFacts
from factcheck.nlp.speech import awaits_speaker, names_a_speaker
from factcheck.types import Passage

K = TypeVar("K", bound=Hashable)


def earlier_passages(
    passages: list[Passage],
    near: dict[str, Passage],
    facts: dict[str, TextFacts],
    get: Callable[[list[str]], dict[str, Passage]],
    analyze: Callable[[list[Passage]], list[TextFacts]],
    depth: int,
) -> dict[str, tuple[TextFacts, ...]]:
    """For each passage whose speaker may be named further back (:func:`awaits_speaker`),
    the facts of the passages before its context, nearest first (by id). ``near`` and
    ``facts`` hold the passages already read and gain those fetched here."""
    seen = {p.id: p for p in passages} | near
    starts: dict[str, str] = {}
    for p in passages:
        ctx = seen.get(p.prev_id) if p.prev_id else None
        f = facts.get(p.id)
        if ctx is None or f is None or p.id in starts:
            continue
        if ctx.prev_id and awaits_speaker(f, facts.get(ctx.id)):
            starts[p.id] = ctx.prev_id
    found = walk_back(
        starts, lambda _, f: names_a_speaker(f, person=True), seen, near, facts, get, analyze, depth
    )
    return {pid: fs for pid, fs in found.items() if fs}


def walk_back(
    starts: dict[K, str],
    stop: Callable[[K, TextFacts], bool],
    seen: dict[str, Passage],
    near: dict[str, Passage],
    facts: dict[str, TextFacts],
    get: Callable[[list[str]], dict[str, Passage]],
    analyze: Callable[[list[Passage]], list[TextFacts]],
    depth: int,
) -> dict[K, tuple[TextFacts, ...]]:
    """From each start (a key, and the id of the first passage back to read), the facts of
    the passages read back through the source, nearest first, up to the first for which
    ``stop(key, facts)`` holds (included), the source's start, or ``depth`` passages. One
    store round trip a step for all the keys; ``seen``, ``near`` and ``facts`` gain the
    passages fetched."""
    out: dict[K, list[TextFacts]] = {k: [] for k in starts}
    at = dict(starts)  # key -> the id of the next passage back to read
    for _ in range(depth):
        if not at:
            break
        want = sorted({q for q in at.values() if q not in seen})
        if want:
            got = get(want)
            fresh = [got[q] for q in want if q in got and q not in facts]
            near.update(got)
            seen.update(got)
            facts.update(zip((q.id for q in fresh), analyze(fresh), strict=True))
        for key, q in list(at.items()):
            f = facts.get(q) if q in seen else None
            if f is None:
                del at[key]  # not in the store: the source's start or a lost passage
                continue
            out[key].append(f)
            prev = seen[q].prev_id
            if stop(key, f) or not prev:
                del at[key]
            else:
                at[key] = prev
    return {k: tuple(fs) for k, fs in out.items()}
