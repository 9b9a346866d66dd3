"""What of a claim's figures and dates a passage leaves unstated: each must be stated for
the claim to be supported (:func:`unverified`), unless something else states it."""

from __future__ import annotations

import datetime as dt

from factcheck.nlp.facts import TextFacts
from factcheck.rules.offsets import offset_stated
from factcheck.rules.timing import dated_by_dateline, said_on_dateline
from factcheck.thresholds import Thresholds
from factcheck.types import NUMERIC_KINDS, Value, ValueKind

# What a source must state for the claim to be supported ("first" and "second" are
# compared when both texts have one, but rarely what a claim asserts).
REQUIRED = NUMERIC_KINDS | {ValueKind.DATE}


def unverified(
    claim: TextFacts,
    passage: TextFacts,
    context: TextFacts | None,
    right: set[int],
    saying: frozenset[int],
    claim_date: dt.date | None,
    passage_date: dt.date | None,
    t: Thresholds,
) -> tuple[Value, ...]:
    """The claim's figures and dates the passage does not state: none that an aligned
    value states (``right``, by ``id``), that the passage's dateline dates, that is a
    date of saying (``saying``) on it, the base of a change, or an offset between two
    events the passage or ``context`` (the passage before) dates (rules/offsets.py)."""
    return tuple(
        v
        for v in claim.values
        if v.kind in REQUIRED
        and id(v) not in right
        and not dated_by_dateline(v, passage, passage_date, t)
        and not (id(v) in saying and said_on_dateline(v, passage_date, t))
        # the base of a change ("from a year earlier") is said many ways ("on the
        # same month last year"): the change's figure is what must be stated
        and not (v.kind == ValueKind.DURATION and v.span in claim.references)
        and not offset_stated(v, claim, passage, context, claim_date)
    )
