"""Self-checks: every exercise in the data can be answered right, and every answer gets an explanation."""

import html
import re

import pytest

import histkit
from histkit.errors import ExerciseError
from histkit.ui import quiz

EXERCISES = histkit.load("exercises")
OPTIONS = histkit.load("exercise_options")


def options_of(exercise_id):
    return OPTIONS[OPTIONS["exercise_id"] == exercise_id]


@pytest.mark.parametrize("exercise_id", EXERCISES.query("kind == 'choice'")["exercise_id"])
def test_every_choice_has_one_right_option_and_feedback_for_all(exercise_id):
    options = options_of(exercise_id)
    assert (options["answer"] == "correct").sum() == 1
    for option in options.itertuples():
        feedback = quiz.check(exercise_id, option.option_id)
        assert feedback.correct == (option.answer == "correct")
        assert len(feedback.message) > 40  # an explanation, not just "wrong"
        assert feedback.sentence_ids  # and the sentence that shows why


@pytest.mark.parametrize("exercise_id", EXERCISES.query("kind == 'number'")["exercise_id"])
def test_every_number_exercise(exercise_id):
    row = EXERCISES.set_index("exercise_id").loc[exercise_id]
    assert quiz.check(exercise_id, row["answer"]).correct is True
    assert quiz.check(exercise_id, str(row["answer"]).replace(".", ",")).correct is True
    for mistake in options_of(exercise_id).itertuples():
        feedback = quiz.check(exercise_id, mistake.label)
        assert feedback.correct is False and feedback.message == mistake.feedback.replace("'", "&#x27;").replace(
            '"', "&quot;"
        )
    assert "Type a number" in quiz.check(exercise_id, "five").message


@pytest.mark.parametrize("exercise_id", EXERCISES.query("kind == 'sort' and marking == 'score'")["exercise_id"])
def test_every_sort_exercise(exercise_id):
    items = options_of(exercise_id)
    right = dict(zip(items["option_id"], items["answer"]))
    assert quiz.check(exercise_id, right).correct is True
    first = items.iloc[0]
    other = next(c for c in set(items["answer"]) if c != first["answer"])
    feedback = quiz.check(exercise_id, {**right, first["option_id"]: other})
    assert feedback.correct is False
    assert f"{len(items) - 1} of {len(items)} in the right place" in feedback.message
    partial = quiz.check(exercise_id, {first["option_id"]: first["answer"]})
    assert "not sorted yet" in partial.message


def test_years_between_explains_the_off_by_one():
    feedback = quiz.check("00-years-between", "6")
    assert feedback.correct is False
    assert "December 1925" in feedback.message


def test_text_exercise_gives_a_rubric_not_a_verdict():
    weak = quiz.check("00-your-claim", "Things happened fast.")
    assert weak.correct is None
    assert "✘ 3 words (at least 12)" in weak.message and "✘ cites a sentence id" in weak.message
    strong = quiz.check(
        "00-your-claim",
        "After 1928 meetings on Turksib came every few months, and the line was joined in April 1930 (s121).",
    )
    assert strong.message.count("✔") == 5  # words, cites, real ids, a relevant id, a figure
    assert strong.sentence_ids == ("s121",)


def test_feedback_in_kazakh():
    feedback = quiz.check("00-find-the-sentence", "s123", "kk")
    assert feedback.correct is True
    assert "Дұрыс." in feedback.to_html("kk")


def test_unknown_exercise():
    with pytest.raises(ExerciseError) as caught:
        quiz.check("00-nope", "a")
    assert str(caught.value) == "There is no exercise '00-nope'. Exercise ids are in histkit.load('exercises')."


def test_quiz_widget_choice(callback_log):
    box = quiz.quiz("00-find-the-sentence")
    _prompt, radio, button, feedback = box.children
    button.click()
    assert "Choose an answer first." in feedback.value
    radio.value = "s117"
    button.click()
    assert "Not yet." in feedback.value and "construction time" in feedback.value
    radio.value = "s123"
    button.click()
    assert "Correct." in feedback.value and histkit.sentence("s123").text_kk in feedback.value


def test_quiz_widget_number(callback_log):
    box = quiz.quiz("00-years-between")
    box, button, feedback = box.children[1], box.children[2], box.children[3]
    box.value = "6"
    button.click()
    assert "Not yet." in feedback.value
    box.value = "5"
    button.click()
    assert "Correct." in feedback.value


def test_quiz_widget_sort_in_kazakh(callback_log):
    box = quiz.quiz("00-text-or-not", "kk")
    pickers = box.children[1:-2]
    button, feedback = box.children[-2], box.children[-1]
    items = options_of("00-text-or-not").set_index("option_id")
    for picker, option_id in zip(pickers, items.index):
        picker.value = items.loc[option_id, "answer"]
    button.click()
    assert "Дұрыс." in feedback.value


def test_quiz_widget_text(callback_log):
    box = quiz.quiz("00-your-claim")
    area, button, feedback = box.children[1], box.children[2], box.children[3]
    area.value = "In 1930 the two halves met at Ainabulak, as s121 says, after meetings in 1928 and 1929."
    button.click()
    assert feedback.value.count("✔") == 5


