"""Which passage figure a claim's figure is of: two figures each the only one of their
kind in their text (what a restatement's figure is of, though no word around the two is
the same), and a count whose noun the passage leaves out (used by compare.py)."""

from __future__ import annotations

from factcheck.lang import Vocabulary
from factcheck.nlp.date_ranges import is_between
from factcheck.nlp.facts import TextFacts
from factcheck.nlp.lists import is_list_count
from factcheck.rules.align import ValueCheck, compatible, far_apart_lengths, of, values_agree
from factcheck.rules.assessment import Assessment, Comparison, neutral
from factcheck.rules.describe import describe
from factcheck.thresholds import Thresholds
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


def count_left_unnamed(a: Assessment, t: Thresholds) -> Comparison | None:
    """A count of the claim's that another count of the passage disputes, where the passage
    also gives the claim's number with no noun of its own ("The blast killed 42 people and
    hurt about 300" for "About 300 people were hurt"; "It sold 1.2 million cars, of which
    300,000 were electric"): the noun it leaves out may be the claim's, so the other count
    is not shown to be of the same thing. Not where the claim's verb is the other count's
    and the bare one is of another event ("The fire destroyed 150 homes and damaged 400
    more" against "400 homes were destroyed"). Neutral where every disputed count is such."""
    wrong = [c for c in a.checks if not c.agree]
    if not wrong:
        return None
    used = {id(c.passage) for c in a.checks}
    vocab = a.claim.vocabulary
    light = vocab.part_verbs  # "including 400 in Ostrel": a part, no event of its own
    verb = {id(f.value): f.verb for f in (*a.claim.found, *a.passage.found)}
    text = a.passage.text
    bare = [
        f.value
        for f in a.passage.found
        if f.value.kind == K.QUANTITY
        and not f.value.noun
        and not f.owner  # an item of a "respectively" list is its item's
        and id(f.value) not in used
        and not _difference(text, f.value.span[1], vocab)
    ]
    said = []
    for c in wrong:
        v, mine = c.claim, verb.get(id(c.claim), "")
        same = [
            p
            for p in bare
            if v.kind == K.QUANTITY
            and v.noun
            and p.role == v.role
            and values_agree(v, p, t.weights, vocab=vocab)
            and values_agree(p, v, t.weights, vocab=vocab)
            and not (
                mine
                and mine == verb.get(id(c.passage))
                and verb.get(id(p), "") not in {mine, "", *light}
            )
        ]
        if not same:
            return None
        said.append(f"{same[0].text!r}")
    gives = describe(wrong[0].passage, vocab=vocab)
    return neutral(
        a,
        f"the source gives {gives} ({wrong[0].passage.text!r}), and also {', '.join(said)}"
        " without saying of what",
    )


def _difference(text: str, end: int, vocab: Vocabulary) -> bool:
    """Whether a count ending at ``end`` is a difference ("1,500 people, 500 fewer than in
    2015"; not "damaged 400 more", a count of its own)."""
    words = [w.strip(".,;:").lower() for w in text[end:].split()[:2]]
    return (
        len(words) == 2 and words[0] in vocab.degree_words and words[1] in vocab.comparison_markers
    )
