"""``factcheck watch`` from a saved draft to its report (issue #32): a sources folder of
1,000 files (the Wikinews articles of ../shared/data/news where present, the rest
synthetic news sentences), a live watch on it, and a 2,000-word draft saved five times with
a changed sentence each time; the time from each save to its new report."""

from __future__ import annotations

import json
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.synth import article, sentences

NEWS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "news"


def _fill_sources(folder: Path, n_files: int) -> None:
    news = sorted(NEWS.glob("*.txt"))[:n_files] if NEWS.is_dir() else []
    for f in news:
        (folder / f.name).write_bytes(f.read_bytes())
    sents = sentences(10 * (n_files - len(news)), seed=32)
    for i in range(n_files - len(news)):
        (folder / f"wire-{i:04d}.txt").write_text(" ".join(sents[10 * i : 10 * i + 10]) + "\n")


def run(checker_factory, row, pct, quick: bool) -> list[dict]:
    from factcheck.interfaces.watch.watcher import WatchConfig, Watcher

    n_files, words, saves = (100, 500, 3) if quick else (1000, 2000, 5)
    out = []
    with tempfile.TemporaryDirectory() as d:
        root = Path(d)
        wires, drafts, reports = root / "wires", root / "drafts", root / "reports"
        wires.mkdir()
        drafts.mkdir()
        _fill_sources(wires, n_files)
        fc = checker_factory(str(root / "store"))
        w = Watcher(fc, WatchConfig((wires,), drafts, reports), say=lambda s: None)
        t0 = time.perf_counter()
        w.look()
        out.append(
            row(
                "watch",
                f"first look: ingest {n_files:,} source files (s)",
                round(time.perf_counter() - t0, 1),
            )
        )
        t0 = time.perf_counter()
        w.look()
        out.append(
            row(
                "watch",
                f"a look with nothing new, {n_files:,} files (ms)",
                round(1000 * (time.perf_counter() - t0), 1),
            )
        )
        stop = threading.Event()
        live = Watcher(fc, WatchConfig((wires,), drafts, reports), say=lambda s: None)
        thread = threading.Thread(target=live.run, kwargs={"stop": stop}, daemon=True)
        thread.start()
        time.sleep(2.0)
        body = article(words, seed=32)
        report = reports / "draft.md.json"
        times, claims = [], 0
        for i in range(saves):
            before = report.stat().st_mtime_ns if report.exists() else 0
            t0 = time.perf_counter()
            (drafts / "draft.md").write_text(f"{body}\n\nThe council met {i + 2} times.\n")
            while not (report.exists() and report.stat().st_mtime_ns != before):
                time.sleep(0.05)
                if time.perf_counter() - t0 > 300:
                    raise RuntimeError("no report after 300 s")
            times.append(time.perf_counter() - t0)
            claims = json.loads(report.read_text(encoding="utf-8"))["claims"]
        stop.set()
        thread.join(timeout=30)
        out.append(
            row(
                "watch",
                f"saved {words:,}-word draft ({claims} claims) -> report p50 (s)",
                round(pct(times, 50), 2),
                "<= 5 s",
            )
        )
        out.append(row("watch", "  ... max of the saves (s)", round(max(times), 2)))
    return out
