"""Whether a passage names what the claim names: the claim's names found in the passage,
the passage before it or its article's headline, the ones missing, and whose figure a
missing name makes the claim's figure. Pure code, used by :func:`compare.assess`."""

from __future__ import annotations

import re

from factcheck.lang import Vocabulary
from factcheck.nlp.facts import TextFacts
from factcheck.nlp.names import entity_match, norm_entity, without_possessive
from factcheck.nlp.speech import content_names
from factcheck.nlp.words import fuzzy_in
from factcheck.types import Value

_WORD = re.compile(r"[\w&.'-]+")
# A capitalised word that does not begin a sentence (nor follow an opening quote).
_INNER_CAPITAL = re.compile(r"(?<![.!?:\"“‘(]\s)(?<!^)(?<![\"“‘(])\b[A-Z][\w&'-]+")


def title_words(text: str, vocab: Vocabulary) -> frozenset[str]:
    """A title's words, without a possessive ending the word pattern would keep on them."""
    low = text.lower()
    for ending in vocab.possessive_endings:
        if _WORD.fullmatch(ending):  # "'s", not "’s" (the pattern splits that off anyway)
            low = low.replace(f"{ending} ", " ")
    return frozenset(_WORD.findall(low))


def _headline_names(headline: frozenset[str], vocab: Vocabulary) -> frozenset[str]:
    """The headline's words, and the country of each that is a demonym ("Chinese airlines
    agree ..." names China): a headline is not parsed, so its names are its words."""
    countries = {norm_entity(w, "NORP", vocab=vocab) for w in headline}
    return headline | {w for c in countries - headline for w in c.split()}


def entity_cover(
    claim: TextFacts,
    passage: TextFacts,
    context: TextFacts | None,
    headline: frozenset[str] = frozenset(),
    lead: TextFacts | None = None,
    opened: TextFacts | None = None,
) -> tuple[float, tuple[Value, ...]]:
    """Share of the claim's names that the passage, the passage before it or its article's
    headline names (news copy names a company in the headline, then says "the company"),
    and the claim's names that none of them has.

    The article's ``lead`` names its subjects once ("the new Airbus A380 ...", later "the
    aircraft"): a name there counts for a passage that names nothing but the claim's names
    (a passage that names another company may be about it, not about the lead's). Neither
    the lead, the headline nor the passage before counts for a passage about others
    ("Another automaker, General Motors, ...", "Other companies also reported ...").

    A passage inside a quotation of several passages is read with the passage before the
    quotation too (``opened``): the speaker's "he" and "him" are the people named there."""
    names = sorted({e.name for e in content_names(claim)})
    if not names:
        return 1.0, ()
    vocab = claim.vocabulary
    pnames = {e.name for e in passage.entities}
    others = about_others(passage, vocab)
    pool = passage.content | (frozenset() if others else _headline_names(headline, vocab))
    for ctx in (context, opened):
        if ctx is not None and not others:
            pnames |= {e.name for e in ctx.entities}
            pool = pool | ctx.content
    if others or lead is None or names_else(passage, claim):
        lead = None
    leads = lead.entities if lead is not None else ()

    def named(n: str) -> bool:
        if any(entity_match(n, p, vocab=vocab) for p in pnames):
            return True
        if all(fuzzy_in(w, pool) for w in n.split()):
            return True
        return any(entity_match(n, e.name, vocab=vocab) for e in leads)

    missing = {n for n in names if not named(n)}
    return 1 - len(missing) / len(names), tuple(
        e for e in content_names(claim) if e.name in missing
    )


def outside_figures(names: tuple[Value, ...], claim: TextFacts) -> tuple[Value, ...]:
    """The names that are not part of one of the claim's figures ("the 2006 Olympics" or
    "US $ 8" are the figure's to check)."""
    spans = [v.span for v in claim.values]
    return tuple(e for e in names if not any(a < e.span[1] and e.span[0] < b for a, b in spans))


def about_others(passage: TextFacts, vocab: Vocabulary) -> bool:
    """Whether the passage says it is about something other than what came before it
    ("another automaker", "other companies")."""
    return any(w in vocab.other_markers for w in _WORD.findall(passage.text.lower()))


def names_else(passage: TextFacts, claim: TextFacts) -> bool:
    """Whether the passage names something the claim does not: a name the parser found,
    or a capitalised word inside a sentence (one the parser missed: "the Borealis ferry")
    that is not part of a figure or date ("in June") and is not one of the claim's words."""
    vocab = claim.vocabulary
    names = {e.name for e in content_names(claim)}
    if any(
        not any(entity_match(p.name, n, vocab=vocab) for n in names) for p in content_names(passage)
    ):
        return True
    words = {w.lower() for w in _WORD.findall(claim.text)}
    spans = [v.span for v in passage.values]
    return any(
        m.group().lower() not in words and not any(a <= m.start() < b for a, b in spans)
        for m in _INNER_CAPITAL.finditer(passage.text)
    )


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
