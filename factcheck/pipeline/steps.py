"""The verification pipeline: claim -> passages -> comparisons -> Verdict, with no
LangChain objects in it (the LangChain chain in chain.py is a thin adapter over these
steps, and the only other way in).

    Pipeline.prepare_many   claim text or Claim -> ClaimState: cleaned and validated here,
                            once; facts from spaCy (one batch per dateline)
    Pipeline.retrieve_many  top-k passages per claim (one embedding call; the vector is
                            kept for the verdict memory)
    Pipeline.judge_many     compare every passage, add competing accounts, decide

Each ``*_many`` step returns, per item, its result or the FactCheckError that item raised
(isolate.one_by_one), so one bad claim never sinks the others. ``check_many`` runs all
three.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field, replace
from typing import Any

from factcheck.errors import FactCheckError, InputError, ModelError, StoreError
from factcheck.nlp.claims import claim_id, kinds_of
from factcheck.nlp.facts import Analyzer, TextFacts
from factcheck.nlp.paraphrase import WordSimilarity, value_words
from factcheck.nlp.speech import claimed_statement
from factcheck.pipeline import retrieval as find
from factcheck.pipeline.antecedents import earlier_passages, walk_back
from factcheck.pipeline.competing import competing_accounts
from factcheck.pipeline.evidence import evidence_of, with_speakers
from factcheck.pipeline.isolate import one_by_one, through
from factcheck.pipeline.meaning import clauses_meant
from factcheck.pipeline.model_reading import ModelReading, StanceFn
from factcheck.pipeline.passage_facts import BAD_PASSAGE, passage_facts, run_facts
from factcheck.pipeline.provenance import provenance
from factcheck.pipeline.retrieval import claim_names, claim_words, extra_passages, search_many
from factcheck.reviews.memory import ReviewStore
from factcheck.rules import corroborate
from factcheck.rules.bridging import names_noun, referring_nouns
from factcheck.rules.compare import (
    DEFAULT,
    Thresholds,
    assess,
    conclude,
    dateline_fits,
)
from factcheck.rules.verdict import VerdictRules, decide
from factcheck.sources.hygiene import clean_claim
from factcheck.sources.store import PassageStore
from factcheck.types import (
    WINDOW,
    Claim,
    Label,
    Passage,
    Provenance,
    StanceProbs,
    Verdict,
)

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())


@dataclass
class ClaimState:
    """What flows through the chain for one claim (internal; the output is a Verdict)."""

    claim: Claim
    facts: TextFacts
    where: dict[str, Any] | None = None
    passages: list[Passage] = field(default_factory=list)
    vector: Any = None  # the claim's embedding, once retrieval has made it
    follow_on: set[str] = field(default_factory=set)  # passages added as a sentence after


@dataclass(frozen=True, slots=True)
class ClaimRequest:
    """Chain input: a claim's text (or an extracted Claim), with optional context."""

    text: str
    dateline: dt.date | None = None
    where: dict[str, Any] | None = None
    claim: Claim | None = None


@dataclass
class Kept:
    """What a first look at claims computed that a second look reuses."""

    stance: dict[tuple[str, str], StanceProbs] = field(default_factory=dict)
    clauses: dict[str, Any] = field(default_factory=dict)  # clause text -> unit vector


