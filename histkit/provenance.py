"""Provenance: the sentences of the source behind every row, and the figures they print."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import pandas as pd

from .datasets import load
from .errors import LanguageError, UnknownSentenceError
from .parsing import split_ids

_ID = re.compile(r"s?(\d{1,3})", re.IGNORECASE)


def _sentences() -> pd.DataFrame:
    return load("sentences", lang="both").set_index("sentence_id")


def normalize_id(sentence_id) -> str:
    """Turn 's118', 'S118', '118' or 118 into 's118'; raise a clear error otherwise."""
    table = _sentences()
    first, last = table.index[0], table.index[-1]
    text = str(sentence_id).strip()
    match = _ID.fullmatch(text)
    if isinstance(sentence_id, bool) or not match:
        raise UnknownSentenceError(
            f"{sentence_id!r} is not a sentence id. Sentence ids look like 's118' ({first} to {last})."
        )
    normal = f"s{int(match.group(1)):03d}"
    if normal not in table.index:
        raise UnknownSentenceError(f"There is no sentence {normal!r}. Sentence ids run from {first} to {last}.")
    return normal


@dataclass(frozen=True)
class Sentence:
    """One sentence of the source, in Kazakh and in English."""

    sentence_id: str
    text_kk: str
    text_en: str
    section_id: str
    is_heading: bool
    lang: str = "en"

    def __str__(self) -> str:
        return f"{self.sentence_id}\nKK: {self.text_kk}\nEN: {self.text_en}"

    def card(self, lang: str = "en") -> str:
        """The sentence as an HTML card, the one way histkit quotes the source: its id and the Kazakh text,
        then the English translation unless lang is 'kk'."""
        english = "" if lang == "kk" else f"<div lang='en' style='color:#444'><i>{html.escape(self.text_en)}</i></div>"
        return (
            "<blockquote style='border-left:4px solid #0072B2;margin:0.4em 0;padding:0.2em 0.8em'>"
            f"<div lang='kk'><b>{html.escape(self.sentence_id)}</b> {html.escape(self.text_kk)}</div>{english}</blockquote>"
        )

    def _repr_html_(self) -> str:
        return self.card(self.lang)


def _card_lang(lang) -> str:
    if lang not in ("en", "kk"):
        raise LanguageError(f"lang must be 'en' (English) or 'kk' (Kazakh), not {lang!r}.")
    return lang


def sentence(sentence_id, lang: str = "en") -> Sentence:
    """One sentence of the source by its id ('s118'), in both languages.

    In a notebook it shows as a card for a lesson in lang: the Kazakh original, and under it
    the English translation when lang is 'en'.
    """
    lang = _card_lang(lang)
    normal = normalize_id(sentence_id)
    row = _sentences().loc[normal]
    return Sentence(normal, row["text_kk"], row["text_en"], row["section_id"], bool(row["is_heading"]), lang)


def cite(table, lang: str = "en") -> pd.DataFrame:
    """The sentences behind the rows of a table (filtered or not), in reading order.

    Accepts a DataFrame or one row (a Series) with a ``sentence_id`` column, or
    sentence ids as text ('s118;s120'). In a notebook they show as cards for a lesson in lang,
    as sentence() shows one.
    """
    lang = _card_lang(lang)
    if isinstance(table, str):
        ids = split_ids(table)
    elif isinstance(table, pd.Series) and "sentence_id" in table.index:
        ids = split_ids(table["sentence_id"])
    elif isinstance(table, pd.DataFrame) and "sentence_id" in table.columns:
        ids = [i for cell in table["sentence_id"] for i in split_ids(cell)]
    elif isinstance(table, (pd.DataFrame, pd.Series)):
        columns = list(table.columns if isinstance(table, pd.DataFrame) else table.index)
        raise UnknownSentenceError(
            "cite() needs a table with a 'sentence_id' column, and this one has none "
            f"(its columns: {', '.join(map(str, columns))}). Keep 'sentence_id' when you select columns."
        )
    else:
        raise UnknownSentenceError(
            f"cite() takes a table from histkit.load(), one of its rows, or sentence ids such as 's118', "
            f"not {type(table).__name__}."
        )
    wanted = sorted({normalize_id(i) for i in ids})
    cited = Citations(_sentences().loc[wanted, ["text_kk", "text_en"]].reset_index())
    cited.attrs = {"dataset": "sentences", "lang": "both", "cards": lang}
    return cited


class Citations(pd.DataFrame):
    """The table cite() returns. In a notebook it shows as source cards with every sentence whole,
    where a plain DataFrame would cut long sentences short; otherwise it is an ordinary DataFrame."""

    @property
    def _constructor(self):
        return Citations

    def _repr_html_(self) -> str | None:
        if not {"sentence_id", "text_kk", "text_en"} <= set(self.columns):
            return super()._repr_html_()
        return "".join(
            Sentence(row.sentence_id, row.text_kk, row.text_en, "", False).card(self.attrs.get("cards", "en"))
            for row in self.itertuples()
        )
