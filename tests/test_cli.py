import json

import pytest
from click.testing import CliRunner

from factcheck.interfaces.cli.commands import main

from .conftest import SEED_FILE, SEEDS

ENV = {"FACTCHECK_USE_STANCE_MODEL": "false"}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    d = tmp_path_factory.mktemp("vs")
    r = CliRunner().invoke(main, ["--store", str(d), "ingest", str(SEEDS)], env=ENV)
    assert r.exit_code == 0, r.output
    assert "1 added" in r.output and "passages" in r.output
    return str(d)


def run(*args, store=None, input=None):
    pre = ["--store", store] if store else []
    return CliRunner().invoke(main, [*pre, *args], env=ENV, input=input)


def test_ingest_again_is_unchanged(store):
    r = run("ingest", str(SEEDS), store=store)
    assert r.exit_code == 0 and "1 unchanged" in r.output


def test_ingest_bad_files_exit_nonzero_but_keep_good_ones(tmp_path):
    (tmp_path / "ok.txt").write_text("The 12 ships sailed on Monday from the port of Hull.")
    (tmp_path / "bad.txt").write_bytes(b"ok \xfa\xfb\xfc")
    r = run("ingest", str(tmp_path), str(tmp_path / "missing.md"), store=str(tmp_path / "vs"))
    assert r.exit_code == 1
    assert "bad.txt" in r.output and "not valid UTF-8" in r.output
    assert "missing.md: no such file" in r.output
    assert "1 added" in r.output
    r = run("sources", "--json", store=str(tmp_path / "vs"))
    assert [s["title"] for s in json.loads(r.output)] == ["ok"]


def test_sources_search_remove(store):
    r = run("sources", store=store)
    assert "Biden and Putin" in r.output and "2021-12-31" in r.output
    r = run("search", "How many troops are at the border?", "-k", "2", "--json", store=store)
    hits = json.loads(r.output)
    assert len(hits) == 2 and "100,000" in hits[0]["text"] and hits[0]["score"] > 0.3


def test_check_readable_and_json(store):
    r = run("check", "Biden and Putin had a 90-minute call", store=store)
    assert r.exit_code == 0
    assert r.output.startswith("REFUTED") and "[50-minute]" in r.output
    r = run("check", "Putin seized Crimea in 2014", "--json", store=store)
    d = json.loads(r.output)
    assert d["label"] == "SUPPORTED" and d["evidence"][0]["span"][1] > 0


def test_check_errors_are_messages_not_tracebacks(store):
    r = run("check", "", store=store)
    assert r.exit_code == 1 and "empty" in r.output and "Traceback" not in r.output
    r = run("check", "x", "--dateline", "31/12/2021", store=store)
    assert r.exit_code == 2 and "YYYY-MM-DD" in r.output


def test_claims_command(tmp_path):
    r = run("claims", str(SEED_FILE), "--json")
    assert r.exit_code == 0
    rows = [json.loads(line) for line in r.output.splitlines()]
    assert any("50-minute" in c["text"] for c in rows)
    r = run(
        "claims",
        "-",
        input="The mayor said 3,000 homes lost power on Monday.",
    )
    assert "3,000" in r.output
    r = run("claims", str(tmp_path / "nope.txt"))
    assert r.exit_code == 1 and "no such file" in r.output


def test_check_article(store):
    r = run("check-article", str(SEED_FILE), "--json", store=store)
    assert r.exit_code == 0
    rep = json.loads(r.output)
    assert rep["dateline"] == "2021-12-31" and len(rep["verdicts"]) >= 10


def test_bad_config(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text("top_k = 0\n")
    r = run("--config", str(cfg), "sources")
    assert r.exit_code == 1 and "top_k" in r.output
    r = CliRunner().invoke(main, ["sources"], env={"FACTCHECK_CHROMA_URL": "ftp://x"})
    assert r.exit_code == 1 and "chroma_url" in r.output


def test_an_ingest_error_is_printed_once(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary")
    r = run("ingest", str(tmp_path / "bad.txt"), store=str(tmp_path / "vs"))
    assert r.exit_code == 1
    assert r.output.count("bad.txt") == 1, r.output
