"""Institution names the tagger misses: «وزارة الدفاع الأميركية», «جامعة الكويت», «وزارة الطاقة».

An institution head without the article (a noun in construct: «وزارة», «جامعة», «بنك»;
``institution_heads`` in ``khabar/data/ar/ner.yaml``), then definite words, and a country, a city
or a nationality adjective in them — that is the name of an organisation. Some heads make a name
with their definite complement alone (``named_institution_heads``: «وزارة الطاقة», «منظمة الصحة
العالمية», «محكمة جنايات القاهرة»). A place the tagger found inside it («جامعة [الكويت]») gives
way to the whole.
"""

from __future__ import annotations

import functools

from ..model import Token
from ..resources import load_yaml
from ..text.normalize import normalize
from .lexicon import Lexicon, strip_article
from .mentions import RawMention, make_mention

MAX_WORDS = 5
#: Definite words after a head whose complement alone names it («منظمة الصحة العالمية»).
MAX_NAMED_WORDS = 2
#: Trigger classes that end an institution name («جامعة الكويت الباحثة …»).
_STOPS = frozenset({"title", "honor", "speech", "notname"})


def institution_mentions(text: str, tokens: list[Token], cores: list[str], lo: int, hi: int,
                         found: list[RawMention], lex: Lexicon,
                         stops: frozenset[str] = frozenset(),
                         descriptors: frozenset[str] = frozenset()) -> list[RawMention]:
    """``found`` (one sentence's mentions) with institution names added or widened.

    ``cores`` holds each token's normalised form without proclitics; ``stops`` are definite
    words that never continue a name («اليوم», «الماضي»); ``descriptors`` are heads left out
    of the name after them («وكالة رويترز» → «رويترز»).
    """
    by_token = {j: m for m in found for j in range(m.first, m.last + 1)}
    out = list(found)
    i = lo
    while i < hi:
        if cores[i] not in lex.institutions:
            i += 1
            continue
        m = by_token.get(i)
        if tokens[i].has_article or (m is not None and m.type == "ORG"):
            i += 1
            continue
        last = _anchored_name(tokens, cores, i, hi, by_token, lex, stops)
        if last is None:
            last = _named_after(cores, i, hi, by_token, lex, descriptors)
        if last is None and cores[i] in lex.named_institutions:
            last = _named_complement(tokens, cores, i, hi, by_token, lex, stops)
        if last is not None:
            mention = make_mention(text, tokens, i, last, "ORG")
            if mention is not None:
                out = [x for x in out if x.last < i or x.first > last]
                out.append(mention)
                i = last + 1
                continue
        i += 1
    out.sort(key=lambda x: x.start)
    return out


def _anchored_name(tokens: list[Token], cores: list[str], i: int, hi: int,
                   by_token: dict[int, RawMention], lex: Lexicon,
                   stops: frozenset[str]) -> int | None:
    """The last token of definite words after the head at ``i`` with a place or a nationality
    adjective among them, or ``None``."""
    last, anchored, extra, j = -1, False, 0, i + 1
    while j < hi and j - i <= MAX_WORDS:
        inner = by_token.get(j)
        if inner is not None and inner.type == "LOC":
            last, anchored, j = inner.last, True, inner.last + 1
            continue
        if tokens[j].kind != "word" or not tokens[j].has_article:
            break
        word = cores[j]
        if word in lex.adjectives:
            last, anchored = j, True
        elif extra or _STOPS.intersection(lex.triggers.get(strip_article(word), ())) or (
                anchored and (word in stops or tokens[j].core_start != tokens[j].start
                              or not word.endswith(("ي", "يه")))):
            break  # «وزارة التجارة الأميركية [للعام]», «هيئة الإذاعة البريطانية [الخبر]»
        else:
            last = j
            extra = int(anchored)  # one nisba adjective after the place: «بنك الكويت الوطني»
        j += 1
    return last if anchored and last > i else None


def _named_after(cores: list[str], i: int, hi: int, by_token: dict[int, RawMention],
                 lex: Lexicon, descriptors: frozenset[str]) -> int | None:
    """The last token of a person's name (after a title or not: «مستشفى الملك فهد», «جامعة
    الملك سعود») or of an organisation's name right after the head at ``i``, or ``None``."""
    j = i + 1
    if j < hi and j not in by_token and "title" in lex.triggers.get(strip_article(cores[j]), ()):
        j += 1
    after = by_token.get(j)
    if after is None or after.first != j:
        return None
    if after.type == "PER" or (after.type == "ORG" and j == i + 1 and cores[i] not in descriptors):
        return after.last
    return None


