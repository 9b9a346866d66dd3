"""Report formats for other tools: JSONL, CSV, Markdown and schema.org ClaimReview JSON-LD.

Every function takes rows in the JSON schema of ``Verdict.to_dict()`` (plus ``id``; a failed
row is ``{"id": ..., "error": ...}``), so a report can be rebuilt from a JSONL file.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections import Counter
from typing import Any

from factcheck.reviews.claimreview import ALTERNATE_NAME, RATING
from factcheck.sources.hygiene import csv_safe

CSV_FIELDS = [
    "id",
    "claim",
    "label",
    "confidence",
    "rationale",
    "attribution",
    "claimed_speaker",
    "source_speaker",
    "sources",
    "evidence",
    "evidence_span",
    "previous_reviews",
    "error",
]
LABEL_ORDER = ["SUPPORTED", "REFUTED", "CONFLICTING", "NOT_ENOUGH_INFO"]


def json_line(row: dict[str, Any]) -> str:
    return json.dumps(row, ensure_ascii=False)


def _best(row: dict[str, Any]) -> dict[str, Any] | None:
    ev = [e for e in row.get("evidence", []) if e.get("stance") != "NEUTRAL"]
    return ev[0] if ev else None


def csv_row(row: dict[str, Any]) -> dict[str, Any]:
    """One report row as CSV cells; cells a spreadsheet would run as formulas are
    neutralised (see ``text.csv_safe``)."""
    best = _best(row)
    sources = sorted({e["source"] for e in row.get("evidence", []) if e.get("stance") != "NEUTRAL"})
    cells = {
        "id": row.get("id", ""),
        "claim": row.get("claim", ""),
        "label": row.get("label", ""),
        "confidence": row.get("confidence", ""),
        "rationale": row.get("rationale", ""),
        "attribution": row.get("attribution") or "",
        "claimed_speaker": row.get("claimed_speaker") or "",
        "source_speaker": row.get("source_speaker") or "",
        "sources": "; ".join(sources),
        "evidence": best["text"] if best else "",
        "evidence_span": f"{best['span'][0]}-{best['span'][1]}" if best else "",
        "previous_reviews": "; ".join(review_line(m) for m in row.get("previous_reviews") or []),
        "error": row.get("error", ""),
    }
    return {k: csv_safe(v) for k, v in cells.items()}


def review_line(m: dict[str, Any]) -> str:
    """An earlier review in one line: 'Checked before: False (Desk, 2021-12-31) URL'."""
    by = ", ".join(str(x) for x in (m.get("author"), m.get("date")) if x)
    head = "Checked before" if m.get("same_claim") else "Related review"
    out = f"{head}: {m.get('rating', '')} on “{m.get('claim', '')}”" + (f" ({by})" if by else "")
    if m.get("url"):
        out += f" {m['url']}"
    if not m.get("same_claim") and m.get("reason"):
        out += f" — {m['reason']}"
    return out


def to_csv(rows: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_FIELDS)
    w.writeheader()
    for r in rows:
        w.writerow(csv_row(r))
    return buf.getvalue()


def _md(text: str) -> str:
    """Escape text for a Markdown table cell or line (no raw HTML, no table breaks)."""
    out = str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
    for ch in "<>*_`[]":
        out = out.replace(ch, "\\" + ch)
    return out


def to_markdown(rows: list[dict[str, Any]], title: str = "Fact-check report") -> str:
    counts = Counter(r.get("label", "ERROR") if "error" not in r else "ERROR" for r in rows)
    lines = [f"# {_md(title)}", "", "| verdict | claims |", "|---|---|"]
    for lab in [*LABEL_ORDER, "ERROR"]:
        if counts.get(lab):
            lines.append(f"| {lab} | {counts[lab]} |")
    lines.append(f"| **total** | {len(rows)} |")
    for i, r in enumerate(rows, 1):
        lines += ["", f"## {i}. {_md(r.get('claim', r.get('id', '')))}", ""]
        if "error" in r:
            lines.append(f"**Error:** {_md(r['error'])}")
            continue
        lines.append(f"**{r['label']}** (confidence {r['confidence']:.2f}) — {_md(r['rationale'])}")
        if r.get("claimed_speaker") or r.get("source_speaker"):
            lines.append(_md(speakers_line(r)))
        if r.get("provenance"):
            lines.append(f"*{_md(provenance_line(r['provenance']))}*")
        for e in [e for e in r.get("evidence", []) if e.get("stance") != "NEUTRAL"][:3]:
            date = f", {e['dateline']}" if e.get("dateline") else ""
            said = e.get("speaker") or e.get("attribution")
            who = f" ({_md(said)})" if said else ""
            lines.append(f"- {e['stance']}{who}: “{_md(e['text'])}” — *{_md(e['source'])}{date}*")
        for m in r.get("previous_reviews") or []:
            lines.append(f"- {_md(review_line(m))}")
    return "\n".join(lines) + "\n"


def speakers_line(row: dict[str, Any]) -> str:
    """'Claimed speaker: Putin; the source gives it to: Ushakov' (either may be missing)."""
    parts = []
    if row.get("claimed_speaker"):
        parts.append(f"Claimed speaker: {row['claimed_speaker']}")
    if row.get("source_speaker"):
        parts.append(f"the source gives it to: {row['source_speaker']}")
    elif row.get("claimed_speaker") and row.get("label") != "NOT_ENOUGH_INFO":
        parts.append("the source gives it to no speaker")
    return "; ".join(parts)


def provenance_line(p: dict[str, Any]) -> str:
    """'Checked by factcheck 0.1.0; model X (sha256 abc); thresholds t-...; prompt verify.v1'."""
    model = p.get("model", "")
    if p.get("model_sha256"):
        model += f" (sha256 {p['model_sha256']})"
    parts = [f"Checked by {p.get('package', 'factcheck')}", f"model {model}"]
    if p.get("thresholds"):
        parts.append(f"thresholds {p['thresholds']}")
    if p.get("prompt"):
        parts.append(f"prompt {p['prompt']}")
    return "; ".join(parts)


def _based_on(p: dict[str, Any]) -> list[dict[str, Any]]:
    """ClaimReview ``isBasedOn``: the software, the model and the thresholds behind it."""
    name, _, version = str(p.get("package", "factcheck")).partition(" ")
    out: list[dict[str, Any]] = [
        {"@type": "SoftwareApplication", "name": name, "softwareVersion": version}
    ]
    model: dict[str, Any] = {"@type": "CreativeWork", "name": p.get("model", "")}
    if p.get("model_sha256"):
        model["identifier"] = f"sha256:{p['model_sha256']}"
    out.append(model)
    if p.get("thresholds"):
        out.append({"@type": "CreativeWork", "name": "thresholds", "identifier": p["thresholds"]})
    if p.get("prompt"):
        out.append({"@type": "CreativeWork", "name": "prompt", "identifier": p["prompt"]})
    return out


def claim_review(
    row: dict[str, Any],
    *,
    author: str = "factcheck",
    publisher_url: str = "",
    date_published: dt.date | None = None,
) -> dict[str, Any]:
    """One schema.org ClaimReview for one checked claim."""
    label = row["label"]
    best = _best(row) or {}
    item: dict[str, Any] = {"@type": "Claim"}
    if row.get("claimed_speaker") or row.get("attribution"):
        item["author"] = {
            "@type": "Person",
            "name": row.get("claimed_speaker") or row["attribution"],
        }
    if row.get("claim_date") or best.get("dateline"):
        item["datePublished"] = row.get("claim_date") or best.get("dateline")
    if row.get("claim_source") or best.get("url") or best.get("source"):
        item["appearance"] = {
            "@type": "CreativeWork",
            "name": row.get("claim_source") or best.get("source", ""),
            **({"url": best["url"]} if best.get("url") else {}),
        }
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": row["claim"],
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": RATING[label],
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": ALTERNATE_NAME[label],
        },
        "itemReviewed": item,
        "author": {
            "@type": "Organization",
            "name": author,
            **({"url": publisher_url} if publisher_url else {}),
        },
        "datePublished": (date_published or dt.date.today()).isoformat(),
        "reviewBody": " ".join(x for x in (row.get("rationale", ""), _speakers_note(row)) if x),
    }
    if isinstance(row.get("provenance"), dict):
        review["isBasedOn"] = _based_on(row["provenance"])
    if publisher_url:
        review["url"] = f"{publisher_url.rstrip('/')}#claim-{row.get('id', '')}"
    return review


def _speakers_note(row: dict[str, Any]) -> str:
    line = speakers_line(row) if row.get("claimed_speaker") or row.get("source_speaker") else ""
    return f"({line}.)" if line else ""


def to_claimreview(rows: list[dict[str, Any]], **kw: Any) -> str:
    """A JSON-LD array of ClaimReviews (rows that failed are left out)."""
    return json.dumps(
        [claim_review(r, **kw) for r in rows if "error" not in r], indent=2, ensure_ascii=False
    )


CLAIMREVIEW_REQUIRED = (
    "@context",
    "@type",
    "claimReviewed",
    "reviewRating",
    "itemReviewed",
    "author",
    "datePublished",
)
