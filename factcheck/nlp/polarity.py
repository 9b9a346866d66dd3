"""Which predicates a sentence asserts and which it negates ("did not welcome", "was not
a member"): what negation_flip and the opposite evaluations compare (rules/compare.py,
rules/opposites.py)."""

from __future__ import annotations

from typing import Any

from factcheck.lang import Vocabulary, resolve
from factcheck.nlp.syntax import lemma

# The key a predicate told of the time ahead is kept under besides its own ("+will close"):
# an assertion and a negation are a contradiction only when both or neither are
# (rules/negation.negation_flip).
FUTURE_MARK = "+will"
PERFECT_MARK = "+have"  # and one told in the perfect ("has not reopened", "had never led")
DONE_MARK = "+did"  # and one asserted as done or so now ("reopened on February 20")
PREDICATE_DEPS = frozenset(["ROOT", "ccomp", "xcomp", "conj", "advcl", "relcl", "acomp", "pcomp"])
_COMPLEMENTS = frozenset(["ccomp", "xcomp"])  # a predicate's clausal complements


def is_predicate(t: Any) -> bool:
    """A main verb, a predicate adjective, or what a copula says a thing is ("is a
    member")."""
    return (
        t.pos_ == "VERB"
        or (t.pos_ == "ADJ" and t.dep_ in PREDICATE_DEPS)
        or (t.dep_ in ("attr", "acomp") and t.head.pos_ == "AUX")
        or _place_after_copula(t)
    )


def _place_after_copula(t: Any) -> bool:
    """The noun of a phrase a copula says a thing is in ("will be in service", "was not
    on the list"): what the sentence says of it; not a time ("in the fourth quarter")."""
    prep = t.head
    return (
        t.pos_ == "NOUN"
        and t.ent_type_ not in ("DATE", "TIME")  # "were not up 13% in the fourth quarter"
        and t.dep_ == "pobj"
        and prep.dep_ == "prep"
        and prep.head.pos_ == "AUX"
        and prep.head.lemma_.lower() == "be"
    )


Polar = tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]


def _possible(doc: Any, v: Vocabulary) -> set[int]:
    """The predicates a sentence gives only as possible or intended: under a modal of
    possibility ("may close"), or governed by a verb of intention, expectation or
    tentativeness ("plans to cut", "is expected to approve", "is considering buying"), and
    those joined to them ("may close the plant and cut 300 jobs"), or told of a plan or an
    offer ("announced plans to cut", "a bid to buy"): lexicon ``possibility_modals``,
    ``tentative_verbs`` and ``tentative_nouns``."""
    governors = v.tentative_verbs
    out = {
        t.i
        for t in doc
        if any(c.dep_ == "aux" and c.lemma_.lower() in v.possibility_modals for c in t.children)
        or (t.dep_ == "xcomp" and t.head.lemma_.lower() in governors)
        or (  # "analysts expect the index to rise": an infinitive with its own subject
            t.dep_ == "ccomp"
            and t.head.lemma_.lower() in governors
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
        )
        or (  # "announced plans to cut", "a proposal to close"
            t.dep_ == "acl"
            and t.head.lemma_.lower() in v.tentative_nouns
            and any(c.lower_ == "to" for c in t.children)
        )
    }
    todo = list(out)
    while todo:
        for c in doc[todo.pop()].children:
            if c.dep_ == "conj" and c.i not in out:
                out.add(c.i)
                todo.append(c.i)
    return out


