"""A pronoun speaker named further back (nlp/speech.py, pipeline/antecedents.py): copy
names a speaker once, then gives them several paragraphs of "He stated ...", "He also
said ...". A passage is read with the one before it; when that one names no one, the
passages before it are read too, nearest first, up to ``Thresholds.antecedent_passages``."""

from __future__ import annotations

from factcheck.nlp.speech import awaits_speaker, voice
from factcheck.pipeline.antecedents import earlier_passages
from factcheck.types import Passage

NAMED = "Plant manager Anna Berg met the press at the gate on Monday."
THEN = "She said the night shift would end in May."
AGAIN = "She also stated that the canteen would stay open."
CLAIM = "Anna Berg said the canteen would stay open."


def test_a_pronoun_is_the_speaker_named_before_the_passage_before_it(analyzer):
    claim = analyzer.analyze(CLAIM)
    passage, context, named = (analyzer.analyze(x) for x in (AGAIN, THEN, NAMED))
    alone = voice(claim.content, passage, context)
    assert not alone.known  # the passage before names no one
    v = voice(claim.content, passage, context, None, (named,))
    assert v.known and "Berg" in v.speaker
    # the nearest name wins: a passage between that names another speaker
    other = analyzer.analyze("Union steward Ola Dahl said talks would go on.")
    assert "Dahl" in voice(claim.content, passage, other, None, (named,)).speaker


def test_a_quoted_paragraph_after_a_pronoun_speaker(analyzer):
    claim = analyzer.analyze("Anna Berg said the gate would stay shut all week.")
    quoted = analyzer.analyze('"The gate will stay shut all week for the repairs."')
    said = analyzer.analyze("She said the repairs had begun.")
    named = analyzer.analyze(NAMED)
    assert awaits_speaker(quoted, said)
    assert "Berg" in voice(claim.content, quoted, said, None, (named,)).speaker
    assert not voice(claim.content, quoted, said).known  # "She", not known without it


def test_only_a_passage_whose_speaker_may_be_further_back_awaits_one(analyzer):
    passage, context, named = (analyzer.analyze(x) for x in (AGAIN, THEN, NAMED))
    assert awaits_speaker(passage, context)
    assert not awaits_speaker(passage, named)  # the passage before names her
    assert not awaits_speaker(named, context)  # names its own speaker


def _chain(texts: list[str]) -> list[Passage]:
    ids = [f"s#{n}" for n in range(len(texts))]
    return [
        Passage(
            id=pid,
            text=text,
            source_id="s",
            title="",
            start=0,
            end=len(text),
            prev_id=ids[n - 1] if n else "",
            next_id=ids[n + 1] if n + 1 < len(ids) else "",
        )
        for n, (pid, text) in enumerate(zip(ids, texts, strict=True))
    ]


def test_the_passages_before_are_fetched_until_one_names_a_speaker(analyzer):
    texts = [
        "The plant opened in 1990.",
        NAMED,
        "She said the plant had 400 workers.",
        THEN,
        AGAIN,
    ]
    ps = _chain(texts)
    by_id = {p.id: p for p in ps}
    calls: list[list[str]] = []

    def get(ids: list[str]) -> dict[str, Passage]:
        calls.append(ids)
        return {i: by_id[i] for i in ids}

    def analyze(passages: list[Passage]) -> list:
        return [analyzer.analyze(p.text) for p in passages]

    compared, near = [ps[4]], {ps[3].id: ps[3]}
    facts = {p.id: analyzer.analyze(p.text) for p in (ps[4], ps[3])}
    got = earlier_passages(compared, near, facts, get, analyze, 3)
    assert [f.text for f in got[ps[4].id]] == [texts[2], NAMED]  # stops at the name
    assert calls == [[ps[2].id], [ps[1].id]]  # one round trip a step
    # at most ``depth`` passages back
    facts = {p.id: analyzer.analyze(p.text) for p in (ps[4], ps[3])}
    calls.clear()
    got = earlier_passages(compared, {ps[3].id: ps[3]}, facts, get, analyze, 1)
    assert [f.text for f in got[ps[4].id]] == [texts[2]]
    assert earlier_passages(compared, {ps[3].id: ps[3]}, facts, get, analyze, 0) == {}


