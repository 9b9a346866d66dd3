"""Sharded batch throughput (issue #31, step 6): a `chroma run` server holding the news
articles, then the same claims through `factcheck batch` once in one process and once as
N processes with `--shard i/N`, each a command line of its own against the server.

    python -m benchmarks.shards [N_CLAIMS] [N_SHARDS]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import checkset
from benchmarks.harness import chroma_server

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    n_claims = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    n_shards = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"}
    with tempfile.TemporaryDirectory() as d, chroma_server(Path(d)) as url:
        cli = [sys.executable, "-m", "factcheck.interfaces.cli.commands"]
        cli += ["--chroma-url", url, "--collection", "bench"]
        news = str(checkset.SHARED / "news")
        subprocess.run([*cli, "ingest", news], env=env, check=True, capture_output=True)
        from factcheck.nlp.facts import Analyzer

        rows = [
            {"id": f"c{i}", "claim": c, "dateline": str(day) if day else ""}
            for i, (c, day) in enumerate(checkset.claim_set(Analyzer().nlp, n_claims))
        ]
        claims = Path(d) / "claims.jsonl"
        claims.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        t0 = time.perf_counter()
        subprocess.run(
            [*cli, "batch", str(claims), "--out", str(Path(d) / "one.jsonl")],
            env=env,
            check=True,
            capture_output=True,
        )
        one = time.perf_counter() - t0
        t0 = time.perf_counter()
        procs = [
            subprocess.Popen(
                [
                    *cli,
                    "batch",
                    str(claims),
                    "--out",
                    str(Path(d) / f"s{i}.jsonl"),
                    "--shard",
                    f"{i}/{n_shards}",
                ],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for i in range(n_shards)
        ]
        for p in procs:
            p.wait()
        many = time.perf_counter() - t0
        got = sum(len((Path(d) / f"s{i}.jsonl").read_text().splitlines()) for i in range(n_shards))
    print(f"{len(rows)} claims against a chroma run server (news articles), cold processes")
    print(f"one process: {one:.1f} s = {len(rows) / one:.1f} claims/s")
    print(f"{n_shards} shards at once: {many:.1f} s = {len(rows) / many:.1f} claims/s")
    print(f"rows in the shard reports: {got} of {len(rows)}")


if __name__ == "__main__":
    main()
