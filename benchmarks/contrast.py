"""Contrast benchmark: claims generated from any folder of sources, checked against a store
holding the whole folder.

    python -m benchmarks.contrast [FOLDER ...] [--split test|dev|all] [--model M] [--set K=V]
                                  [--write FILE] [--show N] [--json OUT]

FOLDER defaults to ../shared/data/news/ (115 Wikinews articles); the seed article is always
added. For up to PER_ARTICLE checkable sentences per article (8–40 words, with a figure,
date or name; quotations are left to the attribution benchmark), it writes:
- SUPPORTED: the sentence reworded (numbers in words, a date written differently, a general
  synonym, clause order, active to passive) or shortened to its main clause;
- REFUTED: one figure, scale or unit, date, name or the polarity changed;
- NOT_ENOUGH_INFO: the sentence with an element no source states added: a new actor, a new
  figure, a consequence (general templates, the same for every story).
Every claim carries its article's dateline and is checked against the store of all the
folder's sources. Articles are split into dev and test halves by a hash with a fixed seed;
the generator (GENERATOR below) was frozen before anything was tuned on it, and the test
half is the one to report. ``--model``: shipped | none | a model folder (stance-v2).
"""

from __future__ import annotations

import hashlib
import random
import re
import sys
from pathlib import Path
from typing import Any

from benchmarks.harness import (
    SEED_DIR,
    Case,
    run_generated,
    source_files,
)
from benchmarks.mutations import NEAR_MISSES, Sentence, name_pool, reword

GENERATOR = "contrast.v1"
RNG_SEED = 20261202
PER_ARTICLE = 4

# -- corpus ---------------------------------------------------------------------------------


def split_of(article: str) -> str:
    h = hashlib.sha256(f"{RNG_SEED}:{article}".encode()).digest()[0]
    return "dev" if h % 2 == 0 else "test"


def read_sources(files: list[Path]) -> list[tuple[str, Any, str]]:
    """(file name, dateline, body) per source, parsed as `factcheck ingest` parses it."""
    from factcheck.sources.readers import read_file

    out = []
    for f in files:
        src, body = read_file(f)
        out.append((f.name, src.dateline, src.text[body:]))
    return out


def pick(nlp: Any, arts: list[tuple[str, Any, str]]) -> list[Sentence]:
    rng = random.Random(RNG_SEED)
    out = []
    for name, dl, body in arts:
        cands = []
        paras = [p.strip() for p in body.split("\n\n") if p.strip()]
        for doc in nlp.pipe(paras):
            for s in doc.sents:
                t = s.text.strip()
                n = len(t.split())
                if not 8 <= n <= 40 or any(q in t for q in '"“”') or t.endswith("?"):
                    continue
                if ":" in t or not t[0].isupper() or not t.endswith("."):
                    continue
                if any(
                    e.label_
                    in ("CARDINAL", "DATE", "MONEY", "PERCENT", "QUANTITY", "TIME", "PERSON")
                    or e.label_ in ("ORG", "GPE")
                    for e in s.ents
                ):
                    cands.append(t)
        rng.shuffle(cands)
        out += [Sentence(t, name, dl) for t in cands[:PER_ARTICLE]]
    return out


# -- supported: shortened -------------------------------------------------------------------


def shorten(text: str, nlp: Any, rng: random.Random) -> str | None:
    """The main clause alone: a trailing ", while/which/and ..." clause or a leading
    adverbial dropped (what is left is still stated by the source)."""
    m = re.match(r"(.{30,}?),\s+(?:while|which|and|but|although|as|after|with)\s.{12,}\.$", text)
    if m and len(m.group(1).split()) >= 6:
        return m.group(1) + "."
    lead = r"(?:In|On|By|Since|Last|Earlier|Later|After|During|Meanwhile)\b[^,]{0,40}"
    m = re.match(lead + r", (.+)$", text)
    if m and len(m.group(1).split()) >= 6:
        return m.group(1)[:1].upper() + m.group(1)[1:]
    return None


# -- refuted: scale or unit -----------------------------------------------------------------

UNIT_SWAPS = {
    "million": "billion",
    "billion": "million",
    "thousand": "million",
    "minutes": "hours",
    "hours": "days",
    "days": "weeks",
    "weeks": "months",
    "months": "years",
    "years": "months",
    "kilometres": "miles",
    "kilometers": "miles",
    "miles": "kilometres",
    "percent": "percentage points",
}


COUNT_BEFORE = r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|a))\s*$"


