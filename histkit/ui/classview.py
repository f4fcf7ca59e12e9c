"""The teacher's class overview: a folder of handed-in answers, one lesson, the class at a glance.

Reads every file in a folder (and its subfolders: a JupyterHub share, nbgrader's exchange, saved
e-mail attachments): the answers files (``histkit-answers-*.json``) and the pages of work
(``histkit-record-*.html``, which carry the same answers). Files that cannot be read, or are not
histkit answers, are listed with the reason and skipped. Run it in a notebook,
``class_overview("handed-in/", "02-turksib")``, or from a shell:
``python -m histkit.ui.classview handed-in/ 02-turksib [--lang kk] [--out overview.html]``.
"""

from __future__ import annotations

import base64
import html
import io
import json
import re
import sys
from collections import Counter
from pathlib import Path

import pandas as pd

from .. import load
from ..errors import ExerciseError, HistkitError
from . import answers
from .display import in_lang
from .palette import BLUE, MID_GREY, RULE_GREY
from .record import readable
from .words import check_lang, t

_CARRIED = re.compile(r"<script type='application/json' id='histkit-answers'>(.*?)</script>", re.S)


def read_file(path: Path) -> dict | str:
    """One handed-in file's answers, or the reason it cannot be used (a key of the skip_* words)."""
    if path.suffix.lower() not in (".json", ".html", ".htm"):
        return "no_answers"
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return "not_text"
    except OSError:
        return "not_readable"
    if path.suffix.lower() in (".html", ".htm"):
        found = _CARRIED.search(text)
        if not found:
            return "no_answers"
        text = found.group(1).replace("<\\/", "</")
    try:
        data = json.loads(text)
    except ValueError:
        return "not_json"
    return data if answers.is_answers(data) else "no_answers"


def read_folder(folder: str | Path, lesson: str) -> tuple[list[dict], list[tuple[str, str]]]:
    """The answers of one lesson found in folder, one per student, and (file, reason) for every file skipped."""
    root = Path(folder)
    if not root.is_dir():
        raise ExerciseError(
            f"There is no folder {str(folder)!r}: give the folder where the answer files were collected."
        )
    found, skipped = {}, []
    for path in sorted(p for p in root.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.parts)):
        name = str(path.relative_to(root))
        data = read_file(path)
        if isinstance(data, str):
            skipped.append((name, data))
            continue
        if data["lesson"] != lesson:
            skipped.append((name, "other_lesson"))
            continue
        who = str(data.get("student") or "").strip() or path.stem
        latest = max((str(e.get("time", "")) for e in data["answers"].values() if isinstance(e, dict)), default="")
        if who in found and found[who][0] >= latest:
            skipped.append((name, "duplicate"))
            continue
        if who in found:
            skipped.append((found[who][2], "duplicate"))
        found[who] = (latest, {**data, "student": who}, name)
    return [entry[1] for entry in found.values()], skipped


def summary(handed_in: list[dict], lesson: str, lang: str = "en") -> pd.DataFrame:
    """Per scored question: how many answered, the share right on the first try, the most common wrong answer."""
    rows = load("exercises", lang=lang)
    rows = rows[(rows["lesson"] == lesson) & (rows["kind"] != "text")]
    table = []
    for row in rows.itertuples():
        entries = [answers.entry_of(data, row.exercise_id) for data in handed_in]
        tried = [e for e in entries if e["answer"] not in (None, "", {})]
        first = sum(1 for e in tried if e["first_try"])
        wrong = Counter(w for e in tried for w in dict.fromkeys(e["wrong"]))  # each student counted once per answer
        common, times = wrong.most_common(1)[0] if wrong else ("", 0)
        scored = row.marking == "score"
        table.append(
            {
                "exercise_id": row.exercise_id,
                "question": row.prompt,
                "answered": len(tried),
                "first_try": round(first / len(tried), 2) if tried and scored else None,
                "common_wrong": f"{readable(row.exercise_id, common, lang)} ({times})" if common else "",
            }
        )
    return pd.DataFrame(table)


def written(handed_in: list[dict], lesson: str, lang: str = "en") -> dict[str, pd.DataFrame]:
    """Each written task's answers side by side: student and answer."""
    rows = load("exercises", lang=lang)
    rows = rows[(rows["lesson"] == lesson) & (rows["kind"] == "text")]
    return {
        row.prompt: pd.DataFrame(
            [(data["student"], str(answers.entry_of(data, row.exercise_id)["answer"] or "")) for data in handed_in],
            columns=[t("col_student", lang), t("col_answer", lang)],
        )
        for row in rows.itertuples()
    }


