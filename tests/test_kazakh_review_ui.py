"""The screen-word part of the Kazakh review (docs/reviews/kazakh-strings-2026-11.ui.csv): every judged row
names a word of histkit/ui/text/, and the Kazakh it records as final is what that file holds now."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from histkit.ui import words

ROOT = Path(__file__).resolve().parents[1]
DECISIONS = ROOT / "docs" / "reviews" / "kazakh-strings-2026-11.ui.csv"
COLUMNS = ["location", "id", "field", "rating", "kk", "en", "issue", "correction", "decision", "final_kk", "why"]

with open(DECISIONS, encoding="utf-8", newline="") as _file:
    ROWS = list(csv.DictReader(_file))


def toml_value(location: str, key: str, field: str = "kk") -> str:
    """The words now in a TOML file of histkit/ui/text/ (location as written in the decisions file)."""
    path = ROOT / location
    assert path.parent == words.TEXT and path.suffix == ".toml", f"{location} is not a file of histkit/ui/text/"
    entry = words.table(path.stem).get(key)
    assert entry is not None, f"{location} has no [{key}]"
    return entry[field]


def test_the_decisions_file_has_the_review_columns_and_a_decision_per_row():
    assert list(ROWS[0]) == COLUMNS
    assert len(ROWS) == len({(r["location"], r["id"]) for r in ROWS}) >= 38
    for row in ROWS:
        assert row["decision"] in {"accepted", "adapted", "declined"}, row["id"]
        assert row["decision"] == "accepted" or row["why"].strip(), f"{row['id']}: say why it was {row['decision']}"


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"{Path(r['location']).stem}:{r['id']}")
def test_final_kazakh_is_what_the_words_file_holds(row):
    assert toml_value(row["location"], row["id"], row["field"]) == row["final_kk"]


def test_an_accepted_correction_is_applied_as_written():
    """Accepted means the reviewer's correction word for word, where it elides (…) the rest as it was;
    adapted rows say why they differ."""
    for row in ROWS:
        if row["decision"] == "accepted":
            parts = [part.strip(" .") for part in row["correction"].split("…")]
            assert all(part in row["final_kk"] for part in parts), row["id"]
            if len(parts) == 1:
                assert row["final_kk"].rstrip(".") == parts[0], row["id"]
