"""A draft's report (Markdown and JSON, named after the draft), compared with its last
version: which verdicts changed and why ("REFUTED since wire-0412.xml arrived"), and the
verdicts an editor marked as reviewed (``"reviewed": true`` in the JSON) kept as they were,
with a change against them flagged rather than written over."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.interfaces.exports import LABEL_ORDER, _md, to_markdown
from factcheck.interfaces.watch.state import Event, write_atomic

_WHAT = {"arrived": "arrived", "changed": "changed"}


@dataclass(frozen=True)
class Change:
    claim: str
    was: str
    now: str
    why: str
    kept: bool  # an editor's reviewed verdict, kept: the change is flagged

    def line(self) -> str:
        why = f" {self.why}" if self.why else ""
        if self.kept:
            return f"reviewed {self.was} kept; the check now says {self.now}{why}: {self.claim}"
        return f"{self.was} → {self.now}{why}: {self.claim}"


def report_name(draft: Path, drafts_dir: Path) -> str:
    """The report's name: the draft's path under the drafts folder, so that the reports
    folder mirrors the drafts' subfolders (``politics/budget.md`` -> the reports
    ``politics/budget.md.md`` and ``.json``) and no two drafts share a report."""
    try:
        return draft.relative_to(drafts_dir).as_posix()
    except ValueError:
        return draft.name


def read_previous(reports: Path, name: str) -> dict[str, Any] | None:
    try:
        got = json.loads((reports / f"{name}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return got if isinstance(got, dict) else None


def _name(source_id: str) -> str:
    return Path(source_id).name or source_id


def because(
    old: dict[str, Any],
    new: dict[str, Any],
    events: list[Event],
    gone: Callable[[str], bool] = lambda _sid: False,
) -> str:
    """Why a verdict changed, from what happened to the sources since the last check: a
    source the new verdict cites that arrived or changed; a source the old one cited that
    is no longer in the store (removed, or a wire story withdrawn by its agency); else the
    sources that changed at all."""
    cited_new = {e.get("source_id") for e in new.get("evidence", [])}
    for e in reversed(events):
        if e.what in ("arrived", "changed") and e.source in cited_new:
            return f"since {e.file or _name(e.source)} {_WHAT[e.what]}"
    for ev in old.get("evidence", []):
        sid = str(ev.get("source_id") or "")
        if sid and gone(sid):
            title = str(ev.get("source") or "")
            name = f"“{title}” ({_name(sid)})" if title and title != sid else _name(sid)
            return f"since {name} was withdrawn or removed"
    names = list(dict.fromkeys(e.file or _name(e.source) for e in events))
    if names:
        more = f" and {len(names) - 3} more" if len(names) > 3 else ""
        return f"since the sources changed ({', '.join(names[:3])}{more})"
    return ""


def merge(
    rows: list[dict[str, Any]],
    previous: dict[str, Any] | None,
    events: list[Event],
    gone: Callable[[str], bool] = lambda _sid: False,
) -> tuple[list[dict[str, Any]], list[Change]]:
    """The new rows with reviewed verdicts kept, and the changes since ``previous``."""
    old = {r.get("claim"): r for r in (previous or {}).get("verdicts", []) if isinstance(r, dict)}
    out: list[dict[str, Any]] = []
    changes: list[Change] = []
    for r in rows:
        prev = old.get(r.get("claim"))
        if prev is not None and prev.get("reviewed") is True and "label" not in r:
            # an editor's verdict outlives a check that failed this time
            out.append({**prev, "flag": f"this check failed: {r.get('error', '?')}"})
            continue
        if prev is None or "label" not in prev or "label" not in r:
            out.append({**r, "reviewed": False})
            continue
        moved = prev["label"] != r["label"]
        why = because(prev, r, events, gone) if moved else ""
        if prev.get("reviewed") is True:
            if moved:
                change = Change(r["claim"], prev["label"], r["label"], why, kept=True)
                if prev.get("flag", "").startswith(change.line().split(" since ")[0]):
                    out.append(prev)  # flagged before: not news again
                    continue
                changes.append(change)
                out.append({**prev, "flag": change.line()})
            else:
                out.append({**r, "reviewed": True})
            continue
        if moved:
            changes.append(Change(r["claim"], prev["label"], r["label"], why, kept=False))
        out.append({**r, "reviewed": False})
    return out, changes


def unrecorded_changes(report: dict[str, Any]) -> list[Change]:
    """The changes a report lists (one written by a check the watch did not get to
    record: they are still the news)."""
    out = []
    for c in report.get("changes") or []:
        try:
            out.append(
                Change(
                    str(c["claim"]), str(c["was"]), str(c["now"]), str(c["why"]), bool(c["kept"])
                )
            )
        except (KeyError, TypeError):
            continue
    return out


def counts(rows: list[dict[str, Any]]) -> dict[str, int]:
    got = Counter("ERROR" if "error" in r else r.get("label", "ERROR") for r in rows)
    return {k: got[k] for k in [*LABEL_ORDER, "ERROR"] if got.get(k)}


def summary_line(draft: str, rows: list[dict[str, Any]], changes: list[Change]) -> str:
    by = ", ".join(f"{n} {k}" for k, n in counts(rows).items()) or "none found"
    moved = f"; {len(changes)} changed since the last check" if changes else ""
    return f"{draft}: {len(rows)} claims: {by}{moved}"


def write_report(
    reports: Path,
    name: str,
    *,
    draft: str,
    checked_at: str,
    rows: list[dict[str, Any]],
    changes: list[Change],
) -> None:
    """``<name>.json`` and ``<name>.md`` in ``reports``, each written whole or not at all."""
    body = {
        "draft": draft,
        "checked_at": checked_at,
        "claims": len(rows),
        "counts": counts(rows),
        "changes": [c.__dict__ for c in changes],
        "verdicts": rows,
    }
    md = to_markdown(rows, title=f"Fact-check: {Path(draft).name}")
    head, sep, rest = md.partition("\n## ")
    extra = [f"Checked {checked_at[:19].replace('T', ' ')} UTC, draft {_md(draft)}.", ""]
    if changes:
        extra += ["### Changes since the last check", ""]
        extra += [f"- {_md(c.line())}" for c in changes]
        extra.append("")
    md = head.rstrip("\n") + "\n\n" + "\n".join(extra) + (sep + rest if sep else "")
    write_atomic(reports / f"{name}.json", json.dumps(body, indent=1))
    write_atomic(reports / f"{name}.md", md)
