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


def _past(verb: Any, vocab: Vocabulary) -> bool:
    """A verb in a past tense: "fell", "were announced", "has risen", and a participle
    that tells what was done to a noun ("the plans announced in January"); not one of a
    plan or a new time ("a merger planned for January", "a vote expected in March")."""
    if verb.tag_ == "VBD":
        return True
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and not aux:
        lemma = verb.lemma_.lower()
        return lemma not in vocab.intentions and lemma not in vocab.rescheduling_verbs
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


def _years_on(v: Value, n: int) -> Value:
    frm, to = dt.date.fromisoformat(v.date_from), dt.date.fromisoformat(v.date_to)
    try:
        frm, to = frm.replace(year=frm.year + n), to.replace(year=to.year + n)
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
    March", "last March") or a year written with it keeps it. A new time that a verb of
    rescheduling sets ("adjourned the trial until December 2") is never a past one."""
    if dateline is None:
        return found
    out = []
    day = dateline.isoformat()
    for v in found:
        if v.kind == ValueKind.DATE and v.date_from < day < v.date_to and _weekend(v, vocab):
            # "this weekend" of a weekday's story is the one just past or the coming one;
            # told in a past tense, the one just past ("it became public this weekend")
            if (verb := _verb(doc, v)) is not None and _past(verb, vocab):
                sat = dt.date.fromisoformat(v.date_from)
                v = replace(v, date_to=(sat + dt.timedelta(days=1)).isoformat())
        elif (
            v.kind == ValueKind.DATE
            and v.grain in ("month", "day")
            and not _YEAR.search(v.text)
            and not any(w in vocab.periods for w in v.text.lower().split())
            and (verb := _verb(doc, v)) is not None
        ):
            word = _word_before(doc, v)
            lag = dt.timedelta(days=vocab.forward_days.get("rescheduled_lag", 0))
            if _rescheduled(word, verb, vocab):
                if v.date_to < (dateline - lag).isoformat():
                    v = _years_on(v, 1)  # "adjourned the trial until December 2", in May
            elif (
                v.date_from[:7] > day[:7]
                and _past(verb, vocab)
                and not _soon(word, v, dateline, vocab)
            ):
                v = _years_on(v, -1)
            elif (
                v.date_to < day
                and _weekday(v, vocab)
                and not any(vocab.weekday_modifiers.get(w, 0) for w in v.text.lower().split())
                and (_scheduled(verb) or (word in vocab.past_tense_free and _present(verb)))
            ):
                # "Lawmakers are voting on Friday", "the summit, which opens on Thursday",
                # "the union has until Thursday to respond": the coming one
                v = _days_on(v, 7)
            elif _present(verb) and v.date_to < (dateline - _recent(vocab)).isoformat():
                # "The Games open on February 12", in July: a time set ahead, the next
                # one; not within 'present_recent' days back ("Sales rise in January", a
                # headline's present of February)
                v = _years_on(v, 1)
        out.append(v)
    return out


def _present(verb: Any) -> bool:
    """A verb in a present tense, or under a modal of what must or will be done ("open",
    "matures", "are voting", "must repay"): of a month or a day, a time set ahead."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ in ("VBZ", "VBP") and not aux:
        return True
    if verb.tag_ == "VBG":
        return any(a.tag_ in ("VBZ", "VBP") for a in aux)
    return verb.tag_ == "VB" and any(
        a.tag_ == "MD" and a.lemma_.lower() in ("must", "will", "shall") for a in aux
    )


def _scheduled(verb: Any) -> bool:
    """A present that tells of a time set ahead whatever the story's: the progressive
    ("are voting on Friday") or the present of a relative clause ("the summit, which
    opens on Thursday"); not a main clause's simple present, a headline's past ("Stocks
    fall on Monday")."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBG":
        return any(a.tag_ in ("VBZ", "VBP") for a in aux)
    return verb.tag_ in ("VBZ", "VBP") and not aux and verb.dep_ == "relcl"


def _weekday(v: Value, vocab: Vocabulary) -> bool:
    return v.grain == "day" and any(w.strip(",.") in vocab.weekdays for w in v.text.lower().split())


def _days_on(v: Value, n: int) -> Value:
    frm, to = dt.date.fromisoformat(v.date_from), dt.date.fromisoformat(v.date_to)
    shift = dt.timedelta(days=n)
    return replace(v, date_from=(frm + shift).isoformat(), date_to=(to + shift).isoformat())


def _recent(vocab: Vocabulary) -> dt.timedelta:
    return dt.timedelta(days=vocab.forward_days.get("present_recent", 0))


def _weekend(v: Value, vocab: Vocabulary) -> bool:
    return any(w in vocab.weekend_words for w in v.text.lower().split())


def _word_before(doc: Any, v: Value) -> str:
    """The date's own preposition, or the word right before it."""
    toks = syntax.tokens(doc, *v.span)
    if not toks:
        return ""
    first = toks[0]
    word = first if first.pos_ == "ADP" else (doc[first.i - 1] if first.i else None)
    return "" if word is None else str(word.lower_)


def _rescheduled(word: str, verb: Any, vocab: Vocabulary) -> bool:
    """A new time set for an event: "postponed the vote to July 6", "set the trial for
    March 12", "extended the sanctions until January 31"."""
    return word in vocab.rescheduling_prepositions and verb.lemma_.lower() in (
        vocab.rescheduling_verbs
    )


def _soon(word: str, v: Value, dateline: dt.date, vocab: Vocabulary) -> bool:
    """Whether a word that points past its verb's time ("raised fares, effective January
    2", "shut its plants until January 19") stands before a date that comes soon after the
    dateline: such a date is the coming one, whatever the verb's tense. Further ahead, the
    past one ("kept the plant open until August, when it was sold")."""
    ahead = (dt.date.fromisoformat(v.date_from) - dateline).days
    return word in vocab.past_tense_free and 0 <= ahead <= vocab.forward_days.get("soon", 0)
