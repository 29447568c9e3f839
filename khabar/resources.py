"""Lazy access to the language data and models shipped inside the package.

Nothing is read at import time: each file is read the first time it is asked for and kept.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ModelError

_PACKAGE = "khabar"


def data_path(*parts: str) -> Path:
    """The path of a file shipped in the package (``data_path("data", "ar", "x.yaml")``)."""
    return Path(str(resources.files(_PACKAGE))).joinpath(*parts)


@functools.cache
def load_yaml(name: str) -> Any:
    """A YAML file from ``khabar/data/ar/`` (``load_yaml("orthography")``), parsed once."""
    import yaml

    path = data_path("data", "ar", f"{name}.yaml")
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except FileNotFoundError:
        raise ModelError(f"language data file missing: {path}") from None
    except yaml.YAMLError as exc:
        raise ModelError(f"{path}: not valid YAML ({exc})") from None


@functools.cache
def load_lines(name: str) -> tuple[str, ...]:
    """A word list from ``khabar/data/ar/NAME.txt``: one entry a line, ``#`` comments skipped."""
    path = data_path("data", "ar", f"{name}.txt")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ModelError(f"language data file missing: {path}") from None
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(line for line in lines if line)


def model_path(name: str) -> Path:
    """The path of a trained model shipped in ``khabar/models/``; a clear error when absent."""
    path = data_path("models", name)
    if not path.exists():
        raise ModelError(
            f"model file missing: {path} (rebuild it with `khabar train`, see docs/models.md)"
        )
    return path
