"""Do the ONNX and torch backends give the same verdicts? Runs the same claims through both
and lists every difference.

    .venv/bin/python -m benchmarks.backend_agreement [--cf-limit N]

Both backends run the fp32 weights. Sets: the project's seed claims
(tests/fixtures/seed_claims.jsonl) against the seed article, with the stance model on; and
Climate-FEVER claims (../shared/data/, evaluation only) against their five gold evidence
sentences. Also the raw model outputs on 1,000 inputs: the embeddings' cosine with the
torch embedder and the stance model's agreement with torch's (fp32, and the dynamic int8
served until 2026-12-01).
"""

from __future__ import annotations

import argparse
import json
import random
import uuid
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
NEWS = ROOT.parent / "shared" / "data" / "news"


def _seed_verdicts(backend: str) -> list[str]:
    import chromadb

    from factcheck.api import FactChecker
    from factcheck.backends.embedders import default_embedder
    from factcheck.backends.stance import load_default_stance
    from factcheck.config import Settings
    from factcheck.sources.store import PassageStore

    client = chromadb.EphemeralClient(settings=chromadb.Settings(anonymized_telemetry=False))
    store = PassageStore(client, default_embedder(backend), f"a{uuid.uuid4().hex[:8]}")
    fc = FactChecker(store, settings=Settings(backend=backend), stance=load_default_stance(backend))
    fc.ingest([SEEDS])
    rows = [json.loads(x) for x in (ROOT / "tests/fixtures/seed_claims.jsonl").open()]
    import datetime as dt

    out = fc.check_many([r["claim"] for r in rows], dateline=dt.date(2021, 12, 31))
    return [v.label.value for v in out]  # type: ignore[union-attr]


def _cf_verdicts(backend: str, limit: int) -> tuple[list[str], list[str]]:
    import benchmarks.eval_climate_fever as ecf

    ecf.BACKEND = backend
    rows = [r for r in ecf.load(limit) if r["claim_label"] in ecf.GOLD_MAP]
    _gold, pred = ecf.run_gold(rows, True)
    return [r["claim"] for r in rows], pred


def _sentences(n: int) -> list[str]:
    from factcheck.nlp.sentences import split_sentences

    out = []
    for f in sorted(NEWS.glob("*.txt")):
        t = f.read_text(encoding="utf-8")
        out += [t[s:e] for s, e in split_sentences(t)]
    random.Random(0).shuffle(out)
    return out[:n]


def model_agreement(n: int = 1000) -> dict[str, float]:
    from factcheck.backends.embedders import SentenceTransformerEmbedder
    from factcheck.backends.onnx_runtime import OnnxEmbedder, OnnxStance
    from factcheck.backends.stance import MODEL_DIR
    from factcheck.backends.stance_torch import CrossEncoderStance

    sents = _sentences(n + 1)
    a, b = OnnxEmbedder().encode(sents[:n]), SentenceTransformerEmbedder().encode(sents[:n])
    cos = (a * b).sum(axis=1)
    pairs = [(sents[i], sents[(i * 7 + 1) % n][:100]) for i in range(n // 2)] + [
        (s, s[: max(20, len(s) // 2)]) for s in sents[: n - n // 2]
    ]
    onnx = np.array(OnnxStance().probabilities(pairs)).argmax(1)
    t8 = np.array(CrossEncoderStance(MODEL_DIR).probabilities(pairs)).argmax(1)
    t32 = np.array(CrossEncoderStance(MODEL_DIR, quantize=False).probabilities(pairs)).argmax(1)
    return {
        "inputs": n,
        "embedding cosine, mean": round(float(cos.mean()), 6),
        "embedding cosine, min": round(float(cos.min()), 6),
        "stance: onnx vs torch int8 (served until 2026-12-01)": round(
            float((onnx == t8).mean()), 4
        ),
        "stance: onnx vs torch fp32": round(float((onnx == t32).mean()), 4),
        "stance: torch int8 vs torch fp32": round(float((t8 == t32).mean()), 4),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cf-limit", type=int, default=500)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    report: dict[str, object] = {"models": model_agreement()}
    seeds = {b: _seed_verdicts(b) for b in ("onnx", "torch")}
    claims = [json.loads(x)["claim"] for x in (ROOT / "tests/fixtures/seed_claims.jsonl").open()]
    sd = [
        (c, o, t) for c, o, t in zip(claims, seeds["onnx"], seeds["torch"], strict=True) if o != t
    ]
    report["seed claims"] = {"n": len(claims), "same": len(claims) - len(sd), "differences": sd}
    cf = {b: _cf_verdicts(b, args.cf_limit) for b in ("onnx", "torch")}
    cd = [
        (c, o, t)
        for c, o, t in zip(cf["onnx"][0], cf["onnx"][1], cf["torch"][1], strict=True)
        if o != t
    ]
    n = len(cf["onnx"][1])
    report["climate-fever gold"] = {
        "n": n,
        "same": n - len(cd),
        "agreement": round(1 - len(cd) / n, 4),
        "differences": cd,
    }
    text = json.dumps(report, indent=2, ensure_ascii=False)
    print(text)
    if args.out:
        args.out.write_text(text + "\n")


if __name__ == "__main__":
    main()
