"""Trainers of the named-entity models: ``khabar train ner-clusters`` and ``khabar train ner``.

``ner-clusters`` learns word vectors (gensim word2vec, skip-gram) on the unlabeled news in
``news-unlabeled`` — leaving out SaudiNewsNet (``snn-…``, non-commercial) — and clusters them with
k-means at three granularities; it writes ``khabar/models/ner-clusters.tsv.gz`` (word, three
cluster ids, a frequency band). ``ner`` trains the CRF tagger on the ANERcorp CAMeL train split
with the last sentences held out as a dev set, using those clusters: a first CRF tags the same
unlabeled news, the share of each word's occurrences inside names of each type becomes the
"silver" features (``ner-silver.tsv.gz``, :data:`SILVER_ROUNDS` rounds); the final CRF, refitted on
train + dev, is ``khabar/models/ner.crfsuite``. Both fix their seeds and run on the CPU.
"""

from __future__ import annotations

import argparse
import gzip
import math
import re
import tempfile
import time
import zlib
from collections import Counter
from pathlib import Path

import numpy as np

from ..errors import InputError, ModelError

#: Cluster counts of the three granularities.
GRANULARITIES = (64, 320, 1600)
#: How many of the most frequent words get clusters.
VOCABULARY = 120_000


def _log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def _stable_hash(text: str) -> int:
    """A hash that does not change between runs (gensim seeds its vectors with it)."""
    return zlib.crc32(text.encode("utf-8"))


