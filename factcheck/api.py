"""FactChecker: the typed Python API. The CLI, the web app and newsroom code all use it.

It owns the warm resources (embedder, spaCy, store, chain) and is safe to share between
threads: models load once under a lock, and each call works on its own data.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from factcheck.backends.weights import warm_in_background
from factcheck.config import Settings
from factcheck.errors import FactCheckError, InputError
from factcheck.lang import vocabulary
from factcheck.nlp.claims import ClaimExtractor
from factcheck.nlp.facts import Analyzer
from factcheck.nlp.sentences import iter_passages, split_passages
from factcheck.pipeline import arguments as arg
from factcheck.pipeline.ingest import Progress, check_trust, ingest_paths
from factcheck.pipeline.passage_facts import annotator, refresh_facts, refresh_runs
from factcheck.pipeline.steps import ClaimRequest, Pipeline
from factcheck.reviews.memory import SUFFIX, ReviewStore, review_of
from factcheck.reviews.review_log import ReviewLog
from factcheck.sources.chroma import guarded, open_client
from factcheck.sources.readers import load_text
from factcheck.sources.source_log import SourceLog
from factcheck.sources.store import PassageStore, build_where
from factcheck.types import (
    Claim,
    IngestResult,
    Passage,
    Report,
    Review,
    ReviewImport,
    Source,
    SourceInfo,
    Verdict,
)

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())


class FactChecker:
    """Ingest sources, extract claims, check them.

    Build it with ``FactChecker.from_settings()``, or inject a store/embedder/analyzer
    (tests and services that manage their own resources).
    """

    def __init__(
        self,
        store: PassageStore,
        analyzer: Analyzer | None = None,
        settings: Settings | None = None,
        stance: Any = None,
        *,
        check_embedder: bool = True,
        source_log: SourceLog | None = None,
    ) -> None:
        """``source_log``: where each stored source is also recorded, so that ``factcheck
        repair`` can rebuild a store Chroma cannot read (from_settings: beside the files)."""
        self.settings = settings or Settings()
        self.store = store
        self.source_log = source_log
        self.analyzer = analyzer or Analyzer(
            without_torch=self.settings.backend == "onnx",
            vocab=vocabulary(self.settings.language),
            date_order=self.settings.date_order,
        )
        self.extractor = ClaimExtractor(self.analyzer, self.settings.claim_threshold)
        self.memory = ReviewStore(
            store.client,
            store.embedder,
            self.analyzer,
            store.collection_name + SUFFIX,
            check_embedder=check_embedder,
            log=ReviewLog(source_log.dir.parent) if source_log else None,
        )
        store.annotate = annotator(self.analyzer)  # facts stored with each passage
        self.pipeline = Pipeline(
            self.analyzer,
            store,
            k=self.settings.top_k,
            min_score=self.settings.min_score,
            max_claim_chars=self.settings.max_claim_chars,
            stance=stance,
            memory=self.memory if self.settings.match_reviews else None,
        )
        self._retriever: Any = None
        self._chain: Any = None

    # The LangChain objects are built on first use: a plain check runs the same core
    # without them, so a cold command does not pay for importing LangChain's runnables.
    @property
    def retriever(self) -> Any:
        """The store as a LangChain retriever (``chain.PassageRetriever``)."""
        if self._retriever is None:
            from factcheck.pipeline.chain import PassageRetriever

            self._retriever = PassageRetriever(
                store=self.store, k=self.settings.top_k, min_score=self.settings.min_score
            )
        return self._retriever

    @property
    def verifier(self) -> Pipeline:
        """The pipeline under its old name (the README used to show ``fc.verifier``)."""
        return self.pipeline

    @property
    def chain(self) -> Any:
        """The verification chain as a LangChain Runnable (prepare | retrieve | judge)."""
        if self._chain is None:
            from factcheck.pipeline.chain import build_chain

            self._chain = build_chain(self.pipeline)
        return self._chain

    def warm_up_in_background(self) -> None:
        """Start loading the models in threads now; the first call waits only for what it
        needs (each model loads once, under its own lock). Not the stance model: many checks
        are settled by the rules and never need it (loading it costs ~70 MB at start)."""
        if not getattr(self, "_warming", None):
            self._warming = warm_in_background(
                [getattr(self.store.embedder, "warm_up", None), self.analyzer.warm_up]
            )

    @classmethod
    def from_settings(
        cls,
        settings: Settings | None = None,
        *,
        embedder: Any = None,
        client: Any = None,
        check_embedder: bool = True,
    ) -> FactChecker:
        """Open the store the settings name (local folder or Chroma server).

        ``check_embedder=False`` opens a store written by another embedder (to reindex it)."""
        s = settings or Settings()
        if embedder is None:
            from factcheck.backends.embedders import default_embedder

            embedder = default_embedder(s.backend, s.embed_batch_size)
        if client is None:
            client = open_client(str(s.store_dir), s.chroma_url)
        stance = None
        if s.llm_judge:
            from factcheck.backends.llm_judge import LLMJudge, chat_model_from_settings

            stance = LLMJudge(
                chat_model_from_settings(s.llm_judge, s.llm_base_url),
                vocab=vocabulary(s.language),
            )
        elif s.use_stance_model:
            from factcheck.backends.stance import load_default_stance

            stance = load_default_stance(s.backend)
        store = PassageStore(
            client, embedder, s.collection, check_embedder=check_embedder, search_ef=s.search_ef
        )
        log = SourceLog(s.store_dir) if not s.chroma_url else None
        return cls(store, settings=s, stance=stance, check_embedder=check_embedder, source_log=log)

    def warm_up(self) -> None:
        """Load the models now rather than on the first request."""
        warm = getattr(self.store.embedder, "warm_up", None)
        if warm:
            warm()
        self.analyzer.warm_up()

    # -- sources ---------------------------------------------------------------------------

    def ingest(
        self,
        paths: Iterable[str | Path],
        *,
        progress: Progress | None = None,
        on_passages: Callable[[int], None] | None = None,
        names: dict[str, str] | None = None,
        trust: float = 1.0,
    ) -> IngestResult:
        """Ingest files and folders (.txt, .md, .html, .docx; NewsML-G2 .xml and RSS/Atom
        feeds, one source per story). Bad files and unreadable folders are reported in
        ``errors``; the rest go on.

        ``progress(files_done, files_total)`` follows files; ``on_passages(n)`` gets the
        running count of passages stored, also inside one large file. ``names`` maps a
        path to the id it is stored under (uploads: the user's file name, not the
        temporary path). ``trust`` (0..1) weights these sources' passages as evidence.
        One path (str or Path) is one path."""
        return ingest_paths(
            self.store,
            arg.paths(paths),
            split=self._split,
            iter_split=self._iter_split,
            max_bytes=self.settings.max_source_bytes,
            progress=progress,
            on_passages=on_passages,
            names=names,
            trust=trust,
            on_storing=self.source_log.record if self.source_log else None,
            on_removing=self.source_log.forget if self.source_log else None,
        )

    def ingest_text(
        self,
        text: str,
        *,
        name: str,
        fmt: str = "text",
        title: str = "",
        dateline: dt.date | None = None,
        url: str = "",
        trust: float = 1.0,
    ) -> IngestResult:
        """Ingest a document given as a string; ``name`` is its stable source id."""
        t0 = time.perf_counter()
        text, name = arg.text(text, "text"), arg.text(name, "name")
        fmt, title, url = arg.text(fmt, "fmt"), arg.text(title, "title"), arg.text(url, "url")
        dateline = arg.date(dateline)
        check_trust(arg.number(trust, "trust"))
        if not name.strip():
            raise InputError("A source given as text needs a name")
        src, body = load_text(
            text, source_id=name, fmt=fmt, title=title, dateline=dateline, url=url
        )
        src = replace(src, trust=trust)
        status, n = self._store(src, body)
        return IngestResult(
            files=1,
            added=int(status == "added"),
            unchanged=int(status == "unchanged"),
            replaced=int(status == "replaced"),
            resumed=int(status == "resumed"),
            passages=n,
            seconds=round(time.perf_counter() - t0, 3),
            warnings=src.warnings,
        )

    def _split(self, src: Source, body: int) -> list[Passage]:
        return split_passages(
            src, body, max_chars=self.settings.max_passage_chars, vocab=self.analyzer.vocab
        )

    def _iter_split(self, src: Source, body: int) -> Iterator[Passage]:
        return iter_passages(
            src, body, max_chars=self.settings.max_passage_chars, vocab=self.analyzer.vocab
        )

    def _store(self, src: Source, body: int) -> tuple[str, int]:
        passages = self._split(src, body)
        if self.source_log and passages:
            self.source_log.record(src, body)  # first: a write cut short is repaired in full
        return self.store.add_source(src, passages), len(passages)

    def reindex(self, *, progress: Progress | None = None) -> int:
        """Rebuild every stored vector with this checker's embedder (texts and metadata
        stay); returns the passages re-embedded."""
        n = self.store.reindex(progress)
        self.refresh_facts(progress=progress)
        return n + self.memory.reindex(progress)

    def refresh_facts(self, *, progress: Progress | None = None) -> int:
        """Parse again the stored passages whose facts another analysis wrote (a changed
        analyser, a store from before facts were stored), and give each logged source's
        passages their quotation runs as a cut today finds them; returns how many were
        parsed."""
        with guarded("Refreshing the stored facts"):
            n = refresh_facts(self.store.collection, self.analyzer, progress)
            log = self.source_log
            if log is not None:
                logged = log.entries().values()
                cuts = (
                    self._split(e.source(t), e.body_start) for e in logged if (t := log.text(e))
                )
                refresh_runs(self.store.collection, cuts)
            return n

    def sources(self) -> list[SourceInfo]:
        return self.store.sources()

    def set_trust(self, source: str, trust: float) -> int:
        """Set a stored source's trust (0..1); returns the passages updated."""
        check_trust(arg.number(trust, "trust"))
        sid = self.store.resolve_source(arg.text(source, "source"))
        if self.source_log:  # the log first: what the store should hold
            self.source_log.set_trust(sid, trust)
        return self.store.set_trust(sid, trust)

    def remove(self, source: str) -> int:
        """Remove a source (by id, path or title); returns the passages deleted."""
        sid = self.store.resolve_source(arg.text(source, "source"))
        if self.source_log:  # forgotten first: a remove cut short stays removed in a repair
            self.source_log.forget(sid)
        return self.store.remove(sid)

    def search(
        self,
        query: str,
        *,
        k: int | None = None,
        source: str | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
    ) -> list[Passage]:
        if not arg.text(query, "query").strip():
            raise InputError("The search text is empty")
        source = arg.optional_text(source, "source")
        sid = self.store.resolve_source(source) if source else None
        where = build_where(sid, arg.date(date_from, "date_from"), arg.date(date_to, "date_to"))
        if k is not None and (isinstance(k, bool) or not isinstance(k, int) or k < 1):
            raise InputError(f"k must be a whole number of at least 1, not {k!r}")
        return self.store.search(query, k or self.settings.top_k, where)

    # -- earlier reviews (verdict memory) --------------------------------------------------

    def import_reviews(
        self,
        paths: Iterable[str | Path],
        *,
        progress: Progress | None = None,
        on_reviews: Callable[[int], None] | None = None,
    ) -> ReviewImport:
        """Import ClaimReview JSON-LD or CSV files (or folders of them). A bad record is
        reported in ``errors`` and the rest are stored; importing again adds nothing.
        ``progress(files_done, files_total)`` follows files; ``on_reviews(n)`` gets the
        running count of reviews stored, also inside one large file."""
        from factcheck.reviews.importer import import_files

        return import_files(self.memory, arg.paths(paths), progress, on_reviews)

    def reviews(self) -> list[Review]:
        """Every stored review, newest first."""
        return self.memory.reviews()

    def remove_review(self, key: str) -> int:
        """Remove a review by id, or all reviews with this URL or from this file."""
        return self.memory.remove(arg.text(key, "key"))

    def remember(
        self, verdicts: Iterable[Verdict | dict[str, Any]], *, date: dt.date | None = None
    ) -> int:
        """Store checked claims as reviews (an editor's accepted verdicts become memory);
        returns how many were new."""
        got = arg.items(verdicts, "verdicts", Verdict, (Verdict, dict))
        rows = [v.to_dict() if isinstance(v, Verdict) else v for v in got]
        date = arg.date(date, "date")
        reviews = [
            review_of(r, author=self.settings.author, date=date)
            for r in rows
            if "error" not in r and r.get("label")
        ]
        return self.memory.add(reviews)[0]

    # -- claims ----------------------------------------------------------------------------

    def extract_claims(
        self, text: str, dateline: dt.date | None = None, *, threshold: float | None = None
    ) -> list[Claim]:
        """Every checkable claim in an article, in order."""
        self._check_article_size(text)
        if threshold is not None:
            threshold = arg.number(threshold, "threshold")
        return self.extractor.extract(text, arg.date(dateline), threshold=threshold)

    def check(
        self, claim: str, *, dateline: dt.date | None = None, source: str | None = None
    ) -> Verdict:
        """Check one claim against the store."""
        claim = arg.text(claim, "claim")
        req = self._request(claim, arg.date(dateline), arg.optional_text(source, "source"))
        [out] = self.pipeline.check_many([req])
        if isinstance(out, FactCheckError):
            raise out
        return out

    def check_many(
        self,
        claims: Iterable[str | Claim],
        *,
        dateline: dt.date | None = None,
        source: str | None = None,
        batch_size: int = 128,
        progress: Progress | None = None,
    ) -> Iterator[Verdict | FactCheckError]:
        """Check claims in batches, yielding in order. A bad claim yields its error and the
        rest go on. One claim (a str or Claim) on its own is a list of one."""
        items = arg.items(claims, "claims", (str, Claim))
        dateline = arg.date(dateline)
        source = arg.optional_text(source, "source")
        if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
            raise InputError(f"batch_size must be a whole number of at least 1, not {batch_size!r}")
        where = build_where(self.store.resolve_source(source)) if source else None
        done = 0
        for i in range(0, len(items), batch_size):
            reqs = [
                ClaimRequest(c.text, c.dateline, where, c)
                if isinstance(c, Claim)
                else ClaimRequest(c, dateline, where)
                for c in items[i : i + batch_size]
            ]
            for out in self.pipeline.check_many(reqs):
                done += 1
                if progress:
                    progress(done, len(items))
                yield out

    def check_article(
        self, text: str, dateline: dt.date | None = None, *, article_id: str = "article"
    ) -> Report:
        """Extract every claim in an article and check each."""
        self._check_article_size(text)
        dateline = arg.date(dateline)
        article_id = arg.text(article_id, "article_id")
        claims = self.extractor.extract(text, dateline, article_id=article_id)
        verdicts = []
        for v in self.check_many(claims):
            if isinstance(v, FactCheckError):
                raise v
            verdicts.append(v)
        dl = claims[0].dateline if claims else dateline
        return Report(article_id, tuple(verdicts), self.prompts, dl, text)

    @property
    def prompts(self) -> tuple[str, ...]:
        """Versions of the prompts used (an LLM judge's), recorded in every Report."""
        p = getattr(self.pipeline.stance, "prompt", None)
        return (p,) if p else ()

    def _request(self, claim: str, dateline: dt.date | None, source: str | None) -> ClaimRequest:
        sid = self.store.resolve_source(source) if source else None
        return ClaimRequest(claim, dateline, build_where(sid))

    def _check_article_size(self, text: str) -> None:
        if not arg.text(text, "text").strip():
            raise InputError("The article is empty")
        if len(text) > self.settings.max_article_chars:
            raise InputError(
                f"The article is {len(text):,} characters; the limit is "
                f"{self.settings.max_article_chars:,}"
            )
