"""What a spaCy parse says about the values and words of a sentence: the noun a number
counts, the word a value attaches to, a duration's role, who a sentence is attributed to,
its clauses and its predicates' arguments. Pure functions of a parsed ``Doc``; who says
what (each reporting verb's speaker and words) is in statements.py."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from factcheck.lang import Vocabulary, alternation, resolve
from factcheck.nlp.words import canon
from factcheck.types import Value, ValueKind

CLAUSE_DEPS = frozenset(["advcl", "relcl", "acl", "ccomp", "parataxis"])
ARG_DEPS = frozenset(["nsubj", "nsubjpass", "dobj", "attr", "dative"])
SUBJECT_DEPS = frozenset(["nsubj", "nsubjpass"])
# a verb joined to another that gives it its subject ("reported losing", "rose and closed")
SHARED_SUBJECT = frozenset(["xcomp", "conj"])
TIME_ENTITIES = frozenset(["DATE", "TIME"])


def lemma(tok: Any, *, vocab: Vocabulary | None = None) -> str:
    """A token's canonical lemma: its synonym group's word; a proper noun as written."""
    if tok.pos_ == "PROPN":  # a name's word is not a synonym ("People's Republic")
        return str(tok.text.lower().strip("'’"))
    return canon(tok.lemma_.lower().strip("'’"), tok.pos_, vocab=vocab)


def tokens(doc: Any, start: int, end: int) -> list[Any]:
    """The tokens covering characters [start, end), found by offset (no scan of the doc)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _classified(noun: Any, v: Vocabulary) -> Any:
    """What a noun of kinds counts: "two kinds of history" counts histories (lexicon.json
    'classifier_nouns'); any other noun counts itself."""
    if noun.lemma_.lower() not in v.classifier_nouns:
        return noun
    for of in noun.children:
        if of.lower_ in v.of_words:
            for obj in of.children:
                if obj.dep_ == "pobj" and obj.pos_ == "NOUN":
                    return obj
    return noun


def counted_noun(
    doc: Any, start: int, end: int, look_back: bool, *, vocab: Vocabulary | None = None
) -> str:
    """The noun a number counts: '100,000 Russian troops' -> 'troop'."""
    v = resolve(vocab)
    after = [t for t in doc if t.idx >= end][:5]
    # "a 679-point fall" counts points: a number joined to its noun by a hyphen counts it
    glued = len(after) > 1 and after[0].text == "-" and after[0].idx == end
    for t in after:
        if t.pos_ == "NOUN":
            while t.dep_ == "compound" and t.head.pos_ == "NOUN" and t.head.i > t.i and not glued:
                t = t.head  # "300 car dealers" counts dealers
            return canon(_classified(t, v).lemma_.lower(), "NOUN", vocab=v)
        if t.pos_ == "PROPN" and any(ch.isdigit() for ch in t.text):
            # "18 Boeing 777s": a model, its plural "s" after a digit dropped ("one A380")
            return re.sub(r"(?<=\d)s$", "", t.text.lower())
        if (
            t.pos_ in ("VERB", "AUX", "CCONJ", "SCONJ", "PRON")
            or (t.pos_ == "ADP" and t.lower_ not in v.of_words)
            or (t.is_punct and t.text != "-")
        ):
            break
    if look_back:
        # "a 50-minute phone discussion, their second ..." : the ordinal's noun is elided.
        before = [t for t in doc if t.idx + len(t.text) <= start and t.pos_ == "NOUN"]
        if before:
            return canon(before[-1].lemma_.lower(), "NOUN", vocab=v)
    return ""


def anchor(
    doc: Any, start: int, end: int, *, vocab: Vocabulary | None = None, timed: bool = True
) -> str:
    """The noun or verb a value attaches to in the parse: '50-minute phone discussion' ->
    discussion, 'seized Crimea in 2014' -> seize, 'talked for an hour' -> talk. Only a
    date or a length of time (``timed``) of an event verb is its subject's ("the talks
    began in May"); a figure stays the verb's ("the index closed at 4,907.20")."""
    toks = tokens(doc, start, end)
    if not toks:
        return ""
    root = next((t for t in toks if not (start <= t.head.idx < end)), toks[-1])
    head = root.head
    if root.dep_ == "npadvmod" and head.pos_ == "ADP":
        # a measure of the preposition's phrase ("three years behind schedule", "$2 billion
        # over budget", "10 points above its average"): what it is measured against; not
        # an offset between two events ("two hours after the attack": the event word)
        obj = next((c for c in head.children if c.dep_ == "pobj"), None)
        if obj is not None and head.lower_ not in resolve(vocab).offset_words:
            return lemma(obj, vocab=vocab)
    for _ in range(3):
        # a preposition, or a conjunction the parser uses as one ("since 1998": SCONJ/prep)
        through = head.pos_ == "ADP" or (head.pos_ == "SCONJ" and head.dep_ == "prep")
        if through or (head.pos_ == "NOUN" and head.dep_ == "compound"):
            head = head.head
        else:
            break
    if head is root or head.pos_ not in ("NOUN", "VERB", "PROPN", "ADJ"):
        return ""
    if timed and head.lemma_.lower() in resolve(vocab).event_verbs:
        # "the insurgency began in 2014", "the call lasted an hour": the event is the subject.
        subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
            return lemma(subj, vocab=vocab)
    return lemma(head, vocab=vocab)