def kmeans(vectors: np.ndarray, k: int, seed: int, iterations: int = 25) -> np.ndarray:
    """Spherical k-means: the cluster of each (unit-length) row of ``vectors``."""
    rng = np.random.default_rng(seed)
    centres = vectors[rng.choice(len(vectors), size=k, replace=False)].copy()
    labels = np.zeros(len(vectors), dtype=np.int64)
    for _ in range(iterations):
        labels = np.concatenate([
            np.argmax(chunk @ centres.T, axis=1)
            for chunk in np.array_split(vectors, max(1, len(vectors) // 20_000))
        ])
        sums = np.zeros_like(centres)
        np.add.at(sums, labels, vectors)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        empty = norms[:, 0] == 0
        sums[empty] = vectors[rng.choice(len(vectors), size=int(empty.sum()), replace=False)]
        norms[empty] = 1.0
        centres = sums / norms
    return labels


def train_clusters(args: argparse.Namespace) -> int:
    """Word vectors on the unlabeled news, then k-means clusters; writes ner-clusters.tsv.gz."""
    try:
        from gensim.models import Word2Vec
    except ImportError:
        raise ModelError("training the clusters needs gensim: pip install 'khabar[train]'") \
            from None
    from ..ner.corpus import iter_news

    news = Path(args.data) / "news-unlabeled" / "articles.jsonl.gz"
    if not news.exists():
        raise InputError("unlabeled news not found", str(news))
    _log(f"reading {news} (SaudiNewsNet left out)")
    paragraphs = list(iter_news(news))
    words = sum(len(p) for p in paragraphs)
    _log(f"{len(paragraphs):,} paragraphs, {words:,} tokens; training word2vec")
    model = Word2Vec(
        paragraphs, vector_size=100, window=5, min_count=5, sg=1, negative=5, sample=1e-4,
        epochs=5, workers=1, seed=args.seed, hashfxn=_stable_hash,
    )
    counts = Counter({w: model.wv.get_vecattr(w, "count") for w in model.wv.index_to_key})
    del paragraphs
    vocab = model.wv.index_to_key[:VOCABULARY]
    vectors = np.asarray(model.wv[vocab], dtype=np.float32)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-8)
    columns = []
    for k in GRANULARITIES:
        _log(f"k-means, k={k}")
        columns.append(kmeans(vectors, k, args.seed + k))
    out = Path(args.out) / "ner-clusters.tsv.gz"
    top = counts[vocab[0]]
    with gzip.GzipFile(out, "wb", mtime=0) as raw:
        lines = []
        for i, word in enumerate(vocab):
            band = int(math.log2(top / counts[word]))  # 0 = most frequent
            lines.append("\t".join([word, *(str(int(c[i])) for c in columns), str(band)]))
        raw.write(("\n".join(lines) + "\n").encode("utf-8"))
    _log(f"wrote {out} ({out.stat().st_size:,} bytes, {len(vocab):,} words)")
    return 0


#: CRF settings: L1 keeps the model small, L2 smooths it (chosen on the dev set, see docs).
CRF_PARAMS = {"c1": 0.1, "c2": 0.1, "max_iterations": 300,
              "feature.possible_transitions": True, "feature.possible_states": True}
#: The share of the train split's last sentences held out as the dev set.
DEV_SHARE = 0.1


def anercorp(data: Path) -> tuple[list, list, list]:
    """ANERcorp CAMeL split: (train without dev, dev = last 10 % of train, test)."""
    from ..ner.corpus import read_conll

    folder = Path(data) / "anercorp-camel"
    train = read_conll(folder / "ANERCorp_CamelLab_train.txt")
    test = read_conll(folder / "ANERCorp_CamelLab_test.txt")
    cut = int(len(train) * (1 - DEV_SHARE))
    return train[:cut], train[cut:], test


def fit(sentences: list, out: Path, params: dict | None = None, featurizer=None) -> None:
    """Train a CRF on ``(token, tag)`` sentences and write it to ``out``."""
    import pycrfsuite

    from ..ner.features import Featurizer, normalise_tokens

    featurizer = featurizer or Featurizer()
    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence in sentences:
        tokens = [t for t, _ in sentence]
        trainer.append(featurizer.sentence(normalise_tokens(tokens)), [g for _, g in sentence])
    trainer.set_params(params or CRF_PARAMS)
    trainer.train(str(out))


def score(model: Path, sentences: list, featurizer=None) -> dict:
    """CoNLL scores of a trained model on ``(token, tag)`` sentences."""
    from ..ner.corpus import conll_scores
    from ..ner.features import normalise_tokens
    from ..ner.tagger import NerTagger

    tagger = NerTagger(str(model), featurizer)
    predicted = [tagger.tag(normalise_tokens([t for t, _ in s])) for s in sentences]
    return conll_scores([[g for _, g in s] for s in sentences], predicted)


def write_silver(tagger, news: Path, out: Path) -> None:
    """Tag the unlabeled news with a first tagger; keep, per word (clitics off), how often it
    was inside a name of each type: ``word PER LOC ORG MISC total``."""
    from ..ner.corpus import iter_news
    from ..ner.lexicon import SILVER_TYPES

    index = {kind: i for i, kind in enumerate(SILVER_TYPES)}
    split = tagger.features.split
    counts: dict[str, list[int]] = {}
    seen = 0
    for tokens in iter_news(news):
        tags = tagger.tag(tokens)
        for token, tag in zip(tokens, tags, strict=True):
            rest = split(token)[1]
            row = counts.get(rest)
            if row is None:
                row = counts[rest] = [0, 0, 0, 0, 0]
            row[4] += 1
            if tag != "O":
                row[index[tag[2:]]] += 1
        seen += len(tokens)
        if seen > 1_000_000:
            _log(f"silver: {sum(r[4] for r in counts.values()):,} tokens tagged")
            seen = 0
    rows = sorted((w, r) for w, r in counts.items() if r[4] >= 3 and max(r[:4]) >= 2)
    with gzip.GzipFile(out, "wb", mtime=0) as raw:
        raw.write("".join(f"{w}\t" + "\t".join(map(str, r)) + "\n" for w, r in rows)
                  .encode("utf-8"))
    _log(f"wrote {out} ({out.stat().st_size:,} bytes, {len(rows):,} words)")


#: ANERGazet's three lists (folder under ``anergazet/``) and the type each gives.
GAZETTEER_SOURCES = (("AlignedPersGazetteer", "PER"), ("AlignedLocGazetteer", "LOC"),
                     ("AlignedOrgGazetteer", "ORG"))
_ARABIC_NAME = re.compile(r"[\u0621-\u064a]{2,}(?: [\u0621-\u064a]+)*")


def write_gazetteer(data: Path, out: Path) -> int:
    """ANERGazet's person, place and organisation names, normalised and deduplicated →
    ``ner-gazetteer.tsv.gz`` (``name<TAB>types``); separator lines and entries that are not
    Arabic words are dropped. Returns the number of names."""
    from ..ner.lexicon import GAZETTEER_FILE
    from ..text.normalize import normalize

    kinds: dict[str, set[str]] = {}
    for folder, kind in GAZETTEER_SOURCES:
        path = Path(data) / "anergazet" / folder / "data"
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            raise InputError("ANERGazet list not found", str(path)) from None
        for line in lines:
            name = " ".join(normalize(line).split())
            if _ARABIC_NAME.fullmatch(name):
                kinds.setdefault(name, set()).add(kind)
    target = Path(out) / GAZETTEER_FILE
    with gzip.GzipFile(target, "wb", mtime=0) as raw:
        raw.write("".join(f"{name}\t{' '.join(sorted(k))}\n" for name, k in sorted(kinds.items()))
                  .encode("utf-8"))
    _log(f"wrote {target} ({target.stat().st_size:,} bytes, {len(kinds):,} names)")
    return len(kinds)


#: Rounds of self-training: each tags the news with the last tagger to remake the silver counts.
SILVER_ROUNDS = 1


def train_ner(args: argparse.Namespace) -> int:
    """Stage 1 CRF → silver counts on the news → CRF that uses them (self-training rounds)."""
    import pycrfsuite

    from ..ner.features import Featurizer
    from ..ner.lexicon import SILVER_FILE, lexicon
    from ..ner.tagger import NerTagger, attributes, write_attributes

    train, dev, _ = anercorp(args.data)
    out = Path(args.out)
    work = Path(tempfile.gettempdir()) / "khabar-train"
    work.mkdir(parents=True, exist_ok=True)
    news = Path(args.data) / "news-unlabeled" / "articles.jsonl.gz"
    if not news.exists():
        raise InputError("unlabeled news not found", str(news))
    write_gazetteer(args.data, out)
    lexicon.cache_clear()
    _log(f"stage 1: CRF without silver features on {len(train):,} sentences")
    featurizer = Featurizer(lexicon(silver=False, folder=str(out)))
    trial = work / "ner-dev.crfsuite"
    fit(train, trial, featurizer=featurizer)
    for round_ in range(1, SILVER_ROUNDS + 1):
        crf = pycrfsuite.Tagger()
        crf.open(str(trial))
        fast = Featurizer(featurizer.lex, known=attributes(str(trial), crf))
        write_silver(NerTagger(str(trial), fast), news, out / SILVER_FILE)
        lexicon.cache_clear()
        featurizer = Featurizer(lexicon(folder=str(out)))
        _log(f"round {round_}: CRF with silver features on {len(train):,} sentences")
        fit(train, trial, featurizer=featurizer)
        result = score(trial, dev, featurizer)
        _log(f"round {round_}: dev F1 " + ", ".join(
            f"{k} {v['f1']:.3f}" for k, v in result.items()))
    _log(f"refitting on train + dev ({len(train) + len(dev):,} sentences)")
    fit(train + dev, out / "ner.crfsuite", featurizer=featurizer)
    write_attributes(str(out / "ner.crfsuite"))
    _log(f"wrote {out / 'ner.crfsuite'} ({(out / 'ner.crfsuite').stat().st_size:,} bytes)")
    return 0

