"""The verdicts that differ between two dumps of `python -m benchmarks.yardsticks --dump F`
(two commits, two settings): each change with the hand-checked gold label where the claim
has one, and whether it moved to or away from it. A hand-checked claim of a test half is
shown by its labels only, never its text: those halves are read through the report.

    python -m benchmarks.dump_diff BEFORE.jsonl AFTER.jsonl
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from benchmarks import news_claims

SETS = {
    "first": news_claims.DATA,
    "second": news_claims.DATA2,
    "third": news_claims.DATA3,
    "fourth": news_claims.DATA4,
    "fifth": news_claims.DATA5,
    "sixth": news_claims.DATA6,
}


def _dump(path: Path) -> dict[tuple[str, str], dict[str, Any]]:
    rows = (json.loads(line) for line in path.open(encoding="utf-8") if line.strip())
    return {(r["id"], r["claim"]): r for r in rows}


def _gold() -> dict[str, tuple[str, str, str]]:
    """Claim text -> (gold label, split, set) for the hand-checked sets."""
    out = {}
    for name, path in SETS.items():
        for r in news_claims.load(path):
            out[r["claim"]] = (r["label"], r["split"], name)
    return out


def diff(before: Path, after: Path) -> tuple[list[str], dict[str, int]]:
    """Lines to print and the counts (changed, right, wrong)."""
    a, b = _dump(before), _dump(after)
    gold = _gold()
    lines: list[str] = []
    counts = {"changed": 0, "right": 0, "wrong": 0}
    for key, r in b.items():
        o = a.get(key)
        if o is None or o["label"] == r["label"]:
            continue
        counts["changed"] += 1
        g = gold.get(r["claim"])
        tag = ""
        if g is not None:
            label, split, name = g
            tag = f" [gold {label}, {name} set {split}"
            if r["label"] == label:
                counts["right"] += 1
                tag += ", right]"
            elif o["label"] == label:
                counts["wrong"] += 1
                tag += ", wrong]"
            else:
                tag += "]"
            if split == "test":
                lines.append(f"{o['label']} -> {r['label']}{tag}")
                continue
        lines.append(f"{o['label']} -> {r['label']} {r.get('confidence', '')}{tag} {r['id']}")
        lines.append(f"   {r['claim']}")
        lines.append(f"   {r.get('rationale', '')}")
    return lines, counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path)
    args = ap.parse_args(argv)
    lines, counts = diff(args.before, args.after)
    print("\n".join(lines))
    print(
        f"{counts['changed']} changed; of the hand-checked, {counts['right']} to the gold"
        f" label, {counts['wrong']} away from it"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
