"""The Python API's arguments, taken as documented or refused with an InputError that
names the argument (issue #30): a single path is one path, a single claim is one claim,
and None, numbers, bytes or a wrong container never reach the pipeline as a stray
AttributeError or TypeError."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypeVar

from factcheck.errors import InputError
from factcheck.sources.front_matter import FIRST_YEAR, LAST_YEAR, in_range

T = TypeVar("T")


def _kind(value: Any) -> str:
    return "None" if value is None else type(value).__name__


def text(value: Any, name: str) -> str:
    """A text argument: a str, nothing else."""
    if not isinstance(value, str):
        raise InputError(f"{name} must be text (str), not {_kind(value)}")
    return value


def optional_text(value: Any, name: str) -> str | None:
    return None if value is None else text(value, name)


def date(value: Any, name: str = "dateline") -> dt.date | None:
    """A date: a datetime.date (a datetime counts by its day), an ISO string, or None;
    years outside FIRST_YEAR..LAST_YEAR are refused (date arithmetic would run off the
    calendar)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif isinstance(value, str):
        try:
            day = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise InputError(f"{name} {value!r} is not a date (YYYY-MM-DD)") from None
    else:
        raise InputError(
            f"{name} must be a date (datetime.date or 'YYYY-MM-DD'), not {_kind(value)}"
        )
    if not in_range(day):
        raise InputError(f"{name} {day} is outside {FIRST_YEAR}-{LAST_YEAR}")
    return day


def paths(value: Any, name: str = "paths") -> list[str | Path]:
    """Files and folders: one path (str or Path) is one path, not its characters."""
    if isinstance(value, (str, Path)):
        return [value]
    if isinstance(value, (bytes, bytearray, dict)) or not isinstance(value, Iterable):
        raise InputError(f"{name} must be a path or a list of paths, not {_kind(value)}")
    out = list(value)
    for i, p in enumerate(out):
        if not isinstance(p, (str, Path)):
            raise InputError(f"{name}[{i}] must be a path (str or Path), not {_kind(p)}")
    return out


def items(
    value: Any,
    name: str,
    single: type | tuple[type, ...],
    allowed: tuple[type, ...] = (object,),
) -> list[Any]:
    """A list of ``allowed`` things; one ``single`` thing on its own is a list of one.
    (check_many leaves its items to the pipeline: a bad claim yields its own error.)"""
    if isinstance(value, single):
        return [value]
    if isinstance(value, (str, bytes, bytearray, dict)) or not isinstance(value, Iterable):
        raise InputError(f"{name} must be a list, not {_kind(value)}")
    out = list(value)
    for i, x in enumerate(out):
        if not isinstance(x, allowed):
            kinds = " or ".join(t.__name__ for t in allowed)
            raise InputError(f"{name}[{i}] must be {kinds}, not {_kind(x)}")
    return out


def number(value: Any, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InputError(f"{name} must be a number, not {_kind(value)}")
    return float(value)
