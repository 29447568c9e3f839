"""Search latency on the news-dev store and on a synthetic store of 1,000,000 articles.

    python bench/search.py [--dev-db PATH] [--big-db PATH] [--articles N] [--queries N]

- The news-dev store is the one `bench/ingest.py` leaves (built by it when missing).
- The synthetic store (default: 1,000,000 articles, in a temporary folder outside the repository,
  kept between runs) is made by resampling the sentences of the news-dev store: each synthetic
  article draws as many sentences as a random real article has, at random (fixed seed), with
  the search forms khabar indexes for them, a random real title, source and a day in 2015–2024.
- Queries: two-word phrases drawn from the news-dev sentences (adjacent words, function words
  excluded), searched as two words (both must match), through `Store.search` as the CLI and API
  do it: FTS5 match, BM25 ranking, total count, the top 10 with highlighted snippets; the
  store file is read once first, so that it is in the page cache as on a server in use.

Prints the build time and size of the synthetic store, and p50/p95/p99/max latency per store,
on one core; on the synthetic store also with a date filter (`--from 2020-01-01`, about half of
it).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from khabar import analyze  # noqa: E402
from khabar.model import Article  # noqa: E402
from khabar.store import Filters, Store  # noqa: E402
from khabar.store.fold import stopwords, token_forms  # noqa: E402
from khabar.store.index import TEXT_ONLY  # noqa: E402

BENCH_DIR = Path(tempfile.gettempdir()) / "khabar-bench"


def pin_to_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def sentence_pool(dev: Path) -> tuple[list[tuple[str, str, str]], list[int], list[tuple]]:
    """(text, main forms, alternative forms) of every sentence of the dev store; the sentence
    count of each article; (title, source) of each article."""
    conn = sqlite3.connect(dev)
    pool: list[tuple[str, str, str]] = []
    counts: list[int] = []
    meta: list[tuple] = []
    for text, title, source in conn.execute(
            "SELECT text, title, source FROM articles WHERE duplicate_of IS NULL ORDER BY id"):
        analysis = analyze(Article(text), TEXT_ONLY)
        for sentence in analysis.sentences:
            main, alts = [], []
            for token in analysis.tokens[sentence.token_start:sentence.token_end]:
                form, extra = token_forms(token)
                if form:
                    main.append(form)
                    alts.extend(extra)
            pool.append((text[sentence.start:sentence.end], " ".join(main), " ".join(alts)))
        counts.append(max(1, len(analysis.sentences)))
        meta.append((title, source))
    conn.close()
    return pool, counts, meta


def build_big(dev: Path, big: Path, articles: int) -> None:
    """The synthetic store of ``articles`` articles (see the module docstring)."""
    started = time.perf_counter()
    pool, counts, meta = sentence_pool(dev)
    print(f"sentence pool: {len(pool):,} sentences from {len(counts):,} articles "
          f"({time.perf_counter() - started:.0f} s)", flush=True)
    rng = random.Random(1)
    tmp = big.with_suffix(".building")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{tmp}{suffix}").unlink(missing_ok=True)
    Store(tmp).close()
    conn = sqlite3.connect(tmp, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -1000000")
    batch = 20_000
    for first in range(0, articles, batch):
        conn.execute("BEGIN")
        for number in range(first, min(first + batch, articles)):
            picks = [pool[rng.randrange(len(pool))] for _ in range(rng.choice(counts))]
            title, source = meta[rng.randrange(len(meta))]
            day = f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            text = "\n".join(p[0] for p in picks)
            cursor = conn.execute(
                "INSERT INTO articles (key, title, source, published, day, text, text_hash, words)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (f"syn-{number:07d}", title, source, day, day, text,
                 number.to_bytes(8, "little"), 0))
            conn.execute("INSERT INTO article_fts (rowid, title, body, alt) VALUES (?, ?, ?, ?)",
                         (cursor.lastrowid, "", " ".join(p[1] for p in picks),
                          " ".join(p[2] for p in picks if p[2])))
        conn.execute("COMMIT")
        done = min(first + batch, articles)
        print(f"  {done:,} articles ({time.perf_counter() - started:.0f} s)", flush=True)
    conn.execute("INSERT INTO article_fts(article_fts) VALUES ('optimize')")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{tmp}{suffix}").unlink(missing_ok=True)
    tmp.rename(big)
    size = big.stat().st_size
    print(f"built {big}: {articles:,} articles in {time.perf_counter() - started:.0f} s, "
          f"{size / 2**30:.2f} GiB ({size / articles:,.0f} bytes/article)", flush=True)


def queries(dev: Path, count: int) -> list[str]:
    """Two-word queries: adjacent content words of random news-dev sentences (fixed seed)."""
    conn = sqlite3.connect(dev)
    texts = [r[0] for r in conn.execute(
        "SELECT text FROM articles WHERE duplicate_of IS NULL ORDER BY id")]
    conn.close()
    rng = random.Random(2)
    stop = stopwords()
    out: list[str] = []
    while len(out) < count:
        analysis = analyze(Article(texts[rng.randrange(len(texts))]), TEXT_ONLY)
        words = [t for t in analysis.tokens if t.kind == "word"]
        if len(words) < 2:
            continue
        i = rng.randrange(len(words) - 1)
        a, b = words[i], words[i + 1]
        if b.start - a.end > 1 or len(a.text) < 3 or len(b.text) < 3:
            continue
        if token_forms(a)[0] in stop or token_forms(b)[0] in stop:
            continue
        out.append(f"{a.text} {b.text}")
    return out


def warm(db: Path) -> None:
    """Read the store file once, so that the page cache holds it (as on a server in use)."""
    with open(db, "rb") as fh:
        while fh.read(1 << 24):
            pass


def latency(db: Path, qs: list[str], name: str, filters: Filters | None = None) -> None:
    warm(db)
    with Store(db, create=False) as store:
        for q in qs[:5]:  # warm the page cache
            store.search(q, filters)
        times = []
        cpu = []
        hits = []
        for q in qs:
            started, started_cpu = time.perf_counter(), time.process_time()
            result = store.search(q, filters)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
            hits.append(result.total)
    slowest = sorted(zip(times, qs, hits, strict=True))[-3:]

    def pct(values: list[float], p: float) -> float:
        ordered = sorted(values)
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))]

    print(f"{name}: {len(qs)} two-word queries, median {statistics.median(hits):,.0f} matching "
          f"articles; latency p50 {pct(times, 0.5):.1f} ms, p95 {pct(times, 0.95):.1f} ms, "
          f"p99 {pct(times, 0.99):.1f} ms, max {max(times):.1f} ms; CPU time p50 "
          f"{pct(cpu, 0.5):.1f} ms, p95 {pct(cpu, 0.95):.1f} ms")
    print(f"  load average during the run: {os.getloadavg()[0]:.1f}")
    print("  slowest: " + "; ".join(f"{q!r} {t:.0f} ms ({h:,} hits)" for t, q, h in slowest))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dev-db", type=Path, default=BENCH_DIR / "news-dev.db")
    parser.add_argument("--big-db", type=Path, default=None)
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    pin_to_one_core()
    if not args.dev_db.exists():
        subprocess.run([sys.executable, str(ROOT / "bench" / "ingest.py"), "--db",
                        str(args.dev_db)], check=True)
    big = args.big_db or BENCH_DIR / f"synthetic-{args.articles}.db"
    if not big.exists():
        build_big(args.dev_db, big, args.articles)
    qs = queries(args.dev_db, args.queries)
    print(json.dumps(qs[:8], ensure_ascii=False))
    latency(args.dev_db, qs, "news-dev store")
    latency(big, qs, f"synthetic store of {args.articles:,} articles")
    latency(big, qs, f"synthetic store of {args.articles:,} articles, --from 2020-01-01",
            Filters(date_from="2020-01-01"))


if __name__ == "__main__":
    main()
