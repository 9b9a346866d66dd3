"""A claim that says a thing was done, where the source says only that it may be done or is
planned, proposed or expected ("Veltrop cut 500 jobs" / "Veltrop plans to cut 500 jobs";
"the board approved the merger" / "the board may approve the merger"): the figures and
the words are the same, but the source does not say it happened. Pure code over the
predicates each text asserts and gives only as possible (nlp/polarity.polar)."""

from __future__ import annotations

import re

from factcheck.nlp.dates import date_patterns
from factcheck.rules.assessment import Assessment, Comparison, neutral
from factcheck.rules.opposites import same_frame
from factcheck.thresholds import Thresholds


def only_possible(a: Assessment, t: Thresholds) -> Comparison | None:
    """A predicate the claim asserts (or negates) and the passage gives only as possible
    or intended, of the same arguments, and neither asserts nor negates elsewhere: neutral
    (the source does not say it was done, nor that it was not: "the governor will not
    pardon them" / "the governor may pardon them"); one the claim asserts and the passage
    has only as denied ("met the buyers" / "denied that he had met the buyers"): neutral
    too (the speaker's word against another's). Not where the claim hedges too, nor
    where it tells of the future and the source of a plan or a schedule ("will vote on
    Friday" of "is expected to vote on Friday"; not of "may vote")."""
    claim, passage = a.claim, a.passage
    c_yes, c_no, c_maybe, _ = claim.polar
    p_yes, p_no, p_maybe, p_denied = passage.polar
    vocab = claim.vocabulary
    hedges = vocab.intentions | vocab.tentative_verbs | vocab.hedge_modals
    words = {lem for lem, _, _ in claim.spans} | set(claim.text.lower().split())
    tried = rf"\b(?:{'|'.join(map(re.escape, vocab.tentative_nouns))})s?\s+to\s"
    if c_maybe or words & hedges or re.search(tried, claim.text, re.I):
        return None  # the claim hedges too (a parse may hang its verb elsewhere)
    dates = date_patterns(vocab)
    ahead = dates.future.search(claim.text) or words & set(vocab.future_in_past)
    if ahead and dates.future.search(passage.text):
        return None  # "will vote on Friday" of "is expected to vote on Friday": scheduled
    found = sorted(
        x
        for x in ((c_yes | c_no) & p_maybe | c_yes & p_denied) - p_yes - p_no
        if " " not in x and x in claim.predicates and same_frame(x, claim, passage)
    )
    if not found or a.overlap < t.negation_overlap:
        return None
    x = found[0]
    if x in p_denied and x not in p_maybe:  # "met them" of "denied that he had met them"
        return neutral(a, f"the source reports {x!r} denied or disputed, not as done")
    done = "not done" if x in c_no else "done"
    return neutral(a, f"the source gives {x!r} only as possible or planned, not as {done}")
