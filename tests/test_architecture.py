"""The rooms of the house: subpackages by job, dependencies pointing one way.

Every import of ``factcheck`` code, at module level or inside a function, is read from
the source with ``ast``; a room may import only from rooms below it (and from itself).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "factcheck"

# Lowest first. A module may import from its own room and from any room listed before it.
LAYERS: list[set[str]] = [
    {"kernel"},  # types, errors, config, thresholds, lang/
    {"backends"},  # embedders, stance models, LLM judge: no language rules in them
    {"sources"},  # reading files, input hygiene, the passage store: no language analysis
    {"nlp"},  # reading language
    {"rules"},  # deciding one claim against one passage, then the verdict
    {"reviews"},  # earlier verdicts (ClaimReview, the verdict memory)
    {"pipeline"},  # prepare, retrieve, judge; the LangChain adapter; the ingest run
    {"api"},  # FactChecker
    {"interfaces"},  # command line, web app, batch, export formats
]
RANK = {room: i for i, rooms in enumerate(LAYERS) for room in rooms}
KERNEL_MODULES = {"types", "errors", "config", "thresholds"}
# Old import paths the README names, kept as re-exports of their new homes.
COMPAT = {"chain": "pipeline", "core": "pipeline"}


def room_of(module: str) -> str:
    """'factcheck.nlp.values' -> 'nlp'; 'factcheck.types' -> 'kernel'; 'factcheck' -> 'api'."""
    parts = module.split(".")
    if parts[0] != "factcheck":
        raise ValueError(module)
    if len(parts) == 1:
        return "api"  # the package's face: re-exports the types and, lazily, FactChecker
    if parts[1] in KERNEL_MODULES or parts[1] == "lang":
        return "kernel"
    if parts[1] in COMPAT:
        return "interfaces"  # a re-export shim may import anything; nothing may import it
    return parts[1]


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> list[tuple[int, str]]:
    """(line, imported factcheck module) for every import in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    me = module_name(path).split(".")
    is_pkg = path.name == "__init__.py"
    out: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names if a.name.startswith("factcheck")]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = me if is_pkg else me[:-1]
                base = base[: len(base) - (node.level - 1)]
                mod = ".".join([*base, node.module] if node.module else base)
            else:
                mod = node.module or ""
            if mod.startswith("factcheck"):
                # "from factcheck.nlp import syntax" imports the module factcheck.nlp.syntax
                subs = [f"{mod}.{a.name}" for a in node.names if _is_module(f"{mod}.{a.name}")]
                out += [(node.lineno, m) for m in subs] or [(node.lineno, mod)]
    return out


def _is_module(name: str) -> bool:
    rel = Path(*name.split(".")[1:])
    base = PACKAGE / rel
    return base.with_suffix(".py").exists() or (base / "__init__.py").exists()


def code_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "models" not in p.parts)


def test_every_module_lives_in_a_known_room() -> None:
    rooms = {room_of(module_name(p)) for p in code_files()}
    assert rooms <= set(RANK), rooms - set(RANK)


def violations(files: list[Path]) -> list[str]:
    """Each import of a room above the importer's own, or of a compatibility shim."""
    wrong = []
    for path in files:
        src = room_of(module_name(path))
        for line, mod in imports_of(path):
            dst = room_of(mod)
            if mod.split(".")[1:2] and mod.split(".")[1] in COMPAT:
                wrong.append(f"{path.relative_to(PACKAGE)}:{line} imports the shim {mod}")
            elif RANK[dst] > RANK[src]:
                wrong.append(f"{path.relative_to(PACKAGE)}:{line} ({src}) imports {mod} ({dst})")
    return wrong


def test_dependencies_point_one_way() -> None:
    wrong = violations(code_files())
    assert not wrong, "\n".join(wrong)


