"""Read earlier verdicts: schema.org ClaimReview in JSON-LD, and CSV.

JSON-LD may be one object, a list, an ``@graph``, or one object per line (the project's
own ``--format claimreview`` output reads back). CSV needs a claim column and a verdict
column; url, date and author are optional. A bad record is reported by position with what
is wrong with it; the rest are read.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.errors import InputError
from factcheck.sources.hygiene import clean_claim
from factcheck.sources.readers import decode_bytes, read_bytes
from factcheck.types import Review

# CSV headers a newsroom's sheet may use for each field (compared in lower case).
CSV_COLUMNS = {
    "claim": ("claim", "claimreviewed", "claim_reviewed", "statement"),
    "rating": ("verdict", "rating", "label", "textualrating", "alternatename"),
    "url": ("url", "review_url", "link"),
    "date": ("date", "datepublished", "date_published", "review_date"),
    "author": ("author", "reviewer", "publisher", "fact_checker"),
    "rating_value": ("rating_value", "ratingvalue", "score"),
}
# A verdict in ClaimReview words (alternateName) and on its 1-5 scale (ratingValue): what
# our ClaimReview output writes, and what our own labels in a CSV are read as.
ALTERNATE_NAME = {
    "SUPPORTED": "True",
    "REFUTED": "False",
    "CONFLICTING": "Mixed",
    "NOT_ENOUGH_INFO": "Unproven",
}
RATING = {"SUPPORTED": 5, "CONFLICTING": 3, "NOT_ENOUGH_INFO": 3, "REFUTED": 1}
_OWN = {label: (ALTERNATE_NAME[label], float(RATING[label])) for label in ALTERNATE_NAME}
MAX_CLAIM_CHARS = 2000


@dataclass(frozen=True, slots=True)
class ReviewFile:
    """What one file held: its reviews, and an error per record that could not be read."""

    path: str
    reviews: tuple[Review, ...]
    errors: tuple[tuple[str, str], ...]  # (where: "file#record 3", message)


def review_id(claim: str, rating: str, author: str, date: dt.date | None, url: str) -> str:
    """A content key: the same review imported twice is stored once."""
    key = "\x1f".join(
        [" ".join(claim.lower().split()), rating.lower(), author.lower(), str(date or ""), url]
    )
    return "r" + hashlib.sha256(key.encode()).hexdigest()[:20]


def make_review(
    claim: str,
    rating: str,
    *,
    rating_value: float | None = None,
    best_rating: float | None = None,
    worst_rating: float | None = None,
    author: str = "",
    date: dt.date | None = None,
    url: str = "",
    origin: str = "",
) -> Review:
    """A Review with a cleaned claim and its content id; InputError when it cannot be one."""
    text = clean_claim(claim)
    if not text:
        raise InputError("the claim is empty")
    if len(text) > MAX_CLAIM_CHARS:
        raise InputError(f"the claim is {len(text):,} characters (at most {MAX_CLAIM_CHARS:,})")
    rating = " ".join(rating.split())
    if not rating and rating_value is None:
        raise InputError("no rating: give reviewRating.alternateName or ratingValue")
    if not rating:
        rating = f"{rating_value:g}" + (f"/{best_rating:g}" if best_rating is not None else "")
    author, url = " ".join(author.split()), url.strip()
    return Review(
        id=review_id(text, rating, author, date, url),
        claim=text,
        rating=rating,
        rating_value=rating_value,
        best_rating=best_rating,
        worst_rating=worst_rating,
        author=author,
        date=date,
        url=url,
        origin=origin,
    )


def read_reviews(path: Path, *, name: str | None = None) -> ReviewFile:
    """Every review in one file. Raises InputError only when the file as a whole cannot be
    read (missing, not text, neither JSON nor CSV); bad records are in ``errors``."""
    label = name or str(path)
    try:
        raw = read_bytes(path)
    except InputError as ex:
        raise InputError(str(ex).replace(str(path), label, 1)) from None
    text = decode_bytes(raw, label)
    return parse_reviews(text, label, csv_hint=path.suffix.lower() in (".csv", ".tsv"))


def parse_reviews(text: str, origin: str, *, csv_hint: bool = False) -> ReviewFile:
    """Reviews from a file's text (see ``read_reviews``)."""
    if not text.strip():
        raise InputError(f"{origin}: the file is empty")
    if csv_hint:
        return _from_csv(text, origin)
    try:
        doc = json.loads(text)
    except RecursionError:
        raise InputError(f"{origin}: JSON nested too deeply to be a review file") from None
    except json.JSONDecodeError as whole:
        lines = [(i, ln) for i, ln in enumerate(text.splitlines(), 1) if ln.strip()]
        if lines and lines[0][1].lstrip().startswith("{"):
            return _from_json_lines(lines, origin)
        if _looks_like_csv(text):
            return _from_csv(text, origin)
        raise InputError(
            f"{origin}: not JSON ({whole.msg} at line {whole.lineno}, column {whole.colno}) "
            "and not a CSV with a claim column"
        ) from None
    reviews: list[Review] = []
    errors: list[tuple[str, str]] = []
    try:
        for n, (where, obj) in enumerate(_records(doc), 1):
            _take(obj, f"{origin}#{where or n}", origin, reviews, errors)
    except RecursionError:
        raise InputError(f"{origin}: JSON nested too deeply to be a review file") from None
    if not reviews and not errors:
        errors.append((origin, "no ClaimReview records in it"))
    return ReviewFile(origin, tuple(reviews), tuple(errors))


