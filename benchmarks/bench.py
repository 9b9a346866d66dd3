"""One benchmark per call: python -m benchmarks.bench NAME [--quick]; prints a JSON row list."""

from __future__ import annotations

import datetime as dt
import json
import resource
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import numpy as np

from benchmarks.synth import article, sentences

ROOT = Path(__file__).resolve().parent.parent
QUICK = "--quick" in sys.argv
# The backend every benchmark runs on (the default one); FACTCHECK_BACKEND=torch for the old.
BACKEND = __import__("os").environ.get("FACTCHECK_BACKEND", "onnx")


def peak_mb() -> int:
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def pct(xs: list[float], q: float) -> float:
    return float(np.percentile(np.array(xs), q))


def row(bench: str, metric: str, value: object, goal: str = "") -> dict:
    return {
        "benchmark": bench,
        "metric": metric,
        "value": value,
        "goal": goal,
        "peak_mb": peak_mb(),
    }


def _client(path: str | None = None):
    import chromadb

    s = chromadb.Settings(anonymized_telemetry=False)
    return (
        chromadb.PersistentClient(path=path, settings=s)
        if path
        else chromadb.EphemeralClient(settings=s)
    )


def _checker(client, embedder=None):
    from factcheck.api import FactChecker
    from factcheck.backends.embedders import default_embedder
    from factcheck.backends.stance import load_default_stance
    from factcheck.config import Settings
    from factcheck.sources.store import PassageStore

    emb = embedder or default_embedder(BACKEND)
    emb.warm_up()
    fc = FactChecker(
        PassageStore(client, emb, f"b{uuid.uuid4().hex[:8]}"),
        settings=Settings(backend=BACKEND),
        stance=load_default_stance(BACKEND),
    )
    fc.warm_up()
    return fc


def bench_ingest() -> list[dict]:
    """Ingest throughput (read, split, embed, write) against raw encode of the same texts."""
    n = 400 if QUICK else 3000
    with tempfile.TemporaryDirectory() as d:
        files = []
        sents = sentences(n, seed=3)
        for i in range(0, n, 25):
            f = Path(d) / f"doc{i:05d}.txt"
            f.write_text(
                f"date 2022-01-{1 + (i // 25) % 28:02d} Doc {i}\n\n"
                + "\n\n".join(sents[i : i + 25])
            )
            files.append(f)
        fc = _checker(_client(str(Path(d) / "vs")))
        fc.store.embedder.encode(sents[:64])  # warm
        t0 = time.perf_counter()
        res = fc.ingest(files)
        ingest_s = time.perf_counter() - t0
        from factcheck.nlp.sentences import split_passages
        from factcheck.sources.readers import read_file

        texts = [p.text for f in files for p in split_passages(*read_file(f))]
        t0 = time.perf_counter()
        fc.store.embedder.encode(texts)
        enc_s = time.perf_counter() - t0
    ing = res.passages / ingest_s
    enc = len(texts) / enc_s
    return [
        row(
            "ingest",
            f"ingest passages/s ({res.passages} passages, {len(files)} files)",
            round(ing, 1),
        ),
        row("ingest", f"raw encode/s, same texts, same encoder ({BACKEND})", round(enc, 1)),
        row("ingest", "ingest / raw encode", f"{ing / enc:.0%}", ">= 80%"),
    ]


def _synthetic_store(n: int, path: str, embedder, seed: int = 0):
    """n passages: real sentence texts, random unit vectors (embedding 100k texts would take
    minutes and measure the encoder, not the store)."""
    from factcheck.sources.store import PassageStore
    from factcheck.types import Passage

    store = PassageStore(_client(path), embedder, "synthetic")
    rng = np.random.default_rng(seed)
    texts = sentences(2000, seed=5)
    step = 5000
    for i in range(0, n, step):
        m = min(step, n - i)
        vecs = rng.normal(size=(m, 384)).astype(np.float32)
        vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
        ps = [
            Passage(
                id=f"s{i + j}",
                text=texts[(i + j) % len(texts)],
                source_id=f"synth{(i + j) // 50}",
                title="synthetic",
                start=0,
                end=10,
                dateline=dt.date(2020, 1, 1),
            )
            for j in range(m)
        ]
        store.write(ps, vecs)
    return store


