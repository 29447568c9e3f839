"""The word knowledge the NER uses: clusters learnt from news, trigger words, countries.

Everything is loaded once, lazily, by :func:`lexicon` and shared by training and tagging.
"""

from __future__ import annotations

import functools
import gzip
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ModelError
from ..resources import load_yaml, model_path
from ..text.acronyms import letter_names
from ..text.normalize import normalize

CLUSTERS_FILE = "ner-clusters.tsv.gz"
SILVER_FILE = "ner-silver.tsv.gz"
#: Names from ANERGazet (Benajiba), normalised: ``name<TAB>types`` (``khabar train ner`` writes it
#: from ../shared/data/anergazet; the corpus itself is never copied into the repository).
GAZETTEER_FILE = "ner-gazetteer.tsv.gz"
GAZETTEER_TYPES = ("PER", "LOC", "ORG")
SILVER_TYPES = ("PER", "LOC", "ORG", "MISC")


@dataclass(frozen=True, slots=True)
class Country:
    """A country: ISO 3166-1 alpha-2 ``code`` and its canonical Arabic ``name``."""

    code: str
    name: str


@dataclass(slots=True)
class Lexicon:
    """Word classes for the NER features, keyed by normalised word."""

    #: word → "cluster ids at each granularity and frequency band", tab-separated.
    clusters: dict[str, str] = field(default_factory=dict)
    #: normalised word (no clitics, no «ال») → trigger classes («title», «org», «loc», …).
    triggers: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: normalised country name (whole phrase) → country.
    country_names: dict[str, Country] = field(default_factory=dict)
    #: normalised nationality adjective in any form («الاميركيه», «عراقيون») → country.
    adjectives: dict[str, Country] = field(default_factory=dict)
    #: normalised word → gazetteer types of multi-word names it starts («LOC»…), for features.
    phrase_first: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = field(
        default_factory=dict)
    #: normalised word → types of the gazetteer names it is (a single-word name) or starts.
    gazetteer: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: word (clitics off) → how often a first tagger found it in a name of each type across
    #: the unlabeled news: "PER LOC ORG MISC total" counts, tab-separated
    #: (:func:`silver_features` turns them into features).
    silver: dict[str, str] = field(default_factory=dict)
    #: Normalised role heads, role links and honorifics (no «ال»).
    role_heads: frozenset[str] = frozenset()
    role_links: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()
    #: Normalised heads of institution names, and those whose definite complement alone makes
    #: a name («وزارة الطاقة»).
    institutions: frozenset[str] = frozenset()
    #: Normalised kinship nouns («ابن», «خالة»).
    kinship: frozenset[str] = frozenset()
    #: Organisation heads with «ال» («النادي», «الحزب»), which a short form drops.
    definite_org_heads: frozenset[str] = frozenset()
    named_institutions: frozenset[str] = frozenset()
    #: Well-known names (``organisations.yaml``, ``places.yaml``, the countries of more than one
    #: word): normalised form → (normalised name, type), and first word → the forms' words and
    #: type, longest first.
    known_names: dict[str, tuple[str, str]] = field(default_factory=dict)
    known_first: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = field(default_factory=dict)

    def frequency_band(self, word: str) -> int | None:
        """How rare ``word`` is in the news (0 = most frequent), ``None`` when unseen."""
        entry = self.clusters.get(word)
        return int(entry.rpartition("\t")[2]) if entry else None

    def silver_counts(self, word: str) -> tuple[int, ...] | None:
        """How often a first tagger found ``word`` in a name of each type across the news and
        how often it saw it: ``(PER, LOC, ORG, MISC, total)``; ``None`` when never named."""
        row = self.silver.get(word)
        return tuple(int(x) for x in row.split("\t")) if row is not None else None

    def cluster_ids(self, word: str) -> tuple[str, ...] | None:
        """The word's cluster ids (coarse to fine) and frequency band, ``None`` when unseen."""
        entry = self.clusters.get(word)
        return tuple(entry.split("\t")) if entry else None


def strip_article(word: str) -> str:
    """A normalised word without its article «ال» (when something is left)."""
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def adjective_forms(adjective: str) -> list[str]:
    """Every inflection of a masculine singular nationality adjective, normalised.

    «أميركي» → أميركي أميركية أميركيون أميركيين أميركيات أميركيتين and the same with «ال».
    """
    base = normalize(adjective)
    words = base.split()
    out = []
    for ending in ("", "ه", "ون", "ين", "ات", "تين", "تان", "ان"):
        for article in ("", "ال"):
            out.append(" ".join(article + w + ending for w in words))
    return out


@functools.lru_cache(maxsize=4096)
def silver_features(row: str) -> tuple[str, ...]:
    """Features of a word's silver counts ``"PER LOC ORG MISC total"`` (tab-separated)."""
    counts = [int(x) for x in row.split("\t")]
    total = counts[-1]
    out = []
    for kind, n in zip(SILVER_TYPES, counts, strict=False):
        ratio = n / total if total else 0.0
        for level, floor in (("vhi", 0.8), ("hi", 0.5), ("mid", 0.2), ("lo", 0.05)):
            if ratio >= floor:
                out.append(f"sil={kind}:{level}")
                break
    if not out:
        out.append("sil=none")
    # How many times, whatever the share: a frequent name the first tagger often misses
    # («ترامب»: 333 of 11,133) is still found hundreds of times.
    for kind, n in zip(SILVER_TYPES, counts, strict=False):
        if n >= 4:
            out.append(f"silc={kind}:{min(n.bit_length() - 1, 10)}")
    return tuple(out)


