"""Printable worksheets and keys come from the exercise tables: every question, the key's answers, no answers on the sheet."""

import html

import pytest
from conftest import ROOT, checks_asked

import histkit
from histkit.ui import worksheets
from histkit.ui.words import t


def esc(text):
    return html.escape(str(text))


@pytest.mark.parametrize("lang", ["en", "kk"])
@pytest.mark.parametrize("lesson", sorted(set(histkit.load("exercises")["lesson"])))
def test_sheet_and_key_hold_every_question_and_only_the_key_holds_answers(lesson, lang):
    exercises = histkit.load("exercises", lang=lang).query("lesson == @lesson")
    options = histkit.load("exercise_options", lang=lang)
    sheet, key = worksheets.sheet_html(lesson, lang), worksheets.sheet_html(lesson, lang, key=True)
    for row in exercises.itertuples():
        assert esc(row.prompt) in sheet and esc(row.prompt) in key
        if row.kind == "text":
            assert esc(row.model) in key and esc(row.model) not in sheet
            assert esc(t("cer_evidence", lang)) in key
        if row.kind == "number":
            shown = f"<b>{row.answer.replace('.', ',') if lang == 'kk' else row.answer}</b>"  # 1,1 in Kazakh
            assert shown in key and shown not in sheet
    mine = options[options["exercise_id"].isin(exercises["exercise_id"])]
    for option in mine.itertuples():
        assert esc(option.feedback) in key and esc(option.feedback) not in sheet
    assert "☑" not in sheet and key.count("☑") == (~mine["answer"].isin(["wrong", "mistake"])).sum()
    assert "@media print" in sheet and f"<html lang='{lang}'>" in key


@pytest.mark.parametrize("lang", ["en", "kk"])
@pytest.mark.parametrize("lesson", sorted(set(histkit.load("think_prompts")["lesson"])))
def test_the_key_holds_every_think_prompt_with_its_model_answer_and_the_sheet_none(lesson, lang):
    prompts = histkit.load("think_prompts", lang=lang).query("lesson == @lesson")
    sheet, key = worksheets.sheet_html(lesson, lang), worksheets.sheet_html(lesson, lang, key=True)
    assert lesson in set(histkit.load("exercises")["lesson"])  # so make worksheets writes its key
    assert esc(t("think_head", lang)) in key and esc(t("think_head", lang)) not in sheet
    section = key.split(esc(t("think_head", lang)))[1]
    for row in prompts.itertuples():
        assert esc(row.prompt) in section and esc(row.model) in section and esc(row.look_for) in section
        assert esc(row.model) not in sheet and esc(row.look_for) not in sheet and esc(row.prompt) not in sheet
        assert all(sid in section for sid in row.sentence_id.split(";"))
    assert section.count("<section>") == len(prompts)


def test_make_worksheets_writes_every_lesson_in_both_languages(tmp_path):
    written = worksheets.write_all(tmp_path)
    lessons = set(histkit.load("exercises")["lesson"])
    assert {p.name for p in written} == {
        f"{kind}-{lesson}-{lang}.html" for kind in ("worksheet", "key") for lesson in lessons for lang in ("en", "kk")
    }


@pytest.mark.parametrize("lesson", sorted(set(histkit.load("exercises")["lesson"])))
def test_sheet_numbers_the_checks_in_the_order_the_lesson_asks_them(lesson):
    """The worksheet, the key, the student's record and the class overview list the checks in the order of
    data/exercises.csv, which must be the order of the quiz(...) cells in the lesson."""
    exercises = histkit.load("exercises").query("lesson == @lesson")
    assert list(exercises["exercise_id"]) == checks_asked(ROOT / "notebooks" / f"{lesson}.ipynb")
    sheet = worksheets.sheet_html(lesson)
    numbered = [sheet.index(f"<h2>{n}. {esc(p)}") for n, p in enumerate(exercises["prompt"], start=1)]
    assert numbered == sorted(numbered)
