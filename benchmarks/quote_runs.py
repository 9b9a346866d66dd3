"""Quotations over several passages in real copy (nlp/quote_runs.py, issue #28): how many
passages of the news articles are inside one, how many of those have no reporting verb of
their own (read alone they look like narration), and how many of those a check now gives
a speaker; and how many quotations that name no one are given to the one person the
passage before them names and nobody else would be (speech.introduced_by); with
``--show N``, N of each with their speaker, to read by hand.

    python -m benchmarks.quote_runs [FOLDER] [--show 20]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path
from typing import Any

from benchmarks.harness import NEWS, source_files


def main(argv: list[str] | None = None) -> int:
    from factcheck.nlp.facts import Analyzer
    from factcheck.nlp.sentences import split_passages
    from factcheck.nlp.speech import introduced_by, mostly_quoted, run_speaker
    from factcheck.sources.readers import read_file

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="*", type=Path, default=[NEWS])
    ap.add_argument("--show", type=int, default=0, help="print N passages with their speaker")
    args = ap.parse_args(argv)
    analyzer = Analyzer()
    total = inside = unsaid = named = 0
    shown: list[str] = []
    by_person: list[str] = []  # quotations given to the one person named before them
    for path in source_files(args.folders):
        src, body = read_file(path)
        ps = split_passages(src, body, vocab=analyzer.vocab)
        by_id = {p.id: p for p in ps}
        total += len(ps)
        for p in ps:
            who_before = _by_person(analyzer, p, by_id, introduced_by, mostly_quoted)
            if who_before:
                by_person.append(f"{who_before!r:40} | {p.text[:100]}")
            if p.quote_run is None:
                continue
            inside += 1
            if analyzer.analyze(p.text).statements:
                continue
            unsaid += 1
            run = [by_id.get(q) if q else None for q in p.quote_run]
            facts = tuple(analyzer.analyze(x.text) if x else None for x in run)
            who = run_speaker(facts)  # type: ignore[arg-type]
            if who is not None:
                named += 1
                shown.append(f"{who.speaker!r:40} | {p.text[:100]}")
    print(f"passages {total:,}; inside a quotation of several passages {inside:,}")
    print(f"  without a reporting verb of their own {unsaid:,}; given a speaker {named:,}")
    random.Random(0).shuffle(shown)
    for line in shown[: args.show]:
        print("  ", line)
    print(f"quotations naming no one, given to the one person named before them: {len(by_person)}")
    for line in by_person[: args.show]:
        print("  ", line)
    return 0


def _by_person(analyzer: Any, p: Any, by_id: dict, introduced_by: Any, mostly_quoted: Any) -> str:
    """The speaker a quotation that names no one gets from the one person the passage
    before it names (where that passage gives no one words), else ""."""
    facts = analyzer.analyze(p.text)
    if facts.statements:
        return ""
    if p.quote_run is not None:
        first = by_id.get(p.quote_run.first)
        if first is None or first.text.lstrip()[:1] not in '"“':
            return ""
        before = by_id.get(p.quote_run.before)
    elif mostly_quoted(facts):
        before = by_id.get(p.prev_id)
    else:
        return ""
    if before is None:
        return ""
    told = analyzer.analyze(before.text)
    if told.statements:
        return ""
    who = introduced_by(told)
    return who.speaker if who is not None else ""


if __name__ == "__main__":
    raise SystemExit(main())
