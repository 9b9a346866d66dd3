"""Who says what in a parsed sentence: each reporting verb's speaker and the words it
gives them ("Ushakov said [the talks were useful]"), "according to X", an interview's
turns and a speaker label ("Christopher Hill: ..."). Pure functions of a spaCy ``Doc``;
speech.py compares a claim's statements with a passage's."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from factcheck.lang import Vocabulary, alternation, resolve
from factcheck.nlp.names import norm_entity, strip_article
from factcheck.nlp.quotes import SPEAKER_LABEL
from factcheck.nlp.syntax import TIME_ENTITIES, according, borrows_subject, phrase, propn_run

QUOTE_CHARS = '"“”'
SPEAKER_TYPES = ("PERSON", "ORG", "NORP", "GPE")  # in this order of preference


@cache
def _turn(vocab: Vocabulary) -> re.Pattern[str]:
    """An interview's turn label ("Q: ...", "A: ...")."""
    return re.compile(rf"^\s*(?P<who>{alternation(vocab.interview_turns)}):\s+\S")


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
    # the speaker is a common noun that names no one and refers back to no one ("officials",
    # "a spokeswoman for Kestrel", "two people familiar with the talks", "police")
    unnamed: bool = False


def _is_reporting(tok: Any, vocab: Vocabulary) -> bool:
    lem = tok.lemma_.lower()
    if tok.pos_ == "VERB" and (lem in vocab.reporting_verbs or _attributes_quote(tok, vocab)):
        return True
    if tok.pos_ == "VERB" and lem in vocab.evidence_verbs and _said_by_a_person(tok, vocab):
        return True
    particles = vocab.reporting_phrases.get(lem, ())
    return any(c.lower_ in particles for c in tok.children)


