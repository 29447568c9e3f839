"""Times and quantities against hand-annotated gold: the shared example and our own files.

The floors are the figures ``bench/times.py`` and ``bench/quantities.py`` measured
(docs/benchmarks.md); they only ever go up.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from khabar import Article, analyze
from khabar.evaluate import Count, load_gold, score
from khabar.options import Options
from khabar.readers import parse_published
from tests.conftest import GOLD, need

OPTIONS = Options(analysers=("text", "times", "quantities"))
OWN_GOLD = sorted(str(p) for p in (Path(__file__).parent / "gold").glob("time-*.json"))

#: Value F1 measured on tests/gold/time-*.json (11 files); raise when it improves.
TIME_VALUE_F1_FLOOR = 1.0
QUANTITY_VALUE_F1_FLOOR = 1.0


def test_every_time_and_quantity_of_the_shared_gold():
    gold = json.loads(need(GOLD).read_text(encoding="utf-8"))
    text = gold["text"]
    analysis = analyze(Article(text, published=date.fromisoformat(gold["published"])), OPTIONS)
    got = {(t.start, t.end): (t.type, t.value, t.mod) for t in analysis.times}
    want = {tuple(t["span"]): (t["type"], t["value"], t["mod"]) for t in gold["times"]}
    assert got == want
    got_q = {(q.start, q.end): (q.value, q.unit, q.approx) for q in analysis.quantities}
    want_q = {tuple(q["span"]): (q["value"], q["unit"], q["approx"]) for q in gold["quantities"]}
    assert got_q == want_q


def test_there_are_enough_gold_files_of_our_own():
    assert len(OWN_GOLD) >= 8
    for path in OWN_GOLD:
        gold = load_gold(path)
        assert gold["times"] and gold["quantities"], path


def test_value_floors_on_our_gold():
    totals = {"times.value": Count(), "quantities.value": Count()}
    for path in OWN_GOLD:
        gold = load_gold(path)
        published = parse_published(gold["published"]) if gold.get("published") else None
        analysis = analyze(Article(gold["text"], published=published), OPTIONS)
        counts = score(gold, analysis.to_dict(include_tokens=False))
        for key, total in totals.items():
            total.add(counts[key])
    assert totals["times.value"].as_dict()["f1"] >= TIME_VALUE_F1_FLOOR
    assert totals["quantities.value"].as_dict()["f1"] >= QUANTITY_VALUE_F1_FLOOR


def test_without_a_publication_date_relative_times_keep_their_span():
    text = "وصل الوفد أمس، ويغادر الأحد المقبل، بعد زيارة بدأت في 15 تشرين الأول 2018."
    analysis = analyze(Article(text), OPTIONS)
    values = {t.text: t.value for t in analysis.times}
    assert values == {"أمس": None, "الأحد المقبل": None, "15 تشرين الأول 2018": "2018-10-15"}
    assert analysis.notes.count("no publication date: 2 relative times left unresolved") == 1


def test_a_datetime_publication_date_anchors_too():
    from datetime import datetime, timedelta, timezone

    published = datetime(2021, 7, 23, 9, 30, tzinfo=timezone(timedelta(hours=3)))
    (t,) = analyze(Article("وصل الوفد أمس", published=published), OPTIONS).times
    assert t.value == "2021-07-22" and t.anchor == "published"


def test_hijri_dates_keep_the_hijri():
    text = "وصل الحجاج في 5 محرم 1446 هـ، وبدأ الصيام في رمضان 1445."
    times = analyze(Article(text, published=date(2024, 8, 1)), OPTIONS).times
    assert [(t.text, t.value, t.hijri) for t in times] == [
        ("5 محرم 1446 هـ", "2024-07-11", "1446-01-05"),
        ("رمضان 1445", "2024-03", "1445-09"),
    ]


def test_a_hijri_year_is_never_a_gregorian_year():
    (t,) = analyze(Article("تأسست المدرسة سنة 1350 هـ", published=date(2021, 7, 23)),
                   OPTIONS).times
    assert t.hijri == "1350" and t.value == "1931"


@pytest.mark.parametrize("text", ["", "   ", "٢٠٢١", "الساعة", "كل", "منذ", "نهاية", "2021/13/45",
                                  "الساعة 99:99", "في 31 فبراير 2021", "قبل 99999999999 يوم"])
def test_odd_input_never_breaks_the_analysers(text):
    analysis = analyze(Article(text, published=date(2021, 7, 23)), OPTIONS)
    for item in [*analysis.times, *analysis.quantities]:
        assert 0 <= item.start < item.end <= len(text)
        assert text[item.start:item.end] == item.text
