"""The time grammar: the rules that read temporal expressions from a sentence's units.

:class:`Grammar` tries, at each unit that can start a temporal expression, the rules that
unit can start, longest reading first, and returns a :class:`~khabar.time.base.Found`: the
units it covers, its TIMEX3 type, value and mod. Relative expressions are resolved against the
:class:`~khabar.time.context.Context` (the publication date, the last date mentioned, the
tense of the clause). The rules are in :mod:`.dates`, :mod:`.periods` and :mod:`.durations`.
"""

from __future__ import annotations

from .base import Found
from .dates import DateRules
from .durations import DurationRules
from .periods import PeriodRules

__all__ = ["Found", "Grammar"]


class Grammar(DateRules, PeriodRules, DurationRules):
    """The rules, applied to one sentence's units."""

    # -- entry point ------------------------------------------------------------------------

    def match(self, i: int) -> Found | None:
        """The longest temporal expression starting at unit ``i``, or ``None``."""
        t = self.tags(i)
        if not t:
            return None
        for rule in self._rules_for(t):
            found = rule(i)
            if found is not None:
                return found
        return None

    def _rules_for(self, t: dict) -> list:
        rules = []
        if "approx" in t:
            rules.append(self.approx)
        if "dotted" in t:
            rules.append(self.numeric_date)
        if "num" in t:
            rules += [self.numeric_date, self.clock_digits, self.day_month, self.day_list,
                      self.year, self.duration]
        if "numword" in t:
            rules += [self.day_month, self.duration]
        if "ago" in t or "after" in t:
            rules.append(self.ago)
        if "during" in t:
            rules.append(self.during)
        if "clock" in t:
            rules.append(self.clock)
        if "part" in t:
            rules.append(self.part)
        if "day_part" in t:
            rules.append(self.day_part)
        if "weekday" in t:
            rules.append(self.weekday)
        if "day" in t:
            rules.append(self.deictic_day)
        if "anchor" in t or "this" in t or "same_before" in t or "century" in t:
            rules += [self.anchor, self.year]
        if "month" in t or "hmonth" in t:
            rules.append(self.month)
        if "unit" in t:
            rules.append(self.duration)
        if "plural_anchor" in t:
            rules.append(self.plural_anchor)
        if "ref" in t:
            rules.append(self.ref)
        if "set" in t or "every" in t:
            rules.append(self.set)
        if "decade" in t:
            rules.append(self.decade)
        if "season" in t:
            rules.append(self.season)
        if "vague" in t:
            rules.append(self.duration)
        if "ordinal" in t:
            rules += [self.day_month, self.day_list, self.bare_clock]
        return rules
