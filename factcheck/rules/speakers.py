"""The comparison rules about who said what (nlp/speech.py reads the statements): a
quotation worded differently, the claim's words verbatim in a speaker's mouth, a
contradiction read in another voice, and whose words a supporting passage gives the
claim's content as. compare.py runs them in its RULES, MODEL_RULES and conclude()."""

from __future__ import annotations

import re
from dataclasses import replace
from difflib import SequenceMatcher

from factcheck.nlp.backshift import reported_in
from factcheck.nlp.names import entity_match
from factcheck.nlp.speech import (
    Voice,
    cited,
    claimed_statement,
    misquote,
    quoted_in,
    same_speaker,
    voice,
)
from factcheck.nlp.statements import Statement
from factcheck.nlp.words import canon_set, overlap
from factcheck.rules.acronyms import called, defined, fold, may_be_called
from factcheck.rules.affiliation import may_speak_for, speaks_for
from factcheck.rules.assessment import Assessment, Comparison
from factcheck.rules.descriptions import as_written, described_otherwise, third_party
from factcheck.rules.groups import one_of, one_people, unnamed_elsewhere
from factcheck.thresholds import Thresholds
from factcheck.types import Stance, StanceProbs, ValueKind

_WORDS = re.compile(r"[\w'’-]+")


def says(a: Assessment, stance: Stance, weight: float, why: str) -> Comparison:
    """A comparison decided for the pair as a whole (no value checks of its own)."""
    return Comparison(
        stance=stance,
        weight=weight,
        rationale=why,
        claim_spans=a.claim_spans,
        passage_spans=a.passage_spans,
        relatedness=a.relatedness,
    )


def quote_altered(a: Assessment, t: Thresholds) -> Comparison | None:
    """A quotation of the claim that the source words differently: one word changed in a
    quote is a misquote, whatever else agrees. When the claim names its speaker, only that
    speaker's words can be misquoted (another's are another statement)."""
    if not a.claim.quotes:
        return None
    claimed = claimed_statement(a.claim)
    v = _claimed_voice(a, claimed)
    if claimed is not None and v.speaker and v.known and not _same_speaker(a, claimed.name, v):
        return None
    for q, start, end in a.claim.quotes:
        m = misquote(q, a.passage, t.weights.misquote_changed)
        if m is None:
            continue
        return Comparison(
            stance=Stance.REFUTES,
            weight=min(1.0, t.weights.misquote_base + t.weights.misquote_overlap * a.overlap),
            rationale=f"the source quotes '{m.source}', not '{m.claimed}'",
            claim_spans=tuple(sorted({*a.claim_spans, (start, end)})),
            passage_spans=a.passage_spans,
            checks=a.checks,
            relatedness=a.relatedness,
            speaker=v.speaker,
        )
    return None


