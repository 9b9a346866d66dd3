"""``--resume`` is exact for every report format: a report cut anywhere (a killed run)
resumes to the same bytes as a run that was never interrupted."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factcheck.interfaces.batch.report_file import ReportWriter, read_back

ROOT = Path(__file__).resolve().parent.parent

ROWS = [
    {"id": "a", "claim": "Plain", "label": "SUPPORTED", "confidence": 0.9, "rationale": "ok"},
    {
        "id": "b,1",
        "claim": 'A "quoted"\nmulti-line claim, with commas',
        "label": "REFUTED",
        "confidence": 0.7,
        "rationale": 'line one\r\nline "two"',
    },
    {
        "id": "=c",
        "claim": '=HYPERLINK("http://x")',
        "label": "NOT_ENOUGH_INFO",
        "confidence": 0.5,
        "rationale": "é ü 漢字 \u2028 sep",
    },
    {"id": "d", "line": 4, "error": "line 4: the claim is empty"},
]


def _write(path: Path, fmt: str, rows: list[dict], resume: bool = False) -> ReportWriter:
    w = ReportWriter(path, fmt, resume)
    for r in rows:
        if r["id"] not in w.done and str("'" + r["id"]) not in w.done:
            w.write(r)
    return w


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_a_report_cut_at_any_byte_resumes_to_the_full_report(tmp_path, fmt, monkeypatch):
    monkeypatch.setattr(os, "fsync", lambda fd: None)  # thousands of rewrites below
    full = tmp_path / f"full.{fmt}"
    _write(full, fmt, ROWS).close()
    data = full.read_bytes()
    ids = read_back(full, fmt)
    assert len(ids) == len(ROWS)
    out = tmp_path / f"cut.{fmt}"
    for cut in range(len(data) + 1):
        out.write_bytes(data[:cut])
        got = read_back(out, fmt)
        assert got == ids[: len(got)], cut  # only whole rows, in order
        assert data.startswith(out.read_bytes())  # the partial tail is gone
        w = ReportWriter(out, fmt, resume=True)
        for r, key in zip(ROWS, ids, strict=True):
            if key not in w.done:
                w.write(r)
        w.close()
        assert out.read_bytes() == data, f"cut at byte {cut}"


def test_csv_read_back_keeps_a_quoted_newline_inside_its_row(tmp_path):
    p = tmp_path / "r.csv"
    _write(p, "csv", ROWS[:2]).close()
    data = p.read_bytes()
    inside = data.index(b"multi-line") - 2  # cut inside the quoted field, after its newline
    p.write_bytes(data[:inside])
    assert read_back(p, "csv") == ["a"]


def test_resume_into_a_file_that_is_not_a_report_is_refused(tmp_path):
    from factcheck.interfaces.batch.report_file import OutputError

    p = tmp_path / "notes.jsonl"
    p.write_text("my own notes\n")
    with pytest.raises(OutputError, match="not a factcheck report row"):
        ReportWriter(p, "jsonl", resume=True)


@pytest.mark.parametrize(
    ("fmt", "text"),
    [
        ("csv", "id,claim\nr1,Sales rose 5%.\nr2,Prices fell"),
        ("jsonl", '{"id": "r1", "claim": "Sales rose 5%."}\n{"id": "r2", "claim": "Pri'),
    ],
)
def test_an_input_file_is_never_taken_for_a_report_or_cut(tmp_path, fmt, text):
    """Claims with ids look like rows: resuming into them must not call them all done,
    nor cut their unfinished last line."""
    from factcheck.interfaces.batch.report_file import OutputError

    p = tmp_path / f"claims.{fmt}"
    p.write_text(text)
    with pytest.raises(OutputError, match="not a factcheck"):
        ReportWriter(p, fmt, resume=True)
    assert p.read_text() == text


def test_the_report_may_not_be_the_input(tmp_path, hash_checker):
    from factcheck.errors import InputError
    from factcheck.interfaces.batch.run import run_batch

    inp = tmp_path / "claims.csv"
    inp.write_text("id,claim\nr1,Sales rose 5%.\n")
    link = tmp_path / "link.csv"
    link.symlink_to(inp)
    for out in (inp, tmp_path / "." / "claims.csv", link):
        with pytest.raises(InputError, match="is the input file"):
            run_batch(hash_checker, inp, out=out, fmt="csv")
        assert inp.read_text() == "id,claim\nr1,Sales rose 5%.\n"


# -- real processes, killed -------------------------------------------------------------------

N_ROWS = 40


@pytest.fixture(scope="module")
def claims_file(tmp_path_factory) -> Path:
    p = tmp_path_factory.mktemp("kill") / "claims.jsonl"
    lines = []
    for i in range(N_ROWS):
        claim = f"Claim number {i} says {i * 7} things" + (
            " and asks to fail" if i % 9 == 4 else ""
        )
        lines.append(json.dumps({"id": f"r{i:02d}", "claim": claim}))
    lines.insert(10, "{broken")
    lines.insert(20, json.dumps({"id": 5, "claim": 12345}))
    p.write_text("\n".join(lines) + "\n")
    return p


def _worker(inp: Path, out: Path, fmt: str, resume: bool = False) -> list[str]:
    return [sys.executable, "-m", "tests.helpers.batch_worker", str(inp), str(out), fmt] + (
        ["--resume"] if resume else []
    )


def _run(cmd: list[str]) -> None:
    subprocess.run(cmd, check=True, cwd=ROOT, capture_output=True, timeout=120)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "md", "claimreview"])
def test_killed_runs_resume_to_the_uninterrupted_report(tmp_path, claims_file, fmt):
    """Six SIGKILLs at random moments per format (24 in all), each resumed."""
    # Two uninterrupted runs: the same bytes, and the faster one times the kills (the first
    # run of a session pays for cold imports, so kills timed by it land after a warm run ends).
    took = float("inf")
    reports = []
    for n in range(2):
        ref = tmp_path / f"ref{n}.{fmt}"
        t0 = time.perf_counter()
        _run(_worker(claims_file, ref, fmt))
        took = min(took, time.perf_counter() - t0)
        reports.append(ref.read_bytes())
    want = reports[0]
    assert want
    assert reports[1] == want
    rng = random.Random(f"kill-{fmt}")
    interrupted = 0
    for k in range(6):
        out = tmp_path / f"run{k}.{fmt}"
        proc = subprocess.Popen(
            _worker(claims_file, out, fmt),
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.05, 0.9 * took))
        proc.send_signal(signal.SIGKILL)
        interrupted += proc.wait() == -signal.SIGKILL
        _run(_worker(claims_file, out, fmt, resume=True))
        assert out.read_bytes() == want, f"kill {k} of {fmt}"
        assert not out.with_name(out.name + ".partial.jsonl").exists()
    assert interrupted >= 3, "most kills should land before the run ends"
