"""The verification chain as LangChain (LCEL) Runnables:

    prepare (claim text -> Claim + facts) | retrieve (PassageRetriever, top-k with scores)
    | judge (compare each passage, add competing accounts, decide) -> Verdict

``build_chain`` returns one Runnable with invoke/batch/stream; its retrieval step embeds a
whole batch of claims in one call. Documents and Passages are converted only here.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import Runnable, RunnableConfig
from pydantic import ConfigDict

from .analysis import Analyzer, TextFacts, entity_match
from .claims import claim_id, kinds_of
from .compare import DEFAULT, Comparison, StanceProbs, Thresholds, assess, conclude
from .errors import InputError
from .store import PassageStore, passage_from_record, passage_metadata
from .text import clean_claim
from .types import Claim, Evidence, Label, Passage, Stance, Verdict
from .verify import VerdictRules, decide

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

StanceFn = Callable[[list[tuple[str, str]]], list[StanceProbs]]


def passage_to_document(p: Passage) -> Document:
    md = passage_metadata(p)
    md["score"] = p.score
    return Document(page_content=p.text, metadata=md, id=p.id)


def document_to_passage(d: Document) -> Passage:
    score = d.metadata.get("score")
    return passage_from_record(
        str(d.id or ""), d.page_content, dict(d.metadata), None if score is None else float(score)
    )


class PassageRetriever(BaseRetriever):
    """LangChain retriever over the PassageStore: top-k Documents with ``score`` metadata.

    ``where`` is a Chroma metadata filter (see ``store.build_where``); ``min_score`` drops
    passages below that cosine similarity. ``batch`` embeds all queries in one call.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    store: Any
    k: int = 5
    min_score: float = 0.0
    where: dict[str, Any] | None = None

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        return self._docs(self.store.search(query, self.k, self.where))

    def _docs(self, passages: list[Passage]) -> list[Document]:
        return [passage_to_document(p) for p in passages if (p.score or 0.0) >= self.min_score]

    def search_many(
        self, queries: list[str], wheres: Sequence[dict[str, Any] | None] | None = None
    ) -> list[list[Document]]:
        """Batch retrieval: one embedding call, then one query per distinct filter."""
        wheres = list(wheres) if wheres is not None else [self.where] * len(queries)
        out: list[list[Document]] = [[] for _ in queries]
        vecs = self.store.embedder.embed_documents(queries) if queries else []
        groups: dict[str, list[int]] = {}
        for i, w in enumerate(wheres):
            groups.setdefault(repr(w), []).append(i)
        for idx in groups.values():
            res = self.store.search_vectors([vecs[i] for i in idx], self.k, wheres[idx[0]])
            for i, ps in zip(idx, res, strict=True):
                out[i] = self._docs(ps)
        return out

    def batch(  # type: ignore[override]
        self,
        inputs: list[str],
        config: RunnableConfig | list[RunnableConfig] | None = None,
        **kwargs: Any,
    ) -> list[list[Document]]:
        return self.search_many(list(inputs))


@dataclass
class ClaimState:
    """What flows through the chain for one claim (internal; the output is a Verdict)."""

    claim: Claim
    facts: TextFacts
    where: dict[str, Any] | None = None
    passages: list[Passage] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ClaimRequest:
    """Chain input: a claim's text (or an extracted Claim), with optional context."""

    text: str
    dateline: dt.date | None = None
    where: dict[str, Any] | None = None
    claim: Claim | None = None


