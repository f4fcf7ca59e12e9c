"""Lesson 01 (histkit.lessons.debates): the four directions, the quotation explorer, the wool-and-cloth
model and its chart, and the lesson's self-checks, each driven as a student would drive it."""

import html
import io
import re

import pytest
from conftest import assert_fast_redraw
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

import histkit
from histkit.errors import LanguageError, OutOfRangeError, UnknownChoiceError
from histkit.lessons import debates
from histkit.ui import quiz
from histkit.ui.words import t
from histkit.validation import stands_in

KAZAKH_LETTERS = set("ӘәҒғҚқҢңӨөҰұҮүҺһІі")
SENTENCES = histkit.load("sentences", lang="both").set_index("sentence_id")


def render(fig: Figure) -> bytes:
    """Draw the figure to PNG; a missing glyph warns, and warnings are errors in this test run."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


def cited_text(cell: str) -> str:
    return " ".join(SENTENCES.loc[i, "text_kk"] for i in cell.split(";"))


def unescape_all(page: str) -> str:
    return html.unescape(page)


# --- The part of the text this lesson reads ------------------------------------------------


def test_topic_is_sections_one_to_three():
    ids = debates.topic_sentence_ids()
    assert min(ids) == "s001" and max(ids) == "s071"
    assert SENTENCES.loc["s072", "section_id"] == "sec4" and "s072" not in ids


def test_debate_events_come_from_sections_one_to_three():
    events = debates.debate_events()
    all_events = histkit.load("events")
    cited = {i for cell in events["sentence_id"] for i in cell.split(";")}
    assert cited <= debates.topic_sentence_ids()
    assert "ev03" in set(events["event_id"])  # the Kyzylorda meeting, s012
    outside = all_events[~all_events["event_id"].isin(events["event_id"])]
    assert all(any(i > "s071" for i in cell.split(";")) for cell in outside["sentence_id"])


def test_undated_events_are_the_ones_the_text_leaves_undated_in_text_order():
    undated = debates.undated_events("kk")
    events = debates.debate_events("kk")
    assert len(undated) == events["year"].isna().sum() > 0
    assert list(undated["sentence_id"]) == sorted(undated["sentence_id"])
    assert all("Жалпы мәлімет (мәтінде жоқ)" in note for note in undated["note"])
    assert KAZAKH_LETTERS & set("".join(undated["label"]))


# --- The four directions, from the data ------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "kk"])
def test_directions_html_shows_every_direction_kazakh_beside_english(lang):
    page = unescape_all(debates.directions_html(lang))
    directions = histkit.load("directions", lang="both")
    assert page.count("class='histkit-direction'") == len(directions) == 4
    for d in directions.itertuples():
        for value in (d.stance_kk, d.stance_en, d.verdict_kk, d.verdict_en, d.holders_kk, d.holders_en):
            assert value in page, value[:40]
        assert (d.name_kk if lang == "kk" else d.name_en) in page
    heading = "Қазақша (түпнұсқа)" if lang == "kk" else "Kazakh (the original)"
    assert page.count(heading) == 4


def test_directions_are_verbatim_from_their_sentences():
    for d in histkit.load("directions", lang="both").itertuples():
        assert stands_in(d.stance_kk, cited_text(d.sentence_id)), d.direction_id
        assert stands_in(d.verdict_kk, cited_text(d.sentence_id)), d.direction_id


def test_directions_html_names_the_people_the_people_table_links():
    page = unescape_all(debates.directions_html("en"))
    first = page.split("Direction 2:")[0]
    people = histkit.load("people")
    for person in people[people["direction_id"] == "d1"].itertuples():
        assert person.name in first
    assert "S. Sadvakasov (s056, s057, s060, s064)" in page
    assert page.count("none named") == 2  # the third and fourth directions: nobody named


def test_show_directions_displays_the_same_html():
    shown = debates.show_directions("kk")
    assert shown.data == debates.directions_html("kk")


# --- The quotation explorer ----------------------------------------------------------------


def test_debate_quotations_are_sections_one_to_three_in_text_order():
    quotes = debates.debate_quotations()
    everything = histkit.load("quotations", lang="both")
    topic = debates.topic_sentence_ids()
    expected = everything[everything["sentence_id"].map(lambda c: set(c.split(";")) <= topic)]
    assert set(quotes["quote_id"]) == set(expected["quote_id"])
    firsts = [c.split(";")[0] for c in quotes["sentence_id"]]
    assert firsts == sorted(firsts)


def test_every_quotation_shown_is_verbatim_from_its_sentence():
    page = unescape_all(debates.quotations_html("all", "en"))
    shown = re.findall(r"«(.*?)»</td>", page, flags=re.S)
    quotes = debates.debate_quotations()
    assert len(shown) == len(quotes)
    for text_kk, quote in zip(shown, quotes.itertuples()):
        assert text_kk == quote.text_kk
        assert stands_in(text_kk, cited_text(quote.sentence_id)), quote.quote_id
        assert f"{quote.quote_id}</b>" in page


def test_explorer_choices_count_what_they_show():
    for label, key in debates.explorer_choices("en"):
        count = int(re.search(r"\((\d+)\)$", label).group(1))
        assert count == len(debates.select_quotations(key)), key
    keys = [key for _, key in debates.explorer_choices("kk")]
    assert keys[0] == "all" and "direction:d2" in keys and "speaker:sadvakasov" in keys


def test_choosing_a_speaker_shows_only_their_words():
    sadvakasov = debates.select_quotations("speaker:sadvakasov")
    assert set(sadvakasov["speaker_id"]) == {"sadvakasov"}
    page = unescape_all(debates.quotations_html("speaker:sadvakasov", "en"))
    assert "Жуылған жүнді" in page  # the wool-and-cloth argument, s061
    assert "түйеден социализмге" not in page  # the third direction's words
    assert f"{len(sadvakasov)} quotation(s)" in page


def test_quotation_cards_in_kazakh_give_speaker_and_occasion_in_kazakh():
    page = unescape_all(debates.quotations_html("direction:d1", "kk"))
    quotes = debates.select_quotations("direction:d1")
    for quote in quotes.itertuples():
        assert quote.speaker_kk in page and quote.occasion_kk in page
        assert quote.occasion_en not in page
        assert quote.text_kk in page and quote.text_en not in page  # the Kazakh edition reads the original alone
    assert "Дереккөз: s050" in page


def test_an_unknown_choice_is_explained():
    with pytest.raises(UnknownChoiceError, match="not a choice of the explorer"):
        debates.select_quotations("sadvakasov")


def test_quotation_explorer_follows_the_dropdown(callback_log):
    explorer = debates.quotation_explorer("en")
    assert "histkit-quotations" in explorer._dom_classes
    choose, page = explorer.children
    everything = page.value
    assert everything.count("class='histkit-quote'") == len(debates.debate_quotations())
    choose.value = "direction:d4"
    fourth = debates.select_quotations("direction:d4")
    assert page.value.count("class='histkit-quote'") == len(fourth)
    assert html.escape(fourth.iloc[0]["text_kk"]) in page.value
    choose.value = "speaker:rykov"
    assert "Rykov (as quoted by Sadvakasov)" in page.value
    assert page.value != everything


# --- The wool-and-cloth model ----------------------------------------------------------------


def test_model_counts_tonne_kilometres_leg_by_leg():
    # 1000 t of wool over 3000 km: 3 million t-km; 0.8 t of cloth per t of wool = 800 t of cloth,
    # half of it (400 t) needed back over 3000 km = 1.2 million t-km; at home the other 400 t go out.
    model = debates.wool_cloth_model(wool_t=1000, distance_km=3000, cloth_per_wool=0.8, share_back=50)
    legs = model.set_index(["route", "leg"])["tonne_km"]
    assert legs["centre", "wool"] == 3_000_000
    assert legs["centre", "cloth"] == pytest.approx(1_200_000)
    assert legs["local", "wool"] == 0
    assert legs["local", "cloth"] == pytest.approx(1_200_000)
    totals = debates.route_totals(model)
    assert totals["centre"] / totals["local"] == pytest.approx(3.5)


def test_twice_means_the_same_weight_there_and_back():
    # s061: the goods are carried "back and forth twice". With cloth as heavy as the wool and all of
    # it needed back, the centre route is exactly two journeys of the same weight; the local one none.
    totals = debates.route_totals(
        debates.wool_cloth_model(wool_t=500, distance_km=2000, cloth_per_wool=1.0, share_back=100)
    )
    assert totals["centre"] == 2 * 500 * 2000
    assert totals["local"] == 0


@pytest.mark.parametrize("yield_", [0.55, 0.65, 0.85, 0.95])
def test_all_cloth_needed_back_leaves_exactly_nothing_to_export(yield_):
    model = debates.wool_cloth_model(wool_t=4900, distance_km=4900, cloth_per_wool=yield_, share_back=100)
    assert debates.route_totals(model)["local"] == 0
    assert debates.model_result(model) == ("zero", None)


def test_distance_and_tonnage_scale_both_routes_alike():
    base = debates.route_totals(debates.wool_cloth_model(1000, 1000, 0.7, 30))
    far = debates.route_totals(debates.wool_cloth_model(2000, 3000, 0.7, 30))
    assert far["centre"] == pytest.approx(6 * base["centre"])
    assert far["local"] == pytest.approx(6 * base["local"])


def test_the_local_mill_never_needs_more_railway_work_within_the_sliders():
    low, high, step = debates.MODEL_RANGES["cloth_per_wool"]
    for yield_ in [low + step * i for i in range(round((high - low) / step) + 1)]:
        for share in range(0, 101, 10):
            totals = debates.route_totals(debates.wool_cloth_model(1000, 1000, min(yield_, high), share))
            assert totals["centre"] >= totals["local"] - 1e-6


def test_model_refuses_values_outside_the_sliders():
    with pytest.raises(OutOfRangeError, match="share_back must be between 0 and 100"):
        debates.wool_cloth_model(share_back=150)


def test_y_axis_top_leaves_room_and_covers_the_slider_maxima():
    ranges = debates.MODEL_RANGES
    largest = ranges["wool_t"][1] * ranges["distance_km"][1] * (1 + ranges["cloth_per_wool"][1]) / 1e6
    smallest = ranges["wool_t"][0] * ranges["distance_km"][0] / 1e6
    assert debates.y_top(largest) >= largest * debates.HEADROOM
    assert debates.y_top(smallest) >= smallest * debates.HEADROOM
    assert debates.y_top(4.2) == 5 and debates.y_top(4.4) == 7.5


def bars(fig):
    chart = fig.wool_cloth
    return chart.centre_wool, chart.centre_cloth, chart.local_cloth


@pytest.mark.parametrize("lang", ["en", "kk"])
def test_model_chart_draws_the_model(lang):
    fig = debates.wool_cloth_chart(lang, wool_t=2000, distance_km=1500, cloth_per_wool=0.9, share_back=40)
    wool, back, local = bars(fig)
    assert wool.get_height() == pytest.approx(2000 * 1500 / 1e6)
    assert back.get_y() == pytest.approx(wool.get_height())
    assert back.get_height() == pytest.approx(2000 * 0.9 * 0.4 * 1500 / 1e6)
    assert local.get_height() == pytest.approx(2000 * 0.9 * 0.6 * 1500 / 1e6)
    top = fig.axes[0].get_ylim()[1]
    assert top >= (wool.get_height() + back.get_height()) * debates.HEADROOM
    assert fig.source_ids == ["s060", "s061"]
    footer = fig._supxlabel.get_text()
    assert ("MODEL" in footer) if lang == "en" else ("МОДЕЛЬ" in footer)
    texts = " ".join(t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text")))
    assert ("NOT FIGURES FROM THE TEXT" in texts) if lang == "en" else ("МӘТІННІҢ ДЕРЕКТЕРІ ЕМЕС" in texts)
    chart = fig.wool_cloth
    totals = [label.get_text() for label in chart.totals]  # 3 + 1.08 = 4.08 and 1.62 million t-km
    assert totals == (["4,1", "1,6"] if lang == "kk" else ["4.1", "1.6"])
    assumed = [label.get_text() for label in chart.assumed]
    assert assumed == (["2000 т", "1500 км", "0,9 т", "40%"] if lang == "kk" else ["2000 t", "1500 km", "0.9 t", "40%"])
    assert chart.ratio.get_text() == ("2,5 есе көп" if lang == "kk" else "2.5 times as much")  # 4.08 / 1.62
    if lang == "kk":
        assert KAZAKH_LETTERS & set(texts)
    assert render(fig)[:4] == b"\x89PNG"


def test_model_chart_y_labels_follow_the_scale():
    fig = debates.wool_cloth_chart("en", wool_t=5000, distance_km=5000, cloth_per_wool=1.0, share_back=100)
    chart = fig.wool_cloth
    top = fig.axes[0].get_ylim()[1]
    assert [t.get_text() for t in chart.ticks] == [f"{level * top:g}" for level in chart.GRID]
    assert chart.ratio.get_text().replace("\n", " ") == "only the mill in the centre uses the railway: no cloth leaves"
    same = debates.wool_cloth_chart("en", wool_t=100, distance_km=500, cloth_per_wool=1.0, share_back=0)
    assert same.wool_cloth.ratio.get_text() == "about the same"
    assert [t.get_text() for t in same.wool_cloth.ticks][-1] == "0.1"


def test_model_chart_text_stays_inside_the_figure():
    for lang in ("en", "kk"):
        for params in (
            {},
            dict(wool_t=5000, distance_km=5000, cloth_per_wool=1.0, share_back=100),
            dict(wool_t=100, distance_km=500, cloth_per_wool=0.5, share_back=0),
        ):
            fig = debates.wool_cloth_chart(lang, **params)
            canvas = FigureCanvasAgg(fig)
            canvas.draw()
            renderer = canvas.get_renderer()
            width, height = fig.bbox.width, fig.bbox.height
            for artist in fig.wool_cloth.dynamic:
                box = artist.get_window_extent(renderer)
                assert box.x0 >= -1 and box.x1 <= width + 1 and box.y0 >= -1 and box.y1 <= height + 1, (lang, artist)


def test_model_explorer_redraws_when_a_slider_moves(callback_log):
    explorer = debates.wool_cloth_explorer("en")
    assert "histkit-wool-model" in explorer._dom_classes
    sliders, view, chart = explorer.sliders, explorer.view, explorer.chart
    assert view.image.png[:4] == b"\x89PNG"
    first_image, first_height = view.image.value, chart.local_cloth.get_height()
    sliders["share_back"].value = 100
    assert chart.local_cloth.get_height() == 0
    assert view.image.value != first_image
    assert "sends no cloth away" in explorer.summary.value
    assert "no cloth leaves" in chart.ratio.get_text()
    sliders["wool_t"].value = 5000
    sliders["distance_km"].value = 5000
    top = chart.ax.get_ylim()[1]
    centre = chart.centre_wool.get_height() + chart.centre_cloth.get_height()
    assert centre == pytest.approx(5000 * 5000 * (1 + 0.8) / 1e6)
    assert top >= centre * debates.HEADROOM
    assert chart.ticks[-1].get_text() == f"{top:g}"
    sliders["share_back"].value = debates.MODEL_DEFAULTS["share_back"]
    sliders["wool_t"].value = debates.MODEL_DEFAULTS["wool_t"]
    sliders["distance_km"].value = debates.MODEL_DEFAULTS["distance_km"]
    assert chart.local_cloth.get_height() == pytest.approx(first_height)
    assert view.image.value == first_image  # back to the start: the same picture


@pytest.mark.parametrize("lang", ["en", "kk"])
def test_model_explorer_keeps_its_text_inside_the_frozen_layout(lang):
    """The widget lays the figure out once, for the defaults; extreme values must still fit."""
    explorer = debates.wool_cloth_explorer(lang)
    sliders, view, chart = explorer.sliders, explorer.view, explorer.chart
    renderer = view.canvas.get_renderer()
    width, height = view.figure.bbox.width, view.figure.bbox.height
    extremes = [
        dict(wool_t=5000, distance_km=5000, cloth_per_wool=1.0, share_back=100),
        dict(wool_t=100, distance_km=500, cloth_per_wool=0.5, share_back=0),
        dict(wool_t=100, distance_km=500, cloth_per_wool=1.0, share_back=0),
        dict(wool_t=4900, distance_km=4900, cloth_per_wool=0.55, share_back=90),
    ]
    for values in extremes:
        for name, value in values.items():
            sliders[name].value = value
        for artist in chart.dynamic:
            box = artist.get_window_extent(renderer)
            assert box.x0 >= 0 and box.x1 <= width and box.y0 >= 0 and box.y1 <= height, (values, artist)
        ticks = [t.get_window_extent(renderer) for t in chart.ticks]
        label = chart.ax.yaxis.label.get_window_extent(renderer)
        assert all(tick.x0 > label.x1 for tick in ticks), "a tick label runs into the axis title"


def test_model_summary_gives_the_result_in_words():
    model = debates.wool_cloth_model(wool_t=1000, distance_km=3000, cloth_per_wool=0.8, share_back=50)
    assert debates.model_result(model) == ("ratio", pytest.approx(3.5))
    page = debates.model_summary_html(model, "en")
    assert "3.5 times the work" in page and "wool 3 + cloth 1.2 = 4.2 million t-km" in page
    assert "3,5 есе" in debates.model_summary_html(model, "kk")


def test_model_explorer_in_kazakh_labels_its_sliders():
    explorer = debates.wool_cloth_explorer("kk")
    assert [s.description for s in explorer.sliders.values()] == [
        f"<span lang='kk'>{html.escape(t(key, 'kk', 'debates'))}</span>"
        for key in ("slider_wool", "slider_distance", "slider_yield", "slider_back")
    ]
    assert "болжамдары" in explorer.children[0].value


def test_model_redraw_takes_the_fast_path(callback_log):
    explorer = debates.wool_cloth_explorer("en")
    slider = explorer.sliders["wool_t"]
    for value in [200, 3700, 5000]:
        assert_fast_redraw(explorer.view, lambda v=value: setattr(slider, "value", v))


def test_charts_refuse_an_unknown_language():
    with pytest.raises(LanguageError):
        debates.wool_cloth_chart("ru")
    with pytest.raises(LanguageError):
        debates.directions_html("ru")


# --- The lesson's self-checks ----------------------------------------------------------------

EXERCISES = histkit.load("exercises", lang="both")
OURS = EXERCISES[EXERCISES["lesson"] == "01-debates"]
OPTIONS = histkit.load("exercise_options", lang="both")
CATEGORIES = histkit.load("exercise_categories", lang="both")


def test_the_lesson_practises_all_four_skills():
    assert set(OURS["skill"]) == {"sourcing", "contextualization", "corroboration", "close reading"}
    assert all(OURS["exercise_id"].str.startswith("01-"))


def test_every_quiz_in_the_notebook_exists_and_every_exercise_is_used():
    import json

    from conftest import ROOT

    notebook = json.loads((ROOT / "notebooks" / "01-debates.ipynb").read_text(encoding="utf-8"))
    code = "\n".join("".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code")
    used = re.findall(r'quiz\("([^"]+)"', code)
    assert sorted(used) == sorted(OURS["exercise_id"])


def test_quoted_words_in_the_self_checks_stand_in_their_sentences():
    """Every «…» quotation in a Kazakh label stands word for word in the sentences the row cites."""
    ours = OPTIONS[OPTIONS["exercise_id"].str.startswith("01-")]
    checked = 0
    for row in ours.itertuples():
        for fragment in re.findall(r"«([^»]+)»", row.label_kk):
            assert stands_in(fragment, cited_text(row.sentence_id)), (row.exercise_id, row.option_id, fragment)
            checked += 1
    assert checked >= 12


def test_sort_categories_match_the_directions():
    categories = CATEGORIES[CATEGORIES["exercise_id"] == "01-match-quotations"]
    directions = histkit.load("directions", lang="both").set_index("direction_id")
    for category in categories.itertuples():
        assert directions.loc[category.category_id, "name_en"] in category.label_en
        assert directions.loc[category.category_id, "name_kk"] in category.label_kk
    items = OPTIONS[OPTIONS["exercise_id"] == "01-match-quotations"]
    assert set(items["answer"]) == set(directions.index)  # every direction gets at least one quotation


def test_match_quotations_agrees_with_the_quotations_table():
    """Each item's answer is the direction the quotations table gives the words it quotes."""
    quotes = histkit.load("quotations", lang="both")
    items = OPTIONS[OPTIONS["exercise_id"] == "01-match-quotations"]
    for item in items.itertuples():
        fragment = re.search(r"«([^»]+)»", item.label_kk).group(1)
        holder = quotes[quotes["text_kk"].str.contains(fragment, regex=False)]
        assert set(holder["direction_id"]) == {item.answer}, item.option_id


