"""Checking the numbers (lesson 04): what a careful reader finds in the text, and the calculations behind it.

Each finding is a row of ``data/findings.csv``: its kind, the sentences involved,
what a careful reader concludes, and the name of the function here that computes
it from the data tables. Every function is pure: it reads the tables through
:func:`histkit.load` and returns a small DataFrame, so a changed figure in the
data changes the result.

>>> from histkit import findings
>>> findings.stage_sum()                 # the Turksib stages against the printed total
>>> findings.check("freight_unit")       # any finding's calculation, by finding id
>>> findings.explorer("en")              # the widget: pick a kind, then a finding

This module imports matplotlib only inside the chart functions and ipywidgets
only inside :func:`explorer`.
"""

from __future__ import annotations

import html
import inspect
import numbers
import re
import unicodedata

import pandas as pd

from . import cite, load, sentence
from .display import HTML
from .labels import MONTH_NAMES, check_lang, date_words, text
from .provenance import numbers_in, split_ids

KINDS = (
    "sourcing", "arithmetic", "units", "contradiction", "claim_vs_evidence",
    "vague_reference", "name", "plan_vs_outcome", "perspective", "typo",
)  # fmt: skip
VERDICTS = ("problem", "unclear", "holds", "standpoint")

UI = {
    # kinds of finding
    "kind_sourcing": {"en": "Sourcing: author, date, standpoint", "kk": "Дереккөз: авторы, уақыты, көзқарасы"},
    "kind_arithmetic": {"en": "Arithmetic with the text's own figures", "kk": "Мәтіннің өз сандарымен есеп"},
    "kind_units": {"en": "Units: what does the figure measure?", "kk": "Өлшем бірлігі: сан нені өлшейді?"},
    "kind_contradiction": {"en": "Contradiction between passages", "kk": "Үзінділер арасындағы қайшылық"},
    "kind_claim_vs_evidence": {"en": "Claim and evidence do not match", "kk": "Тұжырым мен дәлел сәйкес емес"},
    "kind_vague_reference": {"en": "Vague reference: when? where? how much?", "kk": "Бұлыңғыр дерек: қашан? қайда? қанша?"},
    "kind_name": {"en": "Name out of its time or place", "kk": "Уақытына не орнына сай емес атау"},
    "kind_plan_vs_outcome": {"en": "Plan or outcome?", "kk": "Жоспар ма, нәтиже ме?"},
    "kind_perspective": {"en": "Perspective and loaded words", "kk": "Көзқарас және бағалауыш сөздер"},
    "kind_typo": {"en": "Printing slip", "kk": "Басылымдағы қате"},
    "about_sourcing": {"en": "What the text reveals about who wrote it, when, and from what standpoint.",
                       "kk": "Мәтінді кім, қашан және қандай көзқараспен жазғаны туралы мәтіннің өзі не айтады."},
    "about_arithmetic": {"en": "The text's own figures, added or divided, do or do not agree.",
                         "kk": "Мәтіннің өз сандарын қосқанда не бөлгенде олар бір-біріне сәйкес келе ме, жоқ па."},
    "about_units": {"en": "A figure with a wrong or missing unit, or a share that does not say of what.",
                    "kk": "Өлшем бірлігі қате не жоқ сан, немесе неден алынғаны айтылмаған үлес."},
    "about_contradiction": {"en": "Two passages that cannot both be true as written.",
                            "kk": "Жазылғандай екеуі бірдей шын бола алмайтын екі үзінді."},
    "about_claim_vs_evidence": {"en": "The evidence offered does not show what the claim says.",
                                "kk": "Келтірілген дәлел тұжырымның айтқанын көрсетпейді."},
    "about_vague_reference": {"en": "A date, place, amount or measure is left out, so the statement cannot be checked.",
                              "kk": "Күні, орны, мөлшері не көрсеткіші айтылмаған, сондықтан тексеру мүмкін емес."},
    "about_name": {"en": "A place or state called by a name it did not have at the time, or by an imprecise one.",
                   "kk": "Жер не мемлекет сол кезде болмаған немесе дәл емес атаумен аталған."},
    "about_plan_vs_outcome": {"en": "A target and a result compared, or confused.",
                              "kk": "Жоспар мен нәтиже салыстырылған немесе шатастырылған."},
    "about_perspective": {"en": "Loaded words, framing and the choice of voices: where the text takes sides.",
                          "kk": "Бағалауыш сөздер, тұжырымдау және кімнің сөзі келтірілгені: мәтін қай жақта тұр."},
    "about_typo": {"en": "A slip in the printed text.", "kk": "Басылған мәтіндегі қате."},
    # verdicts
    "verdict_problem": {"en": "Problem", "kk": "Мәселе"},
    "verdict_unclear": {"en": "Unclear", "kk": "Анық емес"},
    "verdict_holds": {"en": "Check passes", "kk": "Тексеруден өтті"},
    "verdict_standpoint": {"en": "Standpoint", "kk": "Көзқарас"},
    "verdict_about_problem": {"en": "as printed, the text is wrong or disagrees with itself",
                              "kk": "жазылғандай мәтін қате немесе өзіне-өзі қайшы"},
    "verdict_about_unclear": {"en": "the text can be read two ways, or gives too little to check",
                              "kk": "мәтінді екі түрлі оқуға болады немесе тексеруге дерек жетпейді"},
    "verdict_about_holds": {"en": "the check passes", "kk": "тексеруден өтті"},
    "verdict_about_standpoint": {"en": "not right or wrong: it shows the author's point of view",
                                 "kk": "дұрыс не бұрыс емес: автордың көзқарасын көрсетеді"},
    # explorer and cards
    "kind": {"en": "Kind", "kk": "Түрі"},
    "finding": {"en": "Finding", "kk": "Тұжырым"},
    "sentences": {"en": "The sentences", "kk": "Сөйлемдер"},
    "calculation": {"en": "The calculation, done now from the data", "kk": "Деректерден қазір жасалған есеп"},
    "no_calculation": {"en": "Nothing to calculate: this finding comes from reading the words closely.",
                       "kk": "Есептейтін ештеңе жоқ: бұл тұжырым сөздерді мұқият оқудан шығады."},
    "conclusion": {"en": "What a careful reader concludes", "kk": "Мұқият оқырманның қорытындысы"},
    "general_knowledge": {"en": "This finding uses general knowledge that is not in the text (marked in the explanation).",
                          "kk": "Бұл тұжырым мәтінде жоқ жалпы мәліметті пайдаланады (түсіндірмеде белгіленген)."},
    "corroborate": {"en": "Sources that could confirm or challenge it", "kk": "Мұны растай не теріске шығара алатын дереккөздер"},
    # result tables: column headers
    "col_what": {"en": "What", "kk": "Не"},
    "col_value": {"en": "Value", "kk": "Мәні"},
    "col_unit": {"en": "Unit", "kk": "Бірлігі"},
    "col_how": {"en": "How it is worked out", "kk": "Қалай есептелді"},
    "col_sentence_id": {"en": "Sentences", "kk": "Сөйлемдер"},
    "col_text": {"en": "Text", "kk": "Мәтін"},
    "col_word": {"en": "Words as printed", "kk": "Басылған сөз"},
    "col_gloss": {"en": "What the words do", "kk": "Сөздің мәні"},
    "col_name": {"en": "Enterprise", "kk": "Кәсіпорын"},
    "col_industry": {"en": "Industry", "kk": "Сала"},
    "col_action": {"en": "What was done", "kk": "Не істелді"},
    "col_period": {"en": "When", "kk": "Қашан"},
    "col_share": {"en": "Share (per cent)", "kk": "Үлесі (пайыз)"},
    "col_of_what": {"en": "Share of", "kk": "Неден алынған үлес"},
    "col_scope": {"en": "Whose total", "kk": "Кімнің жалпы көлемі"},
    "col_speaker": {"en": "Who is quoted", "kk": "Кімнің сөзі"},
    "col_quotations": {"en": "Quotations", "kk": "Дәйексөз саны"},
    "col_words": {"en": "Words quoted (Kazakh)", "kk": "Сөз саны (қазақша)"},
    "col_label": {"en": "Event", "kk": "Оқиға"},
    "col_date": {"en": "Date as printed", "kk": "Басылған күні"},
    "col_status": {"en": "Plan or outcome", "kk": "Жоспар ма, нәтиже ме"},
    "col_origin": {"en": "From", "kk": "Қайдан"},
    "col_goods": {"en": "Goods", "kk": "Жүк"},
    "col_destination": {"en": "To", "kk": "Қайда"},
    "col_numeral": {"en": "Numeral as printed", "kk": "Басылған цифр"},
    "col_letters": {"en": "Its letters", "kk": "Әріптері"},
    "col_ending": {"en": "End of the sentence", "kk": "Сөйлемнің соңы"},
    "col_team": {"en": "Team", "kk": "Топ"},
    "col_region": {"en": "Region", "kk": "Аймақ"},
    "col_result": {"en": "What they concluded", "kk": "Қорытындысы"},
    "col_side": {"en": "Side", "kk": "Бөлігі"},
    "col_length": {"en": "Length (km)", "kk": "Ұзындығы (км)"},
    "col_title": {"en": "Finding", "kk": "Тұжырым"},
    "col_kind": {"en": "Kind", "kk": "Түрі"},
    "col_corroborate": {"en": "Sources that could confirm or challenge it", "kk": "Растай не теріске шығара алатын дереккөздер"},
    "col_total": {"en": "All", "kk": "Барлығы"},
    # units and small words
    "km": {"en": "km", "kk": "км"},
    "km_day": {"en": "km a day", "kk": "км тәулігіне"},
    "m_day": {"en": "metres a day", "kk": "метр тәулігіне"},
    "days": {"en": "days", "kk": "күн"},
    "times": {"en": "times", "kk": "есе"},
    "months": {"en": "months", "kk": "ай"},
    "years": {"en": "years", "kk": "жыл"},
    "year": {"en": "year", "kk": "жыл"},
    "tonnes": {"en": "tonnes", "kk": "тонна"},
    "per_cent": {"en": "per cent", "kk": "пайыз"},
    "count": {"en": "count", "kk": "саны"},
    "north": {"en": "North", "kk": "Солтүстік"},
    "south": {"en": "South", "kk": "Оңтүстік"},
    "yes": {"en": "yes", "kk": "иә"},
    "latin": {"en": "Latin", "kk": "латын"},
    "cyrillic": {"en": "Cyrillic", "kk": "кирилл"},
    "planned": {"en": "plan", "kk": "жоспар"},
    "reported": {"en": "outcome", "kk": "нәтиже"},
    "scope_USSR": {"en": "the USSR (the text says so)", "kk": "КСРО (мәтінде айтылған)"},
    "scope_ambiguous": {"en": "ambiguous: the USSR or Kazakhstan", "kk": "екіұшты: КСРО ма, Қазақстан ба"},
    "scope_not stated": {"en": "not stated", "kk": "айтылмаған"},
    # stage_sum
    "stage_row": {"en": "{side}: {period}", "kk": "{side}: {period}"},
    "north_sum": {"en": "North: the stages added", "kk": "Солтүстік: кезеңдердің қосындысы"},
    "south_sum": {"en": "South", "kk": "Оңтүстік"},
    "together": {"en": "North and south together", "kk": "Солтүстік пен оңтүстік бірге"},
    "total_printed": {"en": "Total length, as printed", "kk": "Жалпы ұзындығы, мәтінде"},
    "gap": {"en": "Not accounted for by the stages", "kk": "Кезеңдермен түсіндірілмеген бөлігі"},
    "together_other": {"en": "Other reading: if {km} km is the total reached by {year}, the stages give",
                       "kk": "Басқа оқылым: егер {km} км {year} жылға дейінгі жалпы ұзындық болса, кезеңдер береді"},
    "gap_other": {"en": "Other reading: not accounted for", "kk": "Басқа оқылым: түсіндірілмеген бөлігі"},
    # pace_check and rate_comparison
    "max_rate": {"en": "Most track laid in a day in Soviet times ('up to')", "kk": "Кеңес заманында тәулігіне салынған ең көп жол («дейін»)"},
    "avg_rate": {"en": "Average working speed", "kk": "Жұмыстың орташа жылдамдығы"},
    "avg_over_max": {"en": "Average divided by maximum", "kk": "Орташаның ең жоғарғыға қатынасы"},
    "days_needed": {"en": "Days needed for the {km} km of {year} at the average", "kk": "{year} жылғы {km} км-ге орташа жылдамдықпен керек күн"},
    "whole_year": {"en": "Average if the {km} km took the whole of {year}", "kk": "{km} км бүкіл {year} жылға созылса, орташа жылдамдық"},
    "tsar_rate": {"en": "Under the tsar ('{q}')", "kk": "Патша заманында («{q}»)"},
    "soviet_rate": {"en": "In Soviet times ('{q}')", "kk": "Кеңес заманында («{q}»)"},
    "rate_ratio": {"en": "Soviet figure divided by tsarist figure", "kk": "Кеңестік санның патша кезіндегі санға қатынасы"},
    "q_on average": {"en": "on average", "kk": "орта есеппен"},
    "q_up to": {"en": "up to", "kk": "дейін"},
    "q_about": {"en": "about", "kk": "шамамен"},
    "q_more than": {"en": "more than", "kk": "астам"},
    "avg_vs_max": {"en": "an average against a maximum", "kk": "орташа көрсеткіш пен ең жоғарғы көрсеткіш"},
    "same_kind": {"en": "figures of the same kind", "kk": "бірдей көрсеткіштер"},
    # freight
    "freight_printed": {"en": "Freight in {year}, as printed", "kk": "{year} жылғы жүк, мәтінде"},
    "in_tonnes": {"en": "Freight in {year}, in tonnes", "kk": "{year} жылғы жүк, тоннамен"},
    "literal_growth": {"en": "Growth {first}–{last}, read literally", "kk": "{first}–{last} жылдардағы өсу, сөзбе-сөз оқысақ"},
    "literal_change": {"en": "Change, read literally", "kk": "Өзгеріс, сөзбе-сөз оқысақ"},
    "thousand_growth": {"en": "Growth if the {year} figure is in thousand tonnes", "kk": "{year} жылғы сан мың тоннамен болса, өсу"},
    "printed_growth": {"en": "Growth as printed in the same sentence ('{q}')", "kk": "Сол сөйлемдегі өсу («{q}»)"},
    "cargo_row": {"en": "{cargo}", "kk": "{cargo}"},
    "all_computed": {"en": "All freight, computed (the {year} figure read in thousand tonnes)", "kk": "Барлық жүк, есептелген ({year} жылғы сан мың тоннамен)"},
    "faster_kinds": {"en": "Kinds of cargo said to grow faster than all freight", "kk": "Жалпы жүктен жылдам өскен жүк түрлері"},
    # investment years
    "span_months": {"en": "Months from {start} to {end}", "kk": "{start} мен {end} аралығындағы ай"},
    "span_years": {"en": "The same, in years", "kk": "Соның жылмен саны"},
    "printed_years": {"en": "Years, as printed ('three')", "kk": "Мәтіндегі жыл саны («үш»)"},
    "difference": {"en": "Difference", "kk": "Айырма"},
    "before_congress": {"en": "Months of spending before the congress of {date}", "kk": "{date} съезіне дейін қаржы жұмсалған ай"},
    # percent_check
    "figures_in": {"en": "Figures printed in {sid}", "kk": "{sid} сөйлеміндегі сандар"},
    "percent_words": {"en": "Times the word 'пайыз' (per cent) is printed", "kk": "«Пайыз» сөзі қанша рет жазылған"},
    # output ratios
    "ratio_row": {"en": "{product}, {year} against {base}", "kk": "{product}, {year} жыл {base} жылмен салыстырғанда"},
    # output_before_traffic
    "months_before_junction": {"en": "Months of {year} before the two parts met ({date})", "kk": "{year} жылының екі бөлік түйіскенге ({date}) дейінгі айлары"},
    "months_with_regular": {"en": "Months of {year} with regular traffic", "kk": "{year} жылының тұрақты қозғалыс болған айлары"},
    "months_after": {"en": "Months from the end of {year} to regular traffic ({date})", "kk": "{year} жылы біткеннен тұрақты қозғалысқа ({date}) дейінгі айлар"},
    "economic_year": {"en": "economic year from {month} (as the plan began in s073)", "kk": "шаруашылық жыл {month} айынан басталады (s073-тегі бесжылдық сияқты)"},
    # schedule_check
    "restart": {"en": "Building taken up again", "kk": "Құрылыс қайта қолға алынды"},
    "restart_plus_plan": {"en": "Restart plus the years set in the plan", "kk": "Қайта басталған жыл және жоспардағы жылдар"},
    "restart_plus_actual": {"en": "Restart plus the years it took", "kk": "Қайта басталған жыл және кеткен жылдар"},
    "planned_completion": {"en": "Year set for completion", "kk": "Аяқтауға белгіленген жыл"},
    "planned_operation": {"en": "Year set for operation", "kk": "Пайдалануға беруге белгіленген жыл"},
    "junction": {"en": "The two parts met", "kk": "Екі бөлік түйісті"},
    "regular": {"en": "Regular traffic began", "kk": "Тұрақты қозғалыс басталды"},
    "early_completion": {"en": "Years early against the completion date", "kk": "Аяқтау мерзімінен қанша жыл бұрын"},
    "early_operation": {"en": "Years early against the operation date", "kk": "Пайдалануға беру мерзімінен қанша жыл бұрын"},
    "early_printed": {"en": "Years early, as printed", "kk": "Мәтін бойынша қанша жыл бұрын"},
    # charts
    "stage_title": {"en": "Do the Turksib stages add up to 1445 km?", "kk": "Түрксіб кезеңдері 1445 км-ге жете ме?"},
    "stage_subtitle": {"en": "Track laid by stage, as printed, against the total length the text gives",
                       "kk": "Мәтіндегі кезеңдер бойынша төселген жол және мәтіндегі жалпы ұзындық"},
    "stages_bar": {"en": "Stages in the text", "kk": "Мәтіндегі кезеңдер"},
    "total_bar": {"en": "Total length in the text", "kk": "Мәтіндегі жалпы ұзындық"},
    "gap_label": {"en": "{km} km not accounted for", "kk": "{km} км түсіндірілмеген"},
    "north_stage": {"en": "North, {period}", "kk": "Солтүстік, {period}"},
    "south_stage": {"en": "South, {period}", "kk": "Оңтүстік, {period}"},
    "pace_title": {"en": "An average faster than the maximum?", "kk": "Орташа жылдамдық ең жоғарғыдан асып кете ме?"},
    "pace_subtitle": {"en": "Track laid per day, as the text gives it, in km a day",
                      "kk": "Тәулігіне төселген жол, мәтіндегідей, км тәулігіне"},
    "pace_max_line": {"en": "the stated maximum", "kk": "айтылған ең жоғарғы"},
    "findings_title": {"en": "What a careful reader finds in the text", "kk": "Мұқият оқырман мәтіннен не табады"},
    "findings_subtitle": {"en": "Findings by kind and by what the check shows", "kk": "Тұжырымдар түрі және тексеру нәтижесі бойынша"},
    "number_of_findings": {"en": "Number of findings", "kk": "Тұжырымдар саны"},
    "voices_title": {"en": "Whose words does the text quote?", "kk": "Мәтін кімнің сөзін келтіреді?"},
    "voices_subtitle": {"en": "Words quoted, counted in the Kazakh text", "kk": "Келтірілген сөздер саны, қазақ мәтіні бойынша"},
    "words_quoted": {"en": "Words quoted", "kk": "Келтірілген сөз саны"},
    "voices_d2": {"en": "Against the Goloshchekin line (Sadvakasov)", "kk": "Голощекин бағытына қарсы (Сәдуақасов)"},
    "voices_d1": {"en": "For the Goloshchekin line", "kk": "Голощекин бағытын жақтаушылар"},
    "voices_other": {"en": "Other voices", "kk": "Басқа дауыстар"},
    "findings_note": {"en": "Findings: data/findings.csv, written for this lab; each cites its sentences",
                      "kk": "Тұжырымдар: data/findings.csv, осы зертхана үшін жазылған; әрқайсысы сөйлемдерін көрсетеді"},
}

