"""What the stance model reads of a claim: its wording, without the dates the rules have
already found stated.

A reporter dates a restatement from the dateline ("On 6 March 2008 Apple released ..."
of a report that says "Apple released ..." and is dated 6 March 2008). The model sees two
sentences and nothing of the dateline: a date in the claim and none in the passage reads
to it as something the passage does not say, and it calls a faithful restatement neutral.
The rules compare dates (with the dateline, "on Thursday", "last week"); the model is
asked only about the wording. A date the rules did not find stated stays, and the claim
is then unstated by the rules whatever the model says."""

from __future__ import annotations

import datetime as dt
import re

from factcheck.nlp.facts import TextFacts
from factcheck.nlp.quotes import SPEAKER_LABEL
from factcheck.nlp.sentences import leans_on_before
from factcheck.nlp.speech import claimed_statement
from factcheck.rules.assessment import Assessment
from factcheck.types import Value, ValueKind

# a preposition that only introduces the date ("on 6 March", "in January 2005")
_BEFORE = re.compile(r"(?:\b(?:on|in|as of|since|by|during)\s+)?$", re.IGNORECASE)


def model_claim(a: Assessment) -> str:
    """The claim's text without its dates that this passage states by its dateline alone
    (the dateline inside the date: not a day or two before it, which the rules allow for a
    report's lag but which the report does not say), each with the word that introduces
    it; the text unchanged when there is none. A date the passage writes ("on Thursday",
    "in 2006") the model reads in both."""
    text, lo, hi = a.claim.text, 0, len(a.claim.text)
    said = claimed_statement(a.claim)
    if said is not None and said.end > said.start:
        lo, hi = _what_was_said(a, said.start, said.end)
    shown = {id(v) for v in a.unverified} | {id(c.claim) for c in a.checks if c.agree}
    spans = sorted(
        v.span
        for v in a.claim.values
        if v.kind == ValueKind.DATE
        and id(v) not in shown
        and _on_dateline(v, a.passage_date)
        and lo <= v.span[0]
        and v.span[1] <= hi
    )
    if not spans and (lo, hi) == (0, len(text)):
        return text
    out, at = [], lo
    for start, end in spans:
        if start < at:
            continue
        head = text[at:start]
        out.append(head[: _BEFORE.search(head).start()])  # type: ignore[union-attr]
        at = end
    out.append(text[at:hi])
    clean = re.sub(r"\s+([,.;:])", r"\1", re.sub(r"\s{2,}", " ", "".join(out))).strip()
    clean = re.sub(r"^[,;:]\s*", "", clean)
    if hi < len(text) and clean and clean[-1].isalnum():
        clean += "."
    return clean[:1].upper() + clean[1:] if clean else text


def _what_was_said(a: Assessment, start: int, end: int) -> tuple[int, int]:
    """Where the words the claim gives its speaker lie, without the word that opens them
    ("said [that] ..."): the model is asked whether the passage says them; who said them
    is the speaker rules' to decide (speakers.attributed), so the model is not asked about
    a name the passage gives the words to in another form, or to someone else. What
    follows the statement, where no one else is given words after it, is theirs too
    ("said the ferry had sailed 40 hours and was beating its targets", "..., adding
    that ..."): the parser may hang it on the reporting verb, but the model must see all
    that is claimed."""
    text = a.claim.text
    if not any(s.speaker_span[0] >= end for s in a.claim.statements):
        end = len(text)  # no one else is given words after these
    opener = re.match(r"\s*(\w+)(?:\s*,)?\s+", text[start:end])  # "that, looking back, ..."
    if opener and opener.group(1).lower() in a.claim.vocabulary.complementizers:
        start += opener.end()
    return start, end


def _on_dateline(v: Value, day: dt.date | None) -> bool:
    if day is None or not v.date_from or v.date_from.startswith("--"):
        return False
    try:
        return dt.date.fromisoformat(v.date_from) <= day <= dt.date.fromisoformat(v.date_to)
    except ValueError:
        return False


def model_passage(text: str) -> str:
    """The passage as the model reads it: without an interview's or a transcript's speaker
    label ("Ann Roe: The count was not wrong."). The label says who speaks, which the
    speaker rules decide (as the claim is asked without its "X said"); to the model it is
    a name the claim's words do not hold, and it reads a flat contradiction as undecided."""
    m = SPEAKER_LABEL.match(text)
    return text[m.end() - 1 :] if m else text


def model_premise(text: str, facts: TextFacts, before: str | None) -> str:
    """What the stance model reads of a passage with the sentence before it, when it leans
    on that one, as copy does after naming its subject ("David Roe of Tern Partners
    commented on the falls." / '"It's carnage," he said.'): it opens with a word of
    ``leaning_openers`` or gives its words to a pronoun. Alone it says nothing the claim
    could be checked against; the rules read the sentence before as its context. The
    passage itself when it does not lean on one, or is the first."""
    if not before:
        return text
    if leans_on_before(text, facts.vocabulary) or any(s.pronoun for s in facts.statements):
        return f"{before} {text}"
    return text
