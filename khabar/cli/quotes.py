"""``khabar quotes``: who said what across a corpus, grouped by speaker."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError, RecordError
from ..model import Analysis, Article, Quote, to_json
from ..options import Options
from ..readers import read_source
from ..text.normalize import normalize
from . import add_reading_arguments, reading_options, report_record_error

#: The analysers attribution uses (others are skipped to keep a corpus pass fast).
_ANALYSERS = ("text", "entities", "times", "quotes")
_CLIP = 160


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "quotes",
        help="list the quotes in articles by speaker (who said what, on whose authority)",
        description="Analyse articles (JSONL, text or HTML) and list every attributed "
        "statement grouped by speaker, most quoted first, with its article, kind, cue, relayer "
        "and medium.",
    )
    parser.add_argument("path", help="input file (JSONL with one article a line, text or "
                        "HTML), or - for standard input")
    parser.add_argument("--speaker", metavar="NAME",
                        help="only speakers whose name contains NAME (any spelling of "
                        "alef, hamza, ya and ta marbuta)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    add_reading_arguments(parser)
    return parser


@dataclass
class SpeakerQuotes:
    """One speaker and what they said."""

    name: str
    entity: bool
    anonymous: bool
    quotes: list[tuple[str, Quote]] = field(default_factory=list)

    @property
    def articles(self) -> int:
        return len({article for article, _ in self.quotes})


def speaker_key(quote: Quote, analysis: Analysis) -> tuple[str, str, bool, bool]:
    """How quotes are grouped: (key, display name, is an entity, anonymous)."""
    speaker = quote.speaker
    if speaker is None or not speaker.name:
        return "?", "?", False, False
    name = speaker.name
    if speaker.entity:
        for entity in analysis.entities:
            if entity.id == speaker.entity:
                name = entity.name
                break
    key = " ".join(normalize(name).split())
    return key, name, speaker.entity is not None, speaker.anonymous


def collect(analyses: Iterator[tuple[str, Analysis]],
            speaker_filter: str | None = None) -> list[SpeakerQuotes]:
    """Quotes of all ``analyses`` by speaker, most quoted first."""
    wanted = " ".join(normalize(speaker_filter).split()) if speaker_filter else None
    groups: dict[str, SpeakerQuotes] = {}
    for article_id, analysis in analyses:
        for quote in analysis.quotes:
            key, name, is_entity, anonymous = speaker_key(quote, analysis)
            if wanted and wanted not in key:
                continue
            group = groups.get(key)
            if group is None:
                group = groups[key] = SpeakerQuotes(name, is_entity, anonymous)
            group.quotes.append((article_id, quote))
    return sorted(groups.values(), key=lambda g: (-len(g.quotes), g.name))


def render_text(groups: list[SpeakerQuotes], articles: int) -> str:
    """The speakers and their quotes as a text report."""
    total = sum(len(g.quotes) for g in groups)
    lines = [f"{_count(total, 'quote')} by {_count(len(groups), 'speaker')} in "
             f"{_count(articles, 'article')}"]
    for group in groups:
        tag = " (anonymous)" if group.anonymous else ""
        lines.append("")
        lines.append(f"## {group.name}{tag} — {_count(len(group.quotes), 'quote')} in "
                     f"{_count(group.articles, 'article')}")
        for article_id, quote in group.quotes:
            text = " ".join(quote.text.split())
            if len(text) > _CLIP:
                text = text[: _CLIP - 1] + "…"
            extras = []
            if quote.cue:
                extras.append(quote.cue.text)
            if quote.via:
                extras.append(f"via {quote.via.name}")
            if quote.medium:
                extras.append(quote.medium.text)
            how = f" ({'; '.join(extras)})" if extras else ""
            lines.append(f"- {article_id} [{quote.kind}]{how}: «{text}»")
    return "\n".join(lines) + "\n"


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def render_json(groups: list[SpeakerQuotes], articles: int) -> dict[str, Any]:
    """The speakers and their quotes as a JSON object."""
    return {
        "articles": articles,
        "quotes": sum(len(g.quotes) for g in groups),
        "speakers": [
            {"name": g.name, "entity": g.entity, "anonymous": g.anonymous,
             "articles": g.articles, "count": len(g.quotes),
             "quotes": [{"article": a, **to_json(q)} for a, q in g.quotes]}
            for g in groups
        ],
    }


def run(args: argparse.Namespace) -> int:
    from ..analyze import analyze
    from ..pipeline import REGISTRY

    read_options = reading_options(args)
    options = Options(analysers=tuple(n for n in REGISTRY if n in _ANALYSERS),
                      include_tokens=False, max_chars=args.max_chars)
    state = {"failed": 0, "articles": 0}

    def analyses() -> Iterator[tuple[str, Analysis]]:
        for item in read_source(args.path, read_options):
            if isinstance(item, RecordError):
                report_record_error(item)
                state["failed"] += 1
                continue
            assert isinstance(item, Article)
            try:
                analysis = analyze(item, options)
            except InputError as exc:
                report_record_error(exc)
                state["failed"] += 1
                continue
            state["articles"] += 1
            yield (item.id or f"#{state['articles']}"), analysis

    groups = collect(analyses(), args.speaker)
    if args.format == "json":
        json.dump(render_json(groups, state["articles"]), sys.stdout, ensure_ascii=False,
                  indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render_text(groups, state["articles"]))
    if state["failed"]:
        print(f"khabar: {state['articles']:,} analysed, {state['failed']:,} skipped",
              file=sys.stderr)
    return 1 if state["failed"] else 0
