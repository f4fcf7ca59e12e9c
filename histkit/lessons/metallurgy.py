"""Lesson 03: metallurgy and the raw-material economy (what Kazakhstan produced and where it went).

Pure functions return DataFrames, Figures or HTML strings; the one widget,
:func:`enterprise_explorer`, only wires toggle buttons to :class:`EnterpriseMap`
and shows it through :class:`histkit.ui.widgets.FigureView`. Every figure on
screen is read from the data tables (enterprises, output_growth, ussr_shares,
rankings, shipments, expeditions, quotations, people, workforce), and every
chart's footer cites the sentences of the rows it draws.
"""

from __future__ import annotations

import html
from functools import lru_cache

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.text import Annotation

from .. import load, sentence
from ..parsing import split_ids
from ..ui import maps
from ..ui.charts import FONT, compact_ids, describe, figure, finish, ids_of, source_footer, style_axes, wrap
from ..ui.display import HTML, in_lang, scroll_box
from ..ui.palette import (
    BLACK,
    BLUE,
    CHARCOAL,
    DARK_GREY,
    GREEN,
    GREY,
    LIGHT_GREY,
    MID_GREY,
    ORANGE,
    PAPER,
    PURPLE,
    SKY,
    SNOW,
    STONE,
    TEXT_GREY,
    VERMILLION,
    VERMILLION_TEXT,
)
from ..ui.words import check_lang, number, t

LESSON = "metallurgy"  # this lesson's words: histkit/ui/text/metallurgy.toml


GROUP_COLORS = {
    "non-ferrous metals": VERMILLION,
    "fuel": BLACK,
    "food": GREEN,
    "light industry": PURPLE,
    "timber": ORANGE,
    "chemicals": BLUE,
    "building materials": SKY,
}
ACTION_MARKERS = {"revived": "D", "restored": "s", "newly_built": "o", "re_equipped": "^"}
PERIODS = ("nep", "fyp1", "prewar")
MARKER_SIZE = 72
STEP = 0.62  # degrees of longitude between markers that share a place

# Where each place's name goes, in points from its point (dx, dy); the default is (5, 3).
LABEL_OFFSETS = {
    "altai": (-6, -4),
    "ridder": (-2, 7),
    "zyryanov": (6, -5),
    "semey": (-6, 4),
    "almaty": (4, -6),
    "ile_sawmill": (-6, 4),
    "taldykorgan": (6, 0),
    "shymkent": (-5, -5),
    "ashchysai": (-6, 3),
    "zhambyl": (0, 7),
    "merke": (5, -6),
    "karsakpai": (-6, 3),
    "zhezkazgan": (6, -4),
    "balkhash": (6, 3),
    "karaganda": (6, 3),
    "central_kazakhstan": (6, -6),
    "emba": (0, 8),
    "atyrau": (-6, -4),
    "oral": (-6, 4),
    "aktobe": (6, 3),
    "petropavl": (6, 3),
    "stepnyak": (6, 3),
}


def group_label(group: str, lang: str) -> str:
    return t(f"group_{group}", lang, LESSON)


# --- The enterprises -------------------------------------------------------------------


def enterprises(lang: str = "en") -> pd.DataFrame:
    """Every enterprise row with its industry, group, action, period and place (lat/lon empty when the text gives none)."""
    lang = check_lang(lang)
    rows = load("enterprises", lang=lang)
    industries = load("industries", lang=lang)[["industry_id", "label", "group"]].rename(columns={"label": "industry"})
    actions = load("actions", lang=lang)[["action_id", "label"]].rename(
        columns={"action_id": "action", "label": "action_label"}
    )
    periods = load("periods", lang=lang)[["period_id", "label"]].rename(columns={"label": "period"})
    places = load("places", lang=lang)[["place_id", "name", "lat", "lon"]].rename(columns={"name": "place"})
    table = (
        rows.merge(industries, on="industry_id", how="left")
        .merge(actions, on="action", how="left")
        .merge(periods, on="period_id", how="left")
        .merge(places, on="place_id", how="left")
    )
    table["group_label"] = [group_label(g, lang) for g in table["group"]]
    table.attrs = {"dataset": "enterprises", "lang": lang}
    return table


def select(table: pd.DataFrame, group: str = "all", period: str = "all") -> pd.DataFrame:
    """The rows of one industry group and one period ('all' keeps every one)."""
    keep = pd.Series(True, index=table.index)
    if group != "all":
        keep &= table["group"] == group
    if period != "all":
        keep &= table["period_id"] == period
    return table[keep]


