"""Where reported content starts and ends, and whether it is direct, indirect or mixed."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .records import Complement, Found

if TYPE_CHECKING:
    from .document import Doc
    from .lexicon import Lexicon
    from .phrases import Phrases


class ContentRules:
    """Content spans of :class:`~khabar.attribution.finder.Finder` (a mixin)."""

    doc: Doc
    lex: Lexicon
    ph: Phrases
    found: list[Found]
    _sentence_found: list[Found]
    #: Provided by :class:`~khabar.attribution.finder.Finder`.
    complement: Callable[..., Complement | None]

    def pair_at(self, k: int) -> tuple[int, int] | None:
        doc = self.doc
        if k < len(doc.tokens) and doc.is_mark(k):
            close = doc.open_at.get(doc.tokens[k].start)
            if close is not None:
                return doc.tokens[k].start, close
        return None

    def names_quote(self, k: int, close: int, region: bool = False) -> bool:
        """Whether the quotation opening at token ``k`` is a name, not speech."""
        doc, lex = self.doc, self.lex
        if k == 0:
            return False
        prev = doc.tokens[k - 1]
        if prev.text.endswith("\u0640") or prev.norm in ("ل", "ب"):
            return True
        if lex.head(prev.norm, lex.naming | lex.media | lex.institutions) and \
                not self.ph.is_definite(k - 1):
            return True  # «تنظيم “داعش”», «صحيفة “الصباح”» — not «الخطة “لن تتأخر”»
        inner = doc.text[doc.tokens[k].end:close]
        words = len(inner.split())
        if region and words <= 3 and prev.kind == "word" and lex.cues.get(prev.norm) is None and \
                prev.norm not in lex.complementizers and not self.ph.is_prep(k - 1):
            after = doc.token_at(close) + 1
            if after < len(doc.tokens) and not doc.is_terminator(after):
                return True  # «أفاد مراسل "العربية" بانفجار…»
        if words <= 3:
            # «عبر صفحته على "فيسبوك"، إن…»: a short quotation before the complement.
            after = doc.token_at(close) + 1
            while after < len(doc.tokens) and doc.is_comma(after):
                after += 1
            if after < len(doc.tokens) and (doc.norm(after) in lex.complementizers
                                            or doc.is_colon(after) or doc.is_mark(after)):
                return True
        if words <= 4:
            found = doc.mentions_in(doc.tokens[k].end, close)
            if found and found[0][0] - doc.tokens[k].end <= 1 and close - found[-1][1] <= 1:
                return True
        return False

    def quoted_name(self, k: int, close: int, hi: int) -> bool:
        """Whether a short quotation right after a cue is its speaker's name
        («ولفت "الزمهري" إلى أنه…»): a preposition, «أن» or a comma follows it."""
        doc, lex = self.doc, self.lex
        if k == 0 or (lex.cues.get(doc.norm(k - 1)) is None):
            return False
        if len(doc.text[doc.tokens[k].end:close].split()) > 3:
            return False
        after = doc.token_at(close) + 1
        if after >= hi:
            return False
        norm = doc.norm(after)
        return self.ph.is_prep(after) or norm in lex.complementizers or doc.is_comma(after) \
            or self.ph.is_adverb(after)

    def has_partial_quote(self, a: int, b: int) -> bool:
        """Whether tokens ``a..b`` quote someone's words (not a name) inside reported speech."""
        doc = self.doc
        k = a
        while k < b:
            if doc.is_mark(k):
                close = doc.open_at.get(doc.tokens[k].start)
                if close is not None:
                    if not self.names_quote(k, close) and \
                            len(doc.text[doc.tokens[k].end:close].split()) >= 2:
                        return True
                    k = doc.token_at(close) + 1
                    continue
            k += 1
        return False

    def fill_content(self, found: Found, comp: Complement, hi: int) -> bool:
        """Content from the complement to the end of its clause; direct, mixed or indirect."""
        doc = self.doc
        c = comp.content
        pair = comp.pair
        if pair is None and c + 1 < hi and c > comp.marker and doc.is_colon(c):
            c += 1  # «إن :"…"»: a colon after the complementizer
        if pair is None and c < hi and doc.is_mark(c):
            pair = self.pair_at(c)
        if c >= hi:
            return False
        if pair is None and comp.marker == c and doc.is_mark(c):
            # A quotation with no closing mark: it runs to the end of the paragraph.
            line_end = doc.text.find("\n", doc.tokens[c].end)
            end = line_end if line_end >= 0 else len(doc.text)
            found.start, found.end, found.kind = doc.tokens[c].end, end, "direct"
            return self.trim(found)
        end_tok = self.content_end(c + 1, hi)
        if pair is not None:
            close_tok = doc.token_at(pair[1])
            rest = [x for x in range(close_tok + 1, end_tok) if not doc.is_punct(x)]
            marked = doc.is_mark(comp.marker) or doc.is_colon(comp.marker)
            if not rest or marked:
                close = self.unpaired_close(close_tok + 1, hi) if rest else None
                found.start, found.end, found.kind = pair[0] + 1, close or pair[1], "direct"
                return self.trim(found)
        found.start = doc.clause_start(c) if doc.tokens[c].kind == "word" else \
            doc.tokens[c].start
        found.end = doc.tokens[end_tok - 1].end if end_tok > c else doc.tokens[c].end
        found.kind = "mixed" if self.has_partial_quote(c, end_tok) else "indirect"
        return self.trim(found)

    def unpaired_close(self, a: int, hi: int) -> int | None:
        """The offset of a quotation mark left unpaired that closes the sentence after ``a``
        («وأضاف: "الإعفاءات الضريبية" التي روج لها…، بينما تعاقب…".»): the quotation runs to it."""
        doc = self.doc
        for k in range(hi - 1, a - 1, -1):
            if doc.is_mark(k):
                start = doc.tokens[k].start
                if start in doc.open_at or start in doc.close_at:
                    return None
                return start
            if not doc.is_punct(k):
                return None
        return None

    def content_end(self, c: int, hi: int) -> int:
        """Where reported content that starts before token ``c`` ends (excluded)."""
        doc, lex = self.doc, self.lex
        doc.load_pairs()
        k = c
        while k < hi:
            tok = doc.tokens[k]
            if doc.is_mark(k):
                close = doc.open_at.get(tok.start)
                if close is None and tok.start in doc.close_at:
                    close = tok.start  # the closing mark of a quotation opened before ``c``
                if close is not None and close >= tok.start:
                    k = doc.token_at(close) + 1
                    if c < k < hi and doc.text[close - 1:close] in "،,":
                        # «أن الصفقة "ستدر المليارات،" مشددا على…», «…،" وفقا لما نقله…»
                        cue = lex.cues.get(doc.norm(k))
                        if (cue is not None and cue.kind == "participle") or \
                                doc.sourcing_at(k) is not None:
                            return k
                    continue
            norm = tok.norm
            if doc.is_comma(k) and k + 1 < hi:
                nxt = doc.norm(k + 1)
                cue = lex.cues.get(nxt)
                if cue is not None or doc.sourcing_at(k + 1) is not None or nxt in (
                        "فيما", "بينما", "وفيما", "وبينما") or nxt in lex.clause_participles:
                    return k
                if nxt == "كما" and k + 2 < hi and doc.norm(k + 2) in lex.cues:
                    return k  # «…، كما اتهمت الرقيب…», «…، كما أكد أن…»: another statement
            cue = lex.cues.get(norm)
            if cue is not None and cue.prefix and cue.kind != "participle" and k > c and \
                    self.complement(k, cue, hi) is not None:
                return k  # «…، وأضاف أن…»: a new statement (not «وتتابع دراسة…»)
            if norm in ("فيما", "بينما", "وفيما", "وبينما") and k + 3 < hi and any(
                    doc.norm(x) in lex.cues for x in range(k + 1, min(hi, k + 5))):
                return k
            if doc.is_terminator(k) and tok.text[:1] in "؛":
                return k
            k += 1
        return hi

    def content_before(self, found: Found, lo: int, end_tok: int, s: int) -> bool:
        """Content from the start of the sentence (or a quotation) up to token ``end_tok``."""
        doc = self.doc
        doc.load_pairs()
        last = end_tok - 1
        while last >= lo and doc.is_punct(last) and not doc.is_mark(last):
            last -= 1
        if last < lo:
            return False
        if doc.is_mark(last) and doc.tokens[last].start in doc.close_at:
            open_ = doc.close_at[doc.tokens[last].start]
            open_tok = doc.token_at(open_)
            before = [x for x in range(lo, open_tok) if not doc.is_punct(x)
                      and len(doc.norm(x)) > 1]
            if not before or self.ends_with_cue(lo, open_tok):
                found.start, found.end, found.kind = open_ + 1, doc.tokens[last].start, "direct"
                found.first_token = open_tok
                return self.trim(found)
        start_tok = lo
        for earlier in self._sentence_found:
            if earlier.end <= doc.tokens[last].end and earlier.cue_token < end_tok:
                start_tok = max(start_tok, doc.token_at(earlier.end))
        while start_tok <= last and doc.is_punct(start_tok) and not doc.is_mark(start_tok):
            start_tok += 1
        if start_tok > last:
            return False
        found.start = doc.clause_start(start_tok)
        found.end = doc.tokens[last].end
        found.first_token = start_tok
        found.kind = "mixed" if self.has_partial_quote(start_tok, last + 1) else "indirect"
        return self.trim(found)

    def ends_with_cue(self, lo: int, k: int) -> bool:
        """Whether the words before a quotation end with a cue of their own."""
        doc = self.doc
        for x in range(max(lo, k - 3), k):
            if doc.norm(x) in self.lex.cues or doc.is_colon(x):
                return True
        return False

    def trim(self, found: Found) -> bool:
        """Strip spaces and trailing punctuation from the content; False if nothing is left."""
        text = self.doc.text
        start, end = found.start, found.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ".،,؛:!?؟…-–—"):
            end -= 1
        if end - start < 2 or not any(ch.isalnum() for ch in text[start:end]):
            return False
        if found.kind != "direct" and len(text[start:end].split()) < 2:
            return False  # «* نقلا عن "السفير" اللبنانية»: a credit line, not a statement
        found.start, found.end = start, end
        return True

    def continuation(self, lo: int, hi: int, s: int) -> Found | None:
        """A sentence that is all quotation, after a quote: the same speaker goes on."""
        doc = self.doc
        if not self.found or s - self.found[-1].sentence != 1:
            return None
        last = self.found[-1]
        if last.kind == "indirect" or last.speaker is None:
            return None
        k = lo
        while k < hi and (doc.tokens[k].kind == "word" and len(doc.norm(k)) == 1):
            k += 1
        if k >= hi or not doc.is_mark(k):
            return None
        doc.load_pairs()
        close = doc.open_at.get(doc.tokens[k].start)
        if close is None:
            return None
        end_tok = doc.token_at(close)
        if any(not doc.is_punct(x) for x in range(end_tok + 1, hi)):
            return None
        start, end = doc.tokens[k].end, close
        if len(doc.text[start:end].split()) < 3:
            return None
        return Found(start, end, "direct", s, None, last.speaker, None, last.via,
                     first_token=k, cue_token=k)
