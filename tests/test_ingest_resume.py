"""Kill an ingest half-way (SIGKILL), rerun it: the store ends as an uninterrupted run leaves it."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

from khabar.resources import data_path
from khabar.store import Store
from khabar.store.db import snapshot

ARTICLES = 300


def make_input(path) -> int:
    """Articles made by drawing sentences of the example articles (fixed seed)."""
    sentences = []
    with open(data_path("examples", "articles.jsonl"), encoding="utf-8") as fh:
        for line in fh:
            sentences.extend(s for s in json.loads(line)["text"].split("\n") if s.strip())
    rng = random.Random(6)
    with open(path, "w", encoding="utf-8") as out:
        for number in range(ARTICLES):
            text = "\n".join(rng.sample(sentences, 5))
            month = 1 + number % 12
            out.write(json.dumps({"id": f"a{number:04d}", "text": text, "source": "resume-test",
                                  "published": f"2024-{month:02d}-{1 + number % 28:02d}"},
                                 ensure_ascii=False) + "\n")
    return ARTICLES


def ingest_command(source, db) -> list[str]:
    return [sys.executable, "-m", "khabar", "ingest", str(source), "--db", str(db),
            "--batch", "7", "--no-progress"]


def stored(db) -> int:
    conn = sqlite3.connect(db, timeout=10)
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    finally:
        conn.close()


def test_killed_ingest_resumes_to_the_same_store(tmp_path):
    source = tmp_path / "in.jsonl"
    total = make_input(source)
    killed_db = tmp_path / "killed.db"
    whole_db = tmp_path / "whole.db"

    process = subprocess.Popen(ingest_command(source, killed_db), stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while stored(killed_db) < 40:
        assert process.poll() is None, process.stderr.read().decode()
        assert time.monotonic() < deadline, "ingest made no progress"
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    half = stored(killed_db)
    assert 40 <= half < total, "the ingest was not killed half-way"

    subprocess.run(ingest_command(source, whole_db), check=True, capture_output=True)
    with Store(whole_db) as whole:
        expected = snapshot(whole.conn)
    # Nothing half-written: what the killed run committed is part of what a whole run stores.
    with Store(killed_db) as partial:
        before = snapshot(partial.conn)
    for table, rows in before.items():
        if table == "aliases":  # (entity, key, alias, count): counts only grow
            rows = [r[:3] for r in rows]
            expected_rows = {r[:3] for r in expected[table]}
        else:
            expected_rows = set(expected[table])
        assert set(rows) <= expected_rows, table
    assert len(before["article_fts"]) > 0

    rerun = subprocess.run(ingest_command(source, killed_db), capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{half:,} already stored" in rerun.stdout
    with Store(killed_db) as resumed:
        assert snapshot(resumed.conn) == expected
