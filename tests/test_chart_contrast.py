"""Every word drawn in a chart image reads against what is behind it: WCAG 2.1 AA contrast (issue 15).

axe-core checks the HTML of a page but cannot see inside a chart's PNG. This test renders every chart
builder in both languages and, for each piece of text, finds the colour behind its centre (the figure, the
axes, then every bar, patch, marker or label box under it, alpha blended in drawing order) and requires
4.5:1, or 3:1 for large text (18 pt, or 14 pt bold).
"""

from __future__ import annotations

import pytest
from conftest import ratio
from matplotlib.backend_bases import MouseEvent
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import Collection
from matplotlib.colors import to_hex, to_rgba
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.text import Text
from test_chart_alt import BUILDERS

from histkit.ui import charts
from histkit.ui.palette import BLUE, INK, VERMILLION


def over(top, below) -> tuple:
    """top painted over below, with top's alpha."""
    top, below = to_rgba(top), to_rgba(below)
    return (*(top[i] * top[3] + below[i] * (1 - top[3]) for i in range(3)), 1.0)


def marked(line: Line2D) -> bool:
    """A line drawn with filled markers."""
    return line.get_marker() not in (None, "None", "", " ") and line.get_markerfacecolor() not in ("none", None)


def fills_under(fig, ax, x: float, y: float, below: float) -> list[tuple[float, tuple]]:
    """(zorder, colour) of every filled artist of ax under the display point (x, y), drawn before zorder below."""
    event = MouseEvent("motion_notify_event", fig.canvas, x, y)
    found = []
    for artist in ax.get_children():
        if not artist.get_visible() or artist.get_zorder() > below or artist is ax.patch:
            continue
        if isinstance(artist, Patch) and artist.get_fill() and artist.contains_point((x, y)):
            found.append((artist.get_zorder(), to_rgba(artist.get_facecolor())))
        elif isinstance(artist, Collection) and len(artist.get_facecolors()):
            hit, where = artist.contains(event)
            if hit:
                colours = artist.get_facecolors()
                index = where["ind"][0] if len(where.get("ind", [])) else 0
                found.append((artist.get_zorder(), tuple(colours[min(index, len(colours) - 1)])))
        elif isinstance(artist, Line2D) and marked(artist) and artist.contains(event)[0]:
            found.append((artist.get_zorder(), to_rgba(artist.get_markerfacecolor())))
    return sorted(found, key=lambda layer: layer[0])


def background(fig, text: Text, x: float, y: float) -> tuple:
    colour = to_rgba(fig.get_facecolor())
    if text.axes is not None:
        colour = over(text.axes.patch.get_facecolor(), colour)
        for _, fill in fills_under(fig, text.axes, x, y, text.get_zorder()):
            colour = over(fill, colour)
    box = text.get_bbox_patch()
    if box is not None and box.get_visible() and box.get_fill():
        colour = over(box.get_facecolor(), colour)
    return colour


def hard_to_read(fig) -> list[str]:
    """Every text of the figure below the contrast WCAG 2.1 AA asks for, in words."""
    FigureCanvasAgg(fig)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    problems = []
    for text in fig.findobj(Text):
        if not text.get_visible() or not text.get_text().strip():
            continue
        box = text.get_window_extent(renderer)
        back = background(fig, text, (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2)
        front = over(text.get_color(), back)
        bold = text.get_fontweight() in ("bold", "heavy", "semibold", "demibold", 600, 700, 800, 900)
        needed = 3.0 if text.get_fontsize() >= 18 or (text.get_fontsize() >= 14 and bold) else 4.5
        if ratio(front, back) < needed:
            problems.append(
                f"{text.get_text()[:40]!r}: {to_hex(front)} on {to_hex(back)} is {ratio(front, back):.2f}:1, "
                f"needs {needed}:1"
            )
    return problems


@pytest.mark.parametrize("lang", ["en", "kk"])
@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_every_word_in_a_chart_reads_against_its_background(name, lang):
    assert hard_to_read(BUILDERS[name](lang=lang)) == []


def test_low_contrast_is_caught_where_it_was():
    fig = charts.figure(4, 2)
    ax = fig.add_subplot()
    ax.set_ylim(-0.5, 1.5)
    ax.barh(0, 1, height=0.4, color=VERMILLION)
    ax.text(0.7, 0, "south 506", ha="center", va="center", fontsize=8.5, color="white")  # 3.9:1, as it was
    ax.text(0.5, 0.6, "warning", ha="center", va="center", fontsize=10, color=VERMILLION)  # on white
    ax.text(0.2, 0, "ink", ha="center", va="center", fontsize=8.5, color=INK)  # on the bar: 4.9:1
    ax.text(0.5, 1.1, "TITLE", ha="center", va="center", fontsize=20, color=BLUE)  # large: 3:1 is enough
    problems = hard_to_read(fig)
    assert len(problems) == 2 and problems[0].startswith("'south 506': #ffffff on #d55e00 is 3.87:1")
    assert problems[1].startswith("'warning': #d55e00 on #ffffff")


def test_text_on_picks_the_readable_colour():
    assert charts.text_on(BLUE) == "white" and charts.text_on(VERMILLION) == INK
    assert round(charts.contrast("white", "black"), 1) == 21.0
