"""The dates on which a text says something was said: "The quake killed 1,200 people,
officials said on Sunday", "Halvorsen Bank said on Monday its profit fell 12%". Such a date
is when the words were spoken, not when what they report happened: a claim's date is
compared with it only when it dates a saying too (rules/align.py), never when it dates the
event the words report ("The quake on 11 March killed 1,200 people"). Not every verb of
saying is in the lexicon ("spoke out on Tuesday that ..."), so a claim's date of saying
is still compared with a passage's other dates."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from factcheck.lang import Vocabulary
from factcheck.nlp.syntax import tokens
from factcheck.types import Value, ValueKind

# how a date hangs on its verb: "said on Sunday", "said Sunday", "said yesterday"
_TO_VERB = frozenset({"prep", "pobj", "npadvmod", "nmod", "compound", "nummod", "advmod"})
# how a reporting verb takes what it reports: "said (that) it fell", "X fell, Y said"
_REPORTED = frozenset({"ccomp", "parataxis"})


def saying_dates(
    doc: Any, values: Iterable[Value], vocab: Vocabulary
) -> tuple[tuple[int, int], ...]:
    """The spans of the dates in ``values`` that hang on a verb of ``vocab.reporting_verbs``
    which reports a clause (a clausal complement, or a clause it is set beside: "X fell,
    officials said on Sunday"). "Kestrel announced the phone on Tuesday" reports no clause:
    its date is the announcement's, an event of its own."""
    out = []
    for v in values:
        if v.kind != ValueKind.DATE:
            continue
        toks = tokens(doc, *v.span)
        if not toks:
            continue
        head = toks[-1]
        while (
            head.dep_ in _TO_VERB
            and head.head is not head
            and head.head.pos_
            not in (
                "VERB",
                "AUX",
            )
        ):
            head = head.head
        verb = head.head if head.dep_ in _TO_VERB else None
        before = doc[toks[0].i - 1] if toks[0].i else None
        if before is not None and before.dep_ == "prep" and before.head.pos_ == "VERB":
            verb = before.head  # "On 8 April Marlow Bank said ...", however the date parses
        if verb is not None and verb.dep_ == "ccomp" and _before_clause(toks[0], verb):
            # "said on Monday its profit fell": the parser hangs the date on the reported
            # verb, but it stands before that clause's first word
            verb = verb.head
        if verb is None or verb.lemma_.lower() not in vocab.reporting_verbs:
            continue
        if verb.dep_ in _REPORTED or any(c.dep_ in _REPORTED for c in verb.children):
            out.append(v.span)
    return tuple(out)


def _before_clause(first: Any, clause: Any) -> bool:
    """Whether a word stands between a reporting verb and the clause it reports: after the
    verb, before the clause's subject, and not after its "that"."""
    if not clause.head.i < first.i:
        return False
    if any(c.dep_ == "mark" and c.i < first.i for c in clause.children):
        return False  # "said that on Monday its profit fell": the clause's own date
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and first.i < subject.left_edge.i