def test_a_claim_of_what_a_speaker_said_paragraphs_after_naming_them(real_checker):
    fc = real_checker("ante")
    fc.ingest_text(
        "Rail strike talks resume\n\n"
        "Union leader Tove Moen spoke to reporters outside the ministry on Monday.\n\n"
        "She said members had voted to accept the new timetable.\n\n"
        "She also stated that no drivers would be laid off this year.\n",
        name="strike",
    )
    v = fc.check("Tove Moen said no drivers would be laid off this year.")
    assert v.label.value == "SUPPORTED", v.rationale
    # another speaker: the pronoun read that far back confirms no one else, disputes no one
    v = fc.check("Ola Dahl said no drivers would be laid off this year.")
    assert v.label.value == "NOT_ENOUGH_INFO", v.rationale


def test_a_pronoun_read_far_back_confirms_a_speaker_but_never_disputes_one(analyzer):
    """Resolved further back than the passage before, "she" may be someone else: it
    supports a claim that names the person found, and refutes no claim naming another."""
    from factcheck.rules.compare import assess, conclude

    passage, context, named = (analyzer.analyze(x) for x in (AGAIN, THEN, NAMED))
    mine = assess(analyzer.analyze(CLAIM), passage, 0.8, context=context, earlier=(named,))
    assert conclude(mine, None).stance.value == "SUPPORTS"
    other = analyzer.analyze("Ola Dahl said the canteen would stay open.")
    theirs = assess(other, passage, 0.8, context=context, earlier=(named,))
    assert conclude(theirs, None).stance.value != "REFUTES"
    # named in the passage before, a mismatch is a misattribution as it always was
    near = assess(other, passage, 0.8, context=named)
    assert conclude(near, None).stance.value == "REFUTES"


def test_they_is_not_looked_for_further_back(analyzer):
    claim = analyzer.analyze("Anna Berg said the canteen would stay open.")
    passage = analyzer.analyze("They also stated that the canteen would stay open.")
    context = analyzer.analyze(THEN)
    assert not awaits_speaker(passage, context)
    named = analyzer.analyze(NAMED)
    assert not voice(claim.content, passage, context, None, (named,)).known


def test_a_quoted_paragraph_whose_speaker_is_found_far_back_disputes_no_one(analyzer):
    from factcheck.rules.compare import assess, conclude

    claim = analyzer.analyze("Mary Jones said the city will build 500 new homes next year.")
    quoted = analyzer.analyze('"The city will build 500 new homes next year."')
    said = analyzer.analyze("The plan was needed, he said.")
    named = analyzer.analyze("Mayor John Smith spoke to reporters at City Hall on Monday.")
    a = assess(claim, quoted, 0.9, context=said, earlier=(named,))
    assert conclude(a, None).stance.value != "REFUTES"


def test_a_quotation_a_pronoun_opens_speaks_for_the_person_named_before(real_checker):
    """'She said in a statement: "...' with the quotation running on into the next passage:
    "she" is the person named paragraphs before, for every passage of the quotation; read
    that far back it confirms her and disputes no one else."""
    fc = real_checker("ante-run")
    fc.ingest_text(
        "Port names new chief\n\n"
        "Ida Lindqvist, 51, will be the first woman to run the port.\n\n"
        "She has worked at the harbour for 33 years.\n\n"
        'She said in a statement: "These are exciting times for the harbour. '
        'I am honoured to lead the best crew on the coast."\n',
        name="port-chief",
    )
    v = fc.check("Lindqvist said she was honoured to lead the best crew on the coast.")
    assert v.label.value == "SUPPORTED", v.rationale
    v = fc.check("Ola Dahl said he was honoured to lead the best crew on the coast.")
    assert v.label.value == "NOT_ENOUGH_INFO", v.rationale
