"""A figure as the level something reached or as the change that took it there: "rose 48.3
points to close at 5,210.17" gives a change (48.3) and a level (5,210.17) of one index, and
neither says anything of the other. The words just before a figure tell them apart: a
level after lexicon ``level_before`` ("to", "at", "a level of"), a change after
``change_before`` ("by", "up") or straight after a word of rising or falling ("gained 71.35
points", "fell 49%"). Anything else is neither ("a loss of $8.6 billion", "sold 300 cars")."""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from factcheck.lang import Vocabulary, alternation
from factcheck.nlp.clock import find_clock_times
from factcheck.nlp.words import canon_set, fuzzy_in
from factcheck.types import Value, ValueKind

FigureRole = Literal["level", "change", ""]

_FIGURES = frozenset([ValueKind.QUANTITY, ValueKind.MONEY, ValueKind.PERCENT])


@cache
def _ends_with(words: frozenset[str]) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(words)})\s*$", re.I)


def figure_role(
    text: str, v: Value, spans: tuple[tuple[str, int, int], ...], vocab: Vocabulary
) -> FigureRole:
    """Whether ``v`` (of ``text``, whose content words are ``spans``: lemma, start, end) is
    a level, a change, or neither."""
    if v.kind not in _FIGURES:
        return ""
    start = v.span[0]
    before = text[max(0, start - 20) : start]
    if vocab.level_before and _ends_with(vocab.level_before).search(before):
        return "level"
    if vocab.change_before and _ends_with(vocab.change_before).search(before):
        return "change"
    moves = canon_set(vocab.rises, vocab=vocab) | canon_set(vocab.falls, vocab=vocab)
    last = max((s for s in spans if s[2] <= start), key=lambda s: s[2], default=None)
    if last is not None and last[0] in moves and not text[last[2] : start].strip():
        return "change"  # "gained 71.35 points", "fell 49%"
    return ""


def other_roles(a: FigureRole, b: FigureRole) -> bool:
    """A level and a change: never figures of one thing."""
    return {a, b} == {"level", "change"}


def at_a_moment(text: str, vocab: Vocabulary) -> bool:
    """Whether a text gives a time of day ("at midday", "by 3 p.m."): a level it gives is
    where a thing stood at that moment, not where it closed."""
    return bool(find_clock_times(text, [], vocab=vocab))


def one_level(
    mine: frozenset[str],
    theirs: frozenset[str],
    common: list[str],
    names: set[str],
    vocab: Vocabulary,
    possible: frozenset[str] = frozenset(),
) -> bool:
    """Whether two levels (the words around them ``mine`` and ``theirs``, those they share
    or the passage names before ``common``) are where one named thing closed: the claim's
    whole name shared ("the Varden 250" is not "the Varden 100"), and both at the close of
    a session (lexicon ``closing_words``: "closed at", "finished the day at"), not its
    opening or a moment in it ("opened at", "rose to ... in early trading"), nor a level
    either text gives only as ``possible`` (their predicates of it: "expected to end the
    year at")."""
    named = [x for x in mine if fuzzy_in(x, names)]
    if possible & (mine | theirs):
        return False  # "analysts expect it to end the year at 5,200": a forecast
    closing = canon_set(vocab.closing_words, ("VERB", "NOUN"), vocab=vocab)
    return (
        bool(named)
        and all(x in common for x in named)
        and bool(mine & closing)
        and bool(theirs & closing)
    )
