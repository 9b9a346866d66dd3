"""Analyse once, at ingest (issue #31): a passage's facts are stored with it and read back
exactly; a check then parses only the claim; ``reindex`` recomputes stored facts when the
analysis changes."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.nlp.facts_record import facts_from_record, facts_record
from tests.helpers.parses import count_parses

from .conftest import SEED_FILE


def _texts() -> list[str]:
    from factcheck.nlp.sentences import split_passages
    from factcheck.sources.readers import read_file

    src, body = read_file(SEED_FILE)
    more = [
        "“We will not back down,” the minister said on Tuesday, adding that 40 boats sank.",
        "Officials said the 2011 earthquake killed more than 15,000 people, not 1,500.",
        "The dam holds 40 million cubic metres; February 30 is not a date.",
        "Ushakov said the talks were useful, but the Kremlin denied any deal, according to Tass.",
        "The crashes of Northline Flight 12 and Skyway Flight 88 killed 45 and 17 people"
        " respectively.",
        "The Harlow index gained 71 points, while the Dunmore index added 46 points.",
    ]
    return [p.text for p in split_passages(src, body)] + more


def test_a_passages_facts_come_back_exactly(analyzer):
    facts = analyzer.analyze_many(_texts(), dt.date(2021, 12, 31))
    assert any(f.statements for f in facts) and any(f.found for f in facts)
    assert any(x.owner for f in facts for x in f.found)  # a "respectively" list's figures
    assert any(x.subject for f in facts for x in f.found)  # named subjects side by side
    for f in facts:
        back = facts_from_record(facts_record(f), f.text)
        assert back == f
        assert [(s, s.words) for s in back.statements] == [(s, s.words) for s in f.statements]


def test_a_damaged_record_is_refused():
    with pytest.raises(ValueError, match="not a facts record"):
        facts_from_record('{"found": 3}', "text")


def test_a_check_parses_only_the_claim(real_checker, monkeypatch):
    fc = real_checker("once")
    fc.ingest_text(
        "The port of Examplehaven handled 412 ships in May, the harbour master said.\n\n"
        "The port employs 1,200 dockers.",
        name="port",
    )
    parsed = count_parses(monkeypatch, fc.analyzer.nlp)
    fc.analyzer._cache.clear()
    v = fc.check("The port of Examplehaven handled 412 ships in May.")
    assert v.label.value == "SUPPORTED"
    assert parsed == ["The port of Examplehaven handled 412 ships in May."]


def test_reindex_recomputes_facts_written_by_another_analysis(real_checker, monkeypatch):
    fc = real_checker("reanalyse")
    fc.ingest_text("The port handled 412 ships in May.", name="port")
    got = fc.store.collection.get(include=["metadatas"])
    assert {m["facts_version"] for m in got["metadatas"]} == {fc.analyzer.fingerprint}
    monkeypatch.setattr(type(fc.analyzer), "fingerprint_for", lambda self, order: "newer")
    assert fc.refresh_facts() == 1
    got = fc.store.collection.get(include=["metadatas"])
    assert {m["facts_version"] for m in got["metadatas"]} == {"newer"}
    assert fc.refresh_facts() == 0  # up to date: nothing parsed
