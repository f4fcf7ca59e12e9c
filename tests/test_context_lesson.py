"""Lesson 05 and the "Beyond the text" boxes: every outside fact shown carries its mark and its works.

Expected values are read here from data/context/*.csv with the csv module, not through histkit.
"""

from __future__ import annotations

import csv
import json
import re
from html import escape, unescape

import pytest
from conftest import ROOT
from test_charts import KAZAKH_LETTERS, all_text, render
from test_context import NOT_KAZAKH_NUMBER, shown_in, unmarked_displays

import histkit
from histkit import context as core
from histkit.errors import UnknownChoiceError
from histkit.lessons import context

DATA = ROOT / "data"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
PACKAGE = json.loads((DATA / "context" / "datapackage.json").read_text(encoding="utf-8"))
MARK = {"en": PACKAGE["mark_en"], "kk": PACKAGE["mark_kk"]}


def rows(name: str) -> list[dict[str, str]]:
    with (DATA / "context" / f"{name}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


FACTS = {f["fact_id"]: f for f in rows("facts")}
PAIRS = {p["pair_id"]: p for p in rows("corroboration")}
SOURCES = {s["source_id"]: s for s in rows("sources")}
WORKS = {}
for link in rows("fact_sources"):
    WORKS.setdefault(link["fact_id"], []).append(SOURCES[link["source_id"]])
SOURCE_TEXT = next((ROOT / "seeds").glob("*.kk.txt")).read_text(encoding="utf-8")
# English that used to reach Kazakh pages through the holders of a figure and the words around figures
ENGLISH = re.compile(r"\b(?:million|historians|cited by|reported by|about|more than|per cent|months|article|summary)\b")


def without_references(shown: str) -> str:
    """The words a Kazakh page shows, without its markup and without the works read (kept as published)."""
    return unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<ul.*?</ul>", "", shown, flags=re.S)))


def english_in_kazakh(shown: str) -> list[str]:
    """English words and English-style figures (6,073,979; 6.2) in a Kazakh page, and «…» that is not our text."""
    words = without_references(shown)
    quoted = [f"«{q}»" for q in re.findall(r"«([^»]*)»", words) if q not in SOURCE_TEXT]
    return ENGLISH.findall(words) + NOT_KAZAKH_NUMBER.findall(words) + quoted


@pytest.mark.parametrize("lang", ["en", "kk"])
@pytest.mark.parametrize("fact_id", FACTS)
def test_every_fact_card_shows_the_mark_the_statement_and_every_work(fact_id, lang):
    card = context.fact_card(fact_id, lang)
    assert MARK[lang] in card
    assert FACTS[fact_id][f"statement_{lang}"] in card  # word for word, so the notebook scan can find it
    for work in WORKS[fact_id]:
        assert work["author"] in card and escape(work["url_read"]) in card and work["year"] in card
    assert unmarked_displays(card, DATA) == []


@pytest.mark.parametrize("lang", ["en", "kk"])
@pytest.mark.parametrize("pair_id", PAIRS)
def test_every_corroboration_row_shows_both_sides_marked_with_the_verdict_and_why(pair_id, lang):
    pair = PAIRS[pair_id]
    shown = context.pair_card(pair_id, lang)
    sentence = histkit.sentence(pair["sentence_id"])
    assert sentence.text_kk in shown  # the text's side, as its sentence card
    for column in ("text_claim", "other_claim", "why_they_may_differ"):
        assert pair[f"{column}_{lang}"] in shown
    assert MARK[lang] in shown and all(w["author"] in shown for w in WORKS[pair["fact_id"]])
    assert unmarked_displays(shown, DATA) == []


@pytest.mark.parametrize("fact_id", [f for f in FACTS if FACTS[f]["value_low"]])
def test_a_kazakh_card_names_the_holders_in_kazakh(fact_id):
    fact, card = FACTS[fact_id], context.fact_card(fact_id, "kk")
    for end in ("low", "high"):
        assert escape(fact[f"holders_{end}_kk"], quote=False) in card
        assert fact[f"holders_{end}_en"] not in without_references(card)
    assert english_in_kazakh(card) == []


def test_the_english_check_finds_english_in_a_kazakh_card():
    card = context.fact_card("census_1926_population", "kk")
    english = card.replace("Ж. Асылбекова: 6073979", "Zh. Assylbekova: 6,073,979")
    assert english_in_kazakh(english) == ["6,073"]
    english = card.replace("шамамен 6,2 миллион", "about 6.2 million", 1)
    assert english_in_kazakh(english) == ["about", "million", "6.2"]
    quoted = card.replace("Қазақстан халқы", "«Қазақстан халқы»")
    assert english_in_kazakh(quoted) == ["«Қазақстан халқы»"]
    assert english_in_kazakh(card.replace("</p>", "«Түрксіб»</p>")) == []  # the text's own word, quoted


def test_a_card_without_its_mark_is_caught_by_the_scan():
    card = context.fact_card("famine_deaths", "en")
    assert unmarked_displays(card.replace(MARK["en"], ""), DATA) == [
        "famine_deaths shown without the mark 'other source'"
    ]


def test_the_notebook_scan_fails_when_a_mark_is_removed_from_lesson_05():
    pieces = shown_in(ROOT / "notebooks" / "05-beyond-the-text.ipynb")
    assert [p for piece in pieces for p in unmarked_displays(piece, DATA)] == []
    unmarked = [piece.replace(f">{MARK['en']}<", "><") for piece in pieces]  # the badge emptied, nothing else
    problems = [p for piece in unmarked for p in unmarked_displays(piece, DATA)]
    assert "famine_deaths shown without the mark 'other source'" in problems


@pytest.mark.parametrize("lang", ["en", "kk"])
@pytest.mark.parametrize("chart", [context.famine_chart, context.census_chart], ids=lambda c: c.__name__)
def test_range_charts_draw_the_stored_ranges_marked_and_cited(chart, lang):
    fig = chart(lang)
    render(fig)  # no missing glyphs (warnings are errors)
    words = " ".join(all_text(fig).split())  # wrapped lines joined again
    assert MARK[lang] in words
    for fact_id in fig.fact_ids:
        fact = FACTS[fact_id]
        assert all(w["author"] in words for w in WORKS[fact_id])
        assert fact[f"holders_low_{lang}"] in words and fact[f"holders_high_{lang}"] in words
        expected = sorted({float(fact["value_low"]), float(fact["value_high"])})
        drawn = [sorted(set(line.get_xdata())) for line in fig.axes[0].lines]
        assert expected in drawn, fact_id
    if lang == "kk":
        assert KAZAKH_LETTERS & set(words)
        assert not [t.get_text() for t in fig.axes[0].get_xticklabels() if "." in t.get_text()], "0,5 in Kazakh"
        works = context.works(fig.fact_ids, lang)  # the works' authors and years, as published
        assert works in fig.alt and english_in_kazakh(fig.alt.replace(works, "")) == []
        assert english_in_kazakh(words.replace(works, "")) == []


def test_the_famine_chart_shows_the_whole_range_with_both_ends_named():
    words = " ".join(all_text(context.famine_chart("en")).split())
    fact = FACTS["famine_deaths"]
    assert f"{fact['value_low']}–{fact['value_high']}" in words
    assert fact["holders_high_en"] in words


def test_verdict_counts_come_from_the_corroboration_table():
    table = context.verdicts("en")
    counted = {v: sum(p["verdict"] == v for p in PAIRS.values()) for v in ("agrees", "partly", "differs")}
    assert table.iloc[:, 1].to_list() == list(counted.values())
    assert table.iloc[:, 1].sum() == len(PAIRS)


def test_the_explorer_shows_the_chosen_pair(callback_log):
    box = context.corroboration_explorer("kk")
    menu, page = box.children
    assert PAIRS["c01"]["other_claim_kk"] in page.value
    menu.value = "c11"
    assert PAIRS["c11"]["other_claim_kk"] in page.value and MARK["kk"] in page.value
    assert "histkit-corroboration" in box._dom_classes


def test_the_kazakh_explorer_shows_no_english_for_any_pair(callback_log):
    menu, page = context.corroboration_explorer("kk").children
    for pair_id in PAIRS:
        menu.value = pair_id
        assert english_in_kazakh(page.value) == [], pair_id
    assert english_in_kazakh(menu.description + "".join(label for label, _ in menu.options)) == []


def test_the_beyond_box_shows_each_fact_asked_for_and_no_other():
    box = context.beyond("karlag", "special_settlement_zone", lang="en")
    assert box.count("class='histkit-outside'") == 2
    assert FACTS["karlag"]["statement_en"] in box and FACTS["special_settlement_zone"]["statement_en"] in box
    assert repr(box) == "Beyond the text"


def test_the_context_layer_stays_out_of_the_texts_datasets():
    assert not set(histkit.list_datasets()) & set(core.names())
    assert core.table("facts")["fact_id"].to_list() == list(FACTS)
    with pytest.raises(UnknownChoiceError, match="no fact 'nope'"):
        core.fact("nope", "en")
    with pytest.raises(UnknownChoiceError, match="no table 'events'"):
        core.table("events")


def test_every_lesson_05_exercise_is_shown_in_the_lesson():
    code = (ROOT / "notebooks" / "05-beyond-the-text.ipynb").read_text(encoding="utf-8")
    exercises = histkit.load("exercises")
    own = exercises.loc[exercises["lesson"] == "05-beyond-the-text", "exercise_id"]
    assert len(own) >= 4 and all(f'quiz(\\"{e}\\", LANG)' in code for e in own)


def facts_shown() -> set[str]:
    """Every fact a lesson shows, by the data-fact attribute the one marking function writes."""
    found = set()
    for path in NOTEBOOKS:
        for piece in shown_in(path):
            found |= set(re.findall(r"data-fact='([\w]+)'", piece))
    return found


def test_lessons_01_to_04_each_have_a_beyond_the_text_box():
    for path in NOTEBOOKS[1:5]:
        assert "data-fact=" in "".join(shown_in(path)), f"{path.name} has no Beyond the text box"


@pytest.mark.parametrize(
    ("guide", "heading"),
    [("teachers.md", "## Works cited in the lessons"), ("teachers.kk.md", "## Сабақтарда сілтеме жасалған еңбектер")],
)
def test_the_teachers_reading_list_cites_every_work_a_lesson_shows(guide, heading):
    notes = (ROOT / "docs" / guide).read_text(encoding="utf-8")
    reading = notes.split(heading, 1)[1].split("\n## ", 1)[0]
    listed = set(re.findall(r"<(https?://[^>]+)>", reading))
    assert listed <= {s["url_read"] for s in SOURCES.values()}, "the reading list links a page not in sources.csv"
    needed = {w["url_read"] for f in facts_shown() for w in WORKS[f]}
    assert needed and needed <= listed, f"missing from the reading list: {sorted(needed - listed)}"
