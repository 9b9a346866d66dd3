"""Speakers named by an acronym: one the source may give the claim's speaker ("SIA" for
"Singapore Airlines", nlp/names.py :func:`may_abbreviate`), one the article spells out
as that speaker ("Singapore Airlines (SIA)") or as another body ("the Public Health
Agency (PHA)"); and names folded for comparison across spellings (rules/speakers.py)."""

from __future__ import annotations

import re
import unicodedata

from factcheck.lang import alternation
from factcheck.nlp.names import may_abbreviate
from factcheck.nlp.speech import Voice
from factcheck.nlp.statements import Statement
from factcheck.rules.assessment import Assessment


def may_be_called(a: Assessment, claimed: Statement, v: Voice) -> bool:
    """Whether one of the two speakers is an acronym the source may give the other ("SIA"
    for "Singapore Airlines"; nlp/names.py :func:`may_abbreviate`), as written, without a
    leading article ("The NPA"); not one the article spells out as another name ("the
    Public Health Agency (PHA)" is no "Halden Port Authority")."""
    return may_stand_for(a, claimed.speaker, v.speaker)


def bare(a: Assessment, name: str) -> str:
    words = name.strip().split()
    if len(words) > 1 and words[0].lower() in a.claim.vocabulary.definite_articles:
        words = words[1:]
    return " ".join(words)


def spelled_out(a: Assessment, short: str) -> list[str]:
    """The names the article spells ``short`` out as ("Public Health Agency (PHA)"): in
    the passage, the one before it, those further back, its lead."""
    texts = [f.text for f in (a.passage, a.context, a.lead, *a.earlier) if f is not None]
    word, joins = r"[A-Z][\w&.'-]*\s+", alternation(a.claim.vocabulary.name_function_words)
    pattern = rf"((?:{word})+(?:(?:{joins})\s+(?:{word})+)*)\(\s*{re.escape(short)}\s*\)"
    return [bare(a, m.group(1)) for t in texts for m in re.finditer(pattern, t)]


def called(v: Voice, claimed: Statement) -> str:
    return f"the source gives this to {v.speaker}, which may be another name of {claimed.speaker}"


def defined(a: Assessment, claimed: Statement, v: Voice) -> bool:
    """Whether the article spells one speaker's acronym out as the other's name, in the
    passage, the one before it, those further back or its lead ("Singapore Airlines (SIA)"):
    then they are one."""
    x, y = bare(a, claimed.speaker), bare(a, v.speaker)
    return bool(x and y) and any(
        any(fold(n) == fold(long) for n in spelled_out(a, short))
        for short, long in ((y, x), (x, y))
    )


def fold(name: str) -> str:
    """A name as compared across spellings: lower case, without accents ("Licen" of the
    headline is the lead's "Ličen")."""
    decomposed = unicodedata.normalize("NFKD", name.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip()


def may_stand_for(a: Assessment, one: str, other: str) -> bool:
    """Whether of two names as written one may be the other's acronym ("HIA", "Halvard
    Air"), and the article does not spell it out as another name."""
    x, y, vocab = bare(a, one), bare(a, other), a.claim.vocabulary
    for short, long in ((x, y), (y, x)):
        if x and y and may_abbreviate(short, long, vocab=vocab):
            named = spelled_out(a, short)
            return not named or any(fold(n) == fold(long) for n in named)
    return False
