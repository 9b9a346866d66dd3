"""Pull checkable claims out of an article: one per sentence that states something checkable,
with its span, kinds, values, check-worthiness score and attribution.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import replace

from factcheck.nlp.facts import Analyzer, TextFacts
from factcheck.nlp.sentences import split_sentences
from factcheck.sources.hygiene import blank_controls
from factcheck.sources.readers import load_text
from factcheck.types import Claim, ValueKind

VALUE_KINDS = {
    ValueKind.QUANTITY: "quantity",
    ValueKind.MONEY: "quantity",
    ValueKind.PERCENT: "quantity",
    ValueKind.DURATION: "duration",
    ValueKind.DATE: "date",
    ValueKind.ORDINAL: "ordinal",
}
KIND_ORDER = ("quantity", "duration", "date", "ordinal", "entity", "quote")


def claim_id(article_id: str, start: int, text: str) -> str:
    return hashlib.sha256(f"{article_id}\n{start}\n{text}".encode()).hexdigest()[:16]


def kinds_of(f: TextFacts) -> tuple[str, ...]:
    kinds = {VALUE_KINDS[v.kind] for v in f.values if v.kind in VALUE_KINDS}
    if f.entities:
        kinds.add("entity")
    if f.quote or f.attribution:
        kinds.add("quote")
    return tuple(k for k in KIND_ORDER if k in kinds)


def checkworthiness(f: TextFacts) -> float:
    """How worth checking a sentence is, in [0, 1].

    A stated value or a factual event about a named entity scores high; opinion, hopes,
    questions and rhetoric score low. Additive weights, so each signal's effect is plain.
    """
    if f.tokens < 4:
        return 0.0
    score = 0.1
    hard = [v for v in f.values if v.kind in VALUE_KINDS]
    if hard:
        score += 0.5
    named = {e.name for e in f.entities}
    if named:
        score += 0.2 if len(named) == 1 else 0.25
    if f.attribution:
        score += 0.15
    if f.quote:
        score += 0.05
    if f.past:
        score += 0.1
    if f.statement:  # says what someone or something did or is: checkable against a source
        score += 0.2
    if f.reported and not f.attribution:  # '"It's carnage," he said.': who said what
        score += 0.2
    if f.negated:  # "Neither company made any statement": a denial can be wrong
        score += 0.1
    if f.question:
        score -= 0.6
    if f.opinion:
        score -= 0.5
    if f.tokens < 7 and not hard:
        score -= 0.2
    return max(0.0, min(1.0, score))


class ClaimExtractor:
    """Sentences -> Claims, using the shared ``Analyzer`` (spaCy + value finders)."""

    def __init__(self, analyzer: Analyzer, threshold: float = 0.5) -> None:
        if not 0.0 <= threshold <= 1.0:
            raise ValueError(f"threshold must be in [0, 1], got {threshold}")
        self.analyzer = analyzer
        self.threshold = threshold

    def extract(
        self,
        text: str,
        dateline: dt.date | None = None,
        *,
        article_id: str = "article",
        threshold: float | None = None,
    ) -> list[Claim]:
        """Every claim scoring at least the threshold, in article order.

        A first line ``date YYYY-MM-DD headline`` or YAML front matter sets the dateline
        when none is given.
        """
        cut = self.threshold if threshold is None else threshold
        text = blank_controls(text)  # same length: spans still index the caller's text
        body = 0
        if text.strip():
            src, body = load_text(text, source_id=article_id, fmt="text")
            dateline = dateline or src.dateline
        spans = split_sentences(text, body, vocab=self.analyzer.vocab)
        facts = self.analyzer.analyze_many([text[s:e] for s, e in spans], dateline, sequential=True)
        claims = []
        for (s, e), f in zip(spans, facts, strict=True):
            score = checkworthiness(f)
            if score < cut:
                continue
            values = tuple(
                replace(v, span=(v.span[0] + s, v.span[1] + s)) for v in (*f.values, *f.entities)
            )
            claims.append(
                Claim(
                    id=claim_id(article_id, s, f.text),
                    text=f.text,
                    span=(s, e),
                    kinds=kinds_of(f),
                    score=score,
                    attribution=f.attribution,
                    values=tuple(sorted(values, key=lambda v: v.span)),
                    dateline=dateline,
                    article_id=article_id,
                )
            )
        return claims
