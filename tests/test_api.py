"""The HTTP API: analyse, search, articles, entities, quotes; limits and clear errors."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient

from khabar import analyze
from khabar.model import Article, Cue, Entity, Mention, Quote, Speaker
from khabar.options import Options
from khabar.web.app import create_app
from tests.conftest import examples_store

TEXT = ("قالت الوزيرة هالة النعيمي في الدوحة، الاثنين، إن \"الميناء الجديد سيفتح العام المقبل\". "
        "وأضافت النعيمي أن كلفة المشروع تبلغ 800 مليون دولار.")
SAMPLE = "قال الوزير إن المحادثات ستستأنف الخميس في عمّان."


def hand_built():
    a = analyze(Article(TEXT, id="doha-port", title="ميناء الدوحة", source="api-test",
                        published=date(2024, 11, 4)), Options(analysers=("text",)))
    first = TEXT.index("هالة النعيمي")
    second = TEXT.index("النعيمي", first + 10)
    a.entities = [Entity("E1", "PER", "هالة النعيمي",
                         [Mention(first, first + 12, "هالة النعيمي"),
                          Mention(second, second + 7, "النعيمي")])]
    start = TEXT.index("الميناء الجديد")
    end = TEXT.index("\".")
    a.quotes = [Quote("Q1", "direct", start, end, Cue(0, 4, "قالت"),
                      Speaker("هالة النعيمي", "E1", first, first + 12))]
    return a


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = examples_store(tmp_path_factory.mktemp("api") / "k.db", hand_built())
    with TestClient(create_app(db, max_body=20_000, max_text=5_000)) as c:
        yield c


def test_analyze_returns_the_contract(client):
    response = client.post("/api/analyze", json={"text": SAMPLE, "published": "2024-09-18"})
    assert response.status_code == 200
    data = response.json()
    assert data["schema"] == "khabar.analysis/1"
    assert data["text"] == SAMPLE and data["published"] == "2024-09-18"
    for field in ("sentences", "entities", "quotes", "times", "quantities", "events", "summary"):
        assert isinstance(data[field], list)
    assert "tokens" not in data
    assert data["sentences"] == [{"start": 0, "end": len(SAMPLE)}]
    with_tokens = client.post("/api/analyze?tokens=true", json={"text": SAMPLE}).json()
    assert with_tokens["tokens"][0]["start"] == 0


@pytest.mark.parametrize(("body", "status", "message"), [
    ({}, 422, "text: Field required"),
    ({"text": "   "}, 400, "field 'text' is empty"),
    ({"text": "Only English words here."}, 400, "not Arabic text"),
    ({"text": SAMPLE, "published": "tomorrow"}, 400, "'tomorrow' is not a date"),
    ({"text": "خبر " * 2000}, 413, "over the limit of 5,000"),
])
def test_analyze_errors_are_one_line_4xx(client, body, status, message):
    response = client.post("/api/analyze", json=body)
    assert response.status_code == status
    error = response.json()["error"]
    assert message in error and "\n" not in error and "Traceback" not in error


def test_a_lone_surrogate_is_refused_in_one_line(client):
    response = client.post("/api/analyze", content='{"text": "قال الوزير \\ud800 إن الاتفاق مهم"}'
                           .encode(), headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert response.json()["error"].endswith("lone surrogate (\\ud800) at character 11: "
                                             "not valid Unicode")


def test_oversized_and_malformed_bodies(client):
    response = client.post("/api/analyze", content=b"{" + b" " * 30_000 + b"}",
                           headers={"Content-Type": "application/json"})
    assert response.status_code == 413
    assert response.json() == {"error": "request body over the limit of 20,000 bytes"}
    response = client.post("/api/analyze", content=b"{not json",
                           headers={"Content-Type": "application/json"})
    assert response.status_code == 422 and "JSON" in response.json()["error"]


def test_search(client):
    data = client.get("/api/search", params={"q": "الوكالة الأمريكية"}).json()
    assert {h["id"] for h in data["hits"]} == {"amman-water-day-conference",
                                               "amman-water-rationing"}
    hit = data["hits"][0]
    assert set(hit) >= {"id", "title", "source", "published", "score", "snippet", "duplicates"}
    filtered = client.get("/api/search", params={"q": "الوكالة الأمريكية",
                                                 "from": "2025-01-01"}).json()
    assert [h["id"] for h in filtered["hits"]] == ["amman-water-day-conference"]
    assert client.get("/api/search", params={"q": "x", "limit": 1000}).status_code == 422
    bad = client.get("/api/search", params={"q": "المياه", "from": "soon"})
    assert bad.status_code == 400 and "'soon' is not a date" in bad.json()["error"]


def test_articles(client):
    latest = client.get("/api/articles", params={"limit": 3}).json()
    assert [a["id"] for a in latest] == ["yarmouk-wells-closure", "amman-water-day-conference",
                                         "beirut-port-grain-silos"]
    article = client.get("/api/articles/doha-port").json()
    assert article["schema"] == "khabar.analysis/1" and article["text"] == TEXT
    assert article["entities"][0]["name"] == "هالة النعيمي"
    missing = client.get("/api/articles/nope")
    assert missing.status_code == 404
    assert missing.json() == {"error": "no article 'nope' in the store"}
    duplicate = client.get("/api/articles/jordan-syria-water-committee-wire").json()
    assert duplicate["duplicate_of"] == "jordan-syria-water-committee"


def test_entities_and_quotes(client):
    [found] = client.get("/api/entities", params={"name": "النعيمي"}).json()
    assert found["name"] == "هالة النعيمي" and found["mentions"] == 2
    page = client.get(f"/api/entities/{found['id']}").json()
    assert page["quotes"][0]["text"] == "الميناء الجديد سيفتح العام المقبل"
    by_name = client.get("/api/entities/هالة النعيمي").json()
    assert by_name["id"] == found["id"]
    timeline = client.get(f"/api/entities/{found['id']}/timeline").json()
    assert timeline["entries"][0]["date"] == "2024-11-04"
    quotes = client.get("/api/quotes", params={"speaker": "هالة النعيمي"}).json()
    assert [q["article"] for q in quotes] == ["doha-port"]
    assert client.get("/api/entities/لا أحد").status_code == 404


def test_stats_page_and_openapi(client):
    stats = client.get("/api/stats").json()
    assert stats["articles"] == 11 and stats["duplicates"] == 1
    page = client.get("/")
    assert page.status_code == 200 and 'dir="rtl"' in page.text and 'lang="ar"' in page.text
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/analyze", "/api/search", "/api/articles/{key}", "/api/entities/{ref}",
            "/api/quotes"} <= set(paths)
    unknown = client.get("/api/nothing-here")
    assert unknown.status_code == 404 and "error" in unknown.json()
