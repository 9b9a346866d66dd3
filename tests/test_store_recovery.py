"""An ingest is all or nothing per source (issue #30): a run that fails or is killed
half-way through a large source is found and completed by the next one; every store
operation reads a page at a time, past SQLite's variable limit."""

from __future__ import annotations

import uuid

import pytest

from factcheck.backends.embedders import HashEmbedder
from factcheck.errors import StoreError
from factcheck.sources import records
from factcheck.sources.readers import load_text
from factcheck.sources.store import PassageStore

from .conftest import _ephemeral


def _text(n: int) -> str:
    return "\n\n".join(f"On day {i} the port handled {i * 7 + 3} ships." for i in range(n))


class FailingEmbedder(HashEmbedder):
    """Fails on its ``fail_at``-th call, as a full disk or a crash would mid-ingest."""

    def __init__(self, fail_at: int) -> None:
        super().__init__()
        self.calls, self.fail_at = 0, fail_at

    def embed_documents(self, texts):
        self.calls += 1
        if self.calls == self.fail_at:
            raise OSError(28, "No space left on device")
        return super().embed_documents(texts)


def _store(embedder=None, name=None):
    return PassageStore(_ephemeral(), embedder or HashEmbedder(), name or f"r{uuid.uuid4().hex}")


def _snapshot(store: PassageStore) -> dict:
    return _records(store.collection)


def _records(collection) -> dict:
    got = collection.get(include=["metadatas", "documents"])
    rows = zip(got["ids"], got["documents"], got["metadatas"], strict=True)
    return {i: (d, m) for i, d, m in rows}


@pytest.mark.parametrize("stream", [False, True], ids=["batch", "stream"])
def test_an_ingest_that_fails_half_way_is_completed_by_the_next(hash_checker, stream):
    src, body = load_text(_text(1500), source_id="wire.txt")
    passages = hash_checker._split(src, body)
    clean = _store()
    if stream:
        clean.add_source_stream(src, iter(passages), total=len(passages))
    else:
        clean.add_source(src, passages)

    name = f"r{uuid.uuid4().hex}"
    broken = _store(FailingEmbedder(fail_at=2), name)
    with pytest.raises(StoreError, match="no space left on the disk holding the store"):
        if stream:
            broken.add_source_stream(src, iter(passages), total=len(passages))
        else:
            broken.add_source(src, passages)
    kept = broken.count()
    assert 0 < kept < len(passages)  # half a source in the store ...

    again = PassageStore(broken.client, HashEmbedder(), name)
    if stream:
        status, n = again.add_source_stream(src, iter(passages), total=len(passages))
        assert n == len(passages)
    else:
        status = again.add_source(src, passages)
    assert status == "resumed"  # ... is not "unchanged": it is completed
    assert _snapshot(again) == _snapshot(clean)
    assert again.add_source(src, passages) == "unchanged"


def test_every_store_operation_pages(monkeypatch, hash_checker):
    monkeypatch.setattr(records, "READ_PAGE", 97)
    store = hash_checker.store
    a, body = load_text(_text(1200), source_id="a.txt")
    b, body_b = load_text(_text(300).replace("ships", "boats"), source_id="b.txt")
    store.add_sources([(a, hash_checker._split(a, body)), (b, hash_checker._split(b, body_b))])
    n_a = len(hash_checker._split(a, body))
    infos = {s.id: s.passages for s in store.sources()}
    assert infos["a.txt"] == n_a and infos["b.txt"] == store.count() - n_a
    assert store.set_trust("a.txt", 0.5) == n_a
    assert {s.id: s.trust for s in store.sources()}["a.txt"] == 0.5
    assert store.add_source(a, hash_checker._split(a, body)) == "unchanged"
    assert store.remove("a.txt") == n_a
    assert [s.id for s in store.sources()] == ["b.txt"]


def test_a_source_past_sqlites_variable_limit(hash_checker, tmp_path):
    """40,000 passages of one source (the limit is 32,766 variables): listed, re-ingested,
    re-trusted and removed. A store of its own, in a database of its own (the session's
    in-memory Chroma holds every other test's collections, which slows each query), without
    the analysis stored at ingest (the store's paging is tested, not 40,000 parses)."""
    from factcheck.sources.chroma import open_client

    store = PassageStore(open_client(str(tmp_path / "big")), HashEmbedder(), "big")
    src, body = load_text(_text(40_000), source_id="big.txt")
    passages = hash_checker._split(src, body)
    assert len(passages) >= 32_767
    store.add_source_stream(src, iter(passages), total=len(passages))
    assert [s.passages for s in store.sources()] == [len(passages)]
    assert store.add_source(src, passages) == "unchanged"
    assert store.set_trust("big.txt", 0.4) == len(passages)
    pages = records.pages(store.collection, None, ["metadatas"])
    assert {m["trust"] for got in pages for m in got["metadatas"]} == {0.4}
    assert store.remove("big.txt") == len(passages)
    assert store.count() == 0