# Words that judge rather than report (close reading). Patterns match the Kazakh text; glosses say what they do.
LOADED_WORDS = [
    (r"келімсек", "newcomer, outsider: said with scorn", "сырттан келген: менсінбей айтылған"),
    (r"басшысымағ\w*", "would-be leader: the ending -сымақ mocks", "-сымақ жұрнағы кекесін білдіреді"),
    (r"қолшоқпар\w*", "cudgel: a tool in someone else's hand", "біреудің қолындағы құрал"),
    (r"өктем\w*", "domineering", "озбыр, өз дегенін күшпен жүргізетін"),
    (r"шовинист\w*", "chauvinist: a label, not an argument", "дәлел емес, жапсырылған айдар"),
    (r"негізсіз", "groundless, though their arguments are not given", "негізсіз, бірақ дәлелдері келтірілмеген"),
    (r"тереңдігімен", "depth of ideas: praise", "мадақ"),
    (r"бірден-бір дұрыс", "the one and only correct: an absolute verdict", "үзілді-кесілді үкім"),
    (r"үлкен ерлік", "a great act of courage: praise", "мадақ"),
    (r"орашолақ", "clumsy", "епсіз, шалағай"),
    (r"біржақты", "one-sided", "бір жақты"),
    (r"отаршыл\w*", "colonial: the text's central interpretation", "мәтіннің басты түсіндірмесі"),
    (r"метрополия\w*", "metropole: the centre of an empire", "империяның орталығы"),
    (r"тоталитар\w*", "totalitarian", "тоталитарлық"),
    (r"дұрыс, бірақ күрделі", "correct but complex: the author approves the aim", "автор мақсатты құптайды"),
    (r"сөз жоқ", "beyond doubt: asks the reader not to question", "оқырманды күмәнданбауға шақырады"),
    (r"ерлігіне|ерліктің", "heroism: praise, not evidence", "мадақ, дәлел емес"),
    (r"жарқын болашағ\w*", "bright future: a Soviet slogan phrase", "кеңестік ұран тіркесі"),
]


