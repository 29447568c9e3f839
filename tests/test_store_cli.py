"""``khabar search``, ``khabar entity``, ``khabar timeline`` on a store of the example articles."""

from __future__ import annotations

import json

import pytest

from khabar.cli import main
from khabar.store import Store
from tests.conftest import examples_store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return str(examples_store(tmp_path_factory.mktemp("cli") / "k.db"))


def test_search_text_and_json(db, capsys):
    assert main(["search", "الوكالة الأمريكية", "--db", db]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1–2 of 2 results for 'الوكالة الأمريكية'")
    assert "[الوكالة] [الأميركية]" in out
    assert main(["search", "سد الوحدة", "--db", db, "--format", "json", "--limit", "2"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] >= 4 and len(data["hits"]) == 2
    committee = main(["search", "اللجنة المشتركة", "--db", db, "--format", "json"])
    assert committee == 0
    hits = {h["id"]: h for h in json.loads(capsys.readouterr().out)["hits"]}
    assert [d["id"] for d in hits["jordan-syria-water-committee"]["duplicates"]] == [
        "jordan-syria-water-committee-wire"]


def test_search_filters_from_the_command_line(db, capsys):
    assert main(["search", "المياه", "--db", db, "--from", "2025-01-01", "--to", "2025-03-31",
                 "--format", "json"]) == 0
    hits = json.loads(capsys.readouterr().out)["hits"]
    assert [h["id"] for h in hits] == ["amman-water-day-conference"]
    assert main(["search", "المياه", "--db", db, "--from", "March"]) == 2
    assert "--from: 'March' is not a date" in capsys.readouterr().err


def test_missing_store_is_a_one_line_error(tmp_path, capsys):
    assert main(["search", "المياه", "--db", str(tmp_path / "none.db")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("khabar: error: ") and "no store here yet" in err
    assert err.count("\n") == 1


def test_entity_and_timeline_commands(db, capsys):
    with Store(db) as store:
        people = [n for (n,) in store.conn.execute("SELECT name FROM entities WHERE type='PER'")]
    assert "سامر الخطيب" in people
    name = max(people, key=lambda n: Store(db).entity(n)["mentions"])
    assert main(["entity", name, "--db", db]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"# {name} (PER, #") and "## Mentions over time" in out
    assert main(["timeline", name, "--db", db, "--format", "json"]) == 0
    timeline = json.loads(capsys.readouterr().out)
    dates = [e["date"] for e in timeline["entries"]]
    assert dates == sorted(dates)
    assert main(["entity", "لا أحد بهذا الاسم", "--db", db]) == 2
    assert "no entity called 'لا أحد بهذا الاسم'" in capsys.readouterr().err
