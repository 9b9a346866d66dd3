"""How a passage is kept in Chroma: its flat metadata, read back into a Passage; the
``where`` filters of the usual newsroom searches; and reads that page, so that no call
sends SQLite more ids or variables than it takes (36k passages of one source did)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import PurePath
from typing import Any

from factcheck.errors import InputError
from factcheck.types import Passage, QuoteRun, Source, SourceInfo

READ_PAGE = 5000  # records per read (SQLite's variable limit is 32,766)


def _date_ord(d: dt.date | None) -> int:
    return d.toordinal() if d else 0


def passage_metadata(
    p: Passage, src: Source | None = None, total: int | None = None
) -> dict[str, Any]:
    """Flat metadata Chroma can store and filter on (no None values allowed there).
    ``total``: how many passages the whole source has, so that a source a killed run left
    half-written is known to be incomplete."""
    md: dict[str, Any] = {
        "source_id": p.source_id,
        "title": p.title,
        "start": p.start,
        "end": p.end,
        "dateline": p.dateline.isoformat() if p.dateline else "",
        "date_ord": _date_ord(p.dateline),
        "url": p.url,
        "prev_id": p.prev_id,
        "next_id": p.next_id,
        "lead_id": p.lead_id,
        "trust": float(p.trust),
    }
    if src is not None:
        md["content_hash"] = src.content_hash
        md["outlet"] = src.outlet
        md["author"] = src.author
        md["version"] = int(src.version)
    if total is not None:
        md["source_passages"] = int(total)
    if p.date_order:
        md["date_order"] = p.date_order
    if p.quote_run:
        md["quote_run"] = p.quote_run.encode()
    if p.facts:
        md["facts"] = p.facts
        md["facts_version"] = p.facts_version
    return md


def passage_from_record(pid: str, text: str, md: dict[str, Any], score: float | None) -> Passage:
    dl = md.get("dateline") or ""
    return Passage(
        id=pid,
        text=text,
        source_id=str(md.get("source_id", "")),
        title=str(md.get("title", "")),
        start=int(md.get("start", 0)),
        end=int(md.get("end", len(text))),
        dateline=dt.date.fromisoformat(dl) if dl else None,
        url=str(md.get("url", "")),
        score=score,
        prev_id=str(md.get("prev_id", "")),
        next_id=str(md.get("next_id", "")),
        lead_id=str(md.get("lead_id", "")),
        trust=float(md.get("trust", 1.0)),
        date_order=str(md.get("date_order", "")),
        quote_run=QuoteRun.decode(str(md.get("quote_run", ""))),
        facts=str(md.get("facts", "")),
        facts_version=str(md.get("facts_version", "")),
    )


def build_where(
    source: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any] | None:
    """A Chroma ``where`` filter from the usual newsroom filters (source, date range)."""
    clauses: list[dict[str, Any]] = []
    if source:
        clauses.append({"source_id": source})
    if date_from:
        clauses.append({"date_ord": {"$gte": date_from.toordinal()}})
    if date_to:
        clauses.append({"date_ord": {"$lte": date_to.toordinal()}})
    if extra:
        clauses.extend({k: v} for k, v in extra.items())
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def pages(collection: Any, where: dict[str, Any] | None, include: list[str]) -> Iterator[Any]:
    """``collection.get`` a page of READ_PAGE records at a time."""
    offset = 0
    while True:
        got = collection.get(where=where, include=include, limit=READ_PAGE, offset=offset)
        if not got["ids"]:
            return
        yield got
        if len(got["ids"]) < READ_PAGE:
            return
        offset += len(got["ids"])


@dataclass
class Stored:
    """What the store holds of one source: its passage ids, content hashes, trusts, the
    passage counts its passages were written with (0 in stores that predate them) and its
    versions (NewsML-G2; 0 for other formats and older stores)."""

    ids: list[str]
    hashes: set[str]
    trusts: set[float]
    totals: set[int]
    versions: set[int] = field(default_factory=set)

    @property
    def version(self) -> int | None:
        """The version stored (the highest, should a cut-short write have left two), or
        None when nothing of the source is stored."""
        return max(self.versions, default=0) if self.ids else None

    def complete(self, content_hash: str) -> bool:
        """All of this text's passages are there (a killed run leaves fewer)."""
        if not self.ids or self.hashes != {content_hash}:
            return False
        return self.totals <= {0} or self.totals == {len(self.ids)}

    def partial(self, content_hash: str) -> bool:
        """Some, not all, of this text's passages are there: an interrupted ingest."""
        return bool(self.ids) and self.hashes == {content_hash} and not self.complete(content_hash)


