"""Server mode against a real `chroma run` on 127.0.0.1, started by a fixture."""

import pytest
from click.testing import CliRunner

from factcheck.errors import StoreError
from factcheck.interfaces.cli.commands import main
from factcheck.sources.chroma import open_client

from .conftest import SEEDS, free_port

pytestmark = pytest.mark.integration


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
