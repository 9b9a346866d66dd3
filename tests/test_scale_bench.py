"""benchmarks/scale.py (issue #31, step 3): the archive that fills the million-passage
store is each distinct sentence written many times, its vector with a little noise and
its facts as analysed once, so that a check reads them instead of parsing them."""

from __future__ import annotations

import numpy as np

from benchmarks import checkset, scale
from tests.helpers.parses import count_parses

TEXTS = [
    "The harbour handled 1,200 ships in March, the port authority said.",
    "Rainfall in the valley was twice the average for the season.",
    "The council approved a budget of 40 million euros on Tuesday.",
]


def test_the_archive_repeats_each_sentence_with_its_facts_and_a_near_vector(
    hash_checker, monkeypatch, tmp_path
):
    monkeypatch.setattr(checkset, "CACHE", tmp_path)
    store, analyzer = hash_checker.store, hash_checker.analyzer
    facts = scale.unique_facts(TEXTS, analyzer)
    assert len(facts) == 3 and list(tmp_path.glob("scale/facts-3-*.jsonl"))
    assert scale.unique_facts(TEXTS, analyzer) == facts  # from the cache
    vecs = np.asarray(store.embedder.embed_documents(TEXTS), dtype=np.float32)
    scale.grow(store, TEXTS, vecs, facts, analyzer.fingerprint, 0, 7)
    scale.grow(store, TEXTS, vecs, facts, analyzer.fingerprint, 7, 10)  # grows on
    assert store.count() == 10
    got = store.get_passages([f"arch{j}" for j in range(10)])
    assert [got[f"arch{j}"].text for j in range(10)] == [TEXTS[j % 3] for j in range(10)]
    assert all(got[f"arch{j}"].facts == facts[j % 3] for j in range(10))
    stored = store.vectors([f"arch{j}" for j in range(10)])
    for j in range(10):
        v = np.asarray(stored[f"arch{j}"])
        assert abs(np.linalg.norm(v) - 1) < 1e-3 and v @ vecs[j % 3] > 0.9
    assert not np.allclose(stored["arch0"], stored["arch3"])  # each copy its own noise

    parsed = count_parses(monkeypatch, analyzer.nlp)
    claim = "The harbour handled 1,200 ships in March."
    v = hash_checker.check(claim)
    assert v.evidence and parsed == [claim]  # the archive's stored facts are read


def test_the_table_has_a_row_per_size():
    rows = [{"passages": 10_000, "disk MB": 40}, {"passages": 100_000, "disk MB": 390}]
    assert scale.table(rows).splitlines()[2:] == ["| 10,000 | 40 |", "| 100,000 | 390 |"]