def words(key: str, lang: str, **values) -> str:
    """The lesson's UI words for key in lang."""
    return text(key, lang, table=UI, **values)


def fmt(value, lang: str = "en") -> str:
    """A number the way readers of lang write it: 2.5 / 2,5; thousands kept together; small values to 3 digits."""
    if value is None or pd.isna(value):
        return ""
    value = float(value)
    if value != 0 and abs(value) < 0.1:
        shown = f"{value:.3g}"
    else:
        shown = f"{round(value, 2):g}" if abs(value) < 1e6 else f"{value:.0f}"
    return shown.replace(".", ",") if lang == "kk" else shown


def _ids(*cells) -> str:
    found = sorted({i for cell in cells for i in split_ids(cell)})
    return ";".join(found)


def _calc(rows: list[tuple]) -> pd.DataFrame:
    """A calculation as a table: what, value, unit, how it is worked out, and the sentences it rests on."""
    frame = pd.DataFrame(rows, columns=["what", "value", "unit", "how", "sentence_id"])
    frame["value"] = frame["value"].astype("float64")
    return frame


def _sentences() -> pd.DataFrame:
    return load("sentences", lang="both")


def _matches(pattern: str, lang: str) -> pd.DataFrame:
    """Sentences whose Kazakh text matches pattern, with the matched words."""
    rows = []
    for s in _sentences().itertuples():
        hits = [m.group() for m in re.finditer(pattern, s.text_kk, flags=re.IGNORECASE)]
        if hits:
            rows.append((s.sentence_id, "; ".join(dict.fromkeys(hits)), s.text_kk, s.text_en))
    return pd.DataFrame(rows, columns=["sentence_id", "word", "text_kk", "text_en"])


def _events_citing(sentence_id: str) -> pd.DataFrame:
    events = load("events", lang="both")
    return events[events["sentence_id"].map(lambda cell: sentence_id in split_ids(cell))]


# --- Arithmetic -----------------------------------------------------------------------------


def stage_numbers() -> dict:
    """The Turksib stage lengths (s118, s120) against the printed total (s123), added up."""
    stages = load("turksib_stages", lang="both")
    figures = load("turksib_figures", lang="both").set_index("figure_id")
    north = stages[stages["side"] == "north"].sort_values("seq")
    south = stages[stages["side"] == "south"].sort_values("seq")
    total = float(figures.loc["total_length", "value"])
    n, s = float(north["length_km"].sum()), float(south["length_km"].sum())
    last = north.iloc[-1]
    return {
        "north": n, "south": s, "together": n + s, "total": total, "gap": total - (n + s),
        "last_north": float(last["length_km"]), "last_north_year": last["year_end"],
        "together_if_cumulative": float(last["length_km"]) + s,
        "gap_if_cumulative": total - (float(last["length_km"]) + s),
        "stages": stages, "total_id": figures.loc["total_length", "sentence_id"],
    }  # fmt: skip


def stage_sum(lang: str = "en") -> pd.DataFrame:
    """Do the Turksib stages add up to the total length? Every stage, the sums, the printed total and the gap."""
    lang = check_lang(lang)
    n = stage_numbers()
    stages = n["stages"]
    km = words("km", lang)
    rows = [
        (words("stage_row", lang, side=words(st.side, lang), period=getattr(st, f"period_{lang}")), st.length_km, km, "",
         st.sentence_id)
        for st in stages.sort_values(["side", "seq"]).itertuples()
    ]
    north, south = stages[stages["side"] == "north"], stages[stages["side"] == "south"]
    plus = lambda values: " + ".join(fmt(v, lang) for v in values)  # noqa: E731
    rows += [
        (words("north_sum", lang), n["north"], km, plus(north.sort_values("seq")["length_km"]), _ids(*north["sentence_id"])),
        (words("south_sum", lang), n["south"], km, plus(south.sort_values("seq")["length_km"]), _ids(*south["sentence_id"])),
        (words("together", lang), n["together"], km, plus([n["north"], n["south"]]), _ids(*stages["sentence_id"])),
        (words("total_printed", lang), n["total"], km, "", n["total_id"]),
        (words("gap", lang), n["gap"], km, f"{fmt(n['total'], lang)} − {fmt(n['together'], lang)}",
         _ids(*stages["sentence_id"], n["total_id"])),
        (words("together_other", lang, km=fmt(n["last_north"], lang), year=int(n["last_north_year"])),
         n["together_if_cumulative"], km, plus([n["last_north"], n["south"]]), _ids(*stages["sentence_id"])),
        (words("gap_other", lang), n["gap_if_cumulative"], km,
         f"{fmt(n['total'], lang)} − {fmt(n['together_if_cumulative'], lang)}", _ids(*stages["sentence_id"], n["total_id"])),
    ]
    return _calc(rows)


