"""Offline maps drawn with matplotlib: no tiles, no downloads, so they work in class and on Binder.

The border is present-day Kazakhstan (Natural Earth 1:110m), for orientation
only. Place coordinates are general knowledge, approximate; every map says so
in its footer.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from .. import load
from ..locate import data_dir
from .charts import FONT, figure
from .palette import BORDER, CHARCOAL, FAINT, GREY, LAND, SILVER
from .words import check_lang, t

EXTENT = (46.0, 88.0, 39.5, 56.5)  # lon min, lon max, lat min, lat max: Kazakhstan and the places it shipped to


@lru_cache(maxsize=1)
def outline() -> list[tuple[float, float]]:
    """The present-day border as (lon, lat) points."""
    shape = json.loads((data_dir() / "kazakhstan_outline.geojson").read_text(encoding="utf-8"))
    ring = shape["features"][0]["geometry"]["coordinates"][0]
    return [(lon, lat) for lon, lat in ring]


def base_map(ax: Axes, extent: tuple[float, float, float, float] = EXTENT) -> Axes:
    """Draw the border on ax and set a map projection that keeps shapes right at these latitudes."""
    lons, lats = zip(*outline())
    ax.fill(lons, lats, facecolor=LAND, edgecolor=BORDER, linewidth=1.0, zorder=0)
    west, east, south, north = extent
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_aspect(1 / math.cos(math.radians((south + north) / 2)))
    ax.set_facecolor("white")
    ax.tick_params(labelsize=8, colors=GREY, length=0)
    ax.set_xticks(range(math.ceil(west / 5) * 5, int(east) + 1, 5))
    ax.set_yticks(range(math.ceil(south / 5) * 5, int(north) + 1, 5))
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0f}°E")
    ax.yaxis.set_major_formatter(lambda v, _: f"{v:.0f}°N")
    ax.grid(color=FAINT, linewidth=0.6)
    ax.set_axisbelow(True)
    for spine in ax.spines.values():
        spine.set_color(SILVER)
    return ax


def map_figure(width: float = 9.0, height: float = 5.6, extent=EXTENT) -> tuple[Figure, Axes]:
    """A new house-style figure holding a base map."""
    fig = figure(width, height)
    return fig, base_map(fig.add_subplot(), extent)


def label_places(ax: Axes, places: pd.DataFrame, name: str = "name", size: float = 8.5, **offsets) -> None:
    """Write each place's name beside its point; offsets={place_id: (dx, dy)} in points moves a label."""
    for place in places.itertuples():
        dx, dy = offsets.get(place.place_id, (4, 3))
        ax.annotate(
            getattr(place, name),
            (place.lon, place.lat),
            xytext=(dx, dy),
            textcoords="offset points",
            fontsize=size,
            fontfamily=FONT,
            color=CHARCOAL,
            ha="left" if dx >= 0 else "right",
            va="bottom" if dy >= 0 else "top",
        )


def map_note(lang: str = "en") -> str:
    """The footer note every map carries: where its coordinates and border come from."""
    return t("map_note", check_lang(lang))


def places(lang: str = "en") -> pd.DataFrame:
    """The places table in lang, indexed by place_id."""
    return load("places", lang=check_lang(lang)).set_index("place_id", drop=False)
