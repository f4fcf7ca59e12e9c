"""In Jupyter, histkit's own errors show as their message, not as a long traceback."""

import sys
import types

import histkit
from histkit import short_errors
from histkit.errors import HistkitError, UnknownDatasetError


class FakeShell:
    def __init__(self):
        self.registered = None

    def set_custom_exc(self, types_, handler):
        self.registered = (types_, handler)


def test_installs_a_handler_for_histkit_errors_only(monkeypatch):
    shell = FakeShell()
    monkeypatch.setitem(sys.modules, "IPython", types.SimpleNamespace(get_ipython=lambda: shell))
    short_errors.install()
    types_, handler = shell.registered
    assert types_ == (HistkitError,)
    try:
        histkit.load("event")
    except UnknownDatasetError as caught:
        error = caught
    lines = handler(shell, type(error), error, error.__traceback__)
    assert lines[0] == (
        "\x1b[1;31mUnknownDatasetError\x1b[0m: There is no dataset called 'event'. Did you mean 'events'? "
        f"Run histkit.list_datasets() to see all {len(histkit.list_datasets())} names."
    )
    assert lines[1] == "(Run %tb to see the full traceback.)"
    assert sys.last_value is error  # so %tb still works


def test_does_nothing_outside_ipython(monkeypatch):
    monkeypatch.setitem(sys.modules, "IPython", types.SimpleNamespace(get_ipython=lambda: None))
    short_errors.install()  # no shell: nothing to register, and no error
    monkeypatch.delitem(sys.modules, "IPython")
    short_errors.install()
