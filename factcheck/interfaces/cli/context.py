"""What every `factcheck` command shares: the context (settings loaded once, the checker
built on first use), terminal-safe output and the translation of typed errors."""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

import click

from factcheck.config import Settings
from factcheck.errors import FactCheckError


def parse_date(_ctx: Any, _param: Any, value: str | None) -> dt.date | None:
    if value is None:
        return None
    from factcheck.pipeline.arguments import date

    try:
        return date(value)
    except FactCheckError as ex:
        raise click.BadParameter(f"{ex}; use YYYY-MM-DD") from None


class Ctx:
    """Settings loaded once at the edge; the FactChecker built on first use."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._checker: Any = None
        self.check_embedder = True

    @property
    def checker(self) -> Any:
        if self._checker is None:
            from factcheck.api import FactChecker

            self._checker = FactChecker.from_settings(
                self.settings, check_embedder=self.check_embedder
            )
        return self._checker

    @property
    def warm_checker(self) -> Any:
        """The checker, its models already loading in the background (commands that check)."""
        checker = self.checker
        checker.warm_up_in_background()
        return checker


def echo(text: str, err: bool = False) -> None:
    """Print, with terminal escape sequences from sources, claims or paths removed."""
    from factcheck.sources.hygiene import strip_terminal

    click.echo(strip_terminal(text), err=err)


class UserError(click.ClickException):
    """A one-line error for the user, terminal-safe (exit 1)."""

    def __init__(self, message: str) -> None:
        from factcheck.sources.hygiene import strip_terminal

        super().__init__(strip_terminal(message))


class Stop(UserError):
    """A batch cannot go on: unreadable input, unwritable output or store (exit 2)."""

    exit_code = 2


def fail(ex: FactCheckError, code: int = 1) -> click.ClickException:
    if os.environ.get("FACTCHECK_RAISE_ERRORS"):
        raise ex
    return Stop(str(ex)) if code == 2 else UserError(str(ex))
