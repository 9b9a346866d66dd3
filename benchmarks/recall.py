"""Retrieval as the archive grows (issue #31, step 4): for each hand-checked news claim
with a gold evidence sentence (benchmarks/data/news_claims*.jsonl), is a passage holding
that sentence among the top k retrieved, with the news articles alone and with real
filler passages added (premises of ../shared/data/nli*, real vectors, cached; see
benchmarks/checkset.py)?

Three retrievals are measured: ``dense``, the vector search alone; ``check``, what a
check compares: the vector search's pool joined by the passages naming the claim's
names (the word index, sources/named.py), ranked with the claim's time and names first,
cut to k (the pipeline's retrieve step); and ``compared``, those with what a check
compares beyond them: the sentence after each of the best three, and the passages of the
best two articles that hold most of the claim's words (retrieval.extra_passages).

    python -m benchmarks.recall [--filler 0 20000 ...] [--k 5 10] [--set article_matches=0]
    python -m benchmarks.recall --scale-store   (also the cached store of benchmarks.scale,
                                                 news articles plus up to a million archive
                                                 passages, when it has been built)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import tempfile
from pathlib import Path
from typing import Any

from benchmarks import checkset

ROOT = Path(__file__).resolve().parent.parent


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def gold_claims(split: str = "all") -> list[tuple[str, str, str, dt.date | None]]:
    """(claim, source file, evidence sentence, dateline) for every hand-checked claim with
    a gold evidence sentence, of one ``split`` ("dev", "test") or of both ("all")."""
    out = []
    for f in sorted((ROOT / "benchmarks/data").glob("news_claims*.jsonl")):
        for line in f.open(encoding="utf-8"):
            r = json.loads(line)
            if split != "all" and r.get("split") != split:
                continue
            if (r.get("evidence") or "").strip():
                day = dt.date.fromisoformat(r["dateline"]) if r.get("dateline") else None
                out.append((r["claim"], r["source"], _norm(r["evidence"]), day))
    return out


def holds(passage_text: str, evidence: str) -> bool:
    p = _norm(passage_text)
    return evidence in p or (len(p) > 40 and p in evidence)


def _rank(passages: list[Any], src: str, evidence: str) -> int | None:
    for i, p in enumerate(passages):
        if Path(p.source_id).name == src and holds(p.text, evidence):
            return i
    return None


def recall(
    fc: Any,
    claims: list[tuple[str, str, str, dt.date | None]],
    ks: list[int],
    missed: list[str] | None = None,
) -> dict:
    """{(mode, k): share of claims whose gold passage is in the top k}; ``missed`` gains
    the claims whose gold passage is not compared at the smallest k."""
    from factcheck.pipeline.steps import ClaimRequest

    found: dict[tuple[str, int], int] = {}
    for claim, src, evidence, _ in claims:
        r = _rank(fc.store.search(claim, k=max(ks)), src, evidence)
        for k in ks:
            found["dense", k] = found.get(("dense", k), 0) + (r is not None and r < k)
    pipe = fc.pipeline
    keep = pipe.k
    states = pipe.prepare_many([ClaimRequest(c, day) for c, _, _, day in claims])
    try:
        for k in ks:
            pipe.k = k
            done = pipe.retrieve_many(list(states))
            more = _compared(fc, done)
            for (claim, src, evidence, _), s, m in zip(claims, done, more, strict=True):
                ok = not isinstance(s, Exception) and _rank(s.passages, src, evidence) is not None
                found["check", k] = found.get(("check", k), 0) + ok
                ok = ok or _rank(m, src, evidence) is not None
                found["compared", k] = found.get(("compared", k), 0) + ok
                if not ok and missed is not None and k == min(ks):
                    missed.append(claim)
    finally:
        pipe.k = keep
    return {key: n / len(claims) for key, n in found.items()}


def _compared(fc: Any, done: list[Any]) -> list[list[Any]]:
    """Per claim, the passages a check compares beyond those retrieved: the sentence after
    its best passages and its words in its best articles (retrieval.extra_passages)."""
    ok = [s for s in done if not isinstance(s, Exception)]
    ids = [q for s in ok for p in s.passages for q in (p.prev_id, p.next_id, p.lead_id)]
    it = iter(fc.pipeline.extras(ok, fc.store.get_passages(ids)))
    return [[] if isinstance(s, Exception) else next(it) for s in done]


def _print(rows: list[tuple[str, int, dict]], ks: list[int]) -> None:
    modes = ("dense", "check", "compared")
    cols = [f"{m} @{k}" for m in modes for k in ks]
    print("| store | passages | " + " | ".join(cols) + " |")
    print("|---|---|" + "---|" * len(cols))
    for label, size, rec in rows:
        vals = " | ".join(f"{rec[m, k]:.3f}" for m in modes for k in ks)
        print(f"| {label} | {size:,} | {vals} |")


def main() -> None:
    from benchmarks.bench import _checker, _client
    from benchmarks.harness import apply_overrides, parse_overrides, source_files

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--filler", type=int, nargs="*", default=[0, 20_000])
    ap.add_argument("--k", type=int, nargs="*", default=[5, 10, 20])
    ap.add_argument("--scale-store", action="store_true", help="also benchmarks.scale's store")
    ap.add_argument("--set", nargs="*", default=[], metavar="NAME=VALUE", help="thresholds")
    ap.add_argument("--split", choices=("all", "dev", "test"), default="all")
    ap.add_argument("--show-missed", action="store_true", help="the claims not compared")
    args = ap.parse_args()
    overrides = parse_overrides(args.set)
    claims = gold_claims(args.split)
    missed: list[str] = []
    rows = []
    with tempfile.TemporaryDirectory() as d:
        fc = _checker(_client(d))
        apply_overrides(fc, overrides)
        fc.ingest(source_files([checkset.SHARED / "news", ROOT / "seeds"]))
        texts = checkset.filler_sentences(max(args.filler, default=0))
        vecs = checkset.filler_vectors(texts, fc.store.embedder) if texts else None
        written = 0
        for n in sorted(args.filler):
            if vecs is not None:
                checkset.write_filler(fc.store, texts, vecs, written, min(n, len(texts)))
            written = max(written, min(n, len(texts)))
            label = "articles" if not written else f"articles + {written:,} filler"
            rows.append((label, fc.store.count(), recall(fc, claims, args.k, missed)))
            _print(rows[-1:], args.k)
            if args.show_missed:
                print(f"not compared at k = {min(args.k)}:", *missed, sep="\n  ")
            missed.clear()
    if args.scale_store:
        from benchmarks.scale import open_cached

        fc = open_cached()
        apply_overrides(fc, overrides)
        rows.append(("benchmarks.scale store", fc.store.count(), recall(fc, claims, args.k)))
    print(f"{len(claims)} hand-checked claims ({args.split}) with a gold evidence sentence")
    _print(rows, args.k)


if __name__ == "__main__":
    main()
