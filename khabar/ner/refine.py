"""Person and place mentions put right after tagging, for errors found on real articles.

- a rank word or a kinship noun with a pronoun at the start of a person's name is not part of it
  («اللواء [ركن] سعيد الغامدي», «[ولداه] حسن»);
- a known first name the tagger left out before a surname is part of the name («[آمال] فهمي»,
  «رئيس الوزراء [شريف] إسماعيل»), and so is the name after «بن»/«أبو» that ends a tagged span
  («[بن] علي يلدريم»);
- a country name right after a number or an accusative nisba noun is the adjective in the
  accusative written without tanween («23 دبلوماسيا [روسيا]», «حصل 6555 [بريطانيا]»);
- a name in quotation marks typed MISC that starts with a known first name is a person
  («وقالت "[لانا شيرين]"»);
- found on a third sample: a preposition or a noun with a pronoun does not start a person's
  name («[لدى] مينغ», «[لاعبهم] مارسيلو»); a monarch's ordinal ends it («شارل [التاسع]»); a
  person right after a product noun is the product («سماعات [ليفيل أون]»); a city's name
  followed by a masculine nationality adjective is its club («[روما] الإيطالي»); newspapers
  whose names are common words are names alone in quotation marks («لـ»[اليوم]»»).
"""

from __future__ import annotations

from ..model import Token
from ..text.normalize import normalize
from ..text.quotes import quote_marks
from .lexicon import Lexicon, strip_article
from .mentions import RawMention, make_mention
from .patterns import _person_like

