"""Read sources (text, Markdown, HTML, Word; NewsML-G2 wire items and RSS/Atom feeds, which
may hold several stories in one file; files and folders) and drafts.

No models here: sentence splitting is rule-based so that ingesting never waits on spaCy.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import os
import re
import stat
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from factcheck.errors import InputError
from factcheck.sources import feeds, newsml
from factcheck.sources.front_matter import (
    FIRST_YEAR,
    LAST_YEAR,
    date_field,
    in_range,
    order_field,
    read_front_matter,
    text_field,
)
from factcheck.sources.hygiene import clean_source
from factcheck.sources.items import (
    Found,
    Item,
    Parsed,
    Skipped,
    SourceItem,
    Withdrawal,
    parse_date,
)
from factcheck.sources.markup import flat, local_name, parse_xml
from factcheck.sources.word import read_docx
from factcheck.types import Source

__all__ = [
    "SUPPORTED_SUFFIXES",
    "Item",
    "Skipped",
    "SourceItem",
    "Withdrawal",
    "content_hash",
    "decode_bytes",
    "iter_paths",
    "load_text",
    "parse_date",
    "read_bytes",
    "read_draft",
    "read_file",
    "read_items",
]

SUPPORTED_SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".xml": "xml",  # a NewsML-G2 item or message, or a feed saved as .xml
    ".rss": "feed",
    ".atom": "feed",
}
DRAFT_FORMATS = ("text", "markdown", "html", "docx")
MAX_FILE_BYTES = 200_000_000

# "date 2021-12-31 Headline" (the seed's format) or "Date: 2021-12-31" on the first line.
_DATE_LINE = re.compile(
    r"\A\s*date:?\s+(\d{4}-\d{2}-\d{2})(?:[ \t]+(?P<title>[^\n]*))?[ \t]*\n", re.IGNORECASE
)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)\n---[ \t]*\n", re.DOTALL)
_MD_HEADING = re.compile(r"^#\s+(.+)$", re.MULTILINE)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _parse_plain(raw: str, markdown: bool) -> Parsed:
    title, dateline, url, outlet, author, order = "", None, "", "", "", ""
    warnings: list[str] = []
    body_start = 0
    fm = _FRONT_MATTER.match(raw)
    if fm:
        meta = read_front_matter(fm["yaml"])
        dateline = parse_date(date_field(meta, ("date", "dateline", "published"), warnings))
        title = text_field(meta, ("title",), warnings)
        url = text_field(meta, ("url",), warnings)
        outlet = text_field(meta, ("outlet", "publisher", "source"), warnings)
        author = text_field(meta, ("author",), warnings)
        order = order_field(meta, warnings)
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
    return Parsed(
        raw, body_start, title, dateline, url, outlet, author, tuple(warnings), date_order=order
    )


def _parse_html(raw: str) -> Parsed:
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
    return Parsed(
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
    raw = _clean(raw, source_id)
    if fmt == "html":
        parsed = _parse_html(raw)
    elif fmt in ("text", "markdown"):
        parsed = _parse_plain(raw, markdown=fmt == "markdown")
    else:
        raise InputError(f"{source_id}: unknown format {fmt!r}; use text, markdown or html")
    path = source_id if fmt != "string" else ""
    return _source(parsed, source_id, path, title=title, dateline=dateline, url=url)


def _clean(raw: str, name: str) -> str:
    if not isinstance(raw, str):
        raise InputError(f"{name}: a source must be text, not {type(raw).__name__}")
    if "\x00" in raw:
        raise InputError(f"{name}: looks like a binary file (contains NUL bytes)")
    raw = clean_source(raw)
    if not raw.strip():
        raise InputError(f"{name}: is empty")
    return raw


def _source(
    parsed: Parsed,
    source_id: str,
    path: str,
    *,
    title: str = "",
    dateline: dt.date | None = None,
    url: str = "",
    label: str = "",
) -> tuple[Source, int]:
    """The Source of a parsed document, after the checks every format shares. ``label``
    names it in messages (default: its id)."""
    label = label or source_id
    if not parsed.text[parsed.body_start :].strip():
        raise InputError(f"{label}: has no text after its header")
    if not in_range(dateline):
        raise InputError(f"{label}: dateline {dateline} is outside {FIRST_YEAR}-{LAST_YEAR}")
    warnings = list(parsed.warnings)
    found = parsed.dateline
    if not in_range(found):
        warnings.append(f"dateline {found} is outside {FIRST_YEAR}-{LAST_YEAR}; ignored")
        found = None
    src = Source(
        id=source_id,
        title=title or parsed.title or Path(source_id).stem or source_id,
        text=parsed.text,
        content_hash=content_hash(parsed.text),
        dateline=dateline or found,
        url=url or parsed.url,
        outlet=parsed.outlet,
        author=parsed.author,
        path=path,
        version=parsed.version,
        date_order=parsed.date_order,
        warnings=tuple(f"{label}: {w}" for w in warnings),
    )
    return src, parsed.body_start


def _format(path: Path) -> str:
    fmt = SUPPORTED_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise InputError(
            f"{path}: unsupported file type {path.suffix or '(none)'!r}; "
            f"supported: {', '.join(sorted(SUPPORTED_SUFFIXES))}"
        )
    return fmt


def read_file(path: Path, max_bytes: int | None = MAX_FILE_BYTES) -> tuple[Source, int]:
    """Read one file into a Source, with a clear InputError naming the file on any problem.

    For the formats that are one document (text, Markdown, HTML, Word) and for a wire or
    feed file that holds exactly one story; :func:`read_items` reads every story of one."""
    items = read_items(path, max_bytes)
    stories = [i for i in items if isinstance(i, SourceItem)]
    if len(items) == 1 and stories:
        return stories[0].source, stories[0].body_start
    if not stories:
        raise InputError(f"{path}: holds no story to read (a withdrawal or skipped items)")
    raise InputError(
        f"{path}: holds {len(items)} items (a feed or a NewsML-G2 message); ingest it to "
        "read each as a source"
    )


def read_items(path: Path, max_bytes: int | None = MAX_FILE_BYTES) -> list[Item]:
    """Everything one file holds, in order: a :class:`SourceItem` per story (one for a
    text, Markdown, HTML or Word file; one per item of a feed or a NewsML-G2 message), a
    :class:`Withdrawal` per canceled or withheld NewsML-G2 item, and a :class:`Skipped`
    per item that could not be read (the others go on).

    Raises an InputError naming the file when the file itself cannot be used: unreadable,
    too large, not the format its name says, malformed XML, XML that declares entities,
    a feed with no items, or a file where no item could be read."""
    fmt = _format(path)
    data = read_bytes(path, max_bytes)
    name, sid = str(path), str(path.resolve())
    if fmt in ("text", "markdown", "html"):
        src, body = load_text(decode_bytes(data, name, fmt), source_id=sid, fmt=fmt)
        return [SourceItem(src, body)]
    if fmt == "docx":
        limit = MAX_FILE_BYTES if max_bytes is None else max_bytes
        return [SourceItem(*_docx_source(data, name, sid, limit))]
    doc = parse_xml(data, name)
    if newsml.is_newsml(doc.root):
        if doc.error:
            raise InputError(f"{name}: is not well-formed XML ({doc.error})")
        found = newsml.read_newsml(doc.root, name)
    elif fmt == "feed" or (doc.root is not None and local_name(doc.root) in feeds.ROOTS):
        found = feeds.read_feed(data, name, doc.error)
    elif doc.error:
        raise InputError(f"{name}: is not well-formed XML ({doc.error})")
    else:
        raise InputError(
            f"{name}: XML whose root is <{local_name(doc.root)}>, neither a NewsML-G2 "
            "newsItem/newsMessage nor an RSS or Atom feed"
        )
    items = [_item(f, name, sid) for f in found]
    if not any(isinstance(i, SourceItem | Withdrawal) for i in items):
        first = next((i.message for i in items if isinstance(i, Skipped)), "")
        raise InputError(f"{name}: no item could be read ({first})" if first else f"{name}: empty")
    return items


def _item(found: Found, name: str, sid: str) -> Item:
    """A format reader's find as an Item: a story through the checks every source gets
    (hygiene, a text, a dateline in range), or skipped with the reason."""
    if not isinstance(found, Parsed):
        return found
    label = f"{name} ({found.key})" if found.key else name
    try:
        text = _clean(found.text, label)
        parsed = replace(found, text=text, title=flat(clean_source(found.title)))
        src, body = _source(parsed, found.key or sid, sid, label=label)
    except InputError as ex:
        return Skipped(f"{ex}; skipped")
    return SourceItem(src, body)


def _docx_source(data: bytes, name: str, sid: str, max_bytes: int) -> tuple[Source, int]:
    """A Word document as a source; a date line at its top ("Date: 2024-05-14", as in a
    text source) wins over the file's creation date (see factcheck.sources.word)."""
    doc = read_docx(data, name, max_bytes)
    raw = _clean("\n\n".join(doc.paragraphs), name)
    plain = _parse_plain(raw, markdown=False)
    parsed = replace(
        plain,
        title=doc.title or plain.title,
        author=doc.author or plain.author,
        dateline=plain.dateline or doc.created,
    )
    return _source(parsed, sid, sid, label=name)


