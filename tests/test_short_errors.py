"""In Jupyter, histkit's own errors show as their message, not as a long traceback."""

import pytest
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


def test_histkit_raises_only_its_own_errors():
    """Every `raise` in histkit raises a HistkitError, so a student reads one sentence, never a traceback."""
    import ast
    from pathlib import Path

    from histkit import errors

    ours = {
        name
        for name, value in vars(errors).items()
        if isinstance(value, type) and issubclass(value, errors.HistkitError)
    }
    root = Path(histkit.__file__).parent
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                name = getattr(node.exc.func, "id", getattr(node.exc.func, "attr", ""))
                if name == "error":  # package.Cell.error() builds a DataFileError naming the file, row and column
                    continue
                assert name in ours, f"{path.relative_to(root)}:{node.lineno} raises {name}, not a HistkitError"


def test_a_lesson_error_is_one_sentence():
    from histkit.errors import UnknownChoiceError
    from histkit.lessons import findings

    with pytest.raises(UnknownChoiceError) as caught:
        findings.show("nope")
    assert caught.value._render_traceback_()[0].endswith(
        "There is no finding 'nope'. The ids are in histkit.load('findings')."
    )
