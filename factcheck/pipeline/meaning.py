"""A claim's clauses said in other words: coverage by meaning, not only by shared words.

A passage states a claim only when it states each of the claim's clauses
(rules/coverage.py). Most of a clause's words being there is one way to tell; a reporter's
restatement ("negotiated a deal to buy 22 Dreamliners, a plane Boeing is still developing"
of "negotiated the purchase of 22 Dreamliners, an aircraft Boeing has under development")
shares few. A clause is also stated when its embedding is near the passage's: the
stored vector of the passage, the clause embedded once per check. Whether the passage
says the clause or its opposite is then the stance model's and the rules' to tell, as for
any passage that states every part of the claim."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from factcheck.nlp.facts import TextFacts
from factcheck.sources.store import PassageStore
from factcheck.types import WINDOW, Passage


def checked_clauses(facts: TextFacts) -> list[str]:
    """The clauses of a claim that coverage checks (rules/coverage.py: two content words)."""
    return [text for text, words in facts.clauses if len(words) >= 2]


def clauses_meant(
    store: PassageStore,
    claims: Sequence[tuple[TextFacts, list[Passage]]],
    threshold: float,
    vec: dict[str, Any] | None = None,
) -> list[dict[str, frozenset[str]]]:
    """Per claim (its facts, its passages), by passage id: the claim's checked clauses
    whose embedding has at least ``threshold`` cosine with the passage's. One embedding
    call for the clauses not in ``vec`` (clause vectors kept between two looks at the same
    claims), one store read for the passages' vectors."""
    import numpy as np

    vec = {} if vec is None else vec
    mine = [checked_clauses(f) for f, _ in claims]
    texts = sorted({c for cs in mine for c in cs} - set(vec))
    if texts:
        raw = np.asarray(store.embedder.embed_documents(texts), dtype=float)
        vec.update(zip(texts, _unit(raw), strict=True))
    if not any(mine):
        return [{} for _ in claims]
    asked = zip(mine, claims, strict=True)
    # a window of two passages (retrieval.windows) is read through both of theirs
    stored = store.vectors([x for cs, (_, ps) in asked if cs for p in ps for x in _parts(p.id)])
    out: list[dict[str, frozenset[str]]] = []
    for cs, (_, ps) in zip(mine, claims, strict=True):
        got: dict[str, frozenset[str]] = {}
        for p in ps if cs else ():
            vs = [v for v in (stored.get(x) for x in _parts(p.id)) if v is not None]
            if not vs:
                continue
            pvs = _unit(np.asarray(vs, dtype=float))
            got[p.id] = frozenset(c for c in cs if float((pvs @ vec[c]).max()) >= threshold)
        out.append(got)
    return out


def _parts(pid: str) -> list[str]:
    return pid.split(WINDOW)


def _unit(m: Any) -> Any:
    import numpy as np

    return m / np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-12)
