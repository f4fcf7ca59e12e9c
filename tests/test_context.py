"""The context layer in data/context/: outside facts, each sourced and marked, kept apart from the text's tables.

Every check is a function that lists problems in a data folder: it must find none in the real
data and must find the fault planted in a scratch copy (``data_copy``), so no check passes by
looking at nothing.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from conftest import ROOT, replace_in
from frictionless import Package

CONTEXT = "context"
CYRILLIC = re.compile("[А-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі]")
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def table(data: Path, name: str) -> list[dict[str, str]]:
    with (data / CONTEXT / f"{name}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def descriptor(data: Path) -> dict:
    return json.loads((data / CONTEXT / "datapackage.json").read_text(encoding="utf-8"))


def ids(cell: str) -> list[str]:
    return [part for part in cell.split(";") if part]


# --- the checks --------------------------------------------------------------------------------


def package_errors(data: Path) -> list[str]:
    """Frictionless: schemas, enums, patterns, primary and foreign keys."""
    report = Package(str(data / CONTEXT / "datapackage.json")).validate()
    return [f"{task.name}: {error.message}" for task in report.tasks for error in task.errors] + [
        error.message for error in report.errors
    ]


def reference_problems(data: Path) -> list[str]:
    """Every fact cites a work; every work has a complete reference and the address it was read at."""
    problems = []
    cited = {link["fact_id"] for link in table(data, "fact_sources")}
    problems += [f"{f['fact_id']} cites no source" for f in table(data, "facts") if f["fact_id"] not in cited]
    for source in table(data, "sources"):
        for key in ("author", "title", "year", "publisher_or_journal", "url_read"):
            if not source[key].strip():
                problems.append(f"{source['source_id']} has no {key}")
        if not source["url_read"].startswith(("http://", "https://")):
            problems.append(f"{source['source_id']}: url_read is not a web address")
    return problems


def range_problems(data: Path) -> list[str]:
    """A figure has a unit; a range names who holds each end; no figure stands alone as if settled."""
    problems = []
    for fact in table(data, "facts"):
        low, high, name = fact["value_low"], fact["value_high"], fact["fact_id"]
        if bool(low) != bool(high):
            problems.append(f"{name}: give both value_low and value_high, or neither")
            continue
        if not low:
            continue
        if not (fact["unit_en"] and fact["unit_kk"]):
            problems.append(f"{name}: a figure needs its unit in both languages")
        if float(low) > float(high):
            problems.append(f"{name}: value_low is above value_high")
        if not all(fact[f"holders_{end}_{lang}"] for end in ("low", "high") for lang in ("en", "kk")):
            problems.append(f"{name}: say who gives the figure (holders_low and holders_high, in both languages)")
    return problems


def sentence_problems(data: Path) -> list[str]:
    """Sentence ids exist in data/sentences.csv, and a text claim's figures stand in its sentence."""
    with (data / "sentences.csv").open(encoding="utf-8", newline="") as f:
        sentences = {row["sentence_id"]: row for row in csv.DictReader(f)}
    problems = []
    for fact in table(data, "facts"):
        problems += [
            f"{fact['fact_id']}: no sentence {s}" for s in ids(fact["related_sentence_ids"]) if s not in sentences
        ]
    for pair in table(data, "corroboration"):
        sentence = sentences.get(pair["sentence_id"])
        if sentence is None:
            problems.append(f"{pair['pair_id']}: no sentence {pair['sentence_id']}")
            continue
        for number in NUMBER.findall(pair["text_claim_en"]):
            if number not in sentence["text_en"]:
                problems.append(f"{pair['pair_id']}: {number} is not in {pair['sentence_id']}")
    return problems


def language_problems(data: Path) -> list[str]:
    """Every English column has a Kazakh twin, filled wherever the English is, in Kazakh letters."""
    problems = []
    for resource in descriptor(data)["resources"]:
        rows = table(data, resource["name"])
        columns = [f["name"] for f in resource["schema"]["fields"]]
        for column in (c for c in columns if c.endswith("_en")):
            twin = column[:-3] + "_kk"
            if twin not in columns:
                problems.append(f"{resource['name']}.{column} has no Kazakh twin")
                continue
            for number, row in enumerate(rows, start=2):
                if row[column] and not CYRILLIC.search(row[twin]):
                    problems.append(f"{resource['name']} line {number}: {twin} is missing or not in Kazakh")
    return problems


def pairs_of_languages(data: Path):
    """(table, line, column, English, Kazakh) for every filled English cell of the package and its Kazakh twin."""
    for resource in descriptor(data)["resources"]:
        for number, row in enumerate(table(data, resource["name"]), start=2):
            for column in (c for c in row if c.endswith("_en") and c[:-3] + "_kk" in row and row[c]):
                yield resource["name"], number, column[:-3] + "_kk", row[column], row[column[:-3] + "_kk"]


