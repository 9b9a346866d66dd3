"""Attribution benchmark: who said what, from real attributed sentences of any folder.

    python -m benchmarks.attribution [FOLDER ...] [--split test|dev|all] [--model M]
                                     [--set K=V] [--write FILE] [--show N] [--json OUT]

FOLDER defaults to ../shared/data/news/; the seed article is always added. From each
article's sentences where a named person says something (the subject of "said", "told",
"added", ... with a clause or a quotation after it, read from spaCy's parse by this script's
own small rules, not the checker's), it writes:
- speaker/right (SUPPORTED): "<speaker> said <what the source gives them>";
- speaker/swapped (REFUTED): the same words given to another person the article names;
- quote/edited (REFUTED): a quotation of theirs with one word changed to another word of
  the same part of speech from the article;
- quote/right (SUPPORTED): the quotation as the source has it;
- quote/from_narration (NOT_ENOUGH_INFO): a sentence of the reporter's own narration put
  in quotation marks in the mouth of a person the article names.
Claims carry their article's dateline and are checked against one store of every source.
Articles are split into dev and test halves by a fixed hash (as in the contrast benchmark);
the generator (GENERATOR) was frozen before the attribution rules were written.
"""

from __future__ import annotations

import hashlib
import random
import sys
from pathlib import Path
from typing import Any

from benchmarks.harness import (
    SEED_DIR,
    Case,
    run_generated,
    source_files,
)

GENERATOR = "attribution.v1"
RNG_SEED = 20261203
PER_ARTICLE = 3  # attributed sentences used per article
SAYS = {"say", "tell", "add", "state", "warn", "explain", "announce", "claim", "insist"}
QUOTES = '"“”'


def split_of(article: str) -> str:
    h = hashlib.sha256(f"{RNG_SEED}:{article}".encode()).digest()[0]
    return "dev" if h % 2 == 0 else "test"


def _person(tok: Any) -> str:
    """The full name of the PERSON entity a token belongs to, or ""."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return ent.text if ent is not None and ent.label_ == "PERSON" else ""


def _statement(sent: Any) -> tuple[str, str, bool] | None:
    """(speaker, what they say, quoted) for a sentence "X said Y" / "'Y,' X said", or None."""
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in SAYS:
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        comp = next((c for c in tok.children if c.dep_ in ("ccomp", "parataxis")), None)
        if subj is None or comp is None or not _person(subj):
            continue
        toks = sorted(comp.subtree, key=lambda t: t.i)
        text = sent.doc.text[toks[0].idx : toks[-1].idx + len(toks[-1].text)]
        text = text.strip(" ,.;:" + QUOTES)
        if text.lower().startswith("that "):
            text = text[5:]
        before = sent.doc.text[max(0, toks[0].idx - 2) : toks[0].idx]
        quoted = any(q in before for q in QUOTES) and not any(q in text for q in QUOTES)
        n = len(text.split())
        if 4 <= n <= 30 and not any(q in text for q in QUOTES):
            return _person(subj), text, quoted
    return None


def _narration(sent: Any) -> str | None:
    """A sentence in the reporter's own voice: no speech verb, no quotation."""
    t = sent.text.strip()
    if any(q in t for q in QUOTES) or not 8 <= len(t.split()) <= 30 or not t.endswith("."):
        return None
    if any(tok.lemma_.lower() in SAYS | {"accord"} for tok in sent) or ":" in t:
        return None
    return t.rstrip(".")


def _edit(quote: str, doc: Any, rng: random.Random) -> str | None:
    """The quotation with one content word replaced by another word of the same part of
    speech from the article."""
    qdoc = doc  # the paragraph's parse
    words = quote.split()
    lowered = {w.lower().strip(",.;:!?") for w in words}
    pos_of = {}
    for t in qdoc:
        if t.pos_ in ("NOUN", "ADJ", "VERB") and t.is_alpha and not t.is_stop and len(t) > 3:
            pos_of.setdefault(t.pos_, set()).add(t.text)
    slots = []
    for i, w in enumerate(words):
        bare = w.strip(",.;:!?")
        tok = next((t for t in qdoc if t.text == bare and t.pos_ in pos_of), None)
        if tok is not None and len(bare) > 3 and not tok.is_stop:
            others = sorted(x for x in pos_of[tok.pos_] if x.lower() not in lowered)
            if others:
                slots.append((i, bare, others))
    if not slots:
        return None
    i, bare, others = rng.choice(slots)
    words[i] = words[i].replace(bare, rng.choice(others))
    return " ".join(words)


def generate(folders: list[Path], nlp: Any) -> tuple[list[Path], list[Case]]:
    from factcheck.sources.readers import read_file

    files = source_files([*folders, SEED_DIR])
    rng = random.Random(RNG_SEED)
    cases: list[Case] = []
    for f in files:
        src, body = read_file(f)
        paras = [p.strip() for p in src.text[body:].split("\n\n") if p.strip()]
        docs = list(nlp.pipe(paras))
        people = sorted({e.text for d in docs for e in d.ents if e.label_ == "PERSON"})
        found, narration = [], []
        for d in docs:
            for s in d.sents:
                st = _statement(s)
                if st is not None:
                    found.append((st, d))
                elif (n := _narration(s)) is not None:
                    narration.append(n)
        rng.shuffle(found)
        n = 0

        def add(claim: str, label: str, kind: str, f: Path = f, dl: Any = src.dateline) -> None:
            nonlocal n
            cases.append(Case(f"{f.stem[:40]}-{kind}-{n}", claim, label, kind, f.name, dl))
            n += 1

        speakers_here = {sp for (sp, _, _), _ in found}
        for (speaker, what, quoted), doc in found[:PER_ARTICLE]:
            add(f"{speaker} said {what}.", "SUPPORTED", "speaker/right")
            last = speaker.split()[-1]
            others = [p for p in people if last not in p and p.split()[-1] not in speaker]
            pool = [p for p in others if p in speakers_here] or others
            if pool:
                add(f"{rng.choice(pool)} said {what}.", "REFUTED", "speaker/swapped")
            if quoted:
                add(f'{speaker} said "{what}".', "SUPPORTED", "quote/right")
                edited = _edit(what, doc, rng)
                if edited:
                    add(f'{speaker} said "{edited}".', "REFUTED", "quote/edited")
        if narration and speakers_here:
            text = rng.choice(narration)
            who = rng.choice(sorted(speakers_here))
            add(f'{who} said "{text}".', "NOT_ENOUGH_INFO", "quote/from_narration")
    return files, cases


def _swaps_and_edits(s: dict[str, Any]) -> None:
    """The issue's figure: speaker swaps and quote edits together."""
    by = s["by_kind"]
    got = [by[k] for k in ("speaker/swapped", "quote/edited") if k in by]
    if got:
        s["swaps_and_edits"] = round(sum(a * n for a, n in got) / sum(n for _, n in got), 3)
        print(f"speaker swaps and quote edits together: {s['swaps_and_edits']:.3f}")


def main(argv: list[str] | None = None) -> int:
    return run_generated(
        __doc__ or "", "attribution", GENERATOR, generate, split_of, argv, _swaps_and_edits
    )


if __name__ == "__main__":
    sys.exit(main())
