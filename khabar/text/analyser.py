"""The text layer as a pipeline step: sentences and tokens with their clitic words."""

from __future__ import annotations

from ..model import Analysis, Sentence
from ..options import Options
from .sentences import split_sentences
from .tokenize import Tokenizer


class TextAnalyser:
    """Splits the article into sentences and tokens; every other analyser builds on it."""

    name = "text"
    needs: frozenset[str] = frozenset()
    provides = frozenset({"sentences", "tokens"})

    def __init__(self, options: Options) -> None:
        self.tokenizer = Tokenizer()

    def __call__(self, analysis: Analysis) -> None:
        text = analysis.text
        tokens = analysis.tokens
        for index, (start, end) in enumerate(split_sentences(text)):
            first = len(tokens)
            tokens.extend(self.tokenizer.tokenize(text, start, end, index))
            analysis.sentences.append(Sentence(start, end, first, len(tokens)))