def read_draft(path: Path, max_bytes: int | None = MAX_FILE_BYTES) -> str:
    """The text of a draft to check: a text, Markdown, HTML or Word file (a file with
    another or no suffix is read as text). InputError naming the file on any problem.

    What comes back is what ``check-article`` has always read: a text file as it is, the
    text a Markdown file is indexed by (front matter included) and the main text of an
    HTML page; a Word document's paragraphs separated by blank lines. Feeds and wire
    files hold stories for the store, not drafts, and are refused."""
    fmt = SUPPORTED_SUFFIXES.get(path.suffix.lower(), "text")
    if fmt not in DRAFT_FORMATS:
        raise InputError(
            f"{path}: a {path.suffix} file holds wire stories or a feed, not a draft; "
            "drafts are .txt, .md, .html or .docx"
        )
    if fmt in ("markdown", "html", "docx"):
        return read_file(path, max_bytes)[0].text
    text = decode_bytes(read_bytes(path, max_bytes), str(path))
    if not text.strip():
        raise InputError(f"{path}: is empty")
    return text


def read_bytes(path: Path, max_bytes: int | None = MAX_FILE_BYTES) -> bytes:
    """A regular file's bytes, or an InputError naming the file and what is wrong.

    Devices, pipes and sockets are refused before they are opened (a link to /dev/urandom
    never ends, a FIFO blocks forever), and the size is checked before reading and again
    while reading (a file that grows is cut off at the limit, not read without bound)."""
    limit = MAX_FILE_BYTES if max_bytes is None else max_bytes
    try:
        st = path.stat()
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(st.st_mode):
            raise InputError(f"{path}: not a regular file (a device, pipe or socket); not read")
        if st.st_size > limit:
            raise InputError(
                f"{path}: too large ({st.st_size:,} bytes; limit {limit:,}, "
                "the max_source_bytes setting)"
            )
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
        if len(data) > limit:
            raise InputError(f"{path}: grew past the limit of {limit:,} bytes while being read")
        return data
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
