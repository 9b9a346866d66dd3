"""Evaluate the shipped stance model on held-out and out-of-domain claim-evidence pairs.

    python -m benchmarks.eval_stance [--model DIR] [--no-quantize] [--limit N]

- Climate-FEVER claim-evidence pairs, 3-way (supports / refutes / not enough info): accuracy,
  macro-F1, per-class F1;
- FEVER-Symmetric v0.1 and v0.2, and the held-out part of fever_dev_sr (plain FEVER), 2-way
  (supports vs refutes: the larger of the two probabilities);
- covidfact, 2-way.
None of these pairs was used in training (scripts/train_stance.py uses fever_dev_sr[:8000]
after a seeded shuffle; this script scores the other 5,332).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
CF_LABEL = {"SUPPORTS": 0, "REFUTES": 1, "NOT_ENOUGH_INFO": 2}
NLI = {"entailment": 0, "contradiction": 1, "neutral": 2}


def read(path: Path) -> list[dict]:
    if not path.exists():
        sys.exit(f"missing {path}")
    return [json.loads(x) for x in path.open(encoding="utf-8")]


def f1s(gold: list[int], pred: list[int], k: int) -> list[float]:
    out = []
    for c in range(k):
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == p == c)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if p == c and g != c)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p != c)
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        out.append(2 * pr * rc / (pr + rc) if pr + rc else 0.0)
    return out


def two_way(model, rows: list[dict]) -> float:
    rows = [r for r in rows if r["label"] in ("entailment", "contradiction")]
    probs = model.probabilities([(r["premise"], r["hypothesis"]) for r in rows])
    pred = [0 if p[0] >= p[1] else 1 for p in probs]
    return sum(1 for r, p in zip(rows, pred, strict=True) if NLI[r["label"]] == p) / len(rows)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", type=Path, default=ROOT / "factcheck" / "models" / "stance")
    ap.add_argument("--no-quantize", action="store_true", help="score in fp32, not int8")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    from factcheck.backends.stance_torch import CrossEncoderStance

    model = CrossEncoderStance(args.model, quantize=not args.no_quantize)
    t0 = time.time()
    res: dict = {"model": str(args.model), "int8": not args.no_quantize}

    cf = read(DATA / "climate-fever.jsonl")
    pairs = [
        (e["evidence"], r["claim"], CF_LABEL[e["evidence_label"]])
        for r in cf
        for e in r["evidences"]
    ]
    if args.limit:
        pairs = pairs[: args.limit]
    probs = model.probabilities([(p, h) for p, h, _ in pairs])
    pred = [max(range(3), key=lambda i: p[i]) for p in probs]
    gold = [g for _, _, g in pairs]
    f = f1s(gold, pred, 3)
    res["climate_fever_pairs"] = {
        "n": len(gold),
        "accuracy": round(sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold), 4),
        "macro_f1": round(sum(f) / 3, 4),
        "f1": {
            "supports": round(f[0], 4),
            "refutes": round(f[1], 4),
            "not_enough_info": round(f[2], 4),
        },
    }
    for name in ("fever_symmetric_v0.1", "fever_symmetric_v0.2", "covidfact"):
        rows = read(DATA / "nli" / f"{name}.jsonl")
        res[name] = round(two_way(model, rows[: args.limit] if args.limit else rows), 4)
    fever = read(DATA / "nli" / "fever_dev_sr.jsonl")
    random.Random(13).shuffle(fever)  # the training script's split (seed 13)
    held = fever[8000:]
    res["fever_dev_heldout"] = round(two_way(model, held[: args.limit] if args.limit else held), 4)
    res["seconds"] = round(time.time() - t0, 1)
    cfp = res["climate_fever_pairs"]
    print(f"stance model {args.model.name} ({'int8' if res['int8'] else 'fp32'})")
    print(
        f"Climate-FEVER pairs (3-way, n={cfp['n']}): accuracy {cfp['accuracy']:.3f}, "
        f"macro-F1 {cfp['macro_f1']:.3f} (F1 supports {cfp['f1']['supports']:.3f}, refutes "
        f"{cfp['f1']['refutes']:.3f}, NEI {cfp['f1']['not_enough_info']:.3f})"
    )
    print(f"FEVER held-out dev (2-way): {res['fever_dev_heldout']:.3f}")
    print(
        f"FEVER-Symmetric v0.1 (2-way): {res['fever_symmetric_v0.1']:.3f}; "
        f"v0.2: {res['fever_symmetric_v0.2']:.3f}"
    )
    print(f"covidfact (2-way): {res['covidfact']:.3f}")
    print(f"{res['seconds']:.0f}s")
    if args.out:
        args.out.write_text(json.dumps(res, indent=2))


if __name__ == "__main__":
    main()
