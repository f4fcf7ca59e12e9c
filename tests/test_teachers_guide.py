"""The teachers' guide in Kazakh (docs/teachers.kk.md) says what the English guide (docs/teachers.md) says.

Section by section (the headings pair them), the two guides must have the same tables and rows, list items,
sentence ids, figures written in digits, inline code, code blocks and link targets; lesson paths in the Kazakh
guide go to the Kazakh edition (notebooks/kk/). Expected values come from the English guide, the source text
and the README, never from the Kazakh guide itself.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from conftest import ROOT, cyrillic_roman_numerals

ENGLISH = (ROOT / "docs" / "teachers.md").read_text(encoding="utf-8")
KAZAKH = (ROOT / "docs" / "teachers.kk.md").read_text(encoding="utf-8")
SOURCE = (ROOT / "seeds" / "industrialization-of-kazakhstan-1925-1940.kk.txt").read_text(encoding="utf-8")
SWITCH = {"en": "Қазақша: [docs/teachers.kk.md](teachers.kk.md)", "kk": "English: [teachers.md](teachers.md)"}
OPEN, CLOSE = '<div lang="kk">', "</div>"

FENCE = re.compile(r"^```[^\n]*\n(.*?)^```$", re.M | re.S)
HEADING = re.compile(r"^(#{1,6}) ", re.M)
CODE = re.compile(r"`([^`\n]+)`")
LINK = re.compile(r"\]\(([^)\s]+)\)|<(https?://[^>\s]+)>")
SENTENCE_ID = re.compile(r"\bs\d{3}\b")
QUOTE = re.compile(r"«([^«»]*)»")
MONTHS = "қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан".split()  # noqa: SIM905
KAZAKH_DATE = re.compile(r"(\d{4}) жылғы (\d{1,2}) (" + "|".join(MONTHS) + ")")
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
ENGLISH_MONTHS = "January February March April May June July August September October November December".split()  # noqa: SIM905
ENGLISH_DATE = re.compile(r"\b(\d{1,2}) (" + "|".join(ENGLISH_MONTHS) + r") (\d{4})\b")
REFERENCE = re.compile(r"^- .*<https?://.*$", re.M)  # an entry of the works cited: kept as published
# The Kazakh guide's lesson paths are the English guide's with the edition's folder added.
EDITION = [(r"notebooks/kk/(\d\d-)", r"notebooks/\1"), (r"notebooks%2Fkk%2F(\d\d-)", r"notebooks%2F\1")]  # lesson paths


def body(text: str, lang: str) -> str:
    """The guide below its language-switch line, and for Kazakh inside its <div lang="kk">."""
    first, _, rest = text.partition("\n")
    assert first == SWITCH[lang], f"the {lang} guide must start with {SWITCH[lang]!r}"
    if lang == "kk":
        rest = rest.strip()
        assert rest.startswith(OPEN + "\n\n") and rest.endswith("\n\n" + CLOSE), "wrap the page in <div lang='kk'>"
        rest = rest[len(OPEN) : -len(CLOSE)]
        for kazakh, english in EDITION:
            rest = re.sub(kazakh, english, rest)
    return rest


def sections(text: str) -> list[tuple[str, str]]:
    """(heading marks, text) for each part of the guide, split at its headings (none inside code blocks)."""
    marks = [
        m for m in HEADING.finditer(text) if not any(f.start() < m.start() < f.end() for f in FENCE.finditer(text))
    ]
    starts = [0] + [m.start() for m in marks]
    return [(m.group(1) if m else "", text[a:b]) for m, a, b in zip([None, *marks], starts, [*starts[1:], len(text)])]


def prose(text: str) -> str:
    """The words a reader reads: no code, no link targets, no HTML tags."""
    text = FENCE.sub(" ", text)
    text = CODE.sub(" ", text)
    text = LINK.sub("]", text)
    return re.sub(r"<[^>\n]+>", " ", text)


def figures(text: str, lang: str) -> Counter:
    """Numbers written in digits, as values: 84,4 (Kazakh) = 84.4 (English), 1,445 (English) = 1445."""
    text = SENTENCE_ID.sub(" ", prose(text))
    if lang == "en":
        text = ISO_DATE.sub(lambda m: f"date{m[1]}{m[2]}{m[3]}", text)
        text = ENGLISH_DATE.sub(lambda m: f"date{m[3]}{ENGLISH_MONTHS.index(m[2]) + 1:02}{int(m[1]):02}", text)
        text = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", text)
    else:
        text = KAZAKH_DATE.sub(lambda m: f"date{m[1]}{MONTHS.index(m[3]) + 1:02}{int(m[2]):02}", text)
        text = re.sub(r"(?<=\d)[\u00a0\u202f ](?=\d{3}(?!\d))", "", text)
        text = re.sub(r"(?<=\d),(?=\d)", ".", text)
    return Counter(re.findall(r"(?:date)?\d+(?:\.\d+)?", text))


def fenced_code(text: str) -> list[str]:
    """Code blocks without their comments, which may be translated."""
    return [re.sub(r"\s+# .*$", "", block, flags=re.M) for block in FENCE.findall(text)]


MEASURES = {
    "table rows": lambda text, lang: [len(t.splitlines()) for t in re.findall(r"(?:^\|.*\n?)+", text, re.M)],
    "list items": lambda text, lang: len(re.findall(r"^\s*(?:[-*+]|\d+\.) ", FENCE.sub("", text), re.M)),
    "sentence ids": lambda text, lang: Counter(SENTENCE_ID.findall(text)),
    "figures": figures,
    "inline code": lambda text, lang: set(CODE.findall(FENCE.sub("", text))),
    "code blocks": lambda text, lang: fenced_code(text),
    "link targets": lambda text, lang: Counter(a or b for a, b in LINK.findall(FENCE.sub("", text))),
}


def describe(want, got) -> str:
    """The difference in one line: what only one guide has, or both values where order or count matters."""
    if isinstance(want, set):
        want, got = Counter(want), Counter(got)
    if isinstance(want, Counter):
        return f"only in English {sorted((want - got).elements())}, only in Kazakh {sorted((got - want).elements())}"
    return f"English {want}, Kazakh {got}"


def differences(english: str, kazakh: str) -> list[str]:
    """What the Kazakh guide does not share with the English one, in words."""
    en, kk = sections(body(english, "en")), sections(body(kazakh, "kk"))
    levels = [marks for marks, _ in en], [marks for marks, _ in kk]
    if levels[0] != levels[1]:
        return [f"heading levels differ: English {levels[0]}, Kazakh {levels[1]}"]
    found = []
    for number, ((_, en_text), (_, kk_text)) in enumerate(zip(en, kk)):
        title = en_text.splitlines()[0] if number else "(before the first heading)"
        for name, measure in MEASURES.items():
            want, got = measure(en_text, "en"), measure(kk_text, "kk")
            if want != got:
                found.append(f"{title}: {name} differ: {describe(want, got)}")
    return found


def structure(kazakh: str) -> list[str]:
    return differences(ENGLISH, kazakh)


def english_lesson_paths(kazakh: str) -> list[str]:
    """Lesson paths in the Kazakh guide's code and links that do not go to the Kazakh edition."""
    kazakh = kazakh.partition("\n")[2]
    code_and_links = FENCE.findall(kazakh) + CODE.findall(kazakh) + [a or b for a, b in LINK.findall(kazakh)]
    lesson = r"notebooks(?:/|%2F)(?:kk(?:/|%2F))?\d\d-[^\s`)]*\.ipynb"
    paths = [p for text in code_and_links for p in re.findall(lesson, text)]
    assert paths, "the Kazakh guide gives no lesson path"
    return [p for p in paths if not re.match(r"notebooks(?:/|%2F)kk(?:/|%2F)\d\d-", p)]


