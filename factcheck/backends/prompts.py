"""Versioned prompt templates, shipped inside the package (factcheck/templates/, also
reachable as the top-level prompts/ link). ``load_prompt`` is the only code that reads them,
through importlib.resources, so they load from an installed wheel in any directory."""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Any

from factcheck.errors import ConfigError

TEMPLATES = "templates"
_NAME = re.compile(r"^[a-z_]+\.v\d+$")


@functools.lru_cache(maxsize=16)
def load_prompt(name: str) -> Any:
    """The Jinja template ``templates/<name>.jinja``; ``name`` is like ``verify.v1``."""
    if not _NAME.match(name):
        raise ConfigError(f"Prompt names look like 'verify.v1', got {name!r}")
    folder = resources.files("factcheck").joinpath(TEMPLATES)
    path = folder.joinpath(f"{name}.jinja")
    if not path.is_file():
        available = sorted(
            p.name.removesuffix(".jinja") for p in folder.iterdir() if p.name.endswith(".jinja")
        )
        raise ConfigError(f"No prompt {name!r}. Available: {available}")
    import jinja2

    env = jinja2.Environment(
        autoescape=False, undefined=jinja2.StrictUndefined, keep_trailing_newline=True
    )
    return env.from_string(path.read_text(encoding="utf-8"))
