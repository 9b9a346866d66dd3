"""Nothing unstated is supported: the parts of a claim (names, figures and dates, clauses)
that a passage does not state, and the passage that says the same of another name."""

from __future__ import annotations

import re

from factcheck.nlp.facts import TextFacts
from factcheck.nlp.names import abbreviates, entity_match
from factcheck.nlp.speech import claimed_statement, quoted_in
from factcheck.nlp.words import fuzzy_in, overlap
from factcheck.rules.acronyms import may_stand_for
from factcheck.rules.assessment import Assessment, Comparison
from factcheck.rules.model_rules import model_refute
from factcheck.thresholds import Thresholds
from factcheck.types import Stance, StanceProbs, Value


def unstated(a: Assessment, t: Thresholds, *, reworded: bool = False) -> list[str]:
    """The checkable parts of the claim that this passage (with the one before it) does
    not state: a name, a figure or date, or a clause most of whose words are absent; with
    ``reworded`` (the stance model reads the claim as said), only a clause none of whose
    words is there: the others are said in other words, and that one is something added
    ("..., prompting an official investigation")."""
    passage, context = a.passage, a.context
    pool = passage.content | (context.content if context else frozenset()) | a.headline
    missing = [e.text for e in a.missing_names]
    missing += [v.text for v in a.unverified]
    for q, _, _ in a.claim.quotes:
        if not (quoted_in(q, passage.text) or (context is not None and quoted_in(q, context.text))):
            missing.append(f"the quotation {q!r}")

    def absent(words: frozenset[str]) -> bool:
        share = overlap(words, pool)
        return share == 0.0 if reworded else share < t.weights.clause_cover

    for text, words in a.claim.clauses:
        if len(words) < 2 or text in a.meant:  # a.meant: said in other words
            continue
        if absent(words):
            missing.append(repr(text))
    main = _main_clause(a)
    if main and len(main[1]) >= 2 and absent(main[1]):
        missing.append(repr(main[0]))
    return list(dict.fromkeys(missing))


def missing_parts(a: Assessment, probs: StanceProbs | None, t: Thresholds) -> list[str]:
    """What the passage leaves unstated of a claim it would support (:func:`unstated`);
    where the stance model reads the whole claim as said, its clauses in other words ("so
    far sold only in the US" / "currently only on sale in the US") are stated: its names,
    figures, dates and quotations must still be there, and a clause of which the passage
    has no word at all is something the claim adds."""
    missing = unstated(a, t)
    said = probs is not None and t.model_support <= probs.supports > probs.refutes
    return unstated(a, t, reworded=True) if missing and said else missing


def _main_clause(a: Assessment) -> tuple[str, frozenset[str]] | None:
    """The claim's main clause (its text and words), when every figure the passage states
    lies in a clause under it: "the chief executive cited its success ... when the first
    A380 arrived" is not stated by a passage about the first A380's arrival, whose figure
    is only the subordinate clause's. Not of reported speech: "X said" is who said it
    (speakers.py), what was said its clause."""
    claim = a.claim
    if claimed_statement(claim) is not None:  # not "reported a loss": an event, no words
        return None
    subs = [(i, i + len(x)) for x, _ in claim.clauses if (i := claim.text.find(x)) >= 0]
    inside = [any(s <= c.claim.span[0] and c.claim.span[1] <= e for s, e in subs) for c in a.checks]
    if not inside or not all(inside):
        return None
    words = frozenset(w for w, b, e in claim.spans if not any(s <= b and e <= x for s, x in subs))
    text = claim.text
    for s, e in sorted(subs, reverse=True):
        text = text[:s] + text[e:]
    return " ".join(text.split()).strip(" ,.;:"), words


def not_stated(a: Assessment, missing: list[str]) -> Comparison:
    return Comparison(
        stance=Stance.NEUTRAL,
        weight=0.0,
        rationale=f"the source does not state {', '.join(missing[:3])}",
        claim_spans=a.claim_spans,
        passage_spans=a.passage_spans,
        checks=a.checks,
        relatedness=a.relatedness,
    )


def partly_stated(
    a: Assessment, missing: list[str], probs: StanceProbs | None, t: Thresholds
) -> Comparison:
    """A passage that would support the claim but does not state all of it (``missing``):
    it says the same of another name or party, contradicts the rest, or is neutral."""
    return (
        other_name(a, missing, t)
        or other_party(a, missing, t)
        or wording_contradicted(a, probs, t)
        or not_stated(a, missing)
    )


def wording_contradicted(
    a: Assessment, probs: StanceProbs | None, t: Thresholds
) -> Comparison | None:
    """The claim's names and figures are all stated and agree, and what it adds in words
    is not: where the model reads that wording as contradicted ("has sailed 40 hours and is
    beating its targets" / "had sailed 40 hours and was missing them"), the
    passage refutes it, as it would without the figures to match."""
    if a.missing_names or a.unverified or any(not c.agree for c in a.checks):
        return None
    return model_refute(a, probs, t)


