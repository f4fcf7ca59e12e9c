"""Lesson 02 (Turksib): every figure drawn comes from data/, every derived figure is recomputed here from
the tables, and the pace widget is driven from Python as a student drives it."""

import re

import pytest
from conftest import assert_fast_redraw
from test_charts import KAZAKH_LETTERS, all_text, render

import histkit
from histkit.errors import LanguageError, OutOfRangeError, UnknownChoiceError
from histkit.lessons import turksib
from histkit.parsing import numbers_in
from histkit.ui import maps, quiz

STAGES = histkit.load("turksib_stages")
FIGURES = histkit.load("turksib_figures").set_index("figure_id")
FREIGHT = histkit.load("freight_totals").set_index("year")
GROWTH = histkit.load("freight_growth").set_index("cargo_id")
EVENTS = histkit.load("events").set_index("event_id")
POINTS = histkit.load("railway_points")
PLACES = histkit.load("places").set_index("place_id")
TOTAL = FIGURES.loc["total_length", "value"]
NORTH = STAGES[STAGES["side"] == "north"].sort_values("seq")
SOUTH_KM = STAGES.loc[STAGES["side"] == "south", "length_km"].sum()
FIRST, LAST = FREIGHT.index.min(), FREIGHT.index.max()


def ids(*cells):
    return sorted({i for cell in cells for i in cell.split(";")})


# --- The data behind the lesson -----------------------------------------------------------------


def test_stage_totals_under_both_readings():
    totals = turksib.stage_totals()
    alone, cumulative = totals.loc["alone"], totals.loc["cumulative"]
    assert alone["together_km"] == NORTH["length_km"].sum() + SOUTH_KM
    assert cumulative["north_km"] == NORTH["length_km"].iloc[-1]  # the last figure of s118 as the total so far
    assert cumulative["together_km"] == NORTH["length_km"].iloc[-1] + SOUTH_KM
    for row in (alone, cumulative):
        assert row["gap_km"] == TOTAL - row["together_km"] > 0  # the stages never reach the stated total
    assert totals["sentence_id"].unique().tolist() == ["s118;s120;s123"]
    # the figures it adds are printed in the text itself
    assert set(NORTH["length_km"]) <= set(numbers_in(histkit.sentence("s118").text_kk))
    assert TOTAL in numbers_in(histkit.sentence("s123").text_kk)


def test_the_ambiguity_of_s118_is_kept_in_the_data():
    last = NORTH.iloc[-1]
    assert "not clear" in last["note"]
    assert last["year_start"] == last["year_end"] == 1929


def test_railway_points_that_name_a_place_sit_where_the_place_is():
    linked = POINTS[POINTS["place_id"].notna()]
    for row in linked.itertuples():
        place = PLACES.loc[row.place_id]
        assert (row.lat, row.lon) == (place["lat"], place["lon"]), row.name
    # a point linked to a place must be a place the text names in the line's own terms, not a region
    assert not set(PLACES.loc[linked["place_id"], "kind"]) & {"region"}


def test_route_marks_what_the_text_names():
    _lines, points, crossings = turksib.route()
    assert (points.loc[points["place_id"].isna(), "mark"] == "general").all()
    assert set(points.loc[points["mark"] == "river", "place_id"]) <= set(crossings["place_id"])
    assert set(crossings["place_id"]) == set(PLACES.index[PLACES["kind"] == "river_crossing"])
    # the rivers the map draws are the rivers s116 names
    s116 = histkit.sentence("s116").text_kk
    assert all(
        name in s116
        for name in histkit.load("places", lang="kk").set_index("place_id").loc[crossings["place_id"], "name"]
    )
    # Ushtobe stands at the Karatal crossing but is not named like it: it keeps its own label
    unlabelled = set(points.loc[~points["labelled"], "name_en"])
    assert "Ushtobe" not in unlabelled and {"Ayagoz", "Shu", "Ile"} <= unlabelled


def test_rates_in_metres_a_day():
    assert turksib.metres_per_day("stated_average_rate") == FIGURES.loc["stated_average_rate", "value"] * 1000
    assert turksib.metres_per_day("tsarist_rate") == FIGURES.loc["tsarist_rate", "value"]
    table = turksib.pace_table(TOTAL)
    assert list(table["days"]) == [TOTAL * 1000 / r for r in table["metres_per_day"]]
    assert turksib.days_needed(1, 1000) == 1 and turksib.years_needed(365, 1000) == 1
    with pytest.raises(OutOfRangeError, match="more than 0"):
        turksib.days_needed(10, 0)


