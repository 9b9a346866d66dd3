"""A claim's facts as compact JSON, stored with each remembered review (memory.py), and
read back, stores written before the typed value fields included."""

from __future__ import annotations

import dataclasses
import json
from functools import cache
from typing import Any

from factcheck.lang import DEFAULT_LANGUAGE, Vocabulary, vocabulary
from factcheck.nlp.facts import TextFacts, ValueInContext
from factcheck.types import Value, ValueKind

_FIELDS = {f.name for f in dataclasses.fields(Value)}


def polar_sets(
    d: list[list[str]],
) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """Asserted, negated, only possible and denied predicates (the last two stored since
    2026-12-07)."""
    a, b, c, e = (frozenset(d[i]) if i < len(d) else frozenset() for i in range(4))
    return a, b, c, e


@cache
def _units(vocab: Vocabulary) -> frozenset[str]:
    """Every canonical unit a value of this vocabulary may have (the rest were nouns)."""
    return vocab.dimensions | {c.code for c in vocab.currencies} | set(vocab.percent) | {"second"}


def facts_to_json(f: TextFacts) -> str:
    """The parts of a claim's facts that matching reads."""
    return json.dumps(
        {
            "values": [_value_dict(x.value) for x in f.found],
            "contexts": [sorted(x.context) for x in f.found],
            "anchors": [x.anchor for x in f.found],
            "verbs": [x.verb for x in f.found],
            "entities": [_value_dict(v) for v in f.entities],
            "content": sorted(f.content),
            "negated": sorted(f.negated),
            "polar": [sorted(x) for x in f.polar],
            "predicates": sorted(f.predicates),
            "attribution": f.attribution,
            "flags": [f.quote, f.question, f.opinion, f.contrast, f.past],
            "tokens": f.tokens,
            **({"lang": f.lang} if f.lang != DEFAULT_LANGUAGE else {}),
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def facts_from_json(text: str, claim: str) -> TextFacts:
    d = json.loads(text)
    quote, question, opinion, contrast, past = d["flags"]
    lang = d.get("lang", DEFAULT_LANGUAGE)
    units = _units(vocabulary(lang))
    return TextFacts(
        text=claim,
        found=tuple(
            ValueInContext(value=_value(v, units), context=frozenset(c), anchor=a, verb=b)
            for v, c, a, b in zip(
                d["values"],
                d["contexts"],
                d["anchors"],
                d.get("verbs", [""] * len(d["values"])),  # stored before verbs were kept
                strict=True,
            )
        ),
        entities=tuple(_value(x, units) for x in d["entities"]),
        content=frozenset(d["content"]),
        negated=frozenset(d["negated"]),
        polar=polar_sets(d.get("polar", [[], []])),
        predicates=frozenset(d["predicates"]),
        attribution=d["attribution"],
        quote=quote,
        question=question,
        opinion=opinion,
        contrast=contrast,
        past=past,
        tokens=d["tokens"],
        lang=lang,
    )


def _value_dict(v: Value) -> dict[str, Any]:
    d = {f.name: getattr(v, f.name) for f in dataclasses.fields(v)}
    d["kind"] = v.kind.value
    d["span"] = list(v.span)
    return {k: x for k, x in d.items() if x not in ("", None)}


def _value(d: dict[str, Any], units: frozenset[str]) -> Value:
    d = _migrate({**d, "span": tuple(d["span"]), "kind": ValueKind(d["kind"])}, units)
    return Value(**{k: x for k, x in d.items() if k in _FIELDS})


def _migrate(d: dict[str, Any], units: frozenset[str]) -> dict[str, Any]:
    """A value written before the typed fields, when one ``label`` and one ``unit`` held
    a date's grain, a duration's role, an entity's type and name, or a counted noun."""
    label, kind = d.pop("label", ""), d["kind"]
    if label and kind == ValueKind.DATE:
        d["grain"] = label
    elif label and kind == ValueKind.DURATION:
        d["role"] = label
    elif kind == ValueKind.ENTITY and "name" not in d:
        d["entity_type"], d["name"] = label, d.pop("unit", "")
    counts = kind in (ValueKind.QUANTITY, ValueKind.ORDINAL)
    if counts and "noun" not in d and d.get("unit", "") not in units:
        d["noun"] = d.pop("unit", "")
    return d
