"""Speakers who name no one ("officials", "police", "a spokeswoman for Kestrel"): whether
a source's named speaker is one of the unnamed group a claim gives the words to, whether
two such groups are one ("US officials", "American officials"), and whether the source
has the claim's group say something else. Used by rules/speakers.py; pure code over the
stored facts."""

from __future__ import annotations

from collections.abc import Iterable

from factcheck.lang import Vocabulary
from factcheck.nlp.names import norm_entity
from factcheck.nlp.speech import Voice
from factcheck.nlp.statements import Statement
from factcheck.nlp.words import fuzzy_in
from factcheck.rules.assessment import Assessment


def one_people(mine: str, theirs: str, vocab: Vocabulary) -> bool:
    """Two unnamed speakers of one kind and one people ("US officials", "American
    officials"): the same words once each demonym is read as its country's name."""
    x, y = mine.split(), theirs.split()
    if len(x) < 2 or len(y) < 2 or x[-1] != y[-1]:
        return False
    return _peoples(x[:-1], vocab) == _peoples(y[:-1], vocab)


def _peoples(words: Iterable[str], vocab: Vocabulary) -> set[str]:
    """Words with each demonym read as its country's name ("american" -> "united states")."""
    return {norm_entity(w, "NORP", vocab=vocab) for w in words}


def one_of(a: Assessment, said: Statement, v: Voice) -> bool:
    """Whether the passage describes its speaker as one of the unnamed group the claim gives
    the words to: the group's word in the speaker's phrase ("police chief Ana Roe", "Ana
    Roe, a police spokeswoman", "a senior ministry official" for "officials")."""
    words = _speaker_words(a, v)[0] | set(v.speaker.lower().split())
    vocab = a.claim.vocabulary
    peoples = _peoples(words, vocab)
    # every word of the group's ("US officials" of "a senior American official"; not
    # "Dravik officials" of "Pellham officials")
    return bool(said.name) and all(
        fuzzy_in(w, words) or norm_entity(w, "NORP", vocab=vocab) in peoples
        for w in said.name.split()
    )


def _speaker_words(a: Assessment, v: Voice) -> tuple[set[str], set[str]]:
    """The passage's words inside the phrases that name its speaker ``v`` ("police chief
    Ana Roe", "Ana Roe, a spokeswoman for Kestrel") and those outside them."""
    theirs = [x.speaker_span for x in a.passage.statements if x.name == v.name]
    inside: set[str] = set()
    outside: set[str] = set()
    for lem, start, _ in a.passage.spans:
        (inside if any(lo <= start < hi for lo, hi in theirs) else outside).add(lem)
    return inside, outside


def unnamed_elsewhere(a: Assessment, said: Statement, v: Voice) -> str | None:
    """Why the words are not those of the unnamed speaker a claim gives them to ("Police
    said 10,000 people ..."): the passage gives them to another ("Organisers said ...")
    and names the claim's speaker too ("..., but police put the figure at 3,000"). An
    unnamed speaker the passage does not name may be the one it quotes ("Police said" of
    a chief constable's words)."""
    # the claim's speaker named outside the phrase that names the passage's speaker ("said
    # Ida Lind, a spokeswoman for Kestrel" names one person)
    elsewhere = _speaker_words(a, v)[1]
    words = said.name.split()
    if words and all(fuzzy_in(w, elsewhere) for w in words):
        return f"the source gives this to {v.speaker}, and has {said.speaker} say something else"
    return None
