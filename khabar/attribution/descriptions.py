"""Descriptions that stand for a named entity: «الأمير», «وزير الخارجية», «المسؤول النقابي».

A speaker written as a role («وأضاف وزير الخارجية») is the entity of the article whose role
(``Entity.roles``, from the entity recogniser) or apposition («فلان، المسؤول النقابي في …»)
has the same head noun and every word of the description's complement or adjectives: «وزير
الخارجية» is not «وزير الداخلية»; a nationality adjective («الوزير الأردني») agrees with the
role's or the entity's country. The nearest earlier mention wins; an indefinite first mention
(«يواجه كاتب سعودي التحقيق») may name its person in the rest of its sentence or in the next.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Entity
from ..text.normalize import normalize
from .speakers import head_stem, noun_features

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .document import Doc
    from .lexicon import Lexicon
    from .phrases import Phrases

#: Words of a description that need not be in the role («السفير الروسي في الأمم المتحدة»
#: matches «السفير الروسي لدى الأمم المتحدة»).
_FUNCTION_WORDS = frozenset({"في", "من", "عن", "لدي", "الي", "علي", "ب", "ل", "و"})
#: Tokens of an apposition after a mention, at most («فلان، المسؤول النقابي في الجهة»).
_MAX_APPOSITION = 6


@dataclass(frozen=True, slots=True)
class Descriptor:
    """One way the article describes an entity: head noun, words, country."""

    head: str
    words: frozenset[str]
    country: str | None


@functools.lru_cache(maxsize=1)
def _adjectives() -> dict:
    """Nationality adjectives (normalised) → country, from the entity recogniser's lexicon."""
    from ..ner.lexicon import lexicon as ner_lexicon

    return ner_lexicon().adjectives


def country_of(norm: str) -> str | None:
    """The ISO code of a nationality adjective («الأردني» → ``"JO"``), else ``None``."""
    country = _adjectives().get(norm)
    return country.code if country is not None else None


