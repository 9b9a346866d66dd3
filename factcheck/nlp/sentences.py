"""Sentences and passages: a source's text cut into sentence spans, and the passages
(one per sentence, short fragments joined) that the store holds, with content-hash ids."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

from factcheck.lang import Vocabulary, resolve
from factcheck.nlp.quote_runs import quote_runs
from factcheck.types import Passage, QuoteRun, Source


def passage_id(source_id: str, start: int, text: str) -> str:
    """Content-hash id: the same text at the same place in the same source gets the same id."""
    return hashlib.sha256(f"{source_id}\n{start}\n{text}".encode()).hexdigest()[:32]


# A candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+)")
_NEXT_START = re.compile(r"\s+[\"'“‘(\[]?[A-Z0-9]")
_PARA = re.compile(r"\n[ \t]*\n")


def split_sentences(
    text: str, start: int = 0, end: int | None = None, *, vocab: Vocabulary | None = None
) -> list[tuple[int, int]]:
    """Sentence spans (start, end) inside ``text[start:end]``, whitespace trimmed.

    Blank lines always end a sentence. Abbreviations (the language's table: "U.S.", "Mr.")
    and initials ("J. Smith") do not; "No." only before a number ("No. 5").
    """
    v = resolve(vocab)
    abbrev, numbered_abbrev = v.abbreviations, v.numbered_abbreviations
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
                numbered = w in numbered_abbrev and text[stop:].lstrip()[:1].isdigit()
                if (
                    (w in abbrev and w not in numbered_abbrev)
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
    text: str, body_start: int, max_chars: int, min_chars: int, vocab: Vocabulary | None
) -> Iterator[tuple[int, int]]:
    """Sentence spans with short fragments joined to their neighbour, one at a time."""
    last: tuple[int, int] | None = None
    for s, e in split_sentences(text, body_start, vocab=vocab):
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
    source: Source,
    body_start: int = 0,
    *,
    max_chars: int = 600,
    min_chars: int = 40,
    vocab: Vocabulary | None = None,
) -> Iterator[Passage]:
    """One passage per sentence (short fragments join their neighbour), yielded as they are
    cut, so a large source streams through ingest in flat memory.

    Offsets index ``source.text`` so evidence can be shown in place."""
    text = source.text
    lead = ""  # the lead's id, once it is cut

    def make(span: tuple[int, int], pid: str, prev: str, nxt: str, run: QuoteRun | None) -> Passage:
        s, e = span
        nonlocal lead
        lead_id = lead
        if not lead and text[s:e].strip() != source.title.strip():
            lead = pid  # the lead itself has no lead_id
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
            lead_id=lead_id,
            trust=source.trust,
            date_order=source.date_order,
            quote_run=run,
        )

    def cut() -> Iterator[tuple[str, str, bool, tuple[int, int]]]:
        last = 0
        for s, e in _passage_spans(text, body_start, max_chars, min_chars, vocab):
            new_paragraph = last == 0 or bool(_PARA.search(text, last, s))
            yield passage_id(source.id, s, text[s:e]), text[s:e], new_paragraph, (s, e)
            last = e

    prev_id = ""
    held: tuple[tuple[int, int], str, QuoteRun | None] | None = None
    for (pid, span), run in quote_runs((pid, t, new, (pid, sp)) for pid, t, new, sp in cut()):
        if held is not None:
            yield make(held[0], held[1], prev_id, pid, held[2])
            prev_id = held[1]
        held = (span, pid, run)
    if held is not None:
        yield make(held[0], held[1], prev_id, "", held[2])


def split_passages(
    source: Source,
    body_start: int = 0,
    *,
    max_chars: int = 600,
    min_chars: int = 40,
    vocab: Vocabulary | None = None,
) -> list[Passage]:
    """All of ``iter_passages`` as a list."""
    return list(
        iter_passages(source, body_start, max_chars=max_chars, min_chars=min_chars, vocab=vocab)
    )


def leans_on_before(text: str, vocab: Vocabulary) -> bool:
    """Whether a sentence opens with a word that leans on the one before it (lexicon
    ``leaning_openers``: "It", "Its", "They", "This"): alone it does not say what of."""
    first = re.search(r"[^\W\d_]+", text)
    return bool(first) and first.group(0).lower() in vocab.leaning_openers  # type: ignore[union-attr]
