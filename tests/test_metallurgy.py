"""Lesson 03: the enterprise map and its widget, the output, share and flow charts, and the cards.

Expected values come from the data tables (read here with histkit.load, independently of the
code under test) or from the source sentences themselves, never from histkit.lessons.metallurgy.
"""

import html
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from conftest import ROOT, assert_fast_redraw
from matplotlib.colors import to_hex
from matplotlib.text import Annotation
from test_charts import KAZAKH_LETTERS, all_text, render

import histkit
from histkit.lessons import metallurgy as met
from histkit.parsing import split_ids
from histkit.ui import charts, quiz
from histkit.ui.words import number, t

ENTERPRISES = histkit.load("enterprises", lang="both")
INDUSTRIES = histkit.load("industries").set_index("industry_id")
PLACES = histkit.load("places", lang="both").set_index("place_id")
GROUP_OF = ENTERPRISES["industry_id"].map(INDUSTRIES["group"])


def ids(frame):
    return sorted({i for cell in frame["sentence_id"] for i in split_ids(cell)})


def expected_rows(group="all", period="all"):
    keep = pd.Series(True, index=ENTERPRISES.index)
    if group != "all":
        keep &= group == GROUP_OF
    if period != "all":
        keep &= ENTERPRISES["period_id"] == period
    return ENTERPRISES[keep]


def markers(drawing):
    """Every marker on the map as (lon, lat, colour hex, action)."""
    found = []
    for action, scatter in drawing.scatters.items():
        offsets = scatter.get_offsets()
        colours = scatter.get_facecolors()
        for k, (lon, lat) in enumerate(np.asarray(offsets)):
            found.append((lon, lat, to_hex(colours[k % len(colours)]), action))
    return found


# --- The enterprise map -----------------------------------------------------------------


def test_import_does_not_load_ipywidgets():
    code = "import sys, histkit.lessons.metallurgy; assert 'ipywidgets' not in sys.modules"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


def test_enterprises_keep_every_row_and_its_place():
    table = met.enterprises("en")
    assert list(table["enterprise_id"]) == list(ENTERPRISES["enterprise_id"])
    for row in table.itertuples():
        if pd.isna(row.place_id):
            assert pd.isna(row.lat) and pd.isna(row.lon)
        else:
            assert (row.lat, row.lon) == (PLACES.loc[row.place_id, "lat"], PLACES.loc[row.place_id, "lon"])


def test_the_full_map_draws_every_placed_row_in_its_group_colour_and_action_shape():
    drawing = met.EnterpriseMap("en")
    placed = ENTERPRISES[ENTERPRISES["place_id"].notna()]
    drawn = markers(drawing)
    assert len(drawn) == len(placed) == len(ENTERPRISES) - 1  # only the brick works has no place (s074)
    for action in ENTERPRISES["action"].unique():
        mine = placed[placed["action"] == action]
        assert sorted(c for *_, c, a in drawn if a == action) == sorted(
            to_hex(met.GROUP_COLORS[GROUP_OF[i]]) for i in mine.index
        )
    assert len({met.GROUP_COLORS[g] for g in INDUSTRIES["group"]}) == INDUSTRIES["group"].nunique()
    assert len({s.get_paths()[0].vertices.tobytes() for s in drawing.scatters.values()}) == len(drawing.scatters)
    assert drawing.figure.source_ids == ids(placed)
    assert drawing.sources.get_text() == charts.source_footer(ids(placed), "en")


def test_markers_at_one_place_stand_side_by_side_around_it():
    drawing = met.EnterpriseMap("en")
    drawn = markers(drawing)
    counts = ENTERPRISES["place_id"].value_counts()
    for place_id, n in counts[counts > 1].items():
        place = PLACES.loc[place_id]
        here = [(lon, lat) for lon, lat, *_ in drawn if lat == place["lat"] and abs(lon - place["lon"]) < 1.5]
        assert len(here) == n, place_id
        assert len({lon for lon, _ in here}) == n  # no marker hides another
        assert np.mean([lon for lon, _ in here]) == pytest.approx(place["lon"])
    emba = [lon for lon, lat, *_ in drawn if lat == PLACES.loc["emba", "lat"]]
    assert len(emba) == 3  # revived (s022), restored (s073), re-equipped (s082)


