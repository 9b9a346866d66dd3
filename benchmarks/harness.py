"""What the accuracy benchmarks share: a checker with a chosen stance model and threshold
overrides, a store of whole folders of sources, and verdict scoring.

    model: "shipped" (the package's stance model), "none" (rules only), or a folder holding
           another model (``../shared/models/stance-v2``), run with transformers on torch.
    overrides: {"model_support": 0.4, "min_weight": 0.3, ...}: fields of
           ``compare.Thresholds`` or ``verify.VerdictRules``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
NEWS = SHARED / "data" / "news"
SEED_DIR = ROOT / "seeds"
STANCE_V2 = SHARED / "models" / "stance-v2"
LABELS = ("SUPPORTED", "REFUTED", "NOT_ENOUGH_INFO")


def parse_overrides(pairs: list[str]) -> dict[str, float]:
    """``["model_support=0.4", ...]`` -> {"model_support": 0.4}, names checked."""
    from factcheck.rules.verdict import VerdictRules
    from factcheck.thresholds import Thresholds, Weights

    known = {f.name for f in fields(Thresholds) if f.name != "weights"}
    known |= {f.name for f in fields(Weights)} | {f.name for f in fields(VerdictRules)}
    out = {}
    for kv in pairs:
        k, _, v = kv.partition("=")
        if k not in known:
            raise SystemExit(f"--set {kv}: unknown threshold {k!r}; known: {sorted(known)}")
        out[k] = float(v)
    return out


def make_checker(model: str = "shipped", overrides: dict[str, float] | None = None) -> Any:
    """A FactChecker on an in-memory Chroma with the real embedder (ONNX backend)."""
    import chromadb

    from factcheck.api import FactChecker
    from factcheck.backends.embedders import default_embedder
    from factcheck.backends.stance import load_default_stance
    from factcheck.config import Settings
    from factcheck.sources.store import PassageStore
    from factcheck.thresholds import Thresholds

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    client = chromadb.EphemeralClient(settings=chromadb.Settings(anonymized_telemetry=False))
    store = PassageStore(client, default_embedder("onnx"), f"bm{uuid.uuid4().hex[:8]}")
    if model == "none":
        stance = None
    elif model == "shipped":
        stance = load_default_stance("onnx")
    else:
        from factcheck.backends.stance_torch import CrossEncoderStance

        stance = CrossEncoderStance(Path(model), quantize=False)
    settings = Settings(use_stance_model=stance is not None, match_reviews=False)
    fc = FactChecker(store, settings=settings, stance=stance)
    apply_overrides(fc, overrides or {})
    assert isinstance(fc.pipeline.thresholds, Thresholds)
    return fc


def apply_overrides(fc: Any, overrides: dict[str, float]) -> None:
    """Set thresholds, rule weights and verdict rules by name (``--set NAME=VALUE``)."""
    v = fc.pipeline

    def typed(obj: Any) -> dict[str, Any]:  # a count stays an int ("follow_on=2")
        return {
            k: type(getattr(obj, k))(x)
            for k, x in overrides.items()
            if k != "weights" and hasattr(obj, k)
        }

    t, w, r = typed(v.thresholds), typed(v.thresholds.weights), typed(v.rules)
    v.thresholds = replace(v.thresholds, **t, weights=replace(v.thresholds.weights, **w))
    v.rules = replace(v.rules, **r)


def settings_report(fc: Any) -> dict[str, Any]:
    """Every threshold, weight and verdict rule in force, for an evaluation's report."""
    from dataclasses import asdict

    v = fc.pipeline
    return {"thresholds": asdict(v.thresholds), "rules": asdict(v.rules)}


def source_files(folders: list[Path]) -> list[Path]:
    """The source files of the folders (a folder's README is its documentation, not a
    source)."""
    from factcheck.sources.readers import iter_paths

    return [p for p in iter_paths(folders) if not p.name.lower().startswith("readme")]


def article_sentences(
    folders: list[Path], analyzer: Any, keep: Callable[[Any], Any]
) -> Iterator[tuple[dt.date | None, list[tuple[str, Any]]]]:
    """For each article of the folders, its dateline and its sentences (each with its
    facts, read against that dateline) for which ``keep(facts)`` is true: the sentences a
    benchmark of one reading rewrites and pairs."""
    from factcheck.sources.readers import read_file

    for path in source_files(folders):
        source, _ = read_file(path)
        found = []
        for s in re.split(r"(?<=[.!?])\s+", source.text):
            facts = analyzer.analyze(s, source.dateline)
            if keep(facts):
                found.append((s, facts))
        yield source.dateline, found


