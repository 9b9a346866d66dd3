"""Shared fixtures. Real small models (installed, never downloaded) where they matter;
the hash embedder where speed matters. Sockets are off (pytest-socket) unless a test is
marked ``integration``."""

from __future__ import annotations

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

import datetime as dt
import socket
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_FILE = SEEDS / "2021-12-31-biden-putin-call.txt"
SEED_DATE = dt.date(2021, 12, 31)
FIXTURES = Path(__file__).parent / "fixtures"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("integration"):
            item.add_marker(pytest.mark.enable_socket)


@pytest.fixture(scope="session")
def analyzer():
    from factcheck.analysis import Analyzer

    a = Analyzer()
    a.warm_up()
    return a


@pytest.fixture(scope="session")
def embedder():
    """The default embedder: all-MiniLM-L6-v2 on ONNX Runtime (built by `make install`)."""
    from factcheck.embed import default_embedder

    e = default_embedder("onnx")
    e.warm_up()  # type: ignore[attr-defined]
    return e


def _ephemeral():
    import chromadb

    return chromadb.EphemeralClient(settings=chromadb.Settings(anonymized_telemetry=False))


@pytest.fixture
def hash_store():
    """A store on an in-memory Chroma with the hash embedder: fast, no model."""
    from factcheck.embed import HashEmbedder
    from factcheck.store import PassageStore

    return PassageStore(_ephemeral(), HashEmbedder(), f"t{uuid.uuid4().hex}")


@pytest.fixture
def hash_checker(hash_store, analyzer):
    from factcheck.api import FactChecker
    from factcheck.config import Settings

    return FactChecker(hash_store, analyzer, Settings(use_stance_model=False))


@pytest.fixture(scope="session")
def seed_checker(embedder, analyzer):
    """The seed corpus in a store with the real embedder, shared by read-only tests."""
    from factcheck.api import FactChecker
    from factcheck.config import Settings
    from factcheck.store import PassageStore

    store = PassageStore(_ephemeral(), embedder, f"seed{uuid.uuid4().hex}")
    fc = FactChecker(store, analyzer, Settings(use_stance_model=False))
    res = fc.ingest([SEEDS])
    assert res.added == 1 and not res.errors
    return fc


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
