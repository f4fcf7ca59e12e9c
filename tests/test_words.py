"""Words on screen: every string file complete in both languages, every key the code asks for present,
shared words written once, and no lesson module holding screen text in Python."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from histkit.errors import LanguageError
from histkit.ui import words

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted(words.TEXT.glob("*.toml"))
LESSONS = ROOT / "histkit" / "lessons"
LESSON_FILES = sorted(p for p in LESSONS.rglob("*.py") if p != LESSONS / "__init__.py")
CYRILLIC = re.compile("[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def lesson_of(path: Path) -> str | None:
    """The lesson a source file belongs to: lessons/turksib.py and lessons/findings/views.py give turksib, findings."""
    parts = path.relative_to(ROOT / "histkit").with_suffix("").parts
    return parts[1] if parts[0] == "lessons" and len(parts) > 1 else None


def test_there_is_a_shared_file_and_one_per_lesson():
    assert {p.stem for p in FILES} == {lesson_of(p) for p in LESSON_FILES} | {"shared"}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_key_has_english_and_kazakh_with_the_same_placeholders(path):
    for key, both in words.table(path.stem).items():
        assert set(both) == set(words.LANGS), f"{path.name} [{key}]: needs exactly en and kk"
        assert all(isinstance(v, str) and v.strip() for v in both.values()), f"{path.name} [{key}]: empty words"
        assert placeholders(both["en"]) == placeholders(both["kk"]), f"{path.name} [{key}]: placeholders differ"


def test_shared_words_are_written_once():
    shared = words.table()
    for path in FILES:
        if path.stem != "shared":
            repeated = [k for k, v in words.table(path.stem).items() if shared.get(k) == v]
            assert not repeated, f"{path.name} repeats shared.toml: {repeated}"


def _calls_of_t(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "t" and node.args:
            yield node


@pytest.mark.parametrize("path", sorted((ROOT / "histkit").rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_key_the_code_asks_for_is_there(path):
    lesson = lesson_of(path)
    for call in _calls_of_t(ast.parse(path.read_text(encoding="utf-8"))):
        key = call.args[0]
        if isinstance(key, ast.Constant):
            uses_lesson = len(call.args) > 2 and isinstance(call.args[2], ast.Name) and call.args[2].id == "LESSON"
            assert words.has(key.value, lesson if uses_lesson else None), f"{path.name}:{call.lineno}: no {key.value!r}"


@pytest.mark.parametrize("path", LESSON_FILES, ids=lambda p: str(p.relative_to(LESSONS)))
def test_no_lesson_module_holds_screen_text(path):
    """No {'en': ..., 'kk': ...} tables, and Kazakh only in docstrings and in patterns that search the source."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    allowed = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and ast.get_docstring(node) is not None:
            allowed.add(id(node.body[0].value))
        if isinstance(node, ast.Call) and node.args and getattr(node.func, "attr", getattr(node.func, "id", "")) in {
            "findall", "finditer", "search", "fullmatch", "compile", "_matches",
        }:  # fmt: skip
            allowed.add(id(node.args[0]))
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "LOADED_WORDS" for t in node.targets):
            allowed.update(id(e) for e in node.value.elts)
        if isinstance(node, ast.Dict):
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
            assert not {"en", "kk"} <= keys, f"{path.name}:{node.lineno}: a table of words belongs in histkit/ui/text/"
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and CYRILLIC.search(node.value):
            assert id(node) in allowed, f"{path.name}:{node.lineno}: Kazakh words {node.value!r} belong in the TOML"


def test_the_lookup_falls_back_to_shared_words_and_checks_the_language():
    assert words.t("check", "kk", "turksib") == words.table()["check"]["kk"]
    assert words.t("gap", "en", "turksib", km="167") == "167 km missing"
    assert words.has("gap", "turksib") and not words.has("gap")
    with pytest.raises(LanguageError):
        words.t("check", "ru")


def test_import_histkit_reads_no_string_file():
    import subprocess
    import sys

    code = "import sys, histkit; print('tomllib' in sys.modules, 'histkit.ui.words' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
