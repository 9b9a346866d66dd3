"""What a watch has done, kept in the reports folder (``.factcheck-watch.json``) so that a
restart does nothing twice: each source's and draft's stamp and content hash, the store
each draft was last checked against, and what happened to the sources (for "REFUTED since
wire-0412.xml arrived"). Written through a temporary file and a rename after every step."""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

STATE_FILE = ".factcheck-watch.json"
STATE_VERSION = 1
MAX_EVENTS = 2000


@dataclass(frozen=True)
class Seen:
    """A file as last handled: its stamp, its hash, and (a source) the error it gave."""

    mtime_ns: int
    size: int
    hash: str
    error: str = ""
    ids: tuple[str, ...] = ()  # the stories a wire file or feed held (by their own ids)


@dataclass(frozen=True)
class Checked:
    """A draft as last checked: its file as read and the store it was checked against."""

    mtime_ns: int
    size: int
    hash: str
    store: str
    at: str  # ISO time of the check
    report: str  # the report's file name, without .md/.json
    error: str = ""


@dataclass(frozen=True)
class Event:
    at: str
    source: str  # the source's id (its resolved path, or a wire story's guid)
    what: str  # arrived, changed, removed
    file: str = ""  # the file it came in (for a story of a feed or wire file)


@dataclass
class WatchState:
    sources: dict[str, Seen] = field(default_factory=dict)
    drafts: dict[str, Checked] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    last_recheck: str = ""

    @classmethod
    def load(cls, folder: Path) -> WatchState:
        """The state in ``folder``; a missing or unreadable file starts afresh (everything
        is then looked at again, which redoes work but loses nothing)."""
        try:
            raw: dict[str, Any] = json.loads((folder / STATE_FILE).read_text(encoding="utf-8"))
            if raw.get("version") != STATE_VERSION:
                return cls()
            return cls(
                sources={
                    k: Seen(**{**v, "ids": tuple(v.get("ids", ()))})
                    for k, v in raw.get("sources", {}).items()
                },
                drafts={k: Checked(**v) for k, v in raw.get("drafts", {}).items()},
                events=[Event(**e) for e in raw.get("events", [])],
                last_recheck=str(raw.get("last_recheck", "")),
            )
        except (OSError, ValueError, TypeError):
            return cls()

    def save(self, folder: Path) -> None:
        body = {
            "version": STATE_VERSION,
            "sources": {k: asdict(v) for k, v in self.sources.items()},
            "drafts": {k: asdict(v) for k, v in self.drafts.items()},
            "events": [asdict(e) for e in self.events[-MAX_EVENTS:]],
            "last_recheck": self.last_recheck,
        }
        # ASCII: a file name that is not UTF-8 (kept by Python as lone surrogates) survives.
        write_atomic(folder / STATE_FILE, json.dumps(body, indent=1))

    def event(self, source: str, what: str, file: str = "") -> None:
        self.events.append(Event(now_iso(), source, what, file))

    def events_since(self, at: str) -> list[Event]:
        return [e for e in self.events if e.at > at]


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all (a temporary file, then a rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("w", encoding="utf-8", errors="surrogateescape") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
