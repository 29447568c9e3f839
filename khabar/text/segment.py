"""Clitic segmentation: which clitic words a surface token is made of.

``والولايات`` is و + ال + ولايات; ``للعراق`` is ل + ال (written ل) + عراق; ``حكومته`` is
حكومت + ه; ``لـ`` before a quotation mark is the preposition alone. Segments are reported with
offsets into the surface token (diacritics and tatweel go with the letter before them) and a
normalised ``form``.

How: the clitic grammar (``khabar/data/ar/clitics.yaml``) lists every way a word can be read
— conjunction و/ف, then a preposition ب/ل/ك or the future س, then the article ال, the stem,
and one pronoun enclitic — and a log-linear ranker (:class:`SegmenterModel`, trained by
``khabar train segmenter``, see ``docs/models.md``) picks one. It scores each reading by how
often its stem, its remainder and their definite forms occur as free words in 16 M words of
news, against the whole word (a clitic makes a word rarer than its stem: بالعراق ≪ العراق,
but بكين is not ب + كين), by the clitics it strips, by evidence that the word takes clitics of
its own (``ووليد`` says وليد is a stem) and by how the remainder is spelled («فراس» is not
ف + رأس). Results are meant to be cached per word type, as the tokenizer does.
"""

from __future__ import annotations

import functools
import gzip
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..errors import ModelError
from ..resources import load_yaml, model_path
from .normalize import normalize, normalize_with_map

Segment = tuple[int, int, str, str]  # (start, end, role, form), relative to the token

#: A reading of a word: (conjunction, preposition or future particle, article as written
#: ("" / "ال" / "ل"), stem start, stem end, enclitic). Offsets index the word's letters.
Candidate = tuple[str, str, str, int, int, str]

MODEL_FILE = "segmenter.json"
LEXICON_FILE = "segmenter-lexicon.tsv.gz"

# Lexicon keys fold what writers vary (أ إ آ → ا، ؤ ئ → ء) but keep ة apart from ه and ى
# apart from ي: حكومته is حكومت + ه because حكومة is a word; على and علي are not one word.
_KEY_KEEPS = frozenset({"ta_marbuta", "alef_maqsura", "digits"})
_IMPERFECT = frozenset("يتنأا")  # what س (future) may come before
_PREP_STEMS = frozenset("بل")  # prepositions that host a pronoun alone: له، بها


@functools.cache
def key_table() -> dict[int, str]:
    """``str.translate`` table of lexicon keys: alef and hamza forms folded, ة and ى kept.

    Every entry maps one character to one character, so a key has its word's offsets.
    """
    rules = load_yaml("orthography")
    table: dict[int, str] = {}
    for name, group in rules["fold"].items():
        if name in _KEY_KEEPS:
            continue
        for source, target in group.items():
            if len(source) == 1 and len(target) == 1:
                table[ord(source)] = target
    return table


def lexicon_key(letters: str) -> str:
    """The lexicon key of undiacritised ``letters`` (same length as ``letters``)."""
    return letters.translate(key_table())


@functools.cache
def spelling_table() -> dict[int, str]:
    """``str.translate`` table of spellings: only Persian code points folded (ک → ك)."""
    group = load_yaml("orthography")["fold"]["persian_letters"]
    return {ord(k): v for k, v in group.items() if len(k) == 1 and len(v) == 1}


def spelling_key(letters: str) -> str:
    """``letters`` as spelled, hamza and all (same length as ``letters``)."""
    return letters.translate(spelling_table())


@dataclass(frozen=True)
class Grammar:
    """The clitic inventory of ``clitics.yaml``."""

    conjunctions: frozenset[str]
    prepositions: frozenset[str]
    future: frozenset[str]
    enclitics: frozenset[str]
    not_article: frozenset[str]  # lexicon keys of words whose ال is their own (الذي)

    @property
    def proclitics(self) -> frozenset[str]:
        """Every proclitic letter."""
        return self.conjunctions | self.prepositions | self.future


