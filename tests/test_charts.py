"""Charts: the house style, the numbers they draw, their source footers, and Kazakh letters."""

import io

import pytest
from matplotlib.figure import Figure

import histkit
from histkit.errors import LanguageError
from histkit.ui import charts

KAZAKH_LETTERS = set("ӘәҒғҚқҢңӨөҰұҮүҺһІі")


def render(fig: Figure) -> bytes:
    """Draw the figure as a student's browser would get it; glyph warnings are errors in the test run."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


def all_text(fig: Figure) -> str:
    return " ".join(t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text")))


def test_compact_ids_shortens_runs():
    assert charts.compact_ids(["s119", "s117", "s118", "s123", "s124"]) == "s117–s119, s123, s124"
    assert charts.source_footer(["s024"], "en") == "Source: sentence s024 of the Kazakh text"
    assert charts.source_footer(["s023", "s024"], "kk") == "Дереккөз: мәтіннің s023, s024 сөйлемдері"


@pytest.mark.parametrize("lang", ["en", "kk"])
def test_economy_chart_draws_the_printed_figures(lang):
    fig = charts.economy_chart(lang)
    ax = fig.axes[0]
    widths = sorted(p.get_width() for p in ax.patches if p.get_width() < 100)
    expected = sorted(histkit.load("economy_1920s").query("unit == 'per cent'")["value"])
    assert widths == expected
    assert fig.source_ids == ["s023", "s024"]
    assert fig._supxlabel.get_text() == charts.source_footer(["s023", "s024"], lang)
    png = render(fig)
    assert png[:4] == b"\x89PNG"


def test_kazakh_labels_use_kazakh_letters_and_render():
    fig = charts.economy_chart("kk")
    assert KAZAKH_LETTERS & set(all_text(fig))
    assert "84,4%" in all_text(fig)  # a Kazakh decimal comma
    render(fig)  # a missing glyph would raise here


@pytest.mark.parametrize("lang", ["en", "kk"])
def test_timeline_draws_every_dated_event(lang):
    events = histkit.load("events", lang=lang)
    fig = charts.timeline_chart(events, lang)
    ax = fig.axes[0]
    dated = events[events["year"].notna()]
    assert len(ax.get_yticklabels()) == len(dated)
    labels = {t.get_text().replace("\n", " ") for t in ax.get_yticklabels()}
    assert labels == set(dated["label"])
    hatched = [p for p in ax.patches if p.get_hatch() == "///" and p.get_width() > 0]
    assert len(hatched) == (dated["status"] == "planned").sum()
    assert set(fig.source_ids) == {i for cell in dated["sentence_id"] for i in cell.split(";")}
    render(fig)


def test_timeline_of_a_selection():
    events = histkit.load("events")
    turksib = events[events["category"] == "turksib"]
    fig = charts.timeline_chart(turksib)
    assert len(fig.axes[0].get_yticklabels()) == turksib["year"].notna().sum()
    assert fig._suptitle.get_text() == "Dated events in the text, 1927–1932"


def test_a_chart_refuses_an_unknown_language():
    with pytest.raises(LanguageError, match=r"lang must be 'en' \(English\) or 'kk' \(Kazakh\), not 'ru'"):
        charts.economy_chart("ru")


def test_footer_lines_are_wrapped_one_by_one():
    fig = charts.figure(6, 3)
    fig.add_subplot()
    note = "First note line.\nSecond note line, which is long enough that it has to wrap across the narrow figure."
    charts.finish(fig, title="t", ids=["s001"], lang="en", kind="bar", values=[("a", "1")], note=note)
    lines = fig._supxlabel.get_text().split("\n")
    assert lines[0] == "Source: sentence s001 of the Kazakh text"
    assert lines[1] == "First note line."
    assert len(lines) == 4 and all(len(line) <= 6 * 13 for line in lines)


def test_colours_come_only_from_the_palette():
    """The interface and the lessons name their colours from histkit/ui/palette.py, never write a code of their own."""
    import re

    from conftest import ROOT

    hex_code = re.compile(r"#[0-9A-Fa-f]{6}\b|#[0-9A-Fa-f]{3}\b")
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()[:80]}"
        for folder in ("ui", "lessons")
        for path in sorted((ROOT / "histkit" / folder).rglob("*.py"))
        if path.name != "palette.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if hex_code.search(line.split(" # ")[0])
    ]
    assert not found, "Colour codes outside histkit/ui/palette.py:\n" + "\n".join(found)
