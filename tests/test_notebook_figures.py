"""Figures typed into a lesson's prose must be figures the source prints.

Charts and tables read their numbers from data/, which histkit.validate() ties to the sentences.
The markdown a teacher reads aloud is checked here: every number in it is printed somewhere in the
source text, unless it is plainly not a historical figure (a list number, a duration of the lesson,
a decade, a sentence id, a lesson number).
"""

import json
import re

import pytest
from conftest import ROOT

import histkit
from histkit.parsing import numbers_in

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
SOURCE_FIGURES = {n for text in histkit.load("sentences", lang="both")["text_kk"] for n in numbers_in(text)}

NOT_HISTORICAL = re.compile(
    r"`[^`]*`"  # code: ids, function calls
    r"|\bs\d{3}\b"  # sentence ids
    r"|\b0\d?\b"  # lesson numbers 00-04, and zero
    r"|\bsections? \d+\b"  # cross-references: "until section 6"
    r"|\b\d+\s*(?:minutes?|min)\b"  # lesson durations
    r"|\b\d{4}s\b"  # decades: the 1920s
    r"|^\s*\d+\.\s"  # numbered list items
    r"|#+ \d+\."  # numbered section headings
    r"|\(\d{4}\)",  # publication years in references, e.g. Okabe & Ito (2008)
    re.M,
)


def figures_in_markdown(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        prose = NOT_HISTORICAL.sub(" ", "".join(cell["source"]))
        for match in re.finditer(r"(?<![\w.])\d+(?:[.,]\d+)?", prose):
            yield match.group(), float(match.group().replace(",", "."))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_figure_in_the_prose_is_printed_in_the_source(path):
    strays = sorted({text for text, value in figures_in_markdown(path) if value not in SOURCE_FIGURES})
    assert not strays, f"{path.name}: figures not printed in the source: {strays}"


def test_a_mistyped_figure_is_caught(tmp_path):
    fake = tmp_path / "99-fake.ipynb"
    cell = {
        "cell_type": "markdown",
        "source": [
            "1. Turksib was 1455 km long (`s123`), built in the 1920s; 45 minutes; see section 6; set it to 0%.\n"
        ],
    }
    fake.write_text(json.dumps({"cells": [cell]}), encoding="utf-8")
    assert [text for text, _ in figures_in_markdown(fake)] == ["1455"]
