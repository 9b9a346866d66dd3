"""HNSW's search breadth against recall (issue #31): for each ef_search, a process of its
own opens the cached store of benchmarks.scale with that breadth (set before any query:
Chroma reads it when it loads the index) and reports the dense recall@5 of the
hand-checked claims' gold sentences (benchmarks/recall.py) and the query p50.

    python -m benchmarks.search_breadth [EF ...]     (default 100 200 500 1000)
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time


def one(ef: int) -> dict[str, float]:
    import chromadb

    from benchmarks.recall import _rank, gold_claims
    from benchmarks.scale import COLLECTION, _dir
    from factcheck.backends.embedders import default_embedder
    from factcheck.sources.store import PassageStore

    client = chromadb.PersistentClient(
        path=str(_dir() / "store"), settings=chromadb.Settings(anonymized_telemetry=False)
    )
    store = PassageStore(client, default_embedder("onnx"), COLLECTION, search_ef=ef)
    claims = gold_claims()
    vecs = store.embedder.embed_documents([c for c, _, _, _ in claims])
    lat, hits = [], 0
    for v, (_, src, evidence, _) in zip(vecs, claims, strict=True):
        t = time.perf_counter()
        [found] = store.search_vectors([v], 5)
        lat.append((time.perf_counter() - t) * 1000)
        hits += _rank(found, src, evidence) is not None
    return {
        "passages": store.count(),
        "recall@5": hits / len(claims),
        "p50": statistics.median(lat),
    }


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        print(json.dumps(one(int(sys.argv[2]))))
        return
    efs = [int(x) for x in sys.argv[1:]] or [100, 200, 500, 1000]
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    print("| passages | ef_search | dense recall@5 | query p50 ms |\n|---|---|---|---|")
    for ef in efs:
        out = subprocess.run(
            [sys.executable, "-m", "benchmarks.search_breadth", "--one", str(ef)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        ).stdout
        r = json.loads(out.strip().splitlines()[-1])
        print(
            f"| {int(r['passages']):,} | {ef} | {r['recall@5']:.3f} | {r['p50']:.1f} |", flush=True
        )


if __name__ == "__main__":
    main()
