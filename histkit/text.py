"""The one lookup of words on screen, :func:`t`, over the TOML files in ``histkit/ui/text/``.

It sits in the core so that the core's own displays (:func:`histkit.info`,
:func:`histkit.list_datasets`) speak the reader's language too; ``histkit.ui.words`` builds the
interface's helpers (numbers, dates, bound words) on it. Each file is read the first time a
word of it is needed, then kept: ``import histkit`` reads none.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .errors import LanguageError

TEXT = Path(__file__).parent / "ui" / "text"  # one TOML file of words per lesson, and shared.toml
LANGS = ("en", "kk")


def check_lang(lang: str) -> str:
    """Return lang if it is 'en' or 'kk'; charts and widgets show one language at a time."""
    if lang not in ("en", "kk"):
        raise LanguageError(f"lang must be 'en' (English) or 'kk' (Kazakh), not {lang!r}.")
    return lang


@cache
def table(name: str = "shared") -> dict[str, dict[str, str]]:
    """The words of one file of histkit/ui/text/ ('shared' or a lesson's name), by key."""
    import tomllib  # only when a word is first needed

    with open(TEXT / f"{name}.toml", "rb") as file:
        return tomllib.load(file)


def has(key: str, lesson: str | None = None) -> bool:
    """True if there are words for key (the lesson's own or the shared ones)."""
    return (lesson is not None and key in table(lesson)) or key in table()


def t(key: str, lang: str, lesson: str | None = None, **values) -> str:
    """The words for key in lang, the lesson's own if it has them, else the shared ones, filled with values."""
    return _lookup(key, check_lang(lang), lesson, values)


def _lookup(key: str, lang: str, lesson: str | None, values: dict) -> str:
    words = table(lesson) if lesson is not None and key in table(lesson) else table()
    text = words[key][lang]
    return text.format(**values) if values else text
