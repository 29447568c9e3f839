"""The attribution step of the pipeline: fills ``analysis.quotes``."""

from __future__ import annotations

import bisect

from ..model import Analysis, Cue, Quote, Speaker, Via
from ..options import Options
from .document import Doc
from .finder import Finder, Found
from .lexicon import lexicon
from .speakers import Referent


class AttributionAnalyser:
    """Finds every attributed statement: content, cue, speaker, relayer and medium."""

    name = "quotes"
    needs = frozenset({"tokens", "entities"})
    provides = frozenset({"quotes"})

    def __init__(self, options: Options) -> None:
        self.lex = lexicon()

    def __call__(self, analysis: Analysis) -> None:
        if not analysis.tokens:
            return
        doc = Doc(analysis, self.lex)
        found = Finder(doc, _time_tokens(analysis)).run()
        found.sort(key=lambda f: (f.start, f.end))
        text = analysis.text
        analysis.quotes = [_quote(i, f, text, doc) for i, f in enumerate(found, start=1)]


def _time_tokens(analysis: Analysis) -> set[int]:
    """Indices of the tokens inside time expressions, when times were analysed."""
    if not analysis.times:
        return set()
    starts = [t.start for t in analysis.tokens]
    out: set[int] = set()
    for time in analysis.times:
        k = bisect.bisect_left(starts, time.start)
        while k < len(starts) and starts[k] < time.end:
            out.add(k)
            k += 1
    return out


def _via(ref: Referent | None, depth: int = 0) -> Via | None:
    if ref is None or depth > 3:
        return None
    return Via(ref.name, ref.entity, _via(ref.via, depth + 1))


def _article_name(name: str, text: str) -> str:
    """«بيان للجيش العراقي»: a name the recogniser began after «ل» of «للـ», whose «ال» lost
    its alif («لجيش العراقي»), with the article back («الجيش العراقي»)."""
    words = name.split()
    if len(words) > 1 and words[0].startswith("ل") and not words[0].startswith("ال") \
            and words[1].startswith("ال") and "ل" + name in text:
        return "ا" + name
    return name


def _quote(index: int, found: Found, text: str, doc: Doc) -> Quote:
    cue = None
    if found.cue is not None:
        start, end, lemma = found.cue
        cue = Cue(start, end, text[start:end], lemma)
    ref = found.speaker
    if ref is None:
        # Nobody the text names or implies: the contract's object, with an empty name.
        speaker = Speaker("", None, None, None, False, None)
    else:
        start, end = found.speaker_span if found.speaker_span else (None, None)
        speaker = Speaker(_article_name(ref.name, text), ref.entity, start, end,
                          ref.anonymous,
                          found.reason or ref.reason)
    via = _via(found.via) if found.via is not found.speaker else None
    return Quote(f"Q{index}", found.kind, found.start, found.end, cue, speaker, via,
                 found.medium, text[found.start:found.end])
