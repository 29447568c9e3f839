"""The attribution lexicon: cue verbs with their inflection, sourcing phrases, source nouns.

Everything comes from the data files ``cues.yaml``, ``speech_sources.yaml``,
``speech_context.yaml``, ``anonymity.yaml`` and ``media.yaml`` in ``khabar/data/ar/``, read once
on first use and normalised (:func:`khabar.text.normalize.normalize`) for matching tokens'
``norm``. Lookups are cached per word type.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..resources import load_yaml
from ..text.normalize import normalize
from .conjugate import participle_forms, past_forms, present_forms

_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")
_ARTICLE = "ال"


@dataclass(frozen=True, slots=True)
class CueForm:
    """One written form of a cue, with what it tells about its speaker."""

    #: The verb's 3rd person masculine singular perfect, normalised (``قال``).
    lemma: str
    #: ``verb``, ``participle``, ``relay`` (نقل … عن) or ``document`` (جاء في البيان).
    kind: str
    #: ``past``, ``present`` or ``participle``.
    tense: str
    gender: str | None
    number: str
    #: Letters of a conjunction (و/ف) written in front of the form.
    prefix: int
    strict: bool = False
    impersonal: bool = False
    passive: bool = False
    preps: frozenset[str] = frozenset()
    #: The verb goes on with the speaker before («أضاف», «تابع»).
    continuing: bool = False
    #: The verb's object is who was told («أبلغ», «أخبر»).
    takes_object: bool = False


@dataclass(frozen=True, slots=True)
class Sourcing:
    """A phrase that names a source: «بحسب», «وفقا لـ», «نقلا عن»."""

    words: tuple[str, ...]
    clitic: str | None
    verb: bool
    relay: bool


def _norm_all(items) -> frozenset[str]:
    return frozenset(" ".join(normalize(str(x)).split()) for x in items)


class Lexicon:
    """Normalised lookup tables for attribution; build once with :func:`lexicon`."""

    def __init__(self) -> None:
        cues = load_yaml("cues")
        sources = load_yaml("speech_sources")
        context = load_yaml("speech_context")
        anonymity = load_yaml("anonymity")
        media = load_yaml("media")

        self.cues: dict[str, CueForm] = {}
        for entry in cues["verbs"]:
            self._add_verb(entry, "verb")
        relay = cues["relay"]
        for entry in relay["verbs"]:
            self._add_verb(entry, "relay")
        self.relay_prep = normalize(relay["prep"])
        self.relay_saying = _norm_all(relay["saying"])
        for word in cues["passive"]:
            form = normalize(word)
            for prefix in ("", *_CONJUNCTIONS):
                self.cues.setdefault(prefix + form, CueForm(
                    form, "verb", "past", None, "s", len(prefix), passive=True))
        for word in cues["saying_nouns"]:
            self.cues[normalize(word)] = CueForm(normalize("قال"), "participle", "participle",
                                                 None, "s", 0, continuing=True)
        for word in cues["document_verbs"]:
            form = normalize(word)
            for prefix in ("", *_CONJUNCTIONS):
                self.cues[prefix + form] = CueForm(form, "document", "past", "m", "s",
                                                   len(prefix))
        self.agents = tuple(tuple(normalize(a).split()) for a in cues["agents"])
        self.issuing_verbs = _norm_all(cues["issuing_verbs"])
        self.sourcing: dict[str, list[Sourcing]] = {}
        for entry in cues["sourcing"]:
            words = tuple(normalize(entry["phrase"]).split())
            item = Sourcing(words, normalize(entry["clitic"]) if entry.get("clitic") else None,
                            bool(entry.get("verb")), bool(entry.get("relay")))
            self.sourcing.setdefault(words[0], []).append(item)
        for items in self.sourcing.values():
            items.sort(key=lambda s: -len(s.words))
        #: First word of a sourcing phrase, also with و/ف written on it → (letters of و/ف,
        #: phrases).
        self.sourcing_first: dict[str, tuple[int, list[Sourcing]]] = {}
        for first, items in self.sourcing.items():
            for prefix in ("", *_CONJUNCTIONS):
                self.sourcing_first.setdefault(prefix + first, (len(prefix), items))
        complementizers = _norm_all(cues["complementizers"])
        enclitics = _norm_all(load_yaml("clitics")["enclitics"]) | {"ني"}
        self.complementizers = complementizers | {c + e for c in complementizers
                                                  for e in enclitics}
        self.resumptive = _norm_all(cues["resumptive"])
        self.clause_participles = frozenset(
            normalize(form) for stem in cues["clause_participles"]
            for form, *_ in participle_forms(stem))
        self.resumptive |= {"فان" + e for e in enclitics}

        self.people = _norm_all(sources["people"])
        self.institutions = _norm_all(sources["institutions"])
        self.media = _norm_all(sources["media"])
        self.documents = _norm_all(sources["documents"])
        self.broken_plurals = _norm_all(sources["broken_plurals"])
        self.anaphoric = _norm_all(sources["anaphoric"])
        self.same_as = _norm_all(sources["same_as"])
        self.not_speakers = _norm_all(sources["not_speakers"])
        #: Adjectives a role need not repeat («السابق»), bare and normalised.
        self.free_modifiers = _norm_all(sources["free_modifiers"])
        self.source_adjectives = _norm_all(sources["source_adjectives"])
        self.not_sources = _norm_all(sources["not_sources"])
        self.quantifiers = _norm_all(sources["quantifiers"])
        self.honorifics = _norm_all(sources["honorifics"])
        self.relational = _norm_all(sources["relational"])
        self.anonymous = _norm_all(anonymity["heads"])
        from .speakers import head_stem

        self.anonymous_stems = frozenset(head_stem(x) for x in self.anonymous if " " not in x)
        self.reasons = tuple(sorted(_norm_all(anonymity["reasons"]), key=len, reverse=True))
        self.reason_openers = _norm_all(anonymity["reason_openers"])
        self.adverbs = _norm_all(context["adverbs"])
        self.time_nouns = _norm_all(context["time_nouns"])
        self.time_modifiers = _norm_all(context["time_modifiers"])
        self.prepositions = _norm_all(context["prepositions"])
        self.relatives = _norm_all(context["relatives"])
        self.clause_openers = _norm_all(context["clause_openers"])
        self.auxiliaries = _norm_all(context["auxiliaries"])
        self.titles = _norm_all(context["titles"])
        self.temporal = _norm_all(context["temporal"])
        self.negations = _norm_all(context["negations"])
        self.naming = _norm_all(context["naming_nouns"])
        self.sources = self.people | self.institutions | self.media | self.documents | \
            self.anonymous

        self.media_types: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for kind, nouns in media["types"].items():
            for noun in nouns:
                words = tuple(normalize(noun).split())
                self.media_types.setdefault(words[0], []).append((words, kind))
        for items in self.media_types.values():
            items.sort(key=lambda x: -len(x[0]))
        self.platforms = _norm_all(media["platforms"])
        self.media_openers = _norm_all(media["openers"])
        #: Token forms that can start an attribution (cues and sourcing phrases).
        self.triggers = frozenset(self.cues) | frozenset(self.sourcing_first)
        self._preps: dict[str, bool] = {}

    def _add_verb(self, entry: dict, kind: str) -> None:
        lemma = normalize(entry["past"])
        preps = _norm_all(entry.get("prep", ()))
        strict = bool(entry.get("strict"))
        strict_present = bool(entry.get("strict_present"))
        impersonal = bool(entry.get("impersonal"))
        skip = _norm_all(entry.get("skip", ()))
        continuing = bool(entry.get("continuing"))
        takes_object = bool(entry.get("object"))
        impersonal_forms = _norm_all(entry.get("impersonal_forms", ()))
        forms = past_forms(entry["past"])
        if entry.get("present"):
            forms += present_forms(entry["present"])
        participles = participle_forms(entry["participle"]) if entry.get("participle") else []
        for written, tense, gender, number in forms:
            form = normalize(written)
            if form in skip:
                continue
            for prefix in ("", *_CONJUNCTIONS):
                self.cues.setdefault(prefix + form, CueForm(
                    lemma, kind, tense, gender, number, len(prefix),
                    strict or (strict_present and tense == "present"),
                    (impersonal and tense == "present" and gender == "m" and number == "s")
                    or form in impersonal_forms,
                    False, preps, continuing, takes_object))
        for written, tense, gender, number in participles:
            form = normalize(written)
            if form in skip:
                continue
            for prefix in ("", "و"):  # «ومشيرا إلى أن…» after a verbal noun
                self.cues.setdefault(prefix + form, CueForm(
                    lemma, "participle", tense, gender, number, len(prefix), strict, False,
                    False, preps, True))

    @functools.lru_cache(maxsize=100_000)  # noqa: B019 - one Lexicon lives for the process
    def bare(self, norm: str) -> tuple[str, ...]:
        """Readings of a normalised token without its proclitics and article, longest first.

        «والصحيفة» → («والصحيفه», «الصحيفه», «صحيفه»); every reading is tried against a word
        list, so a word that only looks like it has a clitic («وزير») still matches itself.
        """
        out = [norm]
        rest = norm
        if len(rest) > 3 and rest[0] in _CONJUNCTIONS:
            rest = rest[1:]
            out.append(rest)
        if len(rest) > 3 and rest[0] in _PREPOSITIONS:
            if rest[0] == "ل" and rest.startswith("لل") and len(rest) > 4:
                out.append(rest[2:])
                return tuple(dict.fromkeys(out))
            rest = rest[1:]
            out.append(rest)
        if len(rest) > 3 and rest.startswith(_ARTICLE):
            out.append(rest[2:])
        return tuple(dict.fromkeys(out))

    def head(self, norm: str, words: frozenset[str]) -> str | None:
        """The reading of token ``norm`` that is in ``words``, if any."""
        for reading in self.bare(norm):
            if reading in words:
                return reading
        return None


@functools.cache
def lexicon() -> Lexicon:
    """The attribution lexicon, loaded on first use."""
    return Lexicon()
