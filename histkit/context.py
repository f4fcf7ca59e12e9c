"""The context layer: facts from other sources, read from the separate package in data/context/.

Nothing here comes from the text, so none of it is in :func:`histkit.list_datasets`. Whatever shows
these facts must mark them as another source and cite the work (``histkit.lessons.context`` does).

>>> from histkit import context
>>> context.mark("en")
'other source'
>>> context.table("facts").columns[:2].tolist()
['fact_id', 'topic']
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd

from . import package
from .datasets import _check_lang, _choose_language
from .errors import UnknownChoiceError
from .locate import data_dir

FOLDER = "context"


def folder() -> Path:
    """The folder of the context package (data/context/)."""
    return data_dir() / FOLDER


def descriptor() -> dict:
    """The context package's datapackage.json."""
    return package.descriptor(folder())


def names() -> list[str]:
    """The tables of the context package: sources, facts, fact_sources, corroboration."""
    return [r["name"] for r in descriptor()["resources"]]


@cache
def _read(where: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(where / f"{name}.csv", dtype=str, keep_default_na=False)


def table(name: str, lang: str = "both") -> pd.DataFrame:
    """One table of the context package, every column as text; ``lang`` as in :func:`histkit.load`."""
    if name not in names():
        raise UnknownChoiceError(f"The context package has no table {name!r}; its tables are {', '.join(names())}.")
    frame = _choose_language(_read(folder(), name), _check_lang(lang)).copy()
    frame.attrs = {"dataset": f"{FOLDER}:{name}", "lang": lang}
    return frame


def mark(lang: str) -> str:
    """The words that mark a fact as coming from another source ('other source', 'басқа дереккөз')."""
    return descriptor()[f"mark_{lang}"]


def fact(fact_id: str, lang: str) -> pd.Series:
    """One fact, in lang."""
    facts = table("facts", lang).set_index("fact_id", drop=False)
    if fact_id not in facts.index:
        raise UnknownChoiceError(f"There is no fact {fact_id!r}; fact ids are in histkit.context.table('facts').")
    return facts.loc[fact_id]


def sources_of(fact_id: str, lang: str) -> pd.DataFrame:
    """The works a fact was read in, in the order fact_sources.csv lists them."""
    links = table("fact_sources")
    wanted = links.loc[links["fact_id"] == fact_id, "source_id"]
    return table("sources", lang).set_index("source_id").loc[list(wanted)].reset_index()


def pairs(lang: str) -> pd.DataFrame:
    """The corroboration rows: a claim of the text beside another source's claim, with a verdict."""
    return table("corroboration", lang)
