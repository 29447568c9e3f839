"""``khabar ingest``: files, folders, feeds, pages; duplicates, idempotence, errors, SSRF guard."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from khabar.cli import main
from khabar.ingest import IngestOptions, SourceOptions, ingest
from khabar.ingest.fetch import FetchError, fetch, is_public
from khabar.resources import data_path
from khabar.store import Store
from khabar.store.db import snapshot

EXAMPLES = str(data_path("examples", "articles.jsonl"))
QUIET = IngestOptions(progress=False)

STORY = ("أعلن المجلس البلدي في مدينة صفاقس، أمس الخميس، إطلاق مشروع لتوسيع شبكة النقل العام "
         "يشمل 40 حافلة جديدة وخطين إضافيين يربطان وسط المدينة بالمنطقة الصناعية. وقالت رئيسة "
         "المجلس سلمى الطرابلسي إن المشروع سيكلف نحو 12 مليون دينار، وإن الحافلات الأولى ستدخل "
         "الخدمة مطلع الصيف المقبل. وأضافت أن الدراسات أظهرت أن أكثر من ثلاثين ألف عامل يتنقلون "
         "يوميا بين وسط المدينة والمنطقة الصناعية.")
OTHER = ("افتتحت مكتبة عامة جديدة في مدينة إربد تضم أكثر من عشرين ألف كتاب، وقال مدير المكتبة "
         "يوسف العمري إنها ستفتح أبوابها للطلاب حتى منتصف الليل خلال فترة الامتحانات.")


def run_ingest(db, *sources, allow_private=False, fetch_pages=True):
    with Store(db) as store:
        return ingest(store, [str(s) for s in sources],
                      SourceOptions(allow_private=allow_private, fetch_pages=fetch_pages), QUIET)


def test_folder_of_text_html_and_jsonl(tmp_path):
    folder = tmp_path / "in"
    (folder / "tunisia").mkdir(parents=True)
    (folder / "tunisia" / "sfax-buses.txt").write_text(STORY, encoding="utf-8")
    (folder / "irbid.html").write_text(
        f"<html><head><title>مكتبة إربد</title></head><body><article><p>{OTHER}</p>"
        "</article></body></html>", encoding="utf-8")
    (folder / "batch.jsonl").write_text(
        json.dumps({"id": "j1", "text": STORY.replace("صفاقس", "سوسة"), "published": "2024-02-01",
                    "source": "wire"}, ensure_ascii=False) + "\n", encoding="utf-8")
    (folder / "notes.md").write_text("ignored", encoding="utf-8")
    report = run_ingest(tmp_path / "k.db", folder)
    assert report.errors == []
    assert report.stored + report.near + report.exact == 3
    with Store(tmp_path / "k.db") as store:
        keys = {r[0] for r in store.conn.execute("SELECT key FROM articles")}
        # Files in a folder are keyed by their path inside it.
        assert keys == {"tunisia/sfax-buses", "irbid", "j1"}
        assert store.article("irbid")["title"] == "مكتبة إربد"


def test_ingesting_twice_adds_nothing(tmp_path):
    db = tmp_path / "k.db"
    first = run_ingest(db, EXAMPLES)
    assert first.stored >= 10 and first.errors == []
    with Store(db) as store:
        before = snapshot(store.conn)
    second = run_ingest(db, EXAMPLES)
    assert (second.stored, second.exact, second.near) == (0, 0, 0)
    assert second.present == first.read
    with Store(db) as store:
        assert snapshot(store.conn) == before


def test_republished_story_is_linked_not_stored(tmp_path):
    report = run_ingest(tmp_path / "k.db", EXAMPLES)
    assert ("jordan-syria-water-committee-wire", "jordan-syria-water-committee") in {
        (key, target) for key, target, _ in report.links}
    with Store(tmp_path / "k.db") as store:
        row = store.conn.execute(
            "SELECT text, duplicate_of IS NOT NULL FROM articles WHERE key = ?",
            ("jordan-syria-water-committee-wire",)).fetchone()
        assert row == (None, 1)


def test_bad_records_are_listed_and_the_rest_stored(tmp_path, capsys):
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join([
        json.dumps({"id": "good", "text": STORY}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "english", "text": "This is an English sentence about buses."}),
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "bad-date", "text": OTHER, "published": "yesterday"},
                   ensure_ascii=False),
    ]) + "\n", encoding="utf-8")
    status = main(["ingest", str(batch), str(tmp_path / "missing.txt"), "--db",
                   str(tmp_path / "k.db"), "--no-progress"])
    assert status == 1
    err = capsys.readouterr()
    assert f"{batch}:2: invalid JSON" in err.err
    assert f"{batch}:3: not Arabic text" in err.err
    assert f"{batch}:4: no \"text\" field" in err.err
    assert f"{batch}:5" in err.err and "'yesterday' is not a date" in err.err
    assert f"{tmp_path / 'missing.txt'}: no such file" in err.err
    assert "6 read: 1 stored" in err.out and "5 errors" in err.out


def test_same_id_with_another_text_is_reported(tmp_path):
    first = tmp_path / "a.jsonl"
    first.write_text(json.dumps({"id": "x", "text": STORY}, ensure_ascii=False) + "\n", "utf-8")
    second = tmp_path / "b.jsonl"
    second.write_text(json.dumps({"id": "x", "text": OTHER}, ensure_ascii=False) + "\n", "utf-8")
    run_ingest(tmp_path / "k.db", first)
    report = run_ingest(tmp_path / "k.db", second)
    assert report.errors == [("x", "already stored with a different text; the stored version "
                                   "is kept")]


FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>أخبار الاختبار</title><link>{base}/</link>
<item><title>حافلات صفاقس</title><link>{base}/sfax.html</link><guid>{base}/sfax</guid>
<pubDate>Thu, 01 Feb 2024 09:30:00 GMT</pubDate></item>
<item><title>مكتبة إربد</title><link>{base}/missing.html</link><guid>{base}/irbid</guid>
<description>{other}</description></item>
<item><title>لا شيء</title><link>{base}/missing-too.html</link><guid>{base}/nothing</guid></item>
</channel></rss>"""


