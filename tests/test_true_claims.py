"""True claims restated in a reporter's words are not refuted (issue #28): a comparison
point is not the event's date, reported speech shifts tense, a demonym is its country,
"whether or not" negates nothing. Every case has its own made-up names and figures; none
comes from the issue's table."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.types import Label

MARKETS = (
    "---\ntitle: Markets slide\ndate: 2019-05-14\n---\n"
    "In Oslo, the OBX index fell 4.2 percent - its biggest fall since the October 3, 2008,"
    " banking crisis in Iceland.\n\n"
    "In the first 30 minutes in the Canadian stock markets, the TSX rose nearly 40 points.\n"
)
FARMS = (
    "---\ntitle: Farmers warn of poor harvest\ndate: 2019-06-02\n---\n"
    '"The harvest has become very poor," said Paul Girard, the head of a Lyon farming'
    " cooperative.\n\n"
    '"This is a hard week for us and not a week anyone could plan for," said Ana Ruiz, the'
    " chief executive of Verano Foods.\n\n"
    "The council will study the farmers' plan for several weeks before deciding whether or"
    " not to fund the new irrigation canal.\n\n"
    '"We expect to hire 40 more pickers by July," said Tarsis Farms chief financial officer'
    " Ines Vidal.\n"
)


@pytest.fixture(scope="module")
def desk(real_checker):
    fc = real_checker("tc")
    fc.ingest_text(MARKETS, name="markets.md", fmt="markdown")
    fc.ingest_text(FARMS, name="farms.md", fmt="markdown")
    return fc


def _article(real_checker, prefix: str, title: str, date: str, body: str):
    """A checker over a store of one made-up article with its title and dateline."""
    fc = real_checker(prefix)
    fc.ingest_text(
        f"---\ntitle: {title}\ndate: {date}\n---\n{body}", name=f"{prefix}.md", fmt="markdown"
    )
    return fc


def _expect(fc, on: dt.date | None, rows) -> None:
    """Checks each (claim, label) of ``rows`` on the dateline ``on``; names every miss."""
    got = {claim: fc.check(claim, dateline=on) for claim, _ in rows}
    wrong = [(c, got[c].label, got[c].rationale) for c, label in rows if got[c].label != label]
    assert not wrong, wrong


def test_a_since_comparison_point_is_not_the_event_date(desk):
    v = desk.check(
        "On 14 May 2019 the OBX dropped 4.2 percent, its steepest fall since the"
        " October 2008 banking crisis in Iceland.",
        dateline=dt.date(2019, 5, 14),
    )
    assert v.label != Label.REFUTED, v.rationale
    assert "2008-10-03" not in v.rationale


def test_the_comparison_point_is_found_in_the_parse(analyzer):
    text = "The OBX fell 4.2 percent, its biggest fall since the October 3, 2008, crisis."
    facts = analyzer.analyze(text, dt.date(2019, 5, 14))
    [date] = [v for v in facts.values if v.kind.value == "date"]
    assert date.span in facts.references
    plain = analyzer.analyze("The OBX fell 4.2 percent on October 3, 2008.", None)
    assert not plain.references
    # through the part of a period to the period: "since the start of this year"
    part = analyzer.analyze("The OBX has fallen 9 percent since the start of 2008.", None)
    assert [v.text for v in part.values if v.span in part.references] == ["2008"]
    ended = analyzer.analyze("The OBX fund closed at the end of 2008.", None)
    assert not ended.references


def test_reported_speech_shifts_tense_without_misquoting(desk):
    v = desk.check(
        "Paul Girard, the Lyon cooperative's head, said the harvest was very poor.",
        dateline=dt.date(2019, 6, 2),
    )
    assert v.label != Label.REFUTED, v.rationale
    assert "quotes" not in v.rationale


def test_a_demonym_is_its_country(desk, analyzer):
    from factcheck.nlp.names import norm_entity

    assert norm_entity("Canadian", "NORP") == norm_entity("Canada", "GPE") == "canada"
    assert norm_entity("Canadians", "NORP") == "canada"
    assert norm_entity("Democrats", "NORP") == "democrats"  # not a demonym: as written
    v = desk.check(
        "The TSX climbed almost forty points within the first 30 minutes of trading in Canada.",
        dateline=dt.date(2019, 5, 14),
    )
    assert "Canada" not in v.rationale, v.rationale


def test_a_negation_inserted_still_refutes(desk):
    v = desk.check("Ana Ruiz said this was not a hard week for Verano Foods.")
    assert v.label == Label.REFUTED


def test_whether_or_not_negates_nothing(desk, analyzer):
    facts = analyzer.analyze("The council will decide whether or not to fund the canal.")
    assert not facts.negated and facts.negative == 0
    v = desk.check(
        "The council will decide whether to fund the irrigation canal after studying the"
        " farmers' plan.",
        dateline=dt.date(2019, 6, 2),
    )
    assert "negates" not in v.rationale, v.rationale


def test_a_speaker_is_named_by_the_head_of_the_phrase(desk, analyzer):
    """ "Tarsis Farms chief financial officer Ines Vidal": the name is hers, the firm is
    her affiliation, even when the parser tags no person."""
    facts = analyzer.analyze(
        '"We expect to hire 40 more pickers," said Tarsis Farms chief financial officer Ines Vidal.'
    )
    assert [s.name for s in facts.statements] == ["ines vidal"]
    v = desk.check("Ines Vidal said they expected to hire 40 more pickers by July.")
    assert v.label != Label.REFUTED, v.rationale
    assert "not Ines Vidal" not in v.rationale


def test_a_negation_of_what_the_quote_denies_is_not_a_flip(desk):
    # the quote negates "a week anyone could plan for" and asserts "a hard week"
    v = desk.check("Ana Ruiz said it was a hard week that nobody could plan for.")
    assert v.label != Label.REFUTED, v.rationale


def test_a_passage_about_another_named_thing_does_not_contradict_the_claims_own(real_checker):
    """Copy holds several near-identical sentences about different places or companies
    ("Toyota's sales fell 39%", "Ford's sales fell 41%"): when a passage names the claim's
    own place, a near-restatement about another place of its kind is set aside, not read
    as a contradiction."""
    fc = real_checker("instead")
    fc.ingest_text(
        "The bus depot in Northgate holds 17 buses, the council said in 2021.", name="north"
    )
    fc.ingest_text(
        "The bus depot in Southmere holds 20 buses, the council said in 2021.", name="south"
    )
    assert fc.check("The bus depot in Northgate holds 17 buses.").label.value == "SUPPORTED"
    assert fc.check("The bus depot in Southmere holds 17 buses.").label.value == "REFUTED"
    v = fc.check("The bus depot in Northgate holds 20 buses.")
    assert v.label.value == "REFUTED"  # its own depot says 17: still caught


def test_a_reports_other_figures_do_not_refute_its_own(real_checker, analyzer):
    """A monthly sales report gives the claim's figure and others (a rival's, a segment's):
    those are about other things; "from a year earlier" is the base of the change, stated
    in the report as "the same month last year"."""
    fc = _article(
        real_checker,
        "report",
        "Norvale sales climb",
        "2019-06-04",
        "Norvale Motors said on Monday that its sales in Canada rose 27% in May compared to"
        " the same month last year.\n\n"
        "Norvale's sales were lifted by a 61% increase in sales to rental fleets.\n\n"
        "Sales at rival Kestrel fell 12%.\n",
    )
    claim = "Norvale's sales in Canada rose 27% in May 2019 from a year earlier."
    v = fc.check(claim, dateline=dt.date(2019, 6, 4))
    assert v.label == Label.SUPPORTED, v.rationale
    assert "27%" in v.evidence[0].passage.text  # the deciding passage leads
    wrong = fc.check(claim.replace("27%", "35%"), dateline=dt.date(2019, 6, 4))
    assert wrong.label != Label.SUPPORTED, wrong.rationale
    facts = analyzer.analyze(claim)
    assert [claim[a:b] for a, b in facts.references] == ["a year"]


def test_a_date_before_the_speaker_is_not_part_of_the_name(analyzer):
    facts = analyzer.analyze("On 3 June 2019 Norvale said it would close two plants.")
    assert [(s.speaker, s.name) for s in facts.statements] == [("Norvale", "norvale")]


def test_a_that_clause_the_parser_hangs_on_the_memo_is_what_was_announced(analyzer):
    facts = analyzer.analyze(
        "Lena Ostrova, the head of Keldar Mining, announced Friday in a letter to staff that"
        " she would step down in the spring."
    )
    [s] = facts.statements
    assert s.name == "lena ostrova" and {"step", "spring"} <= s.words


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("The 320 was expected to carry 150 passengers.", ["150"]),  # a model, then a count
        ("They flew the 320 Skylark to Lisbon.", []),
        ("The order is for 40 320s.", ["40"]),
        ("The 33 were rescued after two months.", ["33", "two months"]),  # a count of people
        ("He sold 3 Orbis shares.", ["3"]),
    ],
)
def test_a_number_that_names_a_model_counts_nothing(analyzer, text, figures):
    assert [c.value.text for c in analyzer.analyze(text).found] == figures


def test_a_near_restatement_with_another_day_refutes(real_checker):
    """ "took his robot to school on 16 May" against "brought the robot he built to school
    on May 14": the restatement pins one event, though its verb differs and it shares
    few of the claim's words."""
    fc = _article(
        real_checker,
        "day",
        "Tomas Lind's robot wins prize",
        "2018-05-20",
        "Lind brought the small robot he built to school on May 14, and a"
        " visiting professor from the university mistakenly believed it was a spy drone.\n",
    )
    on = dt.date(2018, 5, 20)
    right = fc.check(
        "Young inventor Tomas Lind took his homemade robot to school on 14 May 2018.",
        dateline=on,
    )
    assert right.label == Label.SUPPORTED, right.rationale
    wrong = fc.check(
        "Young inventor Tomas Lind took his homemade robot to school on 16 May 2018.",
        dateline=on,
    )
    assert wrong.label == Label.REFUTED, wrong.rationale


