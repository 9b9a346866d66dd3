"""A season or a fiscal year written over two years ("the 2010-11 season", "fiscal
2009/10"): one period that ends in the second year, read as one
date from the first year's start to the second's end. Read as the first year alone, "the
2010-11 title" was no title won in 2011, and its "11" was a count."""

from __future__ import annotations

import re
from dataclasses import replace

from factcheck.types import Value, ValueKind

# right after a year: a hyphen, a dash or a slash and the next year's last two digits (in
# four, "1999-2000" is as often a range of two years: nlp/date_ranges.py reads those)
_NEXT = re.compile(r"[-–/](\d{2})(?!\d|[.,]\d|[-–/]\d)")


def split_years(text: str, values: list[Value]) -> list[Value]:
    """``values`` with each year that the next year follows after a hyphen, a dash or a
    slash ("2010-11", "2010/11", "1999-00") read over both years, the second taken into
    its span. Only the very next year: "2005-09" is no season."""
    out = []
    for v in values:
        m = _NEXT.match(text, v.span[1])
        year = v.text.strip()
        if (
            v.kind == ValueKind.DATE
            and v.grain == "year"
            and year.isdigit()
            and len(year) == 4
            and m
        ):
            nxt = int(year) + 1
            if m.group(1) == f"{nxt % 100:02d}":
                end = m.end()
                v = replace(
                    v,
                    text=text[v.span[0] : end],
                    span=(v.span[0], end),
                    date_to=f"{nxt}-12-31",
                    grain="",
                )
        out.append(v)
    return out
