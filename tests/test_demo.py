"""``khabar demo``: the README's first command, on the example articles, offline."""

from __future__ import annotations

import json

from khabar.cli import main
from khabar.resources import data_path


def test_example_articles_are_ours_and_complete():
    lines = data_path("examples", "articles.jsonl").read_text("utf-8").splitlines()
    assert len(lines) >= 11
    ids = set()
    for line in lines:
        record = json.loads(line)
        assert {"id", "title", "published", "source", "text"} <= set(record)
        assert record["source"].startswith("khabar-examples")
        ids.add(record["id"])
    assert len(ids) == len(lines)


def test_demo_tours_a_fresh_store_and_is_idempotent(tmp_path, capsys):
    db = tmp_path / "demo.db"
    assert main(["demo", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "11 read: 10 stored, 0 exact and 1 near duplicates linked" in out
    assert ("linked jordan-syria-water-committee-wire → jordan-syria-water-committee"
            in out)
    assert "# الأردن وسوريا تتفقان على زيادة تدفق المياه إلى سد الوحدة" in out
    # The search is spelt «الأمريكية» and finds the article that spells it «الأميركية» too.
    assert "2 results" in out
    assert "[الوكالة] [الأميركية]" in out and "[الوكالة] [الأمريكية]" in out
    assert "khabar entity" in out and "khabar timeline" in out
    assert f"khabar serve --db {db}" in out
    assert main(["demo", "--db", str(db)]) == 0
    again = capsys.readouterr().out
    assert "11 read: 0 stored, 0 exact and 0 near duplicates linked, 11 already stored" in again
