"""Errors that histkit raises, each with a message a student or teacher can act on."""

from __future__ import annotations


class HistkitError(Exception):
    """Base class of every error histkit raises on purpose.

    In Jupyter these errors show as their message, not as a long traceback: a student who
    mistypes a dataset name reads what to do, not thirty lines of library internals.
    """

    def _render_traceback_(self) -> list[str]:
        """What IPython shows for this error (IPython calls this hook); %tb still shows it all."""
        return [f"\x1b[1;31m{type(self).__name__}\x1b[0m: {self}", "(Run %tb to see the full traceback.)"]


class UnknownDatasetError(HistkitError, LookupError):
    """A dataset name that is not in the data package."""


class UnknownSentenceError(HistkitError, LookupError):
    """A sentence id that is not in the sentences table."""


class DataNotFoundError(HistkitError, FileNotFoundError):
    """The data folder (the one holding datapackage.json) cannot be found."""


class DataFileError(HistkitError, ValueError):
    """A data file breaks its schema in datapackage.json."""


class NotADatasetNameError(HistkitError, TypeError):
    """Something other than a dataset name was passed where a name is expected."""


class LanguageError(HistkitError, ValueError):
    """A language code other than the ones histkit supports."""


class ExerciseError(HistkitError, LookupError):
    """An exercise id that is not in the exercises table, or a malformed answer."""


class UnknownChoiceError(HistkitError, LookupError):
    """A name a lesson does not know: a finding id, an explorer choice, a reading of the text."""


class OutOfRangeError(HistkitError, ValueError):
    """A number a lesson cannot use: a rate of 0 metres a day, a slider value outside its range."""
