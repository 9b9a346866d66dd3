"""``factcheck watch`` (issue #32): sources ingested and drafts checked as they arrive, a
report per draft that says what changed and why, state that survives a restart, and the
files editors leave behind (half-written saves, bursts, swap files) handled."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest

from factcheck.interfaces.watch.state import STATE_FILE
from factcheck.interfaces.watch.watcher import WatchConfig, Watcher

PORT = "The port of Examplehaven handled 412 ships in May, the harbour master said.\n"
DRAFT = "The port of Examplehaven handled 412 ships in May.\n"


def _desk(tmp_path: Path) -> tuple[Path, Path, Path]:
    wires, drafts, reports = tmp_path / "wires", tmp_path / "drafts", tmp_path / "reports"
    wires.mkdir()
    drafts.mkdir()
    return wires, drafts, reports


def _watcher(fc, tmp_path: Path, said: list[str], **kw) -> Watcher:
    wires, drafts, reports = tmp_path / "wires", tmp_path / "drafts", tmp_path / "reports"
    cfg = WatchConfig(sources=(wires,), drafts=drafts, reports=reports, **kw)
    return Watcher(fc, cfg, say=said.append)


def _report(tmp_path: Path, name: str) -> dict:
    return json.loads((tmp_path / "reports" / f"{name}.json").read_text(encoding="utf-8"))


def _age(path: Path, seconds: float = 10.0) -> None:
    """Make a file look saved ``seconds`` ago (settled)."""
    t = time.time() - seconds
    os.utime(path, (t, t))


def test_once_writes_a_report_for_every_draft_and_a_restart_does_nothing_twice(
    tmp_path, hash_checker
):
    wires, drafts, _ = _desk(tmp_path)
    (wires / "port.txt").write_text(PORT)
    (drafts / "port.md").write_text(DRAFT)
    (drafts / "sub").mkdir()
    (drafts / "sub" / "mayor.txt").write_text("The mayor opened 3 schools in 2021.\n")
    said: list[str] = []
    look = _watcher(hash_checker, tmp_path, said).look()
    assert len(look.ingested) == 1 and sorted(map(Path, look.checked)) == sorted(
        [drafts / "port.md", drafts / "sub" / "mayor.txt"]
    )
    for name in ("port.md", "sub/mayor.txt"):  # the reports mirror the drafts' folders
        got = _report(tmp_path, name)
        assert got["claims"] == len(got["verdicts"]) >= 1
        assert all(v["reviewed"] is False for v in got["verdicts"])
        md = (tmp_path / "reports" / f"{name}.md").read_text(encoding="utf-8")
        assert md.startswith("# Fact-check: ") and "| **total** |" in md
    assert any(s.startswith(f"{drafts / 'port.md'}: 1 claims:") for s in said)
    assert (tmp_path / "reports" / STATE_FILE).exists()

    # a restart: nothing read again, nothing checked again; a touch without a change neither
    (drafts / "port.md").touch()
    again = _watcher(hash_checker, tmp_path, [])
    nothing = again.look()
    assert (nothing.ingested, nothing.checked, nothing.failed) == ([], [], [])
    (drafts / "port.md").write_text(DRAFT + "The port employs 1,200 dockers.\n")
    changed = again.look()
    assert changed.checked == [str(drafts / "port.md")] and changed.ingested == []
    assert _report(tmp_path, "port.md")["claims"] == 2


def test_a_wire_that_contradicts_a_draft_changes_its_report_and_says_why(tmp_path, real_checker):
    wires, drafts, _ = _desk(tmp_path)
    (wires / "mayor.txt").write_text("The mayor opened 3 schools in 2021.\n")
    (drafts / "port.md").write_text(DRAFT)
    fc = real_checker("watch")
    said: list[str] = []
    w = _watcher(fc, tmp_path, said, recheck_every_s=0)
    w.look()
    before = _report(tmp_path, "port.md")["verdicts"][0]
    assert before["label"] == "NOT_ENOUGH_INFO"
    (wires / "wire-0412.txt").write_text(
        "The port of Examplehaven handled 390 ships in May, the harbour master said.\n"
    )
    look = w.look()
    assert look.checked == [str(drafts / "port.md")]  # re-checked: the sources changed
    got = _report(tmp_path, "port.md")
    assert got["verdicts"][0]["label"] == "REFUTED"
    [change] = got["changes"]
    assert change["was"] == "NOT_ENOUGH_INFO" and change["now"] == "REFUTED"
    assert change["why"] == "since wire-0412.txt arrived"
    md = (tmp_path / "reports" / "port.md.md").read_text(encoding="utf-8")
    assert "Changes since the last check" in md and "wire-0412.txt arrived" in md
    assert "1 changed since the last check" in said[-1]

    # an editor marks the verdict reviewed: a later change is flagged, not written over
    got["verdicts"][0]["reviewed"] = True
    (tmp_path / "reports" / "port.md.json").write_text(json.dumps(got))
    (wires / "wire-0412.txt").unlink()
    w2 = _watcher(fc, tmp_path, [], recheck_every_s=0, prune=True)
    look = w2.look()
    assert look.removed == [str(wires / "wire-0412.txt")]
    kept = _report(tmp_path, "port.md")
    row = kept["verdicts"][0]
    assert row["label"] == "REFUTED" and row["reviewed"] is True
    assert "the check now says NOT_ENOUGH_INFO" in row["flag"]
    assert "(wire-0412.txt) was withdrawn or removed" in row["flag"]
    assert kept["changes"][0]["kept"] is True


def test_a_wire_story_withdrawn_by_its_agency_is_named_in_the_reports_that_cited_it(
    tmp_path, real_checker
):
    wires, drafts, _ = _desk(tmp_path)
    fixtures = Path(__file__).parent / "fixtures" / "wire"
    (wires / "port.xml").write_bytes((fixtures / "port-v1.xml").read_bytes())
    (drafts / "port.md").write_text(DRAFT)
    w = _watcher(real_checker("withdrawn"), tmp_path, [], recheck_every_s=0)
    w.look()
    assert _report(tmp_path, "port.md")["verdicts"][0]["label"] == "SUPPORTED"
    (wires / "port.xml").write_bytes((fixtures / "port-canceled.xml").read_bytes())
    w.look()
    got = _report(tmp_path, "port.md")
    [change] = got["changes"]
    assert (change["was"], change["now"]) == ("SUPPORTED", "NOT_ENOUGH_INFO")
    assert change["why"] == (
        "since “Examplehaven port handled 412 ships in May”"
        " (urn:newsml:wire.example.org:20240514:examplehaven-port) was withdrawn or removed"
    )


def test_rechecks_wait_for_the_recheck_interval_and_the_window(tmp_path, hash_checker):
    wires, drafts, _ = _desk(tmp_path)
    (drafts / "new.md").write_text(DRAFT)
    (drafts / "old.md").write_text("The mayor opened 3 schools in 2021.\n")
    _age(drafts / "old.md", 3 * 24 * 3600)  # saved three days ago: outside the window
    w = _watcher(hash_checker, tmp_path, [], recheck_every_s=3600, settle_s=0)
    w.look()
    (wires / "port.txt").write_text(PORT)
    _age(wires / "port.txt")
    first = w.look(live=True)  # the first recheck is due at once
    assert first.checked == [str(drafts / "new.md")]
    (wires / "more.txt").write_text("The port employs 1,200 dockers.\n")
    _age(wires / "more.txt")
    second = w.look(live=True)  # within the hour: ingested, the recheck waits
    assert second.ingested and second.checked == [] and second.waiting == 1
    assert w.look().checked == [str(drafts / "new.md")]  # --once: no waiting


def test_a_bad_source_is_reported_once_and_the_watch_goes_on(tmp_path, hash_checker):
    wires, drafts, _ = _desk(tmp_path)
    (wires / "bad.txt").write_bytes(b"\xff\xfe\xfa not text \x00\x00")
    (wires / "port.txt").write_text(PORT)
    (drafts / "empty.md").write_text("")
    (drafts / "port.md").write_text(DRAFT)
    said: list[str] = []
    w = _watcher(hash_checker, tmp_path, said)
    look = w.look()
    assert look.ingested == [str(wires / "port.txt")]
    assert sorted(look.failed) == [str(drafts / "empty.md"), str(wires / "bad.txt")]
    assert sum("bad.txt" in s for s in said) == 1 and sum("empty.md" in s for s in said) == 1
    assert (tmp_path / "reports" / "port.md.json").exists()
    w.look()
    (wires / "other.txt").write_text("The port employs 1,200 dockers.\n")
    w.look()
    assert sum("bad.txt" in s for s in said) == 1  # once, until the file changes


def test_editors_temporary_files_are_not_read(tmp_path, hash_checker):
    wires, drafts, _ = _desk(tmp_path)
    for name in (".port.txt.swp", "~$port.docx", "port.txt~", "port.tmp", "#port.md#"):
        (wires / name).write_text(PORT)
        (drafts / name).write_text(DRAFT)
    (wires / "4913").write_text(PORT)
    look = _watcher(hash_checker, tmp_path, []).look()
    assert (look.ingested, look.checked, look.failed) == ([], [], [])
    assert hash_checker.store.count() == 0


def test_a_save_still_being_written_waits_until_it_settles(tmp_path, hash_checker):
    _, drafts, _ = _desk(tmp_path)
    w = _watcher(hash_checker, tmp_path, [], settle_s=0.5)
    (drafts / "port.md").write_text(DRAFT)
    _age(drafts / "port.md", -120)  # a share whose clock runs ahead: still settles
    look = w.look(live=True)
    assert look.checked == [] and look.waiting == 1
    time.sleep(0.6)
    assert w.look(live=True).checked == [str(drafts / "port.md")]


def test_a_half_written_file_that_fails_to_read_is_retried_not_reported(tmp_path, hash_checker):
    _, drafts, _ = _desk(tmp_path)
    said: list[str] = []
    w = _watcher(hash_checker, tmp_path, said, settle_s=0, retry_s=30)
    (drafts / "story.docx").write_bytes(b"PK\x03\x04 half a zip")
    assert w.look(live=True).waiting == 1 and said == []
    import docx

    doc = docx.Document()
    doc.add_paragraph(DRAFT.strip())
    doc.save(str(drafts / "story.docx"))
    look = w.look(live=True)
    assert look.checked == [str(drafts / "story.docx")] and not look.failed
    assert not any("failed" in s for s in said)


def _live(w: Watcher):
    stop = threading.Event()
    t = threading.Thread(target=w.run, kwargs={"stop": stop}, daemon=True)
    t.start()
    time.sleep(1.0)
    return stop, t


def _wait(cond, seconds: float = 60.0) -> None:
    deadline = time.time() + seconds
    while not cond():
        assert time.time() < deadline, "not within 60 s"
        time.sleep(0.2)


@pytest.mark.slow
def test_live_a_saved_draft_gets_its_report_and_bursts_and_partial_writes_are_one_check(
    tmp_path, real_checker
):
    wires, drafts, reports = _desk(tmp_path)
    said: list[str] = []
    w = _watcher(  # file events only: no rescan in quiet spells
        real_checker("live"),
        tmp_path,
        said,
        settle_s=0.5,
        debounce_ms=200,
        recheck_every_s=0,
        rescan_s=1e9,
    )
    stop, t = _live(w)
    try:
        # a partial write: half the draft, a pause shorter than the settle time, the rest
        with (drafts / "port.md").open("w") as fh:
            fh.write("The port of Examplehaven handled 412 ships in May.\n")
            fh.flush()
            time.sleep(0.2)
            fh.write("The port employs 1,200 dockers.\n")
        # a burst of saves of another draft
        for i in range(10):
            (drafts / "mayor.md").write_text(f"The mayor opened {i + 1} schools in 2021.\n")
            time.sleep(0.02)
        _wait(lambda: (reports / "port.md.json").exists() and (reports / "mayor.md.json").exists())
        assert _report(tmp_path, "port.md")["claims"] == 2  # never read half-written
        assert "10 schools" in _report(tmp_path, "mayor.md")["verdicts"][0]["claim"]
        time.sleep(1.5)
        checks = [s for s in said if s.startswith(str(drafts))]
        assert len(checks) == 2, said  # one check each, not one per save
        # a wire that contradicts the draft arrives: its report changes, and says why
        (wires / "wire-0412.txt").write_text(
            "The port of Examplehaven handled 390 ships in May, the harbour master said.\n"
        )
        _wait(lambda: _report(tmp_path, "port.md")["changes"])
        [change] = _report(tmp_path, "port.md")["changes"]
        assert change["now"] == "REFUTED" and change["why"] == "since wire-0412.txt arrived"
    finally:
        stop.set()
        t.join(timeout=10)
    assert not t.is_alive()


def test_live_polling_for_network_shares(tmp_path, hash_checker):
    _, drafts, reports = _desk(tmp_path)
    w = _watcher(hash_checker, tmp_path, [], settle_s=0.2, poll=True, rescan_s=1e9)
    stop, t = _live(w)
    try:
        (drafts / "port.md").write_text(DRAFT)
        _wait(lambda: (reports / "port.md.json").exists())
    finally:
        stop.set()
        t.join(timeout=10)


@pytest.mark.slow
def test_ctrl_c_stops_the_watch_cleanly(tmp_path):
    import signal
    import subprocess
    import sys

    wires, drafts, reports = _desk(tmp_path)
    (drafts / "port.md").write_text(DRAFT)
    env = {**os.environ, "FACTCHECK_USE_STANCE_MODEL": "false", "HF_HUB_OFFLINE": "1"}
    args = [sys.executable, "-m", "factcheck.interfaces.cli.commands"]
    args += ["--store", str(tmp_path / "vs"), "watch", "--sources", str(wires)]
    args += ["--drafts", str(drafts), "--reports", str(reports)]
    # Ctrl-C as at a terminal, however pytest was started: a run in the background of a
    # shell inherits SIGINT ignored, and a server test restoring that leaves it so here.
    proc = subprocess.Popen(
        args,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        _wait(lambda: (reports / "port.md.json").exists())
        time.sleep(0.5)
        proc.send_signal(signal.SIGINT)
        out, _ = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == 0, out
    assert "Traceback" not in out and out.rstrip().endswith("stopped")
    assert json.loads((reports / STATE_FILE).read_text())["drafts"]


def test_the_watch_command_once(tmp_path, embedder):
    from click.testing import CliRunner

    from factcheck.interfaces.cli.commands import main

    wires, drafts, reports = _desk(tmp_path)
    (wires / "port.txt").write_text(PORT)
    (drafts / "port.md").write_text(DRAFT)
    env = {"FACTCHECK_USE_STANCE_MODEL": "false", "HF_HUB_OFFLINE": "1"}
    args = ["--store", str(tmp_path / "vs"), "watch", "--sources", str(wires)]
    args += ["--drafts", str(drafts), "--reports", str(reports), "--once"]
    r = CliRunner().invoke(main, args, env=env)
    assert r.exit_code == 0, r.output
    assert "sources: 1 ingested" in r.output and "port.md: 1 claims: 1 SUPPORTED" in r.output
    assert (reports / "port.md.md").exists()
    r = CliRunner().invoke(main, args, env=env)
    assert r.exit_code == 0 and r.output.strip() == ""  # nothing to do twice
    r = CliRunner().invoke(main, [*args[:5], "--drafts", str(tmp_path / "nope"), "--once"])
    assert r.exit_code == 2 and "nope" in r.output


def test_prune_removes_every_story_of_a_deleted_feed(tmp_path, hash_checker):
    wires, _, _ = _desk(tmp_path)
    fixtures = Path(__file__).parent / "fixtures" / "wire"
    (wires / "harbour.rss").write_bytes((fixtures / "harbour.rss").read_bytes())
    (wires / "port.txt").write_text(PORT)
    w = _watcher(hash_checker, tmp_path, [], prune=True)
    w.look()
    assert len(hash_checker.sources()) == 4  # three feed items and the text
    (wires / "harbour.rss").unlink()
    assert w.look().removed == [str(wires / "harbour.rss")]
    assert [s.id for s in hash_checker.sources()] == [str((wires / "port.txt").resolve())]


def test_prune_keeps_a_story_another_file_still_holds(tmp_path, hash_checker):
    wires, _, _ = _desk(tmp_path)
    fixtures = Path(__file__).parent / "fixtures" / "wire"
    (wires / "archive").mkdir()
    for name in ("port-v1.xml", "port-v2.xml", "harbour.rss"):
        (wires / name).write_bytes((fixtures / name).read_bytes())
    w = _watcher(hash_checker, tmp_path, [], prune=True)
    w.look()
    before = sorted(s.id for s in hash_checker.sources())
    (wires / "port-v1.xml").unlink()  # v2 of the same story is still there
    (wires / "harbour.rss").rename(wires / "archive" / "harbour.rss")  # moved, not gone
    look = w.look()
    assert look.removed == [] and sorted(s.id for s in hash_checker.sources()) == before


def test_a_folder_named_another_way_after_a_restart_is_the_same_folder(
    tmp_path, hash_checker, monkeypatch
):
    wires, drafts, reports = _desk(tmp_path)
    (wires / "port.txt").write_text(PORT)
    (drafts / "port.md").write_text(DRAFT)
    monkeypatch.chdir(tmp_path)
    rel = WatchConfig((Path("wires"),), Path("drafts"), Path("reports"), prune=True)
    Watcher(hash_checker, rel, say=lambda s: None).look()
    absolute = WatchConfig((wires,), drafts, reports, prune=True)
    look = Watcher(hash_checker, absolute, say=lambda s: None).look()
    assert (look.ingested, look.removed, look.checked) == ([], [], [])
    assert len(hash_checker.sources()) == 1


def test_overlapping_folders_are_refused(tmp_path, hash_checker):
    from factcheck.errors import InputError

    wires, drafts, _ = _desk(tmp_path)
    for cfg in (
        WatchConfig((tmp_path,), drafts, tmp_path / "reports"),  # drafts inside the sources
        WatchConfig((wires,), drafts, drafts / "reports"),  # reports inside the drafts
    ):
        with pytest.raises(InputError, match="must not"):
            Watcher(hash_checker, cfg, say=lambda s: None)


def test_a_file_name_that_is_not_utf8_does_not_stop_the_watch(tmp_path, hash_checker):
    _, drafts, _ = _desk(tmp_path)
    odd = os.fsdecode(b"caf\xe9")
    (drafts / odd).mkdir()
    (drafts / odd / "ok.md").write_text(DRAFT)
    (drafts / "port.md").write_text(DRAFT)
    w = _watcher(hash_checker, tmp_path, [])
    assert len(w.look().checked) == 2
    assert _watcher(hash_checker, tmp_path, []).look().checked == []  # the state was kept


def test_a_reviewed_verdict_outlives_a_check_that_fails():
    from factcheck.interfaces.watch.reports import merge

    prev = {"verdicts": [{"claim": "c", "label": "REFUTED", "reviewed": True}]}
    rows, changes = merge([{"claim": "c", "error": "the store is down"}], prev, [])
    assert rows[0]["label"] == "REFUTED" and rows[0]["reviewed"] is True
    assert "this check failed" in rows[0]["flag"] and changes == []


def test_a_feed_whose_stories_fail_to_store_is_reported_and_retried(
    tmp_path, hash_checker, monkeypatch
):
    from factcheck.errors import StoreError

    wires, _, _ = _desk(tmp_path)
    fixtures = Path(__file__).parent / "fixtures" / "wire"
    (wires / "harbour.rss").write_bytes((fixtures / "harbour.rss").read_bytes())
    said: list[str] = []
    w = _watcher(hash_checker, tmp_path, said)

    def down(*a, **kw):
        raise StoreError("the store is down")

    monkeypatch.setattr(hash_checker.store, "add_sources", down)
    monkeypatch.setattr(hash_checker.store, "add_source", down)
    look = w.look()
    assert look.failed == [str(wires / "harbour.rss")] and look.ingested == []
    assert any("the store is down" in s for s in said)
    monkeypatch.undo()
    # the store is back; the file, saved again, is read again
    (wires / "harbour.rss").write_bytes((fixtures / "harbour.rss").read_bytes() + b"\n")
    assert _watcher(hash_checker, tmp_path, []).look().ingested == [str(wires / "harbour.rss")]
