"""Lesson 04's calculations: what a careful reader finds in the text, worked out from the data.

Each finding is a row of ``data/findings.csv``: its kind, the sentences involved, what a careful
reader concludes, and the name of the function here that computes it from the data tables. Every
function is pure: it reads the tables through :func:`histkit.load` and returns a small DataFrame,
so a changed figure in the data changes the result. The tables, charts and widget that show
them are in :mod:`histkit.lessons.findings.views`.
"""

from __future__ import annotations

import inspect
import re
import unicodedata

import pandas as pd

from ... import load, sentence
from ...errors import UnknownChoiceError
from ...parsing import numbers_in, split_ids
from ...ui.words import check_lang, date_words, number, t

LESSON = "findings"  # this lesson's words: histkit/ui/text/findings.toml

KINDS = (
    "sourcing", "arithmetic", "units", "contradiction", "claim_vs_evidence",
    "vague_reference", "name", "plan_vs_outcome", "perspective", "typo",
)  # fmt: skip
VERDICTS = ("problem", "unclear", "holds", "standpoint")


# Words that judge rather than report (close reading): patterns over the Kazakh text. What each does is
# gloss_01, gloss_02... in histkit/ui/text/findings.toml, in the same order.
LOADED_WORDS = [
    r"келімсек",
    r"басшысымағ\w*",
    r"қолшоқпар\w*",
    r"өктем\w*",
    r"шовинист\w*",
    r"негізсіз",
    r"тереңдігімен",
    r"бірден-бір дұрыс",
    r"үлкен ерлік",
    r"орашолақ",
    r"біржақты",
    r"отаршыл\w*",
    r"метрополия\w*",
    r"тоталитар\w*",
    r"дұрыс, бірақ күрделі",
    r"сөз жоқ",
    r"ерлігіне|ерліктің",
    r"жарқын болашағ\w*",
]


def fmt(value, lang: str = "en") -> str:
    """A number the way readers of lang write it: 2.5 / 2,5; thousands kept together; small values to 3 digits."""
    if value is None or pd.isna(value):
        return ""
    value = float(value)
    return number(float(f"{value:.3g}") if value != 0 and abs(value) < 0.1 else round(value, 2), lang)


def _ids(*cells) -> str:
    found = sorted({i for cell in cells for i in split_ids(cell)})
    return ";".join(found)


def _calc(rows: list[tuple]) -> pd.DataFrame:
    """A calculation as a table: what, value, unit, how it is worked out, and the sentences it rests on."""
    frame = pd.DataFrame(rows, columns=["what", "value", "unit", "how", "sentence_id"])
    frame["value"] = frame["value"].astype("float64")
    return frame


def _sentences() -> pd.DataFrame:
    return load("sentences", lang="both")


def _matches(pattern: str, lang: str) -> pd.DataFrame:
    """Sentences whose Kazakh text matches pattern, with the matched words."""
    rows = []
    for s in _sentences().itertuples():
        hits = [m.group() for m in re.finditer(pattern, s.text_kk, flags=re.IGNORECASE)]
        if hits:
            rows.append((s.sentence_id, "; ".join(dict.fromkeys(hits)), s.text_kk, s.text_en))
    frame = pd.DataFrame(rows, columns=["sentence_id", "word", "text_kk", "text_en"])
    return frame.drop(columns="text_en") if lang == "kk" else frame  # the Kazakh edition reads the original alone


def _events_citing(sentence_id: str) -> pd.DataFrame:
    events = load("events", lang="both")
    return events[events["sentence_id"].map(lambda cell: sentence_id in split_ids(cell))]


# --- Arithmetic -----------------------------------------------------------------------------


def stage_numbers() -> dict:
    """The Turksib stage lengths (s118, s120) against the printed total (s123): lesson 02's sums, both readings."""
    from .. import turksib  # here, not at the top: this module loads without matplotlib

    totals = turksib.stage_totals()
    alone, cumulative = totals.loc["alone"], totals.loc["cumulative"]
    stages = load("turksib_stages", lang="both")
    last = stages[stages["side"] == "north"].sort_values("seq").iloc[-1]
    return {
        "north": alone["north_km"], "south": alone["south_km"], "together": alone["together_km"],
        "total": alone["stated_total_km"], "gap": alone["gap_km"],
        "last_north": cumulative["north_km"], "last_north_year": last["year_end"],
        "together_if_cumulative": cumulative["together_km"], "gap_if_cumulative": cumulative["gap_km"],
        "stages": stages, "total_id": turksib.figures().loc["total_length", "sentence_id"],
    }  # fmt: skip


