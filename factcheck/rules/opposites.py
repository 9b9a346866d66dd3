"""Opposite evaluations: the claim says a thing was welcomed, approved or helped, the source
says the same thing was criticised, rejected or hurt ("lawmakers approved the proposal" /
"lawmakers rejected the proposal"). Antonyms sit close together in an embedding space and
fool a stance model trained on generic pairs; a valence lexicon (lang/<code>/polarity.json)
tells their sign apart. Pure code over the stored facts (frames and negated predicates)."""

from __future__ import annotations

import re
from functools import cache
from typing import cast

from factcheck.lang import alternation
from factcheck.nlp.facts import TextFacts
from factcheck.nlp.words import canon_set, fuzzy_in
from factcheck.rules.assessment import Assessment, Comparison, contradicted
from factcheck.rules.comparisons import comparison_flipped, grades
from factcheck.rules.parties import converse, side
from factcheck.thresholds import Thresholds
from factcheck.types import Value, ValueKind

Evaluation = tuple[str, frozenset[str], int]  # predicate, what it is said of, its sign


def evaluations(facts: TextFacts, least: float) -> list[Evaluation]:
    """The evaluative predicates of a text with their arguments and the sign they give
    them: the word's valence, turned over where the text negates it ("did not welcome")."""
    valence = facts.vocabulary.valence
    negated = facts.polar[1]
    out = []
    for pred, args in facts.frames:
        v = valence.get(pred, 0.0)
        if abs(v) < least or not args:
            continue
        sign = 1 if v > 0 else -1
        out.append((pred, args, -sign if pred in negated else sign))
    return out


def same_things(
    claim: TextFacts, mine: tuple[str, frozenset[str]], passage: TextFacts, theirs: str
) -> bool:
    """Said of the same things in the same roles: two of the claim's arguments (its only
    one, where it has one) on the same side of the source's predicate as of the claim's.
    "Ford lost ..." and "a plan to relieve Ford" evaluate different things of Ford; a
    passive ("the plan was welcomed by the union") is not matched, and so not contradicted."""
    pred, args = mine
    frames = [a for p, a in passage.frames if p == theirs]
    same = {
        w
        for w in args
        for a in frames
        if fuzzy_in(w, a) and side(claim, pred, w) == side(passage, theirs, w) != 0
    }
    return len(same) >= min(2, len(args))


def swapped(claim: TextFacts, passage: TextFacts, least: float) -> tuple[str, str] | None:
    """A pair (claim's word, source's word) where the claim is the source's wording with
    one evaluative word put in the other sign ("record profits" for "record losses", "an
    unclear outlook" for "a clear outlook"): every other content word of the claim is in
    the source, and every evaluative word of the source that the claim lacks has the other
    sign. Any part of speech; texts of different negative polarity are left alone."""
    if len(claim.content) < 3 or claim.negative != passage.negative:
        return None
    valence = claim.vocabulary.valence
    missing = [w for w in claim.content if not fuzzy_in(w, passage.content)]
    if len(missing) != 1 or abs(valence.get(missing[0], 0.0)) < least:
        return None
    mine = missing[0]
    extra = [
        w
        for w in passage.content
        if abs(valence.get(w, 0.0)) >= least and not fuzzy_in(w, claim.content)
    ]
    if not extra or any(valence[w] * valence[mine] > 0 for w in extra):
        return None
    theirs = sorted(extra)[0]
    # the other party's act ("Halden lost to Varden" / "Varden won against Halden"): the
    # same thing said the other way round, a converse, not the opposite
    if converse(claim, mine, passage, theirs):
        return None
    return mine, theirs


def opposite(
    claim: TextFacts, passage: TextFacts, least: float, *, stated: bool = True
) -> tuple[str, str] | None:
    """A pair (claim's word, source's word): an evaluation of the claim that the source
    gives with the other sign, of the same thing, where the source gives none of the
    claim's sign of it and neither text evaluates with the other's word; or, where the
    source states all of the claim's figures (``stated``), the claim is the source's
    wording with one evaluative word swapped (:func:`swapped`): a claim that adds a figure
    says more than a swap."""
    found = swapped(claim, passage, least) if stated else None
    if found is not None:
        return found
    mine, theirs = evaluations(claim, least), evaluations(passage, least)
    # the claim's own evaluations: a word of the source's that the claim has only in a
    # name of who speaks ("critics welcomed ..." against "critics were critical of ...")
    # is not the claim saying it
    judged = frozenset(p for p, _ in claim.frames)
    for pred, args, sign in mine:
        if fuzzy_in(pred, passage.content):
            continue  # the source uses the claim's own word: negation_flip's case
        about = [(p, s) for p, _, s in theirs if same_things(claim, (pred, args), passage, p)]
        if not about or any(s == sign for _, s in about):
            continue  # the source says nothing of it, or also says it the claim's way
        other = next(p for p, s in about if s != sign)
        if not fuzzy_in(other, judged):
            return pred, other
    return None


