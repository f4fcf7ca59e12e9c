"""The decisions on the November 2026 review of the package's Kazakh: each final_kk is what the package holds.

docs/reviews/kazakh-strings-2026-11.<part>.csv repeat the review's columns and add decision, final_kk and why.
A row whose string was later replaced as a whole is "superseded": it keeps the final_kk decided then, which the
package must no longer hold.
current_value reads a string where the package keeps it (a data table's cell, or a word of
histkit/ui/text/); a location kind it does not know raises.
"""

from __future__ import annotations

import contextlib
import csv
from functools import cache
from pathlib import Path

import pytest
from conftest import ROOT

from histkit.ui import words

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


def _toml_value(location: str, key: str, field: str) -> str:
    entry = words.table(Path(location).stem).get(key)
    if entry is None:
        raise KeyError(f"{location} has no [{key}]")
    return entry[field]


def current_value(location: str, key: str, field: str) -> str:
    """The string the package now holds at location (a file path), row id key, column or entry field."""
    if location.startswith("data/") and location.endswith(".csv"):
        return _data_value(location, key, field)
    if (ROOT / location).parent == words.TEXT and location.endswith(".toml"):
        return _toml_value(location, key, field)
    raise ValueError(f"no lookup for review locations like {location!r}")


def test_every_row_of_the_review_has_a_decision():
    review = ROOT.parent / "shared" / "reviews" / "kazakh-strings-2026-11.csv"
    decided = {(r["location"], r["id"], r["field"]) for _, r in ROWS}
    screen = [r for part, r in ROWS if part.endswith(".ui.csv")]  # their words moved to histkit/ui/text/ since
    if review.exists():  # the reviewer's file lives outside the repository
        reviewed = _read(review)
        wanted = {(r["location"], r["id"], r["field"]) for r in reviewed if r["location"].startswith("data/")}
        assert wanted <= decided
        assert len(screen) >= sum(r["location"].startswith("histkit/") for r in reviewed)
    assert any(location.startswith("data/") for location, _, _ in decided) and screen


@pytest.mark.parametrize("part, row", ROWS, ids=lambda v: v if isinstance(v, str) else f"{v['location']}:{v['id']}")
def test_the_decision_is_what_the_package_holds(part, row):
    assert row["decision"] in ("accepted", "adapted", "declined", "superseded"), part
    if row["decision"] != "accepted":
        assert row["why"].strip(), f"{row['decision']} needs a reason"
    if row["decision"] == "declined":
        assert row["final_kk"] == ""
        return
    if row["decision"] == "superseded":  # decided, then the whole string was replaced (why says by what)
        with contextlib.suppress(KeyError):  # KeyError: the row itself is gone
            assert row["final_kk"] != current_value(row["location"], row["id"], row["field"])
        return
    assert row["final_kk"] == current_value(row["location"], row["id"], row["field"])
    if row["decision"] == "accepted":  # the correction as written; where it elides (…) the rest, its parts
        parts = [part.strip(" .") for part in row["correction"].split("…")]
        assert all(part in row["final_kk"] for part in parts)
        if len(parts) == 1:
            assert row["final_kk"].rstrip(".") == parts[0]


def test_an_unknown_location_or_a_changed_string_is_caught():
    with pytest.raises(ValueError, match="no lookup"):
        current_value("README.md", "not_yet", "kk")
    with pytest.raises(KeyError):
        current_value("histkit/ui/text/shared.toml", "no_such_word", "kk")
    assert current_value("histkit/ui/text/shared.toml", "check", "kk") == words.t("check", "kk")
    with pytest.raises(KeyError):
        current_value("data/events.csv", "no_such_event", "label_kk")
    label = current_value("data/events.csv", "ev01", "label_kk")
    assert "XIV" in label and label != label.replace("XIV", "ХІV")
