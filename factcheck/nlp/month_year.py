"""A bare month and a year written after it are one date ("in March last year", "January,
2009"): the date reader finds them as two values, a month of its own nearest year and a
year; this joins them (:func:`dates.find_dates` runs it last)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from factcheck.lang import Vocabulary
from factcheck.types import Value


def month_of_year(text: str, values: list[Value], v: Vocabulary) -> list[Value]:
    """A bare month followed by a year named in words ("in March last year", "January of
    this year") or after a comma ("January, 2009") is that month of that year: one date, not a
    month of its own nearest year and a year beside it."""
    out: list[Value] = []
    for x in values:
        a = out[-1] if out else None
        if (
            a is not None
            and a.grain == "month"
            and x.grain == "year"
            and not any(ch.isdigit() for ch in a.text)
            and x.date_from[:4].isdigit()
            and (
                (x.text.isdigit() and text[a.span[1] : x.span[0]].strip(" ,") == "")
                or (
                    not any(ch.isdigit() for ch in x.text)
                    # "in March last year", "since January of this year"
                    and text[a.span[1] : x.span[0]].strip().lower() in {"", *v.of_words}
                )
            )
        ):
            y, m = int(x.date_from[:4]), int(a.date_from[5:7])
            last = (dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)).isoformat()
            span = (a.span[0], x.span[1])
            out[-1] = replace(
                a,
                text=text[span[0] : span[1]],
                span=span,
                date_from=f"{y}-{m:02d}-01",
                date_to=last,
            )
            continue
        out.append(x)
    return out
