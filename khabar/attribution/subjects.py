"""Who speaks: the speaker named around a cue, or the one a verb with no subject refers to."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..model import Entity, Mention
from ..text.normalize import normalize
from .lexicon import CueForm
from .speakers import Referent, agrees, head_stem, noun_features

if TYPE_CHECKING:
    from .descriptions import RoleIndex
    from .document import Doc
    from .lexicon import Lexicon
    from .phrases import Phrases
    from .records import Found
    from .speakers import Discourse


#: Tokens between a description and the comma before the person it names, at most.
MAX_APPOSITION_GAP = 4
#: Words between a role and the name that follows it («… في لجنة المالية بمجلس الشيوخ جون
#: ميلر»), at most.
MAX_ROLE_TAIL = 16
#: Demonstratives that, before a definite noun, are mostly objects («أكد ذلك المدير»).
_OBJECT_DEMONSTRATIVES = frozenset({"ذلك", "هذا", "هذه", "تلك"})
#: Words that bring in someone besides the speaker («بحضور الوزير فلان», «برفقة …»).
_IN_COMPANY = frozenset({"بحضور", "وبحضور", "برفقه", "مع", "ومع", "بجانب"})


_PLURAL_DEMONSTRATIVES = frozenset({"هءلاء", "هولاء"})  # «هؤلاء», normalised
#: «أما … فـ»: the topic marker and the resumptive words before the verb («فقد أوضحت»).
_TOPIC_MARKERS = frozenset({"اما", "واما"})
_TOPIC_RESUMPTIVE = frozenset({"فقد", "فلقد"})
#: Dashes after a dateline («الرياض - …»).
_DASHES = frozenset({"-", "–", "—"})


class SubjectRules:
    """Speaker finding of :class:`~khabar.attribution.finder.Finder` (a mixin)."""

    doc: Doc
    lex: Lexicon
    ph: Phrases
    discourse: Discourse
    found: list[Found]
    unit: list[int]
    unit_start: list[int]
    _heads: dict[str, frozenset[str]]
    roles: RoleIndex
    _subjects: list[tuple[int, Referent]]

    def pronoun_referent(self, a: int, k: int, features: tuple[str, str]) -> Referent | None:
        """Who «عنه/عنها/عنهم» at token ``k`` refers to: the last person named between ``a``
        and ``k`` («المتحدثة باسم رئيس المفوضية جان كلود يونكر عنه»)."""
        doc = self.doc
        for m in reversed(doc.mentions_in(doc.tokens[a].start, doc.tokens[k].start)):
            if m[2].type == "PER":
                return self.discourse.entity_referent(m[2], features[0])
        return None

    def subject_after(self, a: int, end: int, cue: CueForm, s: int,
                      skip: bool = True) -> tuple[Referent, tuple[int, int]] | None:
        """The speaker named between ``a`` and ``end`` (after the cue), if any."""
        start = self.ph.skip_adjuncts(a, end) if skip else a
        if start >= end:
            return None
        np_end = self.ph.noun_phrase(start, end)
        if np_end <= start:
            return None
        made = self.referent(start, np_end, cue.gender if cue.kind != "participle" else None, s)
        if made is None:
            return None
        ref, span = made
        doc, lex = self.doc, self.lex
        if ref.entity is None and np_end < end and doc.norm(np_end) in ("في", "من", "لدي"):
            # «الباحث الرئيسي في الدراسة خالد المطيري»: the name after the title's complement.
            pp_end = self.ph.noun_phrase(np_end + 1, end)
            for m in doc.mentions_in(doc.tokens[np_end].end, doc.tokens[min(pp_end, end - 1)].end):
                if m[2].type == "PER" and doc.token_at(m[0]) > np_end + 1:
                    return self.discourse.entity_referent(m[2], cue.gender), (m[0], m[1])
        if ref.entity is None and lex.head(doc.norm(start), lex.documents) and np_end < end:
            # «دراسة أجرتها جامعة الملك سعود»: who made the document.
            for m in doc.mentions_in(doc.tokens[np_end].start, doc.tokens[end - 1].end):
                t = doc.token_at(m[0])
                if lex.head(doc.norm(t - 1), lex.relational):
                    break  # «بلاغ لمكتب نتنياهو»: his office's, not his
                if m[2].type in ("ORG", "PER") and t <= np_end + 2:
                    author = self.discourse.entity_referent(m[2], None)
                    author.heads = author.heads | ref.heads
                    return author, (m[0], m[1])
        if ref.entity is None and ref.heads & (lex.people | lex.anonymous):
            # «أوضح المشرف على البرنامج وعضو هيئة الخبراء … الدكتور مساعد الأحمد أن…»: a person
            # named after a title further on in the speaker's words.
            for m in doc.mentions_in(doc.tokens[np_end - 1].end, doc.tokens[end - 1].end):
                t = doc.token_at(m[0])
                if m[2].type != "PER" or t <= np_end:
                    continue
                if any(doc.norm(x) in _IN_COMPANY for x in range(np_end, t)):
                    break  # «… بحضور الوزير فلان»: someone else present, not the speaker
                if doc.norm(t - 1) in lex.titles or lex.head(doc.norm(t - 1), lex.people) \
                        or self._role_tail(np_end, t, m[0]):
                    return self.discourse.entity_referent(m[2], cue.gender), (m[0], m[1])
        # An apposition that names the speaker: «قال المتحدث باسم الجيش، العقيد سامي يوسف، إن»
        if ref.entity is None:
            k = np_end
            while k < end:
                if self.doc.is_comma(k):
                    k += 1
                    continue
                if doc.norm(k) in lex.relatives:
                    # «المتحدث باسم التحالف الذي تقوده السعودية، العقيد فلان، إن»
                    k = next((x for x in range(k + 1, end) if doc.is_comma(x)), end)
                    continue
                seg_end = self.ph.noun_phrase(k, end)
                if seg_end <= k:
                    break
                seg_mentions = self.doc.mentions_in(self.doc.tokens[k].start,
                                                    self.doc.tokens[seg_end - 1].end)
                for m in seg_mentions:
                    if m[2].type == "PER":
                        named = self.discourse.entity_referent(m[2], cue.gender)
                        return named, (m[0], m[1])
                if not seg_mentions and not ref.nonhuman and ref.number == "s" \
                        and doc.is_comma(k - 1):
                    apposed = self._apposed_name(k, seg_end, end, ref, s)
                    if apposed is not None:
                        return apposed
                k = seg_end
                if k < end and not self.doc.is_comma(k):
                    break
        return ref, span

    def subject_before(self, j: int, lo: int) -> tuple[Referent | None, tuple[int, int] | None]:
        """A speaker written before its verb: «المسؤولين المذكورين أكدوا», «وكان الوزير قد قال»."""
        doc, lex = self.doc, self.lex
        topic = self._topic_subject(j, lo)
        if topic is not None:
            return topic
        b = j - 1
        while b >= lo and (lex.head(doc.norm(b), lex.auxiliaries) or self.ph.is_adverb(b)
                           or (doc.norm(b) == "من" and b + 1 < j) or doc.is_comma(b)):
            b -= 1
        k = b
        while k >= lo and b - k < 14:
            norm = doc.norm(k)
            if norm in lex.complementizers or norm in lex.clause_openers or doc.is_colon(k) \
                    or norm in lex.resumptive \
                    or doc.is_terminator(k) or (k < b and norm in lex.cues):
                break
            k -= 1
        start = k + 1
        while start <= b and (lex.head(doc.norm(start), lex.auxiliaries) or
                              doc.is_comma(start)):
            start += 1
        if start > b or (self.ph.has_clitic(j, "و") and self.inside_content(start) is not None):
            # «وأوضح أن واحدا من كل خمسة أطفال يعيش في فقر، وأشار إلى…»: a verb joined by و
            # after someone's words goes on with their speaker, not with a noun inside them
            return None, None
        # The description must reach the verb, through appositions between commas.
        end = self.ph.noun_phrase(start, b + 1)
        if end <= start:
            return None, None
        while end <= b and doc.norm(end) in ("من", "في"):
            # «تقارير من مواقع تقنية، أشارت…»: a complement of the head
            nxt = self.ph.noun_phrase(end + 1, b + 1)
            if nxt <= end + 1:
                break
            end = nxt
        first_end = end
        while end <= b and doc.is_comma(end):
            nxt = self.ph.noun_phrase(end + 1, b + 1)
            if nxt <= end + 1:
                break
            end = nxt
        while end <= b and doc.is_comma(end):
            end += 1
        if end != b + 1:
            return None, None
        at_clause_start = start == lo or (start > lo and (
            doc.norm(start - 1) in lex.complementizers or lex.head(doc.norm(start - 1),
                                                                    lex.auxiliaries)))
        if doc.mention_at(start) is None and lex.head(doc.norm(start), lex.sources
                                                      | lex.anaphoric) is None \
                and not self.ph.is_definite(start) and not (
                    at_clause_start and doc.tokens[start].kind == "word"
                    and doc.norm(start) not in lex.cues):
            return None, None
        made = self.referent(start, first_end, None, doc.tokens[j].sentence)
        if made is None:
            return None, None
        return made

    def _topic_subject(self, j: int, lo: int) -> tuple[Referent, tuple[int, int]] | None:
        """«أما الأستاذة …، فلانة فلانية، فقد أوضحت أن…»: the topic after «أما» is the subject of
        the verb after «ف»."""
        doc = self.doc
        f = j - 1 if j > lo and doc.norm(j - 1) in _TOPIC_RESUMPTIVE else j
        if f == j and not self.ph.has_clitic(j, "ف"):
            return None
        t = next((k for k in range(f - 1, max(lo, f - 24) - 1, -1)
                  if doc.norm(k) in _TOPIC_MARKERS or doc.is_terminator(k)), None)
        if t is None or doc.norm(t) not in _TOPIC_MARKERS:
            return None
        end = f
        while end > t + 1 and doc.is_comma(end - 1):
            end -= 1
        if end <= t + 1:
            return None
        first = next((k for k in range(t + 1, end) if doc.is_comma(k)), end)
        cue = self.lex.cues.get(doc.norm(j))
        gender = cue.gender if cue is not None else None
        made = self.referent(t + 1, first, gender, doc.tokens[j].sentence)
        if made is None:
            return None
        ref, span = made
        if first < end:
            # An apposition names the topic, before any earlier person its title could be.
            for m in doc.mentions_in(doc.tokens[first].end, doc.tokens[end - 1].end):
                if m[2].type == "PER":
                    return self.discourse.entity_referent(m[2], gender), (m[0], m[1])
            k = first + 1
            b = next((x for x in range(k, end) if doc.is_comma(x)), end)
            if b == end and end < f and doc.is_comma(end):
                b = end  # the comma before «فقد»
            if not ref.nonhuman and ref.number == "s":
                apposed = self._apposed_name(k, b, f + 1, ref, doc.tokens[j].sentence,
                                             family=True)
                if apposed is not None:
                    return apposed
        return ref, span

    def _apposed_hashtag(self, b: int, gender: str | None,
                         s: int) -> tuple[Referent, tuple[int, int]] | None:
        """«الرئيس التنفيذي لفيسبوك، #مارك_زوكربيرغ،»: a person's name written as a hashtag
        between commas after a title."""
        doc = self.doc
        n = len(doc.tokens)
        stop = min(n, b + 4)
        while b < stop and doc.is_word(b):
            b += 1  # «لفيسبوك», «لشركة زين»: the title's complement
        if not (b + 2 < n and doc.is_comma(b) and doc.is_comma(b + 2)):
            return None
        tok = doc.tokens[b + 1]
        words = tok.text.lstrip("#").split("_")
        if tok.kind != "hashtag" or not 2 <= len(words) <= 4 or not all(words):
            return None
        name = " ".join(words)
        bare = frozenset(self.lex.bare(normalize(w))[-1] for w in words)
        known = self.discourse.by_words(bare)
        if known is not None:
            return known, (tok.start, tok.end)
        ref = Referent(name, None, False, gender, "s", False, frozenset(), bare, sentence=s,
                       position=tok.start)
        ref.extra["named"] = True
        return ref, (tok.start, tok.end)

    def _apposed_name(self, k: int, b: int, end: int, ref: Referent, s: int,
                      family: bool = False) -> tuple[Referent, tuple[int, int]] | None:
        """«رأى المخرج الإيراني، أصغر فرهادي، أن…»: a name the recogniser missed, set off by
        commas after a person's title — two or three bare words, none a known noun (with
        ``family``, the last may be a family name in «ال»: «ريم القلال»)."""
        doc, lex = self.doc, self.lex
        if not 2 <= b - k <= 3 or not (b < end and doc.is_comma(b)):
            return None
        for t in range(k, b):
            tok = doc.tokens[t]
            definite = self.ph.is_definite(t) and not (family and t == b - 1)
            if tok.kind != "word" or definite or self.ph.is_prep(t) or (
                    lex.head(tok.norm, lex.sources | lex.people | lex.anaphoric)
                    or tok.norm in lex.cues):
                return None
        n_start, n_end = doc.tokens[k].start, doc.tokens[b - 1].end
        words = frozenset(lex.bare(doc.norm(t))[-1] for t in range(k, b))
        known = self.discourse.by_words(words)
        if known is not None:
            return known, (n_start, n_end)
        named = Referent(doc.text[n_start:n_end], None, False, ref.gender, "s", False,
                         ref.heads, words, sentence=s, position=n_start)
        named.extra["named"] = True  # a person's name: «هذه الباحثة» later can be her
        return named, (n_start, n_end)

    def referent(self, a: int, b: int, gender: str | None,
                 s: int) -> tuple[Referent, tuple[int, int]] | None:
        """The referent of the description ``a..b`` (an entity, earlier speaker or new one)."""
        doc, lex = self.doc, self.lex
        if doc.is_mark(a) and b - a >= 3:
            a, b = a + 1, b - 1  # a quoted name: its words
        start = doc.core_start(a)
        tok_a = doc.tokens[a]
        elided = False  # «للمصدر»: ل + «المصدر» with its alif dropped
        if a > 0 and self.ph.has_clitic(a, "ل") and doc.norm(a) not in ("ل", "لـ"):
            prev = doc.norm(a - 1)
            if prev in ("وفقا", "طبقا", "ووفقا", "وطبقا"):
                start = max(start, doc.core_start(a, 1))
                elided = tok_a.norm.startswith("لل") and doc.text[start:start + 1] == "ل"
        end = doc.tokens[b - 1].end
        if start >= end:
            return None
        mentions = doc.mentions_in(start, end)
        chosen = None
        # «عائلة ناشط … يحيى شربجي», «محامي أحمد» — but «محامي الدفاع أحمد الشناوي» is him.
        relational = lex.head(tok_a.norm, lex.relational) is not None and a + 1 < b and \
            not tok_a.has_article and (
            not self.ph.is_definite(a + 1) or doc.mention_at(a + 1) is not None)
        for m in mentions:
            if m[2].type == "PER":
                t = doc.token_at(m[0])
                if (relational and not (t > a and doc.is_comma(t - 1))) or (
                        t > a and doc.norm(t - 1) == "باسم") or self._on_behalf(a, t) or (
                        t > a + 1 and lex.head(doc.norm(t - 1), lex.relational)):
                    break  # «عائلة الناشط يحيى شربجي», «المتحدث باسم ماكرون»: not the person
                chosen = m
                break
        if chosen is None and not relational and lex.head(tok_a.norm, lex.people | lex.titles):
            chosen = self._apposed_person(b)
            if chosen is None:
                tagged = self._apposed_hashtag(b, gender, s)
                if tagged is not None:
                    return tagged
        document = None
        if chosen is None and mentions and not relational:
            first = mentions[0]
            lead = lex.head(tok_a.norm, lex.media | lex.institutions | lex.naming)
            document = lex.head(tok_a.norm, lex.documents)
            first_tok = doc.token_at(first[0])
            if first[0] < tok_a.end or (lead and first_tok <= a + 2 and not (
                    first_tok > a and self.ph.has_clitic(first_tok, "و"))):
                chosen = first  # (not «الشرطة وهيئة الأوراق المالية»: both of them speak)
            elif document is not None and first[2].type in ("ORG", "PER") and not (
                    first_tok > a and lex.head(doc.norm(first_tok - 1), lex.relational)):
                chosen = first  # «تقرير لمنظمة الصحة العالمية»: its author
                # (not «بلاغ لمكتب نتنياهو»: his office's)
        if chosen is not None:
            entity = chosen[2]
            ref = self.discourse.entity_referent(entity, gender)
            lead = lex.head(tok_a.norm, lex.sources)
            if lead:
                ref.heads = ref.heads | {lead}
            return ref, (chosen[0], chosen[1])
        # A description.
        if b - a == 1 and doc.norm(a) in _PLURAL_DEMONSTRATIVES:
            # «ويرى مراقبون أن…. ويضيف هؤلاء أن…»: the latest people who spoke.
            for earlier in reversed(self.discourse.speakers[-4:]):
                if earlier.number == "p" and not earlier.nonhuman:
                    return earlier, (start, end)
            return None
        if all(doc.norm(k) in lex.anaphoric for k in range(a, b)):
            return None  # «نفى ذلك»: an object, not a speaker
        if doc.norm(a) in lex.relatives or doc.norm(a) in lex.clause_openers:
            return None  # «الذي», «لكن»: not a speaker
        if b - a == 1 and lex.head(doc.norm(a), lex.not_speakers):
            return None  # «وطالب العالم بالتحرك، لافتا…»: the verb's object
        if b - a > 1 and doc.norm(a) in lex.same_as and self.ph.is_definite(a + 1) and \
                lex.head(doc.norm(a + 1), lex.sources) and self.discourse.speakers:
            # «وفق ما أفاد ذات المصدر», «نفس المصدر»: the source just cited.
            return self.discourse.speakers[-1], (start, end)
        if b - a > 1 and doc.norm(a) in _OBJECT_DEMONSTRATIVES and self.ph.is_definite(a + 1):
            return self.referent(a + 1, b, gender, s)  # «وأكد ذلك المدير العام…»
        h = a
        anaphoric = False
        while h < b - 1 and (doc.norm(h) in lex.anaphoric or lex.head(doc.norm(h),
                                                                      lex.quantifiers)
                             or doc.tokens[h].kind == "number" or doc.norm(h) == "من"):
            anaphoric = anaphoric or doc.norm(h) in lex.anaphoric
            h += 1
        readings = lex.bare(doc.norm(h))
        head = lex.head(doc.norm(h), lex.sources) or readings[-1]
        if h > a and doc.norm(a) in lex.anaphoric and not self.ph.is_definite(h) and \
                lex.head(doc.norm(h), lex.sources) is None:
            return None  # «هذا عكس منطق العقلاء»: a clause, not a speaker
        words = frozenset(lex.bare(doc.norm(k))[-1] for k in range(h, b))
        anaphoric = anaphoric or any(w in lex.anaphoric for w in
                                     (doc.norm(k) for k in range(h, b)))
        definite = anaphoric or doc.tokens[h].has_article or readings[0].startswith("ال") \
            or (len(readings) > 1 and readings[-2].startswith("ال")) or (elided and h == a)
        g, number, nonhuman = noun_features(lex, head)
        coordinated = any(self.ph.has_clitic(k, "و") and lex.head(
            doc.norm(k), lex.sources | lex.anonymous) for k in range(h + 1, b))
        if coordinated and head in (lex.people | lex.anonymous):
            number = "p"  # «محاميان ومصدر قضائي … وأضافوا»: people together (not «الجيش
            # والشرطة … وأشار», one voice)
        if h > a and lex.head(doc.norm(a), frozenset({"احد", "احدي"})):
            number, nonhuman = "s", False
        span = (start, end)
        if (head in ("اخير", "اخيره") or doc.norm(h) in lex.honorifics) and h == b - 1:
            # «الأخير» / «الأخيرة»: the person named last.
            for entity in self.entities_before(tok_a.start):
                if entity.type == "PER":
                    return self.discourse.entity_referent(entity, gender), span
        if h + 1 < b and doc.is_mark(h + 1) and lex.head(
                doc.norm(h), lex.naming | lex.media | lex.institutions):
            # «شركة "نفط الخليج" الكويتية» with the name unrecognised: the quoted name.
            close = doc.open_at.get(doc.tokens[h + 1].start)
            if close is not None and doc.token_at(close) < b:
                q_start, q_end = doc.tokens[h + 1].end, close
                name = doc.text[q_start:q_end].strip()
                if name:
                    known = self.discourse.by_words(frozenset(
                        lex.bare(normalize(w))[-1] for w in name.split()))
                    if known is not None:
                        return known, (q_start, q_end)
                    ref = Referent(name, None, False, g, "s", True, frozenset({head}),
                                   frozenset(lex.bare(normalize(w))[-1] for w in name.split()),
                                   sentence=s, position=q_start)
                    return ref, (q_start, q_end)
        named = self.ph.title_name(h, b)
        if named is not None and not self._on_behalf(a, named):
            # A title and a name the recogniser missed: «المحلل المالي حسام كامل».
            n_start, n_end = doc.tokens[named].start, end
            name = doc.text[n_start:n_end]
            known = self.discourse.by_words(frozenset(
                lex.bare(doc.norm(k))[-1] for k in range(named, b)))
            if known is not None:
                return known, (n_start, n_end)
            ref = Referent(name, None, False, gender or g, "s", False, frozenset({head}),
                           words, sentence=s, position=start)
            return ref, (n_start, n_end)
        person = head in lex.people and number == "s" and not coordinated
        modifiers = [doc.norm(k) for k in range(h + 1, b) if doc.is_word(k)]
        construct = not definite and bool(modifiers) and self.ph.is_definite(h + 1)
        if modifiers and number == "s" and not coordinated and (
                person or head in lex.anonymous) and (
                definite or construct) and not self._name_follows(b):
            # «وزير الخارجية», «المسؤول النقابي»: the entity whose role has these words.
            entity = self.roles.earlier(head, modifiers, self.entities_before(tok_a.start))
            if entity is not None:
                return self.discourse.entity_referent(entity, gender), span
        if definite:
            resolved = self.discourse.resolve_description(
                head, g, number, words, lambda: self.entities_before(tok_a.start),
                lambda e: not modifiers or self.roles.compatible(head, modifiers, e, construct))
            if resolved is None and head in lex.people and number == "s" and \
                    "باسم" not in modifiers:
                # «وأضافت الوزيرة الإسبانية…» with no title on record: the latest person
                # speaking who agrees.
                resolved = self.discourse.latest_person(g, self.unit[s])
                if resolved is not None and resolved.entity is not None and \
                        not self.roles.compatible(head, modifiers, resolved.entity, construct):
                    resolved = None  # «الرئيس الفرنسي» is not the Jordanian minister
            if resolved is not None:
                return resolved, span
        if document is None:
            document = lex.head(doc.norm(h), lex.documents)
        if document is not None and (mentions == [] or lex.head(
                doc.norm(doc.token_at(mentions[0][0]) - 1), lex.relational)):
            # «تقرير جديد لمنظمة الصحة العالمية» with the author unrecognised: the author.
            for k in range(h + 1, b):
                if self.ph.has_clitic(k, "ل") and not self.ph.is_audience(k):
                    a_start = doc.core_start(k, 1)
                    if doc.text[a_start:a_start + 1] == "\u0640":
                        a_start += 1
                    author = doc.text[a_start:end]
                    ref = Referent(author, None, False, None, "s", True,
                                   frozenset({document, lex.bare(doc.norm(k))[-1][1:]}),
                                   words, sentence=s, position=a_start)
                    return ref, (a_start, end)
        name = ("ا" if elided else "") + doc.text[start:end]
        if lex.head(doc.norm(h), lex.sources) is None:
            # A bare name the recogniser missed: an earlier speaker whose name has its words.
            known = self.discourse.by_words(words)
            if known is not None:
                return known, span
        anonymous = head in lex.anonymous or (head_stem(head) in lex.anonymous_stems
                                              and head not in lex.people)
        if lex.head(doc.norm(h), lex.institutions | lex.media | lex.documents):
            anonymous = False
        if lex.head(doc.norm(h), lex.sources) is None and doc.tokens[h].kind != "word":
            return None
        if person and not definite and not anonymous and modifiers and not (
                self.ph.is_definite(h + 1) or self._name_follows(b)):
            # «يواجه كاتب سعودي التحقيق…. وقال الكاتب فلان»: the person named next.
            entity = self.roles.introduced_after(head, modifiers, end, s)
            if entity is not None:
                return self.discourse.entity_referent(entity, gender), span
        ref = Referent(name, None, anonymous, g or gender, number, nonhuman,
                       frozenset({head}), words, sentence=s, position=start)
        if coordinated:
            ref.extra["coordinated"] = True  # «وقالت الشرطة» later is only one of them
        return ref, span

    def zero_subject(self, j: int, cue: CueForm, lo: int, s: int) -> Referent | None:
        """The speaker of a verb with no subject of its own («وأوضح أن…», «مشيرا إلى…»)."""
        # A subject of an earlier verb of this sentence («وعلق الوزير … قائلا»).
        for _, ref in reversed(self._subjects):
            if agrees(cue.gender, cue.number, ref, True):
                return ref
        if j > lo:
            subject = self.sentence_subject(lo, j, cue)
            if subject is not None:
                return subject
        unit = self.unit[s]
        previous = self.unit_start[unit - 1] if unit > 0 else -1
        return self.discourse.resolve_zero(cue.gender, cue.number, unit, cue.continuing,
                                           lambda g, n: self.first_in_sentence(previous, g, n))

    def sentence_subject(self, lo: int, j: int, cue: CueForm) -> Referent | None:
        """The subject of an earlier verb of the sentence: «لكن الكنيسة غطته وقالت إنه…»,
        «وأشاد الوزير بالقرار، مؤكدا…»."""
        doc, lex = self.doc, self.lex
        if lo + 2 < j and doc.tokens[lo + 1].text in _DASHES and doc.mention_at(lo) is not None \
                and doc.mention_at(lo)[2].type == "LOC":
            lo += 2  # «الرياض - يواجه كاتب سعودي…، وقال»: a dateline is no subject
        if j > lo and doc.norm(j - 1) in lex.relatives:
            # «الهجمات التي قال إن…»: the subject of the sentence's main verb.
            c = lo
        else:
            c = j - 1
            while c > lo and not (doc.is_comma(c) or doc.is_terminator(c) or doc.is_colon(c)
                                  or doc.norm(c) in lex.clause_openers
                                  or doc.norm(c) in lex.complementizers):
                c -= 1
        starts = [c + 1, c + 2] if c > lo or doc.norm(c) in lex.clause_openers else []
        if lo + 1 < j and (self.ph.has_clitic(lo, "و") or self.ph.has_clitic(lo, "ف")) \
                and self.ph.is_definite(lo + 1) and not self.ph.is_definite(lo):
            # «وطالب المصدر …»: a sentence opening with و + word + a definite noun is a verb
            # and its subject («طالب» is also "student"), never a noun phrase from «وطالب».
            starts += [lo + 1]
        else:
            starts += [lo, lo + 1]
        aux_subject = -1
        if lo + 2 < j and lex.head(doc.norm(lo), lex.auxiliaries) and (
                self.ph.is_definite(lo + 2) or lex.head(doc.norm(lo + 2), lex.people)):
            # «وقد دافعت الرئيسة … آنا باستور عن…، قائلة»: the subject after the verb after
            # «قد», when it names someone.
            aux_subject = lo + 2
            starts += [lo + 2]
            if lex.head(doc.norm(lo + 2), lex.people):
                # «وقد دافعت الرئيسة التنفيذية لهيئة الطرق منى العلي عن…»: the name after the
                # title's complement.
                named = self.subject_after(lo + 2, j, dataclasses.replace(cue, gender=None),
                                           doc.tokens[lo].sentence, skip=False)
                if named is not None and named[0].entity is not None and \
                        agrees(cue.gender, cue.number, named[0], True):
                    return self.discourse.add(named[0])
        for a in dict.fromkeys(starts):
            if a >= j or a < lo or doc.is_punct(a):
                continue
            np_end = self.ph.noun_phrase(a, j)
            if np_end <= a:
                continue
            if all(doc.norm(k) in lex.anaphoric for k in range(a, np_end)):
                continue  # «جاء ذلك في…»
            made = self.referent(a, np_end, None, doc.tokens[lo].sentence)
            if made is None:
                continue
            ref = made[0]
            if a == aux_subject and ref.entity is None and not lex.head(doc.norm(a),
                                                                        lex.people):
                continue  # «وقد ألغت الشركة …، وقالت»: a description, resolved below
            plausible = ref.entity is not None or bool(ref.heads & (lex.sources | lex.naming)) \
                or self.ph.is_definite(a)
            headed = ref.entity is None or doc.mention_at(a) is not None or lex.head(
                doc.norm(a), lex.people | lex.titles | lex.media | lex.institutions | lex.naming)
            if plausible and headed and agrees(cue.gender, cue.number, ref, True):
                return self.discourse.add(ref)
        # «من ناحية أخرى، دعا إسحق هرتزوغ …، موضحا أن…»: a person named early in the clause
        # (after a fronted adjunct: «وفي رده على الهجوم، أدان مفوض …، فلان،…، قائلا»).
        early = lo
        if self.ph.is_prep(lo) or self.ph.has_clitic(lo, "ب") or self.ph.has_clitic(lo, "ل"):
            early = next((k + 1 for k in range(lo + 1, min(lo + 11, j)) if doc.is_comma(k)), lo)
        for m in doc.mentions_in(doc.tokens[early].start,
                                 doc.tokens[min(early + 9, j) - 1].end):
            if m[2].type == "PER":
                ref = self.discourse.entity_referent(m[2], None)
                if agrees(cue.gender, cue.number, ref, True):
                    return self.discourse.add(ref)
                break
        return None

    def first_in_sentence(self, s: int, gender: str | None, number: str) -> Referent | None:
        """The first person or organisation named in sentence ``s`` that the verb agrees with."""
        if s < 0:
            return None
        doc = self.doc
        sentence = doc.analysis.sentences[s]
        if any(self.unit[f.sentence] == self.unit[s] for f in self.found):
            return None
        lo = sentence.token_start
        near = doc.tokens[min(lo + 4, sentence.token_end - 1)].end
        for m in doc.mentions_in(sentence.start, near):
            if m[2].type in ("PER", "ORG"):
                ref = self.discourse.entity_referent(m[2], None)
                if agrees(gender, number, ref, True):
                    return ref
                return None
        lex = self.lex
        heads = lex.people | lex.institutions | lex.media
        for a in range(lo, min(lo + 3, sentence.token_end)):
            if lex.head(doc.norm(a), heads) is None:
                continue
            if a == lo and a + 1 < sentence.token_end and not self.ph.is_definite(a) and \
                    lex.head(doc.norm(a + 1), heads) is not None:
                continue  # «طالب مركز الدراسات…»: a verb («طالب») and its subject
            end = self.ph.noun_phrase(a, sentence.token_end)
            for k in range(a + 2, end):
                if self.ph.is_definite(k - 1) and doc.is_word(k) and not self.ph.is_definite(k) \
                        and doc.mention_at(k) is None:
                    end = k  # «مركز الدراسات الاقتصادي منظمات الإغاثة»: the object begins
                    break
            made = self.referent(a, end, None, s) if end > a else None
            if made is not None and agrees(gender, number, made[0], True):
                return made[0]
            return None
        return None

    def _on_behalf(self, a: int, t: int) -> bool:
        """Whether the name at token ``t`` is whom a spokesperson speaks for: «المتحدث باسم وزير
        الخارجية محمد ظريف» (the spokesperson, unnamed) — not an apposition set off by a comma
        («المتحدثة باسم الخارجية، ماريا زاخاروفا»)."""
        doc, lex = self.doc, self.lex
        for k in range(a, t):
            if doc.norm(k) == "باسم":
                # whom he speaks for is a person by office («باسم وزير الخارجية»), not an
                # institution («المتحدث باسم الجيش العميد فلان» is the spokesman)
                return k + 1 < t and lex.head(doc.norm(k + 1), lex.people) is not None \
                    and doc.norm(t - 1) not in lex.titles \
                    and not any(doc.is_comma(x) for x in range(k + 1, t))
        return False

    def _name_follows(self, b: int) -> bool:
        """Whether a person is named after the description ending at ``b`` in the same
        clause («مدير الإدارة الفنية بالوزارة فلان»): the callers take that name instead."""
        doc, lex = self.doc, self.lex
        for k in range(b, min(len(doc.tokens), b + MAX_ROLE_TAIL)):
            if doc.is_terminator(k) or doc.is_colon(k) or doc.is_mark(k) or \
                    doc.norm(k) in lex.complementizers or doc.norm(k) in lex.cues:
                return False
            found = doc.mention_at(k)
            if found is not None and found[2].type == "PER":
                return True
        return False

    def _role_tail(self, a: int, t: int, name_start: int) -> bool:
        """Whether tokens ``a..t`` only complete a role before the name at token ``t``
        («السيناتور الديمقراطي في لجنة المالية بمجلس الشيوخ جون ميلر»): no verb, clause or
        other title (the name would be that title's: «المتحدث باسم الوزير فلان»), and the name
        is not inside a prepositional phrase."""
        doc, lex = self.doc, self.lex
        if t - a > MAX_ROLE_TAIL or doc.tokens[t].start != name_start \
                or doc.norm(t - 1) in ("باسم", "عن", "مع", "الي", "علي", "من"):
            return False
        for k in range(a, t):
            norm = doc.norm(k)
            if doc.is_terminator(k) or doc.is_colon(k) or norm in lex.cues \
                    or norm in lex.complementizers or norm in lex.relatives \
                    or norm in lex.clause_openers or norm in lex.titles \
                    or (k > a and doc.tokens[k].has_article
                        and lex.head(norm, lex.people | lex.anonymous)) \
                    or self._person_at(k):
                return False
        return True

    def _person_at(self, k: int) -> bool:
        """Whether token ``k`` is part of a person's name."""
        found = self.doc.mention_at(k)
        return found is not None and found[2].type == "PER"

    def _apposed_person(self, b: int) -> tuple[int, int, Entity, Mention] | None:
        """A person named right after the description ending at token ``b``, or after a comma
        within a few words («وزير الدفاع الأمريكي، جيمس ماتيس، …», «السفير الأمريكي لدى
        إسرائيل، ديفيد فريدمان، …»)."""
        doc, lex = self.doc, self.lex
        if b < len(doc.tokens):
            # Right after it, no comma: «رئيس تحرير شبكة "وان تي في" عبدالله خنجاني»
            right = doc.mention_at(b)
            if right is not None and right[2].type == "PER" and doc.token_at(right[0]) == b:
                return right
        for k in range(b, min(b + MAX_APPOSITION_GAP, len(doc.tokens) - 1)):
            if doc.is_comma(k):
                apposed = doc.mention_at(k + 1)
                if apposed is not None and apposed[2].type == "PER" and \
                        doc.token_at(apposed[0]) == k + 1:
                    return apposed
                return None
            if doc.is_punct(k) or doc.norm(k) in lex.complementizers or doc.norm(k) in lex.cues:
                return None
        return None

    def agent(self, a: int, end: int) -> int | None:
        """Where the agent of a passive cue starts («صادر عن X», «من قبل X»), if there is one."""
        doc, lex = self.doc, self.lex
        for k in range(a, end):
            for words in lex.agents:
                if all(k + i < end and doc.norm(k + i) == w for i, w in enumerate(words)):
                    return k + len(words)
            if doc.mention_at(k) is not None and k > a and lex.head(
                    doc.norm(k - 1), lex.documents):
                return k
        return None

    def document_speaker(self, found: Found, j: int, a: int, end: int, s: int) -> bool:
        """«وجاء في البيان الصادر عن الوزارة أن…»: the speaker is whoever issued the document."""
        doc, lex = self.doc, self.lex
        if a >= end or (doc.norm(a) not in ("في", "ب") and not doc.norm(a).startswith("ب")):
            return False
        k = a + 1 if doc.norm(a) in ("في", "ب") else a
        head = lex.head(doc.norm(k), lex.documents | lex.media_types.keys())
        if head is None:
            return False
        medium = self.ph.medium_at(a, end)
        if medium is not None:
            found.medium = medium[1]
        for m in doc.mentions_in(doc.tokens[k].start, doc.tokens[end - 1].end):
            if m[2].type in ("PER", "ORG"):
                ref = self.discourse.entity_referent(m[2], None)
                found.speaker, found.speaker_span = self.discourse.add(ref), (m[0], m[1])
                return True
        # «وجاء في البيان أن…»: the last speaker who issued a statement.
        for earlier in reversed(self.found):
            if earlier.medium is not None and s - earlier.sentence <= 4 and \
                    earlier.speaker is not None:
                found.speaker = earlier.speaker
                found.speaker_span = None
                return True
        return False

    def context_heads(self, entity: Entity) -> frozenset[str]:
        """Source nouns written next to an entity's mentions or in its roles («صحيفه», «متحدث»)."""
        known = self._heads.get(entity.id)
        if known is not None:
            return known
        doc, lex = self.doc, self.lex
        heads: set[str] = set()
        for role in entity.roles:
            words = role.text.split()
            if words:
                head = lex.head(normalize(words[0]), lex.sources)
                if head:
                    heads.add(head)
        for mention in entity.mentions[:6]:
            t = doc.token_at(mention.start)
            k, seen = t - 1, 0
            if self.ph.has_clitic(t, "و"):
                k = -1  # «الشرطة وهيئة الأوراق المالية»: the noun before is another conjunct
            while k >= 0 and seen < 3:
                if doc.is_mark(k):
                    k -= 1
                    continue
                if doc.is_punct(k) or self.ph.is_prep(k) or doc.norm(k) == "باسم":
                    break
                head = lex.head(doc.norm(k), lex.sources)
                if head:
                    heads.add(head)
                k -= 1
                seen += 1
            k = doc.token_at(mention.end - 1) + 1
            seen = 0
            while k < len(doc.tokens) and seen < 2:
                if doc.is_mark(k) or doc.is_comma(k):
                    k += 1
                    continue
                if doc.is_punct(k) or self.ph.is_prep(k) or doc.norm(k) in lex.cues or (
                        doc.norm(k)[:1] in "وف" and lex.bare(doc.norm(k))[1:2] == (
                            doc.norm(k)[1:],)):
                    break  # «لـCNN، أكدت الحكومة»: a verb opens another clause
                head = lex.head(doc.norm(k), lex.sources)
                if head:
                    heads.add(head)
                    break
                k += 1
                seen += 1
        if entity.type == "ORG" and entity.name.split():
            first = lex.head(normalize(entity.name.split()[0]), lex.sources)
            if first:
                heads.add(first)
        result = frozenset(heads)
        self._heads[entity.id] = result
        return result

    def entities_before(self, offset: int) -> Iterator[Entity]:
        """Entities mentioned before ``offset``, latest mention first."""
        last: dict[str, int] = {}
        for start, _, entity, _ in self.doc.mentions:
            if start >= offset:
                break
            last[entity.id] = start
        for entity_id, _ in sorted(last.items(), key=lambda x: -x[1]):
            yield self.doc.entities[entity_id]
