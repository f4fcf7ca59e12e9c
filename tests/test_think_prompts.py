"""The Think prompts' model answers (data/think_prompts.csv): one row for every prompt of every lesson, the
prompt as the notebook prints it, and answers that cite their sentences and print only the text's figures.

Expected values come from the notebooks, the source sentences (histkit.parsing.numbers_in) and
docs/kazakh-style.md, never from the table under test. The last tests break the table on purpose.
"""

from __future__ import annotations

import json
import re

import pytest
from conftest import ENGLISH_LESSONS, ROOT, cyrillic_roman_numerals

import histkit
from histkit.parsing import numbers_in, split_ids
from histkit.validation import stands_in

ROWS = histkit.load("think_prompts", lang="both").to_dict("records")
IDS = [row["think_id"] for row in ROWS]
LABEL = {"en": "Think", "kk": "Ойланыңыз"}
GENERAL_KNOWLEDGE = {"en": "General knowledge, not in the text", "kk": "Жалпы мәлімет (мәтінде жоқ)"}
SENTENCE_ID = re.compile(r"\bs\d{3}\b")
FIGURE = {"en": r"\d+(?:\.\d+)?", "kk": r"\d+(?:,\d+)?"}
OPERATIONS = {"÷": lambda a, b: a / b, "×": lambda a, b: a * b, "+": lambda a, b: a + b, "−": lambda a, b: a - b}


def kazakh_skills() -> dict[str, str]:
    """The style guide's Kazakh name for each skill, read from its table row for Think."""
    lines = (ROOT / "docs" / "kazakh-style.md").read_text(encoding="utf-8").splitlines()
    row = next(line for line in lines if line.startswith("| Think ("))
    english, kazakh = (re.search(r"\((.*)\)", cell)[1].split("; ") for cell in row.strip("| ").split(" | "))
    return dict(zip(english, kazakh))


KAZAKH_SKILLS = kazakh_skills()


def cells(path) -> dict[str, str]:
    """Markdown cells of a notebook by id, without the <div lang=...> wrapper of the Kazakh edition."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    unwrap = re.compile(r'\A<div lang="\w+">\s*(.*?)\s*</div>\Z', re.DOTALL)
    texts = {c["id"]: "".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "markdown"}
    return {cell_id: unwrap.sub(r"\1", text) for cell_id, text in texts.items()}


def prompts(markdown: str, lang: str) -> list[tuple[str, str]]:
    """(skill, text) of every Think prompt in a cell: from its bold label to the next prompt, heading or the end,
    as plain text (no **, *, or backticks), one line per line of the notebook."""
    found = []
    for part in re.split(rf"(?=\*\*{LABEL[lang]} \()", markdown)[1:]:
        part = re.split(r"^#", part, flags=re.MULTILINE)[0]
        text = "\n".join(line.strip() for line in re.sub(r"[*`]", "", part).splitlines() if line.strip())
        found.append((re.match(rf"{LABEL[lang]} \(([^)]*)\)", text)[1], text))
    return found


def lesson_prompts(lesson: str, lang: str) -> list[tuple[str, str, str]] | None:
    """(cell_id, skill, text) of every prompt in a lesson's edition, in order; None if the edition does not exist."""
    path = ROOT / "notebooks" / ("kk" if lang == "kk" else "") / f"{lesson}.ipynb"
    if not path.exists():
        return None
    return [(cell_id, *prompt) for cell_id, text in cells(path).items() for prompt in prompts(text, lang)]


def before_general_knowledge(text: str, lang: str) -> str:
    return text.split(GENERAL_KNOWLEDGE[lang])[0]


def figure_problems(row: dict, lang: str) -> list[str]:
    """Figures in digits in the model answer and the marking points that the cited sentences do not print.

    A derived figure is allowed only with its working shown, "432 ÷ 2.5 ≈ 173": both operands printed, the result
    right to the digits written. Whatever follows the general-knowledge marker is not from the text, so not checked."""
    printed = {n for sid in split_ids(row["sentence_id"]) for n in numbers_in(histkit.sentence(sid).text_kk)}
    number = lambda token: float(token.replace(",", "."))
    problems = []
    for field in (f"model_{lang}", f"look_for_{lang}"):
        text = SENTENCE_ID.sub(" ", before_general_knowledge(row[field], lang))
        working = re.compile(rf"({FIGURE[lang]}) ([÷×+−]) ({FIGURE[lang]}) ≈ ({FIGURE[lang]})")
        for a, operation, b, result in working.findall(text):
            decimals = len(re.split(r"[.,]", result)[1]) if re.search(r"[.,]", result) else 0
            if round(OPERATIONS[operation](number(a), number(b)), decimals) != number(result):
                problems.append(f"{field}: {a} {operation} {b} is not {result}")
            problems += [f"{field}: {x} is not printed" for x in (a, b) if number(x) not in printed]
        for token in re.findall(rf"(?<![\w.,]){FIGURE[lang]}", working.sub(" ", text)):
            if number(token) not in printed:
                problems.append(f"{field}: {token} is not printed in {row['sentence_id']}")
    return problems


def figures(text: str, lang: str) -> set[float]:
    return {float(t.replace(",", ".")) for t in re.findall(rf"(?<![\w.,]){FIGURE[lang]}", SENTENCE_ID.sub(" ", text))}


# --- One row for every prompt, and the prompt as the notebook prints it ---------------------------------


