"""HTML that lessons show: rendered in Jupyter, a short label in plain text."""

from __future__ import annotations

import html

from .words import check_lang, t


class HTML(str):
    """An HTML fragment a notebook shows rendered. Its plain-text form (what GitHub's text view and
    nbval's text comparison see) is a short label, not the markup; nbval compares the HTML too."""

    def __new__(cls, markup: str, label: str = "<HTML: run the cell in Jupyter to see it>"):
        fragment = super().__new__(cls, markup)
        fragment.label = label
        return fragment

    def _repr_html_(self) -> str:
        return str(self)

    def __repr__(self) -> str:
        return self.label


def in_lang(markup: str, lang: str) -> str:
    """markup in a block marked with its language (lang="kk" or "en"), so screen readers pronounce it right."""
    return f"<div lang='{check_lang(lang)}'>{markup}</div>"


def scroll_box(markup: str, lang: str, style: str = "overflow-x:auto") -> str:
    """A box that scrolls when its content is wider (or taller) than the page: reachable with Tab, so
    its content scrolls with the arrow keys, and named for screen readers (WCAG 2.1.1)."""
    name = html.escape(t("scroll_box", lang))
    return f"<div role='region' tabindex='0' aria-label='{name}' style='{style}'>{markup}</div>"
