"""Every word on screen that is not data, in English and Kazakh: one lookup, :func:`t`.

The words live in ``histkit/ui/text/``: ``shared.toml`` for words every lesson uses, and one
file per lesson (``turksib.toml``...) for its own. A translator edits those files, not Python.
Each file is read the first time a word of it is needed, then kept. The lookup itself is in the
core (``histkit.text``), which needs words too, with the Kazakh case endings (:func:`ending`: a
template asks for one with the case after a colon, ``{right:possessive}`` gives 6-сы for 6 and 7-сі
for 7); this module adds numbers, dates and bound words.

>>> t("check", "kk")
'Тексеру'
>>> t("gap", "en", "turksib", km="167")
'167 km missing'
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..text import CASES, LANGS, TEXT, _lookup, _number, check_lang, ending, has, t, table

__all__ = [
    "CASES", "LANGS", "TEXT", "Words", "bind", "check_lang", "date_words", "ending", "has", "number", "t", "table",
]  # fmt: skip


def date_words(year, month=None, day=None, lang: str = "en") -> str:
    """A date in words, with only the parts given: '28 April 1930', 'April 1930', '1930';
    in Kazakh in the text's own order: '1930 ж. 28 сәуір'."""
    month_name = t(f"month_{int(month)}", lang) if pd.notna(month) else ""
    day_text = str(int(day)) if pd.notna(day) else ""
    parts = [f"{int(year)} ж.", day_text, month_name] if lang == "kk" else [day_text, month_name, str(int(year))]
    return " ".join(p for p in parts if p)


def number(value, lang: str, decimals: int | None = None) -> str:
    """A figure as readers of lang write it: 84.4 in English, 84,4 in Kazakh, 2902 (never 2902.0 or 1e+06).

    Rounded to decimals if given, else to 6 significant digits; a missing value gives ''.
    The one number formatter: lessons choose how to round, this writes the result.
    """
    return _number(value, check_lang(lang), decimals)


@dataclass(frozen=True)
class Words:
    """One lesson's words in one language, checked once where a widget is built, then carried along:
    ``say = bind("kk", "turksib")``, then ``say("gap", km=say.number(167))``."""

    lang: str
    lesson: str | None = None

    def __call__(self, key: str, **values) -> str:
        return _lookup(key, self.lang, self.lesson, values)

    def number(self, value, decimals: int | None = None) -> str:
        """A figure written the way readers of this language write it (see :func:`number`)."""
        return _number(value, self.lang, decimals)


def bind(lang: str | Words, lesson: str | None = None) -> Words:
    """Check lang once and bind it to the lesson's words; bound Words pass through as they are."""
    return lang if isinstance(lang, Words) else Words(check_lang(lang), lesson)
