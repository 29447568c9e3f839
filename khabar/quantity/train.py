"""``khabar train unit-singulars``: the singular of counted nouns with a sound feminine plural.

«ثلاث طائرات» counts «طائرة», but «ثلاثة حسابات» counts «حساب» and «خمسة مستشفيات»
«مستشفى»: the plural in «ات» does not say which. This trainer counts the words of
``news-unlabeled`` (leaving out SaudiNewsNet, ``snn-…``, which is non-commercial) and, for every
frequent word in «ات», keeps the most frequent of its possible singulars when that is not the
default «…ة». It writes ``khabar/models/unit-singulars.tsv.gz`` (normalised plural, singular);
counting is deterministic, so there is no seed to fix.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from collections import Counter
from pathlib import Path

from ..errors import InputError
from ..text.normalize import normalize, normalize_with_map

MODEL_FILE = "unit-singulars.tsv.gz"
_WORD = re.compile(r"[\u0621-\u064a\u064b-\u0652\u0640]+")
#: How often a plural, and its chosen singular, must occur.
MIN_PLURAL = 5
MIN_SINGULAR = 5


def candidates(plural: str) -> list[str]:
    """The singulars a plural in «ات» may have: «…ة», «…», «…ى» (مستشفيات → مستشفى),
    «…اة» (مباريات → مباراة)."""
    stem = plural[:-2]
    out = [stem + "ة", stem]
    if stem.endswith("ي"):
        out.append(stem[:-1] + "ى")
    if stem.endswith(("ي", "و")):
        out.append(stem[:-1] + "اة")  # مباريات → مباراة، قنوات → قناة
    return out


def train(args: argparse.Namespace) -> int:
    news = Path(args.data) / "news-unlabeled" / "articles.jsonl.gz"
    if not news.exists():
        raise InputError("news-unlabeled corpus not found", str(news))
    started = time.time()
    counts: Counter[str] = Counter()
    articles = 0
    with gzip.open(news, "rt", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if str(record.get("id", "")).startswith("snn-"):
                continue
            articles += 1
            text = normalize_with_map(record["text"], strip_only=True).text
            counts.update(_WORD.findall(text))
    print(f"counted {sum(counts.values()):,} words of {articles:,} articles "
          f"in {time.time() - started:.0f} s")
    table: dict[str, str] = {}
    for word, count in counts.items():
        if count < MIN_PLURAL or len(word) < 5 or not word.endswith("ات") or \
                word.startswith(("ال", "وال", "بال", "لل")) or \
                (len(word) == 5 and word[0] in "اأإآ"):
            continue  # «أبيات», «أصوات»: the broken plural pattern أفعال, not «ات»
        options = candidates(word)
        best = max(options, key=lambda w: (counts.get(w, 0), -options.index(w)))
        if best != options[0] and counts.get(best, 0) >= MIN_SINGULAR and \
                counts.get(best, 0) > 2 * counts.get(options[0], 0):
            table.setdefault(normalize(word), best)
    out = Path(args.out) / MODEL_FILE
    body = "".join(f"{plural}\t{table[plural]}\n" for plural in sorted(table))
    with gzip.GzipFile(out, "wb", compresslevel=9, mtime=0) as fh:  # byte-identical reruns
        fh.write(body.encode("utf-8"))
    print(f"wrote {len(table):,} plurals to {out} ({out.stat().st_size:,} bytes)")
    return 0
