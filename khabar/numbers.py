"""Numbers written in digits or in words, shared by the time and quantity analysers.

``read_number`` reads one number from a sequence of normalised words (a token each):
digits with their separators (``2,500`` ``3.5`` ``٢٥٠٠``, already folded to ASCII by
normalisation), number words (``ألفان وخمسمئة``, ``ثلاثة آلاف``, ``مليون ونصف``) and the two
mixed (``27 مليون``, ``2.5 مليار``). ``read_ordinal`` reads an ordinal (``الحادي والعشرين``).
The word lists are in ``khabar/data/ar/numbers.yaml``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .resources import load_yaml
from .text.normalize import normalize

_DIGITS = re.compile(r"[0-9]+(?:[.,][0-9]+)*")
_THOUSANDS = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+")


@dataclass(frozen=True, slots=True)
class NumberWord:
    """One number word: its kind (unit, eleven, teen, ten, hundred, scale, dual, fraction)."""

    kind: str
    value: float


@dataclass(frozen=True, slots=True)
class Number:
    """A number read from words ``[start, end)``: its value and how it was written."""

    value: int | float
    start: int
    end: int
    #: Written (at least partly) in digits.
    digits: bool
    #: The last number word, which decides the form of the counted noun after it.
    last: int | float


@functools.cache
def _words() -> dict[str, NumberWord]:
    data = load_yaml("numbers")
    out: dict[str, NumberWord] = {}

    def add(forms: list[str], kind: str, value: float) -> None:
        for form in forms:
            out.setdefault(normalize(form), NumberWord(kind, value))

    for value, forms in data["units"].items():
        add(forms, "unit", value)
    add(data["eleven"], "eleven", 1)
    add(data["teen"], "teen", 10)
    for value, forms in data["tens"].items():
        add(forms, "ten", value)
    for value, forms in data["hundreds"].items():
        add(forms, "hundred", value)
    for value, forms in data["scales"].items():
        add(forms, "scale", value)
    for value, forms in data["scale_duals"].items():
        add(forms, "dual", value)
    for value, forms in data["fractions"].items():
        if " " not in forms[0]:
            add(forms, "fraction", value)
    return out


@functools.cache
def _ordinals() -> tuple[dict[str, int], dict[str, int]]:
    data = load_yaml("numbers")
    units = {normalize(f): v for v, forms in data["ordinals"].items() for f in forms}
    tens = {normalize(f): v for v, forms in data["ordinal_tens"].items() for f in forms}
    return units, tens


@functools.cache
def _teens() -> frozenset[str]:
    return frozenset(normalize(w) for w in load_yaml("numbers")["teen"])


def number_word(word: str) -> NumberWord | None:
    """The number word ``word`` (normalised) is, or ``None``."""
    return _words().get(word)


def parse_digits(text: str) -> int | float | None:
    """The value of a run of digits with separators (``2,500`` → 2500, ``3.5`` → 3.5)."""
    if not _DIGITS.fullmatch(text):
        return None
    if _THOUSANDS.fullmatch(text):
        return int(text.replace(",", ""))
    if text.count(".") + text.count(",") > 1:
        return None
    text = text.replace(",", ".")
    if "." in text:
        return float(text)
    return int(text)


def _clean(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 6)


def read_number(words: Sequence[str], i: int) -> Number | None:
    """The number that starts at ``words[i]``, or ``None``.

    ``words`` are normalised tokens; the first may carry proclitics already removed by the
    caller. Words after the first join with «و» (``ألف وخمسمئة``) except scales and teens.
    """
    n = len(words)
    total = 0.0
    current = 0.0
    last_scale = 0.0
    last_kind = ""
    last_value: float = 0
    digits = False
    j = i
    while j < n:
        word = words[j]
        joined = False
        entry: NumberWord | None = None
        value: int | float | None = None
        if j == i:
            bare = word[1:] if word.startswith("و") and len(word) > 1 else word
            value = parse_digits(bare)
            entry = None if value is not None else _words().get(word)
            if entry is None and value is None and bare != word and len(word) > 3:
                entry = _words().get(bare)
        else:
            entry = _words().get(word)
            if entry is None and word.startswith("و") and len(word) > 1:
                entry = _words().get(word[1:])
                joined = entry is not None
                if entry is None and last_kind in ("scale", "dual"):
                    # «مليار و150 مليون»: digits after a scale, before a smaller one.
                    digits_value = parse_digits(word[1:])
                    after = _words().get(words[j + 1]) if j + 1 < n else None
                    if digits_value is not None and after is not None and \
                            after.kind == "scale" and after.value < last_scale:
                        current = float(digits_value)
                        last_kind, last_value = "digits", digits_value
                        digits = True
                        j += 1
                        continue
        if value is not None:
            current = float(value)
            digits = True
            last_kind, last_value = "digits", value
            j += 1
            continue
        if entry is None:
            break
        kind = entry.kind
        if j > i and not joined and word in _teens() and last_kind == "unit" \
                and 1 <= last_value <= 9:
            kind = "teen"
        if j == i and kind in ("teen", "scale") and word not in ("الف", "مليون", "مليار"):
            break
        if kind == "eleven":
            if j + 1 < n and words[j + 1] in _teens() and not joined and \
                    (j == i or last_kind in ("scale", "hundred")):
                current += 11
                last_kind, last_value = "teen", 11
                j += 2
                continue
            break
        if kind == "unit":
            if j > i and not joined:
                break
            if last_kind in ("unit", "teen", "ten") and j > i:
                break
            current += entry.value
        elif kind == "teen":
            current += 10
            last_kind, last_value = "teen", last_value + 10
            j += 1
            continue
        elif kind == "ten":
            if j > i and not joined:
                break
            if last_kind in ("ten", "teen", "hundred") and not joined:
                break
            current += entry.value
        elif kind == "hundred":
            if j > i and not joined and last_kind == "unit" and 3 <= last_value <= 9 \
                    and entry.value == 100:
                current = current - last_value + last_value * 100
            elif j > i and not joined:
                break
            else:
                current += entry.value
        elif kind == "scale":
            if joined or (last_scale and entry.value >= last_scale):
                break
            if j > i and last_kind == "fraction":
                current = current or 0.5
            current = (current or 1) * entry.value
            total += current
            current = 0
            last_scale = entry.value
        elif kind == "dual":
            if j > i and not joined:
                break
            if last_scale and entry.value >= last_scale:
                break
            total += 2 * entry.value
            last_scale = entry.value
        elif kind == "fraction":
            if j == i:
                # «نصف مليون»: a fraction counts only before a scale.
                if j + 1 < n and _words().get(words[j + 1], NumberWord("", 0)).kind == "scale":
                    current = entry.value
                    last_kind, last_value = "fraction", entry.value
                    j += 1
                    continue
                break
            if not joined:
                break
            if last_kind in ("scale", "dual"):
                total += entry.value * last_scale
                if j + 1 < n and _words().get(words[j + 1]) == NumberWord("scale", last_scale):
                    j += 1  # «مليون ونصف مليون»
            elif last_kind in ("unit", "digits", "ten", "teen"):
                current += entry.value
            else:
                break
            last_kind, last_value = "fraction", entry.value
            j += 1
            break
        last_kind, last_value = kind, entry.value
        j += 1
    if j == i:
        return None
    if last_kind == "fraction" and j == i + 1:
        return None
    value = _clean(total + current)
    return Number(value, i, j, digits, _clean(last_value))


def read_ordinal(words: Sequence[str], i: int) -> tuple[int, int] | None:
    """The ordinal that starts at ``words[i]`` as ``(value, end)``: «الحادي والعشرين» → 21."""
    units, tens = _ordinals()
    n = len(words)
    word = words[i]
    if word in tens:
        return tens[word], i + 1
    if word not in units:
        return None
    value = units[word]
    if i + 1 < n:
        after = words[i + 1]
        if after in ("عشر", "عشره") and value < 10:
            return value + 10, i + 2
        if after.startswith("و") and after[1:] in tens and value < 10:
            return value + tens[after[1:]], i + 2
    return value, i + 1
