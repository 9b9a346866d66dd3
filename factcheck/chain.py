"""The old import path of the LangChain adapter, which the README names; it lives in
:mod:`factcheck.pipeline.chain`."""

from factcheck.pipeline.chain import PassageRetriever, build_chain

__all__ = ["PassageRetriever", "build_chain"]
