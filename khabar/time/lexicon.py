"""The words of temporal expressions, compiled once from the data files, and the lexer.

The lexer turns a sentence's tokens into :class:`Unit` objects: a token, or several tokens
that make one entry (``كانون الثاني``, ``أول أمس``, ``بتوقيت غرينتش``), with the tags the
entry has in the data files. Entries match on normalised text; a token's proclitics
(و ف ب ل ك, and ل written onto the article as «لل») are tried off when the whole token is
not an entry, and the unit's span then leaves them out (``بنهاية`` → ``نهاية``).
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..model import Analysis, Token
from ..numbers import number_word, parse_digits, read_ordinal
from ..resources import load_yaml
from ..text.normalize import normalize, normalize_with_map

#: Longest entry, in tokens.
_MAX_ENTRY = 5
_DOTTED_DATE = re.compile(r"[0-9]{1,2}[./][0-9]{1,2}[./][0-9]{4}")
_PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")


@dataclass(slots=True)
class Unit:
    """A token, or a run of tokens that is one lexicon entry, with its tags."""

    first: int
    last: int  # index after the last token
    start: int  # character offset, proclitics left out
    end: int
    norm: str  # the normalised entry (without the proclitics)
    clitic: str  # the proclitics left out («و», «ب» …)
    kind: str  # the first token's kind (word, number, punct …)
    text: str  # the first token's surface text
    tags: dict[str, Any] = field(default_factory=dict)


Entry = dict[str, Any]


@functools.lru_cache(maxsize=10_000)
def phrase_key(phrase: str) -> tuple[str, ...]:
    """A phrase as the tuple of its tokens' normalised texts, split exactly as the tokenizer
    splits text (``كم/ساعة`` → 3 tokens, ``م2`` → 2), so that entries match token norms."""
    from ..text.tokenize import _TOKEN

    return tuple(normalize(m.group()) for m in _TOKEN.finditer(phrase))


class Lexicon:
    """Every time word, keyed by its first normalised token."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str, ...], Entry] = {}
        self._build()
        first: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
        for key, tags in self.entries.items():
            first.setdefault(key[0], []).append((key[1:], tags))
        for options in first.values():
            options.sort(key=lambda item: -len(item[0]))
        self.first = first

    def add(self, phrase: str, tag: str, value: Any = True) -> None:
        """Add ``phrase`` with ``tag`` (a phrase can have several tags)."""
        key = phrase_key(phrase)
        if key:
            self.entries.setdefault(key, {}).setdefault(tag, value)

    def _build(self) -> None:
        months = load_yaml("months")
        ambiguous = {normalize(m) for m in months["ambiguous"]}
        for number, forms in months["gregorian"].items():
            for form in forms:
                self.add(form, "month", (number, normalize(form) in ambiguous))
        hijri = load_yaml("hijri_months")
        ambiguous = {normalize(m) for m in hijri["ambiguous"]}
        for number, forms in hijri["hijri"].items():
            for form in forms:
                self.add(form, "hmonth", (number, normalize(form) in ambiguous))
        for era, forms in hijri["era"].items():
            for form in forms:
                self.add(form, "era", era)
        days = load_yaml("weekdays")
        bare = {normalize(d) for d in days["bare"]}
        for number, forms in days["weekdays"].items():
            for form in forms:
                self.add(form, "weekday", (number, normalize(form) in bare))
        words = load_yaml("time_words")
        for unit, by_form in words["units"].items():
            for form_kind, forms in by_form.items():
                for form in forms:
                    self.add(form, "unit", (unit, form_kind))
            for form in by_form["dual"]:
                # The definite dual: «العامين الماضيين».
                self.add("ال" + form, "unit", (unit, "dual"))
            for form in by_form["plural"]:
                self.add("ال" + form, "plural_anchor", unit)
        for form in words["vague"]:
            self.add(form, "vague", True)
        for unit, forms in words["anchors"].items():
            for form in forms:
                self.add(form, "anchor", unit)
        for form in words["plural_anchors"]:
            self.add(form, "plural_anchor", None)
        for direction, forms in words["relative"].items():
            for form in forms:
                self.add(form, "rel", direction)
        for form in words["before_last"]:
            self.add(form, "rel", "before_last")
        for form in words["this"]:
            self.add(form, "this", True)
        for form in words["same_before"]:
            self.add(form, "same_before", True)
        for offset, forms in words["days"].items():
            for form in forms:
                self.add(form, "day", int(offset))
        for value, forms in words["refs"].items():
            for form in forms:
                self.add(form, "ref", value)
        for mod, forms in words["parts"].items():
            for form in forms:
                self.add(form, "part", mod)
        for form in words["halves"]:
            self.add(form, "half", True)
        for form in words["quarters"]:
            self.add(form, "quarter", True)
        for season, forms in words["seasons"].items():
            for form in forms:
                self.add(form, "season", season)
        for part, forms in words["day_parts"].items():
            for form in forms:
                self.add(form, "day_part", part)
        for form in words["clock"]:
            self.add(form, "clock", True)
        for minutes, forms in words["clock_minutes"].items():
            for form in forms:
                self.add(form, "minutes", int(minutes))
        for zone, forms in words["time_zones"].items():
            for form in forms:
                self.add(form, "zone", zone)
        for value, forms in words["sets"].items():
            for form in forms:
                self.add(form, "set", value)
        for form in words["every"]:
            self.add(form, "every", True)
        for form in words["ago"]:
            self.add(form, "ago", True)
        for form in words["after"]:
            self.add(form, "after", True)
        for form in words["during"]:
            self.add(form, "during", True)
        for digit, forms in words["decades"].items():
            for form in forms:
                self.add(form, "decade", int(digit))
        for form in words["century"]:
            self.add(form, "century", True)
        for form in words["of"]:
            self.add(form, "of", True)
        for form in words["range_to"]:
            self.add(form, "range_to", True)
        for form in words["future_cues"]:
            self.add(form, "future", True)
        for form in words["scheduled_cues"]:
            self.add(form, "scheduled", True)
        for form in words["hijri_year_before"]:
            self.add(form, "hijri_before", True)
        approx = load_yaml("approximators")
        mods = {"approx": "APPROX", "more_than": "MORE_THAN", "less_than": "LESS_THAN",
                "equal_or_more": "EQUAL_OR_MORE", "equal_or_less": "EQUAL_OR_LESS"}
        for group, mod in mods.items():
            for form in approx[group]:
                self.add(form, "approx", mod)
        for form in approx["approx_after"]:
            self.add(form, "approx_after", "APPROX")
        for form in approx["at_least_after"]:
            self.add(form, "approx_after", "EQUAL_OR_MORE")

    @functools.cached_property
    def contract_words(self) -> frozenset[str]:
        """Words before a month that make it a delivery month («عقد تسليم مايو»)."""
        return frozenset(normalize(w) for w in load_yaml("time_words")["contract_month_before"])

    @functools.cached_property
    def event_nouns(self) -> frozenset[str]:
        """Nouns of coming events a date can name («قمة سبتمبر», «انتخابات 25 تموز»)."""
        return frozenset(normalize(w) for w in load_yaml("time_words")["event_nouns"])

    @functools.cached_property
    def day_name_words(self) -> frozenset[str]:
        """Words before «اليوم»/«الغد» that make it part of a name («عين اليوم»)."""
        return frozenset(normalize(w) for w in load_yaml("time_words")["day_in_name_before"])

    @functools.cached_property
    def future_exceptions(self) -> frozenset[str]:
        """Words that look like «س» + imperfect verb but are not."""
        return frozenset(normalize(w) for w in load_yaml("time_words")["future_prefix_exceptions"])


