"""The source text is kept byte for byte, and the sentences table is exactly its documented split."""

import hashlib

import histkit
from histkit.locate import seeds_dir
from histkit.source import SOURCE_NAME, SOURCE_SHA256, read_source, split_sentences


def test_seed_is_byte_for_byte():
    data = (seeds_dir() / SOURCE_NAME).read_bytes()
    assert (
        hashlib.sha256(data).hexdigest()
        == SOURCE_SHA256
        == ("9d71766057fe67133b72d4373708a6cc2dbc177ca3c03af1a3077eff018a23d1")
    )


def test_sentences_table_is_the_split_of_the_seed():
    split = split_sentences(read_source(seeds_dir() / SOURCE_NAME))
    table = histkit.load("sentences", lang="both")
    assert list(table["text_kk"]) == split
    assert list(table["sentence_id"]) == [f"s{i:03d}" for i in range(1, len(split) + 1)]


def test_glued_sentences_are_split():
    assert split_sentences("Бірінші көреміз.1925 жылы екінші.") == ["Бірінші көреміз.", "1925 жылы екінші."]
    assert split_sentences("Ол кетті.С.Сәдуақасов тұрды.") == ["Ол кетті.", "С.Сәдуақасов тұрды."]


def test_initials_are_not_sentence_ends():
    assert split_sentences("Академик Н.С.Курнаков басшылық етті.") == ["Академик Н.С.Курнаков басшылық етті."]


def test_lines_broken_after_abbreviations_are_joined():
    raw = "Бұл 1927 ж.\nқайта қолға алынды.\nСоның барысында К.\nСарымолдаев айтты.\nКузнецк және т.б.\nзауыттар."
    assert split_sentences(raw) == [
        "Бұл 1927 ж. қайта қолға алынды.",
        "Соның барысында К. Сарымолдаев айтты.",
        "Кузнецк және т.б. зауыттар.",
    ]


def test_question_closing_a_quotation_ends_the_sentence():
    assert split_sentences("Оңай емес пе?” Тоталитарлық тәртіп.") == ["Оңай емес пе?”", "Тоталитарлық тәртіп."]


def test_hyphenation_marks_and_odd_spaces_are_removed():
    assert split_sentences("индус¬трияландыру ,\u00a0 А. Сафин") == ["индустрияландыру , А. Сафин"]


def test_the_source_traps_are_handled():
    table = histkit.load("sentences", lang="both").set_index("sentence_id")
    assert not table["text_kk"].str.contains("¬").any()
    assert table.loc["s008", "text_kk"].startswith("1925 жылдың қыркүйегі")  # was glued to s007
    assert table.loc["s054", "text_kk"].startswith("Соның барысында К. Сарымолдаев")  # initial at a line end
    assert table.loc["s146", "text_kk"].endswith("бөленді..")  # the doubled stop is kept as printed
    headings = table.index[table["is_heading"]].tolist()
    assert headings == ["s001", "s031", "s055", "s072", "s095", "s132"]
