"""`factcheck ingest`, `reindex`, `sources`, `trust`, `remove` and `search`: the commands
that fill the store and look into it."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from factcheck.errors import FactCheckError, InputError
from factcheck.interfaces.cli.context import Ctx, echo, fail, parse_date


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option(
    "--trust",
    type=click.FloatRange(0, 1),
    default=1.0,
    show_default=True,
    help="How much these sources count as evidence (0..1); a dissent from a low-trust "
    "source cannot outweigh trusted ones.",
)
@click.pass_obj
def ingest(obj: Ctx, paths: tuple[Path, ...], as_json: bool, trust: float) -> None:
    """Add .txt/.md/.html/.docx files, NewsML-G2 wire items (.xml) and RSS/Atom feeds
    (.rss/.atom/.xml, one source per item), or folders of them (recursively), to the store."""
    from tqdm import tqdm

    missing = [p for p in paths if not p.exists()]
    for p in missing:
        echo(f"error: {p}: no such file or folder", err=True)
    present = [p for p in paths if p.exists()]
    try:
        checker = obj.checker
        # Passages are the unit of work (a 5 MB file is one file and 40,000 passages).
        bar = tqdm(unit=" passages", desc="ingesting", disable=None, file=sys.stderr)

        def progress(done: int, total: int) -> None:
            bar.set_description(f"ingesting ({done}/{total} files)", refresh=False)

        def passages(n: int) -> None:
            bar.update(n - bar.n)

        try:
            res = (
                checker.ingest(present, progress=progress, on_passages=passages, trust=trust)
                if present
                else None
            )
        finally:
            bar.close()
    except FactCheckError as ex:
        raise fail(ex) from None
    if res is not None:
        for path, msg in res.errors:
            echo(f"error: {msg}" if path in msg else f"error: {path}: {msg}", err=True)
        for msg in res.warnings:
            echo(f"warning: {msg}", err=True)
        if as_json:
            echo(json.dumps(res.to_dict()))
        else:
            echo(
                f"{res.files} files: {res.added} added, {res.replaced} replaced, "
                + (f"{res.resumed} completed after an interrupted ingest, " if res.resumed else "")
                + (f"{res.removed} withdrawn (removed), " if res.removed else "")
                + f"{res.unchanged} unchanged, {len(res.errors)} failed; "
                f"{res.passages} passages in {res.seconds:.1f}s"
            )
    if missing or (res is not None and res.errors):
        sys.exit(1)


@click.command()
@click.pass_obj
def repair(obj: Ctx) -> None:
    """Rebuild a local store that cannot be read from the source log kept beside it (the
    damaged store is kept, renamed), reviews (the verdict memory) included."""
    from tqdm import tqdm

    from factcheck.backends.embedders import default_embedder
    from factcheck.lang import vocabulary
    from factcheck.nlp.facts import Analyzer
    from factcheck.nlp.sentences import split_passages
    from factcheck.pipeline.passage_facts import annotator
    from factcheck.pipeline.repair import repair_store

    s = obj.settings
    if s.chroma_url:
        raise fail(InputError("repair rebuilds a local store; this one is a Chroma server"))
    vocab = vocabulary(s.language)
    analyzer = Analyzer(without_torch=s.backend == "onnx", vocab=vocab, date_order=s.date_order)
    bar = tqdm(unit=" sources", desc="repairing", disable=None, file=sys.stderr)

    def progress(done: int, total: int) -> None:
        bar.total = total
        bar.update(done - bar.n)

    try:
        got = repair_store(
            s.store_dir,
            default_embedder(s.backend, s.embed_batch_size),
            s.collection,
            lambda src, body: split_passages(src, body, max_chars=s.max_passage_chars, vocab=vocab),
            progress,
            annotator(analyzer),
            analyzer,
        )
    except FactCheckError as ex:
        raise fail(ex, code=2) from None
    finally:
        bar.close()
    for sid in got.missing:
        echo(f"error: {sid}: its text is not in the source log; ingest it again", err=True)
    echo(
        f"rebuilt {s.store_dir}: {got.sources} sources, {got.passages:,} passages,"
        f" {got.reviews:,} reviews; the damaged store is kept at {got.kept_at}"
    )
    if got.missing:
        sys.exit(1)


@click.command()
@click.pass_obj
def reindex(obj: Ctx) -> None:
    """Rebuild the store's vectors with this run's embedder, from the stored passages (after
    changing the embedding model). Texts, sources and metadata are kept."""
    from tqdm import tqdm

    obj.check_embedder = False
    bar = tqdm(unit=" passages", desc="reindexing", disable=None, file=sys.stderr)

    def progress(done: int, total: int) -> None:
        bar.total = total
        bar.update(done - bar.n)

    try:
        n = obj.checker.reindex(progress=progress)
    except FactCheckError as ex:
        raise fail(ex) from None
    finally:
        bar.close()
    echo(f"reindexed {n:,} passages with {obj.checker.store.embedder_name}")


@click.command()
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def sources(obj: Ctx, as_json: bool) -> None:
    """List stored sources with their passage counts and datelines."""
    from factcheck.interfaces.cli.render import sources_text

    try:
        infos = obj.checker.sources()
    except FactCheckError as ex:
        raise fail(ex) from None
    if as_json:
        echo(json.dumps([s.to_dict() for s in infos], ensure_ascii=False))
    else:
        echo(sources_text(infos))


@click.command()
@click.argument("source")
@click.argument("value", type=click.FloatRange(0, 1))
@click.pass_obj
def trust(obj: Ctx, source: str, value: float) -> None:
    """Set how much SOURCE (id, path, title or file name) counts as evidence, 0..1."""
    try:
        n = obj.checker.set_trust(source, value)
    except FactCheckError as ex:
        raise fail(ex) from None
    echo(f"trust of {source} set to {value:g} ({n} passages)")


@click.command()
@click.argument("source")
@click.pass_obj
def remove(obj: Ctx, source: str) -> None:
    """Remove one source (by id, path or title) and its passages."""
    try:
        n = obj.checker.remove(source)
    except FactCheckError as ex:
        raise fail(ex) from None
    echo(f"removed {source}: {n} passages")


@click.command()
@click.argument("text")
@click.option(
    "-k", "--k", "k", type=click.IntRange(1, 100), default=None, help="How many passages."
)
@click.option("--source", default=None, help="Only this source (id, path or title).")
@click.option(
    "--from", "date_from", callback=parse_date, default=None, help="Datelines from YYYY-MM-DD."
)
@click.option(
    "--to", "date_to", callback=parse_date, default=None, help="Datelines up to YYYY-MM-DD."
)
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def search(
    obj: Ctx,
    text: str,
    k: int | None,
    source: str | None,
    date_from: dt.date | None,
    date_to: dt.date | None,
    as_json: bool,
) -> None:
    """Show the passages most similar to TEXT, with scores and sources."""
    from factcheck.interfaces.cli.render import passage_text

    try:
        hits = obj.checker.search(text, k=k, source=source, date_from=date_from, date_to=date_to)
    except FactCheckError as ex:
        raise fail(ex) from None
    if as_json:
        echo(json.dumps([p.to_dict() for p in hits], ensure_ascii=False))
    elif not hits:
        echo("No passages found.")
    else:
        echo("\n".join(passage_text(p, i + 1) for i, p in enumerate(hits)))
