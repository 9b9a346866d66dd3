"""How often the opposite-evaluation rule (rules/opposites.py) fires, per kind of pair made
from the news articles by the frozen generator of scripts/stance_news_pairs.py:

    make stance-data                     # writes benchmarks/out/stance/data/news_pairs.jsonl
    python -m benchmarks.opposites [--pairs F] [--split heldout|train|all]

The rule should fire on ``opposite`` pairs (an evaluative word swapped for one of the other
polarity: REFUTES) and on no pair whose label is SUPPORTS or NEUTRAL (a reported-speech
rewrite, a shortened sentence, a hard neutral of the same story). It reads the same
lexicon the generator swapped words from, so its recall here is an upper bound: what it
measures is the alignment (the same things, in the same roles) and the false alarms.
One-sentence premises only (windows are the chain's business, not one comparison's)."""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from factcheck.rules.compare import assess
from factcheck.rules.opposites import opposite
from factcheck.thresholds import DEFAULT

PAIRS = Path(__file__).resolve().parent / "out" / "stance" / "data" / "news_pairs.jsonl"
LABELS = {0: "SUPPORTS", 1: "REFUTES", 2: "NEUTRAL"}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pairs", type=Path, default=PAIRS)
    ap.add_argument("--split", default="heldout", choices=["heldout", "train", "all"])
    ap.add_argument("--limit", type=int, default=4000, help="pairs per kind at most")
    args = ap.parse_args()
    if not args.pairs.exists():
        raise SystemExit(f"{args.pairs} not found: run `make stance-data` first")
    from factcheck.nlp.facts import Analyzer

    analyzer = Analyzer()
    rows = [json.loads(line) for line in args.pairs.open(encoding="utf-8")]
    rows = [
        r
        for r in rows
        if int(r.get("window", 1)) == 1 and (args.split == "all" or r.get("split") == args.split)
    ]
    per_kind: Counter[str] = Counter()
    fired: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    for r in rows:
        kind = f"{r['kind']} ({LABELS[int(r['label'])]})"
        if per_kind[kind] >= args.limit:
            continue
        per_kind[kind] += 1
        claim, premise = analyzer.analyze(r["claim"]), analyzer.analyze(r["premise"])
        a = assess(claim, premise, 0.0, DEFAULT)
        if a.overlap < DEFAULT.negation_overlap:
            continue
        found = opposite(claim, premise, DEFAULT.opposite_valence, stated=not a.unverified)
        if found:
            fired[kind] += 1
            examples.setdefault(kind, []).append(f"{found}: {r['claim'][:100]}")
    print(f"pairs: {args.pairs} (split {args.split}, one-sentence premises)")
    print(f"{'kind (label)':32} {'pairs':>6} {'rule fires':>10} {'rate':>6}")
    for kind in sorted(per_kind):
        n, k = per_kind[kind], fired[kind]
        print(f"{kind:32} {n:6d} {k:10d} {k / n:6.3f}")
    for kind, ex in sorted(examples.items()):
        if "REFUTES" not in kind:
            print(f"\nfalse alarms, {kind}:")
            for e in ex[:10]:
                print("  ", e)


if __name__ == "__main__":
    main()
