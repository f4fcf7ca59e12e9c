"""Lesson 04's views: result tables as HTML, one finding in full, the charts and the explorer widget.

The numbers come from :mod:`histkit.lessons.findings.calculations`; this module only shows them.
matplotlib is imported inside the chart functions and ipywidgets inside :func:`explorer`.
"""

from __future__ import annotations

import html
import numbers

import pandas as pd

from ... import cite, load
from ...errors import UnknownChoiceError
from ...parsing import split_ids
from ...ui.display import HTML
from ...ui.palette import (
    BLUE,
    BLUE_LIGHT,
    BROWN,
    FAINT,
    GREEN,
    GREY,
    HOLDS_TINT,
    INK,
    LIGHT_GREY,
    ORANGE,
    ORANGE_PALE,
    PROBLEM_TINT,
    SILVER,
    SKY,
    STANDPOINT_TINT,
    UNCLEAR_TINT,
    VERMILLION,
    VERMILLION_TEXT,
)
from ...ui.words import check_lang, has, t
from .calculations import (
    CHECKS,
    KINDS,
    LESSON,
    VERDICTS,
    _qualifier,
    check,
    finding,
    fmt,
    plans_and_outcomes,
    stage_numbers,
    table,
    voices,
)

# --- HTML -----------------------------------------------------------------------------------


def _cell(value, lang: str) -> tuple[str, bool]:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "", False
    if isinstance(value, numbers.Number) and not isinstance(value, bool):
        return fmt(value, lang), True
    return str(value), False


_TABLE_STYLE = "border-collapse:collapse;font-size:0.92em;margin:0.3em 0"
_CELL = f"border-bottom:1px solid {LIGHT_GREY};padding:0.25em 0.6em;text-align:left;vertical-align:top"


