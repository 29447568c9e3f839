"""Temporal expressions: khabar against dateparser on the same gold files, and speed.

    python bench/times.py [--silver] [--news N]

Prints, for the gold files (tests/gold/time-*.json and ../shared/gold/*.json), the time span and
value P/R/F1 (``khabar.evaluate`` rules: any overlap, then value and mod equal) of

- khabar (``text`` + ``times`` analysers), and
- dateparser, the Python peer: ``search_dates(text, languages=["ar"])`` with the publication
  date as ``RELATIVE_BASE``; each found string's value is written at the precision dateparser's
  own ``DateDataParser`` gives it (day, week, month, year, time);

then the CPU time of each over the same texts (``time.process_time``, best of ``--repeat``, so
that other work on the machine does not count) and the ratio. ``--news N`` times the time and
quantity analysers alone over N articles of ../shared/data/news-dev (words/s, one core).
``--silver`` also scores khabar on ../shared/data/arabic-timeml-news (machine-made TIMEX3, with
errors; the publication date is inferred from the document's «اليوم»/«أمس»).
"""

from __future__ import annotations

import argparse
import glob
import html
import json
import re
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from common import NEWS_DEV, ROOT, SHARED, pin_to_one_core, time_and_quantity_stages

sys.path.insert(0, str(ROOT))
TIMEML = SHARED / "data" / "arabic-timeml-news" / "Corpus_test"


def gold_files() -> list[str]:
    own = sorted(glob.glob(str(ROOT / "tests" / "gold" / "time-*.json")))
    return own + sorted(glob.glob(str(SHARED / "gold" / "*.json")))


def prf(tp: int, pred: int, gold: int) -> str:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({tp}/{pred} predicted, {gold} gold)"


def khabar_times(golds: list[dict]) -> tuple[list[list[dict]], float]:
    from khabar import Article, Options, analyze
    from khabar.readers import parse_published

    options = Options(analysers=("text", "times"))
    analyze(Article("تمهيد أمس", published=date(2021, 1, 1)), options)  # load data once
    out = []
    started = time.process_time()
    for gold in golds:
        published = parse_published(gold["published"]) if gold.get("published") else None
        analysis = analyze(Article(gold["text"], published=published), options)
        out.append([{"start": t.start, "end": t.end, "value": t.value, "mod": t.mod}
                    for t in analysis.times])
    return out, time.process_time() - started


_FORMATS = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y", "time": "%Y-%m-%dT%H:%M"}


def dateparser_times(golds: list[dict]) -> tuple[list[list[dict]], float]:
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    search_dates("أمس", languages=["ar"])  # load its data once
    out = []
    started = time.process_time()
    for gold in golds:
        settings = {}
        if gold.get("published"):
            settings["RELATIVE_BASE"] = datetime.fromisoformat(gold["published"])
        found = search_dates(gold["text"], languages=["ar"], settings=settings) or []
        parser = DateDataParser(languages=["ar"], settings=settings)
        items = []
        position = 0
        for string, value in found:
            start = gold["text"].find(string, position)
            if start < 0:
                start = gold["text"].find(string)
            if start < 0:
                continue
            position = start + len(string)
            period = parser.get_date_data(string).period or "day"
            if period == "week":
                year, week, _ = value.isocalendar()
                text = f"{year}-W{week:02d}"
            else:
                text = value.strftime(_FORMATS.get(period, "%Y-%m-%d"))
            items.append({"start": start, "end": start + len(string), "value": text,
                          "mod": None})
        out.append(items)
    return out, time.process_time() - started


def score_all(golds: list[dict], predictions: list[list[dict]]) -> dict[str, list[int]]:
    from khabar.evaluate import score

    totals = {"times.span": [0, 0, 0], "times.value": [0, 0, 0]}
    for gold, times in zip(golds, predictions, strict=True):
        counts = score({"text": gold["text"], "times": gold["times"]}, {"times": times})
        for key, total in totals.items():
            c = counts[key]
            total[0] += c.tp
            total[1] += c.pred
            total[2] += c.gold
    return totals