def marker_positions(rows: pd.DataFrame, step: float = STEP) -> np.ndarray:
    """(lon, lat) of each row's marker; rows at the same place stand side by side, in period order."""
    lon = rows["lon"].to_numpy(dtype=float).copy()
    lat = rows["lat"].to_numpy(dtype=float)
    for _, where in rows.reset_index(drop=True).groupby("place_id", sort=False).indices.items():
        if len(where) > 1:
            lon[where] += (np.arange(len(where)) - (len(where) - 1) / 2) * step
    return np.column_stack([lon, lat])


def shared_places(rows: pd.DataFrame) -> list[str]:
    """Names of the places that more than one row of rows names."""
    placed = rows[rows["place_id"].notna()]
    counts = placed.groupby("place_id", sort=False)["place"].agg(["first", "size"])
    return list(counts[counts["size"] > 1]["first"])


def counts_by_period(lang: str = "en", action: str | None = None) -> pd.DataFrame:
    """How many rows the text gives per industry group and period (optionally for one action only)."""
    lang = check_lang(lang)
    table = enterprises(lang)
    if action is not None:
        table = table[table["action"] == action]
    periods = load("periods", lang=lang)
    counts = pd.crosstab(table["group"], table["period_id"])
    counts = counts.reindex(columns=[p for p in periods["period_id"] if p in counts.columns], fill_value=0)
    counts = counts.reindex([g for g in GROUP_COLORS if g in counts.index])
    counts.columns = [periods.set_index("period_id").loc[p, "label"] for p in counts.columns]
    counts.index = [group_label(g, lang) for g in counts.index]
    counts.loc[t("count_total", lang, LESSON)] = counts.sum()
    counts.index.name = t("industry", lang, LESSON)
    return counts


def _legend_handles(table: pd.DataFrame, lang: str):
    placed = table[table["lat"].notna()]
    groups = [g for g in GROUP_COLORS if g in set(placed["group"])]
    colour = [Patch(facecolor=GROUP_COLORS[g], edgecolor="white", label=group_label(g, lang)) for g in groups]
    labels = table.drop_duplicates("action").set_index("action")["action_label"]
    shape = [
        Line2D([], [], linestyle="", marker=ACTION_MARKERS[a], markersize=8, markerfacecolor=STONE,
               markeredgecolor="white", label=labels[a])
        for a in ACTION_MARKERS if a in labels.index
    ]  # fmt: skip
    return colour, shape


