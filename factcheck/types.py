"""Frozen dataclasses that flow between the stages, and the two label enums.

This module imports nothing else from the package, so every stage can depend on it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from enum import Enum, StrEnum
from typing import Any, Literal, NamedTuple


class Label(StrEnum):
    """The verdict on one claim."""

    SUPPORTED = "SUPPORTED"
    REFUTED = "REFUTED"
    NOT_ENOUGH_INFO = "NOT_ENOUGH_INFO"
    CONFLICTING = "CONFLICTING"


class Stance(StrEnum):
    """What one passage says about one claim."""

    SUPPORTS = "SUPPORTS"
    REFUTES = "REFUTES"
    NEUTRAL = "NEUTRAL"


def _plain(obj: Any) -> Any:
    """Turn dataclasses, enums, dates and tuples into JSON-ready values."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, dt.date):
        return obj.isoformat()
    if isinstance(obj, (list, tuple)):
        return [_plain(x) for x in obj]
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    return obj


@dataclass(frozen=True, slots=True)
class Source:
    """One ingested document: its full text and what we know about where it came from."""

    id: str  # stable key: resolved path, URL, or caller-given name
    title: str
    text: str
    content_hash: str
    dateline: dt.date | None = None
    url: str = ""
    outlet: str = ""
    author: str = ""
    path: str = ""
    trust: float = 1.0  # 0..1, set by the editor: how much its passages count as evidence
    warnings: tuple[str, ...] = ()  # what reading it left out ("front matter 'url' is a dict")
    version: int = 0  # a NewsML-G2 item's version (0: the format has none); newer replaces
    # How its numeric dates read ("dmy", "mdy"), from its front matter; "": the setting's.
    date_order: str = ""

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = _plain(self)
        d.pop("text")
        return d


WINDOW = "+"  # joins the ids of two adjacent passages read as one (pipeline/retrieval.py)


class QuoteRun(NamedTuple):
    """A quotation that runs over several passages of a source (nlp/quote_runs.py), by
    the ids of the passages where its speaker may be named: the one before the run, the
    run's first and its last ("" where there is none)."""

    before: str
    first: str
    last: str

    def encode(self) -> str:
        return ",".join(self)

    @classmethod
    def decode(cls, text: str) -> QuoteRun | None:
        parts = text.split(",") if text else []
        return cls(*parts) if len(parts) == 3 and parts[1] else None


@dataclass(frozen=True, slots=True)
class Passage:
    """A slice of a source (one or a few sentences); ``text == source.text[start:end]``."""

    id: str
    text: str
    source_id: str
    title: str
    start: int
    end: int
    dateline: dt.date | None = None
    url: str = ""
    score: float | None = None
    prev_id: str = ""  # the passages before and after it in its source ("" at the ends)
    next_id: str = ""
    # its source's lead (the first passage that is not the headline; "" for the lead
    # itself): news copy names its subjects there and then writes "the aircraft"
    lead_id: str = ""
    trust: float = 1.0  # its source's trust, 0..1: weights its evidence in a verdict
    date_order: str = ""  # its source's own reading of "03/04/2021" ("": the setting's)
    # the quotation of several passages it is part of, if any: whose words it gives
    quote_run: QuoteRun | None = None
    # What the analyser read in it at ingest (nlp/facts_record.py) and that analyser's
    # fingerprint: a check reads them instead of parsing the passage again.
    facts: str = field(default="", repr=False, compare=False)
    facts_version: str = field(default="", repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = _plain(self)
        d.pop("facts", None)
        d.pop("facts_version", None)
        d.pop("quote_run", None)
        return d


class ValueKind(StrEnum):
    """What a :class:`Value` is."""

    QUANTITY = "quantity"  # a count or a measure: "100,000 troops", "40 km"
    MONEY = "money"
    PERCENT = "percent"
    DURATION = "duration"  # in seconds
    DATE = "date"
    ORDINAL = "ordinal"  # "their second call"
    ENTITY = "entity"  # a name: person, place, organisation, ...
    INVALID = "invalid"  # looks like a value but cannot be one: "February 30", "1e400"


NUMERIC_KINDS = frozenset(
    [ValueKind.QUANTITY, ValueKind.MONEY, ValueKind.PERCENT, ValueKind.DURATION]
)
Grain = Literal["", "day", "week", "month", "year", "decade"]
DurationRole = Literal["", "length", "span", "record", "ahead", "offset", "age", "between", "rate"]


@dataclass(frozen=True, slots=True)
class Value:
    """One normalised value found in a text, with its span in that text.

    Numbers are intervals ``[low, high]`` (a hedge such as "around" or "more than" widens
    them); durations are in seconds; dates are ISO bounds in ``date_from``/``date_to``.
    Each field has one meaning, whatever the kind; fields a kind does not use stay empty.
    """

    kind: ValueKind
    text: str
    span: tuple[int, int]
    low: float | None = None
    high: float | None = None
    unit: str = ""  # a measure's dimension ("m", "kg"), a currency code, "%" / "pp", "second"
    hedge: str = ""  # "around", "more than", "range", ...
    noun: str = ""  # what a count or an ordinal counts ("troop", "call"), from the parse
    date_from: str = ""
    date_to: str = ""
    grain: Grain = ""  # a date's precision
    # a duration: an event's length, a window, an offset between events, or someone's age
    role: DurationRole = ""
    name: str = ""  # an entity's normalised name ("united states")
    entity_type: str = ""  # an entity's type: PERSON, GPE, ORG, NORP, ...
    note: str = ""  # kind INVALID: why the text cannot be read as a value

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"kind": self.kind.value, "text": self.text, "span": list(self.span)}
        if self.kind == ValueKind.INVALID:
            d["normalized"] = {"reason": self.note}
        elif self.kind == ValueKind.DATE:
            d["normalized"] = {"from": self.date_from, "to": self.date_to, "grain": self.grain}
        elif self.kind == ValueKind.ENTITY:
            d["normalized"] = {"label": self.entity_type, "name": self.name}
        else:
            d["normalized"] = {
                "low": self.low,
                "high": self.high,
                "unit": self.unit,
                "hedge": self.hedge,
            }
            if self.noun:
                d["normalized"]["counts"] = self.noun
            if self.role:
                d["normalized"]["role"] = self.role
        return d


