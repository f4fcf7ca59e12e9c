"""Widgets shared by the lessons. This module imports ipywidgets: import it only where widgets are used.

Every widget is thin wiring around a pure function (returning HTML, a
DataFrame or a Figure) that tests call directly.
"""

from __future__ import annotations

import base64
import html
import io

import ipywidgets as widgets
import numpy as np
import PIL.Image
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from .. import HistkitError, cite, info, list_datasets, load, sentence
from .charts import small_png
from .display import in_lang, scroll_box
from .palette import FOCUS, MID_GREY, RULE_GREY, SILVER
from .words import check_lang, t

# Keyboard focus on every histkit control: a 2 px outline in FOCUS, where ipywidgets' own is a pale border (about
# 2:1 on white, below the 3:1 a focus indicator needs). The doubled class outranks ipywidgets' "outline: none
# !important" on text fields. record.start_note puts the rule on the page once per lesson.
FOCUS_CSS = (
    ".histkit-widget.histkit-widget :is(input, select, textarea, button):focus-visible "
    f"{{ outline: 2px solid {FOCUS} !important; outline-offset: 1px !important; }}"
)


class PrintableBox(widgets.VBox):
    """A VBox with a static form for readers without a kernel (GitHub, nbviewer, an HTML export).

    JupyterLab and Voilà render the live widget; a page that cannot (no kernel, no saved widget
    state) shows the richest other format, here the ``text/html`` of :func:`static_html`: its
    first view as a printable worksheet, with a line saying where the live version runs.
    """

    def __init__(self, children=(), lang: str = "en", **kwargs):
        super().__init__(children, **kwargs)
        self.lang = check_lang(lang)
        self.add_class("histkit-widget")  # FOCUS_CSS applies

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)
        bundle["text/plain"] = t("static_note", self.lang)
        bundle["text/html"] = static_html(self, self.lang)
        return bundle


def labelled(text: str, lang: str) -> dict:
    """A widget's description marked with its language, for screen readers: ``Dropdown(**labelled(...), ...)``."""
    return {
        "description": f"<span lang='{check_lang(lang)}'>{html.escape(text)}</span>",
        "description_allow_html": True,
    }


def static_html(box: widgets.Box, lang: str = "en") -> str:
    """A widget box as it first looks, in plain HTML: text and charts as shown, a choice not yet
    made as a list of boxes to tick, a text field as lines to write on, buttons left out."""
    handle = " ".join(box._dom_classes)
    return (
        f"<div class='histkit-static' lang='{check_lang(lang)}' data-widget='{html.escape(handle)}' "
        f"style='border:1px solid {SILVER};padding:0.6em;max-width:100%'>"
        f"<p style='color:{MID_GREY};font-style:italic;margin:0 0 0.5em'>{html.escape(t('static_note', lang))}</p>"
        f"{_static(box, lang)}</div>"
    )


def _static(widget: widgets.Widget, lang: str) -> str:
    description = getattr(widget, "description", "")
    shown = description if getattr(widget, "description_allow_html", False) else html.escape(description)
    label = f"<b>{shown}</b> " if description else ""
    if isinstance(widget, widgets.Box):
        flow = " style='display:flex;flex-wrap:wrap;gap:0.2em 2em'" if isinstance(widget, widgets.HBox) else ""
        return f"<div{flow}>{''.join(_static(child, lang) for child in widget.children)}</div>"
    if isinstance(widget, widgets.Button):
        return ""
    if isinstance(widget, ChartImage):
        return f"<p>{widget.html(small_png(widget.png))}</p>"
    if isinstance(widget, widgets.HTML):
        return widget.value
    if isinstance(widget, (widgets.Dropdown, widgets.RadioButtons, widgets.ToggleButtons)):
        if widget.value is not None:
            return f"<p style='margin:0.3em 0'>{label}{html.escape(widget.label)}</p>"
        flow = "block" if isinstance(widget, widgets.RadioButtons) else "inline-block"  # a list, or side by side
        boxes = "".join(
            f"<div style='display:{flow};margin:0.2em 1.5em 0.2em 0'>☐ {html.escape(option)}</div>"
            for option, value in widget._options_full
            if value is not None
        )
        return f"<div style='margin:0.4em 0'>{label}{boxes}</div>"
    if isinstance(widget, widgets.Textarea):
        lines = f"<div style='border-bottom:1px solid {RULE_GREY};height:1.8em'></div>" * 4
        return f"<div style='margin:0.4em 0'>{label}{lines}</div>"
    if isinstance(widget, widgets.Text):
        return f"<p>{label}<span style='display:inline-block;width:12em;border-bottom:1px solid {RULE_GREY}'>&nbsp;</span></p>"
    if isinstance(widget, (widgets.BoundedIntText, widgets.BoundedFloatText)):
        return f"<p style='margin:0.3em 0'>{label}{widget.value:g}</p>"
    raise HistkitError(f"{type(widget).__name__} has no static form yet: add one to histkit.ui.widgets._static.")


