"""``khabar train segmenter``: the clitic segmenter's lexicon and ranker.

1. Word-type counts of ``news-unlabeled`` (16 M words), by spelling
   (:func:`khabar.text.segment.spelling_key`); spellings seen at least ``MIN_COUNT`` times are
   shipped as ``khabar/models/segmenter-lexicon.tsv.gz``.
2. The QCRI WikiNews gold (Farasa's test set), mapped to khabar's clitic scheme
   (:func:`read_wikinews`), split by topic section: sections 0, 2, 4, 6 train the ranker,
   sections 1, 3, 5 are the test part, never trained on (``bench/segmentation.py``). The
   words of UD Arabic-PUD, whose clitics are separate tokens, are added to the training words
   (:func:`read_pud`).
3. A log-linear ranker over the readings the clitic grammar allows
   (:func:`khabar.text.segment.candidates`), trained by maximum likelihood with an L2 penalty;
   its weights go to ``khabar/models/segmenter.json``.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..resources import load_yaml
from ..text.normalize import _strip_table
from ..text.segment import (
    LEXICON_FILE,
    MODEL_FILE,
    Candidate,
    SegmenterModel,
    candidates,
    grammar,
    lexicon_key,
    log_counts,
    segments_of,
    spelling_key,
    spelling_table,
)

MIN_COUNT = 5
#: Id prefixes of news-unlabeled articles left out of the counts. ("snn-",) leaves out
#: SaudiNewsNet (CC BY-NC-SA 4.0) for a model free of its non-commercial term, at a measured
#: cost (docs/models.md): fewer names are known (وليد، بايدن، فراس lose a letter).
EXCLUDED_SOURCES: tuple[str, ...] = ()
TRAIN_SECTIONS = (0, 2, 4, 6)
TEST_SECTIONS = (1, 3, 5)
L2 = 0.00003
ITERATIONS = 3000

_ARABIC_WORD = re.compile("[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]+")
_PROCLITIC_TAGS = frozenset({"CONJ", "PREP", "FUT_PART", "PART"})
_PUD_FUNCTION = frozenset({"ADP", "CCONJ", "SCONJ", "PART", "AUX"})
# Farasa writes some contracted pairs in full: من+ما is written مما, كن+نا كنا.
_CONTRACTIONS = {("من", "ما"): "مما", ("من", "من"): "ممن", ("عن", "ما"): "عما",
                 ("عن", "من"): "عمن", ("أن", "لا"): "ألا", ("إن", "لا"): "إلا",
                 ("أن", "لن"): "ألن", ("كن", "نا"): "كنا"}

GoldSegment = tuple[int, int, str]  # (start, end, role) in the word's letters


@dataclass(frozen=True)
class GoldWord:
    """One word of the WikiNews gold, in khabar's clitic scheme."""

    section: int
    surface: str
    segments: tuple[GoldSegment, ...]
    farasa: str  # the original ``seg+seg<TAB>TAG+TAG`` line

    @property
    def is_arabic(self) -> bool:
        """Whether the word is all Arabic letters (what the segmenter is asked to split)."""
        return is_arabic_word(self.surface)

    @property
    def boundaries(self) -> int:
        """How many clitic boundaries the word has."""
        return len(self.segments) - 1


def is_arabic_word(text: str) -> bool:
    """Whether ``text`` is all Arabic letters."""
    return bool(_ARABIC_WORD.fullmatch(text))