@pytest.mark.parametrize("exercise_id", EXERCISES.query("kind == 'text'")["exercise_id"])
def test_text_rubrics_list_only_what_they_require(exercise_id):
    rubric = dict(part.split("=") for part in EXERCISES.set_index("exercise_id").loc[exercise_id, "answer"].split(";"))
    shown = quiz.check(exercise_id, "Some words here s121 1930.").message
    assert ("cites a sentence id" in shown) == (int(rubric.get("cite", 0)) > 0)
    assert ("uses a figure" in shown) == (int(rubric.get("figure", 0)) > 0)


def test_choices_are_shown_in_a_scrambled_but_fixed_order():
    firsts = []
    for exercise_id in EXERCISES.query("kind == 'choice'")["exercise_id"]:
        shown = quiz.display_order(options_of(exercise_id))
        assert list(shown["option_id"]) == list(quiz.display_order(options_of(exercise_id))["option_id"])
        assert sorted(shown["option_id"]) == sorted(options_of(exercise_id)["option_id"])
        firsts.append(shown.iloc[0]["answer"] == "correct")
        radio = quiz.quiz(exercise_id).children[1]
        assert [value for _, value in radio.options] == list(shown["option_id"])
    assert sum(firsts) <= len(firsts) / 2  # the right answer is not usually on top


def test_ids_and_numbers_alone_are_not_an_answer():
    gamed = quiz.check("00-your-claim", "s121 s122 1930 s104 s107 1929 s105 1931 1928 s121 s122 1930 s104")
    assert "✘ 0 words (at least 12)" in gamed.message


def test_a_citation_must_exist_and_bear_on_the_question():
    words = "The timeline shows the meetings and the building coming closer together after the year 1928"
    invented = quiz.check("00-your-claim", f"{words} (s999).").message
    assert "✘ every id cited is a sentence" in invented
    unrelated = quiz.check("00-your-claim", f"{words} (s001).").message
    assert "✔ every id cited is a sentence" in unrelated and "✘ cites at least one sentence that bears" in unrelated
    relevant = quiz.check("00-your-claim", f"{words} (s104).").message
    assert "✔ cites at least one sentence that bears" in relevant


@pytest.mark.parametrize("lang", ["en", "kk"])
@pytest.mark.parametrize("exercise_id", EXERCISES.query("kind == 'text'")["exercise_id"])
def test_a_written_answer_is_followed_by_a_model_answer_and_criteria(exercise_id, lang):
    model = histkit.load("exercises", lang=lang).set_index("exercise_id").loc[exercise_id, "model"]
    assert len(model.split()) >= 25
    shown = quiz.check(exercise_id, "My answer, s121.", lang).message
    assert html.escape(model) in shown
    assert shown.count("<li>") >= 3 + 2  # the counted checks and the claim-evidence-reasoning criteria


def test_model_answers_meet_their_own_rubric():
    for row in EXERCISES.query("kind == 'text'").itertuples():
        assert "✘" not in quiz.check(row.exercise_id, row.model).message, row.exercise_id


def test_a_contested_sort_is_discussed_not_scored():
    assert set(EXERCISES.loc[EXERCISES["marking"] == "discuss", "kind"]) == {"sort"}
    items = options_of("03-evidence-sort")
    everything_raw = {option_id: "raw" for option_id in items["option_id"]}
    feedback = quiz.check("03-evidence-sort", everything_raw)
    assert feedback.correct is None
    page = feedback.to_html()
    assert "Correct." not in page and "Not yet." not in page and "to discuss, not to score" in page
    for item in items.itertuples():
        assert html.escape(item.label) in page and html.escape(item.feedback) in page


def test_first_try_and_later_tries_are_told_apart(callback_log, monkeypatch, tmp_path):
    box = quiz.quiz("00-years-between")
    answer, button, feedback = box.children[1], box.children[2], box.children[3]
    for value in ("6", "4", "5"):
        answer.value = value
        button.click()
    assert "Found it after 3 tries." in feedback.value
    answer.value = "7"
    button.click()
    answer.value = "5"
    button.click()
    assert "Found it after 3 tries." in feedback.value  # the first result is kept
    monkeypatch.setenv("HISTKIT_ANSWERS_DIR", str(tmp_path))  # another student: no saved answers
    again = quiz.quiz("00-years-between", "kk")
    again.children[1].value = "5"
    again.children[2].click()
    assert "Бірінші әрекетте дұрыс." in again.children[3].value


VERDICT_FIRST = re.compile(
    r"^(Yes|No|Right|Not yet|Not quite|Not this|Not that|Иә|Жоқ|Дұрыс|Дұрыс емес|Әлі емес|Қате|Бұл емес|Олай емес)[.:] "
)


def test_feedback_does_not_repeat_the_verdict_the_header_gives():
    """A self-check's answer opens with "Correct." or "Not yet." ("Дұрыс." / "Дұрыс емес."): the feedback
    under it starts with its reason, not with a second verdict ("Not yet. Not yet. …")."""
    exercises = histkit.load("exercises", lang="both")
    options = histkit.load("exercise_options", lang="both")
    texts = [
        *exercises[["correct_en", "correct_kk", "wrong_en", "wrong_kk"]].stack(),
        *options[["feedback_en", "feedback_kk"]].stack(),
    ]
    doubled = [text for text in texts if isinstance(text, str) and VERDICT_FIRST.match(text)]
    assert not doubled, doubled[:5]
    assert VERDICT_FIRST.match("Әлі емес. 1925 жылғы желтоқсаннан бастап санаңыз")  # as the review found it
