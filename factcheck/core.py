"""The old import path of the verification core, which the README names; it lives in
:mod:`factcheck.pipeline.steps`."""

from factcheck.pipeline.steps import ClaimRequest, Verifier

__all__ = ["ClaimRequest", "Verifier"]
