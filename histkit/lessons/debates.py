"""Lesson 01, the debate over industrializing Kazakhstan: the four directions, the quotations,
and Sadvakasov's wool-and-cloth argument as a small model.

Pure functions return HTML strings, DataFrames and Figures; tests call them directly. The widget
builders at the end are thin wiring around them and import ipywidgets only when called.

The lesson reads the first three sections of the text (s001–s071). Everything shown comes from
the ``directions``, ``quotations``, ``people`` and ``events`` tables, except the model's inputs:
those are assumptions a student chooses with sliders, and every view of the model says so.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from .. import load
from ..errors import OutOfRangeError, UnknownChoiceError
from ..parsing import split_ids
from ..ui.charts import FONT, describe, figure, finish
from ..ui.palette import (
    BLUE,
    CARD,
    DARK_GREY,
    GREEN,
    GREY,
    LIGHT_GREY,
    ORANGE,
    PURPLE,
    TEXT_GREY,
    VERMILLION_TEXT,
)
from ..ui.words import check_lang, number, t

LESSON = "debates"  # this lesson's words: histkit/ui/text/debates.toml

SECTIONS = ("sec1", "sec2", "sec3")  # the part of the text this lesson reads
DIRECTION_COLORS = {"d1": BLUE, "d2": GREEN, "d3": ORANGE, "d4": PURPLE}


def _esc(value) -> str:
    return html.escape(str(value))


# --- Which rows belong to this lesson -----------------------------------------------------


def topic_sentence_ids() -> set[str]:
    """The ids of the sentences this lesson reads: sections 1–3 of the text (s001–s071)."""
    sentences = load("sentences")
    return set(sentences.loc[sentences["section_id"].isin(SECTIONS), "sentence_id"])


def _in_topic(table: pd.DataFrame) -> pd.Series:
    topic = topic_sentence_ids()
    return table["sentence_id"].map(lambda cell: set(split_ids(cell)) <= topic)


def debate_events(lang: str = "en") -> pd.DataFrame:
    """The events of sections 1–3 (the course on industrialization and the debate), dated or not."""
    events = load("events", lang=check_lang(lang))
    return events[_in_topic(events)].reset_index(drop=True)


def undated_events(lang: str = "en") -> pd.DataFrame:
    """The events of sections 1–3 that the text leaves undated, with the note on each."""
    events = debate_events(lang)
    undated = events.loc[events["year"].isna(), ["label", "sentence_id", "note"]]
    order = undated["sentence_id"].map(lambda cell: split_ids(cell)[0]).sort_values(kind="stable").index
    return undated.loc[order].reset_index(drop=True)


# --- The four directions, Kazakh beside English ---------------------------------------------


def _cell(value: str, lang: str, **style) -> str:
    css = "text-align:left;vertical-align:top;padding:0.35em 0.6em;" + "".join(
        f"{k.replace('_', '-')}:{v};" for k, v in style.items()
    )
    return f"<td lang='{lang}' style='{css}'>{value}</td>"


def _ids(cell: str) -> str:
    return ", ".join(split_ids(cell))


def named_people(direction_id: str) -> pd.DataFrame:
    """The people the text links to a direction (the people table), in the order of the text."""
    people = load("people", lang="both")
    chosen = people[people["direction_id"] == direction_id].copy()
    chosen["first"] = chosen["sentence_id"].map(lambda cell: min(split_ids(cell)))
    return chosen.sort_values(["first", "person_id"]).drop(columns="first").reset_index(drop=True)


def directions_html(lang: str = "en") -> str:
    """The four directions as cards: stance, holders and the text's verdict, Kazakh beside English."""
    lang = check_lang(lang)
    directions = load("directions", lang="both")
    head = (
        "<tr><th style='width:17%'></th>"
        f"<th style='text-align:left;width:41.5%;padding:0.35em 0.6em'>{_esc(t('kazakh_original', lang, LESSON))}</th>"
        f"<th style='text-align:left;width:41.5%;padding:0.35em 0.6em'>{_esc(t('english_translation', lang, LESSON))}</th></tr>"
    )
    cards = []
    for d in directions.itertuples():
        people = named_people(d.direction_id)
        if people.empty:
            named_kk, named_en = (f"<i>{_esc(t('none_named', language, LESSON))}</i>" for language in ("kk", "en"))
        else:
            named_kk = "; ".join(f"{_esc(p.name_kk)} ({_esc(_ids(p.sentence_id))})" for p in people.itertuples())
            named_en = "; ".join(f"{_esc(p.name_en)} ({_esc(_ids(p.sentence_id))})" for p in people.itertuples())
        rows = [
            ("stance", f"<b>{_esc(d.stance_kk)}</b>", _esc(d.stance_en)),
            ("holders", _esc(d.holders_kk), _esc(d.holders_en)),
            ("named", named_kk, named_en),
            ("verdict", f"<b>{_esc(d.verdict_kk)}</b>", _esc(d.verdict_en)),
        ]
        body = "".join(
            f"<tr><th style='text-align:left;vertical-align:top;padding:0.35em 0.6em;color:{TEXT_GREY}'>{_esc(t(key, lang, LESSON))}</th>"
            f"{_cell(kk, 'kk')}{_cell(en, 'en', color=DARK_GREY)}</tr>"
            for key, kk, en in rows
        )
        name = d.name_kk if lang == "kk" else d.name_en
        colour = DIRECTION_COLORS.get(d.direction_id, GREY)
        cards.append(
            f"<div class='histkit-direction' style='border-left:6px solid {colour};margin:0.8em 0;padding:0.2em 0.6em'>"
            f"<h4 style='margin:0.3em 0'>{_esc(t('direction_heading', lang, LESSON, n=d.number, name=name))}</h4>"
            "<table style='width:100%;table-layout:fixed;border-collapse:collapse'>"
            f"<thead>{head}</thead><tbody>{body}</tbody></table>"
            f"<p style='margin:0.2em 0;color:{GREY};font-size:0.9em'>{_esc(t('sentences', lang, LESSON))}: {_esc(_ids(d.sentence_id))}</p>"
            "</div>"
        )
    note = f"<p style='color:{GREY};font-size:0.9em'>{_esc(t('names_note', lang, LESSON))}</p>"
    return f"<div class='histkit-directions' lang='{lang}'>{''.join(cards)}{note}</div>"


