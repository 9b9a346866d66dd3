"""benchmarks/harness.py: every threshold, rule weight and verdict rule can be set by
name (``--set NAME=VALUE``) and is reported with the scores."""

from __future__ import annotations

import pytest

from benchmarks.harness import apply_overrides, parse_overrides, settings_report


def test_weights_thresholds_and_rules_are_set_by_name(hash_checker):
    o = parse_overrides(["figure_refute_base=0.3", "model_support=0.4", "min_weight=0.2"])
    apply_overrides(hash_checker, o)
    v = hash_checker.pipeline
    assert v.thresholds.weights.figure_refute_base == 0.3
    assert v.thresholds.model_support == 0.4 and v.rules.min_weight == 0.2
    report = settings_report(hash_checker)
    assert report["thresholds"]["weights"]["figure_refute_base"] == 0.3
    assert report["rules"]["min_weight"] == 0.2


def test_a_count_set_by_name_stays_a_count(hash_checker):
    """ "--set follow_on=2" is parsed as a number; the pipeline slices by it."""
    apply_overrides(hash_checker, parse_overrides(["follow_on=2", "name_candidates=4"]))
    t = hash_checker.pipeline.thresholds
    assert (t.follow_on, t.name_candidates) == (2, 4)
    assert type(t.follow_on) is int and type(t.name_candidates) is int
    assert hash_checker.check("Kestrel Motors lost $11 billion.").label is not None


def test_an_unknown_name_is_refused_with_the_known_ones():
    with pytest.raises(SystemExit, match=r"unknown threshold .figure_refute.*figure_refute_base"):
        parse_overrides(["figure_refute=0.3"])


def _dev_and_test_claims():
    """A dev-half and a test-half claim of the first hand-checked set."""
    from benchmarks import news_claims

    rows = news_claims.load(news_claims.DATA)
    return (
        next(r for r in rows if r["split"] == "dev"),
        next(r for r in rows if r["split"] == "test"),
    )


def _write_dump(path, verdicts):
    """A yardstick dump of (claim row, label, confidence) verdicts."""
    import json

    with path.open("w", encoding="utf-8") as f:
        for r, label, conf in verdicts:
            row = {"id": r["id"], "claim": r["claim"], "label": label, "confidence": conf}
            f.write(json.dumps(row) + "\n")
    return path


def test_a_dump_diff_counts_moves_and_hides_the_test_halves_claims(tmp_path):
    from benchmarks import dump_diff

    dev, test = _dev_and_test_claims()
    other = "NOT_ENOUGH_INFO" if dev["label"] != "NOT_ENOUGH_INFO" else "REFUTED"
    before = _write_dump(tmp_path / "a.jsonl", [(dev, other, 0.5), (test, test["label"], 0.5)])
    after = _write_dump(tmp_path / "b.jsonl", [(dev, dev["label"], 0.5), (test, other, 0.5)])
    lines, counts = dump_diff.diff(before, after)
    assert counts == {"changed": 2, "right": 1, "wrong": 1}
    text = "\n".join(lines)
    assert dev["claim"] in text and test["claim"] not in text


def test_a_dump_diff_shows_verdicts_crossing_the_desks_confidence(tmp_path):
    """The same label at a confidence on the other side of 0.9 (a desk sorts by it): listed
    with whether it is right, a test-half claim by its set only."""
    from benchmarks import dump_diff

    dev, test = _dev_and_test_claims()
    wrong = "NOT_ENOUGH_INFO" if test["label"] != "NOT_ENOUGH_INFO" else "REFUTED"

    def dump(name, dev_conf, test_conf):
        return _write_dump(
            tmp_path / name, [(dev, dev["label"], dev_conf), (test, wrong, test_conf)]
        )

    lines, counts = dump_diff.diff(dump("a.jsonl", 0.6, 0.95), dump("b.jsonl", 0.92, 0.5))
    assert counts == {"changed": 0, "right": 0, "wrong": 0, "up right": 1, "down wrong": 1}
    text = "\n".join(lines)
    assert dev["claim"] in text and test["claim"] not in text
    _, same = dump_diff.diff(dump("c.jsonl", 0.6, 0.5), dump("d.jsonl", 0.8, 0.7))
    assert same == {"changed": 0, "right": 0, "wrong": 0}  # nothing crossed 0.9


