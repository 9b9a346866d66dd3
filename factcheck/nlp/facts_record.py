"""A passage's facts, all of them, as JSON stored with the passage at ingest (issue #31:
analyse once), and read back exactly: ``facts_from_record(facts_record(f), f.text) == f``.
A check then parses only the claim. The record carries no vocabulary: the reader's
Analyzer gives its own, and the fingerprint (``Analyzer.fingerprint``) stored beside the
record says whether it was made by this analysis (else the passage is parsed again, and
``factcheck reindex`` brings the store up to date)."""

from __future__ import annotations

import json
from typing import Any

from factcheck.lang import Vocabulary
from factcheck.nlp.facts import TextFacts, ValueInContext
from factcheck.nlp.facts_json import polar_sets
from factcheck.nlp.statements import Statement
from factcheck.types import Value, ValueKind


def _value(v: Value) -> list[Any]:
    return [
        v.kind.value,
        v.text,
        list(v.span),
        v.low,
        v.high,
        v.unit,
        v.hedge,
        v.noun,
        v.date_from,
        v.date_to,
        v.grain,
        v.role,
        v.name,
        v.entity_type,
        v.note,
    ]


def _read_value(d: list[Any]) -> Value:
    kind, text, span, low, high, unit, hedge, noun, dfrom, dto, grain, role, name, et, note = d
    return Value(
        kind=ValueKind(kind),
        text=text,
        span=(span[0], span[1]),
        low=low,
        high=high,
        unit=unit,
        hedge=hedge,
        noun=noun,
        date_from=dfrom,
        date_to=dto,
        grain=grain,
        role=role,
        name=name,
        entity_type=et,
        note=note,
    )


def _statement(s: Statement) -> list[Any]:
    return [
        s.speaker,
        s.name,
        list(s.speaker_span),
        s.start,
        s.end,
        sorted(s.words),
        s.quoted,
        s.pronoun,
        s.definite,
        list(s.reporters),
        s.unnamed,
    ]


def _read_statement(d: list[Any]) -> Statement:
    speaker, name, span, start, end, words, quoted, pronoun, definite, reporters, unnamed = d
    return Statement(
        speaker=speaker,
        name=name,
        speaker_span=(span[0], span[1]),
        start=start,
        end=end,
        words=frozenset(words),
        quoted=quoted,
        pronoun=pronoun,
        definite=definite,
        reporters=tuple(reporters),
        unnamed=unnamed,
    )


def _pairs(xs: tuple[tuple[str, frozenset[str]], ...]) -> list[Any]:
    return [[a, sorted(b)] for a, b in xs]


def facts_record(f: TextFacts) -> str:
    """Every field of ``f`` but its text (stored beside it) and its vocabulary."""
    return json.dumps(
        {
            "found": [
                [
                    _value(x.value),
                    sorted(x.context),
                    x.anchor,
                    *(
                        [sorted(x.owner), sorted(x.subject), x.verb]
                        if x.owner or x.subject or x.verb
                        else []
                    ),
                ]
                for x in f.found
            ],
            "entities": [_value(v) for v in f.entities],
            "content": sorted(f.content),
            "negated": sorted(f.negated),
            "predicates": sorted(f.predicates),
            "attribution": f.attribution,
            "flags": [f.quote, f.question, f.opinion, f.contrast, f.past, f.statement, f.reported],
            "tokens": f.tokens,
            "spans": [list(s) for s in f.spans],
            "unreadable": [_value(v) for v in f.unreadable],
            "clauses": _pairs(f.clauses),
            "frames": _pairs(f.frames),
            "statements": [_statement(s) for s in f.statements],
            "quotes": [list(q) for q in f.quotes],
            "lang": f.lang,
            "references": [list(r) for r in f.references],
            "unreal": [list(r) for r in f.unreal],
            "said_on": [list(r) for r in f.said_on],
            "roles": [[v, sorted(a), sorted(b), x, y] for v, a, b, x, y in f.roles],
            "ranks": [list(r) for r in f.ranks],
            "slots": [[h, r, sorted(w), x] for h, r, w, x in f.slots],
            "negative": f.negative,
            "polar": [sorted(x) for x in f.polar],
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def facts_from_record(record: str, text: str, vocab: Vocabulary | None = None) -> TextFacts:
    """The facts ``facts_record`` wrote for ``text``. ValueError when the record is not
    one (a damaged or foreign metadata field): the caller parses the text instead."""
    try:
        d = json.loads(record)
        quote, question, opinion, contrast, past, statement, reported = d["flags"]
        return TextFacts(
            text=text,
            found=tuple(
                ValueInContext(
                    _read_value(v),
                    frozenset(c),
                    a,
                    frozenset(o[0] if o else ()),
                    frozenset(o[1] if len(o) > 1 else ()),
                    o[2] if len(o) > 2 else "",
                )
                for v, c, a, *o in d["found"]
            ),
            entities=tuple(_read_value(v) for v in d["entities"]),
            content=frozenset(d["content"]),
            negated=frozenset(d["negated"]),
            predicates=frozenset(d["predicates"]),
            attribution=d["attribution"],
            quote=quote,
            question=question,
            opinion=opinion,
            contrast=contrast,
            past=past,
            tokens=d["tokens"],
            spans=tuple((a, b, c) for a, b, c in d["spans"]),
            unreadable=tuple(_read_value(v) for v in d["unreadable"]),
            clauses=tuple((a, frozenset(b)) for a, b in d["clauses"]),
            frames=tuple((a, frozenset(b)) for a, b in d["frames"]),
            statement=statement,
            reported=reported,
            statements=tuple(_read_statement(s) for s in d["statements"]),
            quotes=tuple((a, b, c) for a, b, c in d["quotes"]),
            lang=d["lang"],
            references=tuple((a, b) for a, b in d["references"]),
            unreal=tuple((a, b) for a, b in d.get("unreal", ())),
            said_on=tuple((a, b) for a, b in d.get("said_on", ())),
            roles=tuple(
                (v, frozenset(a), frozenset(b), x, y) for v, a, b, x, y in d.get("roles", ())
            ),
            ranks=tuple((a, b, c, s, e) for a, b, c, s, e in d.get("ranks", ())),
            slots=tuple((h, r, frozenset(w), x) for h, r, w, x in d.get("slots", ())),
            negative=d["negative"],
            polar=polar_sets(d["polar"]),
            vocab=vocab,
        )
    except (KeyError, TypeError, ValueError) as ex:
        raise ValueError(f"not a facts record: {ex}") from None
