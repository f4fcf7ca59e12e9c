"""histkit: the data, charts and self-checks of the Kazakhstan industrialization history lab.

>>> import histkit
>>> histkit.list_datasets()[:3]
['sentences', 'sections', 'events']
>>> events = histkit.load("events")
>>> histkit.cite(events[events.year == 1930])   # the sentences behind those rows

``import histkit`` loads pandas only. Charts (``histkit.charts``) import
matplotlib, and widgets (``histkit.widgets``, ``histkit.checks``) import
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
