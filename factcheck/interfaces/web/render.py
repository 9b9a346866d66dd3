"""Pure rendering for the web app: verdict cards, highlighted articles, tables.

Everything that came from a source or a user is passed through ``html.escape`` before it
reaches the page, so a passage containing ``<script>`` or ``onerror=`` is shown, never run.
"""

from __future__ import annotations

import html
from typing import Any

from factcheck.types import Label, Report, ReviewMatch, Verdict

COLOURS = {
    Label.SUPPORTED: ("#1a7f37", "#d4f4dd"),
    Label.REFUTED: ("#b42318", "#fde2e1"),
    Label.NOT_ENOUGH_INFO: ("#8a6d00", "#fff4c2"),
    Label.CONFLICTING: ("#7a3db8", "#eedcff"),
}
NAMES = {
    Label.SUPPORTED: "Supported",
    Label.REFUTED: "Refuted",
    Label.NOT_ENOUGH_INFO: "Not enough info",
    Label.CONFLICTING: "Conflicting",
}
STANCE_COLOUR = {"SUPPORTS": "#1a7f37", "REFUTES": "#b42318", "NEUTRAL": "#667085"}


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def highlight(
    text: str,
    spans: list[tuple[int, int]] | tuple[tuple[int, int], ...],
    style: str = "background:#ffe58f",
) -> str:
    """Escape ``text`` and wrap each span in <mark>; offsets index the unescaped text."""
    out, pos = [], 0
    for s, e in sorted(spans):
        if s < pos or s >= e or e > len(text):
            continue
        out += [esc(text[pos:s]), f'<mark style="{style}">', esc(text[s:e]), "</mark>"]
        pos = e
    out.append(esc(text[pos:]))
    return "".join(out)


def verdict_card(v: Verdict, max_evidence: int = 4) -> str:
    fg, bg = COLOURS[v.label]
    parts = [
        f'<div class="fc-card fc-{v.label.value}" data-label="{v.label.value}" '
        f'style="border-left:6px solid {fg};background:{bg};padding:10px 12px;'
        f'border-radius:6px;color:#111">',
        f'<div><b class="fc-label" style="color:{fg}">{NAMES[v.label]}</b> '
        f'<span class="fc-conf">confidence {v.confidence:.2f}</span></div>',
        f'<div class="fc-claim"><i>{highlight(v.claim.text, [])}</i></div>',
        f'<div class="fc-rationale">{esc(v.rationale)}</div>',
    ]
    if v.claimed_speaker or v.source_speaker:
        said = esc(v.source_speaker) if v.source_speaker else "<i>no speaker (narration)</i>"
        parts.append(
            '<div class="fc-speakers">'
            + (f"Claimed speaker: <b>{esc(v.claimed_speaker)}</b> · " if v.claimed_speaker else "")
            + f"Source's speaker: <b>{said}</b></div>"
        )
    shown = [e for e in v.evidence if e.stance.value != "NEUTRAL"][:max_evidence]
    if not shown:
        shown = list(v.evidence[:1])
    for e in shown:
        p = e.passage
        date = f" · {esc(p.dateline.isoformat())}" if p.dateline else ""
        who = f" · {esc(e.attribution)}" if e.attribution else ""
        score = f" · similarity {p.score:.2f}" if p.score is not None else ""
        parts.append(
            f'<div class="fc-evidence" style="margin-top:8px;padding:6px 8px;background:#fff;'
            f'border-radius:4px"><div style="font-size:0.85em;'
            f'color:{STANCE_COLOUR[e.stance.value]}">'
            f"<b>{esc(e.stance.value)}</b> · {esc(p.title or p.source_id)}{date}{who}{score}"
            f" · chars {p.start}–{p.end}</div>"
            f'<div class="fc-passage">{highlight(p.text, e.passage_spans)}</div></div>'
        )
    parts += [review_html(m) for m in v.previous_reviews]
    if v.provenance is not None:
        from factcheck.interfaces.exports import provenance_line

        parts.append(
            '<div class="fc-provenance" style="margin-top:6px;font-size:0.75em;color:#555">'
            f"{esc(provenance_line(v.provenance.to_dict()))}</div>"
        )
    parts.append("</div>")
    return "".join(parts)


def review_html(m: ReviewMatch) -> str:
    """An earlier review on a verdict card: "Checked before" (the same claim) with its
    rating and link, or a related review and what differs."""
    r = m.review
    head = "Checked before" if m.same_claim else "Related review"
    by = " · ".join(esc(x) for x in (r.author, r.date.isoformat() if r.date else "") if x)
    link = ""
    if r.url.lower().startswith(("https://", "http://")):  # never javascript: or data:
        link = f' · <a href="{esc(r.url)}" target="_blank" rel="noopener noreferrer">review</a>'
    why = (
        f'<div class="fc-review-why">{esc(m.reason)}</div>' if m.reason and not m.same_claim else ""
    )
    kind = "same" if m.same_claim else "related"
    return (
        f'<div class="fc-review fc-review-{kind}" style="margin-top:8px;padding:6px 8px;'
        'background:#f2f4f7;border-radius:4px;font-size:0.85em">'
        f"<b>{head}</b>: {esc(r.rating)}"
        + (f" · {by}" if by else "")
        + link
        + f' · similarity {m.similarity:.2f}<div class="fc-review-claim">“{esc(r.claim)}”</div>'
        + why
        + "</div>"
    )


def legend() -> str:
    items = "".join(
        f'<span style="background:{bg};border-bottom:3px solid {fg};padding:1px 6px;'
        f'margin-right:8px">{NAMES[lab]}</span>'
        for lab, (fg, bg) in COLOURS.items()
    )
    return f'<div class="fc-legend">{items}</div>'


def article_html(report: Report) -> str:
    """The article with each checked claim highlighted in its verdict's colour."""
    text = report.text
    out, pos = [], 0
    for i, v in enumerate(sorted(report.verdicts, key=lambda v: v.claim.span)):
        s, e = v.claim.span
        if s < pos:
            continue
        fg, bg = COLOURS[v.label]
        out += [
            esc(text[pos:s]),
            f'<mark class="fc-claim-mark" data-label="{v.label.value}" data-index="{i}" '
            f'title="{esc(NAMES[v.label])}: {esc(v.rationale)}" '
            f'style="background:{bg};border-bottom:3px solid {fg}">',
            esc(text[s:e]),
            "</mark>",
        ]
        pos = e
    out.append(esc(text[pos:]))
    body = "".join(out).replace("\n", "<br>")
    return legend() + f'<div class="fc-article" style="line-height:1.6">{body}</div>'


def claims_table(report: Report) -> list[list[Any]]:
    rows = []
    for i, v in enumerate(sorted(report.verdicts, key=lambda v: v.claim.span)):
        sources = sorted(
            {
                e.passage.title or e.passage.source_id
                for e in v.evidence
                if e.stance.value != "NEUTRAL"
            }
        )
        rows.append(
            [i + 1, v.claim.text, NAMES[v.label], round(v.confidence, 2), "; ".join(sources)]
        )
    return rows
