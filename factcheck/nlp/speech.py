"""Who said what: a claim's quotations must be the source's words, and a claim that gives
words to a speaker ("Ushakov said ...") must find them given to that speaker.

Pure code over :class:`~factcheck.nlp.facts.TextFacts`: the statements of a text (each
reporting verb's speaker and the words it gives them, from statements.py) and its quotations.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

from factcheck.lang import Vocabulary
from factcheck.nlp.facts import TextFacts
from factcheck.nlp.names import entity_match, norm_entity
from factcheck.nlp.quotes import SPEAKER_LABEL
from factcheck.nlp.statements import Statement
from factcheck.nlp.words import fuzzy_in, overlap
from factcheck.types import Value

_ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.)\s*")
_WORD = re.compile(r"[\w'’%$€£-]+")


def norm_quote(text: str) -> str:
    """Quotation text as compared: straight quotes and apostrophes, one space, lower case,
    no punctuation at its ends."""
    t = unicodedata.normalize("NFKC", text)
    t = t.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    t = " ".join(t.lower().split())
    return t.strip(" \"'.,;:!?")


def quote_pieces(quote: str) -> list[str]:
    """A claim's quotation split where an ellipsis stands for words left out."""
    return [p for p in (norm_quote(x) for x in _ELLIPSIS.split(quote)) if p]


def quoted_in(quote: str, text: str) -> bool:
    """Whether a quotation appears verbatim in ``text`` (its pieces in order)."""
    hay = " " + " ".join(_WORD.findall(norm_quote(text))) + " "
    pos = 0
    for piece in quote_pieces(quote):
        needle = " " + " ".join(_WORD.findall(piece)) + " "
        i = hay.find(needle, pos)
        if i < 0:
            return False
        pos = i + len(needle) - 1
    return True


@dataclass(frozen=True, slots=True)
class Misquote:
    claimed: str  # the claim's wording
    source: str  # the source's
    changed: int  # words that differ


def misquote(quote: str, passage: TextFacts, max_changed: float = 0.34) -> Misquote | None:
    """The source's wording of a quotation the claim changes ("serious and constructive"
    for "serious and substantive"): a run of the passage as long as the quotation, in a
    quotation of its own, with the same words but for at most a third of them (one at
    least), and one content word in common. None when the quotation is verbatim."""
    if quoted_in(quote, passage.text):
        return None
    want = _WORD.findall(norm_quote(" ".join(quote_pieces(quote))))
    n = len(want)
    if n < 2:
        return None
    best: Misquote | None = None
    for q_text, _, _ in passage.quotes:
        have = _WORD.findall(norm_quote(q_text))
        for i in range(0, max(1, len(have) - n + 1)):
            window = have[i : i + n]
            if len(window) != n:
                continue
            same = sum(a == b for a, b in zip(want, window, strict=True))
            changed = n - same
            shared_content = any(a == b and len(a) > 3 for a, b in zip(want, window, strict=True))
            fits = 1 <= changed <= max(1, int(max_changed * n)) and shared_content
            if fits and (best is None or changed < best.changed):
                best = Misquote(" ".join(want), " ".join(window), changed)
    return best


def claimed_statement(claim: TextFacts) -> Statement | None:
    """What the claim says someone said: its statement with a named speaker (the first,
    which in a claim is the main one). "The firm has warned ..." names no one: a claim of
    fact."""
    return next((s for s in claim.statements if not (s.pronoun or s.definite) and s.name), None)


# the facts of a quotation run's passages: the one before it, its first and its last
QuoteRunFacts = tuple[TextFacts | None, TextFacts | None, TextFacts | None]


@dataclass(frozen=True, slots=True)
class Voice:
    """Whose words a passage gives the claim's content as: a speaker, or the narration."""

    speaker: str  # as the source writes it ("" for the reporter's own narration)
    name: str
    reporters: tuple[str, ...] = ()
    known: bool = True  # False: a pronoun with no speaker named before it
    definite: bool = False  # "the company": a description, to be matched to a name nearby
    # a pronoun resolved to a person named further back than the passage before: it
    # confirms the claim's speaker, but may be someone else's
    distant: bool = False
    share: float = 0.0  # how much of the claim's content is in the words given to them
    # "officials", "a spokeswoman for Kestrel": a speaker who names no one, so neither the
    # claim's speaker nor known to be anyone else
    unnamed: bool = False


_GROUPS = frozenset(["ORG", "GPE", "NORP"])


def _may_be_person(f: TextFacts, s: Statement) -> bool:
    """Not a description ("the federal government") nor a name tagged as an
    organisation, a place or a people ("Ann Roe for the ministry" is a person)."""
    a, b = s.speaker_span
    kinds = {e.entity_type for e in f.entities if a < e.span[1] and e.span[0] < b}
    return not s.definite and ("PERSON" in kinds or not kinds & _GROUPS)