def result_html(frame: pd.DataFrame | None, lang: str = "en") -> str:
    """A result table as HTML, with headers in lang and numbers written the lang way."""
    lang = check_lang(lang)
    if frame is None:
        return f"<p lang='{lang}'><i>{html.escape(t('no_calculation', lang, LESSON))}</i></p>"
    columns = [c for c in frame.columns if c not in _HIDDEN]
    header = lambda c: t("col_" + c, lang, LESSON) if has("col_" + c, LESSON) else str(c)
    headers = "".join(f"<th style='{_CELL}'>{html.escape(header(c))}</th>" for c in columns)
    body = []
    for record in frame.to_dict("records"):
        cells = []
        for column in columns:
            written, is_number = _cell(record[column], lang)
            align = "text-align:right" if is_number else ""
            cells.append(f"<td style='{_CELL};{align}'>{html.escape(written)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table lang='{lang}' style='{_TABLE_STYLE}'><thead><tr>{headers}</tr></thead><tbody>{''.join(body)}</tbody></table>"


_HIDDEN = {"direction_id"}  # kept in result tables for charts, not shown to students


_BADGE = "display:inline-block;border-radius:3px;padding:0.05em 0.5em;margin-right:0.4em;font-size:0.85em"
_VERDICT_COLOURS = {
    "problem": PROBLEM_TINT,
    "unclear": UNCLEAR_TINT,
    "holds": HOLDS_TINT,
    "standpoint": STANDPOINT_TINT,
}


def finding_html(finding_id: str, lang: str = "en") -> str:
    """One finding in full: the sentences, the calculation computed now, the conclusion and how to corroborate it."""
    lang = check_lang(lang)
    row = finding(finding_id, lang)
    esc = html.escape
    gk = f"<p style='color:{BROWN}'>{esc(t('general_knowledge', lang, LESSON))}</p>" if row["general_knowledge"] else ""
    return (
        f"<div class='histkit-finding-page' lang='{lang}' data-finding='{esc(finding_id)}'>"
        f"<h4 style='margin:0.3em 0'>{esc(row['title'])}</h4>"
        f"<span style='{_BADGE};background:{FAINT}'>{esc(t('kind_' + row['kind'], lang, LESSON))}</span>"
        f"<span style='{_BADGE};background:{_VERDICT_COLOURS[row['verdict']]}'>{esc(t('verdict_' + row['verdict'], lang, LESSON))}: "
        f"{esc(t('verdict_about_' + row['verdict'], lang, LESSON))}</span>"
        f"<p style='margin:0.6em 0 0.2em'><b>{esc(t('sentences', lang, LESSON))}</b></p>{cite(row['sentence_id'], lang)._repr_html_()}"
        f"<p style='margin:0.6em 0 0.2em'><b>{esc(t('calculation', lang, LESSON))}</b></p>{result_html(check(finding_id, lang), lang)}"
        f"<p style='margin:0.6em 0 0.2em'><b>{esc(t('conclusion', lang, LESSON))}</b></p><p>{esc(row['explanation'])}</p>{gk}"
        f"<p style='margin:0.6em 0 0.2em'><b>{esc(t('corroborate', lang, LESSON))}</b></p><p>{esc(row['corroborate'])}</p>"
        "</div>"
    )


def show(finding_id: str, lang: str = "en") -> HTML:
    """One finding in full, for a notebook cell."""
    return HTML(finding_html(finding_id, lang))


def calculation(what, lang: str = "en") -> HTML:
    """A calculation shown as a table with headers in lang.

    what: a finding id ('stage_sum', 'freight_unit'), the name of a function in CHECKS
    ('loaded_words'), or a DataFrame returned by any function of this module.
    """
    lang = check_lang(lang)
    if isinstance(what, pd.DataFrame):
        return HTML(result_html(what, lang))
    if what in set(load("findings")["finding_id"]):
        return HTML(result_html(check(what, lang), lang))
    tables = {**CHECKS, "plans_and_outcomes": plans_and_outcomes}
    if what in tables:
        return HTML(result_html(tables[what](lang), lang))
    raise UnknownChoiceError(
        f"{what!r} is neither a finding id nor a check; see histkit.load('findings') and findings.CHECKS."
    )


def kinds(lang: str = "en") -> HTML:
    """The kinds of finding, what each means and how many the text has, as a table."""
    return HTML(result_html(kinds_table(lang), lang))


def kinds_table(lang: str = "en") -> pd.DataFrame:
    """The kinds of finding, what each means, and how many the text has."""
    lang = check_lang(lang)
    counts = table(lang)["kind"].value_counts()
    return pd.DataFrame({
        t("col_kind", lang, LESSON): [t(f"kind_{k}", lang, LESSON) for k in KINDS],
        t("col_what", lang, LESSON): [t(f"about_{k}", lang, LESSON) for k in KINDS],
        t("number_of_findings", lang, LESSON): [int(counts.get(k, 0)) for k in KINDS],
    })  # fmt: skip


def summary(lang: str = "en") -> pd.DataFrame:
    """Findings by kind (rows) and verdict (columns), with totals."""
    lang = check_lang(lang)
    findings = table(lang)
    grid = pd.crosstab(findings["kind"], findings["verdict"]).reindex(
        index=list(KINDS), columns=list(VERDICTS), fill_value=0
    )
    grid[t("col_total", lang, LESSON)] = grid.sum(axis=1)
    grid.loc[t("col_total", lang, LESSON)] = grid.sum(axis=0)
    grid.index = [t(f"kind_{k}", lang, LESSON) if k in KINDS else k for k in grid.index]
    grid.columns = [t(f"verdict_{v}", lang, LESSON) if v in VERDICTS else v for v in grid.columns]
    grid.index.name = t("col_kind", lang, LESSON)
    grid.columns.name = None
    return grid


def corroboration(lang: str = "en", verdicts=("problem",)) -> HTML:
    """For each finding (by default, each problem): the sentences and the sources that could settle it."""
    lang = check_lang(lang)
    findings = table(lang)
    if verdicts:
        findings = findings[findings["verdict"].isin(list(verdicts))]
    frame = pd.DataFrame({
        "title": findings["title"], "kind": [t(f"kind_{k}", lang, LESSON) for k in findings["kind"]],
        "sentence_id": [s.replace(";", ", ") for s in findings["sentence_id"]], "corroborate": findings["corroborate"],
    })  # fmt: skip
    return HTML(result_html(frame, lang))


# --- Charts (matplotlib is imported here, not at module import) -------------------------------


def _number_ticks(ax, lang: str) -> None:
    """Value-axis tick labels written the lang way (a decimal comma in Kazakh)."""
    from matplotlib.ticker import FuncFormatter

    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _: fmt(value, lang)))


