"""The whole pipeline over real unlabeled news: no exception, every span inside the text.

    python bench/robustness.py [--limit N] [--offset K]

Reads articles from ../shared/data/news-unlabeled (gzipped JSONL; by default the 20,000 after
the first 10,000, which news-dev already covers), analyses each with its date, and checks what
the property tests check on arbitrary strings: `analyze` does not raise; every span lies inside
the text with start < end; sentences and tokens are in order and do not overlap; the summary
points at sentences. Prints the counts and the first failures.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "news-unlabeled" / "articles.jsonl.gz"


def problems(data: dict) -> list[str]:
    """What is wrong with a serialised analysis (nothing, hopefully)."""
    text = data["text"]
    found = []

    def walk(node, path):
        if isinstance(node, dict):
            if isinstance(node.get("start"), int) and isinstance(node.get("end"), int) and \
                    not 0 <= node["start"] < node["end"] <= len(text):
                found.append(f"{path}: span {node['start']}-{node['end']} outside the text")
            for key, value in node.items():
                walk(value, f"{path}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{path}[{i}]")

    walk(data, "$")
    for key in ("sentences", "tokens"):
        previous = 0
        for item in data[key]:
            if item["start"] < previous:
                found.append(f"{key} overlap or out of order at {item['start']}")
            previous = item["end"]
    if any(not 0 <= i < len(data["sentences"]) for i in data["summary"]):
        found.append("summary points outside the sentences")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=20_000)
    parser.add_argument("--offset", type=int, default=10_000)
    args = parser.parse_args()
    if not CORPUS.exists():
        sys.exit(f"{CORPUS} not found")
    import khabar
    from khabar.errors import DateError
    from khabar.readers import parse_published

    analysed = raised = bad = words = 0
    started = time.process_time()
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for number, line in enumerate(fh):
            if number < args.offset:
                continue
            if analysed + raised >= args.limit:
                break
            record = json.loads(line)
            try:
                published = parse_published(record["date"]) if record.get("date") else None
            except DateError:
                published = None
            article = khabar.Article(record["text"], id=record["id"], published=published)
            words += len(article.text.split())
            try:
                data = khabar.analyze(article).to_dict()
            except Exception:
                raised += 1
                if raised <= 5:
                    print(f"{record['id']}: raised\n{traceback.format_exc(limit=-4)}")
                continue
            analysed += 1
            found = problems(data)
            if found:
                bad += 1
                if bad <= 5:
                    print(f"{record['id']}: {found[:3]}")
    elapsed = time.process_time() - started
    print(f"articles {analysed + raised:,} ({words:,} words) from offset {args.offset:,}")
    print(f"raised an exception   {raised}")
    print(f"spans or order wrong  {bad}")
    print(f"speed                 {words / elapsed:,.0f} words per CPU second")
    sys.exit(1 if raised or bad else 0)


if __name__ == "__main__":
    main()
