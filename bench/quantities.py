"""Quantities: value F1 on the gold files, a rough span check on Wojood, and speed.

    python bench/quantities.py [--news N]

Prints the quantity span and value P/R/F1 (``khabar.evaluate`` rules: any overlap, then the
value) on tests/gold/time-*.json and ../shared/gold/*.json; the span P/R/F1 against the
CARDINAL, MONEY, PERCENT and QUANTITY mentions of the Wojood sample (../shared/data/wojood-sample,
all three splits; Wojood also tags ordinals-as-words, vague plurals «الملايين» and numbers in
product names, so this is a rough check); and the words/s of the quantity analyser alone over N
news-dev articles (one core, CPU time of this process, so that other work on the machine does not
count).
"""

from __future__ import annotations

import argparse
import glob
import json
import sys
from pathlib import Path

from common import NEWS_DEV, ROOT, SHARED, pin_to_one_core, time_and_quantity_stages

sys.path.insert(0, str(ROOT))
WOJOOD = SHARED / "data" / "wojood-sample"
TYPES = ("CARDINAL", "MONEY", "PERCENT", "QUANTITY")


def prf(tp: int, pred: int, gold: int) -> str:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({tp}/{pred} predicted, {gold} gold)"


def gold_scores() -> None:
    from khabar import Article, Options, analyze
    from khabar.evaluate import score
    from khabar.readers import parse_published

    options = Options(analysers=("text", "times", "quantities"))
    paths = sorted(glob.glob(str(ROOT / "tests" / "gold" / "time-*.json")))
    paths += sorted(glob.glob(str(SHARED / "gold" / "*.json")))
    totals = {"quantities.span": [0, 0, 0], "quantities.value": [0, 0, 0]}
    for path in paths:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
        published = parse_published(gold["published"]) if gold.get("published") else None
        analysis = analyze(Article(gold["text"], published=published), options).to_dict(
            include_tokens=False)
        counts = score({"text": gold["text"], "quantities": gold["quantities"]}, analysis)
        for key, total in totals.items():
            c = counts[key]
            total[0] += c.tp
            total[1] += c.pred
            total[2] += c.gold
    print(f"gold: {len(paths)} files, {totals['quantities.span'][2]} quantities")
    for key, (tp, pred, gold) in totals.items():
        print(f"  khabar {key:<17} {prf(tp, pred, gold)}")


def _wojood_sentences() -> list[tuple[str, list[tuple[int, int]]]]:
    out = []
    for split in ("train", "val", "test"):
        tokens: list[tuple[str, list[str]]] = []
        for line in [*(WOJOOD / f"{split}.txt").read_text(encoding="utf-8").splitlines(), ""]:
            parts = line.split()
            if parts:
                if parts[0] != "$#$":
                    tokens.append((parts[0], parts[1:]))
                continue
            if tokens:
                out.append(_sentence(tokens))
            tokens = []
    return out


def _sentence(tokens: list[tuple[str, list[str]]]) -> tuple[str, list[tuple[int, int]]]:
    text = ""
    spans: list[tuple[int, int]] = []
    open_spans: dict[str, int] = {}
    end_of_previous = 0
    for k, (word, tags) in enumerate(tokens):
        glue = k > 0 and word in ".," and tokens[k - 1][0].isdigit() and \
            k + 1 < len(tokens) and tokens[k + 1][0][:1].isdigit()
        glue = glue or (k > 1 and tokens[k - 1][0] in ".," and tokens[k - 2][0].isdigit()
                        and word[:1].isdigit())
        if text and not glue:
            text += " "
        start = len(text)
        text += word
        kinds = {t[2:]: t[:1] for t in tags if t[2:] in TYPES}
        for kind in list(open_spans):
            if kinds.get(kind) != "I":
                spans.append((open_spans.pop(kind), end_of_previous))
        for kind, mark in kinds.items():
            if mark == "B" or kind not in open_spans:
                if kind in open_spans:
                    spans.append((open_spans.pop(kind), end_of_previous))
                open_spans[kind] = start
        end_of_previous = len(text)
    for start in open_spans.values():
        spans.append((start, len(text)))
    return text, spans


def wojood() -> None:
    from khabar import Article, Options, analyze

    options = Options(analysers=("text", "times", "quantities"))
    tp = pred = gold = 0
    for text, spans in _wojood_sentences():
        found = [(q.start, q.end) for q in analyze(Article(text), options).quantities]
        used: set[int] = set()
        for start, end in found:
            for k, (gs, ge) in enumerate(spans):
                if k not in used and start < ge and gs < end:
                    used.add(k)
                    tp += 1
                    break
        pred += len(found)
        gold += len(spans)
    print(f"wojood-sample ({', '.join(TYPES)}), span overlap:")
    print(f"  khabar quantities.span      {prf(tp, pred, gold)}")


def news_speed(limit: int) -> None:
    words, spent, analyses = time_and_quantity_stages(limit)
    found = sum(len(a.quantities) for a in analyses)
    print(f"news-dev: {len(analyses)} articles, {words:,} words: quantities "
          f"{words / spent['quantities']:,.0f} words/s ({found:,} found)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--news", type=int, default=500, metavar="N",
                        help="news-dev articles to time (0: skip)")
    args = parser.parse_args()
    pin_to_one_core()
    gold_scores()
    if WOJOOD.exists():
        wojood()
    if args.news and NEWS_DEV.exists():
        news_speed(args.news)


if __name__ == "__main__":
    main()
