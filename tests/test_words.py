"""Words on screen: every string file complete in both languages, every key the code asks for present,
shared words written once, and no lesson module holding screen text in Python."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from histkit.errors import LanguageError
from histkit.ui import words

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted(words.TEXT.glob("*.toml"))
LESSONS = ROOT / "histkit" / "lessons"
LESSON_FILES = sorted(p for p in LESSONS.rglob("*.py") if p != LESSONS / "__init__.py")
CYRILLIC = re.compile("[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def lesson_of(path: Path) -> str | None:
    """The lesson a source file belongs to: lessons/turksib.py and lessons/findings/views.py give turksib, findings."""
    parts = path.relative_to(ROOT / "histkit").with_suffix("").parts
    return parts[1] if parts[0] == "lessons" and len(parts) > 1 else None


def test_there_is_a_shared_file_and_one_per_lesson():
    assert {p.stem for p in FILES} == {lesson_of(p) for p in LESSON_FILES} | {"shared"}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_key_has_english_and_kazakh_with_the_same_placeholders(path):
    for key, both in words.table(path.stem).items():
        assert set(both) == set(words.LANGS), f"{path.name} [{key}]: needs exactly en and kk"
        assert all(isinstance(v, str) and v.strip() for v in both.values()), f"{path.name} [{key}]: empty words"
        assert placeholders(both["en"]) == placeholders(both["kk"]), f"{path.name} [{key}]: placeholders differ"


def test_shared_words_are_written_once():
    shared = words.table()
    for path in FILES:
        if path.stem != "shared":
            repeated = [k for k, v in words.table(path.stem).items() if shared.get(k) == v]
            assert not repeated, f"{path.name} repeats shared.toml: {repeated}"


def _calls_of_t(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "t" and node.args:
            yield node


@pytest.mark.parametrize("path", sorted((ROOT / "histkit").rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_key_the_code_asks_for_is_there(path):
    lesson = lesson_of(path)
    for call in _calls_of_t(ast.parse(path.read_text(encoding="utf-8"))):
        key = call.args[0]
        if isinstance(key, ast.Constant):
            uses_lesson = len(call.args) > 2 and isinstance(call.args[2], ast.Name) and call.args[2].id == "LESSON"
            assert words.has(key.value, lesson if uses_lesson else None), f"{path.name}:{call.lineno}: no {key.value!r}"


@pytest.mark.parametrize("path", LESSON_FILES, ids=lambda p: str(p.relative_to(LESSONS)))
def test_no_lesson_module_holds_screen_text(path):
    """No {'en': ..., 'kk': ...} tables, and Kazakh only in docstrings and in patterns that search the source."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    allowed = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and ast.get_docstring(node) is not None:
            allowed.add(id(node.body[0].value))
        if isinstance(node, ast.Call) and node.args and getattr(node.func, "attr", getattr(node.func, "id", "")) in {
            "findall", "finditer", "search", "fullmatch", "compile", "_matches",
        }:  # fmt: skip
            allowed.add(id(node.args[0]))
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "LOADED_WORDS" for t in node.targets):
            allowed.update(id(e) for e in node.value.elts)
        if isinstance(node, ast.Dict):
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
            assert not {"en", "kk"} <= keys, f"{path.name}:{node.lineno}: a table of words belongs in histkit/ui/text/"
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and CYRILLIC.search(node.value):
            assert id(node) in allowed, f"{path.name}:{node.lineno}: Kazakh words {node.value!r} belong in the TOML"


def test_the_lookup_falls_back_to_shared_words_and_checks_the_language():
    assert words.t("check", "kk", "turksib") == words.table()["check"]["kk"]
    assert words.t("gap", "en", "turksib", km="167") == "167 km missing"
    assert words.has("gap", "turksib") and not words.has("gap")
    with pytest.raises(LanguageError):
        words.t("check", "ru")


def test_import_histkit_reads_no_string_file():
    import subprocess
    import sys

    code = "import sys, histkit; print('tomllib' in sys.modules, 'histkit.ui.words' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


# --- Kazakh case endings (histkit.ui.words.ending) ------------------------------------------------

