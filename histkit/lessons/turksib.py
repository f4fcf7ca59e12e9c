"""Lesson 02: building the Turksib railway: the route, the dates, the pace, the people, the freight.

Everything here reads its figures from ``data/`` and computes what it derives
(sums, gaps, days at a rate, growth factors) from those rows, so no historical
figure is typed in code. Chart functions return a matplotlib ``Figure`` whose
footer cites the sentences of the rows it draws; :func:`pace_explorer` is the
lesson's one widget, thin wiring around :class:`PaceChart`.

This module imports matplotlib; ipywidgets is imported inside :func:`pace_explorer` only.
"""

from __future__ import annotations

import html
import itertools
import math

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from .. import load
from ..errors import OutOfRangeError, UnknownChoiceError
from ..parsing import split_ids
from ..ui import maps
from ..ui.charts import (
    bar_values,
    compact_ids,
    describe,
    event_date,
    figure,
    finish,
    ids_of,
    style_axes,
    text_on,
    wrap,
)
from ..ui.display import HTML, in_lang
from ..ui.palette import (
    BLUE,
    BLUE_MID,
    BLUE_PALE,
    CHARCOAL,
    DARK_GREY,
    GOLD,
    GREY,
    INK,
    LIGHT_GREY,
    MID_GREY,
    ORANGE,
    PURPLE_DARK,
    RIVER,
    RIVER_TEXT,
    SKY,
    TEXT_GREY,
    VERMILLION,
)
from ..ui.words import Words, bind, check_lang, date_words, has, number, t

LESSON = "turksib"  # this lesson's words: histkit/ui/text/turksib.toml


# The events of the plan (s108) and of its outcome (s121, s122), by id in data/events.csv.
RESUMED, PLAN_FINISH, PLAN_OPERATE, JUNCTION, REGULAR = "ev07", "ev12", "ev13", "ev14", "ev17"

NORTH, SOUTH, TSARIST = BLUE, VERMILLION, GREY


def _when(event, lang: str) -> str:
    """An event's date: in Kazakh exactly as printed (date_kk), in English built from its year, month and day."""
    if lang == "kk":
        return event["date_kk"] if isinstance(event, pd.Series) else event.date_kk
    if isinstance(event, pd.Series):
        return date_words(event["year"], event["month"], event["day"], lang)
    return date_words(event.year, event.month, event.day, lang)


# --- The data this lesson reads -----------------------------------------------------------------


def figures(lang: str | Words = "en") -> pd.DataFrame:
    """The turksib_figures table, indexed by figure_id."""
    lang = lang.lang if isinstance(lang, Words) else lang  # load() checks a language code itself
    return load("turksib_figures", lang=lang).set_index("figure_id", drop=False)


def figure_value(figure_id: str) -> float:
    """One figure of turksib_figures, as printed (number words as digits)."""
    return float(figures().loc[figure_id, "value"])


def metres_per_day(figure_id: str) -> float:
    """A rate of turksib_figures in metres a day, whatever unit the text prints it in."""
    row = figures().loc[figure_id]
    factor = {"metres a day": 1.0, "km a day": 1000.0}[row["unit"]]
    return float(row["value"]) * factor


def stage_totals() -> pd.DataFrame:
    """The stage lengths added up under the two readings of s118, against the stated total (s123).

    s118 gives the lengths of two stages and then a length "in 1929" ("... км
    ұзындыққа"). Reading ``alone``: that length was laid in 1929 alone, so the
    north laid all three added up. Reading ``cumulative``: it was the length the
    north had reached by then, which already includes the two earlier stages.
    """
    stages = load("turksib_stages")
    north = stages[stages["side"] == "north"].sort_values("seq")
    south_km = float(stages.loc[stages["side"] == "south", "length_km"].sum())
    total = figures().loc["total_length"]
    readings = {"alone": float(north["length_km"].sum()), "cumulative": float(north["length_km"].iloc[-1])}
    rows = []
    for reading, north_km in readings.items():
        together = north_km + south_km
        rows.append(
            {
                "reading": reading,
                "north_km": north_km,
                "south_km": south_km,
                "together_km": together,
                "stated_total_km": float(total["value"]),
                "gap_km": float(total["value"]) - together,
                "sentence_id": ";".join(sorted(set(ids_of(stages) + split_ids(total["sentence_id"])))),
            }
        )
    return pd.DataFrame(rows).set_index("reading")


def days_needed(length_km: float, rate_m_per_day: float) -> float:
    """Days to lay length_km of track at rate_m_per_day, counting every day."""
    if rate_m_per_day <= 0:
        raise OutOfRangeError(f"The rate must be more than 0 metres a day, not {rate_m_per_day:g}.")
    return length_km * 1000 / rate_m_per_day


def years_needed(length_km: float, rate_m_per_day: float) -> float:
    """Years (of 365 days) to lay length_km of track at rate_m_per_day."""
    return days_needed(length_km, rate_m_per_day) / 365


TEXT_RATES = ("tsarist_rate", "soviet_rate", "stated_average_rate")


def pace_table(length_km: float, lang: str | Words = "en") -> pd.DataFrame:
    """For each rate the text gives (s115, s119): metres a day, and the days and years length_km takes."""
    table = figures(lang).loc[list(TEXT_RATES)].copy()
    table["metres_per_day"] = [metres_per_day(i) for i in table["figure_id"]]
    table["length_km"] = float(length_km)
    table["days"] = [days_needed(length_km, r) for r in table["metres_per_day"]]
    table["years"] = table["days"] / 365
    return table[
        [
            "figure_id",
            "label",
            "value",
            "unit",
            "qualifier",
            "metres_per_day",
            "length_km",
            "days",
            "years",
            "sentence_id",
        ]
    ]


