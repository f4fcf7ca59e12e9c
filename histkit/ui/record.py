"""The page of a student's work: a readable, printable HTML record of one lesson's answers.

:func:`record_html` builds the page from the saved answers (pure, easy to test); :func:`hand_in`
is the button at the end of each lesson that writes it beside the notebook and offers it for
download. The page carries the answers file inside it, so the teacher's class overview reads a
handed-in page as well as the JSON file.
"""

from __future__ import annotations

import base64
import contextlib
import html
import json
from datetime import UTC, datetime

from .. import load
from . import answers
from .display import in_lang
from .palette import MID_GREY, RULE_GREY, SILVER
from .quiz import exercise
from .words import check_lang, t

_STYLE = f"""
body {{ font-family: "DejaVu Sans", Arial, sans-serif; max-width: 46em; margin: 2em auto; line-height: 1.45; }}
h1 {{ font-size: 1.5em; margin-bottom: 0.2em; }} h2 {{ font-size: 1.05em; margin: 1.4em 0 0.3em; }}
.meta {{ color: {MID_GREY}; }} .answer {{ white-space: pre-wrap; border-left: 3px solid {SILVER}; padding-left: 0.6em; }}
.result {{ font-style: italic; }} section {{ border-bottom: 1px solid {RULE_GREY}; padding-bottom: 0.6em; }}
@media print {{ body {{ margin: 0; max-width: none; }} section {{ break-inside: avoid; }} a {{ color: inherit; }} }}
"""


def record_file(lesson: str):
    """Where the page of a lesson's work is written, beside its answers file."""
    return answers.path(lesson).with_name(f"histkit-record-{lesson}.html")


def readable(exercise_id: str, answer, lang: str) -> str:
    """A saved answer as a reader sees it: the option's words, the number, the sorting, the text."""
    row, options, categories = exercise(exercise_id, lang)
    if row["kind"] == "choice":
        labels = dict(zip(options["option_id"], options["label"]))
        return labels.get(answer, str(answer))
    if row["kind"] == "sort" and isinstance(answer, dict):
        names = dict(zip(categories["category_id"], categories["label"]))
        return "\n".join(f"{item.label}: {names.get(answer.get(item.option_id), '—')}" for item in options.itertuples())
    return str(answer)


def result_line(kind: str, marking: str, entry: dict, lang: str) -> str:
    """How the student did: first try, after n tries, not yet, for discussion, or written."""
    if kind == "text":
        return t("written_answer", lang)
    if marking == "discuss":
        return t("for_discussion", lang)
    if entry["first_try"] is None:
        return t("not_found_yet", lang, n=entry["tries"])
    return t("first_try", lang) if entry["first_try"] else t("after_tries", lang, n=entry["tries"])


def record_html(lesson: str, lang: str = "en", now: datetime | None = None) -> str:
    """The page of a lesson's work, from its saved answers, in lang."""
    lang = check_lang(lang)
    saved = answers.read(lesson)
    rows = load("exercises", lang=lang)
    rows = rows[rows["lesson"] == lesson]
    sections, first, scored, answered = [], 0, 0, 0
    for row in rows.itertuples():
        entry = answers.entry(lesson, row.exercise_id)
        counted = row.kind != "text" and row.marking == "score"
        scored += counted
        if entry["answer"] in (None, "", {}):
            body = f"<p class='result'>{html.escape(t('not_answered', lang))}</p>"
        else:
            answered += 1
            first += bool(counted and entry["first_try"])
            body = (
                f"<p><b>{html.escape(t('your_answer', lang))}</b></p>"
                f"<p class='answer'>{html.escape(readable(row.exercise_id, entry['answer'], lang))}</p>"
                f"<p class='result'>{html.escape(result_line(row.kind, row.marking, entry, lang))}</p>"
            )
        sections.append(f"<section><h2>{html.escape(row.prompt)}</h2>{body}</section>")
    made = (now or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M")
    carried = json.dumps(saved, ensure_ascii=False).replace("</", "<\\/")
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>"
        f"<title>{html.escape(t('record_title', lang, id=lesson))}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{html.escape(t('record_title', lang, id=lesson))}</h1>"
        f"<p class='meta'>{html.escape(t('record_student', lang, name=saved['student'] or '—'))}<br>"
        f"{html.escape(t('record_made', lang, time=made))}<br>"
        f"{html.escape(t('record_summary', lang, first=first, scored=scored, answered=answered, total=len(rows)))}</p>"
        f"{''.join(sections)}"
        f"<script type='application/json' id='histkit-answers'>{carried}</script></body></html>"
    )


def start_note(lesson: str, lang: str = "en"):
    """The note at the start of a lesson: answers are kept, and vanish on Binder at the session's end. It also
    brings the lesson's keyboard-focus style (widgets.FOCUS_CSS)."""
    from IPython.display import HTML

    from .widgets import FOCUS_CSS

    file = answers.path(lesson).name
    return HTML(
        f"<p lang='{check_lang(lang)}' style='border-left:4px solid {SILVER};padding-left:0.6em'>"
        f"{html.escape(t('start_note', lang, file=file))}</p><style>{FOCUS_CSS}</style>"
    )


def hand_in(lesson: str, lang: str = "en"):
    """The button at the end of a lesson: the page of the student's work, written and offered for download."""
    import ipywidgets as widgets

    from .widgets import PrintableBox, labelled

    lang = check_lang(lang)
    answers.path(lesson)  # a clear error for a mistyped lesson id, before any widget is built
    name = widgets.Text(
        value=answers.read(lesson)["student"], placeholder=t("your_name", lang), **labelled(t("your_name", lang), lang)
    )
    button = widgets.Button(
        description=t("make_record", lang), button_style="primary", icon="file", layout=widgets.Layout(width="auto")
    )
    done = widgets.HTML()

    def on_click(_):
        answers.set_student(lesson, name.value)
        page = record_html(lesson, lang)
        file = record_file(lesson)
        with contextlib.suppress(OSError):
            file.write_text(page, encoding="utf-8")
        link = base64.b64encode(page.encode("utf-8")).decode("ascii")
        steps = "".join(
            f"<li>{html.escape(t(key, lang, file=file.name))}</li>"
            for key in ("record_lab", "record_voila", "record_binder", "record_hand_in")
        )
        done.value = in_lang(
            f"<p>{html.escape(t('record_ready', lang, file=file.name))}</p>"
            f"<p><a download='{file.name}' href='data:text/html;base64,{link}' style='font-weight:bold;text-decoration:underline'>"
            f"⬇ {html.escape(t('download', lang))}</a></p>"
            f"<ul>{steps}</ul>",
            lang,
        )

    button.on_click(on_click)
    box = PrintableBox([name, button, done], lang=lang)
    box.add_class("histkit-hand-in")
    return box
