"""In-document coreference of name variants: which mentions name the same entity.

Mentions are taken in text order; a mention joins an earlier entity when

- it is the same name (after normalisation), or names the same country («أميركا», «الولايات
  المتحدة») or the same well-known organisation or place («حماس», «حركة حماس»;
  ``organisations.yaml``, ``places.yaml``);
- it stands in parentheses right after a mention of it («وزارة الدفاع الأميركية (البنتاغون)»),
  or the article equates them another way that the parentheses rule covers (acronyms);
- for a person, it is part of the full name (a surname «أوستن» after «لويد أوستن», or a full name
  after the surname alone); for a place or an organisation, it is the first word of a longer name
  of the same type («الولايات» after or before «الولايات المتحدة»).

The entity's type is the vote of its mentions, and its name the fullest form the article uses.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..model import Token
from .lexicon import Lexicon
from .mentions import RawMention


@dataclass(slots=True)
class Group:
    """Mentions found to name one entity."""

    mentions: list[RawMention] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    country: str | None = None
    #: The words of its longest mention (the first one on a tie).
    longest: tuple[str, ...] = ()

    def add(self, mention: RawMention) -> None:
        """Add a mention."""
        self.mentions.append(mention)
        if len(mention.words) > len(self.longest):
            self.longest = mention.words

    @property
    def first_type(self) -> str:
        """The type of its first mention (what it was while being grouped)."""
        return self.mentions[0].type

    @property
    def type(self) -> str:
        """The type most of its mentions were tagged with (the first one's on a tie)."""
        votes: Counter[str] = Counter()
        for m in self.mentions:
            votes[m.type] += m.confidence
        best = max(votes.values())
        for m in self.mentions:
            if votes[m.type] == best:
                return m.type
        return self.mentions[0].type


def _is_part(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """Whether ``part`` is a contiguous run of ``whole`` (and shorter)."""
    n = len(part)
    if n >= len(whole):
        return False
    return any(whole[i : i + n] == part for i in range(len(whole) - n + 1))


def group_mentions(mentions: list[RawMention], tokens: list[Token],
                   lex: Lexicon) -> list[Group]:
    """Groups of coreferent mentions, in order of first mention."""
    generic = lex.definite_org_heads
    groups: list[Group] = []
    by_key: dict[str, Group] = {}
    by_country: dict[str, Group] = {}
    previous: RawMention | None = None
    previous_group: Group | None = None
    for m in sorted(mentions, key=lambda x: x.start):
        key = " ".join(m.words)
        country = lex.country_names.get(key)
        known = lex.known_names.get(key)
        if known is None and m.last > m.first:
            # «المنظمة الدولية [للشرطة] الجنائية»: the words after the first as written
            known = lex.known_names.get(" ".join((m.words[0], *(
                tokens[j].norm for j in range(m.first + 1, m.last + 1)))))
        target = by_key.get(key)
        if target is None and country is not None:
            target = by_country.get(country.code)
        if target is None and known is not None:
            target = by_key.get("known:" + known[0])
        if target is None and previous is not None and previous_group is not None \
                and (known is None or known[1] == previous.type) \
                and _in_parentheses_after(m, previous, tokens):
            # «الولايات المتحدة (CNN)»: a well-known name of another type is not a short form
            target = previous_group
        if target is None:
            target = _partial_match(m, groups, generic)
        if target is None:
            target = Group()
            groups.append(target)
        target.add(m)
        target.keys.add(key)
        by_key.setdefault(key, target)
        if known is not None:
            by_key.setdefault("known:" + known[0], target)
        if country is not None and target.country is None and m.type == "LOC":
            target.country = country.code
            by_country.setdefault(country.code, target)
        previous, previous_group = m, target
    return _merge_late_full_names(groups)


def _in_parentheses_after(m: RawMention, previous: RawMention, tokens: list[Token]) -> bool:
    """«X (M)»: the mention is alone in parentheses right after the previous mention."""
    before, after = m.first - 1, m.last + 1
    return (before - 1 == previous.last and after < len(tokens)
            and tokens[before].text in "([" and tokens[after].text in ")]")


def _partial_match(m: RawMention, groups: list[Group], generic: frozenset[str]) -> Group | None:
    """The latest group this mention names by part of its name (or the reverse).

    ``generic`` holds organisation heads with «ال» («النادي», «الحزب») that a short form drops.
    """
    words = m.words
    for group in reversed(groups):
        gtype = group.first_type
        longest = group.longest
        if gtype == "PER" and len(words) == 1 and len(longest) > 1 and words[0] == longest[-1]:
            return group  # a surname, whatever type the tagger gave it
        if gtype == "PER" and 1 < len(words) < len(longest) and words[0] in _FAMILY_LINKS \
                and words == longest[-len(words):]:
            m.type = "PER"
            return group  # «آل الشيخ» after «تركي آل الشيخ», whatever type the tagger gave it
        if gtype == "PER" and m.type == "PER" and len(words) == 1 \
                and _spelling_variant(words[0], longest[-1]):
            return group  # «نتانياهو» after «بنيامين نتنياهو»
        if gtype != m.type:
            continue
        if gtype == "PER":
            if _is_part(words, longest) or _is_part(longest, words):
                return group
            if len(words) == 2 and len(longest) > 2 and words[0] == longest[0] \
                    and words[1] == longest[-1] and longest[1] in _FAMILY_LINKS:
                return group  # «سعود الزيد» after «سعود بن فهد الزيد»
        elif gtype in ("LOC", "ORG") and len(longest) > 1 and len(words) == 1 \
                and words[0] == longest[0] and len(words[0]) > 3:
            return group
        elif gtype == "ORG" and len(words) == 1 and len(longest) == 2 \
                and words[0] == longest[1] and longest[0] in generic:
            return group  # «الأهلي» after «النادي الأهلي»
        elif gtype == "ORG" and len(words) == 1 and len(longest) == 2 \
                and words[0] == longest[1] and len(words[0]) > 3 \
                and not words[0].startswith("ال"):
            return group  # «يونايتد» after «مانشستر يونايتد»
    return None


_LONG_VOWELS = str.maketrans("", "", "اويى")
#: Words that start a family name («آل الشيخ», «أبو ريدة»), normalised.
_FAMILY_LINKS = frozenset({"ال", "بن", "ابن", "ابو"})


def _spelling_variant(a: str, b: str) -> bool:
    """Two spellings of one long foreign surname that differ only in their long vowels
    («نتانياهو» / «نتنياهو», «لوبيتيجي» / «لوبيتجي»); short names are left alone («سلمان» is
    not «سليمان»)."""
    return a != b and len(a) >= 6 and len(b) >= 6 and a[0] == b[0] \
        and a[1:].translate(_LONG_VOWELS) == b[1:].translate(_LONG_VOWELS)


def _merge_late_full_names(groups: list[Group]) -> list[Group]:
    """A place or organisation named by its first word before its full name: one entity; so is
    a surname, whatever type the tagger gave it, before the person's full name («يونكر» …
    «جان كلود يونكر»)."""
    out: list[Group] = []
    for group in groups:
        longest = group.longest
        if group.type == "PER" and len(longest) > 1 and len(longest[-1]) > 3:
            for earlier in [g for g in out if g.longest == (longest[-1],)]:
                for m in earlier.mentions:
                    m.type = "PER"
                    group.add(m)
                group.keys |= earlier.keys
                out.remove(earlier)
        merged = False
        if group.type in ("LOC", "ORG") and len(longest) > 1:
            for earlier in out:
                if earlier.type == group.type and len(earlier.longest) == 1 \
                        and earlier.longest[0] == longest[0] and len(longest[0]) > 3:
                    for m in group.mentions:
                        earlier.add(m)
                    earlier.keys |= group.keys
                    earlier.country = earlier.country or group.country
                    merged = True
                    break
        if not merged:
            out.append(group)
    for group in out:
        group.mentions.sort(key=lambda x: x.start)
    return out