def length_choices(lang: str | Words = "en") -> list[tuple[str, float]]:
    """Lengths the text gives or that are added up from it, for the pace widget's menu."""
    say = bind(lang, LESSON)
    stages = load("turksib_stages").set_index("stage_id")
    north = stages[stages["side"] == "north"].sort_values("seq")
    last = north.iloc[-1]
    south = stages[stages["side"] == "south"]
    total = figures().loc["total_length"]
    return [
        (say("length_total", km=say.number(total["value"]), ids=total["sentence_id"]), float(total["value"])),
        (
            say("length_south", km=say.number(south["length_km"].sum()), ids=compact_ids(ids_of(south))),
            float(south["length_km"].sum()),
        ),
        (
            say("length_1929", year=int(last["year_start"]), km=say.number(last["length_km"]), ids=last["sentence_id"]),
            float(last["length_km"]),
        ),
        (
            say("length_north_sum", km=say.number(north["length_km"].sum()), ids=compact_ids(ids_of(north))),
            float(north["length_km"].sum()),
        ),
    ]


def timeline_events(lang: str = "en") -> pd.DataFrame:
    """The Turksib events, with the party, state and labour events dated in the same years."""
    events = load("events", lang=check_lang(lang))
    turksib = events[events["category"] == "turksib"]
    first, last = turksib["year"].min(), turksib["year"].max()
    context = events["category"].isin(["policy", "labour"]) & events["year"].between(first, last)
    return events[(events["category"] == "turksib") | context].reset_index(drop=True)


def plan_vs_outcome(lang: str = "en") -> pd.DataFrame:
    """The plan's dates (s108) beside what the text reports (s121, s122), and how many years apart."""
    events = load("events", lang=check_lang(lang)).set_index("event_id", drop=False)
    pairs = [(PLAN_FINISH, JUNCTION), (PLAN_OPERATE, JUNCTION), (PLAN_OPERATE, REGULAR)]
    rows = []
    for plan_id, outcome_id in pairs:
        plan, outcome = events.loc[plan_id], events.loc[outcome_id]
        rows.append(
            {
                "planned": plan["label"],
                "planned_year": int(plan["year"]),
                "outcome": outcome["label"],
                "outcome_date": date_words(outcome["year"], outcome["month"], outcome["day"], lang),
                "outcome_year": int(outcome["year"]),
                "years_before_plan": int(plan["year"]) - int(outcome["year"]),
                "sentence_id": f"{plan['sentence_id']};{outcome['sentence_id']}",
            }
        )
    return pd.DataFrame(rows)


def freight_table(lang: str = "en") -> pd.DataFrame:
    """Freight as printed (s129), in thousand tonnes for a common axis, plus the later figure read as thousands.

    Column ``kind`` is ``printed`` for the two figures as the text prints them and
    ``reading`` for the row that supposes "мың" (thousand) was left out.
    """
    lang = check_lang(lang)
    totals = load("freight_totals", lang=lang).sort_values("year")
    to_thousand = {"thousand tonnes": 1.0, "tonnes (as printed)": 0.001}
    english = load("freight_totals").set_index("year")["unit"]
    rows = []
    for row in totals.itertuples():
        rows.append(
            {
                "year": int(row.year),
                "kind": "printed",
                "value": row.value,
                "unit": row.unit,
                "thousand_tonnes": row.value * to_thousand[english[row.year]],
                "sentence_id": row.sentence_id,
            }
        )
    for row in totals.itertuples():
        if english[row.year] != "thousand tonnes":
            rows.append(
                {
                    "year": int(row.year),
                    "kind": "reading",
                    "value": row.value,
                    "unit": row.unit,
                    "thousand_tonnes": row.value,
                    "sentence_id": row.sentence_id,
                }
            )
    return pd.DataFrame(rows)


def freight_factor(reading: str = "thousand") -> float:
    """How many times freight grew from the first to the last year of s129.

    ``reading="thousand"``: both figures in thousand tonnes (supposing "мың" was
    left out of the later figure). ``reading="as printed"``: the later figure in tonnes, as printed.
    """
    if reading not in ("thousand", "as printed"):
        raise UnknownChoiceError(f"reading must be 'thousand' or 'as printed', not {reading!r}.")
    table = freight_table()
    first = table[table["kind"] == "printed"].iloc[0]
    last = table[table["kind"] == ("reading" if reading == "thousand" else "printed")].iloc[-1]
    return float(last["thousand_tonnes"] / first["thousand_tonnes"])


# --- The map -------------------------------------------------------------------------------------

ROUTE_EXTENT = (63.5, 86.5, 40.4, 54.2)  # the eastern two-thirds: Turksib, the lines to Tashkent, the way to Siberia
LABEL_OFFSETS = {  # (dx, dy) in points, chosen by eye in EN and KK so no two labels collide
    "Semey": (-8, 0),
    "Barnaul": (-7, 0),
    "Aktogay": (-8, 0),
    "Ushtobe": (-9, 2),
    "Saryozek": (8, -2),
    "Otar": (0, -7),
    "Lugovoy": (0, -8),
    "Almaty": (7, -5),
    "Tashkent": (7, -3),
    "Arys": (-7, 0),
    "Shymkent": (5, -6),
    "Zhambyl": (0, 7),
    "Turkistan": (-7, 2),
    "Kyzylorda": (7, 3),
}
RIVER_OFFSETS = {
    "ertis_bridge": (8, 3),
    "ayagoz_bridge": (8, 0),
    "karatal_bridge": (8, 2),
    "ile_bridge": (8, -4),
    "shu_bridge": (0, 8),
}


