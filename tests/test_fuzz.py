"""Property-based tests: any string in, a result or a typed FactCheckError out."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.errors import FactCheckError
from factcheck.interfaces.batch.run import BadRow, Row, read_rows
from factcheck.interfaces.exports import claim_review, to_claimreview, to_markdown
from factcheck.nlp.dates import DateContext
from factcheck.nlp.values import find_values
from factcheck.sources.hygiene import clean_claim, clean_source, strip_terminal

# Text that looks like news copy as often as like noise: figures, dates, units, escapes.
PIECES = st.sampled_from(
    [
        "1e400",
        "10^6",
        "1.5m",
        "NaN",
        "∞",
        "February 30, 2021",
        "31 April",
        "$2.5bn",
        "about 100,000",
        "50-minute",
        "on Thursday",
        "2014",
        "third",
        "%",
        "km",
        " and ",
        "\x1b[31m",
        "\u200b",
        "\n",
        '"',
        ",",
        "-",
        "between 5 and",
        "more than",
        "½",
        "<script>",
        "|",
    ]
)
NEWSY = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=12).map("".join)
ANY_TEXT = st.one_of(st.text(max_size=200), NEWSY)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(ANY_TEXT, st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1))))
def test_value_normaliser_reads_or_refuses(text, dateline):
    values, _ = find_values(text, DateContext(dateline), keep_invalid=True)
    for v in values:
        assert 0 <= v.span[0] <= v.span[1] <= len(text)
        if v.kind == "invalid":
            assert v.note
        elif v.low is not None:
            assert not math.isnan(v.low) and not math.isnan(v.high or 0.0)


@FAST
@given(ANY_TEXT)
def test_cleaning_is_idempotent_and_leaves_no_escapes(text):
    c = clean_claim(text)
    assert clean_claim(c) == c and "\x1b" not in c and "\n" not in c
    s = clean_source(text)
    assert clean_source(s) == s and "\x1b" not in s and "\r" not in s
    t = strip_terminal(text)
    assert "\x1b" not in t and "\x9b" not in t


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NEWSY)
def test_claim_extractor_gives_claims_or_a_typed_error(analyzer, text):
    from factcheck.nlp.claims import ClaimExtractor

    try:
        claims = ClaimExtractor(analyzer, 0.0).extract(text, dt.date(2021, 12, 31))
    except FactCheckError:
        return
    from factcheck.sources.hygiene import blank_controls

    seen = blank_controls(text)  # invisible characters read as spaces, one for one
    assert len(seen) == len(text)
    for c in claims:
        # A claim's span indexes the article: the text there is the claim's own text.
        assert 0 <= c.span[0] < c.span[1] <= len(text)
        assert " ".join(seen[c.span[0] : c.span[1]].split()) == " ".join(c.text.split())


def _read(tmp: Path, name: str, data: bytes) -> list[Row | BadRow]:
    p = tmp / name
    p.write_bytes(data)
    try:
        return list(read_rows(p, 1000))
    except FactCheckError:
        return []


CSVISH = st.lists(
    st.one_of(st.sampled_from(['"', ",", "\n", "\r\n", "claim", "id", "\x00", "\xff"]), st.text()),
    max_size=20,
).map("".join)


@FAST
@given(st.one_of(st.binary(max_size=300), CSVISH.map(lambda s: s.encode("utf-8", "replace"))))
def test_csv_and_jsonl_readers_give_rows_or_a_typed_error(tmp_path_factory, data):
    tmp = tmp_path_factory.mktemp("fuzz")
    for name, head in (("in.csv", b"id,claim\n"), ("in.jsonl", b"")):
        for row in _read(tmp, name, head + data):
            assert isinstance(row, Row | BadRow)
            if isinstance(row, Row):
                assert row.text.strip() and len(row.text) <= 1000
            else:
                assert row.error


JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), ANY_TEXT),
    lambda kids: (
        st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=5), kids, max_size=3)
    ),
    max_leaves=6,
)


@FAST
@given(
    st.dictionaries(st.sampled_from(["id", "claim", "dateline", "source_filter", "x"]), JSON_VALUES)
)
def test_jsonl_rows_of_any_shape(tmp_path_factory, obj):
    tmp = tmp_path_factory.mktemp("fuzzj")
    [row] = _read(tmp, "in.jsonl", json.dumps(obj).encode() + b"\n")
    assert isinstance(row, Row | BadRow)


ROW = st.fixed_dictionaries(
    {
        "id": ANY_TEXT,
        "claim": ANY_TEXT,
        "label": st.sampled_from(["SUPPORTED", "REFUTED", "NOT_ENOUGH_INFO", "CONFLICTING"]),
        "confidence": st.floats(0, 1),
        "rationale": ANY_TEXT,
        "attribution": st.one_of(st.none(), ANY_TEXT),
        "evidence": st.lists(
            st.fixed_dictionaries(
                {
                    "stance": st.sampled_from(["SUPPORTS", "REFUTES", "NEUTRAL"]),
                    "text": ANY_TEXT,
                    "source": ANY_TEXT,
                    "span": st.tuples(st.integers(0, 9), st.integers(0, 9)).map(list),
                    "dateline": st.one_of(st.none(), st.just("2021-12-31")),
                }
            ),
            max_size=3,
        ),
    }
)


@FAST
@given(st.lists(ROW, max_size=4), ANY_TEXT, ANY_TEXT)
def test_claimreview_writer_always_writes_valid_json_ld(rows, author, url):
    reviews = json.loads(to_claimreview(rows, author=author, publisher_url=url))
    assert len(reviews) == len(rows)
    for review, row in zip(reviews, rows, strict=True):
        assert review["@type"] == "ClaimReview" and review["claimReviewed"] == row["claim"]
        assert review == claim_review(row, author=author, publisher_url=url)
    md = to_markdown(rows)
    assert not re.search(r"(?<!\\)<", md)  # no raw HTML reaches a Markdown viewer


def test_readers_skip_a_byte_order_mark(tmp_path):
    p = tmp_path / "in.csv"
    p.write_bytes(b"\xef\xbb\xbfid,claim\r\nA,Putin said so\r\n")
    [row] = read_rows(p, 1000)
    assert isinstance(row, Row) and (row.id, row.text) == ("A", "Putin said so")


def test_readers_name_the_problem_of_a_file_with_only_a_byte_order_mark(tmp_path):
    p = tmp_path / "in.csv"
    p.write_bytes(b"\xff\xfe")
    with pytest.raises(FactCheckError, match="claim' column"):
        list(read_rows(p, 1000))