@functools.cache
def lexicon() -> Lexicon:
    """The lexicon, built on first use."""
    return Lexicon()


@functools.lru_cache(maxsize=100_000)
def _core_offset(surface: str, letters: int) -> int:
    """Offset in ``surface`` of its normalised character ``letters``."""
    mapped = normalize_with_map(surface)
    return mapped.to_original(letters, letters)[0] if mapped.origin else letters


@functools.lru_cache(maxsize=200_000)
def _variants(norm: str) -> tuple[tuple[str, str], ...]:
    """``(clitics, core)`` readings of a token that start a lexicon entry, best first."""
    first = lexicon().first
    out: list[tuple[str, str]] = []
    if norm in first:
        out.append(("", norm))
    if number_word(norm) is not None:
        return tuple(out)  # «واحد» is one, not و + «أحد»
    for prefix in _PROCLITICS:
        if not norm.startswith(prefix) or len(norm) <= len(prefix) + 1:
            continue
        core = norm[len(prefix):]
        # «للعام» is ل + العام, the article written without its alef.
        cores = (core, "ا" + core) if prefix.endswith("ل") and core[0] == "ل" else (core,)
        for candidate in cores:
            if candidate in first and (prefix, candidate) not in out:
                out.append((prefix, candidate))
    return tuple(out)


#: The units of the last analysis lexed in this thread, so that the quantity analyser, which
#: runs right after the time analyser on the same tokens, does not lex them again.
_shared = threading.local()