def route(lang: str = "en") -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The railway lines, their points (one row per station, with how the map marks it), and the river crossings.

    ``mark`` is ``named`` when the text names the place, ``general`` when the point
    is general knowledge only, ``river`` when it stands at a crossing of a river the
    text names (s116): the crossing marker stands there instead.
    """
    lang = check_lang(lang)
    lines = load("railway_lines", lang=lang)
    points = load("railway_points", lang=lang)
    places = maps.places(lang)
    kinds = places["kind"].to_dict()
    points["mark"] = [
        "general" if pd.isna(p) else "river" if kinds[p] == "river_crossing" else "named" for p in points["place_id"]
    ]
    both = load("railway_points", lang="both").set_index(["line_id", "seq"])
    points["name_en"] = [both.loc[(row.line_id, row.seq), "name_en"] for row in points.itertuples()]
    # A station named like the river it stands on (Ayagoz, Shu, Ile) is labelled by the river's name only.
    kazakh = maps.places("kk")["name"]
    points["labelled"] = [
        not (row.mark == "river" and both.loc[(row.line_id, row.seq), "name_kk"] == kazakh[row.place_id])
        for row in points.itertuples()
    ]
    crossings = places[places["kind"] == "river_crossing"].reset_index(drop=True)
    return lines, points, crossings


def _exits(course: pd.DataFrame, extent) -> list[tuple[str, float, float, str]]:
    """Where a line leaves the map: (edge, lon, lat, name of the terminus beyond that edge)."""
    west, east, south, north = extent
    pairs = list(zip(course["lon"], course["lat"]))
    found = []
    for (lon1, lat1), (lon2, lat2) in itertools.pairwise(pairs):
        for edge, value, axis in (("west", west, 0), ("east", east, 0), ("south", south, 1), ("north", north, 1)):
            a, b = (lon1, lon2) if axis == 0 else (lat1, lat2)
            if (a - value) * (b - value) < 0:
                share = (value - a) / (b - a)
                lon, lat = lon1 + share * (lon2 - lon1), lat1 + share * (lat2 - lat1)
                first_is_outside = not (west <= lon1 <= east and south <= lat1 <= north)
                terminus = course.iloc[0] if first_is_outside else course.iloc[len(course) - 1]
                found.append((edge, lon, lat, terminus["name"]))
    return found


def route_map(lang: str = "en") -> Figure:
    """The route of Turksib and the older lines, the stations, the river crossings and the junction."""
    lang = check_lang(lang)
    lines, points, crossings = route(lang)
    places = maps.places(lang)
    fig, ax = maps.map_figure(9.6, 8.2, extent=ROUTE_EXTENT)
    styles = {
        "turksib_north": {"color": NORTH, "linewidth": 3.4, "zorder": 3},
        "turksib_south": {"color": SOUTH, "linewidth": 3.4, "zorder": 3},
    }
    tsarist = {"color": TSARIST, "linewidth": 1.6, "linestyle": (0, (5, 3)), "zorder": 2}
    handles = []
    for line in lines.itertuples():
        course = points[points["line_id"] == line.line_id].sort_values("seq")
        style = styles.get(line.line_id, tsarist)
        ax.plot(course["lon"], course["lat"], solid_capstyle="round", **style)
        if line.line_id in styles:
            handles.append(Line2D([], [], label=f"{line.label} ({compact_ids(split_ids(line.sentence_id))})", **style))
        for edge, lon, lat, name in _exits(course, ROUTE_EXTENT):
            arrow, offset, ha, va = {
                "west": ("←", (3, 5), "left", "bottom"),
                "east": ("→", (-3, 5), "right", "bottom"),
                "north": ("↑", (5, -4), "left", "top"),
                "south": ("↓", (5, 4), "left", "bottom"),
            }[edge]
            ax.annotate(
                t("off_map", lang, LESSON, arrow=arrow, place=name),
                (lon, lat),
                xytext=offset,
                textcoords="offset points",
                fontsize=8.5,
                color=TEXT_GREY,
                ha=ha,
                va=va,
                fontstyle="italic",
            )
    tsarist_lines = lines[lines["era"] == "tsarist"]
    handles.append(
        Line2D([], [], label=t("legend_tsarist", lang, LESSON, ids=compact_ids(ids_of(tsarist_lines))), **tsarist)
    )

    stations = points.drop_duplicates("name_en")
    junction_id = load("events").set_index("event_id").loc[JUNCTION, "place_id"]
    for row in stations.itertuples():
        if row.mark == "river" or row.place_id == junction_id:
            continue
        named = row.mark == "named"
        ax.plot(
            row.lon,
            row.lat,
            "o",
            markersize=6.5 if named else 6,
            zorder=5,
            markerfacecolor=CHARCOAL if named else "white",
            markeredgecolor=CHARCOAL,
            markeredgewidth=1.3,
        )
    for row in stations.itertuples():
        if row.place_id == junction_id or not row.labelled:
            continue  # the junction has its own label; a river's label names the station on it
        dx, dy = LABEL_OFFSETS.get(row.name_en, (6, 2))
        named = row.mark == "named"
        ax.annotate(
            row.name,
            (row.lon, row.lat),
            xytext=(dx, dy),
            textcoords="offset points",
            zorder=6,
            fontsize=9 if named else 8.5,
            color=INK if named else MID_GREY,
            fontweight="bold" if named else "normal",
            fontstyle="normal" if named else "italic",
            ha="center" if dx == 0 else "left" if dx > 0 else "right",
            va="bottom" if dy > 0 else "top" if dy < 0 else "center",
        )
    ax.scatter(
        crossings["lon"], crossings["lat"], marker="D", s=46, color=SKY, edgecolor=RIVER, linewidth=1.2, zorder=6
    )
    for row in crossings.itertuples():
        dx, dy = RIVER_OFFSETS.get(row.place_id, (6, 2))
        ax.annotate(
            row.name,
            (row.lon, row.lat),
            xytext=(dx, dy),
            textcoords="offset points",
            zorder=6,
            fontsize=8.5,
            color=RIVER_TEXT,
            fontstyle="italic",
            fontweight="bold",
            ha="center" if dx == 0 else "left" if dx > 0 else "right",
            va="bottom" if dy > 0 else "top" if dy < 0 else "center",
        )
    junction_event = load("events", lang=lang).set_index("event_id").loc[JUNCTION]
    junction = places.loc[junction_id]
    ax.plot(
        junction["lon"],
        junction["lat"],
        marker="*",
        markersize=17,
        color=GOLD,
        markeredgecolor=CHARCOAL,
        markeredgewidth=1.1,
        zorder=7,
        linestyle="none",
    )
    ax.annotate(
        t("junction_label", lang, LESSON, place=junction["name"], date=_when(junction_event, lang)),
        (junction["lon"], junction["lat"]),
        xytext=(12, -2),
        textcoords="offset points",
        zorder=7,
        fontsize=9,
        fontweight="bold",
        color=INK,
        ha="left",
        va="center",
        bbox={"boxstyle": "round,pad=0.25", "facecolor": "white", "edgecolor": "none", "alpha": 0.85},
    )
    siberia = places.loc["siberia"]
    ax.annotate(
        siberia["name"].upper(),
        (siberia["lon"], ROUTE_EXTENT[3]),
        xytext=(-12, -4),
        textcoords="offset points",
        fontsize=9.5,
        color=INK,
        fontweight="bold",
        ha="right",
        va="top",
        zorder=6,
    )
    handles += [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="none",
            markerfacecolor=CHARCOAL,
            markeredgecolor=CHARCOAL,
            label=t("legend_named", lang, LESSON),
        ),
        Line2D(
            [],
            [],
            marker="o",
            linestyle="none",
            markerfacecolor="white",
            markeredgecolor=CHARCOAL,
            label=wrap(t("legend_general", lang, LESSON), 34),
        ),
        Line2D(
            [],
            [],
            marker="D",
            linestyle="none",
            markerfacecolor=SKY,
            markeredgecolor=RIVER,
            label=wrap(t("legend_river", lang, LESSON, ids=compact_ids(ids_of(crossings))), 34),
        ),
        Line2D(
            [],
            [],
            marker="*",
            linestyle="none",
            markersize=13,
            markerfacecolor=GOLD,
            markeredgecolor=CHARCOAL,
            label=t("legend_junction", lang, LESSON, ids=junction_event["sentence_id"]),
        ),
    ]
    ax.legend(handles=handles, loc="upper left", fontsize=8.5, framealpha=0.95, edgecolor=LIGHT_GREY, borderpad=0.7)
    ids = ids_of(lines, points, crossings, junction_event)
    subtitle = t("map_subtitle", lang, LESSON, place=junction["name"], ids=junction_event["sentence_id"])
    stations = [
        (line.label, " – ".join(points[points["line_id"] == line.line_id].sort_values("seq")["name"]))
        for line in lines.itertuples()
    ]
    return finish(
        fig,
        title=t("map_title", lang, LESSON),
        subtitle=subtitle,
        ids=ids,
        lang=lang,
        kind="map",
        values=[("", subtitle), *stations],
        note=maps.map_note(lang),
    )


# --- Plan and outcome ----------------------------------------------------------------------------


def _fraction(year, month=None, day=None) -> float:
    """A date as a fractional year (start of the month or day given)."""
    month = 1 if month is None or pd.isna(month) else int(month)
    day = 1 if day is None or pd.isna(day) else int(day)
    return int(year) + (month - 1) / 12 + (day - 1) / 365


def meetings(lang: str = "en") -> pd.DataFrame:
    """The dated decisions and meetings of the timeline that are not the plan or its outcome (s073, s104–s107)."""
    events = timeline_events(lang)
    drawn_elsewhere = {RESUMED, PLAN_FINISH, PLAN_OPERATE, JUNCTION, REGULAR}
    chosen = events[events["category"].isin(["turksib", "policy"]) & ~events["event_id"].isin(drawn_elsewhere)]
    chosen = chosen.assign(
        at=[_fraction(e.year, e.month, e.day) + (0.5 / 12 if pd.isna(e.day) else 0) for e in chosen.itertuples()]
    )
    return chosen.sort_values("at").reset_index(drop=True)


def plan_chart(lang: str = "en") -> Figure:
    """The Turksib timeline: the decisions, the plan's years and deadlines (s108, s117), and what the text reports."""
    lang = check_lang(lang)
    events = load("events", lang=lang).set_index("event_id")
    numbers = figures(lang)
    planned, actual = int(numbers.loc["planned_years", "value"]), int(numbers.loc["actual_years", "value"])
    start = int(events.loc[RESUMED, "year"])
    finish_plan, operate_plan = events.loc[PLAN_FINISH], events.loc[PLAN_OPERATE]
    met, regular = events.loc[JUNCTION], events.loc[REGULAR]
    fig = figure(9.4, 6.0)
    ax = style_axes(fig.add_subplot(), grid="x")
    meetings_y, plan_y, outcome_y = 2.45, 1, 0
    ax.barh(plan_y, planned, left=start, height=0.34, color="white", edgecolor=BLUE, hatch="///", linewidth=1.3)
    ax.text(
        start + 0.08,
        plan_y,
        t("bar_planned", lang, LESSON, n=planned),
        va="center",
        ha="left",
        fontsize=9.5,
        color=INK,
        bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5},
    )
    met_at = _fraction(met["year"], met["month"], met["day"])
    ax.barh(outcome_y, met_at - start, left=start, height=0.34, color=BLUE)
    ax.text(
        start + 0.08,
        outcome_y,
        t("bar_actual", lang, LESSON, n=actual),
        va="center",
        ha="left",
        fontsize=9.5,
        color="white",
    )
    for event, key in ((finish_plan, "finish_planned"), (operate_plan, "operate_planned")):
        ax.fill_between(
            [int(event["year"]), int(event["year"]) + 1],
            plan_y - 0.3,
            plan_y + 0.75,
            color=BLUE,
            alpha=0.13,
            linewidth=0,
        )
        ax.text(
            int(event["year"]) + 0.5,
            plan_y + 0.3,
            t(key, lang, LESSON, year=int(event["year"])),
            ha="center",
            va="bottom",
            fontsize=8.5,
        )
    regular_at = _fraction(regular["year"], regular["month"])
    ax.plot([met_at], [outcome_y], marker="D", markersize=9, color=ORANGE, markeredgecolor=CHARCOAL, zorder=4)
    ax.barh(outcome_y, 1 / 12, left=regular_at, height=0.34, color=ORANGE, edgecolor=CHARCOAL, zorder=4)
    ax.text(
        met_at + 0.12,
        outcome_y - 0.3,
        t("met", lang, LESSON, date=_when(met, lang)),
        ha="right",
        va="top",
        fontsize=8.5,
    )
    ax.text(
        regular_at + 0.12,
        outcome_y - 0.3,
        t("regular", lang, LESSON, date=_when(regular, lang)),
        ha="left",
        va="top",
        fontsize=8.5,
    )
    decided = meetings(lang)
    key_lines = []
    for mark, event in enumerate(decided.itertuples(), start=1):
        y = meetings_y + (0.17 if mark % 2 else -0.17)
        ax.plot([event.at], [y], marker="o", markersize=13, color=PURPLE_DARK, zorder=4)
        ax.text(
            event.at, y, str(mark), ha="center", va="center", fontsize=8, color="white", fontweight="bold", zorder=5
        )
        date = _when(event, lang)
        key_lines.append(
            wrap(f"{mark}  {date}: {event.label} ({event.sentence_id.replace(';', ', ')})", 56).replace("\n", "\n     ")
        )
    ax.text(
        decided["at"].max() + 0.3,
        meetings_y,
        "\n".join(key_lines),
        ha="left",
        va="center",
        fontsize=8,
        linespacing=1.25,
    )
    plan_ids = compact_ids(
        split_ids(finish_plan["sentence_id"]) + split_ids(numbers.loc["planned_years", "sentence_id"])
    )
    outcome_ids = compact_ids(
        split_ids(events.loc[RESUMED, "sentence_id"])
        + split_ids(met["sentence_id"])
        + split_ids(regular["sentence_id"])
        + split_ids(numbers.loc["actual_years", "sentence_id"])
    )
    ax.set_yticks(
        [outcome_y, plan_y, meetings_y],
        [
            t("lane_outcome", lang, LESSON, ids=outcome_ids),
            t("lane_plan", lang, LESSON, ids=plan_ids),
            t("lane_meetings", lang, LESSON, ids=compact_ids(ids_of(decided))),
        ],
        fontsize=9.5,
    )
    last = int(operate_plan["year"]) + 1
    ax.set_xlim(start, last)
    ax.set_ylim(-0.85, 3.2)
    ax.set_xticks(range(start, last + 1))
    ax.set_xlabel(t("year", lang))
    ax.tick_params(axis="y", length=0)
    rows = pd.concat(
        [
            events.loc[[RESUMED, PLAN_FINISH, PLAN_OPERATE, JUNCTION, REGULAR]],
            decided,
            numbers.loc[["planned_years", "actual_years"]],
        ]
    )
    title = t("plan_title", lang, LESSON, planned=planned, actual=actual)
    return finish(
        fig,
        title=title,
        subtitle=t("plan_subtitle", lang, LESSON, start=start, ids=events.loc[RESUMED, "sentence_id"]),
        ids=ids_of(rows),
        lang=lang,
        kind="timeline",
        values=[(e.label, event_date(e, lang)) for e in rows[rows["year"].notna()].sort_values("year").itertuples()],
    )


