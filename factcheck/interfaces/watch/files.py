"""The files a watch looks at: which names count (editors' temporary and swap files do not),
whether a file has settled (a save still being written is left for the next look), and its
content hash."""

from __future__ import annotations

import fnmatch
import hashlib
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

# Drafts in the formats a reporter saves them in.
DRAFT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".docx")

# Editors' lock, swap, backup and download files: never a source or a draft.
IGNORE = (
    ".*",  # hidden: .~lock.story.odt#, .story.md.swp, .DS_Store
    "~$*",  # Word's owner file
    "*~",  # backups (gedit, emacs)
    "#*#",  # emacs auto-save
    "*.swp",
    "*.swo",
    "*.swx",
    "*.tmp",
    "*.temp",
    "*.part",
    "*.crdownload",
    "*.download",
    "4913",  # vim's write test
)


def ignored(name: str, extra: Iterable[str] = ()) -> bool:
    return any(fnmatch.fnmatch(name, pat) for pat in (*IGNORE, *extra))


@dataclass(frozen=True)
class Stamp:
    """What ``stat`` says of a file: a change of either means the file may have changed."""

    mtime_ns: int
    size: int


class Settling:
    """Whether a file has settled, judged by this machine's own clock: the same stamp seen
    for ``settle_s`` seconds (a share's clock, ahead or behind, does not matter); and
    whether a file that failed to read is still within ``retry_s`` of when its failure was
    first seen (a save in progress), by path."""

    def __init__(self, settle_s: float, retry_s: float) -> None:
        self.settle_s, self.retry_s = settle_s, retry_s
        self._seen: dict[str, tuple[Stamp, float]] = {}
        self._failing: dict[str, float] = {}

    def settled(self, path: str, st: Stamp) -> bool:
        now = time.monotonic()
        first = self._seen.get(path)
        if first is None or first[0] != st:
            self._seen[path] = (st, now)
            self._failing.pop(path, None)  # a new save: its own retry window
            return self.settle_s <= 0
        return now - first[1] >= self.settle_s

    def retrying(self, path: str) -> bool:
        now = time.monotonic()
        since = self._failing.setdefault(path, now)
        return now - since < self.retry_s


def stamp(path: Path) -> Stamp | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return Stamp(st.st_mtime_ns, st.st_size)


def files_under(
    folders: Iterable[Path], suffixes: Iterable[str], extra_ignore: Iterable[str] = ()
) -> Iterator[Path]:
    """Regular files with one of ``suffixes`` under ``folders`` (recursively, sorted),
    skipping ignored names and hidden folders; symlinked folders are not followed."""
    wanted = {s.lower() for s in suffixes}
    extra = tuple(extra_ignore)
    for top in folders:
        found: list[Path] = []
        for root, dirs, names in os.walk(top):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in names:
                p = Path(root) / name
                if p.suffix.lower() in wanted and not ignored(name, extra) and p.is_file():
                    found.append(p)
        yield from sorted(found)


def file_hash(path: Path) -> str | None:
    """SHA-256 of the file's bytes (None when it went away)."""
    h = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    except OSError:
        return None
    return h.hexdigest()