class Pipeline:
    """Owns the pieces the steps need: analyzer, store, stance function, rules."""

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
        """What decides this pipeline's verdicts now (the stance may be swapped)."""
        return provenance(self.stance, self.thresholds, self.rules)

    # -- the whole pipeline -----------------------------------------------------------------

    def check_many(self, items: list[Any]) -> list[Verdict | FactCheckError]:
        """A Verdict, or the error of that claim, per item (text, Claim or ClaimRequest)."""
        return through(self.judge_many, through(self.retrieve_many, self.prepare_many(items)))

    # -- steps ------------------------------------------------------------------------------

    def request(self, item: Any) -> ClaimRequest:
        """The one place a claim is cleaned and validated: its request with clean text, or
        an InputError saying what is wrong with it (no model runs)."""
        req = item if isinstance(item, ClaimRequest) else ClaimRequest(_claim_text(item))
        # An extracted claim keeps its text as it is: its span indexes its article.
        text = req.claim.text if req.claim is not None else clean_claim(_claim_text(req.text))
        if not text:
            raise InputError("The claim is empty: type a sentence to check")
        if len(text) > self.max_claim_chars:
            raise InputError(
                f"The claim is {len(text):,} characters; the limit is {self.max_claim_chars:,}."
                " Check a whole article with check-article instead."
            )
        return replace(req, text=text)

    def prepare_many(self, items: list[Any]) -> list[ClaimState | FactCheckError]:
        """Each item's state, or its error: requests checked, then the claims analysed in
        one spaCy batch per dateline."""
        reqs: list[ClaimRequest | FactCheckError] = []
        for item in items:
            try:
                reqs.append(self.request(item))
            except FactCheckError as ex:
                reqs.append(ex)
        by_date: dict[dt.date | None, list[str]] = {}
        for r in reqs:
            if isinstance(r, ClaimRequest):
                by_date.setdefault(_dateline(r), []).append(r.text)
        for dl, texts in by_date.items():
            try:
                self.analyzer.analyze_many(texts, dl)  # fills the analyzer's cache
            except (StoreError, ModelError):
                raise  # no model: no claim can be read
            except Exception:
                logger.debug("batch analysis failed; each claim on its own", exc_info=True)
        return through(lambda rs: one_by_one(self._prepare, rs, "prepare", _name), reqs)

    def _prepare(self, reqs: list[ClaimRequest]) -> list[ClaimState]:
        out = []
        for req in reqs:
            dateline = _dateline(req)
            facts = self.analyzer.analyze(req.text, dateline)
            claim = req.claim or Claim(
                id=claim_id("adhoc", 0, req.text),
                text=req.text,
                span=(0, len(req.text)),
                kinds=kinds_of(facts),
                attribution=facts.attribution,
                values=(*facts.values, *facts.entities),
                dateline=dateline,
                article_id="adhoc",
            )
            out.append(ClaimState(claim, facts, req.where))
        return out

    def retrieve_many(self, states: list[ClaimState]) -> list[ClaimState | FactCheckError]:
        """Top-k passages (at least ``min_score``) for each claim, those of the claim's
        time first among near equals."""
        return one_by_one(self._retrieve, states, "retrieve", _state_name)

    def _retrieve(self, states: list[ClaimState]) -> list[ClaimState]:
        pool = self.k * max(1, self.thresholds.retrieve_pool)
        vecs, found = search_many(
            self.store,
            [s.claim.text for s in states],
            [s.where for s in states],
            pool,
            self.min_score,
            names=[claim_names(s.facts) for s in states],
            words=[claim_words(s.facts) for s in states],
            candidates=self.thresholds.name_candidates,
        )
        for s, v, ps in zip(states, vecs, found, strict=True):
            s.passages = self.rank_by_time(s, ps)[: self.k]
            s.vector = v
        return states

    def rank_by_time(self, state: ClaimState, passages: list[Passage]) -> list[Passage]:
        """Passages ranked by similarity, those of the claim's time and those that name
        the claim's names (in their text or title) first among near equals: in a store of
        daily reports, the report of the claim's day must reach the comparison, and the
        claim's company's sentence must beat another company's like it (the bonuses only
        order; each passage keeps its own score). A text held more than once (wire copy
        republished, a story filed again) is kept once (retrieval.one_copy_each): copies
        are one account, not several, and would crowd the others out of the top k."""
        t = self.thresholds
        c, day = state.facts, state.claim.dateline
        names = [n.lower() for n in claim_names(c)]

        def key(p: Passage) -> float:
            fits = dateline_fits(c, day, p.dateline, t)
            where = f"{p.title}\n{p.text}".lower()
            named = any(n in where for n in names)
            return (
                (p.score or 0.0)
                + (t.time_bonus if fits else 0.0)
                + (t.name_bonus if named else 0.0)
            )

        return find.one_copy_each(sorted(passages, key=key, reverse=True), c.vocabulary)

    def extras(
        self, states: list[ClaimState], near: dict[str, Passage], articles: bool = True
    ) -> list[list[Passage]]:
        """Each claim's passages compared beyond those retrieved (retrieval.extra_passages;
        a second look's too with ``articles``); ``near``, the retrieved passages'
        neighbours by id, gains those of the new ones."""
        found = [(s.claim.text, s.passages, s.vector) for s in states]
        words = [claim_words(s.facts) for s in states]
        t = replace(self.thresholds, article_matches=0, windows=0, word_matches=0)
        t = self.thresholds if articles else t
        join = [corroborate.window_can_support(s.facts) for s in states]
        named = ([claim_names(s.facts) for s in states], [s.where for s in states])
        return extra_passages(self.store, found, words, near, t, self.min_score, join, named)

    def judge_many(self, states: list[ClaimState]) -> list[Verdict | FactCheckError]:
        """Compare and decide; if the batch fails, each claim on its own, so that only the
        claim that fails is lost (as a StageError naming it)."""
        return one_by_one(self._judge, states, "judge", _state_name)

    def _judge(self, states: list[ClaimState]) -> list[Verdict]:
        """Compare and decide; the claims that nothing retrieved settles are compared again
        with their words' passages in their best articles and in the store too, and with
        windows (retrieval.extra_passages): a second look for those alone."""
        retrieved = [list(s.passages) for s in states]
        kept = Kept()
        out = self._decide(states, False, kept)
        again = [n for n, v in enumerate(out) if v.label == Label.NOT_ENOUGH_INFO]
        t = self.thresholds
        if again and max(t.article_matches, t.word_matches, t.windows) > 0:
            for n in again:
                states[n].passages = retrieved[n]
            redo = self._decide([states[n] for n in again], True, kept)
            for n, v in zip(again, redo, strict=True):
                out[n] = v
        return self._recall(states, out)

    def _decide(
        self,
        states: list[ClaimState],
        articles: bool = True,
        looked: Kept | None = None,
    ) -> list[Verdict]:
        """Compare and decide for many claims: passages analysed in one spaCy batch, all
        (passage, claim) pairs scored by the stance model in one call; ``looked`` keeps the
        model's answers and the clauses' vectors for a second look at the same claims."""
        looked = Kept() if looked is None else looked
        scored = looked.stance
        allp = [p for s in states for p in s.passages]
        # Neighbours come by id (stored at ingest): one round trip, no metadata scan.
        near = self.store.get_passages([q for p in allp for q in find.around(p)])
        more = self.extras(states, near, articles)
        for s, extra in zip(states, more, strict=True):
            retrieved = {find.copy_key(p.text) for p in s.passages}
            s.passages = find.one_copy_each(s.passages + extra, s.facts.vocabulary)
            # a retrieved text stays retrieved, whichever copy of it stands
            s.follow_on = {q.id for q in extra if find.copy_key(q.text) not in retrieved}
        uniq = {p.id: p for s in states for p in s.passages} | {p.id: p for p in near.values()}
        facts = dict(zip(uniq, self._analyze_passages(list(uniq.values())), strict=True))
        t = self.thresholds
        # who speaks matters to a claim that names its speaker ("Roe said ...")
        said = [s for s in states if claimed_statement(s.facts) is not None]
        compared = list({p.id: p for s in said for p in s.passages}.values())
        get, analyze = self.store.get_passages, self._analyze_passages
        earlier = earlier_passages(compared, near, facts, get, analyze, t.antecedent_passages)
        # "the plant" of a passage: which plant, in the passages before it (rules/bridging.py)
        nouns = {
            (n, p.id): r
            for n, s in enumerate(states)
            for p in s.passages
            if p.prev_id and p.id in facts and (r := referring_nouns(s.facts, facts[p.id]))
        }
        seen = {p.id: p for s in states for p in s.passages} | near
        back = walk_back(
            {k: seen[k[1]].prev_id for k in nouns},
            lambda k, f: names_noun(f, nouns[k]),
            seen,
            near,
            facts,
            get,
            analyze,
            t.antecedent_passages,
        )
        self.words.threshold = t.word_paraphrase
        self.words.prime(value_words([*facts.values(), *(s.facts for s in states)]))
        rated = []
        skipped: dict[int, list[str]] = {}
        asked = [(s.facts, s.passages) for s in states]
        meant = clauses_meant(self.store, asked, t.clause_meaning, looked.clauses)
        for n, s in enumerate(states):
            kept = []
            for p in s.passages:
                ctx = facts.get(p.prev_id) if p.prev_id else None
                try:
                    a = assess(
                        s.facts,
                        facts[p.id],
                        p.score or 0.0,
                        t,
                        ctx,
                        claim_date=s.claim.dateline,
                        passage_date=p.dateline,
                        title=p.title,
                        lead=facts.get(p.lead_id) if p.lead_id else None,
                        like=self.words,
                        meant=meant[n].get(p.id, frozenset()),
                        run=run_facts(p, facts),
                        earlier=earlier.get(p.id, ()),
                        article=back.get((n, p.id), ()),
                    )
                except BAD_PASSAGE as ex:
                    # One bad passage (a date off the calendar in an old store) must not
                    # fail the checks that retrieve it: it is left out of this one.
                    logger.warning("passage %s skipped for %r: %s", p.id, s.claim.text, ex)
                    skipped.setdefault(n, []).append(f"{p.title or p.source_id}: {ex}")
                    continue
                kept.append(p)
                rated.append(a)
            s.passages = kept
        # The model is the costliest step: only pairs whose outcome it can change are scored
        # (not those the values, polarity or missing names settle, nor windows: corroborate)
        pids = [p.id for s in states for p in s.passages]
        ask = [i for i, a in enumerate(rated) if a.needs_model and WINDOW not in pids[i]]
        probs: list[StanceProbs | None] = [None] * len(rated)
        if self.stance is not None and ask:
            allp = [p for s in states for p in s.passages]
            before = [near[p.prev_id].text if p.prev_id in near else None for p in allp]
            read = ModelReading(self.stance, scored, t)
            for i, pr in read(allp, before, [facts[p.id] for p in allp], rated, ask).items():
                probs[i] = pr
        comps = iter(conclude(a, pr, t) for a, pr in zip(rated, probs, strict=True))
        prov = self.provenance
        out: list[Verdict] = []
        for s in states:
            mine = [
                corroborate.as_compared(next(comps), p.id, s.follow_on, s.facts) for p in s.passages
            ]
            now = [
                corroborate.of_the_claims_time(s.facts, s.claim.dateline, c, p.dateline, t)
                for p, c in zip(s.passages, mine, strict=True)
            ]
            mine = corroborate.stated_elsewhere(mine, t, vocab=s.facts.vocabulary, of_its_time=now)
            evidence = [
                replace(evidence_of(p, c, facts[p.id].attribution), of_its_time=at)
                for p, c, at in zip(s.passages, mine, now, strict=True)
            ]
            competing = competing_accounts(s.facts, evidence, near, facts, t)
            replaced = {e.passage.id for e in competing}
            evidence = [e for e in evidence if e.passage.id not in replaced] + competing
            verdict = with_speakers(
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
            if n_skip := skipped.get(len(out)):
                note = f" (a passage that could not be read was left out: {n_skip[0]})"
                verdict = replace(verdict, rationale=verdict.rationale + note)
            out.append(verdict)
        return out

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
        """Stored at ingest where this analysis stored them, else parsed now."""
        return passage_facts(self.analyzer, passages)


def _claim_text(value: object) -> str:
    """A claim must be text: anything else is an InputError naming the type it was."""
    if not isinstance(value, str):
        raise InputError(
            f"A claim must be text, not {type(value).__name__}"
            + (f" ({value!r:.40})" if value is not None else "")
        )
    return value


def _dateline(req: ClaimRequest) -> dt.date | None:
    return req.claim.dateline if req.claim is not None else req.dateline


def _name(req: ClaimRequest) -> str:
    return req.text[:80]


def _state_name(state: ClaimState) -> str:
    return state.claim.text[:80]


# The name the README gave the pipeline before it had a room of its own.
Verifier = Pipeline
