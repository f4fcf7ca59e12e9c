"""The public API a student or teacher uses: list, load, info, sentence, cite, and its error messages."""

import html
import json
import re
import subprocess
import sys

import pytest
from conftest import ROOT, replace_in

import histkit
from histkit import locate
from histkit.errors import (
    DataFileError,
    DataNotFoundError,
    LanguageError,
    NotADatasetNameError,
    UnknownDatasetError,
    UnknownSentenceError,
)
from histkit.text import t


def test_list_datasets_names_every_table():
    names = histkit.list_datasets()
    assert names[:3] == ["sentences", "sections", "events"]
    assert {"turksib_stages", "quotations", "enterprises", "ussr_shares"} <= set(names)


def test_load_gives_proper_dtypes():
    events = histkit.load("events")
    assert str(events["year"].dtype) == "Int64"
    assert events["year"].isna().sum() == 5  # the five events the text leaves undated
    stages = histkit.load("turksib_stages")
    assert stages["length_km"].dtype == "float64"
    assert histkit.load("places")["in_text"].dtype == "boolean"


def test_load_picks_the_language():
    english = histkit.load("people")
    kazakh = histkit.load("people", lang="kk")
    both = histkit.load("people", lang="both")
    assert "role" in english and "role_en" not in english and "role_kk" not in english
    person = english.set_index("person_id").loc["shatov", "role"]
    assert person == "Head of the Turksib construction"
    assert kazakh.set_index("person_id").loc["shatov", "role"] == "Түрксіб құрылысының бастығы"
    assert {"role_en", "role_kk"} <= set(both.columns)
    assert english.attrs == {"dataset": "people", "lang": "en"}


def test_load_returns_a_copy():
    first = histkit.load("events")
    first.loc[0, "label"] = "changed"
    assert histkit.load("events").loc[0, "label"] != "changed"


def test_cite_follows_the_rows_after_filtering():
    stages = histkit.load("turksib_stages")
    south = stages[stages["side"] == "south"]
    cited = histkit.cite(south)
    assert list(cited["sentence_id"]) == ["s120"]
    assert "506" in cited.loc[0, "text_kk"]
    everything = histkit.cite(stages)
    assert list(everything["sentence_id"]) == ["s118", "s120"]


def test_cite_splits_several_ids_and_accepts_a_row_or_text():
    directions = histkit.load("directions")
    assert list(histkit.cite(directions.iloc[2])["sentence_id"]) == ["s037", "s038", "s039", "s043"]
    assert list(histkit.cite("s121;s118")["sentence_id"]) == ["s118", "s121"]


def test_sentence_in_both_languages():
    s = histkit.sentence("s123")
    assert "1445" in s.text_kk and "1445" in s.text_en
    assert histkit.sentence(123) == s == histkit.sentence("S123")
    assert "<blockquote" in s._repr_html_() and "s123" in str(s)


def test_cards_speak_the_lesson_language():
    english, kazakh = histkit.sentence("s123", "en"), histkit.sentence("s123", "kk")
    assert english.text_en in english._repr_html_() and kazakh.text_kk in kazakh._repr_html_()
    assert english.text_en not in kazakh._repr_html_()  # the Kazakh edition quotes the original alone
    cited = histkit.cite("s118;s120", lang="kk")
    assert "<div lang='kk'>" in cited._repr_html_() and "lang='en'" not in cited._repr_html_()
    assert "lang='en'" in histkit.cite("s118;s120")._repr_html_()
    with pytest.raises(LanguageError, match="'en' \\(English\\) or 'kk' \\(Kazakh\\), not 'ru'"):
        histkit.sentence("s123", "ru")


def test_info_describes_fields_units_and_sources():
    about = histkit.info("turksib_stages")
    fields = about.fields.set_index("name")
    assert fields.loc["length_km", "unit"] == "km"
    assert about.rows == 4
    assert "Kazakh-language history text" in about.sources[0]
    text, page = repr(about), about._repr_html_()
    assert "length_km (number [km])" in text
    assert "<table>" in page and "<code>length_km</code>" in page


