"""The verification core: claim -> passages -> comparisons -> Verdict, with no LangChain
objects in it (the LangChain chain in chain.py is a thin adapter over these steps).

    Verifier.prepare_many   claim text or Claim -> ClaimState (facts from spaCy + values)
    Verifier.retrieve_many  top-k passages per claim from the store (one embedding call)
    Verifier.judge_many     compare every passage, add competing accounts, decide

Each ``*_many`` step returns, per item, its result or the FactCheckError that item raised,
so one bad claim never sinks the others. ``Verifier.check_many`` runs all three.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from factcheck.errors import FactCheckError, InputError, StageError
from factcheck.nlp.claims import claim_id, kinds_of
from factcheck.nlp.facts import Analyzer, TextFacts, entity_match
from factcheck.nlp.paraphrase import WordSimilarity, value_words
from factcheck.nlp.speech import claimed_statement
from factcheck.pipeline.provenance import provenance
from factcheck.reviews.memory import ReviewStore
from factcheck.rules.compare import (
    DEFAULT,
    Comparison,
    Thresholds,
    assess,
    conclude,
    dateline_fits,
)
from factcheck.rules.corroborate import stated_elsewhere
from factcheck.rules.verdict import VerdictRules, decide
from factcheck.sources.hygiene import clean_claim
from factcheck.sources.store import PassageStore
from factcheck.types import (
    Claim,
    Evidence,
    Label,
    Passage,
    Provenance,
    Stance,
    StanceProbs,
    Verdict,
)

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

StanceFn = Callable[[list[tuple[str, str]]], list[StanceProbs]]


@dataclass
class ClaimState:
    """What flows through the chain for one claim (internal; the output is a Verdict)."""

    claim: Claim
    facts: TextFacts
    where: dict[str, Any] | None = None
    passages: list[Passage] = field(default_factory=list)
    vector: Any = None  # the claim's embedding, once retrieval has made it


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
        memory: ReviewStore | None = None,
    ) -> None:
        self.analyzer = analyzer
        self.store = store
        self.k = k
        self.min_score = min_score
        self.max_claim_chars = max_claim_chars
        self.stance = stance
        self.thresholds = thresholds
        self.rules = rules or VerdictRules()
        self.memory = memory  # earlier reviews, matched against every claim
        # Which counted nouns and event words mean the same, from the store's embedder.
        self.words = WordSimilarity(store.embedder.embed_documents, thresholds.word_paraphrase)

    @property
    def provenance(self) -> Provenance:
        """What decides this verifier's verdicts now (the stance may be swapped)."""
        return provenance(self.stance, self.thresholds, self.rules)

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

    def retrieve_many(self, states: list[ClaimState]) -> list[ClaimState]:
        """Top-k passages (at least ``min_score``) for each claim: one embedding call, then
        one store query per distinct filter."""
        if not states:
            return states
        vecs = self.store.embedder.embed_documents([s.claim.text for s in states])
        groups: dict[str, list[int]] = {}
        for i, s in enumerate(states):
            groups.setdefault(repr(s.where), []).append(i)
        t = self.thresholds
        pool = self.k * max(1, t.retrieve_pool)
        for idx in groups.values():
            found = self.store.search_vectors([vecs[i] for i in idx], pool, states[idx[0]].where)
            for i, ps in zip(idx, found, strict=True):
                ok = [p for p in ps if (p.score or 0.0) >= self.min_score]
                states[i].passages = self.rank_by_time(states[i], ok)[: self.k]
        for s, v in zip(states, vecs, strict=True):
            s.vector = v
        return states

    def rank_by_time(self, state: ClaimState, passages: list[Passage]) -> list[Passage]:
        """Passages ranked by similarity, those of the claim's time first among near
        equals: in a store of daily reports, the report of the claim's day must reach the
        comparison (the bonus only orders; each passage keeps its own score)."""
        t = self.thresholds
        c, day = state.facts, state.claim.dateline

        def key(p: Passage) -> float:
            fits = dateline_fits(c, day, p.dateline, t)
            return (p.score or 0.0) + (t.time_bonus if fits else 0.0)

        return sorted(passages, key=key, reverse=True)

    def prepare_many(self, reqs: list[Any]) -> list[ClaimState | FactCheckError]:
        """``prepare`` for many claims: each its state, or the error that claim raised."""
        self._warm(reqs)  # one spaCy batch fills the analyzer's cache
        out: list[ClaimState | FactCheckError] = []
        for r in reqs:
            try:
                out.append(self.prepare(r))
            except FactCheckError as ex:
                out.append(ex)
        return out

    def judge_many(self, states: list[ClaimState]) -> list[Verdict | FactCheckError]:
        """``judge_batch``; if the batch fails, each claim on its own, so that only the
        claim that fails is lost (as a StageError naming it)."""
        try:
            return list(self.judge_batch(states))
        except FactCheckError:
            if len(states) == 1:
                raise
        except Exception as ex:
            if len(states) == 1:
                raise StageError("judge", states[0].claim.text[:60], ex) from ex
        out: list[Verdict | FactCheckError] = []
        for s in states:
            try:
                out.append(self.judge_many([s])[0])
            except FactCheckError as ex:
                logger.info("judging %r failed", s.claim.text, exc_info=True)
                out.append(ex)
        return out

    def check_many(self, reqs: list[Any]) -> list[Verdict | FactCheckError]:
        """The whole pipeline without LangChain: a Verdict or an error per request."""
        prepared = self.prepare_many(reqs)
        ok = [s for s in prepared if isinstance(s, ClaimState)]
        judged = iter(self.judge_many(self.retrieve_many(ok)) if ok else [])
        return [next(judged) if isinstance(s, ClaimState) else s for s in prepared]

    def _warm(self, reqs: list[Any]) -> None:
        """Analyse the claims in one spaCy batch per dateline (prepare() reads the cache)."""
        by_date: dict[dt.date | None, list[str]] = {}
        for r in reqs:
            if not isinstance(r, ClaimRequest):
                r = ClaimRequest(r)
            if r.claim is None and not isinstance(r.text, str):
                continue  # prepare() raises the InputError for it
            text = r.claim.text if r.claim else clean_claim(r.text)
            if text and len(text) <= self.max_claim_chars:
                by_date.setdefault(r.claim.dateline if r.claim else r.dateline, []).append(text)
        for dl, texts in by_date.items():
            self.analyzer.analyze_many(texts, dl)

    def prepare_batch(self, reqs: list[ClaimRequest | str]) -> list[ClaimState]:
        """``prepare`` for many claims, with one spaCy batch over claims sharing a dateline."""
        self._warm(reqs)
        return [self.prepare(r) for r in reqs]

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
        self.words.threshold = t.word_paraphrase
        self.words.prime(value_words([*facts.values(), *(s.facts for s in states)]))
        rated = []
        for s in states:
            for p in s.passages:
                prev = near.get(p.prev_id)
                ctx = facts[prev.id] if prev is not None else None
                rated.append(
                    assess(
                        s.facts,
                        facts[p.id],
                        p.score or 0.0,
                        t,
                        ctx,
                        claim_date=s.claim.dateline,
                        passage_date=p.dateline,
                        title=p.title,
                        like=self.words,
                    )
                )
        # The model is the costliest step: only pairs whose outcome it can change are scored
        # (not those that the values, polarity or missing names already settle).
        ask = [i for i, a in enumerate(rated) if a.needs_model]
        probs: list[StanceProbs | None] = [None] * len(rated)
        if self.stance is not None and ask:
            texts = [(p.text, s.claim.text) for s in states for p in s.passages]
            for i, pr in zip(ask, self.stance([texts[i] for i in ask]), strict=True):
                probs[i] = pr
        comps = iter(conclude(a, pr, t) for a, pr in zip(rated, probs, strict=True))
        prov = self.provenance
        out = []
        for s in states:
            mine = stated_elsewhere([next(comps) for _ in s.passages], t)
            evidence = [
                _evidence(p, c, facts[p.id].attribution)
                for p, c in zip(s.passages, mine, strict=True)
            ]
            evidence += self._competing_accounts(s, evidence, near, facts)
            verdict = _speakers(
                s.facts, replace(decide(s.claim, evidence, self.rules), provenance=prov)
            )
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
        return self._recall(states, out)

    def _recall(self, states: list[ClaimState], verdicts: list[Verdict]) -> list[Verdict]:
        """Attach the earlier reviews of each claim (none when there is no memory)."""
        if self.memory is None or not self.memory.exists():
            return verdicts
        todo = [i for i, s in enumerate(states) if s.vector is None]
        if todo:  # the LangChain chain retrieves through its own retriever
            vecs = self.store.embedder.embed_documents([states[i].claim.text for i in todo])
            for i, v in zip(todo, vecs, strict=True):
                states[i].vector = v
        found = self.memory.match([s.vector for s in states], [s.facts for s in states])
        return [
            replace(v, previous_reviews=m) if m else v for v, m in zip(verdicts, found, strict=True)
        ]

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
        claim_names = {e.name for e in state.facts.entities}
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
                entity_match(n, x.name) for n in claim_names for x in nf.entities
            ):
                continue
            extra.append(
                Evidence(
                    passage=nxt,
                    stance=Stance.REFUTES,
                    weight=round(e.weight * self.thresholds.weights.competing_discount, 4),
                    rationale=f"a competing account: {nxt.text!r}",
                    passage_spans=((0, len(nxt.text)),),
                    attribution=nf.attribution,
                    relatedness=e.relatedness,  # it disputes the very statement e makes
                    competing=True,
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


def _speakers(facts: TextFacts, v: Verdict) -> Verdict:
    """Who the claim says said it, and whose words the deciding passage gives it as."""
    claimed = claimed_statement(facts)
    top = v.evidence[0] if v.evidence and v.evidence[0].stance != Stance.NEUTRAL else None
    return replace(
        v,
        claimed_speaker=claimed.speaker if claimed is not None else "",
        source_speaker=top.speaker if top is not None else "",
    )


def _evidence(p: Passage, comp: Comparison, attribution: str | None) -> Evidence:
    # A source's trust scales its evidence: a passage from a 0.2-trust file counts a fifth.
    return Evidence(
        passage=p,
        stance=comp.stance,
        weight=round(comp.weight * p.trust, 4),
        rationale=comp.rationale,
        claim_spans=comp.claim_spans,
        passage_spans=comp.passage_spans,
        attribution=attribution,  # who the passage attributes its content to, outermost
        speaker=comp.speaker,  # whose words the claim's content is (maybe reported inside)
        relatedness=round(comp.relatedness, 4),
        same_event=comp.stance == Stance.REFUTES
        and any(c.anchored and not c.agree for c in comp.checks),
    )


def with_passages(state: ClaimState, passages: list[Passage]) -> ClaimState:
    """Give a state fixed passages (gold-evidence evaluation skips retrieval)."""
    return ClaimState(state.claim, state.facts, state.where, [replace(p) for p in passages])
