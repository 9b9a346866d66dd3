"""Settings: loaded once at the edge, validated with messages that say how to fix them."""

from __future__ import annotations

import pytest

from factcheck.config import Settings, load_settings
from factcheck.errors import ConfigError


def test_defaults_are_sane():
    s = Settings()
    assert s.top_k >= 1 and 0 <= s.min_score < 1 and s.language == "en"
    assert s.backend in ("onnx", "torch")


def test_a_toml_file_the_environment_and_overrides_stack(tmp_path, monkeypatch):
    cfg = tmp_path / "c.toml"
    cfg.write_text("[factcheck]\ntop_k = 7\nmin_score = 0.3\n")
    assert load_settings(cfg).top_k == 7
    monkeypatch.setenv("FACTCHECK_TOP_K", "9")
    s = load_settings(cfg, min_score=0.1)
    assert (s.top_k, s.min_score) == (9, 0.1)


def test_a_language_needs_its_vocabulary_folder():
    with pytest.raises(ConfigError, match=r"language 'xx'.*available: \['en'\]"):
        load_settings(language="xx")
    with pytest.raises(ValueError, match="no vocabulary"):
        Settings(language="xx")


def test_the_checker_reads_the_language_of_its_settings(hash_store):
    from factcheck.api import FactChecker
    from factcheck.lang import vocabulary

    fc = FactChecker(hash_store, settings=Settings(use_stance_model=False, language="en"))
    assert fc.analyzer.vocab is vocabulary("en")


def test_a_bad_chroma_url_is_refused_with_its_rule():
    with pytest.raises(ValueError, match="must start with http"):
        Settings(chroma_url="ftp://x")
