"""The rules on the cases of thirteen hostile reviews (issue #28, thirtieth to thirty-fourth
rounds): made-up wire copy written to probe how dates (``dates``), figures (``figures``)
and the thirtieth round's own changes (``changes``) are read; who said what (``speakers``),
negation, opposites and what is only possible or planned (``polarity``), and names,
places, units and what a claim adds (``entities``), and the thirty-first to thirty-fourth
rounds' own changes (``changes31``, ``changes32``, ``changes33``, ``changes33b``,
``changes33c``, ``changes34`` to ``changes34g``). Each case is a claim, a
passage (with the sentence before it and the lead, where a case gives them), a dateline
and a reviewer's label.

The rules only, as ``compare`` runs them without a stance model, each verdict concluded as
a check concludes it (a rule's contradiction read for whose words it is in; since the
thirty-fourth round: before, a rule's own verdict was taken as it came; a NEUTRAL is often
a rule that did not decide): what the table shows is how often the rules refute a claim the
reviewer would not (the costliest error), support one the reviewer would refute, and
agree with the label. The cases were read while the round's rules were written: they are
development data, not a held-out measure.

    python -m benchmarks.rule_reviews [--dump F]"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections import Counter
from pathlib import Path

DATA = Path(__file__).parent / "data" / "rule_reviews.jsonl"


def load(path: Path = DATA) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def run(rows: list[dict[str, str]]) -> list[tuple[dict[str, str], str, str]]:
    """Each case with the rules' stance and rationale."""
    from factcheck.nlp.facts import Analyzer, TextFacts
    from factcheck.rules.compare import assess, conclude
    from factcheck.thresholds import DEFAULT

    analyzer = Analyzer()
    out = []
    for r in rows:
        day = dt.date.fromisoformat(r["dateline"])

        def read(text: str | None, day: dt.date = day) -> TextFacts | None:
            return analyzer.analyze(text, day) if text else None

        a = assess(
            analyzer.analyze(r["claim"], day),
            analyzer.analyze(r["passage"], day),
            0.75,
            DEFAULT,
            read(r.get("context")),
            claim_date=day,
            passage_date=day,
            lead=read(r.get("lead")),
        )
        c = conclude(a, None, DEFAULT)
        out.append((r, c.stance.value, c.rationale))
    return out


def table(results: list[tuple[dict[str, str], str, str]]) -> list[str]:
    tally: dict[str, Counter[str]] = {}
    for r, got, _ in results:
        t = tally.setdefault(r["set"], Counter())
        t["n"] += 1
        t["right"] += got == r["label"]
        t["wrong REFUTES"] += got == "REFUTES" and r["label"] != "REFUTES"
        t["wrong SUPPORTS"] += got == "SUPPORTS" and r["label"] != "SUPPORTS"
    lines = ["| set | cases | agree with the label | wrongly REFUTES | wrongly SUPPORTS |"]
    lines.append("|---|---|---|---|---|")
    for name, t in tally.items():
        lines.append(
            f"| {name} | {t['n']} | {t['right']} ({t['right'] / t['n']:.3f}) |"
            f" {t['wrong REFUTES']} | {t['wrong SUPPORTS']} |"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--dump", type=Path, help="write each case's stance and rationale here")
    args = ap.parse_args(argv)
    results = run(load(args.data))
    print("\n".join(table(results)))
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as f:
            for r, got, why in results:
                f.write(json.dumps({"id": r["id"], "stance": got, "rationale": why}) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