class EnterpriseMap:
    """The enterprise map, built once; :meth:`show` changes only its dynamic artists.

    One scatter (PathCollection) per action, whose offsets and colours change;
    one label per place, shown or hidden; the subtitle and the source footer.
    """

    def __init__(self, lang: str = "en"):
        self.lang = lang = check_lang(lang)
        self.table = enterprises(lang)
        self.period_labels = dict(zip(self.table["period_id"], self.table["period"]))
        self.figure, self.ax = maps.map_figure(9.6, 6.4)
        ax = self.ax
        self.scatters = {
            action: ax.scatter([], [], s=MARKER_SIZE, marker=marker, edgecolors="white", linewidths=0.9, zorder=4)
            for action, marker in ACTION_MARKERS.items()
        }
        placed = self.table[self.table["lat"].notna()].drop_duplicates("place_id")
        self.labels = {}
        for place in placed.itertuples():
            dx, dy = LABEL_OFFSETS.get(place.place_id, (5, 3))
            self.labels[place.place_id] = ax.annotate(
                place.place, (place.lon, place.lat), xytext=(dx, dy), textcoords="offset points", fontsize=8.5,
                fontfamily=FONT, color=CHARCOAL, ha="center" if dx == 0 else "left" if dx > 0 else "right",
                va="bottom" if dy >= 0 else "top", zorder=5,
            )  # fmt: skip
        colour, shape = _legend_handles(self.table, lang)
        first = ax.legend(
            handles=colour,
            title=t("legend_group", lang, LESSON),
            loc="upper left",
            fontsize=8.5,
            title_fontsize=9,
            frameon=True,
            framealpha=0.92,
            edgecolor=LIGHT_GREY,
            ncols=2,
        )
        ax.add_artist(first)
        ax.legend(
            handles=shape,
            title=t("legend_action", lang, LESSON),
            loc="upper right",
            fontsize=8.5,
            title_fontsize=9,
            frameon=True,
            framealpha=0.92,
            edgecolor=LIGHT_GREY,
        )
        self.subtitle = ax.set_title(" ", loc="left", fontsize=10, color=GREY, fontfamily=FONT)
        finish(
            self.figure,
            title=t("map_title", lang, LESSON),
            ids=ids_of(self.table),
            lang=lang,
            kind="map",
            values=self._values(self.table),
            note=self._note(self.table),
        )
        # The footer's notes are static; its first line, the sources of the rows shown, is a separate text
        # anchored to the footer's top-left corner, so a redraw renders one short line instead of the whole footer.
        self.footer = self.figure._supxlabel
        self.footer.set_text(" \n" + self._note(self.table))
        self.sources = Annotation(
            " ", xy=(0, 1), xycoords=self.footer, ha="left", va="top", fontsize=8.5, color=GREY, fontfamily=FONT
        )
        self.figure.add_artist(self.sources)
        self.dynamic = [*self.scatters.values(), self.subtitle, self.sources]
        self.toggled = list(self.labels.values())  # place labels only appear and disappear: rendered once
        self.rows = self.show()

    def _note(self, rows: pd.DataFrame) -> str:
        lang = self.lang
        lines = [maps.map_note(lang)]
        unplaced = rows[rows["lat"].isna()]
        if len(unplaced):
            lines.append(
                t("unplaced", lang, LESSON, names=", ".join(unplaced["name"]), ids=compact_ids(ids_of(unplaced)))
            )
        shared = shared_places(rows)
        if shared:
            lines.append(t("shared", lang, LESSON, names=", ".join(shared)))
        return "\n".join(lines)

    def show(self, group: str = "all", period: str = "all") -> pd.DataFrame:
        """Draw only the rows of one industry group and one period; return those rows."""
        lang = self.lang
        rows = select(self.table, group, period)
        placed = rows[rows["lat"].notna()]
        positions = marker_positions(placed)
        for action, scatter in self.scatters.items():
            mine = (placed["action"] == action).to_numpy()
            scatter.set_offsets(positions[mine] if mine.any() else np.empty((0, 2)))
            scatter.set_facecolors([GROUP_COLORS[g] for g in placed["group"][mine]] or "none")
        shown = set(placed["place_id"])
        for place_id, label in self.labels.items():
            label.set_visible(place_id in shown)
        period_label = t("all_periods", lang, LESSON) if period == "all" else self.period_labels[period]
        group_text = t("all_groups", lang, LESSON) if group == "all" else group_label(group, lang)
        key = "map_subtitle" if len(rows) else "map_empty"
        self.subtitle.set_text(
            t(
                key,
                lang,
                LESSON,
                period=period_label,
                group=group_text,
                n=len(rows),
                total=len(self.table),
                placed=len(placed),
            )
        )
        ids = ids_of(placed)
        self.sources.set_text(source_footer(ids, lang) if ids else t("no_footer", lang, LESSON))
        self.figure.source_ids = ids
        describe(self.figure, [("", self.subtitle.get_text()), *self._values(placed)])
        self.rows = rows
        return rows

    def _values(self, placed: pd.DataFrame) -> list[tuple[str, str]]:
        """What the map shows, for its text alternative: each enterprise, where, what happened, when."""
        return [(row.name, f"{row.place}, {row.action_label}, {row.period}") for row in placed.itertuples()]


def enterprise_map(lang: str = "en", group: str = "all", period: str = "all") -> Figure:
    """The enterprise map for one industry group and one period, as a Figure."""
    drawing = EnterpriseMap(lang)
    drawing.show(group, period)
    return drawing.figure


@lru_cache(maxsize=2)
def _sentence_texts(lang: str) -> dict[str, str]:
    sentences = load("sentences", lang=lang)
    return dict(zip(sentences["sentence_id"], sentences["text"]))


def _sentence_link(ids: str, lang: str) -> str:
    """Sentence ids that show their sentence (in lang) when the pointer rests on them."""
    texts = _sentence_texts(lang)
    return ", ".join(f"<abbr title='{html.escape(texts[i], quote=True)}'>{i}</abbr>" for i in split_ids(ids))