def _worker(store_dir, n: int, *mode: str) -> list[str]:
    import sys

    return [sys.executable, "-m", "tests.helpers.ingest_worker", str(store_dir), str(n), *mode]


def _run(store_dir, n: int, *mode: str) -> tuple[str, str]:
    import subprocess
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        _worker(store_dir, n, *mode), cwd=root, capture_output=True, text=True, timeout=180
    )
    assert done.stdout.strip(), done.stderr[-2000:]
    status, rest = done.stdout.split(maxsplit=1)
    return status, rest.strip()


def _disk_snapshot(store_dir) -> dict:
    import chromadb

    client = chromadb.PersistentClient(
        str(store_dir), settings=chromadb.Settings(anonymized_telemetry=False)
    )
    return _records(client.get_collection("wire"))


def _rows(store_dir) -> int:
    """Records on disk, read from Chroma's SQLite file without opening a client: those
    compacted and those still only in Chroma's write-ahead queue (a kill can fall between
    the two; the next run opens both, so a source whole in the queue is whole). Not
    read-only: after a kill SQLite may have a journal to roll back first (which the next
    run would do anyway), and a read-only connection then fails."""
    import sqlite3

    db = store_dir / "chroma.sqlite3"
    if not db.exists():
        return 0
    con = sqlite3.connect(db, timeout=30)
    try:
        added = "SELECT id FROM embeddings_queue WHERE operation IN (0, 2)"  # add, upsert
        both = f"SELECT count(*) FROM (SELECT embedding_id FROM embeddings UNION {added})"
        return int(con.execute(both).fetchone()[0])
    finally:
        con.close()


def _finish(store_dir, n: int) -> str:
    """The next ingest, as a user would run it: when it says the store's files are damaged
    (Chroma can leave its index half-written when killed), the repair it names, then the
    ingest again. Returns the last ingest's status."""
    status, rest = _run(store_dir, n)
    if status == "error":
        assert "damaged" in rest and "factcheck repair" in rest, rest
        assert _run(store_dir, n, "repair")[0] == "repaired"
        status, rest = _run(store_dir, n)
    assert status in ("resumed", "unchanged", "added"), rest
    assert int(rest) == n
    return status


def test_a_damaged_vector_index_is_named_and_repaired(tmp_path):
    """Chroma's index files half-written (as a kill can leave them): the next ingest names
    the damage and the repair in one line, and the repair rebuilds the store in full."""
    n = 1_500
    clean, store = tmp_path / "clean", tmp_path / "damaged"
    assert _run(clean, n)[0] == "added"
    assert _run(store, n)[0] == "added"
    (index,) = store.glob("*/index_metadata.pickle")
    index.write_bytes(index.read_bytes()[:50])
    status, rest = _run(store, n)
    assert status == "error" and "damaged" in rest and "factcheck repair" in rest, rest
    assert "\n" not in rest
    assert _run(store, n, "repair") == ("repaired", str(n))
    assert _run(store, n)[0] == "unchanged"
    assert _disk_snapshot(store) == _disk_snapshot(clean)
    assert len(list(tmp_path.glob("damaged.broken-*"))) == 1  # kept


def test_twenty_kills_during_an_ingest_leave_nothing_half_kept(tmp_path):
    """20 SIGKILLs at seeded moments of an 8,000-passage ingest, each run picking up what
    the killed ones wrote (or, where Chroma's own files were left damaged, the repair the
    next run names): the store ends equal to a clean run's, and no run calls half a
    source 'unchanged'."""
    import random
    import signal
    import subprocess
    import time
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    n = 8_000
    clean = tmp_path / "clean"
    assert _run(clean, n)[0] == "added"
    rng = random.Random(30)
    store = tmp_path / "killed"
    runs: list[tuple[str, int]] = []  # each run's status, with the passages on disk before it
    kept: list[int] = []  # passages on disk after each kill
    for _ in range(20):
        before = _rows(store)
        proc = subprocess.Popen(
            _worker(store, n), cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        # Seeded moments after the ingest itself begins (not after the process starts: a
        # loaded machine takes longer to import, and the kills would all fall before it).
        assert proc.stderr is not None
        while "ingesting" not in (line := proc.stderr.readline()) and line:
            pass
        time.sleep(rng.uniform(0.1, 1.5))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate(timeout=60)
        runs.append((out.split()[0] if out.strip() else "killed", before))
        kept.append(_rows(store))
        if runs[-1][0] == "error":  # damaged files: the repair named, as a user would
            assert "factcheck repair" in out, out
            runs.append((_run(store, n, "repair")[0], kept[-1]))
    status = _finish(store, n)
    assert len([k for k in kept if 0 < k < n]) >= 5, kept  # the seeds kill runs mid-way
    # no run called half a source "unchanged": only a run that found all of it on disk (a
    # run may finish the source and be killed before it says so; the next finds it whole)
    assert all(b == n for s, b in runs if s == "unchanged"), runs
    assert status in ("resumed", "unchanged", "added")
    assert _disk_snapshot(store) == _disk_snapshot(clean)
