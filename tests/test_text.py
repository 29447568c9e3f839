"""The Arabic text layer: normalisation, quotation marks, sentences, tokens, clitic words."""

from __future__ import annotations

import pytest

import khabar
from khabar.text.normalize import normalize, normalize_with_map
from khabar.text.quotes import quote_pairs
from khabar.text.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def tokens(text: str) -> list[str]:
    return [t.text for t in khabar.analyze(text).tokens]


# --- normalisation ----------------------------------------------------------------------------

@pytest.mark.parametrize(("a", "b"), [
    ("الأميركيّة", "الاميركيه"),          # diacritics, hamza on alef, ta marbuta
    ("إيران", "ايران"),
    ("آب", "اب"),
    ("مسؤول", "مسئول"),                  # hamza carriers
    ("مستشفى", "مستشفي"),                # alef maqsura
    ("الـعـراق", "العراق"),              # tatweel
    ("٢٠٢١", "2021"),                     # Arabic-Indic digits
    ("۲۰۲۱", "2021"),                     # Persian digits
    ("ﺍﻟﻌﺮﺍﻕ", "العراق"),                 # presentation forms
    ("ﻻ", "لا"),                          # a ligature becomes two letters
    ("بغ\u200fداد", "بغداد"),            # a bidi control inside a word
    ("ﺃﻭﺳﺘﻦ", "اوستن"),
])
def test_normalisation_folds_variants(a, b):
    assert normalize(a) == normalize(b)


def test_normalisation_map_points_back_into_the_original():
    text = "قالَ الـوزيرُ ﻻ"
    norm = normalize_with_map(text)
    assert norm.text == "قال الوزير لا"
    start = norm.text.index("الوزير")
    s, e = norm.to_original(start, start + len("الوزير"))
    assert text[s:e] == "الـوزير"
    lam = norm.text.index("لا")
    assert norm.to_original(lam, lam + 2) == (len(text) - 1, len(text))


def test_normalisation_never_changes_the_returned_text():
    text = "قالَ الوزيرُ: «الأمـــن أولاً» ٢٠٢١"
    analysis = khabar.analyze(text)
    assert analysis.text == text
    for token in analysis.tokens:
        assert text[token.start:token.end] == token.text


# --- quotation marks --------------------------------------------------------------------------

def test_rtl_quotes_written_the_wrong_way_round_still_pair():
    text = "انضم إلى المحادثات لـ”إعادة تأكيد التزامه” مواصلة القتال"
    [(o, c)] = quote_pairs(text)
    assert text[o + 1:c] == "إعادة تأكيد التزامه"


def test_guillemets_and_nested_quotes():
    text = "قال: «وصفه بأنه “خطأ فادح” أمس»."
    pairs = quote_pairs(text)
    assert [text[o + 1:c] for o, c in pairs] == ["وصفه بأنه “خطأ فادح” أمس", "خطأ فادح"]


def test_a_stray_quote_is_ignored():
    text = "قال الوزير \"إن الأمر انتهى. ثم غادر القاعة."
    assert quote_pairs(text) == []
    assert sentences(text) == ["قال الوزير \"إن الأمر انتهى.", "ثم غادر القاعة."]


# --- sentences --------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("وصل الوفد. وبدأت المحادثات؟ نعم! انتهى الاجتماع… وغادر الوزير؛ ثم عاد.",
     ["وصل الوفد.", "وبدأت المحادثات؟", "نعم!", "انتهى الاجتماع…", "وغادر الوزير؛",
      "ثم عاد."]),
    # a quotation does not end the sentence unless it ends there
    ('قال: "انتهى الأمر. سنغادر" ثم خرج. وعاد لاحقا.',
     ['قال: "انتهى الأمر. سنغادر" ثم خرج.', "وعاد لاحقا."]),
    ("وقال إن “المهمة لم تتغير. ما نتحدث عنه هو الدعم”.\nوأضاف أن الوضع هادئ.",
     ["وقال إن “المهمة لم تتغير. ما نتحدث عنه هو الدعم”.", "وأضاف أن الوضع هادئ."]),
    ("قال: «انتهى الأمر.» وغادر.", ["قال: «انتهى الأمر.»", "وغادر."]),
    # abbreviations, initials and decimals
    ("قال د. أحمد إن أ.د. سمير حضر. ونما الاقتصاد 3.5 في المئة.",
     ["قال د. أحمد إن أ.د. سمير حضر.", "ونما الاقتصاد 3.5 في المئة."]),
    ("التقى ج. بوش الرئيس. ثم غادر.", ["التقى ج. بوش الرئيس.", "ثم غادر."]),
    ("ولد عام 1921 م. وتوفي عام 2013.", ["ولد عام 1921 م.", "وتوفي عام 2013."]),
    # paragraphs always end a sentence; missing spaces after a full stop
    ("العنوان بلا نقطة\nالفقرة الأولى.", ["العنوان بلا نقطة", "الفقرة الأولى."]),
    ("انتهى الاجتماع.وغادر الوفد.", ["انتهى الاجتماع.", "وغادر الوفد."]),
    # dotted acronyms of letter names are not sentence ends; dotted words are
    ("وقالت شبكة سي.إن.بي.سي إن الخبر صحيح. وذكرت وبي.بي.سي ذلك.",
     ["وقالت شبكة سي.إن.بي.سي إن الخبر صحيح.", "وذكرت وبي.بي.سي ذلك."]),
    ("انتهى الاجتماع.وغادر الوفد.ثم عاد.", ["انتهى الاجتماع.", "وغادر الوفد.", "ثم عاد."]),
    ("زوروا https://example.com/a?b=1 أو www.example.org. شكرا.",
     ["زوروا https://example.com/a?b=1 أو www.example.org.", "شكرا."]),
])
def test_sentence_splitting(text, expected):
    assert sentences(text) == expected


