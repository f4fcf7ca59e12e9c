"""Widgets shared by the lessons. This module imports ipywidgets: import it only where widgets are used.

Every widget is thin wiring around a pure function (returning HTML, a
DataFrame or a Figure) that tests call directly.
"""

from __future__ import annotations

import html
import io

import ipywidgets as widgets
import numpy as np
import PIL.Image
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from . import cite, info, list_datasets, load
from .labels import check_lang, text


class FigureView:
    """A chart that redraws fast: build the figure once, change its artists, call refresh().

    The figure is drawn once (layout included), then its layout is frozen. Pass
    the artists a widget changes as ``dynamic``: the rest of the figure is kept
    as a rendered background, and a refresh draws only those artists on top
    of it before encoding the PNG shown in an ``ipywidgets.Image``. Artists that
    a widget only shows or hides (labels) go in ``toggled``: each is rendered
    once and its pixels pasted over the rest while it is visible, since drawing
    text costs a millisecond or more per label. Dynamic and toggled artists must
    stay inside the figure and must not need a new layout.
    """

    def __init__(self, figure: Figure, dynamic=(), toggled=()):
        self.figure = figure
        self.dynamic = list(dynamic)
        self.toggled = list(toggled)
        self.canvas = FigureCanvasAgg(figure)
        for artist in self.dynamic + self.toggled:
            artist.set_animated(True)
        self.canvas.draw()  # lays the figure out and renders everything but the dynamic and toggled artists
        figure.set_layout_engine(None)  # keep the positions the layout found
        changing = self.dynamic or self.toggled
        self._background = self.canvas.copy_from_bbox(figure.bbox) if changing else None
        self._sprites = [self._sprite(artist) for artist in self.toggled]
        natural = f"{round(figure.bbox.width)}px"  # its own size (not stretched in Voilà), shrunk on small screens
        self.image = widgets.Image(format="png", layout=widgets.Layout(width=natural, max_width="100%", height="auto"))
        self.refresh()

    def _sprite(self, artist):
        """The pixels an artist adds to the background: (region, mask of the pixels it changes, their values)."""
        self.canvas.restore_region(self._background)
        before = np.array(self.canvas.buffer_rgba())
        shown = artist.get_visible()
        artist.set_visible(True)
        self.figure.draw_artist(artist)
        artist.set_visible(shown)
        after = np.asarray(self.canvas.buffer_rgba())
        changed = (after != before).any(axis=2)
        rows, columns = np.nonzero(changed)
        if not len(rows):
            return None
        region = (slice(rows.min(), rows.max() + 1), slice(columns.min(), columns.max() + 1))
        return region, changed[region], after[region][changed[region]]

    def refresh(self) -> None:
        """Render the figure (only its dynamic artists, if any, and the visible toggled ones) and show it."""
        if self._background is None:
            self.canvas.draw()
        else:
            self.canvas.restore_region(self._background)
            for artist in self.dynamic:
                self.figure.draw_artist(artist)
        pixels = np.asarray(self.canvas.buffer_rgba())
        for artist, sprite in zip(self.toggled, self._sprites):
            if sprite is not None and artist.get_visible():
                region, mask, values = sprite
                pixels[region][mask] = values
        buffer = io.BytesIO()
        PIL.Image.fromarray(pixels).save(buffer, format="png", compress_level=1)
        self.image.value = buffer.getvalue()


def explorer_html(name: str, lang: str = "en", rows: int = 8) -> str:
    """A dataset's first rows and the source sentences behind them, as HTML."""
    lang = check_lang(lang)
    table = load(name, lang=lang)
    shown = table.head(rows)
    about = info(name)
    sources = cite(shown)
    quotes = "".join(
        f"<li><b>{s.sentence_id}</b> <span lang='{lang}'>{html.escape(s.text_kk if lang == 'kk' else s.text_en)}</span></li>"
        for s in sources.itertuples()
    )
    return (
        f"<h4 style='margin:0.2em 0'>{html.escape(about.title)} <code>{html.escape(name)}</code></h4>"
        f"<p style='margin:0.2em 0'>{html.escape(about.description)}</p>"
        f"<p style='color:#555;margin:0.2em 0'>{text('rows_shown', lang, n=len(shown), total=len(table))}</p>"
        f"<div style='overflow-x:auto;max-width:100%'>{shown.to_html(index=False, na_rep='', escape=True, border=0)}</div>"
        f"<p style='margin:0.6em 0 0.2em'><b>{text('sources_of_rows', lang)}</b></p><ul>{quotes}</ul>"
    )


def dataset_explorer(name: str = "events", lang: str = "en") -> widgets.VBox:
    """Pick a dataset and a language; see its first rows with the sentences they come from."""
    choose = widgets.Dropdown(options=list_datasets(), value=name, description=text("dataset", lang))
    language = widgets.ToggleButtons(options=[("English", "en"), ("Қазақша", "kk")], value=check_lang(lang),
                                     description=text("language", lang))
    page = widgets.HTML(explorer_html(name, lang))

    def redraw(_=None):
        page.value = explorer_html(choose.value, language.value)

    choose.observe(redraw, names="value")
    language.observe(redraw, names="value")
    box = widgets.VBox([widgets.HBox([choose, language]), page])
    box.add_class("histkit-explorer")  # a handle for the browser tests
    return box