def enterprise_table_html(rows: pd.DataFrame, lang: str = "en", total: int | None = None) -> str:
    """The rows shown on the map as an HTML table, each with its sentence ids (hover to read the sentence)."""
    lang = check_lang(lang)
    total = len(enterprises(lang)) if total is None else total
    if rows.empty:
        return f"<p lang='{lang}' style='color:{MID_GREY}'>{html.escape(t('table_empty', lang, LESSON))}</p>"
    columns = ["col_name", "col_industry", "col_action", "col_period", "col_place", "col_sentence", "col_note"]
    head = "".join(
        f"<th style='text-align:left;padding:2px 8px'>{html.escape(t(c, lang, LESSON))}</th>" for c in columns
    )
    body = []
    for row in rows.itertuples():
        place = (
            html.escape(row.place)
            if isinstance(row.place, str)
            else f"<i>{html.escape(t('not_stated', lang, LESSON))}</i>"
        )
        cells = [
            html.escape(row.name),
            html.escape(row.industry),
            html.escape(row.action_label),
            html.escape(row.period),
            place,
            _sentence_link(row.sentence_id, lang),
        ]
        cells.append(html.escape(row.note) if isinstance(row.note, str) else "")
        dot = f"<span style='color:{GROUP_COLORS[row.group]}'>●</span> "
        cells[0] = dot + cells[0]
        body.append(
            "<tr>"
            + "".join(f"<td style='text-align:left;padding:2px 8px;vertical-align:top'>{c}</td>" for c in cells)
            + "</tr>"
        )
    caption = (
        html.escape(t("table_caption", lang, LESSON, n=len(rows), total=total))
        + " "
        + html.escape(t("hover_hint", lang, LESSON))
    )
    table = scroll_box(
        "<table style='border-collapse:collapse;font-size:0.9em;line-height:1.35'>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>",
        lang,
        "overflow:auto;max-width:100%;max-height:26em",
    )
    return in_lang(f"<p style='color:{MID_GREY};margin:0.3em 0'>{caption}</p>{table}", lang)


def enterprise_explorer(lang: str = "en"):
    """The enterprise map with filters by period and industry group, and the table of the rows shown."""
    import ipywidgets as widgets

    from ..ui.widgets import FigureView, PrintableBox, labelled

    lang = check_lang(lang)
    drawing = EnterpriseMap(lang)
    view = FigureView(drawing.figure, dynamic=drawing.dynamic, toggled=drawing.toggled)
    period = widgets.ToggleButtons(
        options=[(t("all_periods", lang, LESSON), "all")] + [(label, key) for key, label in drawing.period_labels.items()],
        value="all", **labelled(t("period", lang, LESSON), lang), style={"button_width": "auto", "description_width": "5em"},
    )  # fmt: skip
    groups = [g for g in GROUP_COLORS if g in set(drawing.table["group"])]
    group = widgets.ToggleButtons(
        options=[(t("all_groups", lang, LESSON), "all")] + [(group_label(g, lang), g) for g in groups],
        value="all", **labelled(t("industry", lang, LESSON), lang), style={"button_width": "auto", "description_width": "5em"},
    )  # fmt: skip
    table = widgets.HTML(enterprise_table_html(drawing.rows, lang, len(drawing.table)))

    def redraw(_=None):
        rows = drawing.show(group.value, period.value)
        view.refresh()
        table.value = enterprise_table_html(rows, lang, len(drawing.table))

    period.observe(redraw, names="value")
    group.observe(redraw, names="value")
    box = PrintableBox([period, group, view.image, table], lang=lang)
    box.add_class("histkit-enterprises")  # a handle for the browser tests
    box.drawing, box.view = drawing, view  # for tests and benchmarks
    return box


# --- Output growth, shares and ranks ---------------------------------------------------


def output_growth(lang: str = "en") -> pd.DataFrame:
    """The growth factors of s128 with their industry group and the growth in per cent ((factor − 1) × 100)."""
    lang = check_lang(lang)
    rows = load("output_growth", lang=lang)
    groups = load("industries")[["industry_id", "group"]]
    rows = rows.merge(groups, on="industry_id", how="left")
    rows["growth_pct"] = ((rows["factor"] - 1) * 100).round(1)
    rows.attrs = {"dataset": "output_growth", "lang": lang}
    return rows


def growth_chart(lang: str = "en") -> Figure:
    """How many times more of each product was made in 1929/30 than in 1928/29 (s128)."""
    lang = check_lang(lang)
    rows = output_growth(lang).sort_values("factor")
    base, year = rows["base_year"].iloc[0], rows["year"].iloc[0]
    fig = figure(8, 3.6)
    ax = style_axes(fig.add_subplot(), grid="x")
    bars = ax.barh(rows["product"], rows["factor"], color=[GROUP_COLORS[g] for g in rows["group"]], height=0.6)
    labels = [
        t("growth_bar", lang, LESSON, factor=number(f, lang), pct=number(p, lang))
        for f, p in zip(rows["factor"], rows["growth_pct"])
    ]
    ax.bar_label(bars, labels, padding=5, fontsize=10.5)
    ax.axvline(1, color=GREY, linestyle="--", linewidth=1.2, zorder=3)
    ax.set_ylim(-0.6, len(rows) - 0.1)
    ax.annotate(
        t("growth_base", lang, LESSON, base=base),
        (1, len(rows) - 0.1),
        xytext=(4, -1),
        textcoords="offset points",
        fontsize=9,
        color=GREY,
        va="top",
    )
    ax.set_xlim(0, rows["factor"].max() * 1.45)
    ax.set_xlabel(t("growth_axis", lang, LESSON, base=base))
    ax.xaxis.set_major_formatter(lambda value, _: number(value, lang))
    ax.tick_params(axis="y", labelsize=10.5)
    used = [g for g in GROUP_COLORS if g in set(rows["group"])]
    ax.legend(
        handles=[Patch(color=GROUP_COLORS[g], label=group_label(g, lang)) for g in used],
        loc="lower right",
        fontsize=9,
        frameon=False,
    )
    return finish(
        fig,
        title=t("growth_title", lang, LESSON, year=year, base=base),
        subtitle=t("growth_subtitle", lang, LESSON),
        ids=ids_of(rows),
        lang=lang,
        kind="bar",
        values=list(zip(rows["product"][::-1], labels[::-1])),
    )


