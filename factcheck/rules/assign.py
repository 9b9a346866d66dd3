"""Which passage figure answers which claim figure, one each: "the Nasdaq closed at 1,387.7
after losing 53.5 points" against "lost 25.15 points, closing at 1,442.82" pairs 53.5 with
25.15 (both points lost); the 25.15 is then no answer to the 1,387.7 as well, though it is
as near it as the 1,442.82. Each claim figure, the surest pairing first, takes its best
passage figure unless a surer pairing took it to disagree with: then it is left unpaired
(its next best is a guess; unpaired, it is simply not stated). A figure that agrees may
answer two (a claim can name one date twice). A date on the claim date's own event word
("begin regular service on October 28" for "begin regular service on 25 October") comes
before one that matches on another ("a charity flight on October 25"): which event a
date is of, its verb says."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from factcheck.types import Value

# ((the date of a figure equal to the claim's, a date on the claim date's own event word),
# score with preferences, agrees, on the claim's event)
Key = tuple[tuple[bool, bool], float, bool, bool]


@dataclass(frozen=True, slots=True)
class Candidate:
    """One passage figure a claim figure may pair with, and how surely."""

    key: Key
    passage: Value
    score: float
    anchored: bool
    same_noun: bool
    alike: bool


def ranked(cands: list[Candidate]) -> list[Candidate]:
    """Best first; on a tie of keys, the later of two agreeing figures, the earlier of two
    that disagree (the order the passage gives them in)."""
    order = {id(c): i for i, c in enumerate(cands)}
    return sorted(
        cands, key=lambda c: (c.key, order[id(c)] if c.key[2] else -order[id(c)]), reverse=True
    )


def one_each(per_claim: list[tuple[Any, list[Candidate]]]) -> list[tuple[Any, Candidate]]:
    """For each claim figure (with its candidates), the candidate it pairs with, in the
    claim's order; a claim figure left with none is left out."""
    lists = [(c, ranked(cands)) for c, cands in per_claim if cands]
    taken: set[int] = set()
    chosen: dict[int, Candidate] = {}
    for i in sorted(range(len(lists)), key=lambda i: lists[i][1][0].key, reverse=True):
        pick = lists[i][1][0]
        if id(pick.passage) not in taken or pick.key[2]:
            chosen[i] = pick
            taken.add(id(pick.passage))
    return [(lists[i][0], chosen[i]) for i in sorted(chosen)]