# Written from Kazakh grammar, not from the code: the last vowel sets back (а о ұ ы) or front (ә е ө ү і)
# endings; the last sound sets the first consonant (vowel; м н ң; ж з л р й у; voiceless and б в г д).
# A figure ends in the last word it is read with (1445: бес; 84,4: төрт; 1000: мың); км reads километр.
CASE_ORDER = ("genitive", "dative", "accusative", "locative", "ablative", "possessive", "plural")
KNOWN_FORMS = {
    0: "0-дің, 0-ге, 0-ді, 0-де, 0-ден, 0-і, 0-дер",  # нөл
    1: "1-дің, 1-ге, 1-ді, 1-де, 1-ден, 1-і, 1-лер",  # бір
    2: "2-нің, 2-ге, 2-ні, 2-де, 2-ден, 2-сі, 2-лер",  # екі
    3: "3-тің, 3-ке, 3-ті, 3-те, 3-тен, 3-і, 3-тер",  # үш
    5: "5-тің, 5-ке, 5-ті, 5-те, 5-тен, 5-і, 5-тер",  # бес
    6: "6-ның, 6-ға, 6-ны, 6-да, 6-дан, 6-сы, 6-лар",  # алты
    7: "7-нің, 7-ге, 7-ні, 7-де, 7-ден, 7-сі, 7-лер",  # жеті
    8: "8-дің, 8-ге, 8-ді, 8-де, 8-ден, 8-і, 8-дер",  # сегіз
    9: "9-дың, 9-ға, 9-ды, 9-да, 9-дан, 9-ы, 9-дар",  # тоғыз
    10: "10-ның, 10-ға, 10-ды, 10-да, 10-нан, 10-ы, 10-дар",  # он
    20: "20-ның, 20-ға, 20-ны, 20-да, 20-дан, 20-сы, 20-лар",  # жиырма
    40: "40-тың, 40-қа, 40-ты, 40-та, 40-тан, 40-ы, 40-тар",  # қырық (қырқы)
    50: "50-дің, 50-ге, 50-ді, 50-де, 50-ден, 50-і, 50-лер",  # елу
    80: "80-нің, 80-ге, 80-ді, 80-де, 80-нен, 80-і, 80-дер",  # сексен
    90: "90-ның, 90-ға, 90-ды, 90-да, 90-нан, 90-ы, 90-дар",  # тоқсан
    100: "100-дің, 100-ге, 100-ді, 100-де, 100-ден, 100-і, 100-дер",  # жүз
    1000: "1000-ның, 1000-ға, 1000-ды, 1000-да, 1000-нан, 1000-ы, 1000-дар",  # мың
    1445: "1445-тің, 1445-ке, 1445-ті, 1445-те, 1445-тен, 1445-і, 1445-тер",  # бір мың төрт жүз қырық бес
    "84,4": "84,4-тің, 84,4-ке, 84,4-ті, 84,4-те, 84,4-тен, 84,4-і, 84,4-тер",  # сексен төрт бүтін оннан төрт
    "s097": "s097-нің, s097-ге, s097-ні, s097-де, s097-ден, s097-сі, s097-лер",  # ... тоқсан жеті
    "Түрксіб": "Түрксібтің, Түрксібке, Түрксібті, Түрксібте, Түрксібтен, Түрксібі, Түрксібтер",
    "Балқаш": "Балқаштың, Балқашқа, Балқашты, Балқашта, Балқаштан, Балқашы, Балқаштар",
    "Қарағанды": "Қарағандының, Қарағандыға, Қарағандыны, Қарағандыда, Қарағандыдан, Қарағандысы, Қарағандылар",
    "км": "км-дің, км-ге, км-ді, км-де, км-ден, км-і, км-лер",
    "тонна": "тоннаның, тоннаға, тоннаны, тоннада, тоннадан, тоннасы, тонналар",
    "мың адам": "мың адамның, мың адамға, мың адамды, мың адамда, мың адамнан, мың адамы, мың адамдар",
    "жер": "жердің, жерге, жерді, жерде, жерден, жері, жерлер",
    "кітап": "кітаптың, кітапқа, кітапты, кітапта, кітаптан, кітабы, кітаптар",
}


@pytest.mark.parametrize("word", KNOWN_FORMS, ids=str)
def test_endings_follow_vowel_harmony_and_the_last_sound(word):
    assert [words.ending(word, case) for case in CASE_ORDER] == KNOWN_FORMS[word].split(", ")


def test_a_figure_given_as_a_number_is_written_as_histkit_writes_it():
    assert words.ending(84.4, "dative") == "84,4-ке" and words.ending(2902.0, "ablative") == "2902-ден"


def test_an_unknown_case_or_a_word_without_vowels_is_a_clear_error():
    with pytest.raises(LanguageError, match="possessive"):
        words.ending("Түрксіб", "instrumental")
    with pytest.raises(LanguageError, match="vowel"):
        words.ending("ПК", "dative")


def test_a_template_asks_for_an_ending_after_the_colon():
    assert words.t("qualifier_more than", "kk", value="10", unit="мың адам") == "10 мың адамнан астам"
    assert words.t("qualifier_more than", "kk", value="3", unit="км") == "3 км-ден астам"
    assert words.t("qualifier_more than", "en", value="10", unit="thousand people") == "more than 10 thousand people"


# The possessive a count takes in "{right} of {total}", 0 to 20, from the word it ends in.
POSSESSIVE_0_20 = [
    "і",
    "і",
    "сі",
    "і",
    "і",
    "і",
    "сы",
    "сі",
    "і",
    "ы",
    "ы",
    "і",
    "сі",
    "і",
    "і",
    "і",
    "сы",
    "сі",
    "і",
    "ы",
    "сы",
]


