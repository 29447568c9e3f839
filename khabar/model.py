"""The document model: an article and everything khabar finds in it.

Every span is a half-open ``[start, end)`` range of code-point offsets into ``Analysis.text``,
which is the article text exactly as it was given. :meth:`Analysis.to_dict` gives the
``khabar.analysis/1`` JSON object (``../shared/gold/README.md``); fields may be added to the
contract, never renamed.

Text is held at two levels, after Stanza: a :class:`Token` is what stands between spaces and
punctuation (``والولايات``); its :class:`Word` list is the clitic words it is made of
(``و`` + ``الولايات``, the article ``ال`` kept with the stem).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

SCHEMA = "khabar.analysis/1"

TokenKind = Literal[
    "word", "number", "latin", "punct", "symbol", "url", "email", "hashtag", "mention"
]
WordRole = Literal["proclitic", "article", "stem", "enclitic"]
EntityType = Literal["PER", "ORG", "LOC", "MISC"]
QuoteKind = Literal["direct", "indirect", "mixed"]


@dataclass(slots=True)
class Article:
    """An article to analyse: its text and what is known about it."""

    text: str
    id: str | None = None
    title: str | None = None
    #: Publication date (or date-time with offset); anchors relative times such as «أمس».
    published: date | datetime | None = None
    source: str | None = None
    url: str | None = None


@dataclass(slots=True)
class Sentence:
    """A sentence, and the range of :attr:`Analysis.tokens` inside it."""

    start: int
    end: int
    token_start: int = field(default=0, metadata={"json": False})
    token_end: int = field(default=0, metadata={"json": False})


@dataclass(slots=True)
class Word:
    """A clitic word inside a token: a proclitic, the article, the stem, or an enclitic.

    ``form`` is the word's normalised written form, which can differ from the surface: in
    «للعراق» the article is written «ل» but its form is «ال».
    """

    start: int
    end: int
    role: WordRole
    form: str


@dataclass(slots=True)
class Token:
    """A surface token: a word with its clitics, a number, a punctuation mark, a URL…"""

    start: int
    end: int
    text: str
    kind: TokenKind
    #: ``text`` normalised for matching (:func:`khabar.text.normalize.normalize`).
    norm: str = field(metadata={"json": False})
    words: tuple[Word, ...] = ()
    sentence: int = field(default=0, metadata={"json": False})

    @property
    def core_start(self) -> int:
        """Where the token starts once its proclitics (و ف ب ل ك س) are left out."""
        for word in self.words:
            if word.role != "proclitic":
                return word.start
        return self.end

    @property
    def core_end(self) -> int:
        """Where the token ends once its pronoun enclitics are left out."""
        for word in reversed(self.words):
            if word.role != "enclitic":
                return word.end
        return self.start

    @property
    def stem(self) -> Word | None:
        """The stem word, or ``None`` for a token that is only clitics (``لـ``)."""
        for word in self.words:
            if word.role == "stem":
                return word
        return None

    @property
    def proclitics(self) -> str:
        """The forms of the token's proclitics, joined («وب» for «وبالعراق»)."""
        return "".join(w.form for w in self.words if w.role == "proclitic")

    @property
    def has_article(self) -> bool:
        """Whether the token carries the definite article «ال»."""
        # A loop, not any() over a generator: called for every token by several rules.
        for word in self.words:  # noqa: SIM110
            if word.role == "article":
                return True
        return False


