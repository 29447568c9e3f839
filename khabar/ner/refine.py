"""Person and place mentions put right after tagging, for errors found on real articles.

- a rank word or a kinship noun with a pronoun at the start of a person's name is not part of it
  («اللواء [ركن] سعيد الغامدي», «[ولداه] حسن»);
- a known first name the tagger left out before a surname is part of the name («[آمال] فهمي»,
  «رئيس الوزراء [شريف] إسماعيل»), and so is the name after «بن»/«أبو» that ends a tagged span
  («[بن] علي يلدريم»);
- a country name right after a number or an accusative nisba noun is the adjective in the
  accusative written without tanween («23 دبلوماسيا [روسيا]», «حصل 6555 [بريطانيا]»);
- a name in quotation marks typed MISC that starts with a known first name is a person
  («وقالت "[لانا شيرين]"»).
"""

from __future__ import annotations

from ..model import Token
from ..text.normalize import normalize
from .lexicon import Lexicon, strip_article
from .mentions import RawMention, make_mention
from .patterns import _person_like

#: Words that start a name and need the next one: «بن علي يلدريم», «أبو محمد».
_NAME_LINKS = frozenset({"بن", "ابن", "بنت", "ابو", "ام", "عبد"})
_QUOTES = frozenset("\"«»“”'")


def is_accusative_adjective(tokens: list[Token], cores: list[str], j: int, lo: int,
                            lex: Lexicon) -> bool:
    """Whether the country name at token ``j`` is its nationality adjective in the accusative
    («روسيا» = «روسياً»): it is the adjective with «ا» («روسي» + «ا») and follows a number or
    an indefinite accusative nisba noun («دبلوماسيا»)."""
    word = cores[j]
    if j <= lo or not word.endswith("يا") or word[:-1] not in lex.adjectives \
            or tokens[j].proclitics:
        return False  # «2018 [ب]روسيا»: after a preposition it is the country
    prev = tokens[j - 1]
    if prev.kind == "number":
        return True
    return prev.kind == "word" and not prev.has_article and cores[j - 1].endswith("يا") \
        and cores[j - 1] not in lex.country_names and len(cores[j - 1]) > 4


