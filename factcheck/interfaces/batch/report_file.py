"""A batch report on disk: rows appended and flushed one at a time, read back exactly on
``--resume``.

JSONL and CSV reports are appended to directly. Markdown and ClaimReview cannot be appended
to, so their rows go to a JSONL journal beside the report (``OUT.partial.jsonl``) and the
report is rendered from it at the end, written to a temporary file and renamed into place.

Resuming reads back only complete rows: a JSONL row ends with a newline, a CSV record ends
with a newline outside quotes (a quoted field may hold newlines of its own). A partial last
row from a killed run is cut off before anything new is written.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import sys
from pathlib import Path
from typing import Any

from factcheck.errors import InputError
from factcheck.interfaces.exports import CSV_FIELDS, csv_row, json_line, to_claimreview, to_markdown
from factcheck.sources.hygiene import strip_terminal

FORMATS = ("jsonl", "csv", "md", "claimreview")


class OutputError(InputError):
    """The report cannot be written where the user asked."""


def _complete_jsonl(data: bytes) -> int:
    """Bytes of ``data`` that hold complete JSONL rows."""
    return data.rfind(b"\n") + 1


def _complete_csv(data: bytes) -> int:
    """Bytes of ``data`` that hold complete CSV records: up to the last newline that is
    outside quotes (a doubled quote inside a field toggles twice, so it cancels out)."""
    quoted = False
    end = 0
    for i, byte in enumerate(data):
        if byte == 0x22:  # "
            quoted = not quoted
        elif byte == 0x0A and not quoted:  # \n
            end = i + 1
    return end


def read_back(path: Path, fmt: str) -> list[str]:
    """Ids of the complete rows in a report (in order), cutting off a partial last row.

    ``fmt`` is ``csv`` or ``jsonl`` (the journal of md/claimreview reports)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as ex:
        raise OutputError(f"{path}: cannot be read back to resume ({ex.strerror})") from None
    keep = _complete_csv(data) if fmt == "csv" else _complete_jsonl(data)
    text = data[:keep].decode("utf-8", errors="replace")
    ids = _report_ids(path, text, fmt)  # before any repair: never cut a file that is not ours
    if keep < len(data):
        try:
            with path.open("r+b") as fh:
                fh.truncate(keep)
        except OSError as ex:
            raise OutputError(f"{path}: cannot be repaired to resume ({ex.strerror})") from None
    return ids


# What every report row has (a failed row has "error" in place of a verdict).
_REPORT_COLUMNS = frozenset(["id", "claim", "label", "confidence", "rationale"])


def _report_ids(path: Path, text: str, fmt: str) -> list[str]:
    """The ids of a factcheck report's rows; an OutputError for any other file (an input
    file given as the report must never be taken as "all done")."""
    if fmt == "csv":
        reader = csv.DictReader(io.StringIO(text, newline=""))
        if reader.fieldnames is not None and not set(reader.fieldnames) >= _REPORT_COLUMNS:
            raise OutputError(
                f"{path}: is not a factcheck CSV report (its columns are not a report's);"
                " resume into the report a batch wrote"
            )
        return [str(r.get("id") or "") for r in reader]
    ids = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not ("label" in row or "error" in row):
                raise KeyError("label")
            ids.append(str(row["id"]))
        except (json.JSONDecodeError, KeyError, TypeError):
            raise OutputError(
                f"{path}: holds a line that is not a factcheck report row; resume into the"
                " report a batch wrote, or into a new file"
            ) from None
    return ids


def refuse_overwrite(input_path: Path, out: Path | None) -> None:
    """The report must not be the input (however the path is written, links included):
    opening it for writing would destroy the claims before they are read."""
    if out is None:
        return
    same = out.resolve() == input_path.resolve()
    if not same and out.exists() and input_path.exists():
        try:
            same = os.path.samefile(out, input_path)
        except OSError:
            same = False
    if same:
        raise InputError(f"{out}: is the input file; write the report to another file")


def _write_failed(path: Path | None, ex: OSError) -> str:
    """One line for a report that cannot be written; a full disk is named as such."""
    where = str(path) if path is not None else "the output"
    if ex.errno == errno.ENOSPC:
        return f"{where}: no space left on the disk; the rows before this one are kept"
    return f"{where}: cannot be written ({ex.strerror or ex})"


def _open(path: Path, mode: str) -> Any:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return path.open(mode, encoding="utf-8", newline="")
    except OSError as ex:
        raise OutputError(f"{path}: cannot be written ({ex.strerror or ex})") from None


class ReportWriter:
    """Appends rows and flushes each one; ``done`` holds the ids already written (resume)."""

    def __init__(self, out: Path | None, fmt: str, resume: bool, **export_kw: Any) -> None:
        if fmt not in FORMATS:
            raise InputError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
        if resume and out is None:
            raise InputError("--resume needs --out FILE")
        self.fmt, self.out, self.export_kw = fmt, out, export_kw
        self.journal = (
            out.with_name(out.name + ".partial.jsonl")
            if out is not None and fmt in ("md", "claimreview")
            else None
        )
        target = self.journal or out
        self.done: list[str] = (
            read_back(target, "csv" if fmt == "csv" else "jsonl")
            if (resume and target is not None)
            else []
        )
        self.to_terminal = target is None
        if target is None:
            self.fh: Any = sys.stdout
        else:
            append = resume and target.exists()
            self.fh = _open(target, "a" if append else "w")
        self.csv = None
        if fmt == "csv":
            self.csv = csv.DictWriter(self.fh, fieldnames=CSV_FIELDS)
            if target is None or self.fh.tell() == 0:
                self.csv.writeheader()

    def write(self, row: dict[str, Any]) -> None:
        try:
            if self.csv is not None:
                cells = csv_row(row)
                if self.to_terminal:
                    cells = {
                        k: strip_terminal(v) if isinstance(v, str) else v for k, v in cells.items()
                    }
                self.csv.writerow(cells)
            else:
                self.fh.write(json_line(row) + "\n")  # JSON escapes control characters
            self.fh.flush()
            if not self.to_terminal:
                os.fsync(self.fh.fileno())
        except OSError as ex:
            raise OutputError(_write_failed(self.out, ex)) from None

    def close(self) -> None:
        if not self.to_terminal:
            try:
                self.fh.close()
            except OSError as ex:
                raise OutputError(_write_failed(self.out, ex)) from None
        if self.journal is None or self.out is None:
            return
        rows = [
            json.loads(x) for x in self.journal.read_text(encoding="utf-8").split("\n") if x.strip()
        ]
        body = to_markdown(rows) if self.fmt == "md" else to_claimreview(rows, **self.export_kw)
        # Written beside the report and renamed: a kill here leaves the old file or the new.
        tmp = self.out.with_name(self.out.name + ".tmp")
        try:
            tmp.write_text(body, encoding="utf-8")
            os.replace(tmp, self.out)
        except OSError as ex:
            raise OutputError(_write_failed(self.out, ex)) from None
        self.journal.unlink()
