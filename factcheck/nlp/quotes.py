"""The quoted runs of a text: where a claim or passage gives someone's own words."""

from __future__ import annotations


def quotations(text: str) -> tuple[tuple[str, int, int], ...]:
    """The quoted runs of a text, (words, start, end). A quotation may run on past a
    passage's end (a quote of several sentences: no closing mark here) or begin before its
    start (a closing mark with none opening it)."""
    out: list[tuple[int, int]] = []
    open_at: int | None = None
    for i, ch in enumerate(text):
        # A straight quote opens where a word starts after it, else it closes.
        opens = ch == "“" or (
            ch == '"'
            and open_at is None
            and (i == 0 or text[i - 1] in " \t\n([{—–-")
            and i + 1 < len(text)
            and not text[i + 1].isspace()
        )
        if opens:
            if open_at is None:
                open_at = i + 1
        elif ch in '”"':
            if open_at is not None:
                out.append((open_at, i))
                open_at = None
            elif not out:
                out.append((0, i))  # the end of a quotation begun before this text
    if open_at is not None:
        out.append((open_at, len(text)))
    return tuple((text[a:b], a, b) for a, b in out if len(text[a:b].strip()) >= 3)