def show_directions(lang: str = "en"):
    """The four directions, displayed in the notebook (see :func:`directions_html`)."""
    from IPython.display import HTML

    return HTML(directions_html(lang))


# --- The quotation explorer ------------------------------------------------------------------


def debate_quotations() -> pd.DataFrame:
    """The quotations of sections 1–3, both languages, in the order of the text."""
    quotes = load("quotations", lang="both")
    quotes = quotes[_in_topic(quotes)].copy()
    quotes["first"] = quotes["sentence_id"].map(lambda cell: split_ids(cell)[0])
    return quotes.sort_values(["first", "quote_id"]).drop(columns="first").reset_index(drop=True)


def explorer_choices(lang: str = "en") -> list[tuple[str, str]]:
    """The explorer's menu as (label, key): every quotation, each direction, each named speaker."""
    lang = check_lang(lang)
    quotes = debate_quotations()
    choices = [(t("all_quotes", lang, LESSON, count=len(quotes)), "all")]
    for d in load("directions", lang=lang).itertuples():
        count = int((quotes["direction_id"] == d.direction_id).sum())
        if count:
            choices.append(
                (t("by_direction", lang, LESSON, n=d.number, name=d.name, count=count), f"direction:{d.direction_id}")
            )
    people = load("people", lang=lang).set_index("person_id")
    for speaker in dict.fromkeys(quotes["speaker_id"].dropna()):  # in order of first quotation
        count = int((quotes["speaker_id"] == speaker).sum())
        choices.append(
            (t("by_speaker", lang, LESSON, name=people.loc[speaker, "name"], count=count), f"speaker:{speaker}")
        )
    return choices


def select_quotations(key: str = "all") -> pd.DataFrame:
    """The quotations for an explorer key: 'all', 'direction:d2' or 'speaker:sadvakasov'."""
    quotes = debate_quotations()
    if key == "all":
        return quotes
    kind, _, value = key.partition(":")
    if kind == "direction":
        return quotes[quotes["direction_id"] == value].reset_index(drop=True)
    if kind == "speaker":
        return quotes[quotes["speaker_id"] == value].reset_index(drop=True)
    raise UnknownChoiceError(
        f"{key!r} is not a choice of the explorer; use 'all', 'direction:d1' or 'speaker:sadvakasov'."
    )


