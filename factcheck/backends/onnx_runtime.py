"""The embedder and the stance model on ONNX Runtime with the ``tokenizers`` library: no
torch, transformers or sentence-transformers in the process, so a cold command starts fast.

The ONNX files are fp32 exports of the same weights, built at install
(scripts/export_onnx.py);
benchmarks/onnx_agreement.py measures how closely they follow the torch versions.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

from factcheck.backends.weights import Lazy
from factcheck.errors import ModelError
from factcheck.types import StanceProbs

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

MODELS = Path(__file__).resolve().parent.parent / "models"
EMBEDDER_DIR = MODELS / "embedder"
STANCE_DIR = MODELS / "stance"
ONNX_FILE = "model.onnx"  # built by scripts/export_onnx.py at install


def _session(path: Path) -> Any:
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.log_severity_level = 3
    opts.intra_op_num_threads = 0  # ORT's default: one per core
    try:
        return ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
    except Exception as ex:
        raise ModelError(f"Cannot load the ONNX model {path}: {ex}") from ex


def _tokenizer(path: Path, max_length: int) -> Any:
    from tokenizers import Tokenizer

    try:
        tok = Tokenizer.from_file(str(path))
    except Exception as ex:
        raise ModelError(f"Cannot load the tokenizer {path}: {ex}") from ex
    tok.enable_truncation(max_length=max_length)
    tok.enable_padding(pad_id=0, pad_token="[PAD]")
    return tok


def _feeds(encodings: list[Any]) -> dict[str, np.ndarray]:
    return {
        "input_ids": np.array([e.ids for e in encodings], dtype=np.int64),
        "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64),
        "token_type_ids": np.array([e.type_ids for e in encodings], dtype=np.int64),
    }


class OnnxEmbedder(Embeddings):
    """all-MiniLM-L6-v2 on ONNX (fp32): mean pooling over tokens, unit-normalised vectors."""

    dim = 384

    def __init__(self, model_dir: Path = EMBEDDER_DIR, batch_size: int = 64) -> None:
        self.model_dir = Path(model_dir)
        self.batch_size = batch_size
        self._loaded: Lazy[tuple[Any, Any]] = Lazy(self._load)
        self.path = self.model_dir  # for provenance: the folder holding the weights

    @property
    def identity(self) -> dict[str, str]:
        """What a store records about the embedder that wrote it."""
        cfg = self._config()
        return {
            "embedder": str(cfg.get("name", self.model_dir.name)),
            "embedder_backend": "onnx",
            # the weights it was exported from (recorded at export: no hashing at start-up)
            "embedder_sha256": str(cfg.get("source_sha256", "")),
        }

    def _config(self) -> dict[str, Any]:
        try:
            data: dict[str, Any] = json.loads((self.model_dir / "embedder.json").read_text())
            return data
        except (OSError, ValueError) as ex:
            raise ModelError(f"Cannot read {self.model_dir / 'embedder.json'}: {ex}") from ex

    def warm_up(self) -> None:
        self._loaded.get()

    def _load(self) -> tuple[Any, Any]:
        cfg = self._config()
        tok = _tokenizer(self.model_dir / "tokenizer.json", int(cfg.get("max_seq_length", 256)))
        session = _session(self.model_dir / ONNX_FILE)
        logger.info("loaded ONNX embedder from %s", self.model_dir)
        return tok, session

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit-normalised float32 vectors, one row per text."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        tok, session = self._loaded.get()
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        # Similar lengths together: less padding, as sentence-transformers does.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for i in range(0, len(order), self.batch_size):
            idx = order[i : i + self.batch_size]
            feeds = _feeds(tok.encode_batch([texts[j] for j in idx]))
            hidden = session.run(None, feeds)[0]
            mask = feeds["attention_mask"][..., None].astype(np.float32)
            pooled = (hidden * mask).sum(axis=1) / np.clip(mask.sum(axis=1), 1e-9, None)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[idx] = pooled / np.clip(norms, 1e-12, None)
        return out

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode(list(texts)).tolist()  # type: ignore[no-any-return]

    def embed_query(self, text: str) -> list[float]:
        return self.encode([text])[0].tolist()  # type: ignore[no-any-return]


class OnnxStance:
    """Callable like ``CrossEncoderStance``: ``[(evidence, claim), ...] -> [StanceProbs]``."""

    def __init__(self, path: Path = STANCE_DIR, batch_size: int = 32) -> None:
        from factcheck.backends.stance_torch import MAX_LENGTH

        self.path = Path(path)
        self.batch_size = batch_size
        self.max_length = MAX_LENGTH
        self._loaded: Lazy[tuple[Any, Any]] = Lazy(self._load)

    def warm_up(self) -> None:
        self._loaded.get()

    def _load(self) -> tuple[Any, Any]:
        return _tokenizer(self.path / "tokenizer.json", self.max_length), _session(
            self.path / ONNX_FILE
        )

    def probabilities(self, pairs: list[tuple[str, str]]) -> list[list[float]]:
        """Softmax over (supports, refutes, neutral) for each (evidence, claim) pair."""
        tok, session = self._loaded.get()
        out: list[list[float]] = [[] for _ in pairs]
        order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
        for i in range(0, len(order), self.batch_size):
            idx = order[i : i + self.batch_size]
            enc = tok.encode_batch([(pairs[j][0], pairs[j][1]) for j in idx])
            logits = session.run(None, _feeds(enc))[0].astype(np.float64)
            e = np.exp(logits - logits.max(axis=1, keepdims=True))
            probs = e / e.sum(axis=1, keepdims=True)
            for j, p in zip(idx, probs.tolist(), strict=True):
                out[j] = p
        return out

    def __call__(self, pairs: list[tuple[str, str]]) -> list[StanceProbs]:
        return [StanceProbs(p[0], p[1], p[2]) for p in self.probabilities(pairs)]
