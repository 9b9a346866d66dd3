"""The shipped stance model: loads offline from the package, scores sensibly, and the chain
uses it (numbers still decide numbers)."""

import pytest

from factcheck.backends.stance import MODEL_DIR, load_default_stance
from factcheck.types import Label

from .conftest import SEED_DATE


@pytest.fixture(scope="module", params=["onnx", "torch"])
def stance(request):
    model = load_default_stance(request.param)
    assert model is not None, f"no stance model in {MODEL_DIR}"
    return model


def test_model_files_are_small_enough_for_git():
    # model.onnx is a build output (scripts/export_onnx.py, run by `make install`), not in git
    size = sum(p.stat().st_size for p in MODEL_DIR.iterdir() if p.is_file() and p.suffix != ".onnx")
    assert size < 50 * 1024 * 1024
    assert (MODEL_DIR / "MODEL_CARD.md").exists()


def test_scores_related_unrelated_and_negated(stance):
    ev = "Ukraine has not been invited to join NATO, the alliance said on Tuesday."
    same, negated, other = stance(
        [
            (ev, "NATO has not invited Ukraine to join."),
            (ev, "Ukraine has been invited to join NATO."),
            (ev, "The Tokyo Olympics drew 11,000 athletes."),
        ]
    )
    assert other.neutral > max(other.supports, other.refutes)
    assert same.supports > same.refutes
    assert negated.refutes > negated.supports
    for p in (same, negated, other):
        assert abs(p.supports + p.refutes + p.neutral - 1) < 1e-4


def test_chain_with_the_stance_model(seed_checker_with, stance):
    fc = seed_checker_with(stance)
    assert (
        fc.check("Biden and Putin had a 90-minute call.", dateline=SEED_DATE).label == Label.REFUTED
    )
    assert fc.check("Apple released a new iPhone in September.").label == (Label.NOT_ENOUGH_INFO)
    v = fc.check("Ushakov said Putin was pleased with the talks.")
    assert v.label == Label.SUPPORTED