def _named_complement(tokens: list[Token], cores: list[str], i: int, hi: int,
                      by_token: dict[int, RawMention], lex: Lexicon,
                      stops: frozenset[str]) -> int | None:
    """The last token of the head's definite complement (at most :data:`MAX_NAMED_WORDS`
    words, one bare noun in construct allowed first: «محكمة جنايات القاهرة»), or ``None``."""
    j, last, words = i + 1, None, 0
    if j + 1 < hi and tokens[j].kind == "word" and not tokens[j].has_article \
            and tokens[j].core_start == tokens[j].start and tokens[j + 1].has_article:
        j += 1  # «محكمة [جنايات] القاهرة»
    while j < hi and words < MAX_NAMED_WORDS:
        token, word = tokens[j], cores[j]
        inner = by_token.get(j)
        if inner is not None and inner.type == "LOC":
            return inner.last
        if token.kind != "word" or not token.has_article or token.core_start != token.start \
                or word in stops or _STOPS.intersection(lex.triggers.get(strip_article(word), ())):
            break
        if words and not (word.endswith(("ي", "يه")) or word in lex.adjectives
                          or word in _body_words()[1]):
            break  # «وزارة العدل [الراغبين]»: after the complement only an adjective goes on
        last, words, j = j, words + 1, j + 1
    return last


def _person_like(lex: Lexicon, word: str) -> bool:
    """Whether a word looks like part of a person's name: found in names in the news, in the
    person-name list, or never seen in the news at all."""
    core = strip_article(word)
    if lex.triggers.get(core) or word in lex.adjectives:
        return False
    counts = lex.silver_counts(word)
    if counts is not None:
        per, total = counts[0], counts[4]
        return per >= 4 and per * (100 if per >= 50 else 10) >= total
    if len(word) < 3:
        return False
    band = lex.frequency_band(word)
    if "PER" in lex.gazetteer.get(word, ()) or "PER" in lex.gazetteer.get(core, ()):
        return band is None or band >= 9  # not a common word that is also a name
    return band is None


def _surname_like(lex: Lexicon, token: Token, word: str) -> bool:
    """A word after a first name that the tagger named a person a few times in the news,
    though it is frequent there («سيرغي [سكريبال]»): no clitic, no «ال», not a trigger."""
    if token.proclitics or token.has_article or lex.triggers.get(word) \
            or word in lex.adjectives:
        return False
    band = lex.frequency_band(word)
    if band is not None and band < 7:
        return False  # «هالة المقريف [إن]»: a function word
    counts = lex.silver_counts(word)
    return counts is not None and counts[0] >= 3


def titled_persons(text: str, tokens: list[Token], cores: list[str], lo: int, hi: int,
                   found: list[RawMention], lex: Lexicon, kind_of,
                   head_words: frozenset[str] | None = None) -> list[RawMention]:
    """People named right after a title the tagger missed: «الرئيس الأمريكي، دونالد ترامب».

    ``kind_of(j)`` is the role kind of token ``j`` (:class:`khabar.ner.roles.RoleFinder`). After
    a role head and its modifiers (and maybe a comma), up to four words that look like a name
    (:func:`_person_like`; «ال» only after a first name) are a PER mention. ``head_words``
    (:attr:`RoleFinder.head_words`) lets most words be passed over without ``kind_of``.
    """
    covered = {j for m in found for j in range(m.first, m.last + 1)}
    # A place or an organisation inside the title («رئيس مجلس إدارة شركة [روساتوم] …»).
    bodies = {m.first: m.last for m in found if m.type in ("ORG", "LOC")}
    added: list[RawMention] = []
    j = lo
    while j < hi:
        if (head_words is not None and strip_article(cores[j]) not in head_words
                and tokens[j].norm not in head_words) or kind_of(j) not in ("head", "honor"):
            j += 1
            continue
        k = j + 1
        while k < hi:
            if k in bodies and kind_of(k - 1) == "link":
                k = bodies[k] + 1
            elif k not in covered and kind_of(k) in ("def", "nat", "link", "head"):
                k += 1
            else:
                break
        # A title before a name is definite («الرئيس الأمريكي»); after an indefinite head or a
        # link the next word is its complement («رئيس بلدية إربد»), not a name.
        # A definite link ends a title («نائب رئيس [الوزراء]»).
        if (kind_of(k - 1) == "link" and not tokens[k - 1].has_article) or (
                k - 1 == j and not tokens[j].has_article and kind_of(j) == "head"):
            j = k
            continue
        if k < hi and tokens[k].text in ("،", ","):
            k += 1
        start = k
        while k < hi and k - start < 4 and k not in covered and tokens[k].kind == "word" \
                and (not tokens[k].has_article or k > start) and (
                    _person_like(lex, cores[k]) or (
                        k == start + 1 and _person_like(lex, cores[start])
                        and _surname_like(lex, tokens[k], cores[k]))):
            k += 1
        if k > start:
            mention = make_mention(text, tokens, start, k - 1, "PER")
            if mention is not None:
                added.append(mention)
        j = max(k, j + 1)
    return sorted(found + added, key=lambda m: m.start) if added else found


