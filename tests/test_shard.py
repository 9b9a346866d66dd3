"""``factcheck batch --shard I/N`` (issue #31): N processes against one Chroma server share
one input; together their reports hold every row exactly once, with the verdicts one
process alone gives."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.integration


def _cli(url: str, *args: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "factcheck.interfaces.cli.commands",
        "--chroma-url",
        url,
        "--collection",
        "shards",
        *args,
    ]


def test_two_shards_against_one_server_cover_every_row_once(chroma_url, tmp_path):
    env = {
        **os.environ,
        "FACTCHECK_USE_STANCE_MODEL": "false",
        "HF_HUB_OFFLINE": "1",
        "ANONYMIZED_TELEMETRY": "False",
    }
    wires = tmp_path / "wires"
    wires.mkdir()
    towns = ["Northgate", "Southmere", "Eastbrook", "Westfold", "Highcliff", "Lowmarsh"]
    for i, town in enumerate(towns):
        (wires / f"depot-{i}.txt").write_text(
            f"The bus depot in {town} holds {17 + 3 * i} buses, the council said in 2021.\n"
        )
    subprocess.run(
        _cli(chroma_url, "ingest", str(wires)),
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    rows = [
        {
            "id": f"c{i}",
            # every third figure is wrong: SUPPORTED and REFUTED both come from the server
            "claim": f"The bus depot in {towns[i % 6]} holds "
            f"{17 + 3 * (i % 6) + (i % 3 == 0)} buses.",
        }
        for i in range(25)
    ]
    claims = tmp_path / "claims.jsonl"
    claims.write_text("".join(json.dumps(r) + "\n" for r in rows))
    procs = [
        subprocess.Popen(
            _cli(
                chroma_url,
                "batch",
                str(claims),
                "--out",
                str(tmp_path / f"s{i}.jsonl"),
                "--shard",
                f"{i}/2",
            ),
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(2)
    ]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err[-2000:]
    subprocess.run(
        _cli(chroma_url, "batch", str(claims), "--out", str(tmp_path / "all.jsonl")),
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )

    def read(name: str) -> list[dict]:
        return [json.loads(x) for x in (tmp_path / name).read_text().splitlines()]

    merged = read("s0.jsonl") + read("s1.jsonl")
    ids = [r["id"] for r in merged]
    assert sorted(ids) == sorted(r["id"] for r in rows) and len(set(ids)) == len(ids)
    assert [r["id"] for r in read("s0.jsonl")] == [f"c{i}" for i in range(0, 25, 2)]
    alone = {r["id"]: r["label"] for r in read("all.jsonl")}
    assert {r["id"]: r["label"] for r in merged} == alone
    assert {"SUPPORTED", "REFUTED"} <= set(alone.values())  # the server's passages were read
    assert not any("error" in r for r in merged)


def test_a_shard_out_of_range_is_refused(tmp_path):
    from click.testing import CliRunner

    from factcheck.interfaces.cli.commands import main

    claims = tmp_path / "c.jsonl"
    claims.write_text('{"claim": "x"}\n')
    for bad in ("2/2", "1", "a/b", "0/0"):
        r = CliRunner().invoke(main, ["batch", str(claims), "--shard", bad])
        assert r.exit_code == 2 and "--shard" in r.output, (bad, r.output)
