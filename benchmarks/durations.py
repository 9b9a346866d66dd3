"""Lengths of time in real copy: does a check read them as a desk does?

    python -m benchmarks.durations [FOLDER ...] [--split test|dev|all] [--model M]
                                   [--set K=V] [--write FILE] [--show N] [--json OUT]

FOLDER defaults to ../shared/data/news/ (115 Wikinews articles); the seed article is always
added. Every sentence (6-50 words, no quotation, no question) that writes a length of time
as a number and a unit ("for 90 minutes", "a 41-year history", "three weeks later",
"in the past six months") gives a REFUTED claim and, where it can, a SUPPORTED one, each
the sentence with one change, checked against the store of every source:

- SUPPORTED: the same length in other words: the number in words or in digits, or in a
  smaller unit where the two are exactly one length ("two years" -> "24 months", "three
  weeks" -> "21 days", "90 minutes" stays, "1.5 hours" is left alone);
- REFUTED: the same unit with another number (doubled, or two more for one).

The length is found by a pattern of this file (not by the analyser under test); ages
("a 19-year-old", "19 years old", "aged 8-20 years") are left out. The kind of each
claim ("kept/words", "kept/unit", "changed") is reported with its accuracy. Articles are
split into dev and test halves by the contrast benchmark's hash; GENERATOR was frozen
after one dev run (which found ages it took for lengths: "aged 8-20 years" is now left
out) and before any rule was changed on it; the test half is the one to report.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path
from typing import Any

from num2words import num2words

from benchmarks.contrast import read_sources, split_of
from benchmarks.harness import SEED_DIR, Case, run_generated, source_files

GENERATOR = "durations.v1"
RNG_SEED = 20261206

_WORDS = [str(num2words(n)) for n in range(1, 13)]  # "one" ... "twelve"
_NUMBER = r"\d+(?:\.\d+)?|" + "|".join(_WORDS)
_UNIT = r"second|minute|hour|day|week|month|year|decade"
# "90 minutes", "three weeks", "a 41-year history", "12-hour"
LENGTH = re.compile(rf"\b(?P<n>{_NUMBER})(?P<sep>[ -])(?P<unit>{_UNIT})(?P<pl>s?)\b", re.I)
_AGE = re.compile(r"^\s*(?:-?old\b|of age\b)", re.I)
_AGED = re.compile(r"\b(?:aged|age of)\s+[\d\w.,]*(?:\s*(?:-|–|to|and)\s*)?$", re.I)
# a smaller unit that states the same length exactly, with its factor and the largest
# number worth converting (nobody writes "10 years" as "120 months")
_SMALLER = {
    "decade": ("year", 10, 3),
    "year": ("month", 12, 3),
    "month": ("week", None, 0),  # not exact
    "week": ("day", 7, 4),
    "day": ("hour", 24, 2),
    "hour": ("minute", 60, 3),
    "minute": ("second", 60, 2),
    "second": ("second", None, 0),
}


def _value(n: str) -> float:
    low = n.lower()
    return float(_WORDS.index(low) + 1) if low in _WORDS else float(n)


def _fmt(x: float) -> str:
    return str(int(x)) if x == int(x) else str(x)


def _plural(unit: str, x: float, sep: str) -> str:
    return unit if sep == "-" or x == 1 else unit + "s"


def lengths(text: str) -> list[re.Match[str]]:
    """The lengths of time the sentence writes, ages left out."""
    return [
        m
        for m in LENGTH.finditer(text)
        if not _AGE.match(text[m.end() :]) and not _AGED.search(text[: m.start()])
    ]


def kept(text: str, m: re.Match[str], rng: random.Random) -> tuple[str, str] | None:
    """The sentence with the same length written another way, and how."""
    x, unit, sep = _value(m.group("n")), m.group("unit").lower(), m.group("sep")
    small, factor, most = _SMALLER[unit]
    if factor and x == int(x) and 1 <= x <= most and rng.random() < 0.5:
        y = x * factor
        new = f"{_fmt(y)}{sep}{_plural(small, y, sep)}"
        return text[: m.start()] + new + text[m.end() :], "kept/unit"
    n = m.group("n")
    if n.lower() in _WORDS:
        new_n = _fmt(x)
    elif x == int(x) and 1 <= x <= len(_WORDS):
        new_n = _WORDS[int(x) - 1]
    else:
        return None
    return text[: m.start()] + new_n + text[m.start("n") + len(n) :], "kept/words"


def changed(text: str, m: re.Match[str]) -> str:
    """The sentence with the same unit and another number."""
    x, unit, sep = _value(m.group("n")), m.group("unit").lower(), m.group("sep")
    y = x * 2 if x >= 2 else x + 2
    new = f"{_fmt(y)}{sep}{_plural(unit, y, sep)}"
    return text[: m.start()] + new + text[m.end() :]


def pick(nlp: Any, arts: list[tuple[str, Any, str]]) -> list[tuple[str, str, Any]]:
    """(sentence, article, dateline) for each sentence that writes a length of time."""
    out = []
    for name, dl, body in arts:
        paras = [p.strip() for p in body.split("\n\n") if p.strip()]
        for doc in nlp.pipe(paras):
            for s in doc.sents:
                t = s.text.strip()
                if not 6 <= len(t.split()) <= 50 or any(q in t for q in '"“”') or "?" in t:
                    continue
                if not t[0].isupper() or not t.endswith("."):
                    continue
                if lengths(t):
                    out.append((t, name, dl))
    return out


def build_cases(sents: list[tuple[str, str, Any]]) -> list[Case]:
    rng = random.Random(RNG_SEED)
    cases = []
    for i, (text, article, dl) in enumerate(sents):
        m = rng.choice(lengths(text))
        same = kept(text, m, rng)
        if same is not None:
            cases.append(Case(f"dur-{i}-s", same[0], "SUPPORTED", same[1], article, dl))
        cases.append(Case(f"dur-{i}-r", changed(text, m), "REFUTED", "changed", article, dl))
    return cases


def generate(folders: list[Path], nlp: Any) -> tuple[list[Path], list[Case]]:
    files = source_files([*folders, SEED_DIR])
    return files, build_cases(pick(nlp, read_sources(files)))


def main(argv: list[str] | None = None) -> int:
    return run_generated(__doc__ or "", "durations", GENERATOR, generate, split_of, argv)


if __name__ == "__main__":
    sys.exit(main())