def other_name(a: Assessment, missing: list[str], t: Thresholds) -> Comparison | None:
    """The passage says the same of someone else: every other part of the claim is there
    and agrees, and in place of the claim's missing name it has another of the same kind
    ("Air Canada ordered ..." against "Air India ordered ...")."""
    w = t.weights
    claim_names = {e.text for e in a.claim.entities}
    if not set(missing) <= claim_names or a.overlap < w.other_name_overlap:
        return None
    gone = [e for e in a.claim.entities if e.text in missing]
    vocab = a.claim.vocabulary
    others = [
        (p.text, p.span)
        for p in a.passage.entities
        if not any(
            entity_match(p.name, c.name, vocab=vocab) or abbreviates(p.text, c.text, vocab=vocab)
            for c in a.claim.entities
        )
        and any(p.entity_type == g.entity_type for g in gone)
    ]
    if any(not c.agree for c in a.checks):
        return None
    # a name of another kind in the very place of the claim's ("space launch contracts
    # of Cape Canaveral" / "of the U.S."): the same words on either side of it
    others += [x for g in gone[:1] if (x := in_its_place(a.claim, g, a.passage)) is not None]
    if not others:
        return None
    return _said_of(a, others[0], gone[0], t)


def _said_of(
    a: Assessment, other: tuple[str, tuple[int, int]], g: Value, t: Thresholds
) -> Comparison:
    """The passage says the claim's content of ``other`` (its text and span), not of the
    claim's name ``g``."""
    w = t.weights
    return Comparison(
        stance=Stance.REFUTES,
        weight=min(1.0, w.other_name_base + w.other_name_per_overlap * a.overlap),
        rationale=f"the source says this of {other[0]}, not {g.text}",
        claim_spans=tuple(sorted({*a.claim_spans, g.span})),
        passage_spans=tuple(sorted({*a.passage_spans, other[1]})),
        checks=a.checks,
        relatedness=a.relatedness,
    )


def name_in_place(a: Assessment, t: Thresholds) -> Comparison | None:
    """A name of the claim that the passage does not hold, where the passage has another
    name in its very place ("a press conference held by Papermaster" / "held by Steve
    Jobs"): the same said of someone else, though the article may name the claim's name
    elsewhere; every figure of the claim the passage gives agrees."""
    if a.overlap < t.weights.other_name_overlap or any(not c.agree for c in a.checks):
        return None
    vocab, text = a.claim.vocabulary, a.passage.text.lower()
    for g in a.claim.entities:
        if g.text.lower() in text or any(
            entity_match(p.name, g.name, vocab=vocab) for p in a.passage.entities
        ):
            continue
        found = in_its_place(a.claim, g, a.passage)
        if found is not None and not may_stand_for(a, found[0], g.text):
            return _said_of(a, found, g, t)  # not "HIA" for "Halvard Air": may be one
    return None


_WORD = re.compile(r"[\w'’-]+")


def in_its_place(
    claim: TextFacts, name: Value, passage: TextFacts
) -> tuple[str, tuple[int, int]] | None:
    """The words the passage has where the claim has ``name``: the two words before the
    name and the two after it, each pair as the claim has them, around at most five words
    of the passage's, one of them capitalised (a name, not "the city"), that match none
    of the claim's names. A name that opens the claim is placed by the three words after
    it, at the opening of a sentence of the passage ("Chrysler was hardest hit among ...");
    none where it ends its sentence (one side of two words is not enough to place it)."""
    gap = r"[^\w]+"
    name_words = r"(?P<x>[\w'’.&-]+(?:\s+[\w'’.&-]+){0,4}?)"
    before = _WORD.findall(claim.text[: name.span[0]])[-2:]
    after = _WORD.findall(claim.text[name.span[1] :])[:3]
    said = claimed_statement(claim)
    speaker = said is not None and said.speaker_span[0] <= name.span[0] < said.speaker_span[1]
    # a speaker opening the claim ("Tom Jones said ...") is the speaker rules' to read
    opening = not claim.text[: name.span[0]].strip() and not speaker
    if speaker and not before:
        return None
    if opening and len(after) == 3:
        pattern = rf"(?:^|[.!?]\s+){name_words}{gap}{gap.join(map(re.escape, after))}\b"
    elif len(before) < 2 or len(after) < 2:
        return None
    else:
        pattern = (
            rf"\b{gap.join(map(re.escape, before))}{gap}{name_words}"
            rf"{gap}{gap.join(map(re.escape, after[:2]))}\b"
        )
    m = re.search(pattern, passage.text, re.I)
    if m is None:
        return None
    raw = m["x"]
    x = raw.strip(" .")
    start = m.start("x") + len(raw) - len(raw.lstrip(" ."))
    vocab = claim.vocabulary
    if not any(ch.isupper() for ch in x):
        return None  # a description in its place ("officials in the city"): the same one
    if any(entity_match(x.lower(), c.name, vocab=vocab) for c in claim.entities):
        return None
    if any(abbreviates(x, c.text, vocab=vocab) for c in claim.entities):
        return None  # "East L.A." for "East Los Angeles"
    if opening and not any(
        e.entity_type == name.entity_type and start <= e.span[0] < start + len(x)
        for e in passage.entities
    ):
        # a sentence's first word is capitalised whatever it is ("The company said"), and
        # its subject may be who acted for the claim's name ("Chief executive Maria Lopez
        # has ordered"): only a name of the claim's name's kind takes its place
        return None
    return x, (start, start + len(x))


