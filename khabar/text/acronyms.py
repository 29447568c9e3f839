"""Acronyms spelt with the Arabic names of Latin letters and full stops: «سي.إن.إن», «بي.بي.سي».

Such a run is one token (``tokenize.py``) and its full stops do not end a sentence
(``sentences.py``). The letter names are ``letter_names`` in ``khabar/data/ar/punctuation.yaml``.
"""

from __future__ import annotations

import functools
import re

from ..resources import load_yaml
from .normalize import normalize

#: Proclitics the first letter of an acronym may carry («وبي.بي.سي», «لسي.إن.إن»).
_PROCLITICS = re.compile("[وف]?[بل]?")
#: Letters in a run of dotted pieces, at least three pieces.
MIN_PIECES = 3


@functools.cache
def letter_names() -> frozenset[str]:
    """The normalised Arabic names of Latin letters."""
    return frozenset(normalize(n) for n in load_yaml("punctuation")["letter_names"])


def proclitic_length(run: str) -> int:
    """How many proclitic letters the dotted run ``run`` starts with, or -1 when it is not an
    acronym (at least :data:`MIN_PIECES` pieces, each a letter name)."""
    pieces = normalize(run).split(".")
    if len(pieces) < MIN_PIECES:
        return -1
    names = letter_names()
    if not all(p in names for p in pieces[1:]):
        return -1
    first = pieces[0]
    for cut in range(3):
        if _PROCLITICS.fullmatch(first[:cut]) and first[cut:] in names:
            return cut
    return -1


def is_acronym(run: str) -> bool:
    """Whether ``run`` (letters and full stops, no space) is a dotted acronym."""
    return proclitic_length(run) >= 0
