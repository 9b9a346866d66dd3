"""pipeline/: one path for every claim (steps.py, isolate.py, retrieval.py), and the
LangChain chain running the same steps."""

from __future__ import annotations

import pytest

from factcheck.errors import FactCheckError, InputError, StageError
from factcheck.pipeline.isolate import one_by_one, through
from factcheck.types import Label, Verdict

from .conftest import SEED_DATE


def test_one_by_one_keeps_a_batch_when_it_works():
    calls = []

    def step(xs):
        calls.append(list(xs))
        return [x * 2 for x in xs]

    assert one_by_one(step, [1, 2, 3], "double", str) == [2, 4, 6]
    assert calls == [[1, 2, 3]]  # one call for the batch


def test_one_by_one_loses_only_the_item_that_fails(monkeypatch):
    monkeypatch.delenv("FACTCHECK_RAISE_ERRORS", raising=False)

    def step(xs):
        if 2 in xs:
            raise RuntimeError("two is bad")
        return [x * 2 for x in xs]

    out = one_by_one(step, [1, 2, 3], "double", str)
    assert out[0] == 2 and out[2] == 6
    assert isinstance(out[1], StageError) and out[1].stage == "double" and out[1].item == "2"
    assert "two is bad" in str(out[1])


def test_one_by_one_passes_a_typed_error_through_and_can_raise_for_debugging(monkeypatch):
    def step(xs):
        raise InputError("bad input") if 1 in xs else RuntimeError("bug")

    monkeypatch.delenv("FACTCHECK_RAISE_ERRORS", raising=False)
    assert isinstance(one_by_one(step, [1], "s", str)[0], InputError)
    monkeypatch.setenv("FACTCHECK_RAISE_ERRORS", "1")
    with pytest.raises(RuntimeError, match="bug"):
        one_by_one(step, [2], "s", str)


def test_through_applies_a_step_around_the_errors():
    err = InputError("x")
    assert through(lambda xs: [x + 1 for x in xs], [1, err, 3]) == [2, err, 4]
    assert through(lambda xs: [], [err]) == [err]


def test_a_claim_is_cleaned_once(seed_checker, monkeypatch):
    import factcheck.pipeline.steps as steps

    seen = []
    real = steps.clean_claim

    def counting(text):
        seen.append(text)
        return real(text)

    monkeypatch.setattr(steps, "clean_claim", counting)
    out = list(
        seed_checker.check_many(["Putin seized Crimea in 2014.", "  ", "Crimea\x1b[31m in 2014."])
    )
    assert len(seen) == 3  # once per claim, in Pipeline.request
    assert isinstance(out[1], InputError) and isinstance(out[0], Verdict)
    assert out[2].claim.text == "Crimea in 2014."


def test_a_retrieval_failure_fails_only_its_claim(seed_checker, monkeypatch):
    import factcheck.pipeline.steps as steps

    monkeypatch.delenv("FACTCHECK_RAISE_ERRORS", raising=False)
    real = steps.search_many

    def flaky(store, texts, *args, **kw):
        if any("Kyiv" in t for t in texts):
            raise RuntimeError("index page unreadable")
        return real(store, texts, *args, **kw)

    monkeypatch.setattr(steps, "search_many", flaky)
    good, bad = "Putin seized Crimea in 2014.", "Troops were seen near Kyiv."
    for out in (
        list(seed_checker.check_many([good, bad])),
        seed_checker.chain.batch([good, bad], return_exceptions=True),
    ):
        assert out[0].label == Label.SUPPORTED
        assert isinstance(out[1], StageError) and out[1].stage == "retrieve"


def test_a_store_failure_stops_the_batch(seed_checker, monkeypatch):
    """Not one claim's fault: every claim would fail alike, so it is raised once (a batch
    run stops with exit 2 and resumes later), never retried claim by claim."""
    import factcheck.pipeline.steps as steps
    from factcheck.errors import StoreError

    calls = []

    def down(store, texts, *args, **kw):
        calls.append(texts)
        raise StoreError("Chroma server unreachable")

    monkeypatch.setattr(steps, "search_many", down)
    with pytest.raises(StoreError, match="unreachable"):
        list(seed_checker.check_many(["Putin seized Crimea in 2014.", "Troops massed."]))
    assert len(calls) == 1


def test_the_chain_and_the_api_give_the_same_verdicts(seed_checker):
    claims = ["Biden and Putin had a 90-minute call.", "Putin seized Crimea in 2014."]
    api = [v.to_dict() for v in seed_checker.check_many(claims, dateline=SEED_DATE)]
    from factcheck.pipeline.chain import ClaimRequest

    chain = seed_checker.chain.batch([ClaimRequest(c, SEED_DATE) for c in claims])
    assert [v.to_dict() for v in chain] == api


def test_each_claim_is_embedded_once_on_either_path(hash_checker, monkeypatch):
    """Retrieval keeps the claim's vector for the verdict memory: no second embedding."""
    from .conftest import SEEDS

    fc = hash_checker
    fc.ingest([SEEDS])
    claim = "Putin seized Crimea in 2014."
    assert fc.remember([fc.check(claim)]) == 1  # the memory now exists and is read
    emb = fc.store.embedder
    real = emb.embed_documents
    embedded: list[str] = []

    def counting(texts):
        embedded.extend(texts)
        return real(texts)

    monkeypatch.setattr(emb, "embed_documents", counting)
    assert fc.check(claim).previous_reviews
    assert fc.chain.invoke(claim).previous_reviews
    assert embedded.count(claim) == 2  # once per check


def test_an_item_of_the_wrong_type_is_an_input_error(seed_checker):
    out = seed_checker.pipeline.check_many([None, 12, "Putin seized Crimea in 2014."])
    assert all(isinstance(x, FactCheckError) for x in out[:2]) and isinstance(out[2], Verdict)
    assert "not int" in str(out[1])
