"""Run every benchmark, each in its own process (so peak memory is per benchmark), and print
one table. Usage: python -m benchmarks [--only NAME ...] [--quick]"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

NAMES = [
    "coldstart",
    "ingest",
    "query",
    "claims",
    "check",
    "batch",
    "checkset",
    "memory",
    "reviewimport",
    "stance",
    "bigstore",
    "bigfile",
    "watch",
    "scale",
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", nargs="*", choices=NAMES, default=NAMES)
    ap.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    args = ap.parse_args()
    env = {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "ANONYMIZED_TELEMETRY": "False",
        "TOKENIZERS_PARALLELISM": "false",
    }
    rows: list[dict] = []
    for name in args.only:
        cmd = [sys.executable, "-m", "benchmarks.bench", name] + (["--quick"] if args.quick else [])
        print(f"running {name} ...", file=sys.stderr, flush=True)
        res = subprocess.run(
            cmd, capture_output=True, text=True, env=env, cwd=Path(__file__).resolve().parent.parent
        )
        if res.returncode != 0:
            rows.append(
                {
                    "benchmark": name,
                    "metric": "FAILED",
                    "value": res.stderr[-300:],
                    "goal": "",
                    "peak_mb": "",
                }
            )
            continue
        rows += json.loads(res.stdout.strip().splitlines()[-1])
    widths = [14, 52, 16, 22, 9]
    head = ["benchmark", "metric", "value", "goal", "peak MB"]
    print(" | ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)))
    print("-+-".join("-" * w for w in widths))
    for r in rows:
        cells = [
            r["benchmark"],
            r["metric"],
            str(r["value"]),
            r.get("goal", ""),
            str(r.get("peak_mb", "")),
        ]
        print(" | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)))


if __name__ == "__main__":
    main()
