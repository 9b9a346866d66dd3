"""NewsML-G2 news items (IPTC), the format in which the agencies deliver their stories.

Read (from a tree that :func:`factcheck.sources.markup.parse_xml` made safely):

- ``newsItem@guid`` is the source's id, ``@version`` its version (a whole number; 1 when
  absent, the schema's default): a newer version replaces the stored story, an older one
  never overwrites it (the ingest run decides, against the store);
- ``itemMeta/pubStatus@qcode``: ``stat:usable`` (the default) is a story;
  ``stat:canceled`` and ``stat:withheld`` are a :class:`Withdrawal` of that guid;
- ``contentMeta/headline`` the title (and the first paragraph of the indexed text, as a
  headline is prose too), ``contentMeta/by`` the byline (a leading "By" dropped; else
  ``creator/name``), ``contentMeta/contentCreated`` the dateline (the date as written; else
  ``itemMeta/firstCreated``), the copyright holder or provider's name the outlet;
- ``contentSet/inlineXML`` the body: its ``<p>`` paragraphs (XHTML or NITF), separated by
  blank lines; else ``contentSet/inlineData`` as plain text.

A ``newsMessage`` carries several items in its ``itemSet``: each is one source."""

from __future__ import annotations

import re
from typing import Any

from factcheck.errors import InputError
from factcheck.sources.items import Found, Parsed, Skipped, Withdrawal, parse_date
from factcheck.sources.markup import element_text, flat, local_name, namespace, paragraphs

NAR = "http://iptc.org/std/nar/2006-10-01/"
ROOTS = ("newsItem", "newsMessage")
WITHDRAWN = ("canceled", "withheld")
_BY = re.compile(r"^by\s+", re.IGNORECASE)  # "By Ada Example" -> "Ada Example"


def is_newsml(root: Any) -> bool:
    return root is not None and namespace(root) == NAR and local_name(root) in ROOTS


def _q(path: str) -> str:
    """'itemMeta/pubStatus' -> the path in the NAR namespace, for ``find``."""
    return "/".join(f"{{{NAR}}}{part}" for part in path.split("/"))


def read_newsml(root: Any, name: str) -> list[Found]:
    """Each news item of a ``newsItem`` or ``newsMessage`` document: a :class:`Parsed`
    story (``key`` = its guid), a :class:`Withdrawal`, or a :class:`Skipped` item that
    names what is wrong (the others go on)."""
    if local_name(root) == "newsItem":
        items = [root]
    else:
        items = root.findall(_q("itemSet/newsItem")) or list(root.iter(_q("newsItem")))
        if not items:
            raise InputError(f"{name}: a NewsML-G2 newsMessage with no newsItem in it")
    return [_item(el, name, n) for n, el in enumerate(items, 1)]


def _item(el: Any, name: str, n: int) -> Found:
    guid = (el.get("guid") or "").strip()
    if not guid:
        return Skipped(f"{name}: news item {n} has no guid; skipped")
    raw_version = (el.get("version") or "1").strip()
    try:
        version = int(raw_version)
    except ValueError:
        version = 0
    if version < 1:
        return Skipped(f"{name}: {guid}: version {raw_version!r} is not a whole number from 1")
    status = _status(el.find(_q("itemMeta/pubStatus")))
    if status in WITHDRAWN:
        return Withdrawal(guid, version, status, name)
    if status != "usable":
        return Skipped(f"{name}: {guid}: unknown pubStatus {status!r}; skipped")
    headline = element_text(el.find(_q("contentMeta/headline")))
    body = _body(el.find(_q("contentSet")))
    if not body:
        return Skipped(f"{name}: {guid}: has no text (a picture or video item?); skipped")
    created = el.find(_q("contentMeta/contentCreated"))
    if created is None:
        created = el.find(_q("itemMeta/firstCreated"))
    text = "\n\n".join([headline, *body] if headline else body)
    return Parsed(
        text=text,
        body_start=0,
        title=headline or element_text(el.find(_q("contentMeta/slugline"))),
        dateline=parse_date(element_text(created)),
        outlet=_outlet(el),
        author=_BY.sub("", element_text(el.find(_q("contentMeta/by"))))
        or element_text(el.find(_q("contentMeta/creator/name"))),
        key=guid,
        version=version,
    )


def _status(el: Any) -> str:
    """'stat:canceled' or 'http://cv.iptc.org/newscodes/pubstatusg2/canceled' -> 'canceled';
    no pubStatus means usable."""
    if el is None:
        return "usable"
    code = (el.get("qcode") or el.get("uri") or "usable").strip()
    return code.rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1].lower()


def _body(content_set: Any) -> list[str]:
    if content_set is None:
        return []
    for inline in content_set.findall(_q("inlineXML")):
        paras = [t for p in inline.iter("{*}p") if (t := element_text(p))]
        if not paras:
            paras = paragraphs(inline)
        if paras:
            return paras
    for data in content_set.findall(_q("inlineData")):
        text = "".join(data.itertext())
        paras = [t for chunk in re.split(r"\n\s*\n", text) if (t := flat(chunk))]
        if paras:
            return paras
    return []


def _outlet(el: Any) -> str:
    for path in ("rightsInfo/copyrightHolder/name", "itemMeta/provider/name"):
        if got := element_text(el.find(_q(path))):
            return got
    provider = el.find(_q("itemMeta/provider"))
    return (provider.get("literal") or "").strip() if provider is not None else ""