def test_a_plan_narrated_with_the_speaker_as_subject_is_in_their_voice(real_checker):
    """ "Norvale plans to cut 3,200 jobs": narrated, but Norvale's own stated plan; a
    claim that Norvale said so is supported, a claim of another figure refuted, and a
    claim that someone else said so is not supported."""
    fc = _article(
        real_checker,
        "plan",
        "Norvale to shrink",
        "2019-02-18",
        "Norvale plans to cut 3,200 jobs and shut four plants by 2021.\n",
    )
    on = dt.date(2019, 2, 18)
    v = fc.check("Norvale said it would cut 3,200 jobs and shut four plants.", dateline=on)
    assert v.label == Label.SUPPORTED, v.rationale
    wrong = fc.check("Norvale said it would cut 1,500 jobs.", dateline=on)
    assert wrong.label == Label.REFUTED, wrong.rationale
    other = fc.check("Kestrel said Norvale would cut 3,200 jobs and shut four plants.", dateline=on)
    assert other.label != Label.SUPPORTED, other.rationale


def test_one_figure_of_the_source_answers_one_figure_of_the_claim(analyzer):
    """ "cut 310 of its 1,400 stores" against "will close 310 stores": the 310 states the
    claim's 310; it does not also contradict the 1,400 (which is simply not stated)."""
    from factcheck.rules.compare import assess

    a = assess(
        analyzer.analyze("Pellworth said it would cut 310 of its 1,400 stores."),
        analyzer.analyze("Pellworth will close 310 stores by the end of the year."),
        0.7,
    )
    assert [c.passage.text for c in a.checks if c.agree] == ["310"]
    assert not [c for c in a.checks if not c.agree]
    assert [v.text for v in a.unverified] == ["1,400"]


def test_a_company_the_parser_splits_in_two_is_one_speaker(analyzer):
    facts = analyzer.analyze(
        "Car maker Pellworth LLC has said that it wants to close 310 of its stores."
    )
    assert [s.name for s in facts.statements] == ["pellworth llc"]


