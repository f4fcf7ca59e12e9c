"""Self-checks: questions with explained feedback, kept in data/exercises*.csv.

:func:`check` marks an answer and returns the feedback (a pure function, easy
to test); :func:`quiz` wraps it in plain ipywidgets for the notebook, so the
answers never appear in a code cell a student reads.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass
from datetime import UTC, datetime

import pandas as pd

from .. import load, sentence
from ..errors import ExerciseError
from ..parsing import split_ids
from . import answers
from .display import in_lang
from .palette import INFO_TINT, RIGHT_TINT, SILVER, WRONG_TINT
from .words import check_lang, t

_GOOD, _BAD, _INFO = RIGHT_TINT, WRONG_TINT, INFO_TINT


@dataclass(frozen=True)
class Feedback:
    """The result of checking one answer: right or not (None for open answers) and why."""

    correct: bool | None
    message: str
    sentence_ids: tuple[str, ...] = ()

    def to_html(self, lang: str = "en") -> str:
        colour = _INFO if self.correct is None else _GOOD if self.correct else _BAD
        head = "" if self.correct is None else t("correct" if self.correct else "not_yet", lang) + " "
        quotes = "".join(sentence(i).card(lang) for i in self.sentence_ids)
        return (
            f"<div lang='{check_lang(lang)}' style='background:{colour};padding:0.5em 0.8em;border-radius:4px'>"
            f"<b>{html.escape(head)}</b>{self.message}{quotes}</div>"
        )


def exercise(exercise_id: str, lang: str = "en") -> tuple[pd.Series, pd.DataFrame, pd.DataFrame]:
    """The exercise row, its options and its categories, in lang."""
    lang = check_lang(lang)
    exercises = load("exercises", lang=lang).set_index("exercise_id")
    if exercise_id not in exercises.index:
        raise ExerciseError(f"There is no exercise {exercise_id!r}. Exercise ids are in histkit.load('exercises').")
    options = load("exercise_options", lang=lang)
    categories = load("exercise_categories", lang=lang)
    return (
        exercises.loc[exercise_id],
        options[options["exercise_id"] == exercise_id].reset_index(drop=True),
        categories[categories["exercise_id"] == exercise_id].reset_index(drop=True),
    )


def display_order(options: pd.DataFrame) -> pd.DataFrame:
    """The options of a choice in a fixed but scrambled order, the same on every run: authors tend
    to write the right answer first, and students should not learn to pick the first option."""
    key = options["exercise_id"] + "/" + options["option_id"]
    scrambled = key.map(lambda k: hashlib.sha256(k.encode("utf-8")).hexdigest())
    return options.assign(_order=scrambled).sort_values("_order").drop(columns="_order").reset_index(drop=True)


def _parse_number(answer) -> float | None:
    if isinstance(answer, (int, float)) and not isinstance(answer, bool):
        return float(answer)
    cleaned = str(answer).strip().replace(",", ".").replace(" ", "")
    try:
        return float(cleaned)
    except ValueError:
        return None


def _check_choice(options: pd.DataFrame, answer) -> Feedback:
    chosen = options[options["option_id"] == answer]
    if chosen.empty:
        raise ExerciseError(f"{answer!r} is not an option here; the options are {', '.join(options['option_id'])}.")
    option = chosen.iloc[0]
    return Feedback(
        option["answer"] == "correct", html.escape(option["feedback"]), tuple(split_ids(option["sentence_id"]))
    )


def _check_number(row: pd.Series, options: pd.DataFrame, answer, lang: str) -> Feedback:
    value = _parse_number(answer)
    if value is None:
        return Feedback(False, html.escape(t("type_number", lang)))
    target, tolerance = float(row["answer"]), float(row["tolerance"] or 0)
    if abs(value - target) <= tolerance:
        return Feedback(True, html.escape(row["correct"]), tuple(split_ids(row["sentence_id"])))
    for mistake in options.itertuples():
        known = _parse_number(mistake.label)
        if known is not None and abs(value - known) <= tolerance:
            return Feedback(False, html.escape(mistake.feedback), tuple(split_ids(mistake.sentence_id)))
    return Feedback(False, html.escape(row["wrong"]))


def _discuss(options: pd.DataFrame, categories: pd.DataFrame, answer: dict, lang: str) -> Feedback:
    """A contested sort: no score, the lesson's reading of each item and its reasons, for discussion."""
    names = dict(zip(categories["category_id"], categories["label"]))
    items = "".join(
        f"<li><b>{html.escape(item.label)}</b>: {html.escape(t('your_choice', lang))}: "
        f"{html.escape(names.get(answer.get(item.option_id), '—'))}; {html.escape(t('lesson_reading', lang))}: "
        f"{html.escape(names[item.answer])}. {html.escape(item.feedback)}</li>"
        for item in options.itertuples()
    )
    return Feedback(None, f"{html.escape(t('discuss_head', lang))}<ul>{items}</ul>")