@pytest.mark.parametrize("path", ENGLISH_LESSONS, ids=lambda p: p.stem)
def test_every_think_prompt_of_a_lesson_has_one_row_with_its_skill(path):
    """By lesson and cell id, in order: a cell with two prompts (02-turksib) has two rows, one per skill."""
    in_notebook = [(cell_id, skill) for cell_id, skill, _ in lesson_prompts(path.stem, "en")]
    in_table = [(row["cell_id"], row["skill"]) for row in ROWS if row["lesson"] == path.stem]
    assert in_notebook, f"{path.name} has no Think prompt"
    assert in_table == in_notebook


def test_every_row_points_at_a_think_prompt_of_an_english_lesson():
    lessons = {path.stem for path in ENGLISH_LESSONS}
    assert {row["lesson"] for row in ROWS} <= lessons
    assert len(ROWS) == sum(len(lesson_prompts(lesson, "en")) for lesson in lessons)


@pytest.mark.parametrize("lang", ["en", "kk"])
@pytest.mark.parametrize("row", ROWS, ids=IDS)
def test_the_prompt_is_the_notebook_text_with_the_style_guides_skill_name(row, lang):
    """The key prints the prompt from the table: it must be the text of the cell in that edition. A Kazakh
    edition not yet written is skipped, but the Kazakh label is checked against docs/kazakh-style.md anyway."""
    skill = row["skill"] if lang == "en" else KAZAKH_SKILLS[row["skill"]]
    assert row[f"prompt_{lang}"].startswith(f"{LABEL[lang]} ({skill}). ")
    found = lesson_prompts(row["lesson"], lang)
    if found is None:
        pytest.skip(f"notebooks/kk/{row['lesson']}.ipynb does not exist yet")
    in_cell = [text for cell_id, _, text in found if cell_id == row["cell_id"]]
    assert row[f"prompt_{lang}"] in in_cell, f"copy the prompt of cell {row['cell_id']} into prompt_{lang}: {in_cell}"


# --- Answers grounded in the cited sentences --------------------------------------------------------------


@pytest.mark.parametrize("row", ROWS, ids=IDS)
def test_every_sentence_named_in_a_prompt_or_an_answer_is_cited_by_the_row(row):
    cited = set(split_ids(row["sentence_id"]))
    for field in ("prompt_en", "prompt_kk", "model_en", "model_kk", "look_for_en", "look_for_kk"):
        assert set(SENTENCE_ID.findall(row[field])) <= cited, field


@pytest.mark.parametrize("row", ROWS, ids=IDS)
def test_figures_in_an_answer_are_printed_in_its_sentences_or_worked_out_from_them(row):
    assert figure_problems(row, "en") + figure_problems(row, "kk") == []


@pytest.mark.parametrize("row", ROWS, ids=IDS)
def test_english_and_kazakh_carry_the_same_sentence_ids_and_figures(row):
    for field in ("model", "look_for"):
        english, kazakh = row[f"{field}_en"], row[f"{field}_kk"]
        assert set(SENTENCE_ID.findall(english)) == set(SENTENCE_ID.findall(kazakh)), field
        assert figures(english, "en") == figures(kazakh, "kk"), field
        assert (GENERAL_KNOWLEDGE["en"] in english) == (GENERAL_KNOWLEDGE["kk"] in kazakh), field


SOURCE = " ".join(histkit.load("sentences", lang="both")["text_kk"])


@pytest.mark.parametrize("row", ROWS, ids=IDS)
def test_kazakh_follows_the_style_guide(row):
    """«…» only around the source's own words; Roman numerals in Latin letters; Kazakh letters dominate."""
    for field in ("model_kk", "look_for_kk"):
        text = row[field]
        for quote in re.findall(r"«([^«»]*)»", text):
            assert stands_in(quote, SOURCE), f"{field}: «{quote}» is not word for word in the source"
        assert not cyrillic_roman_numerals(text, shortest=2), field
        cyrillic, latin = len(re.findall(r"[\u0400-\u04FF]", text)), len(re.findall(r"[A-Za-z]", text))
        assert cyrillic > 10 * latin, field


# --- A teacher's table ------------------------------------------------------------------------------------


def test_the_table_is_for_teachers_and_loads_by_name():
    assert "think_prompts" not in histkit.list_datasets()
    kazakh = histkit.load("think_prompts", lang="kk")
    assert {"prompt", "model", "look_for"} <= set(kazakh.columns)
    assert kazakh["prompt"].str.startswith(f"{LABEL['kk']} (").all()


# --- The checks can fail ----------------------------------------------------------------------------------


def test_a_figure_the_sentences_do_not_print_is_caught():
    row = next(r for r in ROWS if "432 ÷ 2.5 ≈ 173" in r["model_en"])
    assert figure_problems(row, "en") == []
    wrong_result = {**row, "model_en": row["model_en"].replace("≈ 173", "≈ 183")}
    wrong_operand = {**row, "model_en": row["model_en"].replace("432 ÷", "433 ÷")}
    assert figure_problems(wrong_result, "en") == ["model_en: 432 ÷ 2.5 is not 183"]
    assert figure_problems(wrong_operand, "en") == ["model_en: 433 is not printed"]


def test_every_prompt_of_a_cell_is_read_with_its_skill():
    cell = "Some words.\n\n**Think (sourcing).** Who wrote it?\n\n**Think (close reading).** Which `s001` words?"
    assert prompts(cell, "en") == [
        ("sourcing", "Think (sourcing). Who wrote it?"),
        ("close reading", "Think (close reading). Which s001 words?"),
    ]
