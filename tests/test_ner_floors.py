"""Measured NER quality, pinned as floors (they only ever go up; see docs/benchmarks.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.evaluate import evaluate_files

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
SHARED_GOLD = ROOT.parent / "shared" / "gold" / "us-iraq-combat-mission.json"
OUR_GOLD = sorted(str(p) for p in (ROOT / "tests" / "gold").glob("ner-*.json"))

#: Entity-level F1 floors (exact span and type, micro), measured by bench/ner.py.
ANERCORP_TEST_F1 = 0.71
AQMAR_TEST_F1 = 0.38
#: Mention F1 (PER, ORG, LOC) of `khabar evaluate` on our own gold files and the worked example.
OUR_GOLD_F1 = 0.99
SHARED_GOLD_F1 = 0.94  # the issue asks for 0.9
#: Role F1 (exact span, same entity) on our NER gold files and the worked example.
ROLES_F1 = 1.0
#: Mention F1 over every gold file we have (NER, quotes and times files) and the worked example.
ALL_GOLD_F1 = 0.97


def test_there_are_at_least_ten_ner_gold_files():
    assert len(OUR_GOLD) >= 10


def test_own_gold_entities_floor():
    result = evaluate_files(OUR_GOLD)
    assert result["entities"]["f1"] >= OUR_GOLD_F1, result["entities"]


@pytest.mark.skipif(not SHARED_GOLD.exists(), reason="../shared/gold is absent")
def test_roles_floor():
    result = evaluate_files([*OUR_GOLD, str(SHARED_GOLD)])
    assert result["roles"]["gold"] >= 77
    assert result["roles"]["f1"] >= ROLES_F1, result["roles"]


@pytest.mark.skipif(not SHARED_GOLD.exists(), reason="../shared/gold is absent")
def test_all_gold_entities_floor():
    files = sorted(str(p) for p in (ROOT / "tests" / "gold").glob("*.json"))
    result = evaluate_files([*files, str(SHARED_GOLD)])
    assert result["entities"]["f1"] >= ALL_GOLD_F1, result["entities"]


@pytest.mark.skipif(not SHARED_GOLD.exists(), reason="../shared/gold is absent")
def test_worked_example_entities_floor():
    result = evaluate_files([str(SHARED_GOLD)])
    assert result["entities"]["f1"] >= SHARED_GOLD_F1, result["entities"]


def _tagger_f1(path: Path) -> float:
    from khabar.ner.corpus import conll_scores, read_conll
    from khabar.ner.features import normalise_tokens
    from khabar.ner.tagger import shared_tagger

    sentences = read_conll(path)
    tagger = shared_tagger()
    predicted = tagger.tag_batch([normalise_tokens([t for t, _ in s]) for s in sentences])
    return conll_scores([[g for _, g in s] for s in sentences], predicted)["ALL"]["f1"]


@pytest.mark.slow
@pytest.mark.skipif(not (DATA / "anercorp-camel").exists(), reason="../shared/data is absent")
def test_anercorp_test_floor():
    f1 = _tagger_f1(DATA / "anercorp-camel" / "ANERCorp_CamelLab_test.txt")
    assert f1 >= ANERCORP_TEST_F1, f1


@pytest.mark.slow
@pytest.mark.skipif(not (DATA / "aqmar").exists(), reason="../shared/data is absent")
def test_aqmar_test_floor():
    f1 = _tagger_f1(DATA / "aqmar" / "liu2019-split" / "test.txt")
    assert f1 >= AQMAR_TEST_F1, f1
