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

from factcheck.config import load_settings
from factcheck.errors import FactCheckError
from factcheck.interfaces.cli.context import Ctx, UserError, echo, fail, parse_date
from factcheck.interfaces.cli.reviews import reviews
from factcheck.interfaces.cli.sources import (
    ingest,
    reindex,
    remove,
    repair,
    search,
    sources,
    trust,
)
from factcheck.interfaces.cli.watch import watch


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


def _read(file: str) -> str:
    from factcheck.errors import InputError
    from factcheck.sources.readers import read_draft

    try:
        if file == "-":
            return sys.stdin.read()
        return read_draft(Path(file))
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
    from factcheck.errors import InputError
    from factcheck.interfaces.cli.render import claim_text
    from factcheck.lang import vocabulary
    from factcheck.nlp.claims import ClaimExtractor
    from factcheck.nlp.facts import Analyzer

    text = _read(file)
    try:
        if not text.strip():
            raise InputError(f"{file}: is empty")
        ext = ClaimExtractor(
            Analyzer(
                without_torch=obj.settings.backend == "onnx",
                vocab=vocabulary(obj.settings.language),
                date_order=obj.settings.date_order,
            ),
            obj.settings.claim_threshold,
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
    from factcheck.interfaces.cli.render import verdict_text

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
    from factcheck.interfaces.cli.render import verdict_text

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


def _parse_shard(_ctx: Any, _param: Any, value: str | None) -> tuple[int, int]:
    if value is None:
        return (0, 1)
    try:
        i, n = (int(x) for x in value.split("/"))
    except ValueError:
        raise click.BadParameter(f"{value!r}: give I/N, e.g. 0/2") from None
    if n < 1 or not 0 <= i < n:
        raise click.BadParameter(f"{value!r}: I must be 0 to N-1 (0/2 and 1/2 for two)")
    return (i, n)


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
@click.option(
    "--shard",
    callback=_parse_shard,
    default=None,
    metavar="I/N",
    help="Check only rows I, I+N, I+2N, ... (0 <= I < N): N processes share one input.",
)
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
    shard: tuple[int, int],
) -> None:
    """Check every claim in INPUT: a CSV (claim column; optional id, dateline,
    source_filter), a JSONL file, or a folder of articles. Exit 0 when all rows were
    checked, 1 when some failed, 2 on a usage error."""
    from tqdm import tqdm

    from factcheck.interfaces.batch.run import run_batch

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
        from factcheck.sources.hygiene import strip_terminal

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
            shard=shard,
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
@click.option(
    "--desk",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="The reports folder of a `factcheck watch`, shown in a Desk tab.",
)
@click.pass_obj
def serve(obj: Ctx, host: str, port: int, desk: Path | None) -> None:
    """Start the web app (the same as `python app.py`)."""
    from factcheck.interfaces.web.app import launch

    settings = obj.settings
    if desk is not None:
        settings = settings.model_copy(update={"desk_reports": desk})
    try:
        launch(settings, host, port)
    except FactCheckError as ex:
        raise fail(ex) from None


for _command in (ingest, reindex, repair, sources, trust, remove, search, reviews, watch):
    main.add_command(_command)

if __name__ == "__main__":
    main()
