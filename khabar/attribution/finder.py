"""Finding attributed statements sentence by sentence.

For each cue in a sentence (a verb of saying, a participle such as «مشيرا», a relay verb
«نقل … عن», a sourcing phrase «بحسب»/«وفقا لـ», «جاء في البيان»), :class:`Finder` looks for

1. the complement after it — «أن/إن/بأن» (after a preposition the verb takes: «أشار إلى أن»),
   a colon, or a quotation — and takes the content from there to the end of the clause; or,
   with no complement, content before it («“…”، قال الوزير», «…، بحسب ما قال جون كيربي»);
2. the speaker between the cue and the complement (verb–subject order), before the verb
   («المسؤولين المذكورين أكدوا أن»), or none («وأوضح أن…», resolved by
   :class:`~khabar.attribution.speakers.Discourse`);
3. a relayer («نقلت صحيفة X عن…», «قالت X نقلا عن…», a cue nested in reported content), the
   medium («في بيان») and the reason an unnamed speaker gives («طلب عدم نشر اسمه»).
"""

from __future__ import annotations

import dataclasses
import itertools

from ..model import Medium
from .content import ContentRules
from .descriptions import RoleIndex
from .document import Doc
from .lexicon import CueForm, Sourcing
from .phrases import Phrases
from .records import Complement, Found
from .speakers import Discourse, Referent
from .subjects import SubjectRules

#: Tokens between a cue and its complement, at most (speaker, reason, medium, time…).
MAX_REGION = 32
#: Tokens after a sourcing phrase's source in which «، فإن» may still open the content.
MAX_SOURCE_TAIL = 20
#: Commas between a cue and its complement, at most.
MAX_COMMAS = 4
#: Words between a speaker and the quotation of what they said («لوكالة رويترز»), at most.
MAX_SPEAKER_TAIL = 10
#: Words after a source named mid-sentence that are still an adjunct of it («في حينه»).
SHORT_ADJUNCT = 4


#: Nouns before the quoted title of a meeting, a book or a campaign («ندوة حول موضوع "…"»).
_TITLE_NOUNS = frozenset({"موضوع", "بعنوان", "عنوان", "شعار", "كتاب", "كتابه", "برنامج"})


