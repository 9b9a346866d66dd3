"""``factcheck watch``: ingest sources and check drafts as they arrive (issue #32)."""

from __future__ import annotations

from pathlib import Path

import click

from factcheck.errors import FactCheckError
from factcheck.interfaces.cli.context import Ctx, echo, fail

_FOLDER = click.Path(file_okay=False, path_type=Path)


@click.command()
@click.option(
    "--sources",
    "source_dirs",
    multiple=True,
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A folder of sources (wires, transcripts); give it more than once for several.",
)
@click.option(
    "--drafts",
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="The folder of drafts to check.",
)
@click.option(
    "--reports", required=True, type=_FOLDER, help="Where each draft's report is written."
)
@click.option("--prune", is_flag=True, help="Remove a deleted source from the store too.")
@click.option(
    "--recheck-window",
    default=24.0,
    show_default=True,
    type=click.FloatRange(min=0),
    help="Hours: drafts saved this recently are checked again when the sources change.",
)
@click.option(
    "--recheck-every",
    default=60.0,
    show_default=True,
    type=click.FloatRange(min=0),
    help="Seconds: at most one recheck of the drafts this often.",
)
@click.option("--once", is_flag=True, help="Handle what is there, then exit (cron, tests).")
@click.option("--poll", is_flag=True, help="Poll the folders (network shares miss events).")
@click.option("--ignore", multiple=True, help="Another file-name pattern to skip, e.g. '*.bak'.")
@click.pass_obj
def watch(
    obj: Ctx,
    source_dirs: tuple[Path, ...],
    drafts: Path,
    reports: Path,
    prune: bool,
    recheck_window: float,
    recheck_every: float,
    once: bool,
    poll: bool,
    ignore: tuple[str, ...],
) -> None:
    """Ingest new or changed sources and check new or changed drafts as they arrive, each
    draft getting a Markdown and a JSON report in REPORTS. When the sources change, drafts
    saved within the recheck window are checked again; a report says which verdicts
    changed since its last version and why. Ctrl-C stops; a restart does nothing twice."""
    from factcheck.interfaces.watch.watcher import WatchConfig, Watcher

    config = WatchConfig(
        sources=source_dirs,
        drafts=drafts,
        reports=reports,
        prune=prune,
        recheck_window_s=recheck_window * 3600.0,
        recheck_every_s=recheck_every,
        poll=poll,
        ignore=ignore,
    )
    try:
        watcher = Watcher(obj.warm_checker, config, say=echo)
        if once:
            look = watcher.look()
            if look.failed:
                raise SystemExit(1)  # for cron: something could not be read (said above)
            return
        echo(f"watching {', '.join(map(str, (*source_dirs, drafts)))}; Ctrl-C stops")
        watcher.run()
    except FactCheckError as ex:
        raise fail(ex, code=2) from None
    except KeyboardInterrupt:
        pass
    echo("stopped")
