"""The source text and the rules that split it into sentences.

The file in ``seeds/`` is kept byte for byte as received. ``data/sentences.csv``
holds the same text split into numbered sentences by :func:`split_sentences`,
whose rules are, in order:

1. Remove the stray hyphenation mark ``¬`` (``индус¬трияландыру``).
2. Join a line to the next one when it ends with an abbreviation: the year
   mark ``ж.``, ``т.б.`` ("etc.") or a lone initial such as ``К.``. In this
   text such a line break never ends a sentence.
3. Split where a full stop is glued to the next sentence (``көреміз.1925``,
   ``еді.Бірнеше``), unless the word before the stop is a one-letter initial
   (``С.Сәдуақасов``, ``Н.С.Курнаков``).
4. Split after a question mark that closes a quotation and is followed by a
   space and a capital letter (``түспей ме?” Тоталитарлық``).
5. Collapse each run of spaces (including the one no-break space of the
   source) into a single space, and trim the ends.

Nothing else is changed: spelling, punctuation (including the final
doubled full stop ``..``) and quotation marks stay as printed.
"""

from __future__ import annotations

import re
from pathlib import Path

SOURCE_NAME = "industrialization-of-kazakhstan-1925-1940.kk.txt"
SOURCE_SHA256 = "9d71766057fe67133b72d4373708a6cc2dbc177ca3c03af1a3077eff018a23d1"

_ABBREVIATION_AT_END = re.compile(r"(?:\bж\.|\bт\.б\.|(?:^|[\s.,])\w\.)$")
_GLUED_STOP = re.compile(r"(?<=\w{2})\.(?=[A-ZА-ЯӘҒҚҢӨҰҮҺІЁ0-9])")
_QUESTION_IN_QUOTE = re.compile(r"(?<=\?”) (?=[A-ZА-ЯӘҒҚҢӨҰҮҺІЁ])")
_SPACES = re.compile(r"[ \u00a0]+")


def split_sentences(text: str) -> list[str]:
    """Split the raw source text into sentences (rules in the module docstring)."""
    text = text.replace("¬", "")
    lines: list[str] = []
    for line in text.split("\n"):
        if lines and _ABBREVIATION_AT_END.search(lines[-1].rstrip()):
            lines[-1] = lines[-1].rstrip() + " " + line.lstrip()
        else:
            lines.append(line)
    sentences: list[str] = []
    for line in lines:
        line = _GLUED_STOP.sub(".\n", line)
        line = _QUESTION_IN_QUOTE.sub("\n", line)
        sentences.extend(part for part in line.split("\n"))
    cleaned = (_SPACES.sub(" ", s).strip() for s in sentences)
    return [s for s in cleaned if s]


def read_source(path: Path) -> str:
    """Read the source file as UTF-8 text."""
    return path.read_text(encoding="utf-8")
