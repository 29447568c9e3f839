"""The errors of the Spark job: each a :class:`~khabar.errors.KhabarError` with a one-line
message."""

from __future__ import annotations

from ..errors import KhabarError


class SparkError(KhabarError):
    """Spark is missing, cannot start, or the job failed on the cluster."""


class OutputError(KhabarError):
    """The output folder cannot be written, or already holds something."""