# --- Progress ------------------------------------------------------------------------------------


def progress_chart(lang: str = "en") -> Figure:
    """The stages from the north and the south, stacked, against the stated total, under both readings of s118."""
    lang = check_lang(lang)
    stages = load("turksib_stages", lang=lang)
    north = stages[stages["side"] == "north"].sort_values("seq")
    south = stages[stages["side"] == "south"]
    totals = stage_totals()
    total = figures(lang).loc["total_length"]
    last = north.iloc[-1]
    shades = [BLUE_PALE, BLUE_MID, NORTH]
    fig = figure(9.4, 4.9)
    ax = style_axes(fig.add_subplot(), grid="x")
    rows = [
        t("row_north", lang, LESSON, ids=compact_ids(ids_of(north))),
        t("row_south", lang, LESSON, period=south["period"].iloc[0], ids=compact_ids(ids_of(south))),
        t("row_alone", lang, LESSON, km=number(last["length_km"], lang), year=int(last["year_start"])),
        t("row_cumulative", lang, LESSON, km=number(last["length_km"], lang), year=int(last["year_start"])),
    ]

    def segment(y, left, width, color, label, **style):
        ax.barh(y, width, left=left, height=0.6, color=color, edgecolor="white", linewidth=1, **style)
        if label:
            ax.text(left + width / 2, y, label, ha="center", va="center", fontsize=8.5, color=text_on(color))

    left = 0.0
    for stage, shade in zip(north.itertuples(), shades):
        segment(0, left, stage.length_km, shade, number(stage.length_km, lang))
        short = t(f"stage_{stage.stage_id}", lang, LESSON) if has(f"stage_{stage.stage_id}", LESSON) else stage.period
        ax.text(left + stage.length_km / 2, -0.33, short, ha="center", va="bottom", fontsize=8.5, color=DARK_GREY)
        left += stage.length_km
    segment(1, 0, south["length_km"].sum(), SOUTH, number(south["length_km"].sum(), lang))
    for y, reading in ((2, "alone"), (3, "cumulative")):
        row = totals.loc[reading]
        segment(y, 0, row["north_km"], NORTH, f"{t('north_part', lang, LESSON)}\n{number(row['north_km'], lang)}")
        segment(
            y,
            row["north_km"],
            row["south_km"],
            SOUTH,
            f"{t('south_part', lang, LESSON)}\n{number(row['south_km'], lang)}",
        )
        ax.barh(
            y,
            row["gap_km"],
            left=row["together_km"],
            height=0.6,
            color="white",
            edgecolor=GREY,
            hatch="///",
            linewidth=0.8,
        )
        ax.text(
            row["stated_total_km"] + 14,
            y,
            t("gap", lang, LESSON, km=number(row["gap_km"], lang)),
            ha="left",
            va="center",
            fontsize=9,
            color=INK,
        )
        ax.text(
            row["together_km"],
            y - 0.33,
            f"= {number(row['together_km'], lang)} {t('km', lang, LESSON)}",
            ha="right",
            va="bottom",
            fontsize=9,
            color=INK,
            fontweight="bold",
        )
    ax.axvline(total["value"], color=INK, linewidth=1.4, linestyle=(0, (4, 2)))
    ax.text(
        total["value"] + 14,
        -0.45,
        t("total_line", lang, LESSON, km=number(total["value"], lang), ids=total["sentence_id"]),
        ha="left",
        va="top",
        fontsize=8.5,
        color=INK,
    )
    ax.set_yticks(range(len(rows)), rows, fontsize=9)
    ax.tick_params(axis="y", length=0)
    ax.invert_yaxis()
    ax.set_ylim(3.5, -0.85)
    ax.set_xlim(0, math.ceil(total["value"] / 100) * 100 + 250)
    ax.set_xlabel(t("track_km", lang, LESSON))
    return finish(
        fig,
        title=t("progress_title", lang, LESSON),
        subtitle=t("progress_subtitle", lang, LESSON),
        ids=ids_of(stages, pd.DataFrame([total])),
        lang=lang,
        kind="bar",
        values=bar_values(ax),
    )


