"""Places in a ranking: "the largest fall" is first, "the eleventh largest fall" eleventh,
"the country's second-largest carmaker" second. Two texts that put the same thing at
different places of the same superlative say different things (rules/opposites.py);
"one of the largest" and a superlative with no definite owner ("largest ever") give no
place."""

from __future__ import annotations

from typing import Any

from factcheck.lang import Vocabulary
from factcheck.nlp.syntax import lemma
from factcheck.types import Value, ValueKind

# the superlative's lemma, its place, the noun it ranks ("" when it stands alone), and
# where the phrase is written (from its ordinal or determiner to the superlative)
Rank = tuple[str, int, str, int, int]


def _partitive(noun: Any) -> bool:
    """ "one of the largest carmakers", "among the largest": a member of the top, no place."""
    head = noun.head
    return noun.dep_ == "pobj" and (
        head.lower_ == "among" or (head.lower_ == "of" and head.head.pos_ in ("NUM", "PRON"))
    )


def ranks(doc: Any, found: list[Value], *, vocab: Vocabulary | None = None) -> tuple[Rank, ...]:
    """Each superlative of a definite phrase with its place (1 unless an ordinal says)."""
    ordinals = {v.span[0]: v for v in found if v.kind == ValueKind.ORDINAL and v.low is not None}
    out: list[Rank] = []
    for t in doc:
        if t.tag_ not in ("JJS", "RBS"):
            continue
        noun = t.head if t.dep_ == "amod" and t.head.pos_ in ("NOUN", "PROPN") else t
        if _partitive(noun):
            continue
        marks = [c for c in (*t.children, *noun.children) if c.i < t.i]
        place = next(
            (ordinals[c.idx] for c in marks if c.ent_type_ == "ORDINAL" and c.idx in ordinals),
            None,
        )
        definite = any(c.dep_ in ("det", "poss") and c.lower_ != "a" for c in noun.children)
        if place is None and not definite:
            continue
        start = place.span[0] if place is not None else t.idx
        out.append(
            (
                t.lemma_.lower(),
                int(place.low) if place is not None and place.low is not None else 1,
                lemma(noun, vocab=vocab) if noun is not t else "",
                start,
                t.idx + len(t.text),
            )
        )
    return tuple(out)
