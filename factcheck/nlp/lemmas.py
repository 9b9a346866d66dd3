"""The spaCy pipeline the Analyzer reads with: the packaged model, plus a component that
gives a verb the lemma its irregular form has in the lemmatizer's own exception table when
the tagger read it as a present form, which the rule lemmatizer keeps as written
("iPhones outsold Android phones": 'outsold', tagged VBP, is 'outsell')."""

from __future__ import annotations

from typing import Any

NAME = "factcheck_verb_lemmas"


def _register(language: Any) -> None:
    """Register the component's factory with spaCy (once per process)."""
    if language.has_factory(NAME):
        return

    @language.factory(NAME)  # type: ignore[untyped-decorator]
    def _create(nlp: Any, name: str) -> Any:
        try:
            table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc")["verb"]
        except (KeyError, AttributeError):
            table = {}
        irregular = {k: v[0] for k, v in dict(table).items() if v and v[0] != k}

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