def sentence_units(analysis: Analysis, index: int) -> list[Unit]:
    """The units of sentence ``index`` of ``analysis`` (lexed once per analysis)."""
    if getattr(_shared, "tokens", None) is not analysis.tokens:
        _shared.tokens = analysis.tokens
        _shared.by_sentence = {}
    by_sentence: dict[int, list[Unit]] = _shared.by_sentence
    units = by_sentence.get(index)
    if units is None:
        units = lex(analysis.sentence_tokens(index))
        by_sentence[index] = units
    return units


def lex(tokens: Sequence[Token]) -> list[Unit]:
    """The units of one sentence's tokens."""
    first = lexicon().first
    units: list[Unit] = []
    append = units.append
    n = len(tokens)
    i = 0
    while i < n:
        token = tokens[i]
        kind = token.kind
        found: Unit | None = None
        if kind == "word" or kind == "punct" or kind == "latin":
            for clitic, core in _variants(token.norm):
                for rest, tags in first[core]:
                    k = len(rest)
                    if i + k >= n or (k and tuple(t.norm for t in tokens[i + 1 : i + 1 + k])
                                      != rest):
                        continue
                    start = token.start + (_core_offset(token.text, len(clitic)) if clitic
                                           else 0)
                    found = Unit(i, i + k + 1, start, tokens[i + k].end,
                                 " ".join((core, *rest)), clitic, kind, token.text, dict(tags))
                    if k == 0 and kind == "word":
                        entry = number_word(core)
                        if entry is not None:
                            found.tags["numword"] = entry  # «أحد»: Sunday, and «أحد عشر»
                    break
                if found:
                    break
        if found is None and kind == "number" and i + 2 < n:
            found = _reversed_decimal(tokens, i)
        if found is None:
            norm, clitic, offset, tags = _plain(token.text, token.norm, kind)
            found = Unit(i, i + 1, token.start + offset, token.end, norm, clitic, kind,
                         token.text, tags)
        append(found)
        i = found.last
    return units


_NO_TAGS: dict[str, Any] = {}


def _reversed_decimal(tokens: Sequence[Token], i: int) -> Unit | None:
    """A decimal as Saudi papers print it, fraction first with «ر» for the point: «2ر1» is
    1.2, «5ر12 مليار» 12.5 billion (the three tokens written together)."""
    frac, point, whole = tokens[i], tokens[i + 1], tokens[i + 2]
    if point.text != "ر" or whole.kind != "number" or frac.end != point.start or \
            point.end != whole.start or not frac.text.isdigit() or not whole.text.isdigit():
        return None
    norm = f"{int(whole.text)}.{frac.text}"
    value = parse_digits(norm)
    if value is None:
        return None
    return Unit(i, i + 3, frac.start, whole.end, norm, "", "number", frac.text, {"num": value})


@functools.lru_cache(maxsize=200_000)
def _plain(text: str, norm: str, kind: str) -> tuple[str, str, int, dict[str, Any]]:
    """A token that starts no entry (a number, a number word, a word): its core, proclitics,
    the core's offset in the token, and its tags. Cached per token type; the tags are shared
    between units and never changed."""
    tags: dict[str, Any] = {}
    clitic = ""
    if kind == "number":
        core = norm.lstrip("وفبلك")
        if _DOTTED_DATE.fullmatch(core):
            tags["dotted"] = True
        if core != norm:
            clitic = norm[: len(norm) - len(core)]
        value = parse_digits(core)
        if value is not None:
            tags["num"] = value
        norm = core
    elif kind == "word":
        entry = number_word(norm)
        if entry is None and len(norm) > 3 and norm[0] in "وفبل":
            entry = number_word(norm[1:])
            if entry is not None:
                clitic = norm[0]
                norm = norm[1:]
        if entry is not None:
            tags["numword"] = entry
        elif read_ordinal((norm,), 0) is not None:
            tags["ordinal"] = True
        elif len(norm) > 4 and norm[0] == "و" and (read_ordinal((norm[1:],), 0) or (99,))[0] <= 12:
            clitic, norm = "و", norm[1:]  # «والثاني عشر من يوليو»
            tags["ordinal"] = True
    offset = _core_offset(text, len(clitic)) if clitic else 0
    return norm, clitic, offset, tags or _NO_TAGS


def number_norms(units: Sequence[Unit]) -> list[str]:
    """The units' words for :func:`khabar.numbers.read_number`: «و» kept on joined words."""
    return [u.clitic + u.norm if u.clitic == "و" else u.norm for u in units]