def _named_in(f: TextFacts, share: float, person: bool = False) -> Voice | None:
    """The speaker a pronoun after ``f`` refers to: the last speaker ``f`` names, else the
    last person it names; None when it names neither. ``person``: the pronoun stands for a
    person ("he", "she"; lexicon ``person_pronouns``), so an organisation is not it."""
    named = [x for x in f.statements if not x.pronoun and x.name]
    if person:
        named = [x for x in named if _may_be_person(f, x)]
    if named:
        x = named[-1]
        return Voice(x.speaker, x.name, x.reporters, share=share, unnamed=x.unnamed)
    people = [e for e in f.entities if e.entity_type == "PERSON"]
    if people:
        return Voice(people[-1].text, people[-1].name, share=share)
    return None


def names_a_speaker(f: TextFacts, person: bool = False) -> bool:
    """Whether a pronoun after ``f`` has its speaker there (:func:`_resolve`)."""
    return _named_in(f, 0.0, person) is not None


def awaits_speaker(f: TextFacts, context: TextFacts | None) -> bool:
    """Whether the passage's speaker may be named only before the passage before it: a
    person's pronoun gives it words ("He added ..."), or it is all quotation after a
    passage that does ("... she said." then the quoted paragraph), and the passage before
    names no one who may be that person."""
    if context is None or names_a_speaker(context, person=True):
        return False
    if any(_person_pronoun(s, f) for s in f.statements):
        return True
    said = context.statements
    return not f.statements and mostly_quoted(f) and any(_person_pronoun(s, f) for s in said)


def _person_pronoun(s: Statement, f: TextFacts) -> bool:
    return s.pronoun and s.speaker.lower() in f.vocabulary.person_pronouns


def _resolve(
    s: Statement, context: TextFacts | None, share: float, earlier: Sequence[TextFacts] = ()
) -> Voice:
    """The speaker of a statement, a pronoun ("He also stated ...") resolved to the last
    speaker or person named before it in ``context`` (the passage before); a person's
    pronoun ("he", "she": never an organisation) else in ``earlier`` (the passages before
    that, nearest first): news copy names a speaker once and then gives them several
    paragraphs of "He said ...", "He added ..."."""
    if s.definite:
        named = [x for x in (context.statements if context else ()) if x.name and not x.pronoun]
        if named and not named[-1].definite:
            return Voice(named[-1].speaker, named[-1].name, named[-1].reporters, share=share)
        return Voice(s.speaker, s.name, s.reporters, share=share, definite=True)
    if not s.pronoun:
        return Voice(s.speaker, s.name, s.reporters, share=share, unnamed=s.unnamed)
    if context is not None:
        person = _person_pronoun(s, context)
        for n, f in enumerate((context, *earlier) if person else (context,)):
            if (who := _named_in(f, share, person)) is not None:
                return replace(who, distant=n > 0)
    return Voice(s.speaker, "", known=False, share=share)


def mostly_quoted(f: TextFacts) -> bool:
    inside = sum(e - s for _, s, e in f.quotes)
    return inside >= 0.6 * len(f.text.strip())


def run_speaker(run: QuoteRunFacts) -> Voice | None:
    """Who speaks a quotation of several passages: named with it at its end ('... two
    hours," he said.'), at its start ('Rathbun said: "Daniel ...'), or just before it
    ("Rathbun stated,"); the label of a paragraph a label opens ("Ann Roe: ..."); None
    when none of them names anyone."""
    before, first, last = run
    if last is None and first is not None and (m := SPEAKER_LABEL.match(first.text)):
        # a paragraph opened by a speaker's label (nlp/quote_runs.py): the label speaks
        said = [s for s in first.statements if s.quoted and s.speaker_span == m.span("who")]
        if said:
            return _resolve(said[0], None, 0.0)
        return Voice(m["who"], norm_entity(m["who"], "PERSON", vocab=first.vocabulary))
    for f in (last, first):
        if f is None:
            continue
        # the run's last passage: words from its start are the quotation's rest, though
        # their opening mark stands passages before ('... success," said Obama.'), when
        # their speaker is named after the mark that closes it (not 'Nobody was hurt, Tor
        # Berg told us."': a speaker the quotation quotes)
        said = [
            s
            for s in f.statements
            if s.quoted or (f is last and not s.start and _after_closing(f, s))
        ]
        if said:
            return _resolve(said[-1], before, 0.0)
    # the passage before speaks for a quotation that opens its passage, not for one that
    # the passage's own narration leads into ("The administration sees it as "a way ...")
    opens = first is not None and first.text.lstrip()[:1] in '"“'
    return introduced_by(before) if opens else None


def _after_closing(f: TextFacts, s: Statement) -> bool:
    """Whether ``s`` names its speaker after the mark closing a quotation that runs from
    the passage's start."""
    return any(not start and s.speaker_span[0] >= end for _, start, end in f.quotes)


