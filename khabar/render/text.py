"""A readable plain-text report of an analysis."""

from __future__ import annotations

from ..model import Analysis
from ..pipeline import COLLECTIONS

_SNIPPET = 90
_BOUNDS = {"MORE_THAN": ">", "LESS_THAN": "<", "EQUAL_OR_MORE": "≥", "EQUAL_OR_LESS": "≤"}


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """«1 article», «2 articles», «3 entries»: a count with its noun in the right number."""
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {plural or noun + 's'}"


def _clip(text: str, limit: int = _SNIPPET) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_text(analysis: Analysis) -> str:
    """The report: what the article is, then each collection, then what was not analysed."""
    article = analysis.article
    text = analysis.text
    lines: list[str] = []
    title = article.title or article.id or "(untitled)"
    lines.append(f"# {title}")
    facts = [
        (f"published {article.published.isoformat()}" if article.published
         else "no publication date"),
        f"source {article.source}" if article.source else None,
        counted(len(analysis.sentences), "sentence"),
        counted(sum(1 for t in analysis.tokens if t.kind in ("word", "latin")), "word"),
    ]
    lines.append(" · ".join(f for f in facts if f))
    if article.url:
        lines.append(article.url)

    if analysis.entities:
        lines.append("")
        lines.append(f"## Entities ({len(analysis.entities)})")
        for entity in analysis.entities:
            roles = "; ".join(dict.fromkeys(r.text for r in entity.roles))
            suffix = f" — {roles}" if roles else ""
            lines.append(f"- {entity.type:4} {entity.name} ×{len(entity.mentions)}{suffix}")

    if analysis.quotes:
        lines.append("")
        lines.append(f"## Quotes ({len(analysis.quotes)})")
        for quote in analysis.quotes:
            speaker = quote.speaker
            who = speaker.name if speaker and speaker.name else "?"
            if speaker and speaker.anonymous:
                who += f" (anonymous: {speaker.reason})" if speaker.reason else " (anonymous)"
            via = quote.via
            while via:
                who += f", via {via.name}"
                via = via.via
            if quote.medium:
                who += f", {quote.medium.text}"
            lines.append(f"- [{quote.kind}] {who}: «{_clip(text[quote.start:quote.end])}»")

    if analysis.times:
        lines.append("")
        lines.append(f"## Times ({len(analysis.times)})")
        for time in analysis.times:
            value = time.value if time.value is not None else "(unresolved)"
            mod = f" {time.mod}" if time.mod else ""
            hijri = f" (Hijri {time.hijri})" if time.hijri else ""
            lines.append(f"- {time.text} → {time.type} {value}{mod}{hijri}")

    if analysis.quantities:
        lines.append("")
        lines.append(f"## Quantities ({len(analysis.quantities)})")
        for quantity in analysis.quantities:
            bound = _BOUNDS.get(quantity.mod or "", "")
            approx = "≈" if quantity.approx else ""
            unit = f" {quantity.unit}" if quantity.unit else ""
            currency = f" ({quantity.currency})" if quantity.currency else ""
            lines.append(f"- {quantity.text} → {bound}{approx}{quantity.value:,}{unit}{currency}")

    if analysis.summary:
        lines.append("")
        lines.append("## Summary")
        for index in analysis.summary:
            sentence = analysis.sentences[index]
            lines.append(text[sentence.start : sentence.end])

    if analysis.notes:
        lines.append("")
        lines.extend(f"note: {note}" for note in analysis.notes)

    missing = [c for c in COLLECTIONS if c not in analysis.provided]
    if missing:
        lines.append("")
        lines.append(f"not analysed (no analyser for them yet): {', '.join(missing)}")
    return "\n".join(lines) + "\n"
