"""A thing the article named earlier and the passage calls by what it is: "the plant in St.
Thomas" in one paragraph, "Ford is committed to invest $200 million into the plant" six
paragraphs on. A copy editor reads the passage with the article; a claim that writes "the
St. Thomas plant" states nothing the passage leaves out.

The name counts for a passage when the claim ties it to a noun ("the St. Thomas plant",
"Panama's coach", "the plant in St. Thomas"), the passage writes that noun after a definite
article and names none for it anywhere ("into the plant"; not "the plant near Wixom"), and
the nearest passage before it that names one for that noun names only this one (or a place
set after it: "St. Thomas, Ontario"). A nearer passage that names another ("the Wixom
plant"), or two ("keep the Welland plant open but shut the Brampton plant"), decides
against it: "the plant" is then that one, or no one knows which. The passages before are
read back one by one (pipeline/antecedents.py), so none between is skipped. Pure code over
the stored facts (entities and content-word spans)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from factcheck.lang import Vocabulary
from factcheck.nlp.facts import TextFacts
from factcheck.nlp.names import entity_match

# a noun followed by a preposition and a capitalised word: "the plant near Wixom", "the
# plant near the town of Wixom"
_PLACED = re.compile(r"\s+[a-z]+\s+(?:the\s+)?(?:[a-z]+\s+of\s+)?[A-Z]")
_QUOTES = "\"'“‘(["


def _same(a: str, b: str) -> bool:
    """Two names written alike, word for word ("St. Thomas" / "st. thomas"): a name that
    is part of another ("Kansas" / "Kansas City") or spelt alike ("Austria" / "Australia")
    is another place here, where any name of the article could be the one meant."""
    return a.lower().split() == b.lower().split()


def _form(facts: TextFacts, lem: str, s: int, e: int, vocab: Vocabulary) -> str:
    """The noun as written, without a plural ending: "president" is not "head", whatever
    synonym group their lemma shares."""
    word = facts.text[s:e].lower()
    if word != lem and word.endswith(vocab.plural_suffix):
        return word[: -len(vocab.plural_suffix)]
    return word


def _run_before(facts: TextFacts, start: int) -> str:
    """The capitalised words right before ``start`` ("Kansas City" of "the Kansas City
    plant"), whether or not the parser took them for a name; "" when there are none or
    they open the text (a sentence's first word is capitalised anyway)."""
    text, at, first = facts.text, start, None
    for _, s, e in sorted(facts.spans, key=lambda x: -x[1]):
        if s >= start:
            continue
        if e > at or text[e:at].strip() or not text[s].isupper():
            break
        first, at = s, s
    if first is None or first == 0:
        return ""
    return " ".join(text[first:start].lower().split())


def _ties(facts: TextFacts, start: int, end: int, vocab: Vocabulary) -> set[str]:
    """The names the text gives the noun at ``start:end``: a name right before it, as a
    modifier or an owner ("the St. Thomas plant", "Panama's coach"; capitalised words there
    count whether or not the parser took them for a name), or right after one of
    ``naming_prepositions`` after it, not as an owner itself ("the plant in St. Thomas";
    not "the coach of Panama's opponents")."""
    text = facts.text
    run = _run_before(facts, start)
    out = {run} if run else set()
    for e in facts.entities:
        s, t = e.span
        if s >= end and text[end:s] == ", ":
            out.add(e.name)  # a name in apposition: "The coach, Reinaldo Rueda, said"
        elif t <= start:
            gap = text[t:start].strip()
            if not gap or gap in vocab.possessive_endings:
                out.add(e.name)
        elif s >= end:
            words = text[end:s].lower().split()
            owner = any(text.startswith(x, t) for x in vocab.possessive_endings)
            if (
                len(words) in (1, 2)
                and words[0] in vocab.naming_prepositions
                and (len(words) == 1 or words[1] in vocab.definite_articles)
                and not owner
            ):
                out.add(e.name)
    return out


# what a noun written in the plural is tied to: several things, none of them "the plant"
_SEVERAL = "\x00several"


def _all_ties(facts: TextFacts, noun: str, vocab: Vocabulary) -> set[str]:
    """Every name the text gives ``noun``; a plural given names ("positions at IBM and
    Compaq", "the Atlanta and St. Louis plants") names several things, so no one of them."""
    out: set[str] = set()
    for lem, s, e in facts.spans:
        if _form(facts, lem, s, e, vocab) != noun:
            continue
        ties = _ties(facts, s, e, vocab)
        word = facts.text[s:e].lower()
        if ties and word != lem and word.endswith(vocab.plural_suffix):
            ties.add(_SEVERAL)
        out |= ties
    return out


def _nouns(facts: TextFacts, name: str, vocab: Vocabulary) -> set[str]:
    """The nouns (as written, in lower case) the text ties to ``name``."""
    return {
        _form(facts, lem, s, e, vocab)
        for lem, s, e in facts.spans
        if facts.text[s:e].islower() and any(_same(name, x) for x in _ties(facts, s, e, vocab))
    }


def _definite(facts: TextFacts, noun: str, vocab: Vocabulary) -> bool:
    """Whether the text writes ``noun`` after a definite article, in lower case, and names
    none for it anywhere (a passage that names its plant is about that one)."""
    hit = False
    for lem, s, e in facts.spans:
        if _form(facts, lem, s, e, vocab) != noun:
            continue
        if _ties(facts, s, e, vocab) or _PLACED.match(facts.text, e):
            return False
        before = facts.text[:s].split()[-1:]
        article = before[0].lower().lstrip(_QUOTES) if before else ""
        if facts.text[s:e].islower() and article in vocab.definite_articles:
            hit = True
    return hit


def referring_nouns(claim: TextFacts, passage: TextFacts) -> frozenset[str]:
    """The nouns the claim ties to a name the passage does not write, and that the passage
    writes after a definite article naming none for them: what the passages before it may
    say which one is."""
    vocab = claim.vocabulary
    written = {e.name for e in passage.entities}
    out: set[str] = set()
    for e in claim.entities:
        if any(entity_match(e.name, w, vocab=vocab) for w in written):
            continue
        out |= {n for n in _nouns(claim, e.name, vocab) if _definite(passage, n, vocab)}
    return frozenset(out)


def names_noun(facts: TextFacts, nouns: frozenset[str]) -> bool:
    """Whether the text names one of ``nouns`` (where reading back stops)."""
    return any(_all_ties(facts, n, facts.vocabulary) for n in nouns)


def _allowed(facts: TextFacts, name: str, vocab: Vocabulary) -> list[str]:
    """``name`` and the names set right after it with a comma where the text writes it (the
    place of a place: "St. Thomas, Ontario")."""
    out = [name]
    ents = sorted(facts.entities, key=lambda e: e.span)
    for a, b in pairwise(ents):
        if _same(name, a.name) and facts.text[a.span[1] : b.span[0]] == ", ":
            out.append(b.name)
    return out


def bridged(name: str, claim: TextFacts, passage: TextFacts, article: Sequence[TextFacts]) -> bool:
    """Whether the passage refers to ``name`` by the noun the claim ties it to, as the
    nearest passage before it that names that noun shows (``article``: the passages before
    it, nearest first, read back with no gap)."""
    vocab = claim.vocabulary
    for noun in sorted(_nouns(claim, name, vocab)):
        if not _definite(passage, noun, vocab):
            continue
        for f in article:
            ties = _all_ties(f, noun, vocab)
            if ties:
                ok = _allowed(f, name, vocab)
                if all(any(_same(a, x) for a in ok) for x in ties):
                    return True
                break
    return False
