"""What a temporal expression is resolved against: the publication date, the last date the
article mentioned (for «العام نفسه», «في اليوم التالي»), and the tense of the clause."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from .lexicon import Unit, lexicon
from .values import DAY, MONTH, YEAR, Point

#: How many units either side of an expression are searched for signs of the future.
_TENSE_WINDOW = 10
#: The same for verbs of scheduled events, which never push a date to another year
#: («وتستعد الولايات المتحدة لإعادة فرض كامل عقوباتها على دفعتين في 6 أغسطس»).
_SCHEDULED_WINDOW = 16
#: Punctuation that ends a clause: signs of tense are not looked for beyond it.
_CLAUSE_ENDS = frozenset({"،", ",", "؛", ";", ".", ":", "(", ")", "«", "»", "\"", "“", "”"})
#: «إن/أن» after a time: what follows is reported content, another clause.
_THAT = frozenset({"ان", "انه", "انها", "انهم", "بان", "بانه", "بانها"})


@dataclass(slots=True)
class Context:
    """The anchors of one article."""

    published: date | None
    #: The last date mentioned, at day, month or year granularity.
    ref: Point | None = None
    #: The last day-precision date of the current sentence (for clock times).
    sentence_day: Point | None = None
    #: The last explicit year of the current sentence (for a bare month after it).
    sentence_year: int | None = None
    #: The last explicit day of the previous sentence, when in an earlier year than
    #: ``published`` («في 27 نيسان/أبريل 2017 …. ووافق المجلس … في 12 أيار/مايو»).
    prior_day: Point | None = None
    #: The same for the current sentence, handed on to the next one.
    explicit_day: Point | None = None
    #: How many relative expressions could not be resolved for lack of ``published``.
    unresolved: int = 0

    @classmethod
    def for_article(cls, published: date | datetime | None) -> Context:
        """The context of an article published on ``published`` (a date or date-time)."""
        if isinstance(published, datetime):
            published = published.date()
        return cls(published)

    @property
    def today(self) -> Point | None:
        """The publication day."""
        return Point(self.published, DAY) if self.published else None

    def anaphor(self, gran: str) -> Point | None:
        """The last date mentioned at granularity ``gran`` (the publication date without one)."""
        if self.ref is not None and _finer_or_same(self.ref.gran, gran):
            return self.ref.at(gran)
        today = self.today
        return today.at(gran) if today else None

    def remember(self, point: Point | None) -> None:
        """Make ``point`` the date later anaphors refer to."""
        if point is not None and point.gran in (DAY, MONTH, YEAR, "W"):
            self.ref = point
            if point.gran == DAY:
                self.sentence_day = point


def _finer_or_same(have: str, want: str) -> bool:
    order = {DAY: 0, "W": 1, MONTH: 2, "Q": 3, "H": 4, "SE": 5, YEAR: 6}
    return order.get(have, 9) <= order.get(want, 9)


def _clause(units: list[Unit], i: int, j: int, window: int = _TENSE_WINDOW) -> range:
    """The units around ``[i, j)`` up to ``window`` on each side, within the clause."""
    lo = i
    while lo > 0 and i - lo < window and units[lo - 1].norm not in _CLAUSE_ENDS:
        lo -= 1
    hi = j
    while hi < len(units) and hi - j < window and units[hi].norm not in _CLAUSE_ENDS \
            and units[hi].norm not in _THAT:
        hi += 1  # («وقال محاميان الاثنين إن هؤلاء سيبقون…»: the statement is not the clause)
    return range(lo, hi)


def is_scheduled(units: list[Unit], i: int, j: int) -> bool:
    """Whether a verb of a scheduled event in the imperfect stands in the clause around units
    ``[i, j)`` («يبدأ», «تعقد»: ``scheduled_cues``)."""
    return any("scheduled" in units[k].tags for k in _clause(units, i, j, _SCHEDULED_WINDOW)
               if not i <= k < j)


def is_future(units: list[Unit], i: int, j: int) -> bool:
    """Whether the clause around units ``[i, j)`` speaks of the future.

    Signs: «سوف», «لن», «من المقرر» …, or a verb with the future prefix «س» (سيعقد، ستبدأ).
    """
    if _future_verb_before(units, i, j):
        return True
    lx = lexicon()
    exceptions = lx.future_exceptions
    for k in _clause(units, i, j):
        if i <= k < j:
            continue
        unit = units[k]
        if "future" in unit.tags:
            return True
        if unit.kind != "word":
            continue
        if unit.text in ("أن", "وأن", "لأن") and k + 1 < len(units) and \
                units[k + 1].norm[:1] in "يتن" and len(units[k + 1].norm) >= 3 and \
                units[k + 1].norm not in _NOT_IMPERFECT:
            return True  # «أن» + imperfect: «على أن تبدأ»، «قبل أن يرد»
        if unit.norm in _WHEN and k < i and k + 1 < len(units) and \
                units[k + 1].norm[:1] in "يتن" and len(units[k + 1].norm) >= 4 and \
                units[k + 1].norm not in _NOT_IMPERFECT:
            return True  # «حين يجتمعون … مساء الأربعاء»: when they meet
        word = unit.norm
        if word[:1] in "وف" and len(word) > 5:
            word = word[1:]
        if (len(word) >= 5 and word[0] == "س" and word[1] in "يتنا"
                and word not in exceptions and not word.endswith(("يه", "ات", "ين"))
                and _noun_stem(word) not in exceptions):
            return True
    return False


def _future_verb_before(units: list[Unit], i: int, j: int) -> bool:
    """«وستخوض إيران مباراة ودية أمام ليتوانيا، الجمعة، …»: a time set off by commas belongs
    to the clause before it; that clause speaks of the future when it opens with a verb in
    «س» (or holds «سوف», «لن» …)."""
    if i < 2 or units[i - 1].norm not in ("،", ",") or (
            j < len(units) and units[j].norm not in _CLAUSE_ENDS):
        return False
    k = i - 2
    while k > 0 and i - k < _TENSE_WINDOW * 2 and units[k - 1].norm not in _CLAUSE_ENDS:
        if "future" in units[k].tags:
            return True
        k -= 1
    word = units[k].norm
    if word[:1] in "وف" and len(word) > 5:
        word = word[1:]
    return units[k].kind == "word" and len(word) >= 5 and word[0] == "س" and \
        word[1] in "يتن" and word not in lexicon().future_exceptions


#: «حين/عندما» before an imperfect verb: an event still to come.
_WHEN = frozenset({"حين", "وحين", "حينما", "عندما", "وعندما"})

#: Words after «أن» that look like an imperfect verb but are not.
_NOT_IMPERFECT = frozenset({"تلك", "نحو", "نفس", "تمت", "نسبه", "تاريخ"})

#: Possessive pronouns after a noun in «ة» (written «ت»): «سيارته», «سياستها».
_POSSESSIVES = ("تهما", "تهم", "تها", "تنا", "ته", "تي")


def _noun_stem(word: str) -> str:
    """«سيارته» → «سياره»: a noun with a possessive, back to its bare form (normalised)."""
    for suffix in _POSSESSIVES:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)] + "ه"
    return word