def quoted_word_changed(a: Assessment, t: Thresholds) -> Comparison | None:
    """Reported speech with one of the speaker's quoted words changed: "Ushakov said Putin
    was disappointed with the talks" against Ushakov's "Putin was 'pleased' with the
    talks". The claim's words follow the source's statement word for word but for one run,
    and the source's words in that run are a quotation: the speaker's own word, replaced."""
    claimed = claimed_statement(a.claim)
    if claimed is None or not a.passage.quotes:
        return None
    v = _claimed_voice(a, claimed)
    if not (v.speaker and v.known and _same_speaker(a, claimed.name, v)):
        return None
    mine = _words_with_spans(a.claim.text[claimed.start : claimed.end])
    theirs = _words_with_spans(a.passage.text)
    ops = SequenceMatcher(None, [w for w, _ in mine], [w for w, _ in theirs], autojunk=False)
    blocks = ops.get_opcodes()
    replaced = [op for op in blocks if op[0] == "replace"]
    kept = sum(i2 - i1 for tag, i1, i2, _, _ in blocks if tag == "equal")
    if len(replaced) != 1 or kept < t.weights.reworded_min_kept or kept < 0.6 * len(mine):
        return None
    if any(
        tag in ("insert", "delete") and 0 < j1 < len(theirs) and 0 < i1 < len(mine)
        for tag, i1, _, j1, _ in blocks
    ):
        return None  # words added or dropped inside: a paraphrase, not one word swapped
    _, i1, i2, j1, j2 = replaced[0]
    swap = t.weights.reworded_max_words
    if i2 - i1 > swap or j2 - j1 > swap or not any(len(w) > 3 for w, _ in theirs[j1:j2]):
        return None  # a word or two swapped, not a clause rephrased around a quotation
    start, end = theirs[j1][1][0], theirs[j2 - 1][1][1]
    if not any(qs <= start and end <= qe for _, qs, qe in a.passage.quotes):
        return None
    cs, ce = claimed.start + mine[i1][1][0], claimed.start + mine[i2 - 1][1][1]
    mine_lemmas = {lem for lem, s, e in a.claim.spans if cs <= s and e <= ce}
    theirs_lemmas = {lem for lem, s, e in a.passage.spans if start <= s and e <= end}
    if mine_lemmas <= theirs_lemmas:
        # Only auxiliaries, pronouns and tenses changed ("has become" -> "was", "We expect"
        # -> "they expected"): reported speech shifts tense and person; a misquote puts in
        # another word.
        return None
    source = a.passage.text[start:end]
    claimed_words = " ".join(w for w, _ in mine[i1:i2])
    return replace(
        says(
            a,
            Stance.REFUTES,
            t.weights.misquote_base,
            f"the source quotes {v.speaker} as saying '{source}', not '{claimed_words}'",
        ),
        speaker=v.speaker,
        checks=a.checks,
    )


def _words_with_spans(text: str) -> list[tuple[str, tuple[int, int]]]:
    return [(m.group().lower(), m.span()) for m in _WORDS.finditer(text)]


def verbatim_statement(
    a: Assessment, probs: StanceProbs | None, t: Thresholds
) -> Comparison | None:
    """The words the claim gives its speaker are the source's words: given to the same
    speaker they are stated, to another speaker they are misattributed, in the reporter's
    narration they are not that speaker's; whatever a model reads into them."""
    claimed = claimed_statement(a.claim)
    if claimed is None:
        return None
    if (a.claim.negative > 0) != (a.passage.negative > 0):
        return None  # "no officers will be sent" holds the words "officers will be sent"
    said = a.claim.text[claimed.start : claimed.end]
    least = t.weights.verbatim_min_words
    verbatim = len(said.split()) >= least and quoted_in(said, a.passage.text)
    if not (verbatim or reported_in(a.claim, claimed, a.passage, least)):
        return None
    v = _claimed_voice(a, claimed)
    if not v.known:
        return None
    if not v.speaker:
        return replace(
            says(
                a,
                Stance.NEUTRAL,
                0.0,
                f"the source says this, but not that {claimed.speaker} said it",
            ),
            checks=a.checks,
        )
    if _same_speaker(a, claimed.name, v) or speaks_for(a, claimed, v):
        why = f"the source gives {v.speaker} these words"
        return replace(says(a, Stance.SUPPORTS, t.weights.verbatim_weight, why), speaker=v.speaker)
    if claimed.unnamed:
        return None  # "Officials said ...": whoever the source names may be one (attributed)
    if v.unnamed:  # "officials said": the source does not say who, so not someone else
        why = f"the source does not say who said this ({v.speaker!r})"
        return replace(says(a, Stance.NEUTRAL, 0.0, why), checks=a.checks)
    if may_speak_for(a, claimed, v):
        return replace(says(a, Stance.NEUTRAL, 0.0, _side(v, claimed)), speaker=v.speaker)
    if may_be_called(a, claimed, v):
        return replace(says(a, Stance.NEUTRAL, 0.0, called(v, claimed)), speaker=v.speaker)
    why = f"the source attributes this to {v.speaker}, not {claimed.speaker}"
    return replace(says(a, Stance.REFUTES, t.weights.verbatim_weight, why), speaker=v.speaker)


def _side(v: Voice, claimed: Statement) -> str:
    """A source speaker that may speak for the claim's (rules/affiliation.py)."""
    return f"the source gives this to {v.speaker} (one side with {claimed.speaker}), not to them"


