"""Versioned prompt templates. ``load_prompt`` is the only code that reads prompts/."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

from .errors import ConfigError

PROMPT_DIR = Path(__file__).resolve().parent.parent / "prompts"
_NAME = re.compile(r"^[a-z_]+\.v\d+$")


@functools.lru_cache(maxsize=16)
def load_prompt(name: str) -> Any:
    """The Jinja template ``prompts/<name>.jinja``; ``name`` is like ``verify.v1``."""
    if not _NAME.match(name):
        raise ConfigError(f"Prompt names look like 'verify.v1', got {name!r}")
    path = PROMPT_DIR / f"{name}.jinja"
    if not path.exists():
        available = sorted(p.stem for p in PROMPT_DIR.glob("*.jinja"))
        raise ConfigError(f"No prompt {name!r}. Available: {available}")
    import jinja2

    env = jinja2.Environment(
        autoescape=False, undefined=jinja2.StrictUndefined, keep_trailing_newline=True
    )
    return env.from_string(path.read_text(encoding="utf-8"))
