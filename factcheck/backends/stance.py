"""Stance model hook: a trained claim-evidence cross-encoder, when one ships in the package."""

from __future__ import annotations

from pathlib import Path
from typing import Any

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "stance"


def load_default_stance(backend: str = "onnx") -> Any:
    """The packaged stance model's scoring function, or None when none is shipped.

    ``backend`` is ``onnx`` (ONNX Runtime, no torch; needs the export that `make install`
    builds) or ``torch`` (transformers). Both run the fp32 weights."""
    if not (MODEL_DIR / "config.json").exists():
        return None
    if backend == "onnx":
        from factcheck.backends.onnx_runtime import ONNX_FILE, OnnxStance

        if not (MODEL_DIR / ONNX_FILE).exists():
            raise_missing_onnx(MODEL_DIR / ONNX_FILE)
        return OnnxStance(MODEL_DIR)
    from factcheck.backends.stance_torch import CrossEncoderStance

    # fp32, as trained: torch's dynamic int8 changed the model's answer on 7.8% of 1,000
    # news pairs (benchmarks/backend_agreement.py), twice as fast but not the same model.
    return CrossEncoderStance(MODEL_DIR, quantize=False)


def raise_missing_onnx(path: Path) -> None:
    from factcheck.errors import ModelError

    raise ModelError(
        f"{path} is missing: build it with `python scripts/export_onnx.py` (`make install` "
        "does), or use the torch backend (--backend torch, FACTCHECK_BACKEND=torch)"
    )
