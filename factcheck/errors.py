"""A small tree of typed errors. Only the surfaces (CLI, UI) translate them for people."""

from __future__ import annotations


class FactCheckError(Exception):
    """Base class: its message is meant to be shown to the user as it is."""


class ConfigError(FactCheckError):
    """A setting is missing or wrong."""


class InputError(FactCheckError):
    """A file, text or row we were given cannot be used (names the input)."""


class StoreError(FactCheckError):
    """The passage store cannot be opened, read or written."""


class ModelError(FactCheckError):
    """A model could not be loaded or gave an answer we cannot use."""


class ModelOutputError(ModelError):
    """An LLM answer did not match the expected schema; ``raw`` holds it."""

    def __init__(self, message: str, raw: str = "") -> None:
        super().__init__(message)
        self.raw = raw


class StageError(FactCheckError):
    """A pipeline stage failed on one item; says which stage and which item."""

    def __init__(self, stage: str, item: str, cause: BaseException) -> None:
        super().__init__(f"{stage} failed on {item!r}: {cause}")
        self.stage = stage
        self.item = item