#: Words that start a name and need the next one: «بن علي يلدريم», «أبو محمد».
_NAME_LINKS = frozenset({"بن", "ابن", "بنت", "ابو", "ام", "عبد"})
#: Ordinals that after a name alone are more often a ranking («ميسي الأول») than a monarch's.
_RANKING_ORDINALS = frozenset(normalize(w) for w in ("الأول", "الأولى", "الثاني", "الثانية"))


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

    def __init__(self, lex: Lexicon, rank_words: frozenset[str], kind_of_word,
                 data: dict | None = None) -> None:
        self.lex = lex
        self.rank_words = rank_words
        #: ``kind_of_word(text, token)``: a token's role kind (``RoleFinder.word_kind``).
        self.kind_of_word = kind_of_word
        data = data or {}

        def words(key: str) -> frozenset[str]:
            return frozenset(normalize(w) for w in data.get(key, ()))

        # «على» normalises to the name «علي»: a word that is also a first name is no stop.
        self.prepositions = words("name_end_stops")
        self.start_stops = frozenset(w for w in self.prepositions
                                     if "PER" not in lex.gazetteer.get(w, ()))
        self.products = words("product_descriptors")
        self.ordinals = words("regnal_ordinals")
        self.not_club_adjectives = words("not_club_adjectives")
        self.place_descriptors = words("place_descriptors")

    def __call__(self, text: str, tokens: list[Token], cores: list[str], lo: int, hi: int,
                 found: list[RawMention]) -> list[RawMention]:
        covered = {j for m in found for j in range(m.first, m.last + 1)}
        out = []
        for m in found:
            if m.type == "LOC" and m.first == m.last \
                    and is_accusative_adjective(tokens, cores, m.first, lo, self.lex):
                continue
            if m.type in ("PER", "ORG") and self._product(tokens, cores, lo, hi, m):
                continue
            if m.type in ("LOC", "ORG") and m.first == m.last \
                    and self._noun_with_pronoun(tokens[m.first], cores[m.first]):
                continue  # «[برلمانه]»: names take no pronoun
            if m.type == "LOC" and self._club_of_city(tokens, cores, hi, m):
                m = make_mention(text, tokens, m.first, m.last, "ORG", m.confidence) or m
            if m.type == "PER" and m.first > lo and not tokens[m.first - 1].has_article \
                    and cores[m.first - 1] in self.place_descriptors:
                # «ومحافظات [أبو عريش]»: a place, not a person
                out.append(make_mention(text, tokens, m.first, m.last, "LOC", m.confidence) or m)
                continue
            if m.type == "PER":
                place = self._place_with_preposition(text, tokens[m.first], cores[m.first])
                if place is not None:
                    # «مدير فرع الهيئة [بأبها] سالم الأسمري»: the place, then the person
                    place.first = place.last = m.first
                    out.append(place)
                    if m.first == m.last:
                        continue
                    m = make_mention(text, tokens, m.first + 1, m.last, "PER", m.confidence) or m
            if m.type == "PER":
                m = self._person(text, tokens, cores, lo, hi, m, covered)
                if m is None:
                    continue
            elif m.type == "MISC":
                m = self._quoted_person(text, tokens, cores, lo, hi, m)
            elif m.type == "ORG" and self._titled_org(text, tokens, cores, lo, m):
                m = make_mention(text, tokens, m.first, m.last, "PER", m.confidence) or m
            out.append(m)
        return out + self._after_kin(text, tokens, cores, lo, hi, covered)

    def _after_kin(self, text: str, tokens: list[Token], cores: list[str], lo: int, hi: int,
                   covered: set[int]) -> list[RawMention]:
        """«وابنته [يوليا]», «زوجته [سلمى]»: a first name right after a kinship noun with a
        pronoun, untagged, is a person."""
        added = []
        for j in range(lo, hi - 1):
            words = tokens[j].words
            if not words or words[-1].role != "enclitic":
                continue
            k = j + 1
            if k in covered or tokens[k].kind != "word" or tokens[k].proclitics \
                    or tokens[k].has_article or cores[k] in self.prepositions \
                    or not _kin_with_pronoun(tokens[j], cores[j], self.lex) \
                    or not (self._first_name(tokens[k], cores[k])
                            or self._named_in_news(cores[k])):
                continue
            mention = make_mention(text, tokens, k, k, "PER")
            if mention is not None:
                added.append(mention)
        return added

    def _place_with_preposition(self, text: str, token: Token,
                                core: str) -> RawMention | None:
        """A known place with «ب» or «ل» that the segmenter left on («بأبها», which could be
        «ب + أب + ها»): the place, not a person (a LOC mention after the preposition)."""
        if token.proclitics or len(core) < 4 or core[0] not in "بل" \
                or text[token.start] != core[0] or self.lex.gazetteer.get(core) \
                or core in self.lex.silver:
            return None
        kinds = self.lex.gazetteer.get(core[1:], ())
        if "LOC" not in kinds or "PER" in kinds:
            return None
        return RawMention(0, 0, "LOC", token.start + 1, token.end, (core[1:],))

    def _titled_org(self, text: str, tokens: list[Token], cores: list[str], lo: int,
                    m: RawMention) -> bool:
        """«مديرها الطبيب [تيدروس أدهانوم غيبريسوس]»: a name of two or three rare words tagged
        ORG right after a definite title is a person."""
        before = m.first - 1
        return 2 <= len(m.words) <= 3 and before >= lo and tokens[before].has_article \
            and self.kind_of_word(text, tokens[before]) in ("head", "honor") \
            and not any(w.startswith("ال") for w in m.words) \
            and all(self._rare_name_word(w) for w in m.words)

    def _rare_name_word(self, word: str) -> bool:
        """A rare word that is no title, adjective or well-known name («غيبريسوس»)."""
        lex = self.lex
        band = lex.frequency_band(word)
        return (band is None or band > 13) and not lex.triggers.get(word) \
            and word not in lex.adjectives and word not in lex.known_names \
            and not {"ORG", "LOC"}.intersection(lex.gazetteer.get(word, ()))

    def _named_in_news(self, core: str) -> bool:
        """A word the tagger named a person at least a few times in the news («يوليا»), that is
        no title, kinship noun or adjective."""
        lex = self.lex
        counts = lex.silver_counts(core)
        if counts is None or lex.triggers.get(strip_article(core)) or core in lex.kinship \
                or core in lex.adjectives or core in self.start_stops:
            return False
        return counts[0] >= 3

    def _person(self, text: str, tokens: list[Token], cores: list[str], lo: int, hi: int,
                m: RawMention, covered: set[int]) -> RawMention | None:
        first, last = m.first, m.last
        # «اللواء [ركن] سعيد», «[ولداه] حسن»: not part of the name.
        while first < last and (
                (cores[first] in self.rank_words and first > lo
                 and self.kind_of_word(text, tokens[first - 1]) in ("head", "honor"))
                or _kin_with_pronoun(tokens[first], cores[first], self.lex)
                or cores[first] in self.start_stops
                or (tokens[first].has_article and not tokens[first].proclitics
                    and (self.kind_of_word(text, tokens[first]) in ("head", "honor")
                         or cores[first] in self.lex.adjectives))
                or self._noun_with_pronoun(tokens[first], cores[first])):
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
        # «فيصل آل [الشيخ]»: «آل» goes on with the family's name, definite or not, even one
        # that is also an honorific.
        if cores[last] == "ال" and last + 1 < hi and last + 1 not in covered \
                and tokens[last + 1].kind == "word" and not tokens[last + 1].proclitics:
            last += 1
        # «[بن] علي يلدريم»: a name link at the end goes on with up to three words of a name.
        elif cores[last] in _NAME_LINKS:
            nxt = last + 1
            # The word right after «بن» is a name whatever else it may be («بن [علي]»).
            while nxt < hi and nxt - m.last <= 3 and nxt not in covered \
                    and tokens[nxt].kind == "word" and not tokens[nxt].proclitics \
                    and not tokens[nxt].has_article and (
                        _person_like(self.lex, cores[nxt]) or (
                            nxt == m.last + 1 and "PER" in self.lex.gazetteer.get(cores[nxt], ())
                            and not self.lex.triggers.get(cores[nxt]))):
                last, nxt = nxt, nxt + 1
        # «شارل [التاسع]», «عبدالله [الثاني]»: a monarch's ordinal («السادس [عشر]»).
        nxt = last + 1
        titled = first > lo and self.kind_of_word(text, tokens[first - 1]) in ("head", "honor")
        if nxt < hi and cores[nxt] in self.ordinals and not tokens[nxt].proclitics \
                and nxt not in covered and (titled or (
                    first == last and cores[nxt] not in _RANKING_ORDINALS)):
            last = nxt
            if last + 1 < hi and cores[last + 1] in ("عشر", "عشره") \
                    and not tokens[last + 1].proclitics:
                last += 1
        if (first, last) == (m.first, m.last):
            return m
        return make_mention(text, tokens, first, last, "PER", m.confidence)

    def _noun_with_pronoun(self, token: Token, core: str) -> bool:
        """«[لاعبهم] مارسيلو», «[برلمانه]»: a common noun with a pronoun enclitic, which
        starts no name (a known first name does not count)."""
        if token.kind != "word" or not any(w.role == "enclitic" for w in token.words) \
                or "PER" in self.lex.gazetteer.get(core, ()):
            return False
        stem = next((w.form for w in token.words if w.role not in ("proclitic", "enclitic")),
                    core)
        band = self.lex.frequency_band(normalize(stem))
        counts = self.lex.silver_counts(core)
        # «[بريت]ني سبيرز»: a stem the news names a person at least half the time is a name.
        stem_counts = self.lex.silver_counts(normalize(stem))
        if stem_counts is not None and 2 * stem_counts[0] >= stem_counts[4]:
            return False
        return len(stem) > 2 and band is not None and band <= 13 \
            and (counts is None or counts[0] == 0)

    def _product(self, tokens: list[Token], cores: list[str], lo: int, hi: int,
                 m: RawMention) -> bool:
        """A person right after a product noun («سماعات [ليفيل أون]») or starting with one
        («[هاتف جالاكسي نوت]»), or a name in quotation marks typed ORG after one («أجهزة "[جي
        بي اس]"»): the product, not a name we keep."""
        if m.type == "PER" and m.first < m.last and strip_article(cores[m.first]) in self.products:
            return True  # «[هاتف جالاكسي نوت]»
        before = m.first - 1
        quoted = before >= lo and tokens[before].text in quote_marks()
        if quoted:
            before -= 1
        if before < lo or strip_article(cores[before]) not in self.products:
            return False
        if m.type == "PER":
            return True
        return quoted and m.last + 1 < hi and tokens[m.last + 1].text in quote_marks()

    def _club_of_city(self, tokens: list[Token], cores: list[str], hi: int,
                      m: RawMention) -> bool:
        """«[روما] الإيطالي»: a one-word city (no «ال», not a country) with a masculine
        nationality adjective is a club; a city takes the feminine («روما الإيطالية»)."""
        nxt = m.last + 1
        if m.first != m.last or nxt >= hi or tokens[m.first].has_article \
                or cores[m.first] in self.lex.country_names:
            return False
        adjective = cores[nxt]
        return tokens[nxt].has_article and not tokens[nxt].proclitics \
            and adjective.endswith("ي") and adjective in self.lex.adjectives \
            and adjective not in self.not_club_adjectives

    def _may_start(self, tokens: list[Token], cores: list[str], j: int, lo: int,
                   covered: set[int]) -> bool:
        """Whether token ``j``, untagged, is a first name left out before a tagged name."""
        if j < lo or j in covered or tokens[j].kind != "word" or tokens[j].proclitics:
            return False
        if any(w.role == "enclitic" for w in tokens[j].words) \
                and self.lex.frequency_band(cores[j]) is not None:
            return False  # «[حضره] سعاد»: a verb with a pronoun («لانا» is no «لا» + «نا»)
        if self._noun_with_pronoun(tokens[j], cores[j]) or cores[j] in self.start_stops:
            return False  # «[لاعبهم] مارسيلو»
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
                or tokens[m.first - 1].text not in quote_marks() \
                or tokens[m.last + 1].text not in quote_marks() \
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
    return first - 1 >= lo and last + 1 < hi and tokens[first - 1].text in quote_marks() \
        and tokens[last + 1].text in quote_marks()