# --- Pace ----------------------------------------------------------------------------------------


class PaceChart:
    """Years needed to lay a length at the text's rates and at the student's rate, with the text's claims.

    Built once; :meth:`update` changes only the bars and their labels (the
    ``dynamic`` artists), so :class:`histkit.ui.widgets.FigureView` redraws it fast.
    """

    def __init__(self, lang: str | Words = "en", length_km: float | None = None, rate_m_per_day: float = 1000):
        self.say = say = bind(lang, LESSON)
        self.lang = lang = say.lang
        self.rates = pace_table(1, say)
        numbers = figures(say)
        longest = max(value for _, value in length_choices(say))
        self.max_length = math.ceil(longest / 100) * 100
        slowest = self.rates["metres_per_day"].min()
        self.max_years = math.ceil(years_needed(self.max_length, slowest) / 5) * 5
        fig = figure(9.4, 4.6)
        ax = style_axes(fig.add_subplot(), grid="x")
        labels = [
            say(f"rate_{row.figure_id}", rate=f"{say.number(row.value)} {row.unit}", ids=row.sentence_id)
            for row in self.rates.itertuples()
        ] + [say("rate_yours")]
        colors = [GREY, ORANGE, BLUE, VERMILLION]
        self.bars = list(ax.barh(range(4), [0] * 4, height=0.58, color=colors))
        self.values = [
            ax.text(
                0,
                y,
                "",
                va="center",
                fontsize=9,
                zorder=4,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5},
            )
            for y in range(4)
        ]
        ax.set_yticks(range(4), labels, fontsize=9)
        ax.tick_params(axis="y", length=0)
        ax.invert_yaxis()
        ax.set_xlim(0, self.max_years)
        ax.set_ylim(3.5, -1.35)
        ax.set_xlabel(say("years_needed"))
        for figure_id, key, style in (("actual_years", "claim_actual", "-"), ("planned_years", "claim_planned", "--")):
            row = numbers.loc[figure_id]
            ax.axvline(row["value"], color=DARK_GREY, linewidth=1.2, linestyle=style, zorder=1)
            ax.text(
                row["value"] + (0.25 if key == "claim_planned" else -0.25),
                -0.6,
                say(key, n=say.number(row["value"]), ids=row["sentence_id"]),
                fontsize=8.5,
                ha="left" if key == "claim_planned" else "right",
                va="center",
                color=DARK_GREY,
            )
        self.length_text = ax.text(
            self.max_years * 0.99, -1.05, "", ha="right", va="center", fontsize=10, fontweight="bold"
        )
        self.figure = finish(
            fig,
            title=say("pace_title"),
            subtitle=say("pace_subtitle"),
            ids=ids_of(self.rates, numbers.loc[["actual_years", "planned_years"]]),
            lang=lang,
            kind="bar",
            values=[("", say("pace_subtitle"))],
        )
        self.ax = ax
        self.dynamic = [*self.bars, *self.values, self.length_text]
        self.update(length_km if length_km is not None else figure_value("total_length"), rate_m_per_day)

    def update(self, length_km: float, rate_m_per_day: float) -> None:
        """Set the length (km) and the student's rate (metres a day)."""
        self.length_km, self.rate = float(length_km), float(rate_m_per_day)
        rates = [*self.rates["metres_per_day"], self.rate]
        for bar, label, rate in zip(self.bars, self.values, rates):
            days = days_needed(self.length_km, rate)
            years = days / 365
            bar.set_width(years)
            shown = self.say("years_days", years=self.say.number(years, 1), days=self.say.number(days, 0))
            if label is self.values[-1]:  # the student's rate, in the slider's unit
                shown = f"{self.say('m_a_day', m=self.say.number(rate, 0))}: {shown}"
            inside = years > self.max_years * 0.6  # a long bar: write inside it, at the right end
            label.set_text(shown + (" →" if years > self.max_years else ""))
            label.set_position(
                (
                    (min(years, self.max_years) - self.max_years * 0.01) if inside else years + self.max_years * 0.01,
                    label.get_position()[1],
                )
            )
            label.set_ha("right" if inside else "left")
            label.set_color("white" if inside else INK)
            label.get_bbox_patch().set_visible(not inside)
        self.length_text.set_text(self.say("length_now", km=self.say.number(self.length_km)))
        describe(self.figure, [("", self.length_text.get_text()), *bar_values(self.ax)])