def test_the_day_it_was_said_is_not_a_date_inside_what_was_said(real_checker):
    """ "On 3 June 2019 Pellworth said it wanted to close 310 stores" against a report of
    that day: "Pellworth LLC has said that it wants to close 310 stores by early August".
    The claim's date is the saying's (the report's day), not the closures'."""
    fc = _article(
        real_checker,
        "saying",
        "Pellworth to shrink",
        "2019-06-03",
        "Retailer Pellworth LLC has said that it wants to close 310, or about a fifth, of its"
        " 1,400 stores by early August.\n",
    )
    on = dt.date(2019, 6, 3)
    v = fc.check(
        "On 3 June 2019 Pellworth said it wanted to close 310 of its 1,400 stores.", dateline=on
    )
    assert v.label == Label.SUPPORTED, v.rationale
    wrong = fc.check(
        "On 3 June 2019 Pellworth said it wanted to close 500 of its stores.", dateline=on
    )
    assert wrong.label == Label.REFUTED, wrong.rationale


def test_the_sentence_after_a_retrieved_passage_completes_the_claim(real_checker):
    """Copy goes on in the next sentence ("That decision is due ..."), which names its
    subject only in the one before: it is compared too, with that one as its context, and
    it may complete the claim but never dispute it alone."""
    bus = [
        "The city council will review the bus operator's accounts for several weeks before"
        " a decision is made on whether or not to renew its contract.",
        "That decision is due by the end of next month.",
        *(
            f"The council's transport committee met the bus operator on route {n} to review"
            f" its contract, its accounts and its {n} buses."
            for n in (12, 14, 17, 21, 23, 28)
        ),
    ]
    fc = _article(
        real_checker, "fo", "Council reviews bus contract", "2019-02-11", "\n\n".join(bus)
    )
    claim = "The council's decision on renewing the bus contract was due by the end of March 2019."
    [p] = fc.pipeline.prepare_many([claim])
    [p] = fc.pipeline.retrieve_many([p])
    assert "That decision" not in " ".join(q.text for q in p.passages)  # not retrieved
    v = fc.check(claim, dateline=dt.date(2019, 2, 11))
    assert v.label == Label.SUPPORTED, v.rationale
    wrong = fc.check(claim.replace("March", "June"), dateline=dt.date(2019, 2, 11))
    assert wrong.label == Label.NOT_ENOUGH_INFO, wrong.rationale  # completes, never disputes
    # the LangChain chain, through a retriever of its own, reads the same next sentence
    from factcheck.pipeline.chain import ClaimRequest, PassageRetriever, build_chain

    chain = build_chain(fc.pipeline, PassageRetriever(store=fc.store, k=5, min_score=0.2))
    through = chain.invoke(ClaimRequest(claim, dateline=dt.date(2019, 2, 11)))
    assert through.label == Label.SUPPORTED, through.rationale


def test_an_as_of_date_dates_the_account_not_its_event(analyzer):
    """ "As of March 2019, ... in May 2020": March 2019 is when the plan stood, stated by a
    report of that time; it is never compared with the date the plan is for."""
    from factcheck.rules.compare import assess
    from factcheck.rules.timing import account_dates

    day = dt.date(2019, 3, 6)
    source = analyzer.analyze(
        "Tern Ferries said it intends to open the island route to passengers in May 2020.", day
    )
    claim = analyzer.analyze(
        "As of March 2019, Tern Ferries intended to open the island route in May 2020.", day
    )
    [as_of] = [v for v in claim.values if id(v) in account_dates(claim)]
    assert as_of.text == "March 2019"
    a = assess(claim, source, 0.8, claim_date=day, passage_date=day)
    assert not a.unverified and all(c.agree for c in a.checks)
    later = assess(claim, source, 0.8, claim_date=day, passage_date=dt.date(2020, 1, 9))
    assert [v.text for v in later.unverified] == ["March 2019"]  # another time's report
    plain = analyzer.analyze("Tern Ferries opened the island route in March 2019.", day)
    assert not account_dates(plain)


def test_a_claim_is_retrieved_with_the_passages_that_name_its_names(real_checker):
    """Another company's loss reads more like the claim than the claim's company's own
    sentence: the passages naming the claim's names join the pool and rank first among
    near equals."""
    fc = real_checker("nm")
    rivals = [
        "Corvid",
        "Heron",
        "Osprey",
        "Plover",
        "Dunlin",
        "Avocet",
        "Merlin",
        "Shrike",
        "Gannet",
        "Petrel",
        "Curlew",
        "Godwit",
        "Bittern",
        "Egret",
        "Kittiwake",
        "Lapwing",
        "Martin",
        "Nuthatch",
        "Redstart",
        "Siskin",
    ]
    for n, rival in enumerate(rivals):
        fc.ingest_text(
            f"---\ntitle: {rival} Motors reports loss\ndate: 2017-02-{n + 1:02d}\n---\n"
            f"In 2016 {rival} Motors posted a loss of close to ${n + 20} billion.\n",
            name=f"{rival}.md",
            fmt="markdown",
        )
    fc.ingest_text(
        "---\ntitle: Results season\ndate: 2017-01-28\n---\n"
        "Red ink at Kestrel Motors reached some $11 billion for the year, its accounts"
        " show.\n",
        name="kestrel.md",
        fmt="markdown",
    )
    claim = "In 2016 Kestrel Motors posted a loss of close to $11 billion."
    from dataclasses import replace

    from factcheck.pipeline.retrieval import search_many

    def pool(names):
        return search_many(fc.store, [claim], [None], 5, 0.2, names=names)[1][0]

    assert not any("Kestrel" in p.text for p in pool(None))  # five rivals read closer
    named = [p for p in pool([("Kestrel Motors",)]) if "Kestrel" in p.text]
    assert named and len(pool([("Kestrel Motors",)])) == 6
    # ... and among near equals, the passage that names the claim's names ranks first
    [s] = fc.pipeline.prepare_many([claim])
    rival = replace(pool(None)[0], score=0.80)
    ranked = fc.pipeline.rank_by_time(s, [rival, replace(named[0], score=0.75)])
    assert "Kestrel" in ranked[0].text
    assert "Kestrel" in fc.pipeline.rank_by_time(s, [rival, replace(named[0], score=0.6)])[1].text


