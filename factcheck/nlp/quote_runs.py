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

An interview or a transcript names each speaker once, as the label that opens a turn
("Ida Lind: Forty years."). A turn's paragraphs after the labelled one carry no label of
their own; a turn ends where the next label opens a paragraph, so the paragraphs between
two labels are the first label's turn. The paragraphs after the last label are not known
to be anyone's turn (the reporter may take over again), and are read as above.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

from factcheck.nlp.quotes import SPEAKER_LABEL, open_at_end, quote_marks, typed_quotes
from factcheck.types import QuoteRun

T = TypeVar("T")

_OPENERS = "“\"'‘"
_MARKS = '“”"'  # the double marks quote_marks reads


class _Quotations(Generic[T]):
    """Runs of quotation marks over the passages fed to it in source order; items wait
    only while a quotation is open, so a long source still streams."""

    def __init__(self) -> None:
        self.held: list[tuple[str, T]] = []  # the open run's passages
        self.before = ""
        self.prev = ""
        self.is_open = False
        self.doubtful: list[tuple[str, str, bool, T]] = []  # a paragraph read to its end first

    def _close(self, closed: bool = True) -> Iterator[tuple[T, QuoteRun | None]]:
        held = self.held
        run = QuoteRun(self.before, held[0][0], held[-1][0]) if len(held) > 1 and closed else None
        yield from ((item, run) for _, item in held)
        held.clear()

    def feed(
        self, pid: str, text: str, new_paragraph: bool, item: T
    ) -> Iterator[tuple[T, QuoteRun | None]]:
        if self.doubtful and not new_paragraph:
            self.doubtful.append((pid, text, new_paragraph, item))
            return
        if self.doubtful:
            yield from self._settle()
        if self.is_open and new_paragraph and text.lstrip()[:1] not in _OPENERS:
            # a paragraph after an open quotation, without a mark to carry it on: read to
            # its end, it may close the quotation (its opening mark left out)
            self.doubtful.append((pid, text, new_paragraph, item))
            return
        yield from self._step(pid, text, new_paragraph, item)

    def _settle(self) -> Iterator[tuple[T, QuoteRun | None]]:
        """A paragraph after an open quotation that opens with no mark: the rest of the
        quotation where its one mark closes it after its last sentence ('... put the game
        to bed early."'); else the quotation's end is not known, and the paragraph is
        read as narration."""
        doubtful, self.doubtful = self.doubtful, []
        if _closes_at_end(" ".join(t for _, t, _, _ in doubtful)):
            self.held.extend((pid, item) for pid, _, _, item in doubtful)
            self.is_open = False
            self.prev = doubtful[-1][0]
            yield from self._close()
            return
        for pid, text, new_paragraph, item in doubtful:
            yield from self._step(pid, text, new_paragraph, item)

    def _step(
        self, pid: str, text: str, new_paragraph: bool, item: T
    ) -> Iterator[tuple[T, QuoteRun | None]]:
        body = text.lstrip()
        going_on = self.is_open and (not new_paragraph or body[:1] in _OPENERS)
        if self.is_open and not going_on:
            # no closing mark, and the next paragraph does not carry the quotation on: a
            # mark is missing somewhere in it, so where the quotation ends is not known
            yield from self._close(closed=False)
        if going_on:
            # a paragraph that carries the quotation on opens with a mark of its own
            self.is_open = open_at_end(body[1:] if new_paragraph else text, True)
        else:
            self.is_open = open_at_end(text, False)
            self.before = self.prev
        if self.is_open or going_on:
            self.held.append((pid, item))
        else:
            yield item, None
        if not self.is_open and self.held:
            yield from self._close()
        self.prev = pid

    def finish(self) -> Iterator[tuple[T, QuoteRun | None]]:
        """Release a quotation still open (its closing mark is missing)."""
        if self.doubtful:
            yield from self._settle()
        if self.held:
            yield from self._close(closed=False)
        self.is_open = False


def _closes_at_end(paragraph: str) -> bool:
    """Whether a paragraph's one quotation mark closes a quotation after its last sentence
    ('... put the game to bed early."')."""
    marks = list(quote_marks(paragraph, True))
    end = paragraph.rstrip()
    return (
        sum(ch in _MARKS for ch in paragraph) == 1  # an opening curly mark is not yielded
        and len(marks) == 1
        and not marks[0][1]
        and marks[0][0] == len(end) - 1
        and end[-2:-1] in (".", "!", "?")
    )


def quote_runs(passages: Iterable[tuple[str, str, bool, T]]) -> Iterator[tuple[T, QuoteRun | None]]:
    """Each of ``(id, text, new_paragraph, item)`` in source order, as ``(item, run)``:
    the run of quotation of two or more passages it belongs to, or the speaker's turn it
    belongs to, else None. A turn's paragraphs wait for the next label (or the source's
    end), quotations while they are open; everything else streams."""
    marks: _Quotations[T] = _Quotations()
    turn: QuoteRun | None = None  # the last label's turn
    in_label = False  # still in the paragraph the label opens
    after: list[
        tuple[str, str, bool, T]
    ] = []  # the paragraphs since: the turn's, if a label follows
    for pid, written, new_paragraph, item in passages:
        text = typed_quotes(written)
        if new_paragraph and SPEAKER_LABEL.match(text):
            yield from marks.finish()
            if turn is not None:
                yield from ((it, turn) for *_, it in after)
            after.clear()
            turn, in_label = QuoteRun("", pid, ""), True
            marks.prev = pid
            yield item, turn
        elif turn is not None and (in_label and not new_paragraph):
            marks.prev = pid
            yield item, turn
        elif turn is not None:
            in_label = False
            after.append((pid, text, new_paragraph, item))
        else:
            yield from marks.feed(pid, text, new_paragraph, item)
    for pid, text, new_paragraph, item in after:
        yield from marks.feed(pid, text, new_paragraph, item)
    yield from marks.finish()