def test_match_quotations_feedback_in_both_languages(callback_log):
    box = quiz.quiz("01-match-quotations", "kk")
    pickers, button, feedback = box.children[1:-2], box.children[-2], box.children[-1]
    items = OPTIONS[OPTIONS["exercise_id"] == "01-match-quotations"].set_index("option_id")
    for picker, option_id in zip(pickers, items.index):
        picker.value = items.loc[option_id, "answer"]
    pickers[0].value = "d1"  # "from the camel to socialism" is the third direction's
    button.click()
    assert t("not_yet", "kk") in feedback.value and "s039" in feedback.value
    pickers[0].value = "d3"
    button.click()
    assert "Дұрыс." in feedback.value and "Алтауы да дұрыс орында" in feedback.value


def test_loaded_words_quiz_explains_both_ways(callback_log):
    box = quiz.quiz("01-loaded-words")
    pickers, button, feedback = box.children[1:-2], box.children[-2], box.children[-1]
    items = OPTIONS[OPTIONS["exercise_id"] == "01-loaded-words"].set_index("option_id")
    for picker, option_id in zip(pickers, items.index):
        picker.value = "neutral" if option_id == "newcomer" else items.loc[option_id, "answer"]
    button.click()
    assert "Not yet." in feedback.value and "outsider" in feedback.value
    pickers[list(items.index).index("newcomer")].value = "loaded"
    button.click()
    assert "Correct." in feedback.value
    assert html.escape(histkit.sentence("s060").text_kk) in feedback.value