def stage_sum(lang: str = "en") -> pd.DataFrame:
    """Do the Turksib stages add up to the total length? Every stage, the sums, the printed total and the gap."""
    lang = check_lang(lang)
    n = stage_numbers()
    stages = n["stages"]
    km = t("km", lang, LESSON)
    rows = [
        (
            t("stage_row", lang, LESSON, side=t(st.side, lang, LESSON), period=getattr(st, f"period_{lang}")),
            st.length_km,
            km,
            "",
            st.sentence_id,
        )
        for st in stages.sort_values(["side", "seq"]).itertuples()
    ]
    north, south = stages[stages["side"] == "north"], stages[stages["side"] == "south"]
    plus = lambda values: " + ".join(fmt(v, lang) for v in values)
    rows += [
        (
            t("north_sum", lang, LESSON),
            n["north"],
            km,
            plus(north.sort_values("seq")["length_km"]),
            _ids(*north["sentence_id"]),
        ),
        (
            t("south_sum", lang, LESSON),
            n["south"],
            km,
            plus(south.sort_values("seq")["length_km"]),
            _ids(*south["sentence_id"]),
        ),
        (t("together", lang, LESSON), n["together"], km, plus([n["north"], n["south"]]), _ids(*stages["sentence_id"])),
        (t("total_printed", lang, LESSON), n["total"], km, "", n["total_id"]),
        (
            t("gap", lang, LESSON),
            n["gap"],
            km,
            f"{fmt(n['total'], lang)} − {fmt(n['together'], lang)}",
            _ids(*stages["sentence_id"], n["total_id"]),
        ),
        (
            t("together_other", lang, LESSON, km=fmt(n["last_north"], lang), year=int(n["last_north_year"])),
            n["together_if_cumulative"],
            km,
            plus([n["last_north"], n["south"]]),
            _ids(*stages["sentence_id"]),
        ),
        (
            t("gap_other", lang, LESSON),
            n["gap_if_cumulative"],
            km,
            f"{fmt(n['total'], lang)} − {fmt(n['together_if_cumulative'], lang)}",
            _ids(*stages["sentence_id"], n["total_id"]),
        ),
    ]
    return _calc(rows)


def pace_numbers() -> dict:
    """The stated maximum (s115) and average (s119) pace, and what the average means for the 1929 stage (s118)."""
    from .. import turksib  # lesson 02's rates and unit conversion

    figures = turksib.figures()
    stages = load("turksib_stages", lang="both")
    dated = stages[(stages["side"] == "north") & stages["year_end"].notna()].sort_values("seq").iloc[-1]
    year = int(dated["year_end"])
    days_in_year = pd.Timestamp(year=year, month=12, day=31).day_of_year
    maximum, average = turksib.metres_per_day("soviet_rate"), turksib.metres_per_day("stated_average_rate")
    return {
        "maximum": maximum / 1000, "average": average / 1000, "ratio": average / maximum,
        "stage_km": float(dated["length_km"]), "stage_year": year, "days_in_year": days_in_year,
        "days_needed": turksib.days_needed(float(dated["length_km"]), average),
        "whole_year_rate": float(dated["length_km"]) / days_in_year,
        "ids": {"max": figures.loc["soviet_rate", "sentence_id"], "avg": figures.loc["stated_average_rate", "sentence_id"],
                "stage": dated["sentence_id"]},
        "max_printed": float(figures.loc["soviet_rate", "value"]),
    }  # fmt: skip


def pace_check(lang: str = "en") -> pd.DataFrame:
    """Is the stated average pace (s119) consistent with the stated maximum (s115)?"""
    lang = check_lang(lang)
    p = pace_numbers()
    ids = p["ids"]
    kmday = t("km_day", lang, LESSON)
    return _calc([
        (t("max_rate", lang, LESSON), p["maximum"], kmday, t("metres_to_km", lang, LESSON, m=fmt(p["max_printed"], lang)), ids["max"]),
        (t("avg_rate", lang, LESSON), p["average"], kmday, "", ids["avg"]),
        (t("avg_over_max", lang, LESSON), p["ratio"], t("times", lang, LESSON), f"{fmt(p['average'], lang)} ÷ {fmt(p['maximum'], lang)}",
         _ids(ids["max"], ids["avg"])),
        (t("days_needed", lang, LESSON, km=fmt(p["stage_km"], lang), year=p["stage_year"]), p["days_needed"], t("days", lang, LESSON),
         f"{fmt(p['stage_km'], lang)} ÷ {fmt(p['average'], lang)}", _ids(ids["stage"], ids["avg"])),
        (t("whole_year", lang, LESSON, km=fmt(p["stage_km"], lang), year=p["stage_year"]), p["whole_year_rate"], kmday,
         f"{fmt(p['stage_km'], lang)} ÷ {p['days_in_year']}", ids["stage"]),
    ])  # fmt: skip


