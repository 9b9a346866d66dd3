"""``factcheck watch``: sources ingested and drafts checked as they arrive.

One look (:meth:`Watcher.look`) compares the folders with the state kept in the reports
folder: new or changed sources are ingested (``--prune``: a deleted one is removed from the
store), each new or changed draft is checked and gets its report, and when the sources
changed, the drafts saved within the recheck window are checked again in one batch, at most
once every ``recheck_every_s``. Live mode looks again whenever ``watchfiles`` reports a
change (or polls, for network shares where events are missed), and every second while a
file is still being written or a recheck is due."""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from factcheck.errors import FactCheckError, InputError
from factcheck.interfaces.watch.files import (
    DRAFT_SUFFIXES,
    Settling,
    file_hash,
    files_under,
    ignored,
    stamp,
)
from factcheck.interfaces.watch.reports import (
    merge,
    read_previous,
    report_name,
    summary_line,
    unrecorded_changes,
    write_report,
)
from factcheck.interfaces.watch.state import Checked, Seen, WatchState, now_iso
from factcheck.sources.items import SourceItem
from factcheck.sources.readers import SUPPORTED_SUFFIXES, read_draft, read_items

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())


def story_ids(path: Path) -> tuple[str, ...]:
    """The ids of the stories in a wire file or feed (a NewsML-G2 message, an RSS file):
    what a report cites, and what ``--prune`` removes when the file goes. A file that is
    one document is stored under its own path: ()."""
    if SUPPORTED_SUFFIXES.get(path.suffix.lower()) not in ("xml", "feed"):
        return ()
    try:
        items = read_items(path)
    except FactCheckError:
        return ()
    ids = [i.source.id for i in items if isinstance(i, SourceItem)]
    return tuple(dict.fromkeys(ids))


@dataclass(frozen=True)
class WatchConfig:
    sources: tuple[Path, ...]
    drafts: Path
    reports: Path
    prune: bool = False
    recheck_window_s: float = 24 * 3600.0  # drafts saved this recently are re-checked
    recheck_every_s: float = 60.0  # at most one recheck of drafts per this many seconds
    settle_s: float = 1.0  # live: a file is read once seen unchanged this long
    retry_s: float = 30.0  # live: a file that fails to read is retried this long
    debounce_ms: int = 800  # a burst of saves is one look
    poll: bool = False  # poll the folders instead of file events (network shares)
    ignore: tuple[str, ...] = ()  # more file-name patterns to skip
    rescan_s: float = 30.0  # live: a look after this much quiet, for events a share missed


@dataclass
class Look:
    """What one look did."""

    ingested: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)
    waiting: int = 0  # files still being written, or a recheck not yet due


def _inside(a: Path, b: Path) -> bool:
    return a == b or b in a.parents


