"""The stance model's news-derived training pairs (scripts/stance_news_pairs.py, issue #29):
each mechanism on sentences that are not from the news folder, and the article split."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "stance_news_pairs.py"


@pytest.fixture(scope="module")
def gen():
    spec = importlib.util.spec_from_file_location("stance_news_pairs", SCRIPT)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["stance_news_pairs"] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def nlp(analyzer):
    return analyzer.nlp


def fake_embed(words: list[str]) -> list[list[float]]:
    """Antonym pairs share a direction; every other word gets its own."""
    axes = {"good": 0, "bad": 0, "strong": 1, "weak": 1, "praise": 2, "criticize": 2}
    out = []
    for w in words:
        v = np.zeros(64)
        first = w.split()[0].lower() if w.split() else ""
        v[axes.get(first, 3 + sum(map(ord, w)) % 60)] = 1.0
        out.append(v.tolist())
    return out


def test_prefix_antonym_is_preferred_and_inflected(gen, nlp):
    opp = gen.Opposites(fake_embed, {"fair", "unfair", "good", "bad"})
    doc = nlp("The referee said the decision was fair to both clubs.")
    text, note = gen.opposite(doc, opp)
    assert text == "The referee said the decision was unfair to both clubs."
    assert note == "fair -> unfair"


def test_partner_must_be_mutual_nearest(gen, nlp):
    lemmas = {"good", "bad", "strong", "weak", "praise", "criticize", "happy"}
    opp = gen.Opposites(fake_embed, lemmas)
    assert opp.partner[("good", "ADJ")] == "bad"
    assert opp.partner[("strong", "ADJ")] == "weak"
    # "happy" has no opposite near it in this embedding: no guess is made
    assert ("happy", "ADJ") not in opp.partner
    doc = nlp("Analysts called the quarter strong for the company.")
    text, _ = gen.opposite(doc, opp)
    assert "weak for the company" in text


def test_negation_inserted_and_removed(gen, nlp):
    assert gen.negation(nlp("The council approved the budget."))[0] == (
        "The council did not approve the budget."
    )
    assert gen.negation(nlp("The bridge is open to traffic."))[0] == (
        "The bridge is not open to traffic."
    )
    assert gen.negation(nlp("The mayor did not sign the order."))[0] == (
        "The mayor signed the order."
    )
    assert gen.negation(nlp("Prices will not rise this year."))[0] == "Prices will rise this year."


def test_reported_speech_backshifts_and_swaps_person(gen, nlp):
    spk, verb, quote = gen.quotations(
        '"We are ready to open the new terminal in May," said Lena Forsberg.'
    )
    assert (spk, verb) == ("Lena Forsberg", "said")
    assert gen.indirect(nlp(quote)) == "they were ready to open the new terminal in May"
    # first person singular: the speaker's pronoun is unknown, so no rewrite is made
    _, _, q = gen.quotations('"I will not resign over this," said Tomas Berg.')
    assert gen.indirect(nlp(q)) is None
    assert gen.quotations("Lena Forsberg opened the terminal in May.") is None


def test_dated_resolves_relative_words_against_the_dateline(gen):
    # 2021-06-10 is a Thursday: "on Tuesday" is 8 June
    assert gen.dated("The ferry sank on Tuesday near the coast.", "2021-06-10")[0] == (
        "The ferry sank on 8 June 2021 near the coast."
    )
    assert gen.dated("Sales rose this month.", "2021-06-10")[0] == "Sales rose in June 2021."
    assert gen.dated("Last year's sales rose.", "2021-06-10") is None
    assert gen.dated("Sales rose.", "") is None


def test_numbers_in_words_skip_money_and_percentages(gen, nlp):
    assert gen.in_words(nlp("The club signed 14 players in the summer."))[0] == (
        "The club signed fourteen players in the summer."
    )
    assert gen.in_words(nlp("Rents rose 14% and fares $20.")) is None


def test_shortened_drops_only_a_whole_trailing_phrase(gen, nlp):
    short = gen.shortened(nlp("The company opened a new plant in the north, creating 300 jobs."))
    assert short == "The company opened a new plant in the north."
    # the kept part would lose a word it depends on: refused
    refused = "The deal covers 18 jets and 14 of the new mid-size, long-range jets."
    assert gen.shortened(nlp(refused)) is None


def test_heldout_articles_cover_every_yardstick(gen):
    held = gen.heldout_articles()
    data = ROOT / "benchmarks" / "data"
    rows2 = [json.loads(x) for x in (data / "news_claims_2.jsonl").read_text().splitlines()]
    assert {r["source"] for r in rows2} <= held
    for name in ("news_claims.jsonl", *(f"news_claims_{n}.jsonl" for n in range(3, 7))):
        rows = [json.loads(x) for x in (data / name).read_text().splitlines()]
        assert {r["source"] for r in rows if r["split"] == "test"} <= held, name


def test_generated_pairs_keep_heldout_articles_out_of_training(gen, nlp):
    a = gen.Article(
        "a.txt",
        "Port reopens",
        (
            "The harbour authority reopened the port on Monday after a strong storm.",
            "Officials said the storm damaged 40 boats in the marina.",
            '"We are glad the port is open again," said harbour master Ines Vidal.',
            "The port handles about 200 ships a month, the authority said.",
        ),
        "2022-03-09",
    )
    b = gen.Article("b.txt", "Storm", (*a.sentences[:2], "Schools closed."), "2022-03-08")
    pairs, _ = gen.generate([a, b], {"b.txt"}, nlp, fake_embed)
    assert pairs
    for p in pairs:
        assert p["split"] == ("heldout" if p["article"] == "b.txt" else "train")
        assert p["label"] in (0, 1, 2)
        if p["kind"] == "hard_neutral":
            assert p["claim"] not in p["premise"]
    kinds = {p["kind"] for p in pairs}
    assert {"hard_neutral", "negation", "reported_speech", "dated"} <= kinds
