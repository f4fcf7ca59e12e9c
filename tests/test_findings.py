"""Lesson 04, checking the numbers: the findings table, every calculation, the charts and the explorer widget.

Expected values are never copied from histkit.lessons.findings: they are parsed from the Kazakh source
sentences (histkit.parsing.numbers_in and plain text search) or counted from the data tables.
The second half edits a scratch copy of data/ and shows that each calculation follows the data.
"""

from __future__ import annotations

import html
import io
import re
import subprocess
import sys

import pandas as pd
import pytest
from conftest import ROOT, clear_caches, replace_in

import histkit
from histkit import package
from histkit.errors import UnknownChoiceError
from histkit.lessons import findings as F
from histkit.parsing import months_in, numbers_in, split_ids
from histkit.ui import words

KAZAKH_LETTERS = set("ӘәҒғҚқҢңӨөҰұҮүҺһІі")
GK_EN, GK_KK = "General knowledge, not in the text", "Жалпы мәлімет (мәтінде жоқ)"


def t(key: str, lang: str, **values) -> str:
    """The lesson's words for key, as the lesson shows them."""
    return words.t(key, lang, "findings", **values)


def kk(sentence_id: str) -> str:
    return histkit.sentence(sentence_id).text_kk


def value(frame: pd.DataFrame, key: str, lang: str = "en", **values) -> float:
    """The value of the row whose 'what' is the lesson's label for key."""
    label = t(key, lang, **values)
    rows = frame[frame["what"] == label]
    assert len(rows) == 1, f"{label!r} not found once in {list(frame['what'])}"
    return float(rows["value"].iloc[0])


def render(fig) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")  # warnings are errors in this test run: a missing glyph fails
    return buffer.getvalue()


