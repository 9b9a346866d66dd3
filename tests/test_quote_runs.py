"""Quotations that run over several passages (nlp/quote_runs.py): found from the marks
alone when a source is cut, stored with each passage, and read for who speaks them."""

from __future__ import annotations

import pytest

from factcheck.nlp.quote_runs import quote_runs
from factcheck.nlp.quotes import open_at_end
from factcheck.nlp.sentences import split_passages
from factcheck.nlp.speech import voice
from factcheck.sources.records import passage_from_record, passage_metadata
from factcheck.types import QuoteRun, Source


def _runs(*paragraphs: list[str]) -> list[QuoteRun | None]:
    items = []
    for para in paragraphs:
        for n, text in enumerate(para):
            pid = f"p{len(items)}"
            items.append((pid, text, n == 0, pid))
    return [run for _, run in quote_runs(items)]


def test_marks_are_read_as_quotations_reads_them():
    assert open_at_end('Lind stated, "The ferry left late.', False)
    assert not open_at_end('It was full," she said.', True)
    assert not open_at_end('"We are ready," she said.', False)
    assert open_at_end("It sailed at noon.", True)  # no mark: the quotation goes on


def test_a_quotation_named_before_it_runs_to_its_closing_mark():
    runs = _runs(
        ["The pier was closed.", "Harbour master Ida Lind stated,"],
        ['"The ferry left late.', "It was full.", 'Nobody was hurt."'],
        ["The port reopened on Monday."],
    )
    run = QuoteRun("p1", "p2", "p4")
    assert runs == [None, None, run, run, run, None]


def test_a_quotation_named_after_it_and_one_of_a_single_passage():
    runs = _runs(
        ['"We waited two hours.', 'The lights went out twice," Ida Lind said.'],
        ['"It was calm," she added.'],
    )
    assert runs == [QuoteRun("", "p0", "p1")] * 2 + [None]


def test_a_quotation_of_several_paragraphs_reopens_each_one():
    runs = _runs(
        ['Lind said: "The ferry left late.'],
        ['"It was full.', 'Nobody was hurt."'],
        ["The port reopened."],
    )
    assert runs == [QuoteRun("", "p0", "p2")] * 3 + [None]


def test_a_quotation_never_closed_makes_no_run():
    # A closing mark is missing: where the quotation ends (and the reporter's narration
    # begins) is not known, so no passage after its first is given to the speaker.
    runs = _runs(['Lind said: "The ferry left late.', "It was full."], ["The port reopened."])
    assert runs == [None, None, None]
    assert _runs(['Lind said: "The ferry left late.', "It was full."]) == [None, None]


def test_a_paragraph_that_only_closes_the_open_quotation_carries_it_on():
    """Copy that leaves out the mark opening a quotation's next paragraph: a paragraph
    whose one mark closes the quotation after its last sentence is the rest of it."""
    runs = _runs(
        ['After the match, ferry captain Ida Lind said, "We learned a lot today.'],
        ["It was a long crossing.", 'It felt like my first one."'],
        ["The port reopened."],
    )
    assert runs == [QuoteRun("", "p0", "p2")] * 3 + [None]
    # a mark inside the paragraph opens a quotation of its own: the first one's end is
    # not known, and the paragraph is narration
    runs = _runs(
        ['Lind said, "We learned a lot today.'],
        ['The mayor said, "The port reopened."'],
    )
    assert runs == [None, None]
    # nor a paragraph's own short quotation in curly marks
    runs = _runs(
        ["Lind said, \u201cWe learned a lot today."],
        ["Officials called the crossing \u201csafe.\u201d"],
        ["The port reopened."],
    )
    assert runs == [None, None, None]
    # no mark at all: where the quotation ends is not known
    assert (
        _runs(['Lind said, "We learned a lot.'], ["The port reopened."], ["It rained."])
        == [None] * 3
    )


