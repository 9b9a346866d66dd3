"""Two adjacent sentences read as one (pipeline/retrieval.py `windows`, issue #28): how a
window is made, and what it may decide (rules/corroborate.py `window_reading`)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from factcheck.pipeline.retrieval import joined
from factcheck.rules.align import align
from factcheck.rules.assessment import Comparison
from factcheck.rules.corroborate import as_compared
from factcheck.types import WINDOW, Passage, QuoteRun, Stance


def _p(pid: str, text: str, start: int, **kw) -> Passage:
    return Passage(
        id=pid, text=text, source_id="s", title="T", start=start, end=start + len(text), **kw
    )


def test_a_window_spans_both_passages_with_the_sources_offsets():
    a = _p("a", "Lena Ostrova, 34, was arrested.", 0, prev_id="z", lead_id="l", trust=0.9)
    b = _p("b", "She was released on bail.", 33, next_id="c", quote_run=QuoteRun("", "b", "c"))
    w = joined(a, b, 0.7)
    assert w.id == f"a{WINDOW}b" and (w.start, w.end) == (0, b.end)
    assert w.text == a.text + "  " + b.text and len(w.text) == w.end - w.start
    assert (w.prev_id, w.next_id, w.lead_id, w.trust, w.score) == ("z", "c", "l", 0.9, 0.7)
    assert w.quote_run is None and not w.facts


def _c(stance: Stance, rule: str) -> Comparison:
    return Comparison(
        stance=stance, weight=0.8, rationale="r", claim_spans=(), passage_spans=(), rule=rule
    )


@pytest.mark.parametrize(
    ("stance", "rule", "counts"),
    [
        (Stance.SUPPORTS, "values_match", Stance.SUPPORTS),  # its figures and dates stated
        (Stance.SUPPORTS, "verbatim_statement", Stance.SUPPORTS),  # its figures too
        (Stance.SUPPORTS, "model_support", Stance.NEUTRAL),  # the wording of a pair: no
        (Stance.SUPPORTS, "words_support", Stance.NEUTRAL),
        (Stance.REFUTES, "figure_mismatch", Stance.NEUTRAL),  # never disputes alone
    ],
)
def test_a_window_supports_by_its_figures_only_and_never_disputes(analyzer, stance, rule, counts):
    claim = analyzer.analyze("Ostrova, 34, was released on $5,000 bail.")
    pair = analyzer.analyze("Ostrova, 34, was arrested. She was released on $5,000 bail.")
    checks = align(claim, pair)
    assert len(checks) == 2
    c = replace(_c(stance, rule), checks=tuple(checks))
    assert as_compared(c, f"a{WINDOW}b", set(), claim).stance == counts
    # a passage of its own keeps what it said; a follow-on sentence only completes
    assert as_compared(c, "a", set(), claim).stance == stance
    follow = Stance.NEUTRAL if stance == Stance.REFUTES else stance
    assert as_compared(c, "a", {"a"}, claim).stance == follow


def test_a_window_does_not_support_a_claim_of_one_figure(analyzer):
    # one figure: one sentence states it, or the pair adds what the claim adds
    claim = analyzer.analyze("The state paid $10 million, with the backing of Orbis.")
    pair = analyzer.analyze("The state paid $10 million. Orbis backed the loans.")
    c = replace(_c(Stance.SUPPORTS, "values_match"), checks=tuple(align(claim, pair)))
    assert as_compared(c, f"a{WINDOW}b", set(), claim).stance == Stance.NEUTRAL


@pytest.mark.parametrize(
    ("claim", "sentence", "disputes"),
    [
        # another of the claim's figures stated as it has it, the differing one on the
        # same event word: one event, said otherwise
        (
            "Lena Ostrova took three months off in early 2009.",
            "Lena Ostrova fought cancer in 2004 and took six months off in early 2009.",
            True,
        ),
        # nothing else of the claim stated there: another thing, as likely
        (
            "Lena Ostrova took three months off in early 2009.",
            "Lena Ostrova took six months off.",
            False,
        ),
        # a date said relative to its own report ("on Monday") pins nothing
        (
            "On 19 March 2007 one A380 was flying to Chicago with about 500 people.",
            "On Monday one A380 was flying to Chicago with about 500 people.",
            False,
        ),
    ],
)
def test_a_follow_on_sentence_disputes_only_when_it_pins_the_claims_event(
    analyzer, claim, sentence, disputes
):
    import datetime as dt

    from factcheck.rules.compare import compare

    day = dt.date(2011, 1, 17)
    c, s = analyzer.analyze(claim, day), analyzer.analyze(sentence, dt.date(2007, 3, 26))
    got = compare(c, s, 0.6, None)
    assert got.stance == Stance.REFUTES and got.rule == "figure_mismatch"  # on its own
    want = Stance.REFUTES if disputes else Stance.NEUTRAL
    assert as_compared(got, "a", {"a"}, c).stance == want  # as a follow-on sentence


def test_a_follow_on_sentence_with_the_same_figures_going_the_other_way_disputes(analyzer):
    import datetime as dt

    from factcheck.rules.compare import compare

    day = dt.date(2010, 1, 28)
    claim = analyzer.analyze("In 2008 Kestrel Motors posted a profit of $15 billion.", day)
    for sentence, want in [
        ("In 2008, Kestrel Motors posted a loss of $15 billion.", True),
        ("Kestrel Motors once posted a loss of $15 billion.", False),  # nothing else pins it
    ]:
        got = compare(claim, analyzer.analyze(sentence, day), 0.6, None)
        assert got.stance == Stance.REFUTES and got.rule == "direction_flip", sentence
        counts = as_compared(got, "a", {"a"}, claim).stance
        assert counts == (Stance.REFUTES if want else Stance.NEUTRAL), sentence