def first_try_chart(table: pd.DataFrame, lang: str = "en"):
    """A bar per question: the share of the class right on the first try."""
    from .charts import figure, style_axes

    shown = table.dropna(subset=["first_try"]).iloc[::-1]
    fig = figure(8.0, 0.45 * len(shown) + 1.4)
    ax = style_axes(fig.add_subplot(), grid="x")
    ax.barh(shown["exercise_id"], shown["first_try"] * 100, color=BLUE)
    for y, share in enumerate(shown["first_try"]):
        ax.text(share * 100 + 1, y, f"{share * 100:.0f}%", va="center", fontsize=9, color=MID_GREY)
    ax.set_xlim(0, 110)
    ax.set_xlabel(t("first_try_axis", lang))
    ax.set_title(t("overview_chart_title", lang), loc="left", fontsize=12)
    return fig


def overview_html(folder: str | Path, lesson: str, lang: str = "en") -> str:
    """The whole overview as one HTML page: counts, skipped files, the table, the chart, the written answers."""
    lang = check_lang(lang)
    handed_in, skipped = read_folder(folder, lesson)
    table = summary(handed_in, lesson, lang)
    parts = [
        f"<h2>{html.escape(t('overview_title', lang, id=lesson))}</h2>",
        f"<p>{html.escape(t('overview_count', lang, n=len(handed_in), skipped=len(skipped)))}</p>",
    ]
    if skipped:
        items = "".join(
            f"<li><code>{html.escape(name)}</code>: {html.escape(t('skip_' + why, lang))}</li>" for name, why in skipped
        )
        parts.append(
            f"<details open><summary>{html.escape(t('overview_skipped', lang))}</summary><ul>{items}</ul></details>"
        )
    if handed_in:
        shown = table.assign(first_try=table["first_try"].map(lambda v: "" if pd.isna(v) else f"{v:.0%}"))
        shown.columns = [t(f"col_{c}", lang) for c in ("exercise", "question", "answered", "first_try", "common_wrong")]
        parts.append(shown.to_html(index=False, escape=True, border=0))
        buffer = io.BytesIO()
        first_try_chart(table, lang).savefig(buffer, format="png")
        picture = base64.b64encode(buffer.getvalue()).decode("ascii")
        parts.append(
            f"<p><img alt='{html.escape(t('overview_chart_title', lang))}' src='data:image/png;base64,{picture}'></p>"
        )
        for prompt, answers_side_by_side in written(handed_in, lesson, lang).items():
            parts.append(
                f"<h3>{html.escape(prompt)}</h3>{answers_side_by_side.to_html(index=False, escape=True, border=0)}"
            )
    return in_lang("".join(parts), lang)


def class_overview(folder: str | Path, lesson: str, lang: str = "en"):
    """The class overview, shown in a notebook."""
    from IPython.display import HTML

    return HTML(overview_html(folder, lesson, lang))


def _option(args: list[str], key: str, default: str) -> str:
    if key not in args or args.index(key) + 1 >= len(args):
        return default
    at = args.index(key)
    value = args[at + 1]
    del args[at : at + 2]
    return value


def main(argv: list[str]) -> int:
    """python -m histkit.ui.classview FOLDER LESSON [--lang en|kk] [--out overview.html]"""
    args = list(argv)
    lang, out = _option(args, "--lang", "en"), _option(args, "--out", "")
    if len(args) != 2:
        print(main.__doc__, file=sys.stderr)
        return 2
    folder, lesson = args
    try:
        body = overview_html(folder, lesson, lang)
    except HistkitError as problem:
        print(problem, file=sys.stderr)
        return 1
    target = Path(out or f"class-overview-{lesson}.html")
    style = (
        "body{font-family:'DejaVu Sans',Arial,sans-serif;margin:1.5em;line-height:1.4}table{border-collapse:collapse}"
        f"td,th{{border-bottom:1px solid {RULE_GREY};padding:0.3em 0.6em;text-align:left;vertical-align:top}}"
    )
    page = f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><style>{style}</style></head><body>{body}</body></html>"
    target.write_text(page, encoding="utf-8")
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
