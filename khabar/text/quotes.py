"""Pairing quotation marks.

Arabic news writes «…», “…” and "…", and because of right-to-left editing often writes ” where
“ is meant (``لـ”إعادة تأكيد التزامه”``). Guillemets pair by shape; the other marks are opening
or closing by what stands around them. Pairs never cross a paragraph (a line break), and a mark
left without its partner is ignored, so one stray quote cannot swallow the rest of an article.
"""

from __future__ import annotations

import functools
import re

from ..resources import load_yaml

#: Characters after which an ambiguous quotation mark opens a quotation.
_OPENS_AFTER = set(" \t\r\n\u00a0([{:،,;؛-–—ـ/«“")
#: Characters before which an ambiguous quotation mark closes a quotation.
_CLOSES_BEFORE = set(" \t\r\n\u00a0.,،;؛:!?؟)]}»…-–—")


@functools.cache
def _marks() -> tuple[frozenset[str], frozenset[str], frozenset[str], re.Pattern[str]]:
    quotes = load_yaml("punctuation")["quotes"]
    opening, closing, either = (frozenset(quotes[k]) for k in ("open", "close", "either"))
    pattern = re.compile("[" + re.escape("".join(sorted(opening | closing | either))) + "\n]")
    return opening, closing, either, pattern


@functools.cache
def quote_marks() -> frozenset[str]:
    """Every character khabar treats as a quotation mark."""
    opening, closing, either, _ = _marks()
    return opening | closing | either


def quote_pairs(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Balanced quotations in ``text[start:end]`` as ``(open, close)`` offsets of their marks.

    Nested pairs are all returned; the list is sorted by opening offset.
    """
    opening, closing, either, pattern = _marks()
    end = len(text) if end is None else end
    pairs: list[tuple[int, int]] = []
    stack: list[tuple[int, str]] = []  # (offset, "g" for guillemets or "e" for either)
    for m in pattern.finditer(text, start, end):
        i = m.start()
        ch = text[i]
        if ch == "\n":
            stack.clear()
            continue
        if ch in opening:
            stack.append((i, "g"))
            continue
        if ch in closing:
            if stack and stack[-1][1] == "g":
                pairs.append((stack.pop()[0], i))
            continue
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        top_is_either = bool(stack) and stack[-1][1] == "e"
        if before in _OPENS_AFTER and after not in _CLOSES_BEFORE:
            is_open = True
        elif before.isspace() and after.isspace() and not top_is_either:
            is_open = True  # «وأردفت " ما زلنا…"»: spaces both sides and nothing open
        elif after in _CLOSES_BEFORE or after in either:
            is_open = False
        else:  # letters on both sides: decide by what is open
            is_open = not top_is_either
        if is_open:
            stack.append((i, "e"))
        elif top_is_either:
            pairs.append((stack.pop()[0], i))
    pairs.sort()
    return pairs


def outermost(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pairs of :func:`quote_pairs` not nested inside another."""
    out: list[tuple[int, int]] = []
    for pair in pairs:
        if not out or pair[0] > out[-1][1]:
            out.append(pair)
    return out