def pace_chart(length_km: float | None = None, rate_m_per_day: float = 1000, lang: str = "en") -> Figure:
    """The pace chart for one length and one student's rate."""
    return PaceChart(lang, length_km, rate_m_per_day).figure


def pace_readout(length_km: float, rate_m_per_day: float, lang: str | Words = "en") -> str:
    """The sentence under the pace chart: the student's choice, the days and years it takes, the text's claims."""
    say = bind(lang, LESSON)
    days = days_needed(length_km, rate_m_per_day)
    words = say(
        "readout",
        rate=say.number(rate_m_per_day, 0),
        kmday=say.number(rate_m_per_day / 1000, 2),
        km=say.number(length_km),
        days=say.number(days, 0),
        years=say.number(days / 365, 1),
        actual=say.number(figure_value("actual_years")),
        planned=say.number(figure_value("planned_years")),
        ids=figures().loc["actual_years", "sentence_id"],
    )
    return in_lang(words, say.lang)


def pace_explorer(lang: str = "en", rate_m_per_day: int = 1000):
    """Pick a rate and a length: the chart and the sentence underneath show the days and years it takes."""
    import ipywidgets as widgets

    from ..ui.widgets import FigureView, PrintableBox, labelled

    say = bind(lang, LESSON)  # the language is checked here, once, and carried as bound words
    chart = PaceChart(say, rate_m_per_day=rate_m_per_day)
    view = FigureView(chart.figure, dynamic=chart.dynamic)
    choices = length_choices(say)
    wide = {"description_width": "14em"}  # one width for the three labels, so the controls line up
    menu = widgets.Dropdown(
        options=[*choices, (say("length_own"), None)],
        value=choices[0][1],
        **labelled(say("length_menu"), say.lang),
        style=wide,
        layout=widgets.Layout(width="42em"),
    )
    length = widgets.BoundedIntText(
        value=int(choices[0][1]),
        min=10,
        max=chart.max_length,
        step=1,
        **labelled(say("length_slider"), say.lang),
        continuous_update=True,
        style=wide,
        layout=widgets.Layout(width="42em"),
    )
    rate = widgets.BoundedIntText(
        value=rate_m_per_day,
        min=50,
        max=3000,
        step=50,
        **labelled(say("rate_slider"), say.lang),
        continuous_update=True,
        style=wide,
        layout=widgets.Layout(width="42em"),
    )
    readout = widgets.HTML(pace_readout(length.value, rate.value, say))
    for control, name in ((menu, "menu"), (length, "length"), (rate, "rate")):
        control.add_class(f"histkit-pace-{name}")  # handles for the browser tests

    def redraw(_=None):
        chart.update(length.value, rate.value)
        view.refresh()
        readout.value = pace_readout(length.value, rate.value, say)

    def from_menu(change):
        if change["new"] is not None and length.value != change["new"]:
            length.value = int(change["new"])  # redraws through the slider

    def from_slider(change):
        known = [value for _, value in choices if value == change["new"]]
        menu.value = known[0] if known else None
        redraw()

    menu.observe(from_menu, names="value")
    length.observe(from_slider, names="value")
    rate.observe(redraw, names="value")
    box = PrintableBox([menu, length, rate, view.image, readout], lang=lang)
    box.add_class("histkit-pace")
    box.chart, box.view = chart, view  # for tests and benchmarks
    return box


