"""Comparisons the other way round: the claim puts a thing above a point of comparison and
the source, of the same thing against the same point, below it ("GM's loss was smaller
than analysts had expected" / "the loss was far greater than analysts predicted";
"support may be stronger than that of the Act" / "support may be less strong than the
one provided by the Act"). The point of comparison is said in many ways ("had expected",
"predicted"), so the two comparisons are matched by a word in common on each side of the
comparison word, not by every word of the claim. Pure code over the text and its lemmas."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from factcheck.lang import Vocabulary, alternation
from factcheck.nlp.facts import TextFacts
from factcheck.nlp.words import canon, fuzzy_in


@dataclass(frozen=True)
class Comparative:
    """One comparison of a text: the gradable word (its scale's number, signed by the end
    the thing is put towards), the words of what is compared (its clause before the word)
    and of the point it is compared with (after the comparison marker)."""

    grade: int
    subject: frozenset[str]
    heads: frozenset[str]  # the heads of the subject: its words that head an argument
    standard: frozenset[str]
    nouns: frozenset[str]  # the point's words that head an argument ("analysts")
    periods: frozenset[str]  # the periods what is compared is of ("fourth-quarter loss")
    text: str  # as written: "far greater than analysts predicted"


@cache
def _pattern(markers: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"\b([^\W\d][\w-]*)\s+(?:{alternation(markers)})\b", re.I)


@cache
def grades(vocab: Vocabulary) -> dict[str, int]:
    """The gradable words (lexicon ``gradable``) as the analyser keeps their lemmas."""
    return {canon(w, "ADJ", vocab=vocab): n for w, n in vocab.gradable.items()}


def _clause_start(text: str, end: int, vocab: Vocabulary) -> int:
    """Where the clause holding ``text[end]`` starts: after the last punctuation mark or
    clause opener (lexicon ``clause_openers``: "said that ...", "..., but ...")."""
    openers = alternation(tuple(sorted(vocab.clause_openers)))
    cut = 0
    for m in re.finditer(rf"[,;:()\"“”]|\b(?:{openers})\b", text[:end], re.I):
        cut = m.end()
    return cut


def _clause_end(text: str, start: int, vocab: Vocabulary) -> int:
    """Where the point of comparison that starts at ``start`` ends: at punctuation or the
    next clause opener, but one straight after the marker is a pronoun ("stronger than
    that provided by the Act")."""
    openers = alternation(tuple(sorted(vocab.clause_openers)))
    for m in re.finditer(rf"[,;:()\"“”]|\.(?:\s|$)|\b(?:{openers})\b", text[start:], re.I):
        if m.group(0)[0].isalpha() and not text[start : start + m.start()].strip():
            continue
        return start + m.start()
    return len(text)


def comparatives(facts: TextFacts) -> list[Comparative]:
    """The comparisons of a text on a gradable word's scale: "smaller than ...", "far
    greater than ...", "less strong than ..." (a degree word before the gradable word
    turns it the other way, lexicon ``degree_words``); not a hedge on a number ("more than
    40": "more" is no gradable word), nor a comparison whose point has no content word
    ("larger than before")."""
    vocab = facts.vocabulary
    markers = tuple(sorted(vocab.comparison_markers))
    if not markers or not vocab.gradable:
        return []
    grade_of = grades(vocab)
    lemma_at = {start: lemma for lemma, start, _ in facts.spans}
    args = frozenset(w for _, ws in facts.frames for w in ws)
    articles = frozenset(vocab.definite_articles) | frozenset(vocab.indefinite_articles)
    text = facts.text
    out: list[Comparative] = []
    for m in _pattern(markers).finditer(text):
        grade = grade_of.get(lemma_at.get(m.start(1), ""))
        if grade is None:
            continue
        before = re.findall(r"[^\W\d]+", text[: m.start(1)])
        at = m.start(1)
        if before and vocab.degree_words.get(before[-1].lower(), 0) < 0:
            grade = -grade  # "less strong than"
            at = text.rindex(before[-1], 0, m.start(1))
            before = before[:-1]
        if before and before[-1].lower() in articles:
            continue  # "a smaller than expected loss": what is compared comes after the point
        start = _clause_start(text, m.start(1), vocab)
        end = _clause_end(text, m.end(), vocab)
        subject = frozenset(w for w, s, _ in facts.spans if start <= s < at)
        standard = frozenset(w for w, s, _ in facts.spans if m.end() <= s < end)
        heads = (subject & args) or subject  # "the loss was far greater": "loss", not "far"
        if not subject and out:
            # "weaker than expected in Europe but stronger than expected in Asia": the
            # thing compared before
            subject, heads = out[-1].subject, out[-1].heads
        if standard:
            shown = text[at:end].strip()
            # "quarterly loss" / "loss for the quarter"
            periods = frozenset(p for p in vocab.period_nouns for w in subject if w.startswith(p))
            out.append(
                Comparative(grade, subject, heads, standard, standard & args, periods, shown)
            )
    return out


def _shares(a: frozenset[str], b: frozenset[str]) -> bool:
    return any(fuzzy_in(w, b) for w in a)


def _same(mine: Comparative, theirs: Comparative) -> bool:
    """One comparison: the same thing compared (a head of what is compared in common),
    a word in common in the point it is compared with, and none of
    the claim's subject on the source's side of the point compared with, nor the other
    way round ("A was larger than B" is not matched with "B was smaller than A")."""
    return (
        abs(mine.grade) == abs(theirs.grade)
        and mine.periods == theirs.periods
        and _shares(mine.heads, theirs.heads)
        and _shares(mine.standard, theirs.standard)
        # the point's verbs may be said in other words ("had expected" / "predicted"), its
        # things not ("than expected losses" / "than expected profits")
        and all(fuzzy_in(w, theirs.standard) for w in mine.nouns)
        and all(fuzzy_in(w, mine.standard) for w in theirs.nouns)
        and not _shares(mine.subject - theirs.subject, theirs.standard)
        and not _shares(mine.standard - theirs.standard, theirs.subject)
    )


def comparison_flipped(
    claim: TextFacts, passage: TextFacts, unstated: frozenset[str] = frozenset()
) -> tuple[str, str] | None:
    """(the claim's comparison, the source's) where the source compares the same thing with
    the same point the other way round, and never the claim's way (nor any comparison of
    the scale with the same point); never where the two texts differ in negation, nor
    where what the claim compares holds a word of ``unstated`` (the words of the claim's
    names the source does not state: "Ford's loss was smaller" is not "GM's loss")."""
    if claim.negative != passage.negative:
        return None
    theirs = comparatives(passage)
    if not theirs:
        return None
    for mine in comparatives(claim):
        if mine.subject & unstated:
            continue
        same = [c for c in theirs if _same(mine, c)]
        alike = [c for c in theirs if c.grade == mine.grade and _shares(mine.standard, c.standard)]
        if same and not alike and all(c.grade == -mine.grade for c in same):
            return mine.text, same[0].text
    return None