def quotation_card(quote, lang: str = "en") -> str:
    """One quotation: Kazakh beside English (Kazakh alone in the Kazakh edition), who said it, when or why, and
    the sentences it stands in."""
    lang = check_lang(lang)
    directions = load("directions", lang=lang).set_index("direction_id")
    if pd.isna(quote.direction_id):
        direction = t("no_direction", lang, LESSON)
    else:
        row = directions.loc[quote.direction_id]
        direction = t("direction_heading", lang, LESSON, n=row["number"], name=row["name"])
    colour = DIRECTION_COLORS.get(quote.direction_id, GREY) if not pd.isna(quote.direction_id) else GREY
    speaker = quote.speaker_kk if lang == "kk" else quote.speaker_en
    occasion = quote.occasion_kk if lang == "kk" else quote.occasion_en
    meta = (
        f"<b>{_esc(quote.quote_id)}</b> · <i>{_esc(t('kind_' + quote.kind, lang, LESSON))}</i><br>"
        f"{_esc(t('who', lang, LESSON))}: <b>{_esc(speaker)}</b> · {_esc(t('occasion', lang, LESSON))}: {_esc(occasion)} · "
        f"<span style='color:{colour}'>■</span> {_esc(direction)}"
    )
    return (
        f"<div class='histkit-quote' style='border-left:6px solid {colour};margin:0.6em 0;padding:0.3em 0.7em;background:{CARD}'>"
        f"<div style='font-size:0.9em;color:{DARK_GREY}'>{meta}</div>"
        "<table style='width:100%;table-layout:fixed;border-collapse:collapse;margin:0.3em 0'><tr>"
        f"{_cell('«' + _esc(quote.text_kk) + '»', 'kk', width='100%' if lang == 'kk' else '50%')}"
        f"{'' if lang == 'kk' else _cell('<i>“' + _esc(quote.text_en) + '”</i>', 'en', width='50%', color=DARK_GREY)}"
        "</tr></table>"
        f"<div style='font-size:0.85em;color:{GREY}'>{_esc(t('source', lang, LESSON))}: {_esc(_ids(quote.sentence_id))}</div>"
        "</div>"
    )


def quotations_html(key: str = "all", lang: str = "en") -> str:
    """The quotations for an explorer key as HTML cards, Kazakh beside English, each with its sentences."""
    lang = check_lang(lang)
    quotes = select_quotations(key)
    head = (
        "<table style='width:100%;table-layout:fixed'><tr>"
        f"<th style='text-align:left;width:50%'>{_esc(t('kazakh_original', lang, LESSON))}</th>"
        f"<th style='text-align:left;width:50%'>{_esc(t('english_translation', lang, LESSON))}</th></tr></table>"
    )
    cards = "".join(quotation_card(q, lang) for q in quotes.itertuples())
    return (
        f"<div class='histkit-quotes' lang='{lang}'><p style='margin:0.3em 0;color:{GREY}'>{_esc(t('count', lang, LESSON, count=len(quotes)))}</p>"
        f"{head}{cards}</div>"
    )


def quotation_explorer(lang: str = "en", key: str = "all"):
    """Choose all quotations, a direction or a speaker; read each quotation in Kazakh and English."""
    import ipywidgets as widgets

    from ..ui.widgets import PrintableBox, labelled

    lang = check_lang(lang)
    choose = widgets.Dropdown(
        options=explorer_choices(lang),
        value=key,
        **labelled(t("show", lang, LESSON), lang),
        layout=widgets.Layout(width="auto"),
    )
    page = widgets.HTML(quotations_html(key, lang))

    def redraw(change):
        page.value = quotations_html(change["new"], lang)

    choose.observe(redraw, names="value")
    box = PrintableBox([choose, page], lang=lang)
    box.add_class("histkit-quotations")  # a handle for the browser tests
    return box


# --- Sadvakasov's wool-and-cloth argument as a model (s060, s061) --------------------------
#
# (a) Mill in the centre: all the washed wool goes by rail to a mill a distance away, and the
#     share of the cloth that Kazakhstan needs comes back the same distance.
# (b) Mill in Kazakhstan: the wool is made into cloth at home; only the cloth Kazakhstan does
#     not need travels, to the same distance. Short local hauls count as zero in both cases.
# Railway work is counted in tonne-kilometres: tonnes carried times kilometres travelled.
# The inputs are MODEL ASSUMPTIONS a student chooses; none of them is a figure from the text.

