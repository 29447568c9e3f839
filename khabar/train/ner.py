"""Trainers of the named-entity models: ``khabar train ner-clusters`` and ``khabar train ner``.

``ner-clusters`` learns word vectors (gensim word2vec, skip-gram) on the unlabeled news in
``news-unlabeled`` — leaving out SaudiNewsNet (``snn-…``, non-commercial) — and clusters them with
k-means at three granularities; it writes ``khabar/models/ner-clusters.tsv.gz`` (word, three
cluster ids, a frequency band). ``ner`` trains the CRF tagger on the ANERcorp CAMeL train split
with the last sentences held out as a dev set, using those clusters, and writes
``khabar/models/ner.crfsuite``. Both fix their seeds and run on the CPU.
"""

from __future__ import annotations

import argparse
import gzip
import math
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
