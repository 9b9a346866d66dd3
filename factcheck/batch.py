"""Batch claim checks: rows in (CSV, JSONL, or a folder of articles), reports out.

Rows are checked in chunks through ``FactChecker.check_many`` (claims embedded and scored
together), written and flushed one by one in input order, so a killed run loses nothing and
``resume`` picks up after the last complete row.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import FactCheckError, InputError
from .export import CSV_FIELDS, csv_row, json_line, to_claimreview, to_markdown
from .ingest import iter_paths, read_file
from .types import Claim, Verdict

FORMATS = ("jsonl", "csv", "md", "claimreview")


@dataclass(frozen=True, slots=True)
class Row:
    """One claim to check. ``claim`` may be pre-extracted (from an article)."""

    id: str
    text: str
    line: int
    dateline: dt.date | None = None
    source_filter: str | None = None
    claim: Claim | None = None


@dataclass(frozen=True, slots=True)
class BadRow:
    id: str
    line: int
    error: str


@dataclass
class Summary:
    counts: Counter[str] = field(default_factory=Counter)
    failed: int = 0
    skipped: int = 0
    seconds: float = 0.0

    @property
    def checked(self) -> int:
        return sum(self.counts.values())

    def line(self) -> str:
        parts = ", ".join(f"{n} {k}" for k, n in sorted(self.counts.items()))
        rate = self.checked / self.seconds if self.seconds else 0.0
        return (
            f"{self.checked} checked ({parts or 'none'}), {self.failed} failed, "
            f"{self.skipped} skipped (resume); {self.seconds:.1f}s, {rate:.1f} claims/s"
        )


def _date(value: str, line: int) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"line {line}: dateline {value!r} is not YYYY-MM-DD") from None


def _row(obj: dict[str, Any], line: int, max_chars: int) -> Row | BadRow:
    rid = str(obj.get("id") or f"row-{line}")
    claim = obj.get("claim")
    try:
        if "claim" not in obj:
            found = ", ".join(sorted(map(str, obj))) or "nothing"
            raise InputError(f"line {line}: no 'claim' field (found: {found})")
        if not isinstance(claim, str) or not claim.strip():
            raise InputError(f"line {line}: the claim is empty")
        if len(claim) > max_chars:
            raise InputError(
                f"line {line}: claim is {len(claim):,} characters; limit {max_chars:,}"
            )
        return Row(
            rid,
            claim.strip(),
            line,
            _date(str(obj.get("dateline") or ""), line),
            str(obj.get("source_filter") or "") or None,
        )
    except InputError as ex:
        return BadRow(rid, line, str(ex))


def read_rows(
    path: Path, max_chars: int, extract: Callable[[str, str], list[Claim]] | None = None
) -> Iterator[Row | BadRow]:
    """Rows from a CSV (``claim`` column; optional ``id``, ``dateline``, ``source_filter``),
    a JSONL file, or a folder of articles (claims extracted with ``extract``)."""
    if path.is_dir():
        if extract is None:
            raise InputError("a folder of articles needs a claim extractor")
        for n, f in enumerate(iter_paths([path]), 1):
            try:
                src, _ = read_file(f)
                for j, c in enumerate(extract(src.text, f.name), 1):
                    yield Row(f"{f.name}#{j}", c.text, n, c.dateline, None, c)
            except FactCheckError as ex:
                yield BadRow(f.name, n, str(ex))
        return
    if not path.exists():
        raise InputError(f"{path}: no such file")
    suffix = path.suffix.lower()
    try:
        fh = path.open(encoding="utf-8-sig", newline="")
    except OSError as ex:
        raise InputError(f"{path}: cannot be read ({ex.strerror})") from None
    with fh:
        if suffix == ".csv":
            reader = csv.DictReader(fh)
            if not reader.fieldnames or "claim" not in reader.fieldnames:
                raise InputError(
                    f"{path}: a CSV needs a 'claim' column; found "
                    f"{', '.join(reader.fieldnames or []) or 'no header'}"
                )
            for rec in reader:
                line = reader.line_num
                if None in rec:
                    yield BadRow(
                        str(rec.get("id") or f"row-{line}"),
                        line,
                        f"line {line}: more cells than columns",
                    )
                    continue
                yield _row(rec, line, max_chars)
        elif suffix in (".jsonl", ".ndjson", ".json"):
            for line, text in enumerate(fh, 1):
                if not text.strip():
                    continue
                try:
                    obj = json.loads(text)
                except json.JSONDecodeError as ex:
                    yield BadRow(f"row-{line}", line, f"line {line}: broken JSON ({ex.msg})")
                    continue
                if not isinstance(obj, dict):
                    yield BadRow(f"row-{line}", line, f"line {line}: expected a JSON object")
                    continue
                yield _row(obj, line, max_chars)
        else:
            raise InputError(f"{path}: use a .csv or .jsonl file, or a folder of articles")


def _done_ids(path: Path, fmt: str) -> set[str]:
    """Ids already written (resume). A half-written last line from a killed run is cut off."""
    if not path.exists():
        return set()
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        data = data[: data.rfind(b"\n") + 1]
        path.write_bytes(data)
    text = data.decode("utf-8")
    if fmt == "csv":
        return {r["id"] for r in csv.DictReader(text.splitlines())}
    ids = set()
    for line in text.splitlines():
        try:
            ids.add(str(json.loads(line)["id"]))
        except (json.JSONDecodeError, KeyError, TypeError):
            continue
    return ids


class _Writer:
    """Appends rows and flushes each one; md/claimreview keep a JSONL journal and render it
    at the end (they cannot be appended to)."""

    def __init__(self, out: Path | None, fmt: str, resume: bool, **export_kw: Any) -> None:
        self.fmt, self.out, self.export_kw = fmt, out, export_kw
        self.journal = (
            out.with_name(out.name + ".partial.jsonl")
            if out and fmt in ("md", "claimreview")
            else None
        )
        target = self.journal or out
        self.done = (
            _done_ids(target, "csv" if fmt == "csv" else "jsonl") if (resume and target) else set()
        )
        if target is None:
            import sys

            self.fh: Any = sys.stdout
        else:
            mode = "a" if resume and target.exists() else "w"
            self.fh = target.open(mode, encoding="utf-8", newline="")
        self.csv = None
        if fmt == "csv":
            self.csv = csv.DictWriter(self.fh, fieldnames=CSV_FIELDS)
            if not (resume and self.done) and (target is None or self.fh.tell() == 0):
                self.csv.writeheader()

    def write(self, row: dict[str, Any]) -> None:
        if self.csv is not None:
            self.csv.writerow(csv_row(row))
        else:
            self.fh.write(json_line(row) + "\n")
        self.fh.flush()
        if self.out is not None:
            os.fsync(self.fh.fileno())

    def close(self) -> None:
        if self.out is not None:
            self.fh.close()
        if self.journal is not None and self.out is not None:
            rows = [
                json.loads(x) for x in self.journal.read_text(encoding="utf-8").splitlines() if x
            ]
            body = to_markdown(rows) if self.fmt == "md" else to_claimreview(rows, **self.export_kw)
            self.out.write_text(body, encoding="utf-8")
            self.journal.unlink()


def run_batch(
    checker: Any,
    input_path: Path,
    *,
    out: Path | None = None,
    fmt: str = "jsonl",
    workers: int = 1,
    resume: bool = False,
    chunk: int = 32,
    progress: Callable[[int, int | None], None] | None = None,
    on_error: Callable[[BadRow], None] | None = None,
) -> Summary:
    """Check every row of ``input_path``; returns counts per verdict and failures."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if workers < 1:
        raise InputError("workers must be at least 1")
    if resume and out is None:
        raise InputError("--resume needs --out FILE")
    t0 = time.perf_counter()
    s = checker.settings
    rows = list(
        read_rows(input_path, s.max_claim_chars, lambda text, name: checker.extract_claims(text))
    )
    writer = _Writer(out, fmt, resume, author=s.author, publisher_url=s.publisher_url)
    summary = Summary()
    todo: list[Row | BadRow] = []
    for r in rows:
        if r.id in writer.done:
            summary.skipped += 1
        else:
            todo.append(r)
    chunks = [todo[i : i + chunk] for i in range(0, len(todo), chunk)]

    def work(part: list[Row | BadRow]) -> list[dict[str, Any]]:
        good = [r for r in part if isinstance(r, Row)]
        claims: list[Claim | str] = [r.claim or r.text for r in good]
        results: dict[int, dict[str, Any]] = {}
        by_date: dict[tuple[dt.date | None, str | None], list[int]] = {}
        for i, r in enumerate(good):
            by_date.setdefault((r.dateline, r.source_filter), []).append(i)
        for (dateline, src), idx in by_date.items():
            outs = checker.check_many([claims[i] for i in idx], dateline=dateline, source=src)
            for i, v in zip(idx, outs, strict=True):
                r = good[i]
                if isinstance(v, Verdict):
                    results[id(r)] = {"id": r.id, **v.to_dict()}
                else:
                    results[id(r)] = {"id": r.id, "line": r.line, "error": str(v)}
        return [
            results[id(r)] if isinstance(r, Row) else {"id": r.id, "line": r.line, "error": r.error}
            for r in part
        ]

    try:
        done = 0
        with ThreadPoolExecutor(max_workers=workers) as pool:
            for part_rows in pool.map(work, chunks):
                for row in part_rows:
                    writer.write(row)
                    if "error" in row:
                        summary.failed += 1
                        if on_error:
                            on_error(BadRow(row["id"], row.get("line", 0), row["error"]))
                    else:
                        summary.counts[row["label"]] += 1
                    done += 1
                    if progress:
                        progress(done, len(todo))
    finally:
        writer.close()
    summary.seconds = time.perf_counter() - t0
    return summary