def polar(
    doc: Any, alternative: Any = lambda t: False, *, vocab: Vocabulary | None = None
) -> Polar:
    """The predicates a sentence asserts, those it negates, those it gives only as possible
    or intended (:func:`_possible`) and those a speaker denies or disputes ("denied that he
    had met them"), each as its lemma and as its lemma with each modifier ("hard week"):
    "This is a hard week and not a week anyone could plan for" asserts "hard week" and
    negates a plain "week", so "this was not a hard week" contradicts it and "a hard week
    nobody could plan for" does not. ``alternative`` tells a "not" that negates nothing
    ("whether or not")."""
    v = resolve(vocab)
    negated: set[int] = set()
    for t in doc:
        if alternative(t):
            continue
        if t.dep_ == "neg" or (t.lower_ in v.negations and t.head is not t):
            negated.add(t.head.i)
            if t.head.pos_ == "AUX":  # "X is not a member": the predicate is the attribute
                negated.update(c.i for c in t.head.children if c.dep_ in ("attr", "acomp"))
                negated.update(  # "will not be in service"
                    x.i
                    for c in t.head.children
                    if c.dep_ == "prep"
                    for x in c.children
                    if _place_after_copula(x)
                )
    # A subject that is no one ("No agreement was reached", "Nobody died", "None of the
    # passengers was hurt"; lexicon ``negative_words``) negates what is said of it; a
    # predicate "yet to" be done ("has yet to approve"; ``pending_words``) is not done.
    pending: set[int] = set()  # "has yet to approve": not done yet, as the perfect says
    for t in doc:
        if t.dep_ in ("nsubj", "nsubjpass") and _no_one(t, v):
            if t.head.i in negated:  # "neither side could not score": two negations
                negated.discard(t.head.i)
                continue
            negated.add(t.head.i)
            if t.head.pos_ == "AUX":  # "No one was available"
                negated.update(c.i for c in t.head.children if c.dep_ in ("attr", "acomp"))
        if (
            t.dep_ == "xcomp"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
            and any(c.dep_ == "advmod" and c.lower_ in v.pending_words for c in t.head.children)
        ):
            negated.add(t.i)
            pending.add(t.i)
    # A verb of not doing negates the verb it governs: "declined to predict", "refused to
    # say", "failed to reach", "were unable to reach" (lexicon ``negating_verbs``); the
    # two together, neither.
    for t in doc:
        if t.lemma_.lower() in v.negating_verbs and t.i not in negated:
            negated.update(c.i for c in t.children if c.dep_ == "xcomp" and c.pos_ == "VERB")
    # What a negated verb's complement says is neither asserted nor negated: "they don't
    # know how to write" does not say they write; "he did not say he would resign" does
    # not say he would. Not a copula's ("there's not the panic that there was": a
    # relative clause the parser may hang on it as a complement).
    moot = {
        x.i
        for i in negated
        if doc[i].pos_ == "VERB" and not any(c.dep_ in ("attr", "acomp") for c in doc[i].children)
        for c in doc[i].children
        if c.dep_ in _COMPLEMENTS
        for x in c.subtree
    }
    # What a clause of condition or an open question says is neither: "would respond if
    # the broadcasts do not stop" does not say they did not stop. What is denied or
    # dismissed ("denied that he had met them", "dismissed reports that it would be sold")
    # is the speaker's word against another's, which "said he had not met them" restates.
    open_ = {
        x.i
        for t in doc
        if t.dep_ == "mark" and t.lower_ in v.condition_markers
        for x in t.head.subtree
    }
    denied = {
        x.i
        for t in doc
        if t.lemma_.lower() in v.denial_verbs and t.i not in negated
        for c in (*t.children, *(y for d in t.children if d.dep_ == "dobj" for y in d.children))
        if c.dep_ in ("ccomp", "xcomp", "acl")
        and c.pos_ in ("VERB", "AUX")
        # of the object, a clause it reports ("reports that ...", "a proposal to close"),
        # not a participle that describes it ("the workers hired to build the plant")
        and (c.head.i == t.i or any(m.lower_ in ("that", "to") for m in c.children))
        for x in c.subtree
    }
    possible = _possible(doc, v)
    # What "anybody" or "anything" does is said only under a negation or a question ("not
    # a day anybody can be prepared for"; lexicon ``any_words``): neither asserted nor
    # negated by its own clause.
    for t in doc:
        if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in v.any_words:
            moot.add(t.head.i)  # and what a copula says of them ("anybody can be ready")
            moot.update(c.i for c in t.head.children if c.dep_ in ("attr", "acomp"))
    out: tuple[set[str], set[str], set[str], set[str]] = (set(), set(), set(), set())
    for t in doc:
        if (
            not (t.i in negated or is_predicate(t))
            or (t.i in moot and t.i not in negated)
            or t.i in open_
        ):
            continue
        head = lemma(t, vocab=v)
        keys = {head} | {
            f"{lemma(c, vocab=v)} {head}" for c in t.children if c.dep_ in ("amod", "compound")
        }
        at = 3 if t.i in denied else 1 if t.i in negated else 2 if t.i in possible else 0
        # "killed no one" says of no one that they were killed: not "killed" (nor its
        # negation: "Nobody died" and "killed no one" say one thing)
        objects = {  # with its object ("profit report")
            f"{lemma(c, vocab=v)} {head}"
            for c in t.children
            if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") and not _no_one(c, v)
        }
        if not (at == 0 and any(c.dep_ == "dobj" and _no_one(c, v) for c in t.children)):
            out[at].update(keys)
            # when it is told of: the time ahead ("will lead", "may reopen", "plans to
            # build"), not done yet ("has not reopened", "never led", "has yet to
            # approve"), or done (an assertion of neither): rules/negation.py
            told = _when(t, at, t.i in possible, t.i in pending, v)
            out[at].update(f"{told} {k}" for k in keys | objects if told)
        if (stem := prefix_stem(t, v)) and at < 2:  # "was illegal": "legal" negated
            out[1 - at].add(stem)
        # with its object, which an object of no one negates alone ("reported no profit"
        # negates "profit report", and still asserts "report")
        for c in t.children:
            if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN"):
                out[1 if _no_one(c, v) and at == 0 else at].add(f"{lemma(c, vocab=v)} {head}")
    # an adjective negated by its prefix where the parser hangs it on a verb ("found the
    # search unconstitutional"): its stem, negated; before a noun ("an independent audit"),
    # only of that noun ("dependent audit"), which says nothing of "dependent" elsewhere
    for t in doc:
        if is_predicate(t) or t.i in negated or not (stem := prefix_stem(t, v)):
            continue
        if t.dep_ == "amod":
            out[1].add(f"{stem} {lemma(t.head, vocab=v)}")
        elif t.head.pos_ in ("VERB", "AUX"):
            out[1].add(stem)
    return frozenset(out[0]), frozenset(out[1]), frozenset(out[2]), frozenset(out[3])


