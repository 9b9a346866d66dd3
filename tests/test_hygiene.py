"""Text hygiene at the edges: factcheck/sources/hygiene.py."""

from __future__ import annotations

import pytest

from factcheck.sources.hygiene import clean_claim, clean_source, csv_safe, strip_terminal


@pytest.mark.parametrize(
    "raw",
    [
        "Biden and Putin\x1b[31m spoke for 90 minutes",
        "Biden and Putin spoke\x1b]0;new title\x07 for 90 minutes",
        "Biden and Putin spoke\x1b]8;;http://x.test\x1b\\ for 90 minutes",
        "Biden and\u200b Putin spoke for\u00ad 90 minutes\ufeff",
        "Biden and Putin spoke\x00\x07\x08 for 90 minutes",
        "Biden and Putin\nspoke\tfor  90 minutes ",
        "Biden and Putin spoke\u2028for 90 minutes",
        "Biden and Putin spoke for 90 minutes\x9b1m",
    ],
)
def test_invisible_and_control_characters_leave_the_same_claim(raw):
    assert clean_claim(raw) == "Biden and Putin spoke for 90 minutes"


def test_claims_and_sources_are_nfc():
    decomposed = "Cafe\u0301 cre\u0300me"
    assert clean_claim(decomposed) == "Café crème"
    assert clean_source(decomposed) == "Café crème"


def test_sources_keep_newlines_and_tabs_and_unify_line_ends():
    raw = "Title\r\n\r\nFirst\tcell.\rSecond\x1b[0m line.\u2029Third\x0c."
    assert clean_source(raw) == "Title\n\nFirst\tcell.\nSecond line.\nThird\n."


def test_terminal_output_loses_escapes_but_keeps_text():
    assert strip_terminal("ok \x1b]0;pwned\x07done\n\ttab é 漢") == "ok done\n\ttab é 漢"
    assert strip_terminal("\x1b[2J\x1b[Hclear") == "clear"


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_csv_formula_triggers_are_neutralised(cell):
    assert csv_safe(cell) == "'" + cell


def test_csv_plain_cells_and_numbers_pass():
    assert csv_safe("Putin said") == "Putin said"
    assert csv_safe(0.5) == 0.5
    assert csv_safe("") == ""


def test_every_csv_export_is_neutralised():
    import csv
    import io

    from factcheck.interfaces.exports import to_csv

    rows = [{"id": "-1", "claim": "=cmd|' /C calc'!A0", "label": "REFUTED", "error": "@x"}]
    [got] = list(csv.DictReader(io.StringIO(to_csv(rows))))
    assert got["id"] == "'-1" and got["claim"].startswith("'=") and got["error"] == "'@x"
