"""The reviews (verdict memory) recorded beside the Chroma files, in the source log's
folder, so that ``factcheck repair`` restores them with the sources (issue #30).

One JSON line per event, appended: ``{"add": {review}}`` or ``{"remove": id}``. Appending
keeps a large import cheap (no rewrite of what is there); a line cut short by a kill is
skipped when the log is read, so the log never stops a repair."""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from factcheck.sources.source_log import LOG_DIR
from factcheck.types import Review

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

LOG_FILE = "reviews.jsonl"


def _to_json(r: Review) -> dict[str, Any]:
    d = asdict(r)
    d["date"] = r.date.isoformat() if r.date else ""
    return d


def _from_json(d: dict[str, Any]) -> Review:
    day = str(d.get("date") or "")
    return Review(**{**d, "date": dt.date.fromisoformat(day) if day else None})


class ReviewLog:
    """``<store_dir>/factcheck-sources/reviews.jsonl``."""

    def __init__(self, store_dir: str | Path) -> None:
        self.path = Path(store_dir) / LOG_DIR / LOG_FILE
        self._lock = threading.Lock()

    def added(self, reviews: Iterable[Review]) -> None:
        self._append({"add": _to_json(r)} for r in reviews)

    def removed(self, ids: Iterable[str]) -> None:
        self._append({"remove": i} for i in ids)

    def _append(self, events: Iterable[dict[str, Any]]) -> None:
        lines = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in events)
        if not lines:
            return
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a+b") as f:
                if f.tell() > 0:  # a line cut short stays alone on its line
                    f.seek(-1, 2)
                    if f.read(1) != b"\n":
                        lines = "\n" + lines
                f.write(lines.encode("utf-8"))
                f.flush()

    def reviews(self) -> list[Review]:
        """The reviews the store should hold, in the order they were first added."""
        out: dict[str, Review] = {}
        try:
            f = self.path.open(encoding="utf-8")
        except FileNotFoundError:
            return []
        bad = 0
        with f:
            for line in f:
                try:
                    event = json.loads(line)
                    if "add" in event:
                        r = _from_json(event["add"])
                        out.setdefault(r.id, r)
                    else:
                        out.pop(str(event["remove"]), None)
                except (ValueError, TypeError, KeyError):
                    bad += 1  # a line cut short (a kill mid-write) or edited by hand
        if bad:
            logger.warning("%s: %d unreadable lines skipped", self.path, bad)
        return list(out.values())