def clause_verb(doc: Any, start: int, end: int, *, vocab: Vocabulary | None = None) -> str:
    """The lemma of the verb whose clause a value is in, up the parse through its noun and
    prepositions ("About 300 people were hurt", "killed 42 people and hurt about 300":
    hurt; "Of those, 300,000 were electric": be); "" when there is none near."""
    toks = tokens(doc, start, end)
    if not toks:
        return ""
    head = next((t for t in toks if not (start <= t.head.idx < end)), toks[-1])
    for _ in range(6):
        if head.pos_ in ("VERB", "AUX"):
            return lemma(head, vocab=vocab)
        if head.head is head:
            break
        head = head.head
    return ""


def propn_run(t: Any, *, untagged: bool = False) -> str:
    """The proper nouns compounded into ``t`` and ``t`` itself ("Pallas Tractors");
    ``untagged``: only those the parser tagged no entity on ("Ana Ruiz" after "Verano
    Foods chief executive")."""
    start = t.i
    while start > 0:
        prev = t.doc[start - 1]
        if prev.pos_ != "PROPN" or prev.dep_ != "compound" or (untagged and prev.ent_type_):
            break
        start -= 1
    return t.doc[start : t.i + 1].text


def borrows_subject(verb: Any) -> bool:
    """A verb joined to another ("rose and closed"), its complement ("reported losing"), or
    an infinitive clause ("rose 0.9% to finish at 5,210"): the head verb's subject is its."""
    return verb.dep_ in SHARED_SUBJECT or (
        verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
    )


def arguments(doc: Any, start: int, end: int, *, vocab: Vocabulary | None = None) -> frozenset[str]:
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
    args = [c for c in head.children if c.dep_ in ARG_DEPS]
    verb = head
    while not any(c.dep_ in SUBJECT_DEPS for c in verb.children) and borrows_subject(verb):
        # "GM reported losing $4.8 billion ... and a total loss of $8.6 billion": a verb
        # with no subject of its own, joined to another, shares that one's
        verb = verb.head
        args += [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    return frozenset(
        lemma(c, vocab=vocab)
        for c in args
        if c.pos_ in ("NOUN", "PROPN") and not (start <= c.idx < end)
    )


def marks_a_superlative(t: Any) -> bool:
    """Whether ``t`` is a superlative or an ordinal, or a noun one of those marks ("the
    highest level", "the first gain"): a preposition hung on it opens a window. Not in a
    state's perfect, where it gives how long the state lasted ("has been the largest
    employer for 20 years")."""
    if t.head.lemma_ == "be" and any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in t.head.children
    ):
        return False
    if t.tag_ in ("JJS", "RBS"):
        return True
    return t.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "amod" and (c.tag_ in ("JJS", "RBS") or c.ent_type_ == "ORDINAL")
        for c in t.children
    )


@cache
def reference_before(vocab: Vocabulary) -> re.Pattern[str]:
    """Words before a date that make it a point of comparison, not the time of the event
    ("its biggest fall since September 11, 2001", "up from $2 a year earlier than in 2005")."""
    return re.compile(rf"\b(?:{alternation(vocab.reference_before)})\s*$", re.I)


def comparison_point(doc: Any, start: int, end: int, *, vocab: Vocabulary | None = None) -> bool:
    """Whether the date at [start, end) is a point of comparison rather than the time of
    the event, however many words stand between it and the word that makes it one: "its
    biggest fall since the March 11, 2011, earthquake" (the date hangs on "earthquake",
    which hangs on "since"). Found up the parse, through nouns and modifiers and "of" ("since
    the start of this year"), to the first other preposition; a verb on the way means the
    date is the time of that verb's event."""
    v = resolve(vocab)
    toks = tokens(doc, start, end)
    if not toks:
        return False
    head = next((t for t in toks if not (start <= t.head.idx < end)), toks[-1])
    for _ in range(4):
        if head.head is head:
            return False
        head = head.head
        if head.pos_ == "ADP" and head.lower_ in v.of_words:
            continue  # "since the start of this year": through the part to its whole
        if head.pos_ in ("ADP", "SCONJ"):
            stop = head.idx + len(head.text)
            return bool(reference_before(v).search(doc.text[max(0, stop - 24) : stop]))
        if head.pos_ in ("VERB", "AUX"):
            return False
    return False


