"""Printable worksheets and keys come from the exercise tables: every question, the key's answers, no answers on the sheet."""

import html

import pytest

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
            assert f"<b>{row.answer}</b>" in key and f"<b>{row.answer}</b>" not in sheet
    mine = options[options["exercise_id"].isin(exercises["exercise_id"])]
    for option in mine.itertuples():
        assert esc(option.feedback) in key and esc(option.feedback) not in sheet
    assert "☑" not in sheet and key.count("☑") == (~mine["answer"].isin(["wrong", "mistake"])).sum()
    assert "@media print" in sheet and f"<html lang='{lang}'>" in key


def test_make_worksheets_writes_every_lesson_in_both_languages(tmp_path):
    written = worksheets.write_all(tmp_path)
    lessons = set(histkit.load("exercises")["lesson"])
    assert {p.name for p in written} == {
        f"{kind}-{lesson}-{lang}.html" for kind in ("worksheet", "key") for lesson in lessons for lang in ("en", "kk")
    }
