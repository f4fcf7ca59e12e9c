"""Lesson 05 and the "Beyond the text" boxes: facts from other sources, always marked and cited.

Every outside fact reaches the screen through :func:`outside`: it wraps the words of a fact in the
mark ("other source" / "басқа дереккөз", from data/context/datapackage.json) and the references
of the works it was read in. Cards (:func:`fact_card`, :func:`beyond`), corroboration rows
(:func:`pair_card`, :func:`corroboration_explorer`) and the charts (:func:`famine_chart`,
:func:`census_chart`, whose footers use :func:`works`) all go through it.
"""

from __future__ import annotations

import html
import textwrap

import pandas as pd
from matplotlib.figure import Figure

from .. import context, sentence
from ..ui.charts import FONT, describe, figure, style_axes, wrap
from ..ui.display import HTML
from ..ui.palette import CARD, DARK_GREY, GREY, HOLDS_TINT, INK, ORANGE, ORANGE_PALE, PROBLEM_TINT, UNCLEAR_TINT
from ..ui.words import bind, check_lang, t

LESSON = "context"  # this lesson's words: histkit/ui/text/context.toml

VERDICT_TINTS = {"agrees": HOLDS_TINT, "partly": UNCLEAR_TINT, "differs": PROBLEM_TINT}
DEATH_TOLLS = ["famine_deaths", "famine_deaths_others", "famine_commission"]
CENSUS = ["census_1926_population", "census_1939_population", "census_kazakhs_1926", "census_kazakhs_1937"]


def _esc(text: str) -> str:
    """Text for an element's content: quotation marks and apostrophes kept as they are written."""
    return html.escape(text, quote=False)


def citation(source: pd.Series) -> str:
    """One work as a reference: author, title, year, publisher or journal, pages, and the page read."""
    esc = _esc
    pages = f", {esc(source['pages'].rstrip('.'))}" if source["pages"] else ""
    url = html.escape(source["url_read"])
    return (
        f"{esc(source['author'])}, <i>{esc(source['title'])}</i> ({esc(source['year'])}), "
        f"{esc(source['publisher_or_journal'])}{pages}. <a href='{url}' target='_blank' rel='noopener' style='text-decoration:underline'>{url}</a>"
    )


def outside(body: str, fact_id: str, lang: str) -> str:
    """The one way an outside fact is shown: body (HTML) under the mark, above the works it cites."""
    say = bind(lang, LESSON)
    references = "".join(f"<li>{citation(s)}</li>" for _, s in context.sources_of(fact_id, say.lang).iterrows())
    return (
        f"<div class='histkit-outside' data-fact='{html.escape(fact_id)}' style='border-left:4px solid {ORANGE};"
        f"background:{CARD};margin:0.4em 0;padding:0.3em 0.8em'>"
        f"<span style='background:{ORANGE_PALE};color:{INK};font-size:0.85em;padding:0 0.4em;border-radius:3px'>"
        f"{html.escape(context.mark(say.lang))}</span> {body}"
        f"<div style='font-size:0.85em;color:{DARK_GREY}'>{html.escape(say('cited_from'))}"
        f"<ul style='margin:0.1em 0'>{references}</ul></div></div>"
    )


def _figure_line(fact: pd.Series, say) -> str:
    """A fact's figure or range, with who holds each end, and what the figure can and cannot show."""
    if not fact["value_low"]:
        return ""
    line = say("figure_line", value=_shown(fact, say), unit=fact["unit"], holders=_holders(fact, say))
    caveat = f"<br><i>{_esc(say('caveat'))}</i> {_esc(fact['caveat'])}" if fact["caveat"] else ""
    return f"<div style='font-size:0.9em;margin:0.2em 0'>{_esc(line)}{caveat}</div>"


def _shown(fact: pd.Series, say) -> str:
    """A fact's figure as shown on a card or a range chart: one number, or low–high, written by say.number."""
    low, high = float(fact["value_low"]), float(fact["value_high"])
    return say.number(low, 2) if low == high else f"{say.number(low, 2)}–{say.number(high, 2)}"


def _holders(fact: pd.Series, say) -> str:
    """Who gives a figure; for a range, who gives each end (holders_low_kk... in Kazakh)."""
    low, high = fact["holders_low"], fact["holders_high"]
    return low if low == high else say("ends", holders_low=low, holders_high=high)


