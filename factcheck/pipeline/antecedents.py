"""Where a pronoun speaker is named (nlp/speech.py): news copy names a speaker once and
then gives them several paragraphs ("He stated ...", "He also said ...", a quoted
paragraph). A passage is read with the passage before it; when that one names no one,
the passages before it are fetched too, nearest first, until one names a person, or
``Thresholds.antecedent_passages`` have been read. One round trip a step, for all the
passages that need it."""

from __future__ import annotations

from collections.abc import Callable

from factcheck.nlp.facts import TextFacts
from factcheck.nlp.speech import awaits_speaker, names_a_speaker
from factcheck.types import Passage


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
    out: dict[str, list[TextFacts]] = {}
    at: dict[str, str] = {}  # passage id -> the id of the next passage back to read
    for p in passages:
        ctx = seen.get(p.prev_id) if p.prev_id else None
        f = facts.get(p.id)
        if ctx is None or f is None or p.id in at:
            continue
        if ctx.prev_id and awaits_speaker(f, facts.get(ctx.id)):
            out[p.id] = []
            at[p.id] = ctx.prev_id
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
        for pid, q in list(at.items()):
            f = facts.get(q) if q in seen else None
            if f is None:
                del at[pid]  # not in the store: the source's start or a lost passage
                continue
            out[pid].append(f)
            prev = seen[q].prev_id
            if names_a_speaker(f, person=True) or not prev:
                del at[pid]
            else:
                at[pid] = prev
    return {pid: tuple(fs) for pid, fs in out.items() if fs}