def _km_a_day(row) -> float:
    return float(row["value"]) / 1000 if str(row["unit_en"]).startswith("metres") else float(row["value"])


def pace_numbers() -> dict:
    """The stated maximum (s115) and average (s119) pace, and what the average means for the 1929 stage (s118)."""
    figures = load("turksib_figures", lang="both").set_index("figure_id")
    stages = load("turksib_stages", lang="both")
    dated = stages[(stages["side"] == "north") & stages["year_end"].notna()].sort_values("seq").iloc[-1]
    year = int(dated["year_end"])
    days_in_year = pd.Timestamp(year=year, month=12, day=31).day_of_year
    maximum, average = _km_a_day(figures.loc["soviet_rate"]), _km_a_day(figures.loc["stated_average_rate"])
    return {
        "maximum": maximum, "average": average, "ratio": average / maximum,
        "stage_km": float(dated["length_km"]), "stage_year": year, "days_in_year": days_in_year,
        "days_needed": float(dated["length_km"]) / average,
        "whole_year_rate": float(dated["length_km"]) / days_in_year,
        "ids": {"max": figures.loc["soviet_rate", "sentence_id"], "avg": figures.loc["stated_average_rate", "sentence_id"],
                "stage": dated["sentence_id"]},
        "max_printed": float(figures.loc["soviet_rate", "value"]),
    }  # fmt: skip


def pace_check(lang: str = "en") -> pd.DataFrame:
    """Is the stated average pace (s119) consistent with the stated maximum (s115)?"""
    lang = check_lang(lang)
    p = pace_numbers()
    ids = p["ids"]
    kmday = words("km_day", lang)
    return _calc([
        (words("max_rate", lang), p["maximum"], kmday, f"{fmt(p['max_printed'], lang)} m ÷ 1000", ids["max"]),
        (words("avg_rate", lang), p["average"], kmday, "", ids["avg"]),
        (words("avg_over_max", lang), p["ratio"], words("times", lang), f"{fmt(p['average'], lang)} ÷ {fmt(p['maximum'], lang)}",
         _ids(ids["max"], ids["avg"])),
        (words("days_needed", lang, km=fmt(p["stage_km"], lang), year=p["stage_year"]), p["days_needed"], words("days", lang),
         f"{fmt(p['stage_km'], lang)} ÷ {fmt(p['average'], lang)}", _ids(ids["stage"], ids["avg"])),
        (words("whole_year", lang, km=fmt(p["stage_km"], lang), year=p["stage_year"]), p["whole_year_rate"], kmday,
         f"{fmt(p['stage_km'], lang)} ÷ {p['days_in_year']}", ids["stage"]),
    ])  # fmt: skip


def freight_numbers() -> dict:
    """Freight in 1928 and 1932 as printed (s129), in tonnes, and the growth under both readings of the 1932 unit."""
    totals = load("freight_totals", lang="both").sort_values("year")
    first, last = totals.iloc[0], totals.iloc[-1]
    scale = lambda row: 1000.0 if "thousand" in str(row["unit_en"]) else 1.0  # noqa: E731
    first_t, last_t = float(first["value"]) * scale(first), float(last["value"]) * scale(last)
    growth = load("freight_growth", lang="both").set_index("cargo_id")
    return {
        "first": first, "last": last, "first_tonnes": first_t, "last_tonnes": last_t,
        "literal": last_t / first_t, "literal_change_pct": (last_t / first_t - 1) * 100,
        "if_thousands": float(last["value"]) * 1000 / first_t if scale(last) == 1.0 else last_t / first_t,
        "printed": growth.loc["all"] if "all" in growth.index else None,
        "cargo": growth.drop(index="all", errors="ignore"),
    }  # fmt: skip


def _qualifier(value, lang: str) -> str:
    return words(f"q_{value}", lang) if isinstance(value, str) and value else ""


def freight_factor(lang: str = "en") -> pd.DataFrame:
    """The freight unit slip of s129: the 1932 figure read as printed, and read in thousand tonnes."""
    lang = check_lang(lang)
    f = freight_numbers()
    first, last = f["first"], f["last"]
    unit = lambda row: row[f"unit_{lang}"]  # noqa: E731
    y1, y2 = int(first["year"]), int(last["year"])
    tonnes = words("tonnes", lang)
    rows = [
        (words("freight_printed", lang, year=y1), first["value"], unit(first), "", first["sentence_id"]),
        (words("in_tonnes", lang, year=y1), f["first_tonnes"], tonnes, f"{fmt(first['value'], lang)} × 1000", first["sentence_id"]),
        (words("freight_printed", lang, year=y2), last["value"], unit(last), "", last["sentence_id"]),
        (words("literal_growth", lang, first=y1, last=y2), f["literal"], words("times", lang),
         f"{fmt(f['last_tonnes'], lang)} ÷ {fmt(f['first_tonnes'], lang)}", _ids(first["sentence_id"], last["sentence_id"])),
        (words("literal_change", lang), f["literal_change_pct"], words("per_cent", lang),
         f"({fmt(f['literal'], lang)} − 1) × 100", _ids(first["sentence_id"], last["sentence_id"])),
        (words("thousand_growth", lang, year=y2), f["if_thousands"], words("times", lang),
         f"{fmt(last['value'], lang)} ÷ {fmt(first['value'], lang)}", _ids(first["sentence_id"], last["sentence_id"])),
    ]
    if f["printed"] is not None:
        printed = f["printed"]
        rows.append((words("printed_growth", lang, q=_qualifier(printed["qualifier"], lang)), printed["factor"],
                     words("times", lang), "", printed["sentence_id"]))
    return _calc(rows)


def cargo_factors(lang: str = "en") -> pd.DataFrame:
    """The growth of each kind of cargo (s130) beside the growth of all freight (s129)."""
    lang = check_lang(lang)
    f = freight_numbers()
    cargo = f["cargo"]
    rows = [
        (words("cargo_row", lang, cargo=c[f"cargo_{lang}"]), c["factor"], words("times", lang),
         _qualifier(c["qualifier"], lang), c["sentence_id"])
        for _, c in cargo.iterrows()
    ]
    if f["printed"] is not None:
        printed = f["printed"]
        rows.append((words("printed_growth", lang, q=_qualifier(printed["qualifier"], lang)), printed["factor"],
                     words("times", lang), "", printed["sentence_id"]))
    ids = _ids(f["first"]["sentence_id"], f["last"]["sentence_id"])
    rows.append((words("all_computed", lang, year=int(f["last"]["year"])), f["if_thousands"], words("times", lang),
                 f"{fmt(f['last']['value'], lang)} ÷ {fmt(f['first']['value'], lang)}", ids))
    faster = int((cargo["factor"] > f["if_thousands"]).sum())
    rows.append((words("faster_kinds", lang), faster, words("count", lang), f"> {fmt(f['if_thousands'], lang)}",
                 _ids(ids, *cargo["sentence_id"])))
    return _calc(rows)


def investment_years(lang: str = "en") -> pd.DataFrame:
    """s008: do September 1925 to September 1928 make the 'three years' printed? (A check that passes.)"""
    lang = check_lang(lang)
    spend = _events_citing("s008").iloc[0]
    congress = _events_citing("s002").iloc[0]
    economy = load("economy_1920s", lang="both")
    printed = economy[economy["sentence_id"].map(lambda c: "s008" in split_ids(c)) & (economy["unit_en"] == "years")].iloc[0]
    months = (spend["year_end"] - spend["year"]) * 12 + (spend["month_end"] - spend["month"])
    start, end = date_words(spend["year"], spend["month"], lang=lang), date_words(spend["year_end"], spend["month_end"], lang=lang)
    before = (congress["year"] - spend["year"]) * 12 + (congress["month"] - spend["month"])
    return _calc([
        (words("span_months", lang, start=start, end=end), months, words("months", lang),
         f"({int(spend['year_end'])} − {int(spend['year'])}) × 12 + ({int(spend['month_end'])} − {int(spend['month'])})",
         spend["sentence_id"]),
        (words("span_years", lang), months / 12, words("years", lang), f"{int(months)} ÷ 12", spend["sentence_id"]),
        (words("printed_years", lang), printed["value"], words("years", lang), "", printed["sentence_id"]),
        (words("difference", lang), months / 12 - printed["value"], words("years", lang),
         f"{fmt(months / 12, lang)} − {fmt(printed['value'], lang)}", _ids(spend["sentence_id"], printed["sentence_id"])),
        (words("before_congress", lang, date=date_words(congress["year"], congress["month"], lang=lang)), before, words("months", lang),
         f"{date_words(congress['year'], congress['month'], lang=lang)} − {start}", _ids(spend["sentence_id"], congress["sentence_id"])),
    ])  # fmt: skip


