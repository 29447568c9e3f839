"""The ``entities`` step of the pipeline: tag, clean, propagate, group, add roles and countries."""

from __future__ import annotations

import dataclasses
import functools
import re

from ..model import Analysis, Entity, Mention, Role, Token
from ..options import Options
from ..quantity.units import units
from ..resources import load_yaml
from ..text.acronyms import is_acronym, letter_names
from ..text.normalize import normalize
from .coref import Group, group_mentions
from .lexicon import Lexicon, lexicon, strip_article
from .lists import (
    clubs_in_sports,
    common_word_clubs,
    is_name_word,
    list_members,
    name_letter,
    proclitic_in_name,
)
from .mentions import RawMention, core_word, decode, make_mention, strip_leftover_proclitic
from .nationality import find_adjectives
from .patterns import (
    clubs_after_descriptor,
    definite_bodies,
    facilities_named_after_people,
    institution_mentions,
    merge_adjacent_persons,
    named_after_descriptor,
    persons_before_title,
    persons_by_apposition,
    places_after_descriptor,
    titled_persons,
    with_adjectives,
    with_coordinated_complement,
)
from .refine import (
    MentionRefiner,
    adjective_after_body,
    companies_typed_as_persons,
    is_accusative_adjective,
    quoted_outlets,
    quoted_works,
)
from .roles import RoleFinder
from .tagger import shared_tagger

#: Trigger classes of words that are never a name on their own.
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_NOT_ALONE = frozenset({"title", "honor", "org", "loc", "speech", "notname", "nat"})


