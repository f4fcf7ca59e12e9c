"""The set-up path: pinned requirements, Binder files, CI entry point, and committed notebooks."""

import json
import re
import subprocess
import sys
from importlib import metadata

import pytest

from conftest import ROOT

PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;]+)$")


def pins(path):
    found = {}
    for line in (ROOT / path).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or line.startswith("-r "):
            continue
        match = PIN.match(line)
        assert match, f"{path}: {line!r} is not pinned exactly (name==version)"
        found[match.group(1).lower().replace("_", "-")] = match.group(2)
    return found


def test_requirements_are_pinned_and_hold_the_chosen_packages():
    runtime = pins("requirements.txt")
    assert {"jupyterlab", "ipywidgets", "matplotlib", "pandas", "voila"} <= set(runtime)
    dev = pins("requirements-dev.txt")
    assert {"pytest", "nbval", "playwright", "frictionless"} <= set(dev)
    assert "-r requirements.txt" in (ROOT / "requirements-dev.txt").read_text()


def test_the_running_environment_matches_the_pins():
    wanted = {**pins("requirements.txt"), **pins("requirements-dev.txt")}
    for name in ("pandas", "matplotlib", "ipywidgets", "jupyterlab", "nbval", "pytest"):
        assert metadata.version(name) == wanted[name], name


def test_binder_builds_from_the_same_pins():
    env = (ROOT / "environment.yml").read_text(encoding="utf-8")
    assert re.search(r"^\s*-\s*python=3\.11\s*$", env, re.M), "pin Python exactly: python=3.11"
    assert re.search(r"^\s*-\s*pip\s*$", env, re.M), "list pip explicitly"
    assert re.search(r"^\s*-\s*-r requirements\.txt\s*$", env, re.M), "install requirements.txt through pip"
    assert not (ROOT / "binder").exists() and not (ROOT / "Dockerfile").exists()
    post = (ROOT / "postBuild").read_text(encoding="utf-8").splitlines()
    assert post[0] == "#!/bin/bash" and "set -euo pipefail" in post
    assert "python -m pip install --no-deps ." in post
    assert (ROOT / "postBuild").stat().st_mode & 0o111


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Quick start.*?```bash\n(.*?)```", readme, re.S).group(1)
    assert [line.split("#")[0].strip() for line in block.strip().splitlines()] == ["make lab", "make test"]
    assert "make test" in (ROOT / ".ci" / "run").read_text()


NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_are_committed_executed_in_order(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    assert notebook["metadata"]["kernelspec"]["name"] == "python3"
    code = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    assert [c["execution_count"] for c in code] == list(range(1, len(code) + 1))
    for cell in code:
        for output in cell["outputs"]:
            assert output["output_type"] != "error"
            assert not (output["output_type"] == "stream" and output["name"] == "stderr"), "".join(output["text"])
    assert "widgets" not in notebook["metadata"], "strip widget state (tools/execute_notebooks.py does)"
    assert not any("execution" in c["metadata"] for c in notebook["cells"]), "strip timestamps (the tool does)"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_follow_the_lesson_skeleton(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    markdown = "\n".join("".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "markdown")
    for heading in ("## Overview", "## Prerequisites", "## Imports", "## Summary", "## What's next", "## Sources"):
        assert heading in markdown, f"{path.name} lacks {heading}"
    assert "**Time to learn:**" in markdown
    first_code = next(c for c in notebook["cells"] if c["cell_type"] == "code")
    assert "".join(first_code["source"]).startswith("%matplotlib inline")


def test_make_check_python_names_the_problem():
    result = subprocess.run(["make", "-s", "check-python", f"PYTHON={sys.executable}"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_readme_links_every_lesson_on_binder_in_lab_and_voila(path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    binder = re.search(r"https://mybinder\.org/v2/gh/[\w.-]+/[\w.-]+/HEAD", readme).group(0)
    assert f"{binder}?urlpath=lab/tree/notebooks/{path.name}" in readme
    assert f"{binder}?urlpath=voila/render/notebooks/{path.name}" in readme


def test_the_version_is_written_in_one_place():
    """pyproject.toml reads it from histkit/__init__.py; CITATION.cff repeats it for citation tools."""
    import histkit

    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject and "\nversion =" not in pyproject
    cited = re.search(r"^version: (\S+)$", (ROOT / "CITATION.cff").read_text(encoding="utf-8"), re.MULTILINE)
    assert cited and cited.group(1) == histkit.__version__