def _load_table(name: str, folder: str | None = None) -> dict[str, str]:
    """A ``word<TAB>fields…`` table — from ``folder`` when it has one (a model being trained
    there), else the shipped one: word → the fields, still tab-joined."""
    path = Path(folder) / name if folder and (Path(folder) / name).exists() else model_path(name)
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return dict(line.rstrip("\n").split("\t", 1) for line in fh if "\t" in line)
    except (OSError, EOFError, ValueError) as exc:
        raise ModelError(f"{path}: unreadable ({exc})") from None


def _known_names(countries: dict) -> dict[str, tuple[str, str]]:
    """Normalised form → (normalised name, type) of the well-known organisations and places,
    and of the countries named in more than one word («جنوب السودان»)."""
    def key(text: str) -> str:
        return " ".join(normalize(text).split())

    known: dict[str, tuple[str, str]] = {}
    for file, kind in (("organisations", "ORG"), ("places", "LOC")):
        for name, forms in load_yaml(file)[file].items():
            for form in (name, *(forms or ())):
                known.setdefault(key(form), (key(name), kind))
    for entry in countries.values():
        for name in entry["names"]:
            if " " in name.strip():
                known.setdefault(key(name), (key(entry["names"][0]), "LOC"))
    # «بي بي سي» is also written «بي.بي.سي», one token.
    letters = letter_names()
    for form, value in list(known.items()):
        words = form.split()
        if len(words) >= 3 and all(w in letters for w in words):
            known.setdefault(".".join(words), value)
    return known


@functools.cache
def lexicon(silver: bool = True, folder: str | None = None) -> Lexicon:
    """The NER lexicon, loaded once (``silver=False``: without the silver counts, for the
    first-stage tagger that makes them; ``folder``: the tables written there by ``khabar train``
    take the place of the shipped ones)."""
    data = load_yaml("ner")
    triggers: dict[str, set[str]] = {}

    def add(words: list[str], kind: str) -> None:
        for word in words:
            key = strip_article(normalize(word))
            triggers.setdefault(key, set()).add(kind)

    add(data["role_heads"], "title")
    add(data["honorifics"], "honor")
    add(data["org_heads"], "org")
    add(data["loc_heads"], "loc")
    add(data["speech"], "speech")
    add(data["not_names"], "notname")

    countries = load_yaml("countries")
    names: dict[str, Country] = {}
    adjectives: dict[str, Country] = {}
    phrase_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for code, entry in countries.items():
        country = Country(code, entry["names"][0])
        for name in entry["names"]:
            key = normalize(name)
            names.setdefault(key, country)
            words = tuple(key.split())
            if len(words) == 1:
                triggers.setdefault(words[0], set()).add("country")
            else:
                phrase_first.setdefault(words[0], []).append((words, "LOC"))
        for adjective in entry.get("adjectives", []):
            for form in adjective_forms(adjective):
                adjectives.setdefault(form, country)
                if " " not in form:
                    triggers.setdefault(strip_article(form), set()).add("nat")
    gazetteer: dict[str, set[str]] = {}
    for entry, kinds in _load_table(GAZETTEER_FILE, folder).items():
        words = tuple(entry.split())
        for kind in kinds.split():
            if len(words) == 1:
                gazetteer.setdefault(words[0], set()).add(kind)
            elif words:
                phrase_first.setdefault(words[0], []).append((words, kind))
    known = _known_names(countries)
    known_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for form, (_, kind) in known.items():
        words = tuple(form.split())
        known_first.setdefault(words[0], []).append((words, kind))
    return Lexicon(
        clusters=_load_table(CLUSTERS_FILE, folder),
        gazetteer={k: tuple(sorted(v)) for k, v in gazetteer.items()},
        silver=_load_table(SILVER_FILE, folder) if silver else {},
        triggers={k: tuple(sorted(v)) for k, v in triggers.items()},
        country_names=names,
        adjectives=adjectives,
        phrase_first={k: tuple(sorted(v, key=lambda x: -len(x[0])))
                      for k, v in phrase_first.items()},
        role_heads=frozenset(strip_article(normalize(w)) for w in data["role_heads"]),
        role_links=frozenset(strip_article(normalize(w)) for w in data["role_links"]),
        honorifics=frozenset(strip_article(normalize(w)) for w in data["honorifics"]),
        institutions=frozenset(normalize(w) for w in data["institution_heads"]),
        kinship=frozenset(normalize(w) for w in data["kinship"]),
        definite_org_heads=frozenset("ال" + w for w, kinds in triggers.items() if "org" in kinds),
        named_institutions=frozenset(normalize(w) for w in data["named_institution_heads"]),
        known_names=known,
        known_first={k: tuple(sorted(v, key=lambda x: len(x[0]), reverse=True))
                     for k, v in known_first.items()},
    )
