"""In Jupyter, histkit's own errors show as their message, not as a long traceback."""

from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook

import histkit
from histkit.errors import UnknownDatasetError


def test_the_error_renders_as_its_message():
    try:
        histkit.load("event")
    except UnknownDatasetError as caught:
        error = caught
    assert error._render_traceback_() == [
        f"\x1b[1;31mUnknownDatasetError\x1b[0m: {error}",
        "(Run %tb to see the full traceback.)",
    ]


def test_a_student_sees_the_message_in_a_notebook():
    notebook = new_notebook(cells=[new_code_cell("import histkit\nhistkit.load('event')"), new_code_cell("1 + 1")])
    NotebookClient(notebook, kernel_name="python3", timeout=60, allow_errors=True).execute()
    error = notebook.cells[0].outputs[0]
    assert error.output_type == "error" and error.ename == "UnknownDatasetError"
    assert error.evalue.startswith("There is no dataset called 'event'. Did you mean 'events'?")
    assert len(error.traceback) == 2 and "histkit/" not in "".join(error.traceback)
    assert notebook.cells[1].outputs[0]["data"]["text/plain"] == "2"  # the kernel carries on