def quoted_outlets(text: str, tokens: list[Token], cores: list[str], lo: int, hi: int,
                   found: list[RawMention], outlets: dict[str, tuple[tuple[str, ...], ...]]
                   ) -> list[RawMention]:
    """Newspapers and channels whose names are common words («سبق», «اليوم», «العربية»): alone
    in quotation marks, untagged, they are an ORG («لـ»اليوم»», «صحيفة "سبق"»).

    ``outlets`` maps a first word to the names (normalised words) it starts, longest first.
    """
    if outlets.keys().isdisjoint(cores[lo:hi]):
        return found
    covered = {j for m in found for j in range(m.first, m.last + 1)}
    added = []
    for j in range(lo + 1, hi - 1):
        names = outlets.get(cores[j])
        if not names or j in covered or tokens[j - 1].text not in quote_marks() \
                or tokens[j].proclitics:
            continue
        for words in names:
            last = j + len(words) - 1
            if last + 1 < hi and tokens[last + 1].text in quote_marks() \
                    and all(cores[k] == words[k - j] for k in range(j, last + 1)) \
                    and not covered.intersection(range(j, last + 1)):
                mention = make_mention(text, tokens, j, last, "ORG")
                if mention is not None:
                    added.append(mention)
                break
    return sorted(found + added, key=lambda m: m.start) if added else found