class EntityAnalyser:
    """Fills ``analysis.entities``: people, organisations, places and other names."""

    name = "entities"
    needs = frozenset({"tokens"})
    provides = frozenset({"entities"})

    def __init__(self, options: Options) -> None:
        self.tagger = shared_tagger()
        self.lex: Lexicon = lexicon()
        data = load_yaml("ner")
        stops = frozenset(normalize(w) for w in data["role_stops"])
        self.stops = stops
        self.descriptors = frozenset(normalize(w) for w in data["org_descriptors"])
        self.descriptor_complements = frozenset(
            normalize(w) for w in data["org_descriptor_complements"])
        self.rank_words = frozenset(normalize(w) for w in data["rank_words"])
        self.roles = RoleFinder(self.lex, stops, frozenset(
            strip_article(normalize(w)) for w in data["role_heads_rules_only"]), frozenset(
            normalize(w) for w in data["role_links_rules_only"]) | self.rank_words)
        self.refine = MentionRefiner(self.lex, self.rank_words, self.roles.word_kind, data)
        outlets: dict[str, list[tuple[str, ...]]] = {}
        for name in data["quoted_outlets"]:
            words = tuple(normalize(name).split())
            outlets.setdefault(words[0], []).append(words)
        self.outlets = {k: tuple(sorted(v, key=len, reverse=True)) for k, v in outlets.items()}
        self.not_alone = frozenset(normalize(w) for w in data["not_names_alone"])
        self.not_persons_alone = frozenset(
            strip_article(normalize(w))
            for w in data["not_persons_alone"] + data["regnal_ordinals"])
        self.end_stops = frozenset(normalize(w) for w in data["name_end_stops"])
        self.not_institutions = frozenset(" ".join(normalize(w).split())
                                          for w in data["not_institutions"])
        self.place_descriptors = frozenset(normalize(w) for w in data["place_descriptors"])
        self.facilities = frozenset(normalize(w) for w in data["facilities_named_after_people"])
        self.facility_adjectives = frozenset(normalize(w) for w in data["facility_adjectives"])
        self.club_descriptors = frozenset(normalize(w) for w in data["club_descriptors"])
        self.adjective_heads = frozenset(normalize(w) for w in data["adjective_body_heads"])
        self.company_heads = frozenset(normalize(w) for w in data["company_heads"])
        self.start_particles = frozenset(normalize(w) for w in data["name_start_particles"])
        self.blessings = frozenset(normalize(w) for w in data["blessing_verbs"])
        self.god = normalize("الله")
        self.works = frozenset(normalize(w) for w in data["work_descriptors"])
        self.sports_words = frozenset(strip_article(normalize(w)) for w in data["sports_words"])
        self.club_cues = frozenset(strip_article(normalize(w)) for w in data["club_cues"])
        self.common_clubs = frozenset(normalize(w) for w in data["common_word_clubs"])
        self.club_list_cues = frozenset(strip_article(normalize(w))
                                        for w in data["club_list_cues"])
        self.one_word_countries = frozenset(k for k in self.lex.country_names if " " not in k)
        self.letters = letter_names()
        # «دولار», «الدينار»: a currency alone is a unit (``units.yaml``), not a name.
        self.currencies = frozenset(key[0] for key, unit in units().entries.items()
                                    if unit.kind == "money" and len(key) == 1)

    def __call__(self, analysis: Analysis) -> None:
        text, tokens = analysis.text, analysis.tokens
        # Latin words keep their form («CNN» is a form of «سي إن إن» in organisations.yaml).
        cores = [core_word(text, t) if t.kind == "word" else t.norm if t.kind == "latin" else ""
                 for t in tokens]
        mentions: list[RawMention] = []
        # The article's sentences are tagged in one call.
        sentences = [s for s in analysis.sentences if s.token_start < s.token_end]
        tagged = self.tagger.tag_batch(
            [[t.norm for t in tokens[s.token_start : s.token_end]] for s in sentences])
        for sentence, tags in zip(sentences, tagged, strict=True):
            lo, hi = sentence.token_start, sentence.token_end
            found = []
            for first, last, kind in decode(tags):
                for a, b in _coordinated(tokens, lo + first, lo + last):
                    mention = make_mention(text, tokens, a, b, kind)
                    if mention is not None:
                        mention = self._spelt_in_letters(text, tokens, cores, mention, lo)
                    if mention is not None:
                        mention = self._without_descriptor(text, tokens, mention)
                    if mention is not None:
                        mention = self._trim_edges(text, tokens, mention)
                    if mention is not None and self._plausible(mention, tokens, text):
                        found.append(mention)
            found = with_adjectives(text, tokens, cores, hi, found, self.lex)
            found = self._countries(text, tokens, cores, lo, hi, found)
            kind_of = functools.partial(self.roles.token_kind, text, tokens, names={})
            found = titled_persons(text, tokens, cores, lo, hi, found, self.lex, kind_of,
                                   self.roles.head_words)
            found = persons_by_apposition(text, tokens, cores, lo, hi, found, self.lex, kind_of)
            found = persons_before_title(text, tokens, cores, lo, hi, found, self.lex, kind_of)
            found = self.refine(text, tokens, cores, lo, hi, found)
            found = [self._proclitic_in_name(text, tokens, cores, m, lo) if m.type == "PER"
                     else m for m in found]
            found = facilities_named_after_people(text, tokens, cores, lo, hi, found, kind_of,
                                                  self.facilities, self.facility_adjectives)
            found = named_after_descriptor(text, tokens, cores, lo, hi, found, self.lex,
                                           self.descriptors,
                                           self.descriptor_complements)
            found = clubs_after_descriptor(text, tokens, cores, lo, hi, found, self.lex,
                                           self.club_descriptors)
            found = places_after_descriptor(text, tokens, cores, lo, hi, found, self.lex,
                                            self.place_descriptors)
            found = definite_bodies(text, tokens, cores, lo, hi, found, self.lex, self.stops)
            found = institution_mentions(text, tokens, cores, lo, hi, found, self.lex,
                                         self.stops, self.descriptors)
            found = with_coordinated_complement(text, tokens, cores, hi, found, self.lex,
                                                self.stops)
            found = [m for m in found if self._kept(m, tokens, cores)]
            found = quoted_outlets(text, tokens, cores, lo, hi, found, self.outlets)
            mentions += [proclitic_in_name(text, tokens, m, self.lex)
                         if m.type in ("PER", "ORG") else m
                         for m in self._known_names(text, tokens, cores, lo, hi, found)]
        known = {m.words[0] for m in mentions if len(m.words) == 1} | self.one_word_countries
        strip_leftover_proclitic(text, mentions, known,
                                 functools.partial(is_name_word, self.lex))
        mentions = self._trim_tails(text, tokens, mentions)
        mentions = quoted_works(text, tokens, cores, mentions, self.works)
        companies_typed_as_persons(tokens, cores, mentions, self.company_heads)
        mentions += self._propagate(text, tokens, cores, mentions)
        mentions += self._first_names(text, tokens, cores, mentions)
        mentions += list_members(text, tokens, cores, mentions, self.lex)
        clubs_in_sports(tokens, cores, mentions, self.lex, self.sports_words, self.club_cues)
        mentions += common_word_clubs(text, tokens, cores, mentions, self.lex, self.common_clubs,
                                      self.club_list_cues, self.sports_words)
        mentions = merge_adjacent_persons(text, tokens, mentions)
        mentions = _split_two_surnames(text, tokens, mentions)
        groups = group_mentions(mentions, tokens, self.lex)
        analysis.entities = self._entities(analysis, groups, cores)

    def _spelt_in_letters(self, text: str, tokens: list[Token], cores: list[str],
                          mention: RawMention, lo: int) -> RawMention | None:
        """Names spelt in Latin letter names («إن بي سي», «سي.إن.بي.سي»).

        «إن» is the letter N only among letter names: before another word it is «that», and
        the name ends before it («[إن بي سي] إن الخبر صحيح»). Such a name is a body, not a
        person, and letter names the tagger left out before it go in after a generic word
        («شبكة [إن] بي سي»; after a verb, «إن» is «that»).
        """
        letters = self.letters
        words = mention.words
        for i in range(1, len(words) - 1):
            if words[i] == "ان" and words[i + 1] not in letters:
                mention = make_mention(text, tokens, mention.first, mention.first + i - 1,
                                       mention.type)
                if mention is None:
                    return None
                break
        if not (all(w in letters for w in mention.words) or (
                mention.first == mention.last and is_acronym(cores[mention.first]))):
            return mention
        first = mention.first
        while first - 1 > lo and cores[first - 1] in letters and tokens[first - 1].kind == "word" \
                and not tokens[first - 1].proclitics:
            first -= 1
        if first < mention.first and strip_article(cores[first - 1]) in self.descriptors:
            mention = make_mention(text, tokens, first, mention.last, mention.type) or mention
        mention.type = "ORG"
        return mention

    def _without_descriptor(self, text: str, tokens: list[Token],
                            mention: RawMention) -> RawMention | None:
        """«تنظيم داعش» → «داعش»: a generic word before a name without «ال» is left out («وكالة
        أنباء فارس» → «فارس»); so is a time word at the end («منظمة الصحة العالمية [اليوم]»)."""
        words = mention.words
        if len(words) > 1 and words[-1] in self.stops \
                and " ".join(words) not in self.lex.known_names:  # «عين اليوم»: a site
            mention = make_mention(text, tokens, mention.first, mention.last - 1, mention.type)
            if mention is None:
                return None
            words = mention.words
        if len(words) < 2 or strip_article(words[0]) not in self.descriptors:
            return mention
        # «وكالة أنباء فارس», «وكالة أنباء الأناضول»: «أنباء» belongs to the generic words.
        skip = 2 if words[1] in self.descriptor_complements else 1
        if len(words) == skip:
            return None  # «وكالة أنباء» alone names nobody
        if words[skip].startswith("ال") and not (
                len(words) == skip + 1 and self._mostly_org(words[skip])):
            return mention
        return make_mention(text, tokens, mention.first + skip, mention.last, mention.type)

    def _proclitic_in_name(self, text: str, tokens: list[Token], cores: list[str],
                           mention: RawMention, lo: int) -> RawMention:
        """«وقال [ب]رايس», «وقال وزير الخارجية [ب]لينكن»: right after a verb of saying, or
        after one and a title, no preposition can stand before a person's name, so the «ب» or
        «ك» the segmenter took off the name's first word is the name's own letter. «و» and «ف»
        before it stay out («وبرايس» → «برايس»). After a title alone it may be a preposition
        («ورحب الرئيس [ب]كمال»), and after a first name too («التقى أحمد [ب]سلمى»)."""
        token = tokens[mention.first]
        letter = name_letter(token)
        if letter is None or letter.form not in ("ب", "ك") or token.has_article:
            return mention
        j = mention.first - 1
        roles = self.roles.before(text, tokens, mention.first, lo, {})
        if roles:  # the verb of saying before the title
            role_start = min(start for start, _ in roles)
            while j >= lo and tokens[j].end > role_start:
                j -= 1
        if j < lo or tokens[j].kind != "word" \
                or "speech" not in self.lex.triggers.get(strip_article(cores[j]), ()):
            return mention
        word = normalize(text[letter.start : token.end])
        return dataclasses.replace(mention, start=letter.start,
                                   words=(word, *mention.words[1:]))

    def _mostly_org(self, word: str) -> bool:
        """A definite word the tagger named an organisation at least a quarter of the time in
        the news («وكالة [الأناضول]», «صحيفة [الأهرام]»), unlike «وكالة الأنباء»."""
        counts = self.lex.silver_counts(word)
        return counts is not None and counts[2] >= 20 and counts[2] * 4 >= counts[4]

    def _known_names(self, text: str, tokens: list[Token], cores: list[str], lo: int, hi: int,
                     found: list[RawMention]) -> list[RawMention]:
        """Well-known organisations and places (``organisations.yaml``, ``places.yaml``,
        countries of more than one word) the tagger missed or cut, unless a longer name of
        the same type the tagger found holds them or the name goes on («مجلس الأمن [القومي]»)."""
        first, triggers = self.lex.known_first, self.lex.triggers
        out = found
        j = lo
        while j < hi:
            end, kind = None, ""
            for words, candidate in first.get(cores[j], ()):
                last = j + len(words) - 1
                # The first word without its clitics, the others as written («لكرة القدم»).
                if last < hi and cores[j] == words[0] and all(
                        tokens[k].norm == words[k - j] for k in range(j + 1, last + 1)):
                    end, kind = last, candidate
                    break
            if end is None:
                j += 1
                continue
            after = end + 1
            # A place of more than one word is whole («قطاع غزة المحاصر»); a title after a
            # name does not continue it («مكة المكرمة العقيد …»).
            goes_on = after < hi and not (kind == "LOC" and len(words) > 1) \
                and tokens[after].kind == "word" \
                and self.roles.word_kind(text, tokens[after]) not in ("head", "honor") \
                and tokens[after].core_start == tokens[after].start \
                and tokens[after].has_article and cores[after] not in self.lex.adjectives \
                and cores[after] not in self.stops \
                and "notname" not in triggers.get(strip_article(cores[after]), ())
            # A longer name of the same type holds it; the same span the tagger typed otherwise
            # keeps the tagger's type («صحيفة الشرق الأوسط» is a newspaper).
            # («صحيفة الشرق الأوسط» is a newspaper), but a well-known place or body is never a
            # person («معبر [كرم أبو سالم]»).
            # A well-known organisation is not a place or a MISC name over the same span
            # («هال سيتي», «البيت الأبيض»).
            held = any(m.first <= j and m.last >= end and (
                m.type == kind or (m.first == j and m.last == end and m.type != "PER"
                                   and not (kind == "ORG" and m.type in ("LOC", "MISC"))))
                for m in out)
            mention = None if goes_on or held else make_mention(text, tokens, j, end, kind)
            if mention is not None and kind == "ORG":
                mention = self._without_descriptor(text, tokens, mention)  # «[وكالة] رويترز»
            if mention is not None:
                out = [m for m in out if m.last < j or m.first > end] + [mention]
                out.sort(key=lambda m: m.start)
            j = end + 1
        return out

    def _countries(self, text: str, tokens: list[Token], cores: list[str], lo: int, hi: int,
                   found: list[RawMention]) -> list[RawMention]:
        """A one-word country name the tagger left untagged is a place («في السعودية»), unless
        it qualifies the noun before it («الحكومة السعودية»)."""
        covered = {j for m in found for j in range(m.first, m.last + 1)}
        names, adjectives = self.lex.country_names, self.lex.adjectives
        added = []
        for j in range(lo, hi):
            word = cores[j]
            if not word or j in covered or word not in names or " " in word:
                continue
            if word in adjectives and j > lo and tokens[j - 1].has_article:
                continue
            if "\u064b" in text[tokens[j].start : tokens[j].end] \
                    or is_accusative_adjective(tokens, cores, j, lo, self.lex):
                continue  # «دبلوماسيا [روسياً]», «23 دبلوماسيا [روسيا]»: the adjective
            mention = make_mention(text, tokens, j, j, "LOC")
            if mention is not None:
                added.append(mention)
        return sorted(found + added, key=lambda m: m.start) if added else found

    def _kept(self, mention: RawMention, tokens: list[Token], cores: list[str]) -> bool:
        """Whether a mention found by the tagger or a pattern stays: not a word that is never a
        name alone («[كأس] العالم», «الأكراد»), not an organisation made only of frequent words
        never named in the news («التنظيم [يتخذها]») unless a generic word names it («وكالة
        [أعماق]», «صحيفة "[تقويم]"»)."""
        words = mention.words
        if " ".join(words) in self.not_institutions:
            return False  # «هيئة المحلفين»: the jury, not a body
        if adjective_after_body(tokens, cores, mention, self.adjective_heads, self.lex):
            return False  # «تنظيم [إرهابي]»: the body's adjective, not its name
        if len(words) == 1 and (words[0] in self.not_alone or words[0] in self.stops
                                or strip_article(words[0]) in self.not_alone):
            return False  # also a time word alone («[صباح] الأحد»)
        if len(words) == 1 and mention.type == "PER" \
                and strip_article(words[0]) in self.not_persons_alone:
            return False  # «صلاح، [أفضل] لاعب», «طفلهما [الثالث]»: an ordinal, no person
        before = mention.first - 1
        if before > 0 and tokens[before].kind in ("punct", "symbol"):
            before -= 1  # an opening quotation mark
        if before >= 0 and not tokens[before].has_article and cores[before] in self.descriptors:
            return True
        return not (mention.type == "ORG" and all(
            self._not_in_names(tokens[i], w) for i, w in _word_tokens(tokens, mention)))

    def _trim_edges(self, text: str, tokens: list[Token],
                    mention: RawMention) -> RawMention | None:
        """A tagged span without a word at its end that ends no name: a preposition («ماكرون
        [أمام]»), or, for an organisation or a place, a common word the tagger almost never
        puts in names in the news («معهد بوتسدام [يوصي]»). A person's name may end with a
        common word («حسام كامل»)."""
        pairs = _word_tokens(tokens, mention)
        a = 0
        while a < len(pairs) - 1 and mention.type == "PER" \
                and tokens[pairs[a][0]].norm in self.start_particles:
            a += 1  # «[فإن] نيمار»: a particle, then the name
        while a < len(pairs) - 1 and mention.type != "PER" \
                and self._not_in_names(tokens[pairs[a][0]], pairs[a][1]):
            a += 1  # «[يحتل] تشيلسي», «[تعادل] ويست بروميتش»: a verb before the name
        if a:
            mention = make_mention(text, tokens, pairs[a][0], mention.last, mention.type,
                                   mention.confidence)
            if mention is None:
                return None
            pairs = pairs[a:]
        b = len(pairs) - 1
        if mention.type == "PER" and pairs[b][1] == self.god:
            for i in range(1, b):
                if pairs[i][1] in self.blessings and pairs[i + 1][1] == self.god:
                    b = i - 1  # «[عثمان] رضي الله عنه»: the name, then a blessing
                    break
        while b > 0 and (pairs[b][1] in self.end_stops or (
                mention.type == "PER" and not tokens[pairs[b][0]].has_article
                and pairs[b][1] in self.not_persons_alone) or (
                mention.type != "PER" and self._not_in_names(tokens[pairs[b][0]], pairs[b][1]))):
            b -= 1
        words = mention.words
        if mention.type == "LOC" and b == len(pairs) - 1 and b > 0 \
                and words[b] in self.lex.adjectives and words[b] not in self.lex.country_names \
                and " ".join(words) not in self.lex.country_names \
                and " ".join(words) not in self.lex.known_names:
            b -= 1  # «دير الزور [السورية]»: the place, then the country it is in
        if b == len(pairs) - 1:
            return mention
        return make_mention(text, tokens, mention.first, pairs[b][0], mention.type,
                            mention.confidence)

    def _not_in_names(self, token: Token, word: str) -> bool:
        """Whether a word without «ال» is frequent in the news but never part of a name the
        tagger found there (no silver counts): a verb such as «يوصي», «يتخذها»."""
        lex = self.lex
        if token.kind != "word" or token.has_article or word in lex.silver \
                or word in lex.gazetteer or lex.triggers.get(strip_article(word)) \
                or word in lex.adjectives:
            return False
        band = lex.frequency_band(word)
        return band is not None and band <= 13

    def _plausible(self, mention: RawMention, tokens: list[Token], text: str = "") -> bool:
        """Whether a tagged span can be a name: not a lone title, adjective, month, currency…,
        nor a verb with the future prefix («سيدعو»), nor an adjective with tanween
        («دبلوماسيا [روسياً]»: a country's name never takes it)."""
        words = mention.words
        span = tokens[mention.first : mention.last + 1]
        if any(w.role == "proclitic" and w.form == "س" for t in span for w in t.words):
            return False
        if not any(any(ch.isalpha() for ch in w) for w in words) or span[0].kind == "number":
            return False  # «[7.038.700.000 ريال]»: an amount, not a name
        if text and "\u064b" in text[span[-1].start : span[-1].end]:
            return False
        if len(words) == 1:
            word = words[0]
            if len(word) <= 2 and _ARABIC_LETTER.match(word):
                return False  # «ود» of «وود», «سي» of «سي.إن.بي.سي»: a fragment, not a name
            if word in self.lex.adjectives and word not in self.lex.country_names:
                return False
            if strip_article(word) in self.currencies:
                return False
            classes = self.lex.triggers.get(strip_article(word), ())
            if classes and all(c in _NOT_ALONE for c in classes) and "country" not in classes:
                return False
        return True

    def _trim_tails(self, text: str, tokens: list[Token],
                    mentions: list[RawMention]) -> list[RawMention]:
        """«هاني رمزي [الخلل]», «صبيا [تلقت]»: a mention that is another mention of the article
        plus a frequent word that is (almost) never part of a name in the news loses that word
        (a person's prefix must be a full name: «حسام كامل» stays after «حسام»; a complement
        with a clitic or, after a place or a body, a definite word stays: «الاتحاد الأوروبي
        للإحصاءات»)."""
        seen = {(m.type, m.words) for m in mentions}
        out = []
        for m in mentions:
            words = m.words
            tail = tokens[m.last]
            if len(words) > 1 and (m.type, words[:-1]) in seen and not tail.proclitics \
                    and (len(words) > 2 if m.type == "PER" else not tail.has_article) \
                    and self._not_a_name_word(words[-1]):
                last = m.last - 1
                while last > m.first and tokens[last].kind in ("punct", "symbol"):
                    last -= 1
                m = make_mention(text, tokens, m.first, last, m.type, m.confidence) or m
            out.append(m)
        return out

    def _not_a_name_word(self, word: str) -> bool:
        """A frequent word that under 2 % of its uses in the news is inside a name."""
        band = self.lex.frequency_band(word)
        if band is None or band > 13 or self.lex.triggers.get(strip_article(word)) \
                or word in self.lex.gazetteer:
            return False
        counts = self.lex.silver_counts(word)
        return counts is None or sum(counts[:3]) * 50 < counts[4]

    def _propagate(self, text: str, tokens: list[Token], cores: list[str],
                   mentions: list[RawMention]) -> list[RawMention]:
        """Other places the article repeats a tagged name (or a person's surname) untagged."""
        covered = {i for m in mentions for i in range(m.first, m.last + 1)}
        patterns: dict[str, dict[tuple[str, ...], str]] = {}
        for m in mentions:
            if len(m.words) == 1 and m.words[0] in self.lex.adjectives:
                continue  # the site «السوداني» does not make «الجيش السوداني» a name
            if m.words in self.outlets.get(m.words[0], ()):
                continue  # «"سبق"» the newspaper does not make the verb «سبق» a name
            patterns.setdefault(m.words[0], {}).setdefault(m.words, m.type)
            if m.type == "PER" and len(m.words) > 1:
                surname = m.words[-1]
                if len(surname) > 3 and not self.lex.triggers.get(strip_article(surname)) \
                        and strip_article(surname) not in self.not_persons_alone:
                    patterns.setdefault(surname, {}).setdefault((surname,), "PER")
                if len(m.words) > 2 and m.words[-2] in ("ال", "ابو", "بن"):
                    # «آل الشيخ», «أبو ريدة»: a family name of two words
                    patterns.setdefault(m.words[-2], {}).setdefault(m.words[-2:], "PER")
        # «العراق والولايات»: the first word of a longer place name, joined to a place by و.
        heads = {m.words[0] for m in mentions if m.type == "LOC" and len(m.words) > 1}
        places = {m.last for m in mentions if m.type == "LOC"}
        found: list[RawMention] = []
        n = len(tokens)
        i = 0
        while i < n:
            token = tokens[i]
            if i in covered or token.kind != "word":
                i += 1
                continue
            if cores[i] in heads and i - 1 in places and token.proclitics == "و":
                mention = make_mention(text, tokens, i, i, "LOC")
                if mention is not None:
                    found.append(mention)
                i += 1
                continue
            candidates = patterns.get(cores[i])
            if candidates and ("\u064b" in text[token.start : token.end]
                               or is_accusative_adjective(tokens, cores, i, 0, self.lex)):
                candidates = None  # «دبلوماسيا [روسياً]»: an adjective, not the country
            size = 0
            if candidates:
                for words, kind in sorted(candidates.items(), key=lambda x: -len(x[0])):
                    last = i + len(words) - 1
                    if last < n and tokens[last].sentence == token.sentence and all(
                            j not in covered and tokens[j].kind == "word"
                            and cores[j] == words[j - i]
                            for j in range(i + 1, last + 1)):
                        mention = make_mention(text, tokens, i, last, kind)
                        if mention is not None:
                            found.append(mention)
                            size = len(words)
                        break
            i += size or 1
        return found

    def _first_names(self, text: str, tokens: list[Token], cores: list[str],
                     mentions: list[RawMention]) -> list[RawMention]:
        """A person's first name alone after the full name («[حبيب نورمحمدوف] … تحدي
        [حبيب]»): a word that is a name in the news (or rare), the first word of one full
        name only and nobody's surname, not before another name («حبيب» of «حبيب الشامي»)
        nor after «أبو»/«بن»."""
        lex = self.lex
        starts: dict[str, set[tuple[str, ...]]] = {}
        first_seen: dict[str, int] = {}
        others: set[str] = set()
        for m in mentions:
            if m.type != "PER":
                others.update(m.words)
                continue
            others.update(m.words[1:])
            if len(m.words) > 1:
                starts.setdefault(m.words[0], set()).add(m.words)
                first_seen[m.words[0]] = min(first_seen.get(m.words[0], m.start), m.start)
        names = {w for w, full in starts.items()
                 if len(full) == 1 and len(w) > 2 and w not in others
                 and not lex.triggers.get(strip_article(w)) and w not in lex.kinship
                 and (is_name_word(lex, w) or (w not in lex.silver and (
                     (band := lex.frequency_band(w)) is None or band > 13)))}
        if not names:
            return []
        covered = {i for m in mentions for i in range(m.first, m.last + 1)}
        found = []
        for i, token in enumerate(tokens):
            if cores[i] not in names or i in covered or token.has_article \
                    or token.start <= first_seen[cores[i]]:
                continue
            if i > 0 and cores[i - 1] in _FAMILY_WORDS:
                continue
            nxt = i + 1
            if nxt < len(tokens) and nxt not in covered and tokens[nxt].kind == "word" \
                    and not tokens[nxt].proclitics and is_name_word(lex, cores[nxt]):
                continue
            mention = make_mention(text, tokens, i, i, "PER")
            if mention is not None:
                found.append(mention)
        return found

    def _entities(self, analysis: Analysis, groups: list[Group],
                  cores: list[str]) -> list[Entity]:
        text, tokens = analysis.text, analysis.tokens
        names: dict[int, str] = {}
        token_group: dict[int, int] = {}
        for gi, group in enumerate(groups):
            kind = group.type
            for m in group.mentions:
                for j in range(m.first, m.last + 1):
                    names[j] = kind
                    token_group[j] = gi
        entities: list[Entity] = []
        for gi, group in enumerate(groups):
            mentions = [Mention(m.start, m.end, text[m.start:m.end]) for m in group.mentions]
            name = _fullest(group, mentions, tokens)
            aliases = sorted({" ".join(x.text.split()) for x in mentions} - {name},
                             key=lambda a: next(i for i, x in enumerate(mentions)
                                                if " ".join(x.text.split()) == a))
            entity = Entity(id=f"E{gi + 1}", type=group.type, name=name, mentions=mentions,
                            aliases=aliases, country=group.country if group.type == "LOC"
                            else None)
            if group.type == "PER":
                entity.roles = self._roles(analysis, group, names)
            entities.append(entity)
        self._link_adjectives(text, tokens, cores, entities, token_group)
        return entities

    def _roles(self, analysis: Analysis, group: Group, names: dict[int, str]) -> list[Role]:
        text, tokens = analysis.text, analysis.tokens
        roles: list[Role] = []
        seen: set[tuple[int, int]] = set()
        for m in group.mentions:
            sentence = analysis.sentences[tokens[m.first].sentence]
            lo, hi = sentence.token_start, sentence.token_end
            for span in (*self.roles.before(text, tokens, m.first, lo, names),
                         self.roles.after(text, tokens, m.last, hi, names)):
                if span and span not in seen and span[0] < span[1] \
                        and normalize(text[span[0]:span[1]]) not in self.club_descriptors:
                    # «فريق [ماجد عبدالله]»: the player's team, not a title
                    seen.add(span)
                    roles.append(Role(span[0], span[1], text[span[0]:span[1]]))
        roles.sort(key=lambda r: r.start)
        return roles

    def _link_adjectives(self, text: str, tokens: list[Token], cores: list[str],
                         entities: list[Entity], token_group: dict[int, int]) -> None:
        """Nationality adjectives: on roles, on organisation names, on the country's entity."""
        adjectives = find_adjectives(tokens, cores, self.lex)
        by_country = {e.country: e for e in entities if e.type == "LOC" and e.country}
        for index, start, end, country in adjectives:
            gi = token_group.get(index)
            if gi is not None:
                entity = entities[gi]
                if entity.type != "LOC" and entity.country is None:
                    entity.country = country.code
            for entity in entities:
                for role in entity.roles:
                    if role.start <= start and end <= role.end and role.country is None:
                        role.country = country.code
                        if entity.country is None:
                            entity.country = country.code
            target = by_country.get(country.code)
            if target is not None and gi is None:
                target.adjectives.append(Mention(start, end, text[start:end]))


