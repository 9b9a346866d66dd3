"""Pair-level report for a stance model (issue #29): what it says about news pairs.

    python -m benchmarks.stance_pairs [--model DIR] [--news-pairs FILE] [--json OUT]

- the hand-written pairs (benchmarks/data/stance_pairs_hand.jsonl), per kind and split:
  opposites and negations should be REFUTES, reported-speech rewrites SUPPORTS, a rewrite
  given to another speaker not SUPPORTS;
- the claims of every hand-checked set against their evidence sentences, per split: the
  true ones should be SUPPORTS (a model that calls anything not verbatim neutral fails
  this), the false ones not SUPPORTS;
- with ``--news-pairs``: the generated pairs of held-out articles
  (scripts/stance_news_pairs.py, ``split == "heldout"``), per kind and window size.

Scored with the torch backend in fp32 (the shipped ONNX model is an fp32 export of the
same weights). The label is the most probable of the three.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data"
LABELS = ("SUPPORTS", "REFUTES", "NEUTRAL")
WANT = {"opposite": "REFUTES", "negation": "REFUTES", "reported_speech": "SUPPORTS"}


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def predict(model: Any, pairs: list[tuple[str, str]]) -> list[str]:
    probs = model.probabilities(pairs)
    return [LABELS[max(range(3), key=lambda i: p[i])] for p in probs]


def _right(kind: str, gold: str, pred: str) -> bool:
    if kind == "speaker_swap":
        return pred != "SUPPORTS"
    return pred == gold


def hand_pairs(model: Any) -> dict[str, dict[str, float]]:
    rows = _rows(DATA / "stance_pairs_hand.jsonl")
    pred = predict(model, [(r["premise"], r["claim"]) for r in rows])
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r, p in zip(rows, pred, strict=True):
        for key in (f"{r['split']}/{r['kind']}", f"{r['split']}/all"):
            tally[key][0] += _right(r["kind"], r["label"], p)
            tally[key][1] += 1
    return {k: {"right": v[0] / v[1], "n": v[1]} for k, v in sorted(tally.items())}


def true_claims(model: Any) -> dict[str, dict[str, float]]:
    """Each hand-checked set's claims against their evidence sentences, per split: true
    claims should be SUPPORTS, false ones not SUPPORTS ("all" pools the six sets)."""
    out = {}
    pooled: dict[str, list[bool]] = defaultdict(list)
    for path in sorted(DATA.glob("news_claims*.jsonl")):
        name = path.name.split(".")[0]
        rows = [r for r in _rows(path) if r["label"] != "NOT_ENOUGH_INFO" and r.get("evidence")]
        pred = predict(model, [(r["evidence"], r["claim"]) for r in rows])
        for split in ("dev", "test"):
            for gold, key in (("SUPPORTED", "supports"), ("REFUTED", "refuted_not_supports")):
                got = [
                    (p == "SUPPORTS") == (gold == "SUPPORTED")
                    for r, p in zip(rows, pred, strict=True)
                    if r["split"] == split and r["label"] == gold
                ]
                if got:
                    tag = "" if gold == "SUPPORTED" else "/refuted"
                    out[f"{name}{tag}/{split}"] = {key: sum(got) / len(got), "n": len(got)}
                    pooled[f"all{tag}/{split}"] += got
    for k, got in sorted(pooled.items()):
        key = "refuted_not_supports" if "/refuted" in k else "supports"
        out[k] = {key: sum(got) / len(got), "n": len(got)}
    return out


def news_pairs(model: Any, path: Path) -> dict[str, dict[str, float]]:
    rows = [r for r in _rows(path) if r["split"] == "heldout"]
    pred = predict(model, [(r["premise"], r["claim"]) for r in rows])
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r, p in zip(rows, pred, strict=True):
        gold = LABELS[int(r["label"])]
        for key in (r["kind"], f"{r['kind']}/window{r['window']}", "all"):
            tally[key][0] += _right(r["kind"], gold, p)
            tally[key][1] += 1
    return {k: {"right": v[0] / v[1], "n": v[1]} for k, v in sorted(tally.items())}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", type=Path, default=ROOT / "factcheck" / "models" / "stance")
    ap.add_argument("--news-pairs", type=Path, default=None)
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    from factcheck.backends.stance_torch import CrossEncoderStance

    model = CrossEncoderStance(args.model, quantize=False)
    res: dict[str, Any] = {"model": str(args.model)}
    res["hand_pairs"] = hand_pairs(model)
    res["true_claims"] = true_claims(model)
    if args.news_pairs:
        res["news_pairs_heldout"] = news_pairs(model, args.news_pairs)
    print(f"stance model {args.model}")
    for section in ("hand_pairs", "true_claims", "news_pairs_heldout"):
        for k, v in res.get(section, {}).items():
            score = v.get("right", v.get("supports", v.get("refuted_not_supports")))
            print(f"  {section:18} {k:34} {score:.3f}  (n={int(v['n'])})")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(res, indent=2))


if __name__ == "__main__":
    main()
