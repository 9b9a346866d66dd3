"""The optional LLM judge, with langchain_core's fake chat models: prompt golden test,
parser on raw strings (malformed included), and the rule that it never beats a number."""

import pytest
from langchain_core.language_models import FakeListChatModel

from factcheck.errors import ConfigError, ModelOutputError
from factcheck.llm import LLMJudge, parse, render
from factcheck.prompts import load_prompt
from factcheck.types import Label

from .conftest import SEED_DATE


def test_rendered_prompt_golden():
    text = render("They spoke for 90 minutes.", "A 50-minute call.", "Wire", "2021-12-31")
    assert "CLAIM: They spoke for 90 minutes.\n" in text
    assert "EVIDENCE (Wire, 2021-12-31): A 50-minute call.\n" in text
    assert text.rstrip().endswith('"reason": "<one short sentence>"}')


def test_prompt_names_are_checked():
    with pytest.raises(ConfigError, match="Available"):
        load_prompt("nope.v9")
    with pytest.raises(ConfigError, match="look like"):
        load_prompt("../etc/passwd")


@pytest.mark.parametrize(
    ("raw", "stance"),
    [
        ('{"stance": "SUPPORTS", "confidence": 0.9, "reason": "same"}', "SUPPORTS"),
        ('Sure!\n```json\n{"stance": "REFUTES", "confidence": 0.7}\n```', "REFUTES"),
    ],
)
def test_parser_accepts_valid_json(raw, stance):
    assert parse(raw).stance == stance


@pytest.mark.parametrize(
    "raw",
    [
        "no json here",
        '{"stance": "MAYBE", "confidence": 0.5}',
        '{"stance": "SUPPORTS"}',
        '{"stance": "SUPPORTS", "confidence": 7}',
        '{"stance": "SUPPORTS", "confidence": 0.5',
    ],
)
def test_parser_rejects_malformed(raw):
    with pytest.raises(ModelOutputError) as ei:
        parse(raw)
    assert ei.value.raw == raw


def test_judge_with_fake_model_and_bad_reply_counts_as_neutral():
    judge = LLMJudge(
        FakeListChatModel(responses=['{"stance": "SUPPORTS", "confidence": 0.8}', "garbage"])
    )
    a, b = judge([("ev1", "claim1"), ("ev2", "claim2")])
    assert a.supports == 0.8 and b.neutral == 1.0


def test_judge_never_overrides_a_value_mismatch(seed_checker):
    always_yes = LLMJudge(
        FakeListChatModel(responses=['{"stance": "SUPPORTS", "confidence": 1.0}'] * 50)
    )
    old = seed_checker.verifier.stance
    seed_checker.verifier.stance = always_yes
    try:
        v = seed_checker.check("Biden and Putin had a 90-minute call.", dateline=SEED_DATE)
        assert v.label == Label.REFUTED
        assert seed_checker.prompts == ("verify.v1",)
    finally:
        seed_checker.verifier.stance = old
