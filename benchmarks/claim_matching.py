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
import sys
import time
import uuid
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from benchmarks.mutations import NEAR_MISSES, Sentence, name_pool, read_articles, reword

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "data" / "news"
SEED = ROOT / "seeds" / "2021-12-31-biden-putin-call.txt"
HAND = Path(__file__).resolve().parent / "data" / "claim_matching_hand.jsonl"
RNG_SEED = 20261201
PER_ARTICLE = 4


@dataclass(frozen=True)
class Pair:
    review: str  # id of the stored review
    query: str
    label: str  # same | different | unrelated
    kind: str  # how the query was made
    dateline: dt.date | None


# -- corpus ---------------------------------------------------------------------------------


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


# -- the set -------------------------------------------------------------------------------------


def build_pairs(
    sents: list[Sentence], spare: list[Sentence], nlp: Any, ids: dict[str, str]
) -> list[Pair]:
    rng = random.Random(RNG_SEED)
    names = name_pool(sents, nlp)
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

    from factcheck.reviews.matching import MatchThresholds
    from factcheck.reviews.memory import ReviewStore

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
    from factcheck.reviews.claimreview import make_review

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
    from factcheck.backends.embedders import default_embedder
    from factcheck.nlp.facts import Analyzer
    from factcheck.reviews.matching import MatchThresholds

    analyzer = Analyzer(without_torch=True)
    analyzer.warm_up()
    embedder = default_embedder("onnx")
    nlp = analyzer.nlp
    arts = [a for a in read_articles(args.news, SEED) if split_of(a[0]) == args.split]
    sents, spare = pick_sentences(nlp, arts)
    from factcheck.reviews.claimreview import make_review

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
