"""Fast start: a check needs no torch, transformers, sentence-transformers or gradio; stores
know their embedder; `factcheck reindex` rebuilds the vectors."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid

import numpy as np
import pytest
from click.testing import CliRunner

from factcheck.errors import StoreError
from factcheck.interfaces.cli.commands import main

from .conftest import ROOT, SEED_DATE, SEED_FILE, SEEDS

HEAVY = (
    "torch",
    "transformers",
    "sentence_transformers",
    "gradio",
    "langsmith",
    "langchain_core.retrievers",
    "langchain_core.tracers",
)


def test_a_cold_check_imports_no_heavy_module(tmp_path):
    store = str(tmp_path / "vs")
    code = f"""
import sys
from click.testing import CliRunner
from factcheck.interfaces.cli.commands import main
r = CliRunner().invoke(main, ["--store", {store!r}, "ingest", {str(SEEDS)!r}])
assert r.exit_code == 0, r.output
r = CliRunner().invoke(main, ["--store", {store!r}, "check", "--json",
                              "Putin said sanctions would be a colossal error"])
assert r.exit_code == 0, r.output
import json; print(json.dumps([r.output, sorted(m for m in sys.modules)]))
"""
    res = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    output, modules = json.loads(res.stdout.strip().splitlines()[-1])
    verdict = json.loads(output)
    assert verdict["label"] == "SUPPORTED"
    assert verdict["provenance"]["model_sha256"]  # the stance model (ONNX) ran
    loaded = [m for m in modules if m.split(".")[0] in HEAVY or m in HEAVY]
    assert loaded == [], loaded


def test_the_onnx_embedder_gives_the_torch_vectors(embedder):
    from factcheck.backends.embedders import SentenceTransformerEmbedder

    texts = [
        "Biden and Putin spoke for 50 minutes on Thursday.",
        "Around 100,000 Russian troops are stationed near the border.",
        "The Dow Jones fell 777 points, its biggest one-day drop.",
        "",
    ]
    a = embedder.encode(texts)
    b = SentenceTransformerEmbedder().encode(texts)
    assert a.shape == b.shape == (4, 384)
    assert np.min((a * b).sum(axis=1)) > 0.9999


def test_both_backends_give_the_same_verdicts(seed_checker_with, seed_checker):
    import chromadb

    from factcheck.api import FactChecker
    from factcheck.backends.embedders import SentenceTransformerEmbedder
    from factcheck.backends.stance import load_default_stance
    from factcheck.config import Settings
    from factcheck.sources.store import PassageStore

    claims = [json.loads(x)["claim"] for x in (ROOT / "tests/fixtures/seed_claims.jsonl").open()]
    client = chromadb.EphemeralClient(settings=chromadb.Settings(anonymized_telemetry=False))
    store = PassageStore(client, SentenceTransformerEmbedder(), f"t{uuid.uuid4().hex[:8]}")
    torch_fc = FactChecker(
        store, seed_checker.analyzer, Settings(backend="torch"), load_default_stance("torch")
    )
    torch_fc.ingest([SEEDS])
    fc = seed_checker_with(load_default_stance("onnx"))
    onnx_labels = [v.label for v in fc.check_many(claims, dateline=SEED_DATE)]
    torch_labels = [v.label for v in torch_fc.check_many(claims, dateline=SEED_DATE)]
    assert onnx_labels == torch_labels


def _hash_store(client, dim: int, name: str, check: bool = True):
    from factcheck.backends.embedders import HashEmbedder
    from factcheck.sources.store import PassageStore

    return PassageStore(client, HashEmbedder(dim), name, check_embedder=check)


def test_a_store_refuses_another_embedder_until_reindexed(tmp_path):
    from factcheck.api import FactChecker
    from factcheck.config import Settings
    from factcheck.sources.chroma import open_client

    client = open_client(str(tmp_path / "vs"))
    fc = FactChecker(_hash_store(client, 64, "news"), settings=Settings(use_stance_model=False))
    fc.ingest([SEED_FILE])
    before = fc.store.collection.get(include=["documents", "metadatas"])
    with pytest.raises(StoreError, match=r"hash-64.*hash-32.*factcheck reindex"):
        _hash_store(client, 32, "news")
    fc2 = FactChecker(
        _hash_store(client, 32, "news", check=False), settings=Settings(use_stance_model=False)
    )
    assert fc2.reindex() == len(before["ids"])
    store = _hash_store(client, 32, "news")  # accepted now
    after = store.collection.get(include=["documents", "metadatas", "embeddings"])
    assert after["ids"] == before["ids"] and after["documents"] == before["documents"]
    assert after["metadatas"] == before["metadatas"]
    assert len(after["embeddings"][0]) == 32
    assert store.search("troops near the border", k=1)[0].text
    assert store.collection.metadata["embedder"] == "hash-32"
    with pytest.raises(StoreError):
        _hash_store(client, 64, "news")


def test_factcheck_reindex_on_the_command_line(tmp_path):
    from factcheck.api import FactChecker
    from factcheck.config import Settings
    from factcheck.sources.chroma import open_client

    d = str(tmp_path / "vs")
    fc = FactChecker(
        _hash_store(open_client(d), 64, "factcheck"), settings=Settings(use_stance_model=False)
    )
    fc.ingest([SEED_FILE])
    env = {"FACTCHECK_USE_STANCE_MODEL": "false"}
    r = CliRunner().invoke(main, ["--store", d, "check", "Putin seized Crimea in 2014"], env=env)
    assert r.exit_code == 1 and "factcheck reindex" in r.output and "Traceback" not in r.output
    r = CliRunner().invoke(main, ["--store", d, "reindex"], env=env)
    assert r.exit_code == 0 and "reindexed 18 passages with all-MiniLM-L6-v2" in r.output
    r = CliRunner().invoke(main, ["--store", d, "check", "Putin seized Crimea in 2014"], env=env)
    assert r.exit_code == 0 and r.output.startswith("SUPPORTED"), r.output


def test_old_stores_without_an_identity_are_adopted(tmp_path):
    from factcheck.sources.chroma import open_client

    client = open_client(str(tmp_path / "vs"))
    client.get_or_create_collection("old", metadata={"hnsw:space": "cosine"})
    store = _hash_store(client, 64, "old")
    assert store.collection.metadata["embedder"] == "hash-64"
    store.collection.add(ids=["a", "b"], embeddings=[[1.0] + [0.0] * 63, [1.0, 1.0] + [0.0] * 62])
    far = store.collection.query(query_embeddings=[[2.0] + [0.0] * 63], n_results=2)
    assert far["distances"][0][0] == pytest.approx(0.0, abs=1e-6)  # still cosine


def test_an_interrupted_reindex_is_finished_on_open(tmp_path, monkeypatch):
    """Killed after the old collection was deleted: the next open completes the swap."""
    import factcheck.sources.chroma as st
    from factcheck.api import FactChecker
    from factcheck.config import Settings
    from factcheck.sources.chroma import open_client

    client = open_client(str(tmp_path / "vs"))
    FactChecker(_hash_store(client, 64, "news"), settings=Settings(use_stance_model=False)).ingest(
        [SEED_FILE]
    )

    def crash(client, name):
        raise RuntimeError("killed")

    monkeypatch.setattr(st, "_finish_reindex", crash)
    with pytest.raises(StoreError, match="killed"):
        _hash_store(client, 32, "news", check=False).reindex()
    monkeypatch.undo()
    names = {c.name for c in client.list_collections()}
    assert names == {"news.reindex"}  # the old one is gone, the new one complete
    store = _hash_store(client, 32, "news")
    assert store.count() == 18 and {c.name for c in client.list_collections()} == {"news"}


def test_the_torch_backend_from_the_command_line(tmp_path):
    """Models load in background threads; on torch, spaCy must not hide torch meanwhile."""
    store = str(tmp_path / "vs")
    exe = [sys.executable, "-m", "factcheck.interfaces.cli.commands", "--store", store]
    subprocess.run([*exe, "ingest", str(SEED_FILE)], check=True, capture_output=True, cwd=ROOT)
    for backend in ("torch", "onnx"):
        r = subprocess.run(
            [*exe, "--backend", backend, "check", "Biden and Putin spoke for 90 minutes"],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        assert r.returncode == 0 and r.stdout.startswith("REFUTED"), (backend, r.stderr)