def ingest(fc: Any, files: list[Path]) -> None:
    res = fc.ingest(files)
    if res.errors:
        raise SystemExit(f"cannot ingest: {res.errors[:3]}")


@dataclass(frozen=True)
class Case:
    """One claim to check, with its gold label and how it was made."""

    id: str
    claim: str
    label: str  # SUPPORTED | REFUTED | NOT_ENOUGH_INFO
    kind: str
    article: str
    dateline: dt.date | None = None


def check_cases(
    fc: Any,
    cases: list[Case],
    record: list[dict[str, Any]] | None = None,
    confidences: list[float] | None = None,
) -> list[str]:
    """Predicted label per case (an error row counts as its error's class name); with
    ``record``, each verdict's label, confidence and rationale are appended to it (to diff
    two versions of the code verdict by verdict); with ``confidences``, each verdict's
    confidence (0.0 for an error row)."""
    from factcheck.types import Claim

    out = []
    batch = [
        Claim(id=c.id, text=c.claim, span=(0, len(c.claim)), dateline=c.dateline) for c in cases
    ]
    # Claims as Claim objects: the chain analyses each with its own dateline.
    for c, v in zip(cases, fc.check_many(batch), strict=True):
        out.append(v.label.value if hasattr(v, "label") else type(v).__name__)
        if confidences is not None:
            confidences.append(float(getattr(v, "confidence", 0.0)))
        if record is not None:
            row = {"id": c.id, "claim": c.claim, "label": out[-1]}
            if hasattr(v, "label"):
                row |= {"confidence": round(v.confidence, 3), "rationale": v.rationale}
            record.append(row)
    return out


CONFIDENT = 0.9  # a desk sorts by confidence: how often is a verdict this sure right?


def score(
    cases: list[Case], preds: list[str], confidences: list[float] | None = None
) -> dict[str, Any]:
    """Accuracy overall and per kind, the confusion matrix, the false-SUPPORTED rate
    (share of claims that are not true and were called SUPPORTED), SUPPORTED recall, true
    claims called REFUTED, and (given the confidences) how often a SUPPORTED or REFUTED
    verdict with confidence >= CONFIDENT is right."""
    n = len(cases)
    ok = sum(p == c.label for c, p in zip(cases, preds, strict=True))
    per: Counter[str] = Counter()
    per_ok: Counter[str] = Counter()
    conf: Counter[tuple[str, str]] = Counter()
    for c, p in zip(cases, preds, strict=True):
        per[c.kind] += 1
        per_ok[c.kind] += p == c.label
        conf[(c.label, p)] += 1
    untrue = [p for c, p in zip(cases, preds, strict=True) if c.label != "SUPPORTED"]
    false_sup = sum(p == "SUPPORTED" for p in untrue)
    called = Counter(preds)
    precision = {
        lab: round(conf[(lab, lab)] / called[lab], 3) if called[lab] else None for lab in LABELS
    }
    true = [p for c, p in zip(cases, preds, strict=True) if c.label == "SUPPORTED"]
    out: dict[str, Any] = {
        "claims": n,
        "accuracy": round(ok / n, 3) if n else 0.0,
        "false_supported": round(false_sup / len(untrue), 3) if untrue else 0.0,
        "false_supported_n": false_sup,
        "supported_recall": round(true.count("SUPPORTED") / len(true), 3) if true else None,
        "true_called_refuted": true.count("REFUTED"),
        "untrue": len(untrue),
        "precision": precision,
        "by_kind": {k: [round(per_ok[k] / m, 3), m] for k, m in sorted(per.items())},
        "confusion": {
            g: {p: conf[(g, p)] for p in (*LABELS, "CONFLICTING") if conf[(g, p)]} for g in LABELS
        },
    }
    if confidences is not None:
        sure = [
            p == c.label
            for c, p, x in zip(cases, preds, confidences, strict=True)
            if p in ("SUPPORTED", "REFUTED") and x >= CONFIDENT
        ]
        out["confident"] = {
            "n": len(sure),
            "right": round(sum(sure) / len(sure), 3) if sure else None,
        }
    return out