def news_speed(limit: int) -> None:
    words, spent, analyses = time_and_quantity_stages(limit)
    found = {"times": sum(len(a.times) for a in analyses),
             "quantities": sum(len(a.quantities) for a in analyses)}
    both = spent["times"] + spent["quantities"]
    print(f"news-dev: {len(analyses)} articles, {words:,} words")
    for name in found:
        print(f"  {name:<11} {words / spent[name]:>12,.0f} words/s  ({found[name]:,} found)")
    print(f"  {'together':<11} {words / both:>12,.0f} words/s")


_TAG = re.compile(r"<TIMEX3([^>]*)>(.*?)</TIMEX3>", re.S)


def _load_timeml(path: str) -> tuple[str, list[dict]]:
    raw = Path(path).read_text(encoding="utf-8")
    body = raw.split("<TimeML>", 1)[1].rsplit("</TimeML>", 1)[0]
    text, times, position = "", [], 0
    for m in _TAG.finditer(body):
        text += html.unescape(body[position:m.start()])
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
        start = len(text)
        text += html.unescape(m.group(2))
        times.append({"span": [start, len(text)], "value": attrs.get("value"),
                      "mod": attrs.get("mod")})
        position = m.end()
    return text + html.unescape(body[position:]), times


def _inferred_date(text: str, times: list[dict]) -> str | None:
    shift = {"اليوم": 0, "أمس": 1, "الأمس": 1, "الامس": 1, "امس": 1, "غدا": -1}
    for t in times:
        word = text[t["span"][0]:t["span"][1]].strip()
        if word in shift and re.fullmatch(r"\d{4}-\d\d-\d\d", t["value"] or ""):
            return (date.fromisoformat(t["value"]) + timedelta(days=shift[word])).isoformat()
    return None


def silver() -> None:
    paths = sorted(glob.glob(str(TIMEML / "*.tml")))
    golds = []
    dated = 0
    for path in paths:
        text, times = _load_timeml(path)
        published = _inferred_date(text, times)
        dated += published is not None
        golds.append({"text": text, "times": times, "published": published or "2015-12-24"})
    predictions, _ = khabar_times(golds)
    totals = score_all(golds, predictions)
    print(f"\narabic-timeml-news (silver, {len(golds)} documents, date inferred for {dated}, "
          "else 2015-12-24)")
    for key, (tp, pred, gold) in totals.items():
        print(f"  khabar      {key:<12} {prf(tp, pred, gold)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--silver", action="store_true", help="also score the silver corpus")
    parser.add_argument("--news", type=int, default=500, metavar="N",
                        help="news-dev articles for the speed of the analysers (0: skip)")
    parser.add_argument("--repeat", type=int, default=3, help="timing repetitions")
    args = parser.parse_args()
    pin_to_one_core()
    paths = gold_files()
    golds = [json.loads(Path(p).read_text(encoding="utf-8")) for p in paths]
    words = sum(len(g["text"].split()) for g in golds)
    n_times = sum(len(g["times"]) for g in golds)
    print(f"gold: {len(golds)} files, {words:,} words, {n_times} times")
    ours, khabar_seconds = khabar_times(golds)
    theirs, dateparser_seconds = dateparser_times(golds)
    for _ in range(args.repeat - 1):
        khabar_seconds = min(khabar_seconds, khabar_times(golds)[1])
        dateparser_seconds = min(dateparser_seconds, dateparser_times(golds)[1])
    for name, predictions in (("khabar", ours), ("dateparser", theirs)):
        totals = score_all(golds, predictions)
        for key, (tp, pred, gold) in totals.items():
            print(f"  {name:<11} {key:<12} {prf(tp, pred, gold)}")
    print(f"  speed: khabar {khabar_seconds * 1000:.1f} ms ({words / khabar_seconds:,.0f} words/s,"
          f" text + times), dateparser {dateparser_seconds * 1000:.1f} ms "
          f"({words / dateparser_seconds:,.0f} words/s): khabar is "
          f"{dateparser_seconds / khabar_seconds:.0f}x faster")
    if args.silver and TIMEML.exists():
        silver()
    if args.news and NEWS_DEV.exists():
        print()
        news_speed(args.news)


if __name__ == "__main__":
    main()