def test_the_footer_says_what_is_not_on_the_map_and_what_shares_a_place():
    fig = met.enterprise_map("en")
    footer = fig._supxlabel.get_text()
    brick = ENTERPRISES[ENTERPRISES["place_id"].isna()].iloc[0]
    assert brick["name_en"] in footer and brick["sentence_id"] in footer
    assert "Natural Earth" in footer  # maps.map_note
    counts = ENTERPRISES["place_id"].value_counts()
    for place_id in counts[counts > 1].index:
        assert PLACES.loc[place_id, "name_en"] in footer


@pytest.mark.parametrize(
    "group, period", [("food", "fyp1"), ("non-ferrous metals", "prewar"), ("fuel", "all"), ("all", "nep")]
)
def test_a_filter_draws_exactly_its_rows(group, period):
    drawing = met.EnterpriseMap("en")
    rows = drawing.show(group, period)
    wanted = expected_rows(group, period)
    assert list(rows["enterprise_id"]) == list(wanted["enterprise_id"])
    placed = wanted[wanted["place_id"].notna()]
    assert len(markers(drawing)) == len(placed)
    visible = {place_id for place_id, label in drawing.labels.items() if label.get_visible()}
    assert visible == set(placed["place_id"])
    assert drawing.figure.source_ids == ids(placed)
    assert f"{len(wanted)} of {len(ENTERPRISES)} rows, {len(placed)} on the map" in drawing.subtitle.get_text()


def test_an_empty_filter_says_so():
    drawing = met.EnterpriseMap("kk")
    rows = drawing.show("food", "nep")
    assert rows.empty and expected_rows("food", "nep").empty
    assert markers(drawing) == []
    assert not any(label.get_visible() for label in drawing.labels.values())
    assert "мәтін мұнда кәсіпорын атамайды" in drawing.subtitle.get_text()
    assert drawing.sources.get_text() == t("no_footer", "kk", "metallurgy")


def test_the_table_lists_the_rows_with_their_sentences():
    rows = met.select(met.enterprises("en"), "food", "fyp1")
    page = met.enterprise_table_html(rows, "en")
    for row in expected_rows("food", "fyp1").itertuples():
        assert row.name_en in page and row.sentence_id in page
    assert f"{len(rows)} of {len(ENTERPRISES)} rows" in page
    brick = met.enterprise_table_html(met.select(met.enterprises("kk"), "building materials"), "kk")
    assert "айтылмаған" in brick and histkit.sentence("s074").text_kk.replace('"', "&quot;") in brick


def test_counts_by_period_add_up_to_the_rows():
    counts = met.counts_by_period("en")
    periods = histkit.load("periods")
    assert list(counts.columns) == list(periods["label"])
    for period in periods.itertuples():
        assert counts.loc["Total", period.label] == (ENTERPRISES["period_id"] == period.period_id).sum()
    built = met.counts_by_period("en", action="newly_built")
    prewar_metals = (
        (ENTERPRISES["action"] == "newly_built")
        & (ENTERPRISES["period_id"] == "prewar")
        & (GROUP_OF == "non-ferrous metals")
    ).sum()
    assert built.loc["Non-ferrous metals", "Before the war"] == prewar_metals


# --- The widget, driven as a student drives it ------------------------------------------


def test_the_explorer_redraws_the_map_and_the_table(callback_log):
    box = met.enterprise_explorer("en")
    period, group, image, table = box.children
    assert [value for _, value in period.options] == ["all", *histkit.load("periods")["period_id"]]
    assert {value for _, value in group.options} == {"all", *INDUSTRIES["group"]}
    first_image, first_table = image.value, table.value
    assert image.png[:4] == b"\x89PNG"
    period.value = "fyp1"
    assert image.value != first_image and table.value != first_table
    assert table.value.count("<tr>") - 1 == len(expected_rows("all", "fyp1"))
    fyp1_image = image.value
    group.value = "food"
    assert image.value != fyp1_image
    assert box.drawing.figure.source_ids == ids(expected_rows("food", "fyp1"))
    group.value = "building materials"  # only the brick works, which has no place
    assert "Brick works" in table.value and box.drawing.figure.source_ids == []
    period.value = "nep"
    assert "names no enterprise" in table.value


def test_the_explorer_in_kazakh(callback_log):
    box = met.enterprise_explorer("kk")
    period, group, _image, table = box.children
    assert period.options[0][0] == "Барлық кезеңдер" and group.options[0][0] == "Барлық салалар"
    group.value = "fuel"
    for row in expected_rows("fuel").itertuples():
        assert row.name_kk in table.value
    assert t("col_note", "kk", "metallurgy") in table.value  # the notes, in Kazakh too
    assert all(note in table.value for note in expected_rows("fuel")["note_kk"].dropna().map(html.escape))


