"""A claim's figure that sums its parts ("the two crashes killed a combined 123 people",
"France and Germany together lose 8,000 jobs") against a passage that gives the parts
("killed 102 and 21 people respectively", "France will lose 4,300 jobs ... Germany 3,700"):
the parts' sum states it, and no single part disputes it. The words that make a figure a
total are numbers.json 'total_markers'. Pure code over the analysed texts."""

from __future__ import annotations

import re
from functools import cache

from factcheck.lang import Vocabulary, alternation
from factcheck.nlp.facts import TextFacts
from factcheck.nlp.lists import is_list_count
from factcheck.nlp.paraphrase import Like
from factcheck.nlp.subject_owners import anothers
from factcheck.rules.agree import compatible, values_agree
from factcheck.rules.assign import Candidate
from factcheck.rules.naming import named_words
from factcheck.thresholds import Weights
from factcheck.types import Value, ValueKind

_SUMMED = frozenset([ValueKind.QUANTITY, ValueKind.MONEY])
_BEFORE, _AFTER = 40, 25  # characters around a figure where a total's word may stand


@cache
def _marker(vocab: Vocabulary) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(vocab.total_markers)})\b", re.IGNORECASE)


def is_total(claim: TextFacts, v: Value) -> bool:
    """Whether the claim's figure ``v`` is written as a sum ("a combined 123 people")."""
    a, b = v.span
    near = claim.text[max(0, a - _BEFORE) : b + _AFTER]
    return v.kind in _SUMMED and bool(_marker(claim.vocabulary).search(near))


def summed(parts: list[Value]) -> Value:
    """One figure, the sum of ``parts`` (of one kind and unit), over their text."""
    first, last = parts[0], parts[-1]
    return Value(
        kind=first.kind,
        text=f"{' + '.join(p.text for p in parts)}",
        span=(first.span[0], last.span[1]),
        # a part open at one end ("more than 100") leaves the sum open there
        low=None if any(p.low is None for p in parts) else sum(p.low or 0.0 for p in parts),
        high=None if any(p.high is None for p in parts) else sum(p.high or 0.0 for p in parts),
        unit=first.unit,
        noun=first.noun,
    )


def with_total(
    claim: TextFacts,
    v: Value,
    cands: list[Candidate],
    passage: TextFacts,
    w: Weights,
    like: Like,
) -> list[Candidate]:
    """``v``'s candidates, where ``v`` is a total and the passage gives two or more figures
    of its kind: a part stands only where it agrees (it may be the total itself), and the
    parts' sum joins them where it agrees, as well aligned as the best part."""
    if not cands or not is_total(claim, v):
        return cands
    vocab = claim.vocabulary
    subject = next((f.subject for f in claim.found if f.value is v), frozenset())
    subjects = {f.subject for f in passage.found if f.subject}
    named = named_words(claim)
    parts = [
        f.value
        for f in passage.found
        if f.value.kind == v.kind
        and not is_list_count(f.value)
        and not (f.owner and not f.owner & named)  # an item the claim does not sum
        and not anothers(subject, f.subject, subjects, named)
        and compatible(v, f.value, like, vocab=vocab)
    ]
    if len(parts) < 2:
        return cands
    kept = [x for x in cands if x.key[2]]
    total = summed(parts)
    if values_agree(v, total, w, vocab=vocab):
        best = max(cands, key=lambda x: x.score)
        key = ((False, False), best.score + w.agree_preference, True, False)
        kept.append(Candidate(key, total, best.score, best.anchored, best.same_noun, best.alike))
    return kept
