"""Value-extraction precision and recall on benchmarks/data/values_gold.jsonl.

    python -m benchmarks.eval_values [--show-errors]

A predicted value matches a gold one when their kinds agree (quantity, money and percent all
count as `number`), their spans overlap, and their normalised bounds agree (numbers within
2% each, or both open; dates equal). Reported overall and per kind, and span-only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = Path(__file__).resolve().parent / "data" / "values_gold.jsonl"
CF = ROOT.parent / "shared" / "data" / "climate-fever.jsonl"
UNIT_S = {"s": 1, "min": 60, "h": 3600, "d": 86400, "w": 604800, "mo": 2629800, "y": 31557600}
KIND = {
    "quantity": "number",
    "money": "number",
    "percent": "number",
    "duration": "duration",
    "date": "date",
    "ordinal": "ordinal",
}


def seconds(x: object) -> float:
    if x == "inf":
        return math.inf
    if isinstance(x, (int, float)):
        return float(x)
    s = str(x)
    for u in sorted(UNIT_S, key=len, reverse=True):
        if s.endswith(u) and s[: -len(u)].replace(".", "").isdigit():
            return float(s[: -len(u)]) * UNIT_S[u]
    raise ValueError(f"bad duration {x!r}")


def num(x: object) -> float:
    return math.inf if x == "inf" else float(x)  # type: ignore[arg-type]


def close(a: float, b: float) -> bool:
    if math.isinf(a) or math.isinf(b):
        return math.isinf(a) and math.isinf(b)
    return abs(a - b) <= 0.02 * max(abs(a), abs(b)) + 1e-9


def load() -> list[dict]:
    cf = {}
    if CF.exists():
        cf = {r["claim_id"]: r["claim"] for r in map(json.loads, CF.open(encoding="utf-8"))}
    rows = []
    for line in GOLD.open(encoding="utf-8"):
        r = json.loads(line)
        if "cf" in r:
            if r["cf"] not in cf:
                sys.exit(f"Climate-FEVER claim {r['cf']} not found: is ../shared/data there?")
            r["text"] = cf[r["cf"]]
        rows.append(r)
    return rows


def matches(g: list, p, text: str, nth: int = 0) -> tuple[bool, bool]:
    """(span overlaps with the same kind, and the values agree too). ``nth``: which
    occurrence of the gold text (a sentence may say "3 per cent" twice)."""
    kind, gtext, lo, hi = g
    start = -1
    for _ in range(nth + 1):
        start = text.find(gtext, start + 1)
    if start < 0:
        raise ValueError(f"gold text {gtext!r} not in {text!r}")
    gs, ge = start, start + len(gtext)
    if KIND.get(p.kind) != kind or not (p.span[0] < ge and gs < p.span[1]):
        return False, False
    if kind == "date":
        return True, (p.date_from, p.date_to) == (lo, hi)
    if kind == "duration":
        return True, close(p.low or 0.0, seconds(lo)) and close(p.high or 0.0, seconds(hi))
    return True, close(p.low or 0.0, num(lo)) and close(p.high or 0.0, num(hi))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args()
    from factcheck.nlp.dates import DateContext
    from factcheck.nlp.values import find_values

    rows = load()
    tp, fp, fn = Counter(), Counter(), Counter()
    span_tp = Counter()
    errors = []
    for r in rows:
        dl = dt.date.fromisoformat(r["dateline"]) if r.get("dateline") else None
        preds, _ = find_values(r["text"], DateContext(dl))
        used = set()
        seen: Counter[str] = Counter()
        for g in r["values"]:
            hit = None
            nth = seen[g[1]]
            seen[g[1]] += 1
            for i, p in enumerate(preds):
                if i in used:
                    continue
                span_ok, val_ok = matches(g, p, r["text"], nth)
                if span_ok:
                    hit = (i, val_ok)
                    break
            if hit and hit[1]:
                used.add(hit[0])
                tp[g[0]] += 1
                span_tp[g[0]] += 1
            else:
                fn[g[0]] += 1
                if hit:
                    used.add(hit[0])
                    span_tp[g[0]] += 1
                    fp[g[0]] += 1
                    q = preds[hit[0]]
                    errors.append(
                        f"WRONG  {g} got {q.text!r} {q.low, q.high, q.date_from, q.date_to}"
                    )
                else:
                    errors.append(f"MISSED {g} in {r['text'][:70]!r}")
        for i, p in enumerate(preds):
            if i not in used:
                fp[KIND.get(p.kind, p.kind)] += 1
                errors.append(f"EXTRA  {p.kind} {p.text!r} in {r['text'][:70]!r}")
    print(
        f"value extraction on {GOLD.name}: {len(rows)} sentences, "
        f"{sum(tp.values()) + sum(fn.values())} gold values"
    )
    print(f"{'kind':<10} {'gold':>5} {'found':>6} {'precision':>10} {'recall':>8} {'F1':>6}")
    for k in ["number", "duration", "date", "ordinal", "all"]:
        t = sum(tp.values()) if k == "all" else tp[k]
        f_p = sum(fp.values()) if k == "all" else fp[k]
        f_n = sum(fn.values()) if k == "all" else fn[k]
        prec = t / (t + f_p) if t + f_p else 0.0
        rec = t / (t + f_n) if t + f_n else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        print(f"{k:<10} {t + f_n:>5} {t + f_p:>6} {prec:>10.3f} {rec:>8.3f} {f1:>6.3f}")
    g_all = sum(tp.values()) + sum(fn.values())
    print(
        f"span-only recall (right place and kind, any value): {sum(span_tp.values()) / g_all:.3f}"
    )
    if args.show_errors:
        print("\n".join(errors))


if __name__ == "__main__":
    main()
