"""The wheel works anywhere: built from the files git tracks or would add, installed into a
fresh virtual environment that sees only the dependencies it declares (those `make install`
resolved, checked against its metadata by `pip check`), and run from a folder outside the
repository."""

from __future__ import annotations

import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SEED_FILE

pytestmark = pytest.mark.slow


def _run(cmd: list[str], cwd: Path, env: dict[str, str], timeout: int = 900) -> str:
    res = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert res.returncode == 0, f"{cmd}\n{res.stdout[-2000:]}\n{res.stderr[-3000:]}"
    return res.stdout


def _declared(name: str, extras: frozenset[str] = frozenset()) -> list[tuple[str, frozenset[str]]]:
    from packaging.requirements import Requirement

    out = []
    for line in importlib.metadata.requires(name) or []:
        req = Requirement(line)
        envs = [{"extra": e} for e in (extras or {""})]
        if req.marker is None or any(req.marker.evaluate(e) for e in envs):
            out.append((req.name, frozenset(req.extras)))
    return out


def _link_declared(folder: Path) -> None:
    """Links to every installed distribution factcheck depends on, directly or not (its
    packages, modules and metadata), and to nothing else of this venv."""
    from packaging.utils import canonicalize_name

    folder.mkdir()
    seen: set[str] = set()
    todo = _declared("factcheck")
    while todo:
        name, extras = todo.pop()
        key = canonicalize_name(name)
        if key in seen:
            continue
        seen.add(key)
        dist = importlib.metadata.distribution(name)
        tops = {Path(f).parts[0] for f in dist.files or () if not str(f).startswith("..")}
        for top in tops - {"__pycache__"}:
            target = Path(str(dist.locate_file(top)))
            if target.exists() and not (folder / top).exists():
                (folder / top).symlink_to(target)
        todo += _declared(name, extras)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    tmp = tmp_path_factory.mktemp("wheel")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHONPATH"))}
    env.update(HF_HUB_OFFLINE="1", GRADIO_ANALYTICS_ENABLED="False", FACTCHECK_RAISE_ERRORS="")
    dist = tmp / "dist"
    # Build from a copy of the tracked files, so nothing of this checkout leaks in.
    src = tmp / "src"
    files = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for f in filter(None, files):
        rel = Path(f.decode())
        if (ROOT / rel).is_symlink() or not (ROOT / rel).is_file():
            continue
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, src / rel)
    # The ONNX runtime's models are build outputs: built as `make install` does.
    _run([sys.executable, str(src / "scripts" / "export_onnx.py")], tmp, env)
    _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(src)],
        tmp,
        env,
    )
    [wheel] = dist.glob("factcheck-*.whl")
    venv = tmp / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], tmp, env)
    py = str(venv / "bin" / "python")
    # The wheel alone is installed here. Its dependencies are the ones `make install`
    # resolved from the same pyproject.toml (torch's CPU wheel first): the fresh venv sees
    # only what the wheel declares (and what that declares, and so on), linked into a
    # folder of their own, and `pip check` proves their versions satisfy its metadata. A
    # module the package imports but does not declare is missing there, as on a user's
    # machine. (Installing torch again here took five minutes of every test run.)
    deps = tmp / "deps"
    _link_declared(deps)
    own = subprocess.run(
        [py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    (Path(own) / "declared_deps.pth").write_text(f"{deps}\n")
    # The venv's own bundled setuptools (an old one, ahead on the path) is no dependency.
    _run([py, "-m", "pip", "uninstall", "-y", "-q", "setuptools"], tmp, env)
    _run([py, "-m", "pip", "install", "-q", "--no-deps", str(wheel)], tmp, env)
    _run([py, "-m", "pip", "check"], tmp, env)
    return venv, env


def test_the_installed_wheel_runs_from_another_folder(installed, tmp_path):
    venv, env = installed
    fc = str(venv / "bin" / "factcheck")
    work = tmp_path / "desk"  # far from the repository
    work.mkdir()
    shutil.copy(SEED_FILE, work / SEED_FILE.name)
    assert "Start the web app" in _run([fc, "serve", "--help"], work, env)
    _run([fc, "--store", "vs", "ingest", SEED_FILE.name], work, env)
    out = _run(
        [fc, "--store", "vs", "check", "Biden and Putin spoke for 90 minutes", "--json"], work, env
    )
    v = json.loads(out)
    assert v["label"] == "REFUTED" and v["provenance"]["package"].startswith("factcheck ")
    assert len(v["provenance"]["model_sha256"]) == 16  # the shipped stance model loaded
    slow = _run(
        [
            fc,
            "--store",
            "vs",
            "--backend",
            "torch",
            "check",
            "Biden and Putin spoke for 90 minutes",
        ],
        work,
        env,
    )
    assert slow.startswith("REFUTED")  # the same store, the torch backend
    code = (
        "import factcheck, factcheck.interfaces.web.app as app;"
        "from factcheck.backends.llm_judge import render;"
        "print(factcheck.__file__); print(app.__file__);"
        "print(render('Putin seized Crimea in 2014', 'Russia annexed Crimea in 2014.'))"
    )
    shown = _run([str(venv / "bin" / "python"), "-c", code], work, env)
    pkg, app_file, prompt = shown.split("\n", 2)
    assert str(ROOT) not in pkg and str(venv) in pkg and str(venv) in app_file
    assert "Russia annexed Crimea in 2014." in prompt and "Putin seized Crimea" in prompt
