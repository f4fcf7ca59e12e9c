"""No self-check is answered on the page before it is asked.

Each lesson is read top to bottom as a student sees it: markdown, the text and HTML of every
output (the static form of widgets included) and the words drawn in every chart. Before each
``quiz("id", LANG)`` cell, the check's answer must not have been shown: for a number check the
number itself (1278, "1 278", "3,06"), for a choice the text of its correct option, unless every
option is shown alike (a table listing s115, s119 and s123 does not say which one is right).
Whole numbers below 10 are not scanned: every list and every table has them.
Charts are PNG in the notebook, so their words are read from the figures themselves: the test
re-runs each chart cell in-process and collects every text artist.
"""

from __future__ import annotations

import ast
import contextlib
import html
import json
import re
from functools import cache
from pathlib import Path

import pytest
from conftest import QUIZ

from histkit import load

ROOT = Path(__file__).resolve().parent.parent
LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
BOTH = [(p, "en") for p in LESSONS] + [(ROOT / "notebooks" / "kk" / p.name, "kk") for p in LESSONS]
NUMBER = re.compile(r"(?<![A-Za-z\d.,])\d+(?:[.,\u00a0\u202f ]\d+)*")


def plain(text: str) -> str:
    """Text as read: tags dropped, entities decoded, quotes and spaces made uniform, lower case."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    text = re.sub(r"[‘’'`«»“”\"]", "'", text)
    return re.sub(r"\s+", " ", text).strip().lower()


def numbers_in(text: str) -> set[float]:
    """Every number a reader sees, in each way it may be written (1 278, 1,278, 3,06, 3.06)."""
    found = set()
    for token in NUMBER.findall(text):
        token = re.sub(r"[\u00a0\u202f ]", "", token)
        for candidate in (token.replace(",", "."), token.replace(",", "")):
            with contextlib.suppress(ValueError):
                found.add(float(candidate))
    return found


def figure_texts(cell_source: str, namespace: dict) -> str:
    """Run a chart cell in namespace; the words drawn in the figure it ends with."""
    from matplotlib.figure import Figure
    from matplotlib.text import Text

    code = "\n".join(line for line in cell_source.splitlines() if not line.startswith("%"))
    tree = ast.parse(code)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    exec(compile(tree, "<cell>", "exec"), namespace)
    result = eval(compile(ast.Expression(last.value), "<cell>", "eval"), namespace) if last else None
    if not isinstance(result, Figure):
        return ""
    return " ".join(text.get_text() for text in result.findobj(Text))


def shown_before_each_check(path: Path) -> list[tuple[str, str]]:
    """(exercise id, everything displayed above its quiz cell) for each self-check of a lesson."""
    import matplotlib

    matplotlib.use("Agg")
    notebook = json.loads(path.read_text(encoding="utf-8"))
    namespace: dict = {}
    shown: list[str] = []
    checks = []
    for cell in notebook["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            shown.append(source)
            continue
        if cell["cell_type"] != "code":
            continue
        asked = QUIZ.search(source)
        if asked:
            checks.append((asked.group(1), plain(" ".join(shown))))
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "text/html" in data:
                shown.append("".join(data["text/html"]))
            elif "text/plain" in data and "image/png" not in data:
                shown.append("".join(data["text/plain"]))
            if output.get("output_type") == "stream":
                shown.append("".join(output["text"]))
        if not asked and "widget-view" not in json.dumps(cell.get("outputs", [])):  # widgets are not re-run
            shown.append(figure_texts(source, namespace))
    return checks


@cache
def answers(lang: str = "en") -> dict[str, tuple[str, object, tuple[str, ...]]]:
    """Each check's answer as it could be displayed in an edition: ("number", value, ()) or ("text", the right
    option's label, the other labels)."""
    exercises = load("exercises", lang=lang)
    options = load("exercise_options", lang=lang)
    found = {}
    for row in exercises.itertuples():
        if row.kind == "number":
            found[row.exercise_id] = ("number", float(row.answer), ())
        elif row.kind == "choice":
            mine = options[options["exercise_id"] == row.exercise_id]
            right = mine["answer"] == "correct"
            found[row.exercise_id] = ("text", mine.loc[right, "label"].iloc[0], tuple(mine.loc[~right, "label"]))
    return found


def shown(label: str, text: str) -> bool:
    """Whether an option's label is displayed in text (a label that is a number, as a number)."""
    return plain(label) in text or label in {f"{n:g}" for n in numbers_in(text)}


def leaks(checks: list[tuple[str, str]], known: dict) -> list[str]:
    found = []
    for exercise_id, above in checks:
        if exercise_id not in known:
            continue
        kind, answer, others = known[exercise_id]
        if kind == "number" and not (answer < 10 and answer.is_integer()) and answer in numbers_in(above):
            found.append(f"{exercise_id}: its answer {answer:g} is displayed above it")
        if kind == "text" and shown(answer, above) and not all(shown(other, above) for other in others):
            found.append(f"{exercise_id}: its correct option {answer!r} is displayed above it")
    return found


@pytest.mark.parametrize("path, lang", BOTH, ids=[f"{p.stem}-{lang}" for p, lang in BOTH])
def test_no_check_is_answered_above_itself(path, lang):
    checks = shown_before_each_check(path)
    assert checks, f"{path.name} has no self-checks"
    problems = leaks(checks, answers(lang))
    assert not problems, f"{path.name}:\n" + "\n".join(problems)


def test_the_scan_finds_a_number_written_in_any_style():
    known = {
        "x": ("number", 1278.0, ()),
        "y": ("number", 3.06, ()),
        "z": ("text", "The Kazakh ASSR", ("The Kazakh SSR",)),
        "w": ("number", 5.0, ()),
    }
    page = plain("<p>The stages add up to 1 278 km; growth ×3,06, 5 years.</p><b>the kazakh  ASSR</b>")
    assert len(leaks([("x", page), ("y", page), ("z", page), ("w", page)], known)) == 3
    assert not leaks([("x", plain("s1278 and 12780 and 127.8")), ("z", "kazakh")], known)
    assert not leaks([("z", plain("The Kazakh ASSR, later the Kazakh SSR"))], known)
