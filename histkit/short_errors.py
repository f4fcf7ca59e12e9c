"""In Jupyter, show histkit's own errors as their message, without a long traceback.

A student who mistypes a dataset name should read "There is no dataset called
'event'. Did you mean 'events'?", not thirty lines of library internals. Other
errors keep IPython's normal traceback; ``%tb`` still shows the full one.
"""

from __future__ import annotations

import sys

from .errors import HistkitError

_RED, _RESET = "\x1b[1;31m", "\x1b[0m"


def short_traceback(etype: type, value: BaseException) -> list[str]:
    """The lines shown instead of the traceback."""
    return [f"{_RED}{etype.__name__}{_RESET}: {value}", "(Run %tb to see the full traceback.)"]


def _handler(shell, etype, value, tb, tb_offset=None):
    sys.last_type, sys.last_value, sys.last_traceback = etype, value, tb
    return short_traceback(etype, value)


def install() -> None:
    """Register the short display with the running IPython, if there is one."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is not None:
        shell.set_custom_exc((HistkitError,), _handler)
