"""The types between the two steps of a comparison: the rules' :class:`Assessment` of
(claim, passage), the stance model's :class:`StanceProbs`, and the :class:`Comparison`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from factcheck.nlp.facts import TextFacts
from factcheck.nlp.speech import QuoteRunFacts
from factcheck.rules.align import ValueCheck
from factcheck.types import Stance, Value


@dataclass(frozen=True, slots=True)
class Comparison:
    """What one passage says about one claim, the spans that decided it and why."""

    stance: Stance
    weight: float
    rationale: str
    claim_spans: tuple[tuple[int, int], ...]
    passage_spans: tuple[tuple[int, int], ...]
    checks: tuple[ValueCheck, ...] = ()
    relatedness: float = 0.0
    speaker: str = ""  # whose words the passage gives the claim's content as ("" narration)
    rule: str = ""  # the rule that decided it (compare.RULES, compare.MODEL_RULES)
    names_instead: bool = False  # Assessment.names_instead: about other names, maybe


@dataclass(frozen=True, slots=True)
class Assessment:
    """What the rules alone find about (claim, passage): the first of the two steps of
    :func:`compare`. ``needs_model`` says whether the stance model could change the outcome;
    the chain scores only those pairs (the model is the costliest step of a check)."""

    claim: TextFacts
    passage: TextFacts
    similarity: float
    overlap: float
    topical: bool  # topical without the model's help
    names_ok: bool  # the claim's names are there, or the passage nearly restates it
    checks: tuple[ValueCheck, ...]
    unverified: tuple[Value, ...]  # the claim's figures and dates that no check matched
    claim_spans: tuple[tuple[int, int], ...]
    passage_spans: tuple[tuple[int, int], ...]
    relatedness: float
    decided: Comparison | None  # the outcome, when no model score can change it
    context: TextFacts | None = None  # the passage before it in its source
    claim_date: dt.date | None = None  # the claim's dateline
    passage_date: dt.date | None = None  # the passage's article's dateline
    headline: frozenset[str] = frozenset()  # the words of the passage's article's title
    # The claim's names are missing and others of their kind stand in their place; only the
    # near-restatement let the passage be compared ("the depot in Southmere" for the
    # claim's "depot in Northgate"): verdict.decide sets it aside when a passage holding
    # the claim's own names has a stance.
    names_instead: bool = False
    # The claim's names that neither the passage nor its context (the passage before it,
    # the article's headline and lead) has; ``unnamed`` leaves out those inside a figure.
    missing_names: tuple[Value, ...] = ()
    unnamed: tuple[Value, ...] = ()
    # the claim's clauses the passage says in other words (pipeline/meaning.py)
    meant: frozenset[str] = frozenset()
    # a quotation of several passages the passage is inside: the facts of the passage
    # before it, its first and its last, where its speaker is named (nlp/speech.py)
    run: QuoteRunFacts | None = None
    # the passages before ``context`` in its source, nearest first, where a pronoun speaker
    # ("He added ...") is looked for when the passage before names no one (nlp/speech.py)
    earlier: tuple[TextFacts, ...] = ()
    lead: TextFacts | None = None  # its article's lead, where copy names a person in full

    @property
    def needs_model(self) -> bool:
        return self.decided is None


def neutral(a: Assessment, rationale: str, *, checks: bool = True) -> Comparison:
    """A pair that neither supports nor refutes, with its spans and relatedness kept."""
    return Comparison(
        stance=Stance.NEUTRAL,
        weight=0.0,
        rationale=rationale,
        claim_spans=a.claim_spans,
        passage_spans=a.passage_spans,
        checks=a.checks if checks else (),
        relatedness=a.relatedness,
    )


def contradicted(a: Assessment, rationale: str, weight: float) -> Comparison:
    """A pair the rules read as a contradiction of wording (a negated predicate, an
    evaluation of the other sign), with the assessment's spans and relatedness kept."""
    return Comparison(
        stance=Stance.REFUTES,
        weight=weight,
        rationale=rationale,
        claim_spans=a.claim_spans,
        passage_spans=a.passage_spans,
        checks=a.checks,
        relatedness=a.relatedness,
    )
