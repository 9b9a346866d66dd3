"""Analyse once, at ingest (issue #31): each passage's facts are computed when it is
written and stored with it (nlp/facts_record.py), stamped with the analyser's
fingerprint. A check reads them back instead of parsing the passage; a passage stored by
another analysis (or before this one) is parsed as before, and ``refresh_facts``
(``factcheck reindex``) brings the store up to date."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from factcheck.nlp.facts import Analyzer, TextFacts
from factcheck.nlp.facts_record import facts_from_record, facts_record
from factcheck.nlp.speech import QuoteRunFacts
from factcheck.types import Passage

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

# What the calendar or the parser can raise on a bad passage or dateline (steps.py uses it).
BAD_PASSAGE = (ArithmeticError, ValueError)
_REFRESH_PAGE = 500


def analyze_passages(analyzer: Analyzer, passages: list[Passage]) -> list[TextFacts]:
    """Parse passages in one batch, each against its own dateline and its source's date
    order (a dateline the calendar cannot count from is ignored for that passage)."""
    items = [(p.text, p.dateline, p.date_order or None) for p in passages]
    return analyzer.analyze_dated(items, lenient=True)


def _mark(analyzer: Analyzer, p: Passage) -> str:
    """The fingerprint of the analysis that reads this passage."""
    return analyzer.fingerprint_for(p.date_order or None)


def passage_facts(analyzer: Analyzer, passages: list[Passage]) -> list[TextFacts]:
    """The passages' facts: as stored at ingest when this analysis stored them, else
    parsed now."""
    out: list[TextFacts | None] = [None] * len(passages)
    todo = []
    for i, p in enumerate(passages):
        if p.facts and p.facts_version == _mark(analyzer, p):
            try:
                out[i] = facts_from_record(p.facts, p.text, analyzer.own_vocab)
                continue
            except ValueError:
                logger.info("passage %s: its stored facts cannot be read; parsed", p.id)
        todo.append(i)
    if todo:
        for i, f in zip(todo, analyze_passages(analyzer, [passages[i] for i in todo]), strict=True):
            out[i] = f
    return [f for f in out if f is not None]


def run_facts(p: Passage, facts: dict[str, TextFacts]) -> QuoteRunFacts | None:
    """The facts of the passages where a quotation ``p`` is inside names its speaker
    (nlp/quote_runs.py): the one before the run, its first and its last."""
    if p.quote_run is None:
        return None
    before, first, last = (facts.get(q) if q else None for q in p.quote_run)
    return before, first, last


def annotator(analyzer: Analyzer) -> Callable[[list[Passage]], list[Passage]]:
    """What the store calls on the passages it is about to write: each gets its facts."""

    def annotate(passages: list[Passage]) -> list[Passage]:
        facts = analyze_passages(analyzer, passages)
        return [
            replace(p, facts=facts_record(f), facts_version=_mark(analyzer, p))
            for p, f in zip(passages, facts, strict=True)
        ]

    return annotate


def refresh_facts(
    collection: Any, analyzer: Analyzer, progress: Callable[[int, int], None] | None = None
) -> int:
    """Recompute the stored facts that another analysis wrote (or none did); returns how
    many passages were parsed. Texts, vectors and the other metadata stay."""
    from factcheck.sources.records import pages, passage_from_record

    stale: list[Passage] = []
    for got in pages(collection, None, ["documents", "metadatas"]):
        for pid, doc, md in zip(got["ids"], got["documents"], got["metadatas"], strict=True):
            p = passage_from_record(pid, doc or "", dict(md or {}), None)
            if p.facts_version != _mark(analyzer, p):
                stale.append(p)
    annotate = annotator(analyzer)
    done = 0
    for i in range(0, len(stale), _REFRESH_PAGE):
        part = annotate(stale[i : i + _REFRESH_PAGE])
        got = collection.get(ids=[p.id for p in part], include=["metadatas"])
        by_id = {pid: dict(md or {}) for pid, md in zip(got["ids"], got["metadatas"], strict=True)}
        keep = [p for p in part if p.id in by_id]
        collection.update(
            ids=[p.id for p in keep],
            metadatas=[
                {**by_id[p.id], "facts": p.facts, "facts_version": p.facts_version} for p in keep
            ],
        )
        done += len(part)
        if progress:
            progress(done, len(stale))
    return done


def refresh_runs(collection: Any, cuts: Iterable[list[Passage]]) -> int:
    """Store the quotation run (nlp/quote_runs.py) that a fresh cut of each source gives
    its passages, where the store holds another (a store made before runs were found);
    returns how many passages changed. ``cuts``: each stored source cut again; a passage
    the store does not hold (another passage size) is left alone."""
    from factcheck.sources.records import IDS_PER_READ

    changed = 0
    for passages in cuts:
        want = {p.id: p.quote_run.encode() if p.quote_run else "" for p in passages}
        ids = list(want)
        for at in range(0, len(ids), IDS_PER_READ):
            got = collection.get(ids=ids[at : at + IDS_PER_READ], include=["metadatas"])
            stale = [
                (pid, {**dict(md or {}), "quote_run": want[pid]})
                for pid, md in zip(got["ids"], got["metadatas"], strict=True)
                if str((md or {}).get("quote_run", "")) != want[pid]
            ]
            if stale:
                collection.update(ids=[x for x, _ in stale], metadatas=[m for _, m in stale])
            changed += len(stale)
    return changed
