"""Clitic segmentation: accuracy on WikiNews, names on ANERcorp, words per second.

    .venv/bin/python bench/segmentation.py [--data ../shared/data] [--errors N] [--no-cv]

1. WikiNews (QCRI, Farasa's test set) mapped to khabar's clitic scheme: word accuracy on the
   test part (topic sections 1, 3, 5; the shipped ranker is trained on 0, 2, 4, 6), on words
   with and without a clitic boundary, on words in and out of the shipped lexicon and of the
   training part; and leave-one-topic-out over all seven sections (the ranker refitted on the
   other six and UD PUD each time, the lexicon as shipped).
2. ANERcorp (CAMeL split) train: share of entity mentions whose segmentation leaves the name
   intact, i.e. the first token's ``core_start`` is where the name starts and the last token's
   ``core_end`` is its end (what NER takes mention offsets from). Where a name starts in its
   first token is taken to be the reading, among the token and the token without a proclitic
   run (و ف ب ل ك, وب, ول…; للعراق → العراق), that occurs most often as an entity token in
   ANERcorp (train and test) or in ANERGazet — silver, but independent of the segmenter.
3. Speed on one core: running news text (news-dev, cached per word type as the tokenizer does)
   and unique word types (cold).
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import functools
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from khabar.text.normalize import normalize  # noqa: E402
from khabar.text.segment import Segmenter, SegmenterModel, load_model  # noqa: E402
from khabar.text.tokenize import _TOKEN  # noqa: E402
from khabar.train import segmenter as trainer  # noqa: E402

_PROCLITIC_RUNS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")


def accuracy(segmenter: Segmenter, words, lexicon, train_types):
    """(correct, total) per slice of ``words`` (Arabic words of the WikiNews gold), and the
    words it got wrong with what it predicted."""
    slices: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    errors = []
    for word in words:
        predicted = trainer.predicted_segments(segmenter.best, word.surface)
        good = predicted == word.segments
        key = trainer.lexicon_key(word.surface)
        names = ["all", "boundary" if word.boundaries else "no boundary",
                 "in lexicon" if key in lexicon else "not in lexicon",
                 "seen in training part" if key in train_types else "unseen in training part"]
        for name in names:
            slices[name][0] += good
            slices[name][1] += 1
        if not good:
            errors.append((word, predicted))
    return {k: (v[0], v[1]) for k, v in slices.items()}, errors


def cross_validated(model: SegmenterModel, words, extra) -> tuple[int, int]:
    """Leave-one-topic-out accuracy over all of WikiNews (ranker refitted per fold on the
    other six sections and ``extra``, the PUD words, as the shipped one is)."""
    correct = total = 0
    for fold in range(7):
        rows, _ = trainer.training_rows(model, [w for w in words if w.section != fold] + extra)
        weights = trainer.fit(rows)
        segmenter = Segmenter(dataclasses.replace(model, weights=weights))
        for word in words:
            if word.section == fold and word.is_arabic:
                predicted = trainer.predicted_segments(segmenter.best, word.surface)
                correct += predicted == word.segments
                total += 1
    return correct, total


def entity_mentions(data: Path) -> tuple[list[list[str]], collections.Counter[str]]:
    """Entity mentions (token lists) of ANERcorp train, and how often each string is a name
    token anywhere in ANERcorp or ANERGazet."""
    folder = data / "anercorp-camel"
    mentions: list[list[str]] = []
    known: collections.Counter[str] = collections.Counter()
    for name in ("ANERCorp_CamelLab_train.txt", "ANERCorp_CamelLab_test.txt"):
        current: list[str] | None = None
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            parts = line.split(" ")
            tag = parts[1] if len(parts) == 2 else "O"
            if tag.startswith("I-") and current is not None:
                current.append(parts[0])
            else:
                current = None
                if tag.startswith("B-"):
                    current = [parts[0]]
                    if name.endswith("train.txt"):
                        mentions.append(current)
            if tag != "O":
                known[normalize(parts[0])] += 1
    for token in _other_names(data):
        known[normalize(token)] += 1
    return [m for m in mentions if all(trainer.is_arabic_word(t) for t in m)], known


def _other_names(data: Path):
    """Name tokens from the other NER corpora and gazetteers in ../shared/data."""
    conll = [*(data / "aqmar" / "liu2019-split").glob("*.txt"),
             *(data / "wojood-sample").glob("*.txt")]
    for path in conll:
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) >= 2 and parts[-1] != "O":
                yield parts[0]
    for path in (data / "anergazet").glob("*/data"):
        for line in path.read_text(encoding="utf-8").splitlines():
            yield from line.split()
    countries = json.loads((data / "country-names-ar" / "data" / "ar" / "country.json")
                           .read_text(encoding="utf-8"))
    for name in countries.values():
        yield from name.split()
    for path in (data / "saudi-regions-cities" / "json").glob("*.json"):
        for place in json.loads(path.read_text(encoding="utf-8")):
            yield from str(place.get("name_ar", "")).split()


def name_start(token: str, known: collections.Counter[str]) -> int:
    """Where the name starts in a mention's first token (silver: see the module docstring)."""
    best, best_count = 0, known[normalize(token)]
    for run in _PROCLITIC_RUNS:
        if token.startswith(run) and len(token) - len(run) >= 3:
            rest = token[len(run):]
            if run.endswith("ل") and rest.startswith("ل"):
                count = known[normalize("ا" + rest)]  # للعراق: the name is العراق (لعراق)
            else:
                count = known[normalize(rest)]
            if count > best_count:
                best, best_count = len(run), count
    return best