def _attributes_quote(verb: Any, vocab: Vocabulary) -> bool:
    """'"...," continued Ida Berk', '"...," Ida Berk went on': a verb set right after a
    quotation and its comma, with a person's name for its subject beside it and nothing
    after the two but the sentence's end, attributes the quotation, whatever its word; not
    a verb of asking or of thinking (lexicon ``not_saying_verbs``: '"...," asked Ida
    Berk'), nor a pronoun's (whose speaker the passages before it tell) or a report's."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.ent_type_ != "PERSON":
        return False
    if verb.lemma_.lower() in vocab.not_saying_verbs:
        return False
    words = sorted([verb, *subject.subtree], key=lambda t: t.i)
    first, last = words[0].i, words[-1].i
    if last - first + 1 != len(words) or first < 2:
        return False  # the verb and its subject side by side, nothing between
    before = {verb.doc[first - 1].text, verb.doc[first - 2].text}
    after = verb.doc[last + 1 : verb.sent.end]
    return "," in before and bool(before & set(QUOTE_CHARS)) and all(t.is_punct for t in after)


def _said_by_a_person(verb: Any, vocab: Vocabulary) -> bool:
    """Whether a verb of evidence ("indicated that", "revealed that") has a person for its
    subject ("Ida Berk indicated that ...", "she revealed that ...", "Kestrel's chief
    engineer, Ida Berk, indicated that ..."): a person's word, where a study's or a set of
    figures' is what it shows ("a study by Ida Berk indicated that ...", "Ida Berk's
    lawyer indicated that ..."). Not negated ("did not indicate whether")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or any(c.dep_ == "neg" for c in verb.children):
        return False
    if subject.ent_type_ == "PERSON" or subject.lower_ in vocab.person_pronouns:
        return True
    # a name set off by commas right before the verb, which the parser may hang anywhere
    # in the subject ("Apple's vice-president of marketing for the iPod, Greg Joswiak,")
    doc = verb.doc
    i = verb.i - 1
    if i < 2 or doc[i].text != ",":
        return False
    name = doc[i - 1]
    j = name.i
    while j > subject.left_edge.i and doc[j - 1].ent_type_ == "PERSON":
        j -= 1
    return name.ent_type_ == "PERSON" and doc[j - 1].text == "," and j - 1 > subject.left_edge.i


def speaker_name(head: Any, *, vocab: Vocabulary | None = None) -> str:
    """The name a speaker is compared by: a person's, organisation's or place's normalised
    name inside the phrase, else the phrase itself, lower-case."""
    toks = {t.i for t in head.subtree}
    own = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
    if own is not None and own.label_ in SPEAKER_TYPES:
        text = own.text
        run = propn_run(head) if head.pos_ == "PROPN" and own.label_ != "PERSON" else ""
        if len(run) > len(text) and run.endswith(text):
            # "Chrysler LLC" tagged as two organisations, "Marta London" as two places: one
            # name, whose last word alone names something else
            text = run
        return norm_entity(text, own.label_, vocab=vocab)
    person = _person_in(head)
    if person is not None:
        return norm_entity(person.text, "PERSON", vocab=vocab)
    run = _proper_run(head)
    if run:  # "Verano Foods chief executive Ana Ruiz": the head names her, not the firm
        return norm_entity(run, "PERSON", vocab=vocab)
    if head.pos_ == "NOUN":  # a description ("a senior US source"): its words name it
        return strip_article(phrase(head).lower(), vocab=vocab)
    for label in SPEAKER_TYPES:
        for ent in head.doc.ents:
            if ent.label_ == label and any(t.i in toks for t in ent):
                return norm_entity(ent.text, ent.label_, vocab=vocab)
    return strip_article(phrase(head).lower(), vocab=vocab)


def _proper_run(head: Any) -> str:
    """The proper-noun run a phrase's head ends ("Ana Ruiz" in "the firm's chief executive
    Ana Ruiz"), when the parser tagged no entity on it; words of another entity (the
    affiliation) and common nouns (the title) are not part of it."""
    if head.pos_ != "PROPN" or head.ent_type_:
        return ""
    return propn_run(head, untagged=True)


def _person_in(head: Any) -> Any:
    """The person named in a speaker's phrase, if any."""
    toks = {t.i for t in head.subtree}
    return next(
        (e for e in head.doc.ents if e.label_ == "PERSON" and any(t.i in toks for t in e)), None
    )


def _definite(head: Any, vocab: Vocabulary) -> bool:
    """A description that refers back to a speaker named elsewhere: "the company", "the
    White House press secretary", "Russia's foreign minister" (the name in it is an
    affiliation). "A senior US source" is not: it introduces an unnamed speaker."""
    if head.pos_ != "NOUN" or head.ent_type_ or _person_in(head) is not None:
        return False  # "the chairman of Chrysler LLC Jim Press" names him
    the = {*vocab.definite_articles, *vocab.demonstratives}
    det = any(c.dep_ == "det" and c.lower_ in the for c in head.children)
    owner = any(c.dep_ == "poss" and c.ent_type_ for c in head.children)
    return det or owner


def _unnamed(head: Any, vocab: Vocabulary) -> bool:
    """A speaker that names no one and refers back to no one: a common noun with no name
    of a person in its phrase and no definite article or owner ("officials", "police", "a
    spokeswoman for Kestrel", "two people familiar with the matter"); a bare noun only of
    the lexicon's ``unnamed_speakers``: another may be a surname the parser took for a noun
    ("Morrow said ...", "Enders said ...")."""
    described = head.lemma_.lower() in vocab.unnamed_speakers or any(
        c.dep_ in ("det", "nummod", "amod", "compound", "prep") for c in head.children
    )
    if any(c.dep_ == "poss" for c in head.children):
        return False  # "the mayor's opponent": someone in particular
    return (
        described
        and head.pos_ == "NOUN"
        and not head.ent_type_
        and _person_in(head) is None
        and not _definite(head, vocab)
    )


def _named_after(tok: Any, who: Any, vocab: Vocabulary) -> Any:
    """ "said the senior strategist for Invesco AIM, Fritz Meyer": the person named beside a
    speaker described by role, attached to the verb or to the description."""
    if who.ent_type_ == "PERSON":
        return who
    # a name (however tagged: "Marta London" may be read as places) is the speaker, and
    # its apposition only describes them ("Ann Roe, a former nurse, claims ...")
    for c in () if who.pos_ == "PROPN" else who.children:
        if c.dep_ == "appos" and c.pos_ == "PROPN":  # a name in apposition, however tagged
            return c
    told = tok.lemma_.lower() in vocab.telling_verbs  # "Roe told Lind ...": Lind is told
    for c in tok.children:
        role = c.dep_ in ("appos", "npadvmod", "attr") or (c.dep_ == "dobj" and not told)
        if role and c.ent_type_ == "PERSON":
            return c
    return who


def _speaker_of(tok: Any, vocab: Vocabulary) -> Any:
    """Who speaks through a reporting verb: its agent ("is described by Moscow as"), else its
    subject (not a passive one: in "the costs are estimated to be ..." the costs do not
    speak); of several subjects (a parse of "The US car maker General Motors said"), the
    named one; a relative pronoun stands for the noun its clause describes."""
    agents = [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if agents:
        return agents[0]
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    named = {i for e in tok.doc.ents if e.label_ in SPEAKER_TYPES for i in range(e.start, e.end)}
    if not subjects:
        # a joined verb right after a proper noun: the parse lost its subject, named or
        # not ("welcomed the plan and in a reaction ... Competition Neelie Kroes said")
        lost = _name_before(tok, named | ({tok.i - 1} if tok.dep_ == "conj" else set()))
        if (
            lost is None
            and tok.head.i != tok.i
            and (
                (tok.tag_ == "VBG" and tok.dep_ in ("advcl", "xcomp", "conj"))
                or borrows_subject(tok)
            )
        ):
            # "Sambur defended the decision, saying ...", "Chrysler said ..., adding that
            # ...", "he went on to say that ...": a participle, an infinitive or a joined
            # verb speaks with the subject of the verb it hangs on, unless a name right
            # before it is the subject the parse lost ("X welcomed it and ... Y said")
            return _speaker_of(tok.head, vocab)
        if (
            tok.dep_ == "acl"
            and tok.head.dep_ == "ROOT"
            and tok.head.pos_ in ("PROPN", "NOUN")
            and any(c.dep_ == "ccomp" for c in tok.children)
        ):
            # "General Motors Corporation (GM), an automaker which has filed for ...,
            # announced on Friday that ...": a long subject the parser took for the
            # sentence, its verb for a modifier of it
            return tok.head
        return lost
    who = next(
        (c for c in subjects if c.i in named),
        next((c for c in subjects if any(t.i in named for t in c.subtree)), subjects[0]),
    )
    if who.lower_ in vocab.relative_pronouns and tok.dep_ == "relcl":
        return tok.head
    return _named_after(tok, who, vocab)


def _name_before(tok: Any, named: set[int]) -> Any:
    """The subject a parse lost: a finite reporting verb right after a name ("When asked
    whether ... the rift between Russia and the US, Boeing's Scott Carson replied, ...",
    where the parser joins "Carson" to "the US" as a list) is spoken by that name."""
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    if before is None or tok.tag_ not in ("VBD", "VBZ", "VBP") or before.i not in named:
        return None
    if before.pos_ != "PROPN" or tok.dep_ in ("relcl", "acl", "amod"):
        return None
    return before


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


def _misattached_that_clause(verb: Any) -> list[Any]:
    """ "announced in an internal memo that he would ...": the parser may hang the "that"
    clause on the memo as a relative clause. A relative clause has no "that" of its own
    (its "that" is its subject or object); one with "that" as its marker, on the object of
    the verb's preposition, is what the verb reports."""
    return [
        c
        for prep in verb.children
        if prep.dep_ == "prep"
        for obj in prep.children
        if obj.dep_ == "pobj"
        for c in obj.children
        if c.dep_ in ("relcl", "acl")
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
    ]


def _quotation_beside(verb: Any) -> list[Any]:
    """'Of the public process, he said, "In the end I'll have one vote ..."': the parser
    makes the quotation the sentence's root and hangs the reporting verb on it. What the
    verb reports is then the quotation on its side: the root's words after it (or before
    it, '"...," he said'), when they are quoted."""
    own = {t.i for t in verb.subtree}
    rest = [t for t in verb.head.subtree if t.i not in own]
    for side in ([t for t in rest if t.i > verb.i], [t for t in rest if t.i < verb.i]):
        if any(t.text in QUOTE_CHARS for t in side):
            while side and side[0].is_punct:
                side = side[1:]
            while side and side[-1].is_punct:
                side = side[:-1]
            return side
    return []


def statements(
    doc: Any, content_at: dict[int, str], *, vocab: Vocabulary | None = None
) -> tuple[Statement, ...]:
    """Every statement of a sentence: reporting verbs with their speakers ("X said Y",
    "'Y,' X added", "Y, X told reporters"), "according to X", and an interview turn's
    speaker label ("Christopher Hill: ...")."""
    v = resolve(vocab)
    found: list[tuple[Any, Any, list[Any]]] = []  # (verb or None, speaker head, content)
    for tok in doc:
        if not _is_reporting(tok, v):
            continue
        who = _speaker_of(tok, v)
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
        ] or _misattached_that_clause(tok)
        if comp:
            found.append((tok, who, [t for c in comp for t in c.subtree]))
        elif tok.dep_ == "parataxis" and (beside := _quotation_beside(tok)):
            found.append((tok, who, beside))
        elif doc.text.rstrip().endswith((":", ",")):
            # "Smith said at the meeting:" or "Rathbun stated," + a quotation after it
            found.append((tok, who, []))
    for phrase_toks, obj in according(doc, v):
        skip = {t.i for w in phrase_toks for t in w.subtree}
        found.append((None, obj, [t for t in doc if t.i not in skip]))
    out = []
    verbs = [r for r, _, _ in found if r is not None]
    for verb, who, content in found:
        inner = {
            t.i
            for r in verbs
            if verb is not None and r.i != verb.i and r.i in {c.i for c in content}
            for t in r.subtree
        }
        own = [t for t in content if t.i not in inner]
        if content and not own:
            continue
        words = frozenset(content_at[t.i] for t in own if t.i in content_at)
        start, end = (own[0].idx, own[-1].idx + len(own[-1].text)) if own else (len(doc.text),) * 2
        span = doc.text[max(0, start - 2) : end + 2]
        reporters = tuple(
            speaker_name(w, vocab=v)
            for r, w, _ in found
            if verb is not None and r is not None and r.i != verb.i and _reported(verb, r)
        )
        # a name in apposition to the subject is named with its description ("Panama's
        # coach, Hernan Dario Gomez, said"): the whole phrase names the speaker
        described = who.dep_ == "appos" and who.head.dep_ in ("nsubj", "nsubjpass")
        sub = sorted((who.head if described else who).subtree, key=lambda t: t.i)
        while described and len(sub) > 1 and sub[-1].is_punct:
            sub.pop()
        if verb is not None and verb.is_ancestor(who) is False and who.is_ancestor(verb):
            said = {t.i for t in verb.subtree}  # "GM, which ..., announced that": not GM's
            sub = [t for t in sub if t.i not in said and t.i < verb.i] or sub
            while len(sub) > 1 and sub[-1].is_punct:
                sub.pop()
        if who.ent_type_ not in TIME_ENTITIES:
            sub = [t for t in sub if t.ent_type_ not in TIME_ENTITIES] or sub
        definite = _definite(who, v)
        shown, person = phrase(who), _person_in(who)
        if person is not None and person.text not in shown:
            shown = person.text  # "said the vice president of Chrysler LLC Jim Press"
        out.append(
            Statement(
                speaker=shown,
                name=speaker_name(who, vocab=v),
                speaker_span=(sub[0].idx, sub[-1].idx + len(sub[-1].text)),
                start=start,
                end=end,
                words=words,
                quoted=any(q in span for q in QUOTE_CHARS),
                pronoun=who.pos_ == "PRON" and who.lower_ in v.pronoun_speakers,
                definite=definite,
                reporters=reporters,
                unnamed=_unnamed(who, v),
            )
        )
    turn = _turn(v).match(doc.text)
    if turn and not out:  # an interview's turn: the interviewer asks, the interviewee answers
        rest = [t for t in doc if t.idx >= turn.end("who") + 1]
        role = v.interview_turns[turn["who"]]
        out.append(
            Statement(
                speaker=f"{v.definite_articles[0]} {role}",
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
        out.append(
            Statement(
                speaker=m["who"],
                name=norm_entity(m["who"], "PERSON", vocab=v),
                speaker_span=m.span("who"),
                start=rest[0].idx if rest else 0,
                end=len(doc.text),
                words=frozenset(content_at[t.i] for t in rest if t.i in content_at),
                quoted=True,
            )
        )
    return tuple(out)
