"""Keep the Kazakh edition of every lesson in step with the English one.

Usage: python tools/editions.py [notebooks/01-debates.ipynb ...]

The English lesson (notebooks/NN-name.ipynb) holds the code; its Kazakh edition
(notebooks/kk/NN-name.ipynb) holds the same cells, with the same ids, and Kazakh prose. For every
lesson this tool:
- copies each code cell from English into the Kazakh edition, with LANG set to "kk", so code is
  written once, in the English edition;
- wraps each Kazakh markdown cell in <div lang="kk"> so screen readers read it as Kazakh;
- adds a cell new in English to the Kazakh edition, in English and flagged untranslated, so that
  tests/test_editions.py fails until somebody writes it in Kazakh.
A cell only the Kazakh edition has is an error: add it to the English edition first.
Re-execute the changed editions afterwards (make notebooks).
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
LANG_EN = 'LANG = "en"  # change to "kk" for Kazakh, then run all cells again'
LANG_KK = 'LANG = "kk"  # ағылшынша оқу үшін "en" деп жазып, барлық ұяшықты қайта іске қосыңыз'
OPEN, CLOSE = '<div lang="{lang}">\n\n', "\n\n</div>"


def wrap(text: str, lang: str) -> str:
    """Markdown inside a <div lang=...>: the blank lines keep it markdown."""
    text = unwrap(text)
    return OPEN.format(lang=lang) + text + CLOSE


def unwrap(text: str) -> str:
    """The markdown of a cell without its <div lang=...> wrapper."""
    for lang in ("kk", "en"):
        start = OPEN.format(lang=lang)
        if text.startswith(start) and text.endswith(CLOSE):
            return text[len(start) : -len(CLOSE)]
    return text


def kazakh_code(source: str) -> str:
    if LANG_EN in source:
        return source.replace(LANG_EN, LANG_KK)
    return source


def sync(english_path: Path, kazakh_path: Path | None = None) -> list[str]:
    """Bring the Kazakh edition of one English lesson in step; return what changed, in words."""
    kazakh_path = kazakh_path or NOTEBOOKS / "kk" / english_path.name
    english = nbformat.read(english_path, as_version=4)
    kazakh = nbformat.read(kazakh_path, as_version=4)
    theirs = {cell.id: cell for cell in kazakh.cells}
    extra = sorted(set(theirs) - {cell.id for cell in english.cells})
    if extra:
        raise SystemExit(
            f"{kazakh_path.name} (Kazakh) has cells the English edition lacks: {', '.join(extra)}. "
            "Add them to the English edition first."
        )
    cells, changes = [], []
    for cell in english.cells:
        mine = theirs.get(cell.id)
        if mine is None or mine.cell_type != cell.cell_type:
            new = copy.deepcopy(cell)
            if new.cell_type == "markdown":
                new.source = wrap(new.source, "en")
                new.metadata["histkit"] = {"untranslated": True}
            else:
                new.source = kazakh_code(new.source)
            cells.append(new)
            changes.append(f"cell {cell.id}: new in English, added untranslated")
        elif cell.cell_type == "code":
            if mine.source != kazakh_code(cell.source):
                mine.source = kazakh_code(cell.source)
                changes.append(f"cell {cell.id}: code copied from English")
            cells.append(mine)
        else:
            if mine.source != wrap(mine.source, "kk") and not mine.metadata.get("histkit", {}).get("untranslated"):
                mine.source = wrap(mine.source, "kk")
                changes.append(f"cell {cell.id}: marked lang=kk")
            cells.append(mine)
    if [c.id for c in kazakh.cells] != [c.id for c in cells]:
        changes.append("cells put in the English order")
    kazakh.cells = cells
    kazakh.metadata = copy.deepcopy(english.metadata)
    if changes:
        nbformat.write(kazakh, kazakh_path)
    return changes


def main(paths: list[str]) -> int:
    targets = [Path(p).resolve() for p in paths] or sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
    for path in targets:
        if not (NOTEBOOKS / "kk" / path.name).exists():
            print(f"{path.relative_to(ROOT)}: no Kazakh edition yet (notebooks/kk/{path.name})")
            continue
        changes = sync(path)
        print(f"notebooks/kk/{path.name}: {len(changes)} change(s)")
        for line in changes:
            print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
