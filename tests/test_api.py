"""The Python API: typed results, to_dict JSON that matches the CLI, thread safety, and
a Chroma server shared by two processes."""

import json
import os
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor

import pytest

import factcheck
from factcheck import FactChecker, Label, Verdict

from .conftest import SEED_DATE

CLAIMS = [
    "Biden and Putin had a 90-minute call.",
    "Putin seized Crimea in 2014.",
    "Ukraine has been invited to join NATO.",
    "Apple released a new iPhone in September.",
    "Around 100,000 Russian troops are stationed along the border with Ukraine.",
]


def test_public_api_is_typed_and_lazy():
    assert "FactChecker" in factcheck.__all__
    assert factcheck.FactChecker is FactChecker


def test_check_many_is_an_iterator_with_progress(seed_checker):
    seen = []
    it = seed_checker.check_many(
        CLAIMS, dateline=SEED_DATE, progress=lambda d, t: seen.append((d, t))
    )
    first = next(it)
    assert isinstance(first, Verdict)
    rest = list(it)
    assert len(rest) == len(CLAIMS) - 1
    assert seen[-1] == (len(CLAIMS), len(CLAIMS))


def test_to_dict_matches_cli_json(seed_checker):
    v = seed_checker.check(CLAIMS[0], dateline=SEED_DATE)
    d = v.to_dict()
    assert json.loads(json.dumps(d)) == d
    assert d["label"] == Label.REFUTED.value


def test_concurrent_calls_give_the_same_answers(seed_checker):
    expected = [seed_checker.check(c, dateline=SEED_DATE).to_dict() for c in CLAIMS]
    with ThreadPoolExecutor(max_workers=6) as pool:
        got = list(
            pool.map(lambda c: seed_checker.check(c, dateline=SEED_DATE).to_dict(), CLAIMS * 4)
        )
    assert got == expected * 4


WORKER = textwrap.dedent(
    """
    import sys, json
    from pathlib import Path
    from factcheck.api import FactChecker
    from factcheck.config import Settings
    from factcheck.backends.embedders import HashEmbedder
    url, tag, folder = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    s = Settings(chroma_url=url, collection="shared", use_stance_model=False)
    fc = FactChecker.from_settings(s, embedder=HashEmbedder())
    res = fc.ingest([folder])
    v = fc.check(f"The {tag} depot holds 17 buses.")
    print(json.dumps({"added": res.added, "errors": len(res.errors), "label": v.label.value}))
    """
)


@pytest.mark.integration
def test_two_processes_share_one_chroma_server(chroma_url, tmp_path):
    procs = []
    for tag in ("north", "south"):
        d = tmp_path / tag
        d.mkdir()
        for i in range(15):
            (d / f"{tag}-{i}.txt").write_text(
                f"The {tag} depot number {i} holds {17 + i} buses. It opened in {1990 + i}."
            )
        procs.append(
            subprocess.Popen(
                [sys.executable, "-c", WORKER, chroma_url, tag, str(d)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
            )
        )
    outs = [json.loads(p.communicate(timeout=300)[0].strip().splitlines()[-1]) for p in procs]
    assert [o["added"] for o in outs] == [15, 15] and all(o["errors"] == 0 for o in outs)
    from factcheck.api import FactChecker
    from factcheck.backends.embedders import HashEmbedder
    from factcheck.config import Settings

    fc = FactChecker.from_settings(
        Settings(chroma_url=chroma_url, collection="shared", use_stance_model=False),
        embedder=HashEmbedder(),
    )
    infos = fc.sources()
    assert len(infos) == 30 and all(s.passages == 1 for s in infos)
    assert fc.store.count() == 30


@pytest.mark.parametrize("bad", [None, 123, b"bytes", ["a list"]])
def test_a_claim_that_is_not_text_is_an_input_error(seed_checker, bad):
    from factcheck.errors import InputError

    with pytest.raises(InputError, match="claim must be text"):
        seed_checker.check(bad)
    [out] = list(seed_checker.check_many([bad]))
    assert isinstance(out, InputError)


def test_an_impossible_date_is_refused_with_its_reason(seed_checker):
    v = seed_checker.check("Biden and Putin spoke on February 30, 2021")
    assert v.label == Label.NOT_ENOUGH_INFO
    assert "'February 30, 2021' is not a real date" in v.rationale


def test_control_characters_do_not_change_a_verdict(seed_checker):
    clean = seed_checker.check("Biden and Putin spoke for 90 minutes")
    dirty = seed_checker.check("Biden and Putin\x1b[31m spoke\u200b for 90 minutes\x00")
    assert (dirty.label, dirty.rationale) == (clean.label, clean.rationale)
    assert dirty.claim.text == clean.claim.text
