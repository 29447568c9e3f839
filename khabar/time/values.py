"""Calendar points at a granularity, their arithmetic and their TIMEX3 values.

A :class:`Point` is a day, ISO week, month, quarter, half, season or year (``2021-07-23``,
``2021-W30``, ``2021-07``, ``2021-Q1``, ``2021-H2``, ``2021-SU``, ``2021``); shifting one
moves it by whole units of its own granularity or of a finer one.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

#: Granularities, finest first.
DAY, WEEK, MONTH, QUARTER, HALF, SEASON, YEAR = "D", "W", "M", "Q", "H", "SE", "Y"


@dataclass(frozen=True, slots=True)
class Point:
    """A calendar point: ``day`` is its first day; ``gran`` its granularity."""

    day: date
    gran: str
    #: The season code for a season point (SP, SU, FA, WI).
    season: str = ""

    @property
    def year(self) -> int:
        """Its year (the ISO year for a week)."""
        if self.gran == WEEK:
            return self.day.isocalendar()[0]
        return self.day.year

    def value(self) -> str:
        """The TIMEX3 value."""
        d = self.day
        if self.gran == DAY:
            return d.isoformat()
        if self.gran == WEEK:
            year, week, _ = d.isocalendar()
            return f"{year}-W{week:02d}"
        if self.gran == MONTH:
            return f"{d.year:04d}-{d.month:02d}"
        if self.gran == QUARTER:
            return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
        if self.gran == HALF:
            return f"{d.year:04d}-H{(d.month - 1) // 6 + 1}"
        if self.gran == SEASON:
            return f"{d.year:04d}-{self.season}"
        return f"{d.year:04d}"

    def shift(self, n: int, unit: str | None = None) -> Point:
        """This point moved by ``n`` units (its own granularity by default)."""
        unit = unit or self.gran
        if unit == DAY:
            return Point(self.day + timedelta(days=n), DAY if self.gran == DAY else self.gran)
        if unit == WEEK:
            return Point(self.day + timedelta(weeks=n), self.gran)
        months = {MONTH: 1, QUARTER: 3, HALF: 6, YEAR: 12, SEASON: 12}[unit] * n
        return Point(add_months(self.day, months), self.gran, self.season)

    def at(self, gran: str) -> Point:
        """The point of granularity ``gran`` that contains this one's first day."""
        d = self.day
        if gran == DAY:
            return Point(d, DAY)
        if gran == WEEK:
            return Point(d - timedelta(days=d.weekday()), WEEK)
        if gran == MONTH:
            return Point(d.replace(day=1), MONTH)
        if gran == QUARTER:
            return Point(date(d.year, (d.month - 1) // 3 * 3 + 1, 1), QUARTER)
        if gran == HALF:
            return Point(date(d.year, (d.month - 1) // 6 * 6 + 1, 1), HALF)
        return Point(date(d.year, 1, 1), YEAR)


def add_months(d: date, months: int) -> date:
    """``d`` moved by whole months, the day kept inside the month."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    year = min(max(year, 1), 9999)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(d.day, last))


def make_day(year: int, month: int, day: int) -> Point | None:
    """The day point, or ``None`` when no such day exists."""
    try:
        return Point(date(year, month, day), DAY)
    except ValueError:
        return None


def make_month(year: int, month: int) -> Point | None:
    """The month point, or ``None`` when out of range."""
    if 1 <= year <= 9999 and 1 <= month <= 12:
        return Point(date(year, month, 1), MONTH)
    return None


def make_year(year: int) -> Point | None:
    """The year point, or ``None`` when out of range."""
    return Point(date(year, 1, 1), YEAR) if 1 <= year <= 9999 else None


def duration(amount: float | None, unit: str) -> str:
    """The TIMEX3 duration value: ``P3D``, ``PT24H``, ``PXY`` when the amount is unknown."""
    if amount is None:
        text = "X"
    elif float(amount).is_integer():
        text = str(int(amount))
    else:
        # Half units in a finer unit: 1.5 years → P18M, 2.5 hours → PT150M.
        finer = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "H"),
                 "H": (60, "MIN"), "MIN": (60, "S"), "DE": (10, "Y"), "CE": (100, "Y")}
        if unit in finer:
            factor, finer_unit = finer[unit]
            return duration(round(amount * factor, 3), finer_unit)
        text = str(amount)
    if unit in ("H", "MIN", "S"):
        return f"PT{text}{'M' if unit == 'MIN' else unit}"
    return f"P{text}{unit}"
