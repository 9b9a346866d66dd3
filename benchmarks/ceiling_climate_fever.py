"""How far can the chain's own signals go on Climate-FEVER (gold evidence, 3-way)?

    python -m benchmarks.ceiling_climate_fever [--model DIR]

For every claim and its five gold sentences, collects what the chain sees: the stance
model's probabilities, the embedding similarity, and the rule stance of each sentence. Then
fits a logistic regression on those claim-level signals *on Climate-FEVER itself* (5-fold
cross-validation). This is not a result of the product (it trains on the test data); it is
an upper reference for any threshold or aggregation rule over the same signals: if even it
stays low, only a better stance model can raise the chain's accuracy.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import numpy as np

from .eval_climate_fever import gold_setup, load

LABELS = {"SUPPORTS": 0, "REFUTES": 1, "NOT_ENOUGH_INFO": 2}


def signals(model: Path | None, limit: int = 0) -> tuple[np.ndarray, np.ndarray]:
    from factcheck.rules.compare import assess, conclude

    from . import eval_climate_fever as ecf

    ecf.MODEL_DIR = model
    rows = [r for r in load(limit) if r["claim_label"] in LABELS]
    fc, all_reqs = gold_setup(rows, True)
    v = fc.pipeline
    feats, gold = [], []
    for i in range(0, len(rows), 128):
        chunk = rows[i : i + 128]
        prepared = v.prepare_many(all_reqs[i : i + 128])
        states = v.retrieve_many([s for s in prepared if not isinstance(s, Exception)])
        allp = [p for s in states for p in s.passages]
        facts = dict(zip([p.id for p in allp], v._analyze_passages(allp), strict=True))
        assert v.stance is not None
        probs = iter(v.stance([(p.text, s.claim.text) for s in states for p in s.passages]))
        for r, s in zip(chunk, states, strict=True):
            ps, pr, sim, sup, ref = [], [], [], 0, 0
            for p in s.passages:
                pb = next(probs)
                st = conclude(assess(s.facts, facts[p.id], p.score or 0.0), pb).stance.value
                ps.append(pb.supports)
                pr.append(pb.refutes)
                sim.append(p.score or 0.0)
                sup += st == "SUPPORTS"
                ref += st == "REFUTES"
            feats.append(
                [max(ps), max(pr), max(sim), np.mean(ps), np.mean(pr), np.mean(sim), sup, ref]
            )
            gold.append(LABELS[r["claim_label"]])
    return np.array(feats), np.array(gold)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--model", type=Path, default=None, help="a stance model folder to use")
    ap.add_argument("--limit", type=int, default=0, help="only the first N claims (smoke run)")
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_score

    x, y = signals(args.model, args.limit)
    print(
        f"Climate-FEVER gold evidence, 3-way: {len(y)} claims; majority class "
        f"{np.bincount(y).max() / len(y):.3f}"
    )
    print("logistic regression fitted on Climate-FEVER itself, 5-fold CV accuracy:")
    for name, cols in [
        ("max similarity only", [2]),
        ("stance model (max probabilities)", [0, 1]),
        ("stance model + similarity", [0, 1, 2]),
        ("all signals (+ means, rule stance counts)", list(range(8))),
    ]:
        acc = cross_val_score(LogisticRegression(max_iter=2000), x[:, cols], y, cv=5).mean()
        print(f"  {name:<45} {acc:.3f}")


if __name__ == "__main__":
    main()
