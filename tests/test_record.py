"""The page of a student's work: every question, the answers as words, the tries, in both languages."""

import json
import re
from datetime import UTC, datetime

import pytest

import histkit
from histkit.ui import quiz, record
from histkit.ui.words import t

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def answer(exercise_id, *values):
    box = quiz.quiz(exercise_id)
    for value in values:
        box.children[1].value = value
        box.children[-2].click()


@pytest.mark.parametrize("lang", ["en", "kk"])
def test_the_page_lists_every_question_with_the_answer_in_words(answers_folder, callback_log, lang):
    answer("00-find-the-sentence", "s117", "s123")
    answer("00-years-between", "5")
    answer("00-your-claim", "Events came faster after 1928: the parts met in April 1930 (s121).")
    page = record.record_html("00-start-here", lang, now=NOW)
    exercises = histkit.load("exercises", lang=lang)
    mine = exercises[exercises["lesson"] == "00-start-here"]
    for prompt in mine["prompt"]:
        assert prompt.replace("'", "&#x27;").replace('"', "&quot;") in page
    options = histkit.load("exercise_options", lang=lang).set_index(["exercise_id", "option_id"])
    assert options.loc[("00-find-the-sentence", "s123"), "label"] in page  # the option's words, not its id
    assert t("after_tries", lang, n=2) in page and t("first_try", lang) in page
    assert t("written_answer", lang) in page and "(s121)" in page
    assert page.count(t("not_answered", lang)) == len(mine) - 3
    assert f"<html lang='{lang}'>" in page and "2026-03-02 09:30" in page and "@media print" in page


def test_the_page_carries_the_answers_file(answers_folder, callback_log):
    answer("00-your-claim", "A </script><script>alert(1)</script> answer, s121.")
    page = record.record_html("00-start-here", now=NOW)
    carried = re.search(r"<script type='application/json' id='histkit-answers'>(.*?)</script>", page, re.S).group(1)
    saved = json.loads(carried.replace("<\\/", "</"))
    assert saved == json.loads((answers_folder / "histkit-answers-00-start-here.json").read_text(encoding="utf-8"))
    assert page.count("</script>") == 1  # the typed text cannot close the data block and run


def test_the_button_writes_the_page_beside_the_answers_and_offers_it(answers_folder, callback_log):
    answer("00-years-between", "5")
    box = record.hand_in("00-start-here", "kk")
    name, button, done = box.children
    name.value = "Айгерім"
    button.click()
    written = (answers_folder / "histkit-record-00-start-here.html").read_text(encoding="utf-8")
    assert "Айгерім" in written and t("first_try", "kk") in written
    assert "download='histkit-record-00-start-here.html'" in done.value and "data:text/html;base64," in done.value
    assert "Binder" in done.value and "JupyterLab" in done.value and "Voilà" in done.value
    assert record.hand_in("00-start-here").children[0].value == "Айгерім"  # the name is kept too


def test_start_note_names_the_file_and_warns_about_binder():
    note = record.start_note("02-turksib", "en").data
    assert "histkit-answers-02-turksib.json" in note and "Binder" in note