def _name_like(lex: Lexicon, word: str) -> bool:
    """A word that can be part of a name: not a trigger or an adjective, and found in names in
    the news (at least 1 % of the time and 10 times) or rare there."""
    if lex.triggers.get(strip_article(word)) or word in lex.adjectives or len(word) < 2:
        return False
    counts = lex.silver_counts(word)
    if counts is not None:
        named = sum(counts[:4])
        if named >= 10 and named * 100 >= counts[4]:
            return True
    band = lex.frequency_band(word)
    return band is None or band >= 12


def named_after_descriptor(text: str, tokens: list[Token], cores: list[str], lo: int, hi: int,
                           found: list[RawMention], lex: Lexicon,
                           descriptors: frozenset[str],
                           complements: frozenset[str] = frozenset()) -> list[RawMention]:
    """Organisations named after a generic word the tagger missed: «تنظيم “داعش”», «صحيفة “وول
    ستريت جورنال”», «وكالة رويترز». Inside quotation marks up to four words are taken as they
    are; without them, up to three words that look like a name (:func:`_name_like`)."""
    covered = {j for m in found for j in range(m.first, m.last + 1)}
    added: list[RawMention] = []
    for j in range(lo, hi - 1):
        if j in covered or cores[j] not in descriptors:
            continue  # «التنظيم [يتخذها]»: a definite head is not followed by a name
        k = j + 1
        if cores[k] in complements and k + 1 < hi:
            k += 1  # «وكالة أنباء [فارس]»: «أنباء» goes with the generic word
        if tokens[k].text in _OPEN_QUOTES:
            end = k + 1
            while end < hi and end - k <= 5 and tokens[end].text not in _CLOSE_QUOTES:
                end += 1
            if end < hi and 1 < end - k <= 5 and not any(x in covered for x in range(k, end)) \
                    and all(tokens[x].kind in ("word", "latin", "number")
                            for x in range(k + 1, end)):
                mention = make_mention(text, tokens, k + 1, end - 1, "ORG")
                if mention is not None:
                    added.append(mention)
            continue
        end = k
        while end < hi and end - k < 3 and end not in covered \
                and tokens[end].kind in ("word", "latin") and not tokens[end].has_article \
                and _name_like(lex, cores[end] or tokens[end].norm):
            end += 1
        if end > k:
            mention = make_mention(text, tokens, k, end - 1, "ORG")
            if mention is not None:
                added.append(mention)
    return sorted(found + added, key=lambda m: m.start) if added else found


def persons_by_apposition(text: str, tokens: list[Token], cores: list[str], lo: int, hi: int,
                          found: list[RawMention], lex: Lexicon, kind_of) -> list[RawMention]:
    """«لويد [أوستن] وزير الدفاع الأميركي»: a one-word place followed by a person's title and
    preceded by a word that can be a first name is a person, first name included."""
    out = []
    starts = {m.first for m in found}
    ends = {m.last for m in found}
    for m in found:
        before = m.first - 1
        if m.type == "LOC" and m.first == m.last and m.last + 1 < hi \
                and kind_of(m.last + 1) == "head" and before >= lo \
                and before not in ends and before not in starts \
                and tokens[before].kind == "word" and not tokens[before].has_article \
                and not tokens[before].proclitics and _name_like(lex, cores[before]):
            person = make_mention(text, tokens, before, m.last, "PER")
            if person is not None:
                out.append(person)
                continue
        out.append(m)
    return out


