"""What a spaCy parse says about the values and words of a sentence: the noun a number
counts, the word a value attaches to, a duration's role, who a sentence is attributed to,
its clauses and its predicates' arguments. Pure functions of a parsed ``Doc``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from factcheck.lang import vocabulary
from factcheck.nlp.words import canon
from factcheck.types import DurationRole

VOCAB = vocabulary("en")
PREDICATE_DEPS = frozenset(["ROOT", "ccomp", "xcomp", "conj", "advcl", "relcl", "acomp", "pcomp"])
CLAUSE_DEPS = frozenset(["advcl", "relcl", "acl", "ccomp", "parataxis"])
ARG_DEPS = frozenset(["nsubj", "nsubjpass", "dobj", "attr", "dative"])


def lemma(tok: Any) -> str:
    """A token's canonical lemma: its synonym group's word; a proper noun as written."""
    lem = tok.lemma_.lower() if tok.pos_ != "PROPN" else tok.text.lower()
    return canon(lem.strip("'’"), tok.pos_)


def tokens(doc: Any, start: int, end: int) -> list[Any]:
    """The tokens covering characters [start, end), found by offset (no scan of the doc)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def counted_noun(doc: Any, start: int, end: int, look_back: bool) -> str:
    """The noun a number counts: '100,000 Russian troops' -> 'troop'."""
    after = [t for t in doc if t.idx >= end][:5]
    for t in after:
        if t.pos_ == "NOUN":
            return canon(t.lemma_.lower(), "NOUN")
        if (
            t.pos_ in ("VERB", "AUX", "CCONJ", "SCONJ", "PRON")
            or (t.pos_ == "ADP" and t.lower_ != "of")
            or (t.is_punct and t.text != "-")
        ):
            break
    if look_back:
        # "a 50-minute phone discussion, their second ..." : the ordinal's noun is elided.
        before = [t for t in doc if t.idx + len(t.text) <= start and t.pos_ == "NOUN"]
        if before:
            return canon(before[-1].lemma_.lower(), "NOUN")
    return ""


def part_of_name(doc: Any, start: int) -> bool:
    """A bare number right after a proper noun ("the FTSE 100", "S&P 500", "Boeing 787")
    belongs to the name: it counts nothing."""
    toks = tokens(doc, start, start + 1)
    if not toks or toks[0].i == 0:
        return False
    prev = doc[toks[0].i - 1]
    if prev.text == "-" and not prev.whitespace_ and prev.i > 0:
        # "A330-200", "Su-27": a model number joined to a code with letters in it.
        code = doc[prev.i - 1]
        return not code.whitespace_ and any(ch.isalpha() for ch in code.text)
    # By spelling, not the tagger's guess: a capitalised word (not a month or a sentence's
    # first word) right before the number.
    capital = prev.text[:1].isupper() and prev.text.lower() not in VOCAB.months
    return capital and prev.ent_type_ not in ("DATE", "TIME") and not prev.is_sent_start


def anchor(doc: Any, start: int, end: int) -> str:
    """The noun or verb a value attaches to in the parse: '50-minute phone discussion' ->
    discussion, 'seized Crimea in 2014' -> seize, 'talked for an hour' -> talk."""
    toks = tokens(doc, start, end)
    if not toks:
        return ""
    root = next((t for t in toks if not (start <= t.head.idx < end)), toks[-1])
    head = root.head
    for _ in range(3):
        if head.pos_ == "ADP" or (head.pos_ == "NOUN" and head.dep_ == "compound"):
            head = head.head
        else:
            break
    if head is root or head.pos_ not in ("NOUN", "VERB", "PROPN", "ADJ"):
        return ""
    if head.lemma_.lower() in VOCAB.event_verbs:
        # "the insurgency began in 2014", "the call lasted an hour": the event is the subject.
        subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
            return lemma(subj)
    return lemma(head)


def arguments(doc: Any, start: int, end: int) -> frozenset[str]:
    """The subject and object of the verb a value hangs on: "the meetings were scheduled
    for January 20" -> {meeting}; "both presidents spoke after a 50-minute call" ->
    {president}. A value is about what its clause is about, however far the words are."""
    toks = tokens(doc, start, end)
    if not toks:
        return frozenset()
    head = next((t for t in toks if not (start <= t.head.idx < end)), toks[-1]).head
    for _ in range(4):
        if head.pos_ in ("VERB", "AUX") or head.head is head:
            break
        head = head.head
    if head.pos_ not in ("VERB", "AUX"):
        return frozenset()
    return frozenset(
        lemma(c)
        for c in head.children
        if c.dep_ in ARG_DEPS and c.pos_ in ("NOUN", "PROPN") and not (start <= c.idx < end)
    )


