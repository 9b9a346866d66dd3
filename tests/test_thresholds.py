"""thresholds.py: every number that decides a stance, in two frozen dataclasses. The
defaults must be in their documented ranges, an override must change exactly one field,
and the thresholds id that provenance hashes from them must follow every change."""

from __future__ import annotations

import dataclasses
import math
import re
import typing
from dataclasses import fields, replace
from typing import Any

import pytest

from factcheck.pipeline.provenance import thresholds_id
from factcheck.thresholds import DEFAULT, Thresholds, Weights

# Weights that add up alignment evidence (align.py): positive scores, not shares.
ALIGNMENT_SCORES = {
    "context_word",
    "context_name_word",
    "counted_noun",
    "similar_noun",
    "alike_refute_alignment",
    "measure_unit",
    "same_anchor",
    "anchor_nearby",
    "unambiguous_kind",
    "min_alignment",
    "refute_alignment",
    "date_refute_factor",
    "duration_scale_gap",
    "agree_preference",
    "specific_preference",
    "figure_refute_alignment_cap",
}
# Counts of words or days, and the retrieval pool's multiple.
COUNTS = {
    "words_of_another_words",
    "precise_digits",
    "name_candidates",
    "reworded_min_kept",
    "reworded_max_words",
    "verbatim_min_words",
    "report_lag_days",
    "recounted_days",
    "retrieve_pool",
    "follow_on",
    "article_sources",
    "article_matches",
    "word_matches",
    "windows",
    "antecedent_passages",
}
# Counts of passages or days that 0 turns off.
MAY_BE_ZERO = {
    "report_lag_days",
    "follow_on",
    "article_sources",
    "article_matches",
    "word_matches",
    "windows",
    "antecedent_passages",
}


def _scalars(obj: object) -> dict[str, object]:
    """A dataclass's fields flattened to ``name`` or ``weights.name``: its values."""
    out: dict[str, object] = {}
    for f in fields(obj):  # type: ignore[arg-type]
        v = getattr(obj, f.name)
        if dataclasses.is_dataclass(v):
            out |= {f"{f.name}.{k}": x for k, x in _scalars(v).items()}
        else:
            out[f.name] = v
    return out


def _bumped(v: object) -> object:
    """Another value of the same type."""
    if isinstance(v, int):
        return v + 1
    assert isinstance(v, float)
    return v + 0.01


def _override(t: Thresholds, name: str, value: Any) -> Thresholds:
    """``t`` with one field (``weights.name`` for a weight) set, as ``--set`` would."""
    one: dict[str, Any] = {name.removeprefix("weights."): value}
    if name.startswith("weights."):
        return replace(t, weights=replace(t.weights, **one))
    return replace(t, **one)


ALL_FIELDS = sorted(_scalars(DEFAULT))


def test_each_default_has_the_type_it_declares():
    """An int field holds an int (a count of days or words), a float field a float: an
    override parsed from NAME=VALUE can take the type from the default."""
    for cls, obj in ((Thresholds, DEFAULT), (Weights, DEFAULT.weights)):
        hints = typing.get_type_hints(cls)
        for f in fields(cls):
            if f.name == "weights":
                assert hints[f.name] is Weights
                continue
            assert type(getattr(obj, f.name)) is hints[f.name], f.name


def test_every_default_is_within_its_documented_range():
    for name, v in _scalars(DEFAULT).items():
        short = name.removeprefix("weights.")
        assert isinstance(v, int | float) and math.isfinite(v), name
        if short in COUNTS:
            assert isinstance(v, int) and v >= (0 if short in MAY_BE_ZERO else 1), name
        elif short in ALIGNMENT_SCORES:
            assert v > 0, name
        else:  # shares, cosines, probabilities and the weights of a stance: 0..1
            assert 0.0 <= v <= 1.0, name
    w = DEFAULT.weights
    assert w.date_refute_factor >= 1.0 and w.agree_preference >= 1.0  # "times as much"
    assert w.duration_scale_gap > 60  # minutes against hours are one event's, mistyped
    assert w.misquote_changed < 0.5  # a misquote keeps most of the quotation's words


def test_the_documented_relations_between_weights_hold():
    w = DEFAULT.weights
    assert w.min_alignment <= w.refute_alignment  # a refuting pair is a pair
    assert w.similar_noun <= w.counted_noun  # an alike noun is weaker than the same noun
    # alike nouns refute at refute_alignment plus the noun weight they lack
    assert w.alike_refute_alignment == w.refute_alignment + w.counted_noun - w.similar_noun


def test_uncapped_scores_stay_within_one_at_full_evidence():
    """relatedness and a model's weight are sums that nothing caps at 1 afterwards."""
    w = DEFAULT.weights
    relatedness = w.relatedness_overlap + w.relatedness_cover + w.relatedness_similarity
    assert relatedness <= 1.0 + 1e-9
    assert 1.0 * (w.model_weight_base + w.model_weight_overlap * 1.0) <= 1.0 + 1e-9


def test_default_is_a_fresh_instance_s_value_and_is_shared():
    from factcheck.rules import compare, timing

    assert Thresholds() == DEFAULT and DEFAULT.weights == Weights()
    assert hash(DEFAULT) == hash(Thresholds())
    assert compare.DEFAULT is DEFAULT and timing.DEFAULT is DEFAULT


def test_thresholds_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        DEFAULT.related = 0.9  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        DEFAULT.weights.clause_cover = 0.9  # type: ignore[misc]
    assert DEFAULT.related == Thresholds().related


def test_a_misspelt_override_is_refused():
    typo: dict[str, Any] = {"relatd": 0.2}
    with pytest.raises(TypeError):
        replace(DEFAULT, **typo)
    with pytest.raises(TypeError):
        replace(DEFAULT.weights, **typo)


@pytest.mark.parametrize("name", ALL_FIELDS)
def test_an_override_changes_exactly_that_field(name):
    before = _scalars(DEFAULT)
    after = _scalars(_override(DEFAULT, name, _bumped(before[name])))
    assert {k for k in before if before[k] != after[k]} == {name}
    assert Thresholds() == DEFAULT  # the default itself is untouched


def test_the_thresholds_id_is_stable():
    tid = thresholds_id(DEFAULT)
    assert re.fullmatch(r"t-[0-9a-f]{10}", tid)
    assert thresholds_id(Thresholds()) == tid
    assert thresholds_id(replace(DEFAULT)) == tid
    back = _override(_override(DEFAULT, "related", 0.9), "related", DEFAULT.related)
    assert thresholds_id(back) == tid  # changed and changed back: the same thresholds


def test_the_thresholds_id_changes_with_every_field():
    ids = {
        name: thresholds_id(_override(DEFAULT, name, _bumped(_scalars(DEFAULT)[name])))
        for name in ALL_FIELDS
    }
    assert thresholds_id(DEFAULT) not in ids.values()
    assert len(set(ids.values())) == len(ALL_FIELDS)  # and each change differently