def comparison_base(doc: Any, start: int, end: int, *, vocab: Vocabulary | None = None) -> bool:
    """Whether the length of time at [start, end) is the base of a comparison, not the
    length of anything: a duration followed by a backward offset ("earlier", "ago") in a
    phrase that hangs on a preposition ("rose 43% from a year earlier", "up 5% on a year
    ago", "compared with a year before"). "The plant closed two years ago" dates an event
    instead."""
    v = resolve(vocab)
    after = [t for t in doc if t.idx >= end]
    if not after or after[0].lower_ not in v.base_offsets:
        return False
    head = after[0]
    for _ in range(3):
        if head.head is head:
            return False
        head = head.head
        if head.pos_ == "ADP":
            return True
        if head.pos_ in ("VERB", "AUX"):
            return False
    return False


def references(
    doc: Any, values: Iterable[Value], *, vocab: Vocabulary | None = None
) -> tuple[tuple[int, int], ...]:
    """The spans of the dates that are points of comparison and of the lengths of time
    that are bases of one (see :func:`comparison_point`, :func:`comparison_base`)."""
    return tuple(
        v.span
        for v in values
        if (v.kind == ValueKind.DATE and comparison_point(doc, *v.span, vocab=vocab))
        or (v.kind == ValueKind.DURATION and comparison_base(doc, *v.span, vocab=vocab))
    )


def according(doc: Any, vocab: Vocabulary) -> Iterator[tuple[list[Any], Any]]:
    """Each attribution phrase of a sentence with an object ("according to X"), in text
    order: (the phrase's tokens, the head of X)."""
    phrases = [p.split() for p in vocab.attribution_phrases]
    for tok in doc:
        for words in phrases:
            if tok.i + len(words) <= len(doc) and all(
                doc[tok.i + k].lower_ == w for k, w in enumerate(words)
            ):
                objs = [c for c in doc[tok.i + len(words) - 1].children if c.dep_ == "pobj"]
                if objs:
                    yield [doc[tok.i + k] for k in range(len(words))], _issuer(objs[0])


def _issuer(obj: Any) -> Any:
    """Who speaks through a thing an attribution names ("according to figures released
    by NPD Group": NPD Group), the agent of the participle that says who issued it; else
    the thing itself ("according to the ministry")."""
    if obj.pos_ == "PROPN":
        return obj
    first = obj.doc[obj.left_edge.i]
    if first.pos_ == "PROPN" and first.head.i != first.i and first.i < obj.i:
        # "According to Penske future Saturn vehicles will ...": with no comma the parse
        # takes the name and the clause's subject for one phrase; the name is the speaker
        run = first
        while run.i + 1 < obj.i and obj.doc[run.i + 1].pos_ == "PROPN":
            run = obj.doc[run.i + 1]
        return run
    for c in obj.children:
        if c.dep_ == "acl" and c.tag_ == "VBN":
            agents = [p for a in c.children if a.dep_ == "agent" for p in a.children]
            if agents and agents[0].dep_ == "pobj":
                return agents[0]
    return obj


def attribution(doc: Any, *, vocab: Vocabulary | None = None) -> str | None:
    """Who the sentence attributes its content to, if anyone ('Ushakov', 'the White House')."""
    v = resolve(vocab)
    for _, who in according(doc, v):
        return phrase(who)
    for tok in doc:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in v.reporting_verbs:
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
    if head.ent_type_ not in TIME_ENTITIES:
        # "On 14 May 2009 Chrysler said": the parser may hang the date on the name
        toks = [t for t in toks if t.ent_type_ not in TIME_ENTITIES] or toks
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


def frames(doc: Any, *, vocab: Vocabulary | None = None) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each predicate with its core arguments (subject, object, agent, attribute, and what
    an adjective is of or with): who or what it is said of. Other prepositional phrases
    ("near the border") say where, not what."""
    out = []
    for t in doc:
        if t.pos_ not in ("VERB", "ADJ") and not (t.pos_ == "AUX" and t.dep_ == "ROOT"):
            continue
        args = set()
        for c in t.children:
            if c.dep_ in ARG_DEPS and c.pos_ in ("NOUN", "PROPN"):
                args.add(lemma(c, vocab=vocab))
            elif c.dep_ == "agent" or (c.dep_ == "prep" and t.pos_ == "ADJ"):
                # "welcomed by the union"; what an adjective is of ("critical of the plan",
                # "pleased with the talks"): the thing evaluated, as a verb's object is
                args.update(
                    lemma(g, vocab=vocab)
                    for g in c.children
                    if g.dep_ == "pobj" and (c.dep_ == "agent" or g.pos_ in ("NOUN", "PROPN"))
                )
        if t.dep_ in ("acomp", "xcomp") and t.head.pos_ in ("AUX", "VERB"):
            args.update(
                lemma(c, vocab=vocab)
                for c in t.head.children
                if c.dep_.startswith("nsubj") and c.pos_ in ("NOUN", "PROPN")
            )
        out.append((lemma(t, vocab=vocab), frozenset(args)))
    return tuple(out)
