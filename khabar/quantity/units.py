"""What follows a number: a percent sign, a currency, a unit of measure or a counted noun.

The lists are in ``khabar/data/ar/units.yaml``. A counted noun is reported in the singular:
the accusative «هجوما» → «هجوم», a sound plural «مسلحين» → «مسلح», «طائرات» → «طائرة», a
broken plural from the list («جنود» → «جندي»).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from ..resources import load_yaml
from ..text.normalize import normalize, normalize_with_map
from ..time.lexicon import phrase_key as _key

_MAX_UNIT = 4


@dataclass(frozen=True, slots=True)
class UnitEntry:
    """A unit: its reported name, kind (money, measure, percent) and currency code."""

    name: str
    kind: str
    currency: str | None = None
    #: Nationality adjective (normalised, without ال or the feminine ending) → currency code.
    by_country: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Units:
    """The unit lexicon, keyed by tuples of normalised tokens."""

    entries: dict[tuple[str, ...], UnitEntry]
    plurals: dict[str, str]
    not_counted: frozenset[str]
    names_before: frozenset[str] = frozenset()

    def match(self, norms: Sequence[str], k: int) -> tuple[UnitEntry, int] | None:
        """The longest unit starting at ``norms[k]``: ``(entry, end)``."""
        for length in range(min(_MAX_UNIT, len(norms) - k), 0, -1):
            entry = self.entries.get(tuple(norms[k : k + length]))
            if entry is not None:
                return entry, k + length
        return None


@functools.cache
def units() -> Units:
    """The unit lexicon, built on first use."""
    data = load_yaml("units")
    entries: dict[tuple[str, ...], UnitEntry] = {}
    for name, spec in data["currencies"].items():
        by_country = tuple((adjective_key(a), c) for a, c in (spec.get("by_country") or {})
                           .items())
        entry = UnitEntry(name, "money", spec.get("code"), by_country)
        for form in spec["forms"]:
            entries.setdefault(_key(form), entry)
    for name, forms in data["measures"].items():
        entry = UnitEntry(name, "measure")
        for form in forms:
            entries.setdefault(_key(form), entry)
    percent = UnitEntry("%", "percent")
    for form in data["percent"]:
        entries.setdefault(_key(form), percent)
    plurals = {normalize(p): singular for singular, forms in data["plurals"].items()
               for p in forms}
    not_counted = frozenset(normalize(w) for w in data["not_counted"])
    names_before = frozenset(normalize(w) for w in data["names_before_number"])
    return Units(entries, plurals, not_counted, names_before)


@functools.lru_cache(maxsize=50_000)
def adjective_key(word: str) -> str:
    """A nationality adjective without ال and the feminine ending: «الأميركية» → «اميركي»."""
    key = normalize(word)
    if key.startswith("ال") and len(key) > 4:
        key = key[2:]
    if key.endswith("ه") and len(key) > 3:
        key = key[:-1]
    return key


@functools.cache
def learned_singulars() -> dict[str, str]:
    """Plurals in «ات» whose singular is not «…ة» (``khabar train unit-singulars``)."""
    import gzip

    from ..errors import ModelError
    from ..resources import model_path

    path = model_path("unit-singulars.tsv.gz")
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return dict(line.rstrip("\n").split("\t", 1) for line in fh if "\t" in line)
    except (OSError, ValueError, EOFError) as exc:
        raise ModelError(f"{path}: damaged ({exc}); rebuild it with "
                         "`khabar train unit-singulars`") from None


@functools.lru_cache(maxsize=100_000)
def singular(surface: str, plural_expected: bool) -> str:
    """The singular of a counted noun as written (diacritics off): «هجوما» → «هجوم»."""
    bare = normalize_with_map(surface, strip_only=True).text
    key = normalize(bare)
    mapped = units().plurals.get(key)
    if mapped is not None:
        return mapped
    if key.endswith("ا") and len(key) > 3 and not key.endswith("اا"):
        bare = bare[:-1]
        key = key[:-1]
        mapped = units().plurals.get(key)
        return mapped if mapped is not None else bare
    if plural_expected and len(key) >= 5:
        if key.endswith(("ين", "ون")):
            return bare[:-2]
        if key.endswith("ات") and not (key[0] == "ا" and len(key) == 5):
            return learned_singulars().get(key) or bare[:-2] + "ة"
    return bare
