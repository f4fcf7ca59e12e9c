"""Re-execute every lesson notebook in place, in order, each from a fresh kernel.

Usage: python tools/execute_notebooks.py [notebooks/01-debates.ipynb notebooks/kk/01-debates.ipynb ...]

Without arguments: every lesson, the English edition (notebooks/) then the Kazakh (notebooks/kk/).

The notebooks are committed executed so they read well on GitHub and so nbval
has outputs to compare. Widget state and execution timestamps are dropped afterwards: the state is
large and JupyterLab rebuilds the widgets when a student runs the notebook; the
timestamps would change every file on every run.
Exits non-zero if a cell raised or wrote to stderr.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"


def problems(notebook) -> list[str]:
    found = []
    for number, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                found.append(f"cell {number}: {output.ename}: {output.evalue}")
            if output.output_type == "stream" and output.name == "stderr":
                found.append(f"cell {number}: stderr: {output.text[:200]}")
    return found


def execute(path: Path) -> list[str]:
    notebook = nbformat.read(path, as_version=4)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    notebook.metadata.pop("widgets", None)
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)  # timestamps: they would change every file on every run
    nbformat.write(notebook, path)
    return problems(notebook)


def main(paths: list[str]) -> int:
    os.environ["HISTKIT_ANSWERS_DIR"] = tempfile.mkdtemp()  # no saved answers in, none written beside the lessons
    pattern = "[0-9][0-9]-*.ipynb"
    targets = [Path(p).resolve() for p in paths] or [
        *sorted(NOTEBOOKS.glob(pattern)),
        *sorted((NOTEBOOKS / "kk").glob(pattern)),
    ]
    failed = False
    for path in targets:
        found = execute(path)
        print(f"{path.relative_to(ROOT)}: {'ok' if not found else 'PROBLEMS'}")
        for line in found:
            print(f"  {line}")
        failed = failed or bool(found)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