URL = re.compile(r"https?://\S+?(?=[\s,;)]|\.?$|\.\s)")
EN_FIGURE = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?!\d)(\s+thousand)?")  # 6,073,979; 77.1 thousand
KK_FIGURE = re.compile(r"(?<![\w.,])(\d+)(,\d+)?(?!\d)(\s+мың)?")  # 6073979; 77,1 мың
NOT_KAZAKH_NUMBER = re.compile(r"\d[ \u00a0\u202f]\d{3}(?!\d)|\d,\d{3}(?!\d)|\d\.\d")  # 6 073 979, 6,073,979, 6.2


def figures(text: str, pattern: re.Pattern, decimal: str, thousands: str) -> set[float]:
    """The figures written in digits in text (web addresses left out), as numbers: '77,1 мың' is 77100."""
    found = set()
    for whole, fraction, times_thousand in pattern.findall(URL.sub("", text)):
        value = float(whole.replace(thousands, "") + fraction.replace(decimal, "."))
        found.add(round(value * (1000 if times_thousand else 1), 6))
    return found


def kazakh_number_problems(data: Path) -> list[str]:
    """Kazakh cells write figures as docs/kazakh-style.md says (84,4; 6073979), and every figure the English
    gives in digits stands in the Kazakh too; so do the web addresses."""
    problems = []
    for name, number, column, english, kazakh in pairs_of_languages(data):
        where = f"{name} line {number} {column}"
        problems += [f"{where}: write {bad!r} the Kazakh way" for bad in NOT_KAZAKH_NUMBER.findall(URL.sub("", kazakh))]
        missing = figures(english, EN_FIGURE, ".", ",") - figures(kazakh, KK_FIGURE, ",", "")
        problems += [f"{where}: the English gives {value:.15g}, the Kazakh does not" for value in sorted(missing)]
        problems += [
            f"{where}: the English gives {url}, the Kazakh does not"
            for url in sorted(set(URL.findall(english)) - set(URL.findall(kazakh)))
        ]
    return problems


def quotation_problems(data: Path) -> list[str]:
    """«…» in Kazakh marks only words of our own text, character for character; other works' words take “…”."""
    source = next((data.parent / "seeds").glob("*.kk.txt")).read_text(encoding="utf-8")
    return [
        f"{name} line {number} {column}: «{quoted}» is not in the text; quote another work in “…”"
        for name, number, column, _, kazakh in pairs_of_languages(data)
        for quoted in re.findall(r"«([^»]*)»", kazakh)
        if quoted not in source
    ]


def separation_problems(data: Path) -> list[str]:
    """The layer never enters the text's own tables, and every fact is marked as another source."""
    problems = []
    text_package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    problems += [f"the text's package lists {r['path']}" for r in text_package["resources"] if CONTEXT in r["path"]]
    outside = {s["url_read"] for s in table(data, "sources")}
    outside |= {f["statement_en"] for f in table(data, "facts")} | {f["statement_kk"] for f in table(data, "facts")}
    for path in sorted(data.glob("*.csv")):
        text = path.read_text(encoding="utf-8")
        problems += [f"{path.name} carries an outside fact or source: {item[:60]}" for item in outside if item in text]
    problems += [
        f"{f['fact_id']} is not marked 'other source'" for f in table(data, "facts") if f["origin"] != "other source"
    ]
    return problems


def unmarked_displays(shown: str, data: Path) -> list[str]:
    """Outside facts shown in `shown` without the 'other source' mark or without naming their source.

    It recognises a fact by its statement or corroboration claim, shown word for word; whatever
    renders facts in other forms should be tested to add the mark itself.
    """
    package = descriptor(data)
    marks = (package["mark_en"], package["mark_kk"])
    sources = {s["source_id"]: s for s in table(data, "sources")}
    cited_in = {}
    for link in table(data, "fact_sources"):
        cited_in.setdefault(link["fact_id"], []).append(sources[link["source_id"]])
    claims = [(f["fact_id"], f[key]) for f in table(data, "facts") for key in ("statement_en", "statement_kk")]
    claims += [
        (p["fact_id"], p[key]) for p in table(data, "corroboration") for key in ("other_claim_en", "other_claim_kk")
    ]
    problems = []
    for fact_id, claim in claims:
        if claim not in shown:
            continue
        if not any(mark in shown for mark in marks):
            problems.append(f"{fact_id} shown without the mark {marks[0]!r}")
        if not any(s["author"] in shown or s["title"] in shown for s in cited_in[fact_id]):
            problems.append(f"{fact_id} shown without naming its source")
    return problems


# --- on the real data --------------------------------------------------------------------------

CHECKS = [
    package_errors,
    reference_problems,
    range_problems,
    sentence_problems,
    language_problems,
    kazakh_number_problems,
    quotation_problems,
    separation_problems,
]


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__)
def test_the_context_layer_passes(check):
    assert check(ROOT / "data") == []