def test_no_import_cycle_between_modules_at_import_time() -> None:
    """Module-level imports form no cycle (function-level ones may, being lazy)."""
    graph: dict[str, set[str]] = {}
    for path in code_files():
        me = module_name(path)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top = {id(n) for n in tree.body}
        graph[me] = {m for ln, m in imports_of(path) if m != me and _top_level(tree, ln, top)}
    state: dict[str, int] = {}
    cycle: list[str] = []

    def visit(n: str, trail: list[str]) -> bool:
        state[n] = 1
        for m in graph.get(n, ()):
            if m not in graph:
                continue
            if state.get(m) == 1:
                cycle.extend([*trail, n, m])
                return True
            if state.get(m) is None and visit(m, [*trail, n]):
                return True
        state[n] = 2
        return False

    for n in sorted(graph):
        if state.get(n) is None and visit(n, []):
            break
    assert not cycle, " -> ".join(cycle)


def _top_level(tree: ast.Module, line: int, top: set[int]) -> bool:
    """Whether the import on ``line`` runs at import time: in the module body, or in a
    ``try`` or ``if`` there (not in a function or class)."""
    return any(n.lineno == line for n in _module_level(tree.body))


def _module_level(body: list[ast.stmt]) -> list[ast.stmt]:
    out: list[ast.stmt] = []
    for n in body:
        if isinstance(n, ast.Import | ast.ImportFrom):
            out.append(n)
        elif isinstance(n, ast.If | ast.Try):
            inner = [*n.body, *n.orelse, *getattr(n, "finalbody", [])]
            inner += [x for h in getattr(n, "handlers", []) for x in h.body]
            out += _module_level(inner)
    return out


def test_the_rooms_are_small() -> None:
    root = [p.name for p in PACKAGE.glob("*.py")]
    assert len(root) <= 8, sorted(root)
    subpackages = [p for p in PACKAGE.iterdir() if (p / "__init__.py").exists()]
    assert len([p for p in subpackages if p.name != "lang"]) >= 5
    big = {
        str(p.relative_to(PACKAGE)): n
        for p in code_files()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 450
    }
    assert not big, big


@pytest.mark.parametrize(
    ("module", "room"),
    [
        ("factcheck", "api"),
        ("factcheck.types", "kernel"),
        ("factcheck.lang", "kernel"),
        ("factcheck.nlp.values", "nlp"),
        ("factcheck.interfaces.cli.commands", "interfaces"),
        ("factcheck.chain", "interfaces"),
    ],
)
def test_room_of(module: str, room: str) -> None:
    assert room_of(module) == room


def test_a_wrong_way_import_is_caught(tmp_path: Path) -> None:
    """The check can fail: an nlp module importing the pipeline (directly, relatively, or
    as a submodule) and one importing a shim are each reported."""
    global PACKAGE
    saved, PACKAGE = PACKAGE, tmp_path / "factcheck"
    try:
        for room in ("nlp", "pipeline", "rules"):
            (PACKAGE / room).mkdir(parents=True)
            (PACKAGE / room / "__init__.py").write_text("")
        (PACKAGE / "pipeline" / "steps.py").write_text("")
        (PACKAGE / "chain.py").write_text("")
        bad = PACKAGE / "nlp" / "bad.py"
        bad.write_text(
            "from factcheck.pipeline.steps import Pipeline\n"
            "from ..rules import x\n"
            "from factcheck.pipeline import steps\n"
            "try:\n    import factcheck.chain\nexcept ImportError:\n    pass\n"
        )
        ok = PACKAGE / "rules" / "fine.py"
        ok.write_text("from factcheck.nlp import bad\n")
        found = violations([bad, ok])
    finally:
        PACKAGE = saved
    assert len(found) == 4, found
    assert "factcheck.pipeline.steps (pipeline)" in found[2]
    assert "shim" in found[3]


def test_the_old_import_paths_the_readme_named_still_work(hash_checker) -> None:
    from factcheck.chain import PassageRetriever, build_chain
    from factcheck.core import Verifier
    from factcheck.pipeline.steps import Pipeline

    assert Verifier is Pipeline and hash_checker.verifier is hash_checker.pipeline
    assert callable(build_chain) and PassageRetriever.__name__ == "PassageRetriever"
