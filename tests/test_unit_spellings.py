"""Units written out in words and the wire's abbreviations are the units their symbols
are (issue #28, thirty-first round: lang/en/units.json)."""

from __future__ import annotations

import pytest

from factcheck.nlp.values import find_numbers


@pytest.mark.parametrize(
    ("text", "unit", "low"),
    [
        ("Inflation was 7 pct.", "%", 7.0),
        ("The margin rose 2 pct points.", "pp", 2.0),
        ("The plant makes 2 gigawatts.", "W", 2e9),
        ("The plant makes 2 GW.", "W", 2e9),
        ("It fell 30 millimetres.", "m", 0.03),
        ("It grew 12 centimeters.", "m", 0.12),
        ("It weighs 4 metric tons.", "kg", 4000.0),
        ("They shipped 7 metric tonnes.", "kg", 7000.0),
        ("It used 40 kilowatt hours.", "Wh", 40000.0),
        ("It used 40 megawatt-hours.", "Wh", 4e7),
    ],
)
def test_a_unit_in_words_is_its_symbols_unit(text, unit, low):
    [v] = find_numbers(text)
    assert (v.unit, v.low) == (unit, pytest.approx(low))