# --- People --------------------------------------------------------------------------------------


def _period(row: pd.Series, lang: str) -> str:
    """When a workforce row applies: its period in English; in Kazakh, the date as the event from the same
    sentence prints it (a period in the locative, «1930 жылдың басында»), else the row's period."""
    period = row["period"]
    if lang == "en":
        return t("at_period", lang, LESSON, period=period) if period.startswith("beginning") else period
    events = load("events", lang="kk")
    printed = events.loc[events["sentence_id"] == row["sentence_id"], "date_kk"]
    return printed.iloc[0] if len(printed) else period


def people_card(lang: str = "en") -> HTML:
    """Who led and who built Turksib, as the text says, each with its sentence."""
    lang = check_lang(lang)
    people = load("people", lang=lang)
    leaders = people[people["group"] == "Turksib"]
    workforce = load("workforce", lang=lang).set_index("group_id", drop=False)
    numbers = figures(lang)
    builders, shock = workforce.loc["turksib_builders"], workforce.loc["shock_workers"]
    committees = numbers.loc["district_committees"]

    def filled(key, row, **extra):
        qualifier = load("workforce").set_index("group_id").loc[row["group_id"], "qualifier"]
        amount = t(f"qualifier_{qualifier}", lang, value=number(row["value"], lang), unit=row["unit"])
        return t(key, lang, LESSON, amount=amount, **extra)

    rows = [(p.name, p.role, p.sentence_id) for p in leaders.itertuples()]
    rows += [
        (
            t("people_party", lang, LESSON),
            t("people_committees", lang, LESSON, n=number(committees["value"], lang)),
            committees["sentence_id"],
        ),
        (builders["label"], filled("people_builders", builders), builders["sentence_id"]),
        (shock["label"], filled("people_shock", shock, period=_period(shock, lang)), shock["sentence_id"]),
    ]
    body = "".join(
        f"<tr><td style='text-align:left;font-weight:bold'>{html.escape(who)}</td>"
        f"<td style='text-align:left'>{html.escape(what)}</td><td><code>{html.escape(ids.replace(';', ', '))}</code></td></tr>"
        for who, what, ids in rows
    )
    head = "".join(
        f"<th style='text-align:left'>{t(k, lang, LESSON)}</th>" for k in ("people_who", "people_what", "people_source")
    )
    return HTML(
        f"<table class='histkit-people' lang='{lang}'><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


# --- Freight -------------------------------------------------------------------------------------


def _draw_totals(ax, lang: str) -> pd.DataFrame:
    """Freight in the first and the last year as printed (s129), and the last figure read as thousand tonnes, hatched."""
    table = freight_table(lang)
    labels, top = [], table["thousand_tonnes"].max()
    for y, row in enumerate(table.itertuples()):
        reading = row.kind == "reading"
        ax.barh(
            y,
            row.thousand_tonnes,
            height=0.55,
            color="white" if reading else ORANGE,
            edgecolor=ORANGE if reading else "none",
            hatch="///" if reading else None,
            linewidth=1.3,
        )
        shown = t("thousand_t", lang, LESSON, value=number(row.thousand_tonnes, lang, 4))
        ax.text(
            row.thousand_tonnes + top * 0.012,
            y,
            shown,
            va="center",
            ha="left",
            fontsize=9.5,
            color=INK,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1},
        )
        labels.append(
            t("row_reading", lang, LESSON, year=row.year)
            if reading
            else t("row_printed", lang, LESSON, year=row.year, value=number(row.value, lang), unit=row.unit)
        )
    ax.set_yticks(range(len(table)), labels, fontsize=9)
    ax.tick_params(axis="y", length=0)
    ax.invert_yaxis()
    ax.set_xlim(0, top * 1.28)
    ax.set_xlabel(t("thousand_tonnes", lang, LESSON))
    return table