def _ladder(ax, rankings: pd.DataFrame, lang: str) -> None:
    """Each ranking as a row of places 1..rank, Kazakhstan's place filled; who stands above, as the text says."""
    deepest = int(rankings["rank"].max())
    for i, row in enumerate(rankings.itertuples()):
        y, rank = i * 1.9, int(row.rank)
        ax.text(0.55, y - 0.62, row.field, ha="left", va="bottom", fontsize=10, fontweight="bold", color=CHARCOAL)
        for place in range(1, rank + 1):
            mine = place == rank
            ax.scatter(
                place,
                y,
                s=520,
                color=BLUE if mine else "white",
                edgecolors=BLUE if mine else GREY,
                linewidths=1.4,
                zorder=3,
            )
            ax.text(
                place,
                y,
                str(place),
                ha="center",
                va="center",
                fontsize=11,
                fontweight="bold",
                color="white" if mine else GREY,
                zorder=4,
            )
        ax.text(
            rank,
            y + 0.42,
            t("kazakhstan", lang, LESSON),
            ha="center",
            va="top",
            fontsize=9,
            color=BLUE,
            fontweight="bold",
        )
        if rank > 1:
            named = isinstance(row.after, str)
            ax.text(
                rank / 2,
                y + 0.42,
                wrap(row.after, 16) if named else t("not_named", lang, LESSON),
                ha="center",
                va="top",
                fontsize=8.5,
                color=DARK_GREY if named else GREY,
                style="normal" if named else "italic",
            )
    ax.set_xlim(0.45, deepest + 0.75)
    ax.set_ylim((len(rankings) - 1) * 1.9 + 1.25, -0.95)
    ax.set_axis_off()
    ax.set_title(wrap(t("ranks_title", lang, LESSON), 22), loc="left", fontsize=10, color=GREY)


def shares_chart(lang: str = "en") -> Figure:
    """The shares of s134, each with what it is 'of' as printed, and the ranks of s133 and s135."""
    lang = check_lang(lang)
    shares = load("ussr_shares", lang="both").iloc[::-1].reset_index(drop=True)
    shares["product"], shares["producer"] = shares[f"product_{lang}"], shares[f"producer_{lang}"]
    rankings = load("rankings", lang=lang)
    fig = figure(10.5, 5.0)
    grid = fig.add_gridspec(1, 2, width_ratios=[2.3, 1])
    ax = style_axes(fig.add_subplot(grid[0]), grid="x")
    stated = shares["scope"] == "USSR"
    ys = np.arange(len(shares))
    ax.barh(ys, [100] * len(shares), color=PAPER, height=0.46)
    bars = ax.barh(
        ys,
        shares["share_pct"],
        height=0.46,
        color=[BLUE if s else "white" for s in stated],
        edgecolor=BLUE,
        linewidth=1.2,
        hatch=[None if s else "///" for s in stated],
    )
    ax.bar_label(bars, [f"{number(v, lang)}%" for v in shares["share_pct"]], padding=4, fontsize=11, fontweight="bold")
    for y, row in zip(ys, shares.itertuples()):
        printed = f"«{row.of_what_kk}»" if lang == "kk" else f"“{row.of_what_kk}” ({row.of_what_en})"
        ax.text(
            0,
            y - 0.30,
            f"{printed}\n→ {t('scope_' + row.scope, lang, LESSON)}",
            ha="left",
            va="top",
            fontsize=8.5,
            color=TEXT_GREY,
        )
    ax.set_yticks(ys, [f"{p}\n{wrap(n, 24)}" for p, n in zip(shares["product"], shares["producer"])], fontsize=9.5)
    ax.set_ylim(len(shares) - 0.5, -0.95)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel(t("shares_axis", lang, LESSON))
    ax.legend(
        handles=[
            Patch(facecolor=BLUE, edgecolor=BLUE, label=t("legend_stated", lang, LESSON)),
            Patch(facecolor="white", edgecolor=BLUE, hatch="///", label=t("legend_unclear", lang, LESSON)),
        ],
        loc="upper center",
        bbox_to_anchor=(0.5, 1.0),
        ncols=2,
        fontsize=8.5,
        frameon=False,
    )
    _ladder(fig.add_subplot(grid[1]), rankings, lang)
    return finish(
        fig,
        title=t("shares_title", lang, LESSON),
        subtitle=wrap(t("shares_subtitle", lang, LESSON), 75),
        ids=ids_of(shares, rankings),
        lang=lang,
        kind="bar",
        values=[
            *((f"{r.product} ({r.producer})", f"{number(r.share_pct, lang)}%") for r in shares[::-1].itertuples()),
            *((r.field, t("rank_alt", lang, LESSON, rank=r.rank, among=r.among)) for r in rankings.itertuples()),
        ],
        note=t("per_cent_once", lang, LESSON),
    )


