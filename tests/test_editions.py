"""The Kazakh edition of every lesson (notebooks/kk/) cannot drift from the English one.

Both editions have the same cells, in the same order, with the same ids and types; the same code apart
from the language setting; and, in every markdown cell, the same sentence ids, the same figures, the same
headings, tables, lists and HTML. Kazakh prose is marked lang="kk", quotes the source only verbatim, and
writes Roman numerals in Latin letters. tools/editions.py copies code from English and marks the prose.
"""

import copy
import re
import unicodedata

import nbformat
import pytest
from conftest import ROOT, cyrillic_roman_numerals

import histkit

ENGLISH = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
PAIRS = [(path, ROOT / "notebooks" / "kk" / path.name) for path in ENGLISH]
WRAP = re.compile(r'\A<div lang="kk">\n\n(?P<inner>.*)\n\n</div>\Z', re.DOTALL)
SENTENCE_ID = re.compile(r"\bs\d{3}\b")
FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
CODE_SPAN = re.compile(r"`[^`]*`")
LESSON = re.compile(r"`\d\d-[\w-]+`")
TAG = re.compile(r"<(?!/)[^>]*>")
QUOTE = re.compile(r"«([^«»]*)»")


def figures(text: str, lang: str) -> set[float]:
    """The figures written in digits, as numbers: 84.4 (en) = 84,4 (kk); 1,445 (en) = 1445."""
    text = SENTENCE_ID.sub(" ", text)
    found = set()
    for token in FIGURE.findall(text):
        token = re.sub(r",(?=\d{3}(?!\d))", "", token) if lang == "en" else token.replace(",", ".")
        parts = token.split(".")  # a date such as 28.04.1930 is three figures; 84.4 is one
        found |= {float(p) for p in parts} if len(parts) > 2 else {float(token)}
    return found


def shape(text: str) -> dict:
    lines = text.splitlines()
    return {
        "sentence ids": sorted(set(SENTENCE_ID.findall(text))),
        "heading levels": [len(line) - len(line.lstrip("#")) for line in lines if re.match(r"#{1,6} ", line)],
        "table rows": sum(line.lstrip("> ").startswith("|") for line in lines),
        "list items": sum(bool(re.match(r"\s*(?:>\s*)?(?:[-*+]|\d+\.)\s", line)) for line in lines),
        "HTML tags": [re.sub(r"\s+", " ", tag) for tag in TAG.findall(text)],
        "styles": re.findall(r"<style>.*?</style>", text, re.DOTALL),
    }


def prose(text: str) -> str:
    """The words a student reads: without code spans and HTML tags (a lesson's file name, `02-turksib`,
    counts as its number: the Kazakh edition may name the lesson by its number and Kazakh title)."""
    text = CODE_SPAN.sub(lambda code: code[0][1:3] if LESSON.fullmatch(code[0]) else " ", text)
    return TAG.sub(" ", re.sub(r"<style>.*?</style>", " ", text, flags=re.DOTALL))


def source_text() -> str:
    return " ".join(histkit.load("sentences", lang="both")["text_kk"])


def quote_problems(text: str, source: str) -> list[str]:
    """Every «…» quotes the source word for word (an ellipsis may mark a cut)."""
    flat = re.sub(r"\s+", " ", source)
    problems = []
    for quote in QUOTE.findall(text):
        for part in re.split(r"\s*(?:…|\.\.\.)\s*", re.sub(r"\s+", " ", quote).strip()):
            if part and part not in flat:
                problems.append(f"«{quote}» is not word for word in the source")
                break
    return problems


def roman_problems(text: str) -> list[str]:
    return [f"Roman numeral {n} is typed with Cyrillic letters" for n in cyrillic_roman_numerals(prose(text), 2)]


def code_problems(english: str, kazakh: str) -> list[str]:
    ours, theirs = english.splitlines(), kazakh.splitlines()
    if len(ours) != len(theirs):
        return ["the code differs"]
    for mine, other in zip(ours, theirs, strict=True):
        if mine == other or (mine.startswith('LANG = "en"') and other.startswith('LANG = "kk"')):
            continue
        return [f"the code differs: {mine!r} / {other!r}"]
    return []


def parity_problems(english, kazakh, source: str) -> list[str]:
    """Everything that differs between an English lesson and its Kazakh edition, in words."""
    ids_en, ids_kk = [c.get("id") for c in english.cells], [c.get("id") for c in kazakh.cells]
    if ids_en != ids_kk:
        only_en = [i for i in ids_en if i not in ids_kk]
        only_kk = [i for i in ids_kk if i not in ids_en]
        return [f"the cells differ: only in English {only_en}, only in Kazakh {only_kk} (or not in the same order)"]
    problems = []
    for en, kk in zip(english.cells, kazakh.cells, strict=True):
        where = f"cell {en.id}"
        if en.cell_type != kk.cell_type:
            problems.append(f"{where}: {en.cell_type} in English, {kk.cell_type} in Kazakh")
        elif en.cell_type == "code":
            problems += [f"{where}: {p}" for p in code_problems(en.source, kk.source)]
        else:
            wrapped = WRAP.match(kk.source)
            if kk.metadata.get("histkit", {}).get("untranslated") or not wrapped:
                problems.append(f'{where}: not written in Kazakh and marked <div lang="kk"> (tools/editions.py)')
                continue
            inner = wrapped["inner"]
            ours, theirs = shape(en.source), shape(inner)
            problems += [
                f"{where}: {k}: {ours[k]} in English, {theirs[k]} in Kazakh" for k in ours if ours[k] != theirs[k]
            ]
            if figures(prose(en.source), "en") != figures(prose(inner), "kk"):
                only_en = sorted(figures(prose(en.source), "en") - figures(prose(inner), "kk"))
                only_kk = sorted(figures(prose(inner), "kk") - figures(prose(en.source), "en"))
                problems.append(f"{where}: figures only in English {only_en}, only in Kazakh {only_kk}")
            problems += [f"{where}: {p}" for p in quote_problems(inner, source) + roman_problems(inner)]
    return problems


