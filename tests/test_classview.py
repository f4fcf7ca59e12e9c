"""The teacher's class overview over a folder of handed-in answers, damaged and foreign files included."""

import json
import subprocess
import sys

import pytest

import histkit
from histkit.errors import ExerciseError
from histkit.ui import classview
from histkit.ui.words import t

LESSON = "02-turksib"
EXERCISES = histkit.load("exercises").query("lesson == @LESSON")
OPTIONS = histkit.load("exercise_options")


def synthetic_student(number: int) -> dict:
    """Student n: right on the first try where n is not a multiple of 3, else after one wrong choice
    (the first wrong option, or for every fourth student the second); writes a short answer."""
    entries = {}
    for row in EXERCISES.itertuples():
        options = OPTIONS[OPTIONS["exercise_id"] == row.exercise_id]
        if row.kind == "choice":
            right = options.loc[options["answer"] == "correct", "option_id"].item()
            wrongs = list(options.loc[options["answer"] == "wrong", "option_id"])
            first = number % 3 != 0
            wrong = [] if first else [wrongs[1 if number % 4 == 0 and len(wrongs) > 1 else 0]]
            entries[row.exercise_id] = {"answer": right, "tries": 1 + len(wrong), "first_try": first, "wrong": wrong}
        elif row.kind == "text":
            entries[row.exercise_id] = {"answer": f"Student {number} writes: fast, s117.", "tries": 0}
    return {
        "format": "histkit-answers",
        "version": 1,
        "lesson": LESSON,
        "student": f"Student {number:02d}",
        "answers": entries,
    }


def make_class(folder):
    """Twenty files as a teacher might collect them: 16 answer files, 1 page of work, a damaged file,
    a stray file and another lesson's answers."""
    for number in range(1, 17):
        (folder / f"histkit-answers-{LESSON}-{number:02d}.json").write_text(
            json.dumps(synthetic_student(number)), encoding="utf-8"
        )
    page = json.dumps(synthetic_student(17)).replace("</", "<\\/")
    (folder / "inbound" / "student17").mkdir(parents=True)
    (folder / "inbound" / "student17" / f"histkit-record-{LESSON}.html").write_text(
        f"<html><body><h1>My work</h1><script type='application/json' id='histkit-answers'>{page}</script></body></html>",
        encoding="utf-8",
    )
    (folder / "broken.json").write_text(json.dumps(synthetic_student(18))[:100], encoding="utf-8")
    (folder / "notes.txt").write_text("Bring the map on Friday.", encoding="utf-8")
    other = {**synthetic_student(19), "lesson": "03-metallurgy"}
    (folder / "histkit-answers-03-metallurgy.json").write_text(json.dumps(other), encoding="utf-8")
    return folder


def test_the_class_at_a_glance(tmp_path):
    folder = make_class(tmp_path)
    assert sum(1 for p in folder.rglob("*") if p.is_file()) == 20
    handed_in, skipped = classview.read_folder(folder, LESSON)
    assert len(handed_in) == 17
    assert dict(skipped) == {
        "broken.json": "not_json",
        "notes.txt": "no_answers",
        "histkit-answers-03-metallurgy.json": "other_lesson",
    }
    table = classview.summary(handed_in, LESSON).set_index("exercise_id")
    students = range(1, 18)
    first = sum(1 for n in students if n % 3 != 0) / 17
    choices = EXERCISES.query("kind == 'choice'")["exercise_id"]
    assert list(table.loc[choices, "first_try"]) == [round(first, 2)] * len(choices)
    assert (table.loc[choices, "answered"] == 17).all()
    pace = OPTIONS.query("exercise_id == '02-pace-up-to' and answer == 'wrong'")
    most = sum(1 for n in students if n % 3 == 0 and n % 4 != 0)  # 3, 6, 9, 15: the first wrong option
    assert table.loc["02-pace-up-to", "common_wrong"] == f"{pace['label'].iloc[0]} ({most})"


def test_the_page_shows_skipped_files_the_chart_and_the_written_answers(tmp_path):
    page = classview.overview_html(make_class(tmp_path), LESSON, "kk")
    assert t("overview_count", "kk", n=17, skipped=3) in page
    assert "broken.json" in page and t("skip_not_json", "kk") in page
    assert "data:image/png;base64," in page
    for number in range(1, 18):
        assert f"Student {number} writes: fast, s117." in page


def test_a_missing_folder_is_a_clear_message(tmp_path):
    with pytest.raises(ExerciseError, match="There is no folder"):
        classview.read_folder(tmp_path / "nowhere", LESSON)


def test_the_command_line_writes_the_page(tmp_path):
    (tmp_path / "in").mkdir()
    folder = make_class(tmp_path / "in")
    out = tmp_path / "overview.html"
    done = subprocess.run(
        [sys.executable, "-m", "histkit.ui.classview", str(folder), LESSON, "--out", str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == str(out) and "Class overview: lesson 02-turksib" in out.read_text(encoding="utf-8")
