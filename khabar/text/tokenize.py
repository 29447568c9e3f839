"""Tokenisation: surface tokens with exact offsets.

Punctuation comes off words (``“داعش”.`` → ``“ داعش ” .``); a clitic written with tatweel before
a non-letter stands alone (``لـ”إعادة`` → ``لـ ” إعادة``); numbers keep their separators
(``2,500`` ``2.5`` ``٢٥٠٠``) and the clitics written onto them (``و2010``); URLs, e-mail
addresses, hashtags, @-mentions, Latin words and acronyms spelt with dotted Arabic letter names
(``سي.إن.إن``, :mod:`khabar.text.acronyms`) are single tokens. Each token is then split into
its clitic words by :mod:`khabar.text.segment`.
"""

from __future__ import annotations

import functools
import re

from ..model import Token, Word
from .acronyms import is_acronym, proclitic_length
from .normalize import normalize
from .segment import Segmenter

_LETTER = (
    "\u0621-\u063a\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc"
    "\u06ff\ufb50-\ufdff\ufe70-\ufefc"
)
_MARK = "\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d"
_DIGIT = "0-9\u0660-\u0669\u06f0-\u06f9"
_LATIN = "A-Za-z\u00c0-\u024f"
_PUNCT = (
    "!-/:-@\\[-`{-~\u00a1-\u00bf\u060c\u061b\u061f\u066a\u06d4\u2010-\u2027"
    "\u2030-\u205e«»"
)

_HEAD = rf"""
    (?P<url>(?:https?://|www\.)[^\s<>"“”«»]*[^\s<>"“”«».,;:!?،؛؟)\]}}'’])
  | (?P<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)
  | (?P<hashtag>\#[\w{_MARK}]+)
  | (?P<mention>@[A-Za-z0-9_]+)
  | (?P<number>(?:[وفبلك]{{1,2}}\u0640*)?[{_DIGIT}]+(?:[.,\u066b\u066c][{_DIGIT}]+)*)
"""
_ACRONYM = rf"""
  | (?P<acronym>[{_LETTER}]{{1,7}}+(?:\.[{_LETTER}]{{1,5}}+){{2,}})
"""
_TAIL = rf"""
  | (?P<word>[{_LETTER}][{_LETTER}{_MARK}]*)
  | (?P<latin>[{_LATIN}][{_LATIN}0-9]*(?:['’\-][{_LATIN}0-9]+)*)
  | (?P<punct>\.{{2,}}|[{_PUNCT}])
  | (?P<symbol>[^\s{_MARK}]|[{_MARK}]+)
"""
_TOKEN = re.compile(_HEAD + _ACRONYM + _TAIL, re.VERBOSE)
#: The same without acronyms (for a dotted run that is not one: words and full stops).
_PLAIN = re.compile(_HEAD + _TAIL, re.VERBOSE)
_NUMBER_CLITICS = re.compile("[وفبلك]{1,2}\u0640*")


class Tokenizer:
    """Splits text into :class:`~khabar.model.Token` objects with their clitic words."""

    def __init__(self, segmenter: Segmenter | None = None) -> None:
        self.segmenter = segmenter or Segmenter()
        self._analyse = functools.lru_cache(maxsize=500_000)(self._token_type)

    def tokenize(self, text: str, start: int = 0, end: int | None = None,
                 sentence: int = 0) -> list[Token]:
        """The tokens of ``text[start:end]``, with offsets into ``text``."""
        end = len(text) if end is None else end
        tokens: list[Token] = []
        append = tokens.append
        analyse = self._analyse
        for m in _TOKEN.finditer(text, start, end):
            kind = m.lastgroup
            s, e = m.span()
            surface = text[s:e]
            if kind == "acronym":
                if not is_acronym(surface):
                    # Dotted words that are not letter names: words and full stops as usual.
                    tokens.extend(self._plain(text, s, e, sentence))
                    continue
                kind = "word"
                surface_kind = "acronym"
            else:
                surface_kind = kind
            norm, relative = analyse(surface, surface_kind)
            if len(relative) == 1:
                role, form = relative[0][2], relative[0][3]
                words: tuple[Word, ...] = (Word(s, e, role, form),)
            else:
                words = tuple([Word(s + ws, s + we, role, form)
                               for ws, we, role, form in relative])
            append(Token(s, e, surface, kind, norm, words, sentence))
        return tokens

    def _plain(self, text: str, start: int, end: int, sentence: int) -> list[Token]:
        """The tokens of ``text[start:end]`` read without the acronym rule."""
        out = []
        for m in _PLAIN.finditer(text, start, end):
            s, e = m.span()
            norm, relative = self._analyse(text[s:e], m.lastgroup)
            words = tuple(Word(s + ws, s + we, role, form) for ws, we, role, form in relative)
            out.append(Token(s, e, text[s:e], m.lastgroup, norm, words, sentence))
        return out

    def _token_type(self, surface: str, kind: str) -> tuple[str, tuple[tuple[int, int, str, str],
                                                                      ...]]:
        """What every token of this surface form shares: its normalised form and clitic words."""
        return normalize(surface), self._relative_words(surface, kind)

    def _relative_words(self, surface: str, kind: str) -> tuple[tuple[int, int, str, str], ...]:
        """Clitic words of one token, offsets relative to its start (cached per surface form)."""
        if kind == "word":
            return self.segmenter.words(surface)
        if kind == "acronym":
            cut = proclitic_length(surface)
            clitics = [(i, i + 1, "proclitic", surface[i]) for i in range(cut)]
            return (*clitics, (cut, len(surface), "stem", normalize(surface[cut:])))
        if kind == "number":
            clitics = _NUMBER_CLITICS.match(surface)
            if clitics:
                cut = clitics.end()
                letters = len(surface[:cut].rstrip("\u0640"))
                out = [(i, i + 1, "proclitic", surface[i]) for i in range(letters)]
                out[-1] = (out[-1][0], cut, "proclitic", out[-1][3])  # tatweel goes with it
                return (*out, (cut, len(surface), "stem", normalize(surface[cut:])))
        return ((0, len(surface), "stem", normalize(surface)),)