_PLACES = frozenset(["GPE", "LOC"])


def _has(words: frozenset[str], pool: frozenset[str]) -> bool:
    return any(fuzzy_in(w, pool) for w in words)


def _named(facts: TextFacts, words: frozenset[str]) -> Value | None:
    """The text's name holding a party's words ("Pratt & Whitney")."""
    return next((e for e in facts.entities if any(w in e.name for w in words)), None)


def _shown(facts: TextFacts, words: frozenset[str], text: str) -> str:
    e = _named(facts, words)
    return e.text if e is not None else text


def _same_kind(
    claim: TextFacts, mine: frozenset[str], passage: TextFacts, theirs: frozenset[str]
) -> bool:
    """Both parties names of one kind, not places: a company for a company, a person for
    a person (not "Anna Berg" for "Zandor Motors"). One place may hold the other ("in
    Europe" holds "in Scandinavia"; "North America", "Canada"): both may be true."""
    a, b = _named(claim, mine), _named(passage, theirs)
    return (
        a is not None
        and b is not None
        and a.entity_type == b.entity_type
        and a.entity_type not in _PLACES
    )


Place = tuple[tuple[str, ...], frozenset[str], frozenset[str], str]


def _places(facts: TextFacts) -> list[Place]:
    """Each place a text puts a party in, with what else pins the place: a verb's doer
    (pinned by the verb and its object), its object (by the verb and its doer), and a
    name where it hangs on a word (by the word and how: "in", "compound", "poss")."""
    out: list[Place] = []
    for verb, doer, done, dtext, otext in facts.roles:
        out.append((("doer", verb), doer, done, dtext))
        out.append((("object", verb), done, doer, otext))
    for head, how, words, text in facts.slots:
        out.append((("slot", head, how), words, frozenset(), text))
    return out


def other_party(a: Assessment, missing: list[str], t: Thresholds) -> Comparison | None:
    """The source puts another name where the claim's stands: the claim's verb and object
    with another doer, its verb and doer with another object, or the word a name hangs on
    with another name on it ("Pratt & Whitney will supply the engines" / "Rolls-Royce ...
    will supply engines"; "bid for Cape Canaveral contracts" / "bid for Vandenberg
    contracts"): the same said of someone else, when that name is all the passage leaves
    unstated, it never names it, and the passage has most of the rest of the claim."""
    claim, passage = a.claim, a.passage
    if not missing or any(not c.agree for c in a.checks):
        return None
    # the rest of the claim in the passage, the one before it or the headline
    pool = passage.content | (a.context.content if a.context else frozenset()) | a.headline
    theirs_all = _places(passage)
    for place, mine, kept, mtext in _places(claim):
        if not mtext[:1].isupper() or _has(mine, passage.content):
            continue
        if not all(any(w in m.lower() for w in mine) for m in missing):
            continue
        rest = frozenset(w for w in claim.content if " " not in w and w not in mine)
        if overlap(rest, pool) < t.weights.other_name_overlap:
            continue
        for where, theirs, kept2, ttext in theirs_all:
            if (
                where == place
                and (not kept or _has(kept, kept2))
                and ttext[:1].isupper()
                and not _has(theirs, claim.content)
                and _same_kind(claim, mine, passage, theirs)
                and not may_stand_for(a, ttext, mtext)  # "HIA" may be "Halvard Air"
            ):
                return Comparison(
                    stance=Stance.REFUTES,
                    weight=min(
                        1.0,
                        t.weights.other_name_base + t.weights.other_name_per_overlap * a.overlap,
                    ),
                    rationale=f"the source says this of {_shown(passage, theirs, ttext)},"
                    f" not {_shown(claim, mine, mtext)}",
                    claim_spans=a.claim_spans,
                    passage_spans=a.passage_spans,
                    checks=a.checks,
                    relatedness=a.relatedness,
                )
    return None
