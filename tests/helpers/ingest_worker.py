"""One ingest of a large source into an on-disk store, in its own process, the way
``factcheck ingest`` does it (source log included), for the kill tests of
tests/test_store_recovery.py.

``python -m tests.helpers.ingest_worker STORE N`` prints the status and the passage count,
or ``error`` and the message (exit 1); ``... STORE N repair`` rebuilds STORE from its source
log (``factcheck repair``) and prints ``repaired`` and the passage count."""

from __future__ import annotations

import sys
from pathlib import Path

from factcheck.api import FactChecker
from factcheck.backends.embedders import HashEmbedder
from factcheck.config import Settings
from factcheck.errors import FactCheckError
from factcheck.pipeline.repair import repair_store
from factcheck.sources.chroma import open_client
from factcheck.sources.source_log import SourceLog
from factcheck.sources.store import PassageStore


def main() -> None:
    path, n = sys.argv[1], int(sys.argv[2])
    mode = sys.argv[3] if len(sys.argv) > 3 else "ingest"
    settings = Settings(store_dir=Path(path), collection="wire", use_stance_model=False)
    if mode == "repair":

        def split(src, body):  # type: ignore[no-untyped-def]
            from factcheck.lang import vocabulary
            from factcheck.nlp.sentences import split_passages

            vocab = vocabulary(settings.language)
            return split_passages(src, body, max_chars=settings.max_passage_chars, vocab=vocab)

        got = repair_store(path, HashEmbedder(), "wire", split)
        print("repaired", got.passages, flush=True)
        return
    wire = Path(f"{path}.wire.txt")
    if not wire.exists():
        text = "\n\n".join(f"On day {i} the port handled {i * 7 + 3} ships." for i in range(n))
        tmp = wire.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(wire)  # whole, even if this process is killed
    try:
        store = PassageStore(open_client(path), HashEmbedder(), "wire")
        fc = FactChecker(store, settings=settings, source_log=SourceLog(path))
        store.annotate = None  # the store's writes are tested, not the analysis stored
        print("ingesting", file=sys.stderr, flush=True)  # the kill test times from here
        res = fc.ingest([wire], names={str(wire): "wire.txt"})
    except FactCheckError as ex:
        print("error", ex, flush=True)
        sys.exit(1)
    if res.errors:
        print("error", res.errors[0][1], flush=True)
        sys.exit(1)
    status = next(k for k in ("added", "resumed", "replaced", "unchanged") if getattr(res, k))
    print(status, res.passages, flush=True)


if __name__ == "__main__":
    main()
