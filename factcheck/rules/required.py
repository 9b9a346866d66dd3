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
_CHANGES = frozenset([ValueKind.PERCENT, ValueKind.MONEY, ValueKind.QUANTITY])


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
    date of saying (``saying``) on it, the base of a change (a date only where the change's
    figure is stated), or an offset between two
    events the passage or ``context`` (the passage before) dates (rules/offsets.py)."""
    # the change's figure stated: its base, a date too ("42% lower than in January 2008"
    # / "dropped 42% last month from the previous year"), is said many ways
    figured = any(id(x) in right for x in claim.values if x.kind in _CHANGES)
    return tuple(
        v
        for v in claim.values
        if v.kind in REQUIRED
        and id(v) not in right
        and not dated_by_dateline(v, passage, passage_date, t)
        and not (id(v) in saying and said_on_dateline(v, passage_date, t))
        # the base of a change ("from a year earlier") is said many ways ("on the
        # same month last year"): the change's figure is what must be stated
        and not (
            v.span in claim.references
            and (v.kind == ValueKind.DURATION or (v.kind == ValueKind.DATE and figured))
        )
        and not offset_stated(v, claim, passage, context, claim_date)
    )