def duration_role(doc: Any, start: int, end: int) -> DurationRole:
    """'span' for the time between events ("their second in three weeks"), else 'length'
    ("a 50-minute call", "talked for an hour"): the two must never be compared."""
    toks = tokens(doc, start, end)
    if re.search(r"\bago\b", doc.text[end : end + 6]):
        return "span"
    before = re.search(r"(\w+)\W*$", doc.text[max(0, start - 20) : start])
    if before and before.group(1).lower() in VOCAB.span_prepositions:
        return "span"  # "their second in just over 3 weeks"
    for t in toks:
        if t.head.pos_ == "ADP" and not (start <= t.head.idx < end):
            return "span" if t.head.lower_ in VOCAB.span_prepositions else "length"
    return "length"


def attribution(doc: Any) -> str | None:
    """Who the sentence attributes its content to, if anyone ('Ushakov', 'the White House')."""
    for tok in doc:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            objs = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
            if objs:
                return phrase(objs[0])
    for tok in doc:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in VOCAB.reporting_verbs:
            agents = [
                p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
            ]
            if agents:  # "is described by Moscow": the agent speaks
                return phrase(agents[0])
            subj = [c for c in tok.children if c.dep_ == "nsubj"]
            if subj and subj[0].pos_ != "PRON":
                return phrase(subj[0])
    return None


def phrase(head: Any) -> str:
    """A compact noun phrase: the head with its modifiers, without relative clauses."""
    keep = [
        t
        for t in head.subtree
        if not any(
            a.dep_ in ("relcl", "acl", "appos", "prep") and a != head
            for a in [t, *t.ancestors]
            if a.i != head.i and head in a.ancestors
        )
    ]
    toks = [t for t in keep if t.i <= head.i or (t.head == head and t.dep_ in ("compound",))]
    toks = toks if toks else keep
    text = " ".join(t.text for t in sorted(toks, key=lambda t: t.i))
    return re.sub(r"\s+([,.'’])", r"\1", text).strip(" ,")


def clauses(doc: Any, content_at: dict[int, str]) -> tuple[tuple[str, frozenset[str]], ...]:
    """The subordinate and coordinated clauses of a sentence, each with the content lemmas
    of its own words (not those of clauses inside it)."""
    heads = [
        t
        for t in doc
        if t.pos_ in ("VERB", "AUX")
        and (t.dep_ in CLAUSE_DEPS or (t.dep_ == "conj" and t.head.pos_ in ("VERB", "AUX")))
    ]
    if not heads:
        return ()
    head_ids = {t.i for t in heads}
    out = []
    for h in heads:
        own = [t for t in h.subtree if _clause_of(t, h, head_ids)]
        words = frozenset(content_at[t.i] for t in own if t.i in content_at)
        if words:
            text = doc[h.left_edge.i : h.right_edge.i + 1].text
            out.append((text, words))
    return tuple(out)


def _clause_of(t: Any, h: Any, head_ids: set[int]) -> bool:
    """Whether token t belongs to the clause headed by h itself (no nested clause between)."""
    cur = t
    while cur.i != h.i:
        if cur.i in head_ids:
            return False
        cur = cur.head
    return True


