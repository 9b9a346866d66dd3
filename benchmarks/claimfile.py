"""Check a file of claims against the store of every article of ../shared/data/news and
the seed, as the yardsticks build it, and print the score and every miss: a quick look
at a set of claims written to probe one reading (they are written after reading the code
they probe, so their score is a check of that reading, never an unseen figure).

    python -m benchmarks.claimfile benchmarks/data/level_claims.jsonl [--dump F]

Each line of the file: ``id``, ``claim``, ``label``, ``dateline`` (ISO), ``kind``
(optional)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from benchmarks.harness import (
    NEWS,
    SEED_DIR,
    Case,
    check_cases,
    ingest,
    make_checker,
    print_score,
    score,
    source_files,
)


def read_cases(path: Path) -> list[Case]:
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        day = dt.date.fromisoformat(r["dateline"]) if r.get("dateline") else None
        cases.append(
            Case(r["id"], r["claim"], r["label"], r.get("kind", ""), r.get("source", ""), day)
        )
    return cases


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    ap.add_argument("claims", type=Path)
    ap.add_argument("--model", default="shipped")
    ap.add_argument("--dump", type=Path, help="write each verdict as JSONL here")
    args = ap.parse_args(argv)
    cases = read_cases(args.claims)
    fc = make_checker(args.model)
    ingest(fc, source_files([NEWS, SEED_DIR]))
    record: list[dict[str, object]] = []
    confidences: list[float] = []
    preds = check_cases(fc, cases, record, confidences)
    print_score(args.claims.name, score(cases, preds, confidences))
    for c, r in zip(cases, record, strict=True):
        if r["label"] != c.label:
            print(f"- {c.id} gold {c.label}, got {r['label']}: {r.get('rationale', '')}")
    if args.dump:
        args.dump.write_text("".join(json.dumps(r) + "\n" for r in record), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