def _claimed_voice(a: Assessment, claimed: Statement | None) -> Voice:
    """Whose words the passage gives the claim's content as; a description ("the
    company", "the interviewee") that cannot be tied to the claim's speaker by a name nearby,
    or a pronoun resolved to someone else named further back than the passage before, is
    not known to be anyone else either."""
    words = claimed.words if claimed is not None and claimed.words else a.claim.content
    v = voice(words, a.passage, a.context, a.run, a.earlier)
    if claimed is not None and (v.definite or v.distant) and not _same_speaker(a, claimed.name, v):
        return replace(v, known=False)  # a description or a pronoun read far back: unsure
    if claimed is not None and not v.speaker and _own_plan(a, claimed):
        # "GM plans to lay off 47,000": narrated, but GM's own stated plan
        return Voice(claimed.speaker, claimed.name, share=v.share)
    return v


def _own_plan(a: Assessment, claimed: Statement) -> bool:
    """Whether the passage narrates a plan or an announcement of the claim's speaker, as
    the subject of a verb of intention or of a reporting verb with an object ("GM plans to
    ...", "Boeing announced 35 new orders ..."): what the speaker made known."""
    vocab = a.claim.vocabulary
    plans = canon_set(vocab.intentions, ("VERB",), vocab=vocab)
    reports = canon_set(vocab.reporting_verbs, ("VERB",), vocab=vocab)
    name = set(claimed.name.split())
    return any(
        # an announcement has an object besides its announcer: "said Angers" has none
        name & args and (pred in plans or (pred in reports and len(args - name) >= 1))
        for pred, args in a.passage.frames
    )


def _nearby(a: Assessment, v: Voice) -> frozenset[str]:
    """Names a description ("the company") may stand for: the headline's words, the names
    of the passage and the one before it, and those of the article's lead where it names
    one person at most and the description makes no one another side ("the premier" of a lead's
    "Prime Minister Ana Roe"; not "the opposition leader", nor a lead of two premiers)."""
    ents = [*a.passage.entities, *(a.context.entities if a.context else ())]
    lead = a.lead.entities if a.lead is not None else ()
    people = {e.name for e in lead if e.entity_type == "PERSON"}
    other = set(v.speaker.lower().split()) & a.claim.vocabulary.side_breakers
    if len(people) <= 1 and not other:
        ents += list(lead)
    return a.headline | {x for e in ents for x in e.name.split()}


def _same_speaker(a: Assessment, name: str, v: Voice) -> bool:
    """The claim's speaker, or a source the claim's own statement names inside what it
    gives that speaker ("Herrick said ... the 135th most popular site according to
    Quantcast": the passage's "according to Quantcast" is the source Herrick cites)."""
    vocab = a.claim.vocabulary
    if same_speaker(name, v, _nearby(a, v), vocab=vocab) or _one_person(a, name, v.name):
        return True
    claimed = claimed_statement(a.claim)
    if claimed is not None and claimed.name == name and defined(a, claimed, v):
        return True
    if v.unnamed and one_people(name, v.name, vocab):
        return True
    said = claimed_statement(a.claim)
    return said is not None and any(
        said.start <= s.speaker_span[0] < said.end and same_speaker(s.name, v, vocab=vocab)
        for s in a.claim.statements
        if s.name != said.name and cited(a.claim.text, s, vocab)
    )


def _one_person(a: Assessment, name: str, other: str) -> bool:
    """Two one-word names of the one person the article names in full with both ("Ličen"
    and the "Simon:" of an interview's turns, after a lead that named "Simon Ličen"): copy
    calls a person by either once it has named them. The full names are looked for in the
    passage, the one before it, the passages further back and the article's lead; a word
    that another person's name holds too ("Anna Roe" and her son "Tom Roe"; "Grant Tobin"
    and "Ellen Grant") could be either's, and ties no one."""
    x, y = fold(name), fold(other)
    if not x or not y or x == y or " " in x or " " in y:
        return False
    people = {
        fold(e.name)
        for f in (a.passage, a.context, a.lead, *a.earlier)
        if f is not None
        for e in f.entities
        if e.entity_type == "PERSON" and len(e.name.split()) > 1  # a full name
    }
    holding_x = {p for p in people if x in p.split()}
    holding_y = {p for p in people if y in p.split()}
    return len(holding_x) == 1 and holding_x == holding_y