def test_length_choices_come_from_the_data():
    values = [value for _, value in turksib.length_choices()]
    assert values == [TOTAL, SOUTH_KM, NORTH["length_km"].iloc[-1], NORTH["length_km"].sum()]
    labels = [label for label, _ in turksib.length_choices("kk")]
    assert labels[0] == "Бүкіл жол, 1445 км (s123)"


def test_plan_against_outcome():
    table = turksib.plan_vs_outcome()
    expected = [
        EVENTS.loc["ev12", "year"] - EVENTS.loc["ev14", "year"],
        EVENTS.loc["ev13", "year"] - EVENTS.loc["ev14", "year"],
        EVENTS.loc["ev13", "year"] - EVENTS.loc["ev17", "year"],
    ]
    assert list(table["years_before_plan"]) == expected
    # only the date of temporary operation makes s117's "two years earlier" true
    early = FIGURES.loc["years_early", "value"]
    assert list(table["years_before_plan"] == early) == [False, True, False]
    assert table.loc[1, "sentence_id"] == "s108;s121"
    assert "28 April 1930" in table.loc[1, "outcome_date"]
    assert EVENTS.loc["ev12", "status"] == EVENTS.loc["ev13", "status"] == "planned"


def test_timeline_events_and_meetings():
    events = turksib.timeline_events()
    turksib_events = EVENTS[EVENTS["category"] == "turksib"]
    assert set(turksib_events.index) <= set(events["event_id"])
    others = events[events["category"] != "turksib"]
    assert others["year"].between(turksib_events["year"].min(), turksib_events["year"].max()).all()
    assert set(others["category"]) <= {"policy", "labour"}
    meetings = turksib.meetings()
    assert list(meetings["event_id"]) == ["ev08", "ev09", "ev10", "ev11"]  # the dated decisions, in order
    assert meetings["at"].is_monotonic_increasing


def test_freight_as_printed_and_as_read():
    table = turksib.freight_table()
    assert list(table["kind"]) == ["printed", "printed", "reading"]
    assert list(table["value"]) == [FREIGHT.loc[FIRST, "value"], FREIGHT.loc[LAST, "value"], FREIGHT.loc[LAST, "value"]]
    printed_last = table.iloc[1]
    assert printed_last["thousand_tonnes"] == FREIGHT.loc[LAST, "value"] / 1000  # tonnes, as printed
    assert turksib.freight_factor("thousand") == FREIGHT.loc[LAST, "value"] / FREIGHT.loc[FIRST, "value"]
    assert turksib.freight_factor("as printed") == pytest.approx(
        FREIGHT.loc[LAST, "value"] / (FREIGHT.loc[FIRST, "value"] * 1000)
    )
    # only the "thousand" reading agrees with the text's "more than 3 times"
    assert turksib.freight_factor("thousand") > GROWTH.loc["all", "factor"] > turksib.freight_factor("as printed")
    with pytest.raises(UnknownChoiceError, match=r"not 'millions'"):
        turksib.freight_factor("millions")


# --- The exercises cannot drift from the data ---------------------------------------------------

EXERCISES = histkit.load("exercises", lang="both").set_index("exercise_id")
OPTIONS = histkit.load("exercise_options", lang="both")
OURS = EXERCISES[EXERCISES.index.str.startswith("02-")]


def test_number_answers_are_computed_from_the_data():
    totals = turksib.stage_totals()
    assert float(EXERCISES.loc["02-stages-sum", "answer"]) == STAGES["length_km"].sum()
    assert float(EXERCISES.loc["02-freight-factor", "answer"]) == round(
        FREIGHT.loc[LAST, "value"] / FREIGHT.loc[FIRST, "value"], 2
    )
    mistakes = OPTIONS[OPTIONS["answer"] == "mistake"].set_index(["exercise_id", "option_id"])["label_en"].astype(float)
    assert mistakes[("02-stages-sum", "m772")] == totals.loc["alone", "north_km"]
    assert mistakes[("02-stages-sum", "m938")] == totals.loc["cumulative", "together_km"]
    assert mistakes[("02-stages-sum", "m1445")] == TOTAL
    assert mistakes[("02-freight-factor", "m_literal")] == round(turksib.freight_factor("as printed"), 3)
    assert mistakes[("02-freight-factor", "m_inverse")] == round(1 / turksib.freight_factor("thousand"), 2)
    assert mistakes[("02-freight-factor", "m3")] == GROWTH.loc["all", "factor"]


