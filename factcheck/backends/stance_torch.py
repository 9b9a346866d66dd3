"""The packaged claim-evidence stance model (a MiniLM cross-encoder trained by
scripts/train_stance.py), loaded offline with transformers; int8 dynamic quantisation on CPU.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path
from typing import Any

from factcheck.backends.weights import Lazy
from factcheck.errors import ModelError
from factcheck.types import StanceProbs

LABELS = ("supports", "refutes", "neutral")  # the model's output order
MAX_LENGTH = 128


class CrossEncoderStance:
    """Callable: ``[(evidence, claim), ...] -> [StanceProbs, ...]``."""

    def __init__(self, path: str | Path, *, quantize: bool = True, batch_size: int = 32) -> None:
        self.path = Path(path)
        self.quantize = quantize
        self.batch_size = batch_size
        self._loaded: Lazy[tuple[Any, Any]] = Lazy(self._load)

    def warm_up(self) -> None:
        self._loaded.get()

    def _load(self) -> tuple[Any, Any]:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        try:
            import torch
            from transformers import AutoModelForSequenceClassification, AutoTokenizer

            tok = AutoTokenizer.from_pretrained(str(self.path), local_files_only=True)
            model = AutoModelForSequenceClassification.from_pretrained(
                str(self.path), local_files_only=True, dtype=torch.float32
            )
            model.eval()
            if self.quantize:
                # torch marks its quantised tensor API deprecated; it still works and
                # doubles CPU speed here. Keep the warning off users' terminals.
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", UserWarning)
                    model = torch.ao.quantization.quantize_dynamic(
                        model, {torch.nn.Linear}, dtype=torch.qint8
                    )
        except Exception as ex:
            raise ModelError(f"Cannot load the stance model from {self.path}: {ex}") from ex
        return tok, model

    def probabilities(self, pairs: list[tuple[str, str]]) -> list[list[float]]:
        """Softmax over (supports, refutes, neutral) for each (evidence, claim) pair."""
        import torch

        tok, model = self._loaded.get()
        out: list[list[float]] = [[] for _ in pairs]
        order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
        with torch.inference_mode():
            for i in range(0, len(order), self.batch_size):
                idx = order[i : i + self.batch_size]
                enc = tok(
                    [pairs[j][0] for j in idx],
                    [pairs[j][1] for j in idx],
                    truncation=True,
                    max_length=MAX_LENGTH,
                    padding=True,
                    return_tensors="pt",
                )
                probs = torch.softmax(model(**enc).logits.float(), dim=-1).tolist()
                for j, p in zip(idx, probs, strict=True):
                    out[j] = p
        return out

    def __call__(self, pairs: list[tuple[str, str]]) -> list[StanceProbs]:
        return [StanceProbs(p[0], p[1], p[2]) for p in self.probabilities(pairs)]