# Rules that read what a passage states as fact: a claim that someone said something is
# contradicted by them only in that speaker's words.
READ_AS_FACT = frozenset(["figure_mismatch", "direction_flip", "negation_flip", "model_refute"])


def other_voice(a: Assessment, out: Comparison, t: Thresholds) -> Comparison:
    """A contradiction read in words the passage does not give the claim's speaker. If
    those words are another speaker's and hold the claim's content, the claim gives them to
    the wrong speaker; otherwise what Ushakov said, or the reporter's own narration, does
    not contradict what the claim says Putin said."""
    claimed = claimed_statement(a.claim)
    if claimed is None:
        if (account := third_party(a)) is None:
            return out
        d, v = account
        why = f"{out.rationale}, but in {v.speaker}'s words, not as {as_written(a, d)}'s"
        return replace(out, stance=Stance.NEUTRAL, weight=0.0, rationale=why, speaker=v.speaker)
    v = _claimed_voice(a, claimed)
    if (
        not v.known
        or (v.speaker and _same_speaker(a, claimed.name, v))
        or speaks_for(a, claimed, v)
    ):
        return out
    wrong = [c.claim for c in out.checks if not c.agree]
    if wrong and all(
        x.kind == ValueKind.DATE and not claimed.start <= x.span[0] < claimed.end for x in wrong
    ):
        return out  # the day of the saying ("said on 1 April"), not a date of what was said
    quotes_there = all(quoted_in(q, a.passage.text) for q, _, _ in a.claim.quotes)
    if (
        v.speaker
        and not a.passage.question  # a question says nothing: it only asks
        and v.share >= t.weights.misattributed_share
        and out.rule == "model_refute"
        and quotes_there  # another's words are the claim's only if its quotations are theirs
        and not may_speak_for(a, claimed, v)  # "Ford said" for "Ford's Ken Czubay said"
        and not may_be_called(a, claimed, v)  # "SIA said" for "Singapore Airlines said"
    ):
        why = f"the source attributes this to {v.speaker}, not {claimed.speaker}"
        return replace(out, rationale=why, speaker=v.speaker)
    whose = f"{v.speaker}'s words" if v.speaker else "the source's own narration"
    why = f"{out.rationale}, but in {whose}, not as {claimed.speaker}'s"
    return replace(out, stance=Stance.NEUTRAL, weight=0.0, rationale=why, speaker=v.speaker)


def attributed(a: Assessment, out: Comparison) -> Comparison:
    """A passage that states the claim's content, read for whose words it gives it as.

    A claim that names its speaker ("Putin said ...") is supported only by the words given
    to that speaker (or to one who reports them); given to another, they refute it; stated
    as the reporter's own narration, they do not say that the speaker said it. A claim of
    fact keeps its support and shows whose word it is ("according to Ushakov")."""
    claimed = claimed_statement(a.claim)
    v = _claimed_voice(a, claimed)
    if claimed is None:
        if (account := third_party(a)) is not None:
            d, v = account
            why = f"the source gives this to {v.speaker}, not to {as_written(a, d)}"
            return replace(out, stance=Stance.NEUTRAL, weight=0.0, rationale=why, speaker=v.speaker)
        if not v.speaker:
            return out
        return replace(
            out, speaker=v.speaker, rationale=f"{out.rationale} (according to {v.speaker})"
        )
    if not v.speaker:
        why = f"the source says this, but not that {claimed.speaker} said it"
        return replace(out, stance=Stance.NEUTRAL, weight=0.0, rationale=why)
    if not v.known:
        why = f"the source does not say who said this ({v.speaker!r})"
        return replace(out, stance=Stance.NEUTRAL, weight=0.0, rationale=why, speaker=v.speaker)
    if _same_speaker(a, claimed.name, v) or speaks_for(a, claimed, v):
        if (otherwise := described_otherwise(a, claimed, v)) is not None:
            return replace(out, stance=Stance.REFUTES, rationale=otherwise, speaker=v.speaker)
        return replace(out, speaker=v.speaker)
    if a.passage.question:
        # an interviewer's question puts the words to the speaker; it does not say them
        why = f"the source has {v.speaker} ask this, not say it"
        return replace(out, stance=Stance.NEUTRAL, weight=0.0, rationale=why, speaker=v.speaker)
    if claimed.unnamed and (other := unnamed_elsewhere(a, claimed, v)) is not None:
        return replace(out, stance=Stance.REFUTES, rationale=other, speaker=v.speaker)
    if claimed.unnamed and one_of(a, claimed, v):  # "Police said" of "police chief Ana Roe"
        why = f"{out.rationale} (according to {v.speaker})"
        return replace(out, rationale=why, speaker=v.speaker)
    if v.unnamed:  # "officials said": the source does not say who, so not someone else
        why = f"the source does not say who said this ({v.speaker!r})"
        return replace(out, stance=Stance.NEUTRAL, weight=0.0, rationale=why, speaker=v.speaker)
    if claimed.unnamed:
        why = f"the source gives this to {v.speaker}, not said to be one of the {claimed.speaker}"
        return replace(out, stance=Stance.NEUTRAL, weight=0.0, rationale=why, speaker=v.speaker)
    if may_speak_for(a, claimed, v):
        why = _side(v, claimed)
        return replace(out, stance=Stance.NEUTRAL, weight=0.0, rationale=why, speaker=v.speaker)
    if may_be_called(a, claimed, v):
        why = called(v, claimed)
        return replace(out, stance=Stance.NEUTRAL, weight=0.0, rationale=why, speaker=v.speaker)
    return replace(
        out,
        stance=Stance.REFUTES,
        rationale=f"the source attributes this to {v.speaker}, not {claimed.speaker}",
        speaker=v.speaker,
    )


