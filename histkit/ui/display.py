"""HTML that lessons show: rendered in Jupyter, a short label in plain text."""

from __future__ import annotations


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