def test_passages_are_stored_with_their_run():
    text = (
        "The pier was closed for a day after the storm.\n\n"
        'Harbour master Ida Lind said: "The ferry left two hours late. It was full of'
        " commuters on their way to work. Nobody on board was hurt when the storm hit the"
        ' harbour."\n\n'
        "The port reopened on Monday morning."
    )
    ps = split_passages(Source(id="s", title="Pier", text=text, content_hash="h"))
    runs = [p.quote_run for p in ps]
    assert runs[0] is None and runs[-1] is None
    inside = [p for p in ps if p.quote_run]
    assert [p.text for p in inside] == [
        'Harbour master Ida Lind said: "The ferry left two hours late.',
        "It was full of commuters on their way to work.",
        'Nobody on board was hurt when the storm hit the harbour."',
    ]
    assert inside[1].quote_run == QuoteRun(ps[0].id, inside[0].id, inside[2].id)
    md = passage_metadata(inside[1])
    back = passage_from_record(inside[1].id, inside[1].text, md, None)
    assert back.quote_run == inside[1].quote_run
    assert "quote_run" not in passage_metadata(ps[0])
    outside = passage_from_record(ps[0].id, ps[0].text, passage_metadata(ps[0]), None)
    assert outside.quote_run is None
    assert "quote_run" not in inside[1].to_dict()  # not part of what a verdict shows


@pytest.mark.parametrize(
    ("before", "first", "last", "speaker"),
    [
        ("Harbour master Ida Lind stated,", '"The ferry left late.', 'Nobody was hurt."', "Lind"),
        ("", '"The ferry left late.', 'Nobody was hurt," Ida Lind said.', "Lind"),
        ("Ida Lind spoke.", '"The ferry left late.', 'Nobody was hurt," she said.', "Lind"),
        ("The port was closed.", '"The ferry left late.', 'Nobody was hurt."', ""),
        # the passage before closes another quotation; the run names its own speaker at
        # its end, where its words run from the passage's start
        (
            "said Mayor Tor Berg, of the harbour board.",
            '"The ferry left late.',
            "The crew did well; a symbol of the port's success,\" said Ida Lind, the harbour"
            " master.",
            "Lind",
        ),
        # a speaker the quotation quotes, inside its marks, is not the run's speaker
        ("", 'Ida Lind said: "The ferry left late.', 'Nobody was hurt, Tor Berg told us."', "Lind"),
    ],
)
def test_a_passage_inside_a_run_speaks_in_the_voice_the_run_names(
    analyzer, before, first, last, speaker
):
    middle = analyzer.analyze("It was full of commuters on the way to work.")
    claim = analyzer.analyze("Lind said the ferry was full of commuters.")
    run = tuple(analyzer.analyze(x) if x else None for x in (before, first, last))
    v = voice(claim.content, middle, None, run)  # type: ignore[arg-type]
    assert (speaker in v.speaker) if speaker else v.speaker == ""
    assert voice(claim.content, middle, None).speaker == ""  # read alone: narration


def test_a_quotation_is_read_with_the_people_named_where_it_opened(analyzer):
    """ "him" in the middle of a quotation is someone the passage that introduced it
    names; a passage outside any quotation does not borrow those names."""
    from factcheck.rules.naming import entity_cover

    claim = analyzer.analyze("Lind said Petter Aas was questioned by a lawyer for two hours.")
    passage = analyzer.analyze("A lawyer for the company questioned him for two hours.")
    opened = analyzer.analyze("Ida Lind said Petter Aas was taken to the office. She stated,")
    assert entity_cover(claim, passage, None, opened=opened)[0] == 1.0
    assert entity_cover(claim, passage, None)[0] < 1.0


def test_whoever_speaks_a_quotation_is_named_for_all_of_its_passages(analyzer):
    """A claim that makes the speaker its subject ("Lind put the delay at ...") names the
    speaker the quotation's last passage gives ('... ," port analyst Ida Lind said.')."""
    from factcheck.rules.compare import assess

    claim = analyzer.analyze("Port analyst Ida Lind put the delay at 40 minutes.")
    first = analyzer.analyze('"We see a delay of 40 minutes on the morning ferry.')
    last = analyzer.analyze('The crew is doing its best," port analyst Ida Lind said.')
    assert not assess(claim, first, 0.3, run=(None, first, last)).missing_names
    assert assess(claim, first, 0.3).missing_names  # read alone, it names no one


