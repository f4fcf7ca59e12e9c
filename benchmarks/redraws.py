"""The chart widgets the benchmark times: name -> (build, values).

build() returns (FigureView, change): change(value) sets one widget control the way a student
would, which runs the widget's callback and leaves the new image in view.image.value.
"""

from __future__ import annotations

from histkit.ui import charts
from histkit.ui.widgets import FigureView


def economy_bars():
    """The smallest redraw: one bar of the economy chart changes length (a baseline, not a lesson widget)."""
    fig = charts.economy_chart()
    bars = [p for p in fig.axes[0].patches if p.get_width() < 100]
    view = FigureView(fig, dynamic=bars)

    def change(value):
        bars[0].set_width(value)
        view.refresh()

    return view, change


def turksib_pace():
    """Lesson 02: the pace widget's rate slider (bars, value labels and the length text redrawn)."""
    from histkit.lessons import turksib

    box = turksib.pace_explorer("en")
    rate = box.children[2]

    def change(value):
        rate.value = value

    return box.view, change


def debates_wool_cloth():
    """Lesson 01: the wool-and-cloth model, wool slider (three bars, value and tick labels, four numbers redrawn)."""
    from histkit.lessons import debates

    box = debates.wool_cloth_explorer("en")

    def change(value):
        box.sliders["wool_t"].value = value

    return box.view, change


def metallurgy_enterprise_map():
    """Lesson 03: the enterprise map, period and industry toggles (markers, place labels, subtitle, sources redrawn)."""
    from histkit.lessons import metallurgy

    box = metallurgy.enterprise_explorer("en")
    controls = {"period": box.children[0], "group": box.children[1]}

    def change(value):
        control, choice = value
        controls[control].value = choice

    return box.view, change


REDRAWS = {
    "baseline: economy chart, one bar": (economy_bars, [20, 40, 60, 80]),
    "03-metallurgy: enterprise map, period and industry toggles": (
        metallurgy_enterprise_map,
        [
            ("period", "fyp1"),
            ("group", "food"),
            ("period", "prewar"),
            ("group", "non-ferrous metals"),
            ("period", "nep"),
            ("group", "fuel"),
            ("period", "all"),
            ("group", "all"),
        ],
    ),
    "02-turksib: pace, rate slider": (turksib_pace, [150, 900, 1500, 2500, 3000, 400]),
    "01-debates: wool-and-cloth model, wool slider": (debates_wool_cloth, [300, 1200, 2500, 4000, 5000, 800]),
}
