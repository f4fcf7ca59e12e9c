"""The set-up path: pinned requirements, Binder files, CI entry point, and committed notebooks."""

import json
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest
from conftest import EDITION_IDS, EDITIONS, ROOT

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
    assert not any("pip install" in line for line in post), "environment.yml installs histkit: not twice"
    assert (ROOT / "postBuild").stat().st_mode & 0o111


def environment_pip_entries() -> list[str]:
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    block = re.search(r"^\s*- pip:\n((?:\s+- .*\n?)+)", text, re.M).group(1)
    return [line.strip()[2:] for line in block.splitlines()]


def test_conda_installs_what_make_installs():
    """`conda env create -f environment.yml` (Anaconda, Binder) runs pip on the env file's pip entries:
    the pinned requirements and histkit itself, as the Makefile installs them into .venv."""
    assert environment_pip_entries() == ["-r requirements.txt", "-e ."]
    make = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "pip install --quiet -r requirements-dev.txt" in make
    assert "-r requirements.txt" in (ROOT / "requirements-dev.txt").read_text(encoding="utf-8")
    assert "pip install --quiet --no-deps --editable ." in make


def test_readme_gives_the_conda_commands_for_this_environment_file():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"### Without make \(Anaconda / Miniconda, Windows\).*?```bash\n(.*?)```", readme, re.S).group(1)
    name = re.search(r"^name: (\S+)$", (ROOT / "environment.yml").read_text(encoding="utf-8"), re.M).group(1)
    assert block.split("\n")[:3] == [
        "conda env create -f environment.yml",
        f"conda activate {name}",
        "jupyter lab notebooks/index.ipynb",
    ]
    assert (ROOT / "notebooks" / "index.ipynb").exists()


def test_the_environment_file_alone_gives_working_lessons(tmp_path):
    """Do what conda does with environment.yml's histkit entry, in a fresh environment that has only the
    pinned packages (this run's, already checked against the pins): pip from the env file's folder. Then
    histkit must import and load its data from another folder, and JupyterLab there must get the settings.
    pip fetches the build backend (hatchling) from PyPI, as it does under conda; about 10 s."""
    env = tmp_path / "env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env)], check=True)
    site = next((env / "lib").glob("python3*/site-packages"))
    pinned = next(p for p in map(Path, sys.path) if p.name == "site-packages" and (p / "pandas").is_dir())
    (site / "pinned.pth").write_text(f"{pinned}\n")  # the packages, but not this run's own histkit install
    python = env / "bin" / "python"
    entries = [e for e in environment_pip_entries() if not e.startswith("-r ")]
    # --ignore-installed: pip must not uninstall this run's histkit, which it can see through pinned.pth
    pip = [
        str(python),
        "-m",
        "pip",
        "install",
        "--quiet",
        "--no-deps",
        "--ignore-installed",
        *" ".join(entries).split(),
    ]
    subprocess.run(pip, cwd=ROOT, check=True)
    check = (
        "import sys, histkit; from jupyterlab_server.settings_utils import _get_overrides; "
        "assert histkit.__file__.startswith(sys.argv[1]), histkit.__file__; "
        "print(len(histkit.load('events')), _get_overrides(sys.prefix + '/share/jupyter/lab/settings')[0])"
    )
    result = subprocess.run([str(python), "-c", check, str(ROOT)], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    rows, overrides = result.stdout.split(" ", 1)
    assert int(rows) > 0
    assert "'fetchNews': 'false'" in overrides and "'checkForUpdates': False" in overrides


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Quick start.*?```bash\n(.*?)```", readme, re.S).group(1)
    assert [line.split("#")[0].strip() for line in block.strip().splitlines()] == ["make lab", "make test"]
    assert "make test" in (ROOT / ".ci" / "run").read_text()


NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))


@pytest.mark.parametrize("path, lang", EDITIONS, ids=EDITION_IDS)
def test_notebooks_are_committed_executed_in_order(path, lang):
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
    result = subprocess.run(
        ["make", "-s", "check-python", f"PYTHON={sys.executable}"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("path, lang", EDITIONS, ids=EDITION_IDS)
def test_readme_links_every_lesson_on_binder_in_lab_and_voila(path, lang):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    binder = re.search(r"https://mybinder\.org/v2/gh/[\w.-]+/[\w.-]+/HEAD", readme).group(0)
    where = path.relative_to(ROOT).as_posix()
    assert f"{binder}?urlpath=lab/tree/{where}" in readme
    assert f"{binder}?urlpath=voila/render/{where}" in readme


def test_the_version_is_written_in_one_place():
    """pyproject.toml reads it from histkit/__init__.py; CITATION.cff repeats it for citation tools."""
    import histkit

    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject and "\nversion =" not in pyproject
    cited = re.search(r"^version: (\S+)$", (ROOT / "CITATION.cff").read_text(encoding="utf-8"), re.MULTILINE)
    assert cited and cited.group(1) == histkit.__version__


def test_the_start_page_links_both_editions_of_every_lesson():
    index = ROOT / "notebooks" / "index.ipynb"
    notebook = json.loads(index.read_text(encoding="utf-8"))
    assert all(c["cell_type"] == "markdown" for c in notebook["cells"])  # nothing to run: it opens as a page
    text = "\n".join("".join(c["source"]) for c in notebook["cells"])
    links = re.findall(r"\]\(([^)]+)\)", text)
    assert all((index.parent / link).resolve().exists() for link in links), links
    for path, _lang in EDITIONS:
        assert path.relative_to(index.parent).as_posix() in links, f"the start page does not link {path}"
    assert '<div lang="kk">' in text