class ChartImage(widgets.HTML):
    """A chart's picture with its text alternative: an ``<img alt=…>`` (``ipywidgets.Image`` has no alt)."""

    png = b""
    alt = ""
    lang = "en"  # the language of alt

    def show(self, png: bytes, alt: str, lang: str = "en") -> None:
        self.png, self.alt, self.lang = png, alt, check_lang(lang)
        self.value = self.html(png)

    def html(self, png: bytes) -> str:
        picture = base64.b64encode(png).decode("ascii")
        return (
            f"<img src='data:image/png;base64,{picture}' alt='{html.escape(self.alt)}' lang='{self.lang}' "
            f"style='width:{self.layout.width or 'auto'};max-width:100%;height:auto'>"
        )


class FigureView:
    """A chart that redraws fast: build the figure once, change its artists, call refresh().

    The figure is drawn once (layout included), then its layout is frozen. Pass
    the artists a widget changes as ``dynamic``: the rest of the figure is kept
    as a rendered background, and a refresh draws only those artists on top
    of it before encoding the PNG shown in a :class:`ChartImage`, with the figure's
    text alternative (``figure.alt``, which the chart rewrites when it changes:
    :func:`histkit.ui.charts.describe`). Artists that a widget only shows or hides
    (labels) go in ``toggled``: each is rendered once and its pixels pasted over the
    rest while it is visible, since drawing text costs a millisecond or more per
    label. Dynamic and toggled artists must stay inside the figure and must not need
    a new layout.
    """

    def __init__(self, figure: Figure, dynamic=(), toggled=()):
        if not getattr(figure, "alt", ""):
            raise HistkitError("This chart has no text alternative: build it with histkit.ui.charts.finish().")
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
        self.image = ChartImage(layout=widgets.Layout(width=natural, max_width="100%", height="auto"))
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
        buffer = io.BytesIO()  # 256 colours: a chart has few, and this is a third of the bytes and faster
        opaque = PIL.Image.fromarray(pixels[..., :3])
        opaque.quantize(256, method=PIL.Image.Quantize.FASTOCTREE).save(buffer, format="png", compress_level=1)
        self.image.show(buffer.getvalue(), self.figure.alt, getattr(self.figure, "lang", "en"))


def explorer_html(name: str, lang: str = "en", rows: int = 8) -> str:
    """A dataset's first rows and the source sentences behind them, as HTML."""
    lang = check_lang(lang)
    table = load(name, lang=lang)
    shown = table.head(rows)
    about = info(name, lang)
    sources = cite(shown)
    quotes = "".join(sentence(s.sentence_id).card(lang) for s in sources.itertuples())
    return in_lang(
        f"<h4 style='margin:0.2em 0'>{html.escape(about.title)} <code>{html.escape(name)}</code></h4>"
        f"<p style='margin:0.2em 0'>{html.escape(about.description)}</p>"
        f"<p style='color:{MID_GREY};margin:0.2em 0'>{t('rows_shown', lang, n=len(shown), total=len(table))}</p>"
        + scroll_box(
            shown.to_html(index=False, na_rep="", escape=True, border=0), lang, "overflow-x:auto;max-width:100%"
        )
        + f"<p style='margin:0.6em 0 0.2em'><b>{t('sources_of_rows', lang)}</b></p>{quotes}",
        lang,
    )


def dataset_explorer(name: str = "events", lang: str = "en") -> widgets.VBox:
    """Pick a dataset and a language; see its first rows with the sentences they come from."""
    choose = widgets.Dropdown(options=list_datasets(), value=name, **labelled(t("dataset", lang), lang))
    language = widgets.ToggleButtons(
        options=[("English", "en"), ("Қазақша", "kk")], value=check_lang(lang), **labelled(t("language", lang), lang)
    )
    page = widgets.HTML(explorer_html(name, lang))

    def redraw(_=None):
        page.value = explorer_html(choose.value, language.value)

    choose.observe(redraw, names="value")
    language.observe(redraw, names="value")
    box = PrintableBox([widgets.HBox([choose, language]), page], lang=lang)
    box.add_class("histkit-explorer")  # a handle for the browser tests
    return box