def stored(collection: Any, source_id: str) -> Stored:
    out = Stored([], set(), set(), set())
    for got in pages(collection, {"source_id": source_id}, ["metadatas"]):
        out.ids += list(got["ids"])
        for m in got["metadatas"] or []:
            out.hashes.add(str(m.get("content_hash", "")))
            out.trusts.add(float(m.get("trust", 1.0)))
            out.totals.add(int(m.get("source_passages", 0) or 0))
            out.versions.add(int(m.get("version", 0) or 0))
    return out


def source_infos(collection: Any) -> list[SourceInfo]:
    """Each stored source with its passage count, by title (read a page at a time)."""
    agg: dict[str, SourceInfo] = {}
    mds = (md for got in pages(collection, None, ["metadatas"]) for md in got["metadatas"])
    for md in mds:
        sid = str(md.get("source_id", ""))
        if sid in agg:
            agg[sid] = replace(agg[sid], passages=agg[sid].passages + 1)
        else:
            dl = md.get("dateline") or ""
            agg[sid] = SourceInfo(
                id=sid,
                title=str(md.get("title", "")),
                passages=1,
                dateline=dt.date.fromisoformat(str(dl)) if dl else None,
                url=str(md.get("url", "")),
                trust=float(md.get("trust", 1.0)),
                version=int(md.get("version", 0) or 0),
            )
    return sorted(agg.values(), key=lambda s: (s.title.lower(), s.id))


# Ids per read at most: Chroma asks SQLite with a variable per id (32,766 at most).
IDS_PER_READ = 10_000


def _parts(ids: list[str]) -> Iterator[list[str]]:
    wanted = sorted({i for i in ids if i})
    for at in range(0, len(wanted), IDS_PER_READ):
        yield wanted[at : at + IDS_PER_READ]


def vectors_by_id(collection: Any, ids: list[str]) -> dict[str, Any]:
    """Stored embeddings by passage id, a read per 10,000; missing ids are absent."""
    out: dict[str, Any] = {}
    for part in _parts(ids):
        got = collection.get(ids=part, include=["embeddings"])
        if got["embeddings"] is not None:
            out.update(zip(got["ids"], got["embeddings"], strict=True))
    return out


def passages_by_id(collection: Any, ids: list[str]) -> dict[str, Passage]:
    """Passages by id, a read per 10,000; missing ids are absent."""
    out: dict[str, Passage] = {}
    for part in _parts(ids):
        got = collection.get(ids=part, include=["documents", "metadatas"])
        rows = zip(got["ids"], got["documents"] or [], got["metadatas"] or [], strict=True)
        out.update((i, passage_from_record(i, d, dict(m or {}), None)) for i, d, m in rows)
    return out


def source_by_title(infos: list[SourceInfo], name: str) -> str:
    """The id of the one source titled ``name``, else of the one whose file is named so
    (what a user sees in their folder)."""
    for what, hits in (
        ("titled", [s for s in infos if s.title == name]),
        ("named", [s for s in infos if name and PurePath(s.id).name == name]),
    ):
        if len(hits) == 1:
            return hits[0].id
        if len(hits) > 1:
            ids = ", ".join(h.id for h in hits[:3])
            raise InputError(
                f"{len(hits)} sources are {what} {name!r} ({ids}); give the id or path instead"
            )
    raise InputError(f"No source {name!r} in the store; `factcheck sources` lists them")
