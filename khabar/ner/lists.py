"""Names found from their neighbours (found on a fourth sample of real news).

- a list of names joined by «،» or «و» names its untagged members with the list's type:
  «(الرياض، جدة، [الطائف]، المدينة المنورة)», «صلاح و[ماني] وفيرمينو»;
- a city the tagger took for a place is the club in a sports article when a mention of it
  stands where only a team can («أمام [إشبيلية]», «منافسه [روما]»);
- a letter the segmenter took off a name's first word as a proclitic is the name's own when
  the whole word is a name in the news («فريق [بوروسيا] دورتموند», «خسر [بالاس]»).
"""

from __future__ import annotations

import dataclasses
import re

from ..model import Token, Word
from ..text.normalize import normalize
from .lexicon import Lexicon, strip_article
from .mentions import RawMention, make_mention
from .patterns import _person_like, _place_like

_COMMAS = frozenset({"،", ","})
_SCORE = re.compile(r"^\d{1,2}\s*[-–]\s*\d{1,2}$")


def is_name_word(lex: Lexicon, word: str) -> bool:
    """A word the tagger named at least half of the times it saw it in the news, five times
    or more («بوروسيا», «بالاس», «فان»)."""
    counts = lex.silver_counts(word)
    if counts is None:
        return False
    named = sum(counts[:4])
    return named >= 5 and named * 2 >= counts[4]


def name_letter(token: Token) -> Word | None:
    """The proclitic «ب», «ف», «ك» or «ل» the segmenter took off a token, which may be the first
    letter of a name («ب[وروسيا]», «ب[رايس]»), or ``None``."""
    proclitics = [w for w in token.words if w.role == "proclitic"]
    if proclitics and proclitics[-1].form in ("ب", "ف", "ك", "ل"):
        return proclitics[-1]
    return None


def proclitic_in_name(text: str, tokens: list[Token], mention: RawMention,
                      lex: Lexicon) -> RawMention:
    """«فريق ب[وروسيا] دورتموند» → «بوروسيا دورتموند», «كريستال [ب]الاس» → «كريستال بالاس»:
    the «ب», «ف», «ك» or «ل» the segmenter took off a word of the name is part of it when the
    whole word is itself a name in the news (:func:`is_name_word`); «بروسيا», never seen
    whole, stays «ب» + «روسيا»."""
    words = list(mention.words)
    start = mention.start
    k = 0
    for i in range(mention.first, mention.last + 1):
        token = tokens[i]
        if token.kind in ("punct", "symbol"):
            continue
        letter = name_letter(token)
        if letter is not None and (k > 0 or start == token.core_start) and k < len(words):
            whole = normalize(text[letter.start : token.end])
            if is_name_word(lex, whole):
                words[k] = whole
                if k == 0:
                    start = letter.start
        k += 1
    if tuple(words) == mention.words:
        return mention
    return dataclasses.replace(mention, start=start, words=tuple(words))


def _slot_kind(lex: Lexicon, token: Token, core: str, kind: str, strict: bool) -> bool:
    """Whether an untagged word can be a member of a list of names of ``kind``."""
    if token.kind != "word" or len(core) < 3 or core in lex.adjectives:
        return False
    if any(w.role == "enclitic" for w in token.words):
        return False
    counts = lex.silver_counts(core)
    if kind == "PER":
        # seen in names in the news: «[مسبح] و[مستغفر]» after a tagged word is no list of names
        return not token.has_article and counts is not None and _person_like(lex, core) \
            and not strict
    if not _place_like(lex, core):
        return False
    if counts is None:
        if strict:
            return False
        # «[أعلنوا]»: a verb the tagger never named is frequent; «صبيا» is rare
        return "LOC" in lex.gazetteer.get(core, ()) or (lex.frequency_band(core) or 99) >= 13
    per, loc, org = counts[0], counts[1], counts[2]
    if strict:  # a list of two: a well-known place only («موسكو و[أنقرة]»)
        return loc >= 20 and loc * 3 >= counts[4] and loc >= 5 * (per + org)
    if "LOC" in lex.gazetteer.get(core, ()):
        return True
    # named a place a tenth of the time at least («[اللتين]» was, 3 times in 151), half of
    # the time with «ال» («الدخل المتدني أو [المتوسط]»)
    share = 2 if token.has_article else 10
    return loc > 0 and loc >= per + org and loc * share >= counts[4]


