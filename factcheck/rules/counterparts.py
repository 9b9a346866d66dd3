"""Two figures each the only one of their kind in their text: what a restatement's figure
is of, though no word around the two is the same (used by compare.py)."""

from __future__ import annotations

from factcheck.nlp.date_ranges import is_between
from factcheck.nlp.facts import TextFacts
from factcheck.nlp.lists import is_list_count
from factcheck.rules.align import ValueCheck, compatible, far_apart_lengths, of
from factcheck.types import NUMERIC_KINDS
from factcheck.types import ValueKind as K


def sole_counterparts(
    c: ValueCheck, claim: TextFacts, passage: TextFacts, skip: frozenset[int] = frozenset()
) -> bool:
    """Whether the two values of a check are each the only one of their kind (and unit or
    counted noun) in their text: in a passage that restates the claim (the caller's
    judgement), "a USD$ 23 billion dollar deal" is what the claim's "worth 40 billion US
    dollars" is of, though no word around the two is the same; two counts only of one
    counted noun or unit. ``skip``: ids of the claim's values that only date its account
    ("As of November 2005, ...")."""
    if c.claim.kind not in NUMERIC_KINDS or c.claim.kind != c.passage.kind:
        return False  # dates: a day for a day (compare._day_for_day) and timing.py
    vocab = claim.vocabulary
    if c.claim.kind == K.QUANTITY and not (of(c.claim) and of(c.claim) == of(c.passage)):
        return False  # a count is of what it counts: "wounded 238" is not "killed 107"
    if "span" in (c.claim.role, c.passage.role):
        return False  # two windows looked back over can both be true (:func:`can_refute`)
    if far_apart_lengths(c):
        return False  # "two days to stop" / "after an 11-year lull": two things' lengths
    mine = [
        f.value
        for f in claim.stated
        if id(f.value) not in skip
        and f.value.span not in claim.references
        and compatible(f.value, c.claim, vocab=vocab)
    ]
    theirs = [
        f.value
        for f in passage.found
        if f.value.span not in passage.references
        and not (is_list_count(f.value) or is_between(f.value))
        and compatible(f.value, c.passage, vocab=vocab)
    ]
    return len(mine) == 1 and len(theirs) == 1