class Verifier:
    """Owns the pieces the chain steps need: analyzer, store, stance function, rules."""

    def __init__(
        self,
        analyzer: Analyzer,
        store: PassageStore,
        *,
        k: int = 5,
        min_score: float = 0.2,
        max_claim_chars: int = 1000,
        stance: StanceFn | None = None,
        thresholds: Thresholds = DEFAULT,
        rules: VerdictRules | None = None,
    ) -> None:
        self.analyzer = analyzer
        self.store = store
        self.retriever = PassageRetriever(store=store, k=k, min_score=min_score)
        self.max_claim_chars = max_claim_chars
        self.stance = stance
        self.thresholds = thresholds
        self.rules = rules or VerdictRules()

    # -- steps ------------------------------------------------------------------------------

    def validate(self, req: ClaimRequest | str) -> str:
        """The claim's text, or an InputError saying what is wrong with it (no model runs)."""
        if not isinstance(req, ClaimRequest):
            req = ClaimRequest(_claim_text(req))
        text = clean_claim(_claim_text(req.text)) if req.claim is None else req.claim.text
        if not text:
            raise InputError("The claim is empty: type a sentence to check")
        if len(text) > self.max_claim_chars:
            raise InputError(
                f"The claim is {len(text):,} characters; the limit is {self.max_claim_chars:,}."
                " Check a whole article with check-article instead."
            )
        return text

    def prepare(self, req: ClaimRequest | str) -> ClaimState:
        if not isinstance(req, ClaimRequest):
            req = ClaimRequest(_claim_text(req))
        text = self.validate(req)
        dateline = req.dateline if req.claim is None else req.claim.dateline
        facts = self.analyzer.analyze(text, dateline)
        claim = req.claim or Claim(
            id=claim_id("adhoc", 0, text),
            text=text,
            span=(0, len(text)),
            kinds=kinds_of(facts),
            attribution=facts.attribution,
            values=(*facts.values, *facts.entities),
            dateline=dateline,
            article_id="adhoc",
        )
        return ClaimState(claim, facts, req.where)

    def retrieve_batch(self, states: list[ClaimState]) -> list[ClaimState]:
        docs = self.retriever.search_many([s.claim.text for s in states], [s.where for s in states])
        for s, ds in zip(states, docs, strict=True):
            s.passages = [document_to_passage(d) for d in ds]
        return states

    def prepare_batch(self, reqs: list[ClaimRequest | str]) -> list[ClaimState]:
        """``prepare`` for many claims, with one spaCy batch over claims sharing a dateline."""
        norm = [r if isinstance(r, ClaimRequest) else ClaimRequest(r) for r in reqs]
        by_date: dict[dt.date | None, list[str]] = {}
        for r in norm:
            if r.claim is None and not isinstance(r.text, str):
                continue  # prepare() raises the InputError for it
            text = r.claim.text if r.claim else clean_claim(r.text)
            if text and len(text) <= self.max_claim_chars:
                by_date.setdefault(r.claim.dateline if r.claim else r.dateline, []).append(text)
        for dl, texts in by_date.items():
            self.analyzer.analyze_many(texts, dl)  # fills the cache that prepare() reads
        return [self.prepare(r) for r in norm]

    def judge(self, state: ClaimState) -> Verdict:
        return self.judge_batch([state])[0]

    def judge_batch(self, states: list[ClaimState]) -> list[Verdict]:
        """Compare and decide for many claims: passages analysed in one spaCy batch, all
        (passage, claim) pairs scored by the stance model in one call."""
        allp = [p for s in states for p in s.passages]
        # Neighbours come by id (stored at ingest): one round trip, no metadata scan.
        near = self.store.get_passages([q for p in allp for q in (p.prev_id, p.next_id)])
        uniq = {p.id: p for p in allp} | {p.id: p for p in near.values()}
        facts = dict(zip(uniq, self._analyze_passages(list(uniq.values())), strict=True))
        t = self.thresholds
        rated = []
        for s in states:
            for p in s.passages:
                prev = near.get(p.prev_id)
                ctx = facts[prev.id] if prev is not None else None
                rated.append(assess(s.facts, facts[p.id], p.score or 0.0, t, ctx))
        # The model is the costliest step: only pairs whose outcome it can change are scored
        # (not those that the values, polarity or missing names already settle).
        ask = [i for i, a in enumerate(rated) if a.needs_model]
        probs: list[StanceProbs | None] = [None] * len(rated)
        if self.stance is not None and ask:
            texts = [(p.text, s.claim.text) for s in states for p in s.passages]
            for i, pr in zip(ask, self.stance([texts[i] for i in ask]), strict=True):
                probs[i] = pr
        comps = iter(conclude(a, pr, t) for a, pr in zip(rated, probs, strict=True))
        out = []
        for s in states:
            evidence = [_evidence(p, next(comps), facts[p.id].attribution) for p in s.passages]
            evidence += self._competing_accounts(s, evidence, near, facts)
            verdict = decide(s.claim, evidence, self.rules)
            if s.facts.unreadable:
                # A figure or date that cannot exist is refused, never compared as another.
                why = "; ".join(v.note for v in s.facts.unreadable)
                verdict = replace(
                    verdict,
                    label=Label.NOT_ENOUGH_INFO,
                    confidence=1.0,
                    rationale=f"Cannot check: {why}",
                )
            out.append(verdict)
        return out

    def _analyze_passages(self, passages: list[Passage]) -> list[TextFacts]:
        out: list[TextFacts | None] = [None] * len(passages)
        by_date: dict[dt.date | None, list[int]] = {}
        for i, p in enumerate(passages):
            by_date.setdefault(p.dateline, []).append(i)
        for dl, idx in by_date.items():
            for i, f in zip(
                idx, self.analyzer.analyze_many([passages[i].text for i in idx], dl), strict=True
            ):
                out[i] = f
        return [f for f in out if f is not None]

    def _competing_accounts(
        self,
        state: ClaimState,
        evidence: list[Evidence],
        near: dict[str, Passage],
        facts: dict[str, TextFacts],
    ) -> list[Evidence]:
        """An attributed account that the next passage of the same source disputes
        ("The Kremlin said ... Biden, on the other hand, ..., according to the White House").
        """
        extra: list[Evidence] = []
        seen = {e.passage.id for e in evidence}
        claim_names = {e.unit for e in state.facts.entities}
        for e in evidence:
            if e.stance != Stance.SUPPORTS or not e.attribution:
                continue
            nxt = near.get(e.passage.next_id)
            if nxt is None or nxt.id in seen:
                continue
            nf = facts[nxt.id]
            if not (nf.contrast and nf.attribution and nf.attribution != e.attribution):
                continue
            if claim_names and not any(
                entity_match(n, x.unit) for n in claim_names for x in nf.entities
            ):
                continue
            extra.append(
                Evidence(
                    passage=nxt,
                    stance=Stance.REFUTES,
                    weight=round(e.weight * 0.95, 4),
                    rationale=f"a competing account: {nxt.text!r}",
                    passage_spans=((0, len(nxt.text)),),
                    attribution=nf.attribution,
                )
            )
            seen.add(nxt.id)
        return extra


