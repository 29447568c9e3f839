"""Ingest: files, folders, feeds and pages into the store, deduplicated and resumable.

:func:`~khabar.ingest.run.ingest` is the whole job; :mod:`.sources` reads inputs, :mod:`.feeds`
reads RSS/Atom, :mod:`.fetch` fetches URLs (refusing private addresses), and near-duplicates are
found from MinHash signatures (:mod:`khabar.store.prepare`, :mod:`khabar.store.write`).
"""

from __future__ import annotations

from .run import IngestOptions, Report, ingest
from .sources import SourceOptions

__all__ = ["IngestOptions", "Report", "SourceOptions", "ingest"]
