"""`factcheck reviews`: earlier verdicts (ClaimReview) to import, list and remove."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from factcheck.errors import FactCheckError
from factcheck.interfaces.cli.context import Ctx, echo, fail


@click.group()
def reviews() -> None:
    """Earlier verdicts (ClaimReview): import, list, remove. Every check shows the
    stored reviews of its claim ("Checked before") and of related claims."""


@reviews.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_obj
def reviews_import(obj: Ctx, paths: tuple[Path, ...], as_json: bool) -> None:
    """Import ClaimReview JSON-LD (object, list, @graph or one per line) or CSV (claim,
    verdict, url, date, author columns) from files or folders. Exit 1 if any record failed."""
    from tqdm import tqdm

    for p in paths:
        if not p.exists():
            raise click.UsageError(f"{p}: no such file or folder")
    bar = tqdm(unit=" reviews", desc="importing", disable=None, file=sys.stderr)

    def progress(done: int, total: int) -> None:
        bar.set_description(f"importing ({done}/{total} files)", refresh=False)

    def reviews_done(n: int) -> None:
        bar.update(n - bar.n)

    try:
        res = obj.checker.import_reviews(list(paths), progress=progress, on_reviews=reviews_done)
    except FactCheckError as ex:
        bar.close()
        raise fail(ex, code=2) from None
    bar.close()
    for where, msg in res.errors:
        echo(f"error: {where}: {msg}", err=True)
    if as_json:
        echo(json.dumps(res.to_dict(), ensure_ascii=False))
    else:
        echo(
            f"{res.files} files: {res.added} reviews added, {res.unchanged} already there, "
            f"{len(res.errors)} errors"
        )
    if res.errors:
        sys.exit(1)


@reviews.command("list")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def reviews_list(obj: Ctx, as_json: bool) -> None:
    """List stored reviews, newest first."""
    from factcheck.interfaces.cli.render import review_text

    try:
        got = obj.checker.reviews()
    except FactCheckError as ex:
        raise fail(ex) from None
    if as_json:
        echo(json.dumps([r.to_dict() for r in got], ensure_ascii=False))
    elif not got:
        echo("no reviews stored; `factcheck reviews import FILE` adds some")
    else:
        echo("\n".join(review_text(r) for r in got))


@reviews.command("remove")
@click.argument("key")
@click.pass_obj
def reviews_remove(obj: Ctx, key: str) -> None:
    """Remove a review by id, or every review with this URL or from this file."""
    try:
        n = obj.checker.remove_review(key)
    except FactCheckError as ex:
        raise fail(ex) from None
    echo(f"removed {n} review{'s' if n != 1 else ''}")
