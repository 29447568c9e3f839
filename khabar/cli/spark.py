"""``khabar spark``: analyse JSONL archives with Spark, on this machine or a cluster."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from ..options import Options
from . import add_reading_arguments, reading_options


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """The ``khabar spark`` command's arguments."""
    parser = subparsers.add_parser(
        "spark",
        help="analyse JSONL archives with Spark (on this machine or a cluster)",
        description="Analyse JSONL files (one article a line, as `khabar analyze` reads them; "
        ".jsonl.gz too) with Apache Spark. Writes OUT/analyses/part-* (one khabar.analysis/1 "
        "object a line, in input order), OUT/errors/part-00000 (one FILE:LINE: message line "
        "per bad record) and OUT/_SUCCESS. Needs pip install 'khabar[spark]' and Java 17+.",
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="JSONL file, or a folder of them (hdfs://, s3a://… on a cluster)")
    parser.add_argument("--out", required=True, metavar="DIR", help="output folder")
    parser.add_argument("--master", metavar="URL",
                        help="Spark master: local[N], yarn, spark://HOST:PORT… "
                        "(default: what spark-submit set, else local[*])")
    parser.add_argument("--partitions", type=_positive, metavar="N",
                        help="split the input into about N tasks (default: 4 per core)")
    parser.add_argument("--overwrite", action="store_true",
                        help="replace the output of an earlier job in DIR")
    parser.add_argument("--no-tokens", action="store_true",
                        help="leave tokens out of the analyses")
    add_reading_arguments(parser, input_format=False)
    return parser


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive whole number")
    return number


def run(args: argparse.Namespace) -> int:
    """Run the job: 0 when every record was analysed, 1 when some were bad."""
    from ..distributed import paths, session
    from ..distributed.errors import SparkError

    read_options = reading_options(args)
    options = Options(include_tokens=not args.no_tokens, max_chars=args.max_chars)
    session.require_pyspark()
    from ..distributed import job
    running = session.active_session()
    master = args.master
    local = session.is_local_master(master) if running is None else \
        running.sparkContext.master.startswith("local")
    # Everything that can be checked on this machine is checked before Spark starts.
    here = {p: paths.local_inputs([p]) for p in args.inputs if local and not paths.has_scheme(p)}
    local_out = local and not paths.has_scheme(args.out)
    target = args.out
    if local_out:
        out_dir = paths.prepare_local_output(args.out, args.overwrite)
        log_path = out_dir / "_spark.log"
        target = "file://" + str(out_dir.resolve())  # not the cluster's default file system
    else:
        handle, name = tempfile.mkstemp(prefix="khabar-spark-", suffix=".log")
        os.close(handle)
        log_path = Path(name)
    spark = running or session.start_session(master, log_path)
    keep_log = False
    try:
        files = [f for p in args.inputs
                 for f in (here[p] if p in here else paths.hadoop_inputs(spark, [p]))]
        if not local_out:
            paths.prepare_hadoop_output(spark, args.out, args.overwrite)
        report = job.run_job(spark, files, target, read_options, options, args.partitions)
        paths.mark_success(spark, args.out, local_out)
    except SparkError as exc:
        keep_log = running is None
        raise SparkError(f"{exc}; Spark's log is {log_path}" if keep_log else str(exc)) \
            from None
    finally:
        if running is None:
            spark.stop()
        if not local_out and not keep_log:
            log_path.unlink(missing_ok=True)
    errors = f"{args.out.rstrip('/')}/errors"
    if report.bad:
        print(f"khabar: {report.analysed:,} analysed, {report.bad:,} bad records "
              f"(see {errors})", file=sys.stderr)
        return 1
    print(f"khabar: {report.analysed:,} analysed, no bad records", file=sys.stderr)
    return 0