def test_a_passage_that_says_the_vessel_is_about_the_leads_vessel(real_checker):
    """The lead names the subject ("the new Aurora ferry") and the copy then says "the
    vessel": a passage two sentences down that names nothing else is about it; the same
    figure of another named ship is not the lead's."""
    body = "\n\n".join(
        [
            "The new Aurora ferry left the Harland yard in Belfast on Monday for its sea"
            " trials, a week later than planned.",
            "Engineers replaced two of its four engines as a precaution before the trials.",
            "The vessel will carry up to 1,400 passengers when it enters service in June.",
            "The Borealis ferry, built at the same yard, carries up to 900 passengers.",
        ]
    )
    fc = _article(real_checker, "ld", "Ferry trials delayed", "2021-03-01", body)
    day = dt.date(2021, 3, 1)
    v = fc.check("The Aurora ferry will carry up to 1,400 passengers.", dateline=day)
    assert v.label == Label.SUPPORTED, v.rationale
    other = fc.check("The Borealis ferry will carry up to 1,400 passengers.", dateline=day)
    assert other.label != Label.SUPPORTED, other.rationale


def test_the_claims_words_find_its_sentence_in_its_article(real_checker):
    """A claim is about a story, and the sentence of the story that states it may be less
    like it than the story's others ("It will carry ...", which names nothing): the
    passages of the claim's best articles that hold most of its words are compared too.
    Like the sentence after a retrieved passage, such a sentence may complete the claim
    but never disputes it alone."""
    body = [
        "Tern Ferries has ordered a new catamaran from a yard in Bergen for its island"
        " route, the company said on Tuesday.",
        *(
            f"Tern Ferries' new catamaran for the island route will {what}, the company said."
            for what in (
                "replace a ferry built in 1988",
                "be painted in the company's blue and white",
                "be named after a local fisherman",
                "be the company's first vessel built abroad",
                "dock at a new pier on the mainland",
                "need a crew of six",
            )
        ),
        "The yard in Bergen has built vessels for operators in Norway and Scotland.",
        "It will carry 150 to 180 passengers and enter service next spring.",
        "The island has about 2,000 residents.",
    ]
    fc = _article(
        real_checker, "am", "Tern Ferries orders catamaran", "2019-03-05", "\n\n".join(body)
    )
    claim = "Tern Ferries' new catamaran will carry 150 to 180 passengers."
    [p] = fc.pipeline.prepare_many([claim])
    [p] = fc.pipeline.retrieve_many([p])
    assert "It will carry" not in " ".join(q.text for q in p.passages)  # not retrieved
    day = dt.date(2019, 3, 5)
    v = fc.check(claim, dateline=day)
    assert v.label == Label.SUPPORTED, v.rationale
    assert any("It will carry" in e.passage.text for e in v.evidence[:1])
    wrong = fc.check(claim.replace("150 to 180", "250 to 280"), dateline=day)
    assert wrong.label == Label.NOT_ENOUGH_INFO, wrong.rationale  # completes, never disputes
    # the store's word search alone finds it too; without both, it is not found stated
    from dataclasses import replace

    fc.pipeline.thresholds = replace(fc.pipeline.thresholds, article_matches=0)
    assert fc.check(claim, dateline=day).label == Label.SUPPORTED
    fc.pipeline.thresholds = replace(fc.pipeline.thresholds, word_matches=0)
    assert fc.check(claim, dateline=day).label == Label.NOT_ENOUGH_INFO


def test_a_wider_date_neither_states_nor_disputes_a_day(analyzer):
    """ "Last week" agrees with "on 16 March" but does not say which day, nor "in 2016"
    which month: the claim's date stays unstated by such a passage, and a passage that gives
    another day is not explained away by it."""
    from factcheck.rules.align import states
    from factcheck.rules.compare import assess

    day = dt.date(2016, 3, 22)
    claim = analyzer.analyze("Ravi Patel took his robot to school on 16 March 2016.", day)
    loose = analyzer.analyze("Ravi Patel took a robot he had built to school last week.", day)
    a = assess(claim, loose, 0.8, claim_date=day, passage_date=day)
    assert a.checks and all(c.agree for c in a.checks)  # no dispute ...
    assert [v.text for v in a.unverified] == ["16 March 2016"]  # ... and not stated
    exact = analyzer.analyze("Ravi Patel took a robot he had built to school on March 16.", day)
    b = assess(claim, exact, 0.8, claim_date=day, passage_date=day)
    assert not b.unverified and all(states(c) for c in b.checks)
    # a narrower date states a wider one: "in March 2016" by "on March 16"
    month = analyzer.analyze("Ravi Patel took his robot to school in March 2016.", day)
    c = assess(month, exact, 0.8, claim_date=day, passage_date=day)
    assert not c.unverified


