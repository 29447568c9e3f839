"""The Spark job's input files and output folder, checked before any work is done.

A path without a scheme is a path on this machine when Spark runs here (``--master local…``) and
is checked at once, before Spark starts; otherwise (``hdfs://…``, ``s3a://…``, a path on a
cluster's default file system) it is checked through Hadoop's file system once Spark is up.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from .errors import OutputError

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

#: File names read from a folder given as input.
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
#: What the job writes in its output folder: only these are replaced by ``--overwrite``.
OUTPUT_NAMES = frozenset({"analyses", "errors", "_SUCCESS", "_spark.log"})
_GLOB_CHARS = re.compile(r"([\\*?\[\]{}])")


@dataclass(frozen=True, slots=True)
class InputFile:
    """One JSONL file: ``name`` as messages show it, ``uri`` as Spark reads it; ``unterminated``
    when its last line has no newline (always ``False`` for gzip, which is not looked into)."""

    name: str
    uri: str
    size: int
    unterminated: bool = False


def has_scheme(path: str) -> bool:
    """Whether ``path`` is a URI (``hdfs://…``, ``file:///…``)."""
    return "://" in path


def hadoop_literal(path: str) -> str:
    """``path`` with Hadoop's glob characters escaped, so a file named ``a[1].jsonl`` is read
    as itself."""
    return _GLOB_CHARS.sub(r"\\\1", path)


def _is_jsonl_name(name: str) -> bool:
    return name.lower().endswith(JSONL_SUFFIXES) and not name.startswith((".", "_"))


def local_inputs(paths: list[str]) -> list[InputFile]:
    """The files that local ``paths`` name (a folder: its JSONL files, in name order)."""
    files: list[InputFile] = []
    for path in paths:
        p = Path(path)
        if not p.exists():
            raise InputError("no such file", path)
        if p.is_dir():
            members = sorted(c for c in p.iterdir() if c.is_file() and _is_jsonl_name(c.name))
            if not members:
                raise InputError("a folder with no .jsonl or .jsonl.gz files in it", path)
            files.extend(_local_file(str(c), c) for c in members)
        else:
            files.append(_local_file(path, p))
    return files


def _local_file(name: str, p: Path) -> InputFile:
    size = p.stat().st_size
    unterminated = False
    if size and not _is_gzip(name):
        with p.open("rb") as stream:
            stream.seek(-1, 2)
            unterminated = stream.read(1) != b"\n"
    return InputFile(name, "file://" + hadoop_literal(str(p.resolve())), size, unterminated)


def _is_gzip(name: str) -> bool:
    return name.lower().endswith(".gz")


def hadoop_inputs(spark: SparkSession, paths: list[str]) -> list[InputFile]:
    """The files that ``paths`` name, through Hadoop's file system (globs are expanded)."""
    files: list[InputFile] = []
    for path in paths:
        fs, hpath = _hadoop(spark, path)
        statuses = fs.globStatus(hpath)
        if not statuses:
            raise InputError("no such file", path)
        for status in statuses:
            if status.isDirectory():
                members = sorted((s for s in fs.listStatus(status.getPath())
                                  if s.isFile() and _is_jsonl_name(s.getPath().getName())),
                                 key=lambda s: s.getPath().getName())
                if not members:
                    raise InputError("a folder with no .jsonl or .jsonl.gz files in it", path)
            else:
                members = [status]
            for member in members:
                uri = member.getPath().toString()
                size = member.getLen()
                unterminated = False
                if size and not _is_gzip(uri):
                    stream = fs.open(member.getPath())
                    try:
                        stream.seek(size - 1)
                        unterminated = stream.read() != ord("\n")
                    finally:
                        stream.close()
                files.append(InputFile(uri, hadoop_literal(uri), size, unterminated))
    return files


def _hadoop(spark: SparkSession, path: str) -> tuple[Any, Any]:
    """Hadoop's ``FileSystem`` for ``path`` and the ``Path`` itself (through Spark's JVM)."""
    jvm = spark.sparkContext._jvm
    hpath = jvm.org.apache.hadoop.fs.Path(path)
    return hpath.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()), hpath


def prepare_local_output(out: str, overwrite: bool) -> Path:
    """Create the output folder ``out`` on this machine, refusing to replace what is there
    unless ``overwrite`` (and even then only what a previous job wrote)."""
    p = Path(out)
    if p.exists() and not p.is_dir():
        raise OutputError(f"{out}: exists and is not a folder")
    if p.is_dir():
        names = {c.name for c in p.iterdir()}
        if names:
            _check_replaceable(out, names, overwrite)
            for name in sorted(names):
                target = p / name
                if target.is_dir():
                    shutil.rmtree(target)
                else:
                    target.unlink()
    try:
        p.mkdir(parents=True, exist_ok=True)
        probe = p / "_spark.log"
        probe.touch()
    except OSError as exc:
        raise OutputError(f"{out}: cannot write the output there ({exc.strerror})") from None
    return p


def prepare_hadoop_output(spark: SparkSession, out: str, overwrite: bool) -> None:
    """:func:`prepare_local_output` for a folder on Hadoop's file system."""
    fs, hpath = _hadoop(spark, out)
    if fs.exists(hpath):
        if not fs.getFileStatus(hpath).isDirectory():
            raise OutputError(f"{out}: exists and is not a folder")
        statuses = fs.listStatus(hpath)
        names = {s.getPath().getName() for s in statuses}
        if names:
            _check_replaceable(out, names, overwrite)
            for status in statuses:
                fs.delete(status.getPath(), True)
    if not fs.mkdirs(hpath):
        raise OutputError(f"{out}: cannot create the output folder")


def _check_replaceable(out: str, names: set[str], overwrite: bool) -> None:
    if not overwrite:
        raise OutputError(f"{out}: already exists; give --overwrite to replace it")
    foreign = sorted(names - OUTPUT_NAMES)
    if foreign:
        shown = ", ".join(foreign[:3]) + (", …" if len(foreign) > 3 else "")
        raise OutputError(f"{out}: holds files a khabar job did not write ({shown}); "
                          "refusing to delete them")


def mark_success(spark: SparkSession, out: str, local: bool) -> None:
    """Write ``out/_SUCCESS``: the job finished and every record is in analyses or errors."""
    if local:
        (Path(out) / "_SUCCESS").touch()
        return
    fs, hpath = _hadoop(spark, out.rstrip("/") + "/_SUCCESS")
    fs.create(hpath, True).close()
