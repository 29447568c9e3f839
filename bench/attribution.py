"""Attribution: quality on the gold files, and what it costs in analysis time.

    python bench/attribution.py [--limit N]

Prints

1. quote content and attribution P/R/F1 (the rules of ``khabar evaluate``) on
   ``tests/gold/quotes-*.json`` and on ``../shared/gold/us-iraq-combat-mission.json``, with the
   real pipeline and, to tell attribution errors from entity errors, with the gold entities;
2. over ``../shared/data/news-dev`` (the first N articles, all by default), on one core: the
   time of every analyser, analysis time with and without attribution, and the ratio — the
   issue's budget is at most 20% added — plus the quotes found per article.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

from common import (
    NEWS_DEV,
    ROOT,
    SHARED,
    news_dev_articles,
    pin_to_one_core,
    time_stages,
    word_count,
)

sys.path.insert(0, str(ROOT))
EXAMPLE_GOLD = SHARED / "gold" / "us-iraq-combat-mission.json"
OUR_GOLD = sorted((ROOT / "tests" / "gold").glob("quotes-*.json"))


def quality(paths: list[Path], gold_entities: bool) -> dict[str, dict]:
    """Micro-averaged quote scores over ``paths``."""
    import khabar
    from khabar.attribution import AttributionAnalyser
    from khabar.attribution.oracle import GoldEntities
    from khabar.evaluate import Count, load_gold, score
    from khabar.model import Article
    from khabar.pipeline import Pipeline, pipeline_for
    from khabar.readers import parse_published

    options = khabar.Options()
    real = pipeline_for(options)
    totals = {"quotes.content": Count(), "quotes.attribution": Count()}
    for path in paths:
        gold = load_gold(str(path))
        published = parse_published(gold["published"]) if gold.get("published") else None
        article = Article(gold["text"], id=gold.get("id"), published=published)
        if gold_entities:
            steps = [GoldEntities(options, gold) if a.name == "entities" else a
                     for a in real.analysers if a.name != "quotes"]
            steps.append(AttributionAnalyser(options))
            analysis = Pipeline(steps).run(article)
        else:
            analysis = real.run(article)
        counts = score(gold, analysis.to_dict(include_tokens=False))
        for key, total in totals.items():
            total.add(counts[key])
    return {key: total.as_dict() for key, total in totals.items()}


def print_quality() -> None:
    for label, paths in (("our gold (tests/gold/quotes-*.json)", OUR_GOLD),
                         ("us-iraq-combat-mission (../shared/gold)", [EXAMPLE_GOLD])):
        paths = [p for p in paths if p.exists()]
        if not paths:
            continue
        print(f"{label}: {len(paths)} files")
        for entities, name in ((False, "real pipeline"), (True, "gold entities")):
            scores = quality(paths, entities)
            for key, s in scores.items():
                print(f"  {name:14} {key:19} P {s['precision']:.3f}  R {s['recall']:.3f}  "
                      f"F1 {s['f1']:.3f}  (tp {s['tp']}, pred {s['predicted']}, "
                      f"gold {s['gold']})")
        print()


def print_speed(limit: int | None) -> None:
    import khabar
    from khabar.pipeline import pipeline_for

    if not NEWS_DEV.exists():
        print(f"speed: skipped, {NEWS_DEV} is not available")
        return
    articles = news_dev_articles(limit)
    words = word_count(articles)
    pipeline = pipeline_for(khabar.Options())
    per_stage, analyses = time_stages(pipeline.analysers, articles, keep=True)
    quotes = sum(len(a.quotes) for a in analyses)
    with_quotes = sum(1 for a in analyses if a.quotes)
    by_kind: dict[str, int] = defaultdict(int)
    for analysis in analyses:
        for quote in analysis.quotes:
            by_kind[quote.kind] += 1
    total = sum(per_stage.values())
    attribution = per_stage.get("quotes", 0.0)
    without = total - attribution
    print(f"news-dev: {len(articles):,} articles, {words:,} words, one core")
    for name, seconds in per_stage.items():
        print(f"  {name:12} {seconds:8.2f} s  {words / seconds:>12,.0f} words/s")
    print(f"  analysis without attribution {without:8.2f} s")
    print(f"  analysis with attribution    {total:8.2f} s")
    print(f"  attribution adds             {100 * attribution / without:7.1f} % "
          f"(budget: 20 %)")
    print(f"  attribution alone            {words / attribution:,.0f} words/s")
    print(f"  quotes found                 {quotes:,} ({quotes / len(articles):.2f} per "
          f"article; {with_quotes:,} articles with quotes; "
          + ", ".join(f"{k} {v:,}" for k, v in sorted(by_kind.items())) + ")")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="first N articles of news-dev only")
    parser.add_argument("--skip-speed", action="store_true")
    args = parser.parse_args()
    pin_to_one_core()
    print_quality()
    if not args.skip_speed:
        print_speed(args.limit)


if __name__ == "__main__":
    main()
