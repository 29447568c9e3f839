"""Summary quality against the BBC Arabic editor summaries (../shared/data/ant-bbc-summaries).

    python bench/summary.py

Prints ROUGE-1/2/L F1 (on normalised words) of khabar's summary, of its lead sentence alone,
and of the Lead-1/2/3 baselines, on the second half of the files in sorted order (the first half
was used to choose the method).
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "ant-bbc-summaries" / "BBC"


class ArabicTokenizer:
    """Words for ROUGE: normalised, punctuation dropped."""

    def tokenize(self, text: str) -> list[str]:
        from khabar.text.normalize import normalize_text

        return re.findall(r"\w+", normalize_text(text))


def load() -> list[tuple[str, str, str]]:
    docs = []
    for path in sorted(CORPUS.glob("*/*.txt")):
        raw = path.read_text(encoding="utf-8")
        field = {tag: (m.group(1).strip() if (m := re.search(rf"<{tag}>(.*?)</{tag}>", raw, re.S))
                       else "") for tag in ("TITLE", "ABSTRACT", "TEXT")}
        docs.append((field["TITLE"], field["TEXT"], field["ABSTRACT"]))
    return docs


def main() -> None:
    argparse.ArgumentParser(description=__doc__.split("\n")[0]).parse_args()
    if not CORPUS.exists():
        sys.exit(f"{CORPUS} not found")
    from rouge_score import rouge_scorer

    import khabar
    from khabar.pipeline import Pipeline
    from khabar.summary.analyser import SummaryAnalyser
    from khabar.text.analyser import TextAnalyser

    options = khabar.Options()
    text_layer = TextAnalyser(options)
    summariser = SummaryAnalyser(options)
    pipeline = Pipeline([text_layer])
    docs = load()
    analyses = [pipeline.run(khabar.Article(text, title=title)) for title, text, _ in docs]
    abstracts = [abstract for _, _, abstract in docs]
    half = len(docs) // 2
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"],
                                      tokenizer=ArabicTokenizer())

    def rouge(indices: range, pick) -> dict[str, float]:
        scores = {"rouge1": [], "rouge2": [], "rougeL": []}
        for i in indices:
            analysis = analyses[i]
            summary = " ".join(analysis.text[analysis.sentences[j].start:
                                             analysis.sentences[j].end] for j in pick(analysis))
            result = scorer.score(abstracts[i], summary)
            for key in scores:
                scores[key].append(result[key].fmeasure)
        return {k: 100 * statistics.mean(v) for k, v in scores.items()}

    test = range(half, len(docs))
    print(f"{len(test)} held-out articles (ROUGE F1, normalised words)")
    print(f"{'system':12} {'R-1':>6} {'R-2':>6} {'R-L':>6}")
    systems = {f"lead-{k}": (lambda a, k=k: list(range(min(k, len(a.sentences)))))
               for k in (1, 2, 3)}
    systems["khabar-lead"] = lambda a: summariser.select(a, max_sentences=1)
    systems["khabar"] = summariser.select
    for name, pick in systems.items():
        r = rouge(test, pick)
        print(f"{name:12} {r['rouge1']:6.1f} {r['rouge2']:6.1f} {r['rougeL']:6.1f}")
    started = time.perf_counter()
    for analysis in analyses:
        summariser(analysis)
    elapsed = time.perf_counter() - started
    words = sum(len(a.text.split()) for a in analyses)
    print(f"speed: {words / elapsed:,.0f} words/s (summary step alone)")


if __name__ == "__main__":
    main()