def names_intact(segmenter: Segmenter, data: Path):
    """Share of ANERcorp train mentions whose span from the segmentation is the name: the first
    token's ``core_start`` is where the name starts, the last token's ``core_end`` its end."""
    mentions, known = entity_mentions(data)
    good = 0
    with_clitic = [0, 0]
    failures: collections.Counter[tuple[str, str]] = collections.Counter()
    for mention in mentions:
        first, last = mention[0], mention[-1]
        start = name_start(first, known)
        words = segmenter.words(first)
        core_start = next((s for s, _, role, _ in words if role != "proclitic"), len(first))
        last_words = segmenter.words(last)
        core_end = next((e for _, e, role, _ in reversed(last_words) if role != "enclitic"), 0)
        ok = core_start == start and core_end == len(last)
        good += ok
        if start:
            with_clitic[0] += ok
            with_clitic[1] += 1
        if not ok:
            shown = words if core_start != start else last_words
            token = first if core_start != start else last
            failures[(token, "+".join(token[s:e] for s, e, _, _ in shown))] += 1
    return (good, len(mentions)), tuple(with_clitic), failures


def speed(segmenter: Segmenter, data: Path, limit: int = 2000) -> dict[str, float]:
    """Words per second on running news text (cached per type) and on unique types (cold)."""
    texts = []
    with (data / "news-dev" / "articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            texts.append(json.loads(line)["text"])
            if len(texts) >= limit:
                break
    running = [m.group() for t in texts for m in _TOKEN.finditer(t) if m.lastgroup == "word"]
    types = list(dict.fromkeys(running))
    segmenter.words("تجربة")  # load the model outside the timing
    cold = Segmenter(segmenter.model)
    start = time.perf_counter()
    for word in types:
        cold.words(word)
    cold_rate = len(types) / (time.perf_counter() - start)
    cached = functools.lru_cache(maxsize=500_000)(Segmenter(segmenter.model).words)
    start = time.perf_counter()
    for word in running:
        cached(word)
    running_rate = len(running) / (time.perf_counter() - start)
    return {"running words": len(running), "types": len(types),
            "running words/s": running_rate, "cold types/s": cold_rate}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--errors", type=int, default=0, help="print the N most common errors")
    parser.add_argument("--no-cv", action="store_true", help="skip the leave-one-topic-out run")
    args = parser.parse_args()

    model = load_model()
    segmenter = Segmenter(model)
    words = trainer.read_wikinews(args.data)
    train_types = {trainer.lexicon_key(w.surface) for w in words
                   if w.section in trainer.TRAIN_SECTIONS}
    test = [w for w in words if w.section in trainer.TEST_SECTIONS and w.is_arabic]
    slices, errors = accuracy(segmenter, test, model.lexicon, train_types)
    print(f"WikiNews test part (sections {trainer.TEST_SECTIONS}), khabar clitic scheme:")
    for name in ("all", "boundary", "no boundary", "in lexicon", "not in lexicon",
                 "seen in training part", "unseen in training part"):
        good, total = slices.get(name, (0, 0))
        print(f"  {name:24s} {good / max(total, 1):7.2%}  ({total - good} errors / {total} words)")
    if args.errors:
        common = collections.Counter(
            (w.surface, w.farasa.split("\t")[0], "+".join(w.surface[s:e] for s, e, _ in p))
            for w, p in errors)
        for (surface, gold, predicted), n in common.most_common(args.errors):
            print(f"    {n:3d}  {surface}  gold {gold}  predicted {predicted}")
    if not args.no_cv:
        good, total = cross_validated(model, words, trainer.read_pud(args.data))
        print(f"WikiNews leave-one-topic-out, all 7 sections: {good / total:.2%} "
              f"({total - good} errors / {total} words)")
    (good, total), (cgood, ctotal), failures = names_intact(segmenter, args.data)
    print(f"ANERcorp train entity mentions with the name intact: {good / total:.2%} "
          f"({total - good} / {total} broken); mentions after a proclitic: "
          f"{cgood / max(ctotal, 1):.2%} of {ctotal}")
    if args.errors:
        for (token, predicted), n in failures.most_common(args.errors):
            print(f"    {n:3d}  {token}  predicted {predicted}")
    figures = speed(segmenter, args.data)
    print(f"speed, one core: {figures['running words/s']:,.0f} words/s on running news text "
          f"({figures['running words']:,} words, cached per type); "
          f"{figures['cold types/s']:,.0f} words/s on {figures['types']:,} unique types (cold)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