def lesson_titles(kazakh: str) -> list[str]:
    """Lessons whose row in the lesson table lacks the Kazakh title the README gives it."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    titles = dict(re.findall(r"^\| `(\d\d-[\w-]+)` \| ([^|]*[әғқңөұүһі][^|]*?) \| \d+ мин \|", readme, re.M))
    rows = {name: row for row in kazakh.splitlines() for name in re.findall(r"^\| .*?`(\d\d-[\w-]+)`", row)}
    assert len(titles) == 6 and rows.keys() == titles.keys()
    return [name for name, title in titles.items() if f"*{title}*" not in rows[name]]


def cyrillic_share(text: str) -> float:
    letters = re.findall(r"[^\W\d_]", text)
    return sum("\u0400" <= c <= "\u04ff" for c in letters) / len(letters)


def latin_prose(kazakh: str) -> list[str]:
    """Names of tools and menus stay as the screen shows them; the rest is Kazakh. The works cited keep their
    titles, authors and publishers as published, so they are left out of the count, but each says in Kazakh
    what was read."""
    text = body(kazakh, "kk")
    share = cyrillic_share(prose(REFERENCE.sub(" ", text)))
    found = [] if share > 0.9 else [f"only {share:.1%} of the letters are Cyrillic"]
    note = re.compile(r" Оқылған беті: <[^>]+> \([а-яәғқңөұүһі -]+\)\.$")
    return found + [r for r in REFERENCE.findall(text) if not note.search(r)]


def decimal_points(kazakh: str) -> list[str]:
    """84,4 as histkit writes it: a point stays only in a version (Python 3.11+, WCAG 2.1)."""
    text = prose(REFERENCE.sub(" ", body(kazakh, "kk")))
    return re.findall(r"(?<!Python )(?<!WCAG )\b\d+\.\d+", text)


def cyrillic_numerals(kazakh: str) -> list[str]:
    """Roman numerals typed with Cyrillic І or Х, outside a quotation of the source."""
    return cyrillic_roman_numerals(prose(body(kazakh, "kk")))


def unsourced_quotes(kazakh: str) -> list[str]:
    """«…» only around the source's own words, or inside a published title the English guide gives too."""
    quoted = [" ".join(q.split()) for q in QUOTE.findall(prose(body(kazakh, "kk")))]  # a line break is a space
    assert quoted
    in_source = lambda q: re.search(rf"(?<!\w){re.escape(q)}(?!\w)", SOURCE)  # whole words, not part of one
    return [q for q in quoted if not in_source(q) and f"«{q}»" not in ENGLISH]


