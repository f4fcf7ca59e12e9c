"""Every widget reads well without a kernel: GitHub, nbviewer and `jupyter nbconvert --to html` show its
static form (a self-check as a printable worksheet item, an explorer as its first view), never a
widget repr such as `VBox(children=…)`. Widget state is not saved in the notebooks, so this static
form is all those readers get."""

import re
from html import escape

import nbformat
import pytest
from conftest import EDITION_IDS, EDITIONS, QUIZ, ROOT, WIDGET_REPRS, exported_text

import histkit
from histkit.lessons import context, debates, findings, metallurgy, turksib
from histkit.ui import quiz
from histkit.ui import widgets as hw
from histkit.ui.words import t as text

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
EXPLORERS = {
    "dataset": hw.dataset_explorer, "quotations": debates.quotation_explorer, "wool": debates.wool_cloth_explorer,
    "pace": turksib.pace_explorer, "enterprises": metallurgy.enterprise_explorer, "findings": findings.explorer,
    "corroboration": context.corroboration_explorer,
}  # fmt: skip
MiB = 1024 * 1024


def static_form(box) -> str:
    bundle = box._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle, "JupyterLab and Voilà must still get the live widget"
    assert not any(r in bundle["text/plain"] for r in WIDGET_REPRS)
    return bundle["text/html"]


@pytest.mark.parametrize("lang", ["en", "kk"])
def test_every_self_check_prints_as_a_worksheet_item_without_its_answers(lang):
    exercises = histkit.load("exercises", lang=lang)
    for exercise_id in exercises["exercise_id"]:
        row, options, categories = quiz.exercise(exercise_id, lang)
        page = static_form(quiz.quiz(exercise_id, lang))
        assert f"<b>{escape(row['prompt'])}</b>" in page, exercise_id
        assert text("static_note", lang) in page
        boxes = {"choice": options["label"], "sort": categories["label"]}.get(row["kind"], [])
        for label in boxes:
            assert f"☐ {escape(label)}<" in page, (exercise_id, label)
        if row["kind"] == "sort":
            assert all(f"<b><span lang='{lang}'>{escape(item)}</span></b>" in page for item in options["label"]), (
                exercise_id
            )
        for hidden in [*options["feedback"], row["correct"], row["wrong"]]:
            if isinstance(hidden, str) and hidden:
                assert escape(hidden) not in page, (exercise_id, "an answer is shown")
        assert not re.search(r"<(button|input|select|script)\b", page)


@pytest.mark.parametrize("name", EXPLORERS)
def test_every_explorer_prints_its_first_view(name):
    box = EXPLORERS[name](lang="kk")
    page = static_form(box)
    assert text("static_note", "kk") in page
    shown = [c for c in box.children if c.__class__.__name__ == "HTML"]
    for part in shown:
        assert part.value in page  # what the live widget first shows, word for word
    charts = [c for c in box.children if c.__class__.__name__ == "ChartImage"]
    assert page.count("<img src='data:image/png;base64,") == len(charts)
    assert all(f"alt='{escape(chart.alt)}'" in page for chart in charts)  # each chart's description, in Kazakh


def test_a_chosen_value_prints_as_the_choice_and_a_slider_as_its_value():
    page = static_form(turksib.pace_explorer("en", rate_m_per_day=1250))
    assert re.search(r"<b><span lang='en'>[^<]*</span></b> 1250</p>", page)
    assert "☐" not in page  # every control has a value: nothing to tick


def test_a_widget_without_a_static_form_is_named():
    import ipywidgets

    with pytest.raises(histkit.HistkitError, match="ColorPicker has no static form"):
        hw.static_html(hw.PrintableBox([ipywidgets.ColorPicker()]))


def quizzes_in(notebook) -> list[str]:
    code = "\n".join(c.source for c in notebook.cells if c.cell_type == "code")
    return QUIZ.findall(code)


@pytest.mark.parametrize("path, lang", EDITIONS, ids=EDITION_IDS)
def test_lesson_exported_to_html_shows_no_widget_repr_and_every_question(path, lang):
    notebook = nbformat.read(path, as_version=4)
    page, words = exported_text(notebook)
    found = [r for r in WIDGET_REPRS if r in words]
    assert not found, f"{path.name} shows widget reprs outside a kernel: {found}"
    prompts = histkit.load("exercises", lang=lang).set_index("exercise_id")["prompt"]
    assert quizzes_in(notebook)
    for exercise_id in quizzes_in(notebook):
        assert prompts[exercise_id] in words, f"{path.name}: the question of {exercise_id} is not on the page"
    widgets_shown = sum("application/vnd.jupyter.widget-view+json" in o.get("data", {})
                        for c in notebook.cells for o in c.get("outputs", []))  # fmt: skip
    assert words.count(text("static_note", lang)) == widgets_shown > 0
    if lang == "kk":  # every Kazakh paragraph is marked for screen readers
        markdown = sum(c.cell_type == "markdown" for c in notebook.cells)
        assert page.count('<div lang="kk">') >= markdown


@pytest.mark.parametrize("path, lang", EDITIONS, ids=EDITION_IDS)
def test_lesson_notebook_stays_under_one_mebibyte(path, lang):
    assert path.stat().st_size < MiB, f"{path.name}: {path.stat().st_size} bytes"