def derived_figures() -> set[float]:
    """Every figure the lesson derives: what an exercise may state besides the figures printed in its sentences."""
    totals = turksib.stage_totals()
    factor, literal = turksib.freight_factor("thousand"), turksib.freight_factor("as printed")
    semey = POINTS[POINTS["name"] == "Semey"].iloc[0]
    return {
        *totals["north_km"],
        *totals["together_km"],
        *totals["gap_km"],
        STAGES["length_km"].sum(),
        round(factor, 2),
        round(literal, 3),
        round(1 / factor, 2),
        round(100 * (1 - literal), 1),
        turksib.metres_per_day("stated_average_rate"),
        round(semey["lat"], 1),
        round(semey["lon"], 1),
    }


def digits(text: str) -> list[float]:
    """Figures written in digits, with a decimal point (English) or comma (Kazakh, and Kazakh quoted in English)."""
    text = re.sub(r"\bs\d{3}\b", "", text)
    return [float(n.replace(",", ".")) for n in re.findall(r"\d+(?:[.,]\d+)?", text)]


@pytest.mark.parametrize("exercise_id", OURS.index)
def test_every_figure_in_an_exercise_is_printed_or_derived(exercise_id):
    row = EXERCISES.loc[exercise_id]
    options = OPTIONS[OPTIONS["exercise_id"] == exercise_id]
    cited = ids(row["sentence_id"], *options["sentence_id"])
    printed = {f for i in cited for f in numbers_in(histkit.sentence(i).text_kk)}
    allowed = printed | derived_figures()
    texts = [row[f"{column}_{lang}"] for column in ("prompt", "correct", "wrong") for lang in ("en", "kk")]
    texts += [*options["label_en"], *options["feedback_en"], *options["label_kk"], *options["feedback_kk"]]
    for text in texts:
        if isinstance(text, str) and row["kind"] != "text":
            stray = [f for f in digits(text) if f not in allowed]
            assert not stray, f"{exercise_id}: {stray} in {text!r} is neither printed in {cited} nor derived"


def test_the_lesson_exercises_cover_the_four_skills_and_the_brief():
    assert set(OURS["skill"]) == {"sourcing", "corroboration", "close reading"}  # contextualization: Think prompts
    assert {"02-freight-factor", "02-stages-sum", "02-freight-missing-word"} <= set(OURS.index)
    assert (OURS["lesson"] == "02-turksib").all()


def test_the_missing_word_is_really_missing():
    s129 = histkit.sentence("s129").text_kk
    correct = OPTIONS[(OPTIONS["exercise_id"] == "02-freight-missing-word") & (OPTIONS["answer"] == "correct")].iloc[0]
    word = correct["label_kk"]
    first, second = s129.split(f"{FREIGHT.loc[FIRST, 'value']:g}")[1], s129.split("8888,4")[1]
    assert first.split()[0] == word and not second.split()[0].startswith(word)


def test_the_two_years_option_matches_the_computed_outcome():
    correct = OPTIONS[(OPTIONS["exercise_id"] == "02-plan-two-years") & (OPTIONS["answer"] == "correct")].iloc[0]
    table = turksib.plan_vs_outcome()
    matching = table[table["years_before_plan"] == FIGURES.loc["years_early", "value"]]
    assert correct["sentence_id"] == matching["sentence_id"].iloc[0]


def test_self_checks_in_both_languages():
    assert quiz.check("02-freight-factor", "3,06", "kk").correct is True
    literal = quiz.check("02-freight-factor", "0.003")
    assert literal.correct is False and "literal reading" in literal.message
    assert quiz.check("02-stages-sum", "1278").correct is True
    assert "not accounted for" in quiz.check("02-stages-sum", "1278").message
    assert "Not yet" in quiz.check("02-stages-sum", "1000").to_html()
    assert quiz.check("02-route-text-or-not", {"aktogay": "text"}).correct is False


# --- Charts: what they draw, in both languages ----------------------------------------------------


def markers(ax, face):
    return [line for line in ax.lines if line.get_marker() == "o" and line.get_markerfacecolor() == face]


