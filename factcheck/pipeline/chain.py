"""The LangChain adapter: the verification pipeline (steps.py) as LCEL Runnables.

    prepare (claim -> ClaimState) | retrieve | judge -> Verdict

Each step is the pipeline's own ``*_many`` step, so the chain and ``FactChecker`` run one
path. ``PassageRetriever`` is the store as a LangChain retriever, for your own chains; it
retrieves as the pipeline does (retrieval.search_many). Pass any LangChain retriever to
``build_chain`` to retrieve through it instead.

``build_chain`` returns one Runnable with invoke/batch/stream. Every step honours its
``config`` (callbacks, tags, run names) and ``return_exceptions``: in a batch, a claim that
fails yields its error and the others go on. Batches stay batches: one spaCy pass, one
embedding call and one stance-model call for the whole batch. Documents and Passages are
converted only here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import Runnable, RunnableConfig
from langchain_core.runnables.config import get_callback_manager_for_config, get_config_list
from pydantic import ConfigDict

from factcheck.pipeline.retrieval import search_many
from factcheck.pipeline.steps import ClaimRequest, ClaimState, Pipeline
from factcheck.sources.store import passage_from_record, passage_metadata
from factcheck.types import Passage, Verdict

__all__ = [
    "ClaimRequest",
    "PassageRetriever",
    "Pipeline",
    "build_chain",
    "document_to_passage",
    "passage_to_document",
]


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
    passages below that cosine similarity. ``batch`` embeds all queries in one call and
    still reports one retriever run per query to the callbacks.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    store: Any
    k: int = 5
    min_score: float = 0.0
    where: dict[str, Any] | None = None

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        found = self.store.search(query, self.k, self.where)
        return [passage_to_document(p) for p in found if (p.score or 0.0) >= self.min_score]

    def search_many(
        self, queries: list[str], wheres: Sequence[dict[str, Any] | None] | None = None
    ) -> list[list[Document]]:
        """Batch retrieval: one embedding call, then one query per distinct filter."""
        wheres = list(wheres) if wheres is not None else [self.where] * len(queries)
        _, found = search_many(self.store, queries, wheres, self.k, self.min_score)
        return [[passage_to_document(p) for p in ps] for ps in found]

    def batch(  # type: ignore[override]
        self,
        inputs: list[str],
        config: RunnableConfig | list[RunnableConfig] | None = None,
        *,
        return_exceptions: bool = False,
        **kwargs: Any,
    ) -> list[list[Document] | Exception]:
        queries = list(inputs)
        if not queries:
            return []
        runs = [
            get_callback_manager_for_config(c).on_retriever_start(
                None, q, name=c.get("run_name") or self.get_name(), run_id=c.pop("run_id", None)
            )
            for c, q in zip(get_config_list(config, len(queries)), queries, strict=True)
        ]
        try:
            found = self.search_many(queries)
        except Exception as ex:
            for run in runs:
                run.on_retriever_error(ex)
            if return_exceptions:
                return [ex for _ in queries]
            raise
        for run, docs in zip(runs, found, strict=True):
            run.on_retriever_end(docs)
        return list(found)


class _Step(Runnable[Any, Any]):
    """One chain step over a whole batch (the point of batching), with LangChain's run
    bookkeeping: a child run per input, errors per input."""

    def __init__(self, many: Callable[..., list[Any]], name: str) -> None:
        self.many = many
        self.name = name

    def invoke(self, input: Any, config: RunnableConfig | None = None, **kwargs: Any) -> Any:
        [out] = self.batch([input], config)
        return out

    def batch(  # type: ignore[override]
        self,
        inputs: list[Any],
        config: RunnableConfig | list[RunnableConfig] | None = None,
        *,
        return_exceptions: bool = False,
        **kwargs: Any,
    ) -> list[Any]:
        return self._batch_with_config(
            self.many, list(inputs), config, return_exceptions=return_exceptions
        )


def _retrieve_through(pipeline: Pipeline, retriever: BaseRetriever) -> _Step:
    """Passages for each claim through another LangChain retriever, ranked with the
    claim's time first as the pipeline ranks. A PassageRetriever gets each claim's source
    filter and the pipeline's candidate pool (k x retrieve_pool, cut back to its k after
    ranking); another retriever is asked as it is. A claim whose retrieval fails yields its
    error; the others go on."""

    def many(
        states: list[ClaimState], config: list[RunnableConfig]
    ) -> list[ClaimState | Exception]:
        out: list[ClaimState | Exception] = list(states)
        groups: dict[str, list[int]] = {}
        for i, s in enumerate(states):
            groups.setdefault(repr(s.where), []).append(i)
        for idx in groups.values():
            r, keep = retriever, None
            if isinstance(retriever, PassageRetriever):
                keep = retriever.k
                pool = retriever.k * max(1, pipeline.thresholds.retrieve_pool)
                r = retriever.model_copy(update={"where": states[idx[0]].where, "k": pool})
            docs = r.batch(
                [states[i].claim.text for i in idx],
                [config[i] for i in idx],
                return_exceptions=True,
            )
            for i, ds in zip(idx, docs, strict=True):
                if isinstance(ds, Exception):
                    out[i] = ds
                    continue
                found = [document_to_passage(d) for d in ds]
                states[i].passages = pipeline.rank_by_time(states[i], found)[:keep]
        return out

    return _Step(many, "retrieve")


def build_chain(
    pipeline: Pipeline, retriever: BaseRetriever | None = None
) -> Runnable[ClaimRequest | str, Verdict]:
    """claim -> retrieve -> compare -> aggregate, as one composable Runnable.

    Retrieval is the pipeline's own (its k and min_score); pass a LangChain retriever to
    retrieve through it instead."""
    retrieve = (
        _Step(pipeline.retrieve_many, "retrieve")
        if retriever is None
        else _retrieve_through(pipeline, retriever)
    )
    prepare = _Step(pipeline.prepare_many, "prepare")
    judge = _Step(pipeline.judge_many, "judge")
    chain: Runnable[ClaimRequest | str, Verdict] = prepare | retrieve | judge
    return chain.with_config(run_name="factcheck")
