"""What a reading of every sentence and row against the source found (issue 10), kept fixed.

Translations must say what the Kazakh says; outside knowledge and the curators' inferences are marked in a
field a program can read (``claim_origin``), not only in a phrase of a note.
"""

import json
import re

import pandas as pd
import pytest
from conftest import ROOT, replace_in

import histkit
from histkit.validation import stands_in

DESCRIPTOR = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
RESOURCES = {r["name"]: r for r in DESCRIPTOR["resources"] if r.get("format") == "csv"}
# Not claims about history: teaching tables (findings and Think answers mark general knowledge in their prose)
TEACHING = {"sentences", "exercises", "exercise_options", "exercise_categories", "findings", "think_prompts"}
ORIGINS = ["text", "inference", "general_knowledge"]
PHRASE = {"general_knowledge": "General knowledge, not in the text:", "inference": "Inferred, not stated in the text:"}


def row(table: str, key: str) -> dict:
    frame = histkit.load(table, lang="both")
    return frame[frame.iloc[:, 0] == key].iloc[0].to_dict()


def text_en(sentence_id: str) -> str:
    return histkit.sentence(sentence_id).text_en


# --- Translations -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence_id, says, not_says",
    [
        ("s097", "built a railway in the Orenburg–Tashkent direction and planned to connect", "planned to build"),
        ("s042", 'with the Kazakhs "you cannot fulfil', "of the Kazakhs"),  # «Қазақтармен»: with, not of
        ("s114", "complex unskilled work, in particular, fell more to", "mostly"),  # «күрделі» «көбірек»
        ("s060", "so-called leader, an interloper", "newcomer"),  # «басшысымағы», «келімсек»
    ],
)
def test_the_corrected_translations(sentence_id, says, not_says):
    assert says in text_en(sentence_id) and not_says not in text_en(sentence_id)


def test_tables_that_repeat_those_sentences_follow_them():
    assert row("quotations", "q04")["text_en"].startswith("[with the Kazakhs] you cannot")
    assert "so-called leader, an interloper" in row("people", "goloshchekin")["role_en"]
    assert "so-called leader, an interloper" in row("findings", "goloshchekin_words")["explanation_en"]
    kazakh_share = row("findings", "kazakh_share")
    assert "fell more" in kazakh_share["explanation_en"] and "fell mostly" not in kazakh_share["explanation_en"]
    assert "көбірек" in kazakh_share["explanation_kk"]
    prompt = row("exercises", "02-people-evidence")
    assert "fell more to the lot of" in prompt["prompt_en"] and "көбірек" in prompt["prompt_kk"]
    options = histkit.load("exercise_options", lang="both").set_index(["exercise_id", "option_id"])
    labels = " ".join(options["label_en"]) + " ".join(options["feedback_en"])
    assert "newcomer" not in labels and "would-be" not in labels


def test_quotations_name_who_spoke_as_the_text_does():
    q01, q09 = row("quotations", "q01"), row("quotations", "q09")
    assert q01["kind"] == "quotation" and "Stressed at the meeting" in q01["occasion_en"]
    assert "атап көрсетілді" in histkit.sentence("s015").text_kk
    assert pd.isna(q09["speaker_id"])  # «олар»: Goloshchekin and those around him, not he alone
    assert q09["speaker_en"] == "Goloshchekin and those around him"


def test_kazakh_word_order_and_labels():
    figures = histkit.load("turksib_figures", lang="both").set_index("figure_id")
    assert set(figures.loc[["tsarist_rate", "soviet_rate"], "unit_kk"]) == {"тәулігіне метр"}
    assert figures.loc["stated_average_rate", "unit_kk"] == "күніне км"
    assert row("industries", "timber")["label_en"] == "Sawmilling"  # «Ағаш тілу»
    assert "геологтар мен геофизиктер" in row("people", "kurnakov")["role_kk"]


def test_names_use_one_romanization_without_diacritics():
    for name in histkit.load("people")["name"]:
        assert re.fullmatch(r"[A-Za-z .()'-]+", name), name


# --- Citations ----------------------------------------------------------------------------------------------


def test_every_sentence_an_industry_cites_names_that_industry():
    for industry in histkit.load("industries", lang="both").itertuples():
        stems = [part.split()[0].lower() for part in industry.label_kk.split(",")]
        for sentence_id in industry.sentence_id.split(";"):
            text = histkit.sentence(sentence_id).text_kk.lower()
            assert any(re.search(rf"\b{stem}", text) for stem in stems), (industry.industry_id, sentence_id)


def test_the_plants_outside_kazakhstan_are_listed_and_never_mapped():
    elsewhere = histkit.load("enterprises_elsewhere", lang="both")
    assert list(elsewhere["name_kk"]) == [
        "Волхов ГЭС",
        "Днепрогэс",
        "Сталинград трактор",
        "Ростов ауылшаруашылық машиналарын жасау",
        "Кузнецк",
        "Магнитогорск",
        "Кривой Рог",
        "Орск",
    ]  # s026 and s088, in the text's order
    assert set(elsewhere["claim_origin"]) == {"general_knowledge"}  # where they stood is not in the text
    assert {"lat", "lon"}.isdisjoint(elsewhere.columns)
    assert not set(histkit.load("enterprises")["sentence_id"]) & {"s026", "s088"}  # the Kazakhstan map stays