def gold_word(section: int, line: str) -> GoldWord:
    """Map one ``WikiNews.pos.ref`` line to khabar's scheme.

    Leading CONJ/PREP/FUT_PART segments و ف ب ل ك س are proclitics, DET ال the article, a final
    PRON among khabar's enclitics (ه ها هم … ي ني نا) the enclitic; everything else (NSUFF,
    CASE, verb subject suffixes ت وا ون) belongs to the stem. A preposition followed only by a
    pronoun (ل+ه) is the stem that hosts it.
    """
    seg_text, _, tag_text = line.partition("\t")
    segs = [s for s in seg_text.split("+") if s] or [seg_text]
    tags = tag_text.split("+")
    tags = (tags + ["NSUFF"] * len(segs))[: len(segs)]
    g = grammar()
    proclitic_letters = g.proclitics
    enclitics = g.enclitics
    for i in range(len(segs) - 1):
        merged = _CONTRACTIONS.get((segs[i], segs[i + 1]))
        if merged:
            segs[i : i + 2] = [merged]
            tags[i : i + 2] = ["NOUN"]
            break
    pieces: list[tuple[str, str]] = []  # (surface, role)
    i = 0
    while (i < len(segs) - 1 and tags[i] in _PROCLITIC_TAGS and segs[i] in proclitic_letters
           and len(pieces) < 2):
        pieces.append((segs[i], "proclitic"))
        i += 1
    if i < len(segs) - 1 and tags[i] == "DET" and segs[i] == "ال":
        after_lam = bool(pieces) and pieces[-1][0] == "ل"
        # ل+ال+لغة is written للغة: the article is not written at all.
        if not (after_lam and segs[i + 1].startswith("ل")):
            pieces.append(("ل" if after_lam else "ال", "article"))
        i += 1
    rest = segs[i:]
    rest_tags = tags[i:]
    enclitic = None
    if len(rest) > 1 and rest_tags[-1] == "PRON" and rest[-1] in enclitics:
        enclitic = rest[-1]
        rest = rest[:-1]
    stem = "".join(rest)
    if (enclitic is None and stem in enclitics and pieces and pieces[-1][1] == "proclitic"
            and pieces[-1][0] in "بل" and rest_tags[-1] == "PRON"):
        enclitic, stem = stem, pieces.pop()[0]  # ل+ه: the preposition hosts the pronoun
    pieces.append((stem, "stem"))
    if enclitic:
        pieces.append((enclitic, "enclitic"))
    out: list[GoldSegment] = []
    pos = 0
    for text, role in pieces:
        out.append((pos, pos + len(text), role))
        pos += len(text)
    surface = "".join(text for text, _ in pieces)
    return GoldWord(section, surface, tuple(out), line)


def read_wikinews(data: Path) -> list[GoldWord]:
    """Every word of ``wikinews-qcri/WikiNews.pos.ref`` with its topic section (0–6)."""
    path = data / "wikinews-qcri" / "WikiNews.pos.ref"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read the WikiNews gold ({exc.strerror})", str(path)) from None
    words: list[GoldWord] = []
    section = -1
    for line in lines[1:]:
        line = line.rstrip("\r")
        if not line.strip():
            continue
        if line == "#\tPUNC":
            section += 1
            continue
        words.append(gold_word(max(section, 0), line))
    return words


def read_pud(data: Path) -> list[GoldWord]:
    """The words of UD Arabic-PUD in khabar's clitic scheme (section -1).

    A written word is a run of tokens joined by ``SpaceAfter=No``: leading و ف ب ل ك س
    function words are proclitics, a final pronoun among khabar's enclitics the enclitic, the
    one token between them the stem; ال (ل after the preposition ل) opens a definite noun or a
    proper name. Words with several stems are left out.
    """
    path = data / "ud-arabic-pud" / "ar_pud-ud-test.conllu"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read UD Arabic-PUD ({exc.strerror})", str(path)) from None
    words: list[GoldWord] = []
    chain: list[list[str]] = []
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        token = line.split("\t")
        if len(token) != 10 or not token[0].isdigit():
            continue
        chain.append(token)
        if "SpaceAfter=No" in token[9] and token[3] != "PUNCT":
            continue
        word = _pud_word(chain)
        chain = []
        if word is not None:
            words.append(word)
    return words


