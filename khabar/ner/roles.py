"""Roles of people: titles before a name and appositions after it.

- Before: «الرئيس الأميركي دونالد ترامب», «الأمين العام للأمم المتحدة أنطونيو غوتيريش» — the
  longest run of role words that ends right before the name and starts with a role head.
- After: «جون كيربي المتحدث باسم البنتاغون», «مارا كارلين مسؤولة الشؤون الدولية في وزارة الدفاع
  الأميركية» — a role head right after the name, then role words, names, and «في»/«لدى» before
  an organisation or a place.

Role words: a role head («وزير», «المتحدث»), a link («باسم», «مجلس»), a definite word («الدفاع»),
a nationality adjective («أميركي»), or a word of a place or organisation mention. A role never
crosses punctuation, a verb of speech, a time word or a relative pronoun.
"""

from __future__ import annotations

import functools

from ..model import Token
from ..text.normalize import normalize
from .lexicon import Lexicon, strip_article
from .mentions import core_span

#: How far a role reaches, in tokens.
MAX_ROLE_TOKENS = 10
_PREPOSITIONS = frozenset({"في", "ب", "عن"})  # normalised; «لدى» is a role link
_COMMAS = frozenset({"،", ","})


class RoleFinder:
    """Finds the roles of person mentions in a sentence of tokens."""

    def __init__(self, lex: Lexicon, stops: frozenset[str],
                 heads: frozenset[str] = frozenset(),
                 links: frozenset[str] = frozenset()) -> None:
        self.lex = lex
        self.stops = stops
        #: Role heads beyond ``lex.role_heads`` (normalised, without «ال»).
        self.heads = heads
        #: Role links beyond ``lex.role_links``: nouns in construct («بشرطة منطقة جازان») and
        #: words that go on with a rank («اللواء ركن»).
        self.links = links
        #: Every word a title may start with (heads and honorifics, without «ال»): a cheap
        #: test before :meth:`word_kind`.
        self.head_words = lex.role_heads | lex.honorifics | heads
        self.kind = functools.lru_cache(maxsize=100_000)(self._kind)

    def _kind(self, word: str) -> str:
        """``head``, ``honor``, ``link``, ``def``, ``nat``, ``stop``, ``prep`` or ``other``."""
        lex = self.lex
        core = strip_article(word)
        if word in self.stops or core in self.stops:
            return "stop"
        classes = lex.triggers.get(core, ())
        if "speech" in classes or "notname" in classes:
            return "stop"
        if core in lex.role_heads or core in self.heads:
            return "head"
        if core in lex.honorifics:
            return "honor"
        if word in lex.adjectives:
            return "nat"
        if core in lex.role_links or word in lex.role_links or word in self.links:
            return "link"
        if word[:1] in "لب" and len(word) > 3 and (word[1:] in lex.role_links
                                                   or word[1:] in self.links
                                                   or "org" in lex.triggers.get(word[1:], ())):
            return "link"  # «لكلية», «لشركة»: a construct after a preposition
        if word in _PREPOSITIONS:
            return "prep"
        if word.startswith("ال") and len(word) > 3:
            return "def"
        return "other"

    def word_kind(self, text: str, token: Token) -> str:
        """The role kind of a token (its core, clitics left out)."""
        if token.kind != "word":
            return "stop"
        start, end = core_span(token)
        kind = self.kind(normalize(text[start:end]))
        if kind in ("other", "prep") and token.norm in self.lex.role_links:
            return "link"  # «باسم»: the segmenter may see ب + اسم
        if kind == "other" and token.norm in self.lex.role_heads:
            return "head"  # «ولي [العهد]»: the segmenter may see و + لي
        if kind == "other" and token.has_article:
            return "def"  # «للسيارات»: the article written ل
        if kind == "head" and not token.has_article \
                and any(w.role == "enclitic" for w in token.words):
            return "other"  # «مدافعه توم ويلسون»: «its defender» describes, it is no title
        return kind

    def token_kind(self, text: str, tokens: list[Token], j: int,
                   names: dict[int, str]) -> str:
        """The role kind of token ``j``: ``name`` inside a place or organisation, ``stop``
        inside another person's name."""
        kind = names.get(j)
        if kind is not None:
            return "stop" if kind == "PER" else "name"
        return self.word_kind(text, tokens[j])

    def before(self, text: str, tokens: list[Token], first: int, lo: int,
               names: dict[int, str]) -> list[tuple[int, int]]:
        """The roles written before the name that starts at token ``first`` (spans).

        A comma may stand between them: «الرئيس الأمريكي، دونالد ترامب». A rank or an
        honorific with «ال» after a complete title is a role of its own: «المتحدث باسم الجيش
        اللبناني العميد جورج خوري» → «المتحدث باسم الجيش اللبناني», «العميد» (but «نائبة
        الرئيس» is one title: «الرئيس» is the complement of «نائبة»).
        """
        if _has_lam(tokens[first]):
            return []  # «المحامي الخاص [لترامب]، …»: the complement of another's title
        near = first - 1
        if near > lo and tokens[near].text in _COMMAS:
            near -= 1
        elif near >= lo and not tokens[near].has_article \
                and self.token_kind(text, tokens, near, names) == "head":
            return []  # «محامي [كليفورد]»: a title in construct names another's role
        head = -1
        kinds: dict[int, str] = {}
        j = near
        while j >= lo and near - j < MAX_ROLE_TOKENS:
            kind = self.token_kind(text, tokens, j, names)
            if kind == "stop" and names.get(j) == "PER" and _person_after_lam(tokens, j, names):
                kind = "name"  # «المحامي الخاص [لترامب]، مايكل كوهين»: the title's complement
            kinds[j] = kind
            if kind in ("head", "honor"):
                if _is_preposition_amam(text, tokens[j]):
                    break  # «اليمين أمام [الرئيس] …»: the preposition, not «إمام»
                head = j
                if j < near and _has_conjunction(tokens[j]):
                    break  # «مدير شرطة جازان [وقائد قوة جازان] اللواء …»: «و» starts it
            elif kind not in ("link", "def", "nat", "name") and not (
                    # «محرر الشؤون العربية [في] بي بي سي، سباستيان أشر»: «في» inside a title
                    kind == "prep" and kinds.get(j + 1) == "name" and j - 1 >= lo
                    and self._qualifies(text, tokens, j - 1, names)):
                break
            j -= 1
        if head < 0 or (j >= lo and names.get(j) == "PER" and not _has_conjunction(tokens[head])):
            return []  # after another person's name it is that person's apposition («… والأمير
            # فيصل»: with «و» it is the next one's title)
        # A head after a complete title starts another: a rank or an honorific with «ال»
        # («… اللبناني [العميد]»), or a head in construct after a definite word («مدير شرطة
        # المنطقة [رئيس] اللجنة الأمنية»).
        starts = [head] + [p for p in range(head + 1, near + 1)
                           if kinds[p] in ("head", "honor")
                           and kinds[p - 1] in ("def", "nat", "name")
                           and (tokens[p].has_article or kinds[p] == "honor"
                                or (p < near and kinds[p + 1] in ("def", "link", "name")))]
        # «المتحدث باسم [الرئيس التركي] رجب طيب أردوغان»: the spokesman is someone else; the
        # name's own title is the one he speaks for.
        for p in range(head, near):
            if tokens[p].norm == "باسم" and kinds.get(p + 1) == "head":
                starts = [p + 1] + [q for q in starts if q > p + 1]
                break
        ends = [s - 1 for s in starts[1:]] + [near]
        return [(self._start(tokens[s]), tokens[e].end) for s, e in zip(starts, ends, strict=True)]

    def _qualifies(self, text: str, tokens: list[Token], j: int, names: dict[int, str]) -> bool:
        """Whether token ``j`` can take «في» + a place or a body inside a title before a name: a
        head, a link, an organisation's name or a nisba adjective («الشؤون العربية [في] …»), not
        a participle («المقيم في بريطانيا» describes the person)."""
        kind = self.token_kind(text, tokens, j, names)
        if names.get(j) == "ORG":
            return True  # «رئيس كتلة نداء تونس [في] مجلس نواب الشعب»: a body in a body
        return kind in ("head", "link", "nat") or (
            kind == "def" and tokens[j].norm.endswith(("ي", "يه")))

    def _start(self, token: Token) -> int:
        """Where a role starts in its first token: after its clitics, unless the whole token is
        the head («ولي العهد», which the segmenter may read as و + لي)."""
        start, end = core_span(token)
        if token.norm in self.lex.role_heads and end - start < len(token.norm):
            return token.start
        return start

    def after(self, text: str, tokens: list[Token], last: int, hi: int,
              names: dict[int, str]) -> tuple[int, int] | None:
        """The apposition right after the name that ends at token ``last`` (span), if any.

        A comma may stand between them: «جيف سيشنز، وزير العدل».
        """
        j = last + 1
        if j + 1 < hi and tokens[j].text in _COMMAS:
            j += 1
        if j >= hi or self.token_kind(text, tokens, j, names) != "head" \
                or _is_preposition_amam(text, tokens[j]) \
                or _has_conjunction(tokens[j]) or _has_preposition(tokens[j]) \
                or (j + 1 < hi and _is_relative(tokens[j + 1])):
            # «أمام» is a preposition, not «إمام»; «… والأمير فيصل» names the next person;
            # «الفنان الذي …» is a description, not a title; «نتنياهو [ب]الرئيس الروسي …» is
            # no apposition.
            return None
        first = end = j
        j += 1
        # 1: inside a prepositional phrase («بمجلس»), 2: after its definite complement
        # («بمجلس الشيوخ»), where only an adjective may follow («… الشيوخ [الرسوم]»).
        phrase = 0
        while j < hi and j - first < MAX_ROLE_TOKENS:
            kind = self.token_kind(text, tokens, j, names)
            after_name = names.get(end) is not None
            prep_to_name = kind in ("prep", "link") and j + 1 < hi and \
                self.token_kind(text, tokens, j + 1, names) == "name"  # «سفيرة الأردن لدى إيطاليا»
            if after_name and not prep_to_name and (kind not in ("name", "nat") or (
                    kind == "name" and names.get(j) != names.get(end))):
                # «مدرب الأهلي المباراة»: a name ends the role unless an adjective follows;
                # so does another name («في الهلال الأحمر [أنقرة]»).
                break
            if phrase == 2 and kind == "def" and not tokens[j].norm.endswith(("ي", "يه")) \
                    and not _has_preposition(tokens[j]):
                break  # «رئيس لجنة المالية بمجلس الشيوخ [الرسوم الجمركية]»
            if kind in ("link", "def", "nat", "name", "head"):
                if kind == "link" or _has_preposition(tokens[j]):
                    phrase = 1
                elif phrase == 1 and kind == "def":
                    phrase = 2
                end = j
            elif kind == "prep" and j + 1 < hi and (
                    self.token_kind(text, tokens, j + 1, names) in ("name", "link")
                    or (end == first and
                        self.token_kind(text, tokens, j + 1, names) == "def")):
                end = j  # «في وزارة …», or «الخبير في الطاقة» right after the head
            else:
                break
            j += 1
        while end > first and self.word_kind(text, tokens[end]) == "prep":
            end -= 1
        nxt = end + 1
        if nxt + 1 < hi and tokens[nxt].text in _COMMAS and names.get(nxt + 1) == "PER" \
                and not any(w.form == "و" and w.role == "proclitic" for w in tokens[nxt + 1].words):
            # «ترامب، وزير العدل، جيف سيشنز»: the title of the next person (with no comma,
            # «التقى X رئيس بلدية عمان Y», or before «، وY», it is X's apposition)
            return None
        start = core_span(tokens[first])[0]
        return start, core_span(tokens[end])[1] if end in names else tokens[end].end


_RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذان", "اللتان", "اللواتي", "اللذين", "اللتين"})


def _has_conjunction(token: Token) -> bool:
    """Whether the token starts with the conjunction و or ف written onto it."""
    return any(w.role == "proclitic" and w.form in ("و", "ف") for w in token.words[:1])


def _has_lam(token: Token) -> bool:
    """Whether the token starts with the preposition ل written onto it («لترامب»)."""
    return any(w.role == "proclitic" and w.form in ("ل", "لل") for w in token.words[:2])


def _person_after_lam(tokens: list[Token], j: int, names: dict[int, str]) -> bool:
    """Whether token ``j`` is in a person's name whose first token has ل («لترامب»)."""
    while names.get(j - 1) == "PER" and not _has_lam(tokens[j]):
        j -= 1
    return _has_lam(tokens[j])


def _is_relative(token: Token) -> bool:
    """Whether the token is a relative pronoun («الذي», «التي»…)."""
    return token.norm in _RELATIVES


def _is_preposition_amam(text: str, token: Token) -> bool:
    """«أمام» («in front of», written with hamza on alif), which normalises like «إمام»."""
    start, end = core_span(token)
    return text[start:end].startswith("أمام")


def _has_preposition(token: Token) -> bool:
    """Whether the token starts with the preposition ب or ل written onto it («بمجلس»)."""
    return any(w.role == "proclitic" and w.form in ("ب", "ل") for w in token.words)
