"""Text hygiene at the edges: what comes in is normalised, what goes to a terminal or a
spreadsheet is made harmless.

- Claims and sources: Unicode NFC; terminal escape sequences and control/format characters
  removed (sources keep newlines and tabs), so an invisible character can never change a
  verdict.
- Terminal output: escape sequences stripped, so a planted OSC sequence cannot retitle the
  window or recolour the screen.
- CSV cells: a cell that a spreadsheet would run as a formula is neutralised as OWASP
  recommends (a leading single quote).
"""

from __future__ import annotations

import re
import unicodedata

# ECMA-48 escape sequences: OSC/DCS/PM/APC strings, CSI sequences (7- and 8-bit), and the
# two-character escapes. Removed whole, so no "[31m" is left behind in the text.
_ESCAPES = re.compile(
    r"\x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC ... BEL/ST
    r"|\x1b[P^_X][^\x1b\x9c]*(?:\x1b\\|\x9c)?"  # DCS, PM, APC, SOS ... ST
    r"|\x1b\[[0-?]*[ -/]*[@-~]?"  # CSI
    r"|\x9b[0-?]*[ -/]*[@-~]?"  # 8-bit CSI
    r"|[\x90\x98\x9d\x9e\x9f][^\x07\x9c]*(?:\x07|\x9c)?"  # 8-bit string introducers
    r"|\x1b[ -/]*[0-~]?"  # other escapes (ESC c, ESC ( B, a lone ESC)
)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# Line and paragraph separators count as newlines in sources (str.splitlines agrees).
_NEWLINES = re.compile(r"\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_THOUSANDS = re.compile(r"(?<=\d)[\u00a0\u202f\u2009](?=\d{3}(?!\d))")
_CSV_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _drop_controls(text: str, keep: str) -> str:
    return "".join(
        ch
        for ch in text
        if ch in keep or unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn")
    )


def clean_claim(text: str) -> str:
    """A claim as the checker sees it: NFC, no escapes or invisible characters, one line."""
    text = unicodedata.normalize("NFC", _ESCAPES.sub("", text))
    text = _NEWLINES.sub(" ", text).replace("\n", " ")
    text = _drop_controls(text, keep=" \t")
    text = _THOUSANDS.sub(",", text)  # "1 000 000" with no-break spaces: one figure
    return _SPACES.sub(" ", text).strip()


def clean_source(text: str) -> str:
    """A source's text: NFC, one kind of newline, no escapes or invisible characters.

    Newlines and tabs stay (they separate paragraphs and columns)."""
    text = unicodedata.normalize("NFC", _ESCAPES.sub("", text))
    text = _NEWLINES.sub("\n", text)
    return _drop_controls(text, keep="\n\t")


def blank_controls(text: str) -> str:
    """The text with escape sequences and invisible characters turned into spaces, one for
    one: the same length, so spans still point into the original, and a zero-width space
    or an escape between two sentences separates them as the space a reader sees."""
    text = _ESCAPES.sub(lambda m: " " * len(m.group()), text)
    text = _NEWLINES.sub(lambda m: " " * (len(m.group()) - 1) + "\n", text)
    return "".join(
        ch
        if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn")
        else " "
        for ch in text
    )


def strip_terminal(text: str) -> str:
    """Text safe to print to a terminal: escape sequences and other controls removed
    (newlines and tabs kept); everything else, Unicode included, unchanged."""
    text = _ESCAPES.sub("", text)
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")


def csv_safe(cell: object) -> object:
    """A CSV cell that a spreadsheet will not run: text starting with = + - @ tab or CR
    gets a leading single quote (OWASP's advice against CSV injection). Numbers pass."""
    if isinstance(cell, str) and cell.startswith(_CSV_TRIGGERS):
        return "'" + cell
    return cell
