"""The public data API: list_datasets, load, info, validate."""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

from . import package
from .errors import DataFileError, LanguageError, NotADatasetNameError, UnknownDatasetError
from .locate import data_dir
from .text import check_lang, t
from .validation import problems_in

LANGUAGES = ("en", "kk", "both")
# A list field (sentence_id) stays the text a teacher typed, "s118;s120"
_DTYPES = {"integer": "Int64", "number": "float64", "boolean": "boolean", "string": "str", "list": "str"}


# The self-checks with their answers, and the model answers to the Think prompts: load() serves them to histkit
# and to teachers, but they are no table for a student to explore.
ANSWER_KEY = ("exercises", "exercise_options", "exercise_categories", "think_prompts")


def list_datasets(lang: str = "en") -> DatasetList:
    """Names of the datasets a student explores with :func:`load` (the self-checks' answer key left out).

    A plain list of names; in a notebook it shows as a table with each dataset's title and
    description in lang ('en' or 'kk').
    """
    return DatasetList([name for name in package.tabular_names() if name not in ANSWER_KEY], check_lang(lang))


def _in_lang(item: dict, key: str, lang: str) -> str:
    """A descriptor's text in lang: ``title_kk`` beside ``title`` in Kazakh (datapackage.json has both)."""
    return item.get(key if lang == "en" else f"{key}_{lang}", "")


class DatasetList(list):
    """The dataset names :func:`list_datasets` gives: a list, shown in a notebook with titles and descriptions."""

    def __init__(self, names: list[str], lang: str):
        super().__init__(names)
        self.lang = lang

    def _repr_html_(self) -> str:
        esc, resources = html.escape, package.resources()
        rows = "".join(
            f"<tr><td style='text-align:left'><code>{esc(name)}</code></td><td style='text-align:left'>"
            f"<b>{esc(_in_lang(resources[name], 'title', self.lang))}</b><br>"
            f"{esc(_in_lang(resources[name], 'description', self.lang))}</td></tr>"
            for name in self
        )
        head = f"<th style='text-align:left'>{esc(t('dataset', self.lang))}</th>"
        head += f"<th style='text-align:left'>{esc(t('info_holds', self.lang))}</th>"
        return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _suggest(name: str, names: list[str]) -> list[str]:
    import difflib  # only needed when a name is wrong

    lowered = name.lower().strip()
    close = difflib.get_close_matches(lowered, names, n=3, cutoff=0.6)
    contains = [n for n in names if lowered and (lowered in n or n in lowered)]
    return sorted(dict.fromkeys(close + contains))[:3] if (close or contains) else []


def _or_list(items: list[str]) -> str:
    quoted = [repr(i) for i in items]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def check_name(name) -> str:
    """Return name if it is a dataset name; otherwise raise an error that says what to do."""
    if isinstance(name, (pd.DataFrame, pd.Series)):
        raise NotADatasetNameError(
            "This needs the name of a dataset, such as 'events', not a table. "
            "You already have the table: use it directly, or call histkit.cite(table) to see its source sentences."
        )
    if not isinstance(name, str):
        raise NotADatasetNameError(
            f"This needs the name of a dataset as text, such as 'events', not {type(name).__name__}. "
            "Run histkit.list_datasets() to see the names."
        )
    if name in package.tabular_names():  # the answer key too: histkit's self-checks load it
        return name
    names = list_datasets()
    suggestions = _suggest(name, names)
    hint = f" Did you mean {_or_list(suggestions)}?" if suggestions else ""
    raise UnknownDatasetError(
        f"There is no dataset called {name!r}.{hint} Run histkit.list_datasets() to see all {len(names)} names."
    )


def _check_lang(lang) -> str:
    if lang not in LANGUAGES:
        raise LanguageError(f"lang must be 'en' (English), 'kk' (Kazakh) or 'both', not {lang!r}.")
    return lang


@cache
def _frame(folder: Path, name: str) -> pd.DataFrame:
    rows = package.read_rows(name, folder)
    fields = package.resources()[name]["schema"]["fields"]
    columns = {f["name"]: pd.Series([r[f["name"]] for r in rows], dtype=_DTYPES[f["type"]]) for f in fields}
    return pd.DataFrame(columns)