@pytest.mark.parametrize("total", range(21))
def test_the_sort_result_reads_right_for_every_count(total):
    for right in range(total + 1):
        said = words.t("sorted", "kk", right=right, total=total)
        assert f" {right}-{POSSESSIVE_0_20[right]} " in said, said
        assert f"{total} " in said and "{" not in said


# Endings a template may not glue to a placeholder: the helper writes them ({n:dative}). «мен/бен/пен»
# (and) after a placeholder changes with its last sound too: write "{a:ablative} {b:dative} дейін" or "және".
GLUED = re.compile(
    r"\}(-?(?:[ндт][ыі]ң|[гғкқ][аеә]|[нтд][ыі]|[дт][аеә]|[нтд][аеә]н|с?[ыі]|[лдт][аеә]р)\b|[а-яәғқңөұүһі]| [мбп]ен\b)"
)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_no_kazakh_template_glues_an_ending_to_a_placeholder(path):
    for key, both in words.table(path.stem).items():
        assert not GLUED.search(both["kk"]), f"{path.name} [{key}]: use {{name:case}} (histkit.ui.words.ending)"


def test_the_glue_check_catches_endings_but_not_ordinals():
    for glued in (
        "{total} деректің {right}-і",
        "{n}-ге",
        "{km} км-ден {v}-дан",
        "{value} {unit}нан астам",
        "{a} мен {b}",
    ):
        assert GLUED.search(glued), glued
    for fine in ("{n}-бағыт", "{rank}-орын", "{right:possessive}", "{km} км-ге", "{date} бастап", "{a} және {b}"):
        assert not GLUED.search(fine), fine


def _outside_quotes(text: str) -> str:
    return re.sub(r"«[^»]*»", "", text)


ROMAN_WITH_CYRILLIC = re.compile(r"\b(?=[IVXLCDMІХ]*[ІХ])[IVXLCDMІХ]{2,}\b|\b[ІХ]\b")
STYLE = (ROOT / "docs" / "kazakh-style.md").read_text(encoding="utf-8")
CALQUES = ["Әлі емес", "артқа қарап", "км тәулігіне", "кирилше", "кирилдің", "индустриализация", "біздің мәтін"]


def test_the_calques_checked_are_the_ones_the_style_guide_bans():
    for calque in CALQUES:
        assert calque in STYLE, calque


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_kazakh_words_follow_the_style_guide(path):
    """docs/kazakh-style.md: Roman numerals in Latin letters, no banned calque, finding = анықталған жайт."""
    for key, both in words.table(path.stem).items():
        kk = _outside_quotes(both["kk"])
        assert not ROMAN_WITH_CYRILLIC.search(kk), f"{path.name} [{key}]: a Roman numeral typed with Cyrillic І or Х"
        assert not [c for c in CALQUES if c.lower() in kk.lower()], f"{path.name} [{key}]: a calque"
        assert not re.search(r"сұрақ\w* .*сұрайды", kk, re.I), f"{path.name} [{key}]: «Сұрақ … сұрайды»"
        if re.search(r"\bfindings?\b", both["en"], re.I):
            assert "тұжырым" not in kk.lower() and "анықталған жайт" in kk.lower(), f"{path.name} [{key}]"


def test_the_style_check_catches_cyrillic_numerals_and_calques():
    assert ROMAN_WITH_CYRILLIC.search("БК(б)П-ның ХІV съезі")  # Cyrillic Х and І
    assert ROMAN_WITH_CYRILLIC.search("ХV съезд") and ROMAN_WITH_CYRILLIC.search("Х ғасыр")
    assert not ROMAN_WITH_CYRILLIC.search("XIV съезд, XV съезд, VI")
    assert not ROMAN_WITH_CYRILLIC.search(_outside_quotes("мәтінде «ХІV съезі» деп жазылған"))


def test_quotation_marks_only_quote_the_source():
    """«…» holds the source's own words (a placeholder in «…» is filled with words the code quotes from the data)."""
    source = (ROOT / "seeds" / "industrialization-of-kazakhstan-1925-1940.kk.txt").read_text(encoding="utf-8")
    for path in FILES:
        for key, both in words.table(path.stem).items():
            for quoted in re.findall(r"«([^»{}]*)»", both["kk"]):
                assert quoted in source, f"{path.name} [{key}]: «{quoted}» is not in the text"


def test_the_kazakh_answer_key_names_every_skill_in_kazakh():
    from histkit.ui import worksheets

    skills = set(load_exercises()["skill"])
    for lesson in set(load_exercises()["lesson"]):
        key = worksheets.sheet_html(lesson, "kk", key=True)
        used = set(load_exercises().query("lesson == @lesson")["skill"])
        for skill in skills:
            assert f"({skill})" not in key, f"{lesson}: English skill name {skill!r} in the Kazakh key"
        for skill in used:
            kazakh = words.t(f"skill_{skill}", "kk")
            assert CYRILLIC.search(kazakh) and f"({kazakh})" in key
            assert f"({skill})" in worksheets.sheet_html(lesson, "en", key=True)


def load_exercises():
    import histkit

    return histkit.load("exercises")
