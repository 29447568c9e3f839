"""Entities from a gold file, for measuring attribution apart from the entity recogniser.

``GoldEntities`` is a pipeline step that provides ``entities`` by copying them from a
``khabar.gold/1`` annotation of the same text (ids in order of first mention, name = the gold
name, roles attached by entity name). Used by ``bench/attribution.py`` and the tests to tell
attribution errors from entity errors; the real pipeline uses the trained recogniser.
"""

from __future__ import annotations

from typing import Any

from ..errors import GoldError
from ..model import Analysis, Entity, Mention, Role
from ..options import Options


class GoldEntities:
    """Fills ``analysis.entities`` from a gold annotation (the text must be the gold text)."""

    name = "entities"
    needs = frozenset({"tokens"})
    provides = frozenset({"entities"})

    def __init__(self, options: Options, gold: dict[str, Any] | None = None) -> None:
        self.gold = gold

    def __call__(self, analysis: Analysis) -> None:
        gold = self.gold
        if gold is None:
            return
        if gold.get("text") != analysis.text:
            raise GoldError("gold entities belong to another text")
        analysis.entities = gold_entities(gold)


def gold_entities(gold: dict[str, Any]) -> list[Entity]:
    """The entities of a gold file as model objects, ``E1``… in order of first mention."""
    text = gold["text"]
    items = [e for e in gold.get("entities", []) if e.get("mentions")]
    items.sort(key=lambda e: min(m[0] for m in e["mentions"]))
    roles: dict[str, list[Role]] = {}
    for role in gold.get("roles", []):
        s, e = role["role"]
        roles.setdefault(role["entity"], []).append(Role(s, e, text[s:e]))
    out = []
    for i, item in enumerate(items, start=1):
        mentions = [Mention(s, e, text[s:e]) for s, e in sorted(item["mentions"])]
        out.append(Entity(f"E{i}", item["type"], item["name"], mentions,
                          roles.get(item["name"], [])))
    return out