def _from_json_lines(lines: list[tuple[int, str]], origin: str) -> ReviewFile:
    reviews: list[Review] = []
    errors: list[tuple[str, str]] = []
    for lineno, line in lines:
        try:
            doc = json.loads(line)
            for n, (where, obj) in enumerate(_records(doc), 1):
                label = f"{origin}:{lineno}" + (f"#{where or n}" if where or n > 1 else "")
                _take(obj, label, origin, reviews, errors)
        except json.JSONDecodeError as ex:
            errors.append((f"{origin}:{lineno}", f"not JSON ({ex.msg})"))
        except RecursionError:
            errors.append((f"{origin}:{lineno}", "JSON nested too deeply"))
    return ReviewFile(origin, tuple(reviews), tuple(errors))


def _records(doc: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """The ClaimReview candidates in a JSON document, with where each sits."""
    if isinstance(doc, list):
        for i, item in enumerate(doc, 1):
            yield from _records(item, f"{path}[{i}]" if path else f"record {i}")
    elif isinstance(doc, dict) and "@graph" in doc and "claimReviewed" not in doc:
        yield from _records(doc["@graph"], path + "@graph" if path else "@graph")
    else:
        yield path, doc


def _take(obj: Any, where: str, origin: str, out: list[Review], errors: list[Any]) -> None:
    try:
        out.append(review_from_jsonld(obj, origin))
    except InputError as ex:
        errors.append((where, str(ex)))


def _text(obj: dict[str, Any], key: str) -> str:
    v = obj.get(key)
    if v is None:
        return ""
    if not isinstance(v, str):
        raise InputError(f"{key} must be text, not {_kind(v)}")
    return v


def _kind(v: Any) -> str:
    return {dict: "an object", list: "a list", bool: "true/false"}.get(type(v), type(v).__name__)


def _name(v: Any, key: str) -> str:
    """A schema.org Person/Organization as a name: text, {name: ...}, or a list of them."""
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    if isinstance(v, dict):
        name = v.get("name", "")
        if not isinstance(name, str):
            raise InputError(f"{key}.name must be text, not {_kind(name)}")
        return name
    if isinstance(v, list):
        return ", ".join(n for n in (_name(x, key) for x in v) if n)
    raise InputError(f"{key} must be a name or an object with a name, not {_kind(v)}")


def _number(v: Any, key: str) -> float | None:
    if v is None or v == "":
        return None
    if isinstance(v, bool):
        raise InputError(f"{key} must be a number, not true/false")
    if isinstance(v, int | float):
        return float(v)
    if isinstance(v, str):
        try:
            return float(v)
        except ValueError:
            pass
    raise InputError(f"{key} must be a number, not {v!r:.40}")


def parse_date(v: Any, key: str) -> dt.date | None:
    """An ISO date or date-time ("2021-12-31", "2021-12-31T10:00:00Z"); None when absent."""
    if v is None or v == "":
        return None
    if not isinstance(v, str):
        raise InputError(f"{key} must be an ISO date, not {_kind(v)}")
    try:
        return dt.date.fromisoformat(v.strip()[:10])
    except ValueError:
        raise InputError(f"{key} {v!r:.40} is not a date (use YYYY-MM-DD)") from None


def review_from_jsonld(obj: Any, origin: str = "") -> Review:
    """One schema.org ClaimReview object as a Review (InputError naming what is wrong)."""
    if not isinstance(obj, dict):
        raise InputError(f"a ClaimReview must be a JSON object, not {_kind(obj)}")
    kind = obj.get("@type", "ClaimReview")
    kinds = kind if isinstance(kind, list) else [kind]
    if "ClaimReview" not in kinds:
        raise InputError(f"@type is {kind!r}, not ClaimReview")
    claim = _text(obj, "claimReviewed")
    if not claim.strip():
        raise InputError("no claimReviewed")
    rating = obj.get("reviewRating")
    if isinstance(rating, list):
        rating = rating[0] if rating else None
    if rating is None:
        raise InputError("no reviewRating")
    if not isinstance(rating, dict):
        raise InputError(f"reviewRating must be an object, not {_kind(rating)}")
    url = _text(obj, "url")
    if not url and isinstance(obj.get("@id"), str) and obj["@id"].startswith("http"):
        url = obj["@id"]
    return make_review(
        claim,
        _text(rating, "alternateName"),
        rating_value=_number(rating.get("ratingValue"), "reviewRating.ratingValue"),
        best_rating=_number(rating.get("bestRating"), "reviewRating.bestRating"),
        worst_rating=_number(rating.get("worstRating"), "reviewRating.worstRating"),
        author=_name(obj.get("author"), "author"),
        date=parse_date(obj.get("datePublished"), "datePublished"),
        url=url,
        origin=origin,
    )


def _looks_like_csv(text: str) -> bool:
    first = text.lstrip("\ufeff").splitlines()[0].lower() if text.strip() else ""
    return any(h in first for h in CSV_COLUMNS["claim"]) and ("," in first or "\t" in first)


def _from_csv(text: str, origin: str) -> ReviewFile:
    csv.field_size_limit(16 * 1024 * 1024)
    text = text.lstrip("\ufeff")
    delim = "\t" if "\t" in text.splitlines()[0] and "," not in text.splitlines()[0] else ","
    rows = csv.DictReader(io.StringIO(text), delimiter=delim)
    header = {(h or "").strip().lower(): h for h in rows.fieldnames or []}
    cols = {
        f: next((header[a] for a in alts if a in header), None) for f, alts in CSV_COLUMNS.items()
    }
    if cols["claim"] is None:
        raise InputError(
            f"{origin}: no claim column (one of: {', '.join(CSV_COLUMNS['claim'])}); "
            f"the header is {', '.join(rows.fieldnames or []) or 'empty'}"
        )
    if cols["rating"] is None:
        raise InputError(
            f"{origin}: no verdict column (one of: {', '.join(CSV_COLUMNS['rating'])})"
        )
    reviews: list[Review] = []
    errors: list[tuple[str, str]] = []
    try:
        for n, row in enumerate(rows, 2):
            try:
                reviews.append(_csv_review(row, cols, origin))
            except InputError as ex:
                errors.append((f"{origin}:{n}", str(ex)))
    except csv.Error as ex:
        errors.append((f"{origin}:{rows.line_num}", f"unreadable CSV ({ex}); the rest skipped"))
    return ReviewFile(origin, tuple(reviews), tuple(errors))


def _csv_review(row: dict[str, Any], cols: dict[str, str | None], origin: str) -> Review:
    def cell(field: str) -> str:
        col = cols[field]
        v = row.get(col) if col else None
        return v.strip() if isinstance(v, str) else ""

    rating = cell("rating")
    value = _number(cell("rating_value"), "rating_value")
    best = worst = None
    own = _OWN.get(rating.upper().replace(" ", "_"))
    if own is not None:  # one of our own labels: the words and scale our exports use
        rating, value, best, worst = own[0], own[1] if value is None else value, 5.0, 1.0
    return make_review(
        cell("claim"),
        rating,
        rating_value=value,
        best_rating=best,
        worst_rating=worst,
        author=cell("author"),
        date=parse_date(cell("date"), "date"),
        url=cell("url"),
        origin=origin,
    )


def iter_review_files(paths: list[Path]) -> Iterator[Path]:
    """The files named, and the .json/.jsonld/.jsonl/.csv files under folders named."""
    suffixes = {".json", ".jsonld", ".jsonl", ".ndjson", ".csv", ".tsv"}
    for p in paths:
        if p.is_dir():
            yield from sorted(
                f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in suffixes
            )
        else:
            yield p