def _draw_growth(ax, lang: str) -> pd.DataFrame:
    """How many times freight grew, in all and by kind of cargo (s129, s130), with the text's hedges."""
    growth = load("freight_growth", lang=lang)
    hedges = load("freight_growth").set_index("cargo_id")["qualifier"]
    years = load("freight_totals")["year"]
    colors = [GREY if c == "all" else BLUE for c in growth["cargo_id"]]
    ax.barh(range(len(growth)), growth["factor"], height=0.55, color=colors)
    for y, row in enumerate(growth.itertuples()):
        hedge = hedges[row.cargo_id]
        key = "factor_plain" if pd.isna(hedge) else "factor_about" if hedge == "about" else "factor_more_than"
        ax.text(
            row.factor + 0.12, y, t(key, lang, LESSON, f=number(row.factor, lang)), va="center", ha="left", fontsize=10
        )
    ax.axvline(1, color=INK, linewidth=1.1, linestyle=(0, (3, 2)))
    ax.text(1.08, -0.55, t("no_growth", lang, LESSON), fontsize=8.5, va="center", ha="left", color=DARK_GREY)
    ax.set_yticks(range(len(growth)), [f"{row.cargo} ({row.sentence_id})" for row in growth.itertuples()], fontsize=9.5)
    ax.tick_params(axis="y", length=0)
    ax.set_ylim(len(growth) - 0.4, -0.85)
    ax.set_xlim(0, math.ceil(growth["factor"].max()) + 2)
    ax.set_xticks(range(0, math.ceil(growth["factor"].max()) + 1, 2))
    ax.set_xlabel(t("times_1928", lang, LESSON, first=int(years.min())))
    ax.set_title(
        t("growth_subtitle", lang, LESSON, first=int(years.min()), last=int(years.max())),
        loc="left",
        fontsize=10,
        color=GREY,
        wrap=True,
    )
    return growth


def freight_chart(lang: str = "en") -> Figure:
    """Freight before and after (s129), as printed and as one reading, and its growth by kind of cargo (s130)."""
    lang = check_lang(lang)
    fig = figure(9.4, 6.6)
    top, bottom = fig.subplots(2, 1, height_ratios=[1, 1.15])
    totals = _draw_totals(style_axes(top, grid="x"), lang)
    growth = _draw_growth(style_axes(bottom, grid="x"), lang)
    first, last = int(totals["year"].min()), int(totals["year"].max())
    return finish(
        fig,
        title=t("freight_title", lang, LESSON, first=first, last=last),
        subtitle=t("freight_subtitle", lang, LESSON, last=last),
        ids=ids_of(totals, growth),
        lang=lang,
        kind="bar",
        values=bar_values(top) + bar_values(bottom),
    )