CHECKS = {
    check.__name__: check
    for check in (
        structure,
        english_lesson_paths,
        lesson_titles,
        latin_prose,
        decimal_points,
        cyrillic_numerals,
        unsourced_quotes,
    )
}


def test_the_guides_link_each_other_and_the_kazakh_page_is_marked_kazakh():
    assert body(ENGLISH, "en") and body(KAZAKH, "kk")  # body() checks the first line and the wrapper


@pytest.mark.parametrize("check", CHECKS)
def test_the_kazakh_guide(check):
    assert CHECKS[check](KAZAKH) == []


PLANTED = [  # (what is planted, text in the Kazakh guide, the text put in its place, the check that must fail)
    ("a figure changed", "306–319 MiB", "306–391 MiB", "structure"),
    ("a sentence id dropped", "(`s043`)", "", "structure"),
    ("a table row dropped", "| 60 | 32 GiB | 8 | 45 с (4 ядромен 90 с) |\n", "", "structure"),
    ("two list items merged", "талқылаңыз.\n- **Қарлаг", "талқылаңыз. **Қарлаг", "structure"),
    ("a command changed", "`sudo tljh-config reload`", "`sudo tljh-config restart`", "structure"),
    ("a link changed", "(https://z2jh.jupyter.org/)", "(https://z2jh.jupyter.org/en/)", "structure"),
    ("a heading level changed", "### Сыныпқа", "## Сыныпқа", "structure"),
    (
        "a lesson path left in English",
        "notebooks/kk/02-turksib.ipynb ",
        "notebooks/02-turksib.ipynb ",
        "english_lesson_paths",
    ),
    ("a lesson title reworded", "*Сандарды тексеру: дереккөзді", "*Сандарды тексеру: мәтінді", "lesson_titles"),
    ("a paragraph left in English", "Маңызды баптаулар:", "Settings that matter: " + "the hub " * 400, "latin_prose"),
    ("a decimal point", "0,45 GiB", "0.45 GiB", "decimal_points"),
    ("a Cyrillic Roman numeral", "(1925–1940)", "(ХХ ғасыр)", "cyrillic_numerals"),
    ("a quotation the source does not hold", "«шовинистік көзқараста»", "«шовинист»", "unsourced_quotes"),
]


@pytest.mark.parametrize(("old", "new", "check"), [p[1:] for p in PLANTED], ids=[p[0] for p in PLANTED])
def test_each_check_fails_on_a_planted_defect(old, new, check):
    assert old in KAZAKH
    assert CHECKS[check](KAZAKH.replace(old, new, 1)) != []
