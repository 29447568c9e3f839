"""A standalone, right-to-left HTML page of an analysis with its spans highlighted."""

from __future__ import annotations

import itertools
from html import escape

from ..model import Analysis
from .text import render_text

_STYLE = """
body{font-family:"Noto Naskh Arabic","Amiri",Tahoma,sans-serif;max-width:60rem;margin:2rem auto;
line-height:2;padding:0 1rem;color:#1d1d1d}
h1{font-size:1.5rem} .meta{color:#666;font-size:.9rem}
.article{font-size:1.15rem;border:1px solid #ddd;padding:1rem 1.5rem;border-radius:.5rem}
.q{background:#fff4cc} .e-PER{background:#d7ecff} .e-ORG{background:#e3f7d9}
.e-LOC{background:#ffe0e6} .e-MISC{background:#eee} .t{border-bottom:2px solid #7a4dd8}
.n{border-bottom:2px solid #0a8754} .cue{font-weight:bold}
span[title]{cursor:help} pre{direction:ltr;text-align:left;white-space:pre-wrap;font-size:.85rem;
background:#f7f7f7;padding:1rem;border-radius:.5rem}
.legend span{padding:0 .4rem;margin-left:.5rem}
"""


def _marks(analysis: Analysis) -> list[tuple[int, int, str, str]]:
    """(start, end, css class, hover text) of everything to highlight."""
    marks: list[tuple[int, int, str, str]] = []
    for entity in analysis.entities:
        for mention in entity.mentions:
            marks.append((mention.start, mention.end, f"e-{entity.type}",
                          f"{entity.type}: {entity.name}"))
    for quote in analysis.quotes:
        who = quote.speaker.name if quote.speaker and quote.speaker.name else "?"
        marks.append((quote.start, quote.end, "q", f"{quote.kind} quote — {who}"))
        if quote.cue:
            marks.append((quote.cue.start, quote.cue.end, "cue", f"cue of a quote by {who}"))
    for time in analysis.times:
        marks.append((time.start, time.end, "t",
                      " ".join(x for x in (time.type, time.value or "unresolved", time.mod) if x)))
    for quantity in analysis.quantities:
        unit = f" {quantity.unit}" if quantity.unit else ""
        marks.append((quantity.start, quantity.end, "n",
                      f"{'≈' if quantity.approx else ''}{quantity.value}{unit}"))
    return [m for m in marks if 0 <= m[0] < m[1] <= len(analysis.text)]


def _highlighted(analysis: Analysis) -> str:
    text = analysis.text
    marks = _marks(analysis)
    cuts = sorted({0, len(text), *(m[0] for m in marks), *(m[1] for m in marks)})
    pieces: list[str] = []
    for start, end in itertools.pairwise(cuts):
        chunk = escape(text[start:end]).replace("\n", "<br>\n")
        covering = [m for m in marks if m[0] <= start and end <= m[1]]
        if covering:
            classes = " ".join(dict.fromkeys(m[2] for m in covering))
            hover = " | ".join(dict.fromkeys(m[3] for m in covering))
            pieces.append(f'<span class="{escape(classes)}" title="{escape(hover)}">{chunk}</span>')
        else:
            pieces.append(chunk)
    return "".join(pieces)


def _section(analysis: Analysis) -> str:
    article = analysis.article
    title = escape(article.title or article.id or "khabar")
    meta = escape(article.published.isoformat() if article.published else "no publication date")
    return f"""<section>
<h1>{title}</h1>
<p class="meta">{meta}</p>
<div class="article">{_highlighted(analysis)}</div>
<h2>التقرير</h2>
<pre>{escape(render_text(analysis))}</pre>
</section>"""


def render_html(analyses: Analysis | list[Analysis]) -> str:
    """A complete HTML document for one or more analyses; all article text in it is escaped."""
    if isinstance(analyses, Analysis):
        analyses = [analyses]
    first = analyses[0].article if analyses else None
    title = escape((first.title or first.id or "khabar") if first else "khabar")
    sections = "\n".join(_section(a) for a in analyses)
    return f"""<!doctype html>
<html lang="ar" dir="rtl">
<head><meta charset="utf-8"><title>{title}</title><style>{_STYLE}</style></head>
<body>
<p class="legend"><span class="e-PER">شخص</span><span class="e-ORG">منظمة</span>
<span class="e-LOC">مكان</span><span class="q">اقتباس</span><span class="t">زمن</span>
<span class="n">كمية</span></p>
{sections}
</body>
</html>
"""
