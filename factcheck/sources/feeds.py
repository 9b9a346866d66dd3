"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds, through ``feedparser``: one source per item.

For each item or entry: the id is its ``guid``/``id`` (else its link, else the file and
the item's place in it); the title is its headline (and the first paragraph of the
indexed text, as a headline is prose too); the author its ``author``/``dc:creator``; the
dateline its published date (else its updated date), as written, not moved to UTC; the
url its link; the outlet the feed's own title; the body its content (else its summary)
with the HTML stripped. An item with nothing to read is skipped with a warning; a feed
with no items is an error.

feedparser is given the bytes (never a URL or a file name: it would fetch or open one),
after :func:`factcheck.sources.markup.parse_xml` has refused entity declarations."""

from __future__ import annotations

import datetime as dt
import email.utils
import io
import re
from dataclasses import replace
from typing import Any

from factcheck.errors import InputError
from factcheck.sources.items import Found, Parsed, Skipped, parse_date
from factcheck.sources.markup import flat, html_paragraphs

ATOM = "http://www.w3.org/2005/Atom"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
ROOTS = ("rss", "feed", "RDF")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_feed(data: bytes, name: str, xml_error: str = "") -> list[Found]:
    """The items of a feed, each a :class:`Parsed` source (``key`` = its id) or a
    :class:`Skipped` one. ``xml_error``: why the document is not well-formed XML, when it
    is not (the feed is then read leniently, with a warning on its first item)."""
    import feedparser

    got = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=True)
    entries = list(got.get("entries") or [])
    if not entries:
        why = xml_error or (str(got.get("bozo_exception") or "") if got.get("bozo") else "")
        if why and not got.get("version"):
            raise InputError(f"{name}: not a readable feed ({flat(why)})")
        raise InputError(f"{name}: the feed has no items")
    outlet = flat(str(got.get("feed", {}).get("title") or ""))
    out: list[Found] = []
    for n, entry in enumerate(entries, 1):
        try:
            out.append(_entry(entry, n, name, outlet))
        except Exception as ex:  # one bad item must not sink the others
            out.append(Skipped(f"{name}: item {n}: {flat(str(ex)) or type(ex).__name__}; skipped"))
    if xml_error:
        note = f"not well-formed XML ({xml_error}); read leniently"
        first = next((i for i, f in enumerate(out) if isinstance(f, Parsed)), None)
        if first is not None:
            p = out[first]
            assert isinstance(p, Parsed)
            out[first] = replace(p, warnings=(*p.warnings, note))
    return out


def _entry(entry: Any, n: int, name: str, outlet: str) -> Found:
    link = str(entry.get("link") or "").strip()
    key = str(entry.get("id") or "").strip() or link or f"{name}#item-{n}"
    if not link.lower().startswith(("http://", "https://")):
        link = ""  # an RSS guid taken for a permalink, but not a web address
    title = " ".join(_text(entry.get("title") or "", entry.get("title_detail")))
    body: list[str] = []
    for content in entry.get("content") or []:
        body = _text(content.get("value") or "", content)
        if body:
            break
    if not body:
        body = _text(entry.get("summary") or "", entry.get("summary_detail"))
    if not title and not body:
        return Skipped(f"{name}: item {n} ({key}) has no title or text; skipped")
    detail = entry.get("author_detail") or {}
    author = flat(str(detail.get("name") or entry.get("author") or ""))
    return Parsed(
        text="\n\n".join([title, *body] if title else body),
        body_start=0,
        title=title,
        dateline=_date(entry),
        url=link,
        outlet=outlet,
        author=author,
        key=key,
    )


def _text(value: str, detail: Any) -> list[str]:
    """Paragraphs of a feed text construct: HTML stripped when it is HTML (feedparser has
    already sanitised it), plain text split at its blank lines."""
    kind = str((detail or {}).get("type") or "text/html")
    if kind in _HTML_TYPES:
        return html_paragraphs(value)
    return [p for p in (flat(x) for x in re.split(r"\n\s*\n", value)) if p]


def _date(entry: Any) -> dt.date | None:
    """The published date as written (RFC 822 in RSS, RFC 3339 in Atom), else the
    updated one; feedparser's own parsed dates are in UTC, which can move a late-evening
    story to the next day, so they are the last resort."""
    for key in ("published", "updated", "created"):
        raw = str(entry.get(key) or "").strip()
        if not raw:
            continue
        if found := parse_date(raw):
            return found
        try:
            return email.utils.parsedate_to_datetime(raw).date()
        except (TypeError, ValueError, IndexError):
            pass
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None
