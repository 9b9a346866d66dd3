"""Stance model hook: a trained claim-evidence cross-encoder, when one ships in the package."""

from __future__ import annotations

from pathlib import Path
from typing import Any

MODEL_DIR = Path(__file__).parent / "models" / "stance"


def load_default_stance() -> Any:
    """The packaged stance model's scoring function, or None when none is shipped."""
    if not (MODEL_DIR / "config.json").exists():
        return None
    from .stance_model import CrossEncoderStance

    return CrossEncoderStance(MODEL_DIR)
