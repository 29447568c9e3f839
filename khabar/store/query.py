"""From what a user types to an FTS5 ``MATCH`` expression over the search forms.

Words must all match (in the title, the text, or as an alternative form); ``"a phrase"`` or
``«a phrase»`` must match word for word; ``word*`` matches words starting with ``word``.
Function words (``stopwords.txt``) are left out when the query has other words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..analyze import analyze
from ..model import Article
from .fold import query_forms, stopwords, token_forms
from .index import TEXT_ONLY

_PHRASE = re.compile(r'"([^"]*)"|«([^»]*)»|“([^”]*)”')


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query."""

    #: The FTS5 expression, or ``None`` when the query has no words to search for.
    fts: str | None
    #: Every search form the query looks for (to highlight matches).
    forms: frozenset[str]
    #: What was searched, for messages («الاميركيه», "…").
    terms: tuple[str, ...]


def _quote(form: str) -> str:
    return '"' + form.replace('"', '""') + '"'


def parse_query(text: str) -> Query:
    """The FTS5 expression for the user query ``text``."""
    parts: list[str] = []
    forms: set[str] = set()
    terms: list[str] = []
    words: list[tuple[tuple[str, ...], bool]] = []
    rest = []
    last = 0
    for match in _PHRASE.finditer(text):
        rest.append(text[last:match.start()])
        last = match.end()
        phrase = next(g for g in match.groups() if g is not None)
        tokens = analyze(Article(phrase), TEXT_ONLY).tokens
        phrase_forms = [f for f in (token_forms(t)[0] for t in tokens) if f]
        if phrase_forms:
            parts.append("{title body} : " + _quote(" ".join(phrase_forms)))
            forms.update(phrase_forms)
            terms.append(" ".join(phrase_forms))
    rest.append(text[last:])
    for piece in rest:
        tokens = analyze(Article(piece), TEXT_ONLY).tokens if piece.strip() else []
        for i, token in enumerate(tokens):
            found = query_forms(token)
            if not found:
                continue
            prefix = (i + 1 < len(tokens) and tokens[i + 1].text == "*"
                      and tokens[i + 1].start == token.end)
            words.append((found, prefix))
    stop = stopwords()
    if parts or any(not prefix and found[0] not in stop for found, prefix in words):
        words = [(f, p) for f, p in words if p or f[0] not in stop]
    for found, prefix in words:
        star = " *" if prefix else ""
        alternatives = " OR ".join(_quote(f) + star for f in found)
        parts.append("(" + alternatives + ")")  # any column: title, body, alt
        terms.append(found[0] + ("*" if prefix else ""))
        if not prefix:
            forms.update(found)
    return Query(" AND ".join(parts) if parts else None, frozenset(forms), tuple(terms))
