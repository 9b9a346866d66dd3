"""One ingest of a large source into an on-disk store, in its own process (for the kill
tests of tests/test_store_recovery.py): ``python -m tests.helpers.ingest_worker STORE N``
prints the status and the passage count."""

from __future__ import annotations

import sys

import chromadb

from factcheck.backends.embedders import HashEmbedder
from factcheck.nlp.sentences import iter_passages
from factcheck.sources.readers import load_text
from factcheck.sources.store import PassageStore


def main() -> None:
    path, n = sys.argv[1], int(sys.argv[2])
    text = "\n\n".join(f"On day {i} the port handled {i * 7 + 3} ships." for i in range(n))
    client = chromadb.PersistentClient(path, settings=chromadb.Settings(anonymized_telemetry=False))
    store = PassageStore(client, HashEmbedder(), "wire")
    src, body = load_text(text, source_id="wire.txt")
    total = sum(1 for _ in iter_passages(src, body))
    status, count = store.add_source_stream(src, iter_passages(src, body), total=total)
    print(status, count, flush=True)


if __name__ == "__main__":
    main()