@pytest.mark.parametrize(
    "exercise_id", ["01-kyzylorda-context", "01-verdict-evidence", "01-model-limits", "01-who-wrote-this"]
)
def test_choice_quizzes_give_reasons_for_right_and_wrong(exercise_id, callback_log):
    box = quiz.quiz(exercise_id, "en")
    radio, button, feedback = box.children[1], box.children[2], box.children[3]
    options = OPTIONS[OPTIONS["exercise_id"] == exercise_id]
    for option in options.itertuples():
        radio.value = option.option_id
        button.click()
        verdict = "Correct." if option.answer == "correct" else "Not yet."
        assert verdict in feedback.value
        for sentence_id in option.sentence_id.split(";"):
            assert f"<b>{sentence_id}</b>" in feedback.value


def test_the_claim_rubric_needs_two_citations():
    weak = quiz.check("01-your-claim", "The author likes Sadvakasov (s048).")
    assert "✘ cites a sentence id" in weak.message
    strong = quiz.check(
        "01-your-claim",
        "The author sides with Sadvakasov: his views are called a great act of courage (s067), while "
        "Goloshchekin is called a newcomer would-be leader (s060) and the cudgel of the government.",
    )
    assert "✘" not in strong.message and "uses a figure" not in strong.message  # this rubric asks for no figure
    assert strong.sentence_ids == ("s060", "s067")
