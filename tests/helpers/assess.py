"""The rule half of a comparison, from two texts: what the rule tests feed their rules."""

from __future__ import annotations

import datetime as dt
from typing import Any

from factcheck.rules.compare import assess
from factcheck.thresholds import DEFAULT, Thresholds


def assessed(
    analyzer: Any,
    claim: str,
    passage: str,
    sim: float = 0.6,
    *,
    claim_date: dt.date | None = None,
    passage_date: dt.date | None = None,
    context: str | None = None,
    title: str = "",
    lead: str | None = None,
    article: tuple[str, ...] = (),
    t: Thresholds = DEFAULT,
) -> tuple[Any, Thresholds]:
    """(the Assessment of claim x passage, the thresholds it was made with); ``context`` is
    the passage before and ``lead`` its article's lead, ``article`` the article's passages
    before it (nearest first), read with the passage's dateline."""
    a = assess(
        analyzer.analyze(claim, claim_date),
        analyzer.analyze(passage, passage_date),
        sim,
        t,
        analyzer.analyze(context, passage_date) if context else None,
        claim_date=claim_date,
        passage_date=passage_date,
        title=title,
        lead=analyzer.analyze(lead, passage_date) if lead else None,
        article=tuple(analyzer.analyze(x, passage_date) for x in article),
    )
    return a, t


def rule_stance(
    analyzer: Any, claim: str, passage: str, day: dt.date, **kw: Any
) -> tuple[Any, str]:
    """(stance, rationale) of the rules alone, as benchmarks/rule_reviews.py runs them: the
    claim and the passage both of ``day``, no stance model, concluded as a check concludes
    (a rule's verdict read for whose words it is in)."""
    from factcheck.rules.compare import conclude

    a, t = assessed(analyzer, claim, passage, 0.75, claim_date=day, passage_date=day, **kw)
    out = conclude(a, None, t)
    return out.stance, out.rationale