def test_a_clause_said_in_other_words_is_stated(real_checker, analyzer):
    """Coverage by meaning: a reporter's restatement of a clause shares few of its words
    ("negotiated a deal to buy ..., a plane still in development" of "negotiated the
    purchase of ..., an aircraft under development"); its embedding near the passage's
    states it. A clause the passage does not say at all ("which led to the resignation of
    its chief executive") stays unstated."""
    from factcheck.pipeline.meaning import checked_clauses, clauses_meant
    from factcheck.rules.compare import assess
    from factcheck.rules.coverage import unstated

    text = (
        "Baltic Air has negotiated the purchase of 14 new Larkspur 500 regional jets, an"
        " aircraft Larkspur currently has under development."
    )
    fc = _article(real_checker, "cm", "Baltic Air buys Larkspur jets", "2019-06-10", text)
    day = dt.date(2019, 6, 10)
    said = (
        "Baltic Air has agreed a deal to buy fourteen new Larkspur 500 planes, a model"
        " Larkspur is still developing."
    )
    added = (
        "Baltic Air has negotiated the purchase of 14 Larkspur 500 jets, which led to the"
        " resignation of its chief executive."
    )
    [p] = fc.store.search(text, k=1)
    facts = {c: analyzer.analyze(c, day) for c in (said, added)}
    meant = clauses_meant(fc.store, [(facts[said], [p]), (facts[added], [p])], 0.6)
    source = analyzer.analyze(p.text, day)
    t = fc.pipeline.thresholds
    a = assess(facts[said], source, 0.8, claim_date=day, passage_date=day, meant=meant[0][p.id])
    assert checked_clauses(facts[said]) and meant[0][p.id] == set(checked_clauses(facts[said]))
    assert not [m for m in unstated(a, t) if m.startswith("'")]  # every clause stated
    b = assess(facts[added], source, 0.8, claim_date=day, passage_date=day, meant=meant[1][p.id])
    assert any("resignation" in m for m in unstated(b, t))
    # without meaning, the restatement's clause is unstated by its words alone
    c = assess(facts[said], source, 0.8, claim_date=day, passage_date=day)
    assert any(m.startswith("'") for m in unstated(c, t))


def test_the_model_reads_a_claim_without_the_dates_the_rules_found_stated(analyzer):
    """The stance model sees no dateline: "On 6 March 2019 Tern Ferries opened ..." against
    that day's "Tern Ferries opened ..." reads to it as a date the passage lacks. A date the
    rules found stated (by the dateline, "on Thursday", the passage's own date) is left out
    of what it reads, with the word that introduces it; any other date stays."""
    from factcheck.rules.compare import assess
    from factcheck.rules.model_input import model_claim

    day = dt.date(2019, 3, 6)
    source = analyzer.analyze("Tern Ferries opened its island route to passengers.", day)
    claim = analyzer.analyze("On 6 March 2019 Tern Ferries opened its island route.", day)
    assert model_claim(assess(claim, source, 0.8, claim_date=day, passage_date=day)) == (
        "Tern Ferries opened its island route."
    )
    inside = analyzer.analyze("Tern Ferries opened its island route in March 2019, it said.", day)
    a = assess(inside, source, 0.8, claim_date=day, passage_date=day)
    assert model_claim(a) == "Tern Ferries opened its island route, it said."
    # another day's report does not state the date: the model reads the claim as written
    later = assess(claim, source, 0.8, claim_date=day, passage_date=dt.date(2019, 5, 2))
    assert model_claim(later) == claim.text


def test_the_model_reads_what_a_claims_speaker_said_not_who(analyzer):
    """Who said it is the speaker rules' to decide; the model is asked whether the passage
    says what the claim gives its speaker. Read with the speaker's name and title, a
    quotation given to "Barack Obama, President of the United States" is compared with
    "President Barack Obama said ..." as two differently worded sentences."""
    from factcheck.rules.compare import assess
    from factcheck.rules.model_input import model_claim

    day = dt.date(2019, 3, 6)
    source = analyzer.analyze('"The talks were useful," said Tern Ferries chief Ana Ruiz.', day)
    for text, said in [
        ("Tern Ferries chief Ana Ruiz said that the talks were useful.", "The talks were useful."),
        ("The talks were useful, Ana Ruiz said on Tuesday.", "The talks were useful."),
        ("On 6 March 2019 Ana Ruiz said the talks were useful.", "The talks were useful."),
    ]:
        claim = analyzer.analyze(text, day)
        assert model_claim(assess(claim, source, 0.8, claim_date=day, passage_date=day)) == said
    # a claim of fact is read whole
    fact = analyzer.analyze("The talks in Oslo were useful.", day)
    assert model_claim(assess(fact, source, 0.8, claim_date=day, passage_date=day)) == fact.text


def test_words_inside_a_quotation_of_several_sentences_are_its_speakers(real_checker):
    """A quotation of a paragraph, its speaker named once before it: the sentences in its
    middle, with no mark and no reporting verb of their own, are the speaker's words, not
    the reporter's narration (nlp/quote_runs.py)."""
    fc = _article(
        real_checker,
        "quoted",
        "Ferry delayed by storm",
        "2019-09-10",
        "The ferry to Varholm was delayed on Monday by a storm over the strait.\n\n"
        "Harbour master Ida Lindqvist stated,\n\n"
        '"The ferry left the harbour two hours later than planned. It was carrying more'
        " than three hundred commuters on their way to work. Nobody on board was hurt when"
        ' the storm hit the harbour."\n\n'
        "The port reopened on Tuesday morning.\n",
    )
    v = fc.check(
        "Ida Lindqvist said the ferry carried over 300 commuters on their way to work.",
        dateline=dt.date(2019, 9, 10),
    )
    assert v.label == Label.SUPPORTED, v.rationale
    other = fc.check(
        "Mayor Tomas Berg said the ferry carried over 300 commuters on their way to work.",
        dateline=dt.date(2019, 9, 10),
    )
    assert other.label != Label.SUPPORTED, other.rationale


