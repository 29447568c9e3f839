"""Named-entity recognition: quality, speed and memory.

    python bench/ner.py [--limit N] [--skip-cli]

Prints:
- entity-level micro P/R/F1 (exact span and type, CoNLL style), overall and per type, of the
  shipped tagger on the ANERcorp CAMeL test split and on the AQMAR test split (liu2019), tagging
  the corpora's own tokens sentence by sentence;
- the same on ANERcorp test through the whole `entities` step (khabar's own tokenisation,
  clean-up, propagation and coreference, on consecutive sentences grouped by ten as articles),
  each predicted mention mapped back to the corpus tokens it covers;
- words/s of the `entities` step alone over news-dev on one core (words = white-space
  separated words; CPU time, so other work on the shared machine does not count; a first pass
  with cold per-word caches, then a second one), and the time to load the model;
- the peak memory (max RSS) of `khabar analyze` on the example article, as a subprocess (the
  whole pipeline, the NER model loaded);
- the size of the NER's model files.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))


def pin_to_one_core() -> None:
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def show(name: str, scores: dict) -> None:
    print(f"{name}")
    for kind in ("ALL", "PER", "LOC", "ORG", "MISC"):
        s = scores.get(kind)
        if s:
            print(f"  {kind:5} P {s['precision'] * 100:5.1f}  R {s['recall'] * 100:5.1f}  "
                  f"F1 {s['f1'] * 100:5.1f}   (gold {s['gold']}, predicted {s['predicted']})")


def tagger_scores(path: Path) -> dict:
    """Scores of the shipped tagger on a CoNLL file's own tokens."""
    from khabar.ner.corpus import conll_scores, read_conll
    from khabar.ner.features import normalise_tokens
    from khabar.ner.tagger import shared_tagger

    sentences = read_conll(path)
    tagger = shared_tagger()
    tokens = [normalise_tokens([t for t, _ in s]) for s in sentences]
    predicted = []
    for i in range(0, len(tokens), 64):
        predicted += tagger.tag_batch(tokens[i : i + 64])
    return conll_scores([[g for _, g in s] for s in sentences], predicted)


def pipeline_scores(path: Path, per_article: int = 10) -> dict:
    """Scores of the whole entities step, mentions mapped back to the corpus tokens."""
    from khabar.analyze import analyze
    from khabar.model import Article
    from khabar.ner.corpus import conll_scores, read_conll
    from khabar.options import Options

    options = Options(analysers=("text", "entities"), include_tokens=False)
    sentences = read_conll(path)
    gold_all, pred_all = [], []
    for i in range(0, len(sentences), per_article):
        chunk = sentences[i : i + per_article]
        pieces, offsets = [], []
        pos = 0
        for sentence in chunk:
            row = []
            for token, _ in sentence:
                row.append((pos, pos + len(token)))
                pieces.append(token)
                pos += len(token) + 1
            offsets.append(row)
        text = " ".join(pieces)
        # Sentence ends as the corpus has them: a newline in place of the last space.
        chars = list(text)
        for row in offsets[:-1]:
            chars[row[-1][1]] = "\n"
        text = "".join(chars)
        analysis = analyze(Article(text), options)
        for sentence, row in zip(chunk, offsets, strict=True):
            tags = ["O"] * len(row)
            for entity in analysis.entities:
                for m in entity.mentions:
                    covered = [k for k, (s, e) in enumerate(row) if s < m.end and m.start < e]
                    if covered:
                        tags[covered[0]] = "B-" + entity.type
                        for k in covered[1:]:
                            tags[k] = "I-" + entity.type
            gold_all.append([g for _, g in sentence])
            pred_all.append(tags)
    return conll_scores(gold_all, pred_all)


def speed(limit: int) -> None:
    from khabar.model import Analysis
    from khabar.ner.analyser import EntityAnalyser
    from khabar.options import Options
    from khabar.readers import ReadOptions, article_from_record
    from khabar.text.analyser import TextAnalyser

    records = []
    with (DATA / "news-dev" / "articles.jsonl").open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= limit:
                break
            records.append(json.loads(line))
    read = ReadOptions(require_arabic=False)
    articles = [article_from_record(r, f"news-dev:{i + 1}", read) for i, r in enumerate(records)]
    words = sum(len(a.text.split()) for a in articles)
    text = TextAnalyser(Options())
    analyses = []
    for article in articles:
        analysis = Analysis(article)
        text(analysis)
        analyses.append(analysis)
    entities = EntityAnalyser(Options())
    for _ in range(2):  # the second pass has warm per-word caches, as a long-running service
        for analysis in analyses:
            analysis.entities = []
        started = time.process_time()
        for analysis in analyses:
            entities(analysis)
        elapsed = time.process_time() - started
        print(f"entities step over {len(articles):,} news-dev articles ({words:,} words): "
              f"{words / elapsed:,.0f} words/s on one core ({elapsed:.1f} s CPU)")
    found = sum(len(a.entities) for a in analyses)
    print(f"{found:,} entities")


def cold_load() -> None:
    code = ("import time; t = time.perf_counter(); from khabar.ner.analyser import "
            "EntityAnalyser; from khabar.options import Options; EntityAnalyser(Options()); "
            "print(time.perf_counter() - t)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    print(f"model load in a fresh process: {float(out.stdout):.2f} s")


def cli_memory() -> None:
    khabar = Path(sys.executable).parent / "khabar"
    started = time.perf_counter()
    out = subprocess.run([str(khabar), "analyze", "--example", "--format", "json"],
                         capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - started
    if out.returncode != 0:
        print(f"khabar analyze failed: {out.stderr.strip()}")
        return
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"khabar analyze --example: {wall:.2f} s wall, peak RSS {rss:.0f} MB")


def model_sizes() -> None:
    models = sorted((ROOT / "khabar" / "models").glob("ner*"))
    total = sum(p.stat().st_size for p in models)
    sizes = ", ".join(f"{p.name} {p.stat().st_size / 1e6:.2f}" for p in models)
    print(f"NER model files: {total / 1e6:.1f} MB ({sizes})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=2000, help="news-dev articles for speed")
    parser.add_argument("--skip-cli", action="store_true", help="skip the subprocess checks")
    args = parser.parse_args()
    pin_to_one_core()
    model_sizes()
    if not args.skip_cli:
        # First, while this process is small: a child's peak RSS counts what it shares with
        # this process at fork time.
        cold_load()
        cli_memory()
    anercorp = DATA / "anercorp-camel" / "ANERCorp_CamelLab_test.txt"
    aqmar = DATA / "aqmar" / "liu2019-split" / "test.txt"
    show("ANERcorp CAMeL test, tagger on corpus tokens", tagger_scores(anercorp))
    show("AQMAR test (liu2019), tagger on corpus tokens", tagger_scores(aqmar))
    show("ANERcorp CAMeL test, whole entities step (articles of 10 sentences)",
         pipeline_scores(anercorp))
    speed(args.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
