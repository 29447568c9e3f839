"""Phrases around a cue: the speaker's noun phrase, adjuncts to skip, media and reasons.

All functions work on token indices of a :class:`~khabar.attribution.document.Doc` between
``lo`` (included) and ``hi`` (excluded), never past a sentence.
"""

from __future__ import annotations

import functools

from ..model import Medium
from .document import Doc

#: Longest speaker description, in tokens.
MAX_NP = 9
#: Longest medium phrase, in tokens.
MAX_MEDIUM = 7
_PRONOUNS = ("هما", "هم", "هن", "ها", "ه")
#: How «إلى», «على», «لدى» are written before a pronoun (إليه، عليه، لديه), normalised.
_PREP_STEMS = frozenset({"الي", "علي", "لدي", "ل", "عن", "من", "مع", "في", "ب"})
_ACCOUNT_WORDS = frozenset({"حسابه", "حسابها", "حسابهم", "صفحته", "صفحتها", "صفحتهم",
                            "حساب", "صفحه", "موقعه", "موقعها", "قناته", "قناتها"})


@functools.lru_cache(maxsize=100_000)
def _is_definite_surface(text: str) -> bool:
    """Whether a written word carries the article: «الصحيفة», «والصحيفة», «للأمم» — not
    «ألقى» (a hamza on the alef is not the article)."""
    letters = "".join(ch for ch in text if "\u0621" <= ch <= "\u064a")
    for prefix in ("", "و", "ف", "ب", "ك", "وب", "فب", "وك"):
        if letters.startswith(prefix + "ال") and len(letters) > len(prefix) + 3:
            return True
    return len(letters) > 4 and letters.startswith(("لل", "ولل", "فلل"))


def _is_prep(norm: str, prepositions: frozenset[str]) -> bool:
    if norm in prepositions or (len(norm) > 2 and norm[0] in "وف" and norm[1:] in prepositions):
        return True
    for suffix in _PRONOUNS:
        if norm.endswith(suffix) and len(norm) > len(suffix) + 1:
            base = norm[: -len(suffix)]
            if base in prepositions or base in _PREP_STEMS:
                return True
    return False