def fact_card(fact_id: str, lang: str = "en") -> str:
    """One fact from another source as an HTML card: the mark, the statement, its figure, its references."""
    say = bind(lang, LESSON)
    fact = context.fact(fact_id, say.lang)
    return outside(
        f"<p style='margin:0.3em 0'>{_esc(fact['statement'])}</p>{_figure_line(fact, say)}", fact_id, say.lang
    )


def beyond(*fact_ids: str, lang: str = "en") -> HTML:
    """A short "Beyond the text" box: facts the text does not give, each marked and cited."""
    say = bind(lang, LESSON)
    cards = "".join(fact_card(f, say.lang) for f in fact_ids)
    return HTML(
        f"<div class='histkit-beyond' lang='{say.lang}'><h4 style='margin:0.3em 0'>{html.escape(say('beyond_title'))}</h4>"
        f"<p style='margin:0.2em 0;color:{GREY}'>{html.escape(say('beyond_intro'))}</p>{cards}</div>",
        label=say("beyond_title"),
    )


def pair_card(pair_id: str, lang: str = "en") -> str:
    """A claim of the text beside another source's claim: the sentence card, the marked claim, the verdict, why."""
    say = bind(lang, LESSON)
    pair = context.pairs(say.lang).set_index("pair_id").loc[pair_id]
    verdict = say(f"verdict_{pair['verdict']}")
    text_side = (
        f"<b>{html.escape(say('text_says'))}</b><p style='margin:0.2em 0'>{_esc(pair['text_claim'])}</p>"
        f"{sentence(pair['sentence_id']).card(say.lang)}"
    )
    other_side = f"<b>{html.escape(say('other_says'))}</b>" + outside(
        f"<p style='margin:0.2em 0'>{_esc(pair['other_claim'])}</p>", pair["fact_id"], say.lang
    )
    column = "<div style='flex:1 1 20em;min-width:0'>{}</div>"
    return (
        f"<div class='histkit-pair' lang='{say.lang}' data-pair='{html.escape(pair_id)}'>"
        f"<p style='margin:0.3em 0'><span style='background:{VERDICT_TINTS[pair['verdict']]};color:{INK};"
        f"padding:0.1em 0.5em;border-radius:3px'><b>{html.escape(verdict)}</b></span></p>"
        f"<div style='display:flex;flex-wrap:wrap;gap:1em'>{column.format(text_side)}{column.format(other_side)}</div>"
        f"<p style='margin:0.4em 0'><b>{html.escape(say('why_differ'))}</b> {_esc(pair['why_they_may_differ'])}</p>"
        "</div>"
    )


def comparison(pair_id: str, lang: str = "en") -> HTML:
    """One corroboration row shown in a notebook (see :func:`pair_card`)."""
    say = bind(lang, LESSON)
    return HTML(pair_card(pair_id, say.lang), label=say("why_differ"))


def pair_label(pair: pd.Series, lang: str) -> str:
    """How a corroboration row is named in a menu: its sentence, its verdict and the start of the claim."""
    say = bind(lang, LESSON)
    claim = textwrap.shorten(pair["text_claim"], 60, placeholder="…")
    return say("pair_option", sentence=pair["sentence_id"], verdict=say(f"verdict_{pair['verdict']}"), claim=claim)


def verdicts(lang: str = "en") -> pd.DataFrame:
    """How many corroboration rows agree, partly agree and differ, with the sentences they test."""
    say = bind(lang, LESSON)
    pairs = context.pairs(say.lang)
    counted = pairs.groupby("verdict", sort=False)["sentence_id"].agg(["count", lambda s: ", ".join(sorted(set(s)))])
    counted = counted.reindex([v for v in VERDICT_TINTS if v in counted.index])
    return pd.DataFrame(
        {
            say("col_verdict"): [say(f"verdict_{v}") for v in counted.index],
            say("col_rows"): counted["count"].to_list(),
            say("col_sentences"): counted.iloc[:, 1].to_list(),
        }
    )