@dataclass(slots=True)
class Mention:
    """One place an entity is named; attached clitics are outside the span."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Role:
    """A title or apposition attached to an entity («وزير الدفاع الأميركي»).

    ``country`` is the ISO 3166-1 alpha-2 code of a nationality adjective in the role
    («الأميركي» → ``"US"``), or ``None``.
    """

    start: int
    end: int
    text: str
    country: str | None = None


@dataclass(slots=True)
class Entity:
    """A person, organisation, place or other named thing, with all its mentions.

    Added to the contract (after its fields): ``aliases``, the other names the article uses for
    it («أوستن», «البنتاغون»); ``country``, an ISO 3166-1 alpha-2 code — the country a LOC entity
    is, or the one a nationality adjective in an ORG's name or a person's role ties it to
    («وزارة الدفاع الأميركية» → ``"US"``); ``adjectives``, for a country, the places where the
    article refers to it by a nationality adjective («القوات العراقية» → «العراقية»). Adjectives
    are not mentions and are not scored as such.
    """

    id: str
    type: EntityType
    name: str
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    adjectives: list[Mention] = field(default_factory=list)

    def mention_at(self, start: int, end: int) -> Mention | None:
        """The mention of this entity that overlaps ``[start, end)``, if any."""
        for mention in self.mentions:
            if mention.start < end and start < mention.end:
                return mention
        return None


@dataclass(slots=True)
class Cue:
    """The word or phrase that marks speech («قال», «بحسب», «نقلت … عن»).

    Added to the contract: ``lemma``, the cue verb's dictionary form, normalised («أكدت» →
    «اكد»), or the sourcing phrase («بحسب»).
    """

    start: int
    end: int
    text: str
    lemma: str | None = None


@dataclass(slots=True)
class Speaker:
    """Who said it: a named entity, or a description such as «مسؤول دفاعي أميركي كبير»."""

    name: str | None
    entity: str | None = None
    start: int | None = None
    end: int | None = None
    anonymous: bool = False
    #: Added to the contract: why an anonymous speaker is not named, as the text gives it
    #: («طلب عدم نشر اسمه»).
    reason: str | None = None


@dataclass(slots=True)
class Via:
    """Whoever relayed a statement («نقلت صحيفة وول ستريت جورنال عن …»).

    Added to the contract: ``via``, who relayed the relayer, for chains («نقلت رويترز عن صحيفة
    X عن مسؤولين» → speaker مسؤولين, via X, via.via رويترز).
    """

    name: str
    entity: str | None = None
    via: Via | None = None


@dataclass(slots=True)
class Medium:
    """Where or how a statement was made («في بيان», «في مقابلة مع قناة …», «في تغريدة»).

    ``type`` is one of ``statement press_conference interview remarks tweet post speech letter
    report hearing broadcast`` (``khabar/data/ar/media.yaml``).
    """

    type: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Quote:
    """An attributed statement; ``start``/``end`` cover what was said."""

    id: str
    kind: QuoteKind
    start: int
    end: int
    cue: Cue | None = None
    speaker: Speaker | None = None
    via: Via | None = None
    #: Added to the contract: how the statement was made, and the text of what was said.
    medium: Medium | None = None
    text: str = ""


@dataclass(slots=True)
class TimeExpression:
    """A date, time, duration or set, with its TIMEX3 ``value`` and ``mod``."""

    start: int
    end: int
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str | None
    mod: str | None = None
    #: Added to the contract: the Hijri date as written («1446-01-05», «1445-09», «1445»)
    #: when the expression is Hijri; ``value`` is then its Gregorian equivalent.
    hijri: str | None = None
    #: Added: what a relative ``value`` was resolved against — ``"published"`` (the
    #: publication date), ``"previous"`` (a date mentioned before it), or ``None`` (absolute).
    anchor: str | None = None


@dataclass(slots=True)
class Quantity:
    """A counted or measured amount («نحو 50 هجوما»); ``unit`` is the counted noun, singular."""

    start: int
    end: int
    text: str
    value: float | int
    unit: str | None = None
    approx: bool = False
    #: Added to the contract: ``MORE_THAN``, ``LESS_THAN``, ``EQUAL_OR_MORE`` or
    #: ``EQUAL_OR_LESS`` («أكثر من 50»), else ``None``.
    mod: str | None = None
    #: Added: ``count``, ``money``, ``percent`` or ``measure``.
    kind: str = "count"
    #: Added: the ISO 4217 code of a sum of money («27 مليون دولار» → ``"USD"``), if known.
    currency: str | None = None


@dataclass(slots=True)
class Analysis:
    """An article and everything the pipeline found in it."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    #: Indices of the sentences that make up the summary, in text order.
    summary: list[int] = field(default_factory=list)
    #: Names of the analysers that ran, in order.
    analysers: list[str] = field(default_factory=list)
    #: What the analysers provided (``"sentences"``, ``"entities"`` …).
    provided: set[str] = field(default_factory=set)
    #: Things a reader should know about this analysis («no publication date: …»).
    notes: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The analysed text; every offset refers to it."""
        return self.article.text

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping ``[start, end)`` (the first such), if any."""
        for entity in self.entities:
            if entity.mention_at(start, end) is not None:
                return entity
        return None

    def sentence_tokens(self, index: int) -> list[Token]:
        """The tokens of sentence ``index``."""
        sentence = self.sentences[index]
        return self.tokens[sentence.token_start : sentence.token_end]

    def to_dict(self, include_tokens: bool = True) -> dict[str, Any]:
        """This analysis as a ``khabar.analysis/1`` JSON object."""
        article = self.article
        out: dict[str, Any] = {
            "schema": SCHEMA,
            "id": article.id,
            "title": article.title,
            "source": article.source,
            "url": article.url,
            "published": article.published.isoformat() if article.published else None,
            "text": article.text,
            "sentences": [to_json(s) for s in self.sentences],
            "entities": [to_json(e) for e in self.entities],
            "quotes": [to_json(q) for q in self.quotes],
            "times": [to_json(t) for t in self.times],
            "quantities": [to_json(q) for q in self.quantities],
            "events": list(self.events),
            "summary": list(self.summary),
        }
        if include_tokens:
            out["tokens"] = [_token_json(t) for t in self.tokens]
        out["analysers"] = list(self.analysers)
        out["notes"] = list(self.notes)
        return out


def _token_json(token: Token) -> dict[str, Any]:
    return {
        "start": token.start,
        "end": token.end,
        "kind": token.kind,
        "words": [
            {"start": w.start, "end": w.end, "role": w.role, "form": w.form} for w in token.words
        ],
    }


_JSON_FIELDS: dict[type, tuple[str, ...]] = {}


def to_json(obj: Any) -> Any:
    """A model dataclass (and whatever it holds) as JSON-ready dicts and lists.

    Fields declared with ``metadata={"json": False}`` are internal and left out.
    """
    cls = type(obj)
    names = _JSON_FIELDS.get(cls)
    if names is None:
        if not dataclasses.is_dataclass(obj):
            if isinstance(obj, list | tuple):
                return [to_json(x) for x in obj]
            if isinstance(obj, dict):
                return {k: to_json(v) for k, v in obj.items()}
            return obj
        names = tuple(f.name for f in dataclasses.fields(obj) if f.metadata.get("json", True))
        _JSON_FIELDS[cls] = names
    return {name: to_json(getattr(obj, name)) for name in names}
