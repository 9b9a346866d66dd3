"""Batch claim checks: rows in (CSV, JSONL, or a folder of articles), reports out.

Rows are checked in chunks through ``FactChecker.check_many`` (claims embedded and scored
together), written and flushed one by one in input order, so a killed run loses nothing and
``resume`` picks up after the last complete row.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.errors import FactCheckError, InputError
from factcheck.interfaces.batch.report_file import FORMATS, ReportWriter, refuse_overwrite
from factcheck.pipeline import arguments
from factcheck.sources.hygiene import csv_safe
from factcheck.sources.readers import decode_bytes, iter_paths, read_bytes, read_file
from factcheck.types import Claim, Verdict

__all__ = ["FORMATS", "BadRow", "Row", "Summary", "read_rows", "run_batch"]

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

# Python's csv module refuses fields over 128 KiB by default; an over-long claim must
# become an error row (with its line number), not stop the batch.
_CSV_FIELD_LIMIT = 2**31 - 1


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


_JSON_TYPES = {
    bool: "a boolean",
    int: "a number",
    float: "a number",
    list: "a list",
    dict: "an object",
}


def _type_name(value: object) -> str:
    return "null" if value is None else _JSON_TYPES.get(type(value), type(value).__name__)


def _text_field(obj: dict[str, Any], key: str, line: int) -> str:
    value = obj.get(key)
    if value is None or value == "":
        return ""
    if not isinstance(value, str):
        raise InputError(
            f"line {line}: {key!r} must be text, not {_type_name(value)} ({value!r:.40})"
        )
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in value):
        raise InputError(f"line {line}: {key!r} is not valid UTF-8 text")
    return value


def _date(value: str, line: int) -> dt.date | None:
    if not value.strip():
        return None
    try:
        return arguments.date(value.strip()[:40])
    except InputError as ex:
        raise InputError(f"line {line}: {ex}") from None


def _row(obj: dict[str, Any], line: int, max_chars: int) -> Row | BadRow:
    raw_id = obj.get("id")
    rid = str(raw_id) if isinstance(raw_id, str | int) and str(raw_id).strip() else f"row-{line}"
    try:
        if "claim" not in obj:
            found = ", ".join(sorted(map(str, obj))) or "nothing"
            raise InputError(f"line {line}: no 'claim' field (found: {found:.200})")
        claim = _text_field(obj, "claim", line)
        if not claim.strip():
            raise InputError(f"line {line}: the claim is empty")
        if len(claim) > max_chars:
            raise InputError(
                f"line {line}: claim is {len(claim):,} characters; limit {max_chars:,}"
            )
        return Row(
            rid,
            claim.strip(),
            line,
            _date(_text_field(obj, "dateline", line), line),
            _text_field(obj, "source_filter", line).strip() or None,
        )
    except InputError as ex:
        return BadRow(rid, line, str(ex))


def _read_input(path: Path) -> str:
    """The whole input file as text. Bytes that are not UTF-8 survive as surrogates, so
    only the rows that hold them fail."""
    data = read_bytes(path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return decode_bytes(data, str(path))
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: looks like a binary file, not CSV or JSONL")
    return data.decode("utf-8", errors="surrogateescape")


def _csv_rows(path: Path, text: str, max_chars: int) -> Iterator[Row | BadRow]:
    csv.field_size_limit(_CSV_FIELD_LIMIT)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        fields = reader.fieldnames
    except csv.Error as ex:
        raise InputError(f"{path}: the header row cannot be read ({ex})") from None
    if not fields or "claim" not in fields:
        raise InputError(
            f"{path}: a CSV needs a 'claim' column; found {', '.join(fields or []) or 'no header'}"
        )
    while True:
        start = reader.line_num + 1
        try:
            rec = next(reader)
        except StopIteration:
            return
        except csv.Error as ex:
            yield BadRow(f"row-{start}", start, f"line {start}: unreadable CSV ({ex})")
            continue
        line = reader.line_num
        if None in rec:
            rid = str(rec.get("id") or f"row-{line}")
            yield BadRow(rid, line, f"line {line}: more cells than columns")
            continue
        yield _row(rec, line, max_chars)


def _jsonl_rows(text: str, max_chars: int) -> Iterator[Row | BadRow]:
    for line, raw in enumerate(text.split("\n"), 1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as ex:
            yield BadRow(f"row-{line}", line, f"line {line}: broken JSON ({ex.msg})")
            continue
        except (UnicodeError, RecursionError) as ex:
            yield BadRow(f"row-{line}", line, f"line {line}: unreadable JSON ({type(ex).__name__})")
            continue
        if not isinstance(obj, dict):
            yield BadRow(f"row-{line}", line, f"line {line}: expected a JSON object")
            continue
        yield _row(obj, line, max_chars)


def read_rows(
    path: Path, max_chars: int, extract: Callable[[str, str], list[Claim]] | None = None
) -> Iterator[Row | BadRow]:
    """Rows from a CSV (``claim`` column; optional ``id``, ``dateline``, ``source_filter``),
    a JSONL file, or a folder of articles (claims extracted with ``extract``).

    A bad row becomes a ``BadRow`` with its line number; only an input that cannot be read
    at all raises ``InputError``."""
    if path.is_dir():
        if extract is None:
            raise InputError("a folder of articles needs a claim extractor")
        problems: list[tuple[Path, str]] = []
        for n, f in enumerate(iter_paths([path], on_error=lambda p, m: problems.append((p, m))), 1):
            try:
                src, _ = read_file(f)
                for j, c in enumerate(extract(src.text, f.name), 1):
                    yield Row(f"{f.name}#{j}", c.text, n, c.dateline, None, c)
            except FactCheckError as ex:
                yield BadRow(f.name, n, str(ex))
        for p, msg in problems:
            yield BadRow(p.name, 0, msg)
        return
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".jsonl", ".ndjson", ".json"):
        if not path.exists():
            raise InputError(f"{path}: no such file")
        raise InputError(f"{path}: use a .csv or .jsonl file, or a folder of articles")
    text = _read_input(path)
    if suffix == ".csv":
        yield from _csv_rows(path, text, max_chars)
    else:
        yield from _jsonl_rows(text, max_chars)


class _Sources:
    """A batch's source filters, each resolved once (unknown ones become error rows)."""

    def __init__(self, checker: Any) -> None:
        self.checker = checker
        self.known: dict[str, str | InputError] = {}

    def resolve(self, name: str | None) -> str | None:
        if name is None:
            return None
        if name not in self.known:
            try:
                self.known[name] = self.checker.store.resolve_source(name)
            except InputError as ex:
                self.known[name] = ex
        got = self.known[name]
        if isinstance(got, InputError):
            raise got
        return got


