"""What the stance model reads of a passage: the passage alone, and, where that leaves it
undecided, the passage with the sentence it leans on (pipeline/model_reading.py)."""

from __future__ import annotations

from factcheck.pipeline.model_reading import ModelReading
from factcheck.rules.compare import DEFAULT, assess
from factcheck.rules.model_input import model_claim, model_passage, model_premise
from factcheck.types import Passage, StanceProbs

NAMED = "Ola Dahl of Tern Partners commented on the fall in ferry shares."
QUOTED = '"It\'s a rout," he said.'
CLAIM = "Ola Dahl of Tern Partners described the fall in ferry shares as a rout."


def test_a_passage_that_leans_on_the_sentence_before_is_read_with_it(analyzer):
    quoted = analyzer.analyze(QUOTED)
    assert model_premise(QUOTED, quoted, NAMED) == f"{NAMED} {QUOTED}"
    opens = "They fell 9% by noon."
    assert model_premise(opens, analyzer.analyze(opens), NAMED) == f"{NAMED} {opens}"
    # a passage that names its own subject stands alone, and so does the first one
    alone = "Tern Ferries shares fell 9% by noon."
    assert model_premise(alone, analyzer.analyze(alone), NAMED) == alone
    assert model_premise(QUOTED, quoted, None) == QUOTED


def _passage(text):
    return Passage(id=text[:8], text=text, source_id="s", title="t", start=0, end=len(text))


def test_the_sentence_before_is_read_only_where_the_passage_alone_settles_nothing(analyzer):
    claim = analyzer.analyze(CLAIM)
    texts = [QUOTED, '"It\'s a rout," he said again.']
    facts = [analyzer.analyze(x) for x in texts]
    rated = [assess(claim, f, 0.5, DEFAULT) for f in facts]
    asked = []

    def stance(pairs):
        asked.extend(pairs)
        # undecided on the quotation alone and on the sentence before alone; sure with
        # the two together
        return [
            StanceProbs(0.9, 0.05, 0.05)
            if x.startswith(f"{NAMED} ")
            else StanceProbs(0.2, 0.1, 0.7)
            if x in (QUOTED, NAMED)
            else StanceProbs(0.1, 0.8, 0.1)
            for x, _ in pairs
        ]

    got = ModelReading(stance, {}, DEFAULT)(
        [_passage(x) for x in texts], [NAMED, NAMED], facts, rated, [0, 1]
    )
    assert got[0].supports == 0.9  # read again with the sentence naming the speaker
    assert got[1].refutes == 0.8  # the passage alone settled it: not read again
    assert [x for x, _ in asked].count(f"{NAMED} {texts[1]}") == 0
    assert len(asked) == 4  # the two passages, the first with the one before, that alone


def test_a_sentence_before_that_settles_the_claim_alone_does_not_speak_for_the_passage(
    analyzer,
):
    """ "A report said Tern Ferries hid losses." / "That report is wrong, the company
    said.": the two together read as support, but the support is the first sentence's,
    which is compared on its own; the second stays what it says alone."""
    claim = analyzer.analyze("Tern Ferries hid losses from investors.")
    report = "A report said Tern Ferries hid losses from investors."
    denial = "That report is wrong, the ferry company said."
    facts = [analyzer.analyze(denial)]
    rated = [assess(claim, facts[0], 0.5, DEFAULT)]

    def stance(pairs):
        return [
            StanceProbs(0.1, 0.1, 0.8) if x == denial else StanceProbs(0.8, 0.1, 0.1)
            for x, _ in pairs
        ]

    got = ModelReading(stance, {}, DEFAULT)([_passage(denial)], [report], facts, rated, [0])
    assert got[0].neutral == 0.8


def test_a_check_asks_the_model_about_a_quotation_with_the_sentence_naming_its_speaker(
    real_checker,
):
    fc = real_checker("mr")
    fc.ingest_text(
        f"---\ntitle: Ferry shares\ndate: 2021-03-04\n---\n{NAMED}\n\n{QUOTED}\n",
        name="ferry.md",
        fmt="markdown",
    )
    asked = []

    def stance(pairs):
        asked.extend(pairs)
        return [StanceProbs(0.1, 0.1, 0.8) for _ in pairs]

    fc.pipeline.stance = stance
    fc.check(CLAIM)
    premises = {x for x, _ in asked}
    assert QUOTED in premises and f"{NAMED} {QUOTED}" in premises


def test_a_speaker_label_is_not_read_by_the_model(analyzer):
    """An interview's label says who speaks, which the speaker rules decide; the model is
    asked about the words alone, as it is asked about the claim without its "X said"."""
    text = "Ola Dahl: The count was not wrong - the clerks followed the rules."
    claim = analyzer.analyze("Ola Dahl said the count had been wrong.")
    facts = [analyzer.analyze(text)]
    asked = []

    def stance(pairs):
        asked.extend(pairs)
        return [StanceProbs(0.1, 0.8, 0.1) for _ in pairs]

    rated = [assess(claim, facts[0], 0.5, DEFAULT)]
    ModelReading(stance, {}, DEFAULT)([_passage(text)], [None], facts, rated, [0])
    assert asked == [
        ("The count was not wrong - the clerks followed the rules.", "The count had been wrong.")
    ]
    assert model_passage("Nobody spoke.") == "Nobody spoke."


def test_the_model_reads_all_the_claim_gives_its_one_speaker(analyzer):
    """The parser may hang a second predicate on the reporting verb ("said the talks had
    lasted ten hours, adding that ..."); the model is asked about both."""
    claim = analyzer.analyze(
        "Ola Dahl said the talks had lasted ten hours, adding that she was hopeful."
    )
    passage = analyzer.analyze("The talks lasted ten hours, Ola Dahl said.")
    got = model_claim(assess(claim, passage, 0.5, DEFAULT))
    assert got == "The talks had lasted ten hours, adding that she was hopeful.", got


def test_the_word_that_opens_what_was_said_goes_before_a_comma_too(analyzer):
    """ "said that, looking back, ...": the model reads what was said, not "That, ..." (a
    sentence opening with the conjunction reads to it as a fragment)."""
    claim = analyzer.analyze(
        "Ola Dahl said that, looking back, the club should have sold the ground."
    )
    passage = analyzer.analyze("In retrospect, we should have sold the ground, Ola Dahl said.")
    got = model_claim(assess(claim, passage, 0.5, DEFAULT))
    assert got == "Looking back, the club should have sold the ground.", got