@functools.cache
def grammar() -> Grammar:
    """The clitic grammar, read once."""
    data = load_yaml("clitics")
    procl = data["proclitics"]
    return Grammar(frozenset(procl["conjunctions"]), frozenset(procl["prepositions"]),
                   frozenset(procl["future"]), frozenset(data["enclitics"]),
                   frozenset(lexicon_key(w) for w in data["not_article"]))


def candidates(letters: str) -> list[Candidate]:
    """Every reading of ``letters`` the clitic grammar allows (the unsplit word first)."""
    n = len(letters)
    out: list[Candidate] = [("", "", "", 0, n, "")]
    if n < 2:
        return out
    g = grammar()
    enclitic_set = g.enclitics
    # Enclitics the word ends with (never after ة, which only ends a word).
    encs = [letters[-k:] for k in (3, 2, 1)
            if n > k and letters[-k:] in enclitic_set and letters[-k - 1] != "ة"]
    conjs = [("", 0)]
    if n >= 3 and letters[0] in g.conjunctions:
        conjs.append((letters[0], 1))
    for conj, c in conjs:
        preps = [("", c)]
        if n - c >= 2:
            first = letters[c]
            if first in g.prepositions or (
                    first in g.future and n - c >= 4 and letters[c + 1] in _IMPERFECT):
                preps.append((first, c + 1))
        for prep, p in preps:
            if prep in _PREP_STEMS and letters[p:] in enclitic_set:
                # له، بها، ولهم: the preposition hosts the pronoun.
                out.append((conj, "", "", p - 1, p, letters[p:]))
            if prep and n - p < 2:
                continue
            arts = [("", p)]
            if prep == "ل":
                if letters[p] == "ل" and n - p >= 3:
                    arts.append(("ل", p + 1))  # للعراق
            elif (prep not in g.future and n - p >= (5 if prep == "ك" else 4)
                  and letters.startswith("ال", p)
                  and lexicon_key(letters[p:]) not in g.not_article):
                # After «ك» the stem has three letters at least: «وكالات» is not و+ك+ال+ات.
                arts.append(("ال", p + 2))
            for art, a in arts:
                if (conj or prep or art) and n - a >= 2:
                    out.append((conj, prep, art, a, n, ""))
                if art:
                    continue  # a definite noun takes no pronoun enclitic
                for enc in encs:
                    if n - len(enc) - a >= 2:
                        out.append((conj, prep, art, a, n - len(enc), enc))
    return out


