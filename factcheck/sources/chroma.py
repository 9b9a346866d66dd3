"""Opening Chroma (embedded on disk, or a server) and rebuilding a collection with another
embedder: a new collection written beside the old one, then swapped in, so an interrupted
reindex is finished on the next open and nothing is lost."""

from __future__ import annotations

import contextlib
import errno
import logging
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlparse

from factcheck.errors import FactCheckError, StoreError

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

_EMBED_BATCH = 512  # passages embedded per call when rebuilding


REPAIR_HINT = "`factcheck repair` rebuilds a local store from its source log"


def damaged(ex: BaseException) -> bool:
    """Chroma failing on its own files (an index left half-written by a killed process, a
    damaged file), as opposed to a bad request or a full disk: retrying will not help."""
    if "too many sql variables" in str(ex).lower():
        return False  # a request too large for SQLite, not a damaged file
    return type(ex).__name__ == "InternalError" and type(ex).__module__.startswith("chromadb")


def why(ex: BaseException) -> str:
    """An error's reason, a full disk named as such."""
    text = str(ex)
    if getattr(ex, "errno", None) == errno.ENOSPC or any(
        w in text.lower() for w in ("disk is full", "no space left")
    ):
        return "no space left on the disk holding the store"
    return text


def store_failure(what: str, ex: BaseException, then: str = "") -> StoreError:
    """The one-line error for a failed store operation: ``what`` failed, why, and what to do
    (``then`` for a failure the next run completes; the repair for damaged files)."""
    if damaged(ex):
        return StoreError(f"{what} failed: the store's files are damaged ({ex}). {REPAIR_HINT}")
    return StoreError(f"{what} failed ({why(ex)}){then}")


@contextlib.contextmanager
def guarded(what: str, then: str = "") -> Iterator[None]:
    """Chroma's exceptions inside as :func:`store_failure`; ours pass through."""
    try:
        yield
    except FactCheckError:
        raise
    except Exception as ex:
        raise store_failure(what, ex, then) from ex


def open_client(store_dir: str | None = None, chroma_url: str | None = None) -> Any:
    """A Chroma client: HttpClient when ``chroma_url`` is set, else PersistentClient."""
    import chromadb

    settings = chromadb.Settings(anonymized_telemetry=False)
    if chroma_url:
        u = urlparse(chroma_url)
        try:
            client = chromadb.HttpClient(
                host=u.hostname or "127.0.0.1",
                port=u.port or (443 if u.scheme == "https" else 8000),
                ssl=u.scheme == "https",
                settings=settings,
            )
            client.heartbeat()
        except Exception as ex:
            raise StoreError(
                f"Cannot reach the Chroma server at {chroma_url} ({type(ex).__name__}). "
                "Is `chroma run` up? Unset FACTCHECK_CHROMA_URL to use the local store."
            ) from None
        return client
    assert store_dir is not None
    try:
        from pathlib import Path

        Path(store_dir).mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(store_dir), settings=settings)
    except Exception as ex:
        raise StoreError(
            f"Cannot open the passage store at {store_dir}: {ex}. {REPAIR_HINT}"
        ) from None


