"""The verdicts that differ between two dumps of `python -m benchmarks.yardsticks --dump F`
(two commits, two settings): each change with the hand-checked gold label where the claim
has one, and whether it moved to or away from it; then the verdicts that kept their label
but crossed the confidence a desk sorts by (0.9), right or wrong. A hand-checked claim of
a test half is shown by its labels only, never its text: those halves are read through
the report.

    python -m benchmarks.dump_diff BEFORE.jsonl AFTER.jsonl
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from benchmarks import news_claims
from benchmarks.harness import CONFIDENT

SETS = {
    "first": news_claims.DATA,
    "second": news_claims.DATA2,
    "third": news_claims.DATA3,
    "fourth": news_claims.DATA4,
    "fifth": news_claims.DATA5,
    "sixth": news_claims.DATA6,
    "seventh": news_claims.DATA7,
    "eighth": news_claims.DATA8,
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


SURE = CONFIDENT  # the confidence a desk sorts by (issue #28: right >= 95% of the time above it)


def _sure(r: dict[str, Any]) -> bool:
    return float(r.get("confidence") or 0.0) >= SURE


def diff(before: Path, after: Path) -> tuple[list[str], dict[str, int]]:
    """Lines to print and the counts (changed, right, wrong; with the same label, crossed
    0.9 up or down, right or wrong where the gold label is known)."""
    a, b = _dump(before), _dump(after)
    gold = _gold()
    lines: list[str] = []
    counts = {"changed": 0, "right": 0, "wrong": 0}
    crossed: list[str] = []
    for key, r in b.items():
        o = a.get(key)
        if o is not None and o["label"] == r["label"] and _sure(o) != _sure(r):
            g = gold.get(r["claim"])
            ok = "" if g is None else ("right" if g[0] == r["label"] else "wrong")
            way = "up" if _sure(r) else "down"
            way += f" {ok}" if ok else ""
            counts[way] = counts.get(way, 0) + 1
            line = f"{r['label']} {o.get('confidence')} -> {r.get('confidence')} {ok}".rstrip()
            if g is not None and g[1] == "test":
                crossed.append(f"{line} [{g[2]} set test]")
                continue
            crossed.append(f"{line}{f' [{g[2]} set {g[1]}]' if g else ''} {r['id']}")
            crossed.append(f"   {r['claim']}")
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
    if crossed:
        lines.append(f"same label, confidence across {SURE}:")
        lines.extend(crossed)
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
    moved = {k: v for k, v in counts.items() if k.split()[0] in ("up", "down")}
    if moved:
        print(
            f"confidence across {SURE}, same label: "
            + ", ".join(f"{k} {v}" for k, v in moved.items())
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