def stage_chart(lang: str = "en"):
    """The Turksib stages stacked in one bar against the printed total in another, with the gap marked."""
    from ...ui import charts

    lang = check_lang(lang)
    n = stage_numbers()
    stages = load("turksib_stages", lang=lang).sort_values(["side", "seq"])
    fig = charts.figure(8, 3.6)
    ax = charts.style_axes(fig.add_subplot(), grid="x")
    colours = {"north": [BLUE, SKY, BLUE_LIGHT], "south": [ORANGE, ORANGE_PALE]}
    left, values = 0.0, []
    for side in ("north", "south"):
        for number, st in enumerate(stages[stages["side"] == side].itertuples()):
            key = "north_stage" if side == "north" else "south_stage"
            colour = colours[side][number % len(colours[side])]
            period = st.period[:1].lower() + st.period[1:]
            bar = ax.barh(
                1,
                st.length_km,
                left=left,
                height=0.55,
                color=colour,
                edgecolor="white",
                label=t(key, lang, LESSON, period=period),
            )
            ax.bar_label(
                bar,
                [fmt(st.length_km, lang)],
                label_type="center",
                fontsize=9,
                color="white" if colour == BLUE else INK,
            )
            left += st.length_km
            values.append((t(key, lang, LESSON, period=period), fmt(st.length_km, lang)))
    total = ax.barh(0, n["total"], height=0.55, color=GREY)
    ax.bar_label(total, [fmt(n["total"], lang)], label_type="center", fontsize=10, color="white")
    ax.barh(
        1, n["gap"], left=n["together"], height=0.55, color="white", edgecolor=VERMILLION, hatch="///", linewidth=1.2
    )
    ax.annotate(
        t("gap_label", lang, LESSON, km=fmt(n["gap"], lang)),
        xy=(n["together"] + n["gap"] / 2, 1.3),
        xytext=(n["together"] + n["gap"] / 2, 1.62),
        ha="center",
        fontsize=9.5,
        color=VERMILLION_TEXT,
        arrowprops={"arrowstyle": "-", "color": VERMILLION},
    )
    ax.set_yticks(
        [0, 1], [charts.wrap(t("total_bar", lang, LESSON), 18), charts.wrap(t("stages_bar", lang, LESSON), 18)]
    )
    ax.set_xlim(0, n["total"] * 1.02)
    ax.set_ylim(-0.5, 1.85)
    _number_ticks(ax, lang)
    ax.set_xlabel(t("km", lang, LESSON))
    ax.legend(loc="upper left", bbox_to_anchor=(0, -0.28), ncol=2, fontsize=8.5, frameon=False)
    ids = charts.ids_of(stages) + [n["total_id"]]
    return charts.finish(
        fig,
        title=t("stage_title", lang, LESSON).replace("1445", fmt(n["total"], lang)),
        subtitle=t("stage_subtitle", lang, LESSON),
        ids=ids,
        lang=lang,
        kind="bar",
        values=[*values, (t("total_bar", lang, LESSON), fmt(n["total"], lang)), ("", ax.texts[-1].get_text())],
    )


