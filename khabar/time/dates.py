"""Rules for dates: numeric dates, years, days of months, months (Gregorian and Hijri),
weekdays, days named from the publication date and parts of the day."""

from __future__ import annotations

from datetime import timedelta

from ..numbers import number_word, read_ordinal
from ..text.quotes import quote_marks
from .base import (
    _AFTER_YEAR,
    _DATE_SEPARATORS,
    _DOTTED_DATE,
    _MONTH_PREPOSITIONS,
    _YEAR_BEFORE,
    _YEAR_RANGE,
    Found,
    Rules,
    _norm,
)
from .hijri import hijri_month_of, hijri_point
from .lexicon import lexicon
from .values import DAY, MONTH, YEAR, Point, make_day, make_month, make_year

#: Hijri years a bare number may be read as after «حج» («موسم حج 1443»).
_HIJRI_YEARS = (1300, 1500)


#: Quotation marks that may stand between a name's words («لـ”عين اليوم”»).


class DateRules(Rules):
    """Dates: numeric, years, days of months, months, weekdays, named days."""

    def numeric_date(self, i: int) -> Found | None:
        """23/7/2021, 2021-07-23, 23.7.2021."""
        m = _DOTTED_DATE.fullmatch(self.norms[i])
        if m:
            point = make_day(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            return Found(i, i + 1, "DATE", point.value(), point=point) if point else None
        if i + 4 >= self.n:
            return None
        a, b, c = self.int_num(i), self.int_num(i + 2), self.int_num(i + 4)
        sep1, sep2 = self.norms[i + 1], self.norms[i + 3]
        if a is None or b is None or c is None or sep1 != sep2 or sep1 not in _DATE_SEPARATORS:
            return None
        if self.is_year(i):
            point = make_day(a, b, c)
        elif self.is_year(i + 4):
            point = make_day(c, b, a)
        else:
            return None
        return Found(i, i + 5, "DATE", point.value(), point=point) if point else None

    def read_year(self, k: int) -> tuple[int, int, str | None] | None:
        """A year at unit ``k``: ``(year, end, era)``, era «hijri»/«gregorian» or ``None``."""
        start = k
        if ("anchor" in self.tags(k) and self.tags(k)["anchor"] == "Y") or \
                self.tags(k).get("unit") == ("Y", "singular"):
            k += 1
        value = self.int_num(k)
        if value is None or value <= 0 or value > 2199:
            return None
        digits = len(self.units[k].norm)
        era = self.tags(k + 1).get("era")
        if era is None and (digits != 4 and start == k):
            return None
        if era is None and digits not in (3, 4):
            return None
        end = k + 2 if era else k + 1
        return value, end, era

    def year_point(self, year: int, era: str | None) -> tuple[Point | None, str | None]:
        if era == "hijri":
            return hijri_point(year), f"{year:04d}"
        return make_year(year), None

    def year(self, i: int) -> Found | None:
        """2008, عام 2008, العام 2008, 1445 هـ, 2002م."""
        read = self.read_year(i)
        if read is None:
            return None
        year, end, era = read
        bare = end == i + 1
        if bare and era is None and _HIJRI_YEARS[0] <= year <= _HIJRI_YEARS[1] \
                and "hijri_before" in self.tags(i - 1):
            era, bare = "hijri", False  # «موسم حج 1443»
        if bare and not self._year_context(i):
            return None
        if not bare and era is None and self.int_num(i) is not None and \
                not (_YEAR_RANGE[0] <= year <= _YEAR_RANGE[1]) and not self._year_context(i):
            return None
        point, hijri = self.year_point(year, era)
        found = Found(i, end, "DATE", point.value() if point else None, point=point, hijri=hijri)
        return found

    def _year_context(self, i: int) -> bool:
        """Whether a bare four-digit number at ``i`` is a year."""
        if not self.is_year(i):
            return False
        value = self.int_num(i)
        if not (_YEAR_RANGE[0] <= value <= _YEAR_RANGE[1]):
            return False
        unit = self.units[i]
        prev = _norm(self.units, i - 1)
        if prev in _YEAR_BEFORE or unit.clitic in ("ب", "ل", "في"):
            return True
        if prev in ("-", "–", "/", "و") and self.is_year(i - 2):
            return True
        if (unit.clitic.startswith("و") and self.is_year(i - 1)) or \
                (unit.clitic.startswith("و") and self.is_year(i - 2)):
            return True
        if "part" in self.tags(i - 1) or "month" in self.tags(i - 1) or \
                "season" in self.tags(i - 1):
            return True
        nxt = self.units[i + 1] if i + 1 < self.n else None
        if nxt is None:
            return True
        if nxt.kind == "punct":
            return nxt.norm not in ("%", "٪", ":", "/", "-", "–", ".", ",")
        # «كأس العالم 2018 في روسيا», «2026 التي»: a function word or a definite word after
        # it; a count would be followed by what it counts («2000 جندي»).
        return nxt.kind == "word" and (nxt.norm in _AFTER_YEAR or nxt.norm.startswith("ال")
                                       or nxt.clitic != "" or "era" in nxt.tags)

    def day_month(self, i: int) -> Found | None:
        """23 يوليو 2021, ٢٣ يوليو, الأول من يوليو, 5 محرم 1446 هـ."""
        day: int | None = None
        k = i
        value = self.int_num(i)
        if value is not None and len(self.norms[i]) <= 2:
            day, k = value, i + 1
        else:
            ordinal = self._list_day(i)  # «الأول من يوليو», «(و)الثاني عشر من يوليو»
            if ordinal is not None:
                day, k = ordinal
        if day is None or not 1 <= day <= 31:
            return None
        of = "of" in self.tags(k)
        if of:
            k += 1
        if self.tags(k).get("anchor") == "M" and of and "rel" in self.tags(k + 1):
            return self._day_of_month_noun(i, k, day)  # «الـ15 من الشهر الجاري»
        if self.tags(k).get("anchor") == "M":
            k += 1  # «5 شهر يوليو»
        elif self.norms[k:k + 1] == ["/"] and k + 1 < self.n and (
                "month" in self.tags(k + 1) or "hmonth" in self.tags(k + 1)):
            k += 1  # «25 / شوال / 1436»
        t = self.tags(k)
        if "month" in t or "hmonth" in t:
            found = self.month(k, day=day)
            if found is not None:
                found.i = i
                return found
        return None

    def _day_of_month_noun(self, i: int, k: int, day: int) -> Found | None:
        """A day of «الشهر الجاري/الماضي/المقبل» or «الشهر نفسه»."""
        month = self.anchor(k)
        if month is None:
            return None
        if month.point is None or month.point.gran != MONTH:
            return Found(i, month.j, "DATE", None, relative=True) if month.relative else None
        point = make_day(month.point.day.year, month.point.day.month, day)
        if point is None:
            return None
        return Found(i, month.j, "DATE", point.value(), point=point, relative=True,
                     anchor=month.anchor)

    def day_list(self, i: int) -> Found | None:
        """Each day of «22 و23 و24 جانفي», «16 أو الجمعة 17 فيفري», «بين التاسع والثاني عشر من
        يوليو» (the month and year of the last one)."""
        first = self._list_day(i)
        if first is None:
            return None
        day, k = first
        last = i
        while k < self.n:
            if self.norms[k] in _LIST_JOINS or (
                    ("weekday" in self.tags(k) or self.norms[k] == "يوم")
                    and self.norms[k - 1] in _LIST_JOINS):
                k += 1  # «أو الجمعة 17»
                continue
            item = self._list_day(k)
            if item is None:
                break
            if self.units[k].clitic != "و" and self.norms[k - 1] not in _LIST_JOINS and \
                    "weekday" not in self.tags(k - 1) and not self.norms[k].startswith("و"):
                break
            last, k = k, item[1]
        if last == i:
            return None
        sub = self.day_month(last)
        if sub is None or sub.point is None or sub.point.gran != DAY or sub.hijri:
            return None
        point = make_day(sub.point.day.year, sub.point.day.month, day)
        if point is None:
            return None
        return Found(i, first[1], "DATE", point.value(), point=point, relative=sub.relative)

    def _list_day(self, k: int) -> tuple[int, int] | None:
        """A day of the month at ``k`` (digits or an ordinal) and the index after it."""
        value = self.int_num(k)
        if value is not None:
            return (value, k + 1) if 1 <= value <= 31 and len(self.norms[k]) <= 2 else None
        words = list(self.norms[k:k + 3])
        joined = words[0].startswith("و") and "ordinal" not in self.tags(k)
        if joined:
            words[0] = words[0][1:]  # «والثاني عشر»
        elif "ordinal" not in self.tags(k):
            return None
        ordinal = read_ordinal(words, 0)
        if ordinal is None or not 1 <= ordinal[0] <= 31:
            return None
        return ordinal[0], k + ordinal[1]

    def month(self, i: int, day: int | None = None) -> Found | None:
        """يوليو 2021, حزيران 2020, آب من العام نفسه, آذار/مارس, رمضان 1445, يونيو المقبل."""
        t = self.tags(i)
        hijri = "month" not in t
        number, ambiguous = t["hmonth"] if hijri else t["month"]
        k = i + 1
        # Paired names: «آذار/مارس», «مارس (آذار)».
        if _norm(self.units, k) in ("/", "-") and (self.tags(k + 1).get("month") or (0,))[0] \
                == number:
            k += 2
            ambiguous = False
        elif (self.tags(k).get("month") or (0,))[0] == number and not hijri:
            k += 1  # «يناير كانون الثاني 2017»: both names, no mark between
            ambiguous = False
        elif _norm(self.units, k) == "(" and (self.tags(k + 1).get("month") or (0,))[0] \
                == number and _norm(self.units, k + 2) == ")":
            k += 3
            ambiguous = False
        if _norm(self.units, k) == "/" and self.int_num(k + 1) is not None and \
                len(self.units[k + 1].norm) in (3, 4):
            k += 1  # «25 / شوال / 1436»
        before = self.tags(i - 1)
        after_preposition = _norm(self.units, i - 1) in _MONTH_PREPOSITIONS or "part" in before
        if before.get("anchor") == "M" or after_preposition:
            ambiguous = False  # «شهر آب», «في مارس», «منذ نيسان», «نهاية آب»
        if day is not None:
            ambiguous = False
        # The year: «2020», «عام 2020», «من العام 2020», «من العام نفسه», «الماضي».
        year: int | None = None
        era: str | None = None
        point: Point | None = None
        found_year = False
        j = k
        of = "of" in self.tags(k)
        read = self.read_year(k + 1 if of else k)
        if read is not None and (read[2] is not None or self.is_year(read[1] - 1)):
            year, j, era = read
            found_year = True
        elif of and self.tags(k + 1).get("anchor") == "Y":
            sub = self.anchor(k + 1)
            if sub is not None and sub.point is not None and sub.point.gran == YEAR:
                year, j, found_year = sub.point.year, sub.j, True
                if sub.anchor or sub.relative:
                    point = make_day(year, number, day) if day else make_month(year, number)
                    if point is None or hijri:
                        return None
                    return Found(i, j, "DATE", point.value(), point=point, relative=True,
                                 anchor=sub.anchor)
            elif sub is not None and sub.relative:
                return Found(i, sub.j, "DATE", None, relative=True)
        elif of and self.tags(k + 1).get("anchor") == "M" and \
                self.tags(k + 2).get("rel") == "current":
            # «18 آذار/مارس من الشهر الجاري»: this month, this year.
            return self._this_month(i, k + 3, number, day)
        if found_year:
            ambiguous = False
        direction = None
        if not found_year and "rel" in self.tags(k):
            direction = self.tags(k)["rel"]
            if direction in ("past", "future", "current"):
                j = k + 1
                ambiguous = False
            else:
                direction = None
        if ambiguous:
            return None
        if j == k:
            j = k  # a bare month
        if hijri:
            return self._hijri_month(i, j, number, day, year, era, direction,
                                     found_year or after_preposition)
        if era == "hijri":
            era = None
        if found_year:
            point = make_day(year, number, day) if day else make_month(year, number)
            if point is None:
                return None
            return Found(i, j, "DATE", point.value(), point=point)
        # No year: the publication year, or the one the direction or tense gives.
        if self.ctx.sentence_year is not None and direction is None:
            year = self.ctx.sentence_year
        elif self.ctx.published is None:
            return Found(i, j, "DATE", None, relative=True)
        else:
            pub = self.ctx.published
            year = pub.year
            this = (number, day or 0)
            now = (pub.month, pub.day if day else 0)
            if direction == "past":
                if this >= now:
                    year -= 1
            elif direction == "future":
                if this <= now:
                    year += 1
            elif _norm(self.units, i - 1) in lexicon().contract_words:
                # «عقد تسليم مايو», «عقود يونيو»: a delivery month, the next one to come.
                if this < now:
                    year += 1
            elif direction is None and day and self._sentence_year(number) is not None:
                # «يوم 27 يوليو … ثم … يوم 28 يوليو»: the year of a day just named in the
                # sentence, for a day of the same or a neighbouring month.
                year = self._sentence_year(number)
            elif direction is None and self._continues_prior(number, day, i, j):
                # «في 27 نيسان/أبريل 2017 …. ووافق المجلس … في 12 أيار/مايو»: the story
                # of the sentence before goes on in its year.
                year = self.ctx.prior_day.year
            elif direction is None:
                if self.future(i, j):
                    if this < now and not _just_before(pub, number, day):
                        year += 1
                elif this > now and not self.scheduled(i, j) and not (
                        self._names_event(i) and _just_after(pub, number, day)) and \
                        not _days_after(pub, number, day):
                    year -= 1
        point = make_day(year, number, day) if day else make_month(year, number)
        if point is None:
            return None
        return Found(i, j, "DATE", point.value(), point=point, relative=True)

    def _sentence_year(self, month: int) -> int | None:
        """The year of the last day named in this sentence when its month is ``month`` or
        next to it."""
        last = self.ctx.sentence_day
        if last is None or abs(last.day.month - month) > 1:
            return None
        return last.day.year

    def _in_name(self, i: int) -> bool:
        """Whether «اليوم»/«الغد» at ``i`` ends a name («عين اليوم», «بناة الغد»)."""
        k = i - 1
        if k >= 0 and self.units[k].kind != "word" and self.units[k].norm in quote_marks():
            k -= 1
        if k < 0:
            return False
        word = self.units[k].norm
        names = lexicon().day_name_words
        return word in names or (word[:1] == "ل" and word[1:] in names)

    def _continues_prior(self, number: int, day: int | None, i: int, j: int) -> bool:
        """Whether a day and month with no year («12 أيار/مايو») follows, within a few weeks,
        a full date of an earlier year in the sentence before, in a clause not about the future."""
        prior = self.ctx.prior_day
        if prior is None or not day or self.future(i, j) or self.scheduled(i, j):
            return False
        then = make_day(prior.year, number, day)
        return then is not None and 0 < (then.day - prior.day).days <= 62

    def _names_event(self, i: int) -> bool:
        """Whether the date at ``i`` follows a noun it dates («لانتخابات 25 تموز», «قمة
        سبتمبر») rather than a preposition or a verb («وقعت الاشتباكات في 15 أغسطس»)."""
        k = i - 1
        while k >= 0 and (self.units[k].kind == "number" or "ordinal" in self.tags(k)
                          or "of" in self.tags(k)):
            k -= 1  # the day before the month: «لانتخابات 25 تموز»
        if k < 0 or self.units[k].kind != "word" or self.tags(k):
            return False
        events = lexicon().event_nouns
        norm = self.norms[k]
        for prefix in ("", "ل", "ال", "لل", "بال", "وال"):
            if norm.startswith(prefix) and norm[len(prefix):] in events:
                return True
        return False

    def _this_month(self, i: int, j: int, number: int, day: int | None) -> Found | None:
        """A month said to be the current one: in the publication year."""
        pub = self.ctx.published
        if pub is None:
            return Found(i, j, "DATE", None, relative=True)
        point = make_day(pub.year, number, day) if day else make_month(pub.year, number)
        if point is None:
            return None
        return Found(i, j, "DATE", point.value(), point=point, relative=True)

    def _hijri_month(self, i: int, j: int, number: int, day: int | None, year: int | None,
                     era: str | None, direction: str | None, found_year: bool) -> Found | None:
        explicit_year = year is not None
        if year is None:
            if day is None and self.tags(i - 1).get("anchor") != "M" and direction is None \
                    and not found_year:
                return None  # «رمضان» alone may be a name; «شهر رمضان», «في رمضان» are not
            pub = self.ctx.published
            if pub is None:
                return Found(i, j, "DATE", None, relative=True)
            current = hijri_month_of(pub)
            if current is None:
                return None
            year = current[0]
            this, now = number, current[1]
            if direction == "past" or (direction is None and not self.future(i, j)):
                coming = hijri_point(year, number) if this == now + 1 else None
                if this > now and not (direction is None and coming is not None
                                       and coming.day - pub <= _NEXT_MONTH):
                    # (not «تواجده في شهر رمضان» a week before Ramadan begins: the coming one)
                    year -= 1
            elif this < now:
                year += 1
        elif era == "gregorian":
            return None
        point = hijri_point(year, number, day)
        hijri = f"{year:04d}-{number:02d}" + (f"-{day:02d}" if day else "")
        return Found(i, j, "DATE", point.value() if point else None, point=point, hijri=hijri,
                     relative=not explicit_year)

    def weekday(self, i: int) -> Found | None:
        """الخميس, الخميس الماضي, يوم الأحد المقبل, الخميس 22 يوليو."""
        number, bare = self.tags(i)["weekday"]
        if bare and self.tags(i - 1).get("anchor") != "D" and "every" not in self.tags(i - 1):
            return None
        nxt = _norm(self.units, i + 1)
        if nxt[:3] == "وال" and number_word(nxt[3:]) is not None:
            return None  # «دور الاثنين والثلاثين»: the number thirty-two, not Monday
        k = i + 1
        # «الخميس 22 يوليو»، «الخميس الموافق 22 يوليو»
        skip = k + 1 if _norm(self.units, k) in ("،", ",", "الموافق", "-", "ال", "الـ") else k
        if self.starts_day(skip):
            sub = self.day_month(skip) or self.day_list(skip)  # «الخميس 16 أو الجمعة 17 فيفري»
            if sub is not None:
                sub.i = i
                return self._weekday_agrees(sub, number)
        direction = self.tags(k).get("rel")
        if direction not in ("past", "future"):
            direction = None
        else:
            k += 1
            if self.starts_day(k):  # «الأحد القادم 19 مارس»
                sub = self.day_month(k)
                if sub is not None:
                    sub.i = i
                    return self._weekday_agrees(sub, number)
        pub = self.ctx.published
        prev = self.ctx.ref
        if self.units[i].clitic == "و" and "weekday" in self.tags(i - 1) and prev is not None \
                and prev.gran == DAY and direction is None:
            # «يومي الخميس والجمعة»: the day after the first one.
            point = Point(prev.day + timedelta(days=(number - prev.day.isoweekday()) % 7), DAY)
            return Found(i, k, "DATE", point.value(), point=point, relative=True)
        if pub is None:
            return Found(i, k, "DATE", None, relative=True)
        delta = (number - pub.isoweekday()) % 7  # days forward to the next such weekday
        if direction == "past":
            days = delta - 7
        elif direction == "future":
            days = delta or 7
        elif self.future(i, k) or self.scheduled(i, k):
            days = delta
        else:
            days = delta - 7 if delta else 0
        point = Point(pub + timedelta(days=days), DAY)
        found = Found(i, k, "DATE", point.value(), point=point, relative=True)
        part = self.tags(k).get("day_part")
        if part is not None and self.tags(k).get("anchor") is None:
            found.j = k + 1
            found.type = "TIME"
            found.value = f"{point.value()}T{part}"
        return found

    def _weekday_agrees(self, found: Found, weekday: int) -> Found:
        """«الإثنين 22 أكتوبر» without a year: the year in which that day is a Monday."""
        point = found.point
        if point is None or point.gran != DAY or not found.relative or \
                point.day.isoweekday() == weekday:
            return found
        for years in (1, -1):
            other = make_day(point.day.year + years, point.day.month, point.day.day)
            if other is not None and other.day.isoweekday() == weekday:
                found.point, found.value = other, other.value()
                break
        return found

    def deictic_day(self, i: int) -> Found | None:
        """اليوم, أمس, غدا, أول أمس, بعد غد; اليوم التالي / نفسه (after another date)."""
        offset = self.tags(i)["day"]
        if self.norms[i] in ("اليوم", "الغد") and self._in_name(i):
            return None  # «صحيفة عين اليوم», «لـ"عين اليوم"», «مدرسة بناة الغد»: a name
        k = i + 1
        nxt = self.tags(k)
        if self.norms[i] == "اليوم":
            rel = nxt.get("rel")
            if rel in ("next", "previous", "same"):
                base = self.ctx.anaphor(DAY)
                if base is None or base.gran != DAY:
                    return Found(i, k + 1, "DATE", None, relative=True)
                step = {"next": 1, "previous": -1, "same": 0}[rel]
                point = base.shift(step)
                return Found(i, k + 1, "DATE", point.value(), point=point, relative=True,
                             anchor="previous" if self.ctx.ref else None)
            if "weekday" not in nxt and k < self.n and self.units[k].kind == "word" and \
                    self.norms[k].startswith("ال"):
                return None  # «اليوم الوطني», «اليوم الأول», «اليوم الذي»
        named_day = None
        if "weekday" in nxt and not nxt["weekday"][1]:
            k += 1  # «اليوم الجمعة», «أمس الخميس»
            named_day = nxt["weekday"][0]
        today = self.ctx.today
        if today is None:
            return Found(i, k, "DATE", None, relative=True)
        point = today.shift(offset)
        if named_day is not None and point.gran == DAY and \
                point.day.isoweekday() != named_day:
            # «اليوم الاثنين» in an article dated a Wednesday (a date of publication that is
            # the day it was collected): the weekday the text names, the nearest one.
            back = (point.day.isoweekday() - named_day) % 7
            point = point.shift(-back if back <= 3 else 7 - back)
        found = Found(i, k, "DATE", point.value(), point=point, relative=True)
        part = self.tags(k).get("day_part")
        if part is not None:
            found.j, found.type, found.value = k + 1, "TIME", f"{point.value()}T{part}"
        return found

    def day_part(self, i: int) -> Found | None:
        """صباح اليوم, مساء الخميس, فجر أمس, الليلة."""
        part = self.tags(i)["day_part"]
        sub = self._day_after(i + 1)
        if sub is None:
            if self.norms[i] == "الليله":
                # «الليلة» is tonight; «الليلة الماضية» last night.
                past = self.tags(i + 1).get("rel") == "past"
                today = self.ctx.today
                value = f"{today.shift(-1 if past else 0).value()}TNI" if today else None
                return Found(i, i + 2 if past else i + 1, "TIME", value, relative=True)
            return None
        if sub.point is None or sub.point.gran != DAY:
            return Found(i, sub.j, "TIME", None, relative=True)
        return Found(i, sub.j, "TIME", f"{sub.point.value()}T{part}", point=sub.point,
                     relative=True)

    def _day_after(self, k: int) -> Found | None:
        """A day expression at ``k`` (اليوم، أمس، الخميس، يوم الخميس)."""
        t = self.tags(k)
        if "day" in t:
            return self.deictic_day(k)
        if "weekday" in t:
            return self.weekday(k)
        if t.get("anchor") == "D" and ("weekday" in self.tags(k + 1) or "day" in
                                        self.tags(k + 1)):
            sub = self._day_after(k + 1)
            if sub is not None:
                sub.i = k
            return sub
        return None


#: How far before the publication date a day named with a future verb nearby may still lie:
#: the verb is then about something else («لن ينسى أبناؤهم 28 فبراير», published 4 March).
_FUTURE_SLACK = timedelta(days=14)


#: A day this close after the publication date is never read as one of the year before.
_NEXT_WEEK = timedelta(days=7)
#: How far ahead a date without a year stays in the publication year in a past-tense sentence.
_NEXT_MONTH = timedelta(days=31)
#: What joins the days of a list: «22 و23», «16 أو 17», «16، 17».
_LIST_JOINS = frozenset({"و", "،", ",", "او"})


def _just_before(published, month: int, day: int | None) -> bool:
    """Whether ``day``/``month`` of the publication year falls in the two weeks before it."""
    if day is None:
        return False
    point = make_day(published.year, month, day)
    pub = published.date() if hasattr(published, "date") else published
    return point is not None and pub - _FUTURE_SLACK <= point.day < pub


def _days_after(published, month: int, day: int | None) -> bool:
    """Whether ``day``/``month`` of the publication year is within a week after it: «يوم 27
    يوليو» in an article of 26 July is tomorrow, not a year ago, whatever the tense."""
    if day is None:
        return False
    pub = published.date() if hasattr(published, "date") else published
    point = make_day(pub.year, month, day)
    return point is not None and pub < point.day <= pub + _NEXT_WEEK


def _just_after(published, month: int, day: int | None) -> bool:
    """Whether ``day``/``month`` of the publication year is at most a month after it («حملة
    لانتخابات 25 تموز/يوليو» three weeks ahead, «قمة سبتمبر» in August): this year's, even in a
    sentence in the past tense — a date a year back would carry its year or «الماضي»."""
    pub = published.date() if hasattr(published, "date") else published
    if day is None:
        return month == pub.month % 12 + 1 and month != 1
    point = make_day(pub.year, month, day)
    return point is not None and pub < point.day <= pub + _NEXT_MONTH
