"""What the rules of the time grammar share: :class:`Found`, the constants, and
:class:`Rules`, the helpers every rule uses on one sentence's units."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .context import Context, is_future, is_scheduled
from .lexicon import Unit, number_norms
from .values import (
    DAY,
    HALF,
    MONTH,
    QUARTER,
    WEEK,
    YEAR,
    Point,
)

_DOTTED_DATE = re.compile(r"([0-9]{1,2})[./]([0-9]{1,2})[./]([0-9]{4})")
_DATE_SEPARATORS = frozenset({"/", "-", "."})
_CLOCK_TOKEN = re.compile(r"([0-9]{1,2})[.,]([0-9]{2})")
#: Years read from bare digits.
_YEAR_RANGE = (1800, 2100)
#: Units before a bare year that make it a year («في 2008», «منذ 2003»).
_YEAR_BEFORE = frozenset({"في", "منذ", "حتى", "خلال", "قبل", "بعد", "من", "الى", "بين", "عام",
                          "العام", "سنه", "السنه", "العامين", "عامي", "سنتي", "السنتين", "مطلع",
                          "نهايه", "بدايه", "منتصف", "اواخر",
                          "اوائل", "ربيع", "صيف", "خريف", "شتاء", "لغايه", "عن", "مع", "ومنذ",
                          "وفي", "وحتى", "ففي", "موسم", "انتخابات", "ميزانيه", "دستور", "رؤيه",
                          "مونديال", "كاس", "اولمبياد", "حرب", "ثوره", "احداث", "اعوام",
                          "سنوات", "مواليد", "دوره", "نسخه", "موازنه"})
#: Units before a month name that make an ambiguous one («مارس», «آب») a month.
_MONTH_PREPOSITIONS = frozenset({"في", "خلال", "منذ", "حتى", "قبل", "بعد", "طوال", "بحلول",
                                 "مطلع", "ومنذ", "وفي", "وحتى", "وخلال", "لغايه", "الى"})
#: Words after a bare four-digit number that make it a year («2018 في روسيا»).
_AFTER_YEAR = frozenset({"في", "من", "على", "الى", "عن", "مع", "حتى", "بعد", "قبل", "حين",
                         "عندما", "حيث", "اذ", "او", "ثم", "بين", "لكن", "بينما", "وقد", "قد",
                         "كما", "ضد"})
_ANCHOR_UNIT = {"Y": YEAR, "M": MONTH, "W": WEEK, "D": DAY, "Q": QUARTER, "H": HALF}
_GRAN_OF_UNIT = {"Y": YEAR, "M": MONTH, "W": WEEK, "D": DAY, "DE": YEAR, "CE": YEAR}
_AGO_SCALE = {"DE": ("Y", 10), "CE": ("Y", 100)}
_FRACTION_AFTER = {"ونصف": 0.5, "والنصف": 0.5, "وربع": 0.25, "والربع": 0.25}
_SEASON_ORDER = {"WI": 0, "SP": 1, "SU": 2, "FA": 3}


@dataclass(slots=True)
class Found:
    """A temporal expression over units ``[i, j)``."""

    i: int
    j: int
    type: str
    value: str | None
    mod: str | None = None
    point: Point | None = None
    #: Needed the publication date (or an earlier date) to be resolved.
    relative: bool = False
    hijri: str | None = None
    #: ``"previous"`` when resolved against a date mentioned earlier.
    anchor: str | None = None


def _norm(units: list[Unit], k: int) -> str:
    return units[k].norm if 0 <= k < len(units) else ""


class Rules:
    """One sentence's units and the context, with the helpers every rule uses.

    The rule families (:mod:`.dates`, :mod:`.periods`, :mod:`.durations`) are mixins of this
    class; :class:`~khabar.time.grammar.Grammar` combines them, and rules of one family call
    those of another through it (a part «نهاية» reads a month, a year or a calendar noun).
    """

    def __init__(self, units: list[Unit], ctx: Context) -> None:
        self.units = units
        self.ctx = ctx
        self.norms = [u.norm for u in units]
        self.numbers = number_norms(units)
        self.n = len(units)

    # -- helpers ----------------------------------------------------------------------------

    def tags(self, k: int) -> dict:
        """The tags of unit ``k`` (none outside the sentence)."""
        return self.units[k].tags if 0 <= k < self.n else {}

    def int_num(self, k: int) -> int | None:
        """The integer written in digits at unit ``k``, or ``None``."""
        value = self.tags(k).get("num")
        return value if isinstance(value, int) else None

    def is_year(self, k: int) -> bool:
        value = self.int_num(k)
        return value is not None and len(self.units[k].norm) == 4 and 1000 <= value <= 2199

    def starts_day(self, k: int) -> bool:
        """Whether a day of the month (a number or an ordinal) may start at ``k``."""
        return self.int_num(k) is not None or "ordinal" in self.tags(k)

    def future(self, i: int, j: int) -> bool:
        return is_future(self.units, i, j)

    def scheduled(self, i: int, j: int) -> bool:
        return is_scheduled(self.units, i, j)


def _season_of(day: date) -> str:
    return ("WI", "WI", "SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA", "WI")[day.month - 1]
