import json

import pytest

from factcheck.chain import ClaimRequest, PassageRetriever, build_chain
from factcheck.errors import InputError
from factcheck.types import Label, Verdict

from .conftest import FIXTURES, SEED_DATE

CLAIMS = [json.loads(line) for line in (FIXTURES / "seed_claims.jsonl").read_text().splitlines()]


@pytest.fixture(scope="module")
def shipped_stance():
    from factcheck.stance import load_default_stance

    return load_default_stance()


@pytest.mark.parametrize("with_model", [False, True], ids=["rules-only", "stance-model"])
def test_own_seed_claim_set_accuracy(seed_checker, shipped_stance, with_model):
    """At least 40 hand-written claims about the seed; >= 90% must get the right label, with
    the shipped stance model (the default) and without it."""
    assert len(CLAIMS) >= 40
    old = seed_checker.verifier.stance
    seed_checker.verifier.stance = shipped_stance if with_model else None
    try:
        verdicts = list(seed_checker.check_many([c["claim"] for c in CLAIMS], dateline=SEED_DATE))
    finally:
        seed_checker.verifier.stance = old
    wrong = [
        (c["claim"], c["label"], v.label.value)
        for c, v in zip(CLAIMS, verdicts, strict=True)
        if v.label.value != c["label"]
    ]
    accuracy = 1 - len(wrong) / len(CLAIMS)
    assert accuracy >= 0.9, wrong
    for label in ("SUPPORTED", "REFUTED", "NOT_ENOUGH_INFO", "CONFLICTING"):
        assert any(c["label"] == label for c in CLAIMS)


def test_check_many_matches_single_checks(seed_checker):
    texts = [c["claim"] for c in CLAIMS[:6]]
    batch = [v.label for v in seed_checker.check_many(texts, dateline=SEED_DATE)]
    single = [seed_checker.check(t, dateline=SEED_DATE).label for t in texts]
    assert batch == single


def test_chain_is_a_runnable_with_invoke_batch_stream(seed_checker):
    chain = build_chain(seed_checker.verifier)
    v = chain.invoke(ClaimRequest("Biden and Putin had a 90-minute call.", SEED_DATE))
    assert isinstance(v, Verdict) and v.label == Label.REFUTED
    vs = chain.batch(["Putin seized Crimea in 2014.", "Putin seized Crimea in 2016."])
    assert [x.label for x in vs] == [Label.SUPPORTED, Label.REFUTED]
    streamed = list(chain.stream("Putin seized Crimea in 2014."))
    assert streamed[-1].label == Label.SUPPORTED


def test_retriever_is_a_langchain_retriever(seed_checker):
    r = PassageRetriever(store=seed_checker.store, k=2)
    docs = r.invoke("Russian troops at the border")
    assert len(docs) == 2 and "score" in docs[0].metadata
    assert "100,000" in docs[0].page_content
    batch = r.batch(["troops", "phone call"])
    assert len(batch) == 2 and all(len(b) == 2 for b in batch)


def test_verdict_json_fields(seed_checker):
    d = seed_checker.check("Biden and Putin had a 90-minute call.", dateline=SEED_DATE).to_dict()
    assert d["label"] == "REFUTED" and 0 <= d["confidence"] <= 1
    assert "90 minutes" in d["rationale"] and "50 minutes" in d["rationale"]
    ev = d["evidence"][0]
    assert set(ev) >= {"source", "text", "span", "stance", "score", "dateline"}
    assert ev["stance"] == "REFUTES" and ev["dateline"] == "2021-12-31"


def test_conflicting_shows_both_sides_with_attribution(seed_checker):
    v = seed_checker.check("Biden told Putin that US weapons would not be deployed in Ukraine.")
    assert v.label == Label.CONFLICTING
    who = {e.attribution for e in v.evidence if e.stance.value != "NEUTRAL"}
    assert "The Kremlin" in who and "the White House" in who


def test_bad_claims(seed_checker):
    with pytest.raises(InputError, match="empty"):
        seed_checker.check("   ")
    with pytest.raises(InputError, match="limit is 1,000"):
        seed_checker.check("word " * 400)
    out = list(seed_checker.check_many(["", "Putin seized Crimea in 2014."]))
    assert isinstance(out[0], InputError) and out[1].label == Label.SUPPORTED


def test_check_article_on_seed(seed_checker):
    from .conftest import SEED_FILE

    report = seed_checker.check_article(SEED_FILE.read_text(encoding="utf-8"))
    assert report.dateline == SEED_DATE
    assert len(report.verdicts) >= 10
    # the article checked against itself: nothing it says is refuted
    assert not [v for v in report.verdicts if v.label == Label.REFUTED]


def test_stance_model_scores_only_pairs_it_can_change(seed_checker):
    """Pairs settled by values or missing names are not sent to the model (its cost is most
    of a check); the verdict is the one the rules give."""
    from factcheck.compare import StanceProbs

    seen: list[tuple[str, str]] = []

    def model(pairs):
        seen.extend(pairs)
        return [StanceProbs(0.9, 0.05, 0.05) for _ in pairs]

    old = seed_checker.verifier.stance
    seed_checker.verifier.stance = model
    try:
        v = seed_checker.check("Biden and Putin had a 90-minute call.", dateline=SEED_DATE)
    finally:
        seed_checker.verifier.stance = old
    assert v.label == Label.REFUTED
    call = next(e for e in v.evidence if "50-minute" in e.passage.text)
    assert not any(p == call.passage.text for p, _ in seen)
    assert len(seen) < len(v.evidence)
