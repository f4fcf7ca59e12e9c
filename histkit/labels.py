"""Words on screen that are not data: chart titles, axis labels, buttons, in English and Kazakh."""

from __future__ import annotations

import pandas as pd

from .errors import LanguageError

UI = {
    "source_one": {"en": "Source: sentence {ids} of the Kazakh text", "kk": "Дереккөз: мәтіннің {ids} сөйлемі"},
    "source_many": {"en": "Source: sentences {ids} of the Kazakh text", "kk": "Дереккөз: мәтіннің {ids} сөйлемдері"},
    "map_note": {
        "en": "Places: approximate coordinates from general knowledge, not the text. Border: present-day Kazakhstan (Natural Earth), for orientation",
        "kk": "Орындар: координаттар мәтіннен емес, жалпы мәліметтен алынды (шамамен). Шекара: қазіргі Қазақстан (Natural Earth)",
    },
    "economy_title": {
        "en": "Kazakhstan's economy before industrialization",
        "kk": "Индустрияландыру алдындағы Қазақстан экономикасы",
    },
    "economy_subtitle": {
        "en": "The text gives no year for these figures (the mid-1920s, by context)",
        "kk": "Мәтін бұл деректердің жылын көрсетпейді (мазмұнына қарағанда, 1920 жылдардың ортасы)",
    },
    "per_cent": {"en": "per cent", "kk": "пайыз"},
    "timeline_title": {"en": "Dated events in the text, {first}–{last}", "kk": "Мәтіндегі күні көрсетілген оқиғалар, {first}–{last}"},
    "timeline_subtitle": {
        "en": "Bar length shows how precise the printed date is: a dot for a day, a bar for a month or a year",
        "kk": "Белгінің ұзындығы — мәтіндегі күннің дәлдігі: нүкте — күн, жолақ — ай немесе жыл",
    },
    "planned": {"en": "Plan, not an outcome", "kk": "Жоспар, нәтиже емес"},
    "year": {"en": "Year", "kk": "Жыл"},
    "category_policy": {"en": "Party and state", "kk": "Партия мен мемлекет"},
    "category_debate": {"en": "Debate", "kk": "Пікірталас"},
    "category_economy": {"en": "Economy", "kk": "Экономика"},
    "category_industry": {"en": "Industry", "kk": "Өнеркәсіп"},
    "category_turksib": {"en": "Turksib", "kk": "Түрксіб"},
    "category_labour": {"en": "Labour", "kk": "Еңбек"},
    "check": {"en": "Check", "kk": "Тексеру"},
    "correct": {"en": "Correct.", "kk": "Дұрыс."},
    "not_yet": {"en": "Not yet.", "kk": "Әлі дұрыс емес."},
    "choose": {"en": "Choose an answer first.", "kk": "Алдымен жауапты таңдаңыз."},
    "dataset": {"en": "Dataset", "kk": "Деректер"},
    "language": {"en": "Language", "kk": "Тіл"},
    "rows_shown": {"en": "Showing {n} of {total} rows", "kk": "{total} жолдың {n} жолы көрсетілді"},
    "sources_of_rows": {"en": "The sentences these rows come from", "kk": "Бұл жолдар алынған сөйлемдер"},
    "static_note": {
        "en": "A printed copy of an interactive widget: to use it, open this lesson in JupyterLab, in Voilà or on Binder.",
        "kk": "Бұл — интерактивті виджеттің басуға арналған көшірмесі: оны қолдану үшін сабақты JupyterLab, Voilà немесе Binder арқылы ашыңыз.",
    },
    "chart_alt": {"en": "The chart as it first appears", "kk": "Диаграмманың алғашқы көрінісі"},
}


MONTH_NAMES = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
    "kk": ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша",
           "желтоқсан"],
}  # fmt: skip


def date_words(year, month=None, day=None, lang: str = "en") -> str:
    """A date in words, with only the parts given: '28 April 1930', 'April 1930', '1930';
    in Kazakh in the text's own order: '1930 ж. 28 сәуір'."""
    month_name = MONTH_NAMES[check_lang(lang)][int(month) - 1] if pd.notna(month) else ""
    day_text = str(int(day)) if pd.notna(day) else ""
    parts = [f"{int(year)} ж.", day_text, month_name] if lang == "kk" else [day_text, month_name, str(int(year))]
    return " ".join(p for p in parts if p)


def check_lang(lang: str) -> str:
    """Return lang if it is 'en' or 'kk'; charts and widgets show one language at a time."""
    if lang not in ("en", "kk"):
        raise LanguageError(f"lang must be 'en' (English) or 'kk' (Kazakh), not {lang!r}.")
    return lang


def text(key: str, lang: str, table: dict | None = None, **values) -> str:
    """The words for key in lang, from table (default: the shared UI words), filled with values."""
    words = (table or UI)[key][check_lang(lang)]
    return words.format(**values) if values else words
