"""Screen readers pronounce what histkit shows in the lesson's language: every HTML it puts on screen
carries lang="kk" or lang="en" on its outer element (self-checks, explorers and their static forms,
chart images). ipywidgets' own labels (a Dropdown's description, a button) cannot carry it."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from histkit.lessons import turksib
from histkit.ui import classview, quiz, record
from histkit.ui import widgets as hw


class _Outer(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def outer(markup: str) -> tuple[str, dict]:
    """The first element of an HTML fragment and its attributes."""
    parser = _Outer()
    parser.feed(markup)
    return parser.tags[0]


def images(markup: str) -> list[dict]:
    parser = _Outer()
    parser.feed(markup)
    return [attrs for tag, attrs in parser.tags if tag == "img"]


@pytest.mark.parametrize("lang", ["kk", "en"])
def test_a_self_check_carries_its_language(lang, callback_log):
    box = quiz.quiz("01-match-quotations", lang)
    assert outer(box._repr_mimebundle_()["text/html"])[1]["lang"] == lang  # the static form
    prompt, button, feedback = box.children[0], box.children[-2], box.children[-1]
    assert outer(prompt.value)[1]["lang"] == lang
    button.click()
    assert outer(feedback.value)[1]["lang"] == lang
    assert outer(quiz.check("01-match-quotations", {}, lang).to_html(lang))[1]["lang"] == lang


@pytest.mark.parametrize("lang", ["kk", "en"])
def test_an_explorer_and_its_static_form_carry_the_language(lang):
    box = hw.dataset_explorer("events", lang)
    assert outer(box._repr_mimebundle_()["text/html"])[1]["lang"] == lang
    page = box.children[-1]
    assert outer(page.value)[1]["lang"] == lang
    other = "en" if lang == "kk" else "kk"
    box.children[0].children[1].value = other  # the explorer's own language switch
    assert outer(page.value)[1]["lang"] == other


@pytest.mark.parametrize("lang", ["kk", "en"])
def test_a_chart_image_carries_the_language_of_its_text_alternative(lang):
    box = turksib.pace_explorer(lang)
    shown = images(box.view.image.value)
    assert len(shown) == 1 and shown[0]["lang"] == lang and shown[0]["alt"]
    printed = images(box._repr_mimebundle_()["text/html"])
    assert [attrs["lang"] for attrs in printed] == [lang]


def test_the_start_note_and_the_class_overview_carry_the_language(tmp_path):
    assert outer(record.start_note("01-debates", "kk").data)[1]["lang"] == "kk"
    assert outer(classview.overview_html(tmp_path, "01-debates", "kk"))[1]["lang"] == "kk"


def _lesson_views():
    from histkit.lessons import context, debates, findings, metallurgy

    return {
        "directions": lambda lang: debates.show_directions(lang).data,
        "people": lambda lang: str(turksib.people_card(lang)),
        "pace readout": lambda lang: turksib.pace_readout(1445, 1000, lang),
        "finding": lambda lang: str(findings.show("no_author_date", lang)),
        "flows": lambda lang: str(metallurgy.flows_html(lang)),
        "expeditions": lambda lang: str(metallurgy.expeditions_html(lang)),
        "workers": lambda lang: str(metallurgy.workers_html(lang)),
        "beyond": lambda lang: str(context.beyond("famine_deaths", lang=lang)),
        "comparison": lambda lang: str(context.comparison("c01", lang)),
    }


@pytest.mark.parametrize("lang", ["kk", "en"])
@pytest.mark.parametrize("view", list(_lesson_views()))
def test_the_lessons_html_carries_the_language(view, lang):
    assert outer(_lesson_views()[view](lang))[1]["lang"] == lang


def test_a_sort_self_check_names_each_item_in_its_language():
    """A Dropdown's description can hold HTML: each item to sort is read out in the lesson's language."""
    box = quiz.quiz("01-match-quotations", "kk")
    pickers = box.children[1:-2]
    assert pickers and all(outer(p.description)[1]["lang"] == "kk" and p.description_allow_html for p in pickers)


@pytest.mark.parametrize("lang", ["kk", "en"])
def test_every_explorer_names_its_controls_in_its_language(lang):
    """Every labelled control of an explorer (menus, number fields, switches) is read out in the lesson's language."""
    import ipywidgets
    from test_static import EXPLORERS

    def controls(widget):
        if isinstance(widget, ipywidgets.Box):
            for child in widget.children:
                yield from controls(child)
        elif getattr(widget, "description", "") and not isinstance(widget, ipywidgets.Button):
            yield widget

    for name, make in EXPLORERS.items():
        found = list(controls(make(lang=lang)))
        assert found, name
        for control in found:
            assert control.description_allow_html and outer(control.description)[1]["lang"] == lang, (name, control)


def test_the_hand_in_form_and_its_result_carry_the_language(callback_log):
    box = record.hand_in("00-start-here", "kk")
    name, button, done = box.children
    assert outer(name.description)[1]["lang"] == "kk"
    button.click()
    assert outer(done.value)[1]["lang"] == "kk"