def descriptor() -> dict:
    return json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))


def resource(name: str) -> dict:
    return next(r for r in descriptor()["resources"] if r["name"] == name)


def test_info_list_datasets_and_the_explorer_speak_kazakh():
    stages = resource("turksib_stages")
    about = histkit.info("turksib_stages", lang="kk")
    assert (about.title, about.description) == (stages["title_kk"], stages["description_kk"])
    fields = about.fields.set_index("name")
    for field in stages["schema"]["fields"]:
        assert fields.loc[field["name"], "description"] == field["description_kk"] != field["description"]
    assert fields.loc["length_km", "unit"] == next(f["unit_kk"] for f in stages["schema"]["fields"] if "unit" in f)
    text, page = repr(about), about._repr_html_()
    assert stages["description_kk"] in text and html.escape(stages["title_kk"]) in page
    assert f"{t('info_fields', 'kk')}:" in text and t("info_license", "kk") in page
    assert not any(field["description"] in text for field in stages["schema"]["fields"])
    listed = histkit.list_datasets(lang="kk")
    assert listed == histkit.list_datasets() and html.escape(stages["title_kk"]) in listed._repr_html_()
    assert stages["title"] not in listed._repr_html_()
    from histkit.ui.widgets import explorer_html

    assert html.escape(resource("events")["description_kk"]) in explorer_html("events", "kk")


def untranslated(package: dict) -> list[str]:
    """Every text of datapackage.json that info() or list_datasets() show with no Kazakh (key_kk) beside it."""
    missing = []

    def check(item: dict, key: str, where: str) -> None:
        if key in item and not re.search("[А-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі]", item.get(f"{key}_kk", "")):
            missing.append(f"{where}: {key}_kk")

    for table in package["resources"]:
        for key in ("title", "description"):
            check(table, key, table["name"])
        for source in table.get("sources", []):
            check(source, "title", f"{table['name']} source")
        for field in table.get("schema", {}).get("fields", []):
            for key in ("description", "unit"):
                check(field, key, f"{table['name']}.{field['name']}")
    for item in package["sources"] + package["licenses"]:
        check(item, "title", "package")
    return missing


def test_every_text_info_shows_has_its_kazakh():
    package = descriptor()
    assert untranslated(package) == []
    events = next(r for r in package["resources"] if r["name"] == "events")
    del events["schema"]["fields"][1]["description_kk"]
    package["resources"][0]["title_kk"] = package["resources"][0]["title"]  # English copied in: not Kazakh
    assert untranslated(package) == ["sentences: title_kk", "events.year: description_kk"]


# --- Error messages, exactly as a student reads them --------------------------------


def test_unknown_dataset_suggests_the_nearest_names():
    with pytest.raises(UnknownDatasetError) as caught:
        histkit.load("event")
    count = len(histkit.list_datasets())
    assert str(caught.value) == (
        "There is no dataset called 'event'. Did you mean 'events'? "
        f"Run histkit.list_datasets() to see all {count} names."
    )


def test_unknown_dataset_suggests_several_names():
    with pytest.raises(UnknownDatasetError) as caught:
        histkit.load("turksib")
    assert str(caught.value).startswith(
        "There is no dataset called 'turksib'. Did you mean 'turksib_figures' or 'turksib_stages'?"
    )


def test_unknown_dataset_without_a_near_name():
    with pytest.raises(UnknownDatasetError) as caught:
        histkit.info("zzz")
    count = len(histkit.list_datasets())
    assert (
        str(caught.value) == f"There is no dataset called 'zzz'. Run histkit.list_datasets() to see all {count} names."
    )


def test_a_dataframe_where_a_name_is_expected():
    with pytest.raises(NotADatasetNameError) as caught:
        histkit.load(histkit.load("events"))
    assert str(caught.value) == (
        "This needs the name of a dataset, such as 'events', not a table. You already have the table: "
        "use it directly, or call histkit.cite(table) to see its source sentences."
    )