def cyrillic_share(text: str) -> float:
    letters = [ch for ch in SENTENCE_ID.sub(" ", prose(text)) if ch.isalpha()]
    return sum(unicodedata.name(ch, "").startswith("CYRILLIC") for ch in letters) / max(len(letters), 1)


@pytest.fixture(scope="module")
def source():
    return source_text()


def test_every_lesson_has_a_kazakh_edition():
    missing = [kk.relative_to(ROOT).as_posix() for _, kk in PAIRS if not kk.exists()]
    assert not missing, f"no Kazakh edition: {missing}"
    extra = {p.name for p in (ROOT / "notebooks" / "kk").glob("*.ipynb")} - {p.name for p in ENGLISH}
    assert not extra, f"Kazakh editions without an English lesson: {sorted(extra)}"


@pytest.mark.parametrize("english, kazakh", PAIRS, ids=[p.stem for p in ENGLISH])
def test_the_editions_match(english, kazakh, source):
    problems = parity_problems(nbformat.read(english, 4), nbformat.read(kazakh, 4), source)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("english, kazakh", PAIRS, ids=[p.stem for p in ENGLISH])
def test_the_kazakh_edition_is_written_in_kazakh(english, kazakh):
    markdown = "\n".join(c.source for c in nbformat.read(kazakh, 4).cells if c.cell_type == "markdown")
    assert cyrillic_share(markdown) > 0.9


def test_parity_catches_every_kind_of_drift(source):
    english, kazakh = (nbformat.read(path, 4) for path in PAIRS[2])
    assert parity_problems(english, kazakh, source) == []
    first = next(i for i, c in enumerate(kazakh.cells) if c.cell_type == "markdown" and "s097" in c.source)

    def planted(change) -> list[str]:
        edition = copy.deepcopy(kazakh)
        change(edition.cells)
        return parity_problems(english, edition, source)

    added = planted(lambda cells: cells.insert(3, nbformat.v4.new_markdown_cell('<div lang="kk">\n\nЖаңа\n\n</div>')))
    assert len(added) == 1 and "only in Kazakh" in added[0]

    def edit(find, replace, index=first):
        return lambda cells: setattr(cells[index], "source", cells[index].source.replace(find, replace, 1))

    assert "sentence ids" in planted(edit("s097", "s098"))[0]
    figure = next(f for f in FIGURE.findall(SENTENCE_ID.sub("", kazakh.cells[first].source)))
    assert any("figures only" in p for p in planted(edit(figure, figure + "1")))
    assert any("not marked" in p or "not written" in p for p in planted(edit('<div lang="kk">', "<div>")))
    code = next(i for i, c in enumerate(kazakh.cells) if c.cell_type == "code" and "LANG" in c.source)
    assert "the code differs" in planted(edit('"kk"', '"en"', code))[0]
    assert "the code differs" in planted(edit("import histkit", "import histkit as hk", code))[0]
    assert "Cyrillic" in planted(edit("\n\n</div>", " ХІV съезд\n\n</div>"))[-1]
    assert "word for word" in planted(edit("\n\n</div>", " «ойдан шығарылған сөз»\n\n</div>"))[-1]


def test_quotes_and_numerals_rules_hold_on_known_text(source):
    assert quote_problems("«Түрксіб»", source) == []
    assert roman_problems("XIV съезд, «ХІV съезд»") == []
    assert roman_problems("ХІV съезд") == ["Roman numeral ХІV is typed with Cyrillic letters"]
    assert figures("84.4 per cent of 1,445 km in 1928–1932", "en") == figures(
        "1445 км-дің 84,4 пайызы, 1928–1932", "kk"
    )


KAZAKH_SKELETON = ("**Басты сұрақ:**", "**Jupyter дәптерімен алғаш жұмыс істейсіз бе? Алдымен осыны оқыңыз.**", "## Шолу", "## Алдын ала не білу керек", "| Ұғым | Маңызы | Ескертпе |",
                   "**Сабаққа кететін уақыт:**", "## Модульдерді жүктеу", "## Қорытынды",
                   "## Әрі қарай", "## Дереккөздер")  # fmt: skip


@pytest.mark.parametrize("english, kazakh", PAIRS, ids=[p.stem for p in ENGLISH])
def test_every_kazakh_lesson_uses_the_same_skeleton_words(english, kazakh):
    """The headings of docs/kazakh-style.md, so a class meets the same words in every lesson."""
    markdown = "\n".join(c.source for c in nbformat.read(kazakh, 4).cells if c.cell_type == "markdown")
    assert [h for h in KAZAKH_SKELETON if h not in markdown] == []
    skills = set(re.findall(r"Ойланыңыз \(([^)]*)\)", markdown))
    assert skills <= {"дереккөзді бағалау", "тарихи контекстке қою", "салыстыра тексеру", "мұқият оқу"}, skills
