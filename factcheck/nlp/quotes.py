"""The quoted runs of a text: where a claim or passage gives someone's own words."""

from __future__ import annotations

import re
from collections.abc import Iterator

# A transcript's or an interview's speaker label opening a paragraph ("Ann Roe: We will
# ..."; "Knight: From all reports ..."): up to four capitalised words and a colon.
SPEAKER_LABEL = re.compile(r"^\s*(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}):\s+\S")


# Two apostrophes (or two backticks) written for a double quotation mark, as a typewriter
# or a wiki's plain text does ("''I'm more convinced ..."), opening before a word or
# closing after one.
_TYPED_OPEN = re.compile(r"(?:''|``)(?=[^\s'`])")
_TYPED_CLOSE = re.compile(r"(?<=[^\s'`])''")


def typed_quotes(text: str) -> str:
    """``text`` with each double quotation mark typed as two apostrophes or two backticks
    written as one straight mark and a space, the space on the side away from the quoted
    words: of the same length, so every offset into it is one into ``text``."""
    if "''" not in text and "``" not in text:
        return text
    text = _TYPED_OPEN.sub(' "', text)
    return _TYPED_CLOSE.sub('" ', text)


def quote_marks(text: str, is_open: bool = False) -> Iterator[tuple[int, bool]]:
    """The quotation marks of a text that open (True) or close (False) a quotation, by
    position, given whether one is open at its start. A straight quote opens where a word
    starts after it and none is open, else it closes; a closing mark with none open is
    yielded as closing too (a quotation begun before the text)."""
    for i, ch in enumerate(text):
        opens = ch == "“" or (
            ch == '"'
            and not is_open
            and (i == 0 or text[i - 1] in " \t\n([{—–-")
            and i + 1 < len(text)
            and not text[i + 1].isspace()
        )
        if opens:
            if not is_open:
                yield i, True
            is_open = True
        elif ch in '”"':
            yield i, False
            is_open = False


def open_at_end(text: str, open_at_start: bool) -> bool:
    """Whether a quotation is open at the end of ``text``, given whether one was open at
    its start."""
    is_open = open_at_start
    for _, opens in quote_marks(text, open_at_start):
        is_open = opens
    return is_open


def quotations(text: str) -> tuple[tuple[str, int, int], ...]:
    """The quoted runs of a text, (words, start, end). A quotation may run on past a
    passage's end (a quote of several sentences: no closing mark here) or begin before its
    start (a closing mark with none opening it)."""
    out: list[tuple[int, int]] = []
    open_at: int | None = None
    for i, opens in quote_marks(text):
        if opens:
            open_at = i + 1
        elif open_at is not None:
            out.append((open_at, i))
            open_at = None
        elif not out:
            out.append((0, i))  # the end of a quotation begun before this text
    if open_at is not None:
        out.append((open_at, len(text)))
    return tuple((text[a:b], a, b) for a, b in out if len(text[a:b].strip()) >= 3)