#: Words before a family name («أبو حبيب», «بن حبيب»), normalised.
_FAMILY_WORDS = frozenset({"ابو", "بن", "ابن", "ال", "بنت"})


def _split_two_surnames(text: str, tokens: list[Token],
                        mentions: list[RawMention]) -> list[RawMention]:
    """«أبلغ [بوتين] [نتنياهو]»: a two-word person whose words are the surnames of two other
    people named in full in the article is those two people — unless the first word is the
    first name of the person the second word ends («سعود الزيد» after «سعود بن فهد الزيد»)."""
    surnames: dict[str, tuple[str, ...]] = {}
    fulls: dict[str, set[tuple[str, ...]]] = {}
    for m in mentions:
        if m.type == "PER" and len(m.words) > 1:
            surnames.setdefault(m.words[-1], m.words)
            fulls.setdefault(m.words[-1], set()).add(m.words)
    if len(surnames) < 2:
        return mentions
    out = []
    for m in mentions:
        words = m.words
        if m.type == "PER" and len(words) == 2 and m.last == m.first + 1 \
                and surnames.get(words[0], words) != words and words[1] in surnames \
                and surnames[words[0]] != surnames[words[1]] \
                and not any(f[0] == words[0] and f != words for f in fulls.get(words[1], ())):
            # (not «سعود الزيد» after «سعود بن فهد الزيد»: one person's first name and surname)
            parts = [make_mention(text, tokens, j, j, "PER", m.confidence)
                     for j in (m.first, m.last)]
            if all(parts):
                out += parts
                continue
        out.append(m)
    return out