#: Endings of a nisba adjective, normalised («إرهابي», «الانفصالية», «الحوثيين»).
_NISBA_ENDS = ("ي", "يه", "يين", "يون")


def adjective_after_body(tokens: list[Token], cores: list[str], mention: RawMention,
                         heads: frozenset[str], lex: Lexicon) -> bool:
    """Whether a one-word organisation is the adjective of a generic body before it, not its
    name: «تنظيم [إرهابي]», «منظمة "[إرهابية]"», «الحركة [الانفصالية]», «مدرسة [ثانوية]». The word
    is a nisba adjective that is under 40 % of its uses in the news inside a name (so «شركة
    سوني» and clubs stay)."""
    if mention.type != "ORG" or len(mention.words) != 1:
        return False
    word = mention.words[0]
    if not word.endswith(_NISBA_ENDS) or word in lex.known_names:
        return False
    before = mention.first - 1
    if before >= 0 and tokens[before].kind in ("punct", "symbol"):
        before -= 1
    if before < 0 or strip_article(cores[before]) not in heads:
        return False
    counts = lex.silver_counts(word)
    return counts is None or sum(counts[:3]) * 10 < counts[4] * 4


def _after_and(token: Token) -> bool:
    """Whether a token starts with the conjunction «و»."""
    return any(w.role == "proclitic" and w.form == "و" for w in token.words)


def companies_typed_as_persons(tokens: list[Token], cores: list[str],
                               mentions: list[RawMention], heads: frozenset[str]) -> None:
    """A person or a place right after «شركة»/«شركات مثل» is a company, and so are the names
    joined to it by «و» («شركات مثل [أسترا زينيكا] و[روش]»), and the article's other mentions
    with the same words («سهم [أسترا زينيكا]»). Types are changed in place."""
    if heads.isdisjoint(cores):
        return
    companies: set[tuple[str, ...]] = set()
    chain: RawMention | None = None
    for m in sorted(mentions, key=lambda m: m.start):
        if m.type == "MISC":
            chain = None
            continue
        before = m.first - 1
        while before >= 0 and tokens[before].kind in ("punct", "symbol"):
            before -= 1
        if before >= 0 and cores[before] == "مثل":
            before -= 1
        headed = before >= 0 and cores[before] in heads and not tokens[before].has_article \
            and not tokens[m.first].proclitics
        joined = chain is not None and _after_and(tokens[m.first]) and all(
            tokens[k].kind in ("punct", "symbol") for k in range(chain.last + 1, m.first))
        if headed or joined:
            chain = m
        else:
            chain = None
            continue
        if m.type != "ORG":
            m.type = "ORG"
        companies.add(m.words)
    for m in mentions:
        if m.type == "PER" and m.words in companies:
            m.type = "ORG"


def quoted_works(text: str, tokens: list[Token], cores: list[str], mentions: list[RawMention],
                 works: frozenset[str]) -> list[RawMention]:
    """«بجائزة "[الأسد الذهبي]"», «مسلسل "[خان الحرير]"»: a person or a body in quotation marks
    or brackets right after a word for a prize or a work (``work_descriptors``) is the title
    (MISC), not a name we score."""
    out = []
    for m in mentions:
        before, after = m.first - 1, m.last + 1
        if m.type in ("PER", "ORG") and before >= 1 and after < len(tokens) \
                and tokens[before].text in quote_marks() | {"("} \
                and tokens[after].text in quote_marks() | {")"} \
                and strip_article(cores[before - 1]) in works:
            m = make_mention(text, tokens, m.first, m.last, "MISC", m.confidence) or m
        out.append(m)
    return out