# --- Flows -----------------------------------------------------------------------------


def flows(lang: str = "en", scope: str | None = None) -> pd.DataFrame:
    """The shipments table, optionally one scope ('specific': places on the map; 'general': broad claims)."""
    rows = load("shipments", lang=check_lang(lang))
    return rows if scope is None else rows[rows["scope"] == scope]


def _goods_list(goods: list[str]) -> str:
    return ", ".join([goods[0]] + [g[:1].lower() + g[1:] for g in goods[1:]])


def flow_routes(lang: str = "en") -> pd.DataFrame:
    """The specific shipments joined into routes: one row per origin and destination, goods listed together."""
    rows = flows(lang, "specific").fillna({"destination_place_id": ""})
    routes = (
        rows.groupby(["origin_place_id", "destination_place_id"], sort=False)
        .agg(origin=("origin", "first"), destination=("destination", "first"), goods=("goods", list),
             sentence_id=("sentence_id", lambda ids: ";".join(dict.fromkeys(ids))), flows=("flow_id", list))
        .reset_index()
    )  # fmt: skip
    routes["goods"] = routes["goods"].map(_goods_list)
    return routes


OUTSIDE = (68.5, 56.9)  # where the "outside Kazakhstan, not stated" box is drawn: off the country, not a place
FLOW_EXTENT = (46.0, 88.0, 39.5, 57.8)
GOODS_AT = {  # where each route's goods label goes (lon, lat), to keep labels off the arrows and places
    ("central_kazakhstan", "southern_urals"): (64.6, 48.6),
    ("altai", "siberia"): (84.6, 52.6),
    ("emba", "orsk"): (53.4, 50.6),
    ("balkhash", ""): (73.6, 53.2),
    ("shymkent", ""): (65.6, 46.6),
}
FLOW_LABELS = {
    "altai": (-7, -3),
    "central_kazakhstan": (7, -5),
    "shymkent": (-6, -5),
    "emba": (-6, 4),
    "balkhash": (7, -3),
    "southern_urals": (0, 7),
    "orsk": (7, -4),
    "siberia": (0, 7),
}


def _place_label(ax, name: str, lon: float, lat: float, dx: float, dy: float) -> None:
    ax.annotate(
        name,
        (lon, lat),
        xytext=(dx, dy),
        textcoords="offset points",
        fontsize=8.5,
        fontfamily=FONT,
        color=CHARCOAL,
        zorder=7,
        ha="center" if dx == 0 else "left" if dx > 0 else "right",
        va="bottom" if dy >= 0 else "top",
        bbox=dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none", alpha=0.75),
    )