def test_narration_leading_into_a_quotation_names_no_speaker(analyzer):
    # the passage before is another speaker's; the run's first passage is narration
    run = (
        analyzer.analyze('A union negotiator said, "We will wait for the bondholders."'),
        analyzer.analyze('The ministry sees the plan "as a way to restructure the firm quickly.'),
        analyzer.analyze('It will require hard choices by everyone involved in the talks."'),
    )
    middle = analyzer.analyze("It will require creditors to accept smaller repayments.")
    assert voice(middle.content, middle, None, run).speaker == ""


def test_reindex_gives_an_older_stores_passages_their_runs(embedder, analyzer, tmp_path):
    """A store made before runs were found holds none: ``reindex`` (refresh_facts) cuts
    each logged source again and stores the runs it finds."""
    import uuid

    from factcheck.api import FactChecker
    from factcheck.config import Settings
    from factcheck.sources.source_log import SourceLog
    from factcheck.sources.store import PassageStore
    from tests.conftest import _ephemeral

    store = PassageStore(_ephemeral(), embedder, f"runs{uuid.uuid4().hex[:8]}")
    log = SourceLog(tmp_path)
    fc = FactChecker(store, analyzer, Settings(use_stance_model=False), source_log=log)
    fc.ingest_text(
        "The pier was closed for a day after the storm.\n\n"
        'Harbour master Ida Lind said: "The ferry left two hours late. It was full of'
        ' commuters on their way to work. Nobody on board was hurt when the storm hit."\n',
        name="pier",
    )
    col = fc.store.collection

    def runs() -> list[str]:
        got = col.get(include=["metadatas"])
        return sorted(str(m.get("quote_run", "")) for m in got["metadatas"])

    made = runs()
    assert sum(bool(r) for r in made) == 3
    col.update(ids=col.get()["ids"], metadatas=[{"quote_run": ""}] * len(made))  # as of old
    assert not any(runs())
    fc.refresh_facts()
    assert runs() == made


def test_a_quotation_after_a_paragraph_about_one_person_is_theirs(analyzer):
    """ "Senator X issued a statement on ..." then a quotation that names no one: the
    one person the paragraph before names speaks it; with two people named, no one does."""
    quote = analyzer.analyze('"Like many farmers, I am disappointed with the ruling on the canal."')
    claim = analyzer.analyze("Maren Holt said she was disappointed with the ruling.")
    one = analyzer.analyze("Senator Maren Holt issued a statement on the canal ruling.")
    assert "Holt" in voice(claim.content, quote, one).speaker
    two = analyzer.analyze("Senator Maren Holt met with Governor John Peterson after the ruling.")
    assert voice(claim.content, quote, two).speaker == ""
    narrated = analyzer.analyze("Like many farmers, Holt is disappointed with the canal ruling.")
    assert voice(claim.content, narrated, one).speaker == ""  # not a quotation


def test_a_paragraph_a_speakers_label_opens_is_one_run_of_the_labelled_passage():
    """A transcript or an interview names its speaker once, as the paragraph's label: every
    passage of that paragraph belongs to a run whose first passage is the labelled one
    (no passage before it and no last: the label speaks, nlp/speech.run_speaker)."""
    runs = _runs(
        ["Reporter: How long have you sailed?"],
        ["Ida Lind: Forty years.", "The ferries are fuller than ever.", "Nobody waits long."],
        ['Ida Lind: "Never again," she said.'],
    )
    assert runs == [QuoteRun("", "p0", "")] + [QuoteRun("", "p1", "")] * 3 + [
        QuoteRun("", "p4", "")
    ]
    # a colon later in a paragraph, or in the middle of one, is no label
    assert _runs(["The rule is simple: Ships wait.", "Ida Lind: not a label."]) == [None, None]