def frames(doc: Any) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each predicate with its core arguments (subject, object, agent, attribute): who or
    what it is said of. Prepositional phrases ("near the border") say where, not what."""
    out = []
    for t in doc:
        if t.pos_ not in ("VERB", "ADJ") and not (t.pos_ == "AUX" and t.dep_ == "ROOT"):
            continue
        args = set()
        for c in t.children:
            if c.dep_ in ARG_DEPS and c.pos_ in ("NOUN", "PROPN"):
                args.add(lemma(c))
            elif c.dep_ == "agent":
                args.update(lemma(g) for g in c.children if g.dep_ == "pobj")
        if t.dep_ in ("acomp", "xcomp") and t.head.pos_ in ("AUX", "VERB"):
            args.update(
                lemma(c)
                for c in t.head.children
                if c.dep_.startswith("nsubj") and c.pos_ in ("NOUN", "PROPN")
            )
        out.append((lemma(t), frozenset(args)))
    return tuple(out)


# -- who says what ---------------------------------------------------------------------------

SPEAKER_LABEL = re.compile(r"^\s*(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}):\s+\S")
QUOTE_CHARS = '"“”'
SPEAKER_TYPES = ("PERSON", "ORG", "NORP", "GPE")  # in this order of preference


@dataclass(frozen=True, slots=True)
class Statement:
    """One thing a sentence gives to a speaker: "Ushakov said [the talks were useful]".

    ``words`` are the content lemmas of what is said (not of statements inside it);
    ``reporters`` are the speakers who report this one ("Psaki said Biden made clear ...":
    Biden's statement, reported by Psaki). A pronoun speaker is resolved by the caller."""

    speaker: str  # as written: "Foreign policy advisor Yury Ushakov", "he"
    name: str  # compared by: the speaker's normalised entity name, else the phrase
    speaker_span: tuple[int, int]  # where the speaker is named in the text
    start: int  # what is said: its character span in the text
    end: int
    words: frozenset[str]
    quoted: bool = False  # what is said is (inside) a quotation
    pronoun: bool = False  # the speaker is a pronoun: "He also stated ..."
    # the speaker is a description that names no one ("the company", "the ministry"): it
    # refers to a speaker named before it or in the headline
    definite: bool = False
    reporters: tuple[str, ...] = ()  # names of speakers who report this statement


def _is_reporting(tok: Any) -> bool:
    lem = tok.lemma_.lower()
    if tok.pos_ == "VERB" and lem in VOCAB.reporting_verbs:
        return True
    particles = VOCAB.reporting_phrases.get(lem, ())
    return any(c.lower_ in particles for c in tok.children)


def speaker_name(head: Any) -> str:
    """The name a speaker is compared by: a person's, organisation's or place's normalised
    name inside the phrase, else the phrase itself, lower-case."""
    from factcheck.nlp.names import norm_entity

    toks = {t.i for t in head.subtree}
    own = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
    if own is not None and own.label_ in SPEAKER_TYPES:
        return norm_entity(own.text, own.label_)
    person = _person_in(head)
    if person is not None:
        return norm_entity(person.text, "PERSON")
    if head.pos_ == "NOUN":  # a description ("a senior US source"): its words name it
        return re.sub(r"^(?:the|a|an)\s+", "", phrase(head).lower())
    for label in SPEAKER_TYPES:
        for ent in head.doc.ents:
            if ent.label_ == label and any(t.i in toks for t in ent):
                return norm_entity(ent.text, ent.label_)
    return re.sub(r"^(?:the|a|an)\s+", "", phrase(head).lower())


def _person_in(head: Any) -> Any:
    """The person named in a speaker's phrase, if any."""
    toks = {t.i for t in head.subtree}
    return next(
        (e for e in head.doc.ents if e.label_ == "PERSON" and any(t.i in toks for t in e)), None
    )


def _definite(head: Any) -> bool:
    """A description that refers back to a speaker named elsewhere: "the company", "the
    White House press secretary", "Russia's foreign minister" (the name in it is an
    affiliation). "A senior US source" is not: it introduces an unnamed speaker."""
    if head.pos_ != "NOUN" or head.ent_type_ or _person_in(head) is not None:
        return False  # "the chairman of Chrysler LLC Jim Press" names him
    det = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)
    owner = any(c.dep_ == "poss" and c.ent_type_ for c in head.children)
    return det or owner


def _named_after(tok: Any, who: Any) -> Any:
    """ "said the senior strategist for Invesco AIM, Fritz Meyer": the person named beside a
    speaker described by role, attached to the verb or to the description."""
    if who.ent_type_ == "PERSON":
        return who
    for c in who.children:
        if c.dep_ == "appos" and c.pos_ == "PROPN":  # a name in apposition, however tagged
            return c
    for c in tok.children:
        if c.dep_ in ("appos", "npadvmod", "dobj", "attr") and c.ent_type_ == "PERSON":
            return c
    return who


