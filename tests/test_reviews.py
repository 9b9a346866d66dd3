"""Reading earlier verdicts: ClaimReview JSON-LD in every shape, CSV, and bad records."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from factcheck.errors import InputError
from factcheck.interfaces.exports import claim_review, to_claimreview
from factcheck.reviews.claimreview import parse_reviews, read_reviews, review_id

REVIEW = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "claimReviewed": "Biden and Putin spoke for 50 minutes",
    "reviewRating": {
        "@type": "Rating",
        "ratingValue": 5,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "True",
    },
    "author": {"@type": "Organization", "name": "Desk"},
    "datePublished": "2021-12-31",
    "url": "https://example.org/r/1",
}


def test_one_object_is_read_with_every_field():
    got = parse_reviews(json.dumps(REVIEW), "f.json")
    [r] = got.reviews
    assert not got.errors
    assert (r.claim, r.rating, r.rating_value, r.best_rating, r.worst_rating) == (
        "Biden and Putin spoke for 50 minutes",
        "True",
        5.0,
        5.0,
        1.0,
    )
    assert (r.author, r.date, r.url, r.origin) == (
        "Desk",
        dt.date(2021, 12, 31),
        "https://example.org/r/1",
        "f.json",
    )


@pytest.mark.parametrize(
    "doc",
    [
        [REVIEW, {**REVIEW, "claimReviewed": "Another claim"}],
        {"@context": "https://schema.org", "@graph": [REVIEW, {**REVIEW, "claimReviewed": "B"}]},
    ],
)
def test_a_list_and_a_graph_are_read(doc):
    got = parse_reviews(json.dumps(doc), "f.json")
    assert len(got.reviews) == 2 and not got.errors


def test_one_object_per_line_with_a_bad_line_keeps_the_rest():
    text = "\n".join(
        [json.dumps(REVIEW), "{not json", json.dumps({**REVIEW, "claimReviewed": "Second"})]
    )
    got = parse_reviews(text, "f.jsonl")
    assert [r.claim for r in got.reviews] == ["Biden and Putin spoke for 50 minutes", "Second"]
    assert got.errors == (
        ("f.jsonl:2", "not JSON (Expecting property name enclosed in double quotes)"),
    )


def test_bad_records_each_get_an_error_naming_the_problem_and_the_rest_are_read():
    bad = [
        REVIEW,
        {**REVIEW, "claimReviewed": ""},
        {k: v for k, v in REVIEW.items() if k != "reviewRating"},
        {**REVIEW, "reviewRating": "False"},
        {**REVIEW, "claimReviewed": 42},
        {**REVIEW, "datePublished": "yesterday"},
        {**REVIEW, "reviewRating": {"ratingValue": "high"}},
        {"@type": "Article", "headline": "x"},
        "just text",
        {**REVIEW, "claimReviewed": "Fine too", "author": [{"name": "A"}, {"name": "B"}]},
    ]
    got = parse_reviews(json.dumps(bad), "f.json")
    assert [r.claim for r in got.reviews] == ["Biden and Putin spoke for 50 minutes", "Fine too"]
    assert got.reviews[1].author == "A, B"
    msgs = dict(got.errors)
    assert msgs == {
        "f.json#record 2": "no claimReviewed",
        "f.json#record 3": "no reviewRating",
        "f.json#record 4": "reviewRating must be an object, not str",
        "f.json#record 5": "claimReviewed must be text, not int",
        "f.json#record 6": "datePublished 'yesterday' is not a date (use YYYY-MM-DD)",
        "f.json#record 7": "reviewRating.ratingValue must be a number, not 'high'",
        "f.json#record 8": "@type is 'Article', not ClaimReview",
        "f.json#record 9": "a ClaimReview must be a JSON object, not str",
    }


def test_a_file_that_is_neither_json_nor_csv_is_one_clear_error(tmp_path):
    f = tmp_path / "notes.json"
    f.write_text("these are my notes, not reviews", encoding="utf-8")
    with pytest.raises(InputError, match=r"notes\.json: not JSON"):
        read_reviews(f)
    empty = tmp_path / "empty.json"
    empty.write_text("  \n", encoding="utf-8")
    with pytest.raises(InputError, match="empty"):
        read_reviews(empty)
    with pytest.raises(InputError, match="no such file"):
        read_reviews(tmp_path / "missing.json")
    binary = tmp_path / "x.json"
    binary.write_bytes(b"\x00\x01\x02")
    with pytest.raises(InputError, match="binary"):
        read_reviews(binary)


def test_csv_with_the_usual_columns_and_our_own_labels(tmp_path):
    f = tmp_path / "desk.csv"
    f.write_text(
        "Claim,Verdict,URL,Date,Author\n"
        "Biden and Putin spoke for 90 minutes,REFUTED,https://x/1,2021-12-31,Desk\n"
        "Putin seized Crimea in 2014,Mostly true,,,\n"
        ",True,,,\n"
        "A claim,False,,31/12/2021,\n",
        encoding="utf-8",
    )
    got = read_reviews(f, name="desk.csv")
    assert [(r.claim, r.rating, r.rating_value) for r in got.reviews] == [
        ("Biden and Putin spoke for 90 minutes", "False", 1.0),
        ("Putin seized Crimea in 2014", "Mostly true", None),
    ]
    assert dict(got.errors) == {
        "desk.csv:4": "the claim is empty",
        "desk.csv:5": "date '31/12/2021' is not a date (use YYYY-MM-DD)",
    }


def test_csv_without_a_claim_column_names_the_header(tmp_path):
    f = tmp_path / "x.csv"
    f.write_text("text,verdict\nA,True\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"no claim column .* the header is text, verdict"):
        read_reviews(f)


def test_our_own_claimreview_output_reads_back():
    row = {
        "id": "c1",
        "claim": "Biden and Putin spoke for 90 minutes",
        "label": "REFUTED",
        "confidence": 0.9,
        "rationale": "claim says 90 minutes; source says 50 minutes",
        "evidence": [],
    }
    text = to_claimreview([row], author="Desk", publisher_url="https://desk.example")
    [r] = parse_reviews(text, "out.jsonld").reviews
    cr = claim_review(row, author="Desk", publisher_url="https://desk.example")
    assert (r.claim, r.rating, r.rating_value, r.author) == (row["claim"], "False", 1.0, "Desk")
    assert r.url == cr["url"]


def test_the_same_review_has_the_same_id_whatever_its_spacing():
    a = review_id("Biden  and Putin spoke", "True", "Desk", None, "")
    assert a == review_id("biden and putin spoke", "True", "Desk", None, "")
    assert a != review_id("Biden and Putin spoke", "False", "Desk", None, "")