def freight_numbers() -> dict:
    """Freight in 1928 and 1932 as printed (s129), in tonnes, and lesson 02's growth under both readings of the 1932 unit."""
    from .. import turksib  # lesson 02's freight table and growth factors

    totals = load("freight_totals", lang="both").sort_values("year")
    printed = turksib.freight_table().query("kind == 'printed'")["thousand_tonnes"]
    literal = turksib.freight_factor("as printed")
    growth = load("freight_growth", lang="both").set_index("cargo_id")
    return {
        "first": totals.iloc[0], "last": totals.iloc[-1],
        "first_tonnes": printed.iloc[0] * 1000, "last_tonnes": printed.iloc[-1] * 1000,
        "literal": literal, "literal_change_pct": (literal - 1) * 100, "if_thousands": turksib.freight_factor("thousand"),
        "printed": growth.loc["all"] if "all" in growth.index else None,
        "cargo": growth.drop(index="all", errors="ignore"),
    }  # fmt: skip


def _qualifier(value, lang: str) -> str:
    return t(f"q_{value}", lang, LESSON) if isinstance(value, str) and value else ""


def freight_factor(lang: str = "en") -> pd.DataFrame:
    """The freight unit slip of s129: the 1932 figure read as printed, and read in thousand tonnes."""
    lang = check_lang(lang)
    f = freight_numbers()
    first, last = f["first"], f["last"]
    unit = lambda row: row[f"unit_{lang}"]
    y1, y2 = int(first["year"]), int(last["year"])
    tonnes = t("tonnes", lang, LESSON)
    rows = [
        (t("freight_printed", lang, LESSON, year=y1), first["value"], unit(first), "", first["sentence_id"]),
        (
            t("in_tonnes", lang, LESSON, year=y1),
            f["first_tonnes"],
            tonnes,
            f"{fmt(first['value'], lang)} × 1000",
            first["sentence_id"],
        ),
        (t("freight_printed", lang, LESSON, year=y2), last["value"], unit(last), "", last["sentence_id"]),
        (
            t("literal_growth", lang, LESSON, first=y1, last=y2),
            f["literal"],
            t("times", lang, LESSON),
            f"{fmt(f['last_tonnes'], lang)} ÷ {fmt(f['first_tonnes'], lang)}",
            _ids(first["sentence_id"], last["sentence_id"]),
        ),
        (
            t("literal_change", lang, LESSON),
            f["literal_change_pct"],
            t("per_cent", lang, LESSON),
            f"({fmt(f['literal'], lang)} − 1) × 100",
            _ids(first["sentence_id"], last["sentence_id"]),
        ),
        (
            t("thousand_growth", lang, LESSON, year=y2),
            f["if_thousands"],
            t("times", lang, LESSON),
            f"{fmt(last['value'], lang)} ÷ {fmt(first['value'], lang)}",
            _ids(first["sentence_id"], last["sentence_id"]),
        ),
    ]
    if f["printed"] is not None:
        printed = f["printed"]
        rows.append(
            (
                t("printed_growth", lang, LESSON, q=_qualifier(printed["qualifier"], lang)),
                printed["factor"],
                t("times", lang, LESSON),
                "",
                printed["sentence_id"],
            )
        )
    return _calc(rows)


def cargo_factors(lang: str = "en") -> pd.DataFrame:
    """The growth of each kind of cargo (s130) beside the growth of all freight (s129)."""
    lang = check_lang(lang)
    f = freight_numbers()
    cargo = f["cargo"]
    rows = [
        (
            t("cargo_row", lang, LESSON, cargo=c[f"cargo_{lang}"]),
            c["factor"],
            t("times", lang, LESSON),
            _qualifier(c["qualifier"], lang),
            c["sentence_id"],
        )
        for _, c in cargo.iterrows()
    ]
    if f["printed"] is not None:
        printed = f["printed"]
        rows.append(
            (
                t("printed_growth", lang, LESSON, q=_qualifier(printed["qualifier"], lang)),
                printed["factor"],
                t("times", lang, LESSON),
                "",
                printed["sentence_id"],
            )
        )
    ids = _ids(f["first"]["sentence_id"], f["last"]["sentence_id"])
    rows.append(
        (
            t("all_computed", lang, LESSON, year=int(f["last"]["year"])),
            f["if_thousands"],
            t("times", lang, LESSON),
            f"{fmt(f['last']['value'], lang)} ÷ {fmt(f['first']['value'], lang)}",
            ids,
        )
    )
    faster = int((cargo["factor"] > f["if_thousands"]).sum())
    rows.append(
        (
            t("faster_kinds", lang, LESSON),
            faster,
            t("count", lang, LESSON),
            f"> {fmt(f['if_thousands'], lang)}",
            _ids(ids, *cargo["sentence_id"]),
        )
    )
    return _calc(rows)


