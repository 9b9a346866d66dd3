"""What a reader finds in one file: the parsed document(s) before they become Sources,
and the items a file can hold now that one file may carry several stories (a feed, a
NewsML-G2 message): a source to store, a withdrawal, or an item skipped with a reason.

No parsing here, and no heavy imports: the format modules and ``readers`` share these."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from factcheck.types import Source

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_date(value: object) -> dt.date | None:
    """Best-effort date from front matter or meta tags: date, datetime or an ISO-ish string.

    An ISO datetime gives the date as written ("2024-05-14T23:30:00-05:00" is 14 May, the
    dateline the desk saw), not the date in UTC."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        m = _ISO_DATE.search(value)
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return None
    return None


@dataclass(frozen=True, slots=True)
class Parsed:
    """One document as a format reader found it, before hygiene and checks.

    ``key`` is the item's own id inside a file that holds several (a NewsML-G2 guid, a feed
    entry's id); empty for a file that is one document (its id is then the file's path).
    ``version`` is a NewsML-G2 item's version (0: the format has none)."""

    text: str  # the text that passages index into
    body_start: int  # where checkable prose starts (after a header or front matter)
    title: str
    dateline: dt.date | None
    url: str = ""
    outlet: str = ""
    author: str = ""
    warnings: tuple[str, ...] = ()
    key: str = ""
    version: int = 0
    date_order: str = ""  # "dmy" or "mdy" from its front matter; "": the setting's


@dataclass(frozen=True, slots=True)
class SourceItem:
    """A source to store, and where its checkable body starts."""

    source: Source
    body_start: int


@dataclass(frozen=True, slots=True)
class Withdrawal:
    """A NewsML-G2 item whose ``pubStatus`` is canceled or withheld: the story with this
    guid must no longer count as evidence (removed from the store if it is there)."""

    id: str
    version: int
    status: str  # "canceled" or "withheld"
    path: str = ""  # the file it came in


@dataclass(frozen=True, slots=True)
class Skipped:
    """One item of a file that could not be read; the others go on. ``message`` names the
    file and the item."""

    message: str


Item = SourceItem | Withdrawal | Skipped
Found = Parsed | Withdrawal | Skipped  # what a format reader returns, item by item