def bench_query() -> list[dict]:
    from factcheck.backends.embedders import default_embedder

    emb = default_embedder(BACKEND)
    emb.warm_up()
    out = []
    queries = sentences(200, seed=9)
    qv = emb.encode(queries)
    for n in [1000, 10000] if QUICK else [1000, 100000]:
        with tempfile.TemporaryDirectory() as d:
            t0 = time.perf_counter()
            store = _synthetic_store(n, d, emb)
            build = time.perf_counter() - t0
            raw, full = [], []
            for q, v in zip(queries, qv, strict=True):
                t = time.perf_counter()
                store.search_vectors([v], 5)
                raw.append((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                store.search(q, 5)
                full.append((time.perf_counter() - t) * 1000)
        out += [
            row(
                "query",
                f"{n:,} passages: query p50 / p95 ms",
                f"{pct(raw, 50):.1f} / {pct(raw, 95):.1f}",
            ),
            row(
                "query",
                f"{n:,} passages: embed+query p50 / p95 ms",
                f"{pct(full, 50):.1f} / {pct(full, 95):.1f}",
            ),
            row("query", f"{n:,} passages: write time s", round(build, 1)),
        ]
    return out


def bench_claims() -> list[dict]:
    from factcheck.nlp.claims import ClaimExtractor
    from factcheck.nlp.facts import Analyzer

    ext = ClaimExtractor(Analyzer())
    text = article(2000)
    ext.extract(text)  # warm-up (loads spaCy, fills nothing: extraction is not cached)
    times = []
    for i in range(2 if QUICK else 5):
        t = time.perf_counter()
        claims = ext.extract(text.replace("Synthetic", f"Synthetic {i}"))
        times.append(time.perf_counter() - t)
    from factcheck.nlp.sentences import split_sentences

    n_sent = len(split_sentences(text))
    med = statistics.median(times)
    return [
        row(
            "claims",
            f"2,000-word article ({n_sent} sentences, {len(claims)} claims): s",
            round(med, 3),
            "well under 1 s",
        ),
        row("claims", "extraction sentences/s", round(n_sent / med, 1)),
    ]


def _seeded_big_checker(n_synth: int, d: str):
    from factcheck.backends.embedders import default_embedder

    emb = default_embedder(BACKEND)
    emb.warm_up()
    _synthetic_store(n_synth, d, emb)
    fc = _checker(_client(d), emb)
    from factcheck.sources.store import PassageStore

    fc.store = PassageStore(_client(d), emb, "synthetic")
    fc.pipeline.store = fc.store
    fc.retriever.store = fc.store
    fc.ingest([ROOT / "seeds"])
    return fc


def _claim_set(n: int) -> list[str]:
    rows = [
        json.loads(line)["claim"] for line in (ROOT / "tests/fixtures/seed_claims.jsonl").open()
    ]
    return [rows[i % len(rows)] + ("" if i < len(rows) else f" ({i})") for i in range(n)]


def bench_check() -> list[dict]:
    n_synth = 10000 if QUICK else 100000
    with tempfile.TemporaryDirectory() as d:
        fc = _seeded_big_checker(n_synth, d)
        claims = _claim_set(60 if QUICK else 200)
        for c in claims[:5]:
            fc.check(c, dateline=dt.date(2021, 12, 31))
        lat = []
        for c in claims:
            t = time.perf_counter()
            fc.check(c, dateline=dt.date(2021, 12, 31))
            lat.append((time.perf_counter() - t) * 1000)
    return [
        row(
            "check",
            f"check latency p50 / p95 ms (store {n_synth + 18:,} passages, warm)",
            f"{pct(lat, 50):.0f} / {pct(lat, 95):.0f}",
            "p50 <= 100 ms",
        )
    ]


def _fill_reviews(mem, n: int, seed: int = 0) -> None:
    """n reviews: real sentence texts with their analysed facts, random unit vectors."""
    from factcheck.reviews.claimreview import make_review
    from factcheck.reviews.memory import _metadata

    col = mem._collection(create=True)
    rng = np.random.default_rng(seed)
    texts = sentences(2000, seed=7)
    facts = dict(zip(texts, mem.analyzer.analyze_many(texts), strict=True))
    step = 5000
    for i in range(0, n, step):
        m = min(step, n - i)
        vecs = rng.normal(size=(m, 384)).astype(np.float32)
        vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
        revs = [
            make_review(texts[(i + j) % len(texts)], "False", url=f"https://x/{i + j}")
            for j in range(m)
        ]
        col.upsert(
            ids=[r.id for r in revs],
            documents=[r.claim for r in revs],
            embeddings=vecs.tolist(),
            metadatas=[_metadata(r, facts[r.claim]) for r in revs],
        )


def bench_memory() -> list[dict]:
    """What matching against 100,000 stored reviews adds to a check: the same claims
    checked with and without the memory, alternately. The seed claims are also stored as
    reviews (real vectors), so every check finds and compares real candidates."""
    n = 10000 if QUICK else 100000
    fc = _checker(_client())
    fc.ingest([ROOT / "seeds"])
    claims = _claim_set(46)
    _fill_reviews(fc.memory, n)
    from factcheck.reviews.claimreview import make_review

    fc.memory.add([make_review(c, "True") for c in claims[::2]])
    day = dt.date(2021, 12, 31)
    for c in claims[:5]:
        fc.check(c, dateline=day)
    on, off, found = [], [], 0
    for _ in range(2 if QUICK else 4):
        for c in claims:
            fc.pipeline.memory = fc.memory
            t = time.perf_counter()
            v = fc.check(c, dateline=day)
            on.append((time.perf_counter() - t) * 1000)
            found += any(m.same_claim for m in v.previous_reviews)
            fc.pipeline.memory = None
            t = time.perf_counter()
            fc.check(c, dateline=day)
            off.append((time.perf_counter() - t) * 1000)
    added = [a - b for a, b in zip(on, off, strict=True)]
    return [
        row(
            "memory",
            f"check p50 ms with / without {fc.memory.count():,} reviews",
            f"{pct(on, 50):.1f} / {pct(off, 50):.1f}",
        ),
        row(
            "memory",
            "added by the match, p50 / p95 ms",
            f"{pct(added, 50):.1f} / {pct(added, 95):.1f}",
            "p50 <= 10 ms",
        ),
        row("memory", "checks that found their stored review", f"{found}/{len(on)}"),
    ]


def bench_batch() -> list[dict]:
    n_synth = 10000 if QUICK else 100000
    n = 100 if QUICK else 1000
    with tempfile.TemporaryDirectory() as d:
        fc = _seeded_big_checker(n_synth, d)
        claims = _claim_set(n)
        fc.check(claims[0])
        # Best of two rounds each, alternating, so that a burst of load on the shared
        # machine does not decide the ratio.
        loops, batches = [], []
        for _ in range(2):
            fc.analyzer._cache.clear()
            t = time.perf_counter()
            for c in claims:
                fc.check(c)
            loops.append(n / (time.perf_counter() - t))
            fc.analyzer._cache.clear()
            t = time.perf_counter()
            list(fc.check_many(claims))  # default batch size
            batches.append(n / (time.perf_counter() - t))
        loop, batch = max(loops), max(batches)
    return [
        row("batch", f"single-call loop claims/s ({n} claims, best of 2)", round(loop, 1)),
        row(
            "batch",
            f"check_many claims/s (same {n} claims, best of 2)",
            round(batch, 1),
            ">= 20/s; >= 3x loop",
        ),
        row("batch", "speed-up", f"{batch / loop:.2f}x"),
    ]


def bench_stance() -> list[dict]:
    from factcheck.backends.stance import load_default_stance

    model = load_default_stance(BACKEND)
    if model is None:
        return [row("stance", "no stance model shipped", "-")]
    pairs = [(s, sentences(1, seed=i)[0]) for i, s in enumerate(sentences(256, seed=4))]
    model(pairs[:32])
    t = time.perf_counter()
    for p in pairs[:64]:
        model([p])
    b1 = 64 / (time.perf_counter() - t)
    t = time.perf_counter()
    model.batch_size = 32
    model(pairs)
    b32 = len(pairs) / (time.perf_counter() - t)
    return [
        row("stance", "pairs/s at batch 1", round(b1, 1)),
        row("stance", "pairs/s at batch 32", round(b32, 1), ">= 100"),
    ]


def _cold(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one fresh process."""
    import os
    import subprocess

    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    assert os.waitstatus_to_exitcode(status) == 0, cmd
    return wall, usage.ru_maxrss / 1024


def bench_coldstart() -> list[dict]:
    """A cold `factcheck check` (a new process each time, as a script calling the CLI per
    claim does), on each backend: median of 5 runs (the first of each discarded: disk cache).
    Two claims: one the rules settle, one that needs the stance model."""
    exe = str(Path(sys.executable).parent / "factcheck")
    claims = {
        "rules decide": "Biden and Putin spoke for 90 minutes",
        "stance model runs": "Putin said sanctions would be a colossal error",
    }
    out = []
    with tempfile.TemporaryDirectory() as d:
        store = str(Path(d) / "vs")
        import subprocess

        subprocess.run(
            [exe, "--store", store, "ingest", str(ROOT / "seeds")], check=True, capture_output=True
        )
        for backend in ("onnx", "torch"):
            for what, claim in claims.items():
                cmd = [exe, "--store", store, "--backend", backend, "check", claim]
                runs = [_cold(cmd) for _ in range(1 if QUICK else 6)][1 if not QUICK else 0 :]
                wall = statistics.median(r[0] for r in runs)
                peak = statistics.median(r[1] for r in runs)
                goal = "<= 2 s, <= 400 MB" if backend == "onnx" else ""
                out.append(
                    {
                        "benchmark": "coldstart",
                        "metric": f"cold check, {backend} ({what}): wall s / peak MB",
                        "value": f"{wall:.2f} / {peak:.0f}",
                        "goal": goal,
                        "peak_mb": round(peak),
                    }
                )
    return out


def bench_bigstore() -> list[dict]:
    """Store operations on one source of 200,000 passages in an on-disk store (issue #30:
    every read and write pages; SQLite takes 32,766 variables a call). The hash embedder
    stands in for the model: this measures the store, not the encoder."""
    from factcheck.backends.embedders import HashEmbedder
    from factcheck.nlp.sentences import iter_passages
    from factcheck.sources.readers import load_text
    from factcheck.sources.store import PassageStore

    n = 20_000 if QUICK else 200_000
    text = "\n\n".join(f"On day {i} the port handled {i * 7 + 3} ships." for i in range(n))
    src, body = load_text(text, source_id="archive.txt")
    out = []
    with tempfile.TemporaryDirectory() as d:
        store = PassageStore(_client(d), HashEmbedder(), "bigstore")
        total = sum(1 for _ in iter_passages(src, body))
        t0 = time.perf_counter()
        store.add_source_stream(src, iter_passages(src, body), total=total)
        out.append(
            row(
                "bigstore",
                f"ingest {total:,} passages, one source (s)",
                round(time.perf_counter() - t0, 1),
            )
        )
        for what, fn in (
            ("list sources (s)", store.sources),
            (
                "re-ingest, unchanged (s)",
                lambda: store.add_source_stream(src, iter_passages(src, body), total=total),
            ),
            ("set its trust (s)", lambda: store.set_trust("archive.txt", 0.5)),
            ("search p50 of 20 (ms)", None),
            ("remove it (s)", lambda: store.remove("archive.txt")),
        ):
            if fn is None:
                times = []
                for i in range(20):
                    t0 = time.perf_counter()
                    store.search(f"the port handled {i * 997} ships", k=5)
                    times.append(1000 * (time.perf_counter() - t0))
                out.append(row("bigstore", what, round(pct(times, 50), 1)))
                size = sum(f.stat().st_size for f in Path(d).rglob("*") if f.is_file())
                out.append(row("bigstore", "store on disk (MB)", round(size / 2**20)))
                continue
            t0 = time.perf_counter()
            fn()
            out.append(row("bigstore", what, round(time.perf_counter() - t0, 2)))
    return out


def bench_bigfile() -> list[dict]:
    """Large single files through the streaming ingest (each size in its own process, so
    peak RSS is that size's own). 50 MB with the real encoder takes about half an hour on
    two cores."""
    import os
    import subprocess

    sizes = [("0.5", "minilm"), ("5", "hash")] if QUICK else [("5", "minilm"), ("50", "minilm")]
    if os.environ.get("FACTCHECK_BENCH_BIGFILE"):  # e.g. "5:minilm,50:hash"
        sizes = [tuple(x.split(":")) for x in os.environ["FACTCHECK_BENCH_BIGFILE"].split(",")]
    out = []
    for size, emb in sizes:
        res = subprocess.run(
            [sys.executable, "-m", "benchmarks.bigfile", size, "--embedder", emb],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=True,
        )
        for r in json.loads(res.stdout.strip().splitlines()[-1]):
            peak = str(r["value"]).split(" / ")[-1] if "RSS" in r["metric"] else ""
            out.append({"benchmark": "bigfile", "goal": "", "peak_mb": peak, **r})
    return out


def bench_checkset() -> list[dict]:
    """Distinct claims against embedded news plus real filler (benchmarks/checkset.py)."""
    from benchmarks import checkset

    return checkset.run(lambda path: _checker(_client(path)), row, pct, QUICK)


def bench_reviewimport() -> list[dict]:
    """A large ClaimReview file into the verdict memory (benchmarks/review_import.py)."""
    from benchmarks import review_import

    return review_import.run(lambda path: _checker(_client(path)), row, QUICK)


def bench_watch() -> list[dict]:
    """A saved draft to its report under ``factcheck watch`` (benchmarks/watchbench.py)."""
    from benchmarks import watchbench

    return watchbench.run(lambda path: _checker(_client(path)), row, pct, QUICK)


def bench_scale() -> list[dict]:
    """The million-passage table (benchmarks/scale.py) at the sizes FACTCHECK_BENCH_SCALE
    names ("10000,100000,1000000"); skipped when it is unset: 1M passages take hours and
    several GB the first time."""
    import os

    from benchmarks import scale

    sizes = [int(x) for x in os.environ.get("FACTCHECK_BENCH_SCALE", "").split(",") if x]
    if not sizes:
        return [row("scale", "skipped (FACTCHECK_BENCH_SCALE=10000,100000,1000000 runs it)", "")]
    out = []
    for r in scale.run(sizes, 100_000, False, 200, 600):
        n, where = r.pop("passages"), r.pop("store")
        out += [row("scale", f"{n:,} passages, {where}: {k}", v) for k, v in r.items()]
    return out


if __name__ == "__main__":
    name = sys.argv[1]
    rows = globals()[f"bench_{name}"]()
    print(json.dumps(rows))
