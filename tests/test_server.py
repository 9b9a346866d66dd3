"""Server mode against a real `chroma run` on 127.0.0.1, started by a fixture."""

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.errors import StoreError
from factcheck.store import open_client

from .conftest import SEEDS, free_port

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory):
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


def test_cli_against_server(chroma_url, tmp_path):
    runner = CliRunner()
    env = {"FACTCHECK_USE_STANCE_MODEL": "false"}
    r = runner.invoke(
        main, ["--chroma-url", chroma_url, "--collection", "srv1", "ingest", str(SEEDS)], env=env
    )
    assert r.exit_code == 0, r.output
    assert "1 added" in r.output
    r = runner.invoke(
        main,
        [
            "--chroma-url",
            chroma_url,
            "--collection",
            "srv1",
            "search",
            "Russian troops on the border",
            "-k",
            "1",
        ],
        env=env,
    )
    assert r.exit_code == 0 and "100,000" in r.output
    # nothing was written locally
    assert not (tmp_path / "vectorstore").exists()


def test_server_down_is_one_clear_message():
    port = free_port()
    with pytest.raises(StoreError, match="Cannot reach the Chroma server"):
        open_client(None, f"http://127.0.0.1:{port}")
    r = CliRunner().invoke(main, ["--chroma-url", f"http://127.0.0.1:{port}", "sources"])
    assert r.exit_code == 1
    assert "Cannot reach the Chroma server" in r.output
    assert "Traceback" not in r.output
