"""Whether the stance model could overrule "values match": for every dev-half claim of the
hand-checked sets that the chain calls SUPPORTED because its figures and dates match, the
model's probability that the supporting passage refutes the claim, by gold label. If the
model read opposite wording, the false ones (gold REFUTED) would score high and the true
ones low. The store is the yardsticks' (every news article, the contrast copies).

    python -m benchmarks.values_vs_model [--split dev]"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections import Counter

from benchmarks.harness import NEWS, ROOT, ingest, make_checker

SETS = (
    "news_claims.jsonl",
    "news_claims_2.jsonl",
    "news_claims_3.jsonl",
    "news_claims_4.jsonl",
    "news_claims_5.jsonl",
    "news_claims_6.jsonl",
    "news_claims_7.jsonl",
    "news_claims_8.jsonl",
)
THRESHOLDS = (0.5, 0.7, 0.8, 0.9)


def main(argv: list[str] | None = None) -> int:
    from benchmarks import contrast
    from factcheck.backends.stance import load_default_stance

    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--split", default="dev", choices=["dev"])  # never read a test half
    args = ap.parse_args(argv)
    fc = make_checker("shipped")
    fc.analyzer.warm_up()
    files, _ = contrast.generate([NEWS], fc.analyzer.nlp)
    ingest(fc, files)
    model = load_default_stance("onnx")
    rows = []
    for name in SETS:
        for line in (ROOT / "benchmarks" / "data" / name).read_text(encoding="utf-8").splitlines():
            g = json.loads(line)
            if g["split"] != args.split:
                continue
            day = dt.date.fromisoformat(g["dateline"]) if g.get("dateline") else None
            v = fc.check(g["claim"], dateline=day)
            if not v.rationale.startswith("values match") or not v.evidence:
                continue
            ev = [e for e in v.evidence if e.stance.value == "SUPPORTS"] or list(v.evidence)
            refute = model.probabilities([(ev[0].passage.text, g["claim"])])[0][1]
            rows.append((g["label"], refute))
    print(f"{len(rows)} {args.split} claims called SUPPORTED on matching values")
    print("| model's refute probability | " + " | ".join(f">= {t}" for t in THRESHOLDS) + " |")
    print("|---|" + "---|" * len(THRESHOLDS))
    for gold in sorted({g for g, _ in rows}):
        n = Counter(g for g, _ in rows)[gold]
        cells = [sum(1 for g, p in rows if g == gold and p >= t) for t in THRESHOLDS]
        print(f"| gold {gold} (of {n}) | " + " | ".join(str(c) for c in cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
