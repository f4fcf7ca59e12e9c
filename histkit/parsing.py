"""Reading the source's own text: figures and month names printed in Kazakh, and lists of sentence ids.

Pure functions on strings, with no data loading, so both provenance and validation can use them.
"""

from __future__ import annotations

import re

import pandas as pd


def split_ids(value) -> list[str]:
    """The sentence ids in a sentence_id cell ('s118;s120' gives ['s118', 's120'])."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return []
    return [part.strip() for part in str(value).split(";") if part.strip()]


NUMBER_WORDS = {
    "бір": 1,
    "екі": 2,
    "үш": 3,
    "төрт": 4,
    "бес": 5,
    "алты": 6,
    "жеті": 7,
    "сегіз": 8,
    "тоғыз": 9,
    "он": 10,
    "бірінші": 1,
    "екінші": 2,
    "үшінші": 3,
    "төртінші": 4,
    "бесінші": 5,
}
MONTHS = {
    "қаңтар": 1,
    "ақпан": 2,
    "наурыз": 3,
    "сәуір": 4,
    "мамыр": 5,
    "маусым": 6,
    "шілде": 7,
    "тамыз": 8,
    "қыркүйе": 9,
    "қазан": 10,
    "қараша": 11,
    "желтоқсан": 12,
}
_DIGITS = re.compile(r"\d+(?:,\d+)?")
_WORD = re.compile(r"\w+")


def numbers_in(text: str) -> list[float]:
    """Every figure printed in a Kazakh text: digits (with decimal commas, '73,9')
    and number words ('үш', 'екінші'), in order of appearance."""
    found: list[tuple[int, float]] = [(m.start(), float(m.group().replace(",", "."))) for m in _DIGITS.finditer(text)]
    for match in _WORD.finditer(text.lower()):
        if match.group() in NUMBER_WORDS:
            found.append((match.start(), float(NUMBER_WORDS[match.group()])))
    return [value for _, value in sorted(found)]


def months_in(text: str) -> list[int]:
    """Month numbers named in a Kazakh text, in order ('мамыр-маусым' gives [5, 6])."""
    lowered = text.lower()
    hits = []
    for name, number in MONTHS.items():
        hits += [(m.start(), number) for m in re.finditer(name, lowered)]
    return [number for _, number in sorted(hits)]
