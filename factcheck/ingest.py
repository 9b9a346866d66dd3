"""Read sources (text, Markdown, HTML; files and folders) and split them into passages.

No models here: sentence splitting is rule-based so that ingesting never waits on spaCy.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .text import clean_source
from .types import Passage, Source

SUPPORTED_SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}
MAX_FILE_BYTES = 200_000_000

# "date 2021-12-31 Headline" (the seed's format) or "Date: 2021-12-31" on the first line.
_DATE_LINE = re.compile(
    r"\A\s*date:?\s+(\d{4}-\d{2}-\d{2})(?:[ \t]+(?P<title>[^\n]*))?[ \t]*\n", re.IGNORECASE
)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)\n---[ \t]*\n", re.DOTALL)
_MD_HEADING = re.compile(r"^#\s+(.+)$", re.MULTILINE)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def passage_id(source_id: str, start: int, text: str) -> str:
    """Content-hash id: the same text at the same place in the same source gets the same id."""
    return hashlib.sha256(f"{source_id}\n{start}\n{text}".encode()).hexdigest()[:32]


def parse_date(value: object) -> dt.date | None:
    """Best-effort date from front matter or meta tags: date, datetime or an ISO-ish string."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        m = re.search(r"(\d{4})-(\d{2})-(\d{2})", value)
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return None
    return None


@dataclass(frozen=True, slots=True)
class _Parsed:
    text: str  # the text that passages index into
    body_start: int  # where checkable prose starts (after a header or front matter)
    title: str
    dateline: dt.date | None
    url: str = ""
    outlet: str = ""
    author: str = ""


def _parse_plain(raw: str, markdown: bool) -> _Parsed:
    title, dateline, url, outlet, author = "", None, "", "", ""
    body_start = 0
    fm = _FRONT_MATTER.match(raw)
    if fm:
        import yaml  # lazy: only front matter needs it

        try:
            meta = yaml.safe_load(fm["yaml"]) or {}
        except yaml.YAMLError as ex:
            raise InputError(f"invalid YAML front matter: {ex}") from None
        if not isinstance(meta, dict):
            raise InputError("YAML front matter must be a mapping of keys to values")
        dateline = parse_date(meta.get("date") or meta.get("dateline") or meta.get("published"))
        title = str(meta.get("title") or "")
        url = str(meta.get("url") or "")
        outlet = str(meta.get("outlet") or meta.get("publisher") or meta.get("source") or "")
        author = str(meta.get("author") or "")
        body_start = fm.end()
    else:
        dl = _DATE_LINE.match(raw)
        if dl:
            dateline = parse_date(dl[1])
            title = (dl["title"] or "").strip()
            # The headline is prose too: index it, but not the "date ..." prefix.
            body_start = dl.start("title") if title else dl.end()
    if markdown and not title:
        h = _MD_HEADING.search(raw, body_start)
        if h:
            title = h[1].strip()
    return _Parsed(raw, body_start, title, dateline, url, outlet, author)


