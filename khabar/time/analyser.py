"""The time analyser: every date, time, duration and set, with its TIMEX3 value."""

from __future__ import annotations

from ..model import Analysis, TimeExpression
from ..options import Options
from .context import Context
from .grammar import Grammar
from .lexicon import lexicon, sentence_units
from .values import DAY, YEAR


class TimeAnalyser:
    """Fills ``analysis.times``; relative expressions are resolved against ``published``."""

    name = "times"
    needs = frozenset({"tokens"})
    provides = frozenset({"times"})

    def __init__(self, options: Options) -> None:
        lexicon()  # compile the word lists once, now

    def __call__(self, analysis: Analysis) -> None:
        text = analysis.text
        ctx = Context.for_article(analysis.article.published)
        times = analysis.times
        for index in range(len(analysis.sentences)):
            units = sentence_units(analysis, index)
            if not units:
                continue
            grammar = Grammar(units, ctx)
            ctx.sentence_day = None
            ctx.sentence_year = None
            ctx.prior_day, ctx.explicit_day = ctx.explicit_day, None
            i = 0
            n = len(units)
            while i < n:
                if not units[i].tags:
                    i += 1
                    continue
                try:
                    found = grammar.match(i)
                except (OverflowError, ValueError):
                    found = None  # a date out of the calendar's range («قبل 10^12 يوم»)
                if found is None or found.j <= i:
                    i += 1
                    continue
                start, end = units[found.i].start, units[found.j - 1].end
                if start >= end:
                    i += 1
                    continue
                anchor = found.anchor
                if anchor is None and found.relative and found.value is not None:
                    anchor = "published"
                times.append(TimeExpression(start, end, text[start:end], found.type,
                                            found.value, found.mod, found.hijri, anchor))
                if found.value is None and found.relative:
                    ctx.unresolved += 1
                point = found.point
                if point is not None and found.value is not None and found.type == "DATE":
                    ctx.remember(point)
                    # «في 2019، وتحديدا في آذار»: a bare month after a bare year.
                    # «عام 2020 في أواخر يوليو وأوائل أغسطس»: it holds for the months after.
                    if not found.relative and point.gran == DAY and ctx.published and \
                            point.year < ctx.published.year:
                        ctx.explicit_day = point
                    if not found.relative and point.gran == YEAR:
                        ctx.sentence_year = point.year
                    elif point.year != ctx.sentence_year:
                        ctx.sentence_year = None
                i = found.j
        if ctx.unresolved:
            analysis.notes.append(
                f"no publication date: {ctx.unresolved} relative time"
                f"{'s' if ctx.unresolved != 1 else ''} left unresolved"
            )
