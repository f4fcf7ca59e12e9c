"""The chart widgets the benchmark times: name -> (build, values).

build() returns (FigureView, change): change(value) sets one widget control the way a student
would, which runs the widget's callback and leaves the new image in view.image.value.
"""

from __future__ import annotations

from histkit import charts
from histkit.widgets import FigureView


def economy_bars():
    """The smallest redraw: one bar of the economy chart changes length (a baseline, not a lesson widget)."""
    fig = charts.economy_chart()
    bars = [p for p in fig.axes[0].patches if p.get_width() < 100]
    view = FigureView(fig, dynamic=bars)

    def change(value):
        bars[0].set_width(value)
        view.refresh()

    return view, change


REDRAWS = {
    "baseline: economy chart, one bar": (economy_bars, [20, 40, 60, 80]),
}
