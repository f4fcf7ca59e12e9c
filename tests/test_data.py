"""The data package: valid, described, and every printed figure stands in the sentence it cites."""

import json

import pytest
from conftest import ROOT, replace_in

import histkit
from histkit.errors import DataFileError
from histkit.parsing import numbers_in
from histkit.ui.words import number

DESCRIPTOR = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
TABLES = [r for r in DESCRIPTOR["resources"] if r.get("format") == "csv"]


def test_the_real_data_package_is_valid():
    histkit.validate()  # schema, keys between tables, printed figures, verbatim quotations


def test_package_metadata_is_complete():
    for key in ("title", "title_kk", "description", "sources", "licenses"):
        assert DESCRIPTOR[key], key
    for resource in DESCRIPTOR["resources"]:
        assert resource["title"] and resource["description"], resource["name"]
        for field in resource.get("schema", {}).get("fields", []):
            assert field.get("description"), f"{resource['name']}.{field['name']} has no description"


@pytest.mark.parametrize("resource", TABLES, ids=lambda r: r["name"])
def test_every_table_cites_sentences(resource):
    names = [f["name"] for f in resource["schema"]["fields"]]
    assert "sentence_id" in names
    table = histkit.load(resource["name"], lang="both")
    assert table["sentence_id"].notna().all()


def test_every_table_has_rows_and_labels_in_both_languages():
    for resource in TABLES:
        fields = {f["name"]: f for f in resource["schema"]["fields"]}
        for name, field in fields.items():
            if name.endswith("_kk") and not field.get("verbatim"):
                assert name[:-3] + "_en" in fields, f"{resource['name']}.{name} has no English twin"
        assert len(histkit.load(resource["name"], lang="both")) > 0


@pytest.mark.parametrize(
    "table, column, key, value, sentence",
    [
        ("freight_totals", "value", 1928, 2902, "s129"),
        ("freight_totals", "value", 1932, 8888.4, "s129"),
        ("ussr_shares", "share_pct", "shymkent_lead", 73.9, "s134"),
        ("turksib_figures", "value", "total_length", 1445, "s123"),
        ("turksib_figures", "value", "planned_years", 5, "s117"),  # printed as the word "бес"
        ("rankings", "rank", "metallurgy", 2, "s133"),  # printed as the word "екінші"
        ("economy_1920s", "value", "agriculture_share_of_output", 84.4, "s024"),
    ],
)
def test_key_figures_as_printed(table, column, key, value, sentence):
    frame = histkit.load(table, lang="both")
    row = frame[frame.iloc[:, 0] == key].iloc[0]
    assert row[column] == value
    assert sentence in row["sentence_id"].split(";")
    assert value in numbers_in(histkit.sentence(sentence).text_kk)


def test_numbers_in_reads_kazakh_figures():
    assert numbers_in("қорғасынның 73,9, ал мыстың 51 пайызын") == [73.9, 51.0]
    assert numbers_in("бес жылдан екі жыл бұрын, яғни үш жылда") == [5.0, 2.0, 3.0]
    assert numbers_in("екінші орынға") == [2.0]
    assert number(73.9, "kk") == "73,9" and number(2902.0, "kk") == "2902"


def test_the_unit_slip_is_kept_and_flagged():
    freight = histkit.load("freight_totals").set_index("year")
    assert freight.loc[1932, "value"] == 8888.4  # as printed, not "corrected" to thousands
    assert freight.loc[1932, "unit"] == "tonnes (as printed)"
    assert "мың" in freight.loc[1932, "note"]


def test_every_quotation_is_verbatim():
    quotes = histkit.load("quotations", lang="both")
    for quote in quotes.itertuples():
        joined = " ".join(histkit.sentence(i).text_kk for i in quote.sentence_id.split(";"))
        assert quote.text_kk in joined, quote.quote_id


# --- The checks must fail when the data is wrong -----------------------------------


def test_changing_one_digit_of_a_figure_fails(data_copy):
    replace_in(data_copy / "freight_totals.csv", "1928,2902,", "1928,2903,")
    with pytest.raises(DataFileError) as caught:
        histkit.validate(data_copy)
    assert "data/freight_totals.csv, row 1 (line 2), column 'value': 2903.0 is not printed in s129" in str(caught.value)


def test_changing_one_digit_of_a_decimal_fails(data_copy):
    replace_in(data_copy / "ussr_shares.csv", ",73.9,", ",73.8,")
    with pytest.raises(DataFileError, match=r"column 'share_pct': 73.8 is not printed in s134"):
        histkit.validate(data_copy)


def test_changing_a_printed_year_fails(data_copy):
    replace_in(data_copy / "events.csv", "ev14,1930,4,28", "ev14,1930,4,29")
    with pytest.raises(DataFileError, match=r"events.csv, row 14 \(line 15\), column 'day': 29 is not printed in s121"):
        histkit.validate(data_copy)


def test_a_misquotation_fails(data_copy):
    replace_in(data_copy / "quotations.csv", "түйеден социализмге", "түйеден коммунизмге")
    with pytest.raises(
        DataFileError, match=r"column 'text_kk': 'түйеден коммунизмге' does not stand word for word in s039"
    ):
        histkit.validate(data_copy)


def test_citing_a_missing_sentence_fails(data_copy):
    replace_in(data_copy / "workforce.csv", ",s145,", ",s999,")
    with pytest.raises(DataFileError, match=r"column 'sentence_id': 's999' is not a sentence_id in sentences.csv"):
        histkit.validate(data_copy)


def test_a_wrong_month_fails(data_copy):
    replace_in(data_copy / "events.csv", "ev03,1926,4,27,1926,4,30", "ev03,1926,5,27,1926,4,30")
    with pytest.raises(DataFileError, match=r"column 'month': \[5, 4\] does not match the month names printed"):
        histkit.validate(data_copy)