def _pud_word(tokens: list[list[str]]) -> GoldWord | None:
    g = grammar()
    proclitic_letters = g.proclitics
    enclitics = g.enclitics
    forms = [t[1] for t in tokens]
    surface = "".join(forms)
    if not is_arabic_word(surface):
        return None
    pieces: list[tuple[str, str]] = []
    i = 0
    while (i < len(tokens) - 1 and forms[i] in proclitic_letters and len(pieces) < 2
           and tokens[i][3] in _PUD_FUNCTION):
        pieces.append((forms[i], "proclitic"))
        i += 1
    rest = tokens[i:]
    enclitic = None
    if len(rest) > 1 and rest[-1][3] == "PRON" and rest[-1][1] in enclitics:
        enclitic = rest[-1][1]
        rest = rest[:-1]
    if len(rest) != 1:
        return None
    host = rest[0]
    stem = host[1]
    if (enclitic is None and stem in enclitics and host[3] == "PRON" and pieces
            and pieces[-1][0] in "بل"):
        enclitic, stem = stem, pieces.pop()[0]  # ل+ه: the preposition hosts the pronoun
    definite = "Definite=Def" in host[5] or host[3] == "PROPN"
    after_lam = bool(pieces) and pieces[-1][0] == "ل"
    if definite and enclitic is None:
        if after_lam and stem.startswith("ل") and len(stem) >= 3 and "Definite=Def" in host[5]:
            pieces.append(("ل", "article"))
            stem = stem[1:]
        elif (not after_lam and stem.startswith("ال") and len(stem) >= 4
              and lexicon_key(stem) not in g.not_article):
            pieces.append(("ال", "article"))
            stem = stem[2:]
    pieces.append((stem, "stem"))
    if enclitic:
        pieces.append((enclitic, "enclitic"))
    out: list[GoldSegment] = []
    pos = 0
    for piece, role in pieces:
        out.append((pos, pos + len(piece), role))
        pos += len(piece)
    return GoldWord(-1, surface, tuple(out), "+".join(forms))


def predicted_segments(segmenter_best, letters: str) -> tuple[GoldSegment, ...]:
    """The (start, end, role) segments a segmenter's best reading gives ``letters``."""
    return tuple((s, e, r) for s, e, r, _ in segments_of(letters, segmenter_best(letters)))


def count_news(data: Path) -> collections.Counter[str]:
    """Word-type counts (spellings) of ``news-unlabeled/articles.jsonl.gz``, less the articles
    of :data:`EXCLUDED_SOURCES`."""
    path = data / "news-unlabeled" / "articles.jsonl.gz"
    table = dict(_strip_table())
    table.update(spelling_table())
    counts: collections.Counter[str] = collections.Counter()
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                record = json.loads(line)
                if EXCLUDED_SOURCES and str(record.get("id", "")).startswith(EXCLUDED_SOURCES):
                    continue
                counts.update(_ARABIC_WORD.findall(record["text"].translate(table)))
    except (OSError, EOFError, ValueError) as exc:
        raise InputError(f"cannot read the unlabeled news ({exc})", str(path)) from None
    return counts


def lexicon_rows(counts: collections.Counter[str],
                 min_count: int = MIN_COUNT) -> list[tuple[str, int]]:
    """(key, count) of every type kept in the shipped lexicon, commonest first."""
    rows = [(key, count) for key, count in counts.items() if count >= min_count]
    rows.sort(key=lambda row: (-row[1], row[0]))
    return rows


def attach_rates(rows: Sequence[tuple[str, int]], top: int = 5000) -> dict[str, float]:
    """How often each proclitic is written onto a word, per occurrence of the word, over the
    ``top`` commonest types: Σ count(و + w) / Σ count(w)."""
    counts = dict(rows)
    common = rows[:top]
    total = sum(c for _, c in common)
    g = grammar()
    letters = sorted(g.proclitics)
    return {p: round(sum(counts.get(p + w, 0) for w, _ in common) / total, 5) for p in letters}


def lexicon_model(rows: Sequence[tuple[str, int]],
                  weights: dict[str, float] | None = None) -> SegmenterModel:
    """A model from lexicon rows (spellings, commonest first), as it is loaded once shipped."""
    spelled, folded = log_counts(dict(rows))
    folded_rows = sorted(((k, round(math.expm1(v))) for k, v in folded.items()),
                         key=lambda row: (-row[1], row[0]))
    return SegmenterModel(folded, spelled, weights or {}, {}, attach_rates(folded_rows))


def training_rows(model: SegmenterModel, words: Iterable[GoldWord]):
    """Feature lists of every reading of every ambiguous word, with the gold reading's index."""
    rows: list[tuple[list[list[tuple[str, float]]], int]] = []
    unreachable = 0
    for word in words:
        if not word.is_arabic:
            continue
        letters = word.surface
        cands = candidates(letters)
        if len(cands) == 1:
            continue
        gold = [i for i, c in enumerate(cands) if _segs(letters, c) == word.segments]
        if not gold:
            unreachable += 1
            continue
        spelling = spelling_key(letters)
        key = lexicon_key(spelling)
        cache: dict = {}
        rows.append(([model.features(spelling, key, c, cache) for c in cands], gold[0]))
    return rows, unreachable


