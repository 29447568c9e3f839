"""Ingest all of news-dev into a fresh store: articles/s and database size per article.

    python bench/ingest.py [--db PATH] [--jobs N] [--sample N]

- Ingests ../shared/data/news-dev/articles.jsonl (9,964 articles) into a new store (default
  /tmp/khabar-bench/news-dev.db, outside the repository; kept for bench/search.py), the way
  `khabar ingest` does, with `--jobs` analysing processes (1 = on one core).
- Prints articles/s and words/s of the whole run (wall clock, and per CPU second: the machine is
  shared), what was stored and linked as duplicates, and the store's size (after a WAL
  checkpoint) per stored article.
- Then, on the first `--sample` articles, how the time splits: the analysis (`khabar.analyze`),
  preparing rows (search forms, MinHash) and writing them (SQLite, in transactions).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "news-dev" / "articles.jsonl"
sys.path.insert(0, str(ROOT))

from khabar import analyze  # noqa: E402
from khabar.ingest import IngestOptions, SourceOptions, ingest  # noqa: E402
from khabar.model import Article  # noqa: E402
from khabar.options import Options  # noqa: E402
from khabar.readers import ReadOptions, read_source  # noqa: E402
from khabar.store import Store, prepare  # noqa: E402


def fresh(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def split(sample: int) -> None:
    articles = [a for a in read_source(str(DATA), ReadOptions()) if isinstance(a, Article)]
    articles = articles[:sample]
    options = Options(include_tokens=False)
    started = time.perf_counter()
    analyses = [analyze(a, options) for a in articles]
    analysing = time.perf_counter() - started
    started = time.perf_counter()
    prepared = [prepare(a) for a in analyses]
    preparing = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "split.db") as store:
        started = time.perf_counter()
        for first in range(0, len(prepared), 200):
            with store.transaction():
                for item in prepared[first:first + 200]:
                    store.add(item)
        writing = time.perf_counter() - started
    total = analysing + preparing + writing
    n = len(articles)
    print(f"time split on {n:,} articles (ms/article): analysis {1000 * analysing / n:.2f} "
          f"({analysing / total:.0%}), preparing rows {1000 * preparing / n:.2f} "
          f"({preparing / total:.0%}), writing {1000 * writing / n:.2f} ({writing / total:.0%})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path,
                        default=Path(tempfile.gettempdir()) / "khabar-bench" / "news-dev.db")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--sample", type=int, default=1000)
    args = parser.parse_args()
    if not DATA.exists():
        sys.exit(f"{DATA} is missing: this benchmark needs ../shared/data/news-dev")
    if args.jobs == 1 and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    fresh(args.db)
    cpu_started = os.times()
    with Store(args.db) as store:
        report = ingest(store, [str(DATA)], SourceOptions(),
                        IngestOptions(jobs=args.jobs, progress=False))
    cpu_now = os.times()
    cpu = (cpu_now.user + cpu_now.system + cpu_now.children_user + cpu_now.children_system
           - cpu_started.user - cpu_started.system - cpu_started.children_user
           - cpu_started.children_system)
    conn = sqlite3.connect(args.db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    size = args.db.stat().st_size
    print(report.summary())
    print(f"jobs {args.jobs}: {report.read / report.seconds:,.1f} articles/s read, "
          f"{report.words / report.seconds:,.0f} words/s stored (wall clock; load average "
          f"{os.getloadavg()[0]:.1f})")
    print(f"CPU time {cpu:,.0f} s: {report.read / cpu:,.1f} articles and "
          f"{report.words / cpu:,.0f} words per CPU second")
    print(f"store {args.db}: {size / 2**20:,.1f} MiB, {size / report.stored / 1024:,.1f} KiB per "
          f"stored article")
    if args.sample:
        split(args.sample)


if __name__ == "__main__":
    main()
