"""Word documents (.docx), sources and drafts, through ``python-docx``.

The text is the document's paragraphs (tables, headers and footers left out), joined
with blank lines. The title is the core properties' title, else the first paragraph in
a Title or Heading style (else, later, the file's name); the author is the core
properties' author.

Dateline, kept simple: a date the text itself gives the way a text source does (a first
line "Date: 2024-05-14", applied by the reader) wins; only when there is none is the core
properties' ``created`` date used. That date is when the file was first made, which for
a document started from an old file or a template can be long before the story: a
dateline written in the document is the better one. (python-docx's default template's
author and creation time, which a document it made keeps unless they are set, are left
out.)

A .docx is a zip: one that is not, or whose parts would expand past the size limit (a
zip bomb), is refused before python-docx reads it."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass

from factcheck.errors import InputError
from factcheck.sources.markup import flat

# python-docx's own default template: a document it made and nobody described carries
# this author and creation time, which say nothing about the story.
_TEMPLATE_AUTHOR = "python-docx"
_TEMPLATE_CREATED = dt.datetime(2013, 12, 23, 23, 15, tzinfo=dt.UTC)


@dataclass(frozen=True, slots=True)
class WordDocument:
    paragraphs: tuple[str, ...]
    title: str = ""  # core properties' title, else the first Title/Heading paragraph
    author: str = ""
    created: dt.date | None = None


def read_docx(data: bytes, name: str, max_bytes: int) -> WordDocument:
    """A Word document's paragraphs and core properties, or an InputError naming ``name``.

    ``max_bytes`` also bounds what the zip's parts expand to."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            expanded = sum(i.file_size for i in zf.infolist())
            if "word/document.xml" not in zf.namelist():
                raise InputError(f"{name}: is a zip file but not a Word document (.docx)")
    except zipfile.BadZipFile:
        raise InputError(
            f"{name}: is not a Word document (.docx is a zip file; this is not)"
        ) from None
    if expanded > max_bytes:
        raise InputError(
            f"{name}: its parts expand to {expanded:,} bytes (limit {max_bytes:,}, the "
            "max_source_bytes setting); not read"
        )
    import docx

    try:
        doc = docx.Document(io.BytesIO(data))
    except Exception as ex:  # python-docx raises several kinds for a damaged package
        raise InputError(f"{name}: not a readable Word document ({flat(str(ex))})") from None
    paras: list[str] = []
    heading = ""
    for p in doc.paragraphs:
        text = p.text.strip()
        if not text:
            continue
        paras.append(text)
        style = (p.style.name if p.style is not None else "") or ""
        if not heading and (style == "Title" or style.startswith("Heading")):
            heading = flat(text)
    core = doc.core_properties
    created = core.created if isinstance(core.created, dt.datetime) else None
    if created is not None and created.tzinfo is None:
        created = created.replace(tzinfo=dt.UTC)
    author = flat(core.author or "")
    return WordDocument(
        paragraphs=tuple(paras),
        title=flat(core.title or "") or heading,
        author="" if author == _TEMPLATE_AUTHOR else author,
        created=created.date() if created and created != _TEMPLATE_CREATED else None,
    )
