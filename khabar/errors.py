"""The exceptions khabar raises.

Every error khabar raises on purpose is a :class:`KhabarError`; its ``str()`` is a one-line
message that names the problem and where it is, so a command-line front end can print it as is.

::

    KhabarError
    ├── InputError            bad input; ``where`` names the file, line or field
    │   ├── EncodingError     not valid UTF-8
    │   ├── EmptyInputError   nothing but white space
    │   ├── BinaryInputError  not text at all
    │   ├── InputTooLargeError
    │   ├── NotArabicError    text with (almost) no Arabic in it
    │   ├── RecordError       a malformed JSONL record
    │   └── DateError         a publication date that is not a date
    ├── PipelineError         analysers that cannot be put together
    ├── ModelError            a shipped model or data file is missing or damaged
    └── GoldError             a gold file that does not follow khabar.gold/1
"""

from __future__ import annotations


class KhabarError(Exception):
    """Base class of every error khabar raises on purpose."""


class InputError(KhabarError):
    """An input khabar cannot analyse. ``where`` is a file name, ``file:line`` or a field."""

    def __init__(self, message: str, where: str | None = None) -> None:
        self.message = message
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)


class EncodingError(InputError):
    """The input is not valid UTF-8."""


class EmptyInputError(InputError):
    """The input is empty or only white space."""


class BinaryInputError(InputError):
    """The input is binary data, not text."""


class InputTooLargeError(InputError):
    """The input is over the configured size limit."""


class NotArabicError(InputError):
    """The input has too little Arabic text to analyse."""


class RecordError(InputError):
    """A JSONL record is malformed or lacks a required field."""


class DateError(InputError):
    """A publication date is not a valid date or ISO 8601 date-time."""


class PipelineError(KhabarError):
    """The requested analysers cannot be assembled into a pipeline."""


class ModelError(KhabarError):
    """A model or data file shipped with khabar is missing or unreadable."""


class GoldError(KhabarError):
    """A gold annotation file is not valid ``khabar.gold/1``."""
