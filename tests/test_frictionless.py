"""The data package passes the standard's own validator (frictionless-py, the reference implementation).

Citations such as "s012;s075" are Table Schema v2 ``list`` fields. Frictionless reads them as lists but
cannot check a foreign key item by item, so each names its target in ``itemReference`` and
histkit.validate() proves every id resolves: the last test shows the division of labour.
"""

import json

import frictionless
import pytest
from conftest import ROOT, replace_in

import histkit


def errors(descriptor) -> list[str]:
    report = frictionless.validate(str(descriptor))
    return [f"{task.name}: {e.type}: {e.note}" for task in report.tasks for e in task.errors] + [
        f"{e.type}: {e.note}" for e in report.errors
    ]


def test_frictionless_finds_the_data_package_valid():
    assert errors(ROOT / "data" / "datapackage.json") == []


def test_frictionless_reports_a_broken_cell(data_copy):
    replace_in(data_copy / "events.csv", "ev03,1926,", "ev03,spring 1926,")
    found = errors(data_copy / "datapackage.json")
    assert len(found) == 1 and found[0].startswith("events: type-error")


def test_every_citation_is_a_list_of_sentence_ids():
    for resource in json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))["resources"]:
        if resource.get("format") != "csv" or resource["name"] == "sentences":
            continue
        field = next(f for f in resource["schema"]["fields"] if f["name"] == "sentence_id")
        assert (field["type"], field["delimiter"], field["itemType"]) == ("list", ";", "string"), resource["name"]
        assert field["itemReference"] == {"resource": "sentences", "field": "sentence_id"}, resource["name"]


@pytest.mark.parametrize(
    "table, old, new, bad", [("places", ";s075;", ";s975;", "s975"), ("people", ",s079,", ",s79,", "s79")]
)
def test_a_bad_id_inside_a_citation_list_is_caught_by_histkit(data_copy, table, old, new, bad):
    replace_in(data_copy / f"{table}.csv", old, new)
    assert errors(data_copy / "datapackage.json") == []  # frictionless does not look inside the list
    expected = rf"{table}.csv, row \d+ .*'sentence_id': '{bad}' is not a sentence_id in sentences.csv"
    with pytest.raises(histkit.DataFileError, match=expected):
        histkit.validate(data_copy)
