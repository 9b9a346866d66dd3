import pytest

from factcheck.nlp.claims import ClaimExtractor

from .conftest import SEED_FILE


@pytest.fixture(scope="module")
def seed_claims(analyzer):
    text = SEED_FILE.read_text(encoding="utf-8")
    return text, ClaimExtractor(analyzer).extract(text, article_id="seed")


def _find(claims, needle):
    hits = [c for c in claims if needle in c.text]
    assert hits, f"no claim contains {needle!r}"
    return hits[0]


def _value(claim, text, kind):
    vs = [v for v in claim.values if v.text.lower() == text.lower() and v.kind == kind]
    assert vs, f"{text!r} ({kind}) not in {[(v.kind, v.text) for v in claim.values]}"
    return vs[0]


def test_spans_slice_back(seed_claims):
    text, claims = seed_claims
    for c in claims:
        assert text[c.span[0] : c.span[1]] == c.text
        for v in c.values:
            assert text[v.span[0] : v.span[1]] == v.text


def test_seed_call_duration_and_ordinal(seed_claims):
    _, claims = seed_claims
    c = _find(claims, "50-minute phone discussion")
    d = _value(c, "50-minute", "duration")
    assert d.low == d.high == 3000
    o = _value(c, "second", "ordinal")
    assert o.low == 2 and o.noun == "call"  # the elided noun: the discussion = a call
    w = _value(c, "just over three weeks", "duration")
    assert w.low == 3 * 604800 and w.high > w.low and w.hedge == "just over"
    assert {"duration", "ordinal"} <= set(c.kinds)


def test_seed_dates(seed_claims):
    _, claims = seed_claims
    thursday = _value(_find(claims, "warned his Russian counterpart"), "on Thursday", "date")
    assert thursday.date_from == "2021-12-30"
    jan10 = _value(_find(claims, "in-person meetings"), "January 10", "date")
    assert jan10.date_from == "2022-01-10"
    geneva = _value(_find(claims, "Geneva talks"), "in January", "date")
    assert (geneva.date_from, geneva.date_to) == ("2022-01-01", "2022-01-31")
    troops = _find(claims, "100,000 Russian troops")
    assert _value(troops, "2014", "date").date_from == "2014-01-01"
    assert _value(troops, "the same year", "date").date_from == "2014-01-01"
    assert (
        _value(_find(claims, "demands earlier this month"), "earlier this month", "date").date_from
        == "2021-12-01"
    )


def test_seed_troops(seed_claims):
    _, claims = seed_claims
    c = _find(claims, "100,000 Russian troops")
    q = _value(c, "Around 100,000", "quantity")
    assert (q.low, q.high, q.hedge, q.noun) == (90000, pytest.approx(110000), "around", "troop")
    assert "quantity" in c.kinds and "entity" in c.kinds
    assert any(v.kind == "entity" and v.text == "Putin" for v in c.values)


def test_attribution(seed_claims):
    _, claims = seed_claims
    assert "Ushakov" in (_find(claims, "told reporters").attribution or "")
    assert _find(claims, "senior US source").attribution == "a senior US source"
    assert "White House" in (_find(claims, "existing policy").attribution or "")
    assert "quote" in _find(claims, "tremendous error").kinds


def test_no_claim_from_hopes_opinion_or_questions(seed_claims, analyzer):
    _, claims = seed_claims
    assert not [c for c in claims if "sincerely hope" in c.text]
    ext = ClaimExtractor(analyzer)
    text = (
        "We believe this is a wonderful idea. Will the talks succeed? "
        "I hope it works out. The council approved 14 new homes on Monday."
    )
    found = ext.extract(text)
    assert [c.text for c in found] == ["The council approved 14 new homes on Monday."]


def test_claims_are_ranked_and_threshold_is_a_setting(analyzer):
    text = "The company hired 300 staff in 2020. It is a nice place. Nobody knows why."
    all_ = ClaimExtractor(analyzer, threshold=0.0).extract(text)
    strict = ClaimExtractor(analyzer, threshold=0.9).extract(text)
    assert len(all_) == 3 and len(strict) <= 1
    assert all_[0].score > all_[1].score


def test_json_shape(seed_claims):
    _, claims = seed_claims
    d = _find(claims, "50-minute").to_dict()
    assert set(d) >= {"text", "span", "kinds", "score", "attribution", "values"}
    v = next(x for x in d["values"] if x["text"] == "50-minute")
    assert v["kind"] == "duration" and v["normalized"]["low"] == 3000
    dd = next(x for x in d["values"] if x["kind"] == "entity" or x["kind"] == "ordinal")
    assert "normalized" in dd


@pytest.mark.parametrize(
    "sentence",
    [
        '"It\'s carnage," he said.',  # a quote whose speaker is a pronoun: who said what
        "The loss was far greater than analysts predicted.",  # a statement with no figure
        "The UK government, however, welcomed the firm's decision.",
        "Rolls-Royce, part of the consortium, will supply engines.",
    ],
)
def test_statements_without_figures_are_claims(analyzer, sentence):
    """Copy states facts without figures too: reported speech and third-person statements
    of what someone did are checkable (benchmarks/news_claims.py --extraction)."""
    claims = ClaimExtractor(analyzer).extract(sentence)
    assert [c.text for c in claims] == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        "General Motors logo.",  # a caption
        "I will miss Steve immensely.",  # the speaker's own feeling
        "We hope the talks succeed.",
        "What do you think about that?",
    ],
)
def test_captions_feelings_and_questions_are_not_claims(analyzer, sentence):
    assert ClaimExtractor(analyzer).extract(sentence) == []
