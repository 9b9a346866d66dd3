"""Every news yardstick for one stance model, from one store; and the dev-only threshold
search that chooses a model's thresholds.

    python -m benchmarks.yardsticks [--model shipped|none|DIR] [--set K=V ...] [--json OUT]
    python -m benchmarks.yardsticks --model DIR --tune   # search on the dev halves only

Reports, for the model: the contrast benchmark (benchmarks/contrast.py; dev and test
halves), the hand-checked news claims (benchmarks/news_claims.py; dev and test), both
checked against one store of ../shared/data/news/ and the seed, and the seed fixture
(tests/fixtures/seed_claims.jsonl) against a store of the seed alone, as its test does.
Climate-FEVER is a separate script (benchmarks/eval_climate_fever.py --model ...).

``--tune`` scores a small grid of the stance thresholds on the dev halves only (the
objective: mean dev accuracy minus half the mean false-SUPPORTED rate, over the contrast
dev half and every hand-checked set's dev half alike, since an invented fact waved
through costs a desk most), then reports every split with the best point. The
stance model's answers are cached per pair, so the grid costs one model pass.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import sys
from pathlib import Path
from typing import Any

from benchmarks import contrast, news_claims
from benchmarks.harness import (
    NEWS,
    ROOT,
    SEED_DIR,
    Case,
    apply_overrides,
    check_cases,
    ingest,
    make_checker,
    parse_overrides,
    score,
    settings_report,
    source_files,
)

SEED_FIXTURE = ROOT / "tests" / "fixtures" / "seed_claims.jsonl"
SEED_DATE = dt.date(2021, 12, 31)
GRID = {
    "model_support": [0.3, 0.4, 0.5, 0.6],
    "model_refute": [0.5, 0.6, 0.7],
    "paraphrase_similarity": [0.6, 0.7],
}


class CachedStance:
    """The stance function with its answers kept per (passage, claim)."""

    def __init__(self, fn: Any) -> None:
        self.fn = fn
        self.cache: dict[tuple[str, str], Any] = {}

    def __call__(self, pairs: list[tuple[str, str]]) -> list[Any]:
        todo = [p for p in dict.fromkeys(pairs) if p not in self.cache]
        if todo:
            self.cache.update(zip(todo, self.fn(todo), strict=True))
        return [self.cache[p] for p in pairs]

    def __getattr__(self, name: str) -> Any:  # provenance reads the model's name and path
        return getattr(self.fn, name)


SPLITS = ("dev", "test")
# The hand-checked sets by the name their rows carry in the report: the first, then the
# second (other articles), the third (others again), the fourth (the last unused
# articles), the fifth and the sixth (written blind, any article), the seventh (time and
# reported speech, dev only) and the eighth (those kinds, written blind).
HAND_SETS = {
    "news": news_claims.DATA,
    "news2": news_claims.DATA2,
    "news3": news_claims.DATA3,
    "news4": news_claims.DATA4,
    "news5": news_claims.DATA5,
    "news6": news_claims.DATA6,
    "news7": news_claims.DATA7,
    "news8": news_claims.DATA8,
}


def seed_cases() -> list[Case]:
    rows = [json.loads(x) for x in SEED_FIXTURE.read_text(encoding="utf-8").splitlines() if x]
    return [
        Case(f"seed-{i}", r["claim"], r["label"], r.get("why", ""), "seed", SEED_DATE)
        for i, r in enumerate(rows)
    ]


def _seed_accuracy(cases: list[Case], preds: list[str]) -> dict[str, Any]:
    ok = sum(p == c.label for c, p in zip(cases, preds, strict=True))
    return {"claims": len(cases), "correct": ok, "accuracy": round(ok / len(cases), 3)}


class Yardsticks:
    def __init__(self, model: str, news: Path = NEWS) -> None:
        self.fc = make_checker(model)
        if self.fc.pipeline.stance is not None:
            self.fc.pipeline.stance = CachedStance(self.fc.pipeline.stance)
        self.fc.analyzer.warm_up()
        files, all_contrast = contrast.generate([news], self.fc.analyzer.nlp)
        ingest(self.fc, files)
        self.contrast = {
            s: [c for c in all_contrast if contrast.split_of(c.article) == s] for s in SPLITS
        }
        # the hand-checked sets, each split by article (benchmarks/data/README.md)
        self.hand = {
            name: {s: news_claims.cases([r for r in rows if r["split"] == s]) for s in SPLITS}
            for name, path in HAND_SETS.items()
            for rows in [news_claims.load(path)]
        }
        # The seed fixture runs against a store of the seed alone (as its test does), with
        # the same analyzer and stance model.
        self.seed_fc = make_checker("none")
        self.seed_fc.analyzer = self.fc.analyzer
        self.seed_fc.pipeline.analyzer = self.fc.analyzer
        self.seed_fc.pipeline.stance = self.fc.pipeline.stance
        ingest(self.seed_fc, source_files([SEED_DIR]))
        self.seed = seed_cases()
        self.record: list[dict[str, Any]] = []

    def run(self, overrides: dict[str, float], splits: tuple[str, ...]) -> dict[str, Any]:
        apply_overrides(self.fc, overrides)
        apply_overrides(self.seed_fc, overrides)
        out: dict[str, Any] = {"overrides": overrides}
        for s in splits:
            for name, cases in (
                ("contrast", self.contrast[s]),
                *((n, sets[s]) for n, sets in self.hand.items()),
            ):
                if not cases:
                    continue  # a set with no such half (the seventh has no test half)
                confs: list[float] = []
                preds = check_cases(self.fc, cases, self.record, confs)
                out[f"{name}_{s}"] = score(cases, preds, confs)
        if "test" in splits:
            out["seed"] = _seed_accuracy(
                self.seed, check_cases(self.seed_fc, self.seed, self.record)
            )
        return out


def objective(r: dict[str, Any]) -> float:
    """Mean dev accuracy minus half the mean dev false-SUPPORTED rate, over the contrast
    benchmark's dev half and every hand-checked set's dev half, each set weighing the same."""
    dev = [r[k] for k in (f"{n}_dev" for n in ("contrast", *HAND_SETS)) if k in r]
    acc = sum(x["accuracy"] for x in dev) / len(dev)
    fs = sum(x["false_supported"] for x in dev) / len(dev)
    return acc - 0.5 * fs


def summary(r: dict[str, Any]) -> str:
    parts = []
    for k in (f"{n}_{s}" for n in ("contrast", *HAND_SETS) for s in SPLITS):
        if k in r:
            x = r[k]
            parts.append(
                f"{k} acc {x['accuracy']:.3f} falseSUP {x['false_supported']:.3f}"
                f" supRecall {x['supported_recall']} trueREF {x['true_called_refuted']}"
                f" conf>=0.9 right {x['confident']['right']} (n={x['confident']['n']})"
            )
    if "seed" in r:
        parts.append(f"seed {r['seed']['correct']}/{r['seed']['claims']}")
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", default="shipped", help="shipped | none | a model folder")
    ap.add_argument("--set", nargs="*", default=[], metavar="NAME=VALUE")
    ap.add_argument("--tune", action="store_true", help="grid search on the dev halves")
    ap.add_argument("--news", type=Path, default=NEWS)
    ap.add_argument("--json", type=Path)
    ap.add_argument(
        "--dump", type=Path, help="write every verdict (label, confidence, rationale) as JSONL"
    )
    args = ap.parse_args(argv)
    y = Yardsticks(args.model, args.news)
    base = parse_overrides(args.set)
    result: dict[str, Any] = {"model": args.model}
    if args.tune:
        trials = []
        for values in itertools.product(*GRID.values()):
            o = base | dict(zip(GRID, values, strict=True))
            r = y.run(o, ("dev",))
            trials.append((objective(r), o))
            print(f"{objective(r):.4f} {o} {summary(r)}", flush=True)
        best = max(trials, key=lambda t: t[0])[1]
        result["grid"] = [{"objective": round(s, 4), **o} for s, o in trials]
        result["best"] = best
        base = best
    y.record.clear()
    r = y.run(base, ("dev", "test"))
    if args.dump:
        args.dump.parent.mkdir(parents=True, exist_ok=True)
        args.dump.write_text("".join(json.dumps(x) + "\n" for x in y.record), encoding="utf-8")
    result |= r
    result["settings"] = settings_report(y.fc)
    print(f"\nmodel {args.model}, thresholds {base}:\n{summary(r)}")
    for k in (f"{n}_test" for n in ("contrast", *HAND_SETS) if f"{n}_test" in r):
        print(f"{k}: by kind {r[k]['by_kind']}\n  precision {r[k]['precision']}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
