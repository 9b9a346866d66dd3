"""Every date without a year that the analyser reads as after its article's dateline, in
the sentences of ../shared/data/news/ that name a month: a reader checks by eye which of
them are events still to come ("will open in July") and which are past events read as
the coming ones ("the plans were announced in January", nlp/tense.py).

    python -m benchmarks.dates_ahead [FOLDER ...]"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from benchmarks.harness import NEWS, source_files

_YEAR = re.compile(r"\d{4}")


def main(argv: list[str] | None = None) -> int:
    from factcheck.lang import resolve
    from factcheck.nlp.facts import Analyzer
    from factcheck.sources.readers import read_file

    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("folders", nargs="*", type=Path, default=[NEWS])
    args = ap.parse_args(argv)
    analyzer = Analyzer()
    months = re.compile(rf"\b(?:{'|'.join(resolve(None).months)})\b", re.I)
    n = 0
    for path in source_files(args.folders):
        source, _ = read_file(path)
        day = source.dateline
        if day is None:
            continue
        for sentence in re.split(r"(?<=[.!?])\s+", source.text):
            if not months.search(sentence):
                continue
            for f in analyzer.analyze(sentence, day).found:
                v = f.value
                ahead = v.kind.value == "date" and v.date_from[:7] > day.isoformat()[:7]
                if ahead and not _YEAR.search(v.text):
                    n += 1
                    print(f"{day} {v.date_from} | {v.text} | {sentence[:120]}")
    print(f"{n} dates read as after their dateline")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
