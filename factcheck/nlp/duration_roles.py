"""The role of a length of time in its sentence: an event's length, a window looked back
over, how far back a record goes, a term ahead, an offset between two events, an age
("talked for an hour", "their second in three weeks", "its lowest level in 10 years",
"cuts over the next four years", "73 seconds after liftoff", "a 19-year-old"). Lengths of
two roles are never compared (rules/agree.py)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from factcheck.lang import Vocabulary, alternation, resolve, words_pattern
from factcheck.nlp.ages import age_before
from factcheck.nlp.date_ahead import CLAUSE_BREAK
from factcheck.nlp.dates import date_patterns
from factcheck.nlp.syntax import lemma, marks_a_superlative, tokens
from factcheck.types import DurationRole


def _future_clause(before: str, vocab: Vocabulary) -> bool:
    """Whether the clause the text before a value ends in is about the future ("the mine
    will reopen in"; dates.json 'future', as the date reader reads it)."""
    return bool(date_patterns(vocab).future.search(CLAUSE_BREAK.split(before)[-1]))


def _allowed(toks: list[Any], vocab: Vocabulary) -> bool:
    """Whether a length is the time someone is given to do something: the object of a
    verb of allowing (lexicon ``allowance_verbs``: "gave the South two days to stop",
    "has 30 days to respond"), with an infinitive of what is to be done, hung on the
    length or on the verb."""
    unit = next((t for t in toks if t.dep_ == "dobj"), None)
    if unit is None or unit.head.lemma_.lower() not in vocab.allowance_verbs:
        return False

    def infinitive(t: Any) -> bool:
        return t.pos_ == "VERB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in t.children)

    return any(infinitive(c) for c in unit.children) or any(
        infinitive(c) and c.dep_ in ("advcl", "xcomp") for c in unit.head.children
    )


def _reported_future(toks: list[Any], vocab: Vocabulary) -> bool:
    """Whether the verb a value hangs on is the future told in reported speech: its
    auxiliary the backshifted form of the future's ("said it would reopen in six months";
    lexicon ``backshift``), in a clause a reporting verb reports."""
    if not toks:
        return False
    verb = toks[0]
    for _ in range(4):
        verb = verb.head
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
    future = {x for x, base in vocab.backshift.items() if base == "will" and x != base}
    return (
        any(c.dep_ == "aux" and c.lower_ in future for c in verb.children)
        and verb.dep_ == "ccomp"
        and verb.head.lemma_.lower() in vocab.reporting_verbs
    )


@cache
def _ago(vocab: Vocabulary) -> re.Pattern[str]:
    """'ago' after a duration: "three weeks ago" is a span."""
    return re.compile(rf"\b(?:{alternation(vocab.ago)})\b")


@cache
def _exactly(vocab: Vocabulary) -> re.Pattern[str]:
    """Words that may stand between a length and its offset word and make it exact
    ("thirty years to the day after"; lexicon ``exactness_words``)."""
    return re.compile(rf"^\W*(?:{words_pattern(vocab.exactness_words)})\b", re.I)


@cache
def _countdown(vocab: Vocabulary) -> re.Pattern[str]:
    """A countdown word right after a length ("110 days remained", "a week to go")."""
    return re.compile(rf"\s+(?:{words_pattern(vocab.countdown_words)})", re.I)


def duration_role(
    doc: Any, start: int, end: int, *, vocab: Vocabulary | None = None
) -> DurationRole:
    """'span' for a window of time looked over ("their second in three weeks"), 'record'
    for one a superlative or "first" holds over ("its lowest level in 10 years", "the
    first gain for four years": how far back the record goes), 'ahead' for a term ahead,
    a plan's or a deadline's ("cuts over the next four years", "respond within 48
    hours"), 'offset' for how long one event came after or before another ("exploded 73
    seconds after liftoff", "three days later than planned", "two years behind
    schedule"), else 'length' ("a 50-minute call", "talked for an hour"): none is
    compared with another role."""
    v = resolve(vocab)
    toks = tokens(doc, start, end)
    if _ago(v).search(doc.text[end : end + 6]):
        return "span"
    before = re.search(r"(\w+)\W*$", doc.text[max(0, start - 20) : start])
    prep = next(
        (t.head for t in toks if t.head.pos_ == "ADP" and not (start <= t.head.idx < end)), None
    )
    if (prep is None or prep.lower_ not in v.length_prepositions) and toks and toks[0].i > 0:
        prep = doc[toks[0].i - 1]  # "for 48 hours before ...": the parser may hang it on "before"
    if (
        prep is not None
        and prep.lower_ in v.length_prepositions
        and not (
            prep.lower_ in v.window_after_superlative
            and (marks_a_superlative(prep.head) or _record(prep, v))
        )
    ):
        # "sat in a cell for the next 30 hours", "held him for 48 hours before releasing
        # him": how long it went on, whatever comes before or after
        return "length"
    if _allowed(toks, v):
        return "ahead"  # "gave them two days to stop", "has 30 days to respond": a deadline
    if before and before.group(1).lower() in v.ahead_words:
        return "ahead"  # "over the next four years", "within 48 hours": a plan's own term
    if before and before.group(1).lower() in v.span_prepositions:
        if (_future_clause(doc.text[:start], v) or _reported_future(toks, v)) and not (
            prep is not None and prep.pos_ == "ADP" and marks_a_superlative(prep.head)
        ):
            return "ahead"  # "the mine will reopen in six months": a term ahead
        if prep is not None and prep.lower_ in v.span_prepositions and _took(prep):
            return "length"  # "fell 20% in three weeks": how long the fall took
        if prep is not None and prep.pos_ == "ADP" and _record(prep, v):
            return "record"  # "fell to its lowest level in 10 years": how far back it goes
        return "span"  # "their second in just over 3 weeks", "in two hours before ..."
    rest = _exactly(v).sub("", doc.text[end : end + 40], count=1)  # "to the day after"
    after = re.match(r"\W*(\w+)", rest[:20])
    if after and after.group(1).lower() in v.offset_words | v.lateness_words:
        return "offset"  # "73 seconds after liftoff", "two years behind schedule"
    if _countdown(v).match(doc.text, end):
        return "offset"  # "when 110 days remained before the Games", "with a week to go"
    if (after and after.group(1).lower() in v.age_after) or age_before(v).search(
        doc.text[max(0, start - 20) : start]
    ):
        return "age"  # "a 19-year-old", "19 years old", "aged 19 years"
    for t in toks:
        if t.head.pos_ == "ADP" and not (start <= t.head.idx < end):
            record = t.head.lower_ in v.window_after_superlative and _record(t.head, v)
            if record or (
                t.head.lower_ in v.window_after_superlative and marks_a_superlative(t.head.head)
            ):
                # "the first gain for four years", "its lowest for a decade"; "their second
                # win for a month" counts wins in the window
                return "record" if record else "span"
            if t.head.lower_ in v.span_prepositions and not _took(t.head):
                return "span"
            return "length"
    return "length"


def _record(prep: Any, vocab: Vocabulary) -> bool:
    return bool(record_of(prep, vocab))


def record_of(prep: Any, vocab: Vocabulary) -> str:
    """Which record the window the preposition ``prep`` opens goes back for ("low
    level", "first gain"), or "" when it is no record's: hung on a superlative or on
    "first", or on a noun one of those marks ("its lowest for a decade", "the first gain
    for four years"), or on the verb whose object or destination one marks ("fell to its
    lowest level in 10 years", "posted its biggest profit in a decade"). Not another
    ordinal: "their second win in three weeks" counts wins within the window."""
    head = prep.head
    marked = [head]
    if head.pos_ in ("VERB", "AUX"):
        marked += [c for c in head.children if c.dep_ in ("dobj", "attr")]
        marked += [
            x
            for c in head.children
            if c.dep_ == "prep" and c is not prep
            for x in c.children
            if x.dep_ == "pobj"
        ]

    return next((r for x in marked if (r := record_word(x, vocab))), "")


def record_word(x: Any, vocab: Vocabulary) -> str:
    """The record the token ``x`` names, if a superlative or "first" makes one of it
    ("lowest level" -> "low level", "first gain" -> "first gain", "highest" -> "high");
    "" for another ordinal ("the third strike") or none."""
    if not marks_a_superlative(x):
        return ""

    def first_or_most(t: Any) -> bool:
        return t.tag_ in ("JJS", "RBS") or vocab.ordinals.get(t.lower_) == 1

    amods = (c for c in x.children if c.dep_ == "amod")
    mark = next((y for y in (x, *amods) if first_or_most(y)), None)
    if mark is None:
        return ""
    own = [lemma(x, vocab=vocab)] if x is not mark else []
    return " ".join([lemma(mark, vocab=vocab), *own])


def record_mark(doc: Any, start: int, end: int, *, vocab: Vocabulary | None = None) -> str:
    """The record a length of time of the role 'record' goes back for ("low level" of
    "fell to its lowest level in 10 years"): two records' windows are two figures."""
    v = resolve(vocab)
    toks = tokens(doc, start, end)
    preps = [t.head for t in toks if t.head.pos_ == "ADP" and not (start <= t.head.idx < end)]
    if toks and toks[0].i > 0:
        preps.append(doc[toks[0].i - 1])
    return next((r for p in preps if p.pos_ == "ADP" and (r := record_of(p, v))), "")


def _took(prep: Any) -> bool:
    """ "Fell 6.39 percent in just two hours", "falling 679 points in one day": a window
    hung on a verb of what happened in it, in no perfect or future, with no superlative
    or ordinal before it in its clause, is how long that took: a length. Not "its lowest level in
    five years", "the third time in a decade" (windows looked back over), "has gained
    share in recent years", "will reopen in six months"."""
    verb = prep.head
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBN", "VBG"):
        return False
    if any(c.dep_ in ("aux", "neg") for c in verb.children):
        return False  # "has gained ... in", "did not fall in", "will be released in"
    # the mark of a window comes before it ("its lowest level in five years"); one after
    # is of something else ("fell 679 points in one day to 8,579.19, its lowest level")
    return not any(
        x.i < prep.i and (x.tag_ in ("JJS", "RBS") or x.ent_type_ == "ORDINAL")
        for x in verb.subtree
    )