@dataclass(frozen=True)
class SegmenterModel:
    """Word-type statistics from unlabeled news and the ranker's feature weights.

    ``lexicon`` maps a word type (its :func:`lexicon_key`) to ``log(1 + count)``; ``spelled``
    does the same for exact spellings (:func:`spelling_key`): «راس» is mostly رأس, but
    spelled «راس» it is rare, so «فراس» is not ف + رأس.
    """

    lexicon: Mapping[str, float]
    spelled: Mapping[str, float]
    weights: Mapping[str, float]
    meta: Mapping[str, object]
    #: How often a proclitic is attached to a word, per occurrence of the word (و: 0.08).
    rates: Mapping[str, float] = field(default_factory=dict)

    def own_count(self, word: str, log_count: float) -> float:
        """``log(1 + count)`` of ``word`` less what reads as a clitic + a commoner word.

        «وفي» is frequent, but about as frequent as و + في predicts: as a stem it hardly
        exists, so «كوفي» is not ك + وفي.
        """
        rate = self.rates.get(word[0])
        if rate is None or len(word) < 3 or not log_count:
            return log_count
        rest = self.lexicon.get(word[1:], 0.0)
        if not rest:
            return log_count
        return math.log1p(max(0.0, math.expm1(log_count) - rate * math.expm1(rest)))

    def features(self, spelling: str, key: str, cand: Candidate,
                 cache: dict[object, float]) -> list[tuple[str, float]]:
        """The ranker's features of one reading ``cand`` of a word (its spelling, its key).

        The unsplit reading has only a feature for the word itself; every other reading is
        described relative to it (how much commoner its stem is than the whole word…).
        """
        conj, prep, art, a, e, enc = cand
        if not (conj or prep or art or enc):
            return [("w:" + key, 1.0)]
        free = self.lexicon.get
        feats: list[tuple[str, float]] = []
        if conj:
            feats.append(("conj:" + conj, 1.0))
        if prep:
            feats.append(("prep:" + prep, 1.0))
        if art:
            feats.append(("art:" + art, 1.0))
        if enc:
            feats.append(("enc:" + enc, 1.0))
        if e - a == 1:
            feats.append(("prepstem:" + enc, 1.0))
            return feats
        lw = cache.get("lw")
        if lw is None:
            lw = cache["lw"] = free(key, 0.0)
        if enc:
            tag = "e"
        elif prep == "س":
            tag = "f"  # the stem must be an imperfect verb
        elif art:
            tag = "a"  # العراق: the stem alone (عراق) is rare, the definite form is not
        else:
            tag = "p"
        # The stem as a free word, undoing what an enclitic changed (حكومت → حكومة), against
        # the whole word: a clitic makes a word rarer than its stem (بالعراق ≪ العراق), a name
        # is not (بكين vs كين).
        stem = key[a:e]
        ls = free(stem, 0.0)
        if enc:
            for alt in restorations(stem):
                v = free(alt, 0.0)
                if v > ls:
                    ls = v
                    feats.append(("restored:" + stem[-1], 1.0))
        ld = free("ال" + stem, 0.0)
        feats.append(("lw:" + tag, lw))
        feats.append(("rs:" + tag, ls - lw))
        feats.append(("rd:" + tag, ld - lw))
        if ls == 0.0:
            feats.append(("zs:" + tag, 1.0))
        if ld == 0.0:
            feats.append(("zd:" + tag, 1.0))
        if lw == 0.0:
            feats.append(("zw:" + tag, 1.0))
        if stem[0] in self.rates:
            own = self.own_count(stem, ls)
            if own < ls:
                feats.append(("sub:" + tag, ls - own))
                ls = own
        if conj or prep:
            rem = ("ال" + key[a:]) if art == "ل" else key[a - len(art):]
            lr = free(rem, 0.0)
            rr = self.own_count(rem, lr) - lw
            feats.append(("rr:" + tag, rr))
            # How often the whole word would occur if it were these clitics on the remainder
            # (وليد as و + ل + يد: 0.08 · 0.03 · count(يد) ≪ count(وليد)).
            rate = self.rates.get(conj, 1.0) * self.rates.get(prep, 1.0)
            feats.append(("ex:" + tag, math.log1p(rate * math.expm1(lr)) - lw))
            if rr < 0 and conj and not prep:
                # A frequent word whose remainder is rarer than itself is no و/ف + word
                # (والتر 39 times, التر once); for a rare word the same ratio says little.
                # Not so after a preposition, which makes fixed phrases (بالنسبة ≫ النسبة).
                feats.append(("rrx:" + tag, rr * lw))
            # How much of the remainder's frequency has this very spelling, against the
            # same share for the whole word (فراس: «راس» is mostly written رأس).
            spelled = self.spelled.get
            rem_sp = ("ال" + spelling[a:]) if art == "ل" else spelling[a - len(art):]
            share_w = cache.get("share")
            if share_w is None:
                share_w = cache["share"] = spelled(spelling, 0.0) - lw
            feats.append(("sp:" + tag, spelled(rem_sp, 0.0) - lr - share_w))
        feats.append((f"len:{tag}:{min(e - a, 5)}", 1.0))
        if enc and (conj or prep):
            # «ولادته»: is ولادة a word? Then و and ل may be its letters, not clitics.
            head = key[:e]
            lh = free(head, 0.0)
            for alt in restorations(head):
                lh = max(lh, free(alt, 0.0))
            feats.append(("rp", lh - ls))
        if enc:
            # A definite or feminine form of stem + "enclitic" says the ending is the stem's
            # (البرنامجي، برنامجية); a sound plural in -ين says ي is its construct ending.
            whole = key[a:]
            ldw = free("ال" + whole, 0.0)
            lwt = free(whole + "ة", 0.0)
            feats.append(("ldw", ldw))
            feats.append(("ldw:" + enc, ldw))
            feats.append(("lwt", lwt))
            feats.append(("lwt:" + enc, lwt))
            if enc == "ي":
                feats.append(("lpl:ي", free(stem + "ين", 0.0)))
        if tag == "f":
            feats.append(("fut:v", _verb_evidence(free, key[a:])))
        if conj:
            feats.append(("blk:c", _block(free, key, 0, _BLOCK_CONJ, cache)))
        if prep:
            feats.append(("blk:p", _block(free, key, 1 if conj else 0, _BLOCK_PREP, cache)))
        return feats

    def score(self, feats: Iterable[tuple[str, float]]) -> float:
        """The ranker's score of a reading."""
        w = self.weights.get
        return sum(w(name, 0.0) * value for name, value in feats)


