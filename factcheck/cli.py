"""`factcheck` command line: argument parsing and output formatting only."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sys
from pathlib import Path
from typing import Any

import click

from .cli_common import Ctx, UserError, echo, fail, parse_date
from .cli_reviews import reviews
from .config import load_settings
from .errors import FactCheckError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--store",
    "store_dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder of the embedded Chroma store (default ./vectorstore).",
)
@click.option(
    "--chroma-url", default=None, help="Use a Chroma server instead, e.g. http://127.0.0.1:8000."
)
@click.option("--collection", default=None, help="Chroma collection name.")
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="TOML settings file (also $FACTCHECK_CONFIG).",
)
@click.option(
    "--backend",
    type=click.Choice(["onnx", "torch"]),
    default=None,
    help="Run the models on ONNX Runtime (default: fast start) or torch.",
)
@click.option("-v", "--verbose", is_flag=True, help="Log progress details to stderr.")
@click.pass_context
def main(
    ctx: click.Context,
    store_dir: str | None,
    chroma_url: str | None,
    collection: str | None,
    config_file: str | None,
    backend: str | None,
    verbose: bool,
) -> None:
    """factcheck: check figures, dates, counts, names and quotes against your sources."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        settings = load_settings(
            config_file,
            store_dir=store_dir,
            chroma_url=chroma_url,
            collection=collection,
            backend=backend,
        )
    except FactCheckError as ex:
        raise fail(ex) from None
    ctx.obj = Ctx(settings)


@main.command()
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
    """Add .txt/.md/.html files or folders (recursively) to the store."""
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
        if as_json:
            echo(json.dumps(res.to_dict()))
        else:
            echo(
                f"{res.files} files: {res.added} added, {res.replaced} replaced, "
                f"{res.unchanged} unchanged, {len(res.errors)} failed; "
                f"{res.passages} passages in {res.seconds:.1f}s"
            )
    if missing or (res is not None and res.errors):
        sys.exit(1)


@main.command()
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


@main.command()
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def sources(obj: Ctx, as_json: bool) -> None:
    """List stored sources with their passage counts and datelines."""
    from .render import sources_text

    try:
        infos = obj.checker.sources()
    except FactCheckError as ex:
        raise fail(ex) from None
    if as_json:
        echo(json.dumps([s.to_dict() for s in infos], ensure_ascii=False))
    else:
        echo(sources_text(infos))


@main.command()
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


@main.command()
@click.argument("source")
@click.pass_obj
def remove(obj: Ctx, source: str) -> None:
    """Remove one source (by id, path or title) and its passages."""
    try:
        n = obj.checker.remove(source)
    except FactCheckError as ex:
        raise fail(ex) from None
    echo(f"removed {source}: {n} passages")


@main.command()
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
    from .render import passage_text

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


def _read(file: str) -> str:
    from .errors import InputError
    from .ingest import decode_bytes, read_file

    try:
        if file == "-":
            return sys.stdin.read()
        p = Path(file)
        if p.suffix.lower() in (".html", ".htm", ".md", ".markdown"):
            src, _ = read_file(p)
            return src.text
        return decode_bytes(p.read_bytes(), file)
    except FactCheckError as ex:
        raise fail(ex) from None
    except FileNotFoundError:
        raise UserError(f"{file}: no such file") from None
    except IsADirectoryError:
        raise UserError(f"{file}: is a folder; give a file") from None
    except (OSError, UnicodeDecodeError) as ex:
        raise fail(InputError(f"{file}: cannot be read ({ex})")) from None


