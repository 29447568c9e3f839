"""The ingest loop: read, skip what is stored, analyse (in worker processes if asked), write.

Writes are grouped in transactions of up to ``batch`` articles: a killed ingest loses at most the
open transaction (SQLite rolls it back), never half an article, and rerunning it skips what was
committed and redoes the rest, in the same order, so the store ends as an uninterrupted run
would have left it.
"""

from __future__ import annotations

import collections
import sqlite3
import sys
import time
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field

from ..analyze import analyze
from ..errors import KhabarError, RecordError
from ..options import Options
from ..store import Store, StoreError
from ..store.prepare import Prepared, prepare, text_hash
from .sources import Record, SourceOptions, count_records, records


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """How ingest runs."""

    analysis: Options = field(default_factory=lambda: Options(include_tokens=False))
    #: Worker processes analysing articles (1: analyse in this process).
    jobs: int = 1
    #: Articles a transaction holds at most.
    batch: int = 200
    #: Seconds a transaction stays open at most.
    commit_every: float = 2.0
    #: Show a progress bar (``None``: when standard error is a terminal).
    progress: bool | None = None


@dataclass(slots=True)
class Report:
    """What an ingest did; every record read is counted exactly once."""

    stored: int = 0
    exact: int = 0
    near: int = 0
    present: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)
    words: int = 0
    seconds: float = 0.0
    #: ``(key, duplicate_of, similarity)`` of each duplicate linked.
    links: list[tuple[str, str, float]] = field(default_factory=list)

    @property
    def read(self) -> int:
        """Records read in all."""
        return self.stored + self.exact + self.near + self.present + len(self.errors)

    def summary(self) -> str:
        """One line: what happened."""
        rate = self.stored / self.seconds if self.seconds else 0.0
        return (f"{self.read:,} read: {self.stored:,} stored, {self.exact:,} exact and "
                f"{self.near:,} near duplicates linked, {self.present:,} already stored, "
                f"{len(self.errors):,} errors ({self.seconds:.1f} s, {rate:,.1f} articles/s)")


def _work(record: Record, options: Options) -> Prepared | RecordError:
    """Analyse and prepare one record (in a worker process or this one)."""
    try:
        return prepare(analyze(record.article, options), record.key)
    except KhabarError as exc:
        return RecordError(str(exc), record.where)


def _pending(items: Iterator[Record | RecordError], store: Store,
             report: Report, tick) -> Iterator[Record | RecordError]:
    """Records not yet stored (same key, same text); the rest counted as present."""
    for item in items:
        if isinstance(item, Record):
            found = store.lookup(item.key)
            if found is not None and found[1] == text_hash(item.article.text):
                report.present += 1
                tick()
                continue
        yield item


def _analysed(items: Iterator[Record | RecordError], options: IngestOptions
              ) -> Iterator[Prepared | RecordError]:
    """Prepared articles in input order, analysed by ``options.jobs`` processes."""
    if options.jobs <= 1:
        for item in items:
            yield item if isinstance(item, RecordError) else _work(item, options.analysis)
        return
    window = options.jobs * 8
    queue: collections.deque[Future | RecordError] = collections.deque()
    with ProcessPoolExecutor(max_workers=options.jobs) as pool:
        for item in items:
            if isinstance(item, RecordError):
                queue.append(item)
            else:
                queue.append(pool.submit(_work, item, options.analysis))
            while len(queue) > window or (queue and isinstance(queue[0], RecordError)):
                head = queue.popleft()
                yield head if isinstance(head, RecordError) else head.result()
        while queue:
            head = queue.popleft()
            yield head if isinstance(head, RecordError) else head.result()


def ingest(store: Store, sources: list[str], source_options: SourceOptions | None = None,
           options: IngestOptions | None = None) -> Report:
    """Ingest ``sources`` into ``store``; bad records are listed in the report, never lost."""
    source_options = source_options or SourceOptions()
    options = options or IngestOptions()
    report = Report()
    started = time.perf_counter()
    show = sys.stderr.isatty() if options.progress is None else options.progress
    bar = None
    if show:
        from tqdm import tqdm

        bar = tqdm(total=count_records(sources), unit=" articles", file=sys.stderr,
                   mininterval=0.5, disable=False)
    tick = bar.update if bar is not None else (lambda n=1: None)
    conn = store.conn
    in_batch = 0
    opened = 0.0
    try:
        items = _pending(records(sources, source_options), store, report, tick)
        for item in _analysed(items, options):
            tick()
            if isinstance(item, RecordError):
                report.errors.append((item.where or "", item.message))
                continue
            if not conn.in_transaction:
                conn.execute("BEGIN IMMEDIATE")
                in_batch, opened = 0, time.perf_counter()
            outcome = store.add(item)
            in_batch += 1
            if outcome.status == "stored":
                report.stored += 1
                report.words += item.words
            elif outcome.status == "present":
                report.present += 1
            elif outcome.status == "conflict":
                report.errors.append((item.key, "already stored with a different text; "
                                                 "the stored version is kept"))
            else:
                setattr(report, outcome.status, getattr(report, outcome.status) + 1)
                report.links.append((item.key, outcome.duplicate_of or "",
                                     outcome.similarity or 0.0))
            if in_batch >= options.batch or time.perf_counter() - opened > options.commit_every:
                conn.execute("COMMIT")
        if conn.in_transaction:
            conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise StoreError(f"{store.path}: cannot write to the store ({exc}); what was "
                         "committed is kept, rerun to go on") from None
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        if bar is not None:
            bar.close()
        report.seconds = time.perf_counter() - started
    return report