def _parse_html(raw: str) -> _Parsed:
    import trafilatura  # lazy: heavy, and only HTML needs it

    doc = trafilatura.bare_extraction(
        raw,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise InputError("no main text found in the HTML")
    return _Parsed(
        text=text,
        body_start=0,
        title=getattr(doc, "title", None) or "",
        dateline=parse_date(getattr(doc, "date", None)),
        url=getattr(doc, "url", None) or "",
        outlet=getattr(doc, "sitename", None) or "",
        author=getattr(doc, "author", None) or "",
    )


def load_text(
    raw: str,
    *,
    source_id: str,
    fmt: str = "text",
    title: str = "",
    dateline: dt.date | None = None,
    url: str = "",
) -> tuple[Source, int]:
    """Parse one document given as a string. Returns the Source and where its body starts.

    ``fmt`` is ``text``, ``markdown`` or ``html``; explicit ``title``/``dateline``/``url``
    win over what the document says about itself.
    """
    if not isinstance(raw, str):
        raise InputError(f"{source_id}: a source must be text, not {type(raw).__name__}")
    if "\x00" in raw:
        raise InputError(f"{source_id}: looks like a binary file (contains NUL bytes)")
    raw = clean_source(raw)
    if not raw.strip():
        raise InputError(f"{source_id}: is empty")
    if fmt == "html":
        parsed = _parse_html(raw)
    elif fmt in ("text", "markdown"):
        parsed = _parse_plain(raw, markdown=fmt == "markdown")
    else:
        raise InputError(f"{source_id}: unknown format {fmt!r}; use text, markdown or html")
    if not parsed.text[parsed.body_start :].strip():
        raise InputError(f"{source_id}: has no text after its header")
    src = Source(
        id=source_id,
        title=title or parsed.title or Path(source_id).stem or source_id,
        text=parsed.text,
        content_hash=content_hash(parsed.text),
        dateline=dateline or parsed.dateline,
        url=url or parsed.url,
        outlet=parsed.outlet,
        author=parsed.author,
        path=source_id if fmt != "string" else "",
    )
    return src, parsed.body_start


def read_file(path: Path, max_bytes: int = MAX_FILE_BYTES) -> tuple[Source, int]:
    """Read one file into a Source, with a clear InputError naming the file on any problem."""
    fmt = SUPPORTED_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise InputError(
            f"{path}: unsupported file type {path.suffix or '(none)'!r}; "
            f"supported: {', '.join(sorted(SUPPORTED_SUFFIXES))}"
        )
    data = read_bytes(path, max_bytes)
    raw = decode_bytes(data, str(path), fmt)
    src, body = load_text(raw, source_id=str(path.resolve()), fmt=fmt)
    return src, body


def read_bytes(path: Path, max_bytes: int | None = None) -> bytes:
    """A file's bytes, or an InputError naming the file and what is wrong."""
    try:
        if max_bytes is not None and (size := path.stat().st_size) > max_bytes:
            raise InputError(
                f"{path}: too large ({size:,} bytes; limit {max_bytes:,}, "
                "the max_source_bytes setting)"
            )
        return path.read_bytes()
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as ex:
        raise InputError(f"{path}: cannot be read ({ex.strerror or ex})") from None


# Byte-order marks, longest first (UTF-32's starts with UTF-16's).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes, name: str, fmt: str = "text") -> str:
    """Text from a file's bytes: UTF-8, or UTF-16/32 when a byte-order mark says so.

    NUL bytes without a BOM mean a binary file; anything else undecodable is named."""
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    if encoding is None:
        if b"\x00" in data[:8192]:
            raise InputError(f"{name}: looks like a binary file, not {fmt}")
        encoding = "utf-8"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as ex:
        label = "UTF-8" if encoding == "utf-8" else encoding.upper().replace("-SIG", "")
        raise InputError(
            f"{name}: is not valid {label} (byte {ex.start}); re-save it as UTF-8"
        ) from None


def iter_paths(
    paths: list[Path], on_error: Callable[[Path, str], None] | None = None
) -> Iterator[Path]:
    """Expand folders recursively (sorted, hidden files skipped); files are yielded as given.

    A subfolder that cannot be read is reported through ``on_error`` (never skipped
    silently); symlinked folders are not followed, so a link loop cannot hang a walk."""
    for p in paths:
        if not p.is_dir():
            yield p
            continue
        found: list[Path] = []

        def failed(ex: OSError, top: Path = p) -> None:
            where = Path(ex.filename) if ex.filename else top
            if on_error is not None:
                on_error(where, f"{where}: folder cannot be read ({ex.strerror or ex})")

        for root, dirs, files in os.walk(p, onerror=failed):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for f in files:
                child = Path(root) / f
                wanted = not f.startswith(".") and child.suffix.lower() in SUPPORTED_SUFFIXES
                if wanted and child.is_file():
                    found.append(child)
        yield from sorted(found)


# --- sentence splitting -------------------------------------------------------------------

_ABBREV = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sen",
    "rep",
    "gov",
    "gen",
    "col",
    "lt",
    "sgt",
    "capt",
    "st",
    "jr",
    "sr",
    "vs",
    "etc",
    "e.g",
    "i.e",
    "u.s",
    "u.k",
    "u.n",
    "no",
    "inc",
    "corp",
    "ltd",
    "co",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mt",
    "ft",
    "approx",
    "est",
    "fig",
    "vol",
    "pres",
    "sec",
    "dept",
    "univ",
    "a.m",
    "p.m",
}
# Abbreviations only before a number ("No. 5", "Fig. 2"); elsewhere "no." ends a sentence.
_NUMBERED_ABBREV = {"no", "fig", "vol", "sec"}
# A candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+)")
_NEXT_START = re.compile(r"\s+[\"'“‘(\[]?[A-Z0-9]")
_PARA = re.compile(r"\n[ \t]*\n")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans (start, end) inside ``text[start:end]``, whitespace trimmed.

    Blank lines always end a sentence. Abbreviations and initials ("U.S.", "J. Smith") do not.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    para_start = start
    paragraphs: list[tuple[int, int]] = []
    for m in _PARA.finditer(text, start, end):
        paragraphs.append((para_start, m.start()))
        para_start = m.end()
    paragraphs.append((para_start, end))
    for ps, pe in paragraphs:
        cur = ps
        for m in _BOUNDARY.finditer(text, ps, pe):
            stop = m.end()
            if not _NEXT_START.match(text, stop, pe):
                continue
            word = re.search(r"([A-Za-z.]+)[.!?…]+[\"'”’)\]]*$", text[cur:stop])
            if word and text[m.start()] == ".":
                w = word[1].lower().rstrip(".")
                numbered = w in _NUMBERED_ABBREV and text[stop:].lstrip()[:1].isdigit()
                if (
                    (w in _ABBREV and w not in _NUMBERED_ABBREV)
                    or numbered
                    or (len(w) == 1 and w.isalpha())
                ):
                    continue
            spans.append((cur, stop))
            cur = stop
        spans.append((cur, pe))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _wrap(text: str, s: int, e: int, limit: int) -> list[tuple[int, int]]:
    """Cut an over-long sentence at spaces so no passage exceeds ``limit`` characters."""
    out = []
    while e - s > limit:
        cut = text.rfind(" ", s, s + limit)
        if cut <= s:
            cut = s + limit
        out.append((s, cut))
        s = cut
        while s < e and text[s].isspace():
            s += 1
    out.append((s, e))
    return out