class MentionRefiner:
    """Puts one sentence's mentions right (see the module's docstring)."""

    def __init__(self, lex: Lexicon, rank_words: frozenset[str], kind_of_word) -> None:
        self.lex = lex
        self.rank_words = rank_words
        #: ``kind_of_word(text, token)``: a token's role kind (``RoleFinder.word_kind``).
        self.kind_of_word = kind_of_word

    def __call__(self, text: str, tokens: list[Token], cores: list[str], lo: int, hi: int,
                 found: list[RawMention]) -> list[RawMention]:
        covered = {j for m in found for j in range(m.first, m.last + 1)}
        out = []
        for m in found:
            if m.type == "LOC" and m.first == m.last \
                    and is_accusative_adjective(tokens, cores, m.first, lo, self.lex):
                continue
            if m.type == "PER":
                m = self._person(text, tokens, cores, lo, hi, m, covered)
                if m is None:
                    continue
            elif m.type == "MISC":
                m = self._quoted_person(text, tokens, cores, lo, hi, m)
            out.append(m)
        return out

    def _person(self, text: str, tokens: list[Token], cores: list[str], lo: int, hi: int,
                m: RawMention, covered: set[int]) -> RawMention | None:
        first, last = m.first, m.last
        # «اللواء [ركن] سعيد», «[ولداه] حسن»: not part of the name.
        while first < last and (
                (cores[first] in self.rank_words and first > lo
                 and self.kind_of_word(text, tokens[first - 1]) in ("head", "honor"))
                or _kin_with_pronoun(tokens[first], cores[first], self.lex)):
            first += 1
        # «[آمال] فهمي»: a known first name left out before the tagged name.
        before = first - 1
        if first == m.first and self._may_start(tokens, cores, before, lo, covered):
            first = before
            # In quotation marks, one more («"[لانا ماري] شيرين"»).
            if not _quoted(tokens, first, last, lo, hi) \
                    and self._may_start(tokens, cores, before - 1, lo, covered) \
                    and _quoted(tokens, before - 1, last, lo, hi):
                first = before - 1
        # «[بن] علي يلدريم»: a name link at the end goes on with up to three words of a name.
        if cores[last] in _NAME_LINKS:
            nxt = last + 1
            # The word right after «بن» is a name whatever else it may be («بن [علي]»).
            while nxt < hi and nxt - m.last <= 3 and nxt not in covered \
                    and tokens[nxt].kind == "word" and not tokens[nxt].proclitics \
                    and not tokens[nxt].has_article and (
                        _person_like(self.lex, cores[nxt]) or (
                            nxt == m.last + 1 and "PER" in self.lex.gazetteer.get(cores[nxt], ())
                            and not self.lex.triggers.get(cores[nxt]))):
                last, nxt = nxt, nxt + 1
        if (first, last) == (m.first, m.last):
            return m
        return make_mention(text, tokens, first, last, "PER", m.confidence)

    def _may_start(self, tokens: list[Token], cores: list[str], j: int, lo: int,
                   covered: set[int]) -> bool:
        """Whether token ``j``, untagged, is a first name left out before a tagged name."""
        if j < lo or j in covered or tokens[j].kind != "word" or tokens[j].proclitics:
            return False
        if any(w.role == "enclitic" for w in tokens[j].words) \
                and self.lex.frequency_band(cores[j]) is not None:
            return False  # «[حضره] سعاد»: a verb with a pronoun («لانا» is no «لا» + «نا»)
        return self._first_name(tokens[j], cores[j])

    def _first_name(self, token: Token, core: str) -> bool:
        """A known first name, or a word never seen in the news that can be one («السا»)."""
        lex = self.lex
        if lex.triggers.get(strip_article(core)) or core in lex.kinship or core in lex.adjectives:
            return False
        if "PER" in lex.gazetteer.get(core, ()):
            return not token.has_article and _person_like(lex, core)
        return lex.frequency_band(core) is None and core not in lex.silver and len(core) > 2

    def _quoted_person(self, text: str, tokens: list[Token], cores: list[str], lo: int, hi: int,
                       m: RawMention) -> RawMention:
        """«وقالت "لانا شيرين"»: a quoted name of two or three words that starts with a known
        first name is a person, not a title of a work."""
        if not 2 <= len(m.words) <= 3 or m.first <= lo or m.last + 1 >= hi \
                or tokens[m.first - 1].text not in _QUOTES \
                or tokens[m.last + 1].text not in _QUOTES \
                or "PER" not in self.lex.gazetteer.get(cores[m.first], ()):
            return m
        return make_mention(text, tokens, m.first, m.last, "PER", m.confidence) or m


def _kin_with_pronoun(token: Token, core: str, lex: Lexicon) -> bool:
    """«ولداه», «زوجته», «ابنه»: a kinship noun with a pronoun, which starts no name."""
    if token.kind != "word" or not any(w.role == "enclitic" for w in token.words):
        return False
    stem = next((w.form for w in token.words if w.role not in ("proclitic", "enclitic")), core)
    if stem.endswith("ت"):  # «زوجت» of «زوجته»: the ة written ت before the pronoun
        stem = normalize(stem[:-1] + "ة")
    return stem in lex.kinship or stem in ("ولد", "ولدا", "ابنا")


def _quoted(tokens: list[Token], first: int, last: int, lo: int, hi: int) -> bool:
    """Whether tokens ``first``…``last`` are a name alone in quotation marks."""
    return first - 1 >= lo and last + 1 < hi and tokens[first - 1].text in _QUOTES \
        and tokens[last + 1].text in _QUOTES