@dataclass(frozen=True, slots=True)
class Claim:
    """A checkable statement, with its span in the article it came from."""

    id: str
    text: str
    span: tuple[int, int]
    kinds: tuple[str, ...] = ()
    score: float = 1.0
    attribution: str | None = None
    values: tuple[Value, ...] = ()
    dateline: dt.date | None = None
    article_id: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "span": list(self.span),
            "kinds": list(self.kinds),
            "score": round(self.score, 3),
            "attribution": self.attribution,
            "values": [v.to_dict() for v in self.values],
            "dateline": self.dateline.isoformat() if self.dateline else None,
        }


@dataclass(frozen=True, slots=True)
class Evidence:
    """One passage's stance on one claim, with the spans that decided it."""

    passage: Passage
    stance: Stance
    weight: float
    rationale: str
    claim_spans: tuple[tuple[int, int], ...] = ()
    passage_spans: tuple[tuple[int, int], ...] = ()
    attribution: str | None = None
    relatedness: float = 0.0  # how much of the claim the passage is about (words, names)
    # a contradicting figure or date that attaches to the same event word as the claim's
    # ("spoke for 90 minutes" / "a 50-minute phone discussion")
    same_event: bool = False
    # compared only as a near-restatement that names others of the claim's kind in their
    # place ("the depot in Southmere" for "the depot in Northgate"): set aside when a
    # passage that holds the claim's own names takes a stance
    names_instead: bool = False
    competing: bool = False  # another speaker's account of the same statement (same source)
    speaker: str = ""  # whose words the passage gives the claim's content as ("": narration)
    agreeing: int = 0  # how many of the claim's figures, dates and names it states alike
    of_its_time: bool = True  # about the claim's time (corroborate.of_the_claims_time)

    def to_dict(self) -> dict[str, Any]:
        p = self.passage
        return {
            "source": p.title or p.source_id,
            "source_id": p.source_id,
            "text": p.text,
            "span": [p.start, p.end],
            "matched_spans": [[p.start + a, p.start + b] for a, b in self.passage_spans],
            "claim_spans": [list(s) for s in self.claim_spans],
            "stance": self.stance.value,
            "score": None if p.score is None else round(p.score, 4),
            "weight": round(self.weight, 4),
            "dateline": p.dateline.isoformat() if p.dateline else None,
            "url": p.url,
            "attribution": self.attribution,
            "speaker": self.speaker or None,
            "relatedness": round(self.relatedness, 4),
            "rationale": self.rationale,
        }