def prefix_stem(t: Any, v: Vocabulary) -> str:
    """The adjective an adjective negates by a prefix ("illegal": "legal", "unlikely":
    "likely"; lexicon ``adjective_prefixes``), where the parser tags it an adjective and
    the rest is four letters or more; not one of ``prefix_exceptions`` ("invaluable",
    "intense"); else ""."""
    word = t.lower_
    if t.pos_ != "ADJ" or word in v.prefix_exceptions:
        return ""
    return next(
        (
            word[len(p) :]
            for p in v.adjective_prefixes
            if word.startswith(p) and len(word) - len(p) >= 4
        ),
        "",
    )


def future(t: Any, v: Vocabulary) -> bool:
    """Whether a predicate is told of the time ahead: under a future auxiliary ("will
    lead"; lexicon ``future_auxiliaries``) or "going to", or a future reported in the past
    ("said it would close": the backshifted form of "will" in a reported clause), or the infinitive,
    attribute or complement of one ("will be the first woman to lead", "will be able to
    cut")."""
    reported = {x for x, base in v.backshift.items() if base == "will"}
    for _ in range(5):
        auxes = [c.lower_ for c in t.children if c.dep_ == "aux"]
        going = t.head.lemma_.lower() == "go" and t.head.tag_ == "VBG"  # "is going to build"
        if t.dep_ == "xcomp" and going and "to" in auxes:
            return True
        if any(a in v.future_auxiliaries for a in auxes) or (
            any(a in reported for a in auxes)
            and t.dep_ == "ccomp"
            and t.head.lemma_.lower() in v.reporting_verbs
        ):
            return True
        infinitive = "to" in auxes or any(c.lower_ == "to" for c in t.children)
        if t.dep_ in ("xcomp", "attr", "acomp") or (t.dep_ in ("acl", "relcl") and infinitive):
            t = t.head
            continue
        return False
    return False


