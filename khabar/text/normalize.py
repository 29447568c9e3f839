"""Orthographic normalisation for matching, with a map back to the original offsets.

Matching folds what Arabic writers vary freely — diacritics, tatweel, alef and hamza forms,
alef maqsura, ta marbuta, Persian letters, Arabic-Indic digits, presentation forms,
zero-width and bidi controls — so that «الأميركيّة» and «الاميركيه» compare equal. The text
khabar returns is never normalised: :class:`Normalized` keeps the map from each normalised
character back to the original, so a span found on the normalised text is reported on the
original one. The rules are in ``khabar/data/ar/orthography.yaml``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from ..resources import load_yaml

_PRESENTATION_RANGES = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF))


def _code_points(spec: str) -> range:
    first, _, last = spec.partition("-")
    start = int(first.removeprefix("U+"), 16)
    end = int(last.removeprefix("U+"), 16) if last else start
    return range(start, end + 1)


def _build_table(fold: bool) -> dict[int, str | None]:
    """Removals, then (with ``fold``) letter folds, then presentation forms decomposed by the
    same table (ﺃ → أ, and → ا when folding)."""
    rules = load_yaml("orthography")
    table: dict[int, str | None] = {}
    for specs in rules["remove"].values():
        for spec in specs:
            for cp in _code_points(spec):
                table[cp] = None
    if fold:
        for group in rules["fold"].values():
            for source, target in group.items():
                table[ord(source)] = target
    for first, last in _PRESENTATION_RANGES:
        for cp in range(first, last + 1):
            if cp not in table:
                decomposed = unicodedata.normalize("NFKC", chr(cp))
                if decomposed != chr(cp):
                    table[cp] = decomposed.translate(table).strip() or None
    return table


@functools.cache
def _table() -> dict[int, str | None]:
    """The ``str.translate`` table: removals, folds and presentation forms in one pass."""
    return _build_table(fold=True)


@functools.cache
def _strip_table() -> dict[int, str | None]:
    """Removals and presentation forms only: letters keep their shape (for segmentation)."""
    return _build_table(fold=False)


@functools.cache
def _length_changers(strip_only: bool) -> re.Pattern[str]:
    """Characters whose normalisation is not exactly one character."""
    table = _strip_table() if strip_only else _table()
    odd = sorted(cp for cp, out in table.items() if out is None or len(out) != 1)
    return re.compile("[" + "".join(re.escape(chr(cp)) for cp in odd) + "]")


@functools.lru_cache(maxsize=200_000)
def normalize(text: str) -> str:
    """``text`` normalised for matching. Cached: meant for tokens and short phrases."""
    return text.translate(_table())


def normalize_text(text: str) -> str:
    """Like :func:`normalize`, uncached, for long texts."""
    return text.translate(_table())


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalised text and the way back to the original.

    ``origin[i]`` is the original offset of normalised character ``i``;
    ``origin[len(text)]`` is the original length. ``origin`` is ``None`` when normalising
    changed no lengths, and offsets are then the same on both sides.
    """

    text: str
    origin: tuple[int, ...] | None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span of normalised span ``[start, end)``."""
        if self.origin is None:
            return start, end
        if start >= end:
            return self.origin[start], self.origin[start]
        # The end maps past the last character it covers, so a character that expanded
        # into several (ﻻ → لا) stays whole.
        return self.origin[start], self.origin[end - 1] + 1


def normalize_with_map(text: str, strip_only: bool = False) -> Normalized:
    """Normalise ``text`` and keep the map back to its offsets.

    With ``strip_only``, only remove diacritics, tatweel and controls and decompose
    presentation forms; letters keep their shape (أ stays أ, ة stays ة).
    """
    table = _strip_table() if strip_only else _table()
    if _length_changers(strip_only).search(text) is None:
        return Normalized(text.translate(table), None)
    pieces: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        out = table.get(ord(ch), ch)
        if not out:
            continue
        pieces.append(out)
        origin.extend([i] * len(out))
    origin.append(len(text))
    return Normalized("".join(pieces), tuple(origin))
