"""Read the Frictionless data package: the descriptor, and each table checked against its schema."""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .errors import DataFileError
from .locate import data_dir


@cache
def _descriptor(folder: Path) -> dict:
    return json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))


def descriptor(folder: Path | None = None) -> dict:
    """The parsed datapackage.json of folder (default: the data folder in use)."""
    return _descriptor(folder or data_dir())


def resources() -> dict[str, dict]:
    """Every resource of the package, by name."""
    return {r["name"]: r for r in descriptor()["resources"]}


def tabular_names() -> list[str]:
    """Names of the CSV tables, in the order of datapackage.json."""
    return [name for name, r in resources().items() if r.get("format") == "csv"]


@dataclass(frozen=True)
class Cell:
    """Where a value sits in its file, for error messages."""

    file: str
    row: int  # data row, counted from 1 (the header is not a row)
    column: str

    def error(self, problem: str) -> DataFileError:
        return DataFileError(f"{self.file}, row {self.row} (line {self.row + 1}), column {self.column!r}: {problem}")


_TRUE, _FALSE = {"true"}, {"false"}


def _parse(value: str, field: dict, cell: Cell):
    """Check one non-empty cell against its field and return it converted."""
    kind = field["type"]
    if kind == "integer":
        if not re.fullmatch(r"-?\d+", value):
            raise cell.error(f"{value!r} is not a whole number (the schema says integer)")
        parsed = int(value)
    elif kind == "number":
        try:
            parsed = float(value)
        except ValueError:
            raise cell.error(f"{value!r} is not a number (write decimals with a point: 73.9)") from None
    elif kind == "boolean":
        if value not in _TRUE | _FALSE:
            raise cell.error(f"{value!r} is not true or false")
        parsed = value in _TRUE
    else:
        parsed = value
    rules = field.get("constraints", {})
    if "enum" in rules and value not in rules["enum"]:
        allowed = ", ".join(repr(v) for v in rules["enum"])
        raise cell.error(f"{value!r} is not one of the allowed values: {allowed}")
    if "pattern" in rules and not re.fullmatch(rules["pattern"], value):
        raise cell.error(f"{value!r} does not match the pattern {rules['pattern']}")
    if "minimum" in rules and parsed < rules["minimum"]:
        raise cell.error(f"{value} is below the minimum of {rules['minimum']}")
    if "maximum" in rules and parsed > rules["maximum"]:
        raise cell.error(f"{value} is above the maximum of {rules['maximum']}")
    return parsed


def read_rows(name: str, folder: Path | None = None) -> list[dict]:
    """Read one table and check every cell against its schema; raise DataFileError on the first problem."""
    folder = folder or data_dir()
    resource = _descriptor(folder)["resources"]
    resource = next(r for r in resource if r["name"] == name)
    fields = resource["schema"]["fields"]
    path = folder / resource["path"]
    label = f"{folder.name}/{resource['path']}"
    try:
        with open(path, newline="", encoding="utf-8") as handle:
            lines = list(csv.reader(handle))
    except FileNotFoundError:
        raise DataFileError(f"{label} is listed in datapackage.json but the file is missing.") from None
    except UnicodeDecodeError as exc:
        raise DataFileError(f"{label} is not valid UTF-8 text (byte {exc.start}); save it as UTF-8.") from None
    if not lines:
        raise DataFileError(f"{label} is empty: it needs at least a header row.")
    header, body = lines[0], lines[1:]
    expected = [f["name"] for f in fields]
    if header != expected:
        missing = [c for c in expected if c not in header]
        extra = [c for c in header if c not in expected]
        if missing:
            problem = f"column {missing[0]!r} is missing"
        elif extra:
            problem = f"column {extra[0]!r} is not in the schema"
        else:
            problem = "the columns are in a different order"
        raise DataFileError(f"{label}: {problem}; datapackage.json expects the columns {', '.join(expected)}.")
    rows: list[dict] = []
    seen: dict[str, dict] = {f["name"]: {} for f in fields if f.get("constraints", {}).get("unique")}
    for number, line in enumerate(body, start=1):
        if len(line) != len(expected):
            raise DataFileError(
                f"{label}, row {number} (line {number + 1}): {len(line)} cells, but the header has "
                f"{len(expected)} columns (check for an unquoted comma)."
            )
        row = {}
        for field, value in zip(fields, line):
            cell = Cell(label, number, field["name"])
            if value == "":
                if field.get("constraints", {}).get("required"):
                    raise cell.error("a value is required, but the cell is empty")
                row[field["name"]] = None
                continue
            row[field["name"]] = _parse(value, field, cell)
            if field["name"] in seen:
                first = seen[field["name"]].setdefault(value, number)
                if first != number:
                    raise cell.error(f"{value!r} repeats row {first}; values in this column must be unique")
        rows.append(row)
    return rows
