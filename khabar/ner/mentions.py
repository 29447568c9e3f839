"""From BIO tags on tokens to clean mention spans.

A mention starts where its first token's core starts (after و ب ل ف ك, keeping «ال»):
«وواشنطن» → «واشنطن», «بالعراق» → «العراق». It ends with its last token: names do not take
pronoun enclitics, so an enclitic the segmenter sees at the end of a name («ماريني») is part of
the name. The clitic words come from the text layer's segmenter; when it leaves a
proclitic on a token that the rest of the article names without it («وواشنطن» next to
«واشنطن»), the proclitic is left out too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model import Token
from ..text.normalize import normalize

_PROCLITIC_LETTERS = frozenset("وفبلك")


@dataclass(slots=True)
class RawMention:
    """A tagged mention before coreference: token range, type and clean character span."""

    first: int  # index of its first token in analysis.tokens
    last: int  # index of its last token (inclusive)
    type: str
    start: int
    end: int
    #: Normalised words of the mention, one per token, clitics left out.
    words: tuple[str, ...]
    #: Confidence of the tagger (mean marginal of the tags), 1.0 for propagated mentions.
    confidence: float = 1.0


def decode(tags: list[str]) -> list[tuple[int, int, str]]:
    """``(first, last, type)`` token ranges of a BIO sequence (an orphan ``I-`` starts one)."""
    out: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, this = tag.partition("-")
        if kind and (prefix != "I" or this != kind):
            out.append((start, i - 1, kind))
            kind = ""
        if prefix == "B" or (prefix == "I" and not kind):
            start, kind = i, this
    return out


def core_span(token: Token) -> tuple[int, int]:
    """The token's span without attached clitics (never empty)."""
    start, end = token.core_start, token.core_end
    if start >= end:
        return token.start, token.end
    return start, end


def core_word(text: str, token: Token) -> str:
    """The normalised token without its proclitics, as it is matched between mentions.

    An article written «ل» («للعراق») is given back its «ا»: «العراق».
    """
    start = core_span(token)[0]
    # Without proclitics the core is the whole token, already normalised.
    word = token.norm if start == token.start else normalize(text[start : token.end])
    for w in token.words:
        if w.role == "article":
            return "ا" + word if w.end - w.start == 1 else word
    return word


def make_mention(text: str, tokens: list[Token], first: int, last: int, kind: str,
                 confidence: float = 1.0) -> RawMention | None:
    """The clean mention over ``tokens[first..last]``, or ``None`` when nothing is left."""
    while first <= last and tokens[first].kind in ("punct", "symbol"):
        first += 1
    while last >= first and tokens[last].kind in ("punct", "symbol"):
        last -= 1
    if first > last:
        return None
    start = core_span(tokens[first])[0]
    end = tokens[last].end
    if start >= end:
        return None
    words = tuple(core_word(text, tokens[i]) for i in range(first, last + 1)
                  if tokens[i].kind not in ("punct", "symbol"))
    return RawMention(first, last, kind, start, end, words, confidence)


def strip_leftover_proclitic(text: str, mentions: list[RawMention],
                             known: set[str],
                             whole: Callable[[str], bool] | None = None) -> None:
    """Leave out a proclitic the segmenter kept when the article names the rest without it.

    ``known`` holds normalised single words known to be names (other mentions, countries);
    ``whole(word)``, when given, tells a word that is a name as it stands («بوروسيا» is no
    «بو» + «روسيا»).
    """
    for mention in mentions:
        word = mention.words[0]
        if len(word) < 4 or word[0] not in _PROCLITIC_LETTERS:
            continue
        if whole is not None and whole(word):
            continue
        for cut in (1, 2):
            rest = word[cut:]
            if all(ch in _PROCLITIC_LETTERS for ch in word[:cut]) and rest in known:
                if word[cut - 1] == "ل" and rest.startswith("ل"):
                    break
                # Move the start past the proclitic letters (and any marks written on them).
                start = mention.start
                seen = 0
                while start < mention.end and seen < cut:
                    if normalize(text[start]):
                        seen += 1
                    start += 1
                while start < mention.end and not normalize(text[start]):
                    start += 1
                if start < mention.end:
                    mention.start = start
                    mention.words = (rest, *mention.words[1:])
                break
