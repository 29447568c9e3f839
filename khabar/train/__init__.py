"""Reproducible training of the models khabar ships (``khabar train NAME``).

``TRAINERS`` maps a model name to ``module:function``; the function takes the parsed
arguments (``data`` folder, ``out`` folder, ``seed``) and returns an exit status. Every trainer
reads its corpora from ``../shared/data`` (or ``--data``), fixes its random seeds, and writes its
model into ``khabar/models/`` (or ``--out``).
"""

from __future__ import annotations

TRAINERS: dict[str, str] = {
    "ner-clusters": "khabar.train.ner:train_clusters",
    "ner": "khabar.train.ner:train_ner",
    "segmenter": "khabar.train.segmenter:train",
    "unit-singulars": "khabar.quantity.train:train",
}