class Finder(SubjectRules, ContentRules):
    """Finds the attributed statements of one document."""

    def __init__(self, doc: Doc, time_tokens: set[int]) -> None:
        self.doc = doc
        self.lex = doc.lex
        self.ph = Phrases(doc, time_tokens)
        self.discourse = Discourse(self.lex, self.context_heads, doc.analysis.entities)
        self._heads: dict[str, frozenset[str]] = {}
        self.roles = RoleIndex(doc, self.lex, self.ph)
        self.found: list[Found] = []
        self._subjects: list[tuple[int, Referent]] = []  # this sentence's verb subjects
        # Sentences joined by «؛» make one unit of discourse.
        self.unit: list[int] = []
        self.unit_start: list[int] = []
        text = doc.text
        for s, sentence in enumerate(doc.analysis.sentences):
            k = sentence.start - 1
            while k >= 0 and text[k].isspace():
                k -= 1
            joined = s > 0 and k >= 0 and text[k] == "؛"
            if not joined:
                self.unit_start.append(s)
            self.unit.append(len(self.unit_start) - 1)
        self._sentence_found: list[Found] = []

    def run(self) -> list[Found]:
        """Every attributed statement of the document, sentence by sentence."""
        doc, lex = self.doc, self.lex
        cues, sourcing, triggers = lex.cues, lex.sourcing_first, lex.triggers
        # One pass over the tokens finds the few that can start an attribution.
        hits: dict[int, list[int]] = {}
        for i, tok in enumerate(doc.tokens):
            if tok.norm in triggers:
                hits.setdefault(tok.sentence, []).append(i)
        if not hits:
            return self.found
        for s, sentence in enumerate(doc.analysis.sentences):
            positions = hits.get(s)
            if positions is None and not (self.found and self.found[-1].sentence == s - 1):
                continue
            lo, hi = sentence.token_start, sentence.token_end
            self._subjects = []
            self._sentence_found = []
            j = lo
            for i in positions or ():
                if i < j or not lo <= i < hi:
                    continue
                norm = doc.tokens[i].norm
                cue = cues.get(norm)
                result: tuple[Found | None, int] | None = None
                if cue is not None:
                    result = self.verb_cue(i, cue, lo, hi, s)
                elif norm in sourcing:
                    result = self.sourcing(i, lo, hi, s)
                if result is None:
                    continue
                item, j = result
                if item is not None:
                    self._sentence_found.append(item)
            if not self._sentence_found:
                item = self.continuation(lo, hi, s)
                if item is not None:
                    self._sentence_found.append(item)
            self.finish_sentence(self._sentence_found)
            self.found.extend(f for f in self._sentence_found if not f.dropped)
        return self.found

    def verb_cue(self, j: int, cue: CueForm, lo: int, hi: int,
                 s: int) -> tuple[Found | None, int] | None:
        doc = self.doc
        tok = doc.tokens[j]
        if doc.enclosing_quote(tok.start) is not None:
            return None
        if j > lo and self.lex.head(doc.norm(j - 1), self.lex.negations):
            return None  # «ولم يعلن», «عدم ذكر اسمه»
        if cue.kind == "participle":
            return self.participle(j, cue, lo, hi, s)
        if j > lo and self.between(j):
            return None
        passive = cue.passive or doc.is_passive(j, cue.prefix)
        cue_span = (doc.cue_start(j, cue.prefix), tok.end, cue.lemma)
        comp = self.complement(j, cue, hi)
        if comp is None:
            # No complement after it: a subject for participles, or content before it.
            subject = self.subject_after(j + 1, self.region_stop(j, hi), cue, s)
            if subject is not None and self.inside_content(j) is None:
                # (not a verb inside what someone said: «لأن المرشحة تعتبر تهديدا…، مشيرا»)
                self._subjects.append((j, subject[0]))
                subject[0].sentence, subject[0].position = self.unit[s], tok.start
            post = self.post_content(j, cue, cue_span, lo, hi, s, subject)
            return (post, j + 1) if post is not None else None
        if cue.impersonal and comp.marker == j + 1 and (
                (j > lo and doc.norm(j - 1) in self.lex.clause_openers)
                or not self.subject_before(j, lo)[0]):
            return None  # «يذكر أن…» "note that", «عندما تبين أن…»: not a quote
        if cue.strict and ((comp.pair is not None and not doc.is_colon(comp.marker - 1)) or (
                j > lo and doc.norm(j - 1) in self.lex.relatives) or (
                j + 1 < hi and doc.norm(j + 1) in _PREP_PRONOUNS)):
            return None  # «المعلومات التي تفيد المتطرفين…», «فيديو تظهر فيه صواريخ…»
        if not self.clean_region(j, comp.marker, hi):
            return None
        region_end = comp.marker
        if region_end - 1 > j and self.ph.is_prep(region_end - 1):
            region_end -= 1
        found = Found(0, 0, "indirect", s, cue_span, first_token=comp.content, cue_token=j)
        mark = self.discourse.mark()
        if not self.fill_speaker(found, j, region_end, cue, lo, hi, s, passive):
            self.discourse.restore(mark)
            return None
        host = self.inside_content(j)
        if (host is not None and not (found.preverbal and found.speaker_span is not None
                                      and found.speaker_span[0] <= doc.tokens[
                                          min(host.first_token + 1, hi - 1)].end)) or (
                # «رد "عسكري" محتمل»: a quoted word, not what was said
                comp.pair is not None and comp.marker == comp.content and (
                    not self.opens_speech(comp.marker, j, found) or (
                        len(doc.text[comp.pair[0] + 1:comp.pair[1]].split()) < 2
                        and not doc.is_colon(comp.marker - 1)))) or \
                not self.fill_content(found, comp, hi):
            # a verb of saying inside someone's words, or no statement after all
            self.discourse.restore(mark)
            return None
        if found.medium is None:
            found.medium = self.ph.find_medium(j + 1, region_end) or self.leading_medium(lo, j)
        if found.medium is not None and found.speaker is not None:
            # «قال الاتحاد في بيان…» — later «وأضاف البيان» is the same speaker.
            noun = lex_medium_head(self.lex, doc.norm(doc.token_at(found.medium.end - 1)))
            if noun:
                found.speaker.heads = found.speaker.heads | {noun}
        return found, comp.content

    def clean_region(self, j: int, marker: int, hi: int) -> bool:
        """Whether what stands between the last comma before the complement and the complement
        can belong to the cue: nothing, an adverb, a medium, a preposition, a name or title —
        not a clause of its own («وقال لـ"X" في برنامج "Y"، كان يفترض أن…»)."""
        doc, lex, ph = self.doc, self.lex, self.ph
        last = None
        for k in range(j + 1, marker):
            if doc.is_comma(k):
                last = k
        if last is None or last + 1 >= marker:
            return True
        first = last + 1
        while first < marker and doc.is_mark(first):
            first += 1
        if first >= marker:
            return True
        norm = doc.norm(first)
        return bool(ph.is_adverb(first) or ph.medium_at(first, marker) or ph.is_prep(first)
                    or doc.mention_at(first) is not None or norm in lex.titles
                    or lex.head(norm, lex.people | lex.anonymous | lex.reason_openers)
                    or norm in lex.reason_openers or norm in lex.relatives
                    or norm in lex.relay_saying or doc.sourcing_at(first) is not None
                    or ph.find_reason(first, marker) is not None or doc.is_punct(first))

    def opens_speech(self, k: int, j: int, found: Found) -> bool:
        """Whether a quotation at token ``k`` after cue ``j`` is what was said: right after the
        cue, its speaker, a medium, a colon, «أن/إن» or a preposition — not far away in the
        sentence."""
        doc, lex = self.doc, self.lex
        prev = k - 1
        if prev == j or doc.is_colon(prev) or doc.is_comma(prev):
            return True
        norm = doc.norm(prev)
        if norm in lex.complementizers:
            return True
        if self.ph.is_prep(prev):
            # «شدد على “…”» — a preposition the verb takes, right after it or its speaker
            cue = lex.cues.get(doc.norm(j))
            span = found.speaker_span
            near = prev == j + 1 or (span is not None and doc.token_at(span[1] - 1) == prev - 1)
            return near or (cue is not None and lex.head(norm, cue.preps) is not None)
        span = found.speaker_span
        if span is not None and doc.token_at(span[1] - 1) == prev:
            return True
        if span is not None and self.speaker_tail(j, doc.token_at(span[1] - 1) + 1, k):
            return True  # «وقال الوزير فلان لوكالة رويترز "…"», «… المتخصصة في قضايا العمل "…"»
        if any((m := self.ph.medium_at(a, k)) is not None and m[0] == k
               for a in range(j + 1, prev + 1)):
            return True  # «وقال في بيان "…"», «وقال الوزير في تغريدة "…"»
        return self.ph.is_adverb(prev) or (doc.is_mark(prev) and prev > j + 1)

    def saying_verb(self, k: int) -> bool:
        """Whether token ``k`` is a verb of saying, with an object pronoun or not («نقلته»)."""
        norm, cues = self.doc.norm(k), self.lex.cues
        for form in (norm, norm[:-1], norm[:-2]):
            cue = cues.get(form)
            if cue is not None and cue.kind != "participle":
                return True
        return False

    def quoted_topic(self, j: int, k: int, close: int, limit: int) -> bool:
        """Whether the short quotation (three words at most) at token ``k`` is a topic or title
        the speaker region goes on past, with what was said further on («مصدر قريب من ملف
        "الصفقات العمومية" لوكالة فرانس برس "…"») — not what the verb's preposition takes."""
        doc, lex = self.doc, self.lex
        titled = k > j + 2 and lex.head(doc.norm(k - 1), _TITLE_NOUNS) is not None
        if k <= j + 2 or (len(doc.text[doc.tokens[k].start + 1:close].split()) > 3
                          and not titled):
            return False
        cue = lex.cues.get(doc.norm(j))
        if cue is not None and lex.head(doc.norm(k - 1), cue.preps) is not None:
            return False  # «حذر فيه من "أوقات غريبة"»: what the verb takes, what was said
        after = doc.token_at(close) + 1
        if titled:
            # «على هامش ندوة حول موضوع "…: …"، أن…»: a title of any length, then the words
            while after < limit and doc.is_comma(after):
                after += 1
        if after >= limit or doc.is_punct(after):
            return False
        # Only when what was said comes after it: a quotation or «أن/إن» further on.
        for x in range(after, limit):
            if doc.is_terminator(x):
                return False
            if doc.norm(x) in lex.complementizers or (
                    doc.is_mark(x) and doc.tokens[x].start in doc.open_at):
                return True
        return False

    def speaker_tail(self, j: int, a: int, k: int) -> bool:
        """Whether the few words from ``a`` to the quotation at ``k`` only complete the speaker
        of the cue at ``j`` (who was told, a role, where): words and names, no clause of their
        own, not the object the verb takes («أشار إلى وجود … "…"») — and the quotation is a
        sentence (four words or more) that closes the clause."""
        doc, lex = self.doc, self.lex
        if not 0 < k - a <= MAX_SPEAKER_TAIL:
            return False
        cue = lex.cues.get(doc.norm(j))
        if cue is not None and lex.head(doc.norm(a), cue.preps) is not None:
            return False
        for t in range(a, k):
            norm = doc.norm(t)
            if doc.is_mark(t):
                continue  # a quoted title on the way («في "قضية الموانئ"»)
            if doc.is_comma(t) and t + 1 < k and lex.head(doc.norm(t + 1), lex.people):
                continue  # «وقال فلان، رئيس مجلس إدارة الغرفة "…"»: a role in apposition
            if not doc.is_word(t) or norm in lex.cues or norm in lex.complementizers \
                    or norm in lex.relatives or norm in lex.clause_openers:
                return False
        pair = doc.open_at.get(doc.tokens[k].start)
        if pair is None or len(doc.text[doc.tokens[k].start + 1:pair].split()) < 4:
            return False
        after = doc.token_at(pair) + 1
        return after >= len(doc.tokens) or doc.tokens[after].sentence != doc.tokens[k].sentence \
            or doc.is_punct(after)

    def complement(self, j: int, cue: CueForm, hi: int) -> Complement | None:
        """The complement of the cue at ``j``: «أن/إن», a colon, or a quotation."""
        doc, lex = self.doc, self.lex
        doc.load_pairs()
        commas = 0
        limit = min(hi, j + MAX_REGION + 1)
        k = j + 1
        while k < limit:
            if cue.strict and k > j + 7 and not self.named_person(j + 1, k):
                return None  # «بين» "between": a short speaker, or one named in full
            tok = doc.tokens[k]
            if tok.kind in ("punct", "symbol"):
                if doc.is_mark(k):
                    close = doc.open_at.get(tok.start)
                    if close is not None:
                        if k == j + 1 and cue.kind == "participle" and cue.lemma == "قال":
                            # «قائلا "بلاش كلام فارغ"»: whatever is quoted is what was said
                            return Complement(k, k, (tok.start, close))
                        if self.names_quote(k, close, True) or self.quoted_name(k, close, hi) \
                                or self.quoted_topic(j, k, close, limit):
                            k = doc.token_at(close) + 1
                            continue
                        return Complement(k, k, (tok.start, close))
                    if tok.start not in doc.close_at and k > j + 1 and doc.is_colon(k - 1):
                        return Complement(k, k, None)  # a quotation that runs on
                elif doc.is_colon(k):
                    return Complement(k, k + 1, None)
                elif doc.is_terminator(k):
                    return None
                elif doc.is_comma(k):
                    commas += 1
                    if commas > MAX_COMMAS or (cue.strict and not (
                            k + 1 < limit and doc.norm(k + 1) in lex.complementizers
                            and self.named_person(j + 1, k))):
                        return None  # («وبين المدير فلان، أنه…» is a statement)
                k += 1
                continue
            norm = tok.norm
            item = doc.sourcing_at(k) if k > j + 1 else None
            if item is not None and not item.relay:
                # «وتابع الوزير وفقا لما نقلته الوكالة: "…"»: the source, then what was said.
                k += len(item.words)
                while k < limit and (doc.norm(k) in ("ما", "لما") or self.saying_verb(k)):
                    k += 1
                continue
            if norm in lex.complementizers:
                if k > j + 1 and (doc.norm(k - 1) in lex.reason_openers or self.inside_name(k)
                                  or lex.head(doc.norm(k - 1), lex.temporal)):
                    k += 1
                    continue
                return Complement(k, k + 1, None)
            if k > j + 1 and norm in lex.cues and not lex.head(doc.norm(k - 1), lex.negations) \
                    and not self.between(k):
                return None
            if k > j + 1 and norm in lex.clause_openers:
                return None
            k += 1
        return None

    def between(self, k: int) -> bool:
        """Whether the ambiguous bare cue at ``k`` is a preposition after a noun («القمة
        التاريخية بين الولايات المتحدة وكوريا»), not a verb («وبين الوزير أن…»)."""
        doc = self.doc
        cue = self.lex.cues.get(doc.norm(k))
        return (cue is not None and cue.strict and cue.prefix == 0 and cue.kind == "verb"
                and k > 0 and doc.tokens[k - 1].kind not in ("punct", "symbol")
                and doc.tokens[k - 1].sentence == doc.tokens[k].sentence
                and self.ph.is_definite(k - 1))

    def named_person(self, a: int, b: int) -> bool:
        """Whether a person is named in the words ``a..b``."""
        doc = self.doc
        if b <= a:
            return False
        return any(m[2].type == "PER" for m in doc.mentions_in(doc.tokens[a].start,
                                                              doc.tokens[b - 1].end))

    def inside_content(self, j: int) -> Found | None:
        """The quote of this sentence whose content has token ``j`` inside it (not at a clause
        boundary the content ends at)."""
        start = self.doc.tokens[j].start
        for found in self._sentence_found:
            if found.start <= start < found.end:
                return found
        return None

    def inside_name(self, k: int) -> bool:
        """Whether token ``k`` is part of a longer name («إير بي إن بي», «إن بي سي»)."""
        found = self.doc.mention_at(k)
        tok = self.doc.tokens[k]
        return found is not None and (found[0] < tok.start or found[1] > tok.end)

    def is_relay_phrase(self, k: int) -> bool:
        """Whether token ``k`` opens «نقلا عن» or «على لسان» (part of a cue's speaker region)."""
        doc = self.doc
        first = self.lex.sourcing_first.get(doc.norm(k))
        if not first:
            return False
        for item in first[1]:
            if not (item.relay or item.words[:2] == ("علي", "لسان")):
                continue
            if all(k + i < len(doc.tokens) and doc.norm(k + i) == w
                   for i, w in enumerate(item.words[1:], 1)):
                return True
        return False

    def region_stop(self, j: int, hi: int) -> int:
        """Where the speaker region of a cue with no complement ends."""
        doc = self.doc
        k = j + 1
        while k < hi and k - j <= MAX_NP_REGION:
            if doc.is_terminator(k) or doc.is_colon(k):
                break
            norm = doc.norm(k)
            if norm in self.lex.cues or norm in self.lex.complementizers:
                break
            k += 1
        return k

    def fill_speaker(self, found: Found, j: int, end: int, cue: CueForm, lo: int, hi: int,
                     s: int, passive: bool) -> bool:
        """Find the speaker (and relayer, reason) of the cue at ``j``; False when there is none."""
        doc, lex = self.doc, self.lex
        a = j + 1
        via_ref: Referent | None = None
        # Relays: «نقلت X عن Y», «قالت X نقلا عن Y», «على لسان Y».
        split = None
        pronoun_speaker = None
        if cue.kind == "relay":
            for k in range(a, end):
                if doc.norm(k) == lex.relay_prep:
                    split = (k, k + 1)
                    break
                if doc.norm(k) in _RELAY_PRONOUNS and k > a:
                    # «ونقلت المتحدثة باسم الرئيس فلان عنه قوله…»
                    pronoun_speaker = self.pronoun_referent(a, k, _RELAY_PRONOUNS[doc.norm(k)])
                    if pronoun_speaker is not None:
                        split = (k, k + 1)
                    break
        if split is None:
            for k in range(a, end):
                if self.is_relay_phrase(k):
                    split = (k, k + 2)
                    break
                item = doc.sourcing_at(k)
                if item is not None and k > a:
                    # «وأوضح التقرير وفقا لـ"واس" أن…»: the source named after is the relayer.
                    v = k + len(item.words)
                    if v < end and (doc.norm(v) == "ل" or doc.tokens[v].text.endswith("\u0640")):
                        v += 1
                    while v < end and (doc.norm(v) in ("ما", "لما") or self.saying_verb(v)):
                        v += 1  # «وفقا لما نقلته وكالة…»
                    via = self.subject_after(v, end, cue, s, skip=False)
                    if via is not None:
                        via_ref = self.discourse.add(via[0])
                    end = k
                    break
        if split is not None:
            if split[0] > a:
                via = self.subject_after(a, split[0], cue, s)
                if via is not None:
                    via_ref = self.discourse.add(via[0])
            elif not passive:
                via_ref = self.zero_subject(j, cue, lo, s)
            a = split[1]
            # A chain: «نقلت الأناضول عن صحيفة حرييت عن مصادر…»
            while True:
                nxt = None
                for k in range(a, end):
                    if doc.is_punct(k) and not doc.is_mark(k):
                        break
                    if doc.norm(k) == lex.relay_prep:
                        nxt = k
                        break
                if nxt is None or nxt == a:
                    break
                link = self.subject_after(a, nxt, cue, s)
                if link is None or (link[0].entity is None and not (
                        link[0].heads & (lex.media | lex.institutions))):
                    break
                ref = self.discourse.add(link[0])
                if ref is not via_ref:
                    if ref.via is None and ref.entity is None:
                        ref.via = via_ref
                    chained = Referent(ref.name, ref.entity, ref.anonymous, ref.gender,
                                       ref.number, ref.nonhuman, ref.heads, ref.words, via_ref)
                    via_ref = chained if via_ref is not None else ref
                a = nxt + 1
            stop = end
            while stop > a and doc.norm(stop - 1) in lex.relay_saying:
                stop -= 1
            end = stop
        elif passive:
            agent = self.agent(a, end)
            if agent is None:
                return False
            a = agent
        if cue.kind == "document" and split is None:
            return self.document_speaker(found, j, a, end, s)
        reason = self.ph.find_reason(a, end)
        limit = reason[0] if reason and reason[0] > a else end
        # After «نقلت الصحيفة عن …» the speaker does not agree with the relayer's verb.
        own = dataclasses.replace(cue, gender=None) if split is not None else cue
        subject = None if self.adjunct_only(a, limit) else self.subject_after(a, limit, own, s)
        if subject is None and pronoun_speaker is not None:
            subject = pronoun_speaker, None
        if split is None and not passive and (subject is None or cue.takes_object or (
                j > lo and doc.norm(j - 1) in ("قد", "وقد"))):
            # «وكان أفراد العائلة قد أبلغوا القاضي بأنه…»: the subject stands before.
            before, span = self.subject_before(j, lo)
            if before is not None:
                subject = (before, span)
                found.preverbal = True
        if subject is None:
            if split is not None or passive:
                return False
            ref = self.zero_subject(j, cue, lo, s)
            if ref is None:
                if not self.opens_clause(j, cue, lo):
                    return False
                # «أكد أن…» opening an article: said by someone the text never names before.
                # The quote is kept, its speaker unknown (null), rather than lost.
                found.speaker, found.speaker_span = None, None
                return True
            found.speaker = ref
            found.speaker_span = None
        else:
            found.speaker, found.speaker_span = subject
        if reason is not None:
            found.reason = reason[2]
            found.speaker.anonymous = found.speaker.anonymous or found.speaker.entity is None
            if found.speaker.reason is None:
                found.speaker.reason = reason[2]
        elif found.speaker.reason:
            found.reason = found.speaker.reason
        found.via = via_ref or found.speaker.via
        if via_ref is not None and found.speaker.entity is None and found.speaker.via is None:
            found.speaker.via = via_ref
        found.speaker.sentence, found.speaker.position = self.unit[s], doc.tokens[j].start
        found.speaker = self.discourse.add(found.speaker)
        self._subjects.append((j, found.speaker))
        return True

    def adjunct_only(self, a: int, end: int) -> bool:
        """Whether the words between a cue and its complement are only an adjunct set off by
        commas, with no subject: «وأوضح، في تقرير حصلت الصحيفة على نسخة منه، أن…»."""
        doc = self.doc
        if a >= end or not doc.is_comma(a):
            return False
        close = next((k for k in range(a + 1, end) if doc.is_comma(k)), None)
        if close is None or close == a + 1:
            return False
        return all(doc.is_punct(k) for k in range(close, end))

    def opens_clause(self, j: int, cue: CueForm, lo: int) -> bool:
        """Whether the verb cue at ``j`` opens its sentence or clause («وأكد أن…», «من جهته،
        أوضح أن…») — a statement of its own even when its speaker cannot be found."""
        if cue.kind != "verb" or cue.impersonal or cue.strict or cue.passive:
            return False
        doc = self.doc
        k = j - 1
        while k >= lo and (self.ph.is_adverb(k) or doc.is_mark(k)):
            k -= 1
        return k < lo or doc.is_comma(k) or doc.is_colon(k)

    def participle(self, j: int, cue: CueForm, lo: int, hi: int,
                   s: int) -> tuple[Found | None, int] | None:
        """«…، مشيرا إلى أن…», «وتابع قائلا: “…”»: the subject of the verb before it speaks."""
        doc = self.doc
        comp = self.complement(j, cue, hi)
        if comp is None or comp.marker - j > 3:
            return None
        if self.inside_content(j) is not None:
            return None
        ref = self.zero_subject(j, cue, lo, s)
        if ref is None:
            return None
        ref.sentence, ref.position = self.unit[s], doc.tokens[j].start
        ref = self.discourse.add(ref)
        cue_span = (doc.cue_start(j, cue.prefix), doc.tokens[j].end, cue.lemma)
        found = Found(0, 0, "indirect", s, cue_span, ref, None, ref.via,
                      first_token=comp.content, cue_token=j)
        if not self.fill_content(found, comp, hi):
            return None
        return found, comp.content

    def sourcing(self, j: int, lo: int, hi: int, s: int) -> tuple[Found | None, int] | None:
        """«بحسب X», «وفقا لـX», «حسبما أفاد X», «نقلا عن X»: content before or after."""
        doc, lex = self.doc, self.lex
        prefix, items = lex.sourcing_first[doc.norm(j)]
        if doc.enclosing_quote(doc.tokens[j].start) is not None:
            return None
        for item in items:
            n = len(item.words)
            if j + n > hi or any(doc.norm(j + i) != w for i, w in enumerate(item.words[1:], 1)):
                continue
            if item.words[:2] == ("علي", "لسان"):
                return None  # only inside a cue's speaker region («جاء على لسان…»)
            return self.sourcing_item(j, item, prefix, lo, hi, s)
        return None

    def sourcing_item(self, j: int, item: Sourcing, prefix: int, lo: int, hi: int,
                      s: int) -> tuple[Found | None, int] | None:
        doc, lex = self.doc, self.lex
        k = j + len(item.words)
        if k >= hi:
            return None
        cue_span = (doc.cue_start(j, prefix), doc.tokens[k - 1].end,
                    " ".join(item.words))
        verb: CueForm | None = None
        if item.clitic:
            if doc.norm(k) in (item.clitic, item.clitic + "ـ") or doc.tokens[k].text in (
                    item.clitic + "ـ", item.clitic):
                k += 1
            elif not doc.norm(k).startswith(item.clitic):
                return None
        if item.verb and k < hi:
            m = k + 1 if doc.norm(k) in ("ما", "لما") else k
            found_verb = self.sourcing_verb(m) if m < hi else None
            if found_verb is not None:
                verb = found_verb
                if doc.norm(k) != "ما" and item.words[0] not in ("حسبما",):
                    # «كما قال X إن…» is an ordinary cue with its complement.
                    pass
                forward = self.complement(m, verb, hi)
                if forward is not None and item.words[0] in ("كما",):
                    return self.verb_cue(m, verb, lo, hi, s)
                cue_span = (doc.cue_start(m, verb.prefix), doc.tokens[m].end, verb.lemma)
                k = m + 1
        if k >= hi:
            return None
        if verb is not None and doc.norm(k) in _RELAY_PRONOUNS:
            k += 1  # «بحسب ما نقلت عنه وكالة الأنباء»: the agency relayed the speaker's words
        if k >= hi:
            return None
        stop = self.region_stop(k - 1, hi)
        via_ref = None
        if verb is not None and verb.kind == "relay":
            for r in range(k, stop):
                if doc.norm(r) == lex.relay_prep:
                    via = self.subject_after(k, r, verb, s)
                    if via is not None:
                        via_ref = self.discourse.add(via[0])
                    k = r + 1
                    break
        cue_form = verb or CueForm(item.words[0], "verb", "past", None, "s", 0)
        subject = self.subject_after(k, stop, cue_form, s, skip=verb is not None)
        if subject is None:
            return None
        ref, span = subject
        head_token = doc.token_at(span[0])
        if ref.entity is None and (
                lex.head(doc.norm(head_token), lex.not_sources) is not None or
                (lex.head(doc.norm(head_token), lex.sources) is None and
                 not any(h in lex.sources for h in ref.heads))):
            return None
        np_end = doc.token_at(span[1] - 1) + 1 if span[1] > span[0] else k
        np_end = max(np_end, self.ph.noun_phrase(head_token, stop))
        issuer = self.document_issuer(head_token, np_end, stop, s)
        if issuer is not None:
            ref, span = issuer
            np_end = max(np_end, doc.token_at(span[1] - 1) + 1)
        tail = np_end
        medium = None
        while tail < hi and not doc.is_terminator(tail):
            found_medium = self.ph.medium_at(tail, hi)
            if found_medium is not None:
                medium = found_medium[1]
                tail = found_medium[0]
                continue
            if doc.is_punct(tail) or self.ph.is_adverb(tail):
                tail += 1
                continue
            break
        found = Found(0, 0, "indirect", s, cue_span, None, span, via_ref, medium,
                      cue_token=j)
        if item.relay and via_ref is None:
            found.extra["relay_tail"] = True
        at_start = j == lo or all(doc.is_punct(x) for x in range(lo, j)) or (
            np_end < hi and (doc.norm(np_end) in lex.resumptive or (
                doc.is_comma(np_end) and np_end + 1 < hi
                and doc.norm(np_end + 1) in lex.resumptive)))
        if at_start:
            # «وبحسب الوزارة، فإن…»: content after the source.
            ends = next((x for x in range(np_end, hi) if doc.is_terminator(x) or
                         doc.is_comma(x) or doc.norm(x) in lex.resumptive), hi)
            if ends < hi and doc.is_terminator(ends) and any(
                    doc.norm(x) in lex.source_adjectives for x in range(head_token, ends)):
                return None  # «؛ وفقا لما ذكره موقع … الخاص بأخبار التكنولوجيا.»: it ends here
            c = np_end
            for k in range(np_end, min(hi, np_end + MAX_SOURCE_TAIL)):
                if doc.norm(k) in lex.complementizers or doc.is_terminator(k):
                    break
                if doc.norm(k) in lex.resumptive or (doc.is_comma(k) and (
                        (self.ph.is_prep(np_end) and k < np_end + 5) or (
                            k + 1 < hi and doc.norm(k + 1) in lex.resumptive))):
                    # «وبحسب X في المدينة، فإن…», «وطبقا لأرقام حصلت عليها الصحيفة من …،
                    # فإن…»: the content starts after it
                    c = k
                    break
            while c < hi and (doc.is_comma(c) or self.ph.is_adverb(c) or
                              doc.norm(c) in ("ما", "فان", "فقد") or
                              doc.norm(c) in lex.resumptive):
                c += 1
            if c >= hi or doc.is_terminator(c):
                return None
            found.first_token = c
            if not self.fill_content(found, Complement(c, c, self.pair_at(c)), hi):
                return None
        else:
            p = j - 1
            while p > lo and doc.is_comma(p):
                p -= 1
            for earlier in reversed(self._sentence_found):
                between = range(doc.token_at(earlier.end - 1) + 1, j)
                if earlier.end <= doc.tokens[j].start and not any(
                        doc.norm(x) in lex.complementizers for x in between) and sum(
                        not doc.is_punct(x) for x in between) <= 3:
                    # (not «أوضح "…" وتتراوح القيمة … حسب العياري»: a clause of its own)
                    # «قال الوزير إن…، بحسب وكالة X»: the source relayed that quote.
                    if earlier.via is None and ref is not earlier.speaker:
                        earlier.via = self.discourse.add(ref)
                    return None, max(np_end, j + 1)
            # «تتقدم القوات، وفق المرصد، نحو المدينة»: the clause goes on after the source;
            # «… وفق المرصد، الذي أشار إلى…», «…، وفق ما أفاد المرصد في حينه.»: the source
            # closes what was said and is not part of the content.
            end_tok = self.content_end(tail, hi) if self.source_goes_on(np_end, hi) else p + 1
            if not self.content_before(found, lo, end_tok, s):
                return None
        ref.sentence, ref.position = self.unit[s], doc.tokens[j].start
        found.speaker = self.discourse.add(ref)
        if via_ref is not None and found.speaker.entity is None:
            found.speaker.via = via_ref
        found.via = found.via or found.speaker.via
        return found, max(np_end, j + 1)

    def document_issuer(self, head: int, np_end: int, stop: int, s: int
                        ) -> tuple[Referent, tuple[int, int]] | None:
        """«حسب بيان أصدره مكتب الادعاء العام»: who issued the document the source names."""
        doc, lex = self.doc, self.lex
        if np_end >= stop or lex.head(doc.norm(head), lex.documents) is None or \
                doc.norm(np_end) not in lex.issuing_verbs:
            return None
        form = CueForm(doc.norm(np_end), "verb", "past", None, "s", 0)
        found = self.subject_after(np_end + 1, stop, form, s)
        if found is None or (found[0].entity is None and not (
                found[0].heads & (lex.institutions | lex.people | lex.media))):
            return None
        # «وكشف البيان أن…» later: the document stands for whoever issued it.
        found[0].heads = found[0].heads | {lex.head(doc.norm(head), lex.documents)}
        return found

    def sourcing_verb(self, m: int) -> CueForm | None:
        """The verb of saying in a sourcing phrase, also with the object pronoun of «ما»:
        «بحسب ما أعلنته السفارة», «وفقا لما ذكرته الوكالة», «وفق ما أكده العميد»."""
        norm = self.doc.norm(m)
        cue = self.lex.cues.get(norm)
        if cue is None:
            for suffix in _OBJECT_SUFFIXES:
                if norm.endswith(suffix) and len(norm) - len(suffix) >= 3:
                    cue = self.lex.cues.get(norm[:-len(suffix)])
                    if cue is not None:
                        break
        if cue is None or cue.kind not in ("verb", "relay"):
            return None
        return cue

    def source_goes_on(self, a: int, hi: int) -> bool:
        """Whether the clause goes on after a source named mid-sentence (ending at token
        ``a``) with more of what was said — not just a medium, a time, a short adjunct
        («في حينه», «في بيان لها») or a clause about the source («، الذي أشار…»)."""
        doc, lex = self.doc, self.lex
        k = a
        while k < hi:
            found_medium = self.ph.medium_at(k, hi)
            if found_medium is not None:
                k = found_medium[0]
            elif self.ph.is_adverb(k):
                k += 1
            else:
                break
        if k < hi and doc.is_comma(k):
            k += 1
            t = k
            while t < hi and (self.ph.is_adverb(t) or doc.is_punct(t)) and \
                    not doc.is_terminator(t):
                t += 1
            if t >= hi or doc.is_terminator(t):
                return False  # «…، وفقا لما ذكرته الوكالة، الأحد.»: only a time after it
            norm = doc.norm(k)
            return not (norm in lex.relatives or norm in lex.clause_openers
                        or norm in lex.cues or doc.sourcing_at(k) is not None
                        or self.ph.has_clitic(k, "و"))
        if k < hi and k == a and doc.norm(k) in self.lex.source_adjectives:
            return False  # «وفقا لما ذكره موقع "ذا نيكست ويب" الخاص بأخبار التكنولوجيا»
        words = 0
        while k < hi and not doc.is_terminator(k) and not doc.is_comma(k):
            norm = doc.norm(k)
            if norm in lex.cues or norm in lex.complementizers:
                return True
            words += doc.is_word(k)
            k += 1
        return words > SHORT_ADJUNCT

    def post_content(self, j: int, cue: CueForm, cue_span: tuple[int, int, str], lo: int,
                     hi: int, s: int, subject) -> Found | None:
        """«“…”، قال الوزير» and «…، قالت المصادر.»: the content comes before the cue."""
        doc, lex = self.doc, self.lex
        p = j - 1
        if p > lo and doc.norm(p) in ("كما", "حسبما", "ما", "مثلما"):
            p -= 1
            if p > lo and doc.norm(p) in ("علي", "بحسب", "وفق"):
                p -= 1
        if p <= lo or not (doc.is_comma(p) or doc.is_mark(p)) or cue.strict:
            return None
        if self.ph.is_prep(lo) and not any(doc.is_comma(k) for k in range(lo, p)):
            return None  # «وفي مداخلة هاتفية أجراها…، طمأن الزعيم محبيه»: an adjunct, not words
        if subject is None:
            return None
        ref, span = subject
        if ref.entity is None and not (ref.heads & lex.sources):
            return None
        tail = doc.token_at(span[1] - 1) + 1
        end = tail
        while end < hi and not doc.is_terminator(end) and end - tail < 16:
            norm = doc.norm(end)
            if norm in lex.complementizers or norm in lex.cues or doc.is_colon(end):
                return None
            end += 1
        if end < hi and not doc.is_terminator(end):
            return None
        medium = self.ph.find_medium(tail, end)
        if ref.entity is None:
            for m in doc.mentions_in(doc.tokens[tail].start if tail < hi else doc.tokens[-1].end,
                                     doc.tokens[end - 1].end if end > tail else 0):
                if m[2].type == "PER":
                    ref = self.discourse.entity_referent(m[2], cue.gender)
                    span = (m[0], m[1])
                    break
        while p > lo and doc.is_comma(p):
            p -= 1
        found = Found(0, 0, "indirect", s, cue_span, None, span, ref.via, medium, cue_token=j)
        if not self.content_before(found, lo, p + 1, s):
            return None
        ref.sentence, ref.position = self.unit[s], doc.tokens[j].start
        found.speaker = self.discourse.add(ref)
        return found

    def leading_medium(self, lo: int, j: int) -> Medium | None:
        """A medium that opens the sentence before its cue («وفي بيان، قالت الوزارة…»)."""
        if j - lo > 8:
            return None
        found = self.ph.medium_at(lo, j)
        return found[1] if found is not None else None

    def finish_sentence(self, items: list[Found]) -> None:
        """Nested relays, relayed tails and overlapping contents within one sentence."""
        if len(items) < 2:
            return
        items.sort(key=lambda f: (f.start, f.end))
        for a, b in itertools.pairwise(items):
            if a.start == b.start and a.end == b.end and not a.dropped:
                later = a if (a.cue or (0,))[0] > (b.cue or (0,))[0] else b
                later.dropped = True
        for outer in items:
            for inner in items:
                if inner is outer or inner.dropped or outer.dropped:
                    continue
                cue_at = inner.cue[0] if inner.cue else inner.start
                if inner.preverbal and inner.speaker_span and outer.cue and \
                        outer.cue[2] in _SOURCES_FIRST and \
                        inner.speaker_span[0] <= outer.start < outer.end <= inner.speaker_span[1]:
                    # «وبحسب الصحيفة، فإن تقارير …، أشارت إلى أن…»: the source relays them.
                    inner.via = inner.via or outer.speaker
                    outer.dropped = True
                    continue
                if not (outer.start <= cue_at < outer.end):
                    continue
                if inner.preverbal and inner.speaker_span and \
                        outer.start <= inner.speaker_span[0] <= outer.start + 2:
                    # «أوضحت الصحيفة أن المسؤولين أكدوا أن…»: the outer speaker relays.
                    inner.via = outer.speaker if inner.via is None else inner.via
                    outer.dropped = True
                elif inner.extra.get("relay_tail") or self._is_tail(inner, outer):
                    outer.via = outer.via or inner.speaker
                    inner.dropped = True
                elif inner.start >= outer.start and outer.end > (inner.cue[0] if inner.cue
                                                                 else inner.start):
                    cuts = [x for x in (inner.cue[0] if inner.cue else inner.start,
                                        inner.speaker_span[0] if inner.speaker_span
                                        else inner.start) if x > outer.start]
                    if not cuts:
                        inner.dropped = True  # it starts where the outer content starts
                        continue
                    outer.end = min(cuts)
                    if not self.trim(outer):
                        outer.dropped = True

    def _is_tail(self, inner: Found, outer: Found) -> bool:
        """Whether ``inner`` is a sourcing tail over the content ``outer`` already has."""
        if inner.start > outer.start or inner.end < outer.start:
            return False
        inner_is_source = inner.cue is not None and inner.cue[2] in _SOURCES_FIRST
        media = inner.speaker is not None and bool(inner.speaker.heads & self.lex.media)
        return inner_is_source or media


def lex_medium_head(lex, norm: str) -> str | None:
    """The bare medium noun of a token («البيان» → «بيان»), if it is a document word."""
    return lex.head(norm, lex.documents)


#: «عنه/عنها/عنهم» after a relay verb: the gender and number of whom it stands for.
_OBJECT_SUFFIXES = ("ه", "ها", "هم")
_SOURCES_FIRST = ("بحسب", "حسب", "وفق", "وفقا", "طبقا", "نقلا عن")
_PREP_PRONOUNS = frozenset({"فيه", "فيها", "عليه", "عليها", "منه", "منها"})
_RELAY_PRONOUNS = {"عنه": ("m", "s"), "عنها": ("f", "s"), "عنهم": ("m", "p"),
                   "عنهما": ("m", "d")}

#: Tokens scanned for the speaker of a cue with no complement.
MAX_NP_REGION = 14

