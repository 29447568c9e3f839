"""Sentence splitting for Arabic news.

A sentence ends at ``. ! ? ؟ … ؛`` or at a line break. It does not end inside a quotation
unless the quotation ends there too (``قال: "انتهى الأمر." ثم غادر`` is one sentence;
``قال: "انتهى الأمر." وغادر`` is still one; ``"انتهى الأمر."\\nوغادر`` is two). A full stop
does not end a sentence in a decimal (3.5), after an abbreviation (د. ، أ.د.) or a single letter
(ج. بوش), or inside a word, URL or e-mail address.
"""

from __future__ import annotations

import bisect
import functools
import re

from ..resources import load_yaml
from .acronyms import is_acronym
from .normalize import normalize
from .quotes import outermost, quote_pairs

_LINE = re.compile(r"[^\r\n]+")
_SPACE = frozenset(" \t\u00a0\u200f\u200e\u2009\u202f")


@functools.cache
def _rules() -> tuple[re.Pattern[str], frozenset[str], frozenset[str]]:
    data = load_yaml("punctuation")
    terminators = re.compile("[" + re.escape("".join(data["terminators"])) + "]+")
    trailing = frozenset(data["trailing"])
    abbreviations = frozenset(normalize(a).lower() for a in data["abbreviations"])
    return terminators, trailing, abbreviations


def _is_letter(ch: str) -> bool:
    return ch.isalpha()


def _word_before(text: str, i: int, floor: int) -> str:
    """The run of letters and inner full stops that ends at ``i`` (``أ.د`` in ``أ.د.``)."""
    j = i
    while j > floor and (text[j - 1].isalpha() or (text[j - 1] == "." and j - 1 > floor and
                                                   text[j - 2].isalpha())):
        j -= 1
    return text[j:i]


def _dotted_run(text: str, i: int, floor: int, ceiling: int) -> str:
    """The run of letters and full stops around position ``i``."""
    a, b = i, i
    while a > floor and (text[a - 1].isalpha() or text[a - 1] == "."):
        a -= 1
    while b < ceiling and (text[b].isalpha() or text[b] == "."):
        b += 1
    return text[a:b].strip(".")


def _ends(text: str, i: int, j: int, line_start: int, line_end: int) -> bool:
    """Whether the run of terminators ``text[i:j]`` ends a sentence."""
    before = text[i - 1] if i > line_start else " "
    after = text[j] if j < line_end else " "
    if not (after in _SPACE or after in _rules()[1]):
        # Text runs on after the mark: a URL, 3.5, U.S.A, أ.د, سي.إن.إن — unless two Arabic
        # words meet with a missing space (انتهى.وقال).
        return (_is_arabic(before) and _is_arabic(after) and len(_word_before(text, i,
                line_start)) > 1 and j + 1 < line_end and _is_arabic(text[j + 1])
                and not (j - i == 1 and is_acronym(_dotted_run(text, i, line_start, line_end))))
    if j - i > 1 or text[i] != ".":
        return True
    word = _word_before(text, i, line_start)
    if not word:
        return True
    if normalize(word).lower() in _rules()[2]:
        return False
    if len(word) == 1:
        # A lone letter is an initial (ج. بوش), except a year's era letter (2005 م.).
        k = i - 2
        while k >= line_start and text[k] in _SPACE:
            k -= 1
        return k >= line_start and text[k].isdigit()
    return True


def _is_arabic(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff" and ch.isalpha()


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentences of ``text`` as ``(start, end)`` spans, in order, without surrounding spaces."""
    terminators, trailing, _ = _rules()
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        line_start, line_end = line.span()
        quotes = outermost(quote_pairs(text, line_start, line_end))
        opens = [q[0] for q in quotes]
        start = line_start
        for m in terminators.finditer(text, line_start, line_end):
            i, j = m.span()
            if i < start:
                continue
            if not _ends(text, i, j, line_start, line_end):
                continue
            end = j
            q = bisect.bisect_right(opens, i) - 1
            if q >= 0 and quotes[q][0] < i < quotes[q][1]:
                # Inside a quotation: a boundary only where the quotation ends too.
                close = quotes[q][1]
                if text[j:close].strip(" \t" + "".join(trailing)) != "":
                    continue
                end = close + 1
                while end < line_end and terminators.match(text, end):
                    end = terminators.match(text, end).end()
            while end < line_end and text[end] in trailing:
                end += 1
            _add(text, start, end, spans)
            start = end
        _add(text, start, line_end, spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))
