"""Who said what (nlp/speech.py, nlp/statements.py): quotations must be the source's
words, and words given to a speaker must be that speaker's in the source."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.nlp.facts import quotations
from factcheck.nlp.speech import (
    claimed_statement,
    misquote,
    norm_quote,
    quoted_in,
    same_speaker,
    voice,
)
from factcheck.types import Label

DL = dt.date(2021, 12, 31)


# -- quotations ---------------------------------------------------------------------------


def test_a_quotation_is_found_verbatim_whatever_its_marks_case_and_spacing():
    src = "Putin said anti-Moscow sanctions would be a “colossal   error.”"
    assert quoted_in('"Colossal error"', src)
    assert quoted_in("colossal error", src)  # a partial quotation that exists
    assert not quoted_in("colossal mistake", src)
    assert norm_quote("“Serious and substantive.”") == "serious and substantive"


def test_an_ellipsis_stands_for_words_left_out():
    src = "“President Biden emphasized that substantial progress can only be made,” Psaki said."
    assert quoted_in("President Biden emphasized … can only be made", src)
    assert quoted_in("President Biden emphasized ... progress", src)
    assert not quoted_in("can only be made … President Biden", src)  # order matters


def test_quotations_run_over_passage_ends():
    assert quotations('He said "many schools will quit. Then') == (
        ("many schools will quit. Then", 9, 37),
    )
    assert quotations('manage them" ((it)).') == (("manage them", 0, 11),)
    assert quotations("no quotes here") == ()


def test_one_changed_word_is_a_misquote_with_both_wordings(analyzer):
    p = analyzer.analyze(
        "The tone, according to a senior US source, was “serious and substantive.”", DL
    )
    m = misquote("serious and constructive", p)
    assert m is not None and (m.claimed, m.source) == (
        "serious and constructive",
        "serious and substantive",
    )
    assert misquote("serious and substantive", p) is None  # verbatim
    assert misquote("a warm and friendly exchange", p) is None  # not this quotation at all


# -- statements and voices -----------------------------------------------------------------


def _one(analyzer, text):
    (s,) = analyzer.analyze(text, DL).statements
    return s


def test_the_speaker_of_said_told_added_and_according_to(analyzer):
    assert _one(analyzer, "Ushakov told reporters that Putin was pleased.").name == "ushakov"
    s = _one(analyzer, "“Progress can only be made in calm,” Psaki added.")
    assert s.name == "psaki" and s.quoted
    s = _one(analyzer, "The tone, according to a senior US source, was serious.")
    assert s.speaker == "a senior US source"
    assert _one(analyzer, "He also stated that Russia expects an outcome.").pronoun


def test_a_name_the_tagger_reads_as_places_is_the_speaker_not_its_apposition(analyzer):
    """ "Marta London, a former nurse, claims ...": the parser tags the name as two places;
    it is still the speaker, by its whole name, and the apposition only describes her."""
    s = _one(
        analyzer, "Marta London, a former nurse from Canada, claims the clinic kept her waiting."
    )
    assert (s.speaker, s.name) == ("Marta London", "marta london")
    said = '"Prices will fall," said the senior strategist for Tern Partners, Ola Dahl.'
    s = _one(analyzer, said)
    assert s.name == "ola dahl"  # a description's name in apposition still names it


def test_according_to_a_thing_issued_by_someone_is_according_to_them(analyzer):
    """ "according to figures released by Norstat" gives the words to Norstat, who issued
    the figures; "according to the figures" to the figures; a name stays the name."""
    s = _one(analyzer, "Sales rose 4 percent, according to figures released on Monday by Norstat.")
    assert s.name == "norstat"
    assert _one(analyzer, "Sales rose 4 percent, according to the figures.").name == "figures"
    assert _one(analyzer, "Sales rose, according to Ana Soto of Norstat.").name == "ana soto"


def test_verbs_of_replying_and_remarking_report_speech(analyzer):
    """Say verbs beyond "say" (Levin's class 37.7) and verbs of replying give words to a
    speaker; a verb of evidence ("the figures indicated") does not make figures a speaker."""
    s = _one(analyzer, '"It is a partnership between two airlines," replied Paulo Silva.')
    assert s.name == "paulo silva" and s.quoted
    assert _one(analyzer, "Silva responded that the talks were useful.").name == "silva"
    assert _one(analyzer, "Ana Soto conceded that the vote was lost.").name == "ana soto"
    told = "Ana Soto informed reporters that the department will look into it."
    assert _one(analyzer, told).name == "ana soto"
    assert _one(analyzer, "Ana Soto observed that the vote was close.").name == "ana soto"
    assert _one(analyzer, "Silva disclosed that the talks had failed.").name == "silva"
    assert _one(analyzer, "Silva countered that the talks were useful.").name == "silva"
    f = analyzer.analyze("The figures indicated that sales fell by 9 percent in May.", DL)
    assert f.statements == ()


def test_a_participle_of_saying_speaks_with_its_verbs_subject(analyzer):
    """ "X defended the plan, saying ..." and "X said ..., adding that ...": the participle
    has no subject of its own; the one who defended, or said, speaks through it."""
    f = analyzer.analyze("Ford cut prices on Monday, saying demand had fallen.", DL)
    assert [(s.name, s.words) for s in f.statements] == [
        ("ford", frozenset({"demand", "decline"}))
    ]  # canonical lemmas
    f = analyzer.analyze(
        "Ana Ruiz told reporters the talks had failed, adding that fares would rise.", DL
    )
    assert [s.name for s in f.statements] == ["ana ruiz", "ana ruiz"]
    assert any("fare" in s.words for s in f.statements)
    # an infinitive, or a verb joined to another, with no subject of its own, too
    f = analyzer.analyze("Ana Ruiz went on to say that fares would rise in May.", DL)
    assert [s.name for s in f.statements] == ["ana ruiz"]
    f = analyzer.analyze("Ana Ruiz stood up and said that fares would rise in May.", DL)
    assert [s.name for s in f.statements] == ["ana ruiz"]
    # unless a proper noun right before the joined verb is the subject the parse lost
    f = analyzer.analyze(
        "The Harlow Commission welcomed the plan and in a reaction to the news European"
        ' Commissioner for Transport Neelie Vroes said "the plan is very much in favour of'
        ' travellers."',
        DL,
    )
    assert [s.name for s in f.statements] == ["transport neelie vroes"]


def test_a_speaker_the_parse_joined_to_a_list_still_speaks(analyzer):
    """A long question before the answer can make the parser join the answering name to a
    list ("between Brazil and the EU, ... Paulo Silva replied": Silva as a third member
    beside Brazil and the EU), leaving the reporting verb without a subject. The name right
    before a finite reporting verb is its speaker."""
    for text, name in [
        (
            "When asked whether the merger could be seen as a sign of an end to the dispute"
            ' between Brazil and the EU, Embraer chief executive Paulo Silva replied, "It is'
            ' a partnership between two airlines."',
            "paulo silva",
        ),
        (
            "When asked whether the vote should be seen as a step towards a settlement of the"
            ' quarrel between Chile and the UK, Foreign Minister Ana Soto replied, "It is a'
            ' vote about fishing rights."',
            "ana soto",
        ),
    ]:
        assert _one(analyzer, text).name == name


def test_a_speaker_beside_another_is_not_reported_by_them(analyzer):
    f = analyzer.analyze(
        "Biden warned Putin that any invasion would be met with retaliation, while Putin said"
        " sanctions would be a “colossal error.”",
        DL,
    )
    putin = next(s for s in f.statements if s.name.endswith("putin"))
    assert putin.reporters == ()  # "while Putin said": beside Biden's warning, not in it
    assert {"sanction", "colossal"} <= putin.words  # lemmas


def test_a_statement_inside_another_is_reported_by_its_speaker(analyzer):
    f = analyzer.analyze(
        "Press Secretary Jen Psaki said Biden “made clear that the United States will respond"
        " firmly.”",
        DL,
    )
    biden = next(s for s in f.statements if s.name == "biden")
    assert biden.reporters == ("jen psaki",)


def test_an_interview_turn_speaks_in_its_label(analyzer):
    f = analyzer.analyze("Christopher Hill: I think the talks went well.", DL)
    assert [s.name for s in f.statements] == ["christopher hill"]


def test_voice_narration_statement_and_pronoun(analyzer):
    claim = analyzer.analyze("Smith said the plant will close in March.", DL)
    words = claimed_statement(claim).words
    narration = analyzer.analyze("The plant will close in March.", DL)
    assert voice(words, narration, None).speaker == ""
    said = analyzer.analyze("Jones said the plant will close in March.", DL)
    v = voice(words, said, None)
    assert v.name == "jones" and not same_speaker("smith", v)
    pronoun = analyzer.analyze("He said the plant will close in March.", DL)
    before = analyzer.analyze("Mayor Ann Smith spoke to the council.", DL)
    assert same_speaker("smith", voice(words, pronoun, before))
    assert not voice(words, pronoun, None).known


# -- verdicts on the seed (the examples) -----------------------------------------


@pytest.fixture(scope="module")
def desk(embedder, analyzer, shipped_stance):
    import uuid

    import chromadb

    from factcheck.api import FactChecker
    from factcheck.config import Settings
    from factcheck.sources.store import PassageStore

    client = chromadb.EphemeralClient(settings=chromadb.Settings(anonymized_telemetry=False))
    store = PassageStore(client, embedder, f"attr{uuid.uuid4().hex[:8]}")
    fc = FactChecker(store, analyzer, Settings(use_stance_model=False), check_embedder=False)
    fc.pipeline.stance = shipped_stance
    from pathlib import Path

    fc.ingest([Path(__file__).parent.parent / "seeds"])
    return fc


@pytest.mark.parametrize(
    ("claim", "label", "why"),
    [
        (
            "Putin said Russia had about 100,000 troops near Ukraine.",
            Label.NOT_ENOUGH_INFO,
            "the source says this, but not that Putin said it",
        ),
        ('Putin said sanctions would be a "colossal error".', Label.SUPPORTED, ""),
        (
            'Ushakov said sanctions would be a "colossal error".',
            Label.REFUTED,
            "the source attributes this to Putin, not Ushakov",
        ),
        (
            'Psaki said Putin was "pleased" with the talks.',
            Label.REFUTED,
            "the source attributes this to Foreign policy advisor Yury Ushakov, not Psaki",
        ),
        (
            'A senior US source said the tone was "serious and constructive".',
            Label.REFUTED,
            "the source quotes 'serious and substantive', not 'serious and constructive'",
        ),
        ('A senior US source said the tone was "serious and substantive".', Label.SUPPORTED, ""),
        (
            "Putin said Russia expects a concrete outcome from the Geneva talks in January.",
            Label.REFUTED,
            "the source attributes this to Ushakov, not Putin",
        ),
    ],
)
def test_who_said_what_on_the_seed(desk, claim, label, why):
    v = desk.check(claim, dateline=DL)
    assert v.label == label, v.rationale
    assert why in v.rationale


def test_a_claim_of_fact_shows_whose_word_it_is(desk):
    v = desk.check("The tone of the talks was serious and substantive.", dateline=DL)
    assert v.label == Label.SUPPORTED and "(according to a senior US source)" in v.rationale
    d = v.to_dict()
    assert d["claimed_speaker"] is None and d["source_speaker"] == "a senior US source"
    assert d["evidence"][0]["speaker"] == "a senior US source"


def test_verdict_json_names_both_speakers(desk):
    d = desk.check('Psaki said Putin was "pleased" with the talks.', dateline=DL).to_dict()
    assert d["claimed_speaker"] == "Psaki"
    assert d["source_speaker"] == "Foreign policy advisor Yury Ushakov"


def test_two_sources_that_give_it_to_two_speakers_conflict(embedder, analyzer, shipped_stance):
    import uuid

    import chromadb

    from factcheck.api import FactChecker
    from factcheck.config import Settings
    from factcheck.sources.store import PassageStore

    client = chromadb.EphemeralClient(settings=chromadb.Settings(anonymized_telemetry=False))
    store = PassageStore(client, embedder, f"two{uuid.uuid4().hex[:8]}")
    fc = FactChecker(store, analyzer, Settings(use_stance_model=False), check_embedder=False)
    fc.pipeline.stance = shipped_stance
    fc.ingest_text(
        "Mayor Ann Smith said the steel plant will close in March.", name="wire-a", dateline=DL
    )
    fc.ingest_text(
        "Union leader Tom Jones said the steel plant will close in March.",
        name="wire-b",
        dateline=DL,
    )
    v = fc.check("Ann Smith said the steel plant will close in March.", dateline=DL)
    assert v.label == Label.CONFLICTING, v.rationale
    assert "Supports:" in v.rationale and "Tom Jones" in v.rationale


def test_exports_and_card_carry_the_speakers(desk):
    from factcheck.interfaces.exports import claim_review, to_csv, to_markdown
    from factcheck.interfaces.web.render import verdict_card

    v = desk.check('Psaki said Putin was "pleased" with the talks.', dateline=DL)
    row = {"id": "1", **v.to_dict()}
    md = to_markdown([row])
    assert "Claimed speaker: Psaki; the source gives it to: Foreign policy advisor" in md
    cr = claim_review(row)
    assert cr["itemReviewed"]["author"]["name"] == "Psaki"
    assert "the source gives it to: Foreign policy advisor Yury Ushakov" in cr["reviewBody"]
    assert "claimed_speaker" in to_csv([row]).splitlines()[0]
    card = verdict_card(v)
    assert 'class="fc-speakers"' in card and "Claimed speaker: <b>Psaki</b>" in card


def test_a_description_stands_for_the_name_nearby(analyzer):
    from factcheck.nlp.speech import Voice

    company = Voice("The company", "company", definite=True)
    assert same_speaker("northwind", company, frozenset({"northwind", "profits"}))
    assert not same_speaker("northwind", company, frozenset({"profits"}))
    assert not same_speaker("northwind", Voice("Acme", "acme"), frozenset({"northwind"}))


def test_the_words_verbatim_decide_whatever_the_model_reads(analyzer):
    from factcheck.rules.compare import assess, conclude
    from factcheck.types import Stance, StanceProbs

    passage = analyzer.analyze(
        "Mayor Ann Smith said the plant will close and the jobs will go.", DL
    )
    unsure = StanceProbs(0.2, 0.3, 0.5)
    same = analyzer.analyze("Ann Smith said the plant will close and the jobs will go.", DL)
    other = analyzer.analyze("Tom Jones said the plant will close and the jobs will go.", DL)
    assert conclude(assess(same, passage, 0.5), unsure).stance == Stance.SUPPORTS
    out = conclude(assess(other, passage, 0.5), unsure)
    assert out.stance == Stance.REFUTES and "attributes this to Mayor Ann Smith" in out.rationale
    narration = analyzer.analyze("The plant will close and the jobs will go, officials fear.", DL)
    assert conclude(assess(same, narration, 0.5), unsure).stance == Stance.NEUTRAL


def test_a_quotation_paragraph_speaks_in_the_voice_named_before_it(analyzer):
    words = claimed_statement(
        analyzer.analyze("Ann Smith said the plant will close in March.", DL)
    ).words
    before = analyzer.analyze("Mayor Ann Smith said at the meeting:", DL)
    quote = analyzer.analyze("“The plant will close in March, and we will fight it.”", DL)
    v = voice(words, quote, before)
    assert v.name == "ann smith" and same_speaker("ann smith", v)
    assert voice(words, quote, None).speaker == ""  # no speaker named before: narration


def _conclude(analyzer, claim, passage, *, context=None, title=""):
    from factcheck.rules.compare import assess, conclude
    from factcheck.types import StanceProbs

    c, p = analyzer.analyze(claim, DL), analyzer.analyze(passage, DL)
    ctx = analyzer.analyze(context, DL) if context else None
    return conclude(assess(c, p, 0.8, context=ctx, title=title), StanceProbs(0.9, 0.05, 0.05))


def test_a_role_is_the_speaker_named_nearby_and_unknown_otherwise(analyzer):
    from factcheck.types import Stance

    claim = "Psaki said the talks were useful and frank."
    role = "The White House press secretary said the talks were useful and frank."
    named = "Press Secretary Jen Psaki spoke to reporters on Friday."
    assert _conclude(analyzer, claim, role, context=named).stance == Stance.SUPPORTS
    out = _conclude(analyzer, claim, role)
    assert out.stance == Stance.NEUTRAL and "does not say who said this" in out.rationale


def test_an_interview_answer_is_the_interviewee_in_the_headline(analyzer):
    from factcheck.types import Stance

    claim = "Christopher Hill said the talks in Beijing went well."
    answer = "A: I think the talks in Beijing went well."
    title = "Wikinews interviews Christopher Hill on North Korea"
    assert _conclude(analyzer, claim, answer, title=title).stance == Stance.SUPPORTS
    assert _conclude(analyzer, claim, answer).stance == Stance.NEUTRAL  # whose answer?


def test_a_role_that_names_its_holder_is_that_person(analyzer):
    s = _one(
        analyzer,
        "“The market is showing small signs of life,” said the vice president of Chrysler LLC"
        " Jim Press.",
    )
    assert (s.speaker, s.name, s.definite) == ("Jim Press", "jim press", False)


def test_a_quoted_word_changed_in_reported_speech_refutes(desk):
    """The issue #14 example: Ushakov's "pleased", reported as "disappointed"."""
    v = desk.check("Ushakov said Putin was disappointed with the talks.", dateline=DL)
    assert v.label == Label.REFUTED and "'pleased', not 'disappointed'" in v.rationale
    same = desk.check("Ushakov said Putin was pleased with the talks.", dateline=DL)
    assert same.label == Label.SUPPORTED, same.rationale


def test_a_reporting_verb_parsed_as_a_modifier_of_a_long_subject_is_its_speech():
    """ "Kestrel Motors Corporation (KMC), a carmaker which has filed for bankruptcy,
    announced on Friday that ...": the parser may take the long subject for the sentence
    and "announced" for a modifier of it (this parse is the one spaCy gave a real news
    sentence). The company still speaks, and its name ends before what it said."""
    import spacy
    from spacy.tokens import Doc

    from factcheck.nlp.statements import statements

    words = "Kestrel Motors Corporation , a carmaker which has filed for bankruptcy ,"
    words += " announced on Friday that the Fenwick Group was selected to buy it ."
    toks = words.split()
    parse = {  # token: (head, dep, pos, tag, lemma)
        0: (2, "compound", "PROPN", "NNP", "Kestrel"),
        1: (2, "compound", "PROPN", "NNP", "Motors"),
        2: (2, "ROOT", "PROPN", "NNP", "Corporation"),
        3: (2, "punct", "PUNCT", ",", ","),
        4: (5, "det", "DET", "DT", "a"),
        5: (2, "appos", "NOUN", "NN", "carmaker"),
        6: (8, "nsubj", "PRON", "WDT", "which"),
        7: (8, "aux", "AUX", "VBZ", "have"),
        8: (5, "relcl", "VERB", "VBN", "file"),
        9: (8, "prep", "ADP", "IN", "for"),
        10: (9, "pobj", "NOUN", "NN", "bankruptcy"),
        11: (2, "punct", "PUNCT", ",", ","),
        12: (2, "acl", "VERB", "VBN", "announce"),
        13: (12, "prep", "ADP", "IN", "on"),
        14: (13, "pobj", "PROPN", "NNP", "Friday"),
        15: (20, "mark", "SCONJ", "IN", "that"),
        16: (18, "det", "DET", "DT", "the"),
        17: (18, "compound", "PROPN", "NNP", "Fenwick"),
        18: (20, "nsubjpass", "PROPN", "NNP", "Group"),
        19: (20, "auxpass", "AUX", "VBD", "be"),
        20: (12, "ccomp", "VERB", "VBN", "select"),
        21: (22, "aux", "PART", "TO", "to"),
        22: (20, "xcomp", "VERB", "VB", "buy"),
        23: (22, "dobj", "PRON", "PRP", "it"),
        24: (2, "punct", "PUNCT", ".", "."),
    }
    rows = [parse[i] for i in range(len(toks))]
    doc = Doc(
        spacy.blank("en").vocab,
        words=toks,
        heads=[r[0] for r in rows],
        deps=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        tags=[r[3] for r in rows],
        lemmas=[r[4] for r in rows],
        ents=["B-ORG", "I-ORG", "I-ORG", *["O"] * 22],
    )
    content = {t.i: t.lemma_.lower() for t in doc if t.pos_ in ("NOUN", "PROPN", "VERB")}
    (s,) = statements(doc, content)
    assert s.speaker == "Kestrel Motors Corporation"
    assert doc.text[s.speaker_span[0] : s.speaker_span[1]].endswith("bankruptcy")
    assert "select" in s.words and "carmaker" not in s.words


def test_a_quotation_after_its_reporting_verb_is_what_it_reports(analyzer):
    """'Of the plan, he said, "In the end I'll have one vote ..."': the parser makes the
    quotation the root and hangs "said" on it; the quotation is still his statement, so
    his pronoun can be resolved to the speaker named before."""
    f = analyzer.analyze(
        "Of the public process, he said, \"In the end I'll have one vote in each referendum"
        ' just like every other citizen on the electoral roll".'
    )
    (s,) = f.statements
    assert s.pronoun and s.speaker == "he"
    assert {"vote", "referendum", "citizen"} <= s.words
    assert f.text[s.start : s.end].startswith("In the end")
