"""Every language data file in khabar/data/ar/ parses and is clean."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml

from khabar.text.normalize import normalize

DATA = Path(__file__).resolve().parent.parent / "khabar" / "data" / "ar"
FILES = sorted(p for p in DATA.iterdir() if p.suffix in (".yaml", ".txt"))


def _strings(node):
    """Every string in a YAML tree, with the list it belongs to (for duplicate checks)."""
    if isinstance(node, str):
        yield node, None
    elif isinstance(node, list):
        for item in node:
            if isinstance(item, str):
                yield item, id(node)
            else:
                yield from _strings(item)
    elif isinstance(node, dict):
        for key, value in node.items():
            if isinstance(key, str):
                yield key, None
            yield from _strings(value)


def _entries(path: Path) -> list[tuple[str, int | None]]:
    if path.suffix == ".txt":
        lines = [line.split("#", 1)[0].strip() for line in path.read_text("utf-8").splitlines()]
        return [(line, 0) for line in lines if line]
    return list(_strings(yaml.safe_load(path.read_text("utf-8"))))


def test_there_is_language_data():
    assert {"orthography.yaml", "punctuation.yaml", "clitics.yaml"} <= {p.name for p in FILES}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_no_presentation_forms_or_controls(path):
    for text, _ in _entries(path):
        for ch in text:
            cp = ord(ch)
            assert not (0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFF), (
                f"{path.name}: presentation form U+{cp:04X} in {text!r}")
            if path.name != "orthography.yaml":
                assert unicodedata.category(ch) != "Cf", (
                    f"{path.name}: invisible control U+{cp:04X} in {text!r}")


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_no_duplicates_after_normalisation(path):
    if path.name == "orthography.yaml":
        return  # its entries are the normalisation itself
    seen: dict[tuple[int | None, str], str] = {}
    for text, group in _entries(path):
        if group is None:
            continue
        key = (group, " ".join(normalize(text).split()))
        assert key not in seen, f"{path.name}: {text!r} duplicates {seen[key]!r}"
        seen[key] = text


def test_no_known_name_form_is_given_twice():
    """A form (name, acronym, short form) belongs to one organisation or place only."""
    owner: dict[str, str] = {}
    for file in ("organisations", "places"):
        entries = yaml.safe_load((DATA / f"{file}.yaml").read_text("utf-8"))[file]
        for name, forms in entries.items():
            for form in (name, *(forms or ())):
                key = " ".join(normalize(form).split())
                assert key not in owner, f"{form!r} is given to both {owner[key]!r} and {name!r}"
                owner[key] = name