def _claim_text(value: object) -> str:
    """A claim must be text: anything else is an InputError naming the type it was."""
    if not isinstance(value, str):
        raise InputError(
            f"A claim must be text, not {type(value).__name__}"
            + (f" ({value!r:.40})" if value is not None else "")
        )
    return value


def _evidence(p: Passage, comp: Comparison, attribution: str | None) -> Evidence:
    return Evidence(
        passage=p,
        stance=comp.stance,
        weight=round(comp.weight, 4),
        rationale=comp.rationale,
        claim_spans=comp.claim_spans,
        passage_spans=comp.passage_spans,
        attribution=attribution,
    )


class _BatchStep(Runnable[Any, Any]):
    """A chain step whose ``batch`` works on the whole batch at once (the point of batching:
    one embedding call, one spaCy pass, one stance-model call for many claims)."""

    def __init__(
        self, one: Callable[[Any], Any], many: Callable[[list[Any]], list[Any]], name: str
    ) -> None:
        self.one, self.many, self.name = one, many, name

    def invoke(self, input: Any, config: RunnableConfig | None = None, **kwargs: Any) -> Any:
        return self.one(input)

    def batch(  # type: ignore[override]
        self,
        inputs: list[Any],
        config: RunnableConfig | list[RunnableConfig] | None = None,
        *,
        return_exceptions: bool = False,
        **kwargs: Any,
    ) -> list[Any]:
        return self.many(list(inputs))


def build_chain(verifier: Verifier) -> Runnable[ClaimRequest | str, Verdict]:
    """claim -> retrieve -> compare -> aggregate, as one composable Runnable."""
    prepare = _BatchStep(verifier.prepare, verifier.prepare_batch, "prepare")
    retrieve = _BatchStep(
        lambda s: verifier.retrieve_batch([s])[0], verifier.retrieve_batch, "retrieve"
    )
    judge = _BatchStep(verifier.judge, verifier.judge_batch, "judge")
    chain: Runnable[ClaimRequest | str, Verdict] = prepare | retrieve | judge
    return chain.with_config(run_name="factcheck")


def with_passages(state: ClaimState, passages: list[Passage]) -> ClaimState:
    """Give a state fixed passages (gold-evidence evaluation skips retrieval)."""
    return ClaimState(state.claim, state.facts, state.where, [replace(p) for p in passages])
