"""Readers for the corpora the NER is trained and measured on (training and benchmarks only).

- CoNLL-style NER files (ANERcorp CAMeL split, AQMAR): one ``token tag`` per line, a blank line
  between sentences. Tags are mapped to khabar's four types (``PERS`` → ``PER``, ``MIS`` →
  ``MISC``); malformed tags become ``O``.
- The unlabeled news (``news-unlabeled/articles.jsonl.gz``): paragraphs as lists of normalised
  tokens, for word embeddings and clusters.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..text.normalize import normalize_text

Sentence = list[tuple[str, str]]

_TYPES = {"PER": "PER", "PERS": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC", "MIS": "MISC"}
#: A rough tokeniser for unlabeled text, applied after normalisation (punctuation comes off).
_NEWS_TOKEN = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*|[^\w\s]")


def map_tag(tag: str) -> str:
    """``B-PERS`` → ``B-PER``; anything that is not ``B-``/``I-`` of a known type → ``O``."""
    prefix, _, kind = tag.partition("-")
    kind = _TYPES.get(kind.strip("-`").rstrip("0123456789").upper())
    if prefix in ("B", "I") and kind:
        return f"{prefix}-{kind}"
    return "O"


def read_conll(path: Path) -> list[Sentence]:
    """The sentences of a ``token tag`` file, tags mapped with :func:`map_tag`."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError("no such corpus file", str(path)) from None
    sentences: list[Sentence] = []
    current: Sentence = []
    for line in lines:
        parts = line.split()
        if not parts:
            if current:
                sentences.append(current)
                current = []
            continue
        token, tag = parts[0], (parts[-1] if len(parts) > 1 else "O")
        current.append((token, map_tag(tag)))
    if current:
        sentences.append(current)
    return sentences


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """CoNLL-style entity spans ``(first, last + 1, type)`` of a BIO tag sequence.

    An ``I-`` tag that does not continue an entity of its type starts one (conlleval's rule).
    """
    out: set[tuple[int, int, str]] = set()
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, this = tag.partition("-")
        if kind and (prefix != "I" or this != kind):
            out.add((start, i, kind))
            kind = ""
        if prefix == "B" or (prefix == "I" and not kind):
            start, kind = i, this
    return out


def iter_news(path: Path, skip_prefixes: tuple[str, ...] = ("snn-",)) -> Iterator[list[str]]:
    """Normalised token lists, one per paragraph, of the unlabeled news.

    Articles whose id starts with one of ``skip_prefixes`` are left out (SaudiNewsNet, ``snn-``,
    is licensed for non-commercial research only).
    """
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if str(record.get("id", "")).startswith(skip_prefixes):
                continue
            for paragraph in record.get("text", "").split("\n"):
                tokens = _NEWS_TOKEN.findall(normalize_text(paragraph))
                if tokens:
                    yield tokens


def conll_scores(gold: list[list[str]], predicted: list[list[str]]) -> dict[str, dict]:
    """Entity-level micro P/R/F1 (exact span and type, CoNLL style), overall and per type."""
    counts: dict[str, list[int]] = {}
    for g_tags, p_tags in zip(gold, predicted, strict=True):
        g, p = spans(g_tags), spans(p_tags)
        for key, items in (("gold", g), ("pred", p), ("tp", g & p)):
            for _, _, kind in items:
                for name in ("ALL", kind):
                    counts.setdefault(name, [0, 0, 0])[("tp", "pred", "gold").index(key)] += 1
    out = {}
    for name, (tp, pred, gold_n) in sorted(counts.items()):
        p = tp / pred if pred else 0.0
        r = tp / gold_n if gold_n else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[name] = {"precision": p, "recall": r, "f1": f, "tp": tp, "predicted": pred,
                     "gold": gold_n}
    return out