def investment_years(lang: str = "en") -> pd.DataFrame:
    """s008: do September 1925 to September 1928 make the 'three years' printed? (A check that passes.)"""
    lang = check_lang(lang)
    spend = _events_citing("s008").iloc[0]
    congress = _events_citing("s002").iloc[0]
    economy = load("economy_1920s", lang="both")
    printed = economy[
        economy["sentence_id"].map(lambda c: "s008" in split_ids(c)) & (economy["unit_en"] == "years")
    ].iloc[0]
    months = (spend["year_end"] - spend["year"]) * 12 + (spend["month_end"] - spend["month"])
    start, end = (
        date_words(spend["year"], spend["month"], lang=lang),
        date_words(spend["year_end"], spend["month_end"], lang=lang),
    )
    before = (congress["year"] - spend["year"]) * 12 + (congress["month"] - spend["month"])
    return _calc([
        (t("span_months", lang, LESSON, start=start, end=end), months, t("months", lang, LESSON),
         f"({int(spend['year_end'])} − {int(spend['year'])}) × 12 + ({int(spend['month_end'])} − {int(spend['month'])})",
         spend["sentence_id"]),
        (t("span_years", lang, LESSON), months / 12, t("years", lang, LESSON), f"{int(months)} ÷ 12", spend["sentence_id"]),
        (t("printed_years", lang, LESSON), printed["value"], t("years", lang, LESSON), "", printed["sentence_id"]),
        (t("difference", lang, LESSON), months / 12 - printed["value"], t("years", lang, LESSON),
         f"{fmt(months / 12, lang)} − {fmt(printed['value'], lang)}", _ids(spend["sentence_id"], printed["sentence_id"])),
        (t("before_congress", lang, LESSON, date=date_words(congress["year"], congress["month"], lang=lang)), before, t("months", lang, LESSON),
         f"{date_words(congress['year'], congress['month'], lang=lang)} − {start}", _ids(spend["sentence_id"], congress["sentence_id"])),
    ])  # fmt: skip


# --- Units ----------------------------------------------------------------------------------


def rate_comparison(lang: str = "en") -> pd.DataFrame:
    """s115 compares the tsarist average with the Soviet maximum: what is compared with what."""
    lang = check_lang(lang)
    figures = load("turksib_figures", lang="both").set_index("figure_id")
    tsar, soviet = figures.loc["tsarist_rate"], figures.loc["soviet_rate"]
    mday = t("m_day", lang, LESSON)
    same = tsar["qualifier"] == soviet["qualifier"]
    return _calc([
        (t("tsar_rate", lang, LESSON, q=_qualifier(tsar["qualifier"], lang)), tsar["value"], mday, "", tsar["sentence_id"]),
        (t("soviet_rate", lang, LESSON, q=_qualifier(soviet["qualifier"], lang)), soviet["value"], mday, "", soviet["sentence_id"]),
        (t("rate_ratio", lang, LESSON), soviet["value"] / tsar["value"], t("times", lang, LESSON),
         f"{fmt(soviet['value'], lang)} ÷ {fmt(tsar['value'], lang)} — {t('same_kind' if same else 'avg_vs_max', lang, LESSON)}",
         _ids(tsar["sentence_id"], soviet["sentence_id"])),
    ])  # fmt: skip


def percent_check(lang: str = "en") -> pd.DataFrame:
    """s134: how many figures, and how many times 'per cent' is printed."""
    lang = check_lang(lang)
    shares = load("ussr_shares", lang="both")
    ids = _ids(*shares["sentence_id"])
    rows = []
    for sid in split_ids(ids):
        kk = sentence(sid).text_kk
        figures = numbers_in(kk)
        rows.append(
            (
                t("figures_in", lang, LESSON, sid=sid),
                len(figures),
                t("count", lang, LESSON),
                "; ".join(fmt(v, lang) for v in figures),
                sid,
            )
        )
        rows.append(
            (
                t("percent_words", lang, LESSON),
                len(re.findall(r"пайыз", kk, flags=re.IGNORECASE)),
                t("count", lang, LESSON),
                "",
                sid,
            )
        )
    return _calc(rows)


