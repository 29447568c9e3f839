"""CRF features of a sentence of tokens, the same at training and at tagging time.

Each word type's own features and the features it lends to its neighbours are computed once and
cached (:meth:`Featurizer.word`); a sentence's feature lists are then assembled by concatenation,
so tagging stays fast. The features: the normalised word, its form without clitics (found with
the news vocabulary: «وواشنطن» → «واشنطن» because the latter is the more frequent), affixes, shape,
word clusters at three granularities, frequency band, trigger words (titles, organisation and
place heads, speech verbs), countries and nationality adjectives, multi-word country names, and
a window of ±2 words.
"""

from __future__ import annotations

import functools
import re

from ..text.normalize import normalize
from .lexicon import Lexicon, lexicon, silver_features, strip_article

#: Word types whose features are kept (the rest are recomputed): enough for the running text of
#: a large batch, bounded so that memory does not grow with the vocabulary of an archive.
WORD_CACHE = 100_000
_PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")
_LATIN = re.compile(r"[A-Za-z]")
_DIGIT = re.compile(r"\d")
_ARABIC = re.compile(r"[\u0621-\u064a]")


class Featurizer:
    """Turns sentences of surface tokens into CRF feature lists."""

    def __init__(self, lex: Lexicon | None = None, known: frozenset[str] | None = None) -> None:
        """``known``: the attributes a trained model has weights for; others are left out
        (the tagging is the same, and faster)."""
        self.lex = lex or lexicon()
        self.known = known
        self.word = functools.lru_cache(maxsize=WORD_CACHE)(self._word)
        self.split = functools.lru_cache(maxsize=WORD_CACHE)(self._split)

    def _split(self, norm: str) -> tuple[str, str]:
        """``(proclitics, rest)`` of a normalised word, the rest keeping its article.

        A proclitic is taken off only when what is left is a known word at least as frequent
        as the whole: «وزير» stays whole, «وواشنطن» → و + واشنطن, «للعراق» → ل + العراق.
        """
        band = self.lex.frequency_band
        whole = band(norm)
        for pro in _PROCLITICS:
            if not norm.startswith(pro) or len(norm) - len(pro) < 2:
                continue
            rest = norm[len(pro):]
            if pro.endswith("ل") and rest.startswith("ل") and len(rest) > 2:
                rest = "ا" + rest  # للعراق: ل + (ا)لعراق
            rest_band = band(rest)
            if rest_band is not None and (whole is None or rest_band <= whole):
                return pro, rest
        return "", norm

    def _word(self, norm: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...], str]:
        """A word type's own features, those it gives neighbours at -2, -1, +1, +2, its core."""
        lex = self.lex
        pro, rest = self.split(norm)
        core = strip_article(rest)
        feats = ["b", "w=" + norm]
        if rest != norm:
            feats.append("r=" + rest)
        if core != rest:
            feats.append("al")
        feats.append("c=" + core)
        if pro:
            feats.append("pro=" + pro)
        for n in (1, 2, 3):
            if len(core) > n:
                feats.append(f"p{n}=" + core[:n])
                feats.append(f"s{n}=" + core[-n:])
        if _ARABIC.search(norm):
            shape = "ar"
        elif _LATIN.search(norm):
            shape = "lat"
            feats.append("lw=" + norm.lower())
        elif _DIGIT.search(norm):
            shape = "num"
        else:
            shape = "sym"
        feats.append("sh=" + shape)
        feats.append("len=" + str(min(len(core), 8)))
        clusters = lex.cluster_ids(norm) or lex.cluster_ids(rest) or lex.cluster_ids(core)
        if clusters:
            feats += [f"k{i}=" + c for i, c in enumerate(clusters[:-1])]
            feats.append("f=" + clusters[-1])
        else:
            feats.append("oov")
        if rest != norm:
            inner = lex.cluster_ids(rest)
            if inner:
                feats += [f"rk{i}=" + c for i, c in enumerate(inner[:-1])]
        classes = lex.triggers.get(core, ()) or lex.triggers.get(rest, ())
        feats += ["t=" + t for t in classes]
        row = lex.silver.get(rest) if lex.silver else None
        silver = silver_features(row) if row else ()
        feats += silver
        gazetteer = tuple("gz=" + g for g in lex.gazetteer.get(rest, ()) or
                          lex.gazetteer.get(core, ()))
        feats += gazetteer
        # What the word tells its neighbours.
        k = clusters or ("", "", "", "")
        near = ["w=" + norm, "c=" + core, "k1=" + k[1], "k2=" + k[2], *("t=" + t for t in classes),
                *silver, *gazetteer]
        if pro:
            near.append("pro=" + pro)
        if core != rest:
            near.append("al")
        far = ["c=" + core, "k1=" + k[1], *("t=" + t for t in classes)]
        context = (
            tuple("-2" + f for f in far), tuple("-1" + f for f in near),
            tuple("+1" + f for f in near), tuple("+2" + f for f in far),
        )
        known = self.known
        if known is not None:
            feats = [f for f in feats if f in known]
            context = tuple(tuple(f for f in side if f in known) for side in context)
        return tuple(feats), context, core

    def sentence(self, norms: list[str]) -> list[list[str]]:
        """The feature lists of a sentence of normalised tokens."""
        words = [self.word(n) for n in norms]
        cores = [w[2] for w in words]
        known = self.known
        n = len(words)
        out: list[list[str]] = []
        phrases = self._phrases(norms)
        for i, (own, _, _) in enumerate(words):
            feats = list(own)
            if i >= 2:
                feats += words[i - 2][1][0]
            else:
                feats.append("-2BOS" if i == 1 else "-1BOS")
            if i >= 1:
                feats += words[i - 1][1][1]
                bigram = "bg-=" + cores[i - 1] + "|" + cores[i]
                if known is None or bigram in known:
                    feats.append(bigram)
            if i + 1 < n:
                feats += words[i + 1][1][2]
                bigram = "bg+=" + cores[i] + "|" + cores[i + 1]
                if known is None or bigram in known:
                    feats.append(bigram)
            else:
                feats.append("+1EOS")
            if i + 2 < n:
                feats += words[i + 2][1][3]
            if phrases[i]:
                feats.append(phrases[i])
            out.append(feats)
        return out

    def _phrases(self, norms: list[str]) -> list[str]:
        """``B-LOC``/``I-LOC``-style features where a multi-word country name matches."""
        out = [""] * len(norms)
        first = self.lex.phrase_first
        i = 0
        while i < len(norms):
            _, rest = self.split(norms[i])
            candidates = first.get(rest)
            matched = 0
            if candidates:
                for words, kind in candidates:
                    size = len(words)
                    if tuple([rest, *norms[i + 1 : i + size]]) == words:
                        out[i] = "gB=" + kind
                        for j in range(i + 1, i + size):
                            out[j] = "gI=" + kind
                        matched = size
                        break
            i += matched or 1
        return out


def normalise_tokens(tokens: list[str]) -> list[str]:
    """The normalised forms of surface tokens (as :attr:`khabar.model.Token.norm`)."""
    return [normalize(t) for t in tokens]
