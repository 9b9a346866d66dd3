"""The old import path of the LangChain adapter, which the README named; it lives in
:mod:`factcheck.pipeline.chain`."""

from factcheck.pipeline.chain import (
    ClaimRequest,
    PassageRetriever,
    build_chain,
    document_to_passage,
    passage_to_document,
)
from factcheck.pipeline.steps import ClaimState, Pipeline, StanceFn, Verifier

__all__ = [
    "ClaimRequest",
    "ClaimState",
    "PassageRetriever",
    "Pipeline",
    "StanceFn",
    "Verifier",
    "build_chain",
    "document_to_passage",
    "passage_to_document",
]
