"""A month or a day without a year, told in the past tense, is the last one before the
dateline: "the plans were announced in January", in a story of August, is this January,
not the coming one that is nearer; "this weekend", told in the past in a weekday's story,
is the one just past. The date reader (nlp/dates.py) sees only words, and
takes the occurrence nearest the dateline unless a word says which way; the parse gives
the tense of the verb the date hangs on."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

from factcheck.lang import Vocabulary
from factcheck.nlp import syntax
from factcheck.types import Value, ValueKind

_YEAR = re.compile(r"\d{4}")


def _past(verb: Any) -> bool:
    """A verb in a past tense: "fell", "were announced", "has risen"."""
    if verb.tag_ == "VBD":
        return True
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBN" and any(a.tag_ == "VBD" or a.lemma_ == "have" for a in aux)


def _verb(doc: Any, v: Value) -> Any:
    toks = syntax.tokens(doc, *v.span)
    if not toks:
        return None
    head = toks[0]
    for _ in range(4):
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            return head
        if head.head is head:
            break
    return None


def _a_year_back(v: Value) -> Value:
    frm, to = dt.date.fromisoformat(v.date_from), dt.date.fromisoformat(v.date_to)
    try:
        frm, to = frm.replace(year=frm.year - 1), to.replace(year=to.year - 1)
    except ValueError:  # 29 February
        return v
    if v.grain == "month":  # the month's own last day
        to = (frm.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return replace(v, date_from=frm.isoformat(), date_to=to.isoformat())


def past_dates(
    doc: Any, found: list[Value], dateline: dt.date | None, vocab: Vocabulary
) -> list[Value]:
    """``found`` with each month or day that its words left ahead of the dateline's month
    moved a year back where its verb is in a past tense; a word that sets the way ("next
    March", "last March") or a year written with it keeps it."""
    if dateline is None:
        return found
    out = []
    day = dateline.isoformat()
    for v in found:
        if v.kind == ValueKind.DATE and v.date_from < day < v.date_to and _weekend(v, vocab):
            # "this weekend" of a weekday's story is the one just past or the coming one;
            # told in a past tense, the one just past ("it became public this weekend")
            if (verb := _verb(doc, v)) is not None and _past(verb):
                sat = dt.date.fromisoformat(v.date_from)
                v = replace(v, date_to=(sat + dt.timedelta(days=1)).isoformat())
        elif (
            v.kind == ValueKind.DATE
            and v.grain in ("month", "day")
            and v.date_from[:7] > day[:7]
            and not _YEAR.search(v.text)
            and not any(w in vocab.periods for w in v.text.lower().split())
            and (verb := _verb(doc, v)) is not None
            and _past(verb)
            and not _points_ahead(doc, v, verb, vocab)
        ):
            v = _a_year_back(v)
        out.append(v)
    return out


def _weekend(v: Value, vocab: Vocabulary) -> bool:
    return any(w in vocab.weekend_words for w in v.text.lower().split())


def _points_ahead(doc: Any, v: Value, verb: Any, vocab: Vocabulary) -> bool:
    """Whether the word before a date points past its verb's time: "raised fares,
    effective January 2", "shut its plants until January 19", "postponed the vote to July
    6" (a new time set by a verb of rescheduling). Such a date is the one nearest the
    dateline, whatever the verb's tense."""
    toks = syntax.tokens(doc, *v.span)
    if not toks:
        return False
    first = toks[0]
    word = first if first.pos_ == "ADP" else (doc[first.i - 1] if first.i else None)
    if word is None:
        return False
    w = word.lower_
    return w in vocab.past_tense_free or (
        w in vocab.rescheduling_prepositions and verb.lemma_.lower() in vocab.rescheduling_verbs
    )