def share_scope(lang: str = "en") -> pd.DataFrame:
    """s134's shares: each share, what it is a share of as printed, and whether the text says whose total."""
    lang = check_lang(lang)
    shares = load("ussr_shares", lang=lang)
    return pd.DataFrame({
        "name": shares["producer"], "share": shares["share_pct"], "of_what": shares["of_what"],
        "scope": [t(f"scope_{s}", lang, LESSON) for s in shares["scope"]], "sentence_id": shares["sentence_id"],
    })  # fmt: skip


def our_country(lang: str = "en") -> pd.DataFrame:
    """Every sentence where the author says 'our country' (еліміз): for Kazakhstan, or the USSR?"""
    check_lang(lang)
    return _matches(r"\bеліміз\w*", lang)


def output_ratios(lang: str = "en") -> pd.DataFrame:
    """s128's growth ratios: all the text gives is 'times more', never the amounts."""
    lang = check_lang(lang)
    growth = load("output_growth", lang=lang)
    return _calc([
        (t("ratio_row", lang, LESSON, product=g.product, year=g.year, base=g.base_year), g.factor, t("times", lang, LESSON),
         f"({fmt(g.factor, lang)} − 1) × 100 = +{fmt((g.factor - 1) * 100, lang)} %", g.sentence_id)
        for g in growth.itertuples()
    ])  # fmt: skip


# --- Contradictions -------------------------------------------------------------------------


def metallurgy_mentions(lang: str = "en") -> pd.DataFrame:
    """Every sentence that mentions metallurgy: read them side by side."""
    check_lang(lang)
    return _matches(r"металлург\w*", lang)


def _enterprises(lang: str) -> pd.DataFrame:
    enterprises = load("enterprises", lang=lang)
    industries = load("industries", lang=lang).set_index("industry_id")
    actions = load("actions", lang=lang).set_index("action_id")
    periods = load("periods", lang=lang).set_index("period_id")
    return pd.DataFrame({
        "name": enterprises["name"],
        "industry": enterprises["industry_id"].map(industries["label"]),
        "group": enterprises["industry_id"].map(industries["group"]),
        "action": enterprises["action"].map(actions["label"]),
        "action_id": enterprises["action"],
        "period": enterprises["period_id"].map(periods["label"]),
        "period_id": enterprises["period_id"],
        "place_id": enterprises["place_id"],
        "sentence_id": enterprises["sentence_id"],
    })  # fmt: skip


_SHOWN = ["name", "industry", "action", "period", "sentence_id"]


def consumer_plants(lang: str = "en") -> pd.DataFrame:
    """Enterprises the text names that make food or other goods for consumers (against s091)."""
    lang = check_lang(lang)
    table = _enterprises(lang)
    return table[table["group"].isin(["food", "light industry"])][_SHOWN].reset_index(drop=True)


def big_in_small_list(lang: str = "en") -> pd.DataFrame:
    """Enterprises in the list of s075 whose share of output s134 gives (against 'mainly small', s076)."""
    lang = check_lang(lang)
    table = _enterprises(lang)
    new = table[(table["action_id"] == "newly_built") & table["sentence_id"].map(lambda c: "s075" in split_ids(c))]
    shares = load("ussr_shares", lang=lang).set_index("place_id")
    both = new[new["place_id"].isin(shares.index)]
    return pd.DataFrame({
        "name": both["name"].to_numpy(),
        "share": [float(shares.loc[p, "share_pct"]) for p in both["place_id"]],
        "of_what": [shares.loc[p, "of_what"] for p in both["place_id"]],
        "sentence_id": [_ids(s, shares.loc[p, "sentence_id"]) for s, p in zip(both["sentence_id"], both["place_id"])],
    })  # fmt: skip


def enterprise_history(place_id: str, lang: str = "en") -> pd.DataFrame:
    """Everything the text says was done at one place, in order of the text."""
    lang = check_lang(lang)
    table = _enterprises(lang)
    return table[table["place_id"] == place_id][_SHOWN].reset_index(drop=True)


def balkhash_dates(lang: str = "en") -> pd.DataFrame:
    """Balkhash: 'newly built' in the first five-year plan (s075) and 'built' before the war (s082)."""
    return enterprise_history("balkhash", lang)


