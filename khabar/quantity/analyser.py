"""The quantity analyser: amounts with their unit, approximators and currencies.

It runs after the time analyser and never claims a token inside a time expression, so a year
or a date is never a quantity («2500 عسكري» is 2500 soldiers; «في 2008» is a year).
"""

from __future__ import annotations

import dataclasses
import re

from ..model import Analysis, Quantity, Token
from ..numbers import Number, number_word, read_number
from ..options import Options
from ..time.lexicon import Unit, lexicon, number_norms, sentence_units
from .units import UnitEntry, adjective_key, learned_singulars, singular, units

#: Number words that are never an amount on their own.
_NOT_ALONE = frozenset({"واحد", "واحده", "صفر"})
_ORDINAL_BEFORE = frozenset({"ال", "الـ", "رقم", "المرتبه", "المركز", "الماده", "الفقره",
                             "البند", "القرار", "الدوره", "النسخه", "الدقيقه", "الجوله",
                             "الحلقه", "الصفحه", "الطبعه", "الفصل", "الكيلومتر", "الشوط",
                             "المره", "للمره", "المصنف", "المصنفه"})
_YEAR_RANGE = (1900, 2100)
#: Words whose model name comes a word later: «طراز إيه 6».
#: Also the heads of names with a number in them: «مهرجان صيف جدة 36», «دائرة فرنسا 1»,
#: «قناة فرانس 24».
_MODEL_WORDS = frozenset({"طراز", "طرازي", "موديل", "مهرجان", "داءره", "قناه", "اذاعه"})
#: «سالب 37 دولار»: minus.
_MINUS = frozenset({"سالب", "ناقص"})
_BETWEEN_NUMBERS = frozenset({":", "/", "-", "–"})
_TEENS = frozenset({"عشر", "عشره"})
_RANGE_TO = frozenset({"الي", "حتي", "-", "–"})
_ARTICLE = frozenset({"ال", "الـ"})
#: Scale words after a definite number word that still make an amount («العشرة ملايين»).
_SCALES = frozenset({"الف", "الاف", "مليون", "ملايين", "مليار", "مليارات"})
#: «بثلاثة نظيفة», «بهدفين نظيفين»: a score with no goal against.
_CLEAN_SHEET = frozenset({"نظيفه", "نظيف", "نظيفين", "نظيفتين"})
#: «320.000»: thousands set off by dots.
_THOUSANDS = re.compile(r"^[0-9]{1,3}(?:\.000)+$")
_THAT = frozenset({"ان", "انه", "انها", "انهم", "بان", "بانه", "بانها"})
#: Words in «ال…» before a bare number that still counts (prepositions, relatives, «العدد»).
_NOT_A_NAME_BEFORE = frozenset({"الي", "الا", "الذي", "التي", "الذين", "اللذين", "اللتين",
                                "اللاتي", "اللواتي", "العدد", "الان", "اليوم", "الاجمالي",
                                "القتلي", "الضحايا", "المصابين", "الجرحي", "الوفيات"})


