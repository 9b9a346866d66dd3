"""factcheck: an offline fact-check assistant for newsrooms.

Nothing heavy is imported here; models load on first use.
"""

from factcheck.config import Settings, load_settings
from factcheck.errors import ConfigError, FactCheckError, InputError, ModelError, StoreError
from factcheck.types import (
    Claim,
    Evidence,
    IngestResult,
    Label,
    Passage,
    Report,
    Source,
    Stance,
    Value,
    ValueKind,
    Verdict,
)

__all__ = [
    "Claim",
    "ConfigError",
    "Evidence",
    "FactCheckError",
    "FactChecker",
    "IngestResult",
    "InputError",
    "Label",
    "ModelError",
    "Passage",
    "Report",
    "Settings",
    "Source",
    "Stance",
    "StoreError",
    "Value",
    "ValueKind",
    "Verdict",
    "load_settings",
]


def __getattr__(name: str) -> object:
    # FactChecker pulls in LangChain and Chroma: import it only when asked for.
    if name == "FactChecker":
        from factcheck.api import FactChecker

        return FactChecker
    raise AttributeError(name)