def list_members(text: str, tokens: list[Token], cores: list[str],
                 mentions: list[RawMention], lex: Lexicon) -> list[RawMention]:
    """Untagged members of lists of places or persons: slots (a mention, or one untagged
    word) joined by a comma or a «و» on the next slot. A list of three or more whose tagged
    members are mostly of one type (two or more, LOC or PER) names the others that can be
    of that type; a list of two names a well-known place after or before a place. Lists are
    walked from the mentions only, so the cost follows the mentions, not the text."""
    by_first = {m.first: m for m in mentions}
    by_last = {m.last: m for m in mentions}
    covered = {i for m in mentions for i in range(m.first, m.last + 1)}
    n = len(tokens)

    def slot_at(first: int, last: int) -> tuple[int, int, str | None] | None:
        """The slot starting at ``first`` (or, with ``last``, ending there)."""
        if last >= 0:
            m = by_last.get(last)
            if m is not None:
                return (m.first, m.last, m.type)
            first = last
        else:
            m = by_first.get(first)
            if m is not None:
                return (m.first, m.last, m.type)
        if 0 <= first < n and first not in covered and tokens[first].kind == "word":
            return (first, first, None)
        return None

    def join_after(slot) -> tuple[str, int] | None:
        k = slot[1] + 1
        if k < n and tokens[k].text in _COMMAS:
            return ",", k + 1
        if k < n and tokens[k].kind == "word" and tokens[k].proclitics.startswith("و"):
            return "و", k
        return None

    found: list[RawMention] = []
    done: set[int] = set()
    for m in sorted(mentions, key=lambda x: x.first):
        if m.first in done:
            continue
        chain: list[tuple[int, int, str | None]] = [(m.first, m.last, m.type)]
        joins: list[str] = []
        sentence = tokens[m.first].sentence
        while len(chain) < 40:  # leftwards
            head = chain[0][0]
            if tokens[head].proclitics.startswith("و"):
                link, end = "و", head - 1
            elif head >= 1 and tokens[head - 1].text in _COMMAS:
                link, end = ",", head - 2
            else:
                break
            slot = slot_at(-1, end) if end >= 0 else None
            if slot is None or tokens[slot[0]].sentence != sentence:
                break
            chain.insert(0, slot)
            joins.insert(0, link)
        while len(chain) < 80:  # rightwards
            nxt = join_after(chain[-1])
            slot = slot_at(nxt[1], -1) if nxt is not None else None
            if slot is None or tokens[slot[0]].sentence != sentence:
                break
            chain.append(slot)
            joins.append(nxt[0])
        done.update(first for first, _, kind in chain if kind is not None)
        found += _name_members(text, tokens, cores, chain, joins, lex)
    return found


def _name_members(text: str, tokens: list[Token], cores: list[str],
                  chain: list[tuple[int, int, str | None]], joins: list[str],
                  lex: Lexicon) -> list[RawMention]:
    if len(chain) < 2 or all(kind is not None for _, _, kind in chain):
        return []
    counts: dict[str, int] = {}
    for _, _, kind in chain:
        if kind is not None:
            counts[kind] = counts.get(kind, 0) + 1
    if not counts:
        return []
    kind, best = max(counts.items(), key=lambda x: x[1])
    others = sum(counts.values()) - best
    if kind not in ("LOC", "PER"):
        return []
    if len(chain) == 2:
        if kind != "LOC" or joins[0] != "و":
            return []
        strict = True
    elif best < 2 or others >= best:
        return []
    else:
        strict = False
    out = []
    for first, _, slot_kind in chain:
        if slot_kind is None and _slot_kind(lex, tokens[first], cores[first], kind, strict):
            mention = make_mention(text, tokens, first, first, kind)
            if mention is not None:
                out.append(mention)
    return out


def _sports(cores: list[str], sports_words: frozenset[str]) -> bool:
    """Whether three words of the text or more are sports words."""
    n = 0
    for core in cores:
        if core in sports_words or (core.startswith("ال") and core[2:] in sports_words):
            n += 1
            if n >= 3:
                return True
    return False


