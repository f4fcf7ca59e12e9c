"""Lesson 04's "Spot the problem" checks ask about passages no lesson has walked students through (issue 14).

Students should apply each kind of check, not recall an answer. In scope: every check of the section "Spot the
problem" and every one-per-kind check ``04-spot-<kind>``. A sentence counts as walked through when a
lesson before 04 shows it on a source card (``histkit.sentence`` / ``histkit.cite`` with the ids written in the
cell), cites it in a self-check (the exercise's sentence_id, or an option's or a category's label) or in a Think
prompt; and, for a check of lesson 04, when lesson 04 does any of these in a cell above the check, apart from the
cards that introduce the check itself. Everything is read from the notebooks and data/ under a root folder, so the test
runs as well on an older checkout.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import QUIZ, ROOT, replace_in

LESSON = "04-checking-the-numbers"
SECTION = re.compile(r"^## \d+\. Spot the problem", re.MULTILINE)  # the English edition's heading
CARD = re.compile(r"""histkit\.(?:sentence|cite)\(\s*["']([s\d;]+)["']""")
IDS = re.compile(r"\bs\d{3}\b")


def _rows(root: Path, name: str) -> list[dict]:
    with (root / "data" / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _cited_by_check(root: Path) -> dict[str, set[str]]:
    """The sentences a self-check puts before every student: the exercise's sentence_id and the ids written in
    its options' and categories' labels. (An id cited only in the feedback of one option is not counted.)"""
    cited: dict[str, set[str]] = {}
    for row in _rows(root, "exercises"):
        cited.setdefault(row["exercise_id"], set()).update(IDS.findall(row["sentence_id"]))
    for name in ("exercise_options", "exercise_categories"):
        for row in _rows(root, name):
            cited.setdefault(row["exercise_id"], set()).update(IDS.findall(row["label_en"] + row["label_kk"]))
    return cited


def _reading(root: Path, lesson: str):
    """(cell, kind, ids) in reading order: kind is "markdown", "think", "card" or the exercise id of a check."""
    cited = _cited_by_check(root)
    think: dict[str, set[str]] = {}
    for row in _rows(root, "think_prompts"):
        if row["lesson"] == lesson:
            think.setdefault(row["cell_id"], set()).update(IDS.findall(row["sentence_id"]))
    notebook = json.loads((root / "notebooks" / f"{lesson}.ipynb").read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            yield cell, "markdown", set()
        elif cell["cell_type"] == "code":
            for ids in CARD.findall(source):
                yield cell, "card", set(IDS.findall(ids))
            for exercise_id in QUIZ.findall(source):
                yield cell, exercise_id, cited.get(exercise_id, set())
        if cell["id"] in think:
            yield cell, "think", think[cell["id"]]


def repeated_passages(root: Path) -> list[str]:
    """Each check in scope that asks about a sentence walked through before it, and where it was."""
    walked: dict[str, str] = {}
    for lesson in sorted(p.stem for p in (root / "notebooks").glob("[0-9][0-9]-*.ipynb") if p.stem < LESSON):
        for cell, kind, ids in _reading(root, lesson):
            for sentence_id in ids:
                walked.setdefault(sentence_id, f"{lesson} {kind} ({cell['id']})")
    asked = {row["exercise_id"]: set(IDS.findall(row["sentence_id"])) for row in _rows(root, "exercises")}
    found, spotting, introducing = [], False, set()
    for cell, kind, ids in _reading(root, LESSON):
        where = f"{LESSON} {kind} ({cell['id']})"
        if kind == "markdown":
            source = "".join(cell["source"])
            if re.search(r"^## ", source, re.MULTILINE):
                spotting = bool(SECTION.search(source))
        elif kind == "card":  # the cards since the previous check introduce the next one
            introducing |= ids
        elif kind == "think":
            for sentence_id in ids:
                walked.setdefault(sentence_id, where)
        else:
            if spotting or kind.startswith("04-spot-"):
                found += [f"{kind} asks about {s}, already in {walked[s]}" for s in sorted(asked[kind]) if s in walked]
            for sentence_id in ids | introducing:
                walked.setdefault(sentence_id, where)
            introducing = set()
    return found


def test_the_section_is_found():
    notebook = json.loads((ROOT / "notebooks" / f"{LESSON}.ipynb").read_text(encoding="utf-8"))
    assert sum(bool(SECTION.search("".join(c["source"]))) for c in notebook["cells"]) == 1


def test_spot_the_problem_checks_ask_about_fresh_passages():
    assert repeated_passages(ROOT) == []


@pytest.mark.parametrize(
    "file, old, new",
    [
        ("data/exercises.csv", "тұрсыз?,,,,,,,s146,", "тұрсыз?,,,,,,,s002,"),  # 04-spot-typo on s002, lesson 01's card
        ("notebooks/04-checking-the-numbers.ipynb", 'histkit.sentence(\\"s008\\"', 'histkit.sentence(\\"s009\\"'),
    ],
    ids=["earlier-lesson", "card-above-in-04"],
)
def test_a_repeated_passage_is_reported(tmp_path, file, old, new):
    for folder in ("data", "notebooks"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    assert repeated_passages(tmp_path) == []
    replace_in(tmp_path / file, old, new)
    assert len(repeated_passages(tmp_path)) == 1
