"""What spaCy parses during a test: a check should parse only its claim."""

from __future__ import annotations

from typing import Any


def count_parses(monkeypatch: Any, nlp: Any) -> list[str]:
    """The texts ``nlp.pipe`` is given from now on (the list fills as the test runs)."""
    parsed: list[str] = []
    real = nlp.pipe

    def counting(texts: Any, *a: Any, **kw: Any) -> Any:
        texts = list(texts)
        parsed.extend(texts)
        return real(texts, *a, **kw)

    monkeypatch.setattr(nlp, "pipe", counting)
    return parsed