# --- Units ----------------------------------------------------------------------------------


def rate_comparison(lang: str = "en") -> pd.DataFrame:
    """s115 compares the tsarist average with the Soviet maximum: what is compared with what."""
    lang = check_lang(lang)
    figures = load("turksib_figures", lang="both").set_index("figure_id")
    tsar, soviet = figures.loc["tsarist_rate"], figures.loc["soviet_rate"]
    mday = words("m_day", lang)
    same = tsar["qualifier"] == soviet["qualifier"]
    return _calc([
        (words("tsar_rate", lang, q=_qualifier(tsar["qualifier"], lang)), tsar["value"], mday, "", tsar["sentence_id"]),
        (words("soviet_rate", lang, q=_qualifier(soviet["qualifier"], lang)), soviet["value"], mday, "", soviet["sentence_id"]),
        (words("rate_ratio", lang), soviet["value"] / tsar["value"], words("times", lang),
         f"{fmt(soviet['value'], lang)} ÷ {fmt(tsar['value'], lang)} — {words('same_kind' if same else 'avg_vs_max', lang)}",
         _ids(tsar["sentence_id"], soviet["sentence_id"])),
    ])  # fmt: skip


def percent_check(lang: str = "en") -> pd.DataFrame:
    """s134: how many figures, and how many times 'per cent' is printed."""
    lang = check_lang(lang)
    shares = load("ussr_shares", lang="both")
    ids = _ids(*shares["sentence_id"])
    rows = []
    for sid in split_ids(ids):
        kk = sentence(sid).text_kk
        figures = numbers_in(kk)
        rows.append((words("figures_in", lang, sid=sid), len(figures), words("count", lang),
                     "; ".join(fmt(v, lang) for v in figures), sid))
        rows.append((words("percent_words", lang), len(re.findall(r"пайыз", kk, flags=re.IGNORECASE)), words("count", lang), "", sid))
    return _calc(rows)


def share_scope(lang: str = "en") -> pd.DataFrame:
    """s134's shares: each share, what it is a share of as printed, and whether the text says whose total."""
    lang = check_lang(lang)
    shares = load("ussr_shares", lang=lang)
    return pd.DataFrame({
        "name": shares["producer"], "share": shares["share_pct"], "of_what": shares["of_what"],
        "scope": [words(f"scope_{s}", lang) for s in shares["scope"]], "sentence_id": shares["sentence_id"],
    })  # fmt: skip


def our_country(lang: str = "en") -> pd.DataFrame:
    """Every sentence where the author says 'our country' (еліміз): for Kazakhstan, or the USSR?"""
    check_lang(lang)
    return _matches(r"\bеліміз\w*", lang)


def output_ratios(lang: str = "en") -> pd.DataFrame:
    """s128's growth ratios: all the text gives is 'times more', never the amounts."""
    lang = check_lang(lang)
    growth = load("output_growth", lang=lang)
    return _calc([
        (words("ratio_row", lang, product=g.product, year=g.year, base=g.base_year), g.factor, words("times", lang),
         f"({fmt(g.factor, lang)} − 1) × 100 = +{fmt((g.factor - 1) * 100, lang)} %", g.sentence_id)
        for g in growth.itertuples()
    ])  # fmt: skip


# --- Contradictions -------------------------------------------------------------------------


def metallurgy_mentions(lang: str = "en") -> pd.DataFrame:
    """Every sentence that mentions metallurgy: read them side by side."""
    check_lang(lang)
    return _matches(r"металлург\w*", lang)


def _enterprises(lang: str) -> pd.DataFrame:
    enterprises = load("enterprises", lang=lang)
    industries = load("industries", lang=lang).set_index("industry_id")
    actions = load("actions", lang=lang).set_index("action_id")
    periods = load("periods", lang=lang).set_index("period_id")
    return pd.DataFrame({
        "name": enterprises["name"],
        "industry": enterprises["industry_id"].map(industries["label"]),
        "group": enterprises["industry_id"].map(industries["group"]),
        "action": enterprises["action"].map(actions["label"]),
        "action_id": enterprises["action"],
        "period": enterprises["period_id"].map(periods["label"]),
        "period_id": enterprises["period_id"],
        "place_id": enterprises["place_id"],
        "sentence_id": enterprises["sentence_id"],
    })  # fmt: skip


_SHOWN = ["name", "industry", "action", "period", "sentence_id"]


def consumer_plants(lang: str = "en") -> pd.DataFrame:
    """Enterprises the text names that make food or other goods for consumers (against s091)."""
    lang = check_lang(lang)
    table = _enterprises(lang)
    return table[table["group"].isin(["food", "light industry"])][_SHOWN].reset_index(drop=True)


def big_in_small_list(lang: str = "en") -> pd.DataFrame:
    """Enterprises in the list of s075 whose share of output s134 gives (against 'mainly small', s076)."""
    lang = check_lang(lang)
    table = _enterprises(lang)
    new = table[(table["action_id"] == "newly_built") & table["sentence_id"].map(lambda c: "s075" in split_ids(c))]
    shares = load("ussr_shares", lang=lang).set_index("place_id")
    both = new[new["place_id"].isin(shares.index)]
    return pd.DataFrame({
        "name": both["name"].to_numpy(),
        "share": [float(shares.loc[p, "share_pct"]) for p in both["place_id"]],
        "of_what": [shares.loc[p, "of_what"] for p in both["place_id"]],
        "sentence_id": [_ids(s, shares.loc[p, "sentence_id"]) for s, p in zip(both["sentence_id"], both["place_id"])],
    })  # fmt: skip


def enterprise_history(place_id: str, lang: str = "en") -> pd.DataFrame:
    """Everything the text says was done at one place, in order of the text."""
    lang = check_lang(lang)
    table = _enterprises(lang)
    return table[table["place_id"] == place_id][_SHOWN].reset_index(drop=True)


def balkhash_dates(lang: str = "en") -> pd.DataFrame:
    """Balkhash: 'newly built' in the first five-year plan (s075) and 'built' before the war (s082)."""
    return enterprise_history("balkhash", lang)


def ridder_dates(lang: str = "en") -> pd.DataFrame:
    """Ridder: 'restored' in the first five-year plan (s073) and 'built' before the war (s082)."""
    return enterprise_history("ridder", lang)


# --- Claim and evidence ---------------------------------------------------------------------


def output_before_traffic(lang: str = "en") -> pd.DataFrame:
    """s128's economic year 1929/30 against Turksib's junction (s121) and regular traffic (s122)."""
    lang = check_lang(lang)
    growth = load("output_growth", lang="both")
    year_text = growth["year"].iloc[0]
    start_year = int(year_text.split("/")[0])
    plan = _events_citing("s073").iloc[0]
    start_month = int(plan["month"])  # the economic year starts in the month the five-year plan began
    end_month_index = (start_year + 1) * 12 + start_month - 1  # month index just after the economic year ends
    start_index = start_year * 12 + start_month
    junction = _events_citing("s121").iloc[0]
    regular = _events_citing("s122").iloc[0]
    j_index = int(junction["year"]) * 12 + int(junction["month"])
    r_index = int(regular["year"]) * 12 + int(regular["month"])
    label_year = words("economic_year", lang, month=MONTH_NAMES[lang][start_month - 1])
    ids_year = _ids(*growth["sentence_id"], plan["sentence_id"])
    return _calc([
        (words("months_before_junction", lang, year=year_text, date=date_words(junction["year"], junction["month"], lang=lang)),
         j_index - start_index, words("months", lang), label_year, _ids(ids_year, junction["sentence_id"])),
        (words("months_with_regular", lang, year=year_text), max(0, end_month_index - r_index + 1), words("months", lang),
         label_year, _ids(ids_year, regular["sentence_id"])),
        (words("months_after", lang, year=year_text, date=date_words(regular["year"], regular["month"], lang=lang)),
         r_index - (end_month_index + 1), words("months", lang), "", _ids(ids_year, regular["sentence_id"])),
    ])  # fmt: skip


# --- Vague references -----------------------------------------------------------------------


def undated_events(lang: str = "en") -> pd.DataFrame:
    """Events the text reports without a year."""
    lang = check_lang(lang)
    events = load("events", lang=lang)
    return events[events["year"].isna()][["label", "sentence_id"]].reset_index(drop=True)


def undated_stages(lang: str = "en") -> pd.DataFrame:
    """Turksib stages the text gives without a year (s118)."""
    lang = check_lang(lang)
    stages = load("turksib_stages", lang=lang)
    undated = stages[stages["year_start"].isna()]
    return pd.DataFrame({
        "side": [words(s, lang) for s in undated["side"]], "period": undated["period"].to_numpy(),
        "length": undated["length_km"].to_numpy(), "sentence_id": undated["sentence_id"].to_numpy(),
    })  # fmt: skip