def persons_before_title(text: str, tokens: list[Token], cores: list[str], lo: int, hi: int,
                         found: list[RawMention], lex: Lexicon, kind_of) -> list[RawMention]:
    """«وحضر اللقاء [سلمى الحديدي] سفيرة الأردن»: a known first name and a word that can be a
    surname, untagged, right before a person's title, are the person the title describes."""
    covered = {j for m in found for j in range(m.first, m.last + 1)}
    added = []
    gazetteer = lex.gazetteer
    for i in range(lo, hi - 2):
        if "PER" not in gazetteer.get(cores[i], ()):
            continue  # a known first name first: the cheap test, most tokens stop here
        first, last = tokens[i], tokens[i + 1]
        if i in covered or i + 1 in covered or first.kind != "word" or last.kind != "word" \
                or first.has_article or first.proclitics or last.proclitics:
            continue
        if cores[i] in lex.kinship or strip_article(cores[i + 1]) in lex.kinship:
            continue  # «ابن خالة زعيم الحزب»
        if _person_like(lex, cores[i]) \
                and _name_like(lex, cores[i + 1]) and kind_of(i + 2) == "head" \
                and (i == lo or kind_of(i - 1) not in ("head", "honor")):
            person = make_mention(text, tokens, i, i + 1, "PER")
            if person is not None:
                added.append(person)
                covered.update((i, i + 1))
    return sorted(found + added, key=lambda m: m.start) if added else found


_OPEN_QUOTES = frozenset("\"«“”'")
_CLOSE_QUOTES = frozenset("\"»”“'")


def with_adjectives(text: str, tokens: list[Token], cores: list[str], hi: int,
                    found: list[RawMention], lex: Lexicon) -> list[RawMention]:
    """An organisation's name goes on with the nationality adjective right after it:
    «وكالة الصحافة [الفرنسية]», «الاتحاد [الأوروبي]»."""
    starts = {m.first for m in found}
    out = []
    for m in found:
        nxt = m.last + 1
        # Only after a definite word: «ليفربول [الإنجليزي]» is a club described, not named.
        if m.type == "ORG" and nxt < hi and nxt not in starts and tokens[nxt].has_article \
                and m.words[-1].startswith("ال") \
                and cores[nxt] in lex.adjectives and cores[nxt] not in lex.country_names:
            wider = make_mention(text, tokens, m.first, nxt, "ORG")
            if wider is not None:
                out.append(wider)
                continue
        out.append(m)
    return out


def places_after_descriptor(text: str, tokens: list[Token], cores: list[str], lo: int, hi: int,
                            found: list[RawMention], lex: Lexicon,
                            descriptors: frozenset[str]) -> list[RawMention]:
    """Places named after a generic noun the tagger missed: «مدينة [عفرين]», «بمحافظة
    [الطائف]», «مخيم [الزعتري]» (``place_descriptors`` in ``ner.yaml``): one or two words that
    look like a name (:func:`_name_like`), untagged, without a clitic before them."""
    covered = {j for m in found for j in range(m.first, m.last + 1)}
    added: list[RawMention] = []
    for j in range(lo, hi - 1):
        if j in covered or tokens[j].has_article or cores[j] not in descriptors:
            continue
        k = j + 1
        while k < hi and k - j <= 2 and k not in covered and tokens[k].kind == "word" \
                and tokens[k].core_start == tokens[k].start \
                and (k == j + 1 or not (tokens[k].has_article or tokens[k - 1].has_article
                                        or _frequent_outside_names(lex, cores[k]))) \
                and _place_like(lex, cores[k]):
            k += 1
        if k > j + 1:
            mention = make_mention(text, tokens, j + 1, k - 1, "LOC")
            if mention is not None:
                added.append(mention)
    return sorted(found + added, key=lambda m: m.start) if added else found


def facilities_named_after_people(text: str, tokens: list[Token], cores: list[str], lo: int,
                                  hi: int, found: list[RawMention], kind_of,
                                  facilities: frozenset[str],
                                  adjectives: frozenset[str]) -> list[RawMention]:
    """«[مطار الملك خالد الدولي]», «[استاد الأمير سعود بن جلوي]», «[شارع الملك فهد]»: a
    facility noun (``facilities_named_after_people`` in ``ner.yaml``), an honorific or a title
    and the person it is named after make one place; the person is not in the text, so the
    person's mention goes. The facility's adjective after the name stays in it («الدولي»,
    ``facility_adjectives``)."""
    out = found
    for j in range(lo, hi - 2):
        if tokens[j].has_article or cores[j] not in facilities \
                or kind_of(j + 1) not in ("honor", "head") or not tokens[j + 1].has_article:
            continue
        person = next((m for m in out if m.type == "PER" and m.first == j + 2), None)
        if person is None:
            continue
        last = person.last
        if last + 1 < hi and tokens[last + 1].kind == "word" and tokens[last + 1].has_article \
                and cores[last + 1] in adjectives:
            last += 1
        place = make_mention(text, tokens, j, last, "LOC")
        if place is not None:
            out = [m for m in out if m.last < j or m.first > last] + [place]
            out.sort(key=lambda m: m.start)
    return out


