"""The house style of every chart, and the charts shared by several lessons.

Every chart function returns a matplotlib ``Figure`` built with the object API
(no pyplot, no global state), titled in the chosen language, with a footer
that cites the sentences of the rows it draws. Colours are the Okabe–Ito
palette, which stays distinct for colour-blind readers. matplotlib's bundled
DejaVu Sans has every Kazakh letter (Қ Ә Ғ Ү Ұ І Ң Ө Һ).
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from .. import load
from ..parsing import split_ids
from .palette import BLUE, DARK_GREY, GREEN, GREY, LIGHT_GREY, ORANGE, PURPLE, SKY, VERMILLION
from .words import check_lang, number, t

FONT = "DejaVu Sans"

CATEGORY_COLORS = {
    "policy": BLUE,
    "debate": VERMILLION,
    "economy": ORANGE,
    "industry": GREEN,
    "turksib": PURPLE,
    "labour": SKY,
}


def figure(width: float = 8.0, height: float = 4.5) -> Figure:
    """A new, empty figure in the house size and layout."""
    return Figure(figsize=(width, height), dpi=100, layout="constrained", facecolor="white")


def style_axes(ax: Axes, *, grid: str | None = "x") -> Axes:
    """Quiet axes: no top or right frame, light grid lines on the value axis."""
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(GREY)
    ax.tick_params(colors=DARK_GREY, labelsize=10)
    if grid:
        ax.grid(axis=grid, color=LIGHT_GREY, linewidth=0.8)
        ax.set_axisbelow(True)
    return ax


def compact_ids(ids: Iterable[str]) -> str:
    """Sentence ids in reading order, runs shortened: s117, s118, s119, s123 gives 's117–s119, s123'."""
    numbers = sorted({int(i[1:]) for i in ids})
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(
        f"s{r[0]:03d}" if len(r) == 1 else f"s{r[0]:03d}, s{r[1]:03d}" if len(r) == 2 else f"s{r[0]:03d}–s{r[-1]:03d}"
        for r in runs
    )


def ids_of(*tables: pd.DataFrame | pd.Series) -> list[str]:
    """Every sentence id cited by the rows of the given tables."""
    found = []
    for table in tables:
        cells = [table["sentence_id"]] if isinstance(table, pd.Series) else table["sentence_id"]
        found += [i for cell in cells for i in split_ids(cell)]
    return sorted(set(found))


def source_footer(ids: Iterable[str], lang: str = "en") -> str:
    """The footer line that cites the sentences a chart draws from."""
    ids = list(ids)
    key = "source_one" if len(set(ids)) == 1 else "source_many"
    return t(key, lang, ids=compact_ids(ids))


def finish(
    fig: Figure, *, title: str, ids: Iterable[str], lang: str, subtitle: str | None = None, note: str | None = None
) -> Figure:
    """Add the title at the top, the subtitle over the first axes, and the source footer at the bottom."""
    fig.suptitle(title, x=0.01, ha="left", fontsize=14, fontweight="bold", fontfamily=FONT)
    if subtitle:
        fig.axes[0].set_title(subtitle, loc="left", fontsize=10, color=GREY, fontfamily=FONT, wrap=True)
    per_line = int(fig.get_figwidth() * 13)  # characters of 8.5 pt text that fit across the figure
    lines = [source_footer(ids, lang)] + (note.split("\n") if note else [])
    footer = "\n".join(wrap(line, per_line) for line in lines)
    fig.supxlabel(footer, x=0.01, ha="left", fontsize=8.5, color=GREY, fontfamily=FONT)
    fig.source_ids = sorted(set(ids))  # what the footer cites, for tests and teachers
    return fig


def wrap(label: str, width: int = 40) -> str:
    """Break a long label over lines."""
    return "\n".join(textwrap.wrap(label, width)) or label


# --- Charts shared by several lessons ---------------------------------------------------


def economy_chart(lang: str = "en") -> Figure:
    """Agriculture's share of output and the rural share of population, mid-1920s (s024)."""
    lang = check_lang(lang)
    rows = load("economy_1920s", lang=lang)
    rows = rows[rows["unit"] == t("per_cent", lang)].iloc[::-1]
    fig = figure(8, 3.2)
    ax = style_axes(fig.add_subplot())
    labels = [wrap(label, 34) for label in rows["label"]]
    ax.barh(labels, [100] * len(rows), color=LIGHT_GREY, height=0.55)
    bars = ax.barh(labels, rows["value"], color=[GREEN, ORANGE][: len(rows)], height=0.55)
    ax.bar_label(bars, [f"{number(v, lang)}%" for v in rows["value"]], label_type="edge", padding=4, fontsize=11)
    ax.set_xlim(0, 100)
    ax.set_xlabel(t("per_cent", lang))
    return finish(
        fig, title=t("economy_title", lang), subtitle=t("economy_subtitle", lang), ids=ids_of(rows), lang=lang
    )


def _given(value, default: int) -> int:
    return default if pd.isna(value) else int(value)


def _event_span(event) -> tuple[float, float]:
    """Start and end of an event in fractional years; the width shows how precise the date is."""
    start = event.year + (_given(event.month, 1) - 1) / 12 + (_given(event.day, 1) - 1) / 365
    if pd.notna(event.year_end):
        end = event.year_end + (_given(event.month_end, 12) - 1) / 12 + _given(event.day_end, 28) / 365
    elif pd.notna(event.day):
        end = start + 1 / 365
    elif pd.notna(event.month):
        end = start + 1 / 12
    else:
        end = start + 1
    return float(start), float(end)


def timeline_chart(events: pd.DataFrame | None = None, lang: str = "en") -> Figure:
    """The dated events of the text on one time axis, one row each; planned dates are hatched."""
    lang = check_lang(lang)
    events = load("events", lang=lang) if events is None else events
    dated = events[events["year"].notna()].copy()
    dated[["start", "end"]] = [list(_event_span(e)) for e in dated.itertuples()]
    dated = dated.sort_values(["start", "end"])
    fig = figure(10, 0.42 * len(dated) + 1.9)
    ax = style_axes(fig.add_subplot(), grid="x")
    for row, event in enumerate(dated.itertuples()):
        color = CATEGORY_COLORS[event.category]
        planned = event.status == "planned"
        width = max(event.end - event.start, 0.04)
        ax.barh(
            row,
            width,
            left=event.start,
            height=0.5,
            color="white" if planned else color,
            edgecolor=color,
            hatch="///" if planned else None,
            linewidth=1.2,
        )
    ax.set_yticks(range(len(dated)), [wrap(e.label, 48) for e in dated.itertuples()], fontsize=9)
    ax.invert_yaxis()
    first, last = math.floor(dated["start"].min()), math.ceil(dated["end"].max())
    ax.set_xlim(first, last)
    ax.set_xticks(range(first, last + 1))
    ax.set_xlabel(t("year", lang))
    used = [c for c in CATEGORY_COLORS if c in set(dated["category"])]
    handles = [Patch(color=CATEGORY_COLORS[c], label=t(f"category_{c}", lang)) for c in used]
    if (dated["status"] == "planned").any():
        handles.append(Patch(facecolor="white", edgecolor=GREY, hatch="///", label=t("planned", lang)))
    ax.legend(handles=handles, loc="upper right", fontsize=9, frameon=False)
    title = t("timeline_title", lang, first=first, last=last - 1)
    return finish(fig, title=title, subtitle=t("timeline_subtitle", lang), ids=ids_of(dated), lang=lang)