def pace_chart(lang: str = "en"):
    """Tsarist average, Soviet maximum and stated average pace in km a day, with the stated maximum marked."""
    from ...ui import charts
    from .. import turksib

    lang = check_lang(lang)
    figures = load("turksib_figures", lang=lang).set_index("figure_id")
    rows = [("tsarist_rate", GREY), ("soviet_rate", BLUE), ("stated_average_rate", VERMILLION)]
    both = load("turksib_figures", lang="both").set_index("figure_id")
    values = [turksib.metres_per_day(key) / 1000 for key, _ in rows]
    labels = [
        charts.wrap(f"{figures.loc[key, 'label']} ({_qualifier(both.loc[key, 'qualifier'], lang)})", 34)
        for key, _ in rows
    ]
    fig = charts.figure(8, 3.4)
    ax = charts.style_axes(fig.add_subplot(), grid="x")
    bars = ax.barh(labels[::-1], values[::-1], color=[c for _, c in rows][::-1], height=0.55)
    ax.bar_label(bars, [fmt(v, lang) for v in values[::-1]], padding=4, fontsize=10)
    maximum = values[1]
    ax.axvline(maximum, color=BLUE, linestyle="--", linewidth=1)
    ax.text(maximum, 2.45, " " + t("pace_max_line", lang, LESSON), color=BLUE, fontsize=9, va="bottom")
    ax.set_xlim(0, max(values) * 1.2)
    ax.set_ylim(-0.5, 2.8)
    _number_ticks(ax, lang)
    unit = t("km_day", lang, LESSON)
    ax.set_xlabel(unit)
    ids = sorted({i for key, _ in rows for i in split_ids(both.loc[key, "sentence_id"])})
    return charts.finish(
        fig,
        title=t("pace_title", lang, LESSON),
        subtitle=t("pace_subtitle", lang, LESSON),
        ids=ids,
        lang=lang,
        kind="bar",
        values=[(label, f"{fmt(v, lang)} ({unit})") for label, v in zip(labels, values)],
    )


VERDICT_HATCHES = {"problem": "///", "unclear": "..", "holds": None, "standpoint": "xx"}
SIDE_HATCHES = {"d2": "///", "d1": None}  # other voices: dots


def findings_chart(lang: str = "en"):
    """Findings by kind, each bar split by what the check shows."""
    from ...ui import charts

    lang = check_lang(lang)
    findings = table(lang)
    grid = pd.crosstab(findings["kind"], findings["verdict"]).reindex(
        index=list(KINDS), columns=list(VERDICTS), fill_value=0
    )
    grid = grid.iloc[::-1]
    colours = {"problem": VERMILLION, "unclear": ORANGE, "holds": GREEN, "standpoint": BLUE}
    fig = charts.figure(9, 5.6)
    ax = charts.style_axes(fig.add_subplot(), grid="x")
    labels = [charts.wrap(t(f"kind_{k}", lang, LESSON), 42) for k in grid.index]
    left = pd.Series(0, index=grid.index)
    for verdict in VERDICTS:
        ax.barh(
            labels,
            grid[verdict],
            left=left,
            color=colours[verdict],
            height=0.6,
            label=t(f"verdict_{verdict}", lang, LESSON),
            edgecolor="white",
            hatch=VERDICT_HATCHES[verdict],  # a pattern as well as a colour, for readers who do not see colour
        )
        left = left + grid[verdict]
    for y, total in enumerate(left):
        ax.text(total + 0.15, y, str(int(total)), va="center", fontsize=9.5)
    ax.set_xlim(0, left.max() + 1.5)
    ax.set_xlabel(t("number_of_findings", lang, LESSON))
    ax.tick_params(axis="y", labelsize=9)
    ax.legend(loc="lower right", fontsize=9, frameon=False)
    ids = charts.ids_of(findings)
    fig = charts.finish(
        fig,
        title=t("findings_title", lang, LESSON),
        subtitle=t("findings_subtitle", lang, LESSON),
        ids=ids,
        lang=lang,
        kind="bar",
        values=[
            (label, ", ".join(f"{t(f'verdict_{v}', lang, LESSON)} {grid.loc[kind, v]}" for v in VERDICTS))
            for kind, label in list(zip(grid.index, labels))[::-1]
        ],
        note=t("findings_note", lang, LESSON),
    )
    return fig


