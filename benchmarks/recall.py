"""Retrieval as the archive grows (issue #31, step 4): for each hand-checked news claim
with a gold evidence sentence (benchmarks/data/news_claims*.jsonl), is a passage holding
that sentence among the top k retrieved, with the news articles alone and with real
filler passages added (premises of ../shared/data/nli*, real vectors, cached; see
benchmarks/checkset.py)?

    python -m benchmarks.recall [--filler 0 20000 ...] [--k 5 10]
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
from pathlib import Path

from benchmarks import checkset

ROOT = Path(__file__).resolve().parent.parent


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def gold_claims() -> list[tuple[str, str, str]]:
    """(claim, source file, evidence sentence) for every hand-checked claim with one."""
    out = []
    for f in sorted((ROOT / "benchmarks/data").glob("news_claims*.jsonl")):
        for line in f.open(encoding="utf-8"):
            r = json.loads(line)
            if (r.get("evidence") or "").strip():
                out.append((r["claim"], r["source"], _norm(r["evidence"])))
    return out


def holds(passage_text: str, evidence: str) -> bool:
    p = _norm(passage_text)
    return evidence in p or (len(p) > 40 and p in evidence)


def main() -> None:
    from benchmarks.bench import _checker, _client
    from benchmarks.harness import source_files

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--filler", type=int, nargs="*", default=[0, 20_000])
    ap.add_argument("--k", type=int, nargs="*", default=[5, 10, 20])
    args = ap.parse_args()
    claims = gold_claims()
    rows = []
    with tempfile.TemporaryDirectory() as d:
        fc = _checker(_client(d))
        fc.ingest(source_files([checkset.SHARED / "news", ROOT / "seeds"]))
        texts = checkset.filler_sentences(max(args.filler))
        vecs = checkset.filler_vectors(texts, fc.store.embedder)
        written = 0
        for n in sorted(args.filler):
            checkset.write_filler(fc.store, texts, vecs, written, min(n, len(texts)))
            written = max(written, min(n, len(texts)))
            kmax = max(args.k)
            found = {k: 0 for k in args.k}
            for claim, src, evidence in claims:
                hits = fc.store.search(claim, k=kmax)
                ranks = [
                    i
                    for i, p in enumerate(hits)
                    if Path(p.source_id).name == src and holds(p.text, evidence)
                ]
                for k in args.k:
                    found[k] += bool(ranks and ranks[0] < k)
            rows.append((fc.store.count(), written, {k: found[k] / len(claims) for k in args.k}))
    print(f"{len(claims)} hand-checked claims with a gold evidence sentence")
    print("| passages | filler | " + " | ".join(f"recall@{k}" for k in args.k) + " |")
    print("|---|---|" + "---|" * len(args.k))
    for size, filler, rec in rows:
        print(f"| {size:,} | {filler:,} | " + " | ".join(f"{rec[k]:.3f}" for k in args.k) + " |")


if __name__ == "__main__":
    main()