def _frequent_outside_names(lex: Lexicon, word: str) -> bool:
    """A frequent word the tagger never put in a name in the news: a verb such as «يشهد»
    («معتمدية طبرقة [يشهد]»)."""
    band = lex.frequency_band(word)
    return band is not None and band <= 13 and word not in lex.silver \
        and word not in lex.gazetteer


def _place_like(lex: Lexicon, word: str) -> bool:
    """A word that can name a place after «مدينة»: not a trigger or an adjective, not among
    the most frequent words of the news («مدينة [كبيرة]»), and, when the tagger named it in
    the news, named there at least 1 % of the time."""
    core = strip_article(word)
    if len(core) < 3 or lex.triggers.get(core) or word in lex.adjectives:
        return False
    counts = lex.silver_counts(word)
    if counts is not None and sum(counts[:4]) * 100 < counts[4]:
        return False
    band = lex.frequency_band(word)
    return band is None or band >= 8


def definite_bodies(text: str, tokens: list[Token], cores: list[str], lo: int, hi: int,
                    found: list[RawMention], lex: Lexicon,
                    stops: frozenset[str] = frozenset()) -> list[RawMention]:
    """Bodies named by a definite head, adjectives and a complement with «ل» that the tagger
    missed: «الاتحاد العام التونسي للشغل», «الجمعية الوطنية لحقوق الإنسان» (``definite_body_heads``
    and ``body_adjectives`` in ``ner.yaml``). Mentions the tagger found inside give way."""
    heads, adjectives = _body_words()
    out = list(found)
    by_token = {j: m for m in found for j in range(m.first, m.last + 1)}
    i = lo
    while i < hi - 2:
        if cores[i] not in heads or (by_token.get(i) is not None and by_token[i].first < i):
            i += 1
            continue
        j = i + 1
        while j < hi and j - i <= 3 and _plain_definite(tokens[j]) and cores[j] not in stops and (
                cores[j] in adjectives or cores[j] in lex.adjectives
                or cores[j].endswith(("ي", "يه"))):
            j += 1
        last = _complement_with_lam(tokens, cores, j, hi, stops) if j > i + 1 else None
        if last is None:
            i += 1
            continue
        nxt = last + 1
        if nxt < hi and _plain_definite(tokens[nxt]) and cores[nxt] not in stops \
                and not lex.triggers.get(strip_article(cores[nxt])) and (
                    cores[nxt].endswith(("ي", "يه")) or (
                        tokens[last].has_article and tokens[last].core_start != tokens[last].start
                        and not (nxt + 1 < hi and tokens[nxt + 1].has_article))):
            last = nxt  # «لحقوق الإنسان [العربية]», «للأطباء [الشبان]», «للصليب [الأحمر]»
        mention = make_mention(text, tokens, i, last, "ORG")
        if mention is not None:
            out = [x for x in out if x.last < i or x.first > last]
            out.append(mention)
        i = last + 1
    out.sort(key=lambda x: x.start)
    return out


def _plain_definite(token: Token) -> bool:
    """A word with «ال» and no clitic before it."""
    return token.kind == "word" and token.has_article and token.core_start == token.start


def _complement_with_lam(tokens: list[Token], cores: list[str], j: int, hi: int,
                         stops: frozenset[str]) -> int | None:
    """The last token of «للشغل» or «لحقوق الإنسان» starting at ``j``, or ``None``."""
    if j >= hi or tokens[j].kind != "word" or cores[j] in stops or not any(
            w.role == "proclitic" and w.form == "ل" for w in tokens[j].words[:1]):
        return None
    if tokens[j].has_article:
        return j
    if j + 1 < hi and _plain_definite(tokens[j + 1]) and cores[j + 1] not in stops:
        return j + 1
    return None


