"""Words on screen: dates in words, and the language check."""

import pandas as pd
import pytest

from histkit.errors import LanguageError
from histkit.ui.words import date_words, t


def test_dates_in_words_keep_only_the_parts_given():
    assert date_words(1930, 4, 28) == "28 April 1930"
    assert date_words(1930, 4, 28, lang="kk") == "1930 ж. 28 сәуір"
    assert date_words(1929, 1) == "January 1929"
    assert date_words(1927, pd.NA, pd.NA, lang="kk") == "1927 ж."
    assert date_words(1927, float("nan")) == "1927"


def test_the_words_are_filled_and_the_language_checked():
    assert t("source_many", "en", ids="s118, s120") == "Source: sentences s118, s120 of the Kazakh text"
    with pytest.raises(LanguageError):
        t("check", "ru")