@pytest.fixture()
def server():
    pages: dict[str, tuple[str, bytes]] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path not in pages:
                self.send_error(404)
                return
            kind, body = pages[self.path]
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    pages["/feed.xml"] = ("application/rss+xml", FEED.format(base=base, other=OTHER).encode())
    pages["/sfax.html"] = ("text/html; charset=utf-8", (
        f"<html><head><title>حافلات صفاقس</title></head><body><article><p>{STORY}</p>"
        "</article></body></html>").encode())
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield base
    httpd.shutdown()


def test_feed_over_http_with_private_addresses_allowed(tmp_path, server):
    report = run_ingest(tmp_path / "k.db", f"{server}/feed.xml", allow_private=True)
    assert report.stored == 2
    [(where, message)] = report.errors
    assert where.startswith(f"{server}/feed.xml#3") and "HTTP 404" in message
    with Store(tmp_path / "k.db") as store:
        fetched = store.article(f"{server}/sfax")
        assert fetched["title"] == "حافلات صفاقس"
        assert fetched["source"] == "أخبار الاختبار"
        assert fetched["published"].startswith("2024-02-01T09:30")
        assert "سلمى الطرابلسي" in fetched["text"]
        # The page could not be fetched: the feed's own text is used.
        assert store.article(f"{server}/irbid")["text"].startswith("افتتحت مكتبة")


def test_loopback_is_refused_without_the_flag(tmp_path, server, capsys):
    status = main(["ingest", f"{server}/feed.xml", "--db", str(tmp_path / "k.db"),
                   "--no-progress"])
    assert status == 1
    err = capsys.readouterr().err
    assert "refusing to fetch from 127.0.0.1" in err and "--allow-private" in err
    with pytest.raises(FetchError, match="private or loopback"):
        fetch(f"{server}/sfax.html")
    assert fetch(f"{server}/sfax.html", allow_private=True).data.startswith(b"<html>")


@pytest.mark.parametrize("address", ["127.0.0.1", "10.1.2.3", "192.168.0.1", "169.254.169.254",
                                     "::1", "fc00::1", "0.0.0.0", "::ffff:127.0.0.1", "224.0.0.1"])
def test_private_addresses_are_not_public(address):
    assert not is_public(address)


def test_public_addresses_are_public():
    assert is_public("8.8.8.8") and is_public("2001:4860:4860::8888")


def test_only_http_urls_are_fetched():
    with pytest.raises(FetchError, match="not an http"):
        fetch("file:///etc/passwd")


def test_feed_file_without_fetching(tmp_path):
    feed = tmp_path / "news.rss"
    feed.write_text(FEED.format(base="http://example.invalid", other=OTHER), encoding="utf-8")
    report = run_ingest(tmp_path / "k.db", feed, fetch_pages=False)
    assert report.stored == 1
    assert [(w.split(" ")[0], m) for w, m in report.errors] == [
        (f"{feed}#{n}", "the entry carries no text, and pages are not fetched (--no-fetch)")
        for n in (1, 3)]


def test_parallel_analysis_stores_the_same_as_one_process(tmp_path):
    one = run_ingest(tmp_path / "one.db", EXAMPLES)
    with Store(tmp_path / "two.db") as store:
        two = ingest(store, [EXAMPLES], SourceOptions(), IngestOptions(jobs=2, progress=False))
    assert (one.stored, one.near, one.errors) == (two.stored, two.near, two.errors)
    with Store(tmp_path / "one.db") as a, Store(tmp_path / "two.db") as b:
        assert snapshot(a.conn) == snapshot(b.conn)


def test_an_article_page_by_url(tmp_path, server):
    report = run_ingest(tmp_path / "k.db", f"{server}/sfax.html", allow_private=True)
    assert (report.stored, report.errors) == (1, [])
    with Store(tmp_path / "k.db") as store:
        page = store.article(f"{server}/sfax.html")
        assert page["url"] == f"{server}/sfax.html" and page["title"] == "حافلات صفاقس"