def _word_tokens(tokens: list[Token], mention: RawMention) -> list[tuple[int, str]]:
    """``(token index, normalised word)`` of a mention's words (punctuation left out)."""
    indices = [i for i in range(mention.first, mention.last + 1)
               if tokens[i].kind not in ("punct", "symbol")]
    return list(zip(indices, mention.words, strict=True))


def _coordinated(tokens: list[Token], first: int, last: int) -> list[tuple[int, int]]:
    """A tagged span split where a word starts with the conjunction و («خالد وتامر حسني»), and
    cut where one starts with ف, which opens a new clause («كارلوس مينديز فاكتفى»)."""
    out = []
    start = first
    for j in range(first + 1, last + 1):
        words = tokens[j].words
        if words and words[0].role == "proclitic" and words[0].form == "ف":
            out.append((start, j - 1))
            return out
        if words and words[0].role == "proclitic" and words[0].form == "و":
            out.append((start, j - 1))
            start = j
    out.append((start, last))
    return out


def _fullest(group: Group, mentions: list[Mention], tokens: list[Token]) -> str:
    """The entity's fullest name: the mention with the most words, the most frequent on a tie.

    A mention whose article is written «ل» («للعراق» → «لعراق») gets its «ا» back in the name.
    """
    counts: dict[str, int] = {}
    for m in mentions:
        key = " ".join(m.text.split())
        counts[key] = counts.get(key, 0) + 1

    def assimilated(i: int) -> bool:
        token = tokens[group.mentions[i].first]
        return any(w.role == "article" and w.end - w.start < 2 for w in token.words)

    best = max(range(len(mentions)), key=lambda i: (
        len(group.mentions[i].words), not assimilated(i),
        counts[" ".join(mentions[i].text.split())], -i))
    name = " ".join(mentions[best].text.split())
    return "ا" + name if assimilated(best) else name
