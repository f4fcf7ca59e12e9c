"""histkit: the data, charts and self-checks of the Kazakhstan industrialization history lab.

>>> import histkit
>>> histkit.list_datasets()[:3]
['sentences', 'sections', 'events']
>>> events = histkit.load("events")
>>> histkit.cite(events[events.year == 1930])   # the sentences behind those rows

The package has three layers, one folder each: the core here (data, provenance,
validation), the shared interface in ``histkit.ui`` (charts, maps, widgets, self-checks,
words on screen) and one module per lesson in ``histkit.lessons``. ``import histkit``
loads pandas only; ``histkit.ui.charts`` imports matplotlib and ``histkit.ui.widgets``
ipywidgets, when you import those modules.
"""

from __future__ import annotations

from .datasets import info, list_datasets, load, validate
from .errors import (
    DataFileError,
    DataNotFoundError,
    HistkitError,
    NotADatasetNameError,
    UnknownDatasetError,
    UnknownSentenceError,
)
from .provenance import cite, sentence

__version__ = "0.1.0"

__all__ = [
    "DataFileError",
    "DataNotFoundError",
    "HistkitError",
    "NotADatasetNameError",
    "UnknownDatasetError",
    "UnknownSentenceError",
    "cite",
    "info",
    "list_datasets",
    "load",
    "sentence",
    "validate",
]
