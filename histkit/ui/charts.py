"""The house style of every chart, and the charts shared by several lessons.

Every chart function returns a :class:`Chart` (a matplotlib ``Figure``) built with the object API
(no pyplot, no global state), titled in the chosen language, with a footer
that cites the sentences of the rows it draws, and a text alternative written
from the values it draws (``alt``): :func:`finish` requires them, so no chart
exists without one. Colours are the Okabe–Ito palette, which stays distinct
for colour-blind readers. matplotlib's bundled DejaVu Sans has every Kazakh
letter (Қ Ә Ғ Ү Ұ І Ң Ө Һ).
"""

from __future__ import annotations

import base64
import html
import io
import math
import textwrap
from collections.abc import Iterable

import pandas as pd
import PIL.Image
from matplotlib.axes import Axes
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from .. import HistkitError, load
from ..parsing import split_ids
from .palette import BLUE, DARK_GREY, GREEN, GREY, INK, LIGHT_GREY, ORANGE, PURPLE, SKY, VERMILLION
from .words import Words, bind, check_lang, date_words, number, t

FONT = "DejaVu Sans"

CATEGORY_COLORS = {
    "policy": BLUE,
    "debate": VERMILLION,
    "economy": ORANGE,
    "industry": GREEN,
    "turksib": PURPLE,
    "labour": SKY,
}


TABLE_FROM = 5  # a chart drawing this many values or more offers them as a table too


class Chart(Figure):
    """A house-style figure. In a notebook it shows as an image with its text alternative (``alt``,
    for screen readers and text views) and, when it draws many values, a "show the numbers" table."""

    alt = ""
    values: tuple[tuple[str, str], ...] = ()
    lang = "en"

    def _repr_html_(self) -> str:
        if not self.alt:
            raise HistkitError("This chart has no text alternative: build it with histkit.ui.charts.finish().")
        picture = base64.b64encode(small_png(png(self))).decode("ascii")
        return (
            f"<figure class='histkit-chart' lang='{self.lang}' style='margin:0'>"
            f"<img src='data:image/png;base64,{picture}' alt='{html.escape(self.alt)}' "
            f"width='{round(self.bbox.width)}' style='max-width:100%;height:auto'>{numbers_table(self)}</figure>"
        )

    def _repr_pretty_(self, printer, cycle) -> None:
        printer.text(self.alt)  # the plain-text form of the chart: its description

    def _ipython_display_(self) -> None:
        """Show the chart once: its HTML (picture, text alternative, numbers) and its description as text.
        Without this, matplotlib's inline backend would draw the figure a second time for an image/png."""
        from IPython.display import display

        display({"text/html": self._repr_html_(), "text/plain": self.alt}, raw=True)


def figure(width: float = 8.0, height: float = 4.5) -> Chart:
    """A new, empty figure in the house size and layout."""
    return Chart(figsize=(width, height), dpi=100, layout="constrained", facecolor="white")