def _check_sort(row: pd.Series, options: pd.DataFrame, answer: dict, lang: str) -> Feedback:
    missing = [item for item in options.itertuples() if item.option_id not in answer]
    wrong = [
        item for item in options.itertuples() if item.option_id in answer and answer[item.option_id] != item.answer
    ]
    right = len(options) - len(wrong) - len(missing)
    summary = t("sorted", lang, right=right, total=len(options))
    if right == len(options):
        return Feedback(True, html.escape(f"{summary} {row['correct']}"), tuple(split_ids(row["sentence_id"])))
    hints = "".join(f"<li>{html.escape(item.label)}: {html.escape(item.feedback)}</li>" for item in wrong)
    hints += "".join(f"<li>{html.escape(item.label)}: {html.escape(t('unsorted', lang))}</li>" for item in missing)
    return Feedback(False, f"{html.escape(summary)} {html.escape(row['wrong'])}<ul>{hints}</ul>")


def _check_text(row: pd.Series, answer: str, lang: str) -> Feedback:
    """Written answers: what can be counted (words, real and relevant citations, a figure), then the
    model answer and the claim-evidence-reasoning criteria to compare with."""
    rules = dict(part.split("=") for part in row["answer"].split(";"))
    text = str(answer).lower()
    words = sum(1 for word in text.split() if re.search(r"[^\W\d_]", re.sub(r"\bs\d{3}\b", "", word)))
    need = int(rules.get("min_words", 0))
    cited = re.findall(r"\bs\d{3}\b", text)
    known = set(cited) & _known_ids()
    has_figure = bool(re.search(r"\d", re.sub(r"\bs\d{3}\b", "", text)))
    checks = [(words >= need, t("words", lang, n=words, need=need))]
    if int(rules.get("cite", 0)):
        relevant = split_ids(row["sentence_id"])
        checks.append((len(cited) >= int(rules["cite"]), t("cites", lang)))
        checks.append((bool(cited) and known == set(cited), t("cites_real", lang)))
        checks.append((bool(known & set(relevant)), t("cites_relevant", lang, ids=", ".join(relevant))))
    if int(rules.get("figure", 0)):
        checks.append((has_figure, t("figure", lang)))
    items = "".join(f"<li>{'✔' if ok else '✘'} {html.escape(label)}</li>" for ok, label in checks)
    return Feedback(
        None, f"{html.escape(t('rubric', lang))}<ul>{items}</ul>{model_html(row, lang)}", tuple(sorted(known))
    )


def model_html(row: pd.Series, lang: str) -> str:
    """A written task's model answer and the claim-evidence-reasoning criteria, as HTML."""
    criteria = "".join(
        f"<li>{html.escape(t(key, lang))}</li>" for key in ("cer_claim", "cer_evidence", "cer_reasoning")
    )
    return (
        f"<p><b>{html.escape(t('model_answer', lang))}</b><br>{html.escape(row['model'] or '')}</p>"
        f"<p><b>{html.escape(t('criteria', lang))}</b></p><ul>{criteria}</ul>"
    )


def tries_note(tries: int, lang: str = "en") -> str:
    """How a right answer was reached: on the first try, or after n tries."""
    return t("first_try", lang) if tries == 1 else t("after_tries", lang, n=tries)


def _known_ids() -> set[str]:
    return set(load("sentences")["sentence_id"])