class RoleIndex:
    """The descriptors of each entity of a document, and matching of descriptions to them."""

    def __init__(self, doc: Doc, lex: Lexicon, ph: Phrases) -> None:
        self.doc, self.lex, self.ph = doc, lex, ph
        self._cache: dict[str, tuple[Descriptor, ...]] = {}
        self._first: dict[str, int] = {}
        for start, _, entity, _ in doc.mentions:
            if start < self._first.get(entity.id, 1 << 62):
                self._first[entity.id] = start

    def _bare(self, norm: str) -> str:
        return self.lex.bare(norm)[-1]

    def _descriptor(self, norms: list[str], country: str | None) -> Descriptor | None:
        """A descriptor from the normalised words of a role, head first."""
        if not norms:
            return None
        head = self.lex.head(norms[0], self.lex.sources)
        if head is None:
            return None
        for norm in norms[1:]:
            country = country or country_of(norm)
        return Descriptor(head, frozenset(self._bare(n) for n in norms), country)

    def descriptors(self, entity: Entity) -> tuple[Descriptor, ...]:
        """Roles and appositions of ``entity`` that start with a source noun."""
        known = self._cache.get(entity.id)
        if known is not None:
            return known
        out: list[Descriptor] = []
        for role in entity.roles:
            found = self._descriptor([normalize(w) for w in role.text.split()], role.country)
            if found is not None:
                out.append(found)
        doc = self.doc
        for mention in entity.mentions[:6]:
            k = doc.token_at(mention.end - 1) + 1
            if k + 1 >= len(doc.tokens) or not doc.is_comma(k) or not \
                    doc.tokens[k + 1].has_article:
                continue
            norms: list[str] = []
            for t in range(k + 1, min(len(doc.tokens), k + 1 + _MAX_APPOSITION)):
                if doc.is_punct(t) or (doc.mention_at(t) is not None and norms):
                    break
                norms.append(doc.norm(t))
            found = self._descriptor(norms, None)
            if found is not None:
                out.append(found)
        result = tuple(out)
        self._cache[entity.id] = result
        return result

    def _same_head(self, head: str, entity: Entity) -> list[Descriptor]:
        stem = head_stem(head)
        gender = noun_features(self.lex, head)[0]
        return [d for d in self.descriptors(entity) if head_stem(d.head) == stem
                and noun_features(self.lex, d.head)[0] == gender]

    def fits(self, head: str, modifiers: list[str], entity: Entity,
             lenient: bool = False) -> bool:
        """Whether a description of ``head`` with ``modifiers`` (normalised) describes
        ``entity``: same head, each modifier in the role or agreeing in country (``lenient``:
        a nationality adjective need only not contradict it)."""
        return any(all(self._modifier_fits(m, desc, entity, lenient) for m in modifiers)
                   for desc in self._same_head(head, entity))

    def compatible(self, head: str, modifiers: list[str], entity_id: str,
                   construct: bool = False) -> bool:
        """Whether nothing on record contradicts the description for the entity.

        With a role of the same head, a clash is a complement in construct that is not the
        role's («وزير الداخلية» for «وزير الخارجية») or an adjective in «ي» that is not in it
        («الرئيس الفرنسي» for «الرئيس الأمريكي»); a definite head stops at the first other
        word that does not fit («واعتبر الوزير المؤتمر انطلاقة…»: the verb's object). With
        none, only a nationality that clashes with the entity's («هذه الباحثة» may be the
        professor named before; «الرئيس الفرنسي» is not the Jordanian minister).
        ``construct`` is for a head in construct with what follows («وزير الخارجية»).
        """
        entity = self.doc.entities.get(entity_id)
        if entity is None:
            return True
        same = self._same_head(head, entity)
        if same:
            return any(not self._clash(modifiers, desc, entity, construct) for desc in same)
        known = {d.country for d in self.descriptors(entity)} | {entity.country}
        known.discard(None)
        codes = {country_of(m) for m in modifiers} - {None}
        return not known or not codes or bool(codes & known)

    def _clash(self, modifiers: list[str], desc: Descriptor, entity: Entity,
               construct: bool) -> bool:
        for i, norm in enumerate(modifiers):
            if self._modifier_fits(norm, desc, entity, True):
                continue
            if i == 0 and construct:
                return True
            bare = self._bare(norm)
            if bare in self.lex.free_modifiers:
                continue
            return len(bare) > 3 and bare.endswith(("ي", "يه"))
        return False

    def _modifier_fits(self, norm: str, desc: Descriptor, entity: Entity,
                       lenient: bool) -> bool:
        bare = self._bare(norm)
        if bare in desc.words or norm in _FUNCTION_WORDS or bare in _FUNCTION_WORDS or \
                bare in self.lex.free_modifiers:
            return True
        code = country_of(norm)
        if code is None:
            return False
        if lenient and desc.country is None and entity.country is None:
            return True
        return code in (desc.country, entity.country)

    def earlier(self, head: str, modifiers: list[str], before: Iterable[Entity]
                ) -> Entity | None:
        """The first of ``before`` (latest mention first) that the description fits."""
        for entity in before:
            if entity.type in ("PER", "ORG") and self.fits(head, modifiers, entity):
                return entity
        return None

    def introduced_after(self, head: str, modifiers: list[str], offset: int, s: int
                         ) -> Entity | None:
        """A person first named after ``offset``, in the rest of sentence ``s`` or the next,
        that the (indefinite) description fits («يواجه كاتب سعودي التحقيق… الكاتب فلان»)."""
        sentences = self.doc.analysis.sentences
        if not sentences:
            return None
        end = sentences[min(s + 1, len(sentences) - 1)].end
        best: tuple[int, Entity] | None = None
        for entity in self.doc.analysis.entities:
            first = self._first.get(entity.id)
            if entity.type != "PER" or first is None or not offset <= first < end:
                continue
            if (best is None or first < best[0]) and self.fits(head, modifiers, entity, True):
                best = (first, entity)
        return best[1] if best is not None else None