def test_dump_errors_counts_the_dev_halves_errors_only(tmp_path):
    import json

    from benchmarks import dump_errors, news_claims

    rows = news_claims.load(news_claims.DATA)
    dev = [r for r in rows if r["split"] == "dev"][:3]
    test = next(r for r in rows if r["split"] == "test")

    def wrong(label: str) -> str:
        return "REFUTED" if label != "REFUTED" else "SUPPORTED"

    path = tmp_path / "d.jsonl"
    with path.open("w", encoding="utf-8") as f:
        given = [(dev[0], wrong(dev[0]["label"])), (dev[1], dev[1]["label"])]
        given += [(dev[2], wrong(dev[2]["label"])), (test, wrong(test["label"]))]
        for r, label in given:
            f.write(json.dumps({"id": r["id"], "claim": r["claim"], "label": label}) + "\n")
    counts = dump_errors.errors(path)
    assert sum(counts.values()) == 2  # the right one and the test half's are not counted
    assert counts[(dev[0]["kind"], dev[0]["label"], wrong(dev[0]["label"]))] >= 1


@pytest.mark.parametrize(
    ("word", "form"),
    [
        ("large", "larger"),
        ("big", "bigger"),
        ("early", "earlier"),
        ("strong", "stronger"),
        ("expensive", "more expensive"),
        ("slow", "slower"),
    ],
)
def test_the_comparisons_benchmark_builds_regular_comparatives(word, form):
    from benchmarks.comparisons import comparative

    assert comparative(word) == form


def test_the_threshold_search_weighs_every_dev_half_alike_and_never_a_test_half():
    from benchmarks.yardsticks import HAND_SETS, objective

    def split(acc: float, fs: float) -> dict[str, float]:
        return {"accuracy": acc, "false_supported": fs}

    r = {f"{n}_dev": split(0.8, 0.1) for n in ("contrast", *HAND_SETS)}
    assert objective(r) == pytest.approx(0.75)
    # one more hand-checked set's dev half moves it by its share, as any other would
    r["news6_dev"] = split(0.1, 0.1)
    assert objective(r) == pytest.approx(0.75 - 0.7 / (1 + len(HAND_SETS)))
    # the test halves are for reporting only
    r |= {f"{n}_test": split(0.0, 1.0) for n in ("contrast", *HAND_SETS)}
    assert objective(r) == pytest.approx(0.75 - 0.7 / (1 + len(HAND_SETS)))


def test_the_rule_reviews_are_scored_against_their_labels():
    """benchmarks/rule_reviews.py: the thirteen reviews' cases, labelled, and a table of how
    often the rules refute or support against the label."""
    from collections import Counter

    from benchmarks.rule_reviews import load, run, table

    rows = load()
    assert len(rows) == 4094 and len({r["id"] for r in rows}) == len(rows)
    assert Counter(r["set"] for r in rows) == {
        "dates": 391,
        "figures": 416,
        "changes": 371,
        "speakers": 333,
        "polarity": 374,
        "entities": 365,
        "changes31": 268,
        "changes32": 297,
        "changes33": 302,
        "changes33b": 233,
        "changes33c": 174,
        "changes34": 85,
        "changes34b": 75,
        "changes34c": 102,
        "changes34d": 80,
        "changes34e": 107,
        "changes34f": 60,
        "changes34g": 61,
    }
    assert {r["label"] for r in rows} == {"SUPPORTS", "REFUTES", "NEUTRAL"}
    picked = [
        {"id": "a", "set": "x", "dateline": "2024-07-20", "label": "SUPPORTS",
         "claim": "At least 40 people died.", "passage": "At least 40 people died."},
        {"id": "b", "set": "x", "dateline": "2024-07-20", "label": "SUPPORTS",
         "claim": "At least 90 people died.", "passage": "At least 40 people died."},
    ]  # fmt: skip
    results = run(picked)
    assert [got for _, got, _ in results] == ["SUPPORTS", "REFUTES"]
    assert table(results)[-1] == "| x | 2 | 1 (0.500) | 1 | 0 |"
