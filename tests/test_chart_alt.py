"""Every chart has a text alternative written from the values it draws, in the chosen language (issue 15).

The house style makes it a property of the chart: charts.finish() needs the kind of chart and the values drawn,
FigureView shows the picture as an <img alt=…> and rewrites the alt on every redraw, and a chart shown in a
notebook carries it in text/html (and as its plain text), with a table of the numbers where there are many.
"""

from __future__ import annotations

import inspect
from html import escape

import pytest
from IPython.core.formatters import HTMLFormatter, PlainTextFormatter

import histkit
from histkit.errors import HistkitError
from histkit.lessons import debates, metallurgy, turksib
from histkit.lessons.findings import views
from histkit.ui import charts
from histkit.ui import widgets as hw
from histkit.ui.words import number, t

MODULES = [charts, debates, turksib, metallurgy, views]
BUILDERS = {
    f"{module.__name__.rsplit('.', 1)[-1]}.{name}": function
    for module in MODULES
    for name, function in inspect.getmembers(module, inspect.isfunction)
    if name.endswith(("_chart", "_map")) and function.__module__ == module.__name__
}


def test_every_chart_builder_is_found():
    assert len(BUILDERS) >= 16, sorted(BUILDERS)


@pytest.mark.parametrize("lang", ["en", "kk"])
@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_every_chart_describes_what_it_draws(name, lang):
    fig = BUILDERS[name](lang=lang)
    assert fig.alt.startswith(t(f"chart_{fig.kind}", lang) + ": ")
    assert " ".join(fig.title.split()) in fig.alt
    assert charts.source_footer(fig.source_ids, lang) in fig.alt  # the sentences it draws from
    assert fig.values and all(f"{label}: {value}" in fig.alt for label, value in fig.values if label)
    assert all(value in fig.alt for _, value in fig.values)
    if lang == "kk":
        assert set("әғқңөұүһі") & set(fig.alt.lower()), "a Kazakh chart is described in Kazakh"


@pytest.mark.parametrize("lang", ["en", "kk"])
def test_the_description_carries_the_figures_of_the_data(lang):
    economy = histkit.load("economy_1920s", lang=lang)
    shares = economy[economy["unit"] == t("per_cent", lang)]
    alt = charts.economy_chart(lang).alt
    assert all(f"{label}: {number(v, lang)}%" in alt for label, v in zip(shares["label"], shares["value"]))
    timeline = charts.timeline_chart(lang=lang).alt
    dated = histkit.load("events", lang=lang).dropna(subset=["year"])
    assert all(f"{label}: " in timeline for label in dated["label"])
    routes = metallurgy.flow_routes(lang)
    assert all(goods in metallurgy.flow_map(lang).alt for goods in routes["goods"])


@pytest.mark.parametrize("lang", ["en", "kk"])
def test_a_chart_in_a_notebook_is_an_image_with_its_description(lang):
    fig = charts.timeline_chart(lang=lang)  # many values: a table too
    page = HTMLFormatter()(fig)
    assert f"lang='{lang}'" in page and f"alt='{escape(fig.alt)}'" in page
    assert "<img src='data:image/png;base64," in page
    assert f"<summary>{t('show_numbers', lang)}</summary>" in page
    assert all(f"<td>{escape(label)}</td><td>{escape(value)}</td>" in page for label, value in fig.values)
    assert PlainTextFormatter()(fig) == fig.alt
    few = HTMLFormatter()(charts.economy_chart(lang))  # two values: the description is enough
    assert "<details" not in few and "alt='" in few


def test_a_chart_cannot_be_shown_or_viewed_without_a_description():
    bare = charts.figure()
    bare.add_subplot()
    with pytest.raises(HistkitError, match="text alternative"):
        bare._repr_html_()
    with pytest.raises(HistkitError, match="text alternative"):
        hw.FigureView(bare)
    with pytest.raises(HistkitError, match="values it draws"):
        charts.finish(bare, title="t", ids=["s001"], lang="en", kind="bar", values=[])


def test_widget_charts_rewrite_their_description_on_every_redraw(callback_log):
    model = debates.wool_cloth_explorer("kk")
    first = model.view.image.value
    assert f"alt='{escape(model.chart.fig.alt)}'" in first
    model.sliders["wool_t"].value = 5000
    assert "5000 т" in model.view.image.alt and model.view.image.value != first
    pace = turksib.pace_explorer("en")
    rate, image = pace.children[2], pace.children[3]
    rate.value = 500
    assert "500 m a day" in image.alt and f"alt='{escape(image.alt)}'" in image.value
    explorer = metallurgy.enterprise_explorer("en")
    period, image = explorer.children[0], explorer.children[2]
    everything = image.alt
    period.value = "fyp1"
    rows = metallurgy.select(metallurgy.enterprises("en"), "all", "fyp1")
    assert image.alt != everything
    assert all(name in image.alt for name in rows.dropna(subset=["lat"])["name"])