def corroboration_explorer(lang: str = "en", pair_id: str = "c01"):
    """Pick a claim of the text; see it beside what another source says, the verdict and why they may differ."""
    import ipywidgets as widgets

    from ..ui.widgets import PrintableBox, labelled

    say = bind(lang, LESSON)
    pairs = context.pairs(say.lang)
    menu = widgets.Dropdown(
        options=[(pair_label(p, say.lang), p["pair_id"]) for _, p in pairs.iterrows()],
        value=pair_id,
        **labelled(say("pair_menu"), say.lang),
        style={"description_width": "initial"},
        layout=widgets.Layout(width="auto", max_width="100%"),
    )
    page = widgets.HTML(pair_card(pair_id, say.lang))
    menu.observe(lambda change: setattr(page, "value", pair_card(change["new"], say.lang)), names="value")
    box = PrintableBox([menu, page], lang=say.lang)
    box.add_class("histkit-corroboration")
    return box


def works(fact_ids: list[str], lang: str) -> str:
    """The works behind some facts, short: 'Sarah Cameron (2016); …', each once, in order."""
    found = []
    for fact_id in fact_ids:
        found += [f"{s['author']} ({s['year']})" for _, s in context.sources_of(fact_id, lang).iterrows()]
    return "; ".join(dict.fromkeys(found))


def range_chart(fact_ids: list[str], title: str, subtitle: str, lang: str = "en") -> Figure:
    """Facts with a figure, one row each: a bar from the lowest to the highest estimate (a dot when they
    agree), who holds each end underneath, the mark in the chart and the works in its footer."""
    say = bind(lang, LESSON)
    facts = [context.fact(f, say.lang) for f in fact_ids]
    fig = figure(10, 1.25 * len(facts) + 2.2)
    ax = style_axes(fig.add_subplot(), grid="x")
    for row, fact in enumerate(facts):
        low, high = float(fact["value_low"]), float(fact["value_high"])
        ax.plot([low, high], [row, row], color=ORANGE, linewidth=10, solid_capstyle="butt")
        ax.plot([low, high], [row, row], "o", color=INK, markersize=5)
        ax.annotate(
            _shown(fact, say), (high, row), xytext=(10, 0), textcoords="offset points", va="center", fontsize=11
        )
        ax.annotate(wrap(_holders(fact, say), 120), (0, row), xytext=(0, -14), textcoords="offset points", va="top",
                    fontsize=7.5, color=DARK_GREY)  # fmt: skip
    ax.set_yticks(range(len(facts)), [wrap(say(f"row_{f}"), 26) for f in fact_ids], fontsize=9.5)
    ax.set_ylim(len(facts) - 0.3, -0.6)
    ax.set_xlim(0, max(float(f["value_high"]) for f in facts) * 1.18)
    ax.xaxis.set_major_formatter(lambda value, _: say.number(value, 2))  # 0,5 in Kazakh
    ax.set_xlabel(facts[0]["unit"])
    ax.text(0.99, 0.02, say("chart_mark", mark=context.mark(say.lang)), transform=ax.transAxes, ha="right",
            fontsize=10, fontweight="bold", color=INK, bbox={"facecolor": ORANGE_PALE, "edgecolor": ORANGE})  # fmt: skip
    fig.suptitle(title, x=0.01, ha="left", fontsize=14, fontweight="bold", fontfamily=FONT)
    ax.set_title(wrap(subtitle, 110), loc="left", fontsize=10, color=GREY, fontfamily=FONT)
    footer = say("chart_footer", mark=context.mark(say.lang), works=works(fact_ids, say.lang))
    fig.supxlabel(wrap(footer, 130), x=0.01, ha="left", fontsize=8.5, color=GREY, fontfamily=FONT)
    fig.fact_ids = list(fact_ids)  # what the chart shows, for tests and teachers
    # The text alternative (histkit.ui.charts.describe): ranges and holders, the mark and the works
    fig.words, fig.lang, fig.kind, fig.title = bind(say.lang), say.lang, "range", title
    fig.source_ids, fig.source_line = [], footer
    describe(
        fig, [(say(f"row_{i}"), f"{_shown(f, say)} {f['unit']} ({_holders(f, say)})") for i, f in zip(fact_ids, facts)]
    )
    return fig


def famine_chart(lang: str = "en") -> Figure:
    """Estimates of the famine's death toll as ranges, each with who holds it."""
    lang = check_lang(lang)
    return range_chart(DEATH_TOLLS, t("famine_title", lang, LESSON), t("famine_subtitle", lang, LESSON), lang)


def census_chart(lang: str = "en") -> Figure:
    """The census counts of 1926, 1937 and 1939, as other works give them, with what a census cannot show."""
    lang = check_lang(lang)
    return range_chart(CENSUS, t("census_title", lang, LESSON), t("census_subtitle", lang, LESSON), lang)
