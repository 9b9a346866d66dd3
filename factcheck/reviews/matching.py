"""Is a new claim the same claim as a stored review? Compared as verdicts compare values:
a review whose figure, date, name or polarity differs is related, never the same claim,
and the difference is said in words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.lang import Vocabulary
from factcheck.nlp.facts import TextFacts, entity_match, fuzzy_in
from factcheck.rules.align import compatible, values_agree
from factcheck.rules.describe import center, describe
from factcheck.types import Review, ReviewMatch, Value, ValueKind


@dataclass(frozen=True, slots=True)
class MatchThresholds:
    """When a stored review is shown with a claim, and when it is the same claim.

    ``same`` was chosen on the dev half of benchmarks/claim_matching.py (see
    docs/evaluation.md); ``related`` only decides what is shown as related."""

    related: float = 0.6  # cosine similarity at which a review is shown at all
    same: float = 0.78  # ... at which it is the same claim, when nothing in it differs
    k: int = 3  # reviews shown per claim, at most


# -- what differs between two claims -------------------------------------------------------


def claim_difference(new: TextFacts, old: TextFacts) -> str:
    """Why two claims are not the same claim although they are alike, or "".

    A figure, date or duration of a compatible kind (as verdicts align them) that states
    another amount; a name replaced by another (a name left out is a rewording: "the two
    presidents" for "Biden and Putin"); one negated, the other not.
    """
    vocab = new.vocabulary
    for a, b_side, here_first in ((new, old, True), (old, new, False)):
        for v in a.values:
            rivals = [w for w in b_side.values if compatible(v, w, vocab=vocab)]
            if rivals and not any(same_amount(v, w, vocab=vocab) for w in rivals):
                x, y = (v, rivals[0]) if here_first else (rivals[0], v)
                x_, y_ = describe(x, vocab=vocab), describe(y, vocab=vocab)
                return f"the figures differ: {x_} here, {y_} in the review"
    for group in (True, False):  # people; then organisations, places and other names
        here = [e for e in new.entities if (e.entity_type == "PERSON") == group]
        there = [e for e in old.entities if (e.entity_type == "PERSON") == group]
        added = [e for e in here if not any(_same_name(e.name, x.name, vocab) for x in there)]
        lost = [x for x in there if not any(_same_name(e.name, x.name, vocab) for e in here)]
        if added and lost:
            return f"the names differ: {added[0].text} here, {lost[0].text} in the review"
    # What the value reader could not place ("as early as March", "mid-2006", a name
    # the tagger missed) still shows in the words: a figure, month, weekday or name that
    # one claim has where the other has another.
    for what, mine, theirs in (
        ("figures", _figures(new, vocab), _figures(old, vocab)),
        ("dates", _calendar_words(new.text, vocab), _calendar_words(old.text, vocab)),
        (
            "names",
            _names(new.text, _words(old.text, vocab), vocab),
            _names(old.text, _words(new.text, vocab), vocab),
        ),
    ):
        extra, gone = mine - theirs, theirs - mine
        if what == "names":  # "GM" here, "General Motors" there: one name
            extra, gone = (
                _drop_acronyms(extra, gone, old.text, vocab),
                _drop_acronyms(gone, extra, new.text, vocab),
            )
        if extra and gone:
            mine_w, theirs_w = _as_written(min(extra), new.text), _as_written(min(gone), old.text)
            return f"the {what} differ: {mine_w} here, {theirs_w} in the review"
    if _negation_differs(new.negated, old.negated):
        which = "this claim" if new.negated else "the review's claim"
        return f"one is negated ({which} says not)"
    return ""


def same_amount(a: Value, b: Value, *, vocab: Vocabulary | None = None) -> bool:
    """Two values state the same amount: dates that overlap (a day in its month), numbers
    whose stated figures are equal within 1% ("more than 7.5 million" is not "more than 15
    million", although both can be true, so they are not one claim)."""
    if a.kind == ValueKind.DATE:
        return values_agree(a, b, vocab=vocab)
    x, y = center(a, vocab=vocab), center(b, vocab=vocab)
    return abs(x - y) <= 0.01 * max(abs(x), abs(y)) + 1e-9


def _as_written(word: str, text: str) -> str:
    m = re.search(rf"(?i)(?<![\w]){re.escape(word)}(?![\w])", text)
    return m.group() if m else word


def _same_name(a: str, b: str, vocab: Vocabulary) -> bool:
    """One name: 'Putin' ~ 'Vladimir Putin' (``entity_match``), or initials: 'gm' ~
    'general motors'."""
    if entity_match(a, b, vocab=vocab):
        return True
    for x, y in ((a, b), (b, a)):
        words = y.split()
        if " " not in x and len(words) > 1 and x == "".join(w[0] for w in words):
            return True
    return False


def _figures(f: TextFacts, vocab: Vocabulary) -> set[str]:
    """Every number a claim states (any kind, as its stated figure), a date's bounds."""
    out = set()
    for v in f.values:
        if v.kind == ValueKind.DATE:
            out.add(v.date_from[:10])
        elif v.kind != ValueKind.INVALID and v.low is not None:
            out.add(f"{center(v, vocab=vocab):.6g}")
    # Numbers inside names ("Merval 25", "iPhone 4") are not values, but they tell two
    # claims apart all the same.
    for m in _NAME_NUMBER.finditer(f.text):
        word, num = m.group(1).lower(), m.group(2)
        if word not in vocab.months and not re.fullmatch(r"(1[89]|20)\d\d", num):
            out.add(f"{float(num):.6g}")
    return out


_NAME_NUMBER = re.compile(r"\b([A-Z][\w&-]*)\s(\d+)\b")


_WORD = re.compile(r"[A-Za-z][\w'’.-]*")


def _calendar_words(text: str, vocab: Vocabulary) -> set[str]:
    calendar = vocab.months.keys() | vocab.weekdays.keys()
    return {w.lower() for w in _WORD.findall(text) if w.lower() in calendar}


def _words(text: str, vocab: Vocabulary) -> set[str]:
    return {_bare(m.group(), vocab) for m in _WORD.finditer(text)}


def _bare(w: str, vocab: Vocabulary) -> str:
    w = w.rstrip(".'’").lower()
    for ending in vocab.possessive_endings:
        w = w.removesuffix(ending)
    return w


def _names(text: str, other: set[str], vocab: Vocabulary) -> set[str]:
    """Capitalised words inside the sentence that the other claim lacks: names a tagger
    may miss ("Thai Airways" for "Singapore Airlines"). The first word, calendar words and
    function words ("The") are not names; compared only as substitutions."""
    from spacy.lang.en.stop_words import STOP_WORDS

    out = set()
    for i, m in enumerate(_WORD.finditer(text)):
        w = _bare(m.group(), vocab)
        if i == 0 or not m.group()[:1].isupper() or w in other or w in STOP_WORDS:
            continue
        if text[: m.start()].rstrip().endswith((".", ":", '"', "“")):
            continue
        if w in vocab.months or w in vocab.weekdays:
            continue
        out.add(w)
    return out


def _drop_acronyms(
    words: set[str], other_words: set[str], other_text: str, vocab: Vocabulary
) -> set[str]:
    """``words`` less those that are the initials of a run of capitalised words in the
    other text ("gm" for "General Motors"), and less the words of runs whose initials
    are among ``other_words``."""
    runs = re.findall(r"(?:[A-Z][\w'’-]*\s+){1,5}[A-Z][\w'’-]*", other_text)
    initials = {"".join(w[0] for w in r.split()).lower(): r for r in runs}
    out = {w for w in words if w not in initials}
    for acro, run in initials.items():
        if acro in other_words:
            out -= {_bare(w, vocab) for w in run.split()}
    return out


def _negation_differs(a: frozenset[str], b: frozenset[str]) -> bool:
    return any(not fuzzy_in(w, b) for w in a) or any(not fuzzy_in(w, a) for w in b)


# -- the store ---------------------------------------------------------------------------------


def decide_match(
    review: Review, similarity: float, new: TextFacts, old: TextFacts, t: MatchThresholds
) -> ReviewMatch:
    """Same claim, or related (and why)."""
    why = claim_difference(new, old)
    if why:
        return ReviewMatch(review, similarity, False, why)
    if similarity < t.same:
        return ReviewMatch(review, similarity, False, "a related claim, worded too differently")
    return ReviewMatch(review, similarity, True, "")