def change_unit(text: str, nlp: Any, rng: random.Random, names: list[Any]) -> str | None:
    """A figure's scale or unit changed ("$6 billion" -> "$6 million", "3 weeks" -> "3
    months"): the number stays, the amount does not."""
    hits = [
        m
        for w in UNIT_SWAPS
        for m in re.finditer(rf"(?<=\d )({w})\b|(?<=\d)({w})\b|(?<=\w )({w})\b", text)
        if re.search(COUNT_BEFORE, text[: m.start()])
    ]
    if not hits:
        return None
    m = rng.choice(hits)
    w = m.group(0)
    return text[: m.start()] + UNIT_SWAPS[w] + text[m.end() :]


REFUTATIONS = {**NEAR_MISSES, "unit_changed": change_unit}

# -- not enough info: an element no source states -----------------------------------------

ACTOR = [", together with {name}", ", in partnership with {name}", ", with the backing of {name}"]
FIGURE = [
    ", a move that affects {n:,} workers",
    ", at a cost of ${m} million",
    ", up {p}% from a year earlier",
    ", {p}% more than its rivals",
]
CONSEQUENCE = [
    ", prompting an official investigation",
    ", which led to the resignation of its chief executive",
    ", forcing the closure of two factories",
    ", triggering protests in several cities",
]


def _append(text: str, clause: str) -> str:
    return text[:-1].rstrip() + clause + "."


def add_actor(text: str, nlp: Any, rng: random.Random, names: list[Any]) -> str | None:
    pool = [n for lab, n in names if lab == "ORG" and n.lower() not in text.lower()]
    if not pool:
        return None
    return _append(text, rng.choice(ACTOR).format(name=rng.choice(pool)))


def add_figure(text: str, nlp: Any, rng: random.Random, names: list[Any]) -> str | None:
    clause = rng.choice(FIGURE).format(
        n=rng.choice([1200, 3400, 4800, 7500, 12000]),
        m=rng.choice([35, 70, 240, 480]),
        p=rng.choice([7, 12, 18, 23, 41]),
    )
    return _append(text, clause)


def add_consequence(text: str, nlp: Any, rng: random.Random, names: list[Any]) -> str | None:
    return _append(text, rng.choice(CONSEQUENCE))


ADDITIONS = {"new_actor": add_actor, "new_figure": add_figure, "consequence": add_consequence}

# -- the set ---------------------------------------------------------------------------------


def build_cases(sents: list[Sentence], nlp: Any) -> list[Case]:
    """One SUPPORTED, one REFUTED and one NOT_ENOUGH_INFO claim per sentence where each can
    be made; the kinds of mutation rotate so that each kind is well represented."""
    rng = random.Random(RNG_SEED)
    names = name_pool(sents, nlp)
    cases: list[Case] = []

    def add(s: Sentence, text: str, label: str, kind: str) -> None:
        cid = hashlib.sha256(f"{s.article}\n{label}\n{text}".encode()).hexdigest()[:12]
        cases.append(Case(cid, text, label, kind, s.article, s.dateline))

    for i, s in enumerate(sents):
        if rng.random() < 0.3 and (short := shorten(s.text, nlp, rng)):
            add(s, short, "SUPPORTED", "supported/shortened")
        else:
            got = reword(s, nlp, rng, rng.choice([1, 1, 2]))
            if got:
                add(s, got[0], "SUPPORTED", f"supported/{got[1].split('+')[0]}")
        kinds = list(REFUTATIONS)
        kinds = kinds[i % len(kinds) :] + kinds[: i % len(kinds)]  # rotate the first choice
        for k in kinds:
            out = REFUTATIONS[k](s.text, nlp, rng, names)
            if out and out != s.text:
                add(s, out, "REFUTED", f"refuted/{k}")
                break
        k = list(ADDITIONS)[i % len(ADDITIONS)]
        out = ADDITIONS[k](s.text, nlp, rng, names) or add_consequence(s.text, nlp, rng, names)
        if out:
            add(s, out, "NOT_ENOUGH_INFO", f"nei/{k}")
    return cases


def generate(folders: list[Path], nlp: Any) -> tuple[list[Path], list[Case]]:
    files = source_files([*folders, SEED_DIR])
    sents = pick(nlp, read_sources(files))
    return files, build_cases(sents, nlp)


def main(argv: list[str] | None = None) -> int:
    return run_generated(__doc__ or "", "contrast", GENERATOR, generate, split_of, argv)


if __name__ == "__main__":
    sys.exit(main())
