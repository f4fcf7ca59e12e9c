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

from .. import cite, info, list_datasets, load, sentence
from .words import check_lang, t
from .palette import MID_GREY


class FigureView:
    """A chart that redraws fast: build the figure once, change its artists, call refresh().

    The figure is drawn once (layout included), then its layout is frozen. Pass
    the artists a widget changes as ``dynamic``: the rest of the figure is kept
    as a rendered background, and a refresh draws only those artists on top
    of it before encoding the PNG shown in an ``ipywidgets.Image``. Dynamic
    artists must stay inside the figure and must not need a new layout.
    """

    def __init__(self, figure: Figure, dynamic=()):
        self.figure = figure
        self.dynamic = list(dynamic)
        self.canvas = FigureCanvasAgg(figure)
        for artist in self.dynamic:
            artist.set_animated(True)
        self.canvas.draw()  # lays the figure out and renders everything but the dynamic artists
        figure.set_layout_engine(None)  # keep the positions the layout found
        self._background = self.canvas.copy_from_bbox(figure.bbox) if self.dynamic else None
        natural = f"{round(figure.bbox.width)}px"  # its own size (not stretched in Voilà), shrunk on small screens
        self.image = widgets.Image(format="png", layout=widgets.Layout(width=natural, max_width="100%", height="auto"))
        self.refresh()

    def refresh(self) -> None:
        """Render the figure (only its dynamic artists, if any) and show it."""
        if self._background is None:
            self.canvas.draw()
        else:
            self.canvas.restore_region(self._background)
            for artist in self.dynamic:
                self.figure.draw_artist(artist)
        buffer = io.BytesIO()
        PIL.Image.fromarray(np.asarray(self.canvas.buffer_rgba())).save(buffer, format="png", compress_level=1)
        self.image.value = buffer.getvalue()


def explorer_html(name: str, lang: str = "en", rows: int = 8) -> str:
    """A dataset's first rows and the source sentences behind them, as HTML."""
    lang = check_lang(lang)
    table = load(name, lang=lang)
    shown = table.head(rows)
    about = info(name)
    sources = cite(shown)
    quotes = "".join(sentence(s.sentence_id).card(lang) for s in sources.itertuples())
    return (
        f"<h4 style='margin:0.2em 0'>{html.escape(about.title)} <code>{html.escape(name)}</code></h4>"
        f"<p style='margin:0.2em 0'>{html.escape(about.description)}</p>"
        f"<p style='color:{MID_GREY};margin:0.2em 0'>{t('rows_shown', lang, n=len(shown), total=len(table))}</p>"
        f"<div style='overflow-x:auto;max-width:100%'>{shown.to_html(index=False, na_rep='', escape=True, border=0)}</div>"
        f"<p style='margin:0.6em 0 0.2em'><b>{t('sources_of_rows', lang)}</b></p>{quotes}"
    )


def dataset_explorer(name: str = "events", lang: str = "en") -> widgets.VBox:
    """Pick a dataset and a language; see its first rows with the sentences they come from."""
    choose = widgets.Dropdown(options=list_datasets(), value=name, description=t("dataset", lang))
    language = widgets.ToggleButtons(options=[("English", "en"), ("Қазақша", "kk")], value=check_lang(lang),
                                     description=t("language", lang))
    page = widgets.HTML(explorer_html(name, lang))

    def redraw(_=None):
        page.value = explorer_html(choose.value, language.value)

    choose.observe(redraw, names="value")
    language.observe(redraw, names="value")
    box = widgets.VBox([widgets.HBox([choose, language]), page])
    box.add_class("histkit-explorer")  # a handle for the browser tests
    return box
