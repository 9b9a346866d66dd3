"""A spaCy component that gives a verb the lemma its irregular form has in the
lemmatizer's own exception table when the tagger read it as a present form, which the
rule lemmatizer keeps as written ("iPhones outsold Android phones": 'outsold', tagged VBP,
is 'outsell'). Imported by the Analyzer when it loads the pipeline (registering it)."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

NAME = "factcheck_verb_lemmas"


@Language.factory(NAME)
def _create(nlp: Language, name: str) -> Any:
    try:
        lemmatizer: Any = nlp.get_pipe("lemmatizer")
        table = lemmatizer.lookups.get_table("lemma_exc")["verb"]
    except (KeyError, AttributeError):
        table = {}
    irregular = {k: v[0] for k, v in dict(table).items() if v and v[0] != k}

    def fix(doc: Any) -> Any:
        for t in doc:
            if t.pos_ == "VERB" and t.lemma_.lower() == t.lower_ and t.lower_ in irregular:
                t.lemma_ = irregular[t.lower_]
        return doc

    return fix
