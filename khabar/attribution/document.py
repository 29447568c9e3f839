"""One analysis seen the way attribution needs it: tokens by index, quotations, entity mentions.

Everything here is looked up by token index (into ``analysis.tokens``) or by offset, with
binary search over sorted starts; nothing walks the text character by character.
"""

from __future__ import annotations

import bisect

from ..model import Analysis, Entity, Mention, Token
from ..text.quotes import outermost, quote_marks, quote_pairs
from .lexicon import Lexicon

_COMMAS = frozenset("،,")
_TERMINATORS = frozenset(".!?؟…؛")
_COLONS = frozenset(":")
_OPEN_PARENS = frozenset("([")
_CLOSE_PARENS = frozenset(")]")
_DAMMA = "\u064f"


class Doc:
    """Tokens, quotation pairs and entity mentions of one analysis, indexed for lookups."""

    def __init__(self, analysis: Analysis, lex: Lexicon) -> None:
        self.analysis = analysis
        self.text = analysis.text
        self.tokens: list[Token] = analysis.tokens
        self.lex = lex
        self._starts: list[int] | None = None
        self._marks = quote_marks()
        self.pairs: list[tuple[int, int]] | None = None
        self._outer: list[tuple[int, int]] = []
        self._outer_starts: list[int] = []
        self.open_at: dict[int, int] = {}
        self.close_at: dict[int, int] = {}
        mentions: list[tuple[int, int, Entity, Mention]] = []
        for entity in analysis.entities:
            for mention in entity.mentions:
                mentions.append((mention.start, mention.end, entity, mention))
        mentions.sort(key=lambda m: (m[0], -m[1]))
        self.mentions = mentions
        self.mention_starts = [m[0] for m in mentions]
        self.entities = {e.id: e for e in analysis.entities}

    # --- quotations -----------------------------------------------------------------------

    def load_pairs(self) -> None:
        """Pair the quotation marks of the whole text (once, on first need)."""
        if self.pairs is not None:
            return
        self.pairs = quote_pairs(self.text)
        self._outer = outermost(self.pairs)
        self._outer_starts = [p[0] for p in self._outer]
        self.open_at = dict(self.pairs)
        self.close_at = {close: open_ for open_, close in self.pairs}

    def enclosing_quote(self, offset: int) -> tuple[int, int] | None:
        """The outermost quotation whose marks enclose ``offset``, if any."""
        self.load_pairs()
        k = bisect.bisect_left(self._outer_starts, offset) - 1
        if k >= 0:
            open_, close = self._outer[k]
            if open_ < offset < close:
                return open_, close
        return None

    def is_mark(self, j: int) -> bool:
        """Whether token ``j`` is a quotation mark."""
        tok = self.tokens[j]
        return tok.kind == "punct" and tok.text in self._marks

    # --- tokens ---------------------------------------------------------------------------

    def norm(self, j: int) -> str:
        return self.tokens[j].norm

    def is_comma(self, j: int) -> bool:
        tok = self.tokens[j]
        return tok.kind == "punct" and tok.text in _COMMAS

    def is_colon(self, j: int) -> bool:
        tok = self.tokens[j]
        return tok.kind == "punct" and tok.text in _COLONS

    def is_terminator(self, j: int) -> bool:
        tok = self.tokens[j]
        return tok.kind == "punct" and tok.text[:1] in _TERMINATORS

    def is_open_paren(self, j: int) -> bool:
        tok = self.tokens[j]
        return tok.kind == "punct" and tok.text in _OPEN_PARENS

    def is_close_paren(self, j: int) -> bool:
        tok = self.tokens[j]
        return tok.kind == "punct" and tok.text in _CLOSE_PARENS

    def is_punct(self, j: int) -> bool:
        return self.tokens[j].kind in ("punct", "symbol")

    def is_word(self, j: int) -> bool:
        return self.tokens[j].kind in ("word", "latin", "number")

    @property
    def starts(self) -> list[int]:
        """Start offsets of the tokens (built on first use)."""
        if self._starts is None:
            self._starts = [t.start for t in self.tokens]
        return self._starts

    def token_at(self, offset: int) -> int:
        """The index of the token that starts at or covers ``offset`` (or the next one)."""
        k = bisect.bisect_right(self.starts, offset) - 1
        if k >= 0 and self.tokens[k].end > offset:
            return k
        return k + 1

    def is_passive(self, j: int, prefix: int) -> bool:
        """Whether token ``j``'s verb carries a damma on its first letter (أُعلن، ذُكر)."""
        text = self.tokens[j].text
        i = self.skip_letters(text, prefix)
        return len(text) > i + 1 and text[i + 1] == _DAMMA

    @staticmethod
    def skip_letters(text: str, letters: int) -> int:
        """The offset in ``text`` after its first ``letters`` letters and their marks."""
        i = 0
        for _ in range(letters):
            if i >= len(text):
                break
            i += 1
            while i < len(text) and not text[i].isalpha():
                i += 1
        return i

    def core_start(self, j: int, strip: int = 0) -> int:
        """Where token ``j`` starts without its proclitics (or without ``strip`` letters)."""
        tok = self.tokens[j]
        if strip:
            return tok.start + self.skip_letters(tok.text, strip)
        return tok.core_start if tok.kind == "word" else tok.start

    def sourcing_at(self, j: int):
        """The sourcing phrase («بحسب», «وفقا لـ», «على لسان») that starts at token ``j``."""
        first = self.lex.sourcing_first.get(self.tokens[j].norm)
        if first is None:
            return None
        for item in first[1]:
            if all(j + i < len(self.tokens) and self.tokens[j + i].norm == w
                   for i, w in enumerate(item.words[1:], 1)):
                return item
        return None

    def cue_start(self, j: int, prefix: int) -> int:
        """Where a cue written in token ``j`` starts: after ``prefix`` letters of و/ف."""
        tok = self.tokens[j]
        return tok.start + self.skip_letters(tok.text, prefix) if prefix else tok.start

    def clause_start(self, j: int) -> int:
        """Where token ``j`` starts without a conjunction (و/ف) in front: «وبدأ» → «بدأ»; the
        future «س» and prepositions stay («ستخفض», «بالعراق»)."""
        tok = self.tokens[j]
        words = tok.words
        if tok.kind == "word" and len(words) > 1 and words[0].role == "proclitic" and \
                words[0].form in ("و", "ف"):
            return words[1].start
        return tok.start

    # --- entities -------------------------------------------------------------------------

    def mentions_in(self, start: int, end: int) -> list[tuple[int, int, Entity, Mention]]:
        """Entity mentions that overlap ``[start, end)``, in text order."""
        out = []
        k = bisect.bisect_left(self.mention_starts, end)
        for m in self.mentions[max(0, k - 64):k]:
            if m[1] > start and m[0] < end:
                out.append(m)
        return out

    def mention_at(self, j: int) -> tuple[int, int, Entity, Mention] | None:
        """The entity mention that overlaps token ``j``, if any."""
        tok = self.tokens[j]
        found = self.mentions_in(tok.start, tok.end)
        return found[0] if found else None
