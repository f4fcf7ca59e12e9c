"""A student's answers, kept as they go in one plain JSON file per lesson beside the notebook.

The kernel's working folder is the notebook's folder in JupyterLab and Voilà, so the file lands
next to the lesson and survives a kernel restart. ``HISTKIT_ANSWERS_DIR`` moves it elsewhere (the
tests point it at a scratch folder, so running a lesson never reads or writes the repository).
File names are built from the lesson id only; what a student types is stored as JSON text and
never executed or used in a path.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from functools import cache
from pathlib import Path

from ..datasets import load
from ..errors import ExerciseError

FORMAT = "histkit-answers"
VERSION = 1
_LESSON = re.compile(r"\d\d-[a-z0-9-]+")


def folder() -> Path:
    """Where answer files and records are written: HISTKIT_ANSWERS_DIR, else the working folder."""
    return Path(os.environ.get("HISTKIT_ANSWERS_DIR") or Path.cwd())


def path(lesson: str) -> Path:
    """The answers file of a lesson, such as histkit-answers-02-turksib.json."""
    if not _LESSON.fullmatch(str(lesson)):
        raise ExerciseError(f"{lesson!r} is not a lesson id; lesson ids look like '02-turksib'.")
    return folder() / f"histkit-answers-{lesson}.json"


def empty(lesson: str) -> dict:
    return {"format": FORMAT, "version": VERSION, "lesson": lesson, "student": "", "answers": {}}


def read(lesson: str) -> dict:
    """The saved answers of a lesson; a fresh record if there is no file or it cannot be read."""
    try:
        saved = json.loads(path(lesson).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return empty(lesson)
    if not is_answers(saved) or saved.get("lesson") != lesson:
        return empty(lesson)
    return saved


def entry(lesson: str, exercise_id: str) -> dict:
    """One exercise's saved answer, from the lesson's file."""
    return entry_of(read(lesson), exercise_id)


# What a student answers, in both languages: a change here makes a new question; a reworded feedback does not.
_ASKED = {
    "exercises": ["prompt_en", "prompt_kk", "kind", "answer", "tolerance"],
    "exercise_options": ["option_id", "label_en", "label_kk", "answer"],
    "exercise_categories": ["category_id", "label_en", "label_kk"],
}


@cache
def _questions() -> dict[str, str]:
    rows = {}
    for name, columns in _ASKED.items():
        table = load(name, lang="both").astype(str)
        for exercise_id, part in table.groupby("exercise_id", sort=False):
            rows.setdefault(exercise_id, []).append(part[columns].to_csv(index=False))
    return {key: hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:12] for key, parts in rows.items()}


def question_of(exercise_id: str) -> str:
    """A short fingerprint of an exercise as asked: its question, its options or categories, and which answer is
    right, in both languages (not its feedback, which can be reworded without changing the question).

    Saved with each answer, so an answer given to an earlier version of a question is not shown as an answer to a
    changed one. Files saved before fingerprints were kept have none, and their answers are taken as they are."""
    return _questions().get(exercise_id, "")


def entry_of(data: dict, exercise_id: str) -> dict:
    """One exercise's answer in a lesson's answers, with safe defaults where a field is missing or garbled; empty
    where the answer was given to an earlier version of the question."""
    saved = data["answers"].get(exercise_id)
    saved = saved if isinstance(saved, dict) else {}
    if saved.get("question") not in (None, question_of(exercise_id)):
        saved = {}
    tries = saved.get("tries")
    return {
        "answer": saved.get("answer"),
        "tries": tries if isinstance(tries, int) and tries >= 0 else 0,
        "first_try": saved.get("first_try") if isinstance(saved.get("first_try"), bool) else None,
        "correct": saved.get("correct") if isinstance(saved.get("correct"), bool) else None,
        "wrong": [str(w) for w in saved.get("wrong", [])] if isinstance(saved.get("wrong"), list) else [],
        "time": str(saved.get("time") or ""),
    }


def is_answers(data) -> bool:
    """Whether parsed JSON looks like a histkit answers file."""
    return (
        isinstance(data, dict)
        and data.get("format") == FORMAT
        and isinstance(data.get("lesson"), str)
        and isinstance(data.get("answers"), dict)
    )


def write(saved: dict) -> Path:
    """Write a lesson's answers (whole file, replaced in one step so a crash cannot leave half a file)."""
    target = path(saved["lesson"])
    scratch = target.with_suffix(".json.tmp")
    scratch.write_text(json.dumps(saved, ensure_ascii=False, indent=1), encoding="utf-8")
    scratch.replace(target)
    return target


def save(lesson: str, exercise_id: str, entry: dict) -> None:
    """Keep one exercise's answer (answer, tries, first_try, wrong answers tried, correct, time).

    Saving must never stop a lesson: where the folder is read-only, the answer is simply not kept.
    """
    saved = read(lesson)
    saved["answers"][exercise_id] = entry
    with contextlib.suppress(OSError):
        write(saved)


def set_student(lesson: str, name: str) -> dict:
    """Record the student's name in the lesson's file; returns the saved answers."""
    saved = read(lesson)
    saved["student"] = str(name).strip()[:100]
    with contextlib.suppress(OSError):
        write(saved)
    return saved