def vague_flows(lang: str = "en") -> pd.DataFrame:
    """The shipments of s087–s089: what went where, as far as the text says."""
    lang = check_lang(lang)
    flows = load("shipments", lang=lang)
    wanted = {"s087", "s088", "s089"}
    chosen = flows[flows["sentence_id"].map(lambda c: bool(wanted & set(split_ids(c))))]
    return pd.DataFrame({
        "origin": chosen["origin"].to_numpy(), "goods": chosen["goods"].to_numpy(),
        "destination": chosen["destination"].to_numpy(), "sentence_id": chosen["sentence_id"].to_numpy(),
    })  # fmt: skip


# --- Names and sourcing ---------------------------------------------------------------------


def present_day_markers(lang: str = "en") -> pd.DataFrame:
    """Where the text marks a name as of then or of now ('сол кездегі', 'қазіргі'), or uses today's state name."""
    check_lang(lang)
    return _matches(r"қазіргі \w+|сол кездегі \w+|Қазақстан Республикасы", lang)


def republic_names(lang: str = "en") -> pd.DataFrame:
    """The names the text gives the republic itself."""
    check_lang(lang)
    return _matches(r"Қазақ АКСР\S*|Қазақстан Республикасы", lang)


def russia_mentions(lang: str = "en") -> pd.DataFrame:
    """Every sentence that names Russia (Ресей)."""
    check_lang(lang)
    return _matches(r"Ресей\w*", lang)


# --- Plan and outcome -----------------------------------------------------------------------


def schedule_numbers() -> dict:
    """Turksib's plan (s108, s117) against what the text reports (s102, s121, s122)."""
    figures = load("turksib_figures", lang="both").set_index("figure_id")
    start = _events_citing("s102").iloc[0]
    planned = _events_citing("s108").sort_values("year")
    junction, regular = _events_citing("s121").iloc[0], _events_citing("s122").iloc[0]
    return {
        "start": int(start["year"]), "planned_years": float(figures.loc["planned_years", "value"]),
        "actual_years": float(figures.loc["actual_years", "value"]), "years_early": float(figures.loc["years_early", "value"]),
        "planned_completion": int(planned.iloc[0]["year"]), "planned_operation": int(planned.iloc[-1]["year"]),
        "junction": int(junction["year"]), "junction_month": junction["month"], "regular": int(regular["year"]),
        "regular_month": regular["month"],
        "ids": {"start": start["sentence_id"], "plan": planned.iloc[0]["sentence_id"],
                "years": figures.loc["planned_years", "sentence_id"], "junction": junction["sentence_id"],
                "regular": regular["sentence_id"]},
    }  # fmt: skip


def schedule_check(lang: str = "en") -> pd.DataFrame:
    """'Two years earlier than the five years set in the plan' (s117): against which date?"""
    lang = check_lang(lang)
    n = schedule_numbers()
    ids, year, years = n["ids"], words("year", lang), words("years", lang)
    return _calc([
        (words("restart", lang), n["start"], year, "", ids["start"]),
        (words("restart_plus_plan", lang), n["start"] + n["planned_years"], year, f"{n['start']} + {fmt(n['planned_years'], lang)}",
         _ids(ids["start"], ids["years"])),
        (words("planned_operation", lang), n["planned_operation"], year, "", ids["plan"]),
        (words("restart_plus_actual", lang), n["start"] + n["actual_years"], year, f"{n['start']} + {fmt(n['actual_years'], lang)}",
         _ids(ids["start"], ids["years"])),
        (words("planned_completion", lang), n["planned_completion"], year, "", ids["plan"]),
        (words("junction", lang), n["junction"], year, date_words(n["junction"], n["junction_month"], lang=lang), ids["junction"]),
        (words("early_completion", lang), n["planned_completion"] - n["junction"], years,
         f"{n['planned_completion']} − {n['junction']}", _ids(ids["plan"], ids["junction"])),
        (words("regular", lang), n["regular"], year, date_words(n["regular"], n["regular_month"], lang=lang), ids["regular"]),
        (words("early_operation", lang), n["planned_operation"] - n["regular"], years,
         f"{n['planned_operation']} − {n['regular']}", _ids(ids["plan"], ids["regular"])),
        (words("early_printed", lang), n["years_early"], years,
         f"{fmt(n['planned_years'], lang)} − {fmt(n['actual_years'], lang)}", ids["years"]),
    ])  # fmt: skip


def expedition_results(lang: str = "en") -> pd.DataFrame:
    """What the expeditions of the first five-year plan concluded (the outcome of the 1926 plan, s013–s014)."""
    lang = check_lang(lang)
    expeditions = load("expeditions", lang=lang)
    return pd.DataFrame({
        "team": expeditions["team"], "region": expeditions["region"], "result": expeditions["finding"],
        "sentence_id": expeditions["sentence_id"],
    })  # fmt: skip


def plans_and_outcomes(lang: str = "en", category: str | None = "turksib") -> pd.DataFrame:
    """Events marked as plans beside the events the text reports, in date order."""
    lang = check_lang(lang)
    events = load("events", lang=lang)
    if category:
        events = events[events["category"] == category]
    events = events[events["year"].notna()].sort_values(["year", "month", "day"], na_position="first")
    return pd.DataFrame({
        "date": events["date_kk"].to_numpy(), "label": events["label"].to_numpy(),
        "status": [words(s, lang) for s in events["status"]], "sentence_id": events["sentence_id"].to_numpy(),
    })  # fmt: skip


# --- Perspective ----------------------------------------------------------------------------


def loaded_words(lang: str = "en", ids=None) -> pd.DataFrame:
    """Words that judge rather than report, where they stand, and what they do (close reading)."""
    lang = check_lang(lang)
    wanted = set(split_ids(ids) if isinstance(ids, str) else ids or [])
    rows = []
    for s in _sentences().itertuples():
        if wanted and s.sentence_id not in wanted:
            continue
        for pattern, gloss_en, gloss_kk in LOADED_WORDS:
            for match in re.finditer(pattern, s.text_kk, flags=re.IGNORECASE):
                rows.append((s.sentence_id, match.start(), match.group(), gloss_en if lang == "en" else gloss_kk))
    frame = pd.DataFrame(rows, columns=["sentence_id", "position", "word", "gloss"])
    return frame.sort_values(["sentence_id", "position"]).drop(columns="position").reset_index(drop=True)


def voices(lang: str = "en") -> pd.DataFrame:
    """Who is quoted, how often and at what length (words of the Kazakh quotation), from the quotations table."""
    lang = check_lang(lang)
    quotes = load("quotations", lang="both")
    quotes = quotes.assign(words=quotes["text_kk"].map(lambda t: len(t.split())), who=quotes[f"speaker_{lang}"])
    first = lambda c: next((v for v in c if isinstance(v, str) and v), "")  # noqa: E731
    grouped = quotes.groupby("who", sort=False).agg(
        quotations=("quote_id", "count"), words=("words", "sum"), sentence_id=("sentence_id", lambda c: _ids(*c)),
        direction_id=("direction_id", first),
    )
    grouped = grouped.reset_index().rename(columns={"who": "speaker"})
    return grouped.sort_values(["words", "speaker"], ascending=[False, True]).reset_index(drop=True)


# --- Printing slips -------------------------------------------------------------------------


def double_stops(lang: str = "en") -> pd.DataFrame:
    """Sentences that end with a doubled full stop."""
    check_lang(lang)
    rows = [(s.sentence_id, s.text_kk[-24:]) for s in _sentences().itertuples() if s.text_kk.rstrip().endswith("..")]
    return pd.DataFrame(rows, columns=["sentence_id", "ending"])


def _script(letter: str, lang: str) -> str:
    script = unicodedata.name(letter).split()[0]
    return words({"LATIN": "latin", "CYRILLIC": "cyrillic"}.get(script, "latin"), lang) if script in ("LATIN", "CYRILLIC") else script


def roman_numerals(lang: str = "en") -> pd.DataFrame:
    """Roman numerals in the text, letter by letter, with the alphabet each letter comes from."""
    lang = check_lang(lang)
    rows = []
    for s in _sentences().itertuples():
        for match in re.finditer(r"(?<!\w)[IVXLХІ]{2,}(?!\w)", s.text_kk):
            numeral = match.group()
            scripts = [unicodedata.name(c).split()[0] for c in numeral]
            letters = ", ".join(f"{c} ({_script(c, lang)})" for c in numeral)
            rows.append((s.sentence_id, numeral, letters, words("yes", lang) if len(set(scripts)) > 1 else ""))
    return pd.DataFrame(rows, columns=["sentence_id", "numeral", "letters", "mixed"])


# --- The findings table and the dispatcher ---------------------------------------------------

