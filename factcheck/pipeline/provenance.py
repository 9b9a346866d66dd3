"""What produced a verdict: the package version, the stance model (or LLM judge) and a hash
of its weights, the thresholds' identity and the prompt version. An editor auditing a
published check can tell which model, thresholds or prompt decided it."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from typing import Any

from factcheck.backends.weights import model_name, weights_hash
from factcheck.types import Provenance


@functools.cache
def package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("factcheck")
    except PackageNotFoundError:  # a source tree that was never installed
        return "0+unknown"


def thresholds_id(*settings: Any) -> str:
    """A short, stable id of the thresholds and rules that decide verdicts: ``t-`` and
    the first 10 hex digits of the sha256 of their values."""
    values = [
        {"type": type(s).__name__, **dataclasses.asdict(s)}
        for s in settings
        if dataclasses.is_dataclass(s) and not isinstance(s, type)
    ]
    blob = json.dumps(values, sort_keys=True, default=str).encode()
    return "t-" + hashlib.sha256(blob).hexdigest()[:10]


def stance_identity(stance: Any) -> tuple[str, str, str]:
    """(model name, weights hash, prompt version) for a stance function."""
    if stance is None:
        return "rules only", "", ""
    prompt = str(getattr(stance, "prompt", "") or "")
    path = getattr(stance, "path", None)
    if path is not None:
        return model_name(str(path)), weights_hash(str(path)), prompt
    model = getattr(stance, "model", None)
    name = getattr(model, "model_name", None) or getattr(model, "model", None)
    return str(name or type(model or stance).__name__), "", prompt


def provenance(stance: Any, *settings: Any) -> Provenance:
    name, digest, prompt = stance_identity(stance)
    return Provenance(
        package=f"factcheck {package_version()}",
        model=name,
        model_sha256=digest,
        thresholds=thresholds_id(*settings),
        prompt=prompt,
    )
