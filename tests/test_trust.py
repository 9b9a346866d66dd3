"""Source trust: an editor says how much each source counts; a dissent from a source they
trust less cannot outweigh trusted ones, and CONFLICTING names the sources on each side."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from factcheck.errors import InputError
from factcheck.interfaces.cli.commands import main
from factcheck.types import Label

from .conftest import SEED_DATE, SEEDS

# The same event word as the seed's "50-minute phone discussion": one event, two figures.
PLANTED = "date 2022-01-02 Planted\n\nBiden and Putin had a 90-minute phone call on Thursday.\n"
CLAIM = "Biden and Putin had a 90-minute phone call"


@pytest.fixture
def checker(real_checker):
    fc = real_checker("tr")
    fc.ingest([SEEDS])
    return fc


def test_a_planted_sentence_at_low_trust_cannot_make_a_conflict(checker):
    checker.ingest_text(PLANTED, name="planted.txt", trust=0.2)
    v = checker.check(CLAIM, dateline=SEED_DATE)
    assert v.label == Label.REFUTED
    assert "less trusted source disagrees: Planted (trust 0.2)" in v.rationale
    planted = next(e for e in v.evidence if e.passage.source_id == "planted.txt")
    assert planted.passage.trust == 0.2 and planted.weight <= 0.2


def test_at_equal_trust_the_conflict_names_both_sources(checker):
    checker.ingest_text(PLANTED, name="planted.txt")
    v = checker.check(CLAIM, dateline=SEED_DATE)
    assert v.label == Label.CONFLICTING
    assert "Supports: Planted (trust 1)" in v.rationale
    assert "Refutes: Biden and Putin both issue warnings" in v.rationale
    # the editor lowers its trust afterwards: no re-ingest needed
    assert checker.set_trust("planted.txt", 0.2) == 2  # the headline and the sentence
    assert checker.check(CLAIM, dateline=SEED_DATE).label == Label.REFUTED
    # ingesting the same text again at another trust updates it too
    checker.ingest_text(PLANTED, name="planted.txt", trust=1.0)
    assert checker.check(CLAIM, dateline=SEED_DATE).label == Label.CONFLICTING


@pytest.mark.parametrize("bad", [-0.1, 1.5, "high", None])
def test_trust_must_be_between_0_and_1(checker, bad):
    with pytest.raises(InputError, match=r"(?i)trust must be"):
        checker.ingest_text(PLANTED, name="x.txt", trust=bad)
    with pytest.raises(InputError):
        checker.set_trust("2021-12-31-biden-putin-call.txt", bad)


def test_trust_on_the_command_line(tmp_path):
    d = str(tmp_path / "vs")
    env = {"FACTCHECK_USE_STANCE_MODEL": "false"}
    f = tmp_path / "planted.txt"
    f.write_text(PLANTED)
    assert CliRunner().invoke(main, ["--store", d, "ingest", str(SEEDS)], env=env).exit_code == 0
    r = CliRunner().invoke(main, ["--store", d, "ingest", "--trust", "0.2", str(f)], env=env)
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(main, ["--store", d, "sources"], env=env)
    assert "trust" in r.output.splitlines()[0] and " 0.20 " in r.output
    r = CliRunner().invoke(main, ["--store", d, "check", CLAIM, "--dateline", "2021-12-31"])
    assert r.output.startswith("REFUTED")
    r = CliRunner().invoke(main, ["--store", d, "trust", "planted.txt", "1"], env=env)
    assert r.exit_code == 0 and "set to 1" in r.output
    r = CliRunner().invoke(main, ["--store", d, "check", CLAIM, "--dateline", "2021-12-31"])
    assert r.output.startswith("CONFLICTING")
    r = CliRunner().invoke(main, ["--store", d, "ingest", "--trust", "2", str(f)], env=env)
    assert r.exit_code == 2
