"""Per-sentence linguistic facts (spaCy): values with their counted nouns, entities,
content words, negated predicates, attribution. Claims and passages go through the same
analysis so that rules/compare.py can align them. The parse-level helpers are in
syntax.py and statements.py, word and name matching in words.py and names.py.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any, cast

from factcheck.backends.weights import Lazy
from factcheck.errors import ModelError
from factcheck.lang import DEFAULT_LANGUAGE, Vocabulary, resolve, vocabulary, words_pattern
from factcheck.nlp import designations, mood, polarity, syntax
from factcheck.nlp.ages import as_age
from factcheck.nlp.date_ranges import is_between
from factcheck.nlp.dates import DateContext
from factcheck.nlp.duration_roles import duration_role, record_mark
from factcheck.nlp.elapsed import deadline_terms, elapsed_role, is_elapsed
from factcheck.nlp.fingerprint import SPACY_MODEL, analysis_fingerprint
from factcheck.nlp.lemmas import import_spacy_without_torch, load_pipeline
from factcheck.nlp.lists import headed_lists, is_list_count, named_lists, partitive_ones
from factcheck.nlp.names import entity_match, norm_entity
from factcheck.nlp.quotes import quotations, typed_quotes
from factcheck.nlp.ranks import Rank, ranks
from factcheck.nlp.roles import Role, Slot, name_slots, verb_roles
from factcheck.nlp.said_dates import saying_dates
from factcheck.nlp.shared_units import carry_currency, carry_noun
from factcheck.nlp.statements import Statement, statements
from factcheck.nlp.subject_owners import figure_owners
from factcheck.nlp.tense import past_dates
from factcheck.nlp.values import find_values
from factcheck.nlp.words import canon, fuzzy_in
from factcheck.types import Value, ValueKind

__all__ = [
    "Analyzer",
    "TextFacts",
    "ValueInContext",
    "canon",
    "entity_match",
    "fuzzy_in",
    "norm_entity",
]

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

# spaCy's entity types that name something a claim can be about (not dates or amounts).
ENT_LABELS = frozenset(
    ["PERSON", "GPE", "ORG", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"]
)
QUOTE_RE = re.compile(r"[“\"]([^”\"]{3,})[”\"]")
NEAR = 60  # characters: the words this close to a value are its context


@dataclass(frozen=True, slots=True)
class ValueInContext:
    """A value of a sentence with what surrounds it in the parse."""

    value: Value  # a date, quantity, duration or ordinal (``noun``: what it counts)
    context: frozenset[str]  # content lemmas near it
    anchor: str  # the word it attaches to ("50-minute call" -> call)
    owner: frozenset[str] = frozenset()  # its item of a "respectively" list (respectively.py)
    subject: frozenset[str] = frozenset()  # its clause's named subject's (subject_owners.py)
    verb: str = ""  # the verb of its clause ("hurt about 300": hurt): syntax.clause_verb


@dataclass(frozen=True, slots=True)
class TextFacts:
    """What one sentence (or passage) states, in comparable form."""

    text: str
    found: tuple[ValueInContext, ...]  # its values, in text order
    entities: tuple[Value, ...]  # kind ENTITY, ``name`` normalised
    content: frozenset[str]  # canonical content lemmas
    negated: frozenset[str]  # canonical lemmas of negated predicates
    predicates: frozenset[str]  # lemmas of the main verbs and predicate adjectives/nouns
    attribution: str | None
    quote: bool
    question: bool
    opinion: bool
    contrast: bool
    past: bool
    tokens: int
    spans: tuple[tuple[str, int, int], ...] = ()  # (canonical lemma, start, end) of content words
    unreadable: tuple[Value, ...] = ()  # kind INVALID: "February 30", "1e400"
    # Clauses other than the main one ("..., prompting an inquiry"), each with its content
    # lemmas: a claim is stated only when each of its clauses is.
    clauses: tuple[tuple[str, frozenset[str]], ...] = ()
    # Predicates with the head lemmas of their arguments (subject, objects): "troops are
    # deployed" and "weapons would not be deployed" are not one predicate negated.
    frames: tuple[tuple[str, frozenset[str]], ...] = ()
    statement: bool = False  # a finite clause with a third-person subject: says what happened
    reported: bool = False  # reported speech: a reporting verb with a quote or a speaker
    # Who says what: each reporting verb's speaker and the words it gives them.
    statements: tuple[Statement, ...] = ()
    quotes: tuple[tuple[str, int, int], ...] = ()  # quoted words (text, start, end)
    lang: str = DEFAULT_LANGUAGE  # the language it was read in (the Analyzer's vocabulary)
    # Dates and lengths of time that are points of comparison, not the event's time ("the
    # worst fall since the 2011 earthquake", "from a year earlier"): syntax.references.
    references: tuple[tuple[int, int], ...] = ()
    negative: int = 0  # how many negative words it has (polarity.negatives)
    # Values in a clause a modal perfect says did not happen ("would have been delivered by
    # 2011"): mood.unreal. Compared only with one another, as comparison points are.
    unreal: tuple[tuple[int, int], ...] = ()
    # Dates of saying ("X fell, officials said on Sunday"): said_dates.saying_dates. A
    # claim's date is compared with one only when it is a date of saying too: when words
    # were said is not when what they report happened.
    said_on: tuple[tuple[int, int], ...] = ()
    # predicates with their modifiers ("week", "hard week"), as asserted / as negated / as
    # only possible or intended ("may close", "plans to cut") / as denied: polarity.polar
    polar: tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]] = (
        frozenset(),
    ) * 4
    roles: tuple[Role, ...] = ()  # (verb, doer's words, object's words): nlp/roles.py
    slots: tuple[Slot, ...] = ()  # where each name stands: nlp/roles.py
    ranks: tuple[Rank, ...] = ()  # places in a ranking ("the eleventh largest"): nlp/ranks.py
    # The vocabulary it was read with, when the Analyzer was given one of its own (a copy
    # of a language's tables): the rules then read its words by the same tables.
    vocab: Vocabulary | None = field(default=None, compare=False, repr=False)

    @property
    def stated(self) -> tuple[ValueInContext, ...]:
        """Its values but those read from its other values: lengths of time read from its
        dates ("since 2004", "from 2004 to 2009"), counts of its lists of names. What they
        are read from states them: a claim's own are not asked for, nor compared."""
        dates = [f.value.span for f in self.found if f.value.kind == ValueKind.DATE]
        return tuple(
            f for f in self.found if not _from_dates(f.value, dates) and not is_list_count(f.value)
        )

    @property
    def values(self) -> tuple[Value, ...]:
        """The values alone, in text order (:attr:`stated`'s)."""
        return tuple(f.value for f in self.stated)

    @property
    def vocabulary(self) -> Vocabulary:
        """The tables it was read with: what the rules read its words by."""
        return self.vocab if self.vocab is not None else vocabulary(self.lang)