def search_breadth(passages: int) -> int:
    """HNSW's search breadth for a store this size: Chroma's default (100) up to 100,000
    passages, then one per 1,000 passages up to 1,000. At 100k passages 1,000 finds no
    more (dense recall@5 of the hand-checked claims 0.817 -> 0.819) for twice the query
    time; at a million, 100 loses near passages (0.741 against 0.797; docs/benchmarks.md)."""
    return max(100, min(1000, passages // 1000))


def open_collection(
    client: Any, name: str, ident: dict[str, str], search_ef: int | None = None
) -> Any:
    """The collection (made if new, cosine space), searched ``search_ef`` broadly (unset:
    ``search_breadth`` of its size when opened). HNSW's search breadth is a setting of
    the collection, kept with it and changed here when it was opened with another."""
    try:
        # Pass no embedding function to Chroma itself: we always hand it vectors, so its
        # default (downloading) ONNX model is never built.
        col = client.get_or_create_collection(
            name, metadata={"hnsw:space": "cosine", **ident}, embedding_function=None
        )
    except Exception as ex:
        raise StoreError(f"Cannot open collection {name!r}: {ex}. {REPAIR_HINT}") from None
    try:
        hnsw = dict((col.configuration or {}).get("hnsw") or {})
    except Exception:
        return col  # a Chroma without per-collection configuration
    if search_ef is None:
        with guarded("Counting the stored passages"):
            search_ef = search_breadth(int(col.count()))
    if hnsw.get("ef_search") != search_ef:
        with guarded("Setting the store's search breadth"):
            col.modify(configuration={"hnsw": {"ef_search": search_ef}})
    return col


IDENTITY_KEYS = ("embedder", "embedder_sha256")
_REINDEX_SUFFIX = ".reindex"
_REINDEX_DONE = "reindex_complete"


def _finish_reindex(client: Any, name: str) -> Any:
    """Rename the complete reindexed collection to ``name`` and drop its marker."""
    new = client.get_collection(name + _REINDEX_SUFFIX, embedding_function=None)
    md = {k: v for k, v in (new.metadata or {}).items() if k != _REINDEX_DONE}
    new.modify(name=name, metadata=md)
    return client.get_collection(name, embedding_function=None)


def recover_reindex(client: Any, name: str) -> None:
    """A reindex that stopped after deleting the old collection: finish its swap."""
    try:
        temp = client.get_collection(name + _REINDEX_SUFFIX, embedding_function=None)
    except Exception:
        return
    if (temp.metadata or {}).get(_REINDEX_DONE) != "1":
        return  # half-built: the old collection is intact; the next reindex deletes it
    try:
        client.get_collection(name, embedding_function=None)
        client.delete_collection(name)  # the swap stopped between delete and rename
    except Exception:
        pass
    logger.info("finishing an interrupted reindex of %s", name)
    _finish_reindex(client, name)


def embedder_identity(embedder: Any) -> dict[str, str]:
    """The embedder's name, backend and weights hash, as a store records them ({} when the
    embedder does not say)."""
    ident = getattr(embedder, "identity", None)
    return {k: str(v) for k, v in ident.items()} if isinstance(ident, dict) else {}


def reindex_collection(
    client: Any,
    name: str,
    embedder: Any,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[Any, int]:
    """Re-embed every record of a collection with ``embedder``; texts, ids and metadata are
    copied unchanged. Returns the new collection and the records re-embedded.

    The new vectors (perhaps of another dimension) go to a new collection, which then
    replaces the old one: a crash before the swap leaves the old one as it was; a crash
    during it is finished when the store is next opened."""
    old = client.get_collection(name, embedding_function=None)
    temp = name + _REINDEX_SUFFIX
    with contextlib.suppress(Exception):
        client.delete_collection(temp)  # a half-built one from a crash
    ident = embedder_identity(embedder)
    total = int(old.count())
    done = 0
    try:
        new = client.create_collection(
            temp, metadata={"hnsw:space": "cosine", **ident}, embedding_function=None
        )
        while done < total:
            got = old.get(limit=_EMBED_BATCH, offset=done, include=["documents", "metadatas"])
            ids = list(got["ids"])
            if not ids:
                break
            docs = list(got["documents"] or [])
            vecs = embedder.embed_documents(docs)
            new.upsert(
                ids=ids,
                documents=docs,
                metadatas=list(got["metadatas"] or []),
                embeddings=[list(map(float, v)) for v in vecs],
            )
            done += len(ids)
            if progress is not None:
                progress(done, total)
        new.modify(metadata={**ident, _REINDEX_DONE: "1"})
        client.delete_collection(name)
        return _finish_reindex(client, name), done
    except Exception as ex:
        raise StoreError(f"Reindexing {name} stopped after {done:,} records: {ex}") from ex