def test_the_explorer_redraws_through_the_fast_path(callback_log):
    box = met.enterprise_explorer("en")
    period, group = box.children[0], box.children[1]
    for value in ["fyp1", "prewar", "nep", "all"]:
        assert_fast_redraw(box.view, lambda v=value: setattr(period, "value", v))
    assert_fast_redraw(box.view, lambda: setattr(group, "value", "food"))


# --- Output growth, shares and ranks ----------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "kk"])
def test_growth_chart_draws_the_printed_factors(lang):
    fig = met.growth_chart(lang)
    ax = fig.axes[0]
    growth = histkit.load("output_growth", lang=lang)
    widths = sorted(p.get_width() for p in ax.patches)
    assert widths == sorted(growth["factor"])
    printed = histkit.sentence("s128").text_kk
    render(fig)  # tick labels exist once the figure is drawn
    labels = all_text(fig)
    for row in growth.itertuples():
        assert f"{number(row.factor, 'kk')} есе" in printed  # the factor stands in s128 as printed
        assert f"+{(row.factor - 1) * 100:.0f}%" in labels
        assert row.product in labels
    assert fig.source_ids == ["s128"]
    assert (
        growth["base_year"].iloc[0] in fig._suptitle.get_text() and growth["year"].iloc[0] in fig._suptitle.get_text()
    )
    render(fig)


@pytest.mark.parametrize("lang", ["en", "kk"])
def test_shares_chart_hatches_what_the_text_leaves_unclear(lang):
    fig = met.shares_chart(lang)
    shares = histkit.load("ussr_shares", lang="both")
    ax = fig.axes[0]
    bars = [p for p in ax.patches if p.get_width() < 100]
    assert sorted(b.get_width() for b in bars) == sorted(shares["share_pct"])
    for row in shares.itertuples():
        bar = next(b for b in bars if b.get_width() == row.share_pct)
        assert bool(bar.get_hatch()) == (row.scope != "USSR")
        assert row.of_what_kk in all_text(fig)  # what the share is "of", verbatim
    text = all_text(fig)
    rankings = histkit.load("rankings", lang=lang)
    ladder = fig.axes[1]
    filled = [c for c in ladder.collections if to_hex(c.get_facecolor()[0]) == to_hex(charts.BLUE)]
    assert sorted(c.get_offsets()[0][0] for c in filled) == sorted(rankings["rank"])
    for row in rankings.itertuples():
        assert row.field in text
    assert histkit.load("rankings", lang=lang).set_index("ranking_id").loc["oil", "after"].split()[0] in text
    assert t("not_named", lang, "metallurgy") in text  # metallurgy: the text does not say who was first
    assert fig.source_ids == ["s133", "s134", "s135"]
    render(fig)


# --- Flows ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "kk"])
def test_flow_map_draws_the_specific_shipments_and_invents_no_destination(lang):
    fig = met.flow_map(lang)
    ax = fig.axes[0]
    specific = histkit.load("shipments", lang=lang).query("scope == 'specific'")
    places = histkit.load("places").set_index("place_id")
    arrows = [a for a in ax.texts if isinstance(a, Annotation) and a.arrow_patch is not None]
    routes = specific.fillna({"destination_place_id": ""}).drop_duplicates(["origin_place_id", "destination_place_id"])
    assert len(arrows) == len(routes)
    ends = {tuple(np.round(a.xy, 6)) for a in arrows}
    named = routes[routes["destination_place_id"] != ""]
    for row in named.itertuples():
        assert (
            round(places.loc[row.destination_place_id, "lon"], 6),
            round(places.loc[row.destination_place_id, "lat"], 6),
        ) in ends
    unnamed = routes[routes["destination_place_id"] == ""]
    outside = ends - {
        (round(places.loc[p, "lon"], 6), round(places.loc[p, "lat"], 6)) for p in named["destination_place_id"]
    }
    assert len(outside) == 1 and not any(np.allclose(e, (p.lon, p.lat)) for e in outside for p in places.itertuples())
    dashed = [a for a in arrows if a.arrow_patch.get_linestyle() != "-"]
    assert len(dashed) == len(unnamed)
    text = all_text(fig)
    for goods in specific["goods"]:
        assert goods.split()[0].lower() in text.lower()
    assert t("outside_box", lang, "metallurgy") in text
    assert fig.source_ids == ids(specific)
    render(fig)