class Analyzer:
    """Runs spaCy (loaded lazily, once) and the value finders over sentences.

    ``nlp`` may be injected (tests); otherwise the packaged English pipeline is loaded.
    ``vocab`` is the language's tables (English when None), passed to every function that
    reads words; the facts it gives carry its language (``TextFacts.lang``).
    """

    def __init__(
        self,
        nlp: Any = None,
        cache_size: int = 20000,
        without_torch: bool = True,
        *,
        vocab: Vocabulary | None = None,
        date_order: str = "",
    ) -> None:
        """``without_torch``: keep thinc from importing torch while spaCy loads (the ONNX
        backend). Off when torch is in use: another thread may be importing it.
        ``date_order`` ("dmy", "mdy" or ""): how to read "03/04/2021"."""
        self.vocab = resolve(vocab)
        self.date_order = date_order
        self.without_torch = without_torch
        self._nlp: Lazy[Any] = Lazy(lambda: nlp) if nlp is not None else Lazy(self._load)
        self._lock = threading.Lock()  # guards the cache
        self._cache: OrderedDict[tuple[str, dt.date | None, str], TextFacts] = OrderedDict()
        self._cache_size = cache_size
        self._injected, self._fingerprints = nlp is not None, cast(dict[str, str], {})

    def warm_up(self) -> None:
        self._nlp.get()

    @property
    def own_vocab(self) -> Vocabulary | None:  # what facts carry: None for a language's own
        return None if self.vocab is vocabulary(self.vocab.code) else self.vocab

    @property
    def fingerprint(self) -> str:
        """This analysis as a short hash (nlp/fingerprint.py); an injected pipeline or a
        vocabulary copy makes it this object's own."""
        return self.fingerprint_for(None)

    def fingerprint_for(self, date_order: str | None) -> str:
        """The fingerprint of this analysis with another date order (a source's own)."""
        order = self.date_order if date_order is None else date_order
        if order not in self._fingerprints:
            own = self._injected or self.own_vocab is not None
            self._fingerprints[order] = analysis_fingerprint(self.vocab.code, order, own)
        return self._fingerprints[order]

    def _load(self) -> Any:
        try:
            if self.without_torch:
                spacy = import_spacy_without_torch()
            else:
                import spacy
            return load_pipeline(spacy, SPACY_MODEL)
        except Exception as ex:
            raise ModelError(f"Cannot load spaCy pipeline {SPACY_MODEL}: {ex}") from ex

    @property
    def nlp(self) -> Any:
        return self._nlp.get()

    def analyze(
        self, text: str, dateline: dt.date | None = None, ctx: DateContext | None = None
    ) -> TextFacts:
        return self.analyze_many([text], dateline, ctx)[0]

    def analyze_many(
        self,
        texts: list[str],
        dateline: dt.date | None = None,
        ctx: DateContext | None = None,
        *,
        sequential: bool = False,
    ) -> list[TextFacts]:
        """Analyse texts in one spaCy batch. With ``sequential`` the date context (the last
        year named) carries from each text to the next, as in one article."""
        if ctx is None and not sequential:
            return self.analyze_dated([(t, dateline, None) for t in texts])
        c = ctx or DateContext(dateline, order=self.date_order)
        out = []
        for doc in self._parse(texts):
            facts, c2 = _facts(doc, c, self.vocab)
            if sequential:
                c = c2
            out.append(facts)
        return out

    def analyze_dated(
        self, items: Sequence[tuple[str, dt.date | None, str | None]], *, lenient: bool = False
    ) -> list[TextFacts]:
        """Texts each read against its own dateline and date order (None: this analyser's),
        all parsed in one spaCy batch. ``lenient``: a dateline the calendar cannot count
        from is ignored for that text (one bad passage fails no other), not raised."""
        keys = [(t, d, self.date_order if o is None else o) for t, d, o in items]
        out: list[TextFacts | None] = [self._cache.get(k) for k in keys]
        todo = [i for i, f in enumerate(out) if f is None]
        for i, doc in zip(todo, self._parse([items[i][0] for i in todo]), strict=True):
            day, order = keys[i][1:]
            try:
                facts = _facts(doc, DateContext(day, order=order), self.vocab)[0]
            except (ArithmeticError, ValueError) as ex:
                if not lenient or day is None:
                    raise
                logger.warning("dateline %s ignored for a passage: %s", day, ex)
                facts = _facts(doc, DateContext(None, order=order), self.vocab)[0]
            out[i] = facts
            self._remember(keys[i], facts)
        return cast(list[TextFacts], out)

    def _parse(self, texts: list[str]) -> list[Any]:
        if not texts:
            return []
        self.warm_up()
        with self._lock:
            # same-length rewrite: every offset read stays one into the text as written
            return list(self.nlp.pipe(map(typed_quotes, texts), batch_size=256))

    def _remember(self, key: tuple[str, dt.date | None, str], facts: TextFacts) -> None:
        with self._lock:
            self._cache[key] = facts
            if len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)


