"""The spaCy pipeline the Analyzer reads with, imported without torch: the packaged model,
plus a component that gives a verb the lemma its irregular form has in the lemmatizer's
own exception table when the tagger read it as a present form, which the rule lemmatizer
keeps as written ("iPhones outsold Android phones": 'outsold', tagged VBP, is 'outsell')."""

from __future__ import annotations

from typing import Any

NAME = "factcheck_verb_lemmas"


def import_spacy_without_torch() -> Any:
    """Import spaCy without letting thinc import torch (2.6 s of a cold start).

    thinc runs ``import torch`` whenever torch is installed, only to offer PyTorch-backed
    layers; the packaged English pipeline has none. Unless torch is already loaded (the
    torch backend), its import is made to fail while spaCy loads, then allowed again."""
    import sys

    if "spacy" in sys.modules or "torch" in sys.modules:
        import spacy

        return spacy
    sys.modules["torch"] = None  # type: ignore[assignment]  # makes `import torch` fail
    try:
        import spacy
    finally:
        if sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]
    return spacy


def _register(language: Any) -> None:
    """Register the component's factory with spaCy (once per process)."""
    if language.has_factory(NAME):
        return

    @language.factory(NAME)  # type: ignore[untyped-decorator]
    def _create(nlp: Any, name: str) -> Any:
        try:
            lookups = nlp.get_pipe("lemmatizer").lookups
            table = lookups.get_table("lemma_exc")["verb"]
            bases = set(lookups.get_table("lemma_index")["verb"])
        except (KeyError, AttributeError):
            table, bases = {}, set()
        # never a form that is a verb's base form itself: "did not ground the fleet" is
        # 'ground', not 'grind'; "lay off" is 'lay'
        irregular = {k: v[0] for k, v in dict(table).items() if v and v[0] != k and k not in bases}

        def fix(doc: Any) -> Any:
            for t in doc:
                if t.pos_ == "VERB" and t.lemma_.lower() == t.lower_ and t.lower_ in irregular:
                    t.lemma_ = irregular[t.lower_]
            return doc

        return fix


def load_pipeline(spacy: Any, model: str) -> Any:
    """``model`` loaded with ``spacy`` (the module, imported by the caller its own way),
    without its sentence splitter, with the verb lemma component after the lemmatizer."""
    from spacy.language import Language

    _register(Language)
    nlp = spacy.load(model, exclude=["senter"])
    nlp.add_pipe(NAME, after="lemmatizer")
    return nlp