def _passage_spans(
    text: str, body_start: int, max_chars: int, min_chars: int
) -> Iterator[tuple[int, int]]:
    """Sentence spans with short fragments joined to their neighbour, one at a time."""
    last: tuple[int, int] | None = None
    for s, e in split_sentences(text, body_start):
        joins = last and e - s < min_chars and "\n\n" not in text[last[1] : s]
        if last and joins and e - last[0] <= max_chars:
            last = (last[0], e)
            continue
        if last:
            yield last
        *full, last = _wrap(text, s, e, max_chars)
        yield from full
    if last:
        yield last


def iter_passages(
    source: Source, body_start: int = 0, *, max_chars: int = 600, min_chars: int = 40
) -> Iterator[Passage]:
    """One passage per sentence (short fragments join their neighbour), yielded as they are
    cut, so a large source streams through ingest in flat memory.

    Offsets index ``source.text`` so evidence can be shown in place."""
    text = source.text

    def make(span: tuple[int, int], pid: str, prev: str, nxt: str) -> Passage:
        s, e = span
        return Passage(
            id=pid,
            text=text[s:e],
            source_id=source.id,
            title=source.title,
            start=s,
            end=e,
            dateline=source.dateline,
            url=source.url,
            prev_id=prev,
            next_id=nxt,
            trust=source.trust,
        )

    prev_id = ""
    held: tuple[tuple[int, int], str] | None = None
    for s, e in _passage_spans(text, body_start, max_chars, min_chars):
        pid = passage_id(source.id, s, text[s:e])
        if held is not None:
            yield make(held[0], held[1], prev_id, pid)
            prev_id = held[1]
        held = ((s, e), pid)
    if held is not None:
        yield make(held[0], held[1], prev_id, "")


def split_passages(
    source: Source, body_start: int = 0, *, max_chars: int = 600, min_chars: int = 40
) -> list[Passage]:
    """All of ``iter_passages`` as a list."""
    return list(iter_passages(source, body_start, max_chars=max_chars, min_chars=min_chars))
