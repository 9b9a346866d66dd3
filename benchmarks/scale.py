"""A million passages on one machine (issue #31, step 3): how the store, retrieval and
checking hold up as the archive grows, measured at each size in one table.

    python -m benchmarks.scale [--sizes 10000 100000 1000000] [--unique 100000] [--rebuild]
    python -m benchmarks.scale --time-queries    (the cached store: vector vs name query)
    python -m benchmarks.scale --sizes 100000 --server   (then the same behind `chroma run`)
    python -m benchmarks --only scale     (make bench: FACTCHECK_BENCH_SCALE="10000,100000"
                                           sets the sizes; unset, the benchmark is skipped)

The store holds the news articles of ../shared/data/news (ingested as a user would, so that
every hand-checked claim has its article) and archive passages up to each size: the
distinct premises of ../shared/data/nli* (real sentences of many kinds), embedded once,
each written many times with its vector plus a little noise and with the facts the
analyser read in it (analysed once). News sentences are not copied: an archive of twenty
near-copies of each claim's article would test duplicates, not size.

The vectors, the facts (read without a dateline) and the store itself are kept in
$FACTCHECK_BENCH_CACHE (default ~/.cache/factcheck-bench) under scale/: a later run reuses
them and grows the store to the next size (``--rebuild`` starts the store again: needed
after a change to the analysis, whose fingerprint the archive's facts carry). The free
disk is reported first.
Per size: store size on disk, cold open (a new process opening the store and checking one
claim: wall seconds and peak RSS), query p50/p95 (precomputed vectors), warm check p50/p95
(distinct claims), ``check_many`` claims/s (distinct claims, not seen before) and the peak
RSS of this process.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks import checkset

ROOT = Path(__file__).resolve().parent.parent
COLLECTION = "scale"
ARCHIVE = "archive"  # the archive passages' title
NOISE = 0.01  # per dimension: a copy's vector is about 0.98 cosine from its original
WRITE_BATCH = 5000


def _dir() -> Path:
    return checkset.CACHE / "scale"


def _peak_mb() -> int:
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def _pct(xs: list[float], q: float) -> float:
    return float(np.percentile(np.array(xs), q)) if xs else float("nan")


def unique_facts(texts: list[str], analyzer: Any) -> list[str]:
    """Each text's facts record, as an ingest stores it; cached by the analysis."""
    from factcheck.nlp.facts_record import facts_record

    key = hashlib.sha256("\n".join(texts).encode()).hexdigest()[:12]
    path = _dir() / f"facts-{len(texts)}-{analyzer.fingerprint}-{key}.jsonl"
    if path.exists():
        return [json.loads(line) for line in path.open(encoding="utf-8")]
    out: list[str] = []
    t0 = time.perf_counter()
    for i in range(0, len(texts), 1000):
        out += [facts_record(f) for f in analyzer.analyze_many(texts[i : i + 1000])]
        print(f"  analysed {len(out):,} of {len(texts):,}", file=sys.stderr, flush=True)
    rate = len(texts) / (time.perf_counter() - t0)
    print(f"  analysis: {rate:.0f} passages/s", file=sys.stderr, flush=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text("".join(json.dumps(r) + "\n" for r in out), encoding="utf-8")
    tmp.replace(path)
    return out


def grow(
    store: Any,
    texts: list[str],
    vecs: np.ndarray,
    facts: list[str],
    version: str,
    start: int,
    stop: int,
) -> None:
    """Archive passages ``start:stop``: copy ``i`` of text ``i % len(texts)``, its vector
    with seeded noise, 40 passages a source, one source a day from 2000 on."""
    from factcheck.types import Passage

    u = len(texts)
    for i in range(start, stop, WRITE_BATCH):
        idx = np.arange(i, min(i + WRITE_BATCH, stop))
        rng = np.random.default_rng(i)
        v = vecs[idx % u] + rng.normal(0.0, NOISE, size=(len(idx), vecs.shape[1]))
        v = (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)
        ps = [
            Passage(
                id=f"arch{j}",
                text=texts[j % u],
                source_id=f"archive-{j // 40}",
                title=ARCHIVE,
                start=0,
                end=len(texts[j % u]),
                dateline=dt.date(2000, 1, 1) + dt.timedelta(days=int(j // 40) % 9000),
                facts=facts[j % u],
                facts_version=version,
            )
            for j in idx.tolist()
        ]
        store.write(ps, v)
        done = min(i + WRITE_BATCH, stop)
        print(f"  archive: {done:,} passages", file=sys.stderr, flush=True)


def _size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20


COLD = """
import datetime as dt, json, resource, sys, time
t0 = time.perf_counter()
import chromadb
from factcheck.api import FactChecker
from factcheck.backends.embedders import default_embedder
from factcheck.backends.stance import load_default_stance
from factcheck.config import Settings
from factcheck.sources.store import PassageStore
client = chromadb.PersistentClient(path=sys.argv[1],
    settings=chromadb.Settings(anonymized_telemetry=False))
fc = FactChecker(PassageStore(client, default_embedder("onnx"), sys.argv[2]),
    settings=Settings(backend="onnx"), stance=load_default_stance("onnx"))
fc.check(sys.argv[3], dateline=dt.date.fromisoformat(sys.argv[4]))
# VmHWM is this process's own peak; ru_maxrss after fork and exec can be the parent's.
try:
    hwm = next(int(x.split()[1]) for x in open("/proc/self/status") if x.startswith("VmHWM"))
except (OSError, StopIteration):
    hwm = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps([time.perf_counter() - t0, hwm / 1024]))
"""


def cold_open(path: Path, claim: str, day: dt.date) -> tuple[float, float]:
    """A new process: open the store, load the models, check one claim (s, peak MB)."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"}
    res = subprocess.run(
        [sys.executable, "-c", COLD, str(path), COLLECTION, claim, day.isoformat()],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=True,
    )
    wall, peak = json.loads(res.stdout.strip().splitlines()[-1])
    return float(wall), float(peak)


def measure(
    fc: Any,
    path: Path,
    claims: list[tuple[str, dt.date | None]],
    n_single: int,
    n_batch: int,
    where: str = "local",
) -> dict[str, Any]:
    """One size's figures (the claims are split so that no claim is checked twice); the
    cold open only for the local store (``where``: local, or server)."""
    emb = fc.store.embedder
    single, batch = claims[:n_single], claims[n_single : n_single + n_batch]
    qv = emb.embed_documents([c for c, _ in single])
    query = []
    for v in qv:
        t = time.perf_counter()
        fc.store.search_vectors([v], 5)
        query.append((time.perf_counter() - t) * 1000)
    for c, day in single[:5]:
        fc.check(c, dateline=day)  # warm
    lat = []
    for c, day in single[5:]:
        t = time.perf_counter()
        fc.check(c, dateline=day)
        lat.append((time.perf_counter() - t) * 1000)
    fc.analyzer._cache.clear()
    t = time.perf_counter()
    n = 0
    for day in sorted({d for _, d in batch}, key=str):
        n += sum(1 for _ in fc.check_many([c for c, d in batch if d == day], dateline=day))
    rate = n / (time.perf_counter() - t) if n else float("nan")
    c0, d0 = claims[-1]
    cold = "-"
    if where == "local":
        wall, peak = cold_open(path, c0, d0 or dt.date(2010, 1, 1))
        cold = f"{wall:.1f} / {peak:.0f}"
    return {
        "store": where,
        "passages": fc.store.count(),
        "disk MB": round(_size_mb(path)),
        "cold open s / peak MB": cold,
        "query p50 / p95 ms": f"{_pct(query, 50):.1f} / {_pct(query, 95):.1f}",
        "check p50 / p95 ms": f"{_pct(lat, 50):.0f} / {_pct(lat, 95):.0f}",
        "check_many claims/s": round(rate, 1),
        "peak RSS MB": _peak_mb(),
    }


def _open(client: Any) -> Any:
    """A checker on the benchmark's collection, with the models that ship (ONNX)."""
    from factcheck.api import FactChecker
    from factcheck.backends.embedders import default_embedder
    from factcheck.backends.stance import load_default_stance
    from factcheck.config import Settings
    from factcheck.sources.store import PassageStore

    emb: Any = default_embedder("onnx")
    emb.warm_up()
    fc = FactChecker(
        PassageStore(client, emb, COLLECTION),
        settings=Settings(backend="onnx"),
        stance=load_default_stance("onnx"),
    )
    fc.warm_up()
    return fc


def server_row(
    path: Path, claims: list[tuple[str, dt.date | None]], n_single: int, n_batch: int
) -> dict[str, Any]:
    """The same measures with the store behind ``chroma run`` (step 3's server case): the
    checker reads it over HTTP, and finds names with Chroma's own ``$contains`` (a word
    index lives beside a local store only)."""
    from urllib.parse import urlparse

    import chromadb
    from chromadb.api.client import SharedSystemClient

    from benchmarks.harness import chroma_server

    SharedSystemClient.clear_system_cache()  # this process lets go of the folder
    with chroma_server(path) as url:
        u = urlparse(url)
        client = chromadb.HttpClient(
            host=u.hostname or "127.0.0.1",
            port=u.port or 8000,
            settings=chromadb.Settings(anonymized_telemetry=False),
        )
        return measure(_open(client), path, claims, n_single, n_batch, where="server")


def open_cached() -> Any:
    """A checker on the cached store of this benchmark (built by an earlier run)."""
    import chromadb

    path = _dir() / "store"
    if not path.exists():
        raise SystemExit(f"{path}: no scale store; build it with python -m benchmarks.scale")
    client = chromadb.PersistentClient(
        path=str(path), settings=chromadb.Settings(anonymized_telemetry=False)
    )
    return _open(client)


def run(
    sizes: list[int],
    unique: int,
    rebuild: bool,
    n_single: int,
    n_batch: int,
    server: bool = False,
) -> list[dict[str, Any]]:
    import chromadb

    from benchmarks.harness import source_files

    base = _dir()
    base.mkdir(parents=True, exist_ok=True)
    free = shutil.disk_usage(base).free / 2**30
    print(f"free disk at {base}: {free:.1f} GiB", file=sys.stderr, flush=True)
    path = base / "store"
    if rebuild and path.exists():
        shutil.rmtree(path)
    client = chromadb.PersistentClient(
        path=str(path), settings=chromadb.Settings(anonymized_telemetry=False)
    )
    fc = _open(client)
    t0 = time.perf_counter()
    res = fc.ingest(source_files([checkset.SHARED / "news", ROOT / "seeds"]))
    print(f"news: {res.added} added, {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    got = fc.store.collection.get(where={"title": {"$ne": ARCHIVE}}, include=[])
    news = len(got["ids"])
    texts = checkset.filler_sentences(unique)
    vecs = checkset.filler_vectors(texts, fc.store.embedder)
    facts = unique_facts(texts, fc.analyzer)
    claims = checkset.claim_set(fc.analyzer.nlp, n_single + n_batch + 1)
    rows = []
    for size in sorted(sizes):
        have = fc.store.count() - news
        want = max(0, size - news)
        if want < have:
            print(
                f"  skipped {size:,}: the store already holds {have + news:,} passages"
                " (--rebuild, or another FACTCHECK_BENCH_CACHE, measures a smaller size)",
                file=sys.stderr,
            )
            continue
        if want > have:
            t = time.perf_counter()
            grow(fc.store, texts, vecs, facts, fc.analyzer.fingerprint, have, want)
            rate = (want - have) / (time.perf_counter() - t)
            print(f"  wrote {want - have:,} at {rate:.0f}/s", file=sys.stderr, flush=True)
        rows.append(measure(fc, path, claims, n_single, n_batch))
        print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    if server:
        del fc, client
        rows.append(server_row(path, claims, n_single, n_batch))
        print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    return rows


def table(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "(no sizes)"
    keys = list(rows[0])
    lines = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    lines += [
        "| " + " | ".join(f"{r[k]:,}" if isinstance(r[k], int) else str(r[k]) for k in keys) + " |"
        for r in rows
    ]
    return "\n".join(lines)


def time_queries(names: tuple[str, ...] = ("Boeing", "FTSE 100"), runs: int = 3) -> None:
    """On the cached store: the vector query alone, the same query filtered to passages
    holding a name by Chroma's ``$contains``, and the name query a check runs (the word
    index's candidates ranked by cosine, sources/named.py), ms. The first name query of a
    store written before the word index existed indexes it first (timed apart)."""
    import chromadb

    from factcheck.backends.embedders import default_embedder
    from factcheck.sources.store import PassageStore

    client = chromadb.PersistentClient(
        path=str(_dir() / "store"), settings=chromadb.Settings(anonymized_telemetry=False)
    )
    store = PassageStore(client, default_embedder("onnx"), COLLECTION)
    claim = "Boeing said the 787 would seat 200 to 300 people."
    v = store.embedder.embed_query(claim)
    print(f"passages: {store.count():,}")
    t = time.perf_counter()
    store.search_named([v], [("Boeing",)], [()], 8)
    took = time.perf_counter() - t
    print(f"first name query (indexes the store's words if needed): {took:.1f} s")
    from factcheck.nlp.facts import Analyzer
    from factcheck.pipeline.retrieval import claim_words

    words = claim_words(Analyzer().analyze(claim))  # as a check passes them
    print(f"claim words: {', '.join(words)}")
    queries: list[tuple[str, Any]] = [("vector query", lambda: store.search_vectors([v], 8))]
    for n in names:
        one = (n,)
        queries += [
            (f"$contains {n!r}", lambda c=one: store.search_vectors([v], 8, containing=c)),
            (f"word index {n!r}", lambda c=one: store.search_named([v], [c], [words], 8)),
        ]
    for label, fn in queries:
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            fn()
            times.append((time.perf_counter() - t) * 1000)
        print(f"{label}: median {statistics.median(times):.1f} ms over {runs}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--unique", type=int, default=100_000, help="distinct archive sentences")
    ap.add_argument("--rebuild", action="store_true", help="start the store again")
    ap.add_argument("--single", type=int, default=200, help="claims checked one by one")
    ap.add_argument("--batch", type=int, default=600, help="claims checked by check_many")
    ap.add_argument(
        "--time-queries", action="store_true", help="only time the vector and name queries"
    )
    ap.add_argument(
        "--server", action="store_true", help="then the largest size behind `chroma run`"
    )
    args = ap.parse_args()
    if args.time_queries:
        time_queries()
        return
    rows = run(args.sizes, args.unique, args.rebuild, args.single, args.batch, args.server)
    print(table(rows))


if __name__ == "__main__":
    main()
