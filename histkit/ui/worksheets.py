"""Printable worksheets and teacher's answer keys, built from the exercise tables (never typed twice).

``python -m histkit.ui.worksheets [folder]`` (``make worksheets``) writes, per lesson and language,
``worksheet-<lesson>-<lang>.html`` for students and ``key-<lesson>-<lang>.html`` for the teacher:
HTML with print styles, to print or save as PDF from a browser.
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

from .. import load
from ..parsing import split_ids
from .palette import MID_GREY, RULE_GREY, SILVER
from .quiz import display_order, exercise
from .words import check_lang, number, t

_STYLE = f"""
body {{ font-family: "DejaVu Sans", Arial, sans-serif; max-width: 46em; margin: 2em auto; line-height: 1.45; }}
h1 {{ font-size: 1.45em; }} h2 {{ font-size: 1.05em; margin: 1.3em 0 0.3em; }}
.meta {{ color: {MID_GREY}; }} .line {{ border-bottom: 1px solid {RULE_GREY}; height: 1.9em; }}
.key {{ border-left: 4px solid {SILVER}; padding-left: 0.6em; }} ul.key {{ padding-left: 2em; }}
table {{ border-collapse: collapse; }}
td, th {{ border: 1px solid {RULE_GREY}; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }}
section {{ break-inside: avoid; }}
@media print {{ body {{ margin: 0; max-width: none; font-size: 11pt; }} }}
"""


def _choices(exercise_id: str, options, key: bool, lang: str) -> str:
    items = []
    for option in display_order(options).itertuples():
        mark = "☑" if key and option.answer == "correct" else "☐"
        why = f"<div class='key'>{html.escape(option.feedback)}</div>" if key else ""
        items.append(f"<li style='list-style:none'>{mark} {html.escape(option.label)}{why}</li>")
    return f"<ul>{''.join(items)}</ul>"


def _sort(row, options, categories, key: bool, lang: str) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in categories["label"])
    body = ""
    for item in options.itertuples():
        cells = "".join(
            f"<td>{'☑' if key and item.answer == category else '☐'}</td>" for category in categories["category_id"]
        )
        body += f"<tr><td>{html.escape(item.label)}</td>{cells}</tr>"
    table = f"<table><tr><th></th>{head}</tr>{body}</table>"
    if key and row.marking == "discuss":
        table += f"<p class='key'>{html.escape(t('discuss_head', lang))}</p>"
    if key:
        table += (
            "<ul class='key'>"
            + "".join(f"<li>{html.escape(i.label)}: {html.escape(i.feedback)}</li>" for i in options.itertuples())
            + "</ul>"
        )
    return table


def _written(row, key: bool, lang: str) -> str:
    if not key:
        return "<div class='line'></div>" * 6
    rules = dict(part.split("=") for part in row.answer.split(";"))
    counted = [t("words", lang, n="…", need=rules.get("min_words", 0))]
    counted += [t("cites", lang)] * bool(int(rules.get("cite", 0))) + [t("figure", lang)] * bool(
        int(rules.get("figure", 0))
    )
    criteria = "".join(f"<li>{html.escape(t(k, lang))}</li>" for k in ("cer_claim", "cer_evidence", "cer_reasoning"))
    return (
        f"<div class='key'><p><b>{html.escape(t('model_answer', lang))}</b><br>{html.escape(row.model)}</p>"
        f"<p><b>{html.escape(t('criteria', lang))}</b></p><ul>{criteria}</ul>"
        f"<p><b>{html.escape(t('key_counted', lang))}</b> {html.escape('; '.join(counted))}</p></div>"
    )


def _think_prompts(lesson: str, lang: str) -> str:
    """The key's section after the self-checks: each Think prompt of the lesson with its model answer, what to
    look for and the sentences; the prompts come from data/think_prompts.csv, as the notebook prints them."""
    rows = load("think_prompts", lang=lang)
    rows = rows[rows["lesson"] == lesson]
    sections = "".join(
        f"<section><p style='white-space:pre-line'><b>{position}.</b> {html.escape(row.prompt)}</p>"
        f"<div class='key'><p><b>{html.escape(t('think_model', lang))}</b><br>{html.escape(row.model)}</p>"
        f"<p><b>{html.escape(t('think_look_for', lang))}</b> {html.escape(row.look_for)}</p>"
        f"<p><b>{html.escape(t('think_sentences', lang))}</b> {html.escape(', '.join(split_ids(row.sentence_id)))}</p>"
        "</div></section>"
        for position, row in enumerate(rows.itertuples(), start=1)
    )
    return f"<h2>{html.escape(t('think_head', lang))}</h2>{sections}"


def sheet_html(lesson: str, lang: str = "en", key: bool = False) -> str:
    """A lesson's self-checks as a printable worksheet, or (key=True) the teacher's answer key."""
    lang = check_lang(lang)
    rows = load("exercises", lang=lang)
    rows = rows[rows["lesson"] == lesson]
    title = t("key_title" if key else "worksheet_title", lang, id=lesson)
    parts = []
    for position, row in enumerate(rows.itertuples(), start=1):
        _, options, categories = exercise(row.exercise_id, lang)
        if row.kind == "choice":
            body = _choices(row.exercise_id, options, key, lang)
        elif row.kind == "sort":
            body = _sort(row, options, categories, key, lang)
        elif row.kind == "number":
            body = "<p>______________</p>"
            if key:
                mistakes = "".join(
                    f"<li>{html.escape(m.label)}: {html.escape(m.feedback)}</li>" for m in options.itertuples()
                )
                body = (
                    f"<p class='key'><b>{number(float(row.answer), lang)}</b> (± {number(float(row.tolerance), lang)}). "
                    f"{html.escape(row.correct)}</p>"
                    f"<p class='key'><b>{html.escape(t('key_mistakes', lang))}</b></p><ul class='key'>{mistakes}</ul>"
                )
        else:
            body = _written(row, key, lang)
        skill = f" <span class='meta'>({html.escape(t(f'skill_{row.skill}', lang))})</span>" if key else ""
        parts.append(f"<section><h2>{position}. {html.escape(row.prompt)}{skill}</h2>{body}</section>")
    if key:
        parts.append(_think_prompts(lesson, lang))
    name = "" if key else f"<p>{html.escape(t('your_name', lang))}: ____________________________</p>"
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
        f"<style>{_STYLE}</style></head><body><h1>{html.escape(title)}</h1>{name}{''.join(parts)}</body></html>"
    )


def write_all(folder: str | Path = "worksheets") -> list[Path]:
    """Every lesson's worksheet and key in both languages, written to folder."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for lesson in dict.fromkeys(load("exercises")["lesson"]):
        for lang in ("en", "kk"):
            for key, stem in ((False, "worksheet"), (True, "key")):
                path = target / f"{stem}-{lesson}-{lang}.html"
                path.write_text(sheet_html(lesson, lang, key), encoding="utf-8")
                written.append(path)
    return written


if __name__ == "__main__":
    for path in write_all(*sys.argv[1:2]):
        print(path)