def _from_dates(v: Value, dates: list[tuple[int, int]]) -> bool:
    """Whether ``v`` is a length of time read from dates of its text (it spans one)."""
    return v.kind == ValueKind.DURATION and any(v.span[0] <= s and e <= v.span[1] for s, e in dates)


@cache
def _words(vocab: Vocabulary) -> tuple[re.Pattern[str], frozenset[str]]:
    """A contrast marker; the first three ordinals (content words: "the first time")."""
    return (
        re.compile(rf"\b(?:{words_pattern(vocab.contrast)})", re.I),
        frozenset(w for w, n in vocab.ordinals.items() if n <= 3),
    )


def _content_token(tok: Any, vocab: Vocabulary) -> bool:
    return (
        tok.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV")
        and (not tok.is_stop or tok.lemma_.lower() in vocab.content_stopwords)
        and tok.lemma_.lower() not in vocab.generic
        and any(ch.isalnum() for ch in tok.text)
    ) or tok.lower_ in _words(vocab)[1]


def _facts(doc: Any, ctx: DateContext, vocab: Vocabulary) -> tuple[TextFacts, DateContext]:
    text, dateline = doc.text, ctx.dateline
    found, ctx = find_values(text, ctx, vocab=vocab, keep_invalid=True)
    found = past_dates(doc, found, dateline, vocab)  # "was announced in January": the last
    found = deadline_terms(doc, found, vocab=vocab)  # not "replaced by 2012 models"
    entities = _entities(doc, vocab)
    spans = []
    content = set()
    content_at: dict[int, str] = {}
    words_at: dict[int, str] = {}  # every content word, names included
    value_spans = [v.span for v in found if not is_between(v)]  # its words are the events'
    ent_tokens = {
        i for ent in doc.ents if ent.label_ in ENT_LABELS for i in range(ent.start, ent.end)
    }
    for t in doc:
        # Figures themselves are compared as values, not as words.
        if t.like_num or any(a <= t.idx < b for a, b in value_spans):
            continue
        if _content_token(t, vocab):
            lem = syntax.lemma(t, vocab=vocab)
            content.add(lem)
            spans.append((lem, t.idx, t.idx + len(t.text)))
            words_at[t.i] = lem
            if t.i not in ent_tokens:  # names are checked as entities
                content_at[t.i] = lem
    content.update(e.name for e in entities)
    own = figure_owners(doc, found, vocab, ENT_LABELS)
    in_context = tuple(
        _in_context(doc, v, spans, vocab, *own.get(v.span, (frozenset(), frozenset())))
        for v in found
        if v.kind != ValueKind.INVALID
        # "FTSE 100", "iPhone 4", "Flight 93": a name, not a count
        and not (
            v.kind == ValueKind.QUANTITY
            and not v.unit
            and designations.part_of_name(doc, v.span[0], vocab=vocab)
        )
    )
    carried = carry_currency([f.value for f in in_context], vocab=vocab)  # "the four billion"
    carried = carry_noun(doc, carried, vocab=vocab)  # "4,300 jobs in France, 3,700 in Germany"
    in_context = tuple(replace(f, value=v) for f, v in zip(in_context, carried, strict=True))
    groups = [
        *named_lists(doc, vocab=vocab),
        *headed_lists(doc, vocab=vocab),
        *partitive_ones(doc, vocab=vocab),
    ]
    lists = tuple(_in_context(doc, v, spans, vocab) for v in groups)
    speaker = syntax.attribution(doc, vocab=vocab)
    facts = TextFacts(
        text=text,
        found=tuple(sorted(in_context + lists, key=lambda f: f.value.span)),
        entities=entities,
        content=frozenset(content),
        negated=polarity.negated_heads(doc, vocab),
        negative=polarity.negatives(doc, vocab),
        polar=polarity.polar(doc, lambda t: polarity.alternative(t, vocab), vocab=vocab),
        predicates=frozenset(
            w
            for t in doc
            for w in (
                syntax.lemma(t, vocab=vocab) if polarity.is_predicate(t) else "",
                polarity.prefix_stem(t, vocab) if t.dep_ != "amod" else "",
            )
            if w
        ),
        attribution=speaker,
        quote=bool(QUOTE_RE.search(text)),
        question=text.rstrip("”\"' ").endswith("?"),
        opinion=mood.opinion(doc, vocab),
        contrast=bool(_words(vocab)[0].search(text)),
        past=any(t.tag_ in ("VBD", "VBN") for t in doc),
        tokens=len(doc),
        spans=tuple(spans),
        unreadable=tuple(v for v in found if v.kind == ValueKind.INVALID),
        clauses=syntax.clauses(doc, content_at),
        frames=syntax.frames(doc, vocab=vocab),
        statement=mood.statement(doc, vocab),
        statements=statements(doc, words_at, vocab=vocab),
        quotes=quotations(text),
        reported=any(t.pos_ == "VERB" and t.lemma_.lower() in vocab.reporting_verbs for t in doc)
        and bool(QUOTE_RE.search(text) or speaker),
        lang=vocab.code,
        vocab=None if vocab is vocabulary(vocab.code) else vocab,
        references=syntax.references(doc, found, vocab=vocab),
        unreal=mood.unreal(doc, found, vocab),
        said_on=saying_dates(doc, found, vocab),
        roles=verb_roles(doc, vocab=vocab),
        ranks=ranks(doc, found, vocab=vocab),
        slots=name_slots(doc, found, vocab=vocab),
    )
    return facts, ctx


