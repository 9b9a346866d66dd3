"""Comparisons the other way round (rules/comparisons.py `comparison_flipped`) over real
copy: every sentence of ../shared/data/news/ with a comparison on a gradable word's scale
("smaller than analysts had expected"; lexicon ``gradable`` and ``comparison_markers``).

- Caught: each sentence against itself with its first comparison's word put at the other
  end of its scale ("smaller" -> "larger", "less strong" -> "stronger"): each should be
  read as the other way round.
- Kept: each sentence against itself with the word put at the same end in other words
  ("smaller" -> "tinier"... where the scale has a second word): never read as a flip.
- False alarms: each sentence against every other such sentence of its article (and
  itself): copy does not contradict itself, so every pair read as the other way round is
  printed to read.

    python -m benchmarks.comparisons [FOLDER ...]"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from benchmarks.harness import NEWS, article_sentences

THAN = re.compile(r"\bthan\b", re.I)

VOWELS = "aeiou"


def comparative(word: str) -> str:
    """The comparative of an English adjective, by the regular rules: "large" -> "larger",
    "big" -> "bigger", "early" -> "earlier", "expensive" -> "more expensive"."""
    if len(re.findall(r"[aeiouy]+", word)) > 2 or word.endswith("ive"):
        return f"more {word}"
    if word.endswith("e"):
        return word + "r"
    if word.endswith("y") and len(word) > 3:
        return word[:-1] + "ier"
    if (
        len(word) >= 3
        and word[-1] not in VOWELS + "wy"
        and word[-2] in VOWELS
        and word[-3] not in VOWELS
    ):
        return word + word[-1] + "er"
    return word + "er"


def _nli(analyzer: Any, comparatives: Any, flipped: Any) -> None:
    """How often each NLI label's pairs with a comparison on both sides are read as the
    other way round: on entailment pairs each is a false alarm, and is printed."""
    fired: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for path in sorted(NEWS.parent.glob("nli*/*.jsonl")):
        for line in path.open(encoding="utf-8"):
            r = json.loads(line)
            p, h = r["premise"], r["hypothesis"]
            if len(p) > 600 or not (THAN.search(p) and THAN.search(h)):
                continue
            fp, fh = analyzer.analyze(p), analyzer.analyze(h)
            if not (comparatives(fp) and comparatives(fh)):
                continue
            seen[r["label"]] += 1
            if flipped(fh, fp) is not None:
                fired[r["label"]] += 1
                if r["label"] == "entailment":
                    print(f"entailment read as flipped | {h[:80]} || {p[:80]}")
    for label in sorted(seen):
        print(f"NLI {label}: {seen[label]} pairs with comparisons, read as flipped {fired[label]}")


def main(argv: list[str] | None = None) -> int:
    from factcheck.nlp.facts import Analyzer
    from factcheck.rules.comparisons import comparatives, comparison_flipped

    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("folders", nargs="*", type=Path, default=[NEWS])
    ap.add_argument("--nli", action="store_true", help="also the NLI pairs of data/nli*/")
    args = ap.parse_args(argv)
    lexicon = Path(__file__).resolve().parents[1] / "factcheck" / "lang" / "en" / "lexicon.json"
    scales = json.loads(lexicon.read_text(encoding="utf-8"))["gradable"]
    ends = {w: (up, down) for up, down in scales.values() for w in up} | {
        w: (down, up) for up, down in scales.values() for w in down
    }
    analyzer = Analyzer()
    caught = flips = kept = same = alarms = pairs = 0
    for dateline, found in article_sentences(args.folders, analyzer, comparatives):
        for s, facts in found:
            first = comparatives(facts)[0]
            m = re.match(r"(?:(less|more)\s+)?([^\W\d][\w-]*)", first.text, re.I)
            lemma = (
                next((w for w, st, _ in facts.spans if s[st:].startswith(m.group(2))), "")
                if m
                else ""
            )
            mine, other = ends.get(lemma, ((), ()))
            if not other:
                continue
            at = s.index(first.text)
            rest = s[at + m.end() :] if m else ""
            if m and m.group(1):  # "less strong": the other way is "stronger", "weaker" alike
                mine, other = (lemma, *other), (lemma,)
            flipped = s[:at] + comparative(other[0]) + rest
            flips += 1
            if comparison_flipped(analyzer.analyze(flipped, dateline), facts):
                caught += 1
            else:
                print(f"missed | {flipped[:140]}")
            alike = [w for w in mine if w not in (lemma, other[0]) and not w.endswith("er")]
            if alike:
                same += 1
                reworded = s[:at] + comparative(alike[0]) + rest
                if comparison_flipped(analyzer.analyze(reworded, dateline), facts):
                    print(f"flip on the same end | {reworded[:140]}")
                else:
                    kept += 1
            for b, fb in found:
                pairs += 1
                if (hit := comparison_flipped(facts, fb)) is not None:
                    alarms += 1
                    print(f"alarm {hit} | {s[:70]} || {b[:70]}")
    if args.nli:
        _nli(analyzer, comparatives, comparison_flipped)
    print(
        f"{flips} sentences with a comparison; put at the other end, read as the other way"
        f" round: {caught}; put at the same end in other words, not read so: {kept} of {same};"
        f" {pairs} pairs of one article's sentences, read as the other way round: {alarms}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
