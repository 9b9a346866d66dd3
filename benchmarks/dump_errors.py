"""The errors of one dump of `python -m benchmarks.yardsticks --dump F` on the dev halves of
the hand-checked sets, counted by the claim's kind, its gold label and the label given
(the test halves are never counted here: they are read through the report).

    python -m benchmarks.dump_errors DUMP.jsonl [--top N]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from benchmarks import news_claims
from benchmarks.dump_diff import SETS


def errors(dump: Path) -> Counter[tuple[str, str, str]]:
    """(kind, gold, given) -> how many dev claims of the hand-checked sets got it."""
    given = {}
    for line in dump.open(encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            given[r["id"]] = r["label"]
    out: Counter[tuple[str, str, str]] = Counter()
    for path in SETS.values():
        for r in news_claims.load(path):
            got = given.get(r["id"])
            if r["split"] == "dev" and got is not None and got != r["label"]:
                out[(r["kind"], r["label"], got)] += 1
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dump", type=Path)
    ap.add_argument("--top", type=int, default=20)
    args = ap.parse_args(argv)
    counts = errors(args.dump)
    print(f"{sum(counts.values())} dev errors of the hand-checked sets")
    for (kind, gold, got), n in counts.most_common(args.top):
        print(f"{n:4}  {kind:16} {gold} -> {got}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
