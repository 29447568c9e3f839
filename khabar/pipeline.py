"""The analysis pipeline: analysers that each declare what they need and what they provide.

An analyser is a class built once from :class:`~khabar.options.Options` (loading its models
then) and called on each :class:`~khabar.model.Analysis`, which it fills in place. What each
analyser needs must be provided by one before it; this is checked when the pipeline is built,
never half-way through an article.
"""

from __future__ import annotations

import functools
import gc
import importlib
from collections.abc import Sequence
from typing import ClassVar, Protocol

from .errors import PipelineError
from .model import Analysis, Article
from .options import Options

#: Every analyser khabar has, in the order they run: name → ``module:Class``.
REGISTRY: dict[str, str] = {
    "text": "khabar.text.analyser:TextAnalyser",
    "entities": "khabar.ner.analyser:EntityAnalyser",
    "times": "khabar.time.analyser:TimeAnalyser",
    "quantities": "khabar.quantity.analyser:QuantityAnalyser",
    "quotes": "khabar.attribution:AttributionAnalyser",
    "summary": "khabar.summary.analyser:SummaryAnalyser",
}

#: The collections of ``khabar.analysis/1`` an analyser can provide.
COLLECTIONS = (
    "sentences", "tokens", "entities", "quotes", "times", "quantities", "events", "summary",
)


class Analyser(Protocol):
    """One step of the pipeline."""

    name: ClassVar[str]
    needs: ClassVar[frozenset[str]]
    provides: ClassVar[frozenset[str]]

    def __init__(self, options: Options) -> None: ...

    def __call__(self, analysis: Analysis) -> None: ...


class Pipeline:
    """Analysers in order, checked to fit together."""

    def __init__(self, analysers: Sequence[Analyser]) -> None:
        available: set[str] = set()
        names: set[str] = set()
        for analyser in analysers:
            if analyser.name in names:
                raise PipelineError(f"analyser {analyser.name!r} is in the pipeline twice")
            missing = sorted(analyser.needs - available)
            if missing:
                raise PipelineError(
                    f"analyser {analyser.name!r} needs {', '.join(missing)}, "
                    "which no analyser before it provides"
                )
            names.add(analyser.name)
            available |= analyser.provides
        self.analysers = tuple(analysers)
        self.provides = frozenset(available)

    @classmethod
    def from_options(cls, options: Options) -> Pipeline:
        """The pipeline that ``options.analysers`` names (all registered ones by default)."""
        names = options.analysers if options.analysers is not None else tuple(REGISTRY)
        return cls([load_analyser(name)(options) for name in names])

    def run(self, article: Article) -> Analysis:
        """Analyse one article."""
        analysis = Analysis(article)
        for analyser in self.analysers:
            analyser(analysis)
            analysis.analysers.append(analyser.name)
            analysis.provided |= analyser.provides
        return analysis


def load_analyser(name: str) -> type[Analyser]:
    """The analyser class registered under ``name``."""
    try:
        target = REGISTRY[name]
    except KeyError:
        known = ", ".join(REGISTRY)
        raise PipelineError(f"no analyser named {name!r} (known: {known})") from None
    module_name, _, class_name = target.partition(":")
    return getattr(importlib.import_module(module_name), class_name)


#: A short article that makes every analyser load what it reads lazily.
_WARM_UP = "قال الوزير أحمد السعدي في عمّان أمس إن نحو 50 شخصا وصلوا، بحسب ما ذكرت وكالة الأنباء."


@functools.lru_cache(maxsize=8)
def pipeline_for(options: Options) -> Pipeline:
    """The pipeline for ``options``, built once and reused.

    Once built and warmed up, its models and language data live as long as the process, so they
    are moved out of the garbage collector's sight (``gc.freeze``): otherwise every full
    collection walks them again, which costs a fifth of the analysis time.
    """
    pipeline = Pipeline.from_options(options)
    pipeline.run(Article(_WARM_UP))
    gc.freeze()
    return pipeline
