"""Every word on screen that is not data, in English and Kazakh: one lookup, :func:`t`.

The words live in ``histkit/ui/text/``: ``shared.toml`` for words every lesson uses, and one
file per lesson (``turksib.toml``...) for its own. A translator edits those files, not Python.
Each file is read the first time a word of it is needed, then kept.

>>> t("check", "kk")
'Тексеру'
>>> t("gap", "en", "turksib", km="167")
'167 km missing'
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..errors import LanguageError

TEXT = Path(__file__).parent / "text"  # one TOML file of words per lesson, and shared.toml
LANGS = ("en", "kk")


def date_words(year, month=None, day=None, lang: str = "en") -> str:
    """A date in words, with only the parts given: '28 April 1930', 'April 1930', '1930';
    in Kazakh in the text's own order: '1930 ж. 28 сәуір'."""
    month_name = t(f"month_{int(month)}", lang) if pd.notna(month) else ""
    day_text = str(int(day)) if pd.notna(day) else ""
    parts = [f"{int(year)} ж.", day_text, month_name] if lang == "kk" else [day_text, month_name, str(int(year))]
    return " ".join(p for p in parts if p)


def format_kk(value: float) -> str:
    """A number written the Kazakh way: 73.9 becomes '73,9', 2902.0 becomes '2902'."""
    return f"{value:g}".replace(".", ",") if value != int(value) else str(int(value))


def check_lang(lang: str) -> str:
    """Return lang if it is 'en' or 'kk'; charts and widgets show one language at a time."""
    if lang not in ("en", "kk"):
        raise LanguageError(f"lang must be 'en' (English) or 'kk' (Kazakh), not {lang!r}.")
    return lang


@lru_cache(maxsize=None)
def table(name: str = "shared") -> dict[str, dict[str, str]]:
    """The words of one file of histkit/ui/text/ ('shared' or a lesson's name), by key."""
    with open(TEXT / f"{name}.toml", "rb") as file:
        return tomllib.load(file)


def has(key: str, lesson: str | None = None) -> bool:
    """True if there are words for key (the lesson's own or the shared ones)."""
    return (lesson is not None and key in table(lesson)) or key in table()


def t(key: str, lang: str, lesson: str | None = None, **values) -> str:
    """The words for key in lang, the lesson's own if it has them, else the shared ones, filled with values."""
    words = table(lesson) if lesson is not None and key in table(lesson) else table()
    text = words[key][check_lang(lang)]
    return text.format(**values) if values else text
