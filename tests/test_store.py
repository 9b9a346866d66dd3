import datetime as dt
import subprocess
import sys
import textwrap

import pytest

from factcheck.errors import InputError, StoreError
from factcheck.sources.chroma import open_client
from factcheck.sources.store import build_where

from .conftest import SEEDS


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_reingest_adds_nothing(hash_checker, tmp_path):
    f = _write(
        tmp_path / "a.txt",
        "date 2022-01-02 Title\n\nThe dam holds 40 km of water. It opened in 1990.",
    )
    first = hash_checker.ingest([f])
    n = hash_checker.store.count()
    again = hash_checker.ingest([f])
    assert (first.added, again.added, again.unchanged) == (1, 0, 1)
    assert hash_checker.store.count() == n


def test_changed_source_replaces_its_passages(hash_checker, tmp_path):
    f = _write(
        tmp_path / "a.txt", "The first version says 10 people came. It was sunny all day long."
    )
    hash_checker.ingest([f])
    _write(f, "The second version says 12 people came. It rained heavily in the afternoon.")
    res = hash_checker.ingest([f])
    assert res.replaced == 1
    texts = [p.text for p in hash_checker.search("people came", k=10)]
    assert any("12 people" in t for t in texts)
    assert not any("10 people" in t for t in texts)
    [info] = hash_checker.sources()
    assert info.passages == 1  # one merged passage per short pair of sentences


def test_sources_and_remove(hash_checker, tmp_path):
    hash_checker.ingest([SEEDS])
    hash_checker.ingest_text(
        "A short note about 5 ships in the harbour today.",
        name="note-1",
        title="Harbour note",
        dateline=dt.date(2022, 5, 1),
    )
    infos = {s.title: s for s in hash_checker.sources()}
    assert infos["Harbour note"].passages == 1
    assert infos["Harbour note"].dateline == dt.date(2022, 5, 1)
    seed = next(s for s in infos.values() if s.title.startswith("Biden"))
    assert seed.passages >= 15 and seed.dateline == dt.date(2021, 12, 31)
    assert hash_checker.remove("Harbour note") == 1
    assert [s.title for s in hash_checker.sources()] == [seed.title]
    with pytest.raises(InputError, match="No source 'nope'"):
        hash_checker.remove("nope")


def test_search_filters_by_source_and_date(hash_checker):
    hash_checker.ingest_text(
        "Troops gathered near the border in spring.", name="old", dateline=dt.date(2019, 1, 1)
    )
    hash_checker.ingest_text(
        "Troops gathered near the border in autumn.", name="new", dateline=dt.date(2022, 1, 1)
    )
    assert {p.source_id for p in hash_checker.search("troops border", k=5)} == {"old", "new"}
    assert {p.source_id for p in hash_checker.search("troops border", source="new")} == {"new"}
    after = hash_checker.search("troops border", date_from=dt.date(2020, 1, 1))
    assert {p.source_id for p in after} == {"new"}
    before = hash_checker.search("troops border", date_to=dt.date(2020, 1, 1))
    assert {p.source_id for p in before} == {"old"}
    assert all(p.score is not None and -1.0 <= p.score <= 1.0 for p in after)


def test_build_where_shapes():
    assert build_where() is None
    assert build_where("s") == {"source_id": "s"}
    w = build_where("s", dt.date(2020, 1, 1))
    assert w is not None and len(w["$and"]) == 2


def test_bad_batch_goes_on_and_store_is_untouched(hash_checker, tmp_path):
    good = _write(tmp_path / "good.txt", "The bridge is 1.2 km long and opened in 2004.")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x00binary")
    (tmp_path / "empty.md").write_text("")
    res = hash_checker.ingest([tmp_path])
    assert res.added == 1 and res.files == 3
    assert sorted(p.split("/")[-1] for p, _ in res.errors) == ["bad.txt", "empty.md"]
    assert [s.id for s in hash_checker.sources()] == [str(good.resolve())]


def test_store_that_cannot_be_opened(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="Cannot open the passage store"):
        open_client(str(blocker / "store"), None)


def test_persistence_across_processes(tmp_path):
    store = tmp_path / "vs"
    code = textwrap.dedent(
        f"""
        import sys
        from factcheck.backends.embedders import HashEmbedder
        from factcheck.sources.chroma import open_client
        from factcheck.sources.store import PassageStore
        from factcheck.api import FactChecker
        from factcheck.config import Settings
        fc = FactChecker(PassageStore(open_client({str(store)!r}), HashEmbedder()),
                         settings=Settings(use_stance_model=False))
        if sys.argv[1] == "write":
            fc.ingest([{str(SEEDS)!r}])
        print(fc.store.count(), len(fc.sources()))
        """
    )
    w = subprocess.run(
        [sys.executable, "-c", code, "write"], capture_output=True, text=True, check=True
    )
    r = subprocess.run(
        [sys.executable, "-c", code, "read"], capture_output=True, text=True, check=True
    )
    assert w.stdout.split() == r.stdout.split()
    assert int(r.stdout.split()[0]) >= 15


def test_many_claims_by_a_wide_pool_are_searched_in_parts(hash_checker):
    """Chroma reads a query's results with one SQL statement of a variable each, and
    SQLite refuses more than 32,766: 700 claims by a pool of 60 are asked in parts, and a
    request too large is never reported as damaged files."""
    from factcheck.sources.chroma import damaged

    body = " ".join(
        f"Sentence number {i} of the long report names figure {i * 7}." for i in range(80)
    )
    hash_checker.ingest_text(f"---\ntitle: Long\ndate: 2020-01-02\n---\n{body}", name="l.md")
    store = hash_checker.store
    vecs = store.embedder.embed_documents([f"figure {i}" for i in range(700)])
    got = store.search_vectors(vecs, 60)
    assert len(got) == 700 and all(len(g) == min(60, store.count()) for g in got)

    class InternalError(Exception):
        pass

    InternalError.__module__ = "chromadb.errors"
    assert damaged(InternalError("Error executing plan: internal error"))
    assert not damaged(InternalError("(code: 1) too many SQL variables"))


def test_passages_and_vectors_by_many_ids_are_read_in_parts(hash_checker, monkeypatch):
    from factcheck.sources import records

    body = " ".join(f"Sentence number {i} of the report names figure {i * 7}." for i in range(30))
    hash_checker.ingest_text(f"---\ntitle: Parts\ndate: 2020-01-02\n---\n{body}", name="p.md")
    store = hash_checker.store
    ids = store.collection.get(include=[])["ids"]
    monkeypatch.setattr(records, "IDS_PER_READ", 7)  # many reads of a few ids each
    assert set(store.get_passages([*ids, "missing", ""])) == set(ids)
    assert set(store.vectors(ids)) == set(ids)
