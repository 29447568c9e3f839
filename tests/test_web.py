"""The web page in a real headless Chromium: load, analyse, search, open an entity, screenshot.

Needs Debian's chromium (``apt-get install -y chromium``) and the ``playwright`` package; skips
with the reason when either is missing.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from khabar import analyze
from khabar.model import Article, Entity, Mention, Quote, Speaker, TimeExpression
from khabar.options import Options
from tests.conftest import examples_store

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
    pytest.skip(f"no chromium at {CHROMIUM} (apt-get install -y chromium)",
                allow_module_level=True)
playwright_api = pytest.importorskip("playwright.sync_api",
                                     reason="playwright is not installed (pip install playwright)")
uvicorn = pytest.importorskip("uvicorn")

EVIL = "<img src=x onerror=\"document.title='pwned'\">"
TEXT = ("أكدت الباحثة نور الهدى السيد في القاهرة، الثلاثاء، أن \"نهر النيل يحتاج إلى خطة "
        f"جديدة\". وكتبت السيد في تقريرها {EVIL} أن المياه تراجعت.")
SAMPLE = "قال الوزير إن المحادثات ستستأنف الخميس في عمّان."


def escaped_article():
    a = analyze(Article(TEXT, id="nile-report", title="تقرير النيل " + EVIL, source="web-test",
                        published=date(2024, 6, 4)), Options(analysers=("text",)))
    first = TEXT.index("نور الهدى السيد")
    second = TEXT.index("السيد", first + 12)
    a.entities = [Entity("E1", "PER", "نور الهدى السيد",
                         [Mention(first, first + 15, "نور الهدى السيد"),
                          Mention(second, second + 5, "السيد")])]
    start = TEXT.index("نهر النيل")
    a.quotes = [Quote("Q1", "direct", start, TEXT.index("\". "), None,
                      Speaker("نور الهدى السيد", "E1", first, first + 15))]
    day = TEXT.index("الثلاثاء")
    a.times = [TimeExpression(day, day + 8, "الثلاثاء", "DATE", "2024-06-04")]
    return a


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    from khabar.web.app import create_app

    db = examples_store(tmp_path_factory.mktemp("web") / "k.db", escaped_article())
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page(base_url):
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        context = browser.new_context(locale="ar", viewport={"width": 1200, "height": 900})
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(base_url)
        yield page
        assert errors == []
        browser.close()


def test_page_loads_in_arabic_right_to_left(page):
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    page.wait_for_function("document.getElementById('stats').textContent.length > 0")
    assert "11 مقال" in page.locator("#stats").text_content()


def test_analyse_a_pasted_text(page, base_url):
    page.goto(f"{base_url}/#/")
    page.fill("#analyze-text", SAMPLE)
    page.fill("#analyze-date", "2024-09-18")
    with page.expect_response("**/api/analyze") as response:
        page.click("#analyze-button")
    analysis = response.value.json()
    page.wait_for_selector("#analysed-text")
    assert page.locator("#analysed-text").text_content() == SAMPLE
    # Every entity mention and time the API found is highlighted, with its details on hover.
    mentions = sum(len(e["mentions"]) for e in analysis["entities"])
    assert page.locator("#analysed-text .ent").count() >= mentions
    assert page.locator("#analysed-text .time").count() >= len(analysis["times"])
    for time_ in analysis["times"]:
        assert page.locator(f"#analysed-text .time[title*='{time_['value']}']").count() >= 1


def test_search_with_highlighted_snippets(page, base_url):
    page.goto(f"{base_url}/#/search")
    page.fill("#search-q", "الوكالة الأمريكية")
    page.click("#search-button")
    page.wait_for_selector(".hit")
    assert page.locator("#total").text_content() == "2 نتيجة"
    marks = page.locator(".hit mark").all_text_contents()
    assert {"الأمريكية", "الأميركية"} <= set(marks)
    page.fill("#search-from", "2025-01-01")
    page.click("#search-button")
    page.wait_for_function("document.getElementById('total') && "
                           "document.getElementById('total').textContent === '1 نتيجة'")


def test_article_page_escapes_text_and_marks_entities_quotes_times(page, base_url):
    page.goto(f"{base_url}/#/article/nile-report")
    page.wait_for_selector("#analysed-text")
    # The markup in the article is shown as text, never run.
    assert EVIL in page.locator("#analysed-text").text_content()
    assert EVIL in page.locator("#article-title").text_content()
    assert page.locator("#view img").count() == 0
    assert page.title() != "pwned"
    quote = page.locator("#analysed-text .quote").first
    assert "نور الهدى السيد" in quote.get_attribute("title")
    assert page.locator("#analysed-text .time").first.get_attribute("title").startswith(
        "2024-06-04")
    assert page.locator("#analysed-text a.ent.PER").count() == 2


def test_open_an_entity_and_take_a_screenshot(page, base_url, tmp_path):
    page.goto(f"{base_url}/#/article/nile-report")
    page.wait_for_selector("#analysed-text a.ent.PER")
    page.locator("#analysed-text a.ent.PER").first.click()
    page.wait_for_selector("#entity-name")
    assert page.locator("#entity-name").text_content() == "نور الهدى السيد"
    assert "السيد" in page.locator("#aliases").text_content()
    assert page.locator("svg.chart rect").count() == 1
    assert "نهر النيل يحتاج إلى خطة جديدة" in page.locator("#entity-quotes").text_content()
    assert page.locator("#timeline li").count() == 2
    shot = tmp_path / "entity.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