class QuantityAnalyser:
    """Fills ``analysis.quantities``."""

    name = "quantities"
    needs = frozenset({"tokens", "times"})
    provides = frozenset({"quantities"})

    def __init__(self, options: Options) -> None:
        lexicon()
        units()
        learned_singulars()

    def __call__(self, analysis: Analysis) -> None:
        times = sorted((t.start, t.end) for t in analysis.times)
        out = analysis.quantities
        text = analysis.text
        for index in range(len(analysis.sentences)):
            tokens = analysis.sentence_tokens(index)
            if not tokens:
                continue
            sentence = analysis.sentences[index]
            spans = [t for t in times if t[0] < sentence.end and sentence.start < t[1]]
            covered = _covered(tokens, spans) if spans else None
            self._sentence(text, tokens, sentence_units(analysis, index), covered, out)

    def _sentence(self, text: str, tokens: list[Token], found: list[Unit],
                  covered: list[bool] | None, out: list[Quantity]) -> None:
        norms = [u.norm for u in found]
        numbers = number_norms(found)
        n = len(found)
        i = 0
        while i < n:
            unit = found[i]
            tags = unit.tags
            if covered is not None and covered[unit.first]:
                i += 1
                continue
            reading = numbers
            if "num" not in tags and "numword" not in tags:
                if not _definite_before_scale(norms, i):
                    i += 1
                    continue
                reading = [*numbers[:i], unit.norm[2:], *numbers[i + 1:]]
            number = read_number(reading, i)
            if number is None or not self._is_amount(found, norms, i, number.end, covered):
                i += 1
                continue
            number = _spoken_decimal(found, norms, number) or _dotted_thousands(unit, number)
            start, end = unit.start, found[number.end - 1].end
            approx = False
            mod: str | None = None
            if i > 0 and "approx" in found[i - 1].tags and not _is_covered(found[i - 1],
                                                                            covered):
                mod = found[i - 1].tags["approx"]
                start = found[i - 1].start
            value = number.value
            if i > 0 and norms[i - 1] in _MINUS and not _is_covered(found[i - 1], covered):
                value, start = -value, found[i - 1].start
            k = number.end
            if i > 0 and norms[i - 1] == "(" and k + 1 < n and norms[k] == ")" and \
                    self._counted(tokens, found[k + 1], covered):
                start, k = found[i - 1].start, k + 1  # «(320.000) حبة كبتاغون»
            if _model_name(found, norms, i, number) and (k >= n or (
                    units().match(norms, k) is None and
                    not self._counted(tokens, found[k], covered))):
                i = k  # «بوينغ 737»: a name, not an amount
                continue
            name: str | None = None
            kind = "count"
            currency: str | None = None
            matched = units().match(norms, k) if k < n else None
            if matched is not None and not _is_covered(found[k], covered):
                entry, k = matched
                name, kind, currency = entry.name, entry.kind, entry.currency
                end = found[k - 1].end
                if entry.by_country and k < n:
                    code = _country(entry, norms[k])
                    if code is not None:
                        currency, end, k = code, found[k].end, k + 1
            elif k < n and self._counted(tokens, found[k], covered) and \
                    not _looks_like_year(number, tokens[found[k].first].norm):
                last = number.last
                plural = (isinstance(last, int) and 3 <= last % 100 <= 10 and not number.digits) \
                    or (number.digits and isinstance(number.value, int) and \
                    3 <= number.value % 100 <= 10)
                name = singular(tokens[found[k].first].text, plural)
                end = found[k].end
                k += 1
            elif number.digits and isinstance(number.value, int) and \
                    _YEAR_RANGE[0] <= number.value <= _YEAR_RANGE[1] and number.end == i + 1:
                i = number.end  # a year the time analyser left alone: not an amount
                continue
            if k < n and "approx_after" in found[k].tags and mod is None:
                mod = found[k].tags["approx_after"]
                end = found[k].end
                k += 1
            if name is None and mod is None and (_names_something(found, norms, i, number)
                                                 or _in_a_row(norms, number.end)):
                i = number.end  # «المصنف 63», «فرانس 24», «الدائرة 16»: a rank or a name
                continue
            if mod == "APPROX":
                approx, mod = True, None
            out.append(Quantity(start, end, text[start:end], value, name, approx, mod,
                                kind, currency))
            i = k

    def _is_amount(self, found: list[Unit], norms: list[str], i: int, end: int,
                   covered: list[bool] | None) -> bool:
        unit = found[i]
        if covered is not None and any(covered[found[k].first] for k in range(i, end)):
            return False
        if end == i + 1 and unit.norm in _NOT_ALONE:
            return False
        if "numword" in unit.tags and unit.norm.startswith("ال") and \
                number_word(unit.norm[2:]) is not None and not (
                    end < len(norms) and norms[end] in _SCALES):
            return False  # «الثلاثة»: definite, an adjective (not «العشرة ملايين يورو»)
        if "num" in unit.tags and len(unit.text) >= 6 and unit.text[:1] in "0٠" and \
                unit.text.isdigit():
            return False  # «ورقمه (0125739992)»: a phone number
        if unit.norm[:3] == "اثن" and unit.text.lstrip("وف")[:1] == "أ":
            return False  # «أثنى عليه»: the verb "praised", not «اثنا/اثني» "two"
        if end + 1 < len(norms) and norms[end] in ("دون", "مقابل") and \
                norms[end + 1] in ("رد", "مقابل", "هدف", "رصيد"):
            return False  # «بثلاثة دون رد»: a score
        if end < len(norms) and norms[end] in _CLEAN_SHEET:
            return False  # «بثلاثة نظيفة»: a score
        if i > 0 and norms[i - 1] in _ORDINAL_BEFORE and not unit.clitic and not (
                norms[i - 1] in _ARTICLE and end < len(norms) and (
                    units().match(norms, end) is not None or _counted_noun(found[end]))):
            return False  # «المركز 11», «ال11» — but «فارق الـ15 نقطة», «الـ 200 مليون دولار»
        if i > 1 and norms[i - 1] == "(" and norms[i - 2] in _ORDINAL_BEFORE:
            return False  # «المادة (50)», «رقم (62)»
        if (i == 0 or norms[i - 1] in ("(", "-", "*", "•")) and end < len(norms) and \
                norms[end] in (".", "-", ")", "–") and "num" in unit.tags and \
                not any(c in unit.text for c in ".,٬"):  # (not «(320.000) حبة»)
            return False  # a list marker: «2 - أن يكون …», «3. أحكام …»
        if i + 2 < len(norms) and norms[i + 1] in _BETWEEN_NUMBERS and \
                "num" in found[i + 2].tags:
            return False  # a ratio, a score (2-1) or a clock time
        if i > 0 and unit.norm in _TEENS and ("ordinal" in found[i - 1].tags or
                                             norms[i - 1] in ("الاثني", "الاثنا") or (
                                                 norms[i - 1].startswith("ال") and
                                                 number_word(norms[i - 1][2:]) is not None)):
            return False  # «الخامسة عشرة», «الأشهر الاثني عشر», «دور الستة عشر»: definite
        if end < len(norms) and norms[end] in _RANGE_TO and end + 1 < len(found) and \
                "num" in found[end + 1].tags and covered is not None and \
                covered[found[end + 1].first]:
            return False  # «ما بين 26 إلى 28 أبريل»: the first day of a range of dates
        k = end + 2 if end + 2 < len(found) and norms[end] in ("او", "و") and \
            "num" in found[end + 1].tags else end
        if k < len(found) and "day_part" in found[k].tags:
            return False  # «من 10 أو 11 صباحا»: an hour
        return not (i > 1 and norms[i - 1] in _BETWEEN_NUMBERS and "num" in found[i - 2].tags)

    def _counted(self, tokens: list[Token], unit: Unit, covered: list[bool] | None) -> bool:
        """Whether ``unit`` is the noun a number before it counts."""
        if unit.kind != "word" or unit.last - unit.first != 1 or unit.tags:
            return False
        if covered is not None and covered[unit.first]:
            return False
        token = tokens[unit.first]
        if token.proclitics or token.norm.startswith("ال") or len(token.norm) < 2:
            return False
        return token.norm not in units().not_counted