_BLOCK_CONJ = ("و", "ف", "ب", "ل", "ك", "ال")
_BLOCK_PREP = ("ب", "ل", "ك", "ال")


def _verb_evidence(free, rest: str) -> float:
    """Evidence that ``rest`` (after س) is an imperfect verb: its ي and ت persons occur."""
    return min(free("ي" + rest[1:], 0.0), free("ت" + rest[1:], 0.0))


def _block(lc, key: str, start: int, prefixes: tuple[str, ...],
           cache: dict[object, float]) -> float:
    """Evidence that ``key[start:]`` is a stem: it takes clitics that cannot follow a clitic."""
    cached = cache.get((prefixes[0], start))
    if cached is not None:
        return cached
    rest = key[start:]
    total = 0.0
    for q in prefixes:
        v = lc(q + rest, 0.0)
        if v:
            total += math.expm1(v)
    value = math.log1p(total)
    cache[(prefixes[0], start)] = value
    return value


def restorations(stem: str) -> tuple[str, ...]:
    """Free-word spellings of a stem an enclitic was attached to (حكومت → حكومة)."""
    last = stem[-1]
    if last == "ت":
        return (stem[:-1] + "ة",)
    if last == "ا":
        return (stem[:-1] + "ى",) if len(stem) > 3 else ()  # مستشفاه ← مستشفى
    if last == "ي":
        return (stem[:-1] + "ى",)  # عليه ← على
    if last == "و":
        return (stem + "ا",)  # قالوه ← قالوا
    return ()


@functools.cache
def load_model() -> SegmenterModel:
    """The shipped segmenter model, read once."""
    meta_path = model_path(MODEL_FILE)
    lex_path = model_path(LEXICON_FILE)
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        weights = meta["weights"]
        spelled, lexicon = read_lexicon(lex_path)
    except (OSError, ValueError, KeyError, EOFError) as exc:
        raise ModelError(f"segmenter model damaged ({exc}); rebuild it with "
                         "`khabar train segmenter`") from None
    return SegmenterModel(lexicon, spelled, weights,
                          {k: v for k, v in meta.items() if k != "weights"},
                          meta.get("attach_rates", {}))


def read_lexicon(path) -> tuple[dict[str, float], dict[str, float]]:
    """Log-counts by spelling and by lexicon key from a ``spelling<TAB>count`` gzip'd TSV."""
    counts: dict[str, int] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            word, _, count = line.rstrip("\n").partition("\t")
            counts[word] = int(count)
    return log_counts(counts)


def log_counts(counts: Mapping[str, int]) -> tuple[dict[str, float], dict[str, float]]:
    """``log(1 + count)`` by spelling, and summed over the spellings of each lexicon key."""
    folded: dict[str, int] = {}
    table = key_table()
    for word, count in counts.items():
        key = word.translate(table)
        folded[key] = folded.get(key, 0) + count
    log1p = math.log1p
    return ({w: log1p(c) for w, c in counts.items()},
            {w: log1p(c) for w, c in folded.items()})


