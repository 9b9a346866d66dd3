"""Which articles a claim is about (pipeline/retrieval.py ``story_sources``): the claim's
most specific names pick its story before retrieval's order does, and the passages the
whole store's word search found count in choosing it."""

from __future__ import annotations

from factcheck.pipeline.retrieval import extra_passages, story_sources
from factcheck.thresholds import Thresholds
from factcheck.types import Passage


def _p(pid: str, src: str, text: str) -> Passage:
    return Passage(id=pid, text=text, source_id=src, title=src, start=0, end=len(text))


POOL = [
    _p("a1", "a", "Corvane Marine delivered two ferries to Tern Lines on Monday."),
    _p("b1", "b", "Corvane Marine's yard in Bergen builds ferries for the fjords."),
    _p("c1", "c", "Corvane Marine's Selkie 40 made its first crossing on Monday."),
]


def test_the_article_holding_the_rarest_name_comes_first():
    names = ("Corvane Marine", "Selkie 40")
    assert story_sources(POOL, names, 2) == ["c", "a"]
    # without names, or with names every article holds, retrieval's order stands
    assert story_sources(POOL, (), 2) == ["a", "b"]
    assert story_sources(POOL, ("Corvane Marine",), 2) == ["a", "b"]
    # a name is a whole word: "Selkie 4" is not in "Selkie 40"
    assert story_sources(POOL, ("Corvane Marine", "Selkie 4"), 2) == ["a", "b"]
    assert story_sources(POOL, ("Selkie 40",), 5) == ["a", "b", "c"]  # all of them fit


class _Store:
    """The store calls extra_passages makes, over a few made-up articles: every vector
    the same, so only the choice of articles decides what is found."""

    def __init__(self, articles: dict[str, list[Passage]], worded: list[Passage]) -> None:
        self.articles, self.worded = articles, worded
        self.by_id = {p.id: p for ps in articles.values() for p in ps}

    def get_passages(self, ids):
        return {i: self.by_id[i] for i in ids if i in self.by_id}

    def article_texts(self, sources):
        return {s: [(p.id, p.text) for p in self.articles.get(s, [])] for s in sources}

    def search_worded(self, words, n, wheres):
        return [list(self.worded[:n]) for _ in words]

    def vectors(self, ids):
        return {i: [1.0, 0.0] for i in ids if i in self.by_id}


def test_the_story_the_word_search_found_is_read_for_the_claims_words():
    late = _p("c2", "c", "The ferry made the crossing two years late and $4 million over budget.")
    other = _p("a2", "a", "Tern Lines said both ferries would sail from the mainland.")
    store = _Store(
        {"a": [POOL[0], other], "b": [POOL[1]], "c": [POOL[2], late]},
        worded=[POOL[2]],  # the word search finds the article naming the Selkie 40
    )
    claim = "The Selkie 40 made its first crossing two years late and $4 million over budget."
    retrieved = [POOL[0], POOL[1]]  # retrieval ranked the other two articles first
    found = [(claim, retrieved, [1.0, 0.0])]
    words = [("crossing", "years", "late", "budget")]
    t = Thresholds(article_sources=1, article_matches=2, word_matches=1, windows=0)
    named = ([("Corvane Marine", "Selkie 40")], [None])
    [extra] = extra_passages(store, found, words, {}, t, 0.0, None, named)  # type: ignore[arg-type]
    ids = [p.id for p in extra]
    assert "c2" in ids and "c1" in ids, ids
    # without the claim's names, the first article retrieved is the one read
    [extra] = extra_passages(store, found, words, {}, t, 0.0, None, None)  # type: ignore[arg-type]
    assert "c2" not in [p.id for p in extra]
