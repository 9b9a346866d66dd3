"""Reported speech against the speaker's own words: "Roe said she was proud of her team"
restates "I am proud of my team" word for word but for the person and the tense that
reported speech shifts. Both are read as word forms where the speaker's pronouns (the
reported "she", "her"; the direct "I", "my") are one mark per role, the shifted verb forms
("is"/"was", "will"/"would") one form each, and other words their lemmas; the reported
words must then appear in the speaker's words as one run (the language's tables:
'reported_person', 'direct_person', 'backshift')."""

from __future__ import annotations

import re

from factcheck.nlp.facts import TextFacts
from factcheck.nlp.statements import Statement

# words, with contractions split as the parser splits them ("I'm" -> "I", "'m")
_TOKEN = re.compile(r"\w+(?=n't\b)|n't\b|'(?:m|re|s|ve|ll|d)\b|\w+(?:[.-]\w+)*", re.IGNORECASE)


def _forms(facts: TextFacts, start: int, end: int, person: dict[str, str]) -> list[str]:
    """The words of ``facts.text[start:end]`` as compared: content words by lemma, the
    speaker's pronouns by role (``person``), the shifted verb forms by their one form."""
    vocab = facts.vocabulary
    lemma = {s: lem for lem, s, _ in facts.spans}
    out = []
    text = facts.text.replace("’", "'")  # one apostrophe; the offsets stay
    for m in _TOKEN.finditer(text, start, end):
        word = m.group().lower()
        if word in person:
            out.append("<" + person[word] + ">")
        elif word in vocab.backshift:
            out.append(vocab.backshift[word])
        else:
            out.append(lemma.get(m.start(), word))
    return out


def reported_in(claim: TextFacts, said: Statement, passage: TextFacts, least: int) -> bool:
    """Whether the words the claim gives its speaker (``said``, without its "that") are,
    shifted back to the speaker's own person and tense, a run of the passage's words: at
    least ``least`` words, one of them the speaker's pronoun or a shifted verb form (with
    neither, it is a verbatim match, :func:`speech.quoted_in`'s case)."""
    vocab = claim.vocabulary
    mine = _forms(claim, said.start, said.end, dict(vocab.reported_person))
    while mine and mine[0] in vocab.complementizers:
        mine = mine[1:]
    shifted = any(w.startswith("<") or w in vocab.backshift.values() for w in mine)
    if len(mine) < least or not shifted:
        return False
    theirs = _forms(passage, 0, len(passage.text), dict(vocab.direct_person))
    n = len(mine)
    return any(theirs[i : i + n] == mine for i in range(len(theirs) - n + 1))