MODEL_DEFAULTS = {"wool_t": 1000, "distance_km": 3000, "cloth_per_wool": 0.8, "share_back": 50}
MODEL_RANGES = {  # (minimum, maximum, step) of each slider
    "wool_t": (100, 5000, 100),
    "distance_km": (500, 5000, 100),
    "cloth_per_wool": (0.5, 1.0, 0.05),
    "share_back": (0, 100, 10),
}
ASSUMPTIONS = ("assume_wool", "assume_distance", "assume_yield", "assume_back")  # the words beside the chart
MODEL_SOURCE = ["s060", "s061"]  # the argument the model follows
Y_TOPS = (0.1, 0.15, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5, 7.5, 10, 15, 20, 30, 40, 50, 60)  # y-axis tops, million t-km
HEADROOM = 1.15  # room above the tallest bar for its value label
MILLION = 1_000_000


def _check_params(wool_t, distance_km, cloth_per_wool, share_back) -> None:
    given = {"wool_t": wool_t, "distance_km": distance_km, "cloth_per_wool": cloth_per_wool, "share_back": share_back}
    for name, value in given.items():
        low, high, _ = MODEL_RANGES[name]
        if not low <= value <= high:
            raise OutOfRangeError(f"{name} must be between {low} and {high} (the slider's range), not {value}.")


def wool_cloth_model(
    wool_t: float = MODEL_DEFAULTS["wool_t"],
    distance_km: float = MODEL_DEFAULTS["distance_km"],
    cloth_per_wool: float = MODEL_DEFAULTS["cloth_per_wool"],
    share_back: float = MODEL_DEFAULTS["share_back"],
) -> pd.DataFrame:
    """Railway work of the two ways, leg by leg: route, leg, tonnes, km and tonne-km.

    share_back is the per cent of the cloth that Kazakhstan needs back. All inputs are assumptions.
    """
    _check_params(wool_t, distance_km, cloth_per_wool, share_back)
    cloth = wool_t * cloth_per_wool
    back = cloth * share_back / 100
    exported = cloth * (100 - share_back) / 100  # not cloth - back: exactly 0 when all of it is needed back
    rows = [
        ("centre", "wool", wool_t, distance_km),
        ("centre", "cloth", back, distance_km),
        ("local", "wool", 0.0, 0.0),
        ("local", "cloth", exported, distance_km),
    ]
    table = pd.DataFrame(rows, columns=["route", "leg", "tonnes", "km"])
    table["tonne_km"] = table["tonnes"] * table["km"]
    table.attrs = {
        "model": "wool_cloth",
        "assumptions": dict(
            wool_t=wool_t, distance_km=distance_km, cloth_per_wool=cloth_per_wool, share_back=share_back
        ),
    }
    return table


def route_totals(model: pd.DataFrame) -> pd.Series:
    """Tonne-kilometres of each route (centre, local)."""
    return model.groupby("route")["tonne_km"].sum()


def y_top(largest_million: float) -> float:
    """The y-axis top for the tallest bar (million t-km): the smallest round value that leaves room for its label."""
    return next((top for top in Y_TOPS if top >= largest_million * HEADROOM), Y_TOPS[-1])


def _number(value: float, lang: str) -> str:
    """A figure rounded for a chart label (2 decimals below 1, 1 below 10, none above), 4.2 or 4,2 by lang."""
    return number(value, lang, 0 if value >= 10 else 1 if value >= 1 else 2)


def model_result(model: pd.DataFrame) -> tuple[str, float | None]:
    """How the two routes compare: ('ratio', centre ÷ local), ('same', that ratio when under 1.05) or ('zero', None)."""
    totals = route_totals(model)
    if totals["local"] == 0:
        return "zero", None
    ratio = totals["centre"] / totals["local"]
    return ("same", ratio) if ratio < 1.05 else ("ratio", ratio)


def model_summary_html(model: pd.DataFrame, lang: str = "en") -> str:
    """The model's result in words, with the tonne-kilometres of each leg (shown under the chart)."""
    lang = check_lang(lang)
    legs = model.set_index(["route", "leg"])["tonne_km"] / MILLION
    kind, ratio = model_result(model)
    result = t(f"result_{kind}", lang, LESSON, v=_number(ratio, lang) if ratio else "")
    numbers = t(
        "breakdown",
        lang,
        LESSON,
        unit=t("unit_short", lang, LESSON),
        wool=_number(legs["centre", "wool"], lang),
        back=_number(legs["centre", "cloth"], lang),
        centre=_number(legs["centre"].sum(), lang),
        local=_number(legs["local"].sum(), lang),
    )
    return (
        f"<p lang='{lang}' style='margin:0.3em 0'><b>{_esc(result)}</b><br>"
        f"<span style='color:{TEXT_GREY}'>{_esc(numbers)}</span></p>"
    )


