"""The decisions on the November 2026 review of the package's Kazakh: each final_kk is what the package holds.

docs/reviews/kazakh-strings-2026-11.<part>.csv repeat the review's columns and add decision, final_kk and why.
current_value reads a string where the package keeps it; a location kind it does not know raises, so a new
kind (the TOML files) must be taught to it before its rows can pass.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import pytest
from conftest import ROOT

DECISIONS = sorted((ROOT / "docs" / "reviews").glob("kazakh-strings-2026-11.*.csv"))


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


ROWS = [(path.name, row) for path in DECISIONS for row in _read(path)]


@cache
def _table(path: Path) -> tuple[tuple[str, ...], tuple[dict, ...]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return tuple(reader.fieldnames or ()), tuple(reader)


def _data_value(location: str, key: str, field: str) -> str:
    columns, rows = _table(ROOT / location)
    if field not in columns:
        raise KeyError(f"{location} has no column {field!r}")
    if location.endswith("exercise_options.csv"):  # id is exercise_id/option_id
        match = [r for r in rows if f"{r['exercise_id']}/{r['option_id']}" == key]
    else:
        match = [r for r in rows if r[columns[0]] == key]
    if len(match) != 1:
        raise KeyError(f"{location} has {len(match)} rows with id {key!r}")
    return match[0][field]


def current_value(location: str, key: str, field: str) -> str:
    """The string the package now holds at location (a file path), row id key, column or entry field."""
    if location.startswith("data/") and location.endswith(".csv"):
        return _data_value(location, key, field)
    raise ValueError(f"no lookup for review locations like {location!r}")


def test_every_data_row_of_the_review_has_a_decision():
    review = ROOT.parent / "shared" / "reviews" / "kazakh-strings-2026-11.csv"
    decided = {(r["location"], r["id"], r["field"]) for _, r in ROWS}
    if review.exists():  # the reviewer's file lives outside the repository
        wanted = {(r["location"], r["id"], r["field"]) for r in _read(review) if r["location"].startswith("data/")}
        assert wanted <= decided
    assert any(location.startswith("data/") for location, _, _ in decided)


@pytest.mark.parametrize("part, row", ROWS, ids=lambda v: v if isinstance(v, str) else f"{v['location']}:{v['id']}")
def test_the_decision_is_what_the_package_holds(part, row):
    assert row["decision"] in ("accepted", "adapted", "declined"), part
    if row["decision"] != "accepted":
        assert row["why"].strip(), f"{row['decision']} needs a reason"
    if row["decision"] == "declined":
        assert row["final_kk"] == ""
        return
    assert row["final_kk"] == current_value(row["location"], row["id"], row["field"])
    if row["decision"] == "accepted" and "…" not in row["correction"]:
        assert row["final_kk"] == row["correction"].strip()


def test_an_unknown_location_or_a_changed_string_is_caught():
    with pytest.raises(ValueError, match="no lookup"):
        current_value("histkit/ui/text/shared.toml", "not_yet", "kk")
    with pytest.raises(KeyError):
        current_value("data/events.csv", "no_such_event", "label_kk")
    label = current_value("data/events.csv", "ev01", "label_kk")
    assert "XIV" in label and label != label.replace("XIV", "ХІV")
