"""Rules for periods: calendar nouns with a relative word, parts, quarters, decades,
centuries, seasons, document references and sets."""

from __future__ import annotations

from datetime import date

from ..numbers import read_ordinal
from .base import _ANCHOR_UNIT, _SEASON_ORDER, Found, Rules, _season_of
from .values import HALF, QUARTER, SEASON, YEAR, Point, add_months, duration


class PeriodRules(Rules):
    """Periods: calendar nouns, parts, quarters, decades, centuries, seasons, sets."""

    def anchor(self, i: int) -> Found | None:
        """العام الماضي, هذا العام, الأسبوع المقبل, العام نفسه, نفس العام, عام 2008."""
        t = self.tags(i)
        if "century" in t:
            return self.century(i)
        start = i
        forced: str | None = None
        if "this" in t:
            forced, i = "current", i + 1
        elif "same_before" in t:
            forced, i = "same", i + 1
        if forced == "current" and "season" in self.tags(i):
            found = self.season(i, "current")  # «هذا الصيف»
            if found is not None:
                found.i = start
            return found
        unit = self.tags(i).get("anchor")
        if unit is None:
            return None
        if unit == "D" and forced is None:
            # «يوم الخميس», «يوم أمس», «يوم 23 يوليو».
            sub = self._day_after(i + 1)
            if sub is None and self.starts_day(i + 1):
                sub = self.day_month(i + 1)
            if sub is not None:
                sub.i = start
                return sub
            if self.norms[i] == "اليوم":
                return None
        if unit == "M" and forced is None and ("month" in self.tags(i + 1) or
                                                "hmonth" in self.tags(i + 1)):
            sub = self.month(i + 1)
            if sub is not None:
                sub.i = start
            return sub
        if unit == "Y" and forced is None:
            read = self.read_year(i)
            if read is not None and read[1] > i + 1:
                return self.year(i)
        if unit in ("Q", "H"):
            return self.quarter(i)
        if unit == "DE":
            return self.decade_noun(i)
        k = i + 1
        direction = forced or self.tags(k).get("rel")
        if forced is None and direction is not None:
            k += 1
        if direction is None:
            return None
        gran = _ANCHOR_UNIT.get(unit)
        if gran is None:
            return None
        if direction in ("same", "next", "previous"):
            base = self.ctx.anaphor(gran)
            step = {"same": 0, "next": 1, "previous": -1}[direction]
        else:
            today = self.ctx.today
            base = today.at(gran) if today else None
            step = {"past": -1, "future": 1, "current": 0, "before_last": -2}[direction]
            if direction == "past" and self.tags(k).get("rel") == "before_last":
                k += 1
        if base is None:
            return Found(start, k, "DATE", None, relative=True)
        point = base.shift(step)
        anaphoric = direction in ("same", "next", "previous") and self.ctx.ref is not None
        return Found(start, k, "DATE", point.value(), point=point, relative=True,
                     anchor="previous" if anaphoric else None)

    def quarter(self, i: int) -> Found | None:
        """الربع الأول من العام, النصف الثاني من 2020."""
        unit = self.tags(i)["anchor"]
        ordinal = read_ordinal(self.norms, i + 1) if i + 1 < self.n else None
        if ordinal is None:
            return None
        number, k = ordinal
        if number > (4 if unit == "Q" else 2):
            return None
        if "of" not in self.tags(k):
            return None
        year_found = self.year_target(k + 1)
        if year_found is None:
            return None
        gran = QUARTER if unit == "Q" else HALF
        if year_found.point is None:
            return Found(i, year_found.j, "DATE", None, relative=True)
        months = (number - 1) * (3 if unit == "Q" else 6)
        point = Point(add_months(date(year_found.point.year, 1, 1), months), gran)
        return Found(i, year_found.j, "DATE", point.value(), point=point,
                     relative=year_found.relative)

    def year_target(self, k: int) -> Found | None:
        """A year expression at ``k``: 2020, عام 2020, العام الماضي, هذا العام, العام نفسه."""
        t = self.tags(k)
        if "num" in t:
            return self.year(k) if self.read_year(k) else None
        if "anchor" in t or "this" in t or "same_before" in t:
            found = self.anchor(k)
            if found is None and t.get("anchor") == "Y":
                found = self.current(k, YEAR)
            if found is not None and ((found.point is not None and found.point.gran == YEAR) or
                                      (found.value is None and found.relative)):
                return found
        return None

    def current(self, k: int, gran: str) -> Found:
        """A bare calendar noun at ``k`` («العام» in «نهاية العام»): the current one."""
        today = self.ctx.today
        if today is None:
            return Found(k, k + 1, "DATE", None, relative=True)
        point = today.at(gran)
        return Found(k, k + 1, "DATE", point.value(), point=point, relative=True)

    def part(self, i: int) -> Found | None:
        """نهاية هذا العام, بداية العام, منتصف 2020, أواخر يوليو, مطلع الشهر المقبل."""
        mod = self.tags(i)["part"]
        k = i + 1
        if "of" in self.tags(k):
            k += 1
        t = self.tags(k)
        found: Found | None = None
        if "anchor" in t or "this" in t or "same_before" in t:
            unit = t.get("anchor") or self.tags(k + 1).get("anchor")
            found = self.anchor(k)
            if found is None and unit in ("Y", "M", "W") and "anchor" in t:
                # «نهاية العام»: the current one.
                gran = _ANCHOR_UNIT[unit]
                read = self.read_year(k) if unit == "Y" else None
                if read is not None and read[1] > k + 1:
                    found = self.year(k)
                else:
                    found = self.current(k, gran)
        elif "num" in t:
            found = self.year(k) if self.read_year(k) else None
            if found is None:
                found = self.day_month(k)
        elif "month" in t or "hmonth" in t:
            found = self.month(k)
        elif "decade" in t:
            found = self.decade(k)
        elif "season" in t:
            found = self.season(k)
        if found is None or found.type != "DATE":
            return None
        found.i = i
        found.mod = mod
        return found

    def decade(self, i: int) -> Found | None:
        """التسعينيات, تسعينيات القرن الماضي."""
        digit = self.tags(i)["decade"]
        century = 19
        k = i + 1
        if "of" in self.tags(k):
            k += 1
        if "century" in self.tags(k):
            sub = self.century(k)
            if sub is not None and sub.value is not None:
                century, k = int(sub.value), sub.j
            else:
                k = i + 1
        else:
            k = i + 1
        return Found(i, k, "DATE", f"{century}{digit}")

    def decade_noun(self, i: int) -> Found | None:
        """العقد الماضي, العقد الحالي."""
        rel = self.tags(i + 1).get("rel")
        if rel not in ("past", "current", "future"):
            return None
        today = self.ctx.today
        if today is None:
            return Found(i, i + 2, "DATE", None, relative=True)
        decade = today.day.year // 10 + {"past": -1, "current": 0, "future": 1}[rel]
        return Found(i, i + 2, "DATE", str(decade), relative=True)

    def century(self, i: int) -> Found | None:
        """القرن العشرين, القرن الحادي والعشرين, القرن الـ19, القرن الماضي."""
        k = i + 1
        number: int | None = None
        rel = self.tags(k).get("rel")
        if rel in ("past", "current", "future"):
            today = self.ctx.today
            if today is None:
                return Found(i, k + 1, "DATE", None, relative=True)
            number = (today.day.year - 1) // 100 + 1 + {"past": -1, "current": 0,
                                                         "future": 1}[rel]
            return Found(i, k + 1, "DATE", f"{number - 1:02d}", relative=True)
        if self.norms[k:k + 1] == ["الـ"] or self.norms[k:k + 1] == ["ال"]:
            k += 1
        if self.int_num(k) is not None:
            number, k = self.int_num(k), k + 1
        else:
            ordinal = read_ordinal(self.norms, k) if k < self.n else None
            if ordinal is not None:
                number, k = ordinal
        if number is None or not 1 <= number <= 30:
            return None
        return Found(i, k, "DATE", f"{number - 1:02d}")

    def season(self, i: int, forced: str | None = None) -> Found | None:
        """صيف 2020, الصيف المقبل, ربيع العام الماضي (and «هذا الصيف» with ``forced``)."""
        season = self.tags(i)["season"]
        k = i + 1
        if "of" in self.tags(k):
            k += 1
        target = None if forced else self.year_target(k)
        rel = None
        if target is None:
            rel = forced or self.tags(i + 1).get("rel")
            if rel not in ("past", "future", "current"):
                return None
            end = i + 1 if forced else i + 2
            today = self.ctx.today
            if today is None:
                return Found(i, end, "DATE", None, relative=True)
            year = today.day.year
            now = _SEASON_ORDER[_season_of(today.day)]
            if today.day.month == 12:
                year += 1  # December is in the winter of the next year's count
            this = _SEASON_ORDER[season]
            if rel == "past" and this >= now:
                year -= 1
            elif rel == "future" and this <= now:
                year += 1
            if season == "WI":
                year -= 1  # TIMEX3 names a winter by the year it starts in
        else:
            if target.point is None:
                return Found(i, target.j, "DATE", None, relative=True)
            year, end = target.point.year, target.j
        point = Point(date(year, 1, 1), SEASON, season)
        return Found(i, end, "DATE", point.value(), point=None,
                     relative=rel is not None or (target is not None and target.relative))

    def ref(self, i: int) -> Found | None:
        """حاليا, الآن, مؤخرا, قريبا."""
        return Found(i, i + 1, "DATE", self.tags(i)["ref"])

    def set(self, i: int) -> Found | None:
        """يوميا, سنويا, كل يوم, كل عام, كل ثلاثة أشهر, كل جمعة."""
        t = self.tags(i)
        if "set" in t:
            return Found(i, i + 1, "SET", t["set"])
        k = i + 1
        if self.tags(k).get("anchor") == "D" and "weekday" in self.tags(k + 1):
            k += 1
        if "weekday" in self.tags(k):
            number = self.tags(k)["weekday"][0]
            return Found(i, k + 1, "SET", f"XXXX-WXX-{number}")
        read = self.read_amount(k)
        if read is None or read[0] is None:
            return None
        amount, unit, j = read
        return Found(i, j, "SET", duration(amount, unit))
