"""Claim mutations shared by the benchmarks that generate claims from real sentences:
rewordings that keep a claim the same claim, and near misses that change one thing.

Used by benchmarks/claim_matching.py (verdict memory) and benchmarks/contrast.py (the
contrast benchmark). Every mutation takes a sentence and a seeded ``random.Random`` and
returns the new text, or None when the sentence offers nothing to mutate.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# General newswire paraphrases (not from any one story): word -> replacement.
SYNONYMS = {
    "said": "stated",
    "says": "states",
    "announced": "declared",
    "about": "around",
    "approximately": "about",
    "more than": "over",
    "over": "more than",
    "nearly": "almost",
    "almost": "nearly",
    "began": "started",
    "started": "began",
    "bought": "purchased",
    "purchased": "bought",
    "big": "large",
    "large": "big",
    "company": "firm",
    "firm": "company",
    "expected": "predicted",
    "reported": "said",
    "increased": "rose",
    "rose": "increased",
    "decreased": "fell",
    "fell": "dropped",
    "dropped": "fell",
    "help": "assist",
    "however": "but",
    "also": "additionally",
    "people": "persons",
    "died": "were killed",
    "killed": "left dead",
    "government": "administration",
    "agreement": "deal",
    "deal": "agreement",
    "plans": "intends",
    "planned": "intended",
    "showed": "indicated",
    "told": "informed",
}
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MONTH = "|".join(MONTHS)


@dataclass(frozen=True)
class Sentence:
    text: str
    article: str
    dateline: dt.date | None


def read_articles(news: Path, seed: Path) -> list[tuple[str, dt.date | None, str]]:
    out = []
    for f in [*sorted(news.glob("*.txt")), seed]:
        if not f.exists():
            continue
        head, _, body = f.read_text(encoding="utf-8").partition("\n")
        m = re.match(r"date (\d{4}-\d{2}-\d{2})", head)
        out.append((f.name, dt.date.fromisoformat(m.group(1)) if m else None, body))
    return out


# -- rewordings (same claim) --------------------------------------------------------------------


def _words(n: int) -> str:
    from num2words import num2words

    return str(num2words(n)).replace(",", "")


def reword_numbers(text: str, nlp: Any, rng: random.Random) -> str | None:
    """A whole number in digits written in words ("50" -> "fifty"), or back."""
    nums = [
        m
        for m in re.finditer(
            r"(?<![\w.,$£€-])(\d{1,3}(?:,\d{3})*|\d+)(?![.,]\d|[\w%-]| ?(?:%|percent))", text
        )
    ]
    nums = [m for m in nums if not re.fullmatch(r"(19|20)\d\d", m.group(1))]  # not years
    nums = [m for m in nums if 2 <= int(m.group(1).replace(",", "")) <= 999_999]
    if not nums:
        return None
    m = rng.choice(nums)
    n = int(m.group(1).replace(",", ""))
    before = text[: m.start()].rstrip().split()
    after = text[m.end() :].lstrip().split()
    if (before and before[-1] in MONTHS) or (after and after[0].strip(",.") in MONTHS):
        return None  # "January 10": a day, not a count
    if before and len(before) > 1 and before[-1][:1].isupper():
        return None  # "iPhone 4", "Flight 93": a name
    return text[: m.start()] + _words(n) + text[m.end() :]


def reword_date(text: str, nlp: Any, rng: random.Random) -> str | None:
    """'January 10, 2022' <-> '10 January 2022'; 'January 10' -> '10 January'."""
    m = re.search(rf"\b({_MONTH}) (\d{{1,2}}),? (\d{{4}})\b", text)
    if m:
        return text[: m.start()] + f"{m.group(2)} {m.group(1)} {m.group(3)}" + text[m.end() :]
    m = re.search(rf"\b(\d{{1,2}}) ({_MONTH}),? (\d{{4}})\b", text)
    if m:
        return text[: m.start()] + f"{m.group(2)} {m.group(1)}, {m.group(3)}" + text[m.end() :]
    m = re.search(rf"\b({_MONTH}) (\d{{1,2}})\b(?!,? \d)", text)
    if m:
        return text[: m.start()] + f"{m.group(2)} {m.group(1)}" + text[m.end() :]
    return None


def reword_synonym(text: str, nlp: Any, rng: random.Random) -> str | None:
    hits = [
        (m, w) for w in SYNONYMS for m in re.finditer(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text)
    ]
    if not hits:
        return None
    m, w = rng.choice(hits)
    return text[: m.start()] + SYNONYMS[w] + text[m.end() :]


def reword_order(text: str, nlp: Any, rng: random.Random) -> str | None:
    """Move a leading adverbial to the end, or an attribution behind what was said."""
    m = re.match(r"(According to [^,]{3,60}), (.+)\.$", text)
    if m:
        return f"{_cap(m.group(2))}, {_low(m.group(1))}."
    m = re.match(r"((?:On|In|By|Since|Last|Earlier|Later|After|During) [^,]{2,40}), (.+)\.$", text)
    if m:
        return f"{_cap(m.group(2))} {_low(m.group(1))}."
    m = re.match(r"([A-Z][\w.' -]{2,40}?) (said|says) (?:that )?(.+)\.$", text)
    if m and len(m.group(3).split()) >= 4 and len(m.group(1).split()) <= 6:
        return f"{_cap(m.group(3))}, {_low(m.group(1))} {m.group(2)}."
    return None


def reword_passive(text: str, nlp: Any, rng: random.Random) -> str | None:
    """'X acquired Y ...' -> 'Y was acquired by X ...' (past tense, plain subject-verb-object)."""
    from lemminflect import getInflection

    doc = nlp(text)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if (
        root is None
        or root.tag_ != "VBD"
        or any(c.dep_ in ("aux", "auxpass", "neg") for c in root.children)
    ):
        return None
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in root.children if c.dep_ == "dobj"), None)
    if subj is None or obj is None or subj.i > root.i or obj.i < root.i:
        return None
    s_span = doc[subj.left_edge.i : subj.right_edge.i + 1]
    o_span = doc[obj.left_edge.i : obj.right_edge.i + 1]
    if s_span.start != 0 or s_span.end != root.i or o_span.start != root.i + 1:
        return None
    vbn = getInflection(root.lemma_, "VBN")
    if not vbn:
        return None
    be = "were" if obj.tag_ in ("NNS", "NNPS") else "was"
    rest = doc[o_span.end :].text
    subj_text = s_span.text if subj.tag_ in ("NNP", "NNPS") else _low(s_span.text)
    if subj_text.startswith("The "):
        subj_text = "the " + subj_text[4:]
    out = f"{_cap(o_span.text)} {be} {vbn[0]} by {subj_text}"
    return out + (" " + rest if rest and not rest.startswith((".", ",")) else rest)


REWORDINGS = {
    "numbers_in_words": reword_numbers,
    "date_format": reword_date,
    "synonym": reword_synonym,
    "clause_order": reword_order,
    "passive": reword_passive,
}


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _low(s: str) -> str:
    w = s.split(" ", 1)[0]
    if w in ("I",) or (len(w) > 1 and w[1:].lower() != w[1:]):  # "US", "McCain"
        return s
    return s[:1].lower() + s[1:] if w.lower() in _FUNCTION else s


_FUNCTION = {
    "the",
    "a",
    "an",
    "on",
    "in",
    "by",
    "since",
    "last",
    "earlier",
    "later",
    "after",
    "during",
    "according",
    "its",
    "his",
    "her",
    "their",
    "this",
    "that",
    "these",
    "those",
    "some",
    "many",
    "most",
    "analysts",
    "officials",
    "experts",
    "police",
}


def reword(s: Sentence, nlp: Any, rng: random.Random, n: int) -> tuple[str, str] | None:
    kinds = list(REWORDINGS)
    rng.shuffle(kinds)
    text, done = s.text, []
    for k in kinds:
        out = REWORDINGS[k](text, nlp, rng)
        if out and out != text:
            text, done = out, [*done, k]
            if len(done) == n:
                break
    return (text, "+".join(done)) if done else None


# -- near misses (a different claim) -------------------------------------------------------------


def change_number(text: str, nlp: Any, rng: random.Random, names: list[Any]) -> str | None:
    nums = [
        m
        for m in re.finditer(r"(?<![\d.,])\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\b(?![.,]\d)", text)
        if not re.fullmatch(r"(19|20)\d\d", m.group(1))
        and not re.search(rf"(?:{_MONTH}) $", text[: m.start()])  # a day: change_date's job
    ]
    if not nums:
        return None
    m = rng.choice(nums)
    raw = m.group(1)
    x = float(raw.replace(",", ""))
    y = x * rng.choice([2, 3, 0.5]) if x >= 4 else x + rng.choice([2, 3, 5])
    if "." in raw:
        new = f"{y:.{len(raw.split('.')[1])}f}"
    else:
        y = round(y)
        if y == int(x):
            y += 1
        new = f"{y:,}" if "," in raw else str(y)
    return text[: m.start()] + new + text[m.end() :]


def change_date(text: str, nlp: Any, rng: random.Random, names: list[Any]) -> str | None:
    m = re.search(rf"\b({_MONTH}) (\d{{1,2}})\b", text)
    if m:
        d = int(m.group(2))
        d2 = d + rng.choice([3, 5, 9]) if d <= 19 else d - rng.choice([3, 5, 9])
        return text[: m.start(2)] + str(d2) + text[m.end(2) :]
    m = re.search(rf"\b({_MONTH})\b", text)
    if m:
        i = MONTHS.index(m.group(1))
        return text[: m.start()] + MONTHS[(i + rng.choice([2, 4, 6])) % 12] + text[m.end() :]
    m = re.search(r"\b(19[5-9]\d|20[0-2]\d)\b", text)
    if m:
        return text[: m.start()] + str(int(m.group(1)) - rng.choice([2, 3, 6])) + text[m.end() :]
    return None


def swap_name(text: str, nlp: Any, rng: random.Random, names: list[Any]) -> str | None:
    doc = nlp(text)
    ents = [e for e in doc.ents if e.label_ in ("PERSON", "ORG", "GPE")]
    if not ents:
        return None
    e = rng.choice(ents)
    pool = [n for lab, n in names if lab == e.label_ and n.lower() not in text.lower()]
    if not pool:
        return None
    return text[: e.start_char] + rng.choice(pool) + text[e.end_char :]


def negate(text: str, nlp: Any, rng: random.Random, names: list[Any]) -> str | None:
    from lemminflect import getInflection

    doc = nlp(text)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or any(c.dep_ == "neg" for c in root.children):
        return None
    aux = [c for c in root.children if c.dep_ in ("aux", "auxpass") and c.i < root.i]
    if aux:
        a = aux[0]
        return text[: a.idx + len(a.text)] + " not" + text[a.idx + len(a.text) :]
    if root.lemma_ == "be" and root.tag_ in ("VBD", "VBZ", "VBP"):
        return text[: root.idx + len(root.text)] + " not" + text[root.idx + len(root.text) :]
    if root.tag_ in ("VBD", "VBZ", "VBP"):
        do = {"VBD": "did", "VBZ": "does", "VBP": "do"}[root.tag_]
        base = getInflection(root.lemma_, "VB")
        if not base:
            return None
        return text[: root.idx] + f"{do} not {base[0]}" + text[root.idx + len(root.text) :]
    return None


NEAR_MISSES = {
    "figure_changed": change_number,
    "date_changed": change_date,
    "name_swapped": swap_name,
    "negated": negate,
}


def name_pool(sents: list[Sentence], nlp: Any) -> list[tuple[str, str]]:
    """Every (label, name) of a person, organisation or place in the sentences, sorted:
    what a swapped name is drawn from."""
    return sorted(
        {
            (e.label_, e.text)
            for s in sents
            for e in nlp(s.text).ents
            if e.label_ in ("PERSON", "ORG", "GPE")
        }
    )
