"""A name the article gave earlier, folded into a sentence that calls the thing by its noun:

    python -m benchmarks.bridging [FOLDER ...] [--split test|dev|all] [--model M]
                                  [--set K=V] [--write FILE] [--show N] [--json OUT]

FOLDER defaults to ../shared/data/news/ (115 Wikinews articles); the seed article is always
added. News names a thing once ("The plant in St. Thomas, Ontario will have one shift
cut") and then calls it by its noun ("... committed to invest $200 million into the
plant"); a reporter's restatement writes the name back in ("... in the St. Thomas plant").
Each sentence (6-40 words, no quotation, no question) that writes "the NOUN" with no name
of its own, where the last sentence before it in the article that gives that noun a name
gives it exactly one (a place or an organisation: "the Atlanta plant", "the plant in St.
Louis"), gives two claims, each the sentence with "the NOUN" made "the NAME NOUN":

- SUPPORTED ("kept"): with that name;
- NOT_ENOUGH_INFO ("swapped"): with another name of the same kind from the same article,
  found nowhere in the sentence or in the one that named the noun (a SUPPORTED verdict is
  the error; REFUTED is counted wrong in accuracy but is no false SUPPORTED).

The names and their nouns are read off spaCy's parse (a compound or an "in", "at" or "of"
object that is an entity), not by the rule under test (rules/bridging.py). Which thing the
noun is, the generator decides as the rule does (the nearest sentence that names it); a
sample of the kept claims was read by hand against their articles (docs/evaluation.md).
Articles are split into dev and test halves by the contrast benchmark's hash; GENERATOR
was frozen before its first run.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

from benchmarks.contrast import read_sources, split_of
from benchmarks.harness import SEED_DIR, Case, run_generated, source_files

GENERATOR = "bridging.v1"
RNG_SEED = 20261206
LABELS = frozenset(["GPE", "LOC", "FAC", "ORG"])
_PREPS = frozenset(["in", "at", "of"])


def _name(e: Any) -> str:
    """An entity's text without the article spaCy may take in ("the Ross Sea")."""
    words = e.text.split()
    return " ".join(words[1:]) if len(words) > 1 and words[0].lower() == "the" else e.text


def _ent(tok: Any) -> Any:
    """The entity span (of a kind in LABELS) the token is in, or None."""
    if tok.ent_type_ not in LABELS:
        return None
    for e in tok.doc.ents:
        if e.start <= tok.i < e.end:
            return e
    return None


def named(tok: Any) -> set[str]:
    """The names the parse gives a noun: an entity compound ("the Atlanta plant") or the
    entity object of "in", "at" or "of" ("the plant in St. Louis")."""
    out = set()
    for c in tok.children:
        if c.dep_ == "compound" and (e := _ent(c)) is not None:
            out.add(_name(e))
        if c.dep_ == "prep" and c.lower_ in _PREPS:
            for o in c.children:
                if o.dep_ == "pobj" and (e := _ent(o)) is not None:
                    out.add(_name(e))
    return out


def _bare(tok: Any) -> bool:
    """A lower-case noun after "the" with nothing that names it."""
    return (
        tok.pos_ == "NOUN"
        and tok.text.islower()
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        and not named(tok)
        and not any(c.dep_ in ("compound", "poss", "prep", "amod", "nmod") for c in tok.children)
    )


def pick(nlp: Any, arts: list[tuple[str, Any, str]]) -> list[dict[str, Any]]:
    """One item per sentence that calls a thing the article named before by its noun."""
    out = []
    for article, dl, body in arts:
        paras = [p.strip() for p in body.split("\n\n") if p.strip()]
        last: dict[str, tuple[set[str], str]] = {}  # noun -> (its names, that sentence)
        kinds: dict[str, str] = {}  # every name of the article -> its label
        sents = [s for doc in nlp.pipe(paras) for s in doc.sents]
        for s in sents:
            for e in s.ents:
                if e.label_ in LABELS:
                    kinds.setdefault(_name(e), e.label_)
        for s in sents:
            t = s.text.strip()
            usable = (
                6 <= len(t.split()) <= 40
                and not any(q in t for q in '"“”')
                and "?" not in t
                and t[0].isupper()
                and t.endswith(".")
            )
            for tok in s:
                noun = tok.lemma_.lower()
                if usable and _bare(tok) and noun in last and len(last[noun][0]) == 1:
                    (name,) = last[noun][0]
                    det = next(c for c in tok.children if c.dep_ == "det")
                    if det.i == tok.i - 1 and name not in t:
                        out.append(
                            {
                                "article": article,
                                "dateline": dl,
                                "sentence": t,
                                "at": (det.idx - s.start_char, tok.idx - s.start_char),
                                "noun": tok.text,
                                "name": name,
                                "named_in": last[noun][1],
                                "kinds": kinds,
                            }
                        )
                        usable = False  # one claim pair a sentence
            here: dict[str, set[str]] = {}  # a noun named twice in a sentence: two things
            for tok in s:
                if tok.pos_ == "NOUN" and (names := named(tok)):
                    here.setdefault(tok.lemma_.lower(), set()).update(names)
            last.update({noun: (names, s.text.strip()) for noun, names in here.items()})
    return out


def build_cases(items: list[dict[str, Any]]) -> list[Case]:
    rng = random.Random(RNG_SEED)
    cases = []
    for i, it in enumerate(items):
        t, (d, n) = it["sentence"], it["at"]
        name = it["name"]

        def made(x: str, t: str = t, d: int = d, n: int = n, noun: str = it["noun"]) -> str:
            return t[:d] + f"{t[d:n]}{x} {noun}" + t[n + len(noun) :]

        art = it["article"]
        cases.append(Case(f"brg-{i}-s", made(name), "SUPPORTED", "kept", art, it["dateline"]))
        label = it["kinds"].get(name)
        others = sorted(
            x
            for x, k in it["kinds"].items()
            if k == label
            and x not in it["sentence"]
            and x not in it["named_in"]
            and not ({*x.lower().split()} & {*name.lower().split()})
        )
        if others:
            other = rng.choice(others)
            cases.append(
                Case(f"brg-{i}-x", made(other), "NOT_ENOUGH_INFO", "swapped", art, it["dateline"])
            )
    return cases


def generate(folders: list[Path], nlp: Any) -> tuple[list[Path], list[Case]]:
    files = source_files([*folders, SEED_DIR])
    return files, build_cases(pick(nlp, read_sources(files)))


def main(argv: list[str] | None = None) -> int:
    return run_generated(__doc__ or "", "bridging", GENERATOR, generate, split_of, argv)


if __name__ == "__main__":
    sys.exit(main())
