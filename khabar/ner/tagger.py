"""The NER tagger: BIO tags for sentences of normalised tokens, from a linear-chain CRF.

The CRF (python-crfsuite) reads the features of ``features.py`` — the word, its form without
clitics, affixes, word clusters and silver counts learnt from the unlabeled news, trigger words,
gazetteers — and is trained by ``khabar train ner`` (docs/models.md).
"""

from __future__ import annotations

import functools
import gzip
from pathlib import Path

import pycrfsuite

from ..errors import ModelError
from ..resources import model_path
from .features import Featurizer

MODEL_FILE = "ner.crfsuite"


class NerTagger:
    """The trained CRF, loaded once (the shipped one: :func:`shared_tagger`)."""

    def __init__(self, model: str | None = None, features: Featurizer | None = None) -> None:
        path = model or str(model_path(MODEL_FILE))
        self.crf = pycrfsuite.Tagger()
        try:
            self.crf.open(path)
        except (OSError, ValueError) as exc:
            raise ModelError(f"{path}: not a usable NER model ({exc})") from None
        self.features = features or Featurizer(known=attributes(path, self.crf))

    def tag(self, norms: list[str]) -> list[str]:
        """The BIO tag of each normalised token of one sentence."""
        if not norms:
            return []
        return self.crf.tag(self.features.sentence(norms))

    def tag_batch(self, sentences: list[list[str]]) -> list[list[str]]:
        """The tags of several sentences."""
        return [self.tag(s) for s in sentences]


def attributes_path(model: str) -> Path:
    """Where the list of a model's attributes is kept (written by the trainer)."""
    return Path(model + ".attributes.gz")


def write_attributes(model: str) -> None:
    """Save the attributes a trained model has weights for, so loading it stays fast."""
    crf = pycrfsuite.Tagger()
    crf.open(model)
    names = sorted({attr for attr, _ in crf.info().state_features})
    with gzip.GzipFile(attributes_path(model), "wb", mtime=0) as fh:
        fh.write(("\n".join(names) + "\n").encode("utf-8"))


def attributes(model: str, crf: pycrfsuite.Tagger) -> frozenset[str]:
    """The attributes the model has weights for (from its list, or from the model itself)."""
    path = attributes_path(model)
    if path.exists():
        try:
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                return frozenset(fh.read().split("\n"))
        except (OSError, EOFError) as exc:
            raise ModelError(f"{path}: unreadable ({exc})") from None
    return frozenset(attr for attr, _ in crf.info().state_features)


@functools.cache
def shared_tagger() -> NerTagger:
    """The shipped tagger, loaded once per process."""
    return NerTagger()