@functools.cache
def _body_words() -> tuple[frozenset[str], frozenset[str]]:
    data = load_yaml("ner")
    return (frozenset(normalize(w) for w in data["definite_body_heads"]),
            frozenset(normalize(w) for w in data["body_adjectives"]))


def merge_adjacent_persons(text: str, tokens: list[Token],
                           mentions: list[RawMention]) -> list[RawMention]:
    """Two person mentions side by side with nothing between them are one name: the tagger or
    a rule found «[ينس]» and «[ستولتنبرغ]» apart, or propagation added a surname after a first
    name («[فضل] [شاكر]»). Not when the second starts with a conjunction («… وأحمد»), unless
    the letter is the name's own («[فيرجيل] [فان ديك]»). A hyphen without spaces joins them
    too («[جان]-[كلود يونكر]», «[كيم جونغ]-[أون]»)."""
    # «[ترامب]-[كيم]»: two people, each named in full elsewhere, stay apart.
    firsts = {m.words[0] for m in mentions if m.type == "PER" and len(m.words) > 1}
    lasts = {m.words[-1] for m in mentions if m.type == "PER" and len(m.words) > 1}
    covered = {i for m in mentions for i in range(m.first, m.last + 1)}
    out: list[RawMention] = []
    for m in sorted(mentions, key=lambda x: x.start):
        prev = out[-1] if out else None
        if prev is not None and prev.type == "PER" and m.start > prev.end \
                and _hyphen_tail(tokens, prev, covered, firsts):
            prev = make_mention(text, tokens, prev.first, prev.last + 2, "PER",
                                prev.confidence) or prev  # «[كيم جونغ]-أون»
            out[-1] = prev
        if prev is not None and prev.type == "PER" and len(prev.words) == 1 \
                and m.type != "PER" and _hyphen_between(tokens, prev, m):
            m = make_mention(text, tokens, m.first, m.last, "PER", m.confidence) or m
            # «[ماري]-[لور بونيه]»: the tagger typed the second half ORG
        if prev is not None and prev.type == "PER" and m.type == "PER" \
                and (m.first == prev.last + 1 or (
                    _hyphen_between(tokens, prev, m)
                    and not (m.words[0] in firsts and prev.words[-1] in lasts))) \
                and m.start == tokens[m.first].start \
                and tokens[m.first].sentence == tokens[prev.last].sentence:
            merged = make_mention(text, tokens, prev.first, m.last, "PER",
                                  min(prev.confidence, m.confidence))
            if merged is not None:
                out[-1] = merged
                continue
        out.append(m)
    if out and out[-1].type == "PER" and _hyphen_tail(tokens, out[-1], covered, firsts):
        out[-1] = make_mention(text, tokens, out[-1].first, out[-1].last + 2, "PER",
                               out[-1].confidence) or out[-1]
    return out


def _hyphen_tail(tokens: list[Token], prev: RawMention, covered: set[int],
                 firsts: set[str]) -> bool:
    """Whether a person's name goes on after a hyphen over a word nobody tagged («كيم
    جونغ-أون»), a word that starts no other person's full name («ترامب-كيم»)."""
    k = prev.last + 2
    if k >= len(tokens) or k in covered or prev.last + 1 in covered:
        return False
    dash, word = tokens[prev.last + 1], tokens[k]
    return dash.norm in _HYPHENS and dash.start == prev.end and dash.end == word.start \
        and word.kind == "word" and not word.proclitics and not word.has_article \
        and word.norm not in firsts


def _hyphen_between(tokens: list[Token], prev: RawMention, m: RawMention) -> bool:
    """Whether only a hyphen, touching both words, stands between two mentions («جان-كلود»)."""
    if m.first != prev.last + 2:
        return False
    dash = tokens[prev.last + 1]
    return dash.norm in _HYPHENS and dash.start == prev.end and dash.end == m.start


_HYPHENS = frozenset({"-", "\u2010", "\u2011"})


#: Words that start a family name («آل الشيخ», «بن علي», «أبو ريدة»), normalised.
_FAMILY_LINKS = frozenset({"ال", "بن", "ابن", "ابو"})