@pytest.mark.parametrize("lang", ["en", "kk"])
def test_flows_list_gives_one_arrow_per_general_claim(lang):
    page = met.flows_html(lang)
    general = histkit.load("shipments", lang=lang).query("scope == 'general'")
    assert page.count("⟶") == (general["direction"] == "out").sum()
    assert page.count("⟵") == (general["direction"] == "in").sum()
    for row in general.itertuples():
        assert (
            html.escape(row.goods) in page and html.escape(row.origin) in page and html.escape(row.destination) in page
        )
    assert charts.source_footer(ids(general), lang) in page
    assert repr(page).startswith("<general flows")  # the notebook shows HTML, not the markup as text


# --- Cards: expeditions and workers -----------------------------------------------------


def test_expeditions_card_quotes_the_conclusions():
    page = met.expeditions_html("kk")
    kurnakov = histkit.load("quotations", lang="both").set_index("quote_id").loc["q18", "text_kk"]
    assert kurnakov in page
    for row in histkit.load("expeditions", lang="en").itertuples():
        assert row.sentence_id in met.expeditions_html("en")


@pytest.mark.parametrize("lang", ["en", "kk"])
def test_workers_card_holds_slogans_memoir_number_and_names(lang):
    page = met.workers_html(lang)
    quotes = histkit.load("quotations", lang="both").set_index("quote_id")
    column = "text_kk" if lang == "kk" else "text_en"
    for quote_id in ("q19", "q20", "q21", "q22"):
        assert quotes.loc[quote_id, column].replace("'", "&#x27;") in page
    shock = histkit.load("workforce").set_index("group_id").loc["shock_workers"]
    assert f"{shock['value']:g}" in page and "10" in histkit.sentence(shock["sentence_id"]).text_kk
    people = histkit.load("people", lang=lang)
    for person in people[people["group"] == "workers"].itertuples():
        assert (person.name in page) == ("s146" in person.sentence_id)  # the unnamed memoirist is not in the list


# --- Every chart in both languages, as PNG ----------------------------------------------


@pytest.mark.parametrize("lang", ["en", "kk"])
@pytest.mark.parametrize("chart", [met.enterprise_map, met.growth_chart, met.shares_chart, met.flow_map])
def test_every_chart_renders_in_both_languages(chart, lang):
    fig = chart(lang)
    png = render(fig)
    assert png[:4] == b"\x89PNG"
    assert fig.source_ids and fig._supxlabel.get_text()
    if lang == "kk":
        assert KAZAKH_LETTERS & set(all_text(fig))


# --- The self-checks of this lesson -----------------------------------------------------


def test_the_lesson_uses_every_skill_and_explains_the_hard_cases():
    exercises = histkit.load("exercises").query("lesson == '03-metallurgy'")
    assert set(exercises["skill"]) == {"sourcing", "contextualization", "corroboration", "close reading"}
    assert set(exercises["kind"]) == {"choice", "number", "sort", "text"}
    growth = quiz.check("03-coal-growth", "140")
    assert growth.correct is False and "140% − 100%" in growth.message
    coal = histkit.load("output_growth").set_index("product_id").loc["coal", "factor"]
    assert quiz.check("03-coal-growth", str(round((coal - 1) * 100))).correct is True
    sort = histkit.load("exercise_options", lang="both").query("exercise_id == '03-evidence-sort'")
    assert (sort["answer"] == "both").sum() >= 2
    for item in sort.itertuples():  # every fact names the sentence it comes from, and the feedback cites it
        cited = {i for i in split_ids(item.sentence_id)}
        assert any(i in item.label_en for i in cited) or item.label_en.split("(")[-1].rstrip(")").split("–")[0] in cited
    unclear = quiz.check("03-what-is-51-of", "unclear")
    assert unclear.correct is True and "s134" in unclear.sentence_ids


def test_the_quizzes_work_in_kazakh(callback_log):
    box = quiz.quiz("03-evidence-sort", "kk")
    pickers, button, feedback = box.children[1:-2], box.children[-2], box.children[-1]
    items = histkit.load("exercise_options").query("exercise_id == '03-evidence-sort'")
    for picker, answer in zip(pickers, items["answer"]):
        picker.value = answer
    button.click()
    assert "Бұл — бағаланбайтын, талқылауға арналған пікір." in feedback.value  # contested: no score
    assert "Дұрыс." not in feedback.value and t("not_yet", "kk") not in feedback.value
