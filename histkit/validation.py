"""The checks behind histkit.validate(): schema, keys between tables, and provenance."""

from __future__ import annotations

from pathlib import Path

from . import package
from .errors import DataFileError
from .parsing import months_in, numbers_in, split_ids


def _label(folder: Path, resource: dict) -> str:
    return f"{folder.name}/{resource['path']}"


def _where(label: str, number: int, column: str) -> str:
    return f"{label}, row {number} (line {number + 1}), column {column!r}"


def _key_problems(folder: Path, tables: dict[str, list[dict]]) -> list[str]:
    problems = []
    for resource in package.descriptor(folder)["resources"]:
        rows = tables.get(resource["name"])
        if rows is None:
            continue
        label, schema = _label(folder, resource), resource["schema"]
        keys = schema.get("primaryKey")
        if isinstance(keys, list):
            seen: dict[tuple, int] = {}
            for number, row in enumerate(rows, start=1):
                key = tuple(row[k] for k in keys)
                if key in seen:
                    problems.append(f"{label}, row {number}: the key {key} repeats row {seen[key]}.")
                seen.setdefault(key, number)
        lists = {f["name"] for f in schema["fields"] if f["type"] == "list"}
        for column, target, target_field in _references(schema):
            known = {row[target_field] for row in tables.get(target, [])}
            for number, row in enumerate(rows, start=1):
                value = row[column]
                parts = split_ids(value) if column in lists else ([] if value is None else [value])
                problems += [
                    f"{_where(label, number, column)}: {part!r} is not a {target_field} in {target}.csv."
                    for part in parts
                    if part not in known
                ]
    return problems


def _references(schema: dict) -> list[tuple[str, str, str]]:
    """(column, table, column) for every foreign key, and for every list field whose items each name a
    key (``itemReference``): Frictionless cannot check a foreign key item by item, so histkit does."""
    foreign = schema.get("foreignKeys", [])
    keys = [(fk["fields"], fk["reference"]["resource"], fk["reference"]["fields"]) for fk in foreign]
    items = [f for f in schema["fields"] if "itemReference" in f]
    return keys + [(f["name"], f["itemReference"]["resource"], f["itemReference"]["field"]) for f in items]


def stands_in(value: str, text: str) -> bool:
    """True if value stands word for word in text; ' … ' in value marks an omission."""
    position = 0
    for piece in value.split(" … "):
        found = text.find(piece, position)
        if found < 0:
            return False
        position = found + len(piece)
    return True


def _provenance_problems(folder: Path, tables: dict[str, list[dict]]) -> list[str]:
    texts = {row["sentence_id"]: row["text_kk"] for row in tables.get("sentences", [])}
    problems = []
    for resource in package.descriptor(folder)["resources"]:
        rows = tables.get(resource["name"])
        if rows is None or resource["name"] == "sentences":
            continue
        label = _label(folder, resource)
        for number, row in enumerate(rows, start=1):
            cited = " ".join(texts.get(i, "") for i in split_ids(row.get("sentence_id")))
            figures = numbers_in(cited)
            for field in resource["schema"]["fields"]:
                value = row[field["name"]]
                if value is None:
                    continue
                if field.get("printed") and not any(abs(value - f) < 1e-9 for f in figures):
                    problems.append(
                        f"{_where(label, number, field['name'])}: {value} is not printed in {row['sentence_id']} "
                        f"(that text prints {', '.join(f'{f:g}' for f in figures) or 'no figures'})."
                    )
                if field.get("verbatim") and not stands_in(value, cited):
                    problems.append(
                        f"{_where(label, number, field['name'])}: {value[:60]!r} does not stand word for word "
                        f"in {row['sentence_id']}."
                    )
            if resource["name"] == "events" and row["date_kk"]:
                printed_months = months_in(row["date_kk"])
                months = [m for m in (row["month"], row["month_end"]) if m is not None]
                if months and sorted(set(months)) != sorted(set(printed_months)):
                    problems.append(
                        f"{_where(label, number, 'month')}: {months} does not match the month names "
                        f"printed in {row['date_kk']!r}."
                    )
    return problems


def problems_in(folder: Path) -> list[str]:
    """Every problem in the data package at folder, as messages naming file, row, column and rule."""
    problems, tables = [], {}
    for resource in package.descriptor(folder)["resources"]:
        if resource.get("format") != "csv":
            continue
        try:
            tables[resource["name"]] = package.read_rows(resource["name"], folder)
        except DataFileError as exc:
            problems.append(str(exc))
    return problems + _key_problems(folder, tables) + _provenance_problems(folder, tables)
