"""Shares written in words, read as percentages: "two-thirds of the staff", "about half of
all sales", "one in five voters" (factcheck/lang/en/numbers.json: ``fractions``,
``ratio_joiners``). Run by :func:`factcheck.nlp.values.find_values` after the dates and
before the numbers, whose spans they take."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from factcheck.lang import Vocabulary, alternation, resolve
from factcheck.nlp.numerals import JOIN, hedge_before, hedge_interval, parse_number
from factcheck.types import Value, ValueKind

__all__ = ["find_fractions"]


@dataclass(frozen=True, slots=True)
class FractionPatterns:
    """The share patterns of one vocabulary (built once: :func:`fraction_patterns`)."""

    share: re.Pattern[str]  # "two-thirds of", "a quarter of", "half the"
    ratio: re.Pattern[str]  # "one in five", "nine out of ten"
    not_before: frozenset[str]  # a word before a bare fraction that makes it no share
    of_time: re.Pattern[str]  # "of an hour", "of the year": a length of time, not a share
    of_length: re.Pattern[str]  # "of a year": the share is that much of the length
    of_scale: re.Pattern[str]  # "of a million": a share of the number (nlp/values.py)
    by_share: re.Pattern[str]  # "fell by a quarter", "cut by half": the share of a change


@cache
def fraction_patterns(v: Vocabulary) -> FractionPatterns:
    """The patterns of shares written in words, from ``v``'s number tables."""
    count = alternation([*v.units, *v.tens])
    a = alternation(v.indefinite_articles)
    den = alternation(v.fractions)
    of = alternation(v.of_words)
    bare = alternation(v.fraction_bare_before)
    joiners = "|".join(r"\s+".join(map(re.escape, j.split())) for j in v.ratio_joiners)
    num = rf"(?:\d{{1,3}}(?:,\d{{3}})*|{count})"
    big = alternation(s for s, x in v.scales.items() if x <= 1e6)
    time = alternation([*v.durations, *v.calendar_units])
    i = re.IGNORECASE
    return FractionPatterns(
        share=re.compile(
            rf"\b(?:(?P<n>{a}|{count})(?:{JOIN}|\s+))?(?P<d>{den})\b"
            rf"(?=\s+(?:(?P<of>{of})|(?:{bare}))\b)",
            i,
        ),
        ratio=re.compile(
            rf"(?<![\w.,$£€])(?P<n>{num})\s+(?:{joiners})\s+"
            rf"(?P<m>{num}|(?:{a})\s+(?:{big}))(?![\w.,]*\d)\b",
            i,
        ),
        not_before=frozenset(
            [*v.ordinals, *v.definite_articles, *v.indefinite_articles, *v.demonstratives]
        ),
        of_time=re.compile(
            rf"^\s+(?:{of})\s+(?:(?:{a}|{alternation(v.definite_articles)})\s+)?"
            rf"(?:(?:{time})\b|\d{{4}}\b)",
            i,
        ),
        of_length=re.compile(rf"^\s+(?:{of})\s+(?:{a})\s+(?P<u>{alternation(v.durations)})\b", i),
        of_scale=re.compile(rf"^\s+(?:{of})\s+(?:{a})\s+(?:{alternation(v.scales)})\b", i),
        by_share=re.compile(
            rf"\b(?:{alternation(v.change_before)})\s+(?P<s>(?:(?P<n>{a}|{count})(?:{JOIN}|\s+))?"
            rf"(?P<d>{den}))\b(?![-\w]|\s+(?:{of})\b)",
            i,
        ),
    )


def find_fractions(
    text: str, skip: list[tuple[int, int]] | None = None, *, vocab: Vocabulary | None = None
) -> list[Value]:
    """Shares written in words, as percentages: "two-thirds of the staff" (66.7%), "about
    half of all sales" (about 50%), "one in five voters" (20%), "fell by a quarter" (25%).
    A fraction in words is as exact as rounding to it: it reaches ``fraction_width`` of
    itself either side. Never a
    period ("the first quarter of 2009", "the second half"), a length of time ("a quarter
    of an hour") or the half of a number ("half a million", "two and a half")."""
    v = resolve(vocab)
    p = fraction_patterns(v)
    skip = list(skip or [])
    out: list[Value] = []
    found: list[tuple[int, int, float]] = []
    lengths: list[tuple[int, int, float]] = []  # "a third of a year": seconds
    for m in p.share.finditer(text):
        words = text[max(0, m.start() - 20) : m.start()].lower().split()
        if m["n"] is None and words and words[-1] in p.not_before:
            continue  # "the first quarter of", "the second half of", "and a half"
        n = m["n"].lower() if m["n"] else ""
        top = 1 if not n or n in v.indefinite_articles else v.units.get(n, v.tens.get(n, 0))
        d = v.fractions[m["d"].lower()]
        if m["of"] and (u := p.of_length.match(text[m.end() :])) and 0 < top < d:
            # "a quarter of an hour", "a third of a year": that share of one unit
            sec = v.durations[u["u"].lower()] * top / d
            lengths.append((m.start(), m.end() + u.end(), sec))
            continue
        if m["of"] and p.of_time.match(text[m.end() :]):
            continue  # "the first quarter of the year", "half of 2009"
        if m["of"] and p.of_scale.match(text[m.end() :]):
            continue  # "a quarter of a million": a number, read with the numbers
        if 0 < top < d:
            found.append((m.start(), m.end(), 100.0 * top / d))
    for m in p.by_share.finditer(text) if v.change_before else ():
        # a change by a share of what changed ("sales fell by a quarter"): nothing follows
        n = m["n"].lower() if m["n"] else ""
        top = 1 if not n or n in v.indefinite_articles else v.units.get(n, v.tens.get(n, 0))
        d = v.fractions[m["d"].lower()]
        if 0 < top < d:
            found.append((m.start("s"), m.end("s"), 100.0 * top / d))
    for m in p.ratio.finditer(text):
        part = parse_number(m["n"], vocab=v)
        whole = parse_number(m["m"], vocab=v)
        if m["m"].split()[0].lower() in v.indefinite_articles:
            whole = v.scales.get(m["m"].split()[-1].lower())
        if part is not None and whole and 0 < part < whole:
            found.append((m.start(), m.end(), 100.0 * part / whole))
    for s, e, x in sorted([*found, *((s, e, -x) for s, e, x in lengths)]):
        if any(s < te and ts < e for ts, te in skip):
            continue
        window = text[max(0, s - 25) : s]
        hb = hedge_before(v).search(window)
        hedge, hs = "", s
        if hb:
            hedge, hs = hb["hedge"].lower(), s - (len(window) - hb.start())
        length, x = x < 0, abs(x)  # a length of time is kept negative above, to sort as one
        lo, hi = (
            hedge_interval(x, hedge, vocab=v)
            if hedge
            else (x * (1 - v.fraction_width), x * (1 + v.fraction_width))
        )
        kind, unit = (ValueKind.DURATION, "second") if length else (ValueKind.PERCENT, "%")
        out.append(
            Value(kind=kind, text=text[hs:e], span=(hs, e), low=lo, high=hi, unit=unit, hedge=hedge)
        )
        skip.append((hs, e))
    return out