def _definite_before_scale(norms: list[str], i: int) -> bool:
    """«ما يقارب العشرة ملايين يورو»: a definite number word before a scale word."""
    norm = norms[i]
    return norm.startswith("ال") and i + 1 < len(norms) and norms[i + 1] in _SCALES and \
        number_word(norm[2:]) is not None


def _spoken_decimal(found: list[Unit], norms: list[str], number: Number) -> Number | None:
    """«50 فاصل 2 بالمائة»: a decimal read out with «فاصل» (Tunisian news), 50.2."""
    k = number.end
    if not number.digits or not isinstance(number.value, int) or k + 1 >= len(found) or \
            norms[k] != "فاصل" or "num" not in found[k + 1].tags or \
            not found[k + 1].text.isdigit():
        return None
    value = float(f"{number.value}.{found[k + 1].text}")
    return dataclasses.replace(number, value=value, end=k + 2, last=value)


def _dotted_thousands(unit: Unit, number: Number) -> Number:
    """«(320.000) حبة»: a dot between thousands, not a decimal point (never «.000»)."""
    if number.end - number.start == 1 and _THOUSANDS.match(unit.text):
        value = int(unit.text.replace(".", ""))
        return dataclasses.replace(number, value=value, last=value)
    return number


def _counted_noun(unit: Unit) -> bool:
    """Whether ``unit`` reads as the noun a number counts («نقطة» in «الـ15 نقطة»)."""
    return unit.kind == "word" and not unit.tags and not unit.clitic and \
        not unit.norm.startswith("ال") and len(unit.norm) > 2 and \
        unit.norm not in units().not_counted


