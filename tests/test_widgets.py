"""The shared widgets, driven from Python as a student would drive them in the browser."""

from html import escape

import histkit
from histkit.ui import charts
from histkit.ui import widgets as hw


def test_explorer_html_shows_rows_and_their_sentences():
    page = hw.explorer_html("turksib_stages", "en", rows=2)
    assert "Showing 2 of 4 rows" in page
    assert histkit.sentence("s118").text_en.replace("'", "&#x27;") in page
    assert "s120" not in page  # the third and fourth rows, from s118 and s120, are not shown


def test_explorer_html_in_kazakh_quotes_the_original():
    page = hw.explorer_html("turksib_stages", "kk")
    assert histkit.sentence("s120").text_kk in page
    assert "4 жолдың 4 жолы көрсетілді" in page


def test_dataset_explorer_follows_the_dropdown_and_the_language(callback_log):
    explorer = hw.dataset_explorer("events", "en")
    dropdown, language = explorer.children[0].children
    page = explorer.children[1]
    assert "<code>events</code>" in page.value
    dropdown.value = "quotations"
    assert "<code>quotations</code>" in page.value
    english = page.value
    language.value = "kk"
    assert page.value != english
    assert histkit.sentence("s015").text_kk in page.value


def test_figure_view_renders_and_redraws():
    fig = charts.economy_chart()
    view = hw.FigureView(fig)
    first = view.image.value
    assert view.image.png[:4] == b"\x89PNG" and f"alt='{escape(fig.alt)}'" in first
    fig.axes[0].patches[-1].set_width(10)
    view.refresh()
    assert view.image.value != first
    assert fig.get_layout_engine() is None  # layout frozen after the first render


def test_figure_view_redraws_only_the_dynamic_artists():
    fig = charts.economy_chart()
    bars = [p for p in fig.axes[0].patches if p.get_width() < 100]
    view = hw.FigureView(fig, dynamic=bars)
    first = view.image.value
    bars[0].set_width(10)
    view.refresh()
    changed = view.image.value
    assert changed != first
    bars[0].set_width(bars[0].get_width())  # no change
    view.refresh()
    assert view.image.value == changed


def test_figure_view_keeps_the_figure_at_its_own_size():
    view = hw.FigureView(charts.economy_chart())  # 8 x 3.2 inches at 100 dpi
    assert view.image.layout.width == "800px" and view.image.layout.max_width == "100%"


def test_figure_view_pastes_toggled_artists_exactly_as_drawn():
    """A label shown or hidden through ``toggled`` looks the same as one drawn each time, at a fraction of the cost."""

    def chart():
        fig = charts.economy_chart()
        labels = [fig.axes[0].annotate(f"Label {n} Қазақ", (20 * n, n % 3), fontsize=9) for n in range(4)]
        return fig, labels

    fig, labels = chart()
    fast = hw.FigureView(fig, toggled=labels)
    drawn_fig, drawn_labels = chart()
    drawn = hw.FigureView(drawn_fig, dynamic=drawn_labels)
    for shown in ([True, False, True, False], [False, False, False, False], [True, True, True, True]):
        for label, other, visible in zip(labels, drawn_labels, shown):
            label.set_visible(visible)
            other.set_visible(visible)
        fast.refresh()
        drawn.refresh()
        assert fast.image.value == drawn.image.value
    assert hw.FigureView(charts.economy_chart()).image.value != fast.image.value  # the labels are there