def test_a_speakers_turn_runs_to_the_next_label():
    """An interview gives a long answer several paragraphs under one label: the paragraphs
    between two labels are the first label's turn. After the last label the reporter may
    take over again, so those paragraphs are read as any others (here a quotation run)."""
    first, second = QuoteRun("", "p1", ""), QuoteRun("", "p5", "")
    runs = _runs(
        ["The ferry line's chief spoke to us."],
        ["Ida Lind: Forty years.", "I started young."],
        ["The ferries are fuller than ever."],
        ['"Nobody waits long," I tell them.'],
        ["Reporter: And next year?"],
        ["Ida Lind: A night crossing."],
        ["The port reopened on Monday.", 'Lind stated, "We are ready.'],
        ['"The crews are trained."'],
    )
    assert runs[:7] == [None, first, first, first, first, second, QuoteRun("", "p6", "")]
    assert runs[7:] == [None, QuoteRun("p7", "p8", "p9"), QuoteRun("p7", "p8", "p9")]
    # no label after it: a paragraph is not known to be anyone's turn
    assert _runs(["Ida Lind: Forty years."], ["The port reopened."]) == [
        QuoteRun("", "p0", ""),
        None,
    ]


def test_a_passage_of_a_labelled_paragraph_speaks_in_the_labels_voice(analyzer):
    claim = analyzer.analyze("Ida Lind said the ferries were fuller than ever.")
    middle = analyzer.analyze("The ferries are fuller than ever.")
    for label in ("Ida Lind: Forty years.", "Lind: Forty years."):
        run = (None, analyzer.analyze(label), None)
        assert "Lind" in voice(claim.content, middle, None, run).speaker  # type: ignore[arg-type]
    assert voice(claim.content, middle, None).speaker == ""  # read alone: narration


def test_an_interview_answer_is_checked_as_its_speakers_words(real_checker):
    """End to end: the second sentence of an answer is the interviewee's, not the
    interviewer's, and never the reporter's own narration."""
    fc = real_checker("qr")
    fc.ingest_text(
        "Ferry chief interviewed\n\n"
        "Harbour News spoke with Ida Lind, who runs the Nordvik ferry line.\n\n"
        "Harbour News: Has the new timetable cut the waiting times at the pier?\n\n"
        "Ida Lind: Very much. The morning ferries now carry twice as many commuters as"
        " last year. We plan to add a night crossing.\n\n"
        "The winter was harder. We cancelled 37 crossings in January because of ice.\n\n"
        "Harbour News: Thank you.\n",
        name="interview.txt",
    )
    ok = fc.check("Ida Lind said the morning ferries carried twice as many commuters as last year.")
    assert ok.label.value == "SUPPORTED", ok.rationale
    wrong = fc.check("Harbour News said the morning ferries carried twice as many commuters.")
    assert wrong.label.value != "SUPPORTED", wrong.rationale
    # a question puts words to the interviewee; it neither says them nor gives them to
    # the interviewer instead of the one the claim names
    asked = fc.check("Ida Lind said the new timetable had cut the waiting times at the pier.")
    assert asked.label.value == "NOT_ENOUGH_INFO", asked.rationale
    # a paragraph of the answer after the labelled one is still hers
    later = fc.check("Ida Lind said 37 crossings were cancelled in January because of ice.")
    assert later.label.value == "SUPPORTED", later.rationale


def test_two_apostrophes_typed_for_a_double_mark_open_and_close_a_quotation():
    from factcheck.nlp.quotes import quotations, typed_quotes

    text = "He said: ''We waited two hours.'' Then he left."
    assert len(typed_quotes(text)) == len(text)  # every offset stays one into the text
    assert [q for q, _, _ in quotations(typed_quotes(text))] == ["We waited two hours."]
    assert typed_quotes("the drivers' union") == "the drivers' union"  # one apostrophe
    runs = _runs(
        ["''We waited two hours.", "The lights went out twice,'' Ida Lind said."],
        ["``It was calm,'' she added."],
    )
    assert runs == [QuoteRun("", "p0", "p1")] * 2 + [None]


def test_a_paragraph_opened_by_two_apostrophes_is_all_quotation(analyzer):
    before = analyzer.analyze('"The ferry left late," Ida Lind said.')
    quote = analyzer.analyze("''I am more convinced now than ever that the delays are over.")
    claim = analyzer.analyze("Lind said she was convinced the delays were over.")
    assert "Lind" in voice(claim.content, quote, before).speaker
