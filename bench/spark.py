"""The Spark job against one `khabar analyze` process, over the first N news-dev articles.

    python bench/spark.py [--limit 2000] [--master local[2]]

Writes the first N articles of ../shared/data/news-dev to a temporary JSONL file, then runs, as
subprocesses, one after the other:

1. `khabar analyze FILE --format jsonl --no-tokens` (one process, one core);
2. `khabar spark ONE.jsonl --out DIR --master M --no-tokens` on a one-article file: the fixed
   cost of a job (JVM start, a pipeline built in each Python worker, the jobs' scheduling);
3. `khabar spark FILE --out DIR --master M --no-tokens`.

The machine may be shared: the CPU time of each run (its whole process tree: the JVM and the
Python workers too) says what the work costs whatever else runs. It checks that the Spark job's
analyses are byte for byte the CLI's, in the same order, and prints wall times, articles/s and
words/s (white-space separated words), the Spark job's rate without its fixed cost, and the peak
memory of the Spark Python workers.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from common import NEWS_DEV

KHABAR = [sys.executable, "-m", "khabar"]


def first_lines(limit: int, target: Path) -> tuple[int, int]:
    """Copy the first ``limit`` news-dev lines to ``target``: (articles, words)."""
    words = articles = 0
    with NEWS_DEV.open("rb") as fh, target.open("wb") as out:
        for i, line in enumerate(fh):
            if i >= limit:
                break
            out.write(line)
            articles += 1
            words += len(json.loads(line)["text"].split())
    return articles, words


class SparkProcesses:
    """Samples Spark's processes twice a second: the resident memory of its Python workers
    (``pyspark.daemon``/``worker``) and the CPU time of those and of its JVM, which the driver
    does not wait for, so that ``RUSAGE_CHILDREN`` misses them."""

    TICK = os.sysconf("SC_CLK_TCK")

    def __init__(self) -> None:
        self.peak_total = 0
        self.peak_one = 0
        self.workers = 0
        self.cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> SparkProcesses:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(0.5):
            sizes = []
            for pid in os.listdir("/proc"):
                if not pid.isdigit():
                    continue
                try:
                    cmd = Path(f"/proc/{pid}/cmdline").read_bytes()
                    worker = b"pyspark.daemon" in cmd or b"pyspark.worker" in cmd
                    if not worker and b"org.apache.spark" not in cmd:
                        continue
                    stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                    status = Path(f"/proc/{pid}/status").read_text()
                except OSError:
                    continue
                self.cpu[int(pid)] = (int(stat[11]) + int(stat[12])) / self.TICK
                if worker:
                    for line in status.splitlines():
                        if line.startswith("VmRSS:"):
                            sizes.append(int(line.split()[1]) // 1024)
            if sizes:
                self.peak_total = max(self.peak_total, sum(sizes))
                self.peak_one = max(self.peak_one, max(sizes))
                self.workers = max(self.workers, len(sizes))


def timed(command: list[str],
          stdout: Path | None = None) -> tuple[float, float, subprocess.CompletedProcess]:
    """Run ``command``: its wall time, the CPU time of its process tree, and the process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    if stdout is None:
        proc = subprocess.run(command, capture_output=True, text=True)
    else:
        with stdout.open("wb") as out:
            proc = subprocess.run(command, stdout=out, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, proc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=2000, help="articles (default: 2000)")
    parser.add_argument("--master", default="local[2]", help="Spark master (default: local[2])")
    args = parser.parse_args()
    if not NEWS_DEV.exists():
        sys.exit(f"{NEWS_DEV} not found")
    work = Path(tempfile.mkdtemp(prefix="khabar-bench-spark-"))
    try:
        source = work / "news-dev.jsonl"
        articles, words = first_lines(args.limit, source)
        one = work / "one.jsonl"
        first_lines(1, one)
        print(f"input               {articles:,} news-dev articles, {words:,} words")
        print(f"machine             {os.cpu_count()} cores, load average "
              f"{os.getloadavg()[0]:.2f} at start")

        cli_out = work / "cli.jsonl"
        cli_time, cli_cpu, proc = timed([*KHABAR, "analyze", str(source), "--format", "jsonl",
                                "--no-tokens"], cli_out)
        if proc.returncode != 0:
            sys.exit(f"khabar analyze failed: {proc.stderr[-2000:]}")
        print(f"khabar analyze      {cli_time:6.1f} s  {articles / cli_time:7.1f} articles/s  "
              f"{words / cli_time:9,.0f} words/s  (one process, pipeline build included)")
        print(f"  CPU time          {cli_cpu:6.1f} s")

        with SparkProcesses() as fixed:
            overhead, overhead_cpu, proc = timed([*KHABAR, "spark", str(one), "--out",
                                                  str(work / "one-out"), "--master",
                                                  args.master, "--no-tokens"])
        overhead_cpu += sum(fixed.cpu.values())
        if proc.returncode != 0:
            sys.exit(f"khabar spark failed: {proc.stderr[-2000:]}")
        print(f"spark, 1 article    {overhead:6.1f} s  (the fixed cost of a job; "
              f"{overhead_cpu:.1f} s CPU)")

        with SparkProcesses() as memory:
            spark_time, spark_cpu, proc = timed([*KHABAR, "spark", str(source), "--out",
                                      str(work / "out"), "--master", args.master,
                                      "--no-tokens"])
        if proc.returncode != 0:
            sys.exit(f"khabar spark failed: {proc.stderr[-2000:]}")
        spark_cpu += sum(memory.cpu.values())
        net = spark_time - overhead
        print(f"khabar spark        {spark_time:6.1f} s  {articles / spark_time:7.1f} articles/s  "
              f"{words / spark_time:9,.0f} words/s  (--master {args.master})")
        print(f"  without fixed cost {net:5.1f} s  {articles / net:7.1f} articles/s  "
              f"{words / net:9,.0f} words/s  ({cli_time / net:.2f}× one process)")
        print(f"  CPU time          {spark_cpu:6.1f} s, all processes "
              f"({spark_cpu - overhead_cpu:.1f} s without the fixed cost)")
        print(f"  python workers    {memory.workers} at most, peak RSS {memory.peak_one:,} MB "
              f"each, {memory.peak_total:,} MB together")
        parts = sorted((work / "out" / "analyses").glob("part-*"))
        got = b"".join(p.read_bytes() for p in parts).splitlines()
        expected = cli_out.read_bytes().splitlines()
        differ = sum(a != b for a, b in zip(got, expected, strict=False))
        same = len(got) == len(expected) and not differ
        print(f"  analyses          {len(parts)} part files, " + (
            "byte for byte the CLI output" if same else
            f"DIFFERENT FROM THE CLI OUTPUT: {len(got):,} lines, {differ:,} differ (was khabar's "
            "code edited while this ran?)"))
        print(f"load average        {os.getloadavg()[0]:.2f} at end")
        if not same:
            sys.exit(1)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