def print_score(title: str, s: dict[str, Any]) -> None:
    print(f"\n## {title}")
    print(
        f"claims {s['claims']}  accuracy {s['accuracy']:.3f}  false-SUPPORTED "
        f"{s['false_supported']:.3f} ({s['false_supported_n']} of {s['untrue']} untrue)  "
        f"SUPPORTED recall {s['supported_recall']}  true called REFUTED "
        f"{s['true_called_refuted']}  precision {s['precision']}"
    )
    if "confident" in s:
        c = s["confident"]
        print(f"SUPPORTED/REFUTED with confidence >= {CONFIDENT}: {c['n']}, right {c['right']}")
    print("| kind | accuracy | n |\n|---|---|---|")
    for k, (acc, m) in s["by_kind"].items():
        print(f"| {k} | {acc:.3f} | {m} |")
    print("confusion (gold -> predicted):", s["confusion"])


def finish(
    title: str,
    cases: list[Case],
    preds: list[str],
    s: dict[str, Any],
    json_path: Path | None,
    show: int,
) -> None:
    """Print the scores, write them as JSON when asked, and show up to ``show`` misses."""
    import json

    print_score(title, s)
    if json_path:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(s, indent=1))
    wrong = [(c, p) for c, p in zip(cases, preds, strict=True) if p != c.label]
    for c, p in wrong[:show]:
        print(f"--- {c.kind}: gold {c.label}, got {p}\n    {c.claim}  [{c.article}]")


def run_generated(
    doc: str,
    name: str,
    generator: str,
    generate: Any,
    split_of: Any,
    argv: list[str] | None = None,
    extra: Any = None,
) -> int:
    """The command line of a benchmark generated from folders of sources (contrast,
    attribution): generate, keep one split, check against one store of every source,
    score and report. ``extra(scores)`` may add figures to the scores."""
    import argparse
    import json
    import sys
    import time

    ap = argparse.ArgumentParser(description=doc.split("\n")[0])
    ap.add_argument("folders", nargs="*", type=Path, default=[NEWS])
    ap.add_argument("--split", choices=["dev", "test", "all"], default="test")
    ap.add_argument("--model", default="shipped", help="shipped | none | a model folder")
    ap.add_argument("--set", nargs="*", default=[], metavar="NAME=VALUE")
    ap.add_argument("--write", type=Path, help="save the generated claims (JSONL)")
    ap.add_argument("--show", type=int, default=0, help="print N wrong verdicts")
    ap.add_argument("--json", type=Path, help="write the scores as JSON")
    args = ap.parse_args(argv)
    for folder in args.folders:
        if not folder.is_dir():
            print(f"{folder}: not a folder", file=sys.stderr)
            return 2
    fc = make_checker(args.model, parse_overrides(args.set))
    fc.analyzer.warm_up()
    files, cases = generate(args.folders, fc.analyzer.nlp)
    if args.split != "all":
        cases = [c for c in cases if split_of(c.article) == args.split]
    if args.write:
        with args.write.open("w", encoding="utf-8") as out:
            for c in cases:
                out.write(json.dumps({**c.__dict__, "dateline": str(c.dateline)}) + "\n")
    t0 = time.perf_counter()
    ingest(fc, files)
    t1 = time.perf_counter()
    confs: list[float] = []
    preds = check_cases(fc, cases, confidences=confs)
    t2 = time.perf_counter()
    s = score(cases, preds, confs) | {
        "generator": generator,
        "split": args.split,
        "sources": len(files),
        "model": args.model,
        "overrides": dict(parse_overrides(args.set)),
        "settings": settings_report(fc),
    }
    if extra is not None:
        extra(s)
    title = f"{name} ({generator}), {args.split} half, model {args.model}"
    finish(title, cases, preds, s, args.json, args.show)
    print(f"ingest {t1 - t0:.0f} s, check {t2 - t1:.0f} s")
    return 0


@contextlib.contextmanager
def chroma_server(path: Path) -> Iterator[str]:
    """``chroma run`` on a store's folder (no other client may have it open), up and
    answering; its URL. Stopped on leaving."""
    import socket
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    exe = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    cmd = [exe, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=60)
