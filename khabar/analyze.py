"""The pure core: one article in, one :class:`~khabar.model.Analysis` out."""

from __future__ import annotations

from .errors import EncodingError, InputTooLargeError
from .model import Analysis, Article
from .options import Options
from .pipeline import pipeline_for
from .readers import lone_surrogate


def analyze(article: Article | str, options: Options | None = None) -> Analysis:
    """Analyse one article (or a bare text) and return everything found in it.

    The CLI, the store, the HTTP API and the Spark job all call this. It raises only
    :class:`~khabar.errors.InputTooLargeError` (text over ``options.max_chars``),
    :class:`~khabar.errors.EncodingError` (a lone surrogate, which no output could hold) and,
    when the options name analysers that do not fit together,
    :class:`~khabar.errors.PipelineError`.
    """
    options = options or Options()
    if isinstance(article, str):
        article = Article(article)
    if len(article.text) > options.max_chars:
        raise InputTooLargeError(
            f"article is {len(article.text):,} characters, over the limit of "
            f"{options.max_chars:,}",
            article.id,
        )
    at = lone_surrogate(article.text)
    if at >= 0:
        raise EncodingError(f"the text holds a lone surrogate (\\u{ord(article.text[at]):04x}) at "
                            f"character {at}: not valid Unicode", article.id)
    return pipeline_for(options).run(article)
