"""A local store Chroma cannot read is named in one line, and ``factcheck repair`` rebuilds
it from the source log kept beside it (issue #30); the damaged store is kept."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from factcheck.api import FactChecker
from factcheck.config import Settings
from factcheck.interfaces.cli.commands import main
from factcheck.sources.source_log import SourceLog

ENV = {"FACTCHECK_USE_STANCE_MODEL": "false", "HF_HUB_OFFLINE": "1"}


def _forget_clients() -> None:
    from chromadb.api.client import SharedSystemClient

    SharedSystemClient.clear_system_cache()


def test_a_damaged_store_is_named_and_rebuilt_from_its_source_log(tmp_path, embedder):
    store = tmp_path / "vs"
    wires = tmp_path / "wires"
    wires.mkdir()
    (wires / "port.txt").write_text("date 2022-03-09 Port\n\nThe port handled 412 ships in May.\n")
    (wires / "dam.md").write_text(
        "---\ntitle: Dam\ndate: 2022-03-08\ndate_order: dmy\n---\n"
        "The dam, opened on 03/04/1961, holds 40 million cubic metres.\n"
    )
    (wires / "gone.txt").write_text("The mayor opened 3 schools.\n")
    s = Settings(store_dir=store, use_stance_model=False)
    fc = FactChecker.from_settings(s, embedder=embedder)
    assert fc.ingest([wires]).added == 3
    fc.ingest_text("Officials said 40 boats sank on Monday.", name="note", dateline=None)
    fc.set_trust(str(wires / "port.txt"), 0.5)
    fc.remove(str(wires / "gone.txt"))
    before = {x.id: (x.passages, x.trust, x.dateline) for x in fc.sources()}
    assert set(SourceLog(store).entries()) == set(before)

    # the database is damaged: every way in names the problem and the way out, in one line
    (store / "chroma.sqlite3").write_bytes(b"this is not a database" * 100)
    _forget_clients()
    r = CliRunner().invoke(main, ["--store", str(store), "sources"], env=ENV)
    assert r.exit_code != 0 and "factcheck repair" in r.output and "Traceback" not in r.output

    (wires / "port.txt").unlink()  # the log holds the texts: the files are not needed
    r = CliRunner().invoke(main, ["--store", str(store), "repair"], env=ENV)
    assert r.exit_code == 0, r.output
    assert "rebuilt" in r.output and "4 sources" not in r.output and "3 sources" in r.output
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("vs.broken-")]
    assert len(kept) == 1 and (kept[0] / "chroma.sqlite3").exists()

    _forget_clients()
    again = FactChecker.from_settings(s, embedder=embedder)
    assert {x.id: (x.passages, x.trust, x.dateline) for x in again.sources()} == before
    assert again.check("The port handled 412 ships in May.").label.value == "SUPPORTED"
    stored = again.store.collection.get(include=["metadatas"])["metadatas"]
    a = again.analyzer
    assert {(m.get("date_order"), m.get("facts_version")) for m in stored} == {
        (None, a.fingerprint),
        ("dmy", a.fingerprint_for("dmy")),  # the source's own date order is kept
    }


def test_repair_without_a_source_log_says_what_to_do(tmp_path):
    r = CliRunner().invoke(main, ["--store", str(tmp_path / "empty"), "repair"], env=ENV)
    assert r.exit_code == 2 and "no source log" in r.output
    assert not any(Path(tmp_path).glob("empty.broken-*"))


def test_the_log_is_written_before_the_store_so_a_write_cut_short_is_repaired_in_full(
    tmp_path, embedder, monkeypatch
):
    """The source log says what the store should hold: an ingest that fails half-way is
    rebuilt in full by a repair, and a source whose removal failed half-way stays removed."""
    from factcheck.errors import StoreError

    store = tmp_path / "vs"
    s = Settings(store_dir=store, use_stance_model=False)
    fc = FactChecker.from_settings(s, embedder=embedder)
    fc.ingest_text("The mayor opened 3 schools in May.", name="schools")
    monkeypatch.setattr(
        fc.store.collection, "upsert", lambda **kw: (_ for _ in ()).throw(OSError("cut"))
    )
    try:
        fc.ingest_text("The port handled 412 ships in May.", name="port")
    except StoreError as ex:
        assert "cut" in str(ex) and "next ingest" in str(ex)
    else:
        raise AssertionError("the write did not fail")
    monkeypatch.setattr(
        fc.store.collection, "delete", lambda **kw: (_ for _ in ()).throw(OSError("cut"))
    )
    try:
        fc.remove("schools")
    except StoreError as ex:
        assert "removing it again" in str(ex)
    else:
        raise AssertionError("the remove did not fail")
    assert set(SourceLog(store).entries()) == {"port"}
    monkeypatch.undo()
    _forget_clients()
    r = CliRunner().invoke(main, ["--store", str(store), "repair"], env=ENV)
    assert r.exit_code == 0, r.output
    _forget_clients()
    again = FactChecker.from_settings(s, embedder=embedder)
    assert [x.id for x in again.sources()] == ["port"]


def test_repair_restores_the_reviews_logged_beside_the_sources(tmp_path, embedder):
    """The verdict memory is in the log too: imported reviews, remembered checks and
    removals come back as they were, without the review files."""
    import json

    from factcheck.reviews.review_log import ReviewLog

    store = tmp_path / "vs"
    s = Settings(store_dir=store, use_stance_model=False)
    fc = FactChecker.from_settings(s, embedder=embedder)
    fc.ingest_text("The port handled 412 ships in May.", name="port")
    reviews = tmp_path / "reviews.json"
    reviews.write_text(
        json.dumps(
            [
                {
                    "@type": "ClaimReview",
                    "claimReviewed": claim,
                    "reviewRating": {"@type": "Rating", "alternateName": rating},
                    "datePublished": "2022-05-02",
                    "url": url,
                }
                for claim, rating, url in (
                    ("The port handled 412 ships in May.", "True", "https://desk/1"),
                    ("The port handled 900 ships in May.", "False", "https://desk/2"),
                    ("The mayor opened 3 schools.", "True", "https://desk/3"),
                )
            ]
        ),
        encoding="utf-8",
    )
    assert fc.import_reviews([reviews]).added == 3
    assert fc.remember([fc.check("The port handled 412 ships in May.")]) == 1
    assert fc.remove_review("https://desk/3") == 1
    before = sorted((r.claim, r.rating, r.url, r.origin) for r in fc.reviews())
    assert len(before) == 3 and "factcheck" in {b[3] for b in before}

    (store / "chroma.sqlite3").write_bytes(b"this is not a database" * 100)
    reviews.unlink()  # the log holds them: the review file is not needed
    with (store / "factcheck-sources" / "reviews.jsonl").open("a") as f:
        f.write('{"add": {"id": "cut-sh')  # a kill in the middle of a line
    assert len(ReviewLog(store).reviews()) == 3
    _forget_clients()
    r = CliRunner().invoke(main, ["--store", str(store), "repair"], env=ENV)
    assert r.exit_code == 0, r.output
    assert "3 reviews" in r.output

    _forget_clients()
    again = FactChecker.from_settings(s, embedder=embedder)
    assert sorted((r.claim, r.rating, r.url, r.origin) for r in again.reviews()) == before
    matched = again.check("The port handled 900 ships in May.").previous_reviews
    assert matched and matched[0].review.url == "https://desk/2"
