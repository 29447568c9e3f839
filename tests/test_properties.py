"""Property tests: on arbitrary Arabic-heavy strings the whole pipeline never raises and every
span it reports lies inside the text."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import khabar

ARABIC_WORDS = [
    "قال", "وقال", "الرئيس", "الأميركي", "جو", "بايدن", "إن", "أن", "في", "العراق", "بالعراق",
    "للعراق", "وواشنطن", "أمس", "الخميس", "المقبل", "الماضي", "نهاية", "العام", "الجاري", "نحو",
    "50", "2500", "٢٠٢١", "هجوما", "مليون", "دولار", "بحسب", "نقلت", "صحيفة", "عن", "مسؤول",
    "طلب", "عدم", "نشر", "اسمه", "المتحدث", "باسم", "وزارة", "الدفاع", "لـ", "كانون", "الثاني",
    "رمضان", "1445", "هـ", "الساعة", "15:30", "%", "في المئة", "أضاف", "أوضح", "وأشار", "إلى",
    ":", "30", "3", "/", "2021", "يوليو", "تموز", "الأول", "منذ", "قبل", "ثلاثة", "أيام",
    "وﻻترى", "ﻷول", "الـﻷول", "بـ", "لـ”",
]
PUNCTUATION = [*".،؛؟!…:\"“”«»()-/\n ", "  ", " \n\n", "ـ", "\u064e", "\u200f", "ﻻ"]

fragments = st.one_of(
    st.sampled_from(ARABIC_WORDS),
    st.sampled_from(PUNCTUATION),
    st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), max_size=6),
    st.text(max_size=4),  # anything at all: Latin, emoji, controls, surrogates excluded by text()
)
texts = st.lists(fragments, max_size=80).map(" ".join)


def spans(node, path="$"):
    """Every (path, start, end) in a serialised analysis."""
    if isinstance(node, dict):
        if isinstance(node.get("start"), int) and isinstance(node.get("end"), int):
            yield path, node["start"], node["end"]
        for key, value in node.items():
            yield from spans(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from spans(value, f"{path}[{i}]")


def check(text: str, published) -> None:
    analysis = khabar.analyze(khabar.Article(text, published=published))
    data = analysis.to_dict()
    assert data["text"] == text
    for path, start, end in spans(data):
        assert 0 <= start < end <= len(text), (path, start, end)
    previous = 0
    for sentence in data["sentences"]:
        assert previous <= sentence["start"], "sentences overlap or are out of order"
        previous = sentence["end"]
    token_ends = 0
    for token in data["tokens"]:
        assert token_ends <= token["start"]
        token_ends = token["end"]
        assert token["words"][0]["start"] == token["start"]
        assert token["words"][-1]["end"] == token["end"]
    for index in data["summary"]:
        assert 0 <= index < len(data["sentences"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1),
                                                max_value=date(2100, 12, 31))))
def test_analyze_never_raises_and_spans_stay_inside(text, published):
    check(text, published)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_string_at_all(text):
    check(text, date(2021, 7, 23))


@pytest.mark.parametrize("text", [
    "قال: 30 شخصا أصيبوا",         # a word, a colon and two digits once crashed the clock rule
    "النتيجة: 45 دقيقة",
])
def test_inputs_that_once_crashed(text):
    check(text, date(2021, 7, 23))