def clubs_in_sports(tokens: list[Token], cores: list[str], mentions: list[RawMention],
                    lex: Lexicon, sports_words: frozenset[str],
                    club_cues: frozenset[str]) -> None:
    """In a sports article (three sports words or more), a one-word city the tagger named a
    place (no «ال», not a country; an organisation in the gazetteer or a tenth of the time in
    the news) with a mention where only a team stands («أمام [إشبيلية]», «منافسه [روما]»,
    «[روما] 2-1») is the club: its mentions become ORG, but those after «في» or a place noun
    or with «ب» («في روما», «بروما») stay places."""
    candidates: dict[str, list[RawMention]] = {}
    for m in mentions:
        if m.type == "LOC" and len(m.words) == 1 and not tokens[m.first].has_article \
                and m.words[0] not in lex.country_names:
            candidates.setdefault(m.words[0], []).append(m)
    if not candidates:
        return
    if not _sports(cores, sports_words):
        return
    for word, group in candidates.items():
        counts = lex.silver_counts(word)
        if "ORG" not in lex.gazetteer.get(word, ()) and not (
                counts is not None and counts[2] * 10 >= counts[1] and counts[2] >= 5):
            continue
        if not any(_team_slot(tokens, cores, m, club_cues) for m in group):
            continue
        for m in group:
            before = cores[m.first - 1] if m.first > 0 else ""
            if "ب" in tokens[m.first].proclitics or before in ("في", "مدينه", "العاصمه"):
                continue
            m.type = "ORG"


def _team_slot(tokens: list[Token], cores: list[str], m: RawMention,
               club_cues: frozenset[str]) -> bool:
    if tokens[m.first].proclitics.replace("و", ""):
        return False
    if m.first > 0 and strip_article(cores[m.first - 1]) in club_cues:
        return True
    nxt = m.last + 1
    return nxt < len(tokens) and bool(_SCORE.match(tokens[nxt].text))


def _stem(token: Token) -> str:
    """The token's stem, normalised, without «ال» («فريقه» → «فريق»)."""
    stem = token.stem
    return strip_article(normalize(stem.form)) if stem is not None else ""


def common_word_clubs(text: str, tokens: list[Token], cores: list[str],
                      mentions: list[RawMention], lex: Lexicon, clubs: frozenset[str],
                      cues: frozenset[str], sports_words: frozenset[str]) -> list[RawMention]:
    """Clubs named by a common word («الهلال», «الاتحاد», «المصري»), untagged, in a sports
    article: after a cue («أمام [الهلال]», «فريقه [الترجي]»), after «فاز … على», or after «و»
    right after a club so found («أندية [العين] و[الوحدة] و[الوصل]»); not before a nationality
    adjective or «لكرة» («الاتحاد المصري لكرة القدم» is the federation)."""
    if clubs.isdisjoint(cores) or not _sports(cores, sports_words):
        return []
    covered = {i for m in mentions for i in range(m.first, m.last + 1)}
    found: list[RawMention] = []
    last_club = -2
    for i, token in enumerate(tokens):
        if i in covered or token.kind != "word" or not token.has_article \
                or cores[i] not in clubs or token.proclitics.replace("و", "") not in ("", "ل"):
            continue
        nxt = cores[i + 1] if i + 1 < len(tokens) else ""
        if nxt in lex.adjectives or nxt == "لكره":
            continue
        prev = tokens[i - 1] if i > 0 else None
        # «اللاعب [المصري]» is an Egyptian player: a cue with «ال» takes an adjective
        cued = prev is not None and prev.kind == "word" and prev.sentence == token.sentence \
            and not prev.has_article and (_stem(prev) in cues or cores[i - 1] in cues)
        if not cued and prev is not None and cores[i - 1] == "علي":
            cued = any(strip_article(cores[j]) in ("فوز", "فاز", "تغلب")
                       for j in range(max(0, i - 5), i - 1) if tokens[j].sentence == token.sentence)
        if not cued and last_club == i - 1 and token.proclitics.startswith("و"):
            cued = True
        if cued:
            mention = make_mention(text, tokens, i, i, "ORG")
            if mention is not None:
                found.append(mention)
                last_club = i
    return found
