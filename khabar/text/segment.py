"""Clitic segmentation: which clitic words a surface token is made of.

``والولايات`` is و + ال + ولايات; ``للعراق`` is ل + ال (written ل) + عراق; ``لـ`` before a
quotation mark is the preposition alone. Segments are reported with offsets into the surface
token (diacritics and tatweel go with the letter before them) and a normalised ``form``.
"""

from __future__ import annotations

from ..resources import load_yaml
from .normalize import normalize, normalize_with_map

Segment = tuple[int, int, str, str]  # (start, end, role, form), relative to the token


class Segmenter:
    """Splits Arabic word tokens into proclitics, article, stem and enclitics."""

    def words(self, surface: str) -> tuple[Segment, ...]:
        """The clitic words of ``surface`` with offsets relative to it."""
        skeleton = normalize_with_map(surface, strip_only=True)
        letters = skeleton.text
        if not letters:
            return ((0, len(surface), "stem", normalize(surface)),)
        if surface.endswith("\u0640") and self._only_clitics(letters):
            segments = self._clitics_alone(letters)
        else:
            segments = self.split(letters)
        out: list[Segment] = []
        for i, (start, end, role, form) in enumerate(segments):
            s = 0 if i == 0 else skeleton.to_original(start, start)[0]
            e = len(surface) if i == len(segments) - 1 else skeleton.to_original(end, end)[0]
            out.append((s, e, role, form))
        return tuple(out)

    def split(self, letters: str) -> list[Segment]:
        """Segments of an undiacritised word ``letters`` (offsets into it)."""
        segments: list[Segment] = []
        i = 0
        n = len(letters)
        if n >= 5 and letters[0] in "وف" and (letters[1:3] in ("ال", "لل") or
                                              (letters[1] in "بك" and letters[2:4] == "ال")):
            segments.append((0, 1, "proclitic", letters[0]))
            i = 1
        if n - i >= 5 and letters[i] in "بك" and letters[i + 1 : i + 3] == "ال":
            segments.append((i, i + 1, "proclitic", letters[i]))
            i += 1
        if n - i >= 4 and letters[i : i + 2] == "لل":
            segments.append((i, i + 1, "proclitic", "ل"))
            segments.append((i + 1, i + 2, "article", "ال"))
            i += 2
        elif n - i >= 4 and letters[i : i + 2] == "ال":
            segments.append((i, i + 2, "article", "ال"))
            i += 2
        segments.append((i, n, "stem", normalize(letters[i:])))
        return segments

    @staticmethod
    def _only_clitics(letters: str) -> bool:
        """Whether ``letters`` is a run of proclitics with or without the article (وبـ، الـ)."""
        body = letters.removesuffix("ال")
        return len(body) <= 2 and all(ch in _proclitic_letters() for ch in body)

    @staticmethod
    def _clitics_alone(letters: str) -> list[Segment]:
        body = letters.removesuffix("ال")
        out: list[Segment] = [(i, i + 1, "proclitic", ch) for i, ch in enumerate(body)]
        if len(body) < len(letters):
            out.append((len(body), len(letters), "article", "ال"))
        return out


def _proclitic_letters() -> frozenset[str]:
    groups = load_yaml("clitics")["proclitics"]
    return frozenset(ch for group in groups.values() for ch in group)
