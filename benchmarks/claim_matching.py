"""Claim matching (verdict memory): is a new claim the same claim as a stored review?

    python -m benchmarks.claim_matching [--news DIR] [--split dev|test] [--sweep] [--show N]

Pairs are generated from real sentences (../shared/data/news/ and the seed), one review
claim per sentence, split by article into dev and test halves (fixed seed):
- same: the sentence reworded: numbers in words, a date written differently, a general
  synonym, a clause moved, active to passive (one or two of these);
- different: one figure, date or name changed, or the sentence negated (half of them also
  reworded), so a near miss is never just a copy with one edit;
- unrelated: a sentence of another article.
Every review of the split is stored in one memory; each pair's claim is matched against
all of them, as a check is. ``same_claim`` is right when it names the pair's review (same)
or names none (different, unrelated). Hand-written pairs in
benchmarks/data/claim_matching_hand.jsonl are reported on their own (never tuned on).

The generator was frozen before the threshold was chosen on the dev half; the test half
is reported. Precision = right same_claim / all same_claim; recall = found / same pairs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import sys
import time
import uuid
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "data" / "news"
SEED = ROOT / "seeds" / "2021-12-31-biden-putin-call.txt"
HAND = Path(__file__).resolve().parent / "data" / "claim_matching_hand.jsonl"
RNG_SEED = 20261201
PER_ARTICLE = 4

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


@dataclass(frozen=True)
class Pair:
    review: str  # id of the stored review
    query: str
    label: str  # same | different | unrelated
    kind: str  # how the query was made
    dateline: dt.date | None


# -- corpus ---------------------------------------------------------------------------------


def read_articles(news: Path, seed: Path) -> list[tuple[str, dt.date | None, str]]:
    out = []
    for f in [*sorted(news.glob("*.txt")), seed]:
        if not f.exists():
            continue
        head, _, body = f.read_text(encoding="utf-8").partition("\n")
        m = re.match(r"date (\d{4}-\d{2}-\d{2})", head)
        out.append((f.name, dt.date.fromisoformat(m.group(1)) if m else None, body))
    return out


def split_of(article: str) -> str:
    h = hashlib.sha256(f"{RNG_SEED}:{article}".encode()).digest()[0]
    return "dev" if h % 2 == 0 else "test"


def pick_sentences(
    nlp: Any, arts: list[tuple[str, dt.date | None, str]]
) -> tuple[list[Sentence], list[Sentence]]:
    """Up to PER_ARTICLE checkable sentences per article (8–40 words, a number, a date or
    a name in them, no quotation marks, not a question), and the article's other such
    sentences (spares: unrelated claims that are not stored as reviews)."""
    rng = random.Random(RNG_SEED)
    out, spare = [], []
    for name, dl, body in arts:
        cands = []
        paras = [p.strip() for p in body.split("\n\n") if p.strip()]
        for doc in nlp.pipe(paras):
            for s in doc.sents:
                t = s.text.strip()
                n = len(t.split())
                if not 8 <= n <= 40 or '"' in t or "“" in t or t.endswith("?") or ":" in t:
                    continue
                if not t[0].isupper() or not t.endswith("."):
                    continue
                if any(
                    e.label_ in ("CARDINAL", "DATE", "MONEY", "PERCENT", "QUANTITY", "TIME")
                    for e in s.ents
                ) or any(e.label_ in ("PERSON", "ORG", "GPE") for e in s.ents):
                    cands.append((t, s))
        rng.shuffle(cands)
        for t, _ in cands[:PER_ARTICLE]:
            out.append(Sentence(t, name, dl))
        for t, _ in cands[PER_ARTICLE:]:
            spare.append(Sentence(t, name, dl))
    return out, spare


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


# -- the set -------------------------------------------------------------------------------------


def build_pairs(
    sents: list[Sentence], spare: list[Sentence], nlp: Any, ids: dict[str, str]
) -> list[Pair]:
    rng = random.Random(RNG_SEED)
    names = sorted(
        {
            (e.label_, e.text)
            for s in sents
            for e in nlp(s.text).ents
            if e.label_ in ("PERSON", "ORG", "GPE")
        }
    )
    pairs: list[Pair] = []
    for s in sents:
        rid = ids[s.text]
        got = reword(s, nlp, rng, rng.choice([1, 1, 2]))
        if got:
            pairs.append(Pair(rid, got[0], "same", got[1], s.dateline))
        kinds = list(NEAR_MISSES)
        rng.shuffle(kinds)
        for k in kinds:
            out = NEAR_MISSES[k](s.text, nlp, rng, names)
            if out and out != s.text:
                kind = k
                if rng.random() < 0.5:
                    more = reword(replace(s, text=out), nlp, rng, 1)
                    if more:
                        out, kind = more[0], f"{k}+{more[1]}"
                pairs.append(Pair(rid, out, "different", kind, s.dateline))
                break
        other = rng.choice([x for x in spare if x.article != s.article])
        pairs.append(Pair(rid, other.text, "unrelated", "other_article", other.dateline))
    return pairs


def hand_pairs() -> list[dict[str, Any]]:
    if not HAND.exists():
        return []
    return [json.loads(line) for line in HAND.open(encoding="utf-8") if line.strip()]


# -- scoring -------------------------------------------------------------------------------------


def _memory(analyzer: Any, embedder: Any):
    import chromadb

    from factcheck.memory import MatchThresholds, ReviewStore

    client = chromadb.EphemeralClient(settings=chromadb.Settings(anonymized_telemetry=False))
    # Collect every candidate: the same-claim threshold is applied afterwards (sweepable).
    t = MatchThresholds(related=0.3, same=0.0)
    return ReviewStore(client, embedder, analyzer, f"cm{uuid.uuid4().hex[:8]}", t)


def run(
    reviews: list[tuple[str, dt.date | None]],
    queries: list[tuple[str, dt.date | None]],
    analyzer: Any,
    embedder: Any,
) -> tuple[list[list[tuple[str, float, bool, str]]], dict[str, str], float]:
    """Store the reviews, match every query; returns per query (review id, similarity,
    nothing differs, reason) for each candidate, the review ids by text, and ms per match."""
    from factcheck.reviews import make_review

    mem = _memory(analyzer, embedder)
    revs = [make_review(t, "True", date=d, origin="bench") for t, d in reviews]
    mem.add(revs)
    ids = {r.claim: r.id for r in revs}
    vecs = embedder.embed_documents([q for q, _ in queries])
    facts = [analyzer.analyze(q, d) for q, d in queries]
    t0 = time.perf_counter()
    found = mem.match(vecs, facts)
    ms = (time.perf_counter() - t0) * 1000 / max(1, len(queries))
    out = [[(m.review.id, m.similarity, not m.reason, m.reason) for m in ms_] for ms_ in found]
    return out, ids, ms


def score(
    pairs: list[Pair], found: list[list[tuple[str, float, bool, str]]], tau: float
) -> dict[str, Any]:
    """Pairwise: a pair is predicted "same" when ``same_claim`` names its review. Strict
    precision also counts every other review named as the same claim as wrong (an
    "unrelated" claim from another article can be the same claim reported twice: such
    cases lower only the strict figure)."""
    tp = fp = fn = wrong_other = 0
    per_kind: Counter[str] = Counter()
    per_kind_ok: Counter[str] = Counter()
    for p, cands in zip(pairs, found, strict=True):
        same_ids = {rid for rid, sim, ok, _ in cands if ok and sim >= tau}
        kind = p.label if p.label != "different" else p.kind.split("+")[0]
        per_kind[kind] += 1
        hit = p.review in same_ids
        wrong_other += len(same_ids - {p.review})
        if p.label == "same":
            tp += hit
            fn += not hit
        else:
            fp += hit
        per_kind_ok[kind] += hit if p.label == "same" else not hit
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    strict = tp / (tp + fp + wrong_other) if tp + fp + wrong_other else 1.0
    return {
        "pairs": len(pairs),
        "same": tp + fn,
        "precision": round(prec, 3),
        "recall": round(rec, 3),
        "strict_precision": round(strict, 3),
        "accuracy_by_kind": {k: round(per_kind_ok[k] / n, 3) for k, n in sorted(per_kind.items())},
        "n_by_kind": dict(sorted(per_kind.items())),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--news", type=Path, default=NEWS)
    ap.add_argument("--split", choices=["dev", "test"], default="test")
    ap.add_argument("--sweep", action="store_true", help="precision/recall per threshold")
    ap.add_argument("--show", type=int, default=0, help="print N wrong pairs")
    ap.add_argument("--write", type=Path, default=None, help="save the generated pairs (JSONL)")
    args = ap.parse_args(argv)
    if not args.news.exists():
        print(
            f"{args.news}: not found (the news articles live in ../shared/data/news)",
            file=sys.stderr,
        )
        return 2
    from factcheck.analysis import Analyzer
    from factcheck.embed import default_embedder
    from factcheck.memory import MatchThresholds

    analyzer = Analyzer(without_torch=True)
    analyzer.warm_up()
    embedder = default_embedder("onnx")
    nlp = analyzer.nlp
    arts = [a for a in read_articles(args.news, SEED) if split_of(a[0]) == args.split]
    sents, spare = pick_sentences(nlp, arts)
    from factcheck.reviews import make_review

    ids = {s.text: make_review(s.text, "True", date=s.dateline, origin="bench").id for s in sents}
    pairs = build_pairs(sents, spare, nlp, ids)
    if args.write:
        with args.write.open("w", encoding="utf-8") as f:
            for p in pairs:
                f.write(json.dumps({**p.__dict__, "dateline": str(p.dateline)}) + "\n")
    found, _, ms = run(
        [(s.text, s.dateline) for s in sents],
        [(p.query, p.dateline) for p in pairs],
        analyzer,
        embedder,
    )
    tau = MatchThresholds().same
    res = {
        "split": args.split,
        "articles": len(arts),
        "reviews": len(sents),
        "threshold": tau,
        **score(pairs, found, tau),
        "ms_per_match": round(ms, 2),
    }
    print(json.dumps(res, indent=1))
    hand = hand_pairs()
    if hand:
        hrev = sorted({(h["review"], h.get("date")) for h in hand})
        hfound, hids, _ = run(
            [(t, dt.date.fromisoformat(d) if d else None) for t, d in hrev],
            [
                (h["query"], dt.date.fromisoformat(h["date"]) if h.get("date") else None)
                for h in hand
            ],
            analyzer,
            embedder,
        )
        hp = [
            Pair(
                hids[" ".join(h["review"].split())],
                h["query"],
                h["label"],
                h.get("kind", h["label"]),
                None,
            )
            for h in hand
        ]
        print(json.dumps({"set": "hand-written", **score(hp, hfound, tau)}, indent=1))
        if args.show:
            _show(hp, hfound, tau, args.show, {v: k for k, v in hids.items()})
    if args.sweep:
        print("threshold  precision  recall  strict")
        for t in [x / 100 for x in range(50, 96, 2)]:
            r = score(pairs, found, t)
            print(
                f"{t:9.2f}  {r['precision']:9.3f}  {r['recall']:6.3f}  {r['strict_precision']:6.3f}"
            )
    if args.show:
        _show(pairs, found, tau, args.show, {v: k for k, v in ids.items()})
    return 0


def _show(pairs: list[Pair], found: list[Any], tau: float, n: int, texts: dict[str, str]) -> None:
    shown = 0
    for p, cands in zip(pairs, found, strict=True):
        same_ids = {rid for rid, sim, ok, _ in cands if ok and sim >= tau}
        right = (p.review in same_ids) == (p.label == "same") and same_ids <= {p.review}
        if right:
            continue
        mine = [c for c in cands if c[0] == p.review]
        print(f"--- {p.label}/{p.kind}: {p.query}\n    {mine[0][1:] if mine else 'not retrieved'}")
        for c in cands:
            if c[0] != p.review and c[2] and c[1] >= tau:
                print(f"    also matched: {texts.get(c[0], c[0])} ({c[1]:.3f})")
        shown += 1
        if shown >= n:
            break


if __name__ == "__main__":
    sys.exit(main())
