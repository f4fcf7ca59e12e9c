"""The one lookup of words on screen, :func:`t`, over the TOML files in ``histkit/ui/text/``.

It sits in the core so that the core's own displays (:func:`histkit.info`,
:func:`histkit.list_datasets`) speak the reader's language too; ``histkit.ui.words`` builds the
interface's helpers (numbers, dates, bound words) on it. Each file is read the first time a
word of it is needed, then kept: ``import histkit`` reads none.

A Kazakh case ending on a filled-in figure, unit or name comes from :func:`ending`; a template asks
for it with the case after a colon: ``{right:possessive}`` gives 6-сы for 6 and 7-сі for 7.
"""

from __future__ import annotations

import re
import string
from functools import cache
from pathlib import Path

import pandas as pd

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
    return _FORMATTER.format(text, **values) if values else text


def _number(value, lang: str, decimals: int | None) -> str:
    if value is None or pd.isna(value):
        return ""
    value = float(value) if decimals is None else round(float(value), decimals)
    shown = str(int(value)) if value.is_integer() else f"{value:.0f}" if abs(value) >= 1e6 else f"{value:g}"
    return shown.replace(".", ",") if lang == "kk" else shown


# --- Kazakh case endings by vowel harmony ---------------------------------------------------------

_BACK, _FRONT = set("аоұыяё"), set("әөүіеэю")
_VOWELS = _BACK | _FRONT | set("иу")
_HARD = set("кқпстфхцчшщбвгд")  # voiceless, and b v g d, which sound voiceless at the end of a word
_NASAL = set("мнң")
_DIGITS = ["нөл", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз"]
_TENS = ["-", "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан"]
_SHORT = {"км": "километр", "м": "метр", "т": "тонна", "ж.": "жыл", "жж.": "жылдар"}

# Each case: (after a vowel, after м н ң, after ж з л р й у, after a voiceless sound), each in back | front;
# the plural alone parts р й у (-лар) from ж з л (-дар).
_CASES = {
    "genitive": ("ның|нің", "ның|нің", "дың|дің", "тың|тің"),
    "dative": ("ға|ге", "ға|ге", "ға|ге", "қа|ке"),
    "accusative": ("ны|ні", "ды|ді", "ды|ді", "ты|ті"),
    "locative": ("да|де", "да|де", "да|де", "та|те"),
    "attributive": ("дағы|дегі", "дағы|дегі", "дағы|дегі", "тағы|тегі"),
    "ablative": ("дан|ден", "нан|нен", "дан|ден", "тан|тен"),
    "possessive": ("сы|сі", "ы|і", "ы|і", "ы|і"),
    "plural": ("лар|лер", "дар|дер", "дар|дер", "тар|тер"),
}
CASES = tuple(_CASES)


def _spoken(number: str) -> str:
    """The last word of a figure read aloud in Kazakh: 1445 бес, 1000 мың, 84,4 төрт, 20 жиырма."""
    whole, _, decimals = number.replace(" ", "").lstrip("-").partition(",")
    n = int(decimals or whole)
    if n == 0:
        return "нөл"
    for size, word in ((10**9, "миллиард"), (10**6, "миллион"), (1000, "мың"), (100, "жүз")):
        if n % size == 0:
            return word
    return _DIGITS[n % 10] if n % 10 else _TENS[n % 100 // 10]


def ending(word, case: str) -> str:
    """word (a name, a unit or a figure) with the Kazakh case ending, by vowel harmony and its last sound.

    >>> ending("Түрксіб", "dative"), ending(6, "possessive"), ending(1445, "ablative"), ending("км", "locative")
    ('Түрксібке', '6-сы', '1445-тен', 'км-де')

    A figure (84,4), a sentence id (s097) or an abbreviation (км, т) takes its ending after a hyphen and sounds as read aloud
    (сексен төрт бүтін оннан төрт; километр). Cases: genitive, dative, accusative, locative, attributive
    (-дағы), ablative, possessive (3rd person), plural.
    """
    if case not in _CASES:
        raise LanguageError(f"{case!r} is not a case histkit knows: use one of {', '.join(CASES)}.")
    shown = _number(word, "kk", None) if isinstance(word, (int, float)) else str(word).strip()
    last = shown.split()[-1] if shown.split() else ""
    if re.fullmatch(r"-?[\d ]+(,\d+)?|s\d{3}", last):  # a figure, or a sentence id (s097: жеті)
        spoken, glue = _spoken(last.lstrip("s")), "-"
    elif last.lower() in _SHORT or (len(last) > 1 and last.isupper()):  # км, т; КСРО
        spoken, glue = _SHORT.get(last.lower(), last.lower()), "-"
    else:
        spoken, glue = last.lower(), ""
    vowels = [c for c in spoken if c in _VOWELS]
    if not vowels:
        raise LanguageError(f"{word!r} has no vowel to choose a Kazakh ending by: write the ending in the words.")
    harmony = [c for c in vowels if c not in "иу"] or vowels
    front = harmony[-1] in _FRONT
    final = spoken[-1]
    kind = 3 if final in _HARD else 1 if final in _NASAL else 0 if final in _VOWELS - set("иу") else 2
    suffix = ("лар|лер" if case == "plural" and final in "рйуи" else _CASES[case][kind]).split("|")[front]
    stem = shown
    if not glue and suffix[0] in _VOWELS:  # кітап → кітабы, көк → көгі, ақ → ағы
        stem = shown[:-1] + {"п": "б", "к": "г", "қ": "ғ"}.get(shown[-1], shown[-1])
    return f"{stem}{glue}{suffix}"


class _CaseFormatter(string.Formatter):
    """str.format, and a case after the colon of a placeholder: {right:possessive}, {unit:ablative}."""

    def format_field(self, value, format_spec: str):
        if format_spec in _CASES:
            return ending(value, format_spec)
        return super().format_field(value, format_spec)


_FORMATTER = _CaseFormatter()
