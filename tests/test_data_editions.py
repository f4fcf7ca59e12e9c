"""The data's two editions say the same thing: every X_en / X_kk column pair in data/ and data/context/.

Both cells are empty or both filled; they cite the same sentences and give the same figures in digits
(84,4 = 84.4; English 1,445 = 1445); and a Kazakh cell writes Roman numerals in Latin letters, except in a
verbatim quotation of the source: inside «…», in a column marked verbatim, or in the source sentences themselves.
In the text's own tables (data/), «…» is kept for the source's words: each stands in the source letter for
letter (' … ' marks an omission, as in histkit's verbatim check).
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from conftest import ROOT, cyrillic_roman_numerals, replace_in

from histkit.validation import stands_in

SENTENCE_ID = re.compile(r"\bs\d{3}\b")
FIGURE = re.compile(r"(\d+(?:[.,]\d+)*)(?:\s(thousand|мың|million|миллион|млн|billion|млрд))?")
SCALE = {"thousand": 1e3, "мың": 1e3, "million": 1e6, "миллион": 1e6, "млн": 1e6, "billion": 1e9, "млрд": 1e9}
THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")  # English grouping: 1,445 or 1,000,000
# A word made only of Roman-numeral letters with at least one Cyrillic І or Х: ХІV, VІІ, І.


def figures(text: str, lang: str) -> set[float]:
    """The figures written in digits, sentence ids left out; a Kazakh comma is always a decimal comma.

    A figure followed by a word for thousand or million counts as the whole number: 50 мың = 50,000."""
    text = SENTENCE_ID.sub(" ", text)
    found = set()
    for token, scale in FIGURE.findall(text):
        if lang == "en" and THOUSANDS.fullmatch(token):
            token = token.replace(",", "")
        found.add(round(float(token.replace(",", ".")) * SCALE.get(scale, 1), 6))
    return found


def cyrillic_numerals(text: str) -> list[str]:
    return cyrillic_roman_numerals(text)


def _verbatim_fields(folder: Path) -> set[tuple[str, str]]:
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    return {
        (resource["path"], field["name"])
        for resource in descriptor["resources"]
        for field in resource.get("schema", {}).get("fields", [])
        if field.get("verbatim")
    }


def _source(folder: Path) -> str:
    with (folder / "sentences.csv").open(encoding="utf-8", newline="") as handle:
        return " ".join(row["text_kk"] for row in csv.DictReader(handle))


def problems(folder: Path) -> list[str]:
    """Every way the English and Kazakh cells of the tables in folder (and folder/context) drift apart."""
    found, source = [], _source(folder)
    for package in (folder, folder / "context"):
        verbatim = _verbatim_fields(package)
        for path in sorted(package.glob("*.csv")):
            with path.open(encoding="utf-8", newline="") as handle:
                rows = list(csv.DictReader(handle))
            columns = list(rows[0]) if rows else []
            pairs = [(c, c[:-3] + "_kk") for c in columns if c.endswith("_en") and c[:-3] + "_kk" in columns]
            for number, row in enumerate(rows, start=2):  # line 1 is the header
                for en, kk in pairs:
                    where = f"{path.relative_to(folder.parent)} line {number} {kk}"
                    english, kazakh = row[en].strip(), row[kk].strip()
                    if bool(english) != bool(kazakh):
                        found.append(f"{where}: one of {en}/{kk} is empty")
                        continue
                    if set(SENTENCE_ID.findall(english)) != set(SENTENCE_ID.findall(kazakh)):
                        found.append(f"{where}: sentence ids differ from {en}")
                    if figures(english, "en") != figures(kazakh, "kk"):
                        found.append(
                            f"{where}: figures {sorted(figures(kazakh, 'kk'))} differ from {en} "
                            f"{sorted(figures(english, 'en'))}"
                        )
                    quoted = path.name == "sentences.csv" or (path.name, kk) in verbatim
                    if not quoted and cyrillic_numerals(kazakh):
                        found.append(f"{where}: Roman numeral with Cyrillic letters {cyrillic_numerals(kazakh)}")
                    if package == folder and not quoted:
                        for quote in re.findall(r"«([^»]*)»", kazakh):
                            if not stands_in(quote, source):
                                found.append(f"{where}: «{quote}» is not the source's words")
    return found


def test_the_two_editions_of_the_data_agree():
    assert problems(ROOT / "data") == []


def test_figures_are_compared_as_numbers():
    assert figures("84,4 per cent of 1,445 km (s123), 8888,4 as printed", "en") == {84.4, 1445, 8888.4}
    assert figures("1445 км-дің 84,4 пайызы (s123)", "kk") == {84.4, 1445}
    assert figures("nearly 50,000 workers; 77.1 thousand more", "en") == figures("50 мыңға жуық; 77,1 мың", "kk")
    assert cyrillic_numerals("БК(б)П-ның ХІV съезі, VІІ конференция") == ["ХІV", "VІІ"]
    assert cyrillic_numerals("s002-де «ХІV съезінде» деп жазылған; XIV, ХШК, Іле") == []


@pytest.mark.parametrize(
    "file, old, new, reported",
    [
        ("events.csv", "КСРО бойынша өнеркәсіп салу ісіне 3,3 млрд", "Өнеркәсіп салу ісіне 3,5 млрд", "figures"),
        ("periods.csv", "бес жылға созылды (s073, s075)", "бес жылға созылды (s073)", "sentence ids"),
        ("people.csv", "Бүкілодақтық IV съезінде", "Бүкілодақтық ІV съезінде", "Cyrillic letters"),
        ("turksib_stages.csv", "Бұл кезеңнің жылдары берілмеген.", "", "is empty"),
        ("context/facts.csv", "6151102", "6151103", "differ"),
        ("findings.csv", "«сөз жоқ … ерлік»", "«сөз жоқ … ерліктер»", "not the source's words"),
    ],
    ids=["figure", "sentence-id", "numeral", "empty", "context-figure", "quotation"],
)
def test_a_planted_defect_is_reported(data_copy, file, old, new, reported):
    assert problems(data_copy) == []
    replace_in(data_copy / file, old, new)
    found = problems(data_copy)
    assert len(found) == 1 and reported in found[0] and file.split("/")[-1] in found[0], found