def other_end(claim: TextFacts, passage: TextFacts) -> tuple[str, str] | None:
    """A pair (claim's word, source's word): a thing the claim puts at one end of a scale
    ("the loss was smaller than predicted") and the source, of the same thing in the same
    role, only at the other ("far greater than predicted"), where the source has every
    other word of the claim; never words of two scales (size, time, ...), nor a word
    either text negates."""
    grade = grades(claim.vocabulary)
    negated = claim.polar[1] | passage.polar[1]
    if claim.negative != passage.negative:
        return None
    theirs = [p for p, _ in passage.frames if p in grade and p not in negated]
    for pred, args in claim.frames:
        g = grade.get(pred)
        if g is None or not args or pred in negated:
            continue
        # every other word of the claim in the source: the same thing, place and point
        # of comparison ("smaller than analysts expected" / "larger than a year earlier")
        if any(not fuzzy_in(w, passage.content) for w in claim.content if w != pred):
            continue
        about = [
            p
            for p in theirs
            if abs(grade[p]) == abs(g) and same_things(claim, (pred, args), passage, p)
        ]
        if about and all(grade[p] == -g for p in about):
            return pred, about[0]
    return None


@cache
def _degree_words(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"\b({alternation(words)})\s+(\w[\w-]*)", re.I)


def degrees(facts: TextFacts) -> dict[str, dict[int, str]]:
    """For each content word a degree word is set before ("more fuel efficient", "fewer
    magicians"; lexicon ``degree_words``), the signs it is given (+1 more, -1 less), each
    with its words as written. Not a hedge on a number ("more than 40": no content word
    follows)."""
    signs = facts.vocabulary.degree_words
    if not signs:
        return {}
    at = {start: lemma for lemma, start, _ in facts.spans}
    out: dict[str, dict[int, str]] = {}
    for m in _degree_words(tuple(sorted(signs))).finditer(facts.text):
        word = at.get(m.start(2))
        if word is not None:
            out.setdefault(word, {})[signs[m.group(1).lower()]] = m.group(0)
    return out


def degree_flipped(claim: TextFacts, passage: TextFacts) -> tuple[str, str] | None:
    """(the claim's words, the source's) where the claim gives a thing the other degree
    than the source, and the source never the claim's: "fewer magicians are working today
    than ever" / "more magicians are working today than ever before"."""
    if claim.negative != passage.negative:
        return None
    theirs = degrees(passage)
    for word, signs in degrees(claim).items():
        other = theirs.get(word, {})
        if len(signs) == 1 and other and not other.keys() & signs.keys():
            return next(iter(signs.values())), next(iter(other.values()))
    return None


def opposed(a: Assessment, t: Thresholds, why: str) -> Comparison:
    """A contradiction by one of this module's readings, as sure as the claim's words are
    the source's (the negation rule's weights)."""
    w = t.weights
    return contradicted(a, why, min(1.0, w.negation_base + w.negation_overlap * a.overlap))


def _states(w: Value, v: Value) -> bool:
    """Whether ``w`` states ``v``: a date within it ("the fourth quarter of 2005" states
    2005; 2019 does not state March 2019), a figure of the same unit overlapping it."""
    if v.kind != w.kind:
        return False
    if v.kind == ValueKind.DATE:
        return bool(v.date_from and w.date_from) and (
            v.date_from <= w.date_from and w.date_to <= v.date_to
        )
    if None in (v.low, v.high, w.low, w.high) or v.unit != w.unit:
        return False
    return cast(float, v.low) <= cast(float, w.high) and cast(float, w.low) <= cast(float, v.high)


def _told_before(a: Assessment) -> bool:
    """Whether the claim's figures and dates are stated: by the passage, or those it
    leaves out by the passage before it, as copy names a year once ("GM lost $8.6 billion
    in 2005." / "The loss was far greater than analysts predicted.")."""
    if not a.unverified:
        return True
    before = [f.value for f in a.context.found] if a.context is not None else []
    own = {f.value.kind for f in a.passage.found}
    # a figure or date of the kind the passage states itself is the passage's to state
    return all(v.kind not in own and any(_states(w, v) for w in before) for v in a.unverified)


