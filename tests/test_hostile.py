"""Hostile inputs (issue #30): each case runs in a subprocess under a 2 GiB address-space
limit and a 60 s timeout, and must end with a named refusal, never a hang, a traceback or
unbounded memory."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import resource
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from factcheck.interfaces.batch.report_file import OutputError, ReportWriter
from factcheck.types import Verdict

ROOT = Path(__file__).resolve().parent.parent
LIMIT_BYTES = 2 * 1024**3


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT_BYTES, LIMIT_BYTES))


def hostile(code: str, timeout: int = 60) -> dict:
    """Run ``code`` (which prints one JSON object last) in a limited subprocess."""
    proc = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=_limit,
        env={**os.environ, "HF_HUB_OFFLINE": "1"},
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


READ = """
    import json, sys
    from pathlib import Path
    from factcheck.errors import InputError
    from factcheck.sources.readers import read_file
    try:
        read_file(Path(sys.argv[-1] if len(sys.argv) > 1 else {path!r}))
        print(json.dumps({{"error": None}}))
    except InputError as ex:
        print(json.dumps({{"error": str(ex)}}))
"""


@pytest.mark.skipif(not Path("/dev/urandom").exists(), reason="needs /dev/urandom")
def test_a_link_to_an_endless_device_is_refused_unread(tmp_path):
    link = tmp_path / "wire.txt"
    link.symlink_to("/dev/urandom")
    got = hostile(READ.format(path=str(link)))
    assert "not a regular file" in got["error"] and "wire.txt" in got["error"]


def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "wire.txt"
    os.mkfifo(fifo)
    got = hostile(READ.format(path=str(fifo)), timeout=30)
    assert "not a regular file" in got["error"]


def test_a_review_file_that_is_a_fifo_is_refused(tmp_path):
    fifo = tmp_path / "reviews.json"
    os.mkfifo(fifo)
    got = hostile(
        f"""
        import json
        from pathlib import Path
        from factcheck.errors import InputError
        from factcheck.reviews.claimreview import read_reviews
        try:
            read_reviews(Path({str(fifo)!r}))
            print(json.dumps({{"error": None}}))
        except InputError as ex:
            print(json.dumps({{"error": str(ex)}}))
        """,
        timeout=30,
    )
    assert "not a regular file" in got["error"]


def test_a_file_over_the_limit_is_refused_before_reading(tmp_path):
    from factcheck.errors import InputError
    from factcheck.sources.readers import read_bytes

    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 2048)
    with pytest.raises(InputError, match="too large"):
        read_bytes(big, 1024)
    assert read_bytes(big, 4096) == b"x" * 2048


def test_a_report_on_a_full_disk_is_one_named_error(tmp_path, monkeypatch):
    w = ReportWriter(tmp_path / "r.jsonl", "jsonl", False)
    w.write({"id": "a", "label": "SUPPORTED"})

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(w.fh, "write", full)
    with pytest.raises(OutputError, match="no space left on the disk"):
        w.write({"id": "b", "label": "REFUTED"})
    monkeypatch.undo()
    w.close()
    assert json.loads((tmp_path / "r.jsonl").read_text())["id"] == "a"  # kept


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_report_to_dev_full_and_stdout_on_a_full_disk(monkeypatch):
    w = ReportWriter(Path("/dev/full"), "jsonl", False)
    with pytest.raises(OutputError, match="/dev/full: no space left on the disk"):
        w.write({"id": "a", "label": "SUPPORTED"})
    full = open("/dev/full", "w", encoding="utf-8")  # noqa: SIM115 - closed below
    monkeypatch.setattr(sys, "stdout", full)
    t = ReportWriter(None, "csv", False)
    with pytest.raises(OutputError, match="the output: no space left on the disk"):
        t.write({"id": "a", "label": "SUPPORTED"})
    monkeypatch.undo()
    with contextlib.suppress(OSError):  # the buffered header cannot be written either
        full.close()


BOMB = (
    "---\n"
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
    "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
    "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
    "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
    "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n"
    "title: Boom\n"
    "---\n"
    "The port reopened on Monday.\n"
)


def test_a_yaml_alias_bomb_is_refused_at_once_and_the_other_files_go_on(tmp_path):
    (tmp_path / "bomb.md").write_text(BOMB, encoding="utf-8")
    (tmp_path / "good.md").write_text("The port handled 200 ships in May.\n", encoding="utf-8")
    got = hostile(
        f"""
        import json, uuid
        import chromadb
        from factcheck.api import FactChecker
        from factcheck.backends.embedders import HashEmbedder
        from factcheck.config import Settings
        from factcheck.sources.store import PassageStore
        client = chromadb.EphemeralClient(settings=chromadb.Settings(anonymized_telemetry=False))
        store = PassageStore(client, HashEmbedder(), "t" + uuid.uuid4().hex)
        fc = FactChecker(store, settings=Settings(use_stance_model=False))
        res = fc.ingest([{str(tmp_path)!r}])
        print(json.dumps({{"added": res.added, "errors": res.errors}}))
        """
    )
    assert got["added"] == 1
    [(path, msg)] = got["errors"]
    assert path.endswith("bomb.md") and "alias" in msg


def test_front_matter_of_the_wrong_type_is_left_empty_with_a_warning():
    from factcheck.sources.readers import load_text

    raw = "---\ndate: [2021, 12, 31]\nurl: {a: 1}\ntitle: Port\n---\nThe port reopened.\n"
    src, _ = load_text(raw, source_id="port.md", fmt="markdown")
    assert src.dateline is None and src.url == "" and src.title == "Port"
    assert src.warnings == (
        "port.md: front matter 'date' is a list, not a date; no dateline",
        "port.md: front matter 'url' is a dict, not text; left empty",
    )


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_a_dateline_off_the_calendar_is_ignored_at_ingest_and_refused_at_check(hash_checker, day):
    from factcheck.errors import InputError

    raw = f"---\ndate: {day}\n---\nThe port reopened on Thursday after 12 days.\n"
    res = hash_checker.ingest_text(raw, name="odd.md", fmt="markdown")
    assert res.added == 1
    assert res.warnings == (f"odd.md: dateline {day} is outside 1800-2200; ignored",)
    v = hash_checker.check("The port reopened on Thursday after 12 days.")
    assert v.label is not None  # the passage is evidence, and no check fails on it
    with pytest.raises(InputError, match="outside 1800-2200"):
        hash_checker.check("The port reopened on Thursday.", dateline=day)


@pytest.mark.parametrize("junk", ["\u200b", "\u200b ", " \x1b[31m", "\u2066", " \x1b]0;x\x07"])
def test_invisible_characters_between_sentences_change_no_claim_or_verdict(hash_checker, junk):
    hash_checker.ingest_text(
        "The port handled 200 ships in May. Officials said 40 boats were damaged.",
        name="port.txt",
    )
    clean = "The port handled 300 ships in May. Officials said 40 boats were damaged."
    dirty = clean.replace(". O", "." + junk + ("" if junk.endswith(" ") else " ") + "O")
    want = hash_checker.check_article(clean)
    got = hash_checker.check_article(dirty)
    assert [v.claim.text for v in got.verdicts] == [v.claim.text for v in want.verdicts]
    assert [v.label for v in got.verdicts] == [v.label for v in want.verdicts]
    for v in got.verdicts:  # spans still point into the text as given
        a, b = v.claim.span
        assert dirty[a:b].strip().startswith(v.claim.text[:10])


@pytest.mark.parametrize("doc", ["[" * 200_000, '{"a":' * 100_000 + "1" + "}" * 100_000])
def test_deeply_nested_review_json_is_refused_by_name(tmp_path, doc):
    f = tmp_path / "reviews.json"
    f.write_text(doc, encoding="utf-8")
    got = hostile(
        f"""
        import json
        from pathlib import Path
        from factcheck.errors import InputError
        from factcheck.reviews.claimreview import read_reviews
        try:
            got = read_reviews(Path({str(f)!r}))
            print(json.dumps({{"error": None, "errors": got.errors}}))
        except InputError as ex:
            print(json.dumps({{"error": str(ex)}}))
        """
    )
    assert "nested too deeply" in (got["error"] or str(got.get("errors")))


@pytest.mark.parametrize("day", [dt.date(1, 1, 1), dt.date(9999, 12, 31)])
def test_a_passage_dated_off_the_calendar_in_an_old_store_fails_no_check(hash_checker, day):
    """Stores written before the dateline check may hold such a date: the passage that
    says "on Thursday" is read without it, and every check that retrieves it goes on."""
    from dataclasses import replace

    from factcheck.sources.readers import load_text

    src, body = load_text(
        "The port reopened on Thursday after 12 days. The mayor said 40 boats sank.",
        source_id="old.txt",
    )
    src = replace(src, dateline=day)
    hash_checker.store.add_source(src, hash_checker._split(src, body))
    for claim in ("The port reopened on Thursday after 12 days.", "The mayor said 40 boats sank."):
        v = hash_checker.check(claim, dateline=dt.date(2021, 12, 31))
        assert v.label is not None
    out = list(hash_checker.check_many(["The port reopened on Thursday.", "40 boats sank."]))
    assert all(isinstance(x, Verdict) for x in out), out
