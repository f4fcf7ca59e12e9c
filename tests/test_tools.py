"""tools/compare_notebooks.py: same outputs pass, a changed output or image is reported."""

import importlib.util
import json
import shutil
import subprocess
import sys

import nbformat
import pytest
from conftest import ROOT

TOOL = ROOT / "tools" / "compare_notebooks.py"
NOTEBOOK = ROOT / "notebooks" / "02-turksib.ipynb"


def compare(before, after):
    return subprocess.run([sys.executable, str(TOOL), str(before), str(after)], capture_output=True, text=True)


def test_the_same_outputs_pass_and_a_change_is_reported(tmp_path):
    before, after = tmp_path / "before", tmp_path / "after"
    before.mkdir()
    after.mkdir()
    shutil.copy(NOTEBOOK, before)
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    (after / NOTEBOOK.name).write_text(json.dumps(notebook), encoding="utf-8")
    same = compare(before, after)
    assert same.returncode == 0 and same.stdout.rstrip().endswith(": 0 differ")

    output = next(
        o
        for c in notebook["cells"]
        for o in c.get("outputs", [])
        if "histkit-chart" in "".join(o.get("data", {}).get("text/html", ""))
    )
    page = "".join(output["data"]["text/html"])
    output["data"]["text/html"] = page.replace("data:image/png;base64,", "data:image/png;base64,AAAA", 1)
    (after / NOTEBOOK.name).write_text(json.dumps(notebook), encoding="utf-8")
    changed = compare(before, after)
    assert changed.returncode == 1 and ": 1 differ" in changed.stdout
    assert "text/html: before " in changed.stdout and "data:image/png;sha256:" in changed.stdout


def test_editions_tool_copies_code_marks_prose_and_adds_new_cells(tmp_path):
    spec = importlib.util.spec_from_file_location("editions", ROOT / "tools" / "editions.py")
    editions = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(editions)
    english_path, kazakh_path = tmp_path / "en.ipynb", tmp_path / "kk.ipynb"
    shutil.copy(NOTEBOOK, english_path)
    english = nbformat.read(NOTEBOOK, 4)
    kazakh = nbformat.read(NOTEBOOK, 4)
    prose = next(c for c in kazakh.cells if c.cell_type == "markdown")
    prose.source = "Түрксіб темір жолы"
    code = next(c for c in kazakh.cells if c.cell_type == "code" and "LANG" in c.source)
    code.source = "print('old code')"
    dropped = kazakh.cells.pop(-1)
    nbformat.write(kazakh, kazakh_path)

    changes = editions.sync(english_path, kazakh_path)
    synced = {c.id: c for c in nbformat.read(kazakh_path, 4).cells}
    assert [c.id for c in english.cells] == list(synced)
    assert synced[prose.id].source == '<div lang="kk">\n\nТүрксіб темір жолы\n\n</div>'
    english_code = next(c for c in english.cells if c.id == code.id).source
    assert synced[code.id].source == english_code.replace(editions.LANG_EN, editions.LANG_KK) != english_code
    assert synced[dropped.id].metadata["histkit"] == {"untranslated": True}
    assert f"cell {code.id}: code copied from English" in changes
    assert f"cell {dropped.id}: new in English, added untranslated" in changes
    assert editions.sync(english_path, kazakh_path) == []  # in step: nothing more to do

    kazakh = nbformat.read(kazakh_path, 4)
    kazakh.cells.append(nbformat.v4.new_markdown_cell("Тек қазақша"))
    nbformat.write(kazakh, kazakh_path)
    with pytest.raises(SystemExit, match="has cells the English edition lacks"):
        editions.sync(english_path, kazakh_path)