def test_every_sentence_of_the_real_article(example_analysis):
    text = example_analysis.text
    got = [text[s.start:s.end] for s in example_analysis.sentences]
    lines = text.split("\n")
    # 15 paragraphs; the fifth holds two sentences.
    first, second = lines[4].split(". ولفتت")
    expected = [*lines[:4], first + ".", "ولفتت" + second, *lines[5:]]
    assert got == expected
    assert len(got) == 16


def test_sentences_are_ordered_and_disjoint(example_analysis):
    previous_end = 0
    for sentence in example_analysis.sentences:
        assert previous_end <= sentence.start < sentence.end
        previous_end = sentence.end
        tokens_ = example_analysis.sentence_tokens(example_analysis.sentences.index(sentence))
        assert all(sentence.start <= t.start and t.end <= sentence.end for t in tokens_)


# --- tokens -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("تنظيم “داعش”.", ["تنظيم", "“", "داعش", "”", "."]),
    ("المحادثات لـ”إعادة تأكيد", ["المحادثات", "لـ", "”", "إعادة", "تأكيد"]),
    ("بلغ 2,500 و2.5 و٢٥٠٠ دولار", ["بلغ", "2,500", "و2.5", "و٢٥٠٠", "دولار"]),
    ("ارتفع 10.5% في 2021-07-23", ["ارتفع", "10.5", "%", "في", "2021", "-", "07", "-", "23"]),
    ("موقع https://example.com/ar/news?id=3 وبريد info@example.org",
     ["موقع", "https://example.com/ar/news?id=3", "وبريد", "info@example.org"]),
    ("وسم #العراق_اليوم وحساب @khabar_news", ["وسم", "#العراق_اليوم", "وحساب", "@khabar_news"]),
    ("طائرة F-16 وشركة Apple's", ["طائرة", "F-16", "وشركة", "Apple's"]),
    ("(البنتاغون)،", ["(", "البنتاغون", ")", "،"]),
    ("قالَ الوزيرُ", ["قالَ", "الوزيرُ"]),
    ("انتظر...ثم", ["انتظر", "...", "ثم"]),
    ("نقلت سي.إن.إن عن وبي.إم.دبليو.", ["نقلت", "سي.إن.إن", "عن", "وبي.إم.دبليو", "."]),
    ("انتهى.وغادر.ثم", ["انتهى", ".", "وغادر", ".", "ثم"]),
])
def test_tokenisation(text, expected):
    assert tokens(text) == expected


def test_an_acronym_keeps_its_proclitic_apart():
    analysis = khabar.analyze(khabar.Article("وذكرت وبي.بي.سي ولسي.إن.إن الخبر"),
                              khabar.Options(analysers=("text",)))
    assert _words(analysis, "وبي.بي.سي") == [("و", "proclitic", "و"),
                                             ("بي.بي.سي", "stem", "بي.بي.سي")]
    assert _words(analysis, "ولسي.إن.إن") == [("و", "proclitic", "و"), ("ل", "proclitic", "ل"),
                                              ("سي.إن.إن", "stem", "سي.ان.ان")]


def _words(analysis, surface):
    token = next(t for t in analysis.tokens if t.text == surface)
    return [(analysis.text[w.start:w.end], w.role, w.form) for w in token.words]


def test_clitic_words_of_wal_wilayat(example_analysis):
    words = _words(example_analysis, "والولايات")
    assert [w[0] for w in words] == ["و", "ال", "ولايات"]
    assert [w[1] for w in words] == ["proclitic", "article", "stem"]
    token = next(t for t in example_analysis.tokens if t.text == "والولايات")
    assert example_analysis.text[token.core_start:token.end] == "الولايات"


def test_lam_alef_lam_keeps_the_article_form():
    analysis = khabar.analyze("قدم الدعم للقوات العراقية")
    assert _words(analysis, "للقوات") == [
        ("ل", "proclitic", "ل"), ("ل", "article", "ال"), ("قوات", "stem", "قوات")]


def test_a_tatweel_clitic_alone_is_only_a_proclitic():
    analysis = khabar.analyze("انضم لـ”إعادة تأكيد التزامه”")
    assert _words(analysis, "لـ") == [("لـ", "proclitic", "ل")]


def test_clitics_on_numbers():
    analysis = khabar.analyze("في عامي 2009 و2010")
    assert _words(analysis, "و2010") == [("و", "proclitic", "و"), ("2010", "stem", "2010")]


def test_words_cover_each_token_exactly(example_analysis):
    for token in example_analysis.tokens:
        assert token.words, token
        assert token.words[0].start == token.start and token.words[-1].end == token.end
        for a, b in zip(token.words, token.words[1:], strict=False):
            assert a.end == b.start and a.start < a.end


def test_diacritics_and_tatweel_stay_with_their_letters():
    analysis = khabar.analyze("وَالـوِلاياتُ")
    token = analysis.tokens[0]
    assert [analysis.text[w.start:w.end] for w in token.words] == ["وَ", "الـ", "وِلاياتُ"]


@pytest.mark.parametrize("surface", ["ﻷداء", "وﻻترى", "وﻷن", "الـﻷول"])
def test_a_clitic_inside_a_ligature_leaves_no_empty_word(surface):
    # «ﻷ» is one character for ل + أ: the clitic cannot have an offset of its own.
    analysis = khabar.analyze(f"قال إن {surface} مهم")
    token = next(t for t in analysis.tokens if t.text == surface)
    assert all(w.start < w.end for w in token.words)
    assert token.words[0].start == token.start and token.words[-1].end == token.end