@dataclass(frozen=True, slots=True)
class Verdict:
    """The verdict on one claim and the evidence behind it, strongest first."""

    claim: Claim
    label: Label
    confidence: float
    rationale: str
    evidence: tuple[Evidence, ...] = ()
    provenance: Provenance | None = None
    previous_reviews: tuple[ReviewMatch, ...] = ()  # earlier verdicts on this claim or kin
    claimed_speaker: str = ""  # who the claim says said it ("Putin said ..."), if anyone
    source_speaker: str = ""  # whose words the deciding source gives it as

    def to_dict(self) -> dict[str, Any]:
        d = {
            "claim": self.claim.text,
            "claim_span": list(self.claim.span),
            "label": self.label.value,
            "confidence": round(self.confidence, 3),
            "rationale": self.rationale,
            "attribution": self.claim.attribution,
            "claimed_speaker": self.claimed_speaker or None,
            "source_speaker": self.source_speaker or None,
            "values": [v.to_dict() for v in self.claim.values],
            "evidence": [e.to_dict() for e in self.evidence],
        }
        if self.provenance is not None:
            d["provenance"] = self.provenance.to_dict()
        d["previous_reviews"] = [m.to_dict() for m in self.previous_reviews]
        return d


@dataclass(frozen=True, slots=True)
class Review:
    """An earlier verdict on a claim: a ClaimReview read from a file, or a check remembered.

    ``rating`` is the reviewer's own words ("False", "Mostly true"); ``rating_value`` the
    numeric rating on the reviewer's scale from ``worst_rating`` to ``best_rating``."""

    id: str
    claim: str
    rating: str
    rating_value: float | None = None
    best_rating: float | None = None
    worst_rating: float | None = None
    author: str = ""
    date: dt.date | None = None
    url: str = ""
    origin: str = ""  # the file it was imported from, or "factcheck" for a remembered check

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = _plain(self)
        return d


@dataclass(frozen=True, slots=True)
class ReviewMatch:
    """A stored review close to a claim: the same claim, or a related one whose figures,
    dates, names or polarity differ (``reason`` says how)."""

    review: Review
    similarity: float
    same_claim: bool
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        r = self.review
        return {
            "id": r.id,
            "claim": r.claim,
            "rating": r.rating,
            "rating_value": r.rating_value,
            "author": r.author,
            "date": r.date.isoformat() if r.date else None,
            "url": r.url,
            "similarity": round(self.similarity, 4),
            "same_claim": self.same_claim,
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class Provenance:
    """What produced a verdict (see provenance.py)."""

    package: str  # "factcheck 0.1.0"
    model: str  # stance model name, an LLM's name, or "rules only"
    model_sha256: str = ""  # first 16 hex digits over the weight files
    thresholds: str = ""  # "t-" + hash of the thresholds and verdict rules
    prompt: str = ""  # the LLM judge's prompt version, when it ran

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = _plain(self)
        return d


@dataclass(frozen=True, slots=True)
class Report:
    """Every verdict for one article (or one ad-hoc claim)."""

    article_id: str
    verdicts: tuple[Verdict, ...]
    prompts: tuple[str, ...] = ()
    dateline: dt.date | None = None
    text: str = field(default="", repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.article_id,
            "dateline": self.dateline.isoformat() if self.dateline else None,
            "prompts": list(self.prompts),
            "verdicts": [v.to_dict() for v in self.verdicts],
        }


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What one ingest call did, file by file."""

    files: int = 0
    added: int = 0
    unchanged: int = 0
    replaced: int = 0
    resumed: int = 0  # an interrupted ingest of the same text, completed
    removed: int = 0  # stored sources withdrawn (NewsML-G2 items canceled or withheld)
    passages: int = 0
    seconds: float = 0.0
    errors: tuple[tuple[str, str], ...] = ()  # (path, message)
    warnings: tuple[str, ...] = ()  # ingested, but something was left out (names the file)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = _plain(self)
        return d


@dataclass(frozen=True, slots=True)
class ReviewImport:
    """What one ``reviews import`` did: reviews stored, already there, and bad records."""

    files: int = 0
    added: int = 0
    unchanged: int = 0
    errors: tuple[tuple[str, str], ...] = ()  # (file and record, message)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = _plain(self)
        return d


@dataclass(frozen=True, slots=True)
class StanceProbs:
    """A stance model's probabilities for (passage, claim)."""

    supports: float
    refutes: float
    neutral: float


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """One stored source as ``factcheck sources`` lists it."""

    id: str
    title: str
    passages: int
    dateline: dt.date | None
    url: str = ""
    trust: float = 1.0
    version: int = 0  # a NewsML-G2 item's stored version (0: the format has none)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "passages": self.passages,
            "dateline": self.dateline.isoformat() if self.dateline else None,
            "url": self.url,
            "trust": self.trust,
            "version": self.version,
        }