def ridder_dates(lang: str = "en") -> pd.DataFrame:
    """Ridder: 'restored' in the first five-year plan (s073) and 'built' before the war (s082)."""
    return enterprise_history("ridder", lang)


# --- Claim and evidence ---------------------------------------------------------------------


def output_before_traffic(lang: str = "en") -> pd.DataFrame:
    """s128's economic year 1929/30 against Turksib's junction (s121) and regular traffic (s122)."""
    lang = check_lang(lang)
    growth = load("output_growth", lang="both")
    year_text = growth["year"].iloc[0]
    start_year = int(year_text.split("/")[0])
    plan = _events_citing("s073").iloc[0]
    start_month = int(plan["month"])  # the economic year starts in the month the five-year plan began
    end_month_index = (start_year + 1) * 12 + start_month - 1  # month index just after the economic year ends
    start_index = start_year * 12 + start_month
    junction = _events_citing("s121").iloc[0]
    regular = _events_citing("s122").iloc[0]
    j_index = int(junction["year"]) * 12 + int(junction["month"])
    r_index = int(regular["year"]) * 12 + int(regular["month"])
    label_year = t("economic_year", lang, LESSON, month=t(f"month_{start_month}", lang))
    ids_year = _ids(*growth["sentence_id"], plan["sentence_id"])
    return _calc([
        (t("months_before_junction", lang, LESSON, year=year_text, date=date_words(junction["year"], junction["month"], lang=lang)),
         j_index - start_index, t("months", lang, LESSON), label_year, _ids(ids_year, junction["sentence_id"])),
        (t("months_with_regular", lang, LESSON, year=year_text), max(0, end_month_index - r_index + 1), t("months", lang, LESSON),
         label_year, _ids(ids_year, regular["sentence_id"])),
        (t("months_after", lang, LESSON, year=year_text, date=date_words(regular["year"], regular["month"], lang=lang)),
         r_index - (end_month_index + 1), t("months", lang, LESSON), "", _ids(ids_year, regular["sentence_id"])),
    ])  # fmt: skip


# --- Vague references -----------------------------------------------------------------------


def undated_events(lang: str = "en") -> pd.DataFrame:
    """Events the text reports without a year."""
    lang = check_lang(lang)
    events = load("events", lang=lang)
    return events[events["year"].isna()][["label", "sentence_id"]].reset_index(drop=True)


def undated_stages(lang: str = "en") -> pd.DataFrame:
    """Turksib stages the text gives without a year (s118)."""
    lang = check_lang(lang)
    stages = load("turksib_stages", lang=lang)
    undated = stages[stages["year_start"].isna()]
    return pd.DataFrame({
        "side": [t(s, lang, LESSON) for s in undated["side"]], "period": undated["period"].to_numpy(),
        "length": undated["length_km"].to_numpy(), "sentence_id": undated["sentence_id"].to_numpy(),
    })  # fmt: skip


def vague_flows(lang: str = "en") -> pd.DataFrame:
    """The shipments of s087–s089: what went where, as far as the text says."""
    lang = check_lang(lang)
    flows = load("shipments", lang=lang)
    wanted = {"s087", "s088", "s089"}
    chosen = flows[flows["sentence_id"].map(lambda c: bool(wanted & set(split_ids(c))))]
    return pd.DataFrame({
        "origin": chosen["origin"].to_numpy(), "goods": chosen["goods"].to_numpy(),
        "destination": chosen["destination"].to_numpy(), "sentence_id": chosen["sentence_id"].to_numpy(),
    })  # fmt: skip


# --- Names and sourcing ---------------------------------------------------------------------


def present_day_markers(lang: str = "en") -> pd.DataFrame:
    """Where the text marks a name as of then or of now ('сол кездегі', 'қазіргі'), or uses today's state name."""
    check_lang(lang)
    return _matches(r"қазіргі \w+|сол кездегі \w+|Қазақстан Республикасы", lang)


def republic_names(lang: str = "en") -> pd.DataFrame:
    """The names the text gives the republic itself."""
    check_lang(lang)
    return _matches(r"Қазақ АКСР\S*|Қазақстан Республикасы", lang)


def russia_mentions(lang: str = "en") -> pd.DataFrame:
    """Every sentence that names Russia (Ресей)."""
    check_lang(lang)
    return _matches(r"Ресей\w*", lang)


# --- Plan and outcome -----------------------------------------------------------------------