def _when(t: Any, at: int, possible: bool, pending: bool, v: Vocabulary) -> str:
    """The mark of the time a predicate is told of (:data:`FUTURE_MARK` ...), or ""."""
    if possible or future(t, v):
        return FUTURE_MARK
    never = any(c.lower_ in v.never_words for c in t.children)
    if pending or never or any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in t.children):
        return PERFECT_MARK if at == 1 else DONE_MARK
    return DONE_MARK if at == 0 else ""


def ahead(x: str, asserted: Polar, negated: Polar) -> bool:
    """Whether the text that asserts a predicate the other negates tells of it only in the
    time ahead, and the other negates it in the perfect, not in the time ahead: "no woman
    had led a carmaker" is not contradicted by "she will be the first woman to lead one",
    what has not been done yet may be done later (where "has reopened" is contradicted by
    "will not reopen", and "said he did not object" by "said he would object"). Of the
    key ``x`` as it is (the predicate with its modifier or object: "dividend pay")."""
    will, have, did = (f"{mark} {x}" for mark in (FUTURE_MARK, PERFECT_MARK, DONE_MARK))
    return (
        any(will in s for s in asserted)
        and did not in asserted[0]  # not also told as done ("and it reopened on May 2")
        and not any(will in s for s in negated)
        and any(have in s for s in negated)
    )


def _no_one(t: Any, v: Vocabulary) -> bool:
    """A noun phrase that names no one and nothing: "nobody", "none of them", "no
    agreement", "neither side"; not one that names an exception ("nobody but the mayor",
    "none other than the mayor", "no one except the driver"; lexicon ``exception_words``),
    which says that one did, nor a figure's bound ("no fewer than 107 people")."""
    no = [c for c in t.children if c.dep_ == "det" and c.lower_ in v.negative_words]
    return (
        (t.lower_ in v.negative_words or bool(no))
        and not any(c.lower_ in v.exception_words for c in t.children)
        # "no fewer than 107 people", "no more than ten": a bound on a figure
        and not any(c.dep_ == "nummod" for c in t.children)
        and not any(x.nbor(2).lower_ in v.comparison_markers for x in no if x.i + 2 < len(x.doc))
    )


def alternative(t: Any, vocab: Vocabulary) -> bool:
    """A "not" that negates nothing: one that offers an alternative ("whether or not to
    extend"), adds to what it says ("not only cut prices but also ..."), or puts off what
    happened until a time ("did not reopen until Friday")."""
    if t.i > 0 and t.doc[t.i - 1].lower_ in vocab.alternative_before_not:
        return True
    if t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in vocab.additive_after_not:
        return True
    return (t.dep_ == "neg" or t.lower_ in vocab.negations) and any(
        c.lower_ in vocab.not_until and c.dep_ in ("prep", "mark") for c in t.head.children
    )


def negatives(doc: Any, vocab: Vocabulary) -> int:
    """How many negative words a sentence has ("not", "never", "nobody", "no"): a sentence
    with one and a sentence with none differ in polarity, two negative sentences may not."""
    return sum(
        1
        for t in doc
        if (t.dep_ == "neg" or t.lower_ in vocab.negations or t.lower_ in vocab.negative_words)
        and not alternative(t, vocab)
    )


def negated_heads(doc: Any, vocab: Vocabulary) -> frozenset[str]:
    """The lemmas a negation negates ("did not expand": expand; "is not a member": member)."""
    negated = set()
    for t in doc:
        if alternative(t, vocab):
            continue
        if t.dep_ == "neg" or (t.lower_ in vocab.negations and t.head is not t):
            head = t.head
            negated.add(lemma(head, vocab=vocab))
            if head.pos_ == "AUX":  # "X is not a member": the predicate is the attribute
                negated.update(
                    lemma(c, vocab=vocab) for c in head.children if c.dep_ in ("attr", "acomp")
                )
    return frozenset(negated)