def test_a_number_where_a_name_is_expected():
    with pytest.raises(NotADatasetNameError, match=r"as text, such as 'events', not int\."):
        histkit.load(3)


def test_unknown_language():
    with pytest.raises(LanguageError) as caught:
        histkit.load("events", lang="ru")
    assert str(caught.value) == "lang must be 'en' (English), 'kk' (Kazakh) or 'both', not 'ru'."


@pytest.mark.parametrize("ask", ["info-ru", "info-both", "list-ru"])
def test_info_and_list_datasets_refuse_an_unknown_language(ask):
    call, lang = ask.split("-")
    with pytest.raises(LanguageError) as caught:
        histkit.info("events", lang=lang) if call == "info" else histkit.list_datasets(lang)
    assert str(caught.value) == f"lang must be 'en' (English) or 'kk' (Kazakh), not {lang!r}."


def test_unknown_sentence_id():
    with pytest.raises(UnknownSentenceError) as caught:
        histkit.sentence("s999")
    assert str(caught.value) == "There is no sentence 's999'. Sentence ids run from s001 to s146."


def test_malformed_sentence_id():
    with pytest.raises(UnknownSentenceError) as caught:
        histkit.sentence("hello")
    assert str(caught.value) == "'hello' is not a sentence id. Sentence ids look like 's118' (s001 to s146)."


def test_cite_without_a_sentence_id_column():
    picked = histkit.load("turksib_stages")[["side", "length_km"]]
    with pytest.raises(UnknownSentenceError) as caught:
        histkit.cite(picked)
    assert str(caught.value) == (
        "cite() needs a table with a 'sentence_id' column, and this one has none (its columns: side, length_km). "
        "Keep 'sentence_id' when you select columns."
    )


def test_no_data_folder_says_where_it_looked(tmp_path, monkeypatch):
    monkeypatch.delenv(locate.ENV_VAR, raising=False)
    monkeypatch.setattr(locate, "candidate_folders", lambda: [tmp_path / "a", tmp_path / "b"])
    locate._find.cache_clear()
    try:
        with pytest.raises(DataNotFoundError) as caught:
            locate.data_dir()
    finally:
        locate._find.cache_clear()
    assert str(caught.value) == (
        "histkit could not find its data folder (the folder that holds datapackage.json). It looked in:\n"
        f"  - {tmp_path / 'a'}\n  - {tmp_path / 'b'}\n"
        "Set the HISTKIT_DATA environment variable to the folder that holds datapackage.json, or reinstall histkit."
    )


def test_a_wrong_data_folder_setting_is_named(tmp_path, monkeypatch):
    monkeypatch.setenv(locate.ENV_VAR, str(tmp_path))
    locate._find.cache_clear()
    try:
        with pytest.raises(
            DataNotFoundError, match=r"HISTKIT_DATA is set to .*, but that folder holds no datapackage.json"
        ):
            locate.data_dir()
    finally:
        locate._find.cache_clear()


def _load_from(folder, monkeypatch, name):
    monkeypatch.setenv(locate.ENV_VAR, str(folder))
    locate._find.cache_clear()
    try:
        return histkit.load(name)
    finally:
        locate._find.cache_clear()


def test_a_broken_cell_names_file_row_column_and_rule(data_copy, monkeypatch):
    replace_in(
        data_copy / "turksib_stages.csv",
        "north_3,north,3,1929,1929 ж.,1929,1929,432",
        "north_3,north,3,1929,1929 ж.,1929,1929,432 km",
    )
    with pytest.raises(DataFileError) as caught:
        _load_from(data_copy, monkeypatch, "turksib_stages")
    assert str(caught.value) == (
        "data/turksib_stages.csv, row 3 (line 4), column 'length_km': "
        "'432 km' is not a number (write decimals with a point: 73.9)"
    )


