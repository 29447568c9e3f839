"""What the full-text index holds for an article, and highlighted snippets of a search hit.

The FTS5 table has three columns of space-separated search forms (:mod:`khabar.store.fold`):
``title``, ``body`` (one main form per token, so phrases keep their positions) and ``alt`` (the
alternative forms). The original text is stored elsewhere and is never changed; snippets are
cut from it, with highlights as ``[start, end)`` offsets into it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..analyze import analyze
from ..model import Analysis, Article, Token
from ..options import Options
from .fold import clitic_candidates, fold, fold_text, token_forms

#: The analysers the store needs for indexing and snippets (sentences and tokens).
TEXT_ONLY = Options(analysers=("text",))
SNIPPET_CHARS = 240


@dataclass(frozen=True, slots=True)
class IndexText:
    """The three FTS columns of one article."""

    title: str
    body: str
    alt: str


def forms_of(tokens: Iterable[Token]) -> tuple[list[str], list[str]]:
    """Main forms (one a token) and alternative forms of ``tokens``."""
    main: list[str] = []
    alts: list[str] = []
    for token in tokens:
        form, extra = token_forms(token)
        if form:
            main.append(form)
            alts.extend(extra)
    return main, alts


@functools.lru_cache(maxsize=4096)
def _title_tokens(title: str) -> tuple[Token, ...]:
    return tuple(analyze(Article(title), TEXT_ONLY).tokens)


def index_text(analysis: Analysis) -> IndexText:
    """The FTS columns of an analysed article."""
    main, alts = forms_of(analysis.tokens)
    title = analysis.article.title or ""
    title_main, title_alts = forms_of(_title_tokens(title)) if title.strip() else ([], [])
    return IndexText(" ".join(title_main + title_alts), " ".join(main), " ".join(alts))


@dataclass(frozen=True, slots=True)
class Snippet:
    """A passage of an article with the words that matched a query."""

    start: int
    end: int
    text: str
    #: ``[start, end)`` offsets into the article text of the matched words.
    highlights: tuple[tuple[int, int], ...]

    def to_json(self) -> dict:
        """This snippet as JSON-ready data."""
        return {"start": self.start, "end": self.end, "text": self.text,
                "highlights": [list(h) for h in self.highlights]}


_WORD = re.compile(r"[\w\u064b-\u065f\u0670\u0640]+")
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+|\n+")


@functools.lru_cache(maxsize=200_000)
def _word_matches(word: str, wanted: frozenset[str]) -> int | None:
    """How many leading letters of ``word`` to leave out for it to match ``wanted``, or None."""
    form = fold(word).lower()
    if not form:
        return None
    for candidate, skip in ((form, 0), *clitic_candidates(form)):
        if candidate in wanted or (candidate.startswith("ال") and candidate[2:] in wanted):
            return skip
    return None


def _skip_letters(word: str, count: int) -> int:
    """The offset in ``word`` after its first ``count`` letters (marks do not count)."""
    if count == 0:
        return 0
    seen = 0
    for i, ch in enumerate(word):
        if fold(ch):
            seen += 1
            if seen == count:
                return i + 1
    return 0


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences of ``text`` split at end punctuation and line breaks (when none are stored)."""
    spans, last = [], 0
    for match in _SENTENCE_END.finditer(text):
        if match.start() > last:
            spans.append((last, match.start()))
        last = match.end()
    if last < len(text):
        spans.append((last, len(text)))
    return spans or [(0, len(text))]


def matches(text: str, start: int, end: int,
            wanted: frozenset[str]) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` of the words of ``text[start:end]`` that match ``wanted``."""
    found = []
    for match in _WORD.finditer(text, start, end):
        word = match.group()
        skip = _word_matches(word, wanted)
        if skip is not None:
            found.append((match.start() + _skip_letters(word, skip), match.end(), fold(word)))
    return found


def snippet(text: str, sentences: Sequence[tuple[int, int]] | None, wanted: frozenset[str],
            limit: int = SNIPPET_CHARS) -> Snippet:
    """The passage of ``text`` that best matches the search forms ``wanted``.

    The sentence with the most distinct matched words (the first such), cut to about ``limit``
    characters around its first match. ``sentences`` are the stored sentence spans, if any.
    """
    spans = list(sentences) if sentences else sentence_spans(text)
    best, best_hits, best_score = spans[0], [], -1
    if wanted:
        stems = {w[2:] if w.startswith("ال") and len(w) > 4 else w for w in wanted}
        for span in spans:
            folded = fold_text(text[span[0]:span[1]]).lower()
            if not any(stem in folded for stem in stems):
                continue
            hits = matches(text, span[0], span[1], wanted)
            score = len({w for _, _, w in hits})
            if score > best_score:
                best, best_hits, best_score = span, hits, score
    start, end = best
    inside = [(s, e) for s, e, _ in best_hits]
    if end - start > limit:
        first = inside[0][0] if inside else start
        start = max(start, first - limit // 3)
        end = min(end, start + limit)
        # Do not cut a word in two.
        while start > best[0] and not text[start - 1].isspace():
            start -= 1
        while end < best[1] and not text[end].isspace():
            end += 1
        inside = [(s, e) for s, e in inside if start <= s and e <= end]
    return Snippet(start, end, text[start:end], tuple(inside))
