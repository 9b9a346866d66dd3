"""The direction of a change or a difference: the same figure said to rise in one text and
to fall in the other ("the CAC 40 fell 46.19 points" / "the CAC 40 increased 46.19
points", "20 fewer seats" / "20 extra seats") is a contradiction, though the figures
agree. Pure code over the words near each value."""

from __future__ import annotations

import re

from factcheck.lang import Vocabulary, alternation
from factcheck.nlp.facts import TextFacts
from factcheck.nlp.levels import figure_role
from factcheck.nlp.words import canon_set
from factcheck.rules.align import ValueCheck
from factcheck.rules.assessment import Assessment, Comparison
from factcheck.rules.describe import describe
from factcheck.thresholds import Thresholds
from factcheck.types import Stance, Value, ValueKind

CHANGES = frozenset([ValueKind.PERCENT, ValueKind.MONEY, ValueKind.QUANTITY])


def direction(facts: TextFacts, v: Value) -> int:
    """+1 when ``v`` is said to rise, -1 when said to fall, 0 when neither or both: the word
    it attaches to says so first ("profit fell 20%", "a loss of $15 billion"), else the
    words near it, when they say one direction ("the index gained 31.4 points, or 1.2%";
    not "sales and losses", which says both). A level a change reached ("fell to $2.7
    billion") has none."""
    found = next((f for f in facts.found if f.value is v), None)
    if found is None:
        return 0
    vocab = facts.vocabulary
    if figure_role(facts.text, v, facts.spans, vocab) == "level":
        return 0  # "fell to $2.7 billion": the level reached, not the change
    up, down = canon_set(vocab.rises, vocab=vocab), canon_set(vocab.falls, vocab=vocab)
    if found.anchor in up or found.anchor in down:
        return 1 if found.anchor in up else -1
    mine = _nearest_words(facts, v)
    rose, fell = bool(found.context & up & mine), bool(found.context & down & mine)
    return 0 if rose == fell else (1 if rose else -1)


def reached(facts: TextFacts, v: Value) -> int:
    """+1 when ``v`` is the level a rise reached ("raised the price to $79"), -1 when the
    level a fall reached ("cut the price to $79", "fell to 5%"), else 0: the word it
    attaches to says so, or the words nearest it, where they say one way; a word naming
    an amount ("the loss came to $5 billion", lexicon ``amount_words``) names no move."""
    found = next((f for f in facts.found if f.value is v), None)
    vocab = facts.vocabulary
    if found is None or figure_role(facts.text, v, facts.spans, vocab) != "level":
        return 0
    amounts = canon_set(vocab.amount_words, vocab=vocab)
    up = canon_set(vocab.rises, vocab=vocab) - amounts
    down = canon_set(vocab.falls, vocab=vocab) - amounts
    if found.anchor in up or found.anchor in down:
        return 1 if found.anchor in up else -1
    mine = _nearest_words(facts, v)
    rose, fell = bool(mine & up), bool(mine & down)
    return 0 if rose == fell else (1 if rose else -1)


def moved(facts: TextFacts, v: Value) -> bool:
    """Whether ``v`` is said to be a change, or the level a change reached ("raised the
    price to $79", "fell to 5%")."""
    return bool(direction(facts, v) or reached(facts, v))


def unchanged(facts: TextFacts, v: Value) -> bool:
    """Whether ``v`` is said to have stayed as it was: a word of ``unchanged_words`` joined
    to it by a word of ``unchanged_joiners`` ("left unchanged at 5%", "remained at 40%",
    "with the same price of $79": "same" may stand before the figure's noun), in its own
    clause. Not a word that says it of something else ("40 people remain missing", "the
    remaining 300 jobs", "in the same quarter, sales were $5 billion")."""
    vocab = facts.vocabulary
    clause = re.split(r"[,;:]|\.\s", facts.text[: v.span[0]])[-1].lower()
    words = re.findall(r"[^\W\d]+", clause)
    if len(words) < 2 or words[-1] not in vocab.unchanged_joiners:
        return False
    if _stays(words[-2], vocab.unchanged_words):
        return True  # "unchanged at", "remained at"
    # or one word between, the figure's own noun: "the same price of $79"
    found = next((f for f in facts.found if f.value is v), None)
    own = {found.anchor, v.noun} - {""} if found is not None else set()
    return (
        len(words) >= 3
        and _stays(words[-3], vocab.unchanged_words)
        and any(words[-2].startswith(w) for w in own)
    )


