"""YAML front matter, read safely (issue #30): no alias expansion (a 385-byte "billion
laughs" must not take minutes and gigabytes), a size limit, and a field of the wrong type
left empty with a warning instead of stored as a Python repr."""

from __future__ import annotations

import datetime as dt
from typing import Any

from factcheck.errors import InputError

MAX_FRONT_MATTER_CHARS = 64_000
# Datelines outside these years are typing slips ("0001-01-01"), and date arithmetic on
# them ("on Thursday") would run off the calendar.
FIRST_YEAR, LAST_YEAR = 1800, 2200


def read_front_matter(text: str) -> dict[str, Any]:
    """The front matter's mapping; an InputError for YAML that is invalid, too large, not
    a mapping, or that uses aliases (never expanded)."""
    import yaml  # lazy: only front matter needs it

    if len(text) > MAX_FRONT_MATTER_CHARS:
        raise InputError(
            f"the YAML front matter is {len(text):,} characters; the limit is "
            f"{MAX_FRONT_MATTER_CHARS:,}"
        )
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent):
                raise InputError(
                    "the YAML front matter uses an alias (*name); factcheck does not expand them"
                )
        meta = yaml.safe_load(text) or {}
    except yaml.YAMLError as ex:
        raise InputError(f"invalid YAML front matter: {ex}") from None
    if not isinstance(meta, dict):
        raise InputError("YAML front matter must be a mapping of keys to values")
    return meta


def text_field(meta: dict[str, Any], keys: tuple[str, ...], warnings: list[str]) -> str:
    """The first of ``keys`` that is set, as text; a list or mapping is left empty."""
    for key in keys:
        value = meta.get(key)
        if value is None or value == "":
            continue
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return str(value)
        warnings.append(f"front matter {key!r} is a {type(value).__name__}, not text; left empty")
        return ""
    return ""


def date_field(meta: dict[str, Any], keys: tuple[str, ...], warnings: list[str]) -> Any:
    """The first of ``keys`` that is set, if it can be a date (date, datetime or text)."""
    for key in keys:
        value = meta.get(key)
        if value is None or value == "":
            continue
        if isinstance(value, (dt.date, str)):
            return value
        warnings.append(
            f"front matter {key!r} is a {type(value).__name__}, not a date; no dateline"
        )
        return None
    return None


DATE_ORDERS = ("dmy", "mdy")


def order_field(meta: dict[str, Any], warnings: list[str]) -> str:
    """``date_order``: how this source's numeric dates read ("dmy" or "mdy"); anything
    else is left empty (the setting decides) with a warning."""
    value = meta.get("date_order")
    if value is None or value == "":
        return ""
    if isinstance(value, str) and value.strip().lower() in DATE_ORDERS:
        return value.strip().lower()
    warnings.append(f"front matter 'date_order' is {value!r}, not dmy or mdy; left empty")
    return ""


def in_range(day: dt.date | None) -> bool:
    return day is None or FIRST_YEAR <= day.year <= LAST_YEAR
