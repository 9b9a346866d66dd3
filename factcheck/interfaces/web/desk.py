"""The Desk tab: the drafts a ``factcheck watch`` keeps checked (the reports folder, the
``desk_reports`` setting), with their counts by verdict and the time of the last check;
a click opens a draft's report. It refreshes on a timer, without reloading the page."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import gradio as gr

DESK_COLUMNS = [
    "draft",
    "claims",
    "SUPPORTED",
    "REFUTED",
    "CONFLICTING",
    "NOT_ENOUGH_INFO",
    "changed",
    "checked (UTC)",
]
REFRESH_S = 3.0


def desk_reports(folder: Path) -> list[tuple[str, dict[str, Any]]]:
    """(report name, report) for every draft report in ``folder``, the latest check first;
    files that are not reports (the watch's state, anything unreadable) are skipped."""
    out = []
    for path in folder.rglob("*.json"):
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        try:
            got = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(got, dict) and isinstance(got.get("verdicts"), list):
            out.append((path.relative_to(folder).with_suffix("").as_posix(), got))
    return sorted(out, key=lambda item: str(item[1].get("checked_at", "")), reverse=True)


def desk_rows(folder: Path) -> tuple[list[list[Any]], list[str]]:
    """The table's rows, and the report name of each row (for a click)."""
    rows, names = [], []
    for name, rep in desk_reports(folder):
        counts = rep.get("counts") or {}
        checked = str(rep.get("checked_at", ""))[:19].replace("T", " ")
        draft = name  # the draft's path under the drafts folder
        rows.append(
            [
                draft,
                int(rep.get("claims", 0)),
                *(int(counts.get(k, 0)) for k in DESK_COLUMNS[2:6]),
                len(rep.get("changes") or []),
                checked,
            ]
        )
        names.append(name)
    return rows, names


def report_markdown(folder: Path, name: str) -> str:
    try:
        return (folder / f"{name}.md").read_text(encoding="utf-8")
    except OSError:
        return f"The report {name}.md is not there (yet)."


def desk_tab(folder: Path) -> None:
    """The tab, built inside the app's ``gr.Blocks``."""

    def refresh() -> tuple[Any, list[str]]:
        rows, names = desk_rows(folder)
        return gr.update(value=rows or None), names

    def open_report(names: list[str], evt: gr.SelectData) -> str:
        if evt.index is None:
            return ""
        row = evt.index[0] if isinstance(evt.index, (list, tuple)) else int(evt.index)
        return report_markdown(folder, names[row]) if 0 <= row < len(names) else ""

    with gr.Tab("Desk", id="desk"):
        gr.Markdown(
            "Drafts kept checked by `factcheck watch`; the newest check first. Click a draft"
            " to open its report."
        )
        first_rows, first_names = desk_rows(folder)
        table = gr.Dataframe(
            headers=DESK_COLUMNS,
            value=first_rows or None,
            interactive=False,
            elem_id="desk-table",
            wrap=True,
        )
        names = gr.State(first_names)
        shown = gr.Markdown(elem_id="desk-report", sanitize_html=True)
        gr.Timer(REFRESH_S).tick(refresh, None, [table, names], api_visibility="private")
        table.select(open_report, [names], [shown], api_visibility="private")