def test_a_value_outside_its_allowed_set(data_copy, monkeypatch):
    replace_in(data_copy / "turksib_stages.csv", "south_1,south,", "south_1,west,")
    with pytest.raises(DataFileError) as caught:
        _load_from(data_copy, monkeypatch, "turksib_stages")
    assert str(caught.value) == (
        "data/turksib_stages.csv, row 4 (line 5), column 'side': 'west' is not one of the allowed values: 'north', 'south'"
    )


def test_a_missing_required_value(data_copy, monkeypatch):
    replace_in(data_copy / "workforce.csv", "shock_workers,Shock workers in the republic", "shock_workers,")
    with pytest.raises(
        DataFileError, match=r"row 2 \(line 3\), column 'label_en': a value is required, but the cell is empty"
    ):
        _load_from(data_copy, monkeypatch, "workforce")


def test_a_missing_column(data_copy, monkeypatch):
    path = data_copy / "rankings.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("ranking_id,", "id,", 1), encoding="utf-8")
    with pytest.raises(
        DataFileError,
        match=r"^data/rankings.csv: column 'ranking_id' is missing; datapackage.json expects the columns ranking_id, field_en",
    ):
        _load_from(data_copy, monkeypatch, "rankings")


def test_a_row_with_too_few_cells(data_copy, monkeypatch):
    path = data_copy / "freight_totals.csv"
    path.write_text(path.read_text(encoding="utf-8") + "1933,5\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        _load_from(data_copy, monkeypatch, "freight_totals")
    assert str(caught.value) == (
        "data/freight_totals.csv, row 3 (line 4): 2 cells, but the header has 8 columns (check for an unquoted comma)."
    )


# --- Import cost and where the data is found ------------------------------------------


def _run(code, cwd):
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, check=True).stdout


def test_import_is_light():
    out = _run(
        "import sys, histkit; print(sorted(m for m in ('matplotlib', 'ipywidgets', 'IPython') if m in sys.modules))",
        ROOT,
    )
    assert out.strip() == "[]"


def test_data_is_found_from_the_notebooks_folder():
    out = _run("import histkit; print(len(histkit.load('sentences')))", ROOT / "notebooks")
    assert out.strip() == "146"


def test_data_ships_inside_the_wheel(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "--wheel-dir",
            str(tmp_path / "wheel"),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next((tmp_path / "wheel").glob("histkit-*.whl"))
    subprocess.run([sys.executable, "-m", "zipfile", "-e", str(wheel), str(tmp_path / "site")], check=True)
    assert (tmp_path / "site" / "histkit" / "data" / "datapackage.json").is_file()
    assert (tmp_path / "site" / "histkit" / "seeds").is_dir()
    shipped = {p.name for p in (tmp_path / "site" / "histkit" / "ui" / "text").glob("*.toml")}
    assert shipped == {p.name for p in (ROOT / "histkit" / "ui" / "text").glob("*.toml")} and "shared.toml" in shipped
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import histkit; "
        "from histkit.locate import data_dir; from histkit.ui.words import t; "
        "print(data_dir().relative_to(sys.argv[1]), len(histkit.load('events')), t('check', 'kk', 'turksib'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "site")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert result.stdout.split() == ["histkit/data", "20", "Тексеру"]


def test_cite_shows_every_sentence_whole_in_a_notebook():
    routes = histkit.load("shipments").query("scope == 'specific'")
    cited = histkit.cite(routes)
    page = cited._repr_html_()
    for row in cited.itertuples():
        assert row.text_kk in page and row.text_en.replace('"', "&quot;").replace("'", "&#x27;") in page
    assert page.count("<blockquote") == len(cited)
    assert "<table" in cited[["sentence_id"]]._repr_html_()  # without the texts it is a plain table again


def test_the_answer_key_is_not_among_the_datasets_a_student_explores():
    names = histkit.list_datasets()
    assert not {"exercises", "exercise_options", "exercise_categories"} & set(names)
    assert len(histkit.load("exercise_options")) > 0  # histkit itself still reads it
    from histkit.ui.widgets import dataset_explorer

    assert "exercise_options" not in dataset_explorer().children[0].children[0].options