def _names_something(found: list[Unit], norms: list[str], i: int, number: Number) -> bool:
    """Whether a bare number with no unit is part of a name or a rank — written in digits
    right after a definite noun or a Latin word («المصنف 63», «الدائرة 16», «Mobily 737221»)
    and followed by nothing that makes it a count («من», «آخرين»)."""
    if i == 0 or not number.digits or number.end != i + 1:
        return False
    before = found[i - 1]
    nxt = norms[number.end] if number.end < len(norms) else ""
    if before.kind == "latin" or (before.kind == "word" and nxt in _THAT):
        return True  # «Mobily 737221», «لإذاعة فرانس 24 إنها …»
    prev = norms[i - 1]
    if before.kind != "word" or before.clitic or not prev.startswith("ال") or \
            prev in _NOT_A_NAME_BEFORE or "approx" in before.tags or \
            any(w.startswith("عدد") for w in norms[max(0, i - 3):i]):
        return False  # «بلغ عدد القتلى 35»: a count
    return not (nxt in ("من", "منهم", "منها") or nxt.startswith(("اخر", "وآخر")))


def _model_name(found: list[Unit], norms: list[str], i: int, number: Number) -> bool:
    """Whether a bare number in digits names a model or an edition: «بوينغ 737», «من طرازي
    إيه 6 و إيه 7» (a word of ``names_before_number`` before it, or «طراز» a word earlier)."""
    if i == 0 or not number.digits or number.end != i + 1 or \
            not isinstance(number.value, int) or found[i - 1].kind != "word":
        return False
    if norms[i - 1] in units().names_before:
        return True
    return not norms[i - 1].startswith("ال") and any(
        w in _MODEL_WORDS for w in norms[max(0, i - 5):i - 1])


def _in_a_row(norms: list[str], end: int) -> bool:
    """«انتصاره 18 على التوالي»: the 18th in a row, not an amount."""
    return norms[end:end + 2] == ["علي", "التوالي"]


def _looks_like_year(number: Number, noun: str) -> bool:
    """«الانتفاضة الأولى 1987 صادر»: a bare number that reads as a year, before a word that
    does not look counted (a counted noun after 1987 would be in the accusative: «1987 شخصا»)."""
    value = number.value
    return (number.digits and number.end - number.start == 1 and isinstance(value, int)
            and _YEAR_RANGE[0] <= value <= _YEAR_RANGE[1] and value % 50 != 0
            and not noun.endswith("ا"))


def _country(entry: UnitEntry, norm: str) -> str | None:
    key = adjective_key(norm)
    for adjective, code in entry.by_country:
        if adjective == key:
            return code
    return None


def _is_covered(unit: Unit, covered: list[bool] | None) -> bool:
    return covered is not None and covered[unit.first]


def _covered(tokens: list[Token], spans: list[tuple[int, int]]) -> list[bool]:
    """For each token, whether it overlaps a time expression."""
    out = [False] * len(tokens)
    for k, token in enumerate(tokens):
        for start, end in spans:
            if token.start < end and start < token.end:
                out[k] = True
                break
    return out