def clubs_after_descriptor(text: str, tokens: list[Token], cores: list[str], lo: int, hi: int,
                           found: list[RawMention], lex: Lexicon,
                           descriptors: frozenset[str]) -> list[RawMention]:
    """Sports clubs after «نادي» or «فريق» without «ال» (``club_descriptors`` in ``ner.yaml``):
    «نادي [النصر]», «فريق [ليفانتي]». One definite word or up to two without «ال» that look
    like a name (:func:`_name_like`; after «نادي» also a body word: «نادي [الاتحاد]») are an
    ORG; a name the tagger found there with another type is the club («نادي [برشلونة]»)."""
    by_token = {j: m for m in found for j in range(m.first, m.last + 1)}
    out = list(found)
    changed = False
    for j in range(lo, hi - 1):
        if cores[j] not in descriptors or tokens[j].has_article or j in by_token:
            continue
        k = j + 1
        inner = by_token.get(k)
        if inner is not None:
            if inner.type == "PER" and (inner.words[0] in _FAMILY_LINKS
                                        or "PER" in lex.gazetteer.get(inner.words[0], ())):
                continue  # «فريق [آل الشيخ]», «فريق [ماجد] عبدالله»: a player's team
            last = inner.last
            if inner.first == k and len(inner.words) > 1 and inner.words[-1] in lex.adjectives \
                    and inner.words[-1] not in lex.country_names:
                last -= 1  # «نادي النصر [السعودي]»: a club described by its country
            if inner.first == k and (inner.type != "ORG" or last < inner.last) \
                    and len(inner.words) <= 3:
                club = make_mention(text, tokens, inner.first, last, "ORG", inner.confidence)
                if club is not None:
                    out[out.index(inner)] = club
                    changed = True
            continue
        token, word = tokens[k], cores[k]
        if token.kind != "word" or word in lex.adjectives:
            continue
        if token.has_article:
            if not (_name_like(lex, word) or (
                    cores[j] == "نادي" and "org" in lex.triggers.get(strip_article(word), ()))):
                continue
            end = k
        else:
            end = k
            while end + 1 < hi and end + 1 - k < 2 and end + 1 not in by_token \
                    and tokens[end + 1].kind == "word" and not tokens[end + 1].has_article \
                    and not tokens[end + 1].proclitics and _name_like(lex, cores[end + 1]):
                end += 1
            if not _name_like(lex, word):
                continue
        club = make_mention(text, tokens, k, end, "ORG")
        if club is not None:
            out.append(club)
            changed = True
    return sorted(out, key=lambda m: m.start) if changed else found


def with_coordinated_complement(text: str, tokens: list[Token], cores: list[str], hi: int,
                                found: list[RawMention], lex: Lexicon,
                                stops: frozenset[str] = frozenset()) -> list[RawMention]:
    """An organisation named with a complement in «ل» goes on with a second complement joined
    by «و»: «البنك السعودي للتسليف [والادخار]», «الهيئة العامة للإعلام المرئي [والمسموع]».
    Not when a definite word follows that one («… لحقوق الإنسان والجيش [السوري]»): then «و»
    joins two phrases."""
    out = []
    for m in found:
        nxt = m.last + 1
        if m.type == "ORG" and nxt < hi and _has_lam_complement(tokens, m) \
                and _definite_after_wa(tokens[nxt]) and cores[nxt] not in stops \
                and not lex.triggers.get(strip_article(cores[nxt])) \
                and cores[nxt] not in lex.adjectives and cores[nxt] not in lex.country_names \
                and not (nxt + 1 < hi and tokens[nxt + 1].kind == "word"
                         and tokens[nxt + 1].has_article):
            wider = make_mention(text, tokens, m.first, nxt, "ORG", m.confidence)
            if wider is not None:
                out = [x for x in out if not (x.first == nxt and x.last == nxt)]
                out.append(wider)
                continue
        if out and out[-1].last >= m.first:
            continue  # the word the previous mention took in
        out.append(m)
    return out


def _has_lam_complement(tokens: list[Token], m: RawMention) -> bool:
    """Whether one of the mention's last two words after its first is a complement in «ل»
    («للتسليف», «للإعلام [المرئي]»)."""
    for j in range(max(m.first + 1, m.last - 1), m.last + 1):
        words = tokens[j].words
        if words and words[0].role == "proclitic" and words[0].form == "ل" \
                and tokens[j].has_article:
            return True
    return False


def _definite_after_wa(token: Token) -> bool:
    """«والادخار»: «و», the article and a word (no other clitic)."""
    words = token.words
    return token.kind == "word" and token.has_article and len(words) >= 2 \
        and words[0].role == "proclitic" and words[0].form == "و" \
        and words[1].role == "article"
