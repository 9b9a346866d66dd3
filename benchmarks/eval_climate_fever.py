"""Climate-FEVER evaluation of the whole verification chain, in the two set-ups of
../shared/data/README.md. Usage:

    python -m benchmarks.eval_climate_fever [--setup gold|open|both] [--no-stance] [--limit N]

gold: each claim against its own five evidence sentences (retrieval filtered to them).
open: every distinct evidence sentence in one store; each claim against the whole store;
      also retrieval recall@k (a gold SUPPORTS/REFUTES sentence in the top k).
3-way drops DISPUTED claims and counts a CONFLICTING prediction as NOT_ENOUGH_INFO (neither
side); 4-way keeps DISPUTED as CONFLICTING. The data is read from ../shared at run time.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "climate-fever.jsonl"
GOLD_MAP = {
    "SUPPORTS": "SUPPORTED",
    "REFUTES": "REFUTED",
    "NOT_ENOUGH_INFO": "NOT_ENOUGH_INFO",
    "DISPUTED": "CONFLICTING",
}
LABELS3 = ["SUPPORTED", "REFUTED", "NOT_ENOUGH_INFO"]
LABELS4 = [*LABELS3, "CONFLICTING"]


def load(limit: int = 0) -> list[dict]:
    if not DATA.exists():
        sys.exit(f"missing {DATA}: the shared data folder must sit next to the project")
    rows = [json.loads(line) for line in DATA.open(encoding="utf-8")]
    return rows[:limit] if limit else rows


def metrics(gold: list[str], pred: list[str], labels: list[str]) -> dict:
    cm = {g: dict.fromkeys(labels, 0) for g in labels}
    for g, p in zip(gold, pred, strict=True):
        cm[g][p if p in labels else "NOT_ENOUGH_INFO"] += 1
    f1s, precision = {}, {}
    for lab in labels:
        tp = cm[lab][lab]
        fp = sum(cm[g][lab] for g in labels if g != lab)
        fn = sum(cm[lab][p] for p in labels if p != lab)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        precision[lab] = prec
        f1s[lab] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    acc = sum(cm[g][g] for g in labels) / max(1, len(gold))
    return {
        "n": len(gold),
        "accuracy": round(acc, 4),
        "macro_f1": round(sum(f1s.values()) / len(labels), 4),
        "f1": {k: round(v, 4) for k, v in f1s.items()},
        # What a desk reads first: how often a SUPPORTED (or REFUTED) verdict is right.
        "precision": {k: round(v, 4) for k, v in precision.items()},
        "confusion": cm,
        "majority": round(max(Counter(gold).values()) / max(1, len(gold)), 4),
    }


def print_metrics(title: str, m: dict, labels: list[str]) -> None:
    print(
        f"\n{title}: n={m['n']} accuracy={m['accuracy']:.3f} macro-F1={m['macro_f1']:.3f} "
        f"(majority class {m['majority']:.3f})"
    )
    print("  per-class F1: " + ", ".join(f"{k} {v:.3f}" for k, v in m["f1"].items()))
    print("  precision:    " + ", ".join(f"{k} {v:.3f}" for k, v in m["precision"].items()))
    short = {"SUPPORTED": "SUP", "REFUTED": "REF", "NOT_ENOUGH_INFO": "NEI", "CONFLICTING": "CON"}
    print("  gold \\ pred  " + " ".join(f"{short[x]:>5}" for x in labels))
    for g in labels:
        print(f"  {short[g]:<11} " + " ".join(f"{m['confusion'][g][p]:>5}" for p in labels))


THRESHOLDS: dict = {}  # overrides for compare.Thresholds, from the command line
MODEL_DIR: Path | None = None  # another stance model (--model), e.g. a retrained one
BACKEND = "onnx"  # or "torch" (--backend)


def build_checker(use_stance: bool):
    import chromadb

    from factcheck.api import FactChecker
    from factcheck.backends.embedders import default_embedder
    from factcheck.backends.stance import load_default_stance
    from factcheck.config import Settings
    from factcheck.sources.store import PassageStore

    client = chromadb.EphemeralClient(settings=chromadb.Settings(anonymized_telemetry=False))
    store = PassageStore(client, default_embedder(BACKEND), f"cf{uuid.uuid4().hex[:8]}")
    if not use_stance:
        stance = None
    elif MODEL_DIR is not None:
        from factcheck.backends.stance_torch import CrossEncoderStance

        stance = CrossEncoderStance(MODEL_DIR, quantize=False)  # fp32, as the default serves
    else:
        stance = load_default_stance(BACKEND)
    fc = FactChecker(store, settings=Settings(use_stance_model=use_stance), stance=stance)
    if THRESHOLDS:
        from dataclasses import replace

        fc.pipeline.thresholds = replace(fc.pipeline.thresholds, **THRESHOLDS)
    return fc


def write_passages(fc, items: list[tuple[str, ...]]) -> None:
    """items: (passage id, text, source id[, title]); one embedding batch, no sentence
    splitting. The title is the evidence's Wikipedia article, as a passage's headline."""
    from factcheck.types import Passage

    ps = [
        Passage(id=it[0], text=it[1], source_id=it[2], title=it[-1], start=0, end=len(it[1]))
        for it in items
    ]
    vecs = fc.store.embedder.embed_documents([p.text for p in ps])
    fc.store.write(ps, vecs)


def gold_setup(rows: list[dict], use_stance: bool) -> tuple[Any, list[Any]]:
    """A checker whose store holds every claim's five gold sentences, and one request per
    claim whose retrieval is filtered to its own five."""
    from factcheck.pipeline.steps import ClaimRequest

    fc = build_checker(use_stance)
    items = [
        (f"{r['claim_id']}:{j}", e["evidence"], f"claim-{r['claim_id']}", e["article"])
        for r in rows
        for j, e in enumerate(r["evidences"])
    ]
    write_passages(fc, items)
    # gold set-up: all five sentences are the evidence
    fc.pipeline.min_score = -1.0
    reqs = [ClaimRequest(r["claim"], None, {"source_id": f"claim-{r['claim_id']}"}) for r in rows]
    return fc, reqs


DUMP: list[dict] = []  # every gold-set-up verdict, for --dump


def run_gold(rows: list[dict], use_stance: bool) -> tuple[list[str], list[str]]:
    fc, reqs = gold_setup(rows, use_stance)
    preds = []
    for i in range(0, len(reqs), 64):
        for r, v in zip(rows[i : i + 64], fc.chain.batch(reqs[i : i + 64]), strict=True):
            preds.append(v.label.value)
            DUMP.append(
                {
                    "id": r["claim_id"],
                    "label": v.label.value,
                    "confidence": round(v.confidence, 3),
                    "rationale": v.rationale,
                }
            )
        print(f"  gold: {len(preds)}/{len(reqs)}", file=sys.stderr, end="\r")
    return [GOLD_MAP[r["claim_label"]] for r in rows], preds


def run_open(rows: list[dict], use_stance: bool, k: int) -> tuple[list[str], list[str], dict]:
    fc = build_checker(use_stance)
    seen: dict[str, tuple[str, str, str]] = {}
    for r in rows:
        for e in r["evidences"]:
            seen.setdefault(e["evidence_id"], (e["evidence_id"], e["evidence"], e["article"]))
    write_passages(fc, list(seen.values()))
    claims = [r["claim"] for r in rows]
    docs = fc.retriever.search_many(claims)
    hits, with_gold = 0, 0
    for r, ds in zip(rows, docs, strict=True):
        gold_ids = {
            e["evidence_id"]
            for e in r["evidences"]
            if e["evidence_label"] in ("SUPPORTS", "REFUTES")
        }
        if gold_ids:
            with_gold += 1
            hits += bool(gold_ids & {d.id for d in ds[:k]})
    preds = []
    for i in range(0, len(claims), 64):
        preds += [v.label.value for v in fc.check_many(claims[i : i + 64])]
        print(f"  open: {len(preds)}/{len(claims)}", file=sys.stderr, end="\r")
    recall = {
        "k": k,
        "claims_with_gold": with_gold,
        "recall": round(hits / max(1, with_gold), 4),
        "passages": len(seen),
    }
    return [GOLD_MAP[r["claim_label"]] for r in rows], preds, recall


def report(setup: str, gold: list[str], pred: list[str]) -> dict:
    keep = [i for i, g in enumerate(gold) if g != "CONFLICTING"]
    g3 = [gold[i] for i in keep]
    p3 = ["NOT_ENOUGH_INFO" if pred[i] == "CONFLICTING" else pred[i] for i in keep]
    m3, m4 = metrics(g3, p3, LABELS3), metrics(gold, pred, LABELS4)
    print_metrics(f"{setup}, 3-way (no DISPUTED)", m3, LABELS3)
    m3["vs_majority_ci95"] = lo, hi = margin_over_majority(g3, p3)
    print(f"  accuracy minus majority class: 95% paired bootstrap interval [{lo:+.3f}, {hi:+.3f}]")
    print_metrics(f"{setup}, 4-way (DISPUTED = CONFLICTING)", m4, LABELS4)
    return {"3way": m3, "4way": m4}


def margin_over_majority(
    gold: list[str], pred: list[str], rounds: int = 2000, seed: int = 7
) -> tuple[float, float]:
    """95% interval of (accuracy - majority-class accuracy), resampling claims with
    replacement: how sure the margin over always answering the commonest label is."""
    import random

    top = Counter(gold).most_common(1)[0][0]
    diff = [int(g == p) - int(g == top) for g, p in zip(gold, pred, strict=True)]
    rng = random.Random(seed)
    n = len(diff)
    means = sorted(sum(rng.choices(diff, k=n)) / n for _ in range(rounds))
    return round(means[int(0.025 * rounds)], 4), round(means[int(0.975 * rounds) - 1], 4)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--setup", choices=["gold", "open", "both"], default="both")
    ap.add_argument("--no-stance", action="store_true", help="without the stance model")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--k", type=int, default=5)
    ap.add_argument("--out", type=Path, default=None, help="also write the figures as JSON")
    ap.add_argument("--offset", type=int, default=0, help="skip the first N claims")
    ap.add_argument("--model", type=Path, default=None, help="a stance model folder to use")
    ap.add_argument("--backend", choices=["onnx", "torch"], default="onnx")
    ap.add_argument(
        "--dump",
        type=Path,
        default=None,
        help="write every gold verdict (label, confidence,"
        " rationale) as JSONL, to diff two versions of the code",
    )
    ap.add_argument(
        "--set",
        nargs="*",
        default=[],
        metavar="NAME=VALUE",
        help="override a compare.Thresholds field, e.g. paraphrase_similarity=0.5",
    )
    args = ap.parse_args()
    global MODEL_DIR, BACKEND
    MODEL_DIR = args.model
    BACKEND = args.backend
    for kv in args.set:
        k, _, v = kv.partition("=")
        THRESHOLDS[k] = float(v)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    rows = load(args.limit + args.offset if args.limit else 0)[args.offset :]
    use_stance = not args.no_stance
    from factcheck.backends.stance import load_default_stance

    has_model = load_default_stance() is not None
    print(
        f"Climate-FEVER: {len(rows)} claims; stance model: "
        f"{'on' if use_stance and has_model else 'off'}"
    )
    out: dict = {"stance_model": use_stance and has_model}
    t0 = time.time()
    if args.setup in ("gold", "both"):
        gold, pred = run_gold(rows, use_stance)
        out["gold"] = report("gold evidence", gold, pred)
    if args.setup in ("open", "both"):
        gold, pred, recall = run_open(rows, use_stance, args.k)
        out["open"] = report("open store", gold, pred)
        out["open"]["retrieval"] = recall
        print(
            f"\nopen store retrieval: recall@{args.k} = {recall['recall']:.3f} over "
            f"{recall['claims_with_gold']} claims with a gold SUPPORTS/REFUTES sentence "
            f"({recall['passages']} passages)"
        )
    print(f"\n{time.time() - t0:.0f}s")
    if args.dump:
        args.dump.parent.mkdir(parents=True, exist_ok=True)
        args.dump.write_text("".join(json.dumps(x) + "\n" for x in DUMP), encoding="utf-8")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