def test_a_source_cited_inside_an_interview_turn_is_reported_by_the_interviewee(real_checker):
    """An interview turn ("Ida Lindqvist: ...") whose sentence cites a source ("according
    to Vellan Council") is the interviewee's word: the claim that she said it is supported,
    not given to the council; a claim that gives it to another is not supported."""
    fc = _article(
        real_checker,
        "turns",
        "Harbour master interviewed",
        "2019-09-10",
        "Wikinews: How busy is the harbour?\n\n"
        "Ida Lindqvist: Very busy. We get over 90,000 passengers per month, which makes us"
        " the busiest harbour in Harlow according to Vellan Council.\n",
    )
    on = dt.date(2019, 9, 10)
    claim = (
        "Ida Lindqvist said the harbour handled more than 90,000 passengers a month, making"
        " it the busiest in Harlow."
    )
    v = fc.check(claim, dateline=on)
    assert v.label == Label.SUPPORTED, v.rationale
    other = fc.check(claim.replace("Ida Lindqvist", "Tomas Berg"), dateline=on)
    assert other.label != Label.SUPPORTED, other.rationale


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Lena Ostrova, 34, a lifelong member of the club, was arrested.", 34),
        ("The 34-year-old was arrested.", 34),
        ("Ostrova, aged 34, was arrested.", 34),
        ("Ostrova is 34 years old.", 34),
        ("She joined the club when she was 34.", 34),
        ("I took the oath when I was 34.", 34),
        ("Lena Ostrova, who is 34, was arrested.", 34),
        ("Her parents moved her to Oslo when she was 34 so that they could be near.", 34),
    ],
)
def test_ages_are_read_however_written(analyzer, text, age):
    [v] = [v for v in analyzer.analyze(text).values if v.kind.value == "duration"]
    assert v.role == "age" and v.low == age * 31_557_600


def test_a_number_after_a_name_is_an_age_only_after_a_person(analyzer):
    for text in (
        "Keldar Mining Ltd, 34, was sold.",
        "Lena Ostrova, 34.5, was arrested.",
        "The score was 34 at half time.",  # what a thing is, not a person
        "We were 34 in the room.",  # a count of people
    ):
        assert not [v for v in analyzer.analyze(text).values if v.kind.value == "duration"]
    [v] = analyzer.analyze("The mine has been closed for 34 years.").values
    assert v.role == "length"  # a length of time, never compared with an age


def test_two_adjacent_sentences_together_state_a_claim(real_checker):
    """Copy says one thing over two sentences ("Ostrova, 34, ..." / "She was released on
    $5,000 bail ..."): the pair of them supports the claim that restates both; a changed
    figure or an element neither states does not come back SUPPORTED."""
    fc = _article(
        real_checker,
        "window",
        "Mining chief arrested",
        "2019-03-08",
        "Lena Ostrova, 34, the head of Keldar Mining, was arrested at her office in Tromsdal"
        " on Wednesday.\n\n"
        "She was released on $5,000 bail on Thursday.\n\n"
        "The company's shares fell sharply after the news of the arrest.\n",
    )
    day = dt.date(2019, 3, 8)
    v = fc.check(
        "Lena Ostrova, the 34-year-old head of Keldar Mining, was released on $5,000"
        " bail on 7 March 2019.",
        dateline=day,
    )
    assert v.label == Label.SUPPORTED, v.rationale
    assert "Ostrova, 34" in v.evidence[0].passage.text and "bail" in v.evidence[0].passage.text
    wrong = fc.check(
        "Lena Ostrova, the 34-year-old head of Keldar Mining, was released on"
        " $9,000 bail on 7 March 2019.",
        dateline=day,
    )
    assert wrong.label != Label.SUPPORTED, wrong.rationale
    more = fc.check(
        "Lena Ostrova, the 34-year-old head of Keldar Mining, was released on"
        " $5,000 bail after a hearing in Oslo.",
        dateline=day,
    )
    assert more.label != Label.SUPPORTED, more.rationale


def test_copies_of_one_text_take_one_place_among_the_passages_compared(real_checker):
    """Wire copy is republished word for word: six outlets' copies of a sentence that reads
    like the claim must not fill the top k and push out the sentence that states it: one
    copy stands for them all."""
    fc = real_checker("cp")
    wire = "Tern Ferries carried passengers across the strait in May, the operator said."
    for n in range(6):
        fc.ingest_text(
            f"---\ntitle: Outlet {n} ferry roundup\ndate: 2019-06-{n + 10:02d}\n---\n{wire}\n",
            name=f"outlet{n}.md",
            fmt="markdown",
        )
    fc.ingest_text(
        "---\ntitle: Ferry figures\ndate: 2019-06-03\n---\n"
        "Tern Ferries carried passengers across the strait in May, the operator said.\n\n"
        "The strait crossings moved 41,200 people last month, the port authority said.\n",
        name="own.md",
        fmt="markdown",
    )
    claim = "Tern Ferries carried 41,200 passengers across the strait in May 2019."
    [s] = fc.pipeline.retrieve_many(fc.pipeline.prepare_many([claim]))
    texts = [p.text for p in s.passages]
    assert texts.count(wire) == 1
    assert any("41,200" in t for t in texts)
    assert len(s.passages) == len({" ".join(t.lower().split()) for t in texts})
    # ... nor do the passages compared beyond retrieval bring the copies back
    shown = [e.passage.text for e in fc.check(claim, dateline=dt.date(2019, 6, 3)).evidence]
    assert shown.count(wire) <= 1


def test_of_copies_the_most_trusted_sources_stands_and_a_leaning_sentence_is_never_merged():
    from factcheck.pipeline.retrieval import one_copy_each
    from factcheck.types import Passage

    def p(pid, text, trust=1.0):
        return Passage(
            id=pid, text=text, source_id=pid, title="t", start=0, end=len(text), trust=trust
        )

    wire = "Tern Ferries carried 41,200 passengers in May."
    lean = "It carried 41,200 passengers in May, the company said."
    got = one_copy_each(
        [p("blog", wire, 0.2), p("other", "Ferries ran late."), p("wire", wire.upper(), 0.9)]
    )
    assert [x.id for x in got] == ["wire", "other"]  # at the first copy's place
    # the same words after a sentence about a ferry line and after one about an airline
    assert [x.id for x in one_copy_each([p("a", lean), p("b", lean)])] == ["a", "b"]


