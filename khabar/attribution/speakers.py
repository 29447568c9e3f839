"""Speakers: who a description or a verb with no subject refers to.

A :class:`Referent` is someone who has spoken (or been mentioned) so far: a named entity or a
description («مسؤول دفاعي أميركي كبير»), with the gender and number the text shows for it. The
:class:`Discourse` keeps them in order and resolves

- definite descriptions («المسؤول الدفاعي الأميركي», «الصحيفة», «المتحدث», «هؤلاء المسؤولون»)
  to the latest earlier referent with the same head noun, or to an entity whose title or
  apposition has it («جون كيربي المتحدث باسم البنتاغون»);
- verbs with no subject («وأوضح أن…») to the latest earlier speaker the verb agrees with.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from ..model import Entity
from .lexicon import Lexicon

_PLURAL_SUFFIXES = ("ون", "ين")


@dataclass(slots=True)
class Referent:
    """Someone who can be the speaker of a quote."""

    name: str
    entity: str | None = None
    anonymous: bool = False
    #: ``m``, ``f`` or ``None`` (unknown); ``number`` is ``s``, ``d``, ``p`` or ``None``.
    gender: str | None = None
    number: str | None = "s"
    #: Whether a plural is of things or groups (agrees with a feminine singular verb).
    nonhuman: bool = False
    #: Normalised head nouns it can be called by («مسءول», «صحيفه», «متحدث»).
    heads: frozenset[str] = frozenset()
    #: Normalised words of its description, for choosing among referents with the same head.
    words: frozenset[str] = frozenset()
    #: Who relayed what it said, if it was quoted through someone.
    via: Referent | None = None
    #: Sentence index where it last spoke or was mentioned.
    sentence: int = -1
    position: int = -1
    reason: str | None = None
    extra: dict = field(default_factory=dict)


@functools.lru_cache(maxsize=50_000)
def head_stem(word: str) -> str:
    """A head noun without its plural or feminine ending: مسءولون → مسءول, متحدثه → متحدث."""
    for suffix in _PLURAL_SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)]
    if word.endswith("ات") and len(word) > 4:
        return word[:-2]
    if word.endswith("ه") and len(word) > 3:
        return word[:-1]
    return word


def noun_features(lex: Lexicon, head: str) -> tuple[str | None, str, bool]:
    """Gender, number and non-humanness of a description from its (bare, normalised) head."""
    if head in lex.broken_plurals:
        return None, "p", head not in lex.people
    if head.endswith(_PLURAL_SUFFIXES) and len(head) > 4:
        return "m", "p", False
    if head.endswith("ات") and len(head) > 4:
        return "f", "p", True
    if head.endswith("ه"):
        return "f", "s", False
    return "m", "s", False


def agrees(gender: str | None, number: str, ref: Referent, full: bool) -> bool:
    """Whether a verb of ``gender``/``number`` can have ``ref`` as its subject.

    ``full`` is for a verb after its subject or with none (full agreement: «أكدوا» needs a
    plural); a verb before its subject agrees in gender only («قالت المصادر», «قال مسؤولون»).
    """
    if gender is None:
        return True
    if ref.number == "p":
        if ref.nonhuman:
            return gender == "f" and number == "s"
        if full:
            return number in ("p", "d") or (gender == "f" and number == "s" and ref.nonhuman)
        return ref.gender is None or gender == ref.gender
    if full and number in ("p", "d"):
        return ref.number in ("p", "d")
    return ref.gender is None or ref.gender == gender


class Discourse:
    """Referents in order of appearance, with resolution of descriptions and zero subjects."""

    def __init__(self, lex: Lexicon, context_heads, entities: list[Entity] | None = None) -> None:
        self.lex = lex
        self.speakers: list[Referent] = []
        self.by_entity: dict[str, Referent] = {}
        self._context_heads = context_heads
        self._entities = entities or []

    def _full_name(self, entity: Entity) -> Entity | None:
        """The person named in full earlier when ``entity`` is a lone surname the recogniser
        did not join to it («سلامة» after «نادين سلامة»)."""
        name = entity.name.strip()
        if entity.type != "PER" or " " in name or not entity.mentions:
            return None
        first = entity.mentions[0].start
        for other in self._entities:
            if other is not entity and other.type == "PER" and other.mentions and \
                    other.mentions[0].start < first and other.name.split()[-1:] == [name]:
                return other
        return None

    def mark(self) -> tuple[list[Referent], dict[str, Referent], list]:
        """A snapshot to :meth:`restore` when a candidate quote is given up."""
        return (list(self.speakers), dict(self.by_entity),
                [(r, r.sentence, r.position, r.heads, r.gender, r.via) for r in self.speakers])

    def restore(self, mark: tuple[list[Referent], dict[str, Referent], list]) -> None:
        """Undo what happened since :meth:`mark`."""
        self.speakers, self.by_entity, state = list(mark[0]), dict(mark[1]), mark[2]
        for ref, sentence, position, heads, gender, via in state:
            ref.sentence, ref.position, ref.heads, ref.gender, ref.via = (
                sentence, position, heads, gender, via)

    def add(self, ref: Referent) -> Referent:
        """Record ``ref`` as the latest speaker; an entity keeps one referent."""
        if ref.entity is not None:
            known = self.by_entity.get(ref.entity)
            if known is not None:
                known.sentence, known.position = ref.sentence, ref.position
                if ref.gender and not known.gender:
                    known.gender = ref.gender
                known.heads = known.heads | ref.heads
                ref = known
            else:
                self.by_entity[ref.entity] = ref
        if ref in self.speakers:
            self.speakers.remove(ref)
        self.speakers.append(ref)
        return ref

    def by_words(self, words: frozenset[str]) -> Referent | None:
        """The latest speaker whose description has all of ``words`` («الزمهري»)."""
        if not words:
            return None
        for ref in reversed(self.speakers):
            if words <= ref.words:
                return ref
        return None

    def entity_referent(self, entity: Entity, gender: str | None) -> Referent:
        """The referent of a named entity (made on first use)."""
        known = self.by_entity.get(entity.id)
        if known is not None:
            if gender and not known.gender:
                known.gender = gender
            return known
        full = self._full_name(entity)
        if full is not None:
            entity = full
            known = self.by_entity.get(entity.id)
            if known is not None:
                return known
        heads = frozenset(self._context_heads(entity))
        ref = Referent(entity.name, entity.id, False, gender, "s", entity.type != "PER", heads)
        ref.extra["type"] = entity.type
        if entity.type == "PER":
            ref.nonhuman = False
        return ref

    def resolve_description(self, head: str, gender: str | None, number: str,
                            words: frozenset[str], entities_before,
                            entity_ok=None) -> Referent | None:
        """The earlier referent a definite description refers to, if one fits.

        ``entity_ok(entity_id)``, when given, rejects an entity whose roles contradict the
        description's words («وزير الداخلية» is not the one whose role is «وزير الخارجية»).
        """
        stem = head_stem(head)
        best: Referent | None = None
        best_score = 0
        for age, ref in enumerate(reversed(self.speakers)):
            if not any(head_stem(h) == stem for h in ref.heads):
                continue
            if number == "s" and gender and ref.gender and ref.gender != gender \
                    and not ref.nonhuman:
                continue
            if (ref.number == "p") != (number == "p") and ref.entity is None:
                continue
            if ref.extra.get("coordinated") and not ref.words <= words:
                continue  # «الشرطة وهيئة الأوراق المالية», then «الشرطة» alone
            if ref.entity is not None and entity_ok is not None and not entity_ok(ref.entity):
                continue
            score = 10 + len(words & ref.words) * 3 - age
            if score > best_score:
                best, best_score = ref, score
        if best is not None:
            return best
        if words - {head}:
            return None  # «الحكومة البحرينية» is not «حكومة سوريا» named earlier
        for entity in entities_before():
            if any(head_stem(h) == stem for h in self._context_heads(entity)):
                ref = self.entity_referent(entity, None)
                if number == "s" and gender and ref.gender and ref.gender != gender:
                    continue
                return ref
        return None

    def latest_person(self, gender: str | None, unit: int, window: int = 2) -> Referent | None:
        """The latest named person who spoke within ``window`` units, of ``gender``."""
        for ref in reversed(self.speakers):
            if unit - ref.sentence > window:
                break
            if (ref.entity is not None or ref.extra.get("named")) and not ref.nonhuman \
                    and ref.gender == gender:
                return ref
        return None

    def resolve_zero(self, gender: str | None, number: str, sentence: int, continuing: bool,
                     first_in_previous, window: int = 4) -> Referent | None:
        """The subject of a verb with no subject of its own («وأوضح أن…»).

        ``continuing`` verbs («وأضاف», «وتابع») go on with the latest speaker first.
        """
        recent = [r for r in reversed(self.speakers) if sentence - r.sentence <= window]
        # A speaker of this sentence or of the one before comes first.
        for ref in recent:
            if (continuing or sentence - ref.sentence <= 1) and agrees(gender, number, ref,
                                                                         True):
                return ref
        # Else the subject of the sentence before: its first person or organisation.
        candidate = first_in_previous(gender, number)
        if candidate is not None:
            return candidate
        for ref in recent:
            if agrees(gender, number, ref, True):
                return ref
        return None
