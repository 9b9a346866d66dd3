"""The word index beside the store (issue #31): names found by BM25 over an index of
words instead of Chroma's ``$contains``, kept a superset of the store through writes,
deletes and interrupted writes, and rebuilt from the store when it is missing."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid

import pytest

from factcheck.errors import StoreError
from factcheck.sources.lexical import LexicalIndex, index_path, phrase
from factcheck.sources.named import narrowing
from factcheck.sources.records import build_where


def _index() -> LexicalIndex:
    ix = LexicalIndex(":memory:")
    ix.add(
        [
            ("a", "Boeing said the 787 would seat 300 people.", "s1", 700000),
            ("b", "Airbus delivered 40 jets; Boeing delivered 31.", "s2", 700010),
            ("c", "The FTSE 100 rose 1.2% on Monday.", "s1", 700020),
            ("d", "Shares in boeing-owned units fell.", "s3", None),
        ]
    )
    return ix


def test_a_name_finds_the_passages_that_hold_it_ranked_by_bm25():
    ix = _index()
    got = [pid for pid, _ in ix.search(["Boeing"])]
    assert set(got) == {"a", "b", "d"}  # case and punctuation do not hide a name
    # a name held by more passages than asked for: those sharing the claim's other words
    assert [p for p, _ in ix.search(["Boeing"], ["seat", "people"], limit=2)] == ["a"]
    assert [p for p, _ in ix.search(["Boeing"], ["delivered", "seat"], limit=2)] == ["b", "a"]
    assert len(ix.search(["Boeing"], limit=2)) == 2  # no other words: its best two
    assert [pid for pid, _ in ix.search(["FTSE 100"])] == ["c"]
    assert ix.search(["FTSE 200"]) == []  # a phrase: its words in order
    assert ix.search([]) == [] and ix.search(["Boeing"], limit=0) == []


def test_a_search_is_narrowed_by_source_and_days():
    ix = _index()
    assert {p for p, _ in ix.search(["Boeing"], source="s1")} == {"a"}
    assert {p for p, _ in ix.search(["Boeing"], days=(700005, None))} == {"b"}
    assert {p for p, _ in ix.search(["Boeing"], days=(None, 700005))} == {"a"}
    where = build_where("s1", dt.date.fromordinal(700001), dt.date.fromordinal(700030))
    assert narrowing(where) == ("s1", (700001, 700030))
    assert narrowing(None) == (None, (None, None))
    assert narrowing({"trust": {"$gte": 0.5}}) == (None, (None, None))  # left to the store


@pytest.mark.parametrize(
    "name", ['Boeing" OR "x', "NEAR(Boeing", "Boeing*", "AND", "-Boeing", "^Boeing", "{x}:y"]
)
def test_a_name_is_only_ever_words(name):
    """FTS5's query syntax never reaches the index from a user's text."""
    ix = _index()
    ix.search([name], [name])  # no error
    assert phrase("???") is None


def test_writing_an_id_again_replaces_its_words_and_removing_forgets_it():
    ix = _index()
    ix.add([("a", "Embraer said the E195 would seat 140.", "s1", 700000)])
    assert ix.count() == 4
    assert "a" not in {p for p, _ in ix.search(["Boeing"])}
    assert ix.search(["Embraer"])[0][0] == "a"
    assert ix.remove(["a", "b", "nope"]) == 2
    assert ix.count() == 2 and ix.has(["a", "c", "d"]) == {"c", "d"}


def test_an_unreadable_index_file_is_a_store_error_naming_it(tmp_path):
    bad = tmp_path / "lexical-x.sqlite3"
    bad.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError, match="word index"):
        LexicalIndex(str(bad))


def test_where_the_index_lives():
    import chromadb

    settings = chromadb.Settings(anonymized_telemetry=False)
    assert index_path(chromadb.EphemeralClient(settings=settings), "c") == ":memory:"

    class Server:
        def get_settings(self):
            return chromadb.Settings(chroma_api_impl="chromadb.api.fastapi.FastAPI")

    assert index_path(Server(), "c") is None  # a server: Chroma's own $contains


ARTICLE = (
    "---\ntitle: Results season\ndate: 2017-01-28\n---\n"
    "Kestrel Motors lost $11 billion in 2016, its accounts show. "
    "Rival Heron Cars lost $2 billion. "
    "The FTSE 100 fell 2% on the news.\n"
)


def _named(store, claim, names, where=None):
    [v] = store.embedder.embed_documents([claim])
    return store.search_named([v], [names], [tuple(claim.split())], 5, where)[0]


def test_the_store_keeps_the_index_through_ingest_replace_and_remove(hash_checker):
    store = hash_checker.store
    hash_checker.ingest_text(ARTICLE, name="kestrel.md", fmt="markdown")
    words = store.words()
    assert words is not None and words.count() == store.count()
    got = _named(store, "Kestrel Motors posted a loss", ("Kestrel Motors",))
    assert [p.text for p in got] == [t for t in (p.text for p in got) if "Kestrel" in t]
    assert got and got[0].source_id.endswith("kestrel.md") and got[0].score is not None
    # the same as Chroma's own $contains, in the same order
    [v] = store.embedder.embed_documents(["Kestrel Motors posted a loss"])
    [ref] = store.search_vectors([v], 5, containing=("Kestrel Motors",))
    assert [p.id for p in got] == [p.id for p in ref]
    assert [round(p.score, 5) for p in got] == [round(p.score or 0, 5) for p in ref]
    # a changed source: its old passages leave the index with the store
    osprey = ARTICLE.replace("Kestrel Motors", "Osprey Motors")
    hash_checker.ingest_text(osprey, name="kestrel.md", fmt="markdown")
    assert words.count() == store.count()
    assert _named(store, "Kestrel Motors posted a loss", ("Kestrel Motors",)) == []
    assert _named(store, "Osprey Motors posted a loss", ("Osprey Motors",))
    store.remove("kestrel.md")
    assert words.count() == store.count() == 0


def test_a_filter_holds_for_passages_found_by_name(hash_checker):
    hash_checker.ingest_text(ARTICLE, name="a.md", fmt="markdown")
    later = ARTICLE.replace("2017-01-28", "2019-05-02")
    hash_checker.ingest_text(later, name="b.md", fmt="markdown")
    store = hash_checker.store
    sid = store.resolve_source("b.md")
    got = _named(store, "Kestrel Motors lost", ("Kestrel Motors",), build_where(sid))
    assert got and {p.source_id for p in got} == {sid}
    late = build_where(date_from=dt.date(2018, 1, 1), extra={"source_id": sid})
    assert {p.source_id for p in _named(store, "Kestrel lost", ("Kestrel",), late)} == {sid}
    early = build_where(date_to=dt.date(2018, 1, 1))
    assert {p.dateline for p in _named(store, "Kestrel lost", ("Kestrel",), early)} == {
        dt.date(2017, 1, 28)
    }


def test_a_write_cut_off_before_the_store_leaves_no_passage_found(hash_checker, monkeypatch):
    """Words go in before the store's write: a write that fails after them leaves ids in
    the index that the store lacks, and a search never returns them."""
    store = hash_checker.store

    def cut(**_kw):
        raise OSError("cut")

    monkeypatch.setattr(store.collection, "upsert", cut)
    with pytest.raises(StoreError):
        hash_checker.ingest_text(ARTICLE, name="k.md", fmt="markdown")
    monkeypatch.undo()
    assert store.count() == 0 and store.words().count() > 0
    assert _named(store, "Kestrel Motors lost", ("Kestrel Motors",)) == []
    hash_checker.ingest_text(ARTICLE, name="k.md", fmt="markdown")  # the next ingest completes it
    assert _named(store, "Kestrel Motors lost", ("Kestrel Motors",))


def test_a_store_without_its_index_file_is_indexed_on_first_search(tmp_path, analyzer):
    from factcheck.api import FactChecker
    from factcheck.backends.embedders import HashEmbedder
    from factcheck.config import Settings
    from factcheck.sources.chroma import open_client
    from factcheck.sources.store import PassageStore

    name = f"t{uuid.uuid4().hex[:8]}"
    store = PassageStore(open_client(str(tmp_path)), HashEmbedder(), name)
    fc = FactChecker(store, analyzer, Settings(use_stance_model=False))
    fc.ingest_text(ARTICLE, name="k.md", fmt="markdown")
    path = tmp_path / f"lexical-{name}.sqlite3"
    assert path.exists()
    with sqlite3.connect(path) as db:  # as a store written before the index existed
        db.execute("DELETE FROM ids")
        db.execute("DELETE FROM words")
    again = PassageStore(open_client(str(tmp_path)), HashEmbedder(), name)
    assert again.words().count() == 0
    assert _named(again, "Kestrel Motors lost", ("Kestrel Motors",))
    assert again.words().count() == again.count()


def test_on_a_chroma_server_names_are_found_by_chroma_itself(hash_checker, monkeypatch):
    store = hash_checker.store
    hash_checker.ingest_text(ARTICLE, name="k.md", fmt="markdown")
    want = [p.id for p in _named(store, "Heron Cars lost", ("Heron Cars",))]
    monkeypatch.setattr(store, "_words", None)
    monkeypatch.setattr(store, "_words_at", None)
    assert store.words() is None
    assert [p.id for p in _named(store, "Heron Cars lost", ("Heron Cars",))] == want


def test_the_store_is_searched_as_broadly_as_its_size_needs(tmp_path, monkeypatch):
    """HNSW's search breadth is the collection's setting: by the store's size when opened,
    unless configured; a store written with another is changed at its next open."""
    import chromadb

    from factcheck.backends.embedders import HashEmbedder
    from factcheck.sources import chroma
    from factcheck.sources.chroma import open_client, search_breadth
    from factcheck.sources.store import PassageStore

    assert [search_breadth(n) for n in (0, 100_000, 250_000, 10**6, 10**7)] == [
        100,
        100,
        250,
        1000,
        1000,
    ]
    client = open_client(str(tmp_path))
    client.create_collection("old", embedding_function=None)
    assert client.get_collection("old").configuration["hnsw"]["ef_search"] == 100
    monkeypatch.setattr(chroma, "search_breadth", lambda n: 400 + n)  # as if large
    store = PassageStore(client, HashEmbedder(), "old")
    assert store.collection.configuration["hnsw"]["ef_search"] == 400
    again = PassageStore(
        chromadb.PersistentClient(path=str(tmp_path)), HashEmbedder(), "old", search_ef=250
    )
    assert again.collection.configuration["hnsw"]["ef_search"] == 250


def test_without_full_text_search_names_are_found_by_chroma(hash_checker, monkeypatch):
    """A Python whose SQLite lacks FTS5 still ingests and checks: Chroma finds names."""
    from factcheck.sources import lexical

    def no_fts5(path):
        raise lexical.NoWordIndex("no such module: fts5")

    monkeypatch.setattr(lexical, "LexicalIndex", no_fts5)
    hash_checker.ingest_text(ARTICLE, name="k.md", fmt="markdown")
    store = hash_checker.store
    assert store.words() is None
    got = _named(store, "Heron Cars lost", ("Heron Cars",))
    assert got and all("Heron" in p.text for p in got)


def test_an_articles_passages_are_read_by_source_through_the_index_or_the_store(
    hash_checker, monkeypatch
):
    store = hash_checker.store
    hash_checker.ingest_text(ARTICLE, name="k.md", fmt="markdown")
    hash_checker.ingest_text(ARTICLE.replace("Kestrel", "Osprey"), name="o.md", fmt="markdown")
    [src] = [s.id for s in store.sources() if s.id.endswith("k.md")]
    got = store.article_texts([src, "no-such-source"])
    assert set(got) == {src} and len(got[src]) == store.count() // 2
    assert all("Osprey" not in text for _, text in got[src])
    # a Chroma server has no word index: the store's own filter gives the same
    monkeypatch.setattr(store, "_words", None)
    monkeypatch.setattr(store, "_words_at", None)
    assert {k: sorted(v) for k, v in store.article_texts([src]).items()} == {src: sorted(got[src])}
    assert store.article_texts([]) == {}


def test_the_passages_that_hold_most_of_a_claims_words_come_first():
    from factcheck.pipeline.retrieval import best_matches

    rows = [
        ("a", "The yard has built vessels for operators in Norway."),
        ("b", "It will carry 150 passengers and enter service in spring."),
        ("c", "The vessel will carry cars."),
        ("d", "The island has 2,000 residents."),
    ]
    assert best_matches(rows, {"carry", "150", "passengers"}, 2) == ["b", "c"]
    assert best_matches(rows, {"ferry"}, 2) == []  # none holds a word
    assert best_matches(rows, set(), 2) == [] and best_matches([], {"carry"}, 2) == []


def test_a_texts_words_find_the_passages_that_share_most_of_them():
    ix = _index()
    got = [pid for pid, _ in ix.best(["Boeing", "seat", "people"], 5)]
    assert got[0] == "a" and set(got) == {"a", "b", "d"}  # "a" holds all three
    assert [pid for pid, _ in ix.best(["delivered", "jets"], 5)] == ["b"]
    assert [pid for pid, _ in ix.best(["Boeing"], 5, source="s2")] == ["b"]
    assert ix.best(['Boeing" OR "x', "NEAR(Boeing"], 5) == []  # words, never query syntax
    assert ix.best([], 5) == [] and ix.best(["Boeing"], 0) == []


def test_a_claims_words_bring_passages_from_the_whole_store_within_its_filter(hash_checker):
    """The second look's word search (retrieval.word_matches): the passages of the whole
    store that share most of a claim's words, not those found already, scored by cosine,
    none outside the claim's filter, and none when the threshold is 0."""
    from factcheck.pipeline.retrieval import word_matches

    hash_checker.ingest_text(ARTICLE, name="a.md", fmt="markdown")
    later = ARTICLE.replace("2017-01-28", "2019-05-02").replace("Heron", "Egret")
    hash_checker.ingest_text(later, name="b.md", fmt="markdown")
    store = hash_checker.store
    claim = "Rival Heron Cars lost $2 billion."
    [vec] = store.embedder.embed_documents([claim])
    words = [("Heron Cars", "Rival", "lost", "billion")]
    [got] = word_matches(store, [(claim, [], vec)], words, [None], 3, -1.0)
    assert got and "Heron Cars" in got[0].text and got[0].score is not None
    assert len(got) <= 3 and all(p.score is not None for p in got)
    [again] = word_matches(store, [(claim, got[:1], vec)], words, [None], 3, -1.0)
    assert got[0].id not in {p.id for p in again}  # found already: not twice
    late = build_where(date_from=dt.date(2018, 1, 1))
    [dated] = word_matches(store, [(claim, [], vec)], words, [late], 3, -1.0)
    assert dated and {p.dateline for p in dated} == {dt.date(2019, 5, 2)}
    assert word_matches(store, [(claim, [], vec)], words, [None], 0, -1.0) == [[]]


def test_a_filter_the_index_does_not_apply_is_applied_by_the_store(hash_checker):
    """A trust filter is no clause of the word index: the store applies it to the
    index's candidates, and a passage below the trust asked for is never returned."""
    from factcheck.pipeline.retrieval import word_matches

    hash_checker.ingest_text(ARTICLE, name="a.md", fmt="markdown")
    hash_checker.ingest_text(
        ARTICLE.replace("2017-01-28", "2018-02-02"), name="b.md", fmt="markdown"
    )
    store = hash_checker.store
    assert store.set_trust("a.md", 0.2) > 0
    claim = "Rival Heron Cars lost $2 billion."
    [vec] = store.embedder.embed_documents([claim])
    words = [("Heron Cars", "Rival", "lost", "billion")]
    trusted = {"trust": {"$gte": 0.5}}
    [got] = word_matches(store, [(claim, [], vec)], words, [trusted], 3, -1.0)
    assert got and {p.source_id for p in got} == {store.resolve_source("b.md")}
    [every] = word_matches(store, [(claim, [], vec)], words, [None], 3, -1.0)
    assert len({p.source_id for p in every}) == 2