def _segs(letters: str, cand: Candidate) -> tuple[GoldSegment, ...]:
    return tuple((s, e, r) for s, e, r, _ in segments_of(letters, cand))


def fit(rows: Sequence[tuple[list[list[tuple[str, float]]], int]], l2: float = L2,
        iterations: int = ITERATIONS) -> dict[str, float]:
    """Weights of a softmax ranker over each word's readings (L2-penalised likelihood)."""
    import numpy as np

    names = sorted({name for feats, _ in rows for cand in feats for name, _ in cand})
    index = {name: i for i, name in enumerate(names)}
    entry_row: list[int] = []
    entry_col: list[int] = []
    entry_val: list[float] = []
    group: list[int] = []
    gold: list[float] = []
    for g, (feats, gold_index) in enumerate(rows):
        for j, cand in enumerate(feats):
            r = len(group)
            for name, value in cand:
                entry_row.append(r)
                entry_col.append(index[name])
                entry_val.append(value)
            group.append(g)
            gold.append(1.0 if j == gold_index else 0.0)
    row_of = np.array(entry_row, dtype=np.int64)
    col_of = np.array(entry_col, dtype=np.int64)
    val_of = np.array(entry_val)
    group_of = np.array(group, dtype=np.int64)
    gold_of = np.array(gold)
    n_rows, n_groups, n_feats = len(group), len(rows), len(names)
    w = np.zeros(n_feats)
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    rate, beta1, beta2 = 0.05, 0.9, 0.999
    for t in range(1, iterations + 1):
        scores = np.bincount(row_of, weights=val_of * w[col_of], minlength=n_rows)
        top = np.full(n_groups, -np.inf)
        np.maximum.at(top, group_of, scores)
        exp = np.exp(scores - top[group_of])
        prob = exp / np.bincount(group_of, weights=exp, minlength=n_groups)[group_of]
        residual = prob - gold_of
        grad = (np.bincount(col_of, weights=val_of * residual[row_of], minlength=n_feats)
                / n_groups + l2 * w)
        m = beta1 * m + (1 - beta1) * grad
        v = beta2 * v + (1 - beta2) * grad * grad
        w -= rate * (m / (1 - beta1**t)) / (np.sqrt(v / (1 - beta2**t)) + 1e-8)
    return {name: round(float(value), 5) for name, value in zip(names, w, strict=True)
            if abs(value) > 1e-6}


def train(args: argparse.Namespace) -> int:
    """Build ``segmenter.json`` and ``segmenter-lexicon.tsv.gz`` from ``args.data``."""
    data: Path = args.data
    out: Path = args.out
    print("counting word types in news-unlabeled …", flush=True)
    counts = count_news(data)
    words = read_wikinews(data)
    train_words = [w for w in words if w.section in TRAIN_SECTIONS] + read_pud(data)
    lexicon = lexicon_rows(counts)
    model = lexicon_model(lexicon)
    rows, unreachable = training_rows(model, train_words)
    print(f"{len(train_words)} training words, {len(rows)} ambiguous, "
          f"{unreachable} outside the clitic grammar", flush=True)
    weights = fit(rows)
    with gzip.GzipFile(out / LEXICON_FILE, "wb", mtime=0) as fh:
        fh.write("".join(f"{k}\t{c}\n" for k, c in lexicon).encode("utf-8"))
    meta = {
        "format": "khabar.segmenter/1",
        "lexicon": {"source": "news-unlabeled", "excluded": list(EXCLUDED_SOURCES),
                    "tokens": sum(counts.values()),
                    "types": len(counts), "kept_types": len(lexicon), "min_count": MIN_COUNT},
        "training": {"source": "wikinews-qcri WikiNews.pos.ref (sections below) and "
                               "ud-arabic-pud ar_pud-ud-test.conllu (all)",
                     "sections": TRAIN_SECTIONS,
                     "test_sections": TEST_SECTIONS, "words": len(train_words),
                     "ambiguous": len(rows), "l2": L2, "iterations": ITERATIONS,
                     "seed": args.seed},
        "clitics": load_yaml("clitics")["enclitics"],
        "attach_rates": model.rates,
        "weights": weights,
    }
    (out / MODEL_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n",
                                  encoding="utf-8")
    print(f"wrote {out / MODEL_FILE} ({len(weights)} weights) and {out / LEXICON_FILE} "
          f"({len(lexicon)} word types)")
    return 0
