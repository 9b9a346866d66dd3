"""Honest speed figures for checking (issue #31, step 1): distinct claims (the hand-checked
news claims, the seed claims and the contrast claims generated from every article of
../shared/data/news) against a store of the really embedded news articles plus filler
passages that are real sentences with their real vectors (the premises of
../shared/data/nli*, embedded once and cached), so that retrieval, parsing and the stance
model all see what a desk's store would give them, and no claim hits a cache another
claim filled.

    python -m benchmarks --only checkset      (in make bench; --quick: smaller)

The filler's vectors are cached in $FACTCHECK_BENCH_CACHE (default ~/.cache/factcheck-bench)
by the embedder's weight hash."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
CACHE = Path(os.environ.get("FACTCHECK_BENCH_CACHE") or Path.home() / ".cache/factcheck-bench")


def filler_sentences(n: int) -> list[str]:
    """Up to ``n`` distinct premises of the NLI files (real sentences of many kinds)."""
    seen: dict[str, None] = {}
    for folder in (SHARED / "nli", SHARED / "nli_extra"):
        for f in sorted(folder.glob("*.jsonl")):
            for line in f.open(encoding="utf-8"):
                try:
                    text = str(json.loads(line).get("premise") or "").strip()
                except ValueError:
                    continue
                if 30 <= len(text) <= 400:
                    seen.setdefault(text, None)
                if len(seen) >= n:
                    return list(seen)
    return list(seen)


def filler_vectors(texts: list[str], embedder: Any) -> np.ndarray:
    """The texts' vectors, from the cache when this embedder has embedded them before."""
    import hashlib

    from factcheck.sources.chroma import embedder_identity

    ident = embedder_identity(embedder).get("embedder_sha256") or type(embedder).__name__
    key = hashlib.sha256(("\n".join(texts) + ident).encode()).hexdigest()[:16]
    path = CACHE / f"filler-{len(texts)}-{key}.npy"
    if path.exists():
        return np.load(path)
    vecs = np.asarray(embedder.embed_documents(texts), dtype=np.float32)
    CACHE.mkdir(parents=True, exist_ok=True)
    np.save(path, vecs)
    return vecs


def write_filler(store: Any, texts: list[str], vecs: np.ndarray, start: int, stop: int) -> None:
    """Filler passages ``start:stop`` into the store, with their precomputed vectors."""
    from factcheck.types import Passage

    for i in range(start, stop, 2000):
        idx = range(i, min(i + 2000, stop))
        part = [
            Passage(
                id=f"filler{j}",
                text=texts[j],
                source_id=f"filler{j // 40}",
                title="filler",
                start=0,
                end=len(texts[j]),
                dateline=dt.date(2015, 1, 1),
            )
            for j in idx
        ]
        store.write(part, vecs[idx.start : idx.stop])


def claim_set(nlp: Any, limit: int) -> list[tuple[str, dt.date | None]]:
    """Distinct claims with their datelines: hand-checked, seed, then contrast claims."""
    from benchmarks.contrast import generate

    out: dict[str, dt.date | None] = {}
    for f in sorted((ROOT / "benchmarks/data").glob("news_claims*.jsonl")):
        for line in f.open(encoding="utf-8"):
            r = json.loads(line)
            out.setdefault(r["claim"], dt.date.fromisoformat(r["dateline"]))
    for line in (ROOT / "tests/fixtures/seed_claims.jsonl").open(encoding="utf-8"):
        out.setdefault(json.loads(line)["claim"], dt.date(2021, 12, 31))
    _, cases = generate([SHARED / "news"], nlp)
    for c in cases:
        out.setdefault(c.claim, c.dateline)
    items = list(out.items())
    random.Random(31).shuffle(items)  # no run of one article's claims in a row
    return items[:limit]


def run(make_checker: Any, row: Any, pct: Any, quick: bool) -> list[dict]:
    n_filler = 2_000 if quick else 20_000
    n_claims = 300 if quick else 1_200
    n_single = 100 if quick else 300
    out = []
    with tempfile.TemporaryDirectory() as d:
        fc = make_checker(d)
        t0 = time.perf_counter()
        from benchmarks.harness import source_files

        res = fc.ingest(source_files([SHARED / "news", ROOT / "seeds"]))
        n_news = res.passages
        ingest_s = time.perf_counter() - t0
        texts = filler_sentences(n_filler)
        vecs = filler_vectors(texts, fc.store.embedder)
        write_filler(fc.store, texts, vecs, 0, len(texts))
        t0 = time.perf_counter()
        # the filler's facts, as an ingest would store them (before issue #31: none)
        analysed = fc.refresh_facts() if hasattr(fc, "refresh_facts") else 0
        if analysed:
            rate = analysed / (time.perf_counter() - t0)
            out.append(
                row("checkset", f"analyse {analysed:,} passages at ingest (/s)", round(rate))
            )
        size = fc.store.count()
        claims = claim_set(fc.analyzer.nlp, n_claims)
        out.append(
            row(
                "checkset",
                f"store: {n_news:,} news passages + {len(texts):,} filler = {size:,}",
                f"ingest {ingest_s:.0f} s",
            )
        )
        for c, day in claims[:5]:
            fc.check(c, dateline=day)
        lat = []
        for c, day in claims[5 : 5 + n_single]:
            t = time.perf_counter()
            fc.check(c, dateline=day)
            lat.append((time.perf_counter() - t) * 1000)
        out.append(
            row(
                "checkset",
                f"warm check p50 / p95 ms ({len(lat)} distinct claims, one by one)",
                f"{pct(lat, 50):.0f} / {pct(lat, 95):.0f}",
            )
        )
        rest = claims[5 + n_single :]
        # A batch in a process of its own (`factcheck batch`): nothing parsed before.
        fc.analyzer._cache.clear()
        # Grouped by dateline, as `factcheck batch` groups its rows.
        t = time.perf_counter()
        n = 0
        for day in sorted({d for _, d in rest}, key=str):
            group = [c for c, d in rest if d == day]
            n += sum(1 for _ in fc.check_many(group, dateline=day))
        rate = n / (time.perf_counter() - t)
        out.append(
            row(
                "checkset",
                f"check_many claims/s ({n:,} distinct claims, not seen before)",
                round(rate, 1),
            )
        )
    return out
