"""khabar — Arabic news in, structured and sourced facts out.

>>> import khabar
>>> analysis = khabar.analyze("قال الوزير إن المحادثات ستستأنف الخميس.")
>>> [analysis.text[s.start:s.end] for s in analysis.sentences]
['قال الوزير إن المحادثات ستستأنف الخميس.']

The public API is what ``__all__`` lists; everything else is internal.
"""

from __future__ import annotations

from .analyze import analyze
from .errors import (
    BinaryInputError,
    DateError,
    EmptyInputError,
    EncodingError,
    GoldError,
    InputError,
    InputTooLargeError,
    KhabarError,
    ModelError,
    NotArabicError,
    PipelineError,
    RecordError,
)
from .model import (
    SCHEMA,
    Analysis,
    Article,
    Cue,
    Entity,
    Mention,
    Quantity,
    Quote,
    Role,
    Sentence,
    Speaker,
    TimeExpression,
    Token,
    Via,
    Word,
)
from .options import Options

__version__ = "0.1.0"

__all__ = [
    "SCHEMA",
    "Analysis",
    "Article",
    "BinaryInputError",
    "Cue",
    "DateError",
    "EmptyInputError",
    "EncodingError",
    "Entity",
    "GoldError",
    "InputError",
    "InputTooLargeError",
    "KhabarError",
    "Mention",
    "ModelError",
    "NotArabicError",
    "Options",
    "PipelineError",
    "Quantity",
    "Quote",
    "RecordError",
    "Role",
    "Sentence",
    "Speaker",
    "TimeExpression",
    "Token",
    "Via",
    "Word",
    "__version__",
    "analyze",
]
