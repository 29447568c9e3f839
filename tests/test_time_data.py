"""The language data of times and quantities: complete, and read the way the analysers read it."""

from __future__ import annotations

from khabar.numbers import read_number, read_ordinal
from khabar.quantity.units import units
from khabar.resources import load_yaml
from khabar.text.normalize import normalize
from khabar.time.lexicon import lexicon, phrase_key


def test_every_month_has_a_name_in_every_region():
    months = load_yaml("months")["gregorian"]
    assert sorted(months) == list(range(1, 13))
    levantine = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب",
                 "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"]
    western = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
               "أكتوبر", "نوفمبر", "ديسمبر"]
    maghrebi = {1: "جانفي", 2: "فيفري", 4: "أفريل", 5: "ماي", 6: "جوان", 7: "جويلية", 8: "أوت"}
    for number in range(1, 13):
        forms = months[number]
        assert levantine[number - 1] in forms and western[number - 1] in forms
        if number in maghrebi:
            assert maghrebi[number] in forms


def test_ambiguous_names_are_names_of_the_list():
    for name, key in (("months", "gregorian"), ("hijri_months", "hijri")):
        data = load_yaml(name)
        forms = {normalize(f) for fs in data[key].values() for f in fs}
        assert {normalize(a) for a in data["ambiguous"]} <= forms


def test_hijri_months_and_weekdays_are_complete():
    assert sorted(load_yaml("hijri_months")["hijri"]) == list(range(1, 13))
    assert sorted(load_yaml("weekdays")["weekdays"]) == list(range(1, 8))


def test_the_lexicon_reads_every_entry_as_tokens():
    lx = lexicon()
    assert lx.entries[phrase_key("كانون الثاني")]["month"] == (1, False)
    assert lx.entries[phrase_key("آب")]["month"] == (8, True)
    assert lx.entries[phrase_key("ذو الحجة")]["hmonth"] == (12, False)
    assert lx.entries[phrase_key("أول أمس")]["day"] == -2
    assert lx.entries[phrase_key("بتوقيت غرينتش")]["zone"] == "Z"
    assert phrase_key("كم/ساعة") == ("كم", "/", "ساعه")


def test_number_words_of_the_data_file():
    def value(text):
        words = [normalize(w) for w in text.split()]
        number = read_number(words, 0)
        return number.value if number and number.end == len(words) else None

    assert value("ألفان وخمسمئة") == 2500
    assert value("ثلاثمائة وخمسون ألفا") == 350_000
    assert value("مليون ونصف") == 1_500_000
    assert value("إحدى عشرة") == 11
    assert value("2,500") == 2500
    assert read_ordinal([normalize("الحادي"), normalize("والعشرين")], 0) == (21, 2)


def test_units_know_their_currency_and_measures():
    table = units()
    dollar = table.entries[phrase_key("دولارا")]
    assert (dollar.name, dollar.kind, dollar.currency) == ("دولار", "money", "USD")
    assert table.entries[phrase_key("في المئة")].kind == "percent"
    assert table.entries[phrase_key("برميل")].kind == "measure"
    assert table.plurals[normalize("جنود")] == "جندي"
