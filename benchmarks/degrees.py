"""The other degree (rules/opposites.py `degree_flipped`) over real copy: every sentence of
../shared/data/news/ with a degree word before a content word ("more fuel efficient",
"fewer jobs"; lexicon ``degree_words``).

- Caught: each sentence against itself with its first such degree word turned to the
  other degree ("more" -> "less", "fewer" -> "more"): each should be read as the other
  degree.
- False alarms: each sentence against itself, and against every other such sentence of
  its article: copy does not contradict itself, so every pair read as the other degree
  is printed to read (two true sentences may give two things of one word two degrees).

    python -m benchmarks.degrees [FOLDER ...]"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from benchmarks.harness import NEWS, article_sentences


def main(argv: list[str] | None = None) -> int:
    from factcheck.lang import alternation, resolve
    from factcheck.nlp.facts import Analyzer
    from factcheck.rules.opposites import degree_flipped, degrees

    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("folders", nargs="*", type=Path, default=[NEWS])
    args = ap.parse_args(argv)
    vocab = resolve(None)
    signs = vocab.degree_words
    word = re.compile(rf"\b({alternation(signs)})\b", re.I)
    other = {1: "less", -1: "more"}
    analyzer = Analyzer()
    caught = flips = alarms = pairs = 0
    for dateline, found in article_sentences(args.folders, analyzer, degrees):
        for s, facts in found:
            m = next(
                m
                for m in word.finditer(s)
                if any(m.group(0) in w for d in degrees(facts).values() for w in d.values())
            )
            flipped = s[: m.start()] + other[signs[m.group(1).lower()]] + s[m.end() :]
            flips += 1
            if degree_flipped(analyzer.analyze(flipped, dateline), facts) is not None:
                caught += 1
            else:
                print(f"missed | {flipped[:120]}")
            for b, fb in found:
                pairs += 1
                if (hit := degree_flipped(facts, fb)) is not None:
                    alarms += 1
                    print(f"alarm {hit} | {s[:70]} || {b[:70]}")
    print(
        f"{flips} sentences with a degree word; flipped, read as the other degree: {caught};"
        f" {pairs} pairs of one article's sentences, read as the other degree: {alarms}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