def _entities(doc: Any, vocab: Vocabulary) -> tuple[Value, ...]:
    """The names spaCy finds, and a model's number that it leaves out ("the 787's order
    book": a designation, never a count, is named as a headline or a lead names it)."""
    out = []
    found = [(ent.text, ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]
    found += [
        (t.text, t.idx, t.idx + len(t.text), "PRODUCT")
        for t in doc
        if designations.owned_designation(t)
    ]
    for text, start, end, label in found:
        if label in ENT_LABELS:
            name = norm_entity(text, label, vocab=vocab)
            if name:
                out.append(
                    Value(
                        kind=ValueKind.ENTITY,
                        text=text,
                        span=(start, end),
                        name=name,
                        entity_type=label,
                    )
                )
    return tuple(out)


def _in_context(
    doc: Any,
    v: Value,
    spans: list[tuple[str, int, int]],
    vocab: Vocabulary,
    owner: frozenset[str] = frozenset(),
    subject: frozenset[str] = frozenset(),
) -> ValueInContext:
    """A value with its counted noun or duration role filled in, the words near it, the
    word it attaches to and whose it is (its item in a list, its clause's subject)."""
    a, b = v.span
    v = as_age(doc, v, vocab)  # "Daniel Roe, 19,": 19 years of age
    if v.kind in (ValueKind.QUANTITY, ValueKind.ORDINAL) and not v.unit and not v.entity_type:
        ordinal = v.kind == ValueKind.ORDINAL
        v = replace(v, noun=syntax.counted_noun(doc, a, b, ordinal, vocab=vocab))
    if v.kind == ValueKind.DURATION and not v.role:
        since = is_elapsed(v, vocab=vocab)  # "since 2004": the time since a date
        role = (
            elapsed_role(doc, a, b, vocab=vocab) if since else duration_role(doc, a, b, vocab=vocab)
        )
        # a record's window says which record ("low level"), as a count says what it counts
        noun = record_mark(doc, a, b, vocab=vocab) if role == "record" else v.noun
        v = replace(v, role=role, noun=noun)
    near = frozenset(
        lem for lem, s, e in spans if abs(s - a) < NEAR or abs(e - b) < NEAR
    ) | syntax.arguments(doc, a, b, vocab=vocab)
    timed = v.kind in (ValueKind.DATE, ValueKind.DURATION)
    anchor = syntax.anchor(doc, a, b, vocab=vocab, timed=timed)
    verb = syntax.clause_verb(doc, a, b, vocab=vocab)
    return ValueInContext(v, near, anchor, owner=owner, subject=subject, verb=verb)
