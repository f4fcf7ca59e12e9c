"""Shared fixtures: the project folders, and a scratch copy of the data package to break on purpose."""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ENGLISH_LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
KAZAKH_LESSONS = sorted((ROOT / "notebooks" / "kk").glob("[0-9][0-9]-*.ipynb"))
EDITIONS = [(path, "en") for path in ENGLISH_LESSONS] + [(path, "kk") for path in KAZAKH_LESSONS]
EDITION_IDS = [f"{path.stem}-{lang}" for path, lang in EDITIONS]


SESSION_ANSWERS = Path(tempfile.mkdtemp(prefix="histkit-answers-"))


def pytest_configure(config):
    """Saved answers go to a scratch folder, never beside the repository's notebooks: nbval's kernels
    inherit this, so a lesson starts with no answers. The browser tests' servers get folders of their
    own (test_browser._serve), so answers given in the browser never reach nbval's kernels."""
    os.environ["HISTKIT_ANSWERS_DIR"] = str(SESSION_ANSWERS)


@pytest.fixture(autouse=True)
def answers_folder(tmp_path, monkeypatch) -> Path:
    """Each test saves answers in a folder of its own, so no test sees another's."""
    folder = tmp_path / "answers"
    folder.mkdir()
    monkeypatch.setenv("HISTKIT_ANSWERS_DIR", str(folder))
    return folder


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ (and seeds/) that a test may edit without touching the real files."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return tmp_path / "data"


QUIZ = re.compile(r"""\bquiz\(\s*["']([\w-]+)["']""")  # a self-check in a lesson's code: quiz("02-stages-sum", LANG)


def checks_asked(path: Path) -> list[str]:
    """The self-checks a lesson asks, in reading order: the exercise ids of its quiz(...) calls."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    code = "\n".join("".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code")
    return QUIZ.findall(code)


def luminance(colour) -> float:
    """WCAG 2.1 relative luminance of a colour (a name, "#rrggbb", or channels from 0 to 1)."""
    from matplotlib.colors import to_rgba

    channels = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in to_rgba(colour)[:3]]
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]


def ratio(one, other) -> float:
    """WCAG 2.1 contrast ratio of two colours: 1 (none) to 21 (black on white)."""
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def clear_caches() -> None:
    """Forget every cached table, so the next load reads the data folder HISTKIT_DATA now names."""
    from histkit import datasets, locate, package
    from histkit.ui import answers

    locate._find.cache_clear()
    datasets._frame.cache_clear()
    package._descriptor.cache_clear()
    answers._questions.cache_clear()


@pytest.fixture
def copied_data(data_copy, monkeypatch):
    """data_copy, and histkit reading it (the caches cleared before and after)."""
    monkeypatch.setenv("HISTKIT_DATA", str(data_copy))
    clear_caches()
    yield data_copy
    clear_caches()


def replace_in(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace text in a file, failing loudly if the text is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not found in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


@pytest.fixture
def callback_log(caplog):
    """Widget callbacks that raise are only logged by ipywidgets: fail the test if any was."""
    caplog.set_level("WARNING")
    yield caplog
    errors = [r.getMessage() for r in caplog.records if r.levelname in ("WARNING", "ERROR")]
    assert not errors, f"a widget callback failed: {errors}"


def assert_fast_redraw(view, change) -> None:
    """A widget change must take FigureView's fast path: new image, no full redraw of the figure.

    Speed itself is measured by `make bench` (benchmarks/redraws.py), never by a timed assertion:
    wall-clock limits fail by chance on a loaded machine. What a test can prove every time is
    that the change redraws only the dynamic artists, which is what makes it fast.
    """
    full_draws = []
    original = view.canvas.draw
    view.canvas.draw = lambda *a, **k: full_draws.append(1) or original(*a, **k)
    try:
        before = view.image.value
        change()
        assert view.image.value != before, "the change did not produce a new image"
        assert not full_draws, "the change redrew the whole figure instead of only its dynamic artists"
    finally:
        view.canvas.draw = original


WIDGET_REPRS = ("Box(children=", "VBox(", "HBox(", "Dropdown(", "RadioButtons(", "ToggleButtons(", "IntSlider(",
                "FloatSlider(", "Text(", "Textarea(", "Button(", "Image(", "HTML(value=")  # fmt: skip


def exported_text(notebook) -> tuple[str, str]:
    """A notebook as `jupyter nbconvert --to html` exports it: the page, and its text without tags."""
    import html
    import re

    from nbconvert import HTMLExporter

    page, _ = HTMLExporter().from_notebook_node(notebook)
    body = re.sub(r"<script.*?</script>|<style.*?</style>", " ", page, flags=re.S)
    return page, html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)))


def cyrillic_roman_numerals(text: str, shortest: int = 1) -> list[str]:
    """Roman numerals typed with a Cyrillic І or Х (ХІV for XIV), outside «…» quotations of the source:
    docs/kazakh-style.md asks for Latin letters. shortest: the fewest letters a numeral has (2 where a
    lone І or Х may be a letter the prose names)."""
    outside = re.sub(r"«[^«»]*»", " ", text)
    tokens = re.findall(r"(?<!\w)[IVXLCDMІХ]+(?!\w)", outside)
    return [token for token in tokens if len(token) >= shortest and set(token) & set("ІХ")]