@dataclass
class WoolClothChart:
    """The model's chart: built once; :meth:`update` changes only the artists listed in ``dynamic``.

    Words are static; only numbers change, because every glyph redrawn costs time in a widget.
    """

    lang: str
    fig: Figure = field(init=False)
    dynamic: list = field(init=False, default_factory=list)

    GRID = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)  # gridlines, as fractions of the y-axis

    def __post_init__(self) -> None:
        lang = self.lang = check_lang(self.lang)
        fig = self.fig = figure(10, 5.4)
        grid = fig.add_gridspec(1, 2, width_ratios=[1.45, 1])
        ax = self.ax = fig.add_subplot(grid[0, 0])
        panel = self.panel = fig.add_subplot(grid[0, 1])
        panel.axis("off")
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)
        ax.spines["bottom"].set_color(GREY)
        ax.set_xlim(-0.6, 1.6)
        ax.set_xticks([0, 1], [t("route_centre", lang, LESSON), t("route_local", lang, LESSON)], fontsize=10)
        ax.tick_params(axis="x", length=0, pad=6, colors=DARK_GREY)
        ax.set_yticks([])
        ax.set_ylabel(t("unit", lang, LESSON), fontsize=10, color=DARK_GREY)
        ax.yaxis.set_label_coords(-0.12, 0.5)  # fixed, so the layout keeps room for the tick labels
        for level in self.GRID[1:]:  # the gridlines stay put; only their labels change with the scale
            ax.add_line(
                Line2D([0, 1], [level, level], transform=ax.transAxes, color=LIGHT_GREY, linewidth=0.8, zorder=0)
            )
        self.ticks = [
            ax.text(-0.02, level, "", transform=ax.transAxes, ha="right", va="center", fontsize=9.5, color=DARK_GREY)
            for level in self.GRID
        ]
        self.centre_wool = ax.bar(0, 1, width=0.5, color=ORANGE, hatch="///", edgecolor="white")[0]  # not colour alone
        self.centre_cloth = ax.bar(0, 1, width=0.5, color=BLUE)[0]
        self.local_cloth = ax.bar(1, 1, width=0.5, color=BLUE)[0]
        self.totals = [ax.text(x, 0, "", ha="center", va="bottom", fontsize=12, fontweight="bold") for x in (0, 1)]
        handles = [
            Patch(facecolor=ORANGE, edgecolor="white", hatch="///", label=t("leg_wool", lang, LESSON)),
            Patch(color=BLUE, label=t("leg_cloth", lang, LESSON)),
        ]
        panel.legend(
            handles=handles, loc="upper left", bbox_to_anchor=(0, 1.0), frameon=False, fontsize=10, borderaxespad=0
        )
        place = dict(transform=panel.transAxes, fontsize=10, fontfamily=FONT)
        panel.text(
            0,
            0.83,
            t("assumptions", lang, LESSON),
            va="top",
            fontweight="bold",
            color=VERMILLION_TEXT,
            **{**place, "fontsize": 10.5},
        )
        self.assumed = []
        for row, key in enumerate(ASSUMPTIONS):
            y = 0.66 - row * 0.075
            panel.text(0, y, t(key, lang, LESSON), va="baseline", color=DARK_GREY, **place)
            self.assumed.append(panel.text(0.97, y, "", va="baseline", ha="right", fontweight="bold", **place))
        panel.text(0, 0.30, t("ratio_caption", lang, LESSON), va="top", color=DARK_GREY, linespacing=1.4, **place)
        self.ratio = panel.text(0, 0.15, "", va="top", fontweight="bold", linespacing=1.3, **{**place, "fontsize": 13})
        self.dynamic = [
            self.centre_wool,
            self.centre_cloth,
            self.local_cloth,
            *self.totals,
            *self.ticks,
            *self.assumed,
            self.ratio,
        ]
        finish(
            fig,
            title=t("model_title", lang, LESSON),
            subtitle=t("model_subtitle", lang, LESSON),
            ids=MODEL_SOURCE,
            lang=lang,
            kind="bar",
            values=[("", t("model_subtitle", lang, LESSON))],
            note=t("model_note", lang, LESSON),
        )
        self.assumption_labels = [t(key, lang, LESSON) for key in ASSUMPTIONS]

    def update(self, **params) -> pd.DataFrame:
        """Redraw for new assumptions; returns the model table the bars show."""
        lang = self.lang
        values = {**MODEL_DEFAULTS, **params}
        model = wool_cloth_model(**values)
        legs = model.set_index(["route", "leg"])["tonne_km"] / MILLION
        centre_wool, centre_cloth, local = legs["centre", "wool"], legs["centre", "cloth"], legs["local", "cloth"]
        centre = centre_wool + centre_cloth
        top = y_top(max(centre, local))
        self.ax.set_ylim(0, top)
        self.centre_wool.set_height(centre_wool)
        self.centre_cloth.set_y(centre_wool)
        self.centre_cloth.set_height(centre_cloth)
        self.local_cloth.set_height(local)
        for label, total, x in zip(self.totals, (centre, local), (0, 1)):
            label.set_position((x, total + top * 0.015))
            label.set_text(_number(total, lang))
        for tick, level in zip(self.ticks, self.GRID):
            tick.set_text(_number(level * top, lang))
        shown = [("tonnes", "wool_t"), ("km", "distance_km"), ("tonnes", "cloth_per_wool"), ("per_cent", "share_back")]
        for label, (unit, name) in zip(self.assumed, shown):
            label.set_text(t(unit, lang, LESSON, v=_number(values[name], lang)))
        kind, ratio = model_result(model)
        self.ratio.set_text(
            t(f"ratio_{kind}" if kind != "ratio" else "ratio", lang, LESSON, v=_number(ratio, lang) if ratio else "")
        )
        routes = [t("route_centre", lang, LESSON), t("route_local", lang, LESSON)]
        unit = t("unit", lang, LESSON)
        described = [(route, f"{label.get_text()} {unit}") for route, label in zip(routes, self.totals)]
        described += [(name, label.get_text()) for name, label in zip(self.assumption_labels, self.assumed)]
        describe(self.fig, [*described, ("", self.ratio.get_text())])
        self.model = model
        return model


