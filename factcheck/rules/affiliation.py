"""One side speaking under two names: an organisation and a person one side's
description makes its officer ("Ford sales vice president Ken Czubay said ..." / "Ford
Motor Company said ..."; "Kestrel said ..." / '"...," said Ida Lind, Kestrel's
spokeswoman'). The company speaks through its officers, so a source that gives the words
to one does not give them to someone else: a claim that gives an organisation's words to
its officer is not stated (the officer may not have said them), but not misattributed
either; one that gives an officer's words to the organisation is stated (a spokeswoman
speaks for it).

Only an office that speaks for the organisation counts (lexicon ``office_nouns``:
spokeswoman, chief executive, vice president, minister): after the organisation's whole
name or its start ("Ford" of "Ford Motor Company", never a shared word such as "Motor"),
or right after the speaker's name with a word of ``office_prepositions`` before the
organisation's name, which ends the description ("Ida Lind, a spokeswoman for Kestrel";
not "a lawyer for the chief executive of Kestrel", "the chief executive of Kestrel's
biggest shareholder"). No other name may stand between the organisation and the speaker,
and no word that makes the person another side or another body's (``side_breakers``:
"former Ford executive", "Toyota rival Honda", "a BP critic", "the Senate's banking
committee chairman"); a people's word is not its country's ("Russian opposition leader"
is not Russia's)."""

from __future__ import annotations

import re

from factcheck.lang import Vocabulary
from factcheck.nlp.facts import TextFacts
from factcheck.nlp.speech import Voice
from factcheck.nlp.statements import Statement
from factcheck.rules.assessment import Assessment
from factcheck.types import Value

_WORD = re.compile(r"[\w&'’.-]+|[^\w\s]")  # words, and punctuation, which ends a name
_OFFICE_REACH = 5  # words at most between an organisation's name and its office


def may_speak_for(a: Assessment, claimed: Statement, v: Voice) -> bool:
    """Whether the source's speaker ``v`` and the claim's speaker ``claimed`` are one
    side: one's description makes them an officer of the other (see the module's doc)."""
    if not v.speaker:
        return False
    mine = _described(a.claim.text, claimed.speaker_span)
    vocab = a.claim.vocabulary
    return _officer_of(mine, claimed.name, v.name, vocab) or speaks_for(a, claimed, v)


def speaks_for(a: Assessment, claimed: Statement, v: Voice) -> bool:
    """Whether the source's speaker ``v`` is an officer of the organisation the claim gives
    the words to ('"...," said Ida Lind, Kestrel's spokeswoman' for "Kestrel said ..."):
    the organisation's words, as a desk reports them."""
    if not v.speaker:
        return False
    theirs = next(
        (
            _described(a.passage.text, s.speaker_span)
            for s in a.passage.statements
            if s.name == v.name
        ),
        v.speaker,
    )
    return _officer_of(theirs, v.name, claimed.name, a.claim.vocabulary)


def _described(text: str, span: tuple[int, int]) -> str:
    """A speaker's words with those before them back to the clause's start: the parse may
    leave a long title out of the speaker ("Ford sales and marketing vice president Ken
    Czubay")."""
    start = max(text.rfind(p, 0, span[0]) for p in ',;:("“') + 1
    return text[start : span[1]]


def _officer_of(description: str, own: str, org: str, vocab: Vocabulary) -> bool:
    """Whether ``description`` (of the speaker named ``own``) makes them an officer of
    ``org``: a run of capitalised words that is the organisation's name or the start of it
    ("Ford" of "Ford Motor Company", never "Motor" nor "Ford Motor Credit" of it), then an
    office within a few words, with no word that makes them another side before or between
    and no other name between the organisation and the speaker ("Kestrel sales vice
    president Ida Lind", "Ida Lind, Kestrel's spokeswoman"; not "Toyota president Akio
    Toyoda's remarks Honda"); or the office, then a word that gives it its organisation
    (lexicon ``office_prepositions``), right before the name ("Ida Lind, a spokeswoman for
    Kestrel"; not "a former president of Kestrel")."""
    name = [w for w in org.split() if w not in vocab.definite_articles]
    mine = set(own.split())
    words = _WORD.findall(description)
    runs = _runs(words, vocab)
    at = [i for i, (a, b) in enumerate(runs) if {x.lower() for x in words[a:b]} <= mine]
    for k, (a, b) in enumerate(runs):
        run = [_bare(w, vocab) for w in words[a:b]]
        if not run or run != name[: len(run)] or set(run) <= mine:
            continue
        if any(_bare(x, vocab) in vocab.side_breakers for x in words[max(0, a - 2) : a]):
            continue
        if not at or not any(abs(k - m) == 1 for m in at):
            continue  # another name stands between the organisation and the speaker
        if k - 1 in at and _office_first(words, runs[k - 1][1], a, b, vocab):
            return True  # "Ida Lind, a spokeswoman for Kestrel"
        for x in words[b : b + _OFFICE_REACH]:
            x = _bare(x, vocab)
            if x in vocab.side_breakers or x in mine:
                break
            if x in vocab.office_nouns:
                return True
    return False


def _office_first(words: list[str], name_end: int, a: int, b: int, vocab: Vocabulary) -> bool:
    """Whether the words between the speaker's name (ending at ``name_end``) and the
    organisation's (``a``..``b``) are the speaker's office and a word that gives it its
    organisation, and nothing else ("Ida Lind, a spokeswoman for Kestrel", "Ida Lind, the
    chief executive of Kestrel"; not "a lawyer for the chief executive of Kestrel", "a
    research director at Harvard"), and the organisation's name ends the description
    ("the chief executive of Kestrel's biggest shareholder" is another's office)."""
    between = [_bare(x, vocab) for x in words[name_end:a]]
    while between and (between[0] in ",;" or between[0] in vocab.definite_articles):
        between = between[1:]
    if between and between[0] in vocab.indefinite_articles:
        between = between[1:]
    if len(between) < 2 or between[-1] not in vocab.office_prepositions:
        return False
    if not all(x in vocab.office_nouns for x in between[:-1]):
        return False
    last = words[b - 1].lower()
    possessive = any(last.endswith(e) for e in vocab.possessive_endings)
    return not possessive and (b == len(words) or not words[b][:1].isalnum())


def _runs(words: list[str], vocab: Vocabulary) -> list[tuple[int, int]]:
    """The [start, end) word indexes of each run of capitalised words (function words
    inside a name, "of" of "Bank of America", join it)."""
    runs: list[tuple[int, int]] = []
    start = None
    for i, w in enumerate([*words, ""]):
        inner = start is not None and w.lower() in vocab.of_words and i + 1 < len(words)
        if w[:1].isupper() or (inner and words[i + 1][:1].isupper()):
            start = i if start is None else start
        elif start is not None:
            runs.append((start, i))
            start = None
    return runs


def _bare(word: str, vocab: Vocabulary) -> str:
    """A word lower-cased without a possessive ending ("Kestrel's": "kestrel")."""
    w = word.lower()
    return next((w[: -len(e)] for e in vocab.possessive_endings if w.endswith(e)), w)


def offices_of(facts: TextFacts, s: Statement) -> list[Value]:
    """The names whose officer the phrase naming a statement's speaker makes them
    ("Kestrel" of "Kestrel's chief executive, Thomas Hale" and of "Thomas Hale, chief
    executive of Kestrel"; not "Detroit" of "Thomas Hale, speaking in Detroit")."""
    description = _described(facts.text, s.speaker_span)
    return [
        e
        for e in facts.entities
        if e.name != s.name and _officer_of(description, s.name, e.name, facts.vocabulary)
    ]