def _error_row(r: Row | BadRow, error: str) -> dict[str, Any]:
    return {"id": r.id, "line": r.line, "error": error}


def _check_group(
    checker: Any, rows: list[Row], dateline: dt.date | None, sid: str | None
) -> list[dict[str, Any]]:
    """Verdict rows for claims sharing a dateline and source filter. The pipeline isolates
    a row that fails (its error becomes the row's); a store or model failure stops the run
    (exit 2, resumable)."""
    outs = list(
        checker.check_many([r.claim or r.text for r in rows], dateline=dateline, source=sid)
    )
    result = []
    for r, v in zip(rows, outs, strict=True):
        if isinstance(v, Verdict):
            result.append({"id": r.id, **v.to_dict()})
        else:
            msg = str(v)
            result.append(
                _error_row(r, msg if msg.startswith("line ") else f"line {r.line}: {msg}")
            )
    return result


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
    remember: bool = False,
    shard: tuple[int, int] = (0, 1),
) -> Summary:
    """Check every row of ``input_path``; returns counts per verdict and failures.

    ``shard=(i, n)``: only the rows whose place in the input is i modulo n, so that n
    processes (on one machine or several, against one Chroma server) share one input
    without a row lost or done twice; their JSONL reports together are the whole report.

    A row can fail, the batch cannot: bad rows, unknown source filters and rows that break
    the checker become error rows. Only an unreadable input, an unwritable output or an
    unreadable store raise (``InputError`` / ``StoreError``), and what was written stays.
    With ``remember`` every verdict is also stored as a review (verdict memory)."""
    if workers < 1:
        raise InputError("workers must be at least 1")
    index, count = shard
    if not 0 <= index < count:
        raise InputError(f"shard {index}/{count}: the shard must be 0 to {count - 1} of {count}")
    t0 = time.perf_counter()
    s = checker.settings
    refuse_overwrite(input_path, out)
    writer = ReportWriter(out, fmt, resume, author=s.author, publisher_url=s.publisher_url)
    summary = Summary()
    try:
        rows = list(
            read_rows(
                input_path, s.max_claim_chars, lambda text, name: checker.extract_claims(text)
            )
        )
        rows = rows[index::count]
        todo = _not_done(rows, writer.done, fmt)
        summary.skipped = len(rows) - len(todo)
        sources = _Sources(checker)
        chunks = [todo[i : i + chunk] for i in range(0, len(todo), chunk)]

        def work(part: list[Row | BadRow]) -> list[dict[str, Any]]:
            results: dict[int, dict[str, Any]] = {}
            groups: dict[tuple[dt.date | None, str | None], list[Row]] = {}
            for r in part:
                if isinstance(r, BadRow):
                    results[id(r)] = _error_row(r, r.error)
                    continue
                try:
                    sid = sources.resolve(r.source_filter)
                except InputError as ex:
                    results[id(r)] = _error_row(r, f"line {r.line}: {ex}")
                    continue
                groups.setdefault((r.dateline, sid), []).append(r)
            for (dateline, sid), group in groups.items():
                for r, res in zip(group, _check_group(checker, group, dateline, sid), strict=True):
                    results[id(r)] = res
            return [results[id(r)] for r in part]

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
                if remember:
                    checker.remember([r for r in part_rows if "error" not in r])
    finally:
        writer.close()
    summary.seconds = time.perf_counter() - t0
    return summary


def _not_done(rows: list[Row | BadRow], done: list[str], fmt: str) -> list[Row | BadRow]:
    """The rows a resumed run still has to write. Rows are written in input order, so when
    the report starts with the input's first rows, exactly those are skipped (duplicate ids
    included); otherwise (the input changed) every id already in the report is skipped."""
    if not done:
        return rows

    def key(r: Row | BadRow) -> str:
        return str(csv_safe(r.id)) if fmt == "csv" else r.id

    if [key(r) for r in rows[: len(done)]] == done:
        return rows[len(done) :]
    seen = set(done)
    return [r for r in rows if key(r) not in seen]
