"""The offline base map: the border, a projection that keeps shapes, and the footer note."""

import math

from test_charts import render

from histkit.ui import charts, maps


def test_outline_is_kazakhstan():
    points = maps.outline()
    lons, lats = zip(*points)
    assert points[0] == points[-1]  # a closed ring
    assert 46 < min(lons) < 47.5 and 87 < max(lons) < 88  # from the Caspian to the Altai
    assert 40 < min(lats) < 41 and 55 < max(lats) < 56


def test_base_map_keeps_shapes_and_extent():
    fig, ax = maps.map_figure()
    assert ax.get_xlim() == (maps.EXTENT[0], maps.EXTENT[1])
    middle = (maps.EXTENT[2] + maps.EXTENT[3]) / 2
    assert math.isclose(ax.get_aspect(), 1 / math.cos(math.radians(middle)))
    places = maps.places("kk")
    ax.scatter(places.lon, places.lat)
    maps.label_places(ax, places)
    charts.finish(
        fig,
        title="Карта",
        ids=["s121"],
        lang="kk",
        kind="map",
        values=[("Айнабұлақ", "s121")],
        note=maps.map_note("kk"),
    )
    assert "Natural Earth" in fig._supxlabel.get_text()
    render(fig)


def test_every_place_lies_inside_the_map():
    places = maps.places()
    west, east, south, north = maps.EXTENT
    assert places.lon.between(west, east).all() and places.lat.between(south, north).all()