def test_shares_codes_and_offsets_are_read_however_written(real_checker):
    """A share in words is a percentage ("about half" is not 70%; "nearly two-thirds" is
    64%); a currency's code glued to its figure and a hyphenated scale ("NZD2.4-billion")
    are money; "as of March" dates the figure; "45 days until" is how long before."""
    fc = _article(
        real_checker,
        "shares",
        "Harbour board reports",
        "2019-05-20",
        "As of March, the Tern terminal handled 70% of all ferry traffic in the region.\n\n"
        "Nearly two-thirds of the pilots backed the strike, the union said.\n\n"
        "The NZD2.4-billion Kowhai Pier will open its doors in October.\n\n"
        "On Monday, with 45 days until the start of the Harbour Games, the board met.\n",
    )
    day = dt.date(2019, 5, 20)
    half = fc.check(
        "The Tern terminal handled about half of all ferry traffic in the region as of March 2019.",
        dateline=day,
    )
    assert half.label == Label.REFUTED, half.rationale
    seventy = fc.check(
        "The Tern terminal handled 70 percent of all ferry traffic in the region as of March 2019.",
        dateline=day,
    )
    assert seventy.label == Label.SUPPORTED, seventy.rationale
    pilots = fc.check("About 64% of the pilots backed the strike, the union said.", dateline=day)
    assert pilots.label == Label.SUPPORTED, pilots.rationale
    pier = fc.check("The Kowhai Pier cost 2.4 billion New Zealand dollars.", dateline=day)
    assert "2.4" in pier.rationale and pier.label != Label.REFUTED, pier.rationale
    games = fc.check(
        "The board met on 20 May 2019, 45 days before the start of the Harbour Games.",
        dateline=day,
    )
    assert games.label == Label.SUPPORTED, games.rationale


def test_a_length_of_time_is_read_from_the_two_times_of_day_that_bound_it(real_checker):
    """ "From 7:00am to 9pm" is a fourteen-hour day: a claim of that length is supported
    and one of another refuted; the times' digits are no figures of anything."""
    fc = _article(
        real_checker,
        "shift",
        "Harbour crews strike",
        "2018-03-09",
        "Dock worker Lena Okafor says that at the Kestrel terminal she worked from 7:00am to"
        " 9pm without a break.\n",
    )
    said = "Lena Okafor says she worked {} days at the Kestrel terminal."
    on = dt.date(2018, 3, 9)
    v = fc.check(said.format("fourteen-hour"), dateline=on)
    assert v.label == Label.SUPPORTED, v.rationale
    wrong = fc.check(said.format("ten-hour"), dateline=on)
    assert wrong.label == Label.REFUTED, wrong.rationale


def test_a_surname_a_tagger_reads_as_a_capital_is_the_speaker_named_before(real_checker):
    """ "Madrid claims ..." in a story about Marta Madrid is her, though a capital alone
    stands for its country."""
    body = (
        "Marta Madrid, a former deckhand, has spoken about her years at sea.\n\n"
        "Madrid claims that the owners kept her passport for eleven years.\n"
    )
    fc = _article(real_checker, "surname", "Former crew member speaks out", "2018-03-09", body)
    claim = "Marta Madrid said the owners kept her passport for eleven years."
    v = fc.check(claim, dateline=dt.date(2018, 3, 9))
    assert v.label == Label.SUPPORTED, v.rationale


def test_two_times_of_one_sentence_date_two_events_that_far_apart(real_checker):
    """ "At 15:30 GMT ... after the 11:00 GMT ruling": four and a half hours after."""
    body = (
        "In a statement at 15:30 GMT today, Governor Ida Brandt announced an appeal against"
        " the 11:00 GMT ruling by the Harlow court that the Fenwick dam must close.\n"
    )
    fc = _article(real_checker, "offset", "Governor to appeal dam ruling", "2018-04-12", body)
    said = "Governor Ida Brandt's statement came {} after the Harlow court's ruling."
    v = fc.check(said.format("four and a half hours"), dateline=dt.date(2018, 4, 12))
    assert v.label == Label.SUPPORTED, v.rationale
    wrong = fc.check(said.format("two hours"), dateline=dt.date(2018, 4, 12))
    assert wrong.label == Label.REFUTED, wrong.rationale


# Lengths of time that copy restates from dates: each case an article (its prefix, title,
# dateline, body) and claims with their labels, checked on the article's dateline.
LENGTHS_FROM_DATES = {
    # "closed since June 2, 2016" in June 2018 is closed for two years; "its first loss
    # since 2009" is its first in nine years
    "since": (
        "Paper mill to reopen",
        "2018-06-10",
        "The Harlow paper mill has been closed since June 2, 2016, when its owner went"
        " bankrupt.\n\n"
        "Its former owner, Fenwick Paper, this week posted its first annual loss since 2009.\n",
        [
            ("The Harlow paper mill has been closed for two years.", Label.SUPPORTED),
            ("The Harlow paper mill has been closed for five years.", Label.REFUTED),
            ("Fenwick Paper posted its first annual loss in nine years.", Label.SUPPORTED),
        ],
    ),
    # "from March to September" is a six-month strike; a claim's own range is stated by
    # its dates and never asked for as a length
    "range": (
        "Dock strike ends",
        "2018-10-02",
        "Dock workers at the Kestrel terminal were on strike from March to September, the"
        " union said.\n\n"
        "The Harlow paper mill made boots between 2004 and 2009 before it turned to paper.\n",
        [
            ("Dock workers at the Kestrel terminal struck for six months.", Label.SUPPORTED),
            ("Dock workers at the Kestrel terminal struck for two months.", Label.REFUTED),
            ("The Harlow paper mill made boots for five years.", Label.SUPPORTED),
            ("The Harlow paper mill made boots from 2004 to 2009.", Label.SUPPORTED),
        ],
    ),
    # two dated events of a sentence: "walked out on 12 January and returned on 20 July"
    # is about six months, a sailing "three months after" an announcement; another length
    # is not refuted by it (two dated events need not be one's start and end), and the
    # words between the two dates still say what each date is of
    "between": (
        "Crews back at work",
        "2018-10-02",
        "Crews at the Tallow yard walked out on 12 January 2017 and returned to work on"
        " 20 July 2017, the union said.\n\n"
        "Merrow Ferries announced the island route on March 3, 2018, and its first boat"
        " sailed on June 5, 2018, with 40 passengers.\n\n"
        "In 1986 the Dunmore family bought the Tallow yard, which Harlow Shipping acquired"
        " in 2005.\n",
        [
            ("The walkout at the Tallow yard lasted about six months.", Label.SUPPORTED),
            ("The walkout at the Tallow yard lasted two months.", Label.NOT_ENOUGH_INFO),
            (
                "The first Merrow boat sailed three months after the route was announced.",
                Label.SUPPORTED,
            ),
            ("The Dunmore family bought the Tallow yard in 1991.", Label.REFUTED),
        ],
    ),
}