def check(exercise_id: str, answer, lang: str = "en") -> Feedback:
    """Mark an answer: an option id (choice), a number, a {item: category} dict (sort) or text."""
    row, options, categories = exercise(exercise_id, lang)
    if answer is None or answer == "" or answer == {}:
        return Feedback(False, html.escape(t("choose", lang)))
    if row["kind"] == "choice":
        return _check_choice(options, answer)
    if row["kind"] == "number":
        return _check_number(row, options, answer, lang)
    if row["kind"] == "sort" and row["marking"] == "discuss":
        return _discuss(options, categories, answer, lang)
    if row["kind"] == "sort":
        return _check_sort(row, options, answer, lang)
    return _check_text(row, answer, lang)


def _restore(kind: str, fields, answer) -> bool:
    """Put a saved answer back: fields is the answer widget, or {item: picker} for a sort.
    False if there is none, or it no longer fits the exercise (the data changed)."""
    from traitlets import TraitError

    if answer in (None, "", {}):
        return False
    try:
        if kind == "sort":
            for key, picker in fields.items():
                picker.value = answer.get(key)
        else:
            fields.value = answer if kind == "choice" else str(answer)
    except (TraitError, AttributeError, TypeError):
        return False
    return True


def quiz(exercise_id: str, lang: str = "en"):
    """The self-check as a widget: the question, a way to answer, a Check button and the feedback."""
    import ipywidgets as widgets

    from .widgets import PrintableBox, labelled

    row, options, categories = exercise(exercise_id, lang)
    prompt = widgets.HTML(in_lang(f"<b>{html.escape(row['prompt'])}</b>", lang))
    feedback = widgets.HTML()
    button = widgets.Button(description=t("check", lang), button_style="primary", icon="check")
    wide = widgets.Layout(width="auto")
    if row["kind"] == "choice":
        shown = display_order(options)
        answer = widgets.RadioButtons(options=list(zip(shown["label"], shown["option_id"])), value=None, layout=wide)
        read = lambda: answer.value
        body = [answer]
    elif row["kind"] == "number":
        answer = widgets.Text(placeholder=t("type_number", lang), layout=widgets.Layout(width="18em"))
        read = lambda: answer.value
        body = [answer]
    elif row["kind"] == "sort":
        choices = [(t("placeholder", lang), None)] + list(zip(categories["label"], categories["category_id"]))
        pickers = {
            item.option_id: widgets.Dropdown(
                options=choices,
                value=None,
                **labelled(item.label, lang),
                style={"description_width": "initial"},
                layout=wide,
            )
            for item in options.itertuples()
        }
        read = lambda: {key: picker.value for key, picker in pickers.items() if picker.value}
        body = list(pickers.values())
    else:
        answer = widgets.Textarea(placeholder=t("write_here", lang), layout=widgets.Layout(width="100%", height="6em"))
        read = lambda: answer.value
        body = [answer]

    saved = answers.entry(row["lesson"], exercise_id)
    tries = {"n": saved["tries"], "first": saved["first_try"], "wrong": saved["wrong"]}  # kept once right

    def show(count: bool):
        result = check(exercise_id, read(), lang)
        if count and result.correct is not None and tries["first"] is None and read() not in (None, "", {}):
            tries["n"] += 1
            if result.correct:
                tries["first"] = tries["n"] == 1
            elif row["kind"] != "sort":
                tries["wrong"] = [*tries["wrong"], read()]  # for the teacher: the most common wrong answers
        note = (
            f"<p lang='{lang}'><i>{html.escape(tries_note(tries['n'], lang))}</i></p>"
            if tries["first"] is not None
            else ""
        )
        feedback.value = result.to_html(lang) + (note if result.correct else "")
        return result

    def on_click(_):
        result = show(count=True)
        if read() not in (None, "", {}):
            entry = {"answer": read(), "tries": tries["n"], "first_try": tries["first"], "wrong": tries["wrong"]}
            entry |= {"correct": result.correct, "question": answers.question_of(exercise_id)}
            answers.save(row["lesson"], exercise_id, {**entry, "time": datetime.now(UTC).isoformat(timespec="seconds")})

    if _restore(row["kind"], pickers if row["kind"] == "sort" else answer, saved.get("answer")):
        show(count=False)
    button.on_click(on_click)
    box = PrintableBox(
        [prompt, *body, button, feedback],
        lang=lang,
        layout=widgets.Layout(border=f"1px solid {SILVER}", padding="0.6em"),
    )
    box.add_class("histkit-quiz")
    return box
