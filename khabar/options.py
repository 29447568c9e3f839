"""The one typed options object that configures an analysis."""

from __future__ import annotations

from dataclasses import dataclass

#: Largest article accepted by default, in characters (a long news article is under 100,000).
DEFAULT_MAX_CHARS = 2_000_000



@dataclass(frozen=True, slots=True)
class Options:
    """How :func:`khabar.analyze` works.

    Options are immutable and hashable, so a pipeline built for one set of options is built once
    and reused.
    """

    #: Analysers to run, by registry name, in order; ``None`` means every analyser in
    #: :data:`khabar.pipeline.REGISTRY`, in its order.
    analysers: tuple[str, ...] | None = None
    #: Include surface tokens and their clitic words in the serialised analysis.
    include_tokens: bool = True
    #: Largest article accepted, in characters (``InputTooLargeError`` above it).
    max_chars: int = DEFAULT_MAX_CHARS
