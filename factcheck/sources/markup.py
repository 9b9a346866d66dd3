"""XML read safely, and the paragraphs of (X)HTML markup.

Every XML document from outside goes through :func:`parse_xml`: lxml with entity
resolution, network access and DTD loading off and libxml2's size limits on
(``huge_tree=False``). A document that declares entities is refused outright, since an
entity is how an XML bomb expands ("billion laughs") and how an external entity reads a
local file; a newsroom's wire copy and feeds have no need of them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from factcheck.errors import InputError

# Elements whose text is one paragraph (XHTML, HTML and NITF all use <p>).
_BLOCKS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dt", "dd", "hl1", "hl2"}
    | {"div", "section", "article", "header", "footer", "ul", "ol", "dl", "table", "tr"}
    | {"figure", "figcaption", "body", "body.head", "body.content", "body.end", "byline"}
)
_DROP = frozenset({"script", "style", "head", "title", "template", "noscript"})
# Collapsed: ASCII and line-breaking white space. No-break and thin spaces stay: between
# digits they group thousands ("1\u00a0000"), which the value parser reads as one figure.
_WS = re.compile(r"[ \t\n\r\f\v\u2028\u2029\x85]+")


@dataclass(frozen=True, slots=True)
class XmlDoc:
    """A parsed document: its root, and the parser's complaint when it was not well-formed
    (``error`` set: ``root`` is what lxml's recovering parser made of it, possibly None)."""

    root: Any
    error: str = ""


def _parser(recover: bool) -> Any:
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        dtd_validation=False,
        recover=recover,
        remove_comments=True,
        remove_pis=True,
    )


def _refuse_entities(root: Any, name: str) -> None:
    dtd = root.getroottree().docinfo.internalDTD if root is not None else None
    if dtd is not None and list(dtd.entities()):
        names = ", ".join(sorted({e.name for e in dtd.entities()})[:3])
        raise InputError(
            f"{name}: declares XML entities ({names}); refused, since an entity can expand "
            "without bound or read a local file"
        )


def parse_xml(data: bytes, name: str) -> XmlDoc:
    """Parse ``data`` safely (see the module's docstring). A document that is not
    well-formed comes back with ``error`` set and the recovering parser's root, for the
    callers that can read it leniently (feeds); one that declares entities, or where
    nothing is left to read, raises an :class:`InputError` naming ``name``."""
    from lxml import etree

    if not data.strip():
        raise InputError(f"{name}: is empty")
    try:
        root = etree.fromstring(data, _parser(recover=False))
    except etree.XMLSyntaxError as ex:
        error = flat(str(ex))
        try:
            root = etree.fromstring(data, _parser(recover=True))
        except etree.XMLSyntaxError:
            root = None
        _refuse_entities(root, name)
        if "amplification" in error:
            raise InputError(
                f"{name}: refused, its entities expand without bound ({error})"
            ) from None
        return XmlDoc(root, error)
    except ValueError as ex:  # e.g. a str with an encoding declaration, or a NUL byte
        raise InputError(f"{name}: cannot be read as XML ({flat(str(ex))})") from None
    _refuse_entities(root, name)
    return XmlDoc(root)


def local_name(el: Any) -> str:
    """'{http://iptc.org/std/nar/2006-10-01/}newsItem' -> 'newsItem'."""
    tag = el.tag if isinstance(el.tag, str) else ""
    return tag.rsplit("}", 1)[-1]


def namespace(el: Any) -> str:
    tag = el.tag if isinstance(el.tag, str) else ""
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def flat(text: str) -> str:
    """Whitespace collapsed to single spaces: the text of a headline or a paragraph."""
    return _WS.sub(" ", text).strip()


def element_text(el: Any) -> str:
    """All the text inside an element (comments and processing instructions left out)."""
    if el is None:
        return ""
    return flat("".join(t for t in el.itertext() if isinstance(t, str)))


def paragraphs(root: Any) -> list[str]:
    """The paragraphs of a piece of (X)HTML or NITF, in document order, whatever the
    namespace: each block element (``p``, headings, list items, ``div``...) and each
    ``br`` ends a paragraph, text outside them counts too, and scripts and styles are
    left out."""
    out: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        text = flat("".join(buf))
        buf.clear()
        if text:
            out.append(text)

    def walk(el: Any) -> None:
        block = local_name(el).lower() in _BLOCKS
        if block:
            flush()
        if el.text:
            buf.append(el.text)
        for child in el:
            if isinstance(child.tag, str):  # not a comment or a processing instruction
                name = local_name(child).lower()
                if name == "br":
                    flush()
                elif name not in _DROP:
                    walk(child)
            if child.tail:
                buf.append(child.tail)
        if block:
            flush()

    if root is not None:
        walk(root)
        flush()
    return out


def html_paragraphs(html: str) -> list[str]:
    """The paragraphs of an HTML fragment (a feed entry's summary or content), tags
    stripped, through lxml's HTML parser with network access off."""
    if "<" not in html:  # plain text: its blank lines are its paragraphs
        return [p for p in (flat(x) for x in re.split(r"\n\s*\n", html)) if p]
    import lxml.html
    from lxml import etree

    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div", parser=parser)
    except (etree.ParserError, ValueError):
        return []
    return paragraphs(root)
