"""A vocabulary is passed in, never fetched when a module is imported: the Analyzer is given
one (English by default) and hands it to every function that reads words, and those build
their patterns once per vocabulary object, so a modified copy really is what is read."""

from __future__ import annotations

import ast
import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.lang import Hedge, vocabulary

PACKAGE = Path(__file__).resolve().parent.parent / "factcheck"
FETCHES = {"vocabulary", "resolve"}  # calls that read a language's tables


def _fetches(func: ast.expr) -> bool:
    """``vocabulary(...)``, ``lang.vocabulary(...)`` or ``resolve(...)``."""
    if isinstance(func, ast.Name):
        return func.id in FETCHES
    return isinstance(func, ast.Attribute) and func.attr == "vocabulary"


def import_time_fetches(tree: ast.AST) -> list[int]:
    """Lines where a vocabulary is read while the module is imported: anywhere outside a
    function's body (module and class bodies, decorators, default argument values)."""
    found: list[int] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            if not isinstance(node, ast.Lambda):
                for d in node.decorator_list:
                    visit(d)
            for d in [*node.args.defaults, *node.args.kw_defaults]:
                if d is not None:
                    visit(d)
            return  # the body runs when called, not when imported
        if isinstance(node, ast.Call) and _fetches(node.func):
            found.append(node.lineno)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def test_no_module_reads_a_vocabulary_when_imported() -> None:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "models" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        wrong += [f"{path.relative_to(PACKAGE)}:{n}" for n in import_time_fetches(tree)]
    assert not wrong, "vocabulary read at import time: " + ", ".join(wrong)


def test_the_check_can_fail() -> None:
    """Module level, class bodies, decorators and defaults are caught; function bodies not."""
    src = (
        'V = vocabulary("en")\n'
        "class A:\n"
        "    W = lang.vocabulary()\n"
        "    def m(self):\n"
        '        return vocabulary("en")\n'
        "@cache_for(resolve(None))\n"
        'def f(v=vocabulary("en"), w=lambda: vocabulary("en")):\n'
        "    return resolve(v)\n"
    )
    assert import_time_fetches(ast.parse(src)) == [1, 3, 6, 7]


def test_importing_the_word_reading_modules_reads_no_vocabulary() -> None:
    """The same at run time, through any helper: importing every module of the rooms that
    read words leaves the vocabulary cache empty."""
    code = (
        "import importlib, pkgutil, factcheck\n"
        "from factcheck.lang import vocabulary\n"
        "rooms = ('lang', 'nlp', 'rules', 'reviews', 'backends', 'sources')\n"
        "for m in pkgutil.walk_packages(factcheck.__path__, 'factcheck.'):\n"
        "    if m.name.split('.')[1] in rooms and '.models' not in m.name:\n"
        "        importlib.import_module(m.name)\n"
        "print(vocabulary.cache_info().misses)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.strip() == "0", out.stdout + out.stderr


# -- a modified vocabulary is what the analysis reads -----------------------------------


@pytest.fixture(scope="module")
def modified():
    """English with one more hedge and one more reporting verb."""
    en = vocabulary("en")
    return dataclasses.replace(
        en,
        hedges={**en.hedges, "give or take": Hedge("give or take", "about", 0.1)},
        reporting_verbs=en.reporting_verbs | {"whisper"},
    )


def test_an_analyzer_reads_the_vocabulary_it_is_given(analyzer, modified) -> None:
    from factcheck.nlp.facts import Analyzer

    mine = Analyzer(nlp=analyzer.nlp, vocab=modified)
    assert mine.vocab is modified and analyzer.vocab is vocabulary("en")

    hedged = "Give or take 100 people came to the rally."
    [plain], [given] = analyzer.analyze(hedged).values, mine.analyze(hedged).values
    assert (plain.text, plain.hedge, plain.low) == ("100", "", 100)
    assert (given.text, given.hedge) == ("Give or take 100", "give or take")
    assert given.low == pytest.approx(90) and given.high == pytest.approx(110)

    said = "Smith whispered that the deal was off."
    assert analyzer.analyze(said).statements == ()  # "whisper" reports nothing in English
    [s] = mine.analyze(said).statements  # the parse helpers read the given vocabulary too
    assert (s.speaker, s.name) == ("Smith", "smith") and "deal" in s.words
    assert mine.analyze(said).lang == "en"


def test_functions_read_the_vocabulary_they_are_given(modified) -> None:
    """Without an Analyzer: each function's ``vocab``, English when None; the patterns
    built for the modified copy do not leak into English's."""
    import datetime as dt

    from factcheck.nlp.dates import DateContext
    from factcheck.nlp.numerals import hedge_interval
    from factcheck.nlp.values import find_values

    ctx = DateContext(dt.date(2021, 12, 31))
    text = "Give or take 200 people came."
    [v], _ = find_values(text, ctx, vocab=modified)
    assert v.hedge == "give or take"
    [v], _ = find_values(text, ctx)
    assert v.hedge == ""
    assert hedge_interval(200, "give or take", vocab=modified) == pytest.approx((180, 220))
    assert hedge_interval(200, "give or take") == (200, 200)


def test_the_rules_read_the_language_of_their_facts(analyzer) -> None:
    f = analyzer.analyze("About 100 people came.")
    assert f.lang == "en" and f.vocabulary is vocabulary("en")


def test_the_rules_read_the_vocabulary_an_analyzer_was_given(analyzer, modified) -> None:
    """A modified copy reaches the rules too: "give or take 200" is an interval there."""
    from factcheck.nlp.facts import Analyzer
    from factcheck.rules.align import values_agree

    mine = Analyzer(analyzer.nlp, vocab=modified)
    claim = mine.analyze("Give or take 200 people came.")
    assert claim.vocabulary is modified
    passage = mine.analyze("Exactly 190 people came.")
    [c], [p] = claim.values, passage.values
    assert values_agree(c, p, vocab=claim.vocabulary)  # 190 is within 200 give or take 10%
    assert passage.vocabulary is modified and analyzer.analyze("190").vocabulary is not modified
    assert vocabulary("en").hedges.get("give or take") is None  # English itself unchanged