CHECKS = {
    fn.__name__: fn
    for fn in (
        stage_sum, pace_check, cargo_factors, investment_years, freight_factor, rate_comparison, percent_check,
        share_scope, our_country, output_ratios, metallurgy_mentions, consumer_plants, big_in_small_list,
        balkhash_dates, ridder_dates, output_before_traffic, undated_events, undated_stages, vague_flows,
        present_day_markers, republic_names, russia_mentions, schedule_check, expedition_results, loaded_words,
        voices, double_stops, roman_numerals,
    )
}  # fmt: skip


def table(lang: str = "en") -> pd.DataFrame:
    """The findings, in the order of KINDS."""
    lang = check_lang(lang)
    findings = load("findings", lang=lang)
    order = {kind: n for n, kind in enumerate(KINDS)}
    return findings.sort_values("kind", key=lambda k: k.map(order), kind="stable").reset_index(drop=True)


def finding(finding_id: str, lang: str = "en") -> pd.Series:
    """One finding's row."""
    findings = table(lang).set_index("finding_id")
    if finding_id not in findings.index:
        raise KeyError(f"There is no finding {finding_id!r}. The ids are in histkit.load('findings').")
    return findings.loc[finding_id]


def check(finding_id: str, lang: str = "en") -> pd.DataFrame | None:
    """The calculation behind a finding, computed now from the data; None when the finding is textual."""
    lang = check_lang(lang)
    row = finding(finding_id, lang)
    name = row["check"]
    if pd.isna(name) or not name:
        return None
    function = CHECKS[name]
    if "ids" in inspect.signature(function).parameters:
        return function(lang, ids=row["sentence_id"])
    return function(lang)


# --- HTML -----------------------------------------------------------------------------------


def _cell(value, lang: str) -> tuple[str, bool]:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "", False
    if isinstance(value, numbers.Number) and not isinstance(value, bool):
        return fmt(value, lang), True
    return str(value), False


_TABLE_STYLE = "border-collapse:collapse;font-size:0.92em;margin:0.3em 0"
_CELL = "border-bottom:1px solid #ddd;padding:0.25em 0.6em;text-align:left;vertical-align:top"


def result_html(frame: pd.DataFrame | None, lang: str = "en") -> str:
    """A result table as HTML, with headers in lang and numbers written the lang way."""
    lang = check_lang(lang)
    if frame is None:
        return f"<p><i>{html.escape(words('no_calculation', lang))}</i></p>"
    columns = [c for c in frame.columns if c not in _HIDDEN]
    header = lambda c: words("col_" + c, lang) if "col_" + c in UI else str(c)  # noqa: E731
    headers = "".join(f"<th style='{_CELL}'>{html.escape(header(c))}</th>" for c in columns)
    body = []
    for record in frame.to_dict("records"):
        cells = []
        for column in columns:
            written, is_number = _cell(record[column], lang)
            align = "text-align:right" if is_number else ""
            cells.append(f"<td style='{_CELL};{align}'>{html.escape(written)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table style='{_TABLE_STYLE}'><thead><tr>{headers}</tr></thead><tbody>{''.join(body)}</tbody></table>"


_HIDDEN = {"direction_id"}  # kept in result tables for charts, not shown to students
UI["col_text_kk"] = {"en": "Kazakh text", "kk": "Қазақша мәтін"}
UI["col_text_en"] = {"en": "English translation", "kk": "Ағылшынша аударма"}
UI["col_mixed"] = {"en": "Mixed alphabets", "kk": "Әліпбилер аралас"}


_BADGE = "display:inline-block;border-radius:3px;padding:0.05em 0.5em;margin-right:0.4em;font-size:0.85em"
_VERDICT_COLOURS = {"problem": "#FBE3D6", "unclear": "#FCEFD0", "holds": "#D9F0E6", "standpoint": "#DCEAF6"}


def finding_html(finding_id: str, lang: str = "en") -> str:
    """One finding in full: the sentences, the calculation computed now, the conclusion and how to corroborate it."""
    lang = check_lang(lang)
    row = finding(finding_id, lang)
    esc = html.escape
    gk = f"<p style='color:#8a4b00'>{esc(words('general_knowledge', lang))}</p>" if row["general_knowledge"] else ""
    return (
        f"<div class='histkit-finding-page' data-finding='{esc(finding_id)}'>"
        f"<h4 style='margin:0.3em 0'>{esc(row['title'])}</h4>"
        f"<span style='{_BADGE};background:#eee'>{esc(words('kind_' + row['kind'], lang))}</span>"
        f"<span style='{_BADGE};background:{_VERDICT_COLOURS[row['verdict']]}'>{esc(words('verdict_' + row['verdict'], lang))}: "
        f"{esc(words('verdict_about_' + row['verdict'], lang))}</span>"
        f"<p style='margin:0.6em 0 0.2em'><b>{esc(words('sentences', lang))}</b></p>{cite(row['sentence_id'])._repr_html_()}"
        f"<p style='margin:0.6em 0 0.2em'><b>{esc(words('calculation', lang))}</b></p>{result_html(check(finding_id, lang), lang)}"
        f"<p style='margin:0.6em 0 0.2em'><b>{esc(words('conclusion', lang))}</b></p><p>{esc(row['explanation'])}</p>{gk}"
        f"<p style='margin:0.6em 0 0.2em'><b>{esc(words('corroborate', lang))}</b></p><p>{esc(row['corroborate'])}</p>"
        "</div>"
    )


def show(finding_id: str, lang: str = "en") -> HTML:
    """One finding in full, for a notebook cell."""
    return HTML(finding_html(finding_id, lang))


def calculation(what, lang: str = "en") -> HTML:
    """A calculation shown as a table with headers in lang.

    what: a finding id ('stage_sum', 'freight_unit'), the name of a function in CHECKS
    ('loaded_words'), or a DataFrame returned by any function of this module.
    """
    lang = check_lang(lang)
    if isinstance(what, pd.DataFrame):
        return HTML(result_html(what, lang))
    if what in set(load("findings")["finding_id"]):
        return HTML(result_html(check(what, lang), lang))
    tables = {**CHECKS, "plans_and_outcomes": plans_and_outcomes}
    if what in tables:
        return HTML(result_html(tables[what](lang), lang))
    raise KeyError(f"{what!r} is neither a finding id nor a check; see histkit.load('findings') and findings.CHECKS.")


def kinds(lang: str = "en") -> HTML:
    """The kinds of finding, what each means and how many the text has, as a table."""
    return HTML(result_html(kinds_table(lang), lang))


def kinds_table(lang: str = "en") -> pd.DataFrame:
    """The kinds of finding, what each means, and how many the text has."""
    lang = check_lang(lang)
    counts = table(lang)["kind"].value_counts()
    return pd.DataFrame({
        words("col_kind", lang): [words(f"kind_{k}", lang) for k in KINDS],
        words("col_what", lang): [words(f"about_{k}", lang) for k in KINDS],
        words("number_of_findings", lang): [int(counts.get(k, 0)) for k in KINDS],
    })  # fmt: skip


def summary(lang: str = "en") -> pd.DataFrame:
    """Findings by kind (rows) and verdict (columns), with totals."""
    lang = check_lang(lang)
    findings = table(lang)
    grid = pd.crosstab(findings["kind"], findings["verdict"]).reindex(index=list(KINDS), columns=list(VERDICTS), fill_value=0)
    grid[words("col_total", lang)] = grid.sum(axis=1)
    grid.loc[words("col_total", lang)] = grid.sum(axis=0)
    grid.index = [words(f"kind_{k}", lang) if k in KINDS else k for k in grid.index]
    grid.columns = [words(f"verdict_{v}", lang) if v in VERDICTS else v for v in grid.columns]
    grid.index.name = words("col_kind", lang)
    grid.columns.name = None
    return grid


def corroboration(lang: str = "en", verdicts=("problem",)) -> HTML:
    """For each finding (by default, each problem): the sentences and the sources that could settle it."""
    lang = check_lang(lang)
    findings = table(lang)
    if verdicts:
        findings = findings[findings["verdict"].isin(list(verdicts))]
    frame = pd.DataFrame({
        "title": findings["title"], "kind": [words(f"kind_{k}", lang) for k in findings["kind"]],
        "sentence_id": [s.replace(";", ", ") for s in findings["sentence_id"]], "corroborate": findings["corroborate"],
    })  # fmt: skip
    return HTML(result_html(frame, lang))


# --- Charts (matplotlib is imported here, not at module import) -------------------------------


def _number_ticks(ax, lang: str) -> None:
    """Value-axis tick labels written the lang way (a decimal comma in Kazakh)."""
    from matplotlib.ticker import FuncFormatter

    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _: fmt(value, lang)))


