"""Rules for durations, dates counted from the publication date, approximators and clock
times."""

from __future__ import annotations

import re

from ..numbers import number_word, read_number, read_ordinal
from .base import _AGO_SCALE, _CLOCK_TOKEN, _FRACTION_AFTER, _GRAN_OF_UNIT, Found, Rules, _norm
from .values import Point, duration

#: Words between an amount of time and «من» that still make it relative to an event
#: («بعد عشرة أشهر فقط من طرحها»).
_BEFORE_OF = frozenset({"فقط", "تقريبا", "بالضبط", "كامل", "كامله", "كاملين", "كاملتين"})


#: A clock duration in whole hours and minutes so far («PT1H», «PT1H8M», «PT22M»).
_CLOCK_DURATION = re.compile(r"PT(\d+H)?(\d+M)?")


class DurationRules(Rules):
    """Durations, dates counted from publication, approximators, clock times."""

    def read_amount(self, i: int) -> tuple[float | None, str, int] | None:
        """An amount of a calendar unit at ``i``: ``(amount, unit, end)``; amount ``None`` for
        «أيام», «عدة أشهر»."""
        t = self.tags(i)
        if "unit" in t:
            unit, form = t["unit"]
            amount: float | None = {"singular": 1, "dual": 2}.get(form)
            k = i + 1
            if form in ("dual", "singular") and self.is_year(k):
                return None  # «العامين 1910 و1912»: two years, not a duration
            after = self.tags(k)
            if "month" in after or "hmonth" in after or "weekday" in after:
                return None  # «خلال شهر رمضان», «يوم الخميس»: a date, not a duration
            half = _FRACTION_AFTER.get(_norm(self.units, k))
            if half is not None and amount is not None:
                amount, k = amount + half, k + 1
            elif form == "singular" and _norm(self.units, k) in ("واحد", "واحده"):
                k += 1  # «خلال عام واحد»
            if form == "dual" and self.tags(k).get("rel") in ("past", "future"):
                k += 1  # «العامين الماضيين»
            return amount, unit, k
        if "vague" in t:
            nxt = self.tags(i + 1).get("unit")
            if nxt and nxt[1] == "plural":
                return None, nxt[0], i + 2
            return None
        if "plural_anchor" in t:
            return None
        numword = t.get("numword")
        if numword is not None and numword.kind == "fraction":
            nxt = self.tags(i + 1).get("unit")
            if nxt and nxt[1] == "singular":
                return numword.value, nxt[0], i + 2
            return None
        number = read_number(self.numbers, i)
        if number is None:
            return None
        k = number.end
        nxt = self.tags(k).get("unit")
        if nxt is None or nxt[1] == "dual" or self.units[k].clitic == "ل":
            return None  # («القرار رقم 80 لسنة 2017»: a number of that year)
        unit = nxt[0]
        amount = number.value
        k += 1
        half = _FRACTION_AFTER.get(_norm(self.units, k))
        if half is not None:
            amount, k = amount + half, k + 1
        return amount, unit, k

    def duration(self, i: int, alone: bool = False) -> Found | None:
        """ثلاثة أيام, عامين, 24 ساعة, عام ونصف, عدة أشهر (and «قرن» when ``alone``)."""
        read = self.read_amount(i)
        if read is None:
            return None
        amount, unit, k = read
        t = self.tags(i)
        if "unit" in t and t["unit"][1] == "singular" and amount == 1 and not alone:
            more, end = self._more(duration(amount, unit), k)
            if end > k:
                return Found(i, end, "DURATION", more)  # «ساعة و22 دقيقة»
            return None  # «يوم», «عام» alone: only after «خلال», «منذ» … (see ``during``)
        if "unit" in t and t["unit"][1] == "plural":
            return None  # «أيام» alone
        value, k = self._more(duration(amount, unit), k)
        return Found(i, k, "DURATION", value)

    def during(self, i: int) -> Found | None:
        """خلال عام, لمدة أسبوع, طوال أشهر: the duration, without the preposition."""
        mod, k, read = self._approximate_amount(i + 1)
        if read is None:
            return None
        amount, unit, j = read
        if self._construct(k, j):
            return None
        value, j = self._more(duration(amount, unit), j)
        return Found(i + 1, j, "DURATION", value, mod=mod)

    def _approximate_amount(self, k: int):
        """An amount of time at ``k``, after an approximator or not («نحو عامين»):
        ``(mod, where the amount starts, read_amount's result)``."""
        mod = self.tags(k).get("approx")
        if mod is not None:
            k += 1
        return mod, k, self.read_amount(k)

    def _construct(self, k: int, j: int) -> bool:
        """Whether the calendar noun at ``k`` heads a construct («أيام التشريق», «سنوات
        الحرب»): then it names a period, not an amount of time."""
        return self.tags(k).get("unit", ("", ""))[1] in ("plural", "singular") and j == k + 1 \
            and j < self.n and self.units[j].kind == "word" and self.norms[j].startswith("ال") \
            and not self.tags(j)

    def _more(self, value: str, j: int) -> tuple[str, int]:
        """A duration joined by «و» to the next one: «ثلاث سنوات وثلاثة أشهر» → P3Y3M.

        Returns the (combined) value and where the expression ends.
        """
        if j >= self.n or "X" in value:
            return value, j
        bare = self.norms[j]
        if self.units[j].clitic != "و":
            if not (bare[:1] == "و" and number_word(bare[1:]) is not None):
                return value, j
            bare = bare[1:]  # «وست عشرة»: «ست عشرة», the و left on the word
        joined, self.numbers[j] = self.numbers[j], bare
        try:
            read = self.read_amount(j)
        finally:
            self.numbers[j] = joined
        if read is None or read[0] is None or not float(read[0]).is_integer():
            return value, j
        amount, unit, end = read
        order = "YMWD"
        head = value[1:-1] if not value.startswith("PT") else ""
        if unit in order and value[-1] in order and order.index(unit) > order.index(value[-1]) \
                and head.isdigit():
            return f"{value}{int(amount)}{unit}", end
        # «ساعة و22 دقيقة» → PT1H22M, «ساعتين و30 دقيقة» → PT2H30M, «ساعة و8 دقائق وست
        # عشرة ثانية» → PT1H8M16S
        clock = ("H", "MIN", "S")
        if _CLOCK_DURATION.fullmatch(value) and unit in clock and value[-1] in "HM" and \
                clock.index(unit) > clock.index("H" if value[-1] == "H" else "MIN"):
            return self._more(f"{value}{int(amount)}{'M' if unit == 'MIN' else unit}", end)
        return value, j

    def ago(self, i: int) -> Found | None:
        """منذ يومين, قبل ثلاثة أيام, بعد أسبوعين (from the publication date); منذ سنوات."""
        sign = 1 if "after" in self.tags(i) else -1
        since = self.norms[i] == "منذ"
        mod, _, read = self._approximate_amount(i + 1)
        if read is None:
            return None
        amount, unit, j = read
        of = j + 1 if _norm(self.units, j) in _BEFORE_OF else j
        if "of" in self.tags(of) or _norm(self.units, of) == "علي" or (
                mod is not None and since) or self._of_event(j):
            # «قبل ثلاثة أيام من الانتخابات», «بعد سنتين على الحكم»: relative to an event;
            # «منذ أكثر من عام».
            return Found(i + 1, j, "DURATION", duration(amount, unit), mod=mod)
        if amount is None:
            if since:
                return Found(i + 1, j, "DURATION", duration(None, unit))
            return Found(i, j, "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
        if unit not in _GRAN_OF_UNIT or not float(amount).is_integer():
            return Found(i + 1 if since else i, j, "DURATION", duration(amount, unit), mod=mod)
        today = self.ctx.today
        if today is None:
            return Found(i, j, "DATE", None, relative=True, mod=mod)
        step_unit, factor = _AGO_SCALE.get(unit, (unit, 1))
        gran = _GRAN_OF_UNIT[unit]
        point = today.at(gran).shift(sign * int(amount) * factor, _GRAN_OF_UNIT[step_unit])
        return Found(i, j, "DATE", point.value(), mod=mod, point=point, relative=True)

    def _of_event(self, j: int) -> bool:
        """Whether the amount of time ending at ``j`` is that of an event named right after it
        («بعد نحو أسبوع المعارك»: a week of fighting), not counted from publication."""
        if j >= len(self.units) or self.units[j].kind != "word" or self.tags(j):
            return False
        norm = self.units[j].norm
        return norm.startswith("ال") and len(norm) > 4

    def approx(self, i: int) -> Found | None:
        """نحو ثلاثة أشهر, أكثر من عشر سنوات, حوالي الساعة الثالثة."""
        mod = self.tags(i)["approx"]
        k = i + 1
        t = self.tags(k)
        if "clock" in t:
            found = self.clock(k)
        elif "num" in t or "numword" in t or "unit" in t:
            found = self.duration(k, alone=True)
        else:
            return None
        if found is None:
            return None
        found.i = i
        found.mod = found.mod or mod
        return found

    def plural_anchor(self, i: int) -> Found | None:
        """الأيام الماضية (PAST_REF), الأشهر الستة المقبلة (P6M), العامين الماضيين (P2Y)."""
        unit = self.tags(i)["plural_anchor"]
        k = i + 1
        amount: float | None = None
        word = _norm(self.units, k)
        if word.startswith("ال") and number_word(word[2:]) is not None:
            amount, k = number_word(word[2:]).value, k + 1
        elif word in ("ال", "الـ") and self.int_num(k + 1) is not None:
            amount, k = self.int_num(k + 1), k + 2  # «الأشهر الـ21»
        if amount is not None and _norm(self.units, k) in ("الاولي", "الاول"):
            return Found(i, k + 1, "DURATION", duration(amount, unit)) if unit else None
        rel = self.tags(k).get("rel")
        if rel == "next":
            rel = "future"  # «السنوات اللاحقة»
        if rel not in ("past", "future"):
            return None
        k += 1
        if amount is not None and unit is not None:
            return Found(i, k, "DURATION", duration(amount, unit))
        return Found(i, k, "DATE", "PAST_REF" if rel == "past" else "FUTURE_REF")

    def clock(self, i: int) -> Found | None:
        """الساعة الثالثة عصرا, الساعة 15:30 بتوقيت غرينتش, الساعة العاشرة والنصف."""
        k = i + 1
        hour: int | None = None
        minute = 0
        if k < self.n and self.units[k].clitic == "و":
            return None  # «في ساعة و22 دقيقة»: an hour and 22 minutes, not 22 o'clock
        clock = _CLOCK_TOKEN.fullmatch(_norm(self.units, k))
        if clock is not None:
            hour, minute, k = int(clock.group(1)), int(clock.group(2)), k + 1  # «13,00»
        elif self.int_num(k) is not None and _norm(self.units, k + 1) == ":" and \
                self.int_num(k + 2) is not None:
            hour, minute, k = self.int_num(k), self.int_num(k + 2), k + 3
        elif self.int_num(k) is not None and len(self.norms[k]) <= 2:
            hour, k = self.int_num(k), k + 1
        else:
            ordinal = read_ordinal(self.norms, k) if k < self.n else None
            if ordinal is not None:
                hour, k = ordinal
        if hour is None or not 0 <= hour <= 24 or not 0 <= minute <= 59:
            return None
        return self._clock_rest(i, k, hour, minute)

    def clock_digits(self, i: int) -> Found | None:
        """15:30 (without «الساعة»); «07,00 ت غ» before a time zone."""
        clock = _CLOCK_TOKEN.fullmatch(_norm(self.units, i))
        if clock is not None and self.tags(i + 1).get("zone") is not None:
            hour, minute = int(clock.group(1)), int(clock.group(2))
            if 0 <= hour <= 24 and 0 <= minute <= 59:
                return self._clock_rest(i, i + 1, hour, minute)
        if _norm(self.units, i + 1) != ":" or self.int_num(i + 2) is None:
            return None
        hour, minute = self.int_num(i), self.int_num(i + 2)
        if hour is None or not (0 <= hour <= 24 and len(self.norms[i + 2]) == 2
                                and 0 <= minute <= 59):
            return None
        if _norm(self.units, i + 3) == ":":
            return None
        return self._clock_rest(i, i + 3, hour, minute)

    def _day_beyond_aside(self, k: int) -> Point | None:
        """«الساعة الثامنة مساء (19:00 بتوقيت غرينتش) أمس الجمعة»: the day of a clock time,
        written after an aside in parentheses (or after the parenthesis it closes)."""
        if _norm(self.units, k) == "(":
            close = next((x for x in range(k + 1, min(k + 10, self.n))
                          if _norm(self.units, x) == ")"), None)
            if close is None:
                return None
            k = close + 1
        elif _norm(self.units, k) == ")":
            k += 1
        else:
            return None
        sub = self._day_after(k)
        return sub.point if sub is not None else None

    def bare_clock(self, i: int) -> Found | None:
        """«في السادسة والنصف من مساء اليوم», «عند الثالثة عصرا»: an hour with no «الساعة»,
        after «في» or «عند», read as a clock time only with minutes or a part of the day."""
        if i == 0 or _norm(self.units, i - 1) not in ("في", "عند"):
            return None
        ordinal = read_ordinal(self.norms, i)
        if ordinal is None or not 1 <= ordinal[0] <= 12:
            return None
        hour, k = ordinal
        t = self.tags(k)
        if t.get("minutes") is None and t.get("day_part") is None and not (
                _norm(self.units, k) == "من" and self.tags(k + 1).get("day_part")):
            return None
        return self._clock_rest(i, k, hour, 0)

    def _clock_rest(self, i: int, k: int, hour: int, minute: int) -> Found:
        if self.tags(k).get("unit") == ("MIN", "singular"):
            k += 1  # «الساعة 8:20 دقيقة»
        minutes = self.tags(k).get("minutes")
        if minutes is not None:
            if minutes < 0:
                hour = (hour - 1) % 24
                minute = 60 + minutes
            else:
                minute = minutes
            k += 1
        if _norm(self.units, k) == "من" and self.tags(k + 1).get("day_part"):
            k += 1  # «السادسة والنصف من مساء اليوم»
        part = self.tags(k).get("day_part")
        day_point: Point | None = None
        if part is not None:
            k += 1
            if (part in ("MI", "AF", "EV") and hour < 12) or (part == "NI" and 6 <= hour < 12):
                hour += 12
            # «عصر اليوم», «مساء الخميس».
            sub = self._day_after(k)
            if sub is not None:
                day_point, k = sub.point, sub.j
        zone = self.tags(k).get("zone")
        if zone is not None:
            k += 1
        if day_point is None:
            sub = self._day_after(k)
            if sub is not None:
                day_point, k = sub.point, sub.j
        if day_point is None:
            day_point = self._day_beyond_aside(k)
        if day_point is None:
            day_point = self.ctx.sentence_day or self.ctx.today
        clock = f"T{hour:02d}:{minute:02d}" + ("Z" if zone == "Z" else "")
        value = day_point.day.isoformat() + clock if day_point else None
        return Found(i, k, "TIME", value, relative=day_point is None)
