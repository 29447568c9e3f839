"""The Spark job: analyse JSONL archives, one ``khabar.analysis/1`` line per good record.

Each input file is read as its own dataset and the files are chained in order; one quick job
counts the lines of every partition, so each line knows its number in its file (a bad record is
named ``FILE:LINE`` exactly as ``khabar analyze FILE`` names it; this is ``zipWithIndex``, done
for all files in one job instead of one per file). Each line goes through
:func:`khabar.readers.jsonl_record` and :func:`khabar.analyze`, as in ``khabar analyze``;
each Python worker builds the pipeline once (:func:`khabar.pipeline.pipeline_for` caches it for
the life of the worker process).

Lines are read as raw bytes (Spark's text reader, cast to binary), not as Spark strings, so
invalid UTF-8 is reported as such instead of being silently replaced by U+FFFD.

Output, in ``OUT``:

- ``analyses/part-*``: one analysis a line, in input order (files in the order given, lines in
  file order), byte for byte what ``khabar analyze FILE --format jsonl`` writes;
- ``errors/part-00000``: one ``FILE:LINE: message`` line per bad record, in the same order;
- ``_SUCCESS`` once both are complete.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from itertools import accumulate
from typing import TYPE_CHECKING

from pyspark import StorageLevel
from pyspark.accumulators import Accumulator, AccumulatorParam

from ..errors import InputError, RecordError
from ..model import Article
from ..options import Options
from ..readers import ReadOptions, jsonl_record
from .errors import SparkError
from .paths import InputFile
from .session import first_line

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import SparkSession

#: Smallest input split: below this, starting a task costs more than it saves.
MIN_SPLIT_BYTES = 256 * 1024
#: Default number of splits per core Spark has: small enough tasks to balance the load.
SPLITS_PER_CORE = 4


@dataclass(frozen=True, slots=True)
class JobReport:
    """What a job did."""

    analysed: int
    bad: int
    files: int
    partitions: int


@dataclass(frozen=True, slots=True)
class FileTask:
    """What a worker knows of the file whose lines it reads."""

    #: Position of the file among the inputs.
    index: int
    #: The file as messages name it.
    name: str
    #: Index in the file of the first line of each of its partitions.
    starts: tuple[int, ...]
    #: Index of the file's last line when it lacks its newline, else ``-1``.
    unterminated_last: int


class Findings(AccumulatorParam):
    """What the analysing tasks tell the driver besides their output: good records per
    ``(file, partition)`` and failed analyses per ``(file, line)``. Keyed, so a task that Spark
    runs twice (a retry, speculation) counts once."""

    def zero(self, value: dict) -> dict:
        return {"good": {}, "errors": {}}

    def addInPlace(self, value1: dict, value2: dict) -> dict:
        for key in ("good", "errors"):
            value1.setdefault(key, {}).update(value2.get(key, {}))
        return value1


def analysis_line(analysis_dict: dict) -> str:
    """One analysis as ``khabar analyze --format jsonl`` writes it (without the newline)."""
    return json.dumps(analysis_dict, ensure_ascii=False, separators=(",", ":"))


def records(partition: int, rows: Iterable[object], task: FileTask, read_options: ReadOptions
            ) -> Iterator[tuple[int, str, Article | RecordError]]:
    """``(line, where, article or error)`` for each non-blank line of a partition, read by
    :func:`khabar.readers.jsonl_record` as ``khabar analyze`` reads it.

    Spark strips line ends, so each line gets its ``\\n`` back (but the last one of a file that
    ends without it): an unterminated JSON string is reported differently with and without.
    """
    for index, row in enumerate(rows, start=task.starts[partition]):
        raw = bytes(row[0])  # type: ignore[index]
        if index != task.unterminated_last:
            raw += b"\n"
        where = f"{task.name}:{index + 1}"
        item = jsonl_record(raw, where, read_options)
        if item is not None:
            yield index + 1, where, item


def analyse_partition(partition: int, rows: Iterable[object], task: FileTask,
                      read_options: ReadOptions, options: Options,
                      findings: Accumulator) -> Iterator[str]:
    """The analysis lines of a partition's good records (on a worker).

    Never raises on a record: an analysis that fails (a bug of ours) becomes that record's
    error, so one odd article cannot fail a long job. Records that cannot be read are left to
    :func:`read_errors`.
    """
    from ..analyze import analyze

    good = 0
    errors: dict[tuple[int, int], str] = {}
    for line, where, item in records(partition, rows, task, read_options):
        if isinstance(item, RecordError):
            continue
        try:
            text = analysis_line(analyze(item, options).to_dict(options.include_tokens))
        except InputError as exc:
            errors[task.index, line] = f"{where}: {exc.message}"
        except Exception as exc:
            errors[task.index, line] = (f"{where}: internal error ({type(exc).__name__}: "
                                        f"{first_line(exc)}); please report it")
        else:
            good += 1
            yield text
    findings.add({"good": {(task.index, partition): good}, "errors": errors})


def read_errors(partition: int, rows: Iterable[object], task: FileTask,
                read_options: ReadOptions) -> Iterator[tuple[int, int, str]]:
    """``(file, line, message)`` for each record of a partition that cannot be read."""
    for line, _, item in records(partition, rows, task, read_options):
        if isinstance(item, RecordError):
            yield task.index, line, str(item)


def count_lines(rows: Iterable[object]) -> list[tuple[int, int]]:
    """``[(lines, non-blank lines)]`` of a partition."""
    lines = filled = 0
    for row in rows:
        lines += 1
        if bytes(row[0]).strip():  # type: ignore[index]
            filled += 1
    return [(lines, filled)]


def split_bytes(files: list[InputFile], partitions: int) -> int:
    """Largest input split that makes about ``partitions`` splits of ``files``."""
    total = sum(f.size for f in files)
    return max(MIN_SPLIT_BYTES, math.ceil(total / max(1, partitions)))


def raw_lines(spark: SparkSession, file: InputFile) -> RDD:
    """The lines of one input file as raw bytes (in rows of one binary column), in order."""
    from pyspark.sql.functions import col

    frame = spark.read.option("lineSep", "\n").text(file.uri)
    return frame.select(col("value").cast("binary")).rdd


def run_job(spark: SparkSession, files: list[InputFile], out: str, read_options: ReadOptions,
            options: Options, partitions: int | None = None) -> JobReport:
    """Analyse ``files`` into the folder ``out`` (which must exist, without ``analyses`` or
    ``errors`` in it); return the counts. ``partitions``: about how many tasks to split the
    input into (default: four per core; a gzipped file is one task whatever its size).

    Three passes over the input, only the second of which analyses: count each partition's
    lines (so every line knows its number), analyse and write the good records, then read again
    and write the bad ones (reading a record costs a small fraction of analysing it).
    """
    sc = spark.sparkContext
    wanted = partitions or SPLITS_PER_CORE * sc.defaultParallelism
    conf = {
        "spark.sql.files.maxPartitionBytes": str(split_bytes(files, wanted)),
        "spark.sql.files.openCostInBytes": "0",
        "spark.sql.files.minPartitionNum": "1",
    }
    saved = {key: spark.conf.get(key, None) for key in conf}
    errors = None
    try:
        for key, value in conf.items():
            spark.conf.set(key, value)
        lines = [raw_lines(spark, f) for f in files]
        counts = sc.union(lines).mapPartitions(count_lines).collect()
        tasks, empty, offset = [], [], 0
        for i, (file, rdd) in enumerate(zip(files, lines, strict=True)):
            sizes = counts[offset:offset + rdd.getNumPartitions()]
            offset += len(sizes)
            ends = tuple(accumulate(n for n, _ in sizes))
            starts, total = (0, *ends[:-1]), (ends[-1] if ends else 0)
            tasks.append(FileTask(i, file.name, starts, total - 1 if file.unterminated else -1))
            if not any(filled for _, filled in sizes):
                empty.append((i, 0, f"{file.name}: empty: there are no records to analyse"))

        findings = sc.accumulator({"good": {}, "errors": {}}, Findings())
        sc.union([rdd.mapPartitionsWithIndex(partial(
            analyse_partition, task=task, read_options=read_options, options=options,
            findings=findings)) for rdd, task in zip(lines, tasks, strict=True)]
        ).saveAsTextFile(out.rstrip("/") + "/analyses")
        found = findings.value
        failed = [(i, line, message) for (i, line), message in found["errors"].items()]

        errors = sc.union([rdd.mapPartitionsWithIndex(partial(
            read_errors, task=task, read_options=read_options))
            for rdd, task in zip(lines, tasks, strict=True)]
            + [sc.parallelize(empty + failed, 1)]
        ).sortBy(lambda r: (r[0], r[1]), numPartitions=1).map(lambda r: r[2])
        errors.persist(StorageLevel.MEMORY_AND_DISK)
        bad = errors.count()
        errors.saveAsTextFile(out.rstrip("/") + "/errors")
        return JobReport(sum(found["good"].values()), bad, len(files), len(counts))
    except Exception as exc:
        if isinstance(exc, SparkError | InputError):
            raise
        raise SparkError(f"the Spark job failed: {_cause(exc)}") from None
    finally:
        if errors is not None:
            errors.unpersist()
        for key, value in saved.items():
            if value is None:
                spark.conf.unset(key)
            else:
                spark.conf.set(key, value)


def _cause(exc: Exception) -> str:
    """The line of a (Java-wrapped) error that says what went wrong."""
    text = str(exc)
    for marker in ("FileNotFoundException:", "AccessControlException:", "IOException:"):
        for line in text.splitlines():
            if marker in line:
                return line.strip()
    return first_line(exc)
