"""Whether a passage names what the claim names: the claim's names found in the passage,
the passage before it or its article's headline, the ones missing, and whose figure a
missing name makes the claim's figure. Pure code, used by :func:`compare.assess`."""

from __future__ import annotations

import re

from factcheck.lang import Vocabulary
from factcheck.nlp.facts import TextFacts
from factcheck.nlp.names import entity_match, without_possessive
from factcheck.nlp.speech import content_names
from factcheck.nlp.words import fuzzy_in
from factcheck.types import Value

_WORD = re.compile(r"[\w&.'-]+")


def title_words(text: str, vocab: Vocabulary) -> frozenset[str]:
    """A title's words, without a possessive ending the word pattern would keep on them."""
    low = text.lower()
    for ending in vocab.possessive_endings:
        if _WORD.fullmatch(ending):  # "'s", not "’s" (the pattern splits that off anyway)
            low = low.replace(f"{ending} ", " ")
    return frozenset(_WORD.findall(low))


def entity_cover(
    claim: TextFacts,
    passage: TextFacts,
    context: TextFacts | None,
    headline: frozenset[str] = frozenset(),
) -> tuple[float, tuple[Value, ...]]:
    """Share of the claim's names that the passage, the passage before it or its article's
    headline names (news copy names a company in the headline, then says "the company"),
    and the claim's names of things that none of them has (a name inside one of the
    claim's figures, "the 2006 Olympics" or "US $ 8", is the figure's to check)."""
    names = sorted({e.name for e in content_names(claim)})
    if not names:
        return 1.0, ()
    pnames = {e.name for e in passage.entities}
    pool = passage.content | headline
    if context is not None:
        pnames |= {e.name for e in context.entities}
        pool = pool | context.content
    missing = {
        n
        for n in names
        if not any(entity_match(n, p, vocab=claim.vocabulary) for p in pnames)
        and not all(fuzzy_in(w, pool) for w in n.split())
    }
    spans = [v.span for v in claim.values]
    unnamed = tuple(
        e
        for e in content_names(claim)
        if e.name in missing and not any(a < e.span[1] and e.span[0] < b for a, b in spans)
    )
    return 1 - len(missing) / len(names), unnamed


def names_instead(claim: TextFacts, passage: TextFacts) -> bool:
    """Whether the passage names, of a kind the claim names, only others (each of the
    claim's names of that kind missing, another of the kind there)."""
    vocab = claim.vocabulary
    theirs = content_names(passage)
    for e in content_names(claim):
        same_kind = [p for p in theirs if p.entity_type == e.entity_type]
        if same_kind and not any(entity_match(e.name, p.name, vocab=vocab) for p in same_kind):
            return True
    return False


def owners_unnamed(unnamed: tuple[Value, ...], figure: Value, vocab: Vocabulary) -> str:
    """The missing names written before ``figure`` (its owner: "Hyundai's sales rose 14%"),
    as written, without a possessive ending; "" when there are none. A passage that does
    not name a figure's owner may give another's figure (the market's, a rival's)."""
    owners = {
        without_possessive(e.text, vocab=vocab) for e in unnamed if e.span[0] < figure.span[0]
    }
    return ", ".join(sorted(owners))