class Phrases:
    """Phrase finders over one document."""

    def __init__(self, doc: Doc, time_tokens: set[int]) -> None:
        self.doc = doc
        self.lex = doc.lex
        self.time_tokens = time_tokens

    # --- token classes --------------------------------------------------------------------

    def is_adverb(self, j: int) -> bool:
        """A time or discourse adverb («أمس», «أيضا», «الخميس»), or part of a time expression."""
        if j in self.time_tokens:
            return True
        norm = self.doc.norm(j)
        if norm == "من" and j + 1 < len(self.doc.tokens):
            # «من جهته», «من جانبها»
            return self.doc.norm(j + 1)[:3] in ("جهت", "جان")
        lex, doc = self.lex, self.doc
        if lex.head(norm, lex.adverbs) is not None:
            return True
        if lex.head(norm, lex.time_nouns) is not None:
            if j + 1 < len(doc.tokens):
                nxt = doc.norm(j + 1)
                return nxt in lex.time_modifiers or lex.head(nxt, lex.adverbs) is not None \
                    or doc.tokens[j + 1].kind == "number"
            return False
        if norm in lex.time_modifiers and j > 0:
            return lex.head(doc.norm(j - 1), lex.time_nouns) is not None
        return False

    def title_name(self, head: int, b: int) -> int | None:
        """Where the name starts in a description «title … name» that ends at ``b``
        («المتحدثة باسم الجمعية هالة المقريف» → the token of «هالة»), if it has one."""
        doc, lex = self.doc, self.lex
        titles = lex.people | lex.anonymous
        for k in range(b - 2, head - 1, -1):
            # The last title of the description («نائب القائد العام … العميد حسين سلامي»).
            construct = k + 1 < b and self.is_definite(k + 1) and not self.has_clitic(k, "ل") \
                and lex.head(doc.norm(k), lex.people) is not None  # «رئيسة الجمعية فلانة»
            if not (self.is_definite(k) or construct) or (
                    doc.norm(k) not in lex.titles and lex.head(doc.norm(k), titles) is None):
                continue
            genitive = False
            for j in range(k + 1, b):
                tok = doc.tokens[j]
                if tok.kind != "word":
                    return None
                if tok.norm == "باسم" or (self.has_clitic(j, "ل") and not self.is_audience(j)
                                          and not self.is_definite(j)) or (
                        self.has_clitic(j, "ب") and not self.is_definite(j)
                        and j + 1 < b and self.is_definite(j + 1)):
                    # «الأستاذة الجامعية بقسم العربية»: a complement, not a name
                    genitive = True
                    continue
                if genitive:
                    genitive = False
                    continue
                if not self.is_definite(j):
                    return j if all(self.could_be_name(x) for x in range(j, b)) else None
            return None
        return None

    def could_be_name(self, j: int) -> bool:
        """Whether token ``j`` can be a word of a person's name after a title."""
        doc, lex = self.doc, self.lex
        tok = doc.tokens[j]
        norm = tok.norm
        return tok.kind == "word" and not self.is_prep(j) and norm not in lex.complementizers \
            and norm not in lex.cues and norm not in lex.relatives and not self.is_adverb(j) \
            and norm not in lex.reason_openers and norm not in lex.auxiliaries \
            and norm not in lex.clause_openers and lex.head(norm, lex.negations) is None \
            and not self.has_clitic(j, "ل") and doc.sourcing_at(j) is None \
            and not (norm.startswith("ب") and lex.head(norm[1:], lex.sources)) \
            and lex.head(norm, lex.sources | lex.naming) is None and norm not in lex.anaphoric \
            and not any(r in lex.media_types for r in lex.bare(norm)) \
            and norm not in lex.relay_saying

    def is_definite(self, j: int) -> bool:
        """Whether token ``j`` carries the article («المسؤول», «والصحيفة», «للأمم»)."""
        tok = self.doc.tokens[j]
        if tok.has_article:
            return True
        return _is_definite_surface(tok.text)

    def is_prep(self, j: int) -> bool:
        """A preposition, also with و/ف before it or a pronoun after it («عنه», «إليها»)."""
        norm = self.doc.norm(j)
        if norm == "والي" and self.doc.tokens[j].text == "والي":
            return False  # «والي قابس» "the governor" (written «وإلى/والى» when "and to")
        if norm == "علي" and self.doc.tokens[j].text.endswith("ي"):
            m = self.doc.mention_at(j)
            if m is not None and m[2].type == "PER" and m[0] <= self.doc.tokens[j].start:
                return False  # «قال علي المنصوري»: a name, not «على»
        cache = self.lex._preps
        known = cache.get(norm)
        if known is None:
            known = cache[norm] = _is_prep(norm, self.lex.prepositions)
        return known

    def has_clitic(self, j: int, letter: str) -> bool:
        """Whether token ``j`` carries proclitic ``letter`` (ل، ب) in front of a word."""
        tok = self.doc.tokens[j]
        if tok.kind != "word" or not tok.norm.startswith(letter):
            return False
        if any(w.role == "proclitic" and w.form == letter for w in tok.words):
            return True
        if tok.text.startswith(letter + "\u0640") or tok.norm == letter:
            return True
        # The interim segmenter leaves «لوكالة» whole: trust a known noun or a mention behind it.
        rest = tok.norm[1:]
        if rest.startswith("ال") or self.lex.head(rest, self.lex.sources) is not None:
            return True
        found = self.doc.mention_at(j)
        return found is not None and found[0] > tok.start

    def stops_np(self, j: int, first: int) -> bool:
        """Whether token ``j`` cannot be part of a speaker description that began at ``first``."""
        doc, lex = self.doc, self.lex
        norm = doc.norm(j)
        if norm in lex.complementizers or norm in lex.resumptive or norm in lex.relatives:
            return True
        if self.is_prep(j) or self.is_adverb(j):
            return True
        if j > first and (norm in lex.cues or doc.sourcing_at(j) is not None
                          or norm in lex.relay_saying or norm in lex.reason_openers):
            return True
        if j > first and self.has_clitic(j, "ل") and self.is_audience(j):
            return True
        if j > first and norm != "باسم" and any(
                w.role == "proclitic" and w.form == "ب" for w in doc.tokens[j].words):
            return True  # «… بأسى», «… بالقرار»: a prepositional phrase
        if j > first and norm in ("لا", "لم", "لن"):
            return True  # «كندا لا تخشى…»: a negated verb, not a description
        return norm in lex.clause_openers or norm in lex.auxiliaries

    def is_audience(self, j: int) -> bool:
        """Whether «لـ…» at token ``j`` names who was told («لرويترز», «للصحفيين», «لـ"…"»),
        not a genitive («الأمين العام للأمم المتحدة», «بيان لوزارة الدفاع»)."""
        doc, lex = self.doc, self.lex
        tok = doc.tokens[j]
        if any(k >= 0 and lex.head(doc.norm(k), lex.documents | lex.naming)
               for k in (j - 1, j - 2)):
            return False  # «تقرير لوكالة بلومبرغ», «بيان لوزارة الدفاع»
        if tok.norm in ("ل",) or tok.text.endswith("\u0640"):
            return True
        if lex.head(tok.norm, lex.media | lex.adverbs):
            return True
        if tok.norm.startswith("لل"):
            return False
        found = doc.mention_at(j)
        return found is not None and found[0] > tok.start

    # --- noun phrases ---------------------------------------------------------------------

    def _indefinite_nisba(self, j: int) -> bool:
        """Whether token ``j`` is an indefinite relative adjective («سعودي», «عسكري»)."""
        tok = self.doc.tokens[j]
        norm = self.doc.norm(j)
        return tok.kind == "word" and len(norm) >= 4 and norm.endswith("ي") and \
            not self.is_definite(j) and self.doc.mention_at(j) is None

    def noun_phrase(self, a: int, hi: int) -> int:
        """The end (excluded) of the speaker description that starts at token ``a``."""
        doc, lex = self.doc, self.lex
        if a >= hi:
            return a
        j = a
        head = a
        while head < hi - 1 and (doc.norm(head) in lex.anaphoric or doc.norm(head) == "من"
                                 or lex.head(doc.norm(head), lex.quantifiers)
                                 or doc.tokens[head].kind == "number"):
            head += 1
        if doc.is_mark(a):
            # A quoted name: «ولفت "الزمهري" إلى أنه…»
            close = doc.open_at.get(doc.tokens[a].start)
            if close is not None:
                end = doc.token_at(close) + 1
                if end - a <= 6 and end <= hi:
                    return end
            return a
        definite = self.is_definite(head) and doc.mention_at(head) is None
        title = definite and (doc.norm(head) in lex.titles or lex.head(
            doc.norm(head), lex.people | lex.anonymous) is not None)
        genitive = False
        quoted = False
        names = 0
        common = lex.head(doc.norm(head), lex.sources | lex.naming | lex.titles) is not None
        while j < hi and j - a < MAX_NP:
            tok = doc.tokens[j]
            if j > head and tok.kind == "word" and doc.mention_at(j) is None and (
                    (common and any(w.role == "enclitic" for w in tok.words)) or (
                        quoted and not self.is_definite(j))):
                break  # «جماعة “…” مسؤوليتها» — an object, not the name
            if j > a and tok.kind == "word" and not common and self.has_clitic(j, "ل") \
                    and doc.mention_at(j - 1) is not None:
                break  # «ترامب لطلاب مدرسة…»: told to, not part of the name
            if definite and j > head and tok.kind == "word" and not self.is_definite(j) and \
                    not genitive and tok.norm not in ("نفسه", "نفسها", "ذاته", "ذاتها") and \
                    doc.mention_at(j) is None:
                if tok.norm == "باسم" or (self.has_clitic(j, "ل") and not self.is_audience(j)):
                    # «المتحدث باسم…», «الأمين العام لحزب…» (the noun after is its genitive)
                    genitive = not self.is_definite(j)
                    j += 1
                    continue
                # A title and then the name: «اللواء صباح بن عايد الزمهري», «المحلل المالي
                # حسام كامل».
                if not (title and names < 4 and self.could_be_name(j)):
                    break
                names += 1
                j += 1
                continue
            if names and tok.kind == "word" and not self.could_be_name(j):
                break
            if j > head and tok.kind == "word" and tok.norm in lex.issuing_verbs and \
                    lex.head(doc.norm(head), lex.documents) is not None:
                break  # «بحسب بيان نشر الأربعاء», «بيان أصدره مكتب…»: who issued it follows
            if not definite and j > head + 1 and tok.kind == "word" and self.is_definite(j) \
                    and doc.mention_at(j) is None and self._indefinite_nisba(j - 1) \
                    and lex.head(doc.norm(j), lex.titles | lex.people) is None:
                break  # «يواجه كاتب سعودي التحقيق»: the object after «noun + adjective»
            if names and tok.kind == "word" and names < 4:
                names += 1
            if genitive and tok.kind == "word":
                genitive = False
            if j > a and tok.kind in ("word", "latin"):
                found = doc.mention_at(j)
                if found is not None and (tok.norm not in lex.complementizers
                                          or found[1] > tok.end) \
                        and not self.is_prep(j) and not (self.has_clitic(j, "ل")
                                                         and self.is_audience(j)):
                    # A name goes in whole, whatever its words («صباح», «وول ستريت»).
                    end = doc.token_at(found[1] - 1) + 1
                    if end > hi:
                        break
                    j = max(end, j + 1)
                    continue
            if tok.kind in ("punct", "symbol"):
                if doc.is_mark(j) and j > a:
                    close = doc.open_at.get(tok.start)
                    prev = lex.head(doc.norm(j - 1), lex.naming | lex.media | lex.institutions
                                    | lex.people | lex.anonymous)
                    after = doc.mention_at(j + 1) if j + 1 < len(doc.tokens) else None
                    if prev is not None and self.is_definite(j - 1) and after is None:
                        prev = None  # «ولم تذكر الصحيفة "العداوة التاريخية"»: an object
                    if close is not None and (prev is not None or after):
                        end = doc.token_at(close) + 1
                        if end - j <= 6 and end <= hi:
                            j = end  # «صحيفة “وول ستريت جورنال”», «مراسل “العربية”»
                            quoted = True
                            continue
                if doc.is_open_paren(j) and j > a:
                    k = j + 1
                    while k < hi and k - j < 6 and not doc.is_close_paren(k):
                        k += 1
                    if k < hi and doc.is_close_paren(k):
                        j = k + 1
                        continue
                break
            if self.stops_np(j, a):
                norm = doc.norm(j)
                # «مسؤول في وزارة الدفاع», «المتحدث باسم…» — keep «في/من/لدى» after a source.
                if norm in ("في", "من", "لدي") and j > a and j + 1 < hi:
                    source = any(k >= a and lex.head(doc.norm(k), lex.anonymous | lex.people
                                                      | lex.quantifiers) for k in (j - 1, j - 2))
                    anonymous = any(k >= a and lex.head(doc.norm(k), lex.anonymous)
                                    for k in (j - 1, j - 2))
                    if source and (doc.mention_at(j + 1) is not None
                                   or lex.head(doc.norm(j + 1), lex.institutions | lex.media)
                                   or (anonymous and self.is_definite(j + 1))):
                        j += 1
                        continue
                break
            j += 1
        # A description does not end on a conjunction-only or clitic-only token.
        while j > a and doc.tokens[j - 1].kind == "word" and len(doc.norm(j - 1)) < 2:
            j -= 1
        return j

    def skip_adjuncts(self, a: int, hi: int) -> int:
        """The first token from ``a`` that is not an adverb, a medium, an audience or a PP."""
        doc, lex = self.doc, self.lex
        j = a
        while j < hi:
            if doc.is_comma(j) or self.is_adverb(j):
                j += 1
                continue
            medium = self.medium_at(j, hi)
            if medium is not None:
                j = medium[0]
                continue
            if self.has_clitic(j, "ل") or (self.is_prep(j) and doc.norm(j) not in ("من",)):
                if doc.norm(j) in ("ل", "لـ") or doc.tokens[j].text.endswith("\u0640"):
                    j += 1
                if j >= hi:
                    break
                if doc.is_mark(j):
                    close = doc.open_at.get(doc.tokens[j].start)
                    if close is not None:
                        j = doc.token_at(close) + 1
                        continue
                end = self.noun_phrase(j + 1, hi) if self.is_prep(j) else self.noun_phrase(j, hi)
                j = max(end, j + 1)
                continue
            norm = doc.norm(j)
            if norm in lex.auxiliaries:
                j += 1
                continue
            break
        return j

    # --- media ----------------------------------------------------------------------------

    def medium_at(self, j: int, hi: int) -> tuple[int, Medium] | None:
        """A medium phrase starting at token ``j`` («في بيان», «خلال مؤتمر صحفي»): (end, medium)."""
        doc, lex = self.doc, self.lex
        if j >= hi:
            return None
        norm = doc.norm(j)
        k = j
        if norm in lex.media_openers:
            k = j + 1
        elif not (len(norm) > 2 and norm[0] == "ب") and not (
                len(norm) > 3 and norm[0] in "وف" and norm[1:] in lex.media_openers):
            return None
        elif norm[0] in "وف" and norm[1:] in lex.media_openers:
            k = j + 1
        if k >= hi:
            return None
        first = doc.norm(k) if k > j else norm[1:]
        kind = None
        end = k
        for reading in lex.bare(first):
            for words, media_type in lex.media_types.get(reading, ()):
                n = len(words)
                if all(k + i < hi and lex.bare(doc.norm(k + i))[-1] == lex.bare(w)[-1]
                       for i, w in enumerate(words[1:], start=1)):
                    kind, end = media_type, k + n
                    break
            if kind:
                break
        if kind is None:
            # «على تويتر», «عبر حسابه في فيسبوك»
            m = k
            if m < hi and doc.norm(m) in _ACCOUNT_WORDS:
                m += 1
                if m < hi and doc.norm(m) in lex.media_openers:
                    m += 1
            if m < hi and lex.head(doc.norm(m), lex.platforms):
                kind = "tweet" if lex.head(doc.norm(m), frozenset({"تويتر", "اكس"})) else "post"
                end = m + 1
            else:
                return None
        # Extend: «مع قناة الجزيرة», «لوكالة رويترز», «على تويتر», an adjective or two.
        while end < hi and end - j < MAX_MEDIUM:
            norm = doc.norm(end)
            if doc.is_punct(end) or norm in lex.complementizers or norm in lex.cues:
                break
            if norm in ("مع", "على", "عبر", "في") or self.has_clitic(end, "ل"):
                if end + 1 < hi and doc.is_mark(end + 1):
                    close = doc.open_at.get(doc.tokens[end + 1].start)
                    if close is not None:
                        end = doc.token_at(close) + 1
                        continue
                np_end = self.noun_phrase(end + 1 if norm in ("مع", "على", "عبر", "في")
                                          else end, hi)
                if np_end <= end:
                    break
                end = max(np_end, end + 1)
                continue
            if self.stops_np(end, j) or doc.mention_at(end) is not None:
                break
            # an adjective of the medium (صحفي، مشترك، متلفز، خاص): short, no article needed
            if end - k >= 3:
                break
            end += 1
        start = doc.tokens[j].start if k > j else doc.core_start(j, 1)
        if k > j and doc.norm(j)[0] in "وف" and doc.norm(j)[1:] in lex.media_openers:
            start = doc.core_start(j, 1)
        tok_end = doc.tokens[end - 1].end
        return end, Medium(kind, start, tok_end, doc.text[start:tok_end])

    def find_medium(self, a: int, b: int) -> Medium | None:
        """The first medium phrase between tokens ``a`` and ``b``."""
        j = a
        while j < b:
            found = self.medium_at(j, b)
            if found is not None:
                return found[1]
            j += 1
        return None

    # --- reasons for anonymity ------------------------------------------------------------

    def find_reason(self, a: int, b: int) -> tuple[int, int, str] | None:
        """A reason for not naming the speaker between tokens ``a`` and ``b``: span and text."""
        doc, lex = self.doc, self.lex
        if b - a < 2:
            return None
        words = [doc.norm(j) for j in range(a, b)]
        joined = " ".join(words)
        for phrase in lex.reasons:
            at = joined.find(phrase)
            if at < 0:
                continue
            r = a + joined.count(" ", 0, at)
            # The reason is its comma-bounded segment, or starts at an opener word.
            s = r
            while s > a and not doc.is_comma(s - 1) and not doc.is_punct(s - 1):
                s -= 1
            if s == a or not doc.is_comma(s - 1):
                s = r
                for k in range(r - 1, max(a, r - 4) - 1, -1):
                    if lex.head(doc.norm(k), lex.reason_openers) or doc.norm(k) in \
                            lex.reason_openers or doc.norm(k) in ("عدم", "دون", "بدون"):
                        s = k
            e = r
            while e < b and not doc.is_punct(e) and doc.norm(e) not in lex.complementizers:
                e += 1
            start, end = doc.tokens[s].start, doc.tokens[e - 1].end
            return s, e, doc.text[start:end]
        return None