def wool_cloth_chart(lang: str = "en", **params) -> Figure:
    """The model's chart for the given assumptions (defaults: MODEL_DEFAULTS). Footer cites s060, s061."""
    chart = WoolClothChart(lang)
    chart.update(**params)
    chart.fig.wool_cloth = chart  # the chart's artists, for tests and the widget
    return chart.fig


def wool_cloth_explorer(lang: str = "en"):
    """Number fields for the model's assumptions and the chart, redrawn fast through FigureView."""
    import ipywidgets as widgets

    from ..ui.widgets import FigureView, PrintableBox, labelled

    lang = check_lang(lang)
    fig = wool_cloth_chart(lang)
    chart = fig.wool_cloth
    view = FigureView(fig, dynamic=chart.dynamic)
    style, layout = {"description_width": "15em"}, widgets.Layout(width="26em")
    sliders = {}
    for name, key in (
        ("wool_t", "slider_wool"),
        ("distance_km", "slider_distance"),
        ("cloth_per_wool", "slider_yield"),
        ("share_back", "slider_back"),
    ):
        low, high, step = MODEL_RANGES[name]
        kind = widgets.BoundedFloatText if isinstance(step, float) else widgets.BoundedIntText
        sliders[name] = kind(  # a labelled number field: ipywidgets' sliders cannot be given an accessible name
            value=MODEL_DEFAULTS[name],
            min=low,
            max=high,
            step=step,
            **labelled(t(key, lang, LESSON), lang),
            continuous_update=True,
            style=style,
            layout=layout,
        )

    summary = widgets.HTML(model_summary_html(chart.model, lang))

    def redraw(_=None):
        model = chart.update(**{name: slider.value for name, slider in sliders.items()})
        view.refresh()
        summary.value = model_summary_html(model, lang)

    for slider in sliders.values():
        slider.observe(redraw, names="value")
    box = PrintableBox(
        [widgets.HTML(t("sliders_head", lang, LESSON)), *sliders.values(), view.image, summary], lang=lang
    )
    box.add_class("histkit-wool-model")  # a handle for the browser tests
    box.sliders, box.view, box.chart, box.summary = sliders, view, chart, summary  # for tests
    return box