def opposite_evaluation(a: Assessment, t: Thresholds) -> Comparison | None:
    """The claim's evaluation of something, or its place on a scale, given the other way
    round by the source."""
    found = None
    if a.overlap >= t.negation_overlap:  # enough of the claim's words make it the same story
        found = opposite(a.claim, a.passage, t.opposite_valence, stated=not a.unverified)
        if found is None and not a.unverified:  # its figures and dates stated: one time
            found = other_end(a.claim, a.passage) or degree_flipped(a.claim, a.passage)
    same_story = a.overlap >= t.negation_overlap or not a.missing_names
    if found is None and same_story and _told_before(a):
        # a comparison is matched by its own words, on either side of the comparison word:
        # its point is said in other words as often as not ("had expected" / "predicted"),
        # so the claim's names stand for its words; what it compares must be named there
        unstated = frozenset(x for e in a.missing_names for x in e.name.split())
        found = comparison_flipped(a.claim, a.passage, unstated)
    if found is None:
        return None
    return opposed(a, t, f"the claim says {found[0]!r} where the source says {found[1]!r}")


def _party(words: frozenset[str], other: frozenset[str]) -> bool:
    """The same party: every word of one in the other ("Android phones" / "phones"), not
    a word in common ("finance ministry" / "ministry spending plans")."""
    return all(fuzzy_in(w, other) for w in words) or all(fuzzy_in(w, words) for w in other)


def other_way_round(claim: TextFacts, passage: TextFacts) -> tuple[str, str, str] | None:
    """(verb, the source's doer, the source's object) where the source gives the claim's
    verb the claim's two parties in the other places ("iPhones outsold Android phones" /
    "Android phones managed to outsell iPhones"; through the passive: "Wagoner was
    replaced by Henderson"), and never in the claim's; only a one-way verb (lexicon
    ``one_way_verbs``: not "accused", "met"), never where either text negates it."""
    vocab = claim.vocabulary
    one_way = canon_set(vocab.one_way_verbs, ("VERB",), vocab=vocab)
    negated = claim.polar[1] | passage.polar[1]
    for verb, doer, done, _, _ in claim.roles:
        if verb not in one_way or verb in negated or _party(doer, done):
            continue
        same = [r for r in passage.roles if r[0] == verb]
        if any(_party(doer, d) and _party(done, o) for _, d, o, _, _ in same):
            continue  # the source also has it the claim's way
        for _, d, o, dtext, otext in same:
            if _party(doer, o) and _party(done, d):
                return verb, dtext, otext
    return None


def roles_swapped(a: Assessment, t: Thresholds) -> Comparison | None:
    """The source gives the claim's two parties of one verb the other way round."""
    if a.overlap < t.negation_overlap:
        return None
    found = other_way_round(a.claim, a.passage)
    if found is None:
        return None
    verb, doer, done = found
    return opposed(a, t, f"the source has it the other way round: {doer} {verb} {done}")


@cache
def _marker(markers: frozenset[str]) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(markers)})\b", re.I)


def choices(facts: TextFacts) -> list[tuple[frozenset[str], frozenset[str]]]:
    """(chosen, set aside) for each preference marker of a text (lexicon
    ``preference_markers``: "show advertising rather than ask for donations"): the content
    words of its sentence before the marker, and those after it up to the next punctuation."""
    markers = facts.vocabulary.preference_markers
    if not markers:
        return []
    text, out = facts.text, []
    for m in _marker(markers).finditer(text):
        start = max(text.rfind(c, 0, m.start()) for c in ".!?;") + 1
        ends = [i for c in ".!?;:," if (i := text.find(c, m.end())) >= 0]
        end = min(ends, default=len(text))
        before = frozenset(w for w, s, _ in facts.spans if start <= s < m.start())
        after = frozenset(w for w, s, _ in facts.spans if m.end() <= s < end)
        out.append((before, after))
    return out


def _only(words: frozenset[str], here: frozenset[str], there: frozenset[str]) -> list[str]:
    return sorted(w for w in words if fuzzy_in(w, here) and not fuzzy_in(w, there))


def other_choice(claim: TextFacts, passage: TextFacts) -> tuple[str, str] | None:
    """(what the claim says was chosen, what the source says was) where the source sets
    the claim's two alternatives the other way round: a word before the claim's marker
    only after the source's, and a word after it only before it ("asks for donations
    rather than showing advertising" / "show advertising rather than ask for donations").
    A marker that opens its sentence ("Rather than recall the devices, ...") leaves the
    chosen side out of reach and is not read."""
    for mine, not_mine in choices(claim):
        for theirs, not_theirs in choices(passage):
            put_aside = _only(mine, not_theirs, theirs)
            chosen = _only(not_mine, theirs, not_theirs)
            if put_aside and chosen and not (set(put_aside) & set(chosen)):
                return put_aside[0], chosen[0]
    return None


def _same_polarity(a: Assessment, t: Thresholds) -> bool:
    """Enough of the claim's words in the passage, and neither text negative where the
    other is not: the ground the wording rules of this module read on."""
    return a.overlap >= t.negation_overlap and a.claim.negative == a.passage.negative


