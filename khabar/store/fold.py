"""Search forms of words: what the full-text index holds and what a query looks for.

A word is indexed under its normalised form (:func:`khabar.text.normalize.normalize`: diacritics,
alef/hamza, ta marbuta, ya…), with its proclitics (و ف ب ل ك س) left out, and with spelling
variants folded (``khabar/data/ar/spelling_variants.yaml``: «الأمريكية» → «الاميركيه»). So
«والأميركيّة», «الأمريكية» and «الاميركيه» all have the form ``الاميركيه``.

Each token has one *main* form, which keeps word positions for phrase queries, and maybe some
*alternative* forms: the stem without the article («حكومه» for «الحكومة»), and, for a word that
starts with و or ف which the segmenter left whole (an unknown name: «وأوستن»), the word without
that letter. Everything here is cached per word type.
"""

from __future__ import annotations

import functools
import re

from ..model import Token
from ..resources import load_lines, load_yaml
from ..text.normalize import normalize, normalize_text

#: Token kinds that are indexed.
INDEXED_KINDS = frozenset({"word", "number", "latin", "hashtag"})
_NUMBER_SEPARATORS = str.maketrans({",": None, "\u066c": None, "\u066b": "."})
_CONJUNCTIONS = ("و", "ف")


@functools.cache
def _variants() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """The spelling-variant regex and the canonical form of each variant."""
    groups = load_yaml("spelling_variants")["groups"]
    canonical: dict[str, str] = {}
    for group in groups:
        target = normalize(group[0])
        for variant in group[1:]:
            canonical[normalize(variant)] = target
    if not canonical:
        return None, canonical
    alternation = "|".join(re.escape(v) for v in sorted(canonical, key=len, reverse=True))
    return re.compile(alternation), canonical


def fold_text(text: str) -> str:
    """``text`` normalised and with spelling variants folded (uncached, for long texts)."""
    form = normalize_text(text)
    pattern, canonical = _variants()
    if pattern is not None:
        form = pattern.sub(lambda m: canonical[m.group(0)], form)
    return form


#: :func:`fold_text` cached, for words and short phrases.
fold = functools.lru_cache(maxsize=200_000)(fold_text)


#: Proclitic spellings tried by :func:`clitic_candidates`, longest first.
_PROCLITICS = ("وال", "فال", "بال", "كال", "وبال", "فبال", "وكال", "ولل", "فلل", "لل",
               "وب", "وف", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")


@functools.lru_cache(maxsize=200_000)
def clitic_candidates(form: str) -> tuple[tuple[str, int], ...]:
    """What a folded word could be without its proclitics, and how many letters that drops.

    A cheap stand-in for the segmenter («وبالعراق» → «العراق», «للعراق» → «العراق», «لأعمال» →
    «اعمال»): for matching a query against a text, not for analysis. Stems keep 3 letters.
    """
    out: list[tuple[str, int]] = []
    for clitic in _PROCLITICS:
        if not form.startswith(clitic) or len(form) - len(clitic) < 3:
            continue
        if clitic.endswith("ال"):  # وال… → ال…: the article stays
            out.append((form[len(clitic) - 2:], len(clitic) - 2))
        elif clitic.endswith("لل"):  # للعراق → العراق
            out.append(("ا" + form[len(clitic) - 1:], len(clitic) - 1))
        else:
            out.append((form[len(clitic):], len(clitic)))
    return tuple(dict.fromkeys(out))


@functools.cache
def stopwords() -> frozenset[str]:
    """Folded function words (``khabar/data/ar/stopwords.txt``)."""
    return frozenset(fold(w) for w in load_lines("stopwords"))


_CACHE: dict[tuple[str, str], tuple[str, tuple[str, ...]]] = {}
_CACHE_SIZE = 500_000


def token_forms(token: Token) -> tuple[str, tuple[str, ...]]:
    """The main form of ``token`` and its alternative forms (``("", ())`` if not indexed).

    Cached per ``(text, kind)``: the tokenizer gives a surface the same clitic words every time.
    """
    key = (token.text, token.kind)
    found = _CACHE.get(key)
    if found is None:
        if token.kind not in INDEXED_KINDS:
            found = ("", ())
        else:
            found = _forms(token.text, token.kind,
                           tuple((w.role, w.form) for w in token.words))
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.clear()
        _CACHE[key] = found
    return found


def _forms(text: str, kind: str, roles: tuple[tuple[str, str], ...]) -> tuple[str, tuple[str, ...]]:
    if kind == "latin":
        return text.lower(), ()
    if kind == "hashtag":
        return fold(text.lstrip("#")), ()
    core = [(role, form) for role, form in roles if role != "proclitic"]
    if kind == "number":
        digits = "".join(form for _, form in core) or text
        return normalize(digits).translate(_NUMBER_SEPARATORS).strip("."), ()
    if not core:
        return "", ()
    main = fold("".join(form for _, form in core))
    alts: list[str] = []
    if core[0][0] == "article":
        bare = fold("".join(form for role, form in core if role != "article"))
        if bare:
            alts.append(bare)
    elif len(roles) == len(core) and main.startswith(_CONJUNCTIONS) and len(main) >= 4:
        # The segmenter left «وأوستن» whole: also index «اوستن» (and «حكومه» for «والحكومه»).
        rest = main[1:]
        alts.append(rest)
        if rest.startswith("ال") and len(rest) >= 4:
            alts.append(rest[2:])
    return main, tuple(a for a in alts if a != main)


def query_forms(token: Token) -> tuple[str, ...]:
    """The forms a query word looks for: its main form, and guesses without proclitics.

    A query word's article is kept (a search for «الحكومة» finds «والحكومة» but a search for
    «حكومة» finds both «حكومة» and «الحكومة»).
    """
    main, alts = token_forms(token)
    if not main:
        return ()
    forms = [main]
    roles = [w.role for w in token.words]
    if "proclitic" not in roles and "article" not in roles and main.startswith(_CONJUNCTIONS):
        forms.extend(alts)
    if token.kind == "word":
        # Also what the surface could be without proclitics, so that a query does not depend
        # on the segmenter reading it as the text's segmenter did.
        forms.extend(c for c, _ in clitic_candidates(fold(token.text)))
    return tuple(dict.fromkeys(forms))