@pytest.mark.parametrize("case", sorted(LENGTHS_FROM_DATES))
def test_a_length_of_time_read_from_dates_is_one_copy_restates(real_checker, case):
    title, date, body, rows = LENGTHS_FROM_DATES[case]
    fc = _article(real_checker, case, title, date, body)
    _expect(fc, dt.date.fromisoformat(date), rows)


def test_the_date_of_a_saying_is_checked_against_the_narration(real_checker):
    """ "Ann Grey said on 1 October that ...": the day she spoke is the reporter's to give,
    not hers; narration that dates it another day disputes it, whoever the words are."""
    body = (
        "Harlow mayor Ann Grey spoke out on Tuesday that the council had approved a plan"
        " which would close five bus depots.\n"
    )
    fc = _article(real_checker, "saying", "Depots to close", "2018-10-04", body)
    on = dt.date(2018, 10, 4)
    said = "Ann Grey said on {} October 2018 that the council approved a plan to close five depots."
    wrong = fc.check(said.format(1), dateline=on)
    assert wrong.label == Label.REFUTED, wrong.rationale
    assert fc.check(said.format(2), dateline=on).label != Label.REFUTED


def test_a_list_of_names_states_their_count_but_never_disputes_one(real_checker):
    """ "From Norway, Finland, Estonia and Latvia" is four countries; a claim of five is
    not stated, but not refuted either: a list may leave some out."""
    body = (
        "Fishing ministers from Norway, Finland, Estonia and Latvia met in Harlow on Monday"
        " to agree new quotas.\n"
    )
    fc = _article(real_checker, "lists", "Ministers agree quotas", "2018-10-02", body)
    got = {
        n: fc.check(f"Fishing ministers from {n} countries met in Harlow.", dateline=None)
        for n in ("four", "five")
    }
    assert got["four"].label == Label.SUPPORTED, got["four"].rationale
    assert got["five"].label == Label.NOT_ENOUGH_INFO, got["five"].rationale


def test_a_figure_of_a_subordinate_clause_does_not_state_the_main_one(real_checker):
    """ "The harbour master praised the crew when the first ferry docked": a passage about
    the first ferry docking states the "when" clause's figure, not the praise."""
    body = (
        "The first Kestrel ferry docked at Harlow harbour at noon after a stormy crossing.\n\n"
        "Crowds cheered on the quay as the ship's horn sounded.\n"
    )
    fc = _article(real_checker, "subclause", "First ferry reaches Harlow", "2018-10-02", body)
    NEI = Label.NOT_ENOUGH_INFO
    _expect(
        fc,
        dt.date(2018, 10, 2),
        (
            ("The harbour master praised the crew when the first Kestrel ferry docked.", NEI),
            ("The first Kestrel ferry docked at Harlow harbour at noon.", Label.SUPPORTED),
        ),
    )


def test_a_report_of_an_event_is_no_speech_that_spares_the_main_clause(real_checker):
    """ "Shares fell sharply after the company reported its first annual loss": "reported"
    with an object is an event, not words given to the company, so the main clause (the
    fall in shares) must be stated as well as the loss."""
    body = "Kestrel Lines has posted its first annual loss since 1992.\n"
    fc = _article(real_checker, "report", "Kestrel posts loss", "2018-10-02", body)
    _expect(
        fc,
        dt.date(2018, 10, 2),
        (
            (
                "Kestrel Lines shares fell sharply after the company reported its first annual"
                " loss since 1992.",
                Label.NOT_ENOUGH_INFO,
            ),
            ("Kestrel Lines reported its first annual loss since 1992.", Label.SUPPORTED),
        ),
    )


def test_a_figure_given_as_a_multiple_of_another_is_stated(real_checker):
    """ "Dockers earn $30 an hour; their replacements will earn about half that": those
    will earn about $15 an hour, which the passage states though it never writes it."""
    body = (
        "Dockers at the Kestrel terminal earn $30 an hour; their replacements will earn about"
        " half that.\n"
    )
    fc = _article(real_checker, "multiple", "Kestrel terminal to cut pay", "2018-10-02", body)
    for pay, label in (("about $15", Label.SUPPORTED), ("$20", Label.REFUTED)):
        claim = f"The workers replacing the Kestrel dockers will earn {pay} an hour."
        v = fc.check(claim, dateline=dt.date(2018, 10, 2))
        assert v.label == label, (claim, v.rationale)


def test_a_reporters_rounding_of_a_figure_is_not_refuted(real_checker):
    """Copy rounds figures to fewer digits ("14%" of 13.8%, "1.5 million" of 1.46 million):
    that restates the figure. A figure with more digits covers less ("1,854.97" is no
    rounding of 1,847.27), and a level is compared with the level, not the change."""
    fc = _article(
        real_checker,
        "rnd",
        "Dunmore shares slide",
        "2018-10-02",
        "Dunmore shares fell 13.8% on Monday after the carmaker cut its forecast.\n\n"
        "Dunmore sold 1.46 million cars last year, the company said.\n\n"
        "The Harlow index rose by 54.97 points to close at 1,847.27 on Monday.\n",
    )
    _expect(
        fc,
        dt.date(2018, 10, 2),
        [
            ("Dunmore shares fell 14% on Monday.", Label.SUPPORTED),
            ("Dunmore sold 1.5 million cars last year.", Label.SUPPORTED),
            ("Dunmore shares fell 18% on Monday.", Label.REFUTED),
            ("The Harlow index closed at 1,854.97 on Monday.", Label.REFUTED),
        ],
    )