def stage_chart(lang: str = "en"):
    """The Turksib stages stacked in one bar against the printed total in another, with the gap marked."""
    from . import charts

    lang = check_lang(lang)
    n = stage_numbers()
    stages = load("turksib_stages", lang=lang).sort_values(["side", "seq"])
    fig = charts.figure(8, 3.6)
    ax = charts.style_axes(fig.add_subplot(), grid="x")
    colours = {"north": [charts.BLUE, charts.SKY, "#9CCBEA"], "south": [charts.ORANGE, "#F3C76A"]}
    left = 0.0
    for side in ("north", "south"):
        for number, st in enumerate(stages[stages["side"] == side].itertuples()):
            key = "north_stage" if side == "north" else "south_stage"
            colour = colours[side][number % len(colours[side])]
            period = st.period[:1].lower() + st.period[1:]
            bar = ax.barh(1, st.length_km, left=left, height=0.55, color=colour, edgecolor="white",
                          label=words(key, lang, period=period))
            ax.bar_label(bar, [fmt(st.length_km, lang)], label_type="center", fontsize=9,
                         color="white" if colour == charts.BLUE else "#111111")
            left += st.length_km
    total = ax.barh(0, n["total"], height=0.55, color=charts.GREY)
    ax.bar_label(total, [fmt(n["total"], lang)], label_type="center", fontsize=10, color="white")
    ax.barh(1, n["gap"], left=n["together"], height=0.55, color="white", edgecolor=charts.VERMILLION, hatch="///",
            linewidth=1.2)
    ax.annotate(words("gap_label", lang, km=fmt(n["gap"], lang)), xy=(n["together"] + n["gap"] / 2, 1.3),
                xytext=(n["together"] + n["gap"] / 2, 1.62), ha="center", fontsize=9.5, color=charts.VERMILLION,
                arrowprops={"arrowstyle": "-", "color": charts.VERMILLION})
    ax.set_yticks([0, 1], [charts.wrap(words("total_bar", lang), 18), charts.wrap(words("stages_bar", lang), 18)])
    ax.set_xlim(0, n["total"] * 1.02)
    ax.set_ylim(-0.5, 1.85)
    _number_ticks(ax, lang)
    ax.set_xlabel(words("km", lang))
    ax.legend(loc="upper left", bbox_to_anchor=(0, -0.28), ncol=2, fontsize=8.5, frameon=False)
    ids = charts.ids_of(stages) + [n["total_id"]]
    return charts.finish(fig, title=words("stage_title", lang).replace("1445", fmt(n["total"], lang)),
                         subtitle=words("stage_subtitle", lang), ids=ids, lang=lang)


def pace_chart(lang: str = "en"):
    """Tsarist average, Soviet maximum and stated average pace in km a day, with the stated maximum marked."""
    from . import charts

    lang = check_lang(lang)
    figures = load("turksib_figures", lang=lang).set_index("figure_id")
    rows = [("tsarist_rate", charts.GREY), ("soviet_rate", charts.BLUE), ("stated_average_rate", charts.VERMILLION)]
    both = load("turksib_figures", lang="both").set_index("figure_id")
    values = [_km_a_day(both.loc[key]) for key, _ in rows]
    labels = [
        charts.wrap(f"{figures.loc[key, 'label']} ({_qualifier(both.loc[key, 'qualifier'], lang)})", 34) for key, _ in rows
    ]
    fig = charts.figure(8, 3.4)
    ax = charts.style_axes(fig.add_subplot(), grid="x")
    bars = ax.barh(labels[::-1], values[::-1], color=[c for _, c in rows][::-1], height=0.55)
    ax.bar_label(bars, [fmt(v, lang) for v in values[::-1]], padding=4, fontsize=10)
    maximum = values[1]
    ax.axvline(maximum, color=charts.BLUE, linestyle="--", linewidth=1)
    ax.text(maximum, 2.45, " " + words("pace_max_line", lang), color=charts.BLUE, fontsize=9, va="bottom")
    ax.set_xlim(0, max(values) * 1.2)
    ax.set_ylim(-0.5, 2.8)
    _number_ticks(ax, lang)
    ax.set_xlabel(words("km_day", lang))
    ids = sorted({i for key, _ in rows for i in split_ids(both.loc[key, "sentence_id"])})
    return charts.finish(fig, title=words("pace_title", lang), subtitle=words("pace_subtitle", lang), ids=ids, lang=lang)


def findings_chart(lang: str = "en"):
    """Findings by kind, each bar split by what the check shows."""
    from . import charts

    lang = check_lang(lang)
    findings = table(lang)
    grid = pd.crosstab(findings["kind"], findings["verdict"]).reindex(index=list(KINDS), columns=list(VERDICTS), fill_value=0)
    grid = grid.iloc[::-1]
    colours = {"problem": charts.VERMILLION, "unclear": charts.ORANGE, "holds": charts.GREEN, "standpoint": charts.BLUE}
    fig = charts.figure(9, 5.6)
    ax = charts.style_axes(fig.add_subplot(), grid="x")
    labels = [charts.wrap(words(f"kind_{k}", lang), 42) for k in grid.index]
    left = pd.Series(0, index=grid.index)
    for verdict in VERDICTS:
        ax.barh(labels, grid[verdict], left=left, color=colours[verdict], height=0.6,
                label=words(f"verdict_{verdict}", lang), edgecolor="white")
        left = left + grid[verdict]
    for y, total in enumerate(left):
        ax.text(total + 0.15, y, str(int(total)), va="center", fontsize=9.5)
    ax.set_xlim(0, left.max() + 1.5)
    ax.set_xlabel(words("number_of_findings", lang))
    ax.tick_params(axis="y", labelsize=9)
    ax.legend(loc="lower right", fontsize=9, frameon=False)
    ids = charts.ids_of(findings)
    fig = charts.finish(fig, title=words("findings_title", lang), subtitle=words("findings_subtitle", lang), ids=ids,
                        lang=lang, note=words("findings_note", lang))
    return fig


def voices_chart(lang: str = "en"):
    """Words quoted per speaker, from the quotations table."""
    from . import charts

    lang = check_lang(lang)
    from matplotlib.patches import Patch

    table_ = voices(lang).iloc[::-1]
    fig = charts.figure(8.5, 0.36 * len(table_) + 2.2)
    ax = charts.style_axes(fig.add_subplot(), grid="x")
    side = {"d2": charts.VERMILLION, "d1": charts.BLUE}
    colours = [side.get(d, charts.GREY) for d in table_["direction_id"]]
    bars = ax.barh([charts.wrap(s, 44) for s in table_["speaker"]], table_["words"], color=colours, height=0.6)
    ax.bar_label(bars, [str(int(w)) for w in table_["words"]], padding=3, fontsize=9)
    ax.set_xlim(0, table_["words"].max() * 1.12)
    ax.tick_params(axis="y", labelsize=8.5)
    ax.set_xlabel(words("words_quoted", lang))
    handles = [Patch(color=side["d2"], label=words("voices_d2", lang)), Patch(color=side["d1"], label=words("voices_d1", lang)),
               Patch(color=charts.GREY, label=words("voices_other", lang))]
    ax.legend(handles=handles, loc="lower right", fontsize=9, frameon=False)
    fig = charts.finish(fig, title=words("voices_title", lang), subtitle=words("voices_subtitle", lang),
                        ids=charts.ids_of(table_), lang=lang)
    return fig


# --- The widget -----------------------------------------------------------------------------


def _options(kind: str, lang: str) -> list[tuple[str, str]]:
    findings = table(lang)
    chosen = findings[findings["kind"] == kind]
    return list(zip(chosen["title"], chosen["finding_id"]))


def explorer(lang: str = "en", finding_id: str | None = None):
    """Pick a kind of finding, then a finding: see its sentences, its calculation (computed now) and the conclusion."""
    import ipywidgets as widgets

    from .widgets import PrintableBox

    lang = check_lang(lang)
    findings = table(lang)
    finding_id = finding_id or findings["finding_id"].iloc[0]
    start_kind = findings.set_index("finding_id").loc[finding_id, "kind"]
    kinds = [k for k in KINDS if k in set(findings["kind"])]
    wide = widgets.Layout(width="auto", min_width="28em")
    kind = widgets.Dropdown(options=[(words(f"kind_{k}", lang), k) for k in kinds], value=start_kind,
                            description=words("kind", lang), layout=wide)
    choice = widgets.Dropdown(options=_options(start_kind, lang), value=finding_id, description=words("finding", lang),
                              layout=wide)
    kind.add_class("histkit-kind")
    choice.add_class("histkit-finding")
    page = widgets.HTML(finding_html(finding_id, lang))
    shown = {"id": finding_id}

    def redraw(new_id):
        if new_id is not None and new_id != shown["id"]:
            page.value = finding_html(new_id, lang)
            shown["id"] = new_id

    def on_kind(change):
        options = _options(change["new"], lang)
        choice.options = options  # ipywidgets moves the value to the first option, which calls on_finding
        if choice.value not in [v for _, v in options]:
            choice.value = options[0][1]
        redraw(choice.value)

    def on_finding(change):
        redraw(change["new"])

    kind.observe(on_kind, names="value")
    choice.observe(on_finding, names="value")
    box = PrintableBox([widgets.VBox([kind, choice]), page], lang=lang, layout=widgets.Layout(border="1px solid #ccc", padding="0.6em"))
    box.add_class("histkit-findings")
    return box