class Watcher:
    def __init__(
        self, checker: Any, config: WatchConfig, say: Callable[[str], None] = print
    ) -> None:
        for folder in (*config.sources, config.drafts):
            if not folder.is_dir():
                raise InputError(f"{folder}: not a folder")
        # Folders by their real paths: the state is keyed by them, so "wires" and
        # "/srv/wires" are one folder across restarts.
        sources = tuple(p.resolve() for p in config.sources)
        drafts, reports = config.drafts.resolve(), config.reports.resolve()
        for src in sources:
            if _inside(src, drafts) or _inside(drafts, src):
                raise InputError(f"{src} and {drafts}: sources and drafts must not overlap")
        for top in (*sources, drafts):
            if _inside(reports, top):
                raise InputError(f"{reports}: the reports folder must not be inside {top}")
        config.reports.mkdir(parents=True, exist_ok=True)
        self.fc = checker
        self.cfg = replace(config, sources=sources, drafts=drafts, reports=reports)
        self.say = say
        self.state = WatchState.load(reports)
        self.settle = Settling(self.cfg.settle_s, self.cfg.retry_s)
        self._told: set[tuple[str, str]] = set()  # (path, problem) said once

    def tell_once(self, path: str, problem: str) -> None:
        if (path, problem) not in self._told:
            self._told.add((path, problem))
            self.say(problem)

    # -- one look -----------------------------------------------------------------------

    def look(self, *, live: bool = False) -> Look:
        """Handle whatever changed since the last look. ``live``: files not yet seen
        unchanged for ``settle_s``, and a recheck not yet due, wait for a later look."""
        out = Look()
        self._sources(out, live)
        self.state.save(self.cfg.reports)  # what was ingested is never redone
        self._drafts(out, live)
        self.state.save(self.cfg.reports)
        return out

    def _ready(self, path: Path, known: Any, live: bool, out: Look) -> tuple[Any, str] | None:
        """(stamp, hash) of a file worth reading now; None when unchanged, unreadable
        (said once) or still being written (counted in ``out.waiting``)."""
        st = stamp(path)
        if st is None:
            return None
        if known and (known.mtime_ns, known.size) == (st.mtime_ns, st.size):
            return None
        if live and not self.settle.settled(str(path), st):
            out.waiting += 1
            return None
        digest = file_hash(path)
        if digest is None:
            self.tell_once(str(path), f"cannot read {path}; it is skipped until it changes")
            return None
        return st, digest

    def _sources(self, out: Look, live: bool) -> None:
        seen = self.state.sources
        on_disk: set[str] = set()
        todo: dict[str, tuple[Any, str]] = {}
        for path in files_under(self.cfg.sources, SUPPORTED_SUFFIXES, self.cfg.ignore):
            p = str(path)
            on_disk.add(p)
            got = self._ready(path, seen.get(p), live, out)
            if got is None:
                continue
            st, digest = got
            if p in seen and seen[p].hash == digest:
                seen[p] = replace(seen[p], mtime_ns=st.mtime_ns, size=st.size)
                continue
            todo[p] = got
        if todo:
            self._ingest(todo, out, live)
        self._prune(sorted(set(seen) - on_disk), out)
        if out.ingested or out.removed:
            n, m = len(out.ingested), len(out.removed)
            self.say(f"sources: {n} ingested, {m} removed" if m else f"sources: {n} ingested")

    def _ingest(self, todo: dict[str, tuple[Any, str]], out: Look, live: bool) -> None:
        seen = self.state.sources
        ids = {p: story_ids(Path(p)) for p in todo}
        result = self.fc.ingest([Path(p) for p in todo])
        errors: dict[str, list[str]] = {}
        for where, msg in result.errors:
            owner = next((p for p in todo if _owns(p, ids[p], where)), None)
            if owner is None:
                self.say(f"source failed: {msg}")
            else:
                errors.setdefault(owner, []).append(msg)
        for p, (st, digest) in todo.items():
            msg = "; ".join(errors.get(p, []))
            if msg and live and self.settle.retrying(p):
                out.waiting += 1  # perhaps half-written: read again on a later look
                continue
            old = seen.get(p)
            seen[p] = Seen(st.mtime_ns, st.size, digest, msg, ids[p])
            if msg:
                out.failed.append(p)
                self.say(f"source failed: {msg}")
                continue
            before = set(old.ids) if old else set()
            for sid in ids[p] or (p,):
                what = "changed" if old and (sid in before or not ids[p]) else "arrived"
                self.state.event(sid, what, Path(p).name)
            out.ingested.append(p)
        for w in result.warnings:
            self.say(f"warning: {w}")

    def _prune(self, gone_paths: list[str], out: Look) -> None:
        """Forget files gone from the folders; with ``--prune``, remove their stories from
        the store, except those another file still on disk holds (a newer version, a
        copy moved to an archive folder)."""
        seen = self.state.sources
        gone = {p: seen.pop(p) for p in gone_paths}
        if not self.cfg.prune:
            return
        held = {sid for p, s in seen.items() for sid in (s.ids or (p,))}
        for p, s in gone.items():
            removed = False
            for sid in s.ids or (p,):
                if sid in held:
                    continue
                try:
                    self.fc.remove(sid)
                except InputError:
                    continue  # never stored (it failed), withdrawn, or removed by hand
                self.state.event(sid, "removed", Path(p).name)
                removed = True
            if removed:
                out.removed.append(p)

    def store_mark(self) -> str:
        """Changes whenever the sources this watch keeps, or the store, change."""
        h = hashlib.sha256()
        for p, s in sorted(self.state.sources.items()):
            h.update(f"{p}\0{s.hash}\0{s.error}\n".encode("utf-8", "surrogateescape"))
        h.update(str(self.fc.store.count()).encode())
        return h.hexdigest()[:16]

    def _drafts(self, out: Look, live: bool) -> None:
        mark = self.store_mark()
        drafts = self.state.drafts
        on_disk = set()
        todo: dict[str, tuple[Any, str]] = {}
        stale: list[str] = []
        for path in files_under([self.cfg.drafts], DRAFT_SUFFIXES, self.cfg.ignore):
            p = str(path)
            on_disk.add(p)
            got = self._ready(path, drafts.get(p), live, out)
            if got is not None and not (p in drafts and drafts[p].hash == got[1]):
                todo[p] = got
                continue
            if p in drafts and drafts[p].store != mark and self._recent(path):
                stale.append(p)
        for p in set(drafts) - on_disk:
            del drafts[p]
        if stale and live and not self._recheck_due():
            out.waiting += 1
            stale = []
        if stale:
            self.state.last_recheck = now_iso()
            for p in stale:
                st = stamp(Path(p))
                if st is not None:
                    todo.setdefault(p, (st, drafts[p].hash))
        if todo:
            self._check(todo, mark, out, live)

    def _recent(self, path: Path) -> bool:
        st = stamp(path)
        return st is not None and time.time() - st.mtime_ns / 1e9 <= self.cfg.recheck_window_s

    def _recheck_due(self) -> bool:
        if not self.state.last_recheck:
            return True
        import datetime as dt

        last = dt.datetime.fromisoformat(self.state.last_recheck)
        return (dt.datetime.now(dt.UTC) - last).total_seconds() >= self.cfg.recheck_every_s

    def _check(self, todo: dict[str, tuple[Any, str]], mark: str, out: Look, live: bool) -> None:
        """Check the drafts' claims in one batch, then write each draft's report."""
        texts: dict[str, list[Any]] = {}
        for p, (st, digest) in todo.items():
            name = report_name(Path(p), self.cfg.drafts)
            try:
                texts[p] = self.fc.extract_claims(read_draft(Path(p)))
            except FactCheckError as ex:
                if live and self.settle.retrying(p):
                    out.waiting += 1  # perhaps half-written: read again on a later look
                    continue
                old = self.state.drafts.get(p)
                if not (old and old.hash == digest and old.error == str(ex)):
                    self.say(f"draft failed: {p}: {ex}")
                self.state.drafts[p] = Checked(
                    st.mtime_ns, st.size, digest, mark, now_iso(), name, str(ex)
                )
                out.failed.append(p)
        claims = [c for cs in texts.values() for c in cs]
        results = iter(list(self.fc.check_many(claims)) if claims else [])
        for p, cs in texts.items():
            st, digest = todo[p]
            rows = []
            for c in cs:
                v = next(results)
                rows.append(
                    {"claim": c.text, "error": str(v)}
                    if isinstance(v, FactCheckError)
                    else v.to_dict()
                )
            name = report_name(Path(p), self.cfg.drafts)
            old = self.state.drafts.get(p)
            events = self.state.events_since(old.at) if old else []
            previous = read_previous(self.cfg.reports, name)
            rows, changes = merge(rows, previous, events, self._gone)
            if not changes and previous and old and str(previous.get("checked_at")) > old.at:
                # the last report was written but its check not recorded (a kill between):
                # its changes are still the news
                changes = unrecorded_changes(previous)
            at = now_iso()
            write_report(self.cfg.reports, name, draft=p, checked_at=at, rows=rows, changes=changes)
            self.state.drafts[p] = Checked(st.mtime_ns, st.size, digest, mark, at, name)
            self.state.save(self.cfg.reports)  # a report written is never redone
            out.checked.append(p)
            self.say(summary_line(p, rows, changes))

    def _gone(self, source_id: str) -> bool:
        try:
            return self.fc.store.stored_version(source_id) is None
        except FactCheckError:
            return False

    # -- live -----------------------------------------------------------------------------

    def run(self, stop: Any = None) -> None:
        """Look now, then whenever the folders change, until ``stop`` (a threading.Event)
        is set or Ctrl-C. A look that fails is reported and the watch goes on."""
        import watchfiles

        def wanted(change: Any, path: str) -> bool:
            return not ignored(Path(path).name, self.cfg.ignore)

        pending = self._safe_look()
        folders = [*self.cfg.sources, self.cfg.drafts]
        last = time.monotonic()
        for changes in watchfiles.watch(
            *folders,
            watch_filter=wanted,
            debounce=self.cfg.debounce_ms,
            step=50,
            stop_event=stop,
            rust_timeout=1000,
            yield_on_timeout=True,
            force_polling=self.cfg.poll or None,
            poll_delay_ms=500,
            recursive=True,
            raise_interrupt=False,
        ):
            # Events, files still settling, a recheck falling due, or (a safety net for
            # events a share missed) a quiet spell: look again.
            if changes or pending or time.monotonic() - last > self.cfg.rescan_s:
                pending = self._safe_look()
                last = time.monotonic()

    def _safe_look(self) -> bool:
        """One live look; whatever fails is said and the watch goes on (a file's own
        problem is said once, with the file; anything else on every look)."""
        try:
            return self.look(live=True).waiting > 0
        except Exception as ex:
            logger.exception("a look failed")
            self.say(f"error: {ex}")
            return True


def _owns(path: str, ids: tuple[str, ...], where: str) -> bool:
    """Whether an ingest error row (a path, "path (story id)" or a story id) is this
    file's."""
    return where in (path, *ids) or where.startswith(f"{path} (")
