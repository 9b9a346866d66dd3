"""Figures with dates of their own, swapped: every sentence of the news articles in which
two figures hold at two different dates of their own (nlp/own_dates.py: "revenue was $7.1
billion in 2006, up from $5.8 billion in 2005") becomes a claim with those two dates
exchanged in the text, an untrue claim whose every figure and date the sentence still
holds. Each claim is compared with its own sentence (rules/compare.py, no model), and the
table counts how often it comes back SUPPORTS (wrong), REFUTES or NEUTRAL, with the
sentence unchanged beside it (it should be SUPPORTS):

    python -m benchmarks.date_swaps [--news ../shared/data/news]

Generated from the articles at run time; nothing is tuned on it."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

NEWS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news"


def swapped_claims(analyzer, news: Path) -> list[tuple[str, str, object]]:
    """(claim, sentence, dateline) for each sentence with two figures of two own dates."""
    from factcheck.nlp.sentences import split_passages
    from factcheck.sources.readers import read_file

    out = []
    for path in sorted(news.glob("*.txt")):
        src, body = read_file(path)
        passages = split_passages(src, body)
        facts = analyzer.analyze_dated([(p.text, p.dateline, None) for p in passages])
        for p, f in zip(passages, facts, strict=True):
            own = [(at, spans[0]) for at, spans in f.own_dates if len(spans) == 1]
            dates = {d for _, d in own}
            if len(dates) < 2:
                continue
            (a, b), (c, d) = sorted(dates)[:2]
            x, y = f.text[a:b], f.text[c:d]
            if x.strip(" .,") == y.strip(" .,"):
                continue
            claim = f.text[:a] + y + f.text[b:c] + x + f.text[d:]
            out.append((claim, f.text, p.dateline))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--news", type=Path, default=NEWS)
    args = ap.parse_args()
    from factcheck.nlp.facts import Analyzer
    from factcheck.rules.compare import compare

    analyzer = Analyzer()
    rows = swapped_claims(analyzer, args.news)
    swapped: Counter[str] = Counter()
    same: Counter[str] = Counter()
    for claim, sentence, day in rows:
        c, s = analyzer.analyze(claim, day), analyzer.analyze(sentence, day)
        swapped[compare(c, s, 0.9).stance.value] += 1
        same[compare(s, s, 1.0).stance.value] += 1
    print(f"{len(rows)} sentences with two figures of two dates of their own")
    print("| claim | SUPPORTS | REFUTES | NEUTRAL |")
    print("|---|---|---|---|")
    for name, got in (("dates swapped (untrue)", swapped), ("sentence itself (true)", same)):
        print(f"| {name} | {got['SUPPORTS']} | {got['REFUTES']} | {got['NEUTRAL']} |")


if __name__ == "__main__":
    main()
