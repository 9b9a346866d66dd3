"""How a claim describes who speaks. A claim that gives what was said to a description
("The church said ...", "the company said ..."): a claim of fact for most rules
(nlp/speech.py ``claimed_statement`` names no one), but not the words of someone the
claim itself tells of. And a named speaker described by another name than the source's
("Dunmore's chief executive, Thomas Hale" / "Kestrel's chief executive, Thomas Hale")."""

from __future__ import annotations

from factcheck.nlp.names import abbreviates, entity_match
from factcheck.nlp.speech import Voice, claimed_statement, voice
from factcheck.nlp.statements import Statement
from factcheck.rules.affiliation import offices_of
from factcheck.rules.assessment import Assessment


def described(a: Assessment) -> Statement | None:
    """The claim's statement whose speaker is a description, where it names no one."""
    if claimed_statement(a.claim) is not None:
        return None
    return next((s for s in a.claim.statements if s.definite and not s.pronoun and s.name), None)


def third_party(a: Assessment) -> tuple[Statement, Voice] | None:
    """The described statement and the passage's speaker of its content, where the claim
    tells of that speaker inside what it says the description said ("The church said Paris
    was never forced to work ..." / "Paris also claims she was forced ..."): the one a
    statement is about is not the one who made it, so their words are another account,
    not the description's. Only a person named by the passage: not a speaker whose name
    shares a word with the description ("the church" / "the Church of Scientology"), nor
    a firm or a party, which may be the description itself, nor one not known."""
    d = described(a)
    if d is None:
        return None
    # the words of the claim's content that name one of the passage's speakers (as the
    # parse reads the name, or as written: "Paris" read as its country); the rest is what
    # that speaker is said to have said
    said = a.passage.statements
    speakers = {w for s in said for w in {*s.name.split(), *s.speaker.lower().split()}}
    told = {w for w in d.words & speakers if len(w) > 1}
    if not told:
        return None
    v = voice(d.words - told, a.passage, a.context, a.run, a.earlier)
    if not v.speaker or not v.name or v.definite or v.unnamed or not v.known:
        return None
    names = {*v.name.split(), *v.speaker.lower().split()}
    if not names & told or names & set(d.name.split()):
        return None
    # a person: a firm named in its own statement may be the description ("The company
    # said Kestrel would cut 300 jobs" / "Kestrel said it would cut 300 jobs")
    people = {e.name for e in a.passage.entities if e.entity_type == "PERSON"}
    if v.name not in people:
        return None
    return d, v


def as_written(a: Assessment, d: Statement) -> str:
    """The description as a rationale writes it inside a sentence ("the church")."""
    first, _, rest = d.speaker.partition(" ")
    articles = {*a.claim.vocabulary.definite_articles, *a.claim.vocabulary.demonstratives}
    return f"{first.lower()} {rest}" if rest and first.lower() in articles else d.speaker


def described_otherwise(a: Assessment, claimed: Statement, v: Voice) -> str | None:
    """Why the passage's speaker, the claim's, is not the one the claim describes: the
    claim makes them an officer of one body ("Dunmore's chief executive, Thomas Hale") and
    the passage of others only ("Kestrel's chief executive, Thomas Hale", "Thomas Hale,
    chief executive of Kestrel"). None where the passage gives them no office, or the
    claim's ("chief executive of Kestrel Motors", "the LA Sheriff's office" for "the Los
    Angeles Sheriff's office")."""
    theirs = next((s for s in a.passage.statements if s.name == v.name), None)
    if theirs is None:
        return None
    vocab = a.claim.vocabulary
    other = offices_of(a.passage, theirs)
    for m in offices_of(a.claim, claimed) if other else ():
        if not any(
            entity_match(m.name, o.name, vocab=vocab)
            or abbreviates(o.text, m.text, vocab=vocab)
            or abbreviates(m.text, o.text, vocab=vocab)
            for o in other
        ):
            return f"the source gives {v.speaker} an office at {other[0].text}, not {m.text}"
    return None
