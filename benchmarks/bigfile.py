"""Ingest one large text file through the streaming path; prints one JSON row list.

Usage: python -m benchmarks.bigfile SIZE_MB [--embedder minilm|hash]

The file is built from ../shared/data/news/ articles (real sentences), repeated with a
counter so that every passage is distinct. Peak RSS is this process's own.
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "data" / "news"


def make_file(path: Path, size_mb: float) -> None:
    body = "\n\n".join(
        p.read_text(encoding="utf-8").split("\n", 1)[-1] for p in sorted(NEWS.glob("*.txt"))
    )
    want = int(size_mb * 1_000_000)
    with path.open("w", encoding="utf-8") as fh:
        fh.write("date 2022-01-01 Big file\n\n")
        n, written = 0, 0
        while written < want:
            chunk = f"Part {n}.\n\n{body}\n\n"
            fh.write(chunk)
            written += len(chunk.encode())
            n += 1


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("size_mb", type=float)
    ap.add_argument("--embedder", choices=["minilm", "hash"], default="minilm")
    args = ap.parse_args()
    import chromadb

    from factcheck.api import FactChecker
    from factcheck.config import Settings
    from factcheck.sources.store import PassageStore

    if args.embedder == "hash":
        from factcheck.backends.embedders import HashEmbedder

        emb: object = HashEmbedder()
    else:  # all-MiniLM-L6-v2 on the default backend (FACTCHECK_BACKEND=torch for torch)
        import os

        from factcheck.backends.embedders import default_embedder

        real = default_embedder(os.environ.get("FACTCHECK_BACKEND", "onnx"))
        real.warm_up()  # type: ignore[attr-defined]
        emb = real
    with tempfile.TemporaryDirectory() as d:
        f = Path(d) / "big.txt"
        make_file(f, args.size_mb)
        mb = f.stat().st_size / 1e6
        client = chromadb.PersistentClient(
            path=str(Path(d) / "store"), settings=chromadb.Settings(anonymized_telemetry=False)
        )
        fc = FactChecker(
            PassageStore(client, emb, f"big{uuid.uuid4().hex[:6]}"),
            settings=Settings(use_stance_model=False),
        )
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        t = time.perf_counter()
        res = fc.ingest([f])
        secs = time.perf_counter() - t
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assert not res.errors, res.errors
    name = f"{mb:.0f} MB file ({args.embedder})"
    print(
        json.dumps(
            [
                {"metric": f"{name}: passages", "value": res.passages},
                {"metric": f"{name}: passages/s", "value": round(res.passages / secs, 1)},
                {"metric": f"{name}: seconds", "value": round(secs, 1)},
                {
                    "metric": f"{name}: peak RSS before / after ingest, MB",
                    "value": f"{before:.0f} / {peak:.0f}",
                },
            ]
        )
    )


if __name__ == "__main__":
    main()
