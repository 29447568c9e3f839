"""Shared fixtures: the real example article and the corpora in ../shared (when present)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLE = SHARED / "examples" / "us-iraq-combat-mission.txt"
GOLD = SHARED / "gold" / "us-iraq-combat-mission.json"
DATA = SHARED / "data"


def need(path: Path) -> Path:
    """Skip the test, saying why, when a shared file is not there."""
    if not path.exists():
        pytest.skip(f"{path} is not available on this machine")
    return path


@pytest.fixture(scope="session")
def example_text() -> str:
    """The real article in ../shared/examples, exactly as on disk."""
    return need(EXAMPLE).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def example_analysis(example_text):
    """The analysis of the real article, published 2021-07-23."""
    from datetime import date

    import khabar

    return khabar.analyze(khabar.Article(example_text, id="us-iraq-combat-mission",
                                         published=date(2021, 7, 23)))


def examples_store(path: Path, *extra) -> Path:
    """A store at ``path`` holding the built-in example articles (ingested, no error) and the
    ``extra`` analyses given."""
    from khabar.ingest import IngestOptions, SourceOptions, ingest
    from khabar.resources import data_path
    from khabar.store import Store

    with Store(path) as store:
        report = ingest(store, [str(data_path("examples", "articles.jsonl"))], SourceOptions(),
                        IngestOptions(progress=False))
        assert report.errors == []
        for analysis in extra:
            store.add(analysis)
    return path
