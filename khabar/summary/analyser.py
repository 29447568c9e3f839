"""The summary analyser: the lead, and for long articles the sentences that best cover the rest.

News puts the story in its first substantive sentence; on the BBC Arabic editor summaries
(bench/summary.py) no sentence scorer we tried beats that lead. So the summary is the first
sentence long enough to stand alone (datelines, headings and captions are passed over), and for
an article of more than ``LONG_ARTICLE`` sentences, the sentences that then cover most of the
article's recurring vocabulary (content stems weighted by how many other sentences use them,
over the square root of the sentence's length; words already in the summary count for less), up to
``MAX_SENTENCES`` in all. Indices come out in text order.
"""

from __future__ import annotations

import math
from collections import Counter

from ..model import Analysis, Token
from ..options import Options
from ..resources import load_lines
from ..text.normalize import normalize

MIN_WORDS = 6
LONG_ARTICLE = 12
MAX_SENTENCES = 3
REDUNDANCY = 0.3


class SummaryAnalyser:
    """Fills ``analysis.summary`` with sentence indices."""

    name = "summary"
    needs = frozenset({"sentences", "tokens"})
    provides = frozenset({"summary"})

    def __init__(self, options: Options) -> None:
        self.stopwords = frozenset(normalize(w) for w in load_lines("stopwords"))

    def __call__(self, analysis: Analysis) -> None:
        analysis.summary = self.select(analysis)

    def _stems(self, tokens: list[Token]) -> set[str]:
        stems = set()
        for token in tokens:
            if token.kind == "word":
                stem = token.stem
                form = stem.form if stem else token.norm
                if len(form) > 2 and form not in self.stopwords:
                    stems.add(form)
        return stems

    def select(self, analysis: Analysis, max_sentences: int = MAX_SENTENCES,
               long_article: int = LONG_ARTICLE) -> list[int]:
        """Indices of the summary sentences, in text order."""
        count = len(analysis.sentences)
        if not count:
            return []
        lengths = [sum(1 for t in analysis.sentence_tokens(i) if t.kind in ("word", "latin",
                                                                          "number"))
                   for i in range(count)]
        substantive = [i for i in range(count) if lengths[i] >= MIN_WORDS]
        if not substantive:
            return [max(range(count), key=lengths.__getitem__)]
        chosen = [substantive[0]]
        if count <= long_article or max_sentences <= 1:
            return chosen
        stems = [self._stems(analysis.sentence_tokens(i)) for i in range(count)]
        frequency = Counter(s for sentence in stems for s in sentence)
        covered = Counter(stems[chosen[0]])
        candidates = substantive[1:]
        while candidates and len(chosen) < max_sentences:
            def gain(i: int) -> float:
                # A word found in one sentence only says nothing about what is central.
                return sum((frequency[s] - 1) * REDUNDANCY ** covered[s] for s in stems[i]) / \
                    math.sqrt(lengths[i])
            best = max(candidates, key=gain)
            chosen.append(best)
            candidates.remove(best)
            covered.update(stems[best])
        return sorted(chosen)
