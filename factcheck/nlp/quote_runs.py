"""Quotations that run over several passages: news copy quotes a speaker for two or three
sentences, or a paragraph or more, and names them once ("Rathbun stated," then the quoted
paragraph; or the quotation first, then '... two hours," he said.'). A passage in the middle
of such a quotation has no quotation mark and no reporting verb of its own: read alone, it
looks like the reporter's narration.

This module finds the runs from the text alone, when a source is cut into passages
(nlp/sentences.py): each passage of a run of two or more is stored with the ids of the
passage before the run, the run's first and its last, where its speaker is named
(nlp/speech.py reads them). The marks are read as :func:`quotes.quotations` reads them;
a quotation left open at a paragraph's end goes on only where the next paragraph opens
with a quotation mark (the convention for a quotation of several paragraphs); otherwise a
closing mark is missing (a quotation that runs on into the reporter's narration in the
copy), where it ends is not known, and its passages are read one by one as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

from factcheck.nlp.quotes import SPEAKER_LABEL, open_at_end
from factcheck.types import QuoteRun

T = TypeVar("T")

_OPENERS = "“\"'‘"


def quote_runs(passages: Iterable[tuple[str, str, bool, T]]) -> Iterator[tuple[T, QuoteRun | None]]:
    """Each of ``(id, text, new_paragraph, item)`` in source order, as ``(item, run)``:
    the run of quotation of two or more passages it belongs to, else None. Items wait
    only while a quotation is open, so a long source still streams."""
    held: list[tuple[str, T]] = []  # the open run's passages
    before = ""
    prev = ""
    is_open = False

    def close(closed: bool = True) -> Iterator[tuple[T, QuoteRun | None]]:
        run = QuoteRun(before, held[0][0], held[-1][0]) if len(held) > 1 and closed else None
        yield from ((item, run) for _, item in held)
        held.clear()

    labelled: list[tuple[str, T]] = []  # a paragraph opened by a speaker's label

    def close_labelled() -> Iterator[tuple[T, QuoteRun | None]]:
        run = QuoteRun("", labelled[0][0], "")
        yield from ((item, run) for _, item in labelled)
        labelled.clear()

    for pid, text, new_paragraph, item in passages:
        if labelled and not new_paragraph:
            labelled.append((pid, item))  # the labelled paragraph goes on
            prev = pid
            continue
        if labelled:
            yield from close_labelled()
        if new_paragraph and SPEAKER_LABEL.match(text):
            if is_open:
                yield from close(closed=False)
                is_open = False
            labelled.append((pid, item))
            prev = pid
            continue
        body = text.lstrip()
        going_on = is_open and (not new_paragraph or body[:1] in _OPENERS)
        if is_open and not going_on:
            # no closing mark, and the next paragraph does not carry the quotation on: a
            # mark is missing somewhere in it, so where the quotation ends is not known
            yield from close(closed=False)
        if going_on:
            # a paragraph that carries the quotation on opens with a mark of its own
            is_open = open_at_end(body[1:] if new_paragraph else text, True)
        else:
            is_open = open_at_end(text, False)
            before = prev
        if is_open or going_on:
            held.append((pid, item))
        else:
            yield item, None
        if not is_open and held:
            yield from close()
        prev = pid
    if held:
        yield from close(closed=False)
    if labelled:
        yield from close_labelled()
