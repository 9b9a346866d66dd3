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
    from factcheck.nlp.facts import Analyzer

    a = Analyzer()
    a.warm_up()
    return a


@pytest.fixture(scope="session")
def embedder():
    """The default embedder: all-MiniLM-L6-v2 on ONNX Runtime (built by `make install`)."""
    from factcheck.backends.embedders import default_embedder

    e = default_embedder("onnx")
    e.warm_up()  # type: ignore[attr-defined]
    return e


def _ephemeral():
    import chromadb

    return chromadb.EphemeralClient(settings=chromadb.Settings(anonymized_telemetry=False))


@pytest.fixture
def hash_store():
    """A store on an in-memory Chroma with the hash embedder: fast, no model."""
    from factcheck.backends.embedders import HashEmbedder
    from factcheck.sources.store import PassageStore

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
    from factcheck.sources.store import PassageStore

    store = PassageStore(_ephemeral(), embedder, f"seed{uuid.uuid4().hex}")
    fc = FactChecker(store, analyzer, Settings(use_stance_model=False))
    res = fc.ingest([SEEDS])
    assert res.added == 1 and not res.errors
    return fc


@pytest.fixture(scope="session")
def real_checker(embedder, analyzer):
    """A maker of checkers with the real embedder and spaCy over a new in-memory store of
    their own (no stance model): ``real_checker("se")`` -> FactChecker."""
    from factcheck.api import FactChecker
    from factcheck.config import Settings
    from factcheck.sources.store import PassageStore

    def make(prefix: str = "rc"):
        store = PassageStore(_ephemeral(), embedder, f"{prefix}{uuid.uuid4().hex[:8]}")
        return FactChecker(store, analyzer, Settings(use_stance_model=False))

    return make


@pytest.fixture(scope="session")
def shipped_stance():
    """The shipped stance model (stance-v2) on the default backend, loaded once."""
    from factcheck.backends.stance import load_default_stance

    return load_default_stance()


@pytest.fixture
def seed_checker_with(seed_checker):
    """A checker of its own over the shared seed store, with the given stance function
    (or none): tests that need another model never touch the shared checker."""
    from factcheck.api import FactChecker
    from factcheck.config import Settings

    def make(stance):
        fc = FactChecker(
            seed_checker.store,
            seed_checker.analyzer,
            Settings(use_stance_model=False),
            check_embedder=False,
        )
        fc.pipeline.stance = stance
        return fc

    return make


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory):
    """A Chroma server (``chroma run``) on a free local port, for integration tests."""
    import shutil
    import subprocess
    import sys
    import time
    import urllib.request

    exe = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    port = free_port()
    data = tmp_path_factory.mktemp("chroma-server")
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    proc = subprocess.Popen(
        [exe, "run", "--path", str(data), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1)
            break
        except OSError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("chroma run did not start")
    yield url
    proc.terminate()
    proc.wait(timeout=20)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