def png(fig: Figure) -> bytes:
    """The figure as PNG bytes, at its own size."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", facecolor=fig.get_facecolor())
    return buffer.getvalue()


def small_png(picture: bytes) -> bytes:
    """The picture as a 256-colour PNG: a quarter of the bytes for a chart, so notebooks stay small."""
    image = PIL.Image.open(io.BytesIO(picture)).convert("RGB").quantize(256, method=PIL.Image.Quantize.FASTOCTREE)
    buffer = io.BytesIO()
    image.save(buffer, format="png", optimize=True)
    return buffer.getvalue()


def describe(fig: Figure, values: Iterable[tuple[str, str]]) -> str:
    """Write the chart's text alternative from the values it draws now: call it on every redraw.

    values: (label, value as shown) pairs, in the chart's language. The description says what kind of
    chart it is, its title, the values and the sentences they come from (or, for a chart of other
    sources, its ``source_line``: the mark and the works cited).
    """
    fig.values = [(" ".join(str(label).split()), " ".join(str(value).split())) for label, value in values]
    if not fig.values:
        raise HistkitError("A chart needs the values it draws, to describe them to readers who cannot see it.")
    say = fig.words
    fig.alt = say(
        "chart_description",
        kind=say(f"chart_{fig.kind}"),
        title=" ".join(fig.title.split()) + ("" if fig.title.rstrip()[-1:] in ".?!" else "."),
        values="; ".join(f"{label}: {value}" if label else value for label, value in fig.values),
        source=getattr(fig, "source_line", "") or source_footer(fig.source_ids, say),
    ).replace("..", ".")  # a title, value or source line that ends a sentence of its own
    return fig.alt


def bar_values(ax: Axes) -> list[tuple[str, str]]:
    """The (label, value) pairs of a horizontal bar chart as drawn: each row's tick label, and the texts
    written on that row (the values shown at its bars), for charts whose labels already say it all."""
    pairs = []
    for y, tick in zip(ax.get_yticks(), ax.get_yticklabels()):
        on_row = [
            text.get_text()
            for text in ax.texts
            if text.get_visible()
            and text.get_text().strip()
            and abs(getattr(text, "xy", text.get_position())[1] - y) < 0.05
        ]
        pairs.append((tick.get_text(), ", ".join(on_row)))
    return pairs


def numbers_table(fig: Chart) -> str:
    """The values a chart draws as an HTML table behind a "show the numbers" switch (a <details>:
    no script, operable by keyboard); nothing when the chart draws only a few."""
    if len(fig.values) < TABLE_FROM:
        return ""
    rows = "".join(
        f"<tr><td>{html.escape(label)}</td><td>{html.escape(value)}</td></tr>" for label, value in fig.values
    )
    return (
        f"<details class='histkit-numbers'><summary>{html.escape(fig.words('show_numbers'))}</summary>"
        f"<table><caption>{html.escape(fig.title)}</caption>{rows}</table></details>"
    )


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


def source_footer(ids: Iterable[str], lang: str | Words = "en") -> str:
    """The footer line that cites the sentences a chart draws from."""
    ids = list(ids)
    key = "source_one" if len(set(ids)) == 1 else "source_many"
    return bind(lang)(key, ids=compact_ids(ids))


def finish(
    fig: Figure,
    *,
    title: str,
    ids: Iterable[str],
    lang: str,
    kind: str,
    values: Iterable[tuple[str, str]],
    subtitle: str | None = None,
    note: str | None = None,
) -> Figure:
    """Add the title at the top, the subtitle over the first axes, the source footer at the bottom, and
    the text alternative: kind ("bar", "line", "timeline", "map") and the (label, value) pairs drawn."""
    fig.suptitle(title, x=0.01, ha="left", fontsize=14, fontweight="bold", fontfamily=FONT)
    if subtitle:
        fig.axes[0].set_title(subtitle, loc="left", fontsize=10, color=GREY, fontfamily=FONT, wrap=True)
    per_line = int(fig.get_figwidth() * 13)  # characters of 8.5 pt text that fit across the figure
    fig.words = words = bind(lang)  # the language, checked once: describe() runs on every redraw
    lines = [source_footer(ids, words)] + (note.split("\n") if note else [])
    footer = "\n".join(wrap(line, per_line) for line in lines)
    fig.supxlabel(footer, x=0.01, ha="left", fontsize=8.5, color=GREY, fontfamily=FONT)
    fig.source_ids = sorted(set(ids))  # what the footer cites, for tests and teachers
    fig.lang, fig.kind, fig.title = words.lang, kind, title
    describe(fig, values)
    return fig


def wrap(label: str, width: int = 40) -> str:
    """Break a long label over lines."""
    return "\n".join(textwrap.wrap(label, width)) or label


# --- Charts shared by several lessons ---------------------------------------------------


def contrast(one, other) -> float:
    """WCAG 2.1 contrast ratio of two opaque colours: 1 (none) to 21 (black on white)."""

    def luminance(colour) -> float:
        r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in to_rgb(colour))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_on(fill) -> str:
    """White or ink, whichever reads better on a fill colour."""
    return "white" if contrast("white", fill) >= contrast(INK, fill) else INK


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
        fig,
        title=t("economy_title", lang),
        subtitle=t("economy_subtitle", lang),
        ids=ids_of(rows),
        lang=lang,
        kind="bar",
        values=[(label, f"{number(v, lang)}%") for label, v in zip(rows["label"][::-1], rows["value"][::-1])],
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
    values = [(e.label, event_date(e, lang)) for e in dated.itertuples()]
    return finish(
        fig,
        title=title,
        subtitle=t("timeline_subtitle", lang),
        ids=ids_of(dated),
        lang=lang,
        kind="timeline",
        values=values,
    )


def event_date(event, lang: str) -> str:
    """When an event happened, in words, as precise as the text gives it; planned ones say so."""
    given = [None if pd.isna(part) else int(part) for part in (event.year, event.month, event.day)]
    when = date_words(*given, lang=lang)
    if pd.notna(event.year_end):
        ends = [None if pd.isna(part) else int(part) for part in (event.year_end, event.month_end, event.day_end)]
        when += "–" + date_words(*ends, lang=lang)
    return f"{when} ({t('planned', lang)})" if event.status == "planned" else when
