"""Full-pipeline throughput and memory over ../shared/data/news-dev.

    python bench/pipeline.py [--limit N] [--skip-cli]

Runs `khabar analyze news-dev/articles.jsonl --format jsonl --no-tokens` as a subprocess, checks
that it writes one analysis per article in input order without an error, and reports its wall
time, output size and peak memory (max RSS); then prints, on one core, words per CPU second of
`khabar.analyze` over every article in this process (words = white-space separated words of
the text; CPU time, so that other work on the machine does not count) and the CPU time each
analyser takes.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import NEWS_DEV, news_dev_articles, pin_to_one_core, time_stages, word_count


def in_process(limit: int | None) -> None:
    import khabar
    from khabar.pipeline import pipeline_for

    articles = news_dev_articles(limit)
    words = word_count(articles)
    started = time.perf_counter()
    pipeline = pipeline_for(khabar.Options())
    load_time = time.perf_counter() - started

    started = time.perf_counter()
    per_stage, _ = time_stages(pipeline.analysers, articles)
    wall = time.perf_counter() - started
    total = sum(per_stage.values())

    print(f"articles            {len(articles):,}")
    print(f"words               {words:,}")
    names = ", ".join(a.name for a in pipeline.analysers)
    print(f"pipeline build      {load_time:.2f} s ({names})")
    print(f"analyze total       {total:.1f} s CPU ({wall:.1f} s wall clock)")
    print(f"throughput          {words / total:,.0f} words per CPU second (one core)")
    for name, seconds in per_stage.items():
        print(f"  {name:17} {seconds:7.1f} s  {words / seconds:>12,.0f} words/s  "
              f"{100 * seconds / total:5.1f}%")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS (in-process, all articles held) {rss:,.0f} MB")


def cli_run(limit: int | None) -> None:
    source = NEWS_DEV
    if limit is not None:
        source = Path("/tmp/khabar-bench-news-dev.jsonl")
        with NEWS_DEV.open("rb") as fh, source.open("wb") as out:
            for i, line in enumerate(fh):
                if i >= limit:
                    break
                out.write(line)
    expected = [json.loads(line)["id"] for line in source.open(encoding="utf-8")]
    command = [sys.executable, "-m", "khabar", "analyze", str(source), "--format", "jsonl",
               "--no-tokens"]
    output = Path(tempfile.gettempdir()) / "khabar-bench-analyses.jsonl"
    started = time.perf_counter()
    with output.open("wb") as out:
        proc = subprocess.run(command, stdout=out, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - started
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    with output.open(encoding="utf-8") as fh:
        got = [json.loads(line)["id"] for line in fh]
    size = output.stat().st_size
    output.unlink()
    print(f"CLI: khabar analyze {source.name} --format jsonl --no-tokens")
    print(f"  exit status       {proc.returncode}")
    print(f"  errors on stderr  {len(proc.stderr.splitlines())}")
    print(f"  analyses out      {len(got):,} of {len(expected):,}, "
          f"{'in input order' if got == expected else 'NOT IN INPUT ORDER'}")
    print(f"  wall time         {elapsed:.1f} s")
    print(f"  output            {size / 2**20:,.0f} MB of JSONL")
    print(f"  peak RSS          {rss:,.0f} MB")
    if proc.returncode != 0 or got != expected:
        print(proc.stderr[-2000:])
        sys.exit(1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--skip-cli", action="store_true", help="skip the CLI run")
    args = parser.parse_args()
    if not NEWS_DEV.exists():
        sys.exit(f"{NEWS_DEV} not found")
    pin_to_one_core()
    # The CLI first, while this process is small: a child's peak RSS counts the pages it shares
    # with its parent at fork time.
    if not args.skip_cli:
        cli_run(args.limit)
        print()
    in_process(args.limit)


if __name__ == "__main__":
    main()
