"""Compare `make bench` between two commits, run by run, on this machine (issue #27: "no
`make bench` row worse by more than 15%, median of two runs").

    .venv/bin/python scripts/bench_ab.py BASE NEW [--runs 2] [--only NAME ...] [--out DIR]

Each commit is checked out in a worktree of its own under DIR, with a view of this
project's .venv (its site-packages; the commit's own code first on the path, its own
`factcheck` command) and its own ONNX exports. Every benchmark runs in the order
BASE, NEW, NEW, BASE, ... (so that a drift in the machine's load hits both sides alike), each
in a fresh process (`python -m benchmarks.bench NAME`), and the table gives the median of
each side's runs for every number of every row, with NEW / BASE and a flag where NEW is
worse by more than 15%. The raw rows go to DIR/runs.jsonl (appended: a later call with
`--only` adds runs, and `--table` prints the medians over every run logged).

`--only suite` times each commit's ``make test`` instead (its ruff and mypy, then its
pytest, in its worktree with the project's venv; ../shared is linked beside the worktrees).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
NUM = re.compile(r"-?\d+(?:\.\d+)?")
# Rows where a bigger number is better; every other row is a time, a size or memory.
HIGHER_BETTER = re.compile(r"/s\b|per s|speed-up|agree|recall|found|passed", re.I)


def _sh(*cmd: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> str:
    return subprocess.run(
        cmd, cwd=cwd, env=env, check=True, capture_output=True, text=True
    ).stdout.strip()


def _entry_point(tree: Path) -> str:
    text = (tree / "pyproject.toml").read_text()
    m = re.search(r'^factcheck\s*=\s*"([\w.]+):(\w+)"', text, re.M)
    if not m:
        raise SystemExit(f"{tree}: no factcheck entry point in pyproject.toml")
    return f"from {m.group(1)} import {m.group(2)} as main"


def prepare(commit: str, base: Path) -> Path:
    """A worktree of ``commit`` with a venv view and its models exported."""
    sha = _sh("git", "rev-parse", "--short", commit)
    tree = base / sha
    shared = base / "shared"  # the trees read ../shared as the project does
    if not shared.exists() and (ROOT.parent / "shared").exists():
        shared.symlink_to(ROOT.parent / "shared")
    if not tree.exists():
        _sh("git", "worktree", "add", "--detach", "-f", str(tree), sha)
    venv = tree / ".venv"
    (venv / "bin").mkdir(parents=True, exist_ok=True)
    shutil.copy(VENV / "pyvenv.cfg", venv / "pyvenv.cfg")
    if not (venv / "lib").exists():
        (venv / "lib").symlink_to(VENV / "lib")
    real = Path(os.path.realpath(VENV / "bin" / "python3"))
    for name in ("python3", "python"):
        if not (venv / "bin" / name).exists():
            (venv / "bin" / name).symlink_to(real)
    # The other tools (ruff's own binary, mypy, pytest): the project's, with the tree's code
    # first on PYTHONPATH.
    for tool in (VENV / "bin").iterdir():
        view = venv / "bin" / tool.name
        if tool.name != "factcheck" and not view.exists() and not view.is_symlink():
            view.symlink_to(tool)
    exe = venv / "bin" / "factcheck"
    exe.write_text(
        f"#!{venv / 'bin' / 'python3'}\nimport sys\n{_entry_point(tree)}\nsys.exit(main())\n"
    )
    exe.chmod(0o755)
    if not (tree / "factcheck/models/stance/model.onnx").exists():
        print(f"{sha}: exporting the ONNX models ...", file=sys.stderr, flush=True)
        _sh(str(venv / "bin" / "python"), "scripts/export_onnx.py", cwd=tree, env=_env(tree))
    return tree


def _env(tree: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(tree),
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "ANONYMIZED_TELEMETRY": "False",
        "TOKENIZERS_PARALLELISM": "false",
    }


LINT = [
    ["ruff", "check", "factcheck", "tests", "benchmarks", "scripts", "app.py"],
    ["ruff", "format", "--check", "factcheck", "tests", "benchmarks", "scripts", "app.py"],
    ["mypy"],
]


def run_suite(tree: Path, extra: Sequence[str] = ()) -> list[dict]:
    """``make test`` of the tree, timed: its lint (ruff, mypy), then its pytest (with
    ``extra`` arguments, e.g. ``--ignore=tests/test_wheel.py``: the wheel test installs the
    project's editable package, which in a worktree is this checkout's, not the commit's)."""
    py = str(tree / ".venv" / "bin" / "python")
    t0 = time.perf_counter()
    for cmd in LINT:
        _sh(py, "-m", *cmd, cwd=tree, env=_env(tree))
    t1 = time.perf_counter()
    done = subprocess.run(
        [py, "-m", "pytest", "-q", "-p", "no:cacheprovider", *extra],
        cwd=tree,
        env=_env(tree),
        capture_output=True,
        text=True,
    )
    t2 = time.perf_counter()
    tail = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
    passed = re.search(r"(\d+) passed", tail)
    if done.returncode:
        print(f"{tree.name}: pytest rc {done.returncode}: {tail}", file=sys.stderr, flush=True)
    bench = "make test" + (f" {' '.join(extra)}" if extra else "")
    n = int(passed.group(1)) if passed else 0
    return [
        {"benchmark": bench, "metric": "lint (ruff, mypy) s", "value": round(t1 - t0, 1)},
        {"benchmark": bench, "metric": "pytest s", "value": round(t2 - t1, 1)},
        {"benchmark": bench, "metric": "total s", "value": round(t2 - t0, 1)},
        {
            "benchmark": bench,
            "metric": "pytest s per test",
            "value": round((t2 - t1) / max(n, 1), 3),
        },
        {"benchmark": bench, "metric": "tests passed (not a speed)", "value": n},
    ]


def run_one(tree: Path, name: str, pytest_args: Sequence[str] = ()) -> list[dict]:
    if name == "suite":
        return run_suite(tree, pytest_args)
    py = str(tree / ".venv" / "bin" / "python")
    out = _sh(py, "-m", "benchmarks.bench", name, cwd=tree, env=_env(tree))
    return json.loads(out.splitlines()[-1])


def table(runs: list[dict], base: str, new: str) -> str:
    """Median per side of each number in each row's value, NEW / BASE per number."""
    cells: dict[tuple[str, str], dict[str, list[list[float]]]] = {}
    for r in runs:
        for row in r["rows"]:
            nums = [float(x) for x in NUM.findall(str(row["value"]).replace(",", ""))]
            cells.setdefault((row["benchmark"], row["metric"]), {}).setdefault(r["side"], [])
            cells[(row["benchmark"], row["metric"])][r["side"]].append(nums)
    lines = [
        f"| benchmark | metric | {base} (median) | {new} (median) | {new} / {base} | |",
        "|---|---|---|---|---|---|",
    ]
    for (bench, metric), sides in cells.items():
        meds = {}
        for side, lists in sides.items():
            width = min(len(x) for x in lists)
            meds[side] = [statistics.median(x[i] for x in lists) for i in range(width)]
        a, b = meds.get(base, []), meds.get(new, [])
        ratios = [y / x if x else float("nan") for x, y in zip(a, b, strict=False)]
        up = bool(HIGHER_BETTER.search(metric))
        worse = any((r < 1 / 1.15) if up else (r > 1.15) for r in ratios if r == r)
        show = " / ".join(f"{x:g}" for x in a), " / ".join(f"{x:g}" for x in b)
        ratio = " / ".join(f"{r:.2f}" for r in ratios)
        lines.append(
            f"| {bench} | {metric} | {show[0]} | {show[1]} | {ratio} | {'WORSE' if worse else ''} |"
        )
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("base")
    ap.add_argument("new")
    ap.add_argument("--runs", type=int, default=2, help="runs per side (default 2)")
    ap.add_argument("--only", nargs="*", default=None)
    ap.add_argument("--out", default="/tmp/bench_ab")
    ap.add_argument(
        "--pytest-args", default="", help="--only suite: more pytest arguments, one string"
    )
    ap.add_argument(
        "--table", action="store_true", help="only print the table of every run in DIR/runs.jsonl"
    )
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    log = out / "runs.jsonl"
    base, new = (_sh("git", "rev-parse", "--short", c) for c in (args.base, args.new))
    if args.table:
        kept = [json.loads(line) for line in log.read_text().splitlines() if line.strip()]
        print(table(kept, base, new))
        return
    trees = {c: prepare(c, out) for c in (base, new)}
    listed = re.search(
        r"NAMES = \[(.*?)\]", (trees[base] / "benchmarks/__main__.py").read_text(), re.S
    )
    names = args.only or (re.findall(r'"(\w+)"', listed.group(1)) if listed else [])
    order = [base, new, new, base] * args.runs
    order = order[: 2 * args.runs]
    runs: list[dict] = []
    for name in names:
        for side in order:
            print(f"{name}: {side} ...", file=sys.stderr, flush=True)
            try:
                rows = run_one(trees[side], name, args.pytest_args.split())
            except subprocess.CalledProcessError as e:
                print(f"{name} failed on {side}: {e.stderr[-300:]}", file=sys.stderr)
                continue
            rec = {"side": side, "name": name, "rows": rows}
            runs.append(rec)
            with log.open("a") as f:
                f.write(json.dumps(rec) + "\n")
    print(table(runs, base, new))


if __name__ == "__main__":
    main()
