"""What the finder records about a statement before it becomes a quote."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Medium
from .speakers import Referent


@dataclass(slots=True)
class Found:
    """An attributed statement before it becomes a :class:`~khabar.model.Quote`."""

    start: int
    end: int
    kind: str
    sentence: int
    cue: tuple[int, int, str] | None = None
    speaker: Referent | None = None
    speaker_span: tuple[int, int] | None = None
    via: Referent | None = None
    medium: Medium | None = None
    reason: str | None = None
    #: The speaker stands before the cue (subject–verb order).
    preverbal: bool = False
    #: Token where the content starts and the cue token.
    first_token: int = 0
    cue_token: int = 0
    dropped: bool = False
    extra: dict = field(default_factory=dict)


@dataclass(slots=True)
class Complement:
    """Where the content of a cue begins: ``marker`` token, ``content`` token, quotation."""

    marker: int
    content: int
    pair: tuple[int, int] | None