def schedule_numbers() -> dict:
    """Turksib's plan (s108, s117) against what the text reports (s102, s121, s122)."""
    figures = load("turksib_figures", lang="both").set_index("figure_id")
    start = _events_citing("s102").iloc[0]
    planned = _events_citing("s108").sort_values("year")
    junction, regular = _events_citing("s121").iloc[0], _events_citing("s122").iloc[0]
    return {
        "start": int(start["year"]), "planned_years": float(figures.loc["planned_years", "value"]),
        "actual_years": float(figures.loc["actual_years", "value"]), "years_early": float(figures.loc["years_early", "value"]),
        "planned_completion": int(planned.iloc[0]["year"]), "planned_operation": int(planned.iloc[-1]["year"]),
        "junction": int(junction["year"]), "junction_month": junction["month"], "regular": int(regular["year"]),
        "regular_month": regular["month"],
        "ids": {"start": start["sentence_id"], "plan": planned.iloc[0]["sentence_id"],
                "years": figures.loc["planned_years", "sentence_id"], "junction": junction["sentence_id"],
                "regular": regular["sentence_id"]},
    }  # fmt: skip


def schedule_check(lang: str = "en") -> pd.DataFrame:
    """'Two years earlier than the five years set in the plan' (s117): against which date?"""
    lang = check_lang(lang)
    n = schedule_numbers()
    ids, year, years = n["ids"], t("year", lang, LESSON), t("years", lang, LESSON)
    return _calc([
        (t("restart", lang, LESSON), n["start"], year, "", ids["start"]),
        (t("restart_plus_plan", lang, LESSON), n["start"] + n["planned_years"], year, f"{n['start']} + {fmt(n['planned_years'], lang)}",
         _ids(ids["start"], ids["years"])),
        (t("planned_operation", lang, LESSON), n["planned_operation"], year, "", ids["plan"]),
        (t("restart_plus_actual", lang, LESSON), n["start"] + n["actual_years"], year, f"{n['start']} + {fmt(n['actual_years'], lang)}",
         _ids(ids["start"], ids["years"])),
        (t("planned_completion", lang, LESSON), n["planned_completion"], year, "", ids["plan"]),
        (t("junction", lang, LESSON), n["junction"], year, date_words(n["junction"], n["junction_month"], lang=lang), ids["junction"]),
        (t("early_completion", lang, LESSON), n["planned_completion"] - n["junction"], years,
         f"{n['planned_completion']} − {n['junction']}", _ids(ids["plan"], ids["junction"])),
        (t("regular", lang, LESSON), n["regular"], year, date_words(n["regular"], n["regular_month"], lang=lang), ids["regular"]),
        (t("early_operation", lang, LESSON), n["planned_operation"] - n["regular"], years,
         f"{n['planned_operation']} − {n['regular']}", _ids(ids["plan"], ids["regular"])),
        (t("early_printed", lang, LESSON), n["years_early"], years,
         f"{fmt(n['planned_years'], lang)} − {fmt(n['actual_years'], lang)}", ids["years"]),
    ])  # fmt: skip


def expedition_results(lang: str = "en") -> pd.DataFrame:
    """What the expeditions of the first five-year plan concluded (the outcome of the 1926 plan, s013–s014)."""
    lang = check_lang(lang)
    expeditions = load("expeditions", lang=lang)
    return pd.DataFrame({
        "team": expeditions["team"], "region": expeditions["region"], "result": expeditions["finding"],
        "sentence_id": expeditions["sentence_id"],
    })  # fmt: skip


def plans_and_outcomes(lang: str = "en", category: str | None = "turksib") -> pd.DataFrame:
    """Events marked as plans beside the events the text reports, in date order."""
    lang = check_lang(lang)
    events = load("events", lang=lang)
    if category:
        events = events[events["category"] == category]
    events = events[events["year"].notna()].sort_values(["year", "month", "day"], na_position="first")
    return pd.DataFrame({
        "date": events["date_kk"].to_numpy(), "label": events["label"].to_numpy(),
        "status": [t(s, lang, LESSON) for s in events["status"]], "sentence_id": events["sentence_id"].to_numpy(),
    })  # fmt: skip


# --- Perspective ----------------------------------------------------------------------------


def loaded_words(lang: str = "en", ids=None) -> pd.DataFrame:
    """Words that judge rather than report, where they stand, and what they do (close reading)."""
    lang = check_lang(lang)
    wanted = set(split_ids(ids) if isinstance(ids, str) else ids or [])
    rows = []
    for s in _sentences().itertuples():
        if wanted and s.sentence_id not in wanted:
            continue
        for n, pattern in enumerate(LOADED_WORDS, start=1):
            for match in re.finditer(pattern, s.text_kk, flags=re.IGNORECASE):
                rows.append((s.sentence_id, match.start(), match.group(), t(f"gloss_{n:02d}", lang, LESSON)))
    frame = pd.DataFrame(rows, columns=["sentence_id", "position", "word", "gloss"])
    return frame.sort_values(["sentence_id", "position"]).drop(columns="position").reset_index(drop=True)


