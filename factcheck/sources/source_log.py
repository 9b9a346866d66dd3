"""A record of every stored source kept beside the Chroma files, so that a store Chroma
can no longer read (issue #30: compaction stuck after a kill, a damaged database) is
rebuilt from it by ``factcheck repair``: each source's text (one file per content hash),
where its body starts, and what was known about it (title, dateline, URL, trust)."""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
from dataclasses import asdict, dataclass
from pathlib import Path

from factcheck.types import Source

LOG_DIR = "factcheck-sources"


@dataclass(frozen=True)
class LoggedSource:
    id: str
    title: str
    content_hash: str
    body_start: int
    dateline: str = ""
    url: str = ""
    outlet: str = ""
    author: str = ""
    path: str = ""
    trust: float = 1.0
    version: int = 0  # NewsML-G2 (logs written before versions load with 0)
    date_order: str = ""  # from its front matter

    def source(self, text: str) -> Source:
        return Source(
            id=self.id,
            title=self.title,
            text=text,
            content_hash=self.content_hash,
            dateline=dt.date.fromisoformat(self.dateline) if self.dateline else None,
            url=self.url,
            outlet=self.outlet,
            author=self.author,
            path=self.path,
            trust=self.trust,
            version=self.version,
            date_order=self.date_order,
        )


class SourceLog:
    """``<store_dir>/factcheck-sources/``: ``log.json`` (id -> LoggedSource) and
    ``texts/<content hash>.txt``. Every write goes through a temporary file and a rename."""

    def __init__(self, store_dir: str | Path) -> None:
        self.dir = Path(store_dir) / LOG_DIR
        self._lock = threading.Lock()

    @property
    def _index(self) -> Path:
        return self.dir / "log.json"

    def entries(self) -> dict[str, LoggedSource]:
        try:
            raw = json.loads(self._index.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        return {k: LoggedSource(**v) for k, v in raw.items()}

    def text(self, entry: LoggedSource) -> str | None:
        try:
            return (self.dir / "texts" / f"{entry.content_hash}.txt").read_text(encoding="utf-8")
        except FileNotFoundError:
            return None

    def record(self, src: Source, body_start: int) -> None:
        text_file = self.dir / "texts" / f"{src.content_hash}.txt"
        if not text_file.exists():
            _atomic(text_file, src.text)
        entry = LoggedSource(
            id=src.id,
            title=src.title,
            content_hash=src.content_hash,
            body_start=body_start,
            dateline=src.dateline.isoformat() if src.dateline else "",
            url=src.url,
            outlet=src.outlet,
            author=src.author,
            path=src.path,
            trust=src.trust,
            version=src.version,
            date_order=src.date_order,
        )
        self._update(lambda d: d.__setitem__(src.id, entry))

    def forget(self, source_id: str) -> None:
        self._update(lambda d: d.pop(source_id, None))

    def set_trust(self, source_id: str, trust: float) -> None:
        def change(d: dict[str, LoggedSource]) -> None:
            if source_id in d:
                d[source_id] = LoggedSource(**{**asdict(d[source_id]), "trust": trust})

        self._update(change)

    def _update(self, change) -> None:  # type: ignore[no-untyped-def]
        with self._lock:
            entries = self.entries()
            change(entries)
            body = json.dumps({k: asdict(v) for k, v in entries.items()}, ensure_ascii=False)
            _atomic(self._index, body)


def _atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