def choice_swapped(a: Assessment, t: Thresholds) -> Comparison | None:
    """The source makes the other choice between the claim's two alternatives."""
    found = other_choice(a.claim, a.passage) if _same_polarity(a, t) else None
    if found is None:
        return None
    return opposed(
        a, t, f"the source makes the other choice: {found[1]!r} rather than {found[0]!r}"
    )


@cache
def _prefixed(prefixes: frozenset[str]) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(prefixes, escape=True)})(?P<w>[a-z]{{3,}})\b", re.I)


def _words_negated(text: str, prefixes: frozenset[str]) -> tuple[set[str], set[str]]:
    """(the words a text negates by a prefix: "binding" of "non-binding"; the words it has
    without one)."""
    pattern = _prefixed(prefixes)
    # a common word only: "non-Muslim visitors" says nothing against "Muslim pilgrims"
    negated = {m["w"] for m in pattern.finditer(text) if m["w"].islower()}
    bare = pattern.sub(" ", text)
    return negated, set(re.findall(r"[a-z]+", bare))


def prefix_flip(claim: TextFacts, passage: TextFacts) -> str | None:
    """A word one text negates by a prefix and the other has bare, and only bare ("was
    binding" / "a non-binding recommendation"): the word, else None."""
    prefixes = claim.vocabulary.negating_prefixes
    if not prefixes:
        return None
    c_no, c_yes = _words_negated(claim.text, prefixes)
    p_no, p_yes = _words_negated(passage.text, prefixes)
    flipped = ((c_yes & p_no) - p_yes - c_no) | ((c_no & p_yes) - c_yes - p_no)
    return sorted(flipped)[0] if flipped else None


def prefix_negated(a: Assessment, t: Thresholds) -> Comparison | None:
    """The source negates by a prefix a word the claim asserts, or the other way round."""
    found = prefix_flip(a.claim, a.passage) if _same_polarity(a, t) else None
    return (
        None if found is None else opposed(a, t, f"one text says {found!r}, the other its negation")
    )


def other_place(claim: TextFacts, passage: TextFacts) -> tuple[str, str] | None:
    """(the claim's words, the source's) where the source ranks the claim's thing by the
    same superlative at another place ("the largest fall" / "the eleventh largest fall";
    "the second-largest carmaker" / "the largest carmaker"), and nowhere at the claim's."""
    for adj, place, noun, s, e in claim.ranks:
        theirs = [
            r for r in passage.ranks if r[0] == adj and (not noun or not r[2] or r[2] == noun)
        ]
        if theirs and all(r[1] != place for r in theirs):
            return claim.text[s:e], passage.text[theirs[0][3] : theirs[0][4]]
    return None


def rank_changed(a: Assessment, t: Thresholds) -> Comparison | None:
    """The source puts the claim's thing at another place of the same ranking, and has
    every other word of the claim (its names are the names rule's)."""
    claim, passage = a.claim, a.passage
    if a.overlap < t.negation_overlap or claim.negative != passage.negative:
        return None
    found = other_place(claim, passage)
    if found is None:
        return None
    # the same ranking: every other word of the claim, its names included, in the passage,
    # the one before it or the headline ("in Scandinavia" is not "in Europe"), its figures and
    # dates stated ("its best year since 2000" is not "its second-best year on record")
    if a.unverified:
        return None
    pool = passage.content | (a.context.content if a.context is not None else frozenset())
    pool |= a.headline  # "the index" of a story headlined "Dow Jones recovers ..."
    ranked = {r[0] for r in claim.ranks}
    if any(not fuzzy_in(w, pool) for w in claim.content - ranked if " " not in w):
        return None
    return opposed(a, t, f"the claim says {found[0]!r} where the source says {found[1]!r}")


def _of(word: str, pred: str, facts: TextFacts) -> bool:
    """Whether ``word`` is ``pred`` or ``pred`` negated by a prefix ("unable" of "able")."""
    v = facts.vocabulary
    return word == pred or (
        word.endswith(pred)
        and word[: len(word) - len(pred)] in v.adjective_prefixes
        and word not in v.prefix_exceptions
    )


def same_frame(pred: str, claim: TextFacts, passage: TextFacts) -> bool:
    """Whether ``pred`` has the same arguments in both texts (or either names none):
    "troops are deployed near the border" and "weapons would not be deployed" negate two
    different statements."""
    ca = [args for p, args in claim.frames if _of(p, pred, claim) and args]
    pa = [args for p, args in passage.frames if _of(p, pred, passage) and args]
    if not ca or not pa:
        return True
    return any(fuzzy_in(w, y) for x in ca for y in pa for w in x)