@pytest.mark.parametrize("lang", ["en", "kk"])
def test_route_map(lang):
    fig = turksib.route_map(lang)
    ax = fig.axes[0]
    lines, points, _ = turksib.route(lang)
    north = points[points["line_id"] == "turksib_north"].sort_values("seq")
    drawn = [line for line in ax.lines if len(line.get_xdata()) > 1]
    assert [list(line.get_xdata()) for line in drawn][: len(lines)] == [
        list(points[points["line_id"] == lid].sort_values("seq")["lon"]) for lid in lines["line_id"]
    ]
    assert list(drawn[0].get_ydata()) == list(north["lat"])
    stations = points.drop_duplicates("name_en")
    stations = stations[stations["place_id"].ne("ainabulak").fillna(True)]
    assert len(markers(ax, "#222222")) == (stations["mark"] == "named").sum()
    assert len(markers(ax, "white")) == (stations["mark"] == "general").sum()
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert len(legend) == 7 and any("s116" in t for t in legend)
    texts = all_text(fig)
    for name in histkit.load("railway_points", lang=lang).query("line_id == 'orenburg_tashkent'")["name"].iloc[[0]]:
        assert name in texts  # Orenburg is off the map, named at the edge
    west, east, south, north_edge = turksib.ROUTE_EXTENT
    visible = POINTS[POINTS["name"].isin(["Semey", "Almaty", "Lugovoy", "Ainabulak", "Arys", "Tashkent"])]
    assert visible["lon"].between(west, east).all() and visible["lat"].between(south, north_edge).all()
    assert fig.source_ids == ["s097", "s099", "s115", "s116", "s118", "s120", "s121"]
    assert " ".join(maps.map_note(lang).split()) in " ".join(fig._supxlabel.get_text().split())
    if lang == "kk":
        assert KAZAKH_LETTERS & set(texts) and "1930 ж. 28 сәуірде" in texts
    render(fig)


@pytest.mark.parametrize("lang", ["en", "kk"])
def test_plan_chart(lang):
    fig = turksib.plan_chart(lang)
    ax = fig.axes[0]
    bars = [p for p in ax.patches if p.get_height() == pytest.approx(0.34)]
    plan = next(p for p in bars if p.get_hatch() == "///")
    assert plan.get_x() == EVENTS.loc["ev07", "year"] and plan.get_width() == FIGURES.loc["planned_years", "value"]
    built = next(p for p in bars if p.get_facecolor()[:3] != (1, 1, 1) and p.get_width() > 1)
    junction = EVENTS.loc["ev14"]
    assert built.get_x() + built.get_width() == pytest.approx(
        junction["year"] + (junction["month"] - 1) / 12 + (junction["day"] - 1) / 365
    )
    numbered = [t.get_text() for t in ax.texts if t.get_text().isdigit()]
    assert numbered == [str(n) for n in range(1, len(turksib.meetings()) + 1)]
    assert fig.source_ids == ids("s073;s102;s104;s105;s106;s107;s108;s117;s121;s122")
    if lang == "kk":
        printed = histkit.load("events", lang="kk").set_index("event_id")["date_kk"]
        assert printed["ev17"] in all_text(fig) and printed["ev11"] in all_text(fig)
    render(fig)


@pytest.mark.parametrize("lang", ["en", "kk"])
def test_progress_chart(lang):
    fig = turksib.progress_chart(lang)
    ax = fig.axes[0]
    totals = turksib.stage_totals()
    north_row = sorted(p.get_width() for p in ax.patches if p.get_y() == pytest.approx(-0.3))
    assert north_row == sorted(NORTH["length_km"])
    gaps = sorted(p.get_width() for p in ax.patches if p.get_hatch() == "///")
    assert gaps == sorted(totals["gap_km"])
    assert [line.get_xdata()[0] for line in ax.lines] == [TOTAL]
    km = "km" if lang == "en" else "км"
    for gap in totals["gap_km"]:
        assert f"{gap:g} {km}" in all_text(fig)
    assert fig.source_ids == ["s118", "s120", "s123"]
    render(fig)


@pytest.mark.parametrize("lang", ["en", "kk"])
def test_freight_chart(lang):
    fig = turksib.freight_chart(lang)
    totals_ax, growth_ax = fig.axes
    widths = [p.get_width() for p in totals_ax.patches]
    assert widths == list(turksib.freight_table()["thousand_tonnes"])
    assert [p.get_hatch() for p in totals_ax.patches] == [None, None, "///"]  # the reading, and only it, is hatched
    assert [p.get_width() for p in growth_ax.patches] == list(GROWTH["factor"])
    texts = all_text(fig)
    if lang == "kk":
        # the hedges in the text's own words
        for phrase in ("8 еседей", "3 еседен астам"):
            assert phrase in texts and phrase in histkit.sentence("s129").text_kk + histkit.sentence("s130").text_kk
        assert "ЕГЕР мың тонна" in texts
    else:
        assert "about 8×" in texts and "more than 3×" in texts and "IF thousand tonnes" in texts
    assert fig.source_ids == ["s129", "s130"]
    render(fig)


