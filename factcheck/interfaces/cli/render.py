"""Pure formatting of results for people: terminal text. No I/O here."""

from __future__ import annotations

from collections.abc import Iterable

from factcheck.types import (
    Claim,
    Evidence,
    Label,
    Passage,
    Review,
    ReviewMatch,
    SourceInfo,
    ValueKind,
    Verdict,
)

LABEL_COLOURS = {
    Label.SUPPORTED: "green",
    Label.REFUTED: "red",
    Label.NOT_ENOUGH_INFO: "yellow",
    Label.CONFLICTING: "magenta",
}


def mark(
    text: str,
    spans: tuple[tuple[int, int], ...] | list[tuple[int, int]],
    left: str = "[",
    right: str = "]",
) -> str:
    """Wrap each (non-overlapping, sorted) span of ``text`` in markers."""
    out, pos = [], 0
    for s, e in sorted(spans):
        if s < pos or e > len(text) or s >= e:
            continue
        out += [text[pos:s], left, text[s:e], right]
        pos = e
    out.append(text[pos:])
    return "".join(out)


def evidence_lines(e: Evidence) -> list[str]:
    p = e.passage
    where = p.title or p.source_id
    date = f", {p.dateline.isoformat()}" if p.dateline else ""
    score = f" sim {p.score:.2f}" if p.score is not None else ""
    who = f" — {e.attribution}" if e.attribution else ""
    return [
        f"  [{e.stance.value} {e.weight:.2f}{score}] {where}{date}, chars {p.start}-{p.end}{who}",
        f"    {mark(p.text, e.passage_spans)}",
        f"    → {e.rationale}",
    ]


def verdict_text(v: Verdict, max_evidence: int = 3, show_neutral: bool = False) -> str:
    lines = [
        f"{v.label.value} (confidence {v.confidence:.2f})",
        f"Claim: {v.claim.text}",
        f"Why: {v.rationale}",
    ]
    shown = [e for e in v.evidence if show_neutral or e.stance.value != "NEUTRAL"]
    if not shown and v.evidence:
        shown = list(v.evidence[:1])
    if shown:
        lines.append("Evidence:")
        for e in shown[:max_evidence]:
            lines += evidence_lines(e)
    lines += matches_text(v.previous_reviews)
    return "\n".join(lines)


def matches_text(matches: Iterable[ReviewMatch]) -> list[str]:
    """One line per earlier review: the same claim ("Checked before") or a related one."""
    lines = []
    for m in matches:
        r = m.review
        by = ", ".join(x for x in (r.author, r.date.isoformat() if r.date else "") if x)
        head = "Checked before" if m.same_claim else "Related review"
        tail = f" — {m.reason}" if m.reason and not m.same_claim else ""
        url = f" <{r.url}>" if r.url else ""
        lines.append(f"{head}: {r.rating} — “{r.claim}”" + (f" ({by})" if by else "") + url + tail)
    return lines


def review_text(r: Review) -> str:
    """One stored review as `factcheck reviews list` prints it."""
    by = ", ".join(x for x in (r.author, r.date.isoformat() if r.date else "") if x)
    lines = [f"{r.id}  {r.rating}  “{r.claim}”" + (f"  ({by})" if by else "")]
    if r.url:
        lines.append(f"    {r.url}")
    return "\n".join(lines)


def claim_text(c: Claim) -> str:
    vals = ", ".join(f"{v.kind}:{v.text}" for v in c.values if v.kind != ValueKind.ENTITY)
    ents = ", ".join(sorted({v.text for v in c.values if v.kind == ValueKind.ENTITY}))
    parts = [f"[{c.span[0]}-{c.span[1]}] ({c.score:.2f}; {', '.join(c.kinds) or '-'}) {c.text}"]
    if vals:
        parts.append(f"    values: {vals}")
    if ents:
        parts.append(f"    entities: {ents}")
    if c.attribution:
        parts.append(f"    attributed to: {c.attribution}")
    return "\n".join(parts)


def passage_text(p: Passage, rank: int) -> str:
    date = f" ({p.dateline.isoformat()})" if p.dateline else ""
    score = f"{p.score:.3f}" if p.score is not None else "-"
    return f"{rank}. [{score}] {p.title or p.source_id}{date} chars {p.start}-{p.end}\n   {p.text}"


def sources_text(infos: list[SourceInfo]) -> str:
    if not infos:
        return "The store is empty: add sources with `factcheck ingest PATH`."
    rows = [
        f"{s.passages:>8}  {s.trust:>5.2f}  {s.dateline.isoformat() if s.dateline else '-':<10}  "
        f"{s.title}  ({s.id})"
        for s in infos
    ]
    return "passages  trust  dateline    title  (id)\n" + "\n".join(rows)