def introduced_by(before: TextFacts | None, earlier: Sequence[TextFacts] = ()) -> Voice | None:
    """Who speaks a quotation that opens the passage after ``before`` and names no one:
    the last speaker ``before`` gives words to ("Rathbun stated,"; "he said", resolved in
    ``earlier``, the passages before it), else the one person it names ("Senator Ann Roe
    issued a statement on the ruling." then the quotation); None when it names no speaker,
    or several people."""
    if before is None:
        return None
    if before.statements:
        said = before.statements[-1]
        who = _resolve(said, earlier[0] if earlier else None, 0.0, earlier[1:])
        # a pronoun resolved in ``earlier``, two passages or more before the quotation
        return replace(who, distant=True) if said.pronoun and who.known else who
    people = {e.name: e for e in before.entities if e.entity_type == "PERSON"}
    if len(people) == 1:
        [e] = people.values()
        return Voice(e.text, e.name)
    return None


def voice(
    claim_words: frozenset[str],
    passage: TextFacts,
    context: TextFacts | None,
    run: QuoteRunFacts | None = None,
    earlier: Sequence[TextFacts] = (),
) -> Voice:
    """Whose words in the passage the claim's content is: the statement whose words hold
    most of it, else the narration. A paragraph that is all quotation speaks in the voice
    of the speaker named just before it; a passage inside a quotation of several passages
    (``run``: the facts of the passage before it, its first and its last) in the voice of
    whoever the run names. ``earlier``: the passages before ``context``, nearest first,
    where a pronoun's speaker is looked for when ``context`` names none."""
    stmts = passage.statements
    if not stmts and run is not None and (who := run_speaker(run)) is not None:
        if not who.known and mostly_quoted(passage):
            # a run its first passage opens with a pronoun named further back ('She said
            # in a statement: "..."'): who that is, in the passages before
            who = _known(introduced_by(context, earlier)) or who
        return replace(who, share=overlap(claim_words, passage.content))
    if not stmts:
        who = introduced_by(context, earlier) if mostly_quoted(passage) else None
        if who is not None:
            return replace(who, share=overlap(claim_words, passage.content))
        return Voice("", "")
    said = frozenset().union(*(s.words for s in stmts))
    # who speaks is not what the passage narrates ("William Evans: Over 50 years." is all
    # his answer)
    speakers = {x for s in stmts for x in (s.name, *s.name.split(), *s.speaker.lower().split())}
    narration = passage.content - said - speakers
    best = max(stmts, key=lambda s: overlap(claim_words, s.words))
    score = overlap(claim_words, best.words)
    if score == 0.0 and len(stmts) == 1 and not narration:
        score = 1.0  # the passage is one statement: the claim's paraphrase is of it
    if score == 0.0 or overlap(claim_words, narration) > score:
        return Voice("", "", share=overlap(claim_words, narration))
    v = _resolve(best, context, score, earlier)
    outer = (
        run_speaker(run)
        if run is not None and cited(passage.text, best, passage.vocabulary)
        else None
    )
    if outer is not None and outer.name and outer.name != v.name:
        # a source cited inside a quotation or a labelled turn is reported by whoever
        # speaks it ("Jack Herrick: ... the 135th most popular site according to Quantcast")
        v = replace(v, reporters=(*v.reporters, outer.name))
    return v


def _known(v: Voice | None) -> Voice | None:
    return v if v is not None and v.known else None


def cited(text: str, s: Statement, vocab: Vocabulary) -> bool:
    """Whether ``s`` names a source by an attribution phrase ("according to Quantcast"),
    not a speaker with a reporting verb of their own."""
    before = text[: s.speaker_span[0]].rstrip().lower()
    return any(before.endswith(p) for p in vocab.attribution_phrases)


def same_speaker(
    name: str, v: Voice, nearby: frozenset[str] = frozenset(), *, vocab: Vocabulary | None = None
) -> bool:
    """Whether the claim's speaker is the voice's speaker, or a speaker reporting it ("Psaki
    said Biden made clear ...": what Biden made clear, Psaki said). A description ("the
    company") is the claim's speaker when the claim's name is ``nearby`` (the headline, the
    passage before). The name as written counts too: "Paris claims ..." in a story about
    Valeska Paris is her, though a capital alone is read as its country."""
    written = v.speaker.lower() if v.speaker and not v.definite else ""
    if any(entity_match(name, x, vocab=vocab) for x in (v.name, written, *v.reporters) if x):
        return True
    return v.definite and bool(name) and all(fuzzy_in(w, nearby) for w in name.split())


def content_names(claim: TextFacts) -> tuple[Value, ...]:
    """The claim's names other than its speaker's: "Ushakov said sanctions would be an
    error" is about sanctions; who said it is checked by :func:`voice`, not as a name the
    passage must hold."""
    s = claimed_statement(claim)
    if s is None:
        return claim.entities
    a, b = s.speaker_span
    return tuple(e for e in claim.entities if not (a <= e.span[0] < b))


def said_content(claim: TextFacts) -> frozenset[str]:
    """The claim's content words without its speaker's name: what is said, which a
    passage must state (who said it is checked by :func:`voice`)."""
    s = claimed_statement(claim)
    if s is None:
        return claim.content
    a, b = s.speaker_span
    speaker = {lem for lem, start, _ in claim.spans if a <= start < b}
    speaker |= {e.name for e in claim.entities if a <= e.span[0] < b}
    return claim.content - speaker