def voices(lang: str = "en") -> pd.DataFrame:
    """Who is quoted, how often and at what length (words of the Kazakh quotation), from the quotations table."""
    lang = check_lang(lang)
    quotes = load("quotations", lang="both")
    quotes = quotes.assign(words=quotes["text_kk"].map(lambda t: len(t.split())), who=quotes[f"speaker_{lang}"])
    first = lambda c: next((v for v in c if isinstance(v, str) and v), "")
    grouped = quotes.groupby("who", sort=False).agg(
        quotations=("quote_id", "count"),
        words=("words", "sum"),
        sentence_id=("sentence_id", lambda c: _ids(*c)),
        direction_id=("direction_id", first),
    )
    grouped = grouped.reset_index().rename(columns={"who": "speaker"})
    return grouped.sort_values(["words", "speaker"], ascending=[False, True]).reset_index(drop=True)


# --- Printing slips -------------------------------------------------------------------------


def double_stops(lang: str = "en") -> pd.DataFrame:
    """Sentences that end with a doubled full stop."""
    check_lang(lang)
    rows = [(s.sentence_id, s.text_kk[-24:]) for s in _sentences().itertuples() if s.text_kk.rstrip().endswith("..")]
    return pd.DataFrame(rows, columns=["sentence_id", "ending"])


def _script(letter: str, lang: str) -> str:
    script = unicodedata.name(letter).split()[0]
    return (
        t({"LATIN": "latin", "CYRILLIC": "cyrillic"}.get(script, "latin"), lang, LESSON)
        if script in ("LATIN", "CYRILLIC")
        else script
    )


def roman_numerals(lang: str = "en") -> pd.DataFrame:
    """Roman numerals in the text, letter by letter, with the alphabet each letter comes from."""
    lang = check_lang(lang)
    rows = []
    for s in _sentences().itertuples():
        for match in re.finditer(r"(?<!\w)[IVXLХІ]{2,}(?!\w)", s.text_kk):
            numeral = match.group()
            scripts = [unicodedata.name(c).split()[0] for c in numeral]
            letters = ", ".join(f"{c} ({_script(c, lang)})" for c in numeral)
            rows.append((s.sentence_id, numeral, letters, t("yes", lang, LESSON) if len(set(scripts)) > 1 else ""))
    return pd.DataFrame(rows, columns=["sentence_id", "numeral", "letters", "mixed"])


# --- The findings table and the dispatcher ---------------------------------------------------

CHECKS = {
    fn.__name__: fn
    for fn in (
        stage_sum, pace_check, cargo_factors, investment_years, freight_factor, rate_comparison, percent_check,
        share_scope, our_country, output_ratios, metallurgy_mentions, consumer_plants, big_in_small_list,
        balkhash_dates, ridder_dates, output_before_traffic, undated_events, undated_stages, vague_flows,
        present_day_markers, republic_names, russia_mentions, schedule_check, expedition_results, loaded_words,
        voices, double_stops, roman_numerals,
    )
}  # fmt: skip


def table(lang: str = "en") -> pd.DataFrame:
    """The findings, in the order of KINDS."""
    lang = check_lang(lang)
    findings = load("findings", lang=lang)
    order = {kind: n for n, kind in enumerate(KINDS)}
    return findings.sort_values("kind", key=lambda k: k.map(order), kind="stable").reset_index(drop=True)


def finding(finding_id: str, lang: str = "en") -> pd.Series:
    """One finding's row."""
    findings = table(lang).set_index("finding_id")
    if finding_id not in findings.index:
        raise UnknownChoiceError(f"There is no finding {finding_id!r}. The ids are in histkit.load('findings').")
    return findings.loc[finding_id]


def check(finding_id: str, lang: str = "en") -> pd.DataFrame | None:
    """The calculation behind a finding, computed now from the data; None when the finding is textual."""
    lang = check_lang(lang)
    row = finding(finding_id, lang)
    name = row["check"]
    if pd.isna(name) or not name:
        return None
    function = CHECKS[name]
    if "ids" in inspect.signature(function).parameters:
        return function(lang, ids=row["sentence_id"])
    return function(lang)