def _stays(word: str, forms: frozenset[str]) -> bool:
    """A written form of a word of staying ("remained", "stays"; not "remaining")."""
    return any(word == w or (word.startswith(w) and word[len(w) :] in ("s", "ed")) for w in forms)


def _restated(text: str, a: tuple[int, int], b: tuple[int, int], vocab: Vocabulary) -> bool:
    """Two figures of one change, the second restating the first ("31.4 points, or 1.2%")."""
    gap = text[min(a[1], b[1]) : max(a[0], b[0])]
    joiner = alternation(vocab.restating_joiners)
    # the first figure's unit may stand between ("31.4 points, or 1.2%")
    return bool(re.fullmatch(rf"\s*(?:[^\W\d]+\s*)?,?\s*(?:{joiner})\s*", gap, re.I))


def _nearest_words(facts: TextFacts, v: Value) -> frozenset[str]:
    """The words nearer ``v`` than any other figure of the text: "an additional US$ 5
    billion in aid on top of the four billion" says the five billion is additional, not
    the four; "the $4 billion it has been given, and plans to cut 3,000 jobs" cuts jobs."""
    text = facts.text
    others = [
        f.value.span
        for f in facts.found
        if f.value is not v and not _restated(text, v.span, f.value.span, facts.vocabulary)
    ]

    def gap(a: tuple[int, int], s: int, e: int) -> int:
        return max(a[0] - e, s - a[1], 0)

    return frozenset(
        lem for lem, s, e in facts.spans if all(gap(v.span, s, e) <= gap(o, s, e) for o in others)
    )


def _pinned(v: Value, width: float) -> bool:
    """A figure, not a vague amount ("260.77 points", "about 30%"; not "hundreds of")."""
    if v.low is None or v.high is None:
        return False
    return v.high - v.low <= width * max(abs(v.low), abs(v.high))


def _flipped(a: Assessment, c: ValueCheck, width: float) -> bool:
    if not c.agree or c.claim.kind not in CHANGES:
        return False
    if not (_pinned(c.claim, width) and _pinned(c.passage, width)):
        return False
    if direction(a.claim, c.claim) * direction(a.passage, c.passage) == -1:
        return True
    return reached(a.claim, c.claim) * reached(a.passage, c.passage) == -1


def _stood(a: Assessment, c: ValueCheck, width: float) -> bool:
    """The same figure moved in one text and unchanged in the other."""
    if not c.agree or c.claim.kind not in CHANGES:
        return False
    if not (_pinned(c.claim, width) and _pinned(c.passage, width)):
        return False
    return (moved(a.claim, c.claim) and unchanged(a.passage, c.passage)) or (
        unchanged(a.claim, c.claim) and moved(a.passage, c.passage)
    )


def direction_flip(a: Assessment, t: Thresholds) -> Comparison | None:
    """A figure of the claim that the source gives as the opposite change, or as no change
    where the claim says it changed (or the other way round)."""
    width = t.weights.direction_figure_width
    c = next((c for c in a.checks if _flipped(a, c, width) or _stood(a, c, width)), None)
    if c is None:
        return None
    w = t.weights
    # "up" and "down" say both a change ("rose 5%") and a difference ("20 fewer seats")
    if _stood(a, c, width):
        moving = moved(a.claim, c.claim)
        said, other = ("changed", "unchanged") if moving else ("unchanged", "changed")
    else:
        up = (direction(a.claim, c.claim) or reached(a.claim, c.claim)) > 0
        said, other = ("up", "down") if up else ("down", "up")
    what = describe(c.claim, vocab=a.claim.vocabulary)
    return Comparison(
        stance=Stance.REFUTES,
        weight=min(1.0, w.negation_base + w.negation_overlap * a.overlap),
        rationale=f"claim says {what} {said}; source says {other} ({c.passage.text!r})",
        claim_spans=tuple(sorted({*a.claim_spans, c.claim.span})),
        passage_spans=tuple(sorted({*a.passage_spans, c.passage.span})),
        checks=a.checks,
        relatedness=a.relatedness,
    )
