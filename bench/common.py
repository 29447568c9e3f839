"""What the benchmarks share: where the corpora are, one core, news-dev articles, stage timing."""

from __future__ import annotations

import json
import os
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
NEWS_DEV = SHARED / "data" / "news-dev" / "articles.jsonl"


def pin_to_one_core() -> None:
    """Run on one core (and one BLAS thread), as the speed figures are stated per core."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def news_dev_articles(limit: int | None = None) -> list:
    """The first ``limit`` (default all) news-dev articles as :class:`khabar.Article` objects."""
    from khabar.readers import ReadOptions, article_from_record

    options = ReadOptions(require_arabic=False)
    articles = []
    with NEWS_DEV.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit is not None and i >= limit:
                break
            articles.append(article_from_record(json.loads(line), f"news-dev:{i + 1}", options))
    return articles


def word_count(articles: Iterable) -> int:
    """White-space separated words, the unit of every words/s figure."""
    return sum(len(a.text.split()) for a in articles)


def time_stages(analysers: Sequence, articles: Iterable,
                keep: bool = False) -> tuple[dict[str, float], list]:
    """CPU seconds each analyser spends over ``articles``, and the analyses if ``keep``."""
    from khabar.model import Analysis

    spent: dict[str, float] = defaultdict(float)
    analyses = []
    for article in articles:
        analysis = Analysis(article)
        for analyser in analysers:
            started = time.process_time()
            analyser(analysis)
            spent[analyser.name] += time.process_time() - started
        if keep:
            analyses.append(analysis)
    return spent, analyses


def time_and_quantity_stages(limit: int) -> tuple[int, dict[str, float], list]:
    """Words, CPU seconds per stage and analyses of the text, times and quantities steps over
    the first ``limit`` news-dev articles."""
    from khabar import Options
    from khabar.quantity.analyser import QuantityAnalyser
    from khabar.text.analyser import TextAnalyser
    from khabar.time.analyser import TimeAnalyser

    options = Options()
    articles = news_dev_articles(limit)
    steps = [TextAnalyser(options), TimeAnalyser(options), QuantityAnalyser(options)]
    spent, analyses = time_stages(steps, articles, keep=True)
    return word_count(articles), spent, analyses