def test_the_layer_is_not_empty():
    data = ROOT / "data"
    assert len(table(data, "sources")) >= 10 and len(table(data, "facts")) >= 20
    verdicts = {p["verdict"] for p in table(data, "corroboration")}
    assert verdicts == {"agrees", "differs", "partly"}, "show agreement and disagreement side by side"


def test_the_famine_toll_is_stored_as_a_range_with_its_holders():
    fact = next(f for f in table(ROOT / "data", "facts") if f["fact_id"] == "famine_deaths")
    assert (float(fact["value_low"]), float(fact["value_high"])) == (1.5, 2.3)
    assert "Cameron" in fact["holders_low_en"] and "Tatimov" in fact["holders_high_en"]
    assert "Кэмерон" in fact["holders_low_kk"] and "Тәтімов" in fact["holders_high_kk"]


def shown_in(path: Path) -> list[str]:
    """What a notebook shows, one piece per markdown cell or output: a mark must sit with its fact."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    pieces = []
    for cell in notebook["cells"]:
        if cell["cell_type"] == "markdown":
            pieces.append("".join(cell["source"]))
        for output in cell.get("outputs", []):
            pieces.append("".join(output.get("text", "")))
            pieces += [
                "".join(output.get("data", {}).get(mime, "")) for mime in ("text/plain", "text/html", "text/markdown")
            ]
    return pieces


@pytest.mark.parametrize("path", sorted((ROOT / "notebooks").glob("*.ipynb")), ids=lambda p: p.name)
def test_no_lesson_shows_an_outside_fact_unmarked(path):
    assert [problem for piece in shown_in(path) for problem in unmarked_displays(piece, ROOT / "data")] == []


# --- each check fails on a planted fault -------------------------------------------------------


def test_unmarked_displays_catches_an_outside_fact_without_its_mark():
    data = ROOT / "data"
    fact = next(f for f in table(data, "facts") if f["fact_id"] == "turksib_workforce_payne")
    assert unmarked_displays(f"<p>{fact['statement_en']}</p>", data) == [
        "turksib_workforce_payne shown without the mark 'other source'",
        "turksib_workforce_payne shown without naming its source",
    ]
    marked = f"<p>{fact['statement_en']}</p><small>other source: Matthew J. Payne, 2001</small>"
    assert unmarked_displays(marked, data) == []


BROKEN = [
    (package_errors, "fact_sources.csv", "famine_deaths,dave2007", "famine_deaths,nobody2099"),
    (package_errors, "facts.csv", ",famine,", ",weather,"),
    (reference_problems, "sources.csv", '"Routledge, London and New York"', '""'),
    (reference_problems, "fact_sources.csv", "land_redistribution_1927,ehistory_bai1927\n", ""),
    (range_problems, "facts.csv", ",Aigul Bidanova (Kazakhstanskaya Pravda): 8 months,", ",,"),
    (range_problems, "facts.csv", ",Айгуль Биданова (“Казахстанская правда”): 8 ай,", ",,"),
    (language_problems, "facts.csv", "Ж. Асылбекова: 6073979", "Zh. Assylbekova: 6073979"),
    (kazakh_number_problems, "facts.csv", "Ж. Асылбекова: 6073979", "Ж. Асылбекова: 6 073 979"),
    (kazakh_number_problems, "facts.csv", ",Ж. Асылбекова: 6073979,", ',"Ж. Асылбекова: 6,073,979",'),
    (kazakh_number_problems, "facts.csv", "шамамен 6,2 миллион", "шамамен 6.2 миллион"),
    (kazakh_number_problems, "facts.csv", "шамамен 6,2 миллион", "шамамен 6,3 миллион"),
    (kazakh_number_problems, "sources.csv", " (https://history.wikireading.ru/hCETjDNGA5)", ""),
    (quotation_problems, "corroboration.csv", "“Казахстанская правда”", "«Казахстанская правда»"),
    (quotation_problems, "corroboration.csv", "«тартылды»", "«тартылғандардың»"),
    (sentence_problems, "facts.csv", "s110;s111", "s110;s999"),
    (sentence_problems, "corroboration.csv", "Some 100 thousand people", "Some 200 thousand people"),
    (language_problems, "corroboration.csv", "Екеуі де тұрақты қозғалысты 1931 жылғы қаңтарға жатқызады.", ""),
    (separation_problems, "facts.csv", ",other source\n", ",the text\n"),
]


@pytest.mark.parametrize("check, name, old, new", BROKEN, ids=lambda v: getattr(v, "__name__", None))
def test_each_check_finds_a_planted_fault(data_copy, check, name, old, new):
    replace_in(data_copy / CONTEXT / name, old, new)
    assert check(data_copy) != []


def test_separation_finds_an_outside_fact_copied_into_the_text_tables(data_copy):
    fact = table(data_copy, "facts")[0]["statement_en"]
    replace_in(data_copy / "people.csv", "Smagul Sadvakasov (1900–1933)", fact)
    assert separation_problems(data_copy) != []
