"""The other choice (rules/opposites.py `other_choice`) over real copy: every sentence of
../shared/data/news/ with a preference marker ("rather than", "instead of"), each read
against every one of them, itself included. None of those pairs makes the other choice of
the same two things, so every pair read as one is a false alarm, printed to read.

    python -m benchmarks.choices [FOLDER ...]"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from benchmarks.harness import NEWS, source_files


def main(argv: list[str] | None = None) -> int:
    from factcheck.lang import alternation, resolve
    from factcheck.nlp.facts import Analyzer
    from factcheck.rules.opposites import other_choice
    from factcheck.sources.readers import read_file

    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("folders", nargs="*", type=Path, default=[NEWS])
    args = ap.parse_args(argv)
    marker = re.compile(rf"\b(?:{alternation(resolve(None).preference_markers)})\b", re.I)
    analyzer = Analyzer()
    sentences = []
    for path in source_files(args.folders):
        source, _ = read_file(path)
        for s in re.split(r"(?<=[.!?])\s+", source.text):
            if marker.search(s):
                sentences.append((s, analyzer.analyze(s, source.dateline)))
    alarms = 0
    for a, fa in sentences:
        for b, fb in sentences:
            if (found := other_choice(fa, fb)) is not None:
                alarms += 1
                print(f"{found} | {a[:80]} || {b[:80]}")
    n = len(sentences)
    print(f"{n} sentences with a marker, {n * n} pairs, {alarms} read as the other choice")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