def _speaker_of(tok: Any) -> Any:
    """Who speaks through a reporting verb: its agent ("is described by Moscow as"), else its
    subject (not a passive one: in "the costs are estimated to be ..." the costs do not
    speak); of several subjects (a parse of "The US car maker General Motors said"), the
    named one; a relative pronoun stands for the noun its clause describes."""
    agents = [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if agents:
        return agents[0]
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    if not subjects:
        return None
    named = {i for e in tok.doc.ents if e.label_ in SPEAKER_TYPES for i in range(e.start, e.end)}
    who = next(
        (c for c in subjects if c.i in named),
        next((c for c in subjects if any(t.i in named for t in c.subtree)), subjects[0]),
    )
    if who.lower_ in ("who", "which", "that") and tok.dep_ == "relcl":
        return tok.head
    return _named_after(tok, who)


def _reported(inner: Any, outer: Any) -> bool:
    """Whether the reporting verb ``inner`` sits in what ``outer`` reports, through
    complement clauses only ("Psaki said Biden made clear"), not beside it ("Biden warned
    ..., while Putin said ...", an adverbial clause)."""
    cur = inner
    while cur.i != outer.i:
        if cur.dep_ not in ("ccomp", "xcomp", "conj", "parataxis") or cur.head is cur:
            return False
        cur = cur.head
    return True


def statements(doc: Any, content_at: dict[int, str]) -> tuple[Statement, ...]:
    """Every statement of a sentence: reporting verbs with their speakers ("X said Y",
    "'Y,' X added", "Y, X told reporters"), "according to X", and an interview turn's
    speaker label ("Christopher Hill: ...")."""
    found: list[tuple[Any, Any, list[Any]]] = []  # (verb or None, speaker head, content)
    for tok in doc:
        if not _is_reporting(tok):
            continue
        who = _speaker_of(tok)
        if who is None:
            continue
        # Speech has a clause or a quotation after its verb ("said the talks were useful");
        # "GM reported a loss of $2bn" reports a figure: an event, not words given to GM.
        # ("claimed to have won" is speech; "announced the start of a process to ..." is not)
        has_object = any(c.dep_ == "dobj" for c in tok.children)
        comp = [
            c
            for c in tok.children
            if c.dep_ in ("ccomp", "parataxis") or (c.dep_ == "xcomp" and not has_object)
        ]
        if comp:
            found.append((tok, who, [t for c in comp for t in c.subtree]))
        elif doc.text.rstrip().endswith(":"):  # "Smith said at the meeting:" + a quotation
            found.append((tok, who, []))
    for tok in doc:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            objs = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
            if objs:
                skip = {t.i for t in tok.subtree} | {t.i for t in doc[tok.i + 1].subtree}
                found.append((None, objs[0], [t for t in doc if t.i not in skip]))
    out = []
    verbs = [v for v, _, _ in found if v is not None]
    for verb, who, content in found:
        inner = {
            t.i
            for v in verbs
            if verb is not None and v.i != verb.i and v.i in {c.i for c in content}
            for t in v.subtree
        }
        own = [t for t in content if t.i not in inner]
        if content and not own:
            continue
        words = frozenset(content_at[t.i] for t in own if t.i in content_at)
        start, end = (own[0].idx, own[-1].idx + len(own[-1].text)) if own else (len(doc.text),) * 2
        span = doc.text[max(0, start - 2) : end + 2]
        reporters = tuple(
            speaker_name(w)
            for v, w, _ in found
            if verb is not None and v is not None and v.i != verb.i and _reported(verb, v)
        )
        sub = sorted(who.subtree, key=lambda t: t.i)
        definite = _definite(who)
        shown, person = phrase(who), _person_in(who)
        if person is not None and person.text not in shown:
            shown = person.text  # "said the vice president of Chrysler LLC Jim Press"
        out.append(
            Statement(
                speaker=shown,
                name=speaker_name(who),
                speaker_span=(sub[0].idx, sub[-1].idx + len(sub[-1].text)),
                start=start,
                end=end,
                words=words,
                quoted=any(q in span for q in QUOTE_CHARS),
                pronoun=who.pos_ == "PRON" and who.lower_ in VOCAB.pronoun_speakers,
                definite=definite,
                reporters=reporters,
            )
        )
    turn = re.match(r"^\s*(?P<who>[QA]):\s+\S", doc.text)
    if turn and not out:  # an interview's turn: the interviewer asks, the interviewee answers
        rest = [t for t in doc if t.idx >= turn.end("who") + 1]
        role = "interviewee" if turn["who"] == "A" else "interviewer"
        out.append(
            Statement(
                speaker=f"the {role}",
                name=role,
                speaker_span=turn.span("who"),
                start=rest[0].idx if rest else 0,
                end=len(doc.text),
                words=frozenset(content_at[t.i] for t in rest if t.i in content_at),
                quoted=True,
                definite=True,
            )
        )
    m = SPEAKER_LABEL.match(doc.text)
    label_is_person = m is not None and any(
        e.label_ == "PERSON" and e.start_char < m.end("who") and m.start("who") < e.end_char
        for e in doc.ents
    )
    if m and not out and label_is_person:
        rest = [t for t in doc if t.idx >= m.end("who") + 1]
        from factcheck.nlp.names import norm_entity

        out.append(
            Statement(
                speaker=m["who"],
                name=norm_entity(m["who"], "PERSON"),
                speaker_span=m.span("who"),
                start=rest[0].idx if rest else 0,
                end=len(doc.text),
                words=frozenset(content_at[t.i] for t in rest if t.i in content_at),
                quoted=True,
            )
        )
    return tuple(out)