def voices_chart(lang: str = "en"):
    """Words quoted per speaker, from the quotations table."""
    from ...ui import charts

    lang = check_lang(lang)
    from matplotlib.patches import Patch

    table_ = voices(lang).iloc[::-1]
    fig = charts.figure(8.5, 0.36 * len(table_) + 2.2)
    ax = charts.style_axes(fig.add_subplot(), grid="x")
    side = {"d2": VERMILLION, "d1": BLUE}
    colours = [side.get(d, GREY) for d in table_["direction_id"]]
    hatches = [SIDE_HATCHES.get(d, "..") for d in table_["direction_id"]]
    bars = ax.barh(
        [charts.wrap(s, 44) for s in table_["speaker"]],
        table_["words"],
        color=colours,
        height=0.6,
        hatch=hatches,
        edgecolor="white",
    )
    ax.bar_label(bars, [str(int(w)) for w in table_["words"]], padding=3, fontsize=9)
    ax.set_xlim(0, table_["words"].max() * 1.12)
    ax.tick_params(axis="y", labelsize=8.5)
    ax.set_xlabel(t("words_quoted", lang, LESSON))
    handles = [
        Patch(facecolor=side["d2"], edgecolor="white", hatch="///", label=t("voices_d2", lang, LESSON)),
        Patch(facecolor=side["d1"], edgecolor="white", label=t("voices_d1", lang, LESSON)),
        Patch(facecolor=GREY, edgecolor="white", hatch="..", label=t("voices_other", lang, LESSON)),
    ]
    ax.legend(handles=handles, loc="lower right", fontsize=9, frameon=False)
    sides = {"d2": t("voices_d2", lang, LESSON), "d1": t("voices_d1", lang, LESSON)}
    fig = charts.finish(
        fig,
        title=t("voices_title", lang, LESSON),
        subtitle=t("voices_subtitle", lang, LESSON),
        ids=charts.ids_of(table_),
        lang=lang,
        kind="bar",
        values=[
            (row.speaker, f"{int(row.words)} ({sides.get(row.direction_id, t('voices_other', lang, LESSON))})")
            for row in table_[::-1].itertuples()
        ],
    )
    return fig


# --- The widget -----------------------------------------------------------------------------


def _options(kind: str, lang: str) -> list[tuple[str, str]]:
    findings = table(lang)
    chosen = findings[findings["kind"] == kind]
    return list(zip(chosen["title"], chosen["finding_id"]))


def explorer(lang: str = "en", finding_id: str | None = None):
    """Pick a kind of finding, then a finding: see its sentences, its calculation (computed now) and the conclusion."""
    import ipywidgets as widgets

    from ...ui.widgets import PrintableBox, labelled

    lang = check_lang(lang)
    findings = table(lang)
    finding_id = finding_id or findings["finding_id"].iloc[0]
    start_kind = findings.set_index("finding_id").loc[finding_id, "kind"]
    kinds = [k for k in KINDS if k in set(findings["kind"])]
    wide = widgets.Layout(width="auto", min_width="28em")
    kind = widgets.Dropdown(
        options=[(t(f"kind_{k}", lang, LESSON), k) for k in kinds],
        value=start_kind,
        **labelled(t("kind", lang, LESSON), lang),
        layout=wide,
    )
    choice = widgets.Dropdown(
        options=_options(start_kind, lang), value=finding_id, **labelled(t("finding", lang, LESSON), lang), layout=wide
    )
    kind.add_class("histkit-kind")
    choice.add_class("histkit-finding")
    page = widgets.HTML(finding_html(finding_id, lang))
    shown = {"id": finding_id}

    def redraw(new_id):
        if new_id is not None and new_id != shown["id"]:
            page.value = finding_html(new_id, lang)
            shown["id"] = new_id

    def on_kind(change):
        options = _options(change["new"], lang)
        choice.options = options  # ipywidgets moves the value to the first option, which calls on_finding
        if choice.value not in [v for _, v in options]:
            choice.value = options[0][1]
        redraw(choice.value)

    def on_finding(change):
        redraw(change["new"])

    kind.observe(on_kind, names="value")
    choice.observe(on_finding, names="value")
    box = PrintableBox(
        [widgets.VBox([kind, choice]), page],
        lang=lang,
        layout=widgets.Layout(border=f"1px solid {SILVER}", padding="0.6em"),
    )
    box.add_class("histkit-findings")
    return box