def words_of_another(a: Assessment, t: Thresholds) -> Comparison | None:
    """The words the claim gives its speaker, nearly all of them, given by the passage to
    another person it names ("Kamal Roe said the ferry had been late every day" / '"It
    was late every day," Ida Lind said.'): the claim gives them to the wrong speaker,
    though the stance model, reading the two sentences, sees no stance.

    Only between two people each named by a name (not an organisation and its spokesman,
    not "you"), where neither the passage nor the one before it names the claim's speaker
    (who may be the one agreed with, echoed or quoted: "As Roe said, ..."), and the words
    are enough to be a statement of one's own (``words_of_another_words`` of them, not "a
    great day for the city"); never for a question, nor where a quotation of the claim's
    is not there."""
    claimed = claimed_statement(a.claim)
    if claimed is None or a.passage.question or any(not c.agree for c in a.checks):
        return None
    if not all(quoted_in(q, a.passage.text) for q, _, _ in a.claim.quotes):
        return None
    vocab = a.claim.vocabulary
    people = [e for e in a.claim.entities if e.entity_type == "PERSON"]
    if not any(entity_match(e.name, claimed.name, vocab=vocab) for e in people):
        return None
    named = [*a.passage.entities, *(a.context.entities if a.context else ())]
    if any(entity_match(e.name, claimed.name, vocab=vocab) for e in named):
        return None
    v = _claimed_voice(a, claimed)
    if not (v.known and v.speaker) or _same_speaker(a, claimed.name, v):
        return None
    surnames = claimed.name.split()[-1:] + v.name.split()[-1:]
    alike = SequenceMatcher(None, surnames[0], surnames[1]).ratio() if len(surnames) == 2 else 1
    if alike >= t.weights.same_surname:
        return None  # one name spelt two ways ("Gaddafi", "Qaddafi")
    if not any(
        e.entity_type == "PERSON" and entity_match(e.name, v.name, vocab=vocab)
        for e in a.passage.entities
    ):
        return None
    # the words said, but the names in them: the speaker's "he" is the claim's "Warhol"
    words = claimed.words - {x for e in a.claim.entities for x in e.name.split()}
    theirs = next((s.words for s in a.passage.statements if s.name == v.name), None)
    pool = a.passage.content if theirs is None else theirs
    w = t.weights
    if len(words) < w.words_of_another_words or overlap(words, pool) < w.words_of_another_share:
        return None
    why = f"the source gives these words to {v.speaker}, not {claimed.speaker}"
    weight = min(1.0, w.other_name_base + w.other_name_per_overlap * a.overlap)
    return replace(says(a, Stance.REFUTES, weight, why), speaker=v.speaker)