@main.command()
@click.argument("file")
@click.option(
    "--dateline", callback=parse_date, default=None, help="YYYY-MM-DD the article is dated."
)
@click.option(
    "--threshold", type=click.FloatRange(0, 1), default=None, help="Check-worthiness cut-off."
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per claim.")
@click.pass_obj
def claims(
    obj: Ctx, file: str, dateline: dt.date | None, threshold: float | None, as_json: bool
) -> None:
    """List the checkable claims in FILE (or - for stdin)."""
    from .analysis import Analyzer
    from .claims import ClaimExtractor
    from .errors import InputError
    from .render import claim_text

    text = _read(file)
    try:
        if not text.strip():
            raise InputError(f"{file}: is empty")
        ext = ClaimExtractor(
            Analyzer(without_torch=obj.settings.backend == "onnx"), obj.settings.claim_threshold
        )
        found = ext.extract(text, dateline, threshold=threshold, article_id=file)
    except FactCheckError as ex:
        raise fail(ex) from None
    for c in found:
        echo(json.dumps(c.to_dict(), ensure_ascii=False) if as_json else claim_text(c))


@main.command()
@click.argument("claim")
@click.option(
    "--dateline", callback=parse_date, default=None, help="Resolve 'on Thursday' against this date."
)
@click.option("--source", default=None, help="Only check against this source.")
@click.option("--json", "as_json", is_flag=True)
@click.option("--remember", is_flag=True, help="Store the verdict as a review (verdict memory).")
@click.pass_obj
def check(
    obj: Ctx,
    claim: str,
    dateline: dt.date | None,
    source: str | None,
    as_json: bool,
    remember: bool,
) -> None:
    """Check one CLAIM against the stored sources."""
    from .render import verdict_text

    try:
        v = obj.warm_checker.check(claim, dateline=dateline, source=source)
        if remember:
            obj.checker.remember([v])
    except FactCheckError as ex:
        raise fail(ex) from None
    echo(json.dumps(v.to_dict(), ensure_ascii=False) if as_json else verdict_text(v))


@main.command("check-article")
@click.argument("file")
@click.option("--dateline", callback=parse_date, default=None)
@click.option("--json", "as_json", is_flag=True, help="The report as one JSON object.")
@click.option("--remember", is_flag=True, help="Store every verdict as a review.")
@click.pass_obj
def check_article(
    obj: Ctx, file: str, dateline: dt.date | None, as_json: bool, remember: bool
) -> None:
    """Extract every claim in FILE and check each against the store."""
    from .render import verdict_text

    text = _read(file)
    try:
        report = obj.warm_checker.check_article(text, dateline, article_id=file)
        if remember:
            obj.checker.remember(report.verdicts)
    except FactCheckError as ex:
        raise fail(ex) from None
    if as_json:
        echo(json.dumps(report.to_dict(), ensure_ascii=False))
        return
    counts: dict[str, int] = {}
    for v in report.verdicts:
        counts[v.label.value] = counts.get(v.label.value, 0) + 1
        echo(verdict_text(v, max_evidence=2) + "\n")
    summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))
    echo(f"{len(report.verdicts)} claims: {summary or 'none found'}")


@main.command()
@click.argument("input_path", metavar="INPUT", type=click.Path(path_type=Path))
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Output file (default: standard output).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "md", "claimreview"]),
    default=None,
    help="Output format (default: from --out's suffix, else jsonl).",
)
@click.option("--workers", type=click.IntRange(1, 32), default=1, show_default=True)
@click.option("--resume", is_flag=True, help="Skip ids already in --out and append the rest.")
@click.option(
    "--chunk",
    type=click.IntRange(1, 1024),
    default=32,
    show_default=True,
    help="Claims checked together in one batch.",
)
@click.option("--remember", is_flag=True, help="Store every verdict as a review.")
@click.pass_obj
def batch(
    obj: Ctx,
    input_path: Path,
    out: Path | None,
    fmt: str | None,
    workers: int,
    resume: bool,
    chunk: int,
    remember: bool,
) -> None:
    """Check every claim in INPUT: a CSV (claim column; optional id, dateline,
    source_filter), a JSONL file, or a folder of articles. Exit 0 when all rows were
    checked, 1 when some failed, 2 on a usage error."""
    from tqdm import tqdm

    from .batch import run_batch

    if fmt is None:
        suffix = out.suffix.lower() if out else ""
        fmt = {".csv": "csv", ".md": "md", ".jsonld": "claimreview"}.get(suffix, "jsonl")
    if resume and out is None:
        raise click.UsageError("--resume needs --out FILE")
    if not input_path.exists():
        raise click.UsageError(f"{input_path}: no such file or folder")
    bar = tqdm(total=None, unit="claim", desc="checking", disable=None, file=sys.stderr)

    def progress(done: int, total: int | None) -> None:
        bar.total = total
        bar.update(done - bar.n)

    def on_error(row: Any) -> None:
        from .text import strip_terminal

        bar.write(strip_terminal(f"error: {row.id}: {row.error}"), file=sys.stderr)

    try:
        summary = run_batch(
            obj.warm_checker,
            input_path,
            out=out,
            fmt=fmt,
            workers=workers,
            resume=resume,
            chunk=chunk,
            progress=progress,
            on_error=on_error,
            remember=remember,
        )
    except FactCheckError as ex:
        # An unreadable input, an unwritable output or an unreadable store: exit 2, one
        # line. What was written so far stays, and --resume continues from it.
        bar.close()
        raise fail(ex, code=2) from None
    bar.close()
    echo(summary.line(), err=True)
    if summary.failed:
        sys.exit(1)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=7860, show_default=True)
@click.pass_obj
def serve(obj: Ctx, host: str, port: int) -> None:
    """Start the web app (the same as `python app.py`)."""
    from .app import launch

    try:
        launch(obj.settings, host, port)
    except FactCheckError as ex:
        raise fail(ex) from None


if __name__ == "__main__":
    main()


main.add_command(reviews)