def test_a_name_the_text_does_not_print_fails_validation(data_copy):
    replace_in(data_copy / "enterprises_elsewhere.csv", "Кривой Рог,", "Криворожсталь,")
    with pytest.raises(histkit.DataFileError, match=r"enterprises_elsewhere.csv, row 7 .*'name_kk'"):
        histkit.validate(data_copy)


# --- Where a claim comes from -------------------------------------------------------------------------------


def test_every_table_with_notes_says_where_each_row_comes_from():
    for name, resource in RESOURCES.items():
        fields = {f["name"]: f for f in resource["schema"]["fields"]}
        if "note_en" in fields or name == "railway_points":
            origin = fields.get("claim_origin")
            assert origin, f"{name} has notes but no claim_origin column"
            assert origin["constraints"] == {"required": True, "enum": ORIGINS}, name
        for field in fields.values():
            assert field.get("claim_origin", "text") in ORIGINS, f"{name}.{field['name']}"


def claims() -> list[tuple[str, dict, list[str]]]:
    """(table, row, the text fields that the row-level origin covers) for every claim about history."""
    found = []
    for name, resource in RESOURCES.items():
        if name in TEACHING:
            continue
        covered = [f["name"] for f in resource["schema"]["fields"] if f["type"] == "string" and "claim_origin" not in f]
        for record in histkit.load(name, lang="both").to_dict("records"):
            found.append((name, record, covered))
    return found


def origin_problem(name: str, record: dict, covered: list[str]) -> str | None:
    """Why a row's origin does not match what its words say, or None."""
    words = " ".join(record[c] for c in covered if isinstance(record[c], str)).lower()
    origin = record.get("claim_origin")
    if "general knowledge" in words:
        expected = "general_knowledge"
    elif re.search(r"\b(inferred|implied|by context)\b", words):
        expected = "inference"
    else:
        expected = None  # the words do not say; where there is a note, it must explain any origin but text
    if expected and origin is None:
        return f"{name}: the row says {expected} but the table has no claim_origin column"
    if expected and origin != expected:
        return f"{name}: origin is {origin!r} but the row's words say {expected!r}"
    note = record.get("note_en")
    if origin in PHRASE and "note_en" in record and PHRASE[origin] not in (note if isinstance(note, str) else ""):
        return f"{name}: origin is {origin!r} but note_en does not say which part ({PHRASE[origin]!r})"
    return None


CLAIMS = claims()


@pytest.mark.parametrize("name, record, covered", CLAIMS, ids=[f"{n}-{next(iter(r.values()))}" for n, r, _ in CLAIMS])
def test_a_row_that_says_it_is_not_from_the_text_is_marked(name, record, covered):
    assert origin_problem(name, record, covered) is None


def claim(table: str, key: str) -> tuple[dict, list[str]]:
    ((record, covered),) = [(r, c) for n, r, c in claims() if n == table and next(iter(r.values())) == key]
    return record, covered


def test_the_origin_check_catches_unmarked_and_unexplained_rows():
    almaty, covered = claim("places", "almaty")
    assert origin_problem("places", {**almaty, "claim_origin": "text"}, covered).endswith("say 'general_knowledge'")
    oil, covered = claim("rankings", "oil")
    assert "say 'inference'" in origin_problem("rankings", {**oil, "claim_origin": "text"}, covered)
    rural, covered = claim("economy_1920s", "rural_population_share")
    unexplained = {**rural, "note_en": "No year is given.", "period_en": "1925"}
    assert "note_en does not say which part" in origin_problem("economy_1920s", unexplained, covered)
    d1, covered = claim("directions", "d1")
    assert "no claim_origin column" in origin_problem("directions", {**d1, "stance_en": "general knowledge"}, covered)


@pytest.mark.parametrize("table", ["places", "enterprises"])
def test_a_name_from_the_text_stands_in_the_sentences_it_cites(table):
    """Rows marked text name what the text names: each part of a place name ('Гурьев (Атырау)'), and the
    first word of an enterprise's name (its place or, for the brick works, its product)."""
    texts = histkit.load("sentences", lang="both").set_index("sentence_id")["text_kk"]
    for record in histkit.load(table, lang="both").to_dict("records"):
        cited = " ".join(texts[i] for i in record["sentence_id"].split(";")).lower()
        parts = [p.strip() for p in re.split(r"[()]", record["name_kk"]) if p.strip()]
        names = parts if table == "places" else [record["name_kk"].split()[0]]
        assert all(name.lower() in cited for name in names), (table, record["name_kk"], record["sentence_id"])


def test_a_route_point_is_text_only_where_the_cited_sentences_name_it():
    texts = histkit.load("sentences", lang="both").set_index("sentence_id")["text_kk"]
    for point in histkit.load("railway_points", lang="both").itertuples():
        cited = " ".join(texts[i] for i in point.sentence_id.split(";"))
        assert (point.claim_origin == "text") == stands_in(point.name_kk, cited), (point.line_id, point.seq)
