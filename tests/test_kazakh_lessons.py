"""Every lesson also runs in Kazakh: set LANG = "kk" in its first code cell and run it all."""

import json
import re

import nbformat
import pytest
from conftest import ROOT, WIDGET_REPRS, exported_text
from nbclient import NotebookClient

import histkit

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
KAZAKH_LETTERS = set("ӘәҒғҚқҢңӨөҰұҮүҺһІі")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_lesson_runs_in_kazakh(path):
    notebook = nbformat.read(path, as_version=4)
    first = next(c for c in notebook.cells if c.cell_type == "code")
    assert 'LANG = "en"' in first.source
    first.source = first.source.replace('LANG = "en"', 'LANG = "kk"')
    NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    shown = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            assert output.output_type != "error", f"{output.ename}: {output.evalue}"
            assert not (output.output_type == "stream" and output.name == "stderr"), output.text
            shown.append(json.dumps(output.get("data", {}), ensure_ascii=False))
    quizzes = [s for s in shown if "histkit-quiz" in s]
    assert quizzes and all(KAZAKH_LETTERS & set(q) for q in quizzes), "every self-check should speak Kazakh"
    notebook.metadata.pop("widgets", None)  # as committed: no widget state, so the static forms show
    _, words = exported_text(notebook)  # the Kazakh run as an HTML hand-out
    assert not [r for r in WIDGET_REPRS if r in words]
    prompts = histkit.load("exercises", lang="kk").set_index("exercise_id")["prompt"]
    for exercise_id in re.findall(r'checks\.quiz\("([\w-]+)"', "\n".join(c.source for c in notebook.cells)):
        assert prompts[exercise_id] in words, f"the Kazakh question of {exercise_id} is not in the exported page"
