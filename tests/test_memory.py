"""Verdict memory: stored reviews, matching a claim against them, and the three surfaces."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import chromadb
import pytest
from click.testing import CliRunner

from factcheck.api import FactChecker
from factcheck.backends.embedders import HashEmbedder
from factcheck.config import Settings
from factcheck.errors import InputError, StoreError
from factcheck.interfaces.cli.commands import main
from factcheck.interfaces.cli.render import verdict_text
from factcheck.interfaces.exports import csv_row, to_markdown
from factcheck.interfaces.web.render import review_html, verdict_card
from factcheck.reviews.matching import MatchThresholds, claim_difference
from factcheck.reviews.memory import ReviewStore
from factcheck.sources.store import PassageStore
from factcheck.types import Review, ReviewMatch

from .conftest import SEED_DATE, SEEDS

ENV = {"FACTCHECK_USE_STANCE_MODEL": "false"}


def _review(claim: str, rating: str = "True", **kw) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": claim,
        "reviewRating": {"@type": "Rating", "alternateName": rating},
        "author": {"@type": "Organization", "name": kw.get("author", "Desk")},
        "datePublished": kw.get("date", "2021-12-31"),
        **({"url": kw["url"]} if "url" in kw else {}),
    }


@pytest.fixture
def checker(embedder, analyzer):
    client = chromadb.EphemeralClient(settings=chromadb.Settings(anonymized_telemetry=False))
    store = PassageStore(client, embedder, f"m{uuid.uuid4().hex}")
    return FactChecker(store, analyzer, Settings(use_stance_model=False))


@pytest.fixture
def reviews_file(tmp_path):
    f = tmp_path / "reviews.json"
    f.write_text(
        json.dumps(
            [
                _review("Biden and Putin spoke for 50 minutes on the phone.", url="https://x/1"),
                _review("Around 100,000 Russian troops are stationed along Ukraine's border."),
                _review("Putin seized the Crimean peninsula in 2014.", "Mostly true"),
                {"@type": "ClaimReview", "claimReviewed": "No rating here"},
            ]
        ),
        encoding="utf-8",
    )
    return f


def test_import_is_idempotent_and_bad_records_are_reported(checker, reviews_file):
    res = checker.import_reviews([reviews_file])
    assert (res.files, res.added, res.unchanged) == (1, 3, 0)
    assert [m for _, m in res.errors] == ["no reviewRating"]
    again = checker.import_reviews([reviews_file.parent])  # a folder: the same file
    assert (again.added, again.unchanged) == (0, 3)
    assert len(checker.reviews()) == 3


def test_remove_by_id_url_or_file(checker, reviews_file):
    checker.import_reviews([reviews_file])
    assert checker.remove_review("https://x/1") == 1
    rid = checker.reviews()[0].id
    assert checker.remove_review(rid) == 1
    assert checker.remove_review(str(reviews_file)) == 1
    assert checker.reviews() == []
    with pytest.raises(InputError, match="No review 'nope'"):
        checker.remove_review("nope")


def test_reading_a_store_without_reviews_creates_nothing(checker):
    assert checker.reviews() == [] and checker.memory.count() == 0
    names = [c.name for c in checker.store.client.list_collections()]
    assert checker.memory.name not in names
    with pytest.raises(InputError, match="no reviews"):
        checker.remove_review("x")


@pytest.mark.parametrize(
    ("claim", "same", "reason"),
    [
        ("Biden and Putin talked on the phone for fifty minutes.", True, ""),
        ("Biden and Putin spoke for 90 minutes on the phone.", False, "90 minutes here, 50"),
        ("Biden and Macron spoke for 50 minutes on the phone.", False, "names differ: Macron"),
        ("Biden and Putin did not speak for 50 minutes on the phone.", False, "negated"),
        ("About 100,000 Russian soldiers are stationed along Ukraine's border.", True, ""),
        ("Around 150,000 Russian troops are stationed along Ukraine's border.", False, "150,000"),
        ("The Crimean peninsula was seized by Putin in 2014.", True, ""),
        ("Putin seized the Crimean peninsula in 2008.", False, "2008"),
    ],
)
def test_a_check_shows_the_earlier_review_and_whether_it_is_the_same_claim(
    checker, reviews_file, claim, same, reason
):
    checker.import_reviews([reviews_file])
    v = checker.check(claim, dateline=SEED_DATE)
    assert v.previous_reviews, "the earlier review is shown"
    top = v.previous_reviews[0]
    assert top.same_claim is same, (top.similarity, top.reason)
    assert reason in top.reason
    d = v.to_dict()["previous_reviews"][0]
    assert set(d) == {
        "id",
        "claim",
        "rating",
        "rating_value",
        "author",
        "date",
        "url",
        "similarity",
        "same_claim",
        "reason",
    }


def test_an_unrelated_claim_shows_no_review(checker, reviews_file):
    checker.import_reviews([reviews_file])
    assert (
        checker.check("Apple sold one million iPhones in its first weekend.").previous_reviews == ()
    )


def test_no_reviews_no_key_change_but_an_empty_list(checker):
    assert checker.check("Biden and Putin spoke for 50 minutes").to_dict()["previous_reviews"] == []


def test_matching_can_be_turned_off(embedder, analyzer, reviews_file):
    client = chromadb.EphemeralClient(settings=chromadb.Settings(anonymized_telemetry=False))
    store = PassageStore(client, embedder, f"m{uuid.uuid4().hex}")
    fc = FactChecker(store, analyzer, Settings(use_stance_model=False, match_reviews=False))
    fc.import_reviews([reviews_file])
    assert fc.check("Biden and Putin spoke for 50 minutes on the phone.").previous_reviews == ()


def test_a_remembered_verdict_comes_back_as_checked_before(checker):
    checker.ingest([SEEDS])
    v = checker.check("Biden and Putin spoke for 90 minutes on Thursday", dateline=SEED_DATE)
    assert v.label.value == "REFUTED"
    assert checker.remember([v], date=dt.date(2022, 1, 3)) == 1
    assert checker.remember([v], date=dt.date(2022, 1, 3)) == 0  # already remembered
    again = checker.check("On Thursday Biden and Putin talked for 90 minutes", dateline=SEED_DATE)
    top = again.previous_reviews[0]
    assert top.same_claim and top.review.rating == "False" and top.review.author == "factcheck"
    other = checker.check("Biden and Putin spoke for 50 minutes on Thursday", dateline=SEED_DATE)
    assert not other.previous_reviews[0].same_claim


def test_check_many_and_the_langchain_chain_match_too(checker, reviews_file):
    checker.import_reviews([reviews_file])
    claims = ["Biden and Putin talked on the phone for fifty minutes.", "Inflation rose to 7%."]
    got = list(checker.check_many(claims))
    assert got[0].previous_reviews[0].same_claim and got[1].previous_reviews == ()
    from factcheck.pipeline.steps import ClaimRequest

    out = checker.chain.invoke(ClaimRequest(claims[0]))
    assert out.previous_reviews[0].same_claim


def test_reindex_rebuilds_the_reviews_too(tmp_path, analyzer, reviews_file):
    path = str(tmp_path / "vs")
    client = chromadb.PersistentClient(path=path)
    fc = FactChecker(PassageStore(client, HashEmbedder(dim=64), "coll"), analyzer)
    fc.import_reviews([reviews_file])

    class Other(HashEmbedder):
        identity = {"embedder": "other", "embedder_sha256": "x"}  # noqa: RUF012

    first = FactChecker(PassageStore(client, HashEmbedder(dim=64), "coll"), analyzer)
    first.memory.embedder = Other(dim=32)
    with pytest.raises(StoreError, match="factcheck reindex"):
        first.memory.count()
    fresh = FactChecker(
        PassageStore(client, Other(dim=32), "coll", check_embedder=False),
        analyzer,
        check_embedder=False,
    )
    assert fresh.reindex() == 3
    assert len(FactChecker(PassageStore(client, Other(dim=32), "coll"), analyzer).reviews()) == 3


def test_claim_difference_is_a_substitution_never_an_omission(analyzer):
    old = analyzer.analyze("Biden and Putin spoke for 50 minutes", SEED_DATE)
    assert claim_difference(analyzer.analyze("The two presidents talked for 50 minutes"), old) == ""
    assert "names differ" in claim_difference(
        analyzer.analyze("Biden and Xi spoke for 50 minutes"), old
    )
    gm = analyzer.analyze("General Motors plans to cut 30,000 jobs by 2008")
    assert (
        claim_difference(analyzer.analyze("GM intends to eliminate 30,000 jobs by 2008"), gm) == ""
    )
    month = analyzer.analyze("The first flight may take place as early as March")
    assert "dates differ" in claim_difference(
        analyzer.analyze("The first flight may take place as early as September"), month
    )


def _match(same: bool, url: str = "https://x/1") -> ReviewMatch:
    r = Review(
        "r1",
        "Biden and Putin spoke for <b>50</b> minutes",
        "False",
        1.0,
        5.0,
        1.0,
        "Desk",
        dt.date(2022, 1, 3),
        url,
    )
    return ReviewMatch(r, 0.91, same, "" if same else "the figures differ: 90 here, 50 there")


def test_surfaces_carry_the_earlier_review(checker, reviews_file):
    checker.import_reviews([reviews_file])
    v = checker.check("Biden and Putin talked on the phone for fifty minutes.", dateline=SEED_DATE)
    assert "Checked before: True — “Biden and Putin spoke" in verdict_text(v)
    row = {"id": "1", **v.to_dict()}
    assert csv_row(row)["previous_reviews"].startswith("Checked before: True on “Biden")
    assert "https://x/1" in csv_row(row)["previous_reviews"]
    assert "Checked before: True" in to_markdown([row])
    assert 'class="fc-review fc-review-same"' in verdict_card(v)


def test_the_card_escapes_reviews_and_links_only_web_urls():
    html = review_html(_match(True))
    assert "&lt;b&gt;50&lt;/b&gt;" in html and "<b>50</b>" not in html
    assert 'href="https://x/1"' in html and "Checked before" in html
    bad = review_html(_match(False, url="javascript:alert(1)"))
    assert "href" not in bad and "Related review" in bad and "figures differ" in bad


def test_thresholds_order():
    t = MatchThresholds()
    assert 0 < t.related <= t.same < 1


def test_review_store_is_keyed_by_content(analyzer):
    from factcheck.reviews.claimreview import make_review

    client = chromadb.EphemeralClient(settings=chromadb.Settings(anonymized_telemetry=False))
    mem = ReviewStore(client, HashEmbedder(dim=32), analyzer, f"r{uuid.uuid4().hex}")
    a = make_review("The Dow fell 777 points", "True")
    b = make_review("The  Dow fell 777 points", "True")
    assert mem.add([a, b]) == (1, 1)


# -- the command line -------------------------------------------------------------------------


def _run(*args, store):
    return CliRunner().invoke(main, ["--store", store, *args], env=ENV)


def test_cli_import_list_remove_check_and_remember(tmp_path, reviews_file):
    store = str(tmp_path / "vs")
    r = _run("reviews", "import", str(reviews_file), store=store)
    assert r.exit_code == 1  # one record failed; the rest were imported
    assert "#record 4: no reviewRating" in r.output
    assert "3 reviews added, 0 already there, 1 errors" in r.output
    r = _run("reviews", "list", "--json", store=store)
    assert r.exit_code == 0 and len(json.loads(r.output)) == 3
    r = _run("reviews", "import", str(tmp_path / "missing.json"), store=store)
    assert r.exit_code == 2 and "no such file" in r.output
    r = _run("ingest", str(SEEDS), store=store)
    r = _run("check", "Biden and Putin talked for 90 minutes", "--remember", "--json", store=store)
    assert r.exit_code == 0, r.output
    related = json.loads(r.output)["previous_reviews"][0]
    assert related["same_claim"] is False and "90 minutes" in related["reason"]
    r = _run("check", "Biden and Putin talked for ninety minutes", store=store)
    assert "Checked before: False — “Biden and Putin talked for 90 minutes”" in r.output
    r = _run("reviews", "remove", "https://x/1", store=store)
    assert r.exit_code == 0 and "removed 1 review" in r.output
    r = _run("reviews", "remove", "nothing-like-it", store=store)
    assert r.exit_code == 1 and "No review" in r.output


def test_cli_batch_remember(tmp_path):
    store = str(tmp_path / "vs")
    assert _run("ingest", str(SEEDS), store=store).exit_code == 0
    claims = tmp_path / "claims.csv"
    claims.write_text("id,claim\n1,Biden and Putin spoke for 50 minutes\n2,\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    r = _run("batch", str(claims), "--out", str(out), "--remember", store=store)
    assert r.exit_code == 1  # the empty row failed; the other was checked and remembered
    r = _run("reviews", "list", "--json", store=store)
    [rev] = json.loads(r.output)
    assert rev["claim"] == "Biden and Putin spoke for 50 minutes" and rev["origin"] == "factcheck"


def test_a_large_review_file_shows_progress_inside_the_file(hash_checker, tmp_path, monkeypatch):
    """Progress counts reviews as they are stored, not only files (a 50 MB file showed
    nothing for minutes)."""
    from factcheck.reviews import memory

    monkeypatch.setattr(memory, "_WRITE_BATCH", 10)
    f = tmp_path / "many.json"
    rows = [_review(f"The port handled {i} ships in May.", url=f"https://x/{i}") for i in range(35)]
    f.write_text(json.dumps(rows), encoding="utf-8")
    seen: list[int] = []
    res = hash_checker.import_reviews([f], on_reviews=seen.append)
    assert res.added == 35
    assert seen == [10, 20, 30, 35]  # inside the one file
