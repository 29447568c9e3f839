"""Hijri (Umm al-Qura) dates to Gregorian ones, with ``hijridate``.

A Hijri day gives its Gregorian day; a Hijri month gives the Gregorian month its middle falls
in; a Hijri year the Gregorian year its middle falls in. ``hijridate`` covers 1343–1500 AH
(1924–2077); outside it there is no value.
"""

from __future__ import annotations

from datetime import date, timedelta

from .values import DAY, MONTH, YEAR, Point


def _to_gregorian(year: int, month: int, day: int) -> date | None:
    from hijridate import Hijri

    try:
        return date(*Hijri(year, month, day).to_gregorian().datetuple())
    except (OverflowError, ValueError):
        return None


def _month_length(year: int, month: int) -> int | None:
    from hijridate import Hijri

    try:
        return Hijri(year, month, 1).month_length()
    except (OverflowError, ValueError):
        return None


def hijri_point(year: int, month: int | None = None, day: int | None = None) -> Point | None:
    """The Gregorian point of a Hijri year, month or day, or ``None`` out of range."""
    if month is None:
        first = _to_gregorian(year, 1, 1)
        nxt = _to_gregorian(year + 1, 1, 1)
        if first is None:
            return None
        middle = first + (timedelta(days=177) if nxt is None else (nxt - first) / 2)
        return Point(date(middle.year, 1, 1), YEAR)
    if day is None:
        first = _to_gregorian(year, month, 1)
        length = _month_length(year, month)
        if first is None or length is None:
            return None
        middle = first + timedelta(days=length // 2)
        return Point(middle.replace(day=1), MONTH)
    found = _to_gregorian(year, month, day)
    return Point(found, DAY) if found else None


def hijri_year_of(day: date) -> int | None:
    """The Hijri year ``day`` falls in, or ``None`` out of range."""
    from hijridate import Gregorian

    try:
        return Gregorian(day.year, day.month, day.day).to_hijri().year
    except (OverflowError, ValueError):
        return None


def hijri_month_of(day: date) -> tuple[int, int] | None:
    """The Hijri ``(year, month)`` ``day`` falls in, or ``None`` out of range."""
    from hijridate import Gregorian

    try:
        h = Gregorian(day.year, day.month, day.day).to_hijri()
    except (OverflowError, ValueError):
        return None
    return h.year, h.month