def flow_map(lang: str = "en") -> Figure:
    """The specific shipments as arrows on the map; unnamed destinations go to a box that is not a place."""
    lang = check_lang(lang)
    routes = flow_routes(lang)
    places = maps.places(lang)
    fig, ax = maps.map_figure(9.6, 6.6, FLOW_EXTENT)
    outside_used = False
    for route in routes.itertuples():
        start = places.loc[route.origin_place_id]
        if route.destination_place_id:
            end = places.loc[route.destination_place_id]
            target, style, colour = (end.lon, end.lat), "-", VERMILLION
        else:
            target, style, colour, outside_used = OUTSIDE, "--", GREY, True
        ax.annotate("", target, xytext=(start.lon, start.lat), zorder=4,
                    arrowprops=dict(arrowstyle="-|>,head_length=0.7,head_width=0.35", color=colour, linewidth=2.0,
                                    linestyle=style, shrinkA=6, shrinkB=7 if route.destination_place_id else 14,
                                    connectionstyle="arc3,rad=-0.15"))  # fmt: skip
        x, y = GOODS_AT.get(
            (route.origin_place_id, route.destination_place_id),
            ((start.lon + target[0]) / 2, (start.lat + target[1]) / 2),
        )
        ax.text(x, y, f"{wrap(route.goods, 22)}\n({compact_ids(split_ids(route.sentence_id))})", fontsize=8.5,
                ha="center", va="center", color=VERMILLION_TEXT if colour != GREY else TEXT_GREY, zorder=6, fontfamily=FONT,
                bbox=dict(boxstyle="round,pad=0.25", facecolor="white", edgecolor="none", alpha=0.85))  # fmt: skip
    origins = places.loc[list(dict.fromkeys(routes["origin_place_id"]))]
    ax.scatter(origins.lon, origins.lat, s=46, color=VERMILLION, edgecolors="white", zorder=5)
    for place in origins.itertuples():
        _place_label(ax, place.name, place.lon, place.lat, *FLOW_LABELS.get(place.place_id, (6, 3)))
    ends = routes[routes["destination_place_id"] != ""].drop_duplicates("destination_place_id")
    ax.scatter(
        places.loc[ends["destination_place_id"], "lon"],
        places.loc[ends["destination_place_id"], "lat"],
        s=46,
        marker="s",
        color="white",
        edgecolors=VERMILLION,
        linewidths=1.5,
        zorder=5,
    )
    for end in ends.itertuples():
        point = places.loc[end.destination_place_id]
        _place_label(
            ax, wrap(end.destination, 20), point.lon, point.lat, *FLOW_LABELS.get(end.destination_place_id, (0, 7))
        )
    if outside_used:
        ax.text(
            *OUTSIDE,
            t("outside_box", lang, LESSON),
            ha="center",
            va="center",
            fontsize=8.5,
            color=DARK_GREY,
            zorder=6,
            bbox=dict(boxstyle="round,pad=0.4", facecolor=SNOW, edgecolor=GREY, linestyle="--"),
        )
    note = maps.map_note(lang) + ("\n" + t("outside_note", lang, LESSON) if outside_used else "")
    return finish(
        fig,
        title=t("flow_map_title", lang, LESSON),
        subtitle=t("flow_map_subtitle", lang, LESSON),
        ids=ids_of(routes),
        lang=lang,
        kind="map",
        values=[
            (r.origin, f"→ {r.destination or t('outside_box', lang, LESSON)}: {r.goods}") for r in routes.itertuples()
        ],
        note=note,
    )


def flows_html(lang: str = "en") -> HTML:
    """The general claims about what went out of Kazakhstan and what came back, as a flow list (one arrow each)."""
    lang = check_lang(lang)
    rows = flows(lang, "general")
    rows = rows.assign(first=[split_ids(i)[0] for i in rows["sentence_id"]]).sort_values("first", kind="stable")
    cell = "style='padding:3px 8px;vertical-align:middle;text-align:{align}'"
    body = []
    for direction, colour, arrow in (("out", VERMILLION_TEXT, "⟶"), ("in", BLUE, "⟵")):
        part = rows[rows["direction"] == direction]
        if part.empty:
            continue
        title = t("went_out" if direction == "out" else "came_in", lang, LESSON)
        body.append(
            f"<tr><td colspan='4' style='padding:8px 8px 2px;text-align:left;color:{colour};font-weight:bold'>{html.escape(title)}</td></tr>"
        )
        for row in part.itertuples():
            home, away = (row.origin, row.destination) if direction == "out" else (row.destination, row.origin)
            middle = (
                f"<div style='font-size:0.9em;color:{DARK_GREY}'>{html.escape(row.goods)}</div>"
                f"<div style='color:{colour};font-size:1.4em;line-height:1'>{arrow}</div>"
            )
            body.append(
                f"<tr><td {cell.format(align='right')}>{html.escape(home)}</td>"
                f"<td {cell.format(align='center')} width='36%'>{middle}</td>"
                f"<td {cell.format(align='left')}>{html.escape(away)}</td>"
                f"<td style='padding:3px 8px;vertical-align:middle;text-align:right;color:{GREY};white-space:nowrap'>{_sentence_link(row.sentence_id, lang)}</td></tr>"
            )
    markup = (
        f"<div style='font-weight:bold;font-size:1.1em'>{html.escape(t('diagram_title', lang, LESSON))}</div>"
        f"<div style='color:{GREY}'>{html.escape(t('diagram_subtitle', lang, LESSON))}</div>"
        + scroll_box(f"<table style='border-collapse:collapse;width:100%;max-width:60em'>{''.join(body)}</table>", lang)
        + f"<div style='color:{GREY};font-size:0.85em;margin-top:0.3em'>{html.escape(source_footer(ids_of(rows), lang))}</div>"
    )
    return HTML(in_lang(markup, lang), f"<general flows: {len(rows)} rows, {compact_ids(ids_of(rows))}>")