def test_people_card():
    card = turksib.people_card()
    people = histkit.load("people").set_index("person_id")
    for person in ("shatov", "ryskulov"):
        assert people.loc[person, "name"] in card
    assert "about 100 thousand people" in card and "s112" in card and "more than 10 thousand" in card
    kazakh = turksib.people_card("kk")
    assert "В.С.Шатов" in kazakh and "1930 жылдың басында" in kazakh
    assert kazakh._repr_html_() == str(kazakh)


# --- The pace chart and its widget -----------------------------------------------------------------


def test_pace_chart_draws_years_for_each_rate():
    chart = turksib.PaceChart("en", length_km=TOTAL, rate_m_per_day=500)
    rates = list(turksib.pace_table(1)["metres_per_day"]) + [500]
    assert [bar.get_width() for bar in chart.bars] == [turksib.years_needed(TOTAL, r) for r in rates]
    assert chart.values[-1].get_text().startswith("500 m a day: ")
    chart.update(10, 3000)
    assert chart.bars[-1].get_width() == turksib.years_needed(10, 3000)
    assert chart.length_text.get_text() == "Length: 10 km"
    chart.update(1500, 50)  # longer than the axis: the label goes inside, with an arrow
    assert chart.values[-1].get_text().endswith("→") and chart.values[-1].get_ha() == "right"
    claims = sorted(line.get_xdata()[0] for line in chart.figure.axes[0].lines)
    assert claims == sorted(FIGURES.loc[["actual_years", "planned_years"], "value"])
    assert chart.figure.source_ids == ["s115", "s117", "s119"]
    render(turksib.pace_chart(lang="kk"))


def test_pace_readout():
    html = turksib.pace_readout(TOTAL, 1500)
    assert "not from the text" in html and f"{TOTAL * 1000 / 1500:.0f} days" in html
    assert "2,6 жыл" in turksib.pace_readout(TOTAL, 1500, "kk")


def test_pace_explorer_follows_the_controls(callback_log):
    box = turksib.pace_explorer("en")
    menu, length, rate, image, readout = box.children
    assert "histkit-pace" in box._dom_classes
    assert length.value == TOTAL and menu.value == TOTAL
    first_image, first_text = image.value, readout.value
    rate.value = 2500
    assert image.value != first_image and readout.value != first_text
    assert box.chart.bars[-1].get_width() == turksib.years_needed(TOTAL, 2500)
    south = next(value for label, value in turksib.length_choices() if "south" in label)
    menu.value = south
    assert length.value == south and box.chart.length_km == south
    assert f"over {south:g} km" in readout.value
    length.value = 333  # not a length from the text: the menu says so
    assert menu.value is None and box.chart.length_km == 333


def test_pace_redraw_takes_the_fast_path(callback_log):
    box = turksib.pace_explorer("en")
    rate = box.children[2]
    for value in [100, 1500, 3000]:
        assert_fast_redraw(box.view, lambda v=value: setattr(rate, "value", v))


def test_notebook_uses_the_lesson_checks():
    import json

    from conftest import ROOT

    notebook = json.loads((ROOT / "notebooks" / "02-turksib.ipynb").read_text(encoding="utf-8"))
    code = "\n".join("".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code")
    used = set(re.findall(r'quiz\("([^"]+)"', code))
    assert used == set(OURS.index)
    assert 'LANG = "en"' in code
    markdown = "\n".join("".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "markdown")
    for skill in ("sourcing", "contextualization", "corroboration", "close reading"):
        assert f"Think ({skill})" in markdown


def test_the_pace_explorer_checks_the_language_once(monkeypatch):
    """The language is checked where the widget is built and carried as bound words, not re-checked on every redraw."""
    from histkit.ui import words

    checked = []
    original = words.check_lang
    monkeypatch.setattr(words, "check_lang", lambda lang: checked.append(lang) or original(lang))
    box = turksib.pace_explorer("kk")
    assert checked.count("kk") <= 2  # once for the lesson's words, once in the shared chart footer
    checked.clear()
    box.children[2].value = 500  # the student's rate
    assert checked == [] and "тәулігіне 500 м" in box.children[-1].value
    with pytest.raises(LanguageError):
        turksib.pace_explorer("ru")
