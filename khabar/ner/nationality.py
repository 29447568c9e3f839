"""Nationality adjectives («أميركي», «العراقية») and the countries they point to.

An adjective is not a mention of its country: it is a property of the phrase it is in. khabar
records it on that phrase — a role («وزير الدفاع الأميركي» → ``Role.country = "US"``), an
organisation's name («وزارة الدفاع الأميركية» → ``Entity.country``) — and, when the article
names the country, on the country's entity as ``Entity.adjectives``.
"""

from __future__ import annotations

from ..model import Token
from ..text.normalize import normalize
from .lexicon import Country, Lexicon, lexicon
from .mentions import core_span


def find_adjectives(tokens: list[Token], cores: list[str],
                    lex: Lexicon) -> list[tuple[int, int, int, Country]]:
    """``(token index, start, end, country)`` of each nationality adjective.

    ``cores`` holds each token's normalised form without proclitics. Two-word adjectives
    («الكوري الجنوبي») are matched before one-word ones.
    """
    out: list[tuple[int, int, int, Country]] = []
    adjectives = lex.adjectives
    i, n = 0, len(tokens)
    while i < n:
        word = cores[i]
        if not word:
            i += 1
            continue
        if i + 1 < n and cores[i + 1]:
            pair = word + " " + cores[i + 1]
            if pair in adjectives:
                out.append((i, core_span(tokens[i])[0], tokens[i + 1].end, adjectives[pair]))
                i += 2
                continue
        country = adjectives.get(word)
        if country is not None and (word not in lex.country_names or i == 0
                                    or tokens[i - 1].has_article):
            out.append((i, core_span(tokens[i])[0], tokens[i].end, country))
        i += 1
    return out


def country_of(phrase: str) -> Country | None:
    """The country a phrase is tied to by a nationality adjective or a country name in it.

    ``country_of("مسؤول دفاعي أميركي كبير")`` → ``Country("US", "الولايات المتحدة")``.
    """
    lex = lexicon()
    words = normalize(phrase).split()
    for size in (2, 1):
        for i in range(len(words) - size + 1):
            key = " ".join(words[i : i + size])
            for form in (key, key[1:] if key[:1] in "وبلف" else key):
                country = lex.adjectives.get(form) or lex.country_names.get(form)
                if country is not None:
                    return country
    return None