# --- Expeditions and workers (HTML cards) ----------------------------------------------


def _card(title: str, body: str, ids: list[str], lang: str) -> str:
    cite = html.escape(source_footer(ids, lang))
    return (
        f"<div style='border:1px solid {LIGHT_GREY};border-radius:4px;padding:0.5em 0.8em;margin:0.4em 0'>"
        f"<div style='font-weight:bold;margin-bottom:0.3em'>{html.escape(title)}</div>{body}"
        f"<div style='color:{GREY};font-size:0.85em;margin-top:0.4em'>{cite}</div></div>"
    )


def expeditions_html(lang: str = "en") -> str:
    """The Academy of Sciences expeditions: who, where, what they concluded, with their sentences."""
    lang = check_lang(lang)
    rows = load("expeditions", lang=lang)
    head = "".join(
        f"<th style='text-align:left;padding:2px 8px'>{html.escape(t(k, lang, LESSON))}</th>"
        for k in ("exp_team", "exp_region", "exp_finding", "col_sentence")
    )
    body = "".join(
        "<tr>" + "".join(f"<td style='text-align:left;padding:3px 8px;vertical-align:top'>{c}</td>" for c in (
            html.escape(r.team), html.escape(r.region), html.escape(r.finding), _sentence_link(r.sentence_id, lang)))
        + "</tr>"
        for r in rows.itertuples()
    )  # fmt: skip
    table = f"<table style='border-collapse:collapse;font-size:0.92em'><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    markup = f"{scroll_box(table, lang)}<p style='color:{GREY};font-size:0.85em'>{html.escape(source_footer(ids_of(rows), lang))}</p>"
    return HTML(in_lang(markup, lang), f"<expeditions: {len(rows)} rows, {compact_ids(ids_of(rows))}>")


def _quoted(row, lang: str) -> str:
    """A quotation in lang (the Kazakh is verbatim), in the quotation marks of that language."""
    return f"«{html.escape(row.text)}»" if lang == "kk" else f"“{html.escape(row.text)}”"


def workers_html(lang: str = "en") -> str:
    """What the text says of the workers: slogans, a memoir, the shock workers' number and the names it gives."""
    lang = check_lang(lang)
    quotes = load("quotations", lang=lang)
    slogans = quotes[quotes["kind"] == "slogan"]
    memoir = quotes[quotes["kind"] == "memoir"]
    workforce = load("workforce", lang=lang)
    shock = workforce[workforce["group_id"] == "shock_workers"]
    people = load("people", lang=lang)
    named = people[(people["group"] == "workers") & ~people["person_id"].isin(memoir["speaker_id"])]
    cards = []
    items = "".join(f"<li>{_quoted(q, lang)}</li>" for q in slogans.itertuples())
    cards.append(_card(t("slogans", lang, LESSON), f"<ul style='margin:0.2em 0'>{items}</ul>", ids_of(slogans), lang))
    for m in memoir.itertuples():
        who = t("memoir_who", lang, LESSON, who=m.speaker)
        body = f"<blockquote style='margin:0.2em 0;font-style:italic'>{_quoted(m, lang)}</blockquote><div>— {html.escape(who)}</div>"
        cards.append(_card(t("memoir", lang, LESSON), body, ids_of(memoir), lang))
    for s in shock.itertuples():
        unit = s.unit
        amount = t(f"qualifier_{s.qualifier}", lang, LESSON, value=number(s.value, lang), unit=unit)
        when = f" ({html.escape(s.period)})"
        quoted = "".join(sentence(i).card(lang) for i in split_ids(s.sentence_id)) if lang == "kk" else ""
        cards.append(
            _card(
                t("shock", lang, LESSON),
                f"<div>{html.escape(s.label)}: <b>{html.escape(amount)}</b>{when}</div>{quoted}",
                ids_of(shock),
                lang,
            )
        )
    names = ", ".join(html.escape(p.name) for p in named.itertuples())
    cards.append(_card(t("named", lang, LESSON), f"<div>{names}</div>", ids_of(named), lang))
    return HTML(in_lang("".join(cards), lang), f"<workers: {compact_ids(ids_of(slogans, memoir, shock, named))}>")
