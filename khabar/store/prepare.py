"""An analysed article made ready to store: rows, index text, hash and MinHash signature.

:func:`prepare` is pure (no database), so ingest can run it in worker processes; the store then
decides, in input order, whether the article is new, already there, or a duplicate.
"""

from __future__ import annotations

import functools
import hashlib
import json
import zlib
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ..model import Analysis
from ..text.normalize import normalize_text
from .index import IndexText, index_text

#: MinHash permutations, and the LSH bands × rows they are cut into (16 × 8: a pair at
#: Jaccard 0.8 becomes a candidate with probability 0.95, one at 0.5 with 0.06).
NUM_PERM = 128
BANDS = 16
ROWS = NUM_PERM // BANDS
SEED = 1
#: Articles with fewer words than this are only checked for exact duplicates.
MIN_WORDS_NEAR = 20


@dataclass(slots=True)
class Prepared:
    """Everything the store writes for one article."""

    key: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    day: str | None
    text: str
    text_hash: bytes
    words: int
    index: IndexText
    #: ``khabar.analysis/1`` without text and tokens (entities, quotes, times…).
    analysis: dict[str, Any]
    #: MinHash signature (``NUM_PERM`` uint32, little-endian) or ``None`` for short texts.
    signature: bytes | None
    bands: tuple[int, ...]


def text_hash(text: str) -> bytes:
    """SHA-256 of ``text`` normalised and with white space collapsed: exact-duplicate key."""
    return hashlib.sha256(" ".join(normalize_text(text).split()).encode("utf-8")).digest()


def _day(published: date | datetime | None) -> str | None:
    if published is None:
        return None
    if isinstance(published, datetime):
        return published.date().isoformat()
    return published.isoformat()


@functools.cache
def _permutations() -> tuple:
    """The MinHash permutations (made once: they depend only on the seed)."""
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme="affine32").permutations


def minhash(forms: list[str]) -> tuple[bytes | None, tuple[int, ...]]:
    """The MinHash signature of the word shingles of ``forms`` and its LSH band hashes."""
    if len(forms) < MIN_WORDS_NEAR:
        return None, ()
    import numpy as np
    from datasketch import MinHash

    # A shingle's hash combines the CRC-32 of its words (stable across runs and processes).
    words = np.fromiter((zlib.crc32(f.encode("utf-8")) for f in forms), dtype=np.uint64,
                        count=len(forms))
    mixed = words[:-2] * np.uint64(0x9E3779B1) + words[1:-1] * np.uint64(0x85EBCA77) \
        + words[2:] * np.uint64(0xC2B2AE3D)
    shingles = np.unique((mixed ^ (mixed >> np.uint64(29))) & np.uint64(0xFFFFFFFF))
    sketch = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=int,
                     permutations=_permutations(), scheme="affine32")
    sketch.update_batch(shingles.tolist())
    values = sketch.hashvalues.astype("<u4")
    raw = values.tobytes()
    width = ROWS * 4
    bands = tuple(
        int.from_bytes(hashlib.blake2b(raw[b * width:(b + 1) * width], digest_size=8).digest(),
                       "little", signed=True)
        for b in range(BANDS)
    )
    return raw, bands


def similarity(first: bytes, second: bytes) -> float:
    """Estimated Jaccard similarity of two MinHash signatures."""
    import numpy as np

    a = np.frombuffer(first, dtype="<u4")
    b = np.frombuffer(second, dtype="<u4")
    return float(np.count_nonzero(a == b)) / len(a)


def prepare(analysis: Analysis, key: str | None = None) -> Prepared:
    """``analysis`` as the store will write it. ``key`` defaults to the article's id."""
    article = analysis.article
    key = key or article.id or "sha256:" + text_hash(article.text).hex()[:16]
    index = index_text(analysis)
    forms = index.body.split()
    signature, bands = minhash(forms)
    data = analysis.to_dict(include_tokens=False)
    for field in ("schema", "id", "title", "source", "url", "published", "text"):
        data.pop(field, None)
    data["provided"] = sorted(analysis.provided)
    published = article.published
    return Prepared(
        key=key,
        title=article.title,
        source=article.source,
        url=article.url,
        published=published.isoformat() if published else None,
        day=_day(published),
        text=article.text,
        text_hash=text_hash(article.text),
        words=sum(1 for t in analysis.tokens if t.kind in ("word", "latin")),
        index=index,
        analysis=data,
        signature=signature,
        bands=bands,
    )


def dumps(data: Any) -> bytes:
    """Data as the store keeps it: compact JSON, zlib-compressed."""
    return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":"))
                         .encode("utf-8"), 6)


def loads(blob: bytes | None) -> Any:
    """What :func:`dumps` stored (``{}`` for nothing)."""
    return json.loads(zlib.decompress(blob)) if blob else {}