def all_text(fig) -> str:
    return " ".join(t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text")))


FINDINGS = histkit.load("findings", lang="both")
FINDINGS["check"] = FINDINGS["check"].fillna("")


# --- The findings table -----------------------------------------------------------------------


def test_every_kind_has_findings_and_the_enum_matches_the_module():
    descriptor = package.resources()["findings"]["schema"]["fields"]
    enum = next(f for f in descriptor if f["name"] == "kind")["constraints"]["enum"]
    assert tuple(enum) == F.KINDS
    assert set(FINDINGS["kind"]) == set(F.KINDS)
    verdicts = next(f for f in descriptor if f["name"] == "verdict")["constraints"]["enum"]
    assert tuple(verdicts) == F.VERDICTS
    for field in descriptor:
        assert field["description"], field["name"]
        assert not field.get("printed") and not field.get("verbatim")  # findings are interpretations


@pytest.mark.parametrize("row", FINDINGS.to_dict("records"), ids=lambda r: r["finding_id"])
def test_each_finding_is_complete(row):
    for field in ("title_en", "title_kk", "explanation_en", "explanation_kk", "corroborate_en", "corroborate_kk"):
        assert len(row[field]) > 10, field
    for field in ("title_kk", "explanation_kk", "corroborate_kk"):
        assert re.search(r"[\u0400-\u04FF]", row[field]), f"{field} should be Kazakh"
        assert row[field] != row[field.replace("_kk", "_en")]
    assert KAZAKH_LETTERS & set(row["explanation_kk"])
    if row["check"]:
        assert row["check"] in F.CHECKS, row["check"]
    if row["kind"] in ("arithmetic", "units", "plan_vs_outcome"):
        assert row["check"], "every arithmetic, units and plan-vs-outcome finding is computed from the data"
    # general knowledge is flagged in both languages exactly when the row says so
    assert (GK_EN in row["explanation_en"]) == row["general_knowledge"]
    assert (GK_KK in row["explanation_kk"]) == row["general_knowledge"]
    # every sentence named in the explanation exists
    for sid in re.findall(r"\bs\d{3}\b", row["explanation_en"] + row["explanation_kk"]):
        histkit.sentence(sid)


SOURCE_WORDS = {w for text in histkit.load("sentences", lang="both")["text_kk"] for w in re.findall(r"\w+", text)}


@pytest.mark.parametrize("row", FINDINGS.to_dict("records"), ids=lambda r: r["finding_id"])
def test_figures_in_an_explanation_are_printed_in_its_sentences(row):
    """Derived numbers belong to the calculation; the prose repeats only what the cited sentences print.

    Whatever follows the general-knowledge marker is not from the text and is not checked here."""
    printed = {n for sid in split_ids(row["sentence_id"]) for n in numbers_in(kk(sid))}
    for field, marker in (("explanation_en", GK_EN), ("explanation_kk", GK_KK)):
        prose = re.sub(r"\bs\d{3}\b", " ", row[field].split(marker)[0])
        for match in re.finditer(r"(?<![\w.,])\d+(?:[.,]\d+)?", prose):
            figure = float(match.group().replace(",", "."))
            assert figure in printed, (
                f"{row['finding_id']}.{field}: {match.group()} is not printed in {row['sentence_id']}"
            )


@pytest.mark.parametrize("field", ["title_kk", "explanation_kk", "corroborate_kk"])
def test_kazakh_fields_do_not_mix_latin_and_cyrillic_in_a_word(field):
    for row in FINDINGS.itertuples():
        for word in re.findall(r"\w+", getattr(row, field)):
            mixed = re.search(r"[A-Za-z]", word) and re.search(r"[\u0400-\u04FF]", word)
            assert not mixed or word in SOURCE_WORDS, f"{row.finding_id}.{field}: {word!r}"


def test_a_finding_without_a_general_knowledge_flag_fails_validation(data_copy):
    replace_in(data_copy / "findings.csv", ",true\n", ",maybe\n")
    with pytest.raises(histkit.DataFileError, match=r"findings.csv.*'general_knowledge': 'maybe' is not true or false"):
        histkit.validate(data_copy)


def test_an_unknown_kind_fails_validation(data_copy):
    replace_in(data_copy / "findings.csv", "stage_sum,arithmetic,", "stage_sum,maths,")
    with pytest.raises(histkit.DataFileError, match=r"'maths' is not one of the allowed values"):
        histkit.validate(data_copy)


def test_the_dispatcher_runs_every_check_in_both_languages():
    for row in FINDINGS.itertuples():
        for lang in ("en", "kk"):
            result = F.check(row.finding_id, lang)
            if not row.check:
                assert result is None
                continue
            assert isinstance(result, pd.DataFrame) and len(result) > 0, row.finding_id
            cited = {i for cell in result["sentence_id"] for i in split_ids(cell)}
            assert cited and all(histkit.sentence(i) for i in cited)
    with pytest.raises(UnknownChoiceError, match="There is no finding 'nope'"):
        F.check("nope")


# --- Arithmetic, derived from the source sentences --------------------------------------------


def km_in(sentence_id: str) -> list[float]:
    return [float(n) for n in re.findall(r"(\d+) (?:км|километр)", kk(sentence_id))]


@pytest.mark.parametrize("lang", ["en", "kk"])
def test_stage_sum_adds_the_printed_stages(lang):
    north, south, (total,) = km_in("s118"), km_in("s120"), km_in("s123")
    assert len(north) == 3 and len(south) == 1
    result = F.stage_sum(lang)
    assert value(result, "north_sum", lang) == sum(north)
    assert value(result, "together", lang) == sum(north) + sum(south)
    assert value(result, "total_printed", lang) == total
    assert value(result, "gap", lang) == total - sum(north) - sum(south)
    year = numbers_in(kk("s118"))[3]  # the one dated stage: "1929 ж. — 432 км"
    other = value(result, "gap_other", lang)
    assert other == total - north[-1] - sum(south)
    assert f"{north[-1]:g}" in t("together_other", lang, km=f"{north[-1]:g}", year=int(year))
    assert result.loc[result["what"] == t("gap", lang), "sentence_id"].item() == "s118;s120;s123"


def test_pace_check_compares_the_average_with_the_maximum():
    (maximum_m,) = [float(n) for n in re.findall(r"(\d+) метрге дейін", kk("s115"))]
    (average_km,) = [float(n.replace(",", ".")) for n in re.findall(r"(\d+,\d+) км", kk("s119"))]
    stage_km = km_in("s118")[-1]
    result = F.pace_check()
    assert value(result, "max_rate") == maximum_m / 1000
    assert value(result, "avg_rate") == average_km
    assert value(result, "avg_over_max") == pytest.approx(average_km / (maximum_m / 1000))
    assert value(result, "avg_over_max") > 1  # the average exceeds the maximum: the finding
    assert value(result, "days_needed", km=f"{stage_km:g}", year=1929) == pytest.approx(stage_km / average_km)
    assert value(result, "whole_year", km=f"{stage_km:g}", year=1929) == pytest.approx(stage_km / 365)


@pytest.mark.parametrize("lang", ["en", "kk"])
def test_freight_factor_reads_the_1932_figure_both_ways(lang):
    (before,) = [float(n) for n in re.findall(r"(\d+) мың тоннадан", kk("s129"))]
    (after,) = [float(n.replace(",", ".")) for n in re.findall(r"(\d+,\d+) тоннаға", kk("s129"))]
    result = F.freight_factor(lang)
    assert value(result, "literal_growth", lang, first=1928, last=1932) == pytest.approx(after / (before * 1000))
    assert value(result, "literal_change", lang) == pytest.approx((after / (before * 1000) - 1) * 100)
    assert value(result, "thousand_growth", lang, year=1932) == pytest.approx(after / before)
    printed = numbers_in(kk("s129"))[-1]  # "3 еседен астам"
    assert value(result, "printed_growth", lang, q=t("q_more than", lang)) == printed
    assert after / before > printed  # "more than 3 times" holds only if 1932 is in thousand tonnes


def test_cargo_factors_sit_beside_the_whole():
    factors = numbers_in(kk("s130"))
    result = F.cargo_factors()
    cargo = result[result["sentence_id"] == "s130"]
    assert list(cargo["value"]) == factors
    (before,) = [float(n) for n in re.findall(r"(\d+) мың тоннадан", kk("s129"))]
    (after,) = [float(n.replace(",", ".")) for n in re.findall(r"(\d+,\d+) тоннаға", kk("s129"))]
    assert value(result, "faster_kinds") == sum(f > after / before for f in factors)


def test_investment_years_is_a_check_that_passes():
    years = [n for n in numbers_in(kk("s008")) if n > 1900]
    months = months_in(kk("s008"))
    span = (years[1] - years[0]) * 12 + (months[1] - months[0])
    printed = numbers_in(kk("s008"))[2]  # "үш жылда"
    result = F.investment_years()
    assert value(result, "span_years") == span / 12 == printed
    assert value(result, "difference") == 0
    (congress_month,) = months_in(kk("s002"))
    assert value(result, "before_congress", date="December 1925") == congress_month - months[0]
    assert FINDINGS.set_index("finding_id").loc["investment_years", "verdict"] == "holds"


def test_rate_comparison_sets_an_average_against_a_maximum():
    tsar, soviet = numbers_in(kk("s115"))
    result = F.rate_comparison()
    assert value(result, "rate_ratio") == soviet / tsar
    assert "орта есеппен" in kk("s115") and "дейін" in kk("s115")
    assert t("avg_vs_max", "en") in result["how"].iloc[-1]


def test_percent_check_counts_figures_and_per_cent_signs():
    result = F.percent_check()
    assert value(result, "figures_in", sid="s134") == len(numbers_in(kk("s134")))
    assert value(result, "percent_words") == kk("s134").count("пайыз")


def test_share_scope_and_our_country():
    shares = F.share_scope()
    assert list(shares["share"]) == numbers_in(kk("s134"))
    sentences = histkit.load("sentences", lang="both")
    expected = sorted(s.sentence_id for s in sentences.itertuples() if "еліміз" in s.text_kk.lower())
    assert sorted(F.our_country()["sentence_id"]) == expected
    assert {"s098", "s099", "s125", "s127", "s134"} <= set(expected)


def test_output_ratios_are_the_printed_ratios():
    ratios = [n for n in numbers_in(kk("s128")) if n < 10]
    assert list(F.output_ratios()["value"]) == ratios


# --- Contradictions, claims and evidence ------------------------------------------------------


def test_metallurgy_mentions_are_every_sentence_that_names_metallurgy():
    sentences = histkit.load("sentences", lang="both")
    expected = [s.sentence_id for s in sentences.itertuples() if "металлург" in s.text_kk.lower()]
    assert list(F.metallurgy_mentions()["sentence_id"]) == expected
    assert {"s083", "s093", "s133"} <= set(expected)


def test_consumer_plants_stand_in_the_sentences_they_cite():
    plants = F.consumer_plants("kk")
    assert len(plants) >= 5
    for plant in plants.itertuples():
        first_word = plant.name.split()[0]
        assert any(first_word in kk(sid) for sid in split_ids(plant.sentence_id)), plant.name
    assert set(split_ids(";".join(plants["sentence_id"]))) == {"s074", "s075"}
    assert any("қант" in n.lower() for n in plants["name"]) and any("балық" in n.lower() for n in plants["name"])


def test_big_plants_in_the_list_of_small_ones():
    big = F.big_in_small_list("kk")
    shares = numbers_in(kk("s134"))
    assert sorted(big["share"]) == sorted(shares[:2])  # Balkhash and Shymkent; Karaganda is not in s075
    for row in big.itertuples():
        assert row.name.split()[0] in kk("s075") and row.name.split()[0] in kk("s134")


@pytest.mark.parametrize(
    "function, place, sentences",
    [(F.balkhash_dates, "Балқаш", ["s075", "s082"]), (F.ridder_dates, "Риддер", ["s073", "s082"])],
)
def test_one_place_dated_twice(function, place, sentences):
    history = function("en")
    assert list(history["sentence_id"]) == sentences
    assert all(place in kk(s) for s in sentences)
    assert history["period"].nunique() == 2


def test_output_before_traffic_counts_months_from_the_source():
    start_year = int(numbers_in(kk("s128"))[0])  # "1929/30"
    (plan_month,) = months_in(kk("s073"))
    junction_year, (junction_month,) = int(numbers_in(kk("s121"))[0]), months_in(kk("s121"))
    regular_year, (regular_month,) = int(numbers_in(kk("s122"))[0]), months_in(kk("s122"))
    start = start_year * 12 + plan_month
    end = (start_year + 1) * 12 + plan_month  # the first month after the economic year
    result = F.output_before_traffic()
    assert list(result["value"]) == [
        junction_year * 12 + junction_month - start,
        max(0, end - (regular_year * 12 + regular_month)),
        regular_year * 12 + regular_month - end,
    ]
    assert result["value"].iloc[1] == 0  # no month of 1929/30 had regular traffic


# --- Vague references, names, plans, perspective, slips ---------------------------------------


def test_undated_events_and_stages():
    undated = F.undated_events()
    events = histkit.load("events")
    assert len(undated) == events["year"].isna().sum()
    assert {"s052", "s062;s063"} <= set(undated["sentence_id"])
    stages = F.undated_stages()
    assert list(stages["length"]) == km_in("s118")[:2]  # "бірінші кезеңінде ... келесі кезеңінде"


def test_vague_flows_cover_their_three_sentences():
    flows = F.vague_flows()
    assert {i for c in flows["sentence_id"] for i in split_ids(c)} == {"s087", "s088", "s089"}


def test_names_of_the_time_and_of_today():
    sentences = histkit.load("sentences", lang="both")
    markers = [
        s.sentence_id
        for s in sentences.itertuples()
        if re.search("қазіргі|сол кездегі|Қазақстан Республикасы", s.text_kk)
    ]
    assert list(F.present_day_markers()["sentence_id"]) == markers
    assert list(F.republic_names()["sentence_id"]) == ["s014", "s015", "s079"]
    russia = [s.sentence_id for s in sentences.itertuples() if "Ресей" in s.text_kk]
    assert list(F.russia_mentions()["sentence_id"]) == russia and "s026" in russia


def test_schedule_check_from_the_source():
    (start,) = numbers_in(kk("s102"))
    planned, years_early, actual = numbers_in(kk("s117"))  # "бес жылдан екі жыл бұрын, яғни үш жылда"
    completion, operation = numbers_in(kk("s108"))
    junction, regular = numbers_in(kk("s121"))[0], numbers_in(kk("s122"))[0]
    result = F.schedule_check()
    assert value(result, "restart_plus_plan") == start + planned == operation
    assert value(result, "restart_plus_actual") == start + actual == completion
    assert value(result, "early_completion") == completion - junction == 0
    assert value(result, "early_operation") == operation - regular
    assert value(result, "early_printed") == years_early == planned - actual


def test_expedition_results_are_the_outcome_of_the_plan():
    assert list(F.expedition_results()["sentence_id"]) == ["s078", "s079", "s080"]


def test_loaded_words_stand_in_their_sentences():
    table = F.loaded_words("kk")
    for row in table.itertuples():
        assert row.word in kk(row.sentence_id)
    assert {"s040", "s043", "s047", "s060", "s062", "s067", "s131"} <= set(table["sentence_id"])
    only = F.loaded_words("en", ids="s060")
    assert set(only["sentence_id"]) == {"s060"} and "келімсек" in set(only["word"])


def test_voices_counts_the_quotations():
    quotes = histkit.load("quotations", lang="both")
    table = F.voices()
    assert table["quotations"].sum() == len(quotes)
    sadvakasov = quotes[quotes["speaker_id"] == "sadvakasov"]
    top = table.iloc[0]
    assert top["speaker"] == sadvakasov["speaker_en"].iloc[0]
    assert top["words"] == sum(len(t.split()) for t in sadvakasov["text_kk"])
    assert top["words"] > table["words"].iloc[1:].max()  # the claim of the 'voices' finding


def test_printing_slips_from_the_source():
    sentences = histkit.load("sentences", lang="both")
    assert list(F.double_stops()["sentence_id"]) == [
        s.sentence_id for s in sentences.itertuples() if s.text_kk.endswith("..")
    ]
    numerals = F.roman_numerals()
    assert list(numerals["sentence_id"]) == ["s002", "s051", "s052", "s062"]
    for row in numerals.itertuples():
        assert row.numeral in kk(row.sentence_id)
        assert row.numeral not in {"XIV", "VII", "VI", "IV"}  # the Latin spellings are not what is printed
        assert row.mixed


# --- HTML and tables --------------------------------------------------------------------------


def test_finding_html_has_sentences_calculation_and_conclusion():
    page = F.finding_html("stage_sum", "en")
    for sid in ("s118", "s120", "s123"):
        assert html.escape(kk(sid)) in page
    assert "1445 − 1278" in page and "<table" in page
    row = FINDINGS.set_index("finding_id").loc["stage_sum"]
    assert html.escape(row["explanation_en"]) in page and html.escape(row["corroborate_en"]) in page
    textual = F.finding_html("kazakh_share", "kk")
    assert t("no_calculation", "kk") in textual
    assert "Жалпы мәлімет" not in textual
    flagged = F.finding_html("zhambyl", "en")
    assert t("general_knowledge", "en") in flagged


@pytest.mark.parametrize("name", sorted(F.CHECKS) + ["plans_and_outcomes"])
def test_every_calculation_renders_as_a_table(name):
    for lang in ("en", "kk"):
        page = str(F.calculation(name, lang))
        frame = F.CHECKS[name](lang) if name in F.CHECKS else F.plans_and_outcomes(lang)
        assert page.count("<tr>") == len(frame) + 1  # a header row and one row per result
        assert t("col_sentence_id", lang) in page
        assert "direction_id" not in page
    with pytest.raises(UnknownChoiceError, match="neither a finding id nor a check"):
        F.calculation("nothing")


def test_result_html_writes_kazakh_decimals():
    page = F.result_html(F.pace_check("kk"), "kk")
    assert "2,5" in page and "1,5" in page and t("col_how", "kk") in page


def test_summary_and_kinds_table_count_every_finding():
    total = len(FINDINGS)
    summary = F.summary("en")
    assert summary.loc["All", "All"] == total
    for kind in F.KINDS:
        assert summary.loc[t(f"kind_{kind}", "en"), "All"] == (FINDINGS["kind"] == kind).sum()
    kinds = F.kinds_table("kk")
    assert kinds.iloc[:, 2].sum() == total
    corroboration = F.corroboration("en")
    for row in FINDINGS[FINDINGS["verdict"] == "problem"].itertuples():
        assert html.escape(row.corroborate_en) in corroboration
    assert repr(corroboration).startswith("<HTML")


# --- Charts -----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "kk"])
def test_stage_chart_draws_the_stages_against_the_total(lang):
    fig = F.stage_chart(lang)
    ax = fig.axes[0]
    stage_bars = [p for p in ax.patches if round(p.get_y() + p.get_height() / 2) == 1 and not p.get_hatch()]
    assert [p.get_width() for p in stage_bars] == km_in("s118") + km_in("s120")
    (total_bar,) = [p for p in ax.patches if round(p.get_y() + p.get_height() / 2) == 0]
    assert total_bar.get_width() == km_in("s123")[0]
    (gap_bar,) = [p for p in ax.patches if p.get_hatch()]
    assert gap_bar.get_x() == sum(km_in("s118") + km_in("s120"))
    assert fig.source_ids == ["s118", "s120", "s123"]
    if lang == "kk":
        assert KAZAKH_LETTERS & set(all_text(fig))
    assert render(fig)[:4] == b"\x89PNG"


@pytest.mark.parametrize("lang", ["en", "kk"])
def test_pace_chart(lang):
    fig = F.pace_chart(lang)
    widths = sorted(p.get_width() for p in fig.axes[0].patches)
    tsar, soviet = numbers_in(kk("s115"))
    (average,) = numbers_in(kk("s119"))
    assert widths == sorted([tsar / 1000, soviet / 1000, average])
    assert fig.source_ids == ["s115", "s119"]
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert ("0,5" in ticks) == (lang == "kk")
    render(fig)


@pytest.mark.parametrize("lang", ["en", "kk"])
def test_findings_chart_counts_by_kind(lang):
    fig = F.findings_chart(lang)
    ax = fig.axes[0]
    totals = {}
    for patch in ax.patches:
        y = round(patch.get_y() + patch.get_height() / 2)
        totals[y] = totals.get(y, 0) + patch.get_width()
    labels = [t.get_text().replace("\n", " ") for t in ax.get_yticklabels()]
    counts = FINDINGS["kind"].value_counts()
    for y, label in enumerate(labels):
        kind = next(k for k in F.KINDS if t(f"kind_{k}", lang) == label)
        assert totals.get(y, 0) == counts.get(kind, 0)
    assert set(fig.source_ids) == {i for c in FINDINGS["sentence_id"] for i in split_ids(c)}
    render(fig)


@pytest.mark.parametrize("lang", ["en", "kk"])
def test_voices_chart(lang):
    fig = F.voices_chart(lang)
    quotes = histkit.load("quotations", lang="both")
    assert sum(p.get_width() for p in fig.axes[0].patches) == sum(len(t.split()) for t in quotes["text_kk"])
    render(fig)


def test_findings_module_does_not_import_matplotlib_or_ipywidgets():
    code = "import sys, histkit.lessons.findings; print('matplotlib' in sys.modules, 'ipywidgets' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.split() == ["False", "False"]


# --- The explorer widget, driven as a student would ------------------------------------------


def test_explorer_follows_kind_and_finding(callback_log):
    box = F.explorer("en")
    (kind, choice), page = box.children[0].children, box.children[1]
    first = page.value
    assert "data-finding='no_author_date'" in first
    kind.value = "arithmetic"
    arithmetic = FINDINGS[FINDINGS["kind"] == "arithmetic"]
    assert [v for _, v in choice.options] == list(arithmetic["finding_id"])
    assert choice.value == arithmetic["finding_id"].iloc[0]
    assert page.value != first and "data-finding='stage_sum'" in page.value
    choice.value = "pace"
    assert "data-finding='pace'" in page.value and "2.5 ÷ 1.5" in page.value
    kind.value = "typo"
    assert "data-finding='double_full_stop'" in page.value
    assert html.escape(kk("s146")) in page.value


def test_explorer_in_kazakh(callback_log):
    box = F.explorer("kk", finding_id="freight_unit")
    (kind, choice), page = box.children[0].children, box.children[1]
    assert kind.value == "units" and choice.value == "freight_unit"
    assert "3,06" in page.value and t("calculation", "kk") in page.value
    choice.value = "our_country"
    assert "s098" in page.value and t("conclusion", "kk") in page.value


# --- The self-checks of lesson 04 -------------------------------------------------------------


def test_spot_arithmetic_answer_is_the_yearly_average_in_the_data():
    """The number check on s008: the printed sum over the printed years, and the years are the span the dates give."""
    economy = histkit.load("economy_1920s").set_index("indicator_id")
    total, years = economy.loc["industry_investment", "value"], economy.loc["industry_investment_years", "value"]
    exercises = histkit.load("exercises").set_index("exercise_id")
    assert float(exercises.loc["04-spot-arithmetic", "answer"]) == pytest.approx(total / years)
    check = F.investment_years()
    assert check.iloc[1, 1] == years  # the span in years, from the months between the dates of s008


def test_spot_the_plan_agrees_with_the_finding_it_practises():
    """04-spot-plan asks about the 1926 plan of the plans_fulfilled finding; its right answer names the finding's
    outcome (s080) and says that plan and outcome fit, as the finding does."""
    finding = histkit.load("findings").set_index("finding_id").loc["plans_fulfilled"]
    exercise = histkit.load("exercises").set_index("exercise_id").loc["04-spot-plan"]
    options = histkit.load("exercise_options")
    right = options[(options["exercise_id"] == "04-spot-plan") & (options["answer"] == "correct")].iloc[0]
    ids = set(finding["sentence_id"].split(";"))
    assert set(exercise["sentence_id"].split(";")) <= ids and set(right["sentence_id"].split(";")) <= ids
    assert "s080" in right["label"] and finding["verdict"] == "holds" and "fits the plan" in right["feedback"]


def test_spot_sourcing_premise_sadvakasov_is_first_named_in_s055():
    """The check says the text names Sadvakasov first in the heading s055, and s056 says 'once again' (тағы да)."""
    sentences = histkit.load("sentences", lang="kk").set_index("sentence_id")
    named = [i for i, text in sentences["text"].items() if "Сәдуақасов" in text]
    assert named[0] == "s055" and sentences.loc["s055", "is_heading"]
    assert "тағы да С.Сәдуақасов" in sentences.loc["s056", "text"]


def test_every_kind_has_a_spot_the_problem_exercise():
    exercises = histkit.load("exercises")
    ours = exercises[exercises["lesson"] == "04-checking-the-numbers"]
    kinds = {"sourcing": "04-spot-sourcing", "arithmetic": "04-spot-arithmetic", "units": "04-spot-units",
             "contradiction": "04-spot-contradiction", "claim_vs_evidence": "04-spot-evidence",
             "vague_reference": "04-spot-vague", "name": "04-spot-name", "plan_vs_outcome": "04-spot-plan",
             "perspective": "04-spot-perspective", "typo": "04-spot-typo"}  # fmt: skip
    assert set(kinds) == set(F.KINDS)
    assert set(kinds.values()) <= set(ours["exercise_id"])
    assert set(ours["skill"]) == {"sourcing", "contextualization", "corroboration", "close reading"}


def test_quoted_phrases_in_the_close_reading_sort_are_verbatim():
    options = histkit.load("exercise_options", lang="both")
    for row in options[options["exercise_id"] == "04-judgement-or-report"].itertuples():
        phrase = re.search(r"«(.*)»", row.label_kk).group(1)
        assert phrase in kk(row.sentence_id), row.option_id


# --- A changed figure in the data changes the calculation --------------------------------------


EDITS = [
    # file, text as it is, one digit changed, finding whose calculation must change
    ("turksib_stages.csv", "next stage,келесі кезеңінде,,,185,", "next stage,келесі кезеңінде,,,186,", "stage_sum"),
    ("turksib_figures.csv", ",1445,km,", ",1446,km,", "stage_sum"),
    ("turksib_figures.csv", ",2.5,km a day,", ",2.4,km a day,", "pace"),
    ("turksib_figures.csv", ",1500,metres a day,", ",1600,metres a day,", "average_vs_maximum"),
    ("freight_totals.csv", "1928,2902,", "1928,2903,", "freight_unit"),
    ("freight_growth.csv", ",Құрылыс материалдары,10,", ",Құрылыс материалдары,11,", "cargo_factors"),
    ("economy_1920s.csv", ",3,years,жыл,", ",4,years,жыл,", "investment_years"),
    ("ussr_shares.csv", ",51,", ",52,", "small_enterprises"),
    ("output_growth.csv", ",1.4,", ",1.5,", "ratios_without_amounts"),
    ("events.csv", "ev14,1930,4,28", "ev14,1930,5,28", "output_before_railway"),
    ("events.csv", "ev13,1932,", "ev13,1933,", "ahead_of_plan"),
    ("quotations.csv", "түйеден социализмге", "түйеден тура социализмге", "voices"),
    (
        "enterprises.csv",
        "prewar_balkhash,Balkhash mining and metallurgical combine,Балқаш кен-металлургия комбинаты,copper,newly_built",
        "prewar_balkhash,Balkhash mining and metallurgical combine,Балқаш кен-металлургия комбинаты,copper,re_equipped",
        "balkhash_built_when",
    ),
]


@pytest.mark.parametrize("file, old, new, finding_id", EDITS, ids=[f"{e[0]}:{e[3]}" for e in EDITS])
def test_a_changed_figure_changes_the_calculation(copied_data, file, old, new, finding_id):
    before = F.check(finding_id)
    replace_in(copied_data / file, old, new)
    clear_caches()
    after = F.check(finding_id)
    assert not before.equals(after), f"{finding_id} did not follow the edit of {file}"


def test_the_stage_gap_follows_the_data_exactly(copied_data):
    gap = F.stage_numbers()["gap"]
    replace_in(copied_data / "turksib_figures.csv", ",1445,km,", ",1446,km,")
    clear_caches()
    assert F.stage_numbers()["gap"] == gap + 1
    with pytest.raises(histkit.DataFileError, match=r"1446.0 is not printed in s123"):
        histkit.validate(copied_data)  # and the provenance check catches the edit


def test_the_freight_factor_follows_the_data_exactly(copied_data):
    replace_in(copied_data / "freight_totals.csv", "1932,8888.4,", "1932,8888.5,")
    clear_caches()
    result = F.freight_factor()
    assert value(result, "thousand_growth", year=1932) == pytest.approx(8888.5 / 2902)


def test_the_kazakh_edition_quotes_the_original_alone():
    """Lesson 04 in Kazakh: the sentences under a finding and the table of present-day words carry no
    English translation (the English edition keeps it)."""
    s131 = histkit.sentence("s131")
    assert s131.text_en not in F.show("no_author_date", "kk")
    assert s131.text_en in F.show("no_author_date", "en")
    assert "text_en" not in F.present_day_markers("kk").columns and "text_en" in F.present_day_markers("en").columns
