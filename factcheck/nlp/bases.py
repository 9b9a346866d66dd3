"""A year-on-year base: "sales dropped 42% last month from the previous year" compares
the month with the same month a year before, as business copy does, not with the whole
year before. A base of comparison (syntax.references) that is a calendar year counted from
the dateline ("the previous year", "a year ago", "last year"; never one written out: "from
2008") and is the year before the sentence's one month of an event is read as that month
a year earlier."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from factcheck.lang import Vocabulary
from factcheck.types import Value, ValueKind


def year_on_year(
    values: Sequence[Value], references: Sequence[tuple[int, int]], vocab: Vocabulary
) -> dict[tuple[int, int], Value]:
    """{span: the narrowed base} for the bases of ``values`` read as the same month a year
    before the sentence's event month (see the module's doc); empty where none is."""
    refs = set(references)
    months = {
        v.date_from[:7]
        for v in values
        if v.kind == ValueKind.DATE and v.span not in refs and v.grain == "month" and v.date_from
    }
    if len(months) != 1:
        return {}  # no event month, or several: which one the base is of is unsaid
    (month,) = months
    try:
        year, mon = int(month[:4]), int(month[5:7])
        start = dt.date(year - 1, mon, 1)
    except ValueError:
        return {}
    end = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return {
        v.span: replace(v, date_from=start.isoformat(), date_to=end.isoformat(), grain="month")
        for v in values
        if v.kind == ValueKind.DATE
        and v.span in refs
        and v.grain == "year"
        and v.date_from == f"{year - 1:04d}-01-01"
        and not _written(v.text, vocab)
    }


def _written(text: str, vocab: Vocabulary) -> bool:
    """A date written out (a digit, a month's name), not counted from the dateline."""
    return bool(re.search(r"\d", text)) or any(
        w in vocab.months for w in re.findall(r"[A-Za-z]+", text)
    )
