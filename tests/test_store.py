"""The store: schema, Arabic full-text search, entities, quotes, times, timelines.

Analyses are built by hand here (text by the real text layer, entities/quotes/times placed by
hand at real offsets), so these tests do not depend on how good the analysers are.
"""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from khabar import analyze
from khabar.model import Article, Cue, Entity, Mention, Quote, Role, Speaker, TimeExpression
from khabar.options import Options
from khabar.store import Filters, Store, StoreError
from khabar.store.db import snapshot
from khabar.store.schema import MIGRATIONS

TEXT_ONLY = Options(analysers=("text",))

T1 = ("قال وزير الدفاع الأميركي جون أوستن، الأحد، إن القوات الأميركيّة ستبقى في العراق حتى "
      "نهاية العام.\nوأضاف أوستن أن \"المهمة لم تنتهِ بعد\".")
T2 = ("التقى رئيس الوزراء العراقي كريم الساعدي في بغداد وأوستن، وبحثا انسحاب القوات "
      "الأمريكية في أيلول المقبل.")
T3 = "أعلنت وزارة المياه الأردنية أن مخزون السدود بلغ 40 في المئة من طاقتها."


def span(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    """The ``nth`` occurrence of ``part`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def mention(text: str, part: str, nth: int = 0) -> Mention:
    start, end = span(text, part, nth)
    return Mention(start, end, part)


def build(text: str, key: str, published: str, title: str | None = None,
          source: str = "khabar-tests"):
    return analyze(Article(text, id=key, title=title, published=date.fromisoformat(published),
                           source=source), TEXT_ONLY)


def article_one():
    a = build(T1, "austin-1", "2024-03-10", "أوستن: القوات باقية في العراق")
    role = span(T1, "وزير الدفاع الأميركي")
    a.entities = [
        Entity("E1", "PER", "جون أوستن", [mention(T1, "جون أوستن"), mention(T1, "أوستن", 1)],
               [Role(*role, "وزير الدفاع الأميركي")]),
        Entity("E2", "LOC", "العراق", [mention(T1, "العراق")]),
    ]
    content = span(T1, "المهمة لم تنتهِ بعد")
    cue = span(T1, "وأضاف")
    a.quotes = [Quote("Q1", "direct", *content, cue=Cue(cue[0] + 1, cue[1], "أضاف"),
                      speaker=Speaker("جون أوستن", "E1", *span(T1, "أوستن", 1)))]
    a.times = [TimeExpression(*span(T1, "الأحد"), "الأحد", "DATE", "2024-03-10"),
               TimeExpression(*span(T1, "نهاية العام"), "نهاية العام", "DATE", "2024", "END")]
    return a


def article_two():
    a = build(T2, "austin-2", "2024-05-02", "الساعدي يلتقي أوستن في بغداد")
    start, end = span(T2, "وأوستن")
    a.entities = [
        Entity("E1", "PER", "كريم الساعدي", [mention(T2, "كريم الساعدي")],
               [Role(*span(T2, "رئيس الوزراء العراقي"), "رئيس الوزراء العراقي")]),
        Entity("E2", "LOC", "بغداد", [mention(T2, "بغداد")]),
        Entity("E3", "PER", "أوستن", [Mention(start + 1, end, "أوستن")]),
    ]
    a.times = [TimeExpression(*span(T2, "أيلول المقبل"), "أيلول المقبل", "DATE", "2024-09")]
    return a


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "k.db") as s:
        for a in (article_one(), article_two(), build(T3, "water", "2024-05-20")):
            assert s.add(a).status == "stored"
        yield s


def keys(result) -> list[str]:
    return [hit["id"] for hit in result.hits]


def test_a_new_store_is_migrated_and_in_wal_mode(tmp_path):
    with Store(tmp_path / "new.db") as s:
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    # Reopening applies nothing twice.
    with Store(tmp_path / "new.db") as s:
        assert s.stats()["articles"] == 0


def test_foreign_and_newer_databases_are_refused(tmp_path):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a khabar store"):
        Store(other)
    newer = tmp_path / "newer.db"
    Store(newer).close()
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer than this khabar knows"):
        Store(newer)
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a khabar store"):
        Store(garbage)


def test_missing_store_is_an_error_when_not_creating(tmp_path):
    with pytest.raises(StoreError, match="no store here yet"):
        Store(tmp_path / "absent.db", create=False)


def test_spelling_variants_find_each_other(store):
    # «الأمريكية» finds «الأميركيّة» (other spelling, with a shadda) and vice versa.
    assert set(keys(store.search("الأمريكية"))) == {"austin-1", "austin-2"}
    assert set(keys(store.search("الأميركية"))) == {"austin-1", "austin-2"}


def test_a_name_finds_it_with_a_conjunction_attached(store):
    assert set(keys(store.search("أوستن"))) == {"austin-1", "austin-2"}
    hit = next(h for h in store.search("أوستن").hits if h["id"] == "austin-2")
    start, end = hit["snippet"]["highlights"][0]
    assert T2[start:end] == "أوستن"  # inside «وأوستن», the و left out


def test_diacritics_and_hamza_do_not_matter(store):
    assert keys(store.search("تنته")) == ["austin-1"]  # the text has «تنتهِ»
    assert set(keys(store.search("القُوّات"))) == {"austin-1", "austin-2"}
    assert keys(store.search("الاميركيه")) != []
    assert keys(store.search("المِياه")) == ["water"]


def test_a_word_without_the_article_finds_it_with_the_article(store):
    assert keys(store.search("مياه")) == ["water"]


def test_phrase_and_prefix_queries(store):
    assert keys(store.search('"رئيس الوزراء العراقي"')) == ["austin-2"]
    assert keys(store.search('"العراقي رئيس"')) == []
    assert set(keys(store.search("القو*"))) == {"austin-1", "austin-2"}
    assert keys(store.search("مخز*")) == ["water"]


def test_snippet_highlights_are_offsets_into_the_original_text(store):
    result = store.search("القوات الأمريكية")
    hit = next(h for h in result.hits if h["id"] == "austin-1")
    snippet = hit["snippet"]
    assert T1[snippet["start"]:snippet["end"]] == snippet["text"]
    words = [T1[s:e] for s, e in snippet["highlights"]]
    assert words == ["القوات", "الأميركيّة"]


def test_ranking_prefers_the_title(tmp_path):
    with Store(tmp_path / "r.db") as s:
        s.add(build("تحدث التقرير عن بغداد وعن مدن أخرى كثيرة في المنطقة.", "body", "2024-01-01"))
        s.add(build("تحدث التقرير عن مدن كثيرة في المنطقة.", "title", "2024-01-01",
                    title="بغداد"))
        assert keys(s.search("بغداد")) == ["title", "body"]


def test_filters(store):
    assert keys(store.search("القوات", Filters(date_from="2024-04-01"))) == ["austin-2"]
    assert keys(store.search("القوات", Filters(date_to="2024-04-01"))) == ["austin-1"]
    assert keys(store.search("القوات", Filters(entity="كريم الساعدي"))) == ["austin-2"]
    assert keys(store.search("القوات", Filters(source="elsewhere"))) == []
    # No words, only a filter: newest first.
    assert keys(store.search("", Filters(source="khabar-tests"))) == [
        "water", "austin-2", "austin-1"]
    with pytest.raises(StoreError, match="no entity called"):
        store.search("القوات", Filters(entity="لا أحد"))
    with pytest.raises(StoreError, match="no words to search for"):
        store.search("  ،  ")


def test_function_words_are_left_out_of_a_query(store):
    assert keys(store.search("في المياه")) == ["water"]


def test_entities_are_linked_across_articles_by_alias(store):
    found = store.entities("أوستن")
    assert [e["name"] for e in found] == ["جون أوستن"]
    assert found[0]["articles"] == 2 and found[0]["mentions"] == 3


def test_entity_page(store):
    page = store.entity("جون أوستن")
    assert page["type"] == "PER"
    assert {a["alias"] for a in page["aliases"]} == {"جون أوستن", "أوستن"}
    assert page["roles"] == [{"role": "وزير الدفاع الأميركي", "count": 1}]
    assert page["months"] == [{"month": "2024-03", "articles": 1, "mentions": 2},
                              {"month": "2024-05", "articles": 1, "mentions": 1}]
    assert {e["name"] for e in page["cooccurring"]} == {"العراق", "كريم الساعدي", "بغداد"}
    [quote] = page["quotes"]
    assert quote["text"] == "المهمة لم تنتهِ بعد" and quote["article"] == "austin-1"


def test_timeline_dates_sentences_by_their_own_dates(store):
    timeline = store.timeline("أوستن")
    dates = [(e["date"], e["date_from"], e["article"]) for e in timeline["entries"]]
    assert dates == [("2024-03-10", "text", "austin-1"), ("2024-03-10", "published", "austin-1"),
                     ("2024-09", "text", "austin-2")]
    last = timeline["entries"][-1]
    assert last["date_text"] == "أيلول المقبل"
    assert [T2[s:e] for s, e in last["mentions"]] == ["أوستن"]


def test_stored_article_round_trips_the_contract(store):
    original = article_one().to_dict(include_tokens=False)
    stored = store.article("austin-1")
    for field in ("schema", "id", "title", "source", "published", "text", "sentences",
                  "quotes", "times", "quantities", "events", "summary"):
        expected = original[field]
        got = stored[field]
        if field == "quotes":
            for quote in got:
                quote["speaker"].pop("ref")
        assert got == expected, field
    for mine, theirs in zip(stored["entities"], original["entities"], strict=True):
        assert mine.pop("ref") > 0
        assert mine == theirs


def test_unknown_article_and_entity_are_errors(store):
    with pytest.raises(StoreError, match="no article 'nope'"):
        store.article("nope")
    with pytest.raises(StoreError, match="no entity called"):
        store.entity("لا أحد")


def test_same_key_same_text_is_present_different_text_is_a_conflict(store):
    assert store.add(article_one()).status == "present"
    assert store.add(build(T3 + " وأكثر.", "water", "2024-05-20")).status == "conflict"
    assert store.stats()["articles"] == 3


def test_exact_and_near_duplicates_are_linked_not_stored(store):
    copy = build(T1, "austin-1-copy", "2024-03-11", source="another-site")
    outcome = store.add(copy)
    assert (outcome.status, outcome.duplicate_of) == ("exact", "austin-1")
    long_text = " ".join([T1.replace("\n", " ")] * 2 + [T2])
    store.add(build(long_text, "long", "2024-06-01"))
    edited = build(long_text.replace("بغداد", "بغداد اليوم"), "long-edited", "2024-06-02")
    outcome = store.add(edited)
    assert outcome.status == "near" and outcome.duplicate_of == "long"
    assert 0.8 <= outcome.similarity < 1.0
    hits = {h["id"]: h for h in store.search("الساعدي").hits}
    assert "long-edited" not in hits
    assert [d["id"] for d in hits["long"]["duplicates"]] == ["long-edited"]
    assert store.article("long-edited")["duplicate_of"] == "long"


def test_snapshot_sees_every_table(store):
    snap = snapshot(store.conn)
    assert {"articles", "entities", "mentions", "quotes", "times", "article_fts"} <= set(snap)
    assert any(term == "اوستن" for term, *_ in snap["article_fts"])


def test_huge_result_sets_rank_only_the_newest_matches(store, monkeypatch):
    import importlib

    search_module = importlib.import_module("khabar.store.search")

    monkeypatch.setattr(search_module, "RANK_CAP", 2)
    result = store.search("القوات")
    assert (result.total, result.ranked_among) == (2, None)
    store.add(build("انسحبت القوات من المدينة.", "newest", "2023-01-01"))
    result = store.search("القوات")
    assert (result.total, result.ranked_among) == (3, 2)
    # The two stored last are ranked; the first stored is left out of the ranking.
    assert set(keys(result)) == {"austin-2", "newest"}


def test_filtered_huge_result_sets_rank_only_the_newest_matches(store, monkeypatch):
    import importlib

    search_module = importlib.import_module("khabar.store.search")
    monkeypatch.setattr(search_module, "RANK_CAP", 1)
    result = store.search("القوات", Filters(source="khabar-tests"))
    assert (result.total, result.ranked_among, keys(result)) == (2, 1, ["austin-2"])