class Segmenter:
    """Splits Arabic word tokens into proclitics, article, stem and enclitics."""

    def __init__(self, model: SegmenterModel | None = None) -> None:
        self._model = model

    @property
    def model(self) -> SegmenterModel:
        """The ranker and lexicon (the shipped one unless another was given)."""
        if self._model is None:
            self._model = load_model()
        return self._model

    def words(self, surface: str) -> tuple[Segment, ...]:
        """The clitic words of ``surface`` with offsets relative to it."""
        skeleton = normalize_with_map(surface, strip_only=True)
        letters = skeleton.text
        if not letters:
            return ((0, len(surface), "stem", normalize(surface)),)
        if surface.endswith("\u0640") and self._only_clitics(letters):
            segments = self._clitics_alone(letters)
        else:
            segments = self.split(letters)
        out: list[Segment] = []
        for i, (start, end, role, form) in enumerate(segments):
            s = 0 if i == 0 else skeleton.to_original(start, start)[0]
            e = len(surface) if i == len(segments) - 1 else skeleton.to_original(end, end)[0]
            out.append((s, e, role, form))
        if any(s >= e for s, e, _, _ in out):
            out = _without_empty(out)
        return tuple(out)

    def split(self, letters: str) -> list[Segment]:
        """Segments of an undiacritised word ``letters`` (offsets into it)."""
        return segments_of(letters, self.best(letters))

    def best(self, letters: str) -> Candidate:
        """The highest-scoring reading of ``letters``."""
        cands = candidates(letters)
        if len(cands) == 1:
            return cands[0]
        model = self.model
        spelling = spelling_key(letters)
        key = lexicon_key(spelling)
        cache: dict[object, float] = {}
        best, best_score = cands[0], -math.inf
        for cand in cands:
            s = model.score(model.features(spelling, key, cand, cache))
            if s > best_score:
                best, best_score = cand, s
        return best

    @staticmethod
    def _only_clitics(letters: str) -> bool:
        """Whether ``letters`` is a run of proclitics with or without the article (وبـ، الـ)."""
        body = letters.removesuffix("ال")
        return len(body) <= 2 and all(ch in grammar().proclitics for ch in body)

    @staticmethod
    def _clitics_alone(letters: str) -> list[Segment]:
        body = letters.removesuffix("ال")
        out: list[Segment] = [(i, i + 1, "proclitic", ch) for i, ch in enumerate(body)]
        if len(body) < len(letters):
            out.append((len(body), len(letters), "article", "ال"))
        return out


def _without_empty(segments: list[Segment]) -> list[Segment]:
    """Segments with the empty ones folded into a neighbour.

    A boundary inside one written character that stands for two letters (the ligature «ﻷ» is
    ل + أ) has no offset of its own, so the clitic before it gets no text. The character goes with
    the stem: «ﻷداء» is one stem word, and a name keeps its first letter.
    """
    out: list[Segment] = []
    for start, end, role, form in segments:
        if start < end:
            out.append((start, end, role, form))
        elif out and role == "enclitic":
            s, _, r, f = out[-1]
            out[-1] = (s, end, r, f)
    if not out:
        return segments[-1:]
    # Whatever lies between kept segments (an empty clitic's place) joins the one after it.
    fixed = [out[0]]
    for start, end, role, form in out[1:]:
        fixed.append((fixed[-1][1], end, role, form) if start != fixed[-1][1] else
                     (start, end, role, form))
    first = fixed[0]
    fixed[0] = (0, first[1], first[2], first[3])
    return fixed


def segments_of(letters: str, cand: Candidate) -> list[Segment]:
    """The segments a reading ``cand`` makes of ``letters``."""
    conj, prep, art, a, e, enc = cand
    out: list[Segment] = []
    i = 0
    for clitic in (conj, prep):
        if clitic:
            out.append((i, i + 1, "proclitic", clitic))
            i += 1
    if art:
        out.append((i, a, "article", "ال"))
    out.append((a, e, "stem", normalize(letters[a:e])))
    if enc:
        out.append((e, len(letters), "enclitic", normalize(enc)))
    return out


