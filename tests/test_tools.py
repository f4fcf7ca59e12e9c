"""tools/compare_notebooks.py: same outputs pass, a changed output or image is reported."""

import json
import shutil
import subprocess
import sys

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

    with_image = next(
        c for c in notebook["cells"] if any("image/png" in o.get("data", {}) for o in c.get("outputs", []))
    )
    output = next(o for o in with_image["outputs"] if "image/png" in o.get("data", {}))
    output["data"]["image/png"] = output["data"]["image/png"][:-8] + "AAAAAAA="
    (after / NOTEBOOK.name).write_text(json.dumps(notebook), encoding="utf-8")
    changed = compare(before, after)
    assert changed.returncode == 1 and "image/png: before 'sha256:" in changed.stdout and ": 1 differ" in changed.stdout
