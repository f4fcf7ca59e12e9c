"""Compare two folders of executed notebooks output by output (for a refactor that must not change a lesson).

For every code cell (matched by position): the number of outputs, their types, stream text, every
MIME entry (text/plain, text/html...), and a SHA-256 of every image/png (also those embedded in HTML) instead of its bytes.
Widget view entries are compared with their model ids removed. Prints every difference; exits 1 if any.

Usage: cp -r notebooks /tmp/before; make notebooks; python tools/compare_notebooks.py /tmp/before notebooks
"""

import hashlib
import json
import re
import sys
from pathlib import Path

MODEL_ID = re.compile(r"[0-9a-f]{32}")


EMBEDDED_PNG = re.compile(r"data:image/png;base64,([A-Za-z0-9+/=]+)")


def outputs(cell):
    found = []
    for out in cell.get("outputs", []):
        kind = out["output_type"]
        if kind == "stream":
            found.append((kind, out["name"], "".join(out["text"])))
            continue
        if kind == "error":
            found.append((kind, out["ename"], out["evalue"]))
            continue
        for mime, value in sorted(out.get("data", {}).items()):
            text = (
                value
                if isinstance(value, str)
                else "".join(value)
                if isinstance(value, list)
                else json.dumps(value, sort_keys=True)
            )
            if mime == "image/png":
                text = "sha256:" + hashlib.sha256(text.encode()).hexdigest()
            elif mime == "text/html":  # a chart is an <img> inside HTML: its picture by hash, as above
                text = EMBEDDED_PNG.sub(
                    lambda m: "data:image/png;sha256:" + hashlib.sha256(m[1].encode()).hexdigest(), text
                )
            elif mime == "application/vnd.jupyter.widget-view+json":
                text = MODEL_ID.sub("<id>", text)
            found.append((kind, mime, text))
    return found


def main(before: Path, after: Path) -> int:
    differences = 0
    counts = {"cells": 0, "outputs": 0, "png": 0, "html": 0, "plain": 0}
    for old_path in sorted(before.glob("*.ipynb")):
        new_path = after / old_path.name
        old, new = json.loads(old_path.read_text()), json.loads(new_path.read_text())
        old_cells = [c for c in old["cells"] if c["cell_type"] == "code"]
        new_cells = [c for c in new["cells"] if c["cell_type"] == "code"]
        if len(old_cells) != len(new_cells):
            print(f"{old_path.name}: {len(old_cells)} code cells before, {len(new_cells)} after")
            differences += 1
            continue
        for number, (a, b) in enumerate(zip(old_cells, new_cells), start=1):
            counts["cells"] += 1
            oa, ob = outputs(a), outputs(b)
            counts["outputs"] += len(ob)
            counts["png"] += sum(m == "image/png" for _, m, _ in ob) + sum(
                t.count("data:image/png;sha256:") for _, _, t in ob
            )
            counts["html"] += sum(m == "text/html" for _, m, _ in ob)
            counts["plain"] += sum(m == "text/plain" for _, m, _ in ob)
            if oa != ob:
                differences += 1
                print(f"{old_path.name} code cell {number}: {''.join(b['source'])[:60]!r}")
                for x, y in zip(oa, ob):
                    if x != y:
                        at = max(0, next((i for i, (p, q) in enumerate(zip(x[2], y[2])) if p != q), 0) - 60)
                        shown = (x[2][at : at + 300], y[2][at : at + 300])  # from just before the first difference
                        print(f"   {x[1]}: before {shown[0]!r}\n   {' ' * len(x[1])}  after  {shown[1]!r}")
                if len(oa) != len(ob):
                    print(f"   {len(oa)} outputs before, {len(ob)} after")
            if a.get("execution_count") != b.get("execution_count"):
                print(
                    f"{old_path.name} code cell {number}: execution count {a.get('execution_count')} -> {b.get('execution_count')}"
                )
    print(
        f"compared {counts['cells']} code cells, {counts['outputs']} outputs "
        f"({counts['plain']} text/plain, {counts['html']} text/html, {counts['png']} PNG images): {differences} differ"
    )
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