def _choose_language(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    if lang == "both":
        return frame
    other = "kk" if lang == "en" else "en"
    renames, drops = {}, []
    for column in frame.columns:
        base, _, suffix = column.rpartition("_")
        if suffix in ("en", "kk") and f"{base}_{other if suffix == lang else lang}" in frame.columns:
            if suffix == lang:
                renames[column] = base
            else:
                drops.append(column)
    return frame.drop(columns=drops).rename(columns=renames)


def load(name: str, *, lang: str = "en") -> pd.DataFrame:
    """Load a dataset as a DataFrame.

    Columns that come in two languages (``label_en`` / ``label_kk``) are given once,
    without the suffix, in the language chosen: ``lang="en"`` (English),
    ``"kk"`` (Kazakh) or ``"both"`` (keep both columns). Every table has a
    ``sentence_id`` column: pass the frame, filtered or not, to :func:`histkit.cite`.
    """
    name = check_name(name)
    frame = _choose_language(_frame(data_dir(), name), _check_lang(lang)).copy()
    frame.attrs = {"dataset": name, "lang": lang}
    return frame


@dataclass(frozen=True)
class DatasetInfo:
    """What a dataset holds: description, fields with units, and sources, in one language."""

    name: str
    title: str
    description: str
    fields: pd.DataFrame
    rows: int
    sources: list[str]
    license: str
    lang: str = "en"

    def __repr__(self) -> str:
        say = self.lang
        lines = [f"{self.name}: {self.title} ({t('info_rows', say, n=self.rows)})", self.description, ""]
        lines.append(f"{t('info_fields', say)}:")
        for field in self.fields.itertuples():
            unit = f" [{field.unit}]" if field.unit else ""
            lines.append(f"  {field.name} ({field.type}{unit}): {field.description}")
        lines += [
            "",
            f"{t('info_sources', say)}: " + "; ".join(self.sources),
            f"{t('info_license', say)}: {self.license}",
        ]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        esc, say = html.escape, self.lang
        rows = "".join(
            f"<tr><td><code>{esc(f.name)}</code></td><td>{esc(f.type)}</td><td>{esc(f.unit)}</td>"
            f"<td style='text-align:left'>{esc(f.description)}</td></tr>"
            for f in self.fields.itertuples()
        )
        head = "".join(f"<th>{esc(t(key, say))}</th>" for key in ("info_field", "info_type", "info_unit"))
        head += f"<th style='text-align:left'>{esc(t('info_description', say))}</th>"
        sources = "".join(f"<li>{esc(s)}</li>" for s in self.sources)
        return (
            f"<div><h4 style='margin:0.3em 0'>{esc(self.title)} <code>{esc(self.name)}</code> "
            f"<small>{esc(t('info_rows', say, n=self.rows))}</small></h4><p>{esc(self.description)}</p>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
            f"<p><b>{esc(t('info_sources', say))}</b></p><ul>{sources}</ul>"
            f"<p><b>{esc(t('info_license', say))}</b>: {esc(self.license)}</p></div>"
        )


def info(name: str, lang: str = "en") -> DatasetInfo:
    """Describe a dataset in lang ('en' or 'kk'): what it holds, its fields with types and units, and its sources."""
    name = check_name(name)
    lang = check_lang(lang)
    resource = package.resources()[name]
    fields = pd.DataFrame(
        [
            {
                "name": f["name"],
                "type": f["type"],
                "unit": _in_lang(f, "unit", lang),
                "description": _in_lang(f, "description", lang),
            }
            for f in resource["schema"]["fields"]
        ]
    )
    whole = package.descriptor()
    sources = [_in_lang(s, "title", lang) for s in resource.get("sources", whole.get("sources", []))]
    return DatasetInfo(
        name=name,
        title=_in_lang(resource, "title", lang) or name,
        description=_in_lang(resource, "description", lang),
        fields=fields,
        rows=len(_frame(data_dir(), name)),
        sources=sources,
        license=_in_lang(whole["licenses"][0], "title", lang),
        lang=lang,
    )


def validate(folder: Path | None = None) -> None:
    """Check every table: its schema, the keys between tables, and provenance.

    Provenance means: every figure marked ``printed`` in datapackage.json is
    printed in the sentence(s) the row cites, and every text marked ``verbatim``
    stands word for word in them. Raises DataFileError listing every problem
    (file, row, column, rule). ``folder`` defaults to the data folder in use.
    """
    problems = problems_in(folder or data_dir())
    if problems:
        shown = "\n".join(f"  - {p}" for p in problems[:25])
        more = f"\n  ... and {len(problems) - 25} more" if len(problems) > 25 else ""
        raise DataFileError(f"The data package has {len(problems)} problem(s):\n{shown}{more}")
