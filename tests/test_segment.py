"""Clitic segmentation (khabar/text/segment.py): real words, the offsets contract, floors."""

from __future__ import annotations

import gzip
import itertools
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khabar.errors import ModelError
from khabar.text import segment
from khabar.text.normalize import normalize
from khabar.text.segment import Segmenter, load_model
from khabar.text.tokenize import Tokenizer
from khabar.train import TRAINERS
from khabar.train import segmenter as trainer

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"

#: Floors measured by bench/segmentation.py (docs/benchmarks.md); they only ever go up.
WIKINEWS_TEST_ACCURACY = 0.9925
WIKINEWS_TEST_BOUNDARY_ACCURACY = 0.990
ANERCORP_NAMES_INTACT = 0.969

SEG = Segmenter()


def parts(word: str) -> list[tuple[str, str]]:
    """(text, role) of each clitic word of ``word``."""
    return [(word[s:e], role) for s, e, role, _ in SEG.words(word)]


def core(word: str) -> str:
    """What a name mention keeps of ``word``: proclitics and enclitics left out."""
    words = SEG.words(word)
    start = next(s for s, _, role, _ in words if role != "proclitic")
    end = next(e for _, e, role, _ in reversed(words) if role != "enclitic")
    return word[start:end]


# --- real words ------------------------------------------------------------------------------

@pytest.mark.parametrize(("word", "expected"), [
    ("وواشنطن", [("و", "proclitic"), ("واشنطن", "stem")]),
    ("بالعراق", [("ب", "proclitic"), ("ال", "article"), ("عراق", "stem")]),
    ("للعراق", [("ل", "proclitic"), ("ل", "article"), ("عراق", "stem")]),
    ("والولايات", [("و", "proclitic"), ("ال", "article"), ("ولايات", "stem")]),
    ("وبالتالي", [("و", "proclitic"), ("ب", "proclitic"), ("ال", "article"), ("تالي", "stem")]),
    ("سيقول", [("س", "proclitic"), ("يقول", "stem")]),
    ("وسيعقدون", [("و", "proclitic"), ("س", "proclitic"), ("يعقدون", "stem")]),
    ("حكومته", [("حكومت", "stem"), ("ه", "enclitic")]),
    ("وزارتها", [("وزارت", "stem"), ("ها", "enclitic")]),
    ("بلادهم", [("بلاد", "stem"), ("هم", "enclitic")]),
    ("عليه", [("علي", "stem"), ("ه", "enclitic")]),
    ("له", [("ل", "stem"), ("ه", "enclitic")]),
    ("ولها", [("و", "proclitic"), ("ل", "stem"), ("ها", "enclitic")]),
    ("والذي", [("و", "proclitic"), ("الذي", "stem")]),
    ("التي", [("التي", "stem")]),
    ("وقال", [("و", "proclitic"), ("قال", "stem")]),
    ("كما", [("كما", "stem")]),
    ("بين", [("بين", "stem")]),
    ("وزير", [("وزير", "stem")]),
    ("الأمم", [("ال", "article"), ("أمم", "stem")]),
    ("وكالات", [("وكالات", "stem")]),  # not و+ك+ال+ات: after ك a stem has three letters
    ("كالعادة", [("ك", "proclitic"), ("ال", "article"), ("عادة", "stem")]),
])
def test_real_words(word, expected):
    assert parts(word) == expected


@pytest.mark.parametrize("name", [
    "والتر", "وليد", "ليبيا", "فرنسا", "كيربي", "بايدن", "فراس", "بابكر", "كوفي", "بكين",
    "واشنطن", "بيروت", "لندن", "كاليفورنيا", "سوريا", "فيينا",
])
def test_names_keep_their_letters(name):
    assert core(name) == name


@pytest.mark.parametrize(("word", "name"), [
    ("وبايدن", "بايدن"), ("لبايدن", "بايدن"), ("وواشنطن", "واشنطن"), ("ولبنان", "لبنان"),
    ("بالعراق", "العراق"), ("وفرنسا", "فرنسا"), ("والكاظمي", "الكاظمي"), ("وبريطانيا", "بريطانيا"),
])
def test_names_lose_only_their_clitics(word, name):
    assert core(word) == name


def test_the_article_stays_inside_a_name():
    # «للعراق»: a mention starts at the article, written ل.
    words = SEG.words("للعراق")
    assert words[1] == (1, 2, "article", "ال")
    assert core("للعراق") == "لعراق"


@pytest.mark.parametrize(("surface", "expected"), [
    ("لـ", [("لـ", "proclitic")]),
    ("بـ", [("بـ", "proclitic")]),
    ("الـ", [("الـ", "article")]),
    ("وبـ", [("و", "proclitic"), ("بـ", "proclitic")]),
])
def test_clitics_written_alone_before_a_non_letter(surface, expected):
    assert parts(surface) == expected


def test_forms_are_normalised():
    words = SEG.words("وبالأمم")
    assert [w[3] for w in words] == ["و", "ب", "ال", normalize("أمم")]


# --- the offsets contract --------------------------------------------------------------------

def check_contract(surface: str) -> None:
    words = SEG.words(surface)
    assert words[0][0] == 0 and words[-1][1] == len(surface), (surface, words)
    for (_, end, _, _), (start, _, _, _) in itertools.pairwise(words):
        assert end == start, (surface, words)
    assert all(s < e for s, e, _, _ in words), (surface, words)
    roles = [w[2] for w in words]
    assert roles.count("stem") <= 1
    order = {"proclitic": 0, "article": 1, "stem": 2, "enclitic": 3}
    assert [order[r] for r in roles] == sorted(order[r] for r in roles), (surface, roles)
    for s, e, role, form in words:
        if role == "stem":
            assert form == normalize(surface[s:e])


@pytest.mark.parametrize("surface", [
    "وَبِالْعِرَاقِ", "وبـالعـراق", "لِلْعِرَاقِ", "حُكُومَتُهُ", "وَسَيَقُولُونَ", "وبالـ",
    "ﻭﺑﺎﻟﻌﺮﺍﻕ", "لِـلْـقُـوَّاتِ", "وَلَهُ", "و", "بٍ",
])
def test_words_cover_the_token_exactly(surface):
    check_contract(surface)


def test_diacritics_and_tatweel_go_with_the_letter_before():
    assert parts("وَبِالْعِرَاقِ") == [("وَ", "proclitic"), ("بِ", "proclitic"), ("الْ", "article"),
                                 ("عِرَاقِ", "stem")]
    assert parts("حُكُومَتُهُ") == [("حُكُومَتُ", "stem"), ("هُ", "enclitic")]
    assert parts("لـلعـراق") == [("لـ", "proclitic"), ("ل", "article"), ("عـراق", "stem")]


def test_tokenizer_offsets_point_into_the_text():
    text = "وأكد مسؤول في وزارتها أن الوفد وصل إلى بغداد للمشاركة في المؤتمر وسيعود غدا."
    for token in Tokenizer().tokenize(text):
        assert "".join(text[w.start:w.end] for w in token.words) == token.text
    by_text = {t.text: t for t in Tokenizer().tokenize(text)}
    assert text[by_text["للمشاركة"].core_start:by_text["للمشاركة"].end] == "لمشاركة"
    assert text[by_text["وزارتها"].start:by_text["وزارتها"].core_end] == "وزارت"


_ARABIC = st.text(
    alphabet=st.sampled_from("ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآؤئىةـَُِّْ"), min_size=1,
    max_size=12)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_ARABIC)
def test_any_arabic_string_is_covered_exactly(surface):
    if not surface.strip("ـَُِّْ"):
        return  # the tokenizer never makes a word of marks alone
    check_contract(surface)


# --- the model -------------------------------------------------------------------------------

def test_the_model_loads_once():
    first = Segmenter().model
    assert Segmenter().model is first
    assert Tokenizer().segmenter.model is first
    assert load_model.cache_info().misses <= 1


def test_a_damaged_model_is_a_one_line_error(tmp_path, monkeypatch):
    (tmp_path / segment.MODEL_FILE).write_text('{"weights": {}}', encoding="utf-8")
    with gzip.open(tmp_path / segment.LEXICON_FILE, "wt", encoding="utf-8") as fh:
        fh.write("كتاب\tnot-a-number\n")
    monkeypatch.setattr(segment, "model_path", lambda name: tmp_path / name)
    with pytest.raises(ModelError, match=r"segmenter model damaged .*khabar train segmenter"):
        load_model.__wrapped__()


def test_the_trainer_is_registered():
    assert TRAINERS["segmenter"] == "khabar.train.segmenter:train"
    meta = json.loads((ROOT / "khabar" / "models" / segment.MODEL_FILE).read_text("utf-8"))
    assert meta["training"]["test_sections"] == list(trainer.TEST_SECTIONS)
    assert not set(meta["training"]["sections"]) & set(trainer.TEST_SECTIONS)


# --- mapping Farasa's gold to khabar's scheme -----------------------------------------------

@pytest.mark.parametrize(("line", "surface", "expected"), [
    ("ل+ال+عراق\tPREP+DET+NOUN", "للعراق", ["proclitic", "article", "stem"]),
    ("و+ب+ال+مدين+ة\tCONJ+PREP+DET+NOUN+NSUFF", "وبالمدينة",
     ["proclitic", "proclitic", "article", "stem"]),
    ("ل+ه\tPREP+PRON", "له", ["stem", "enclitic"]),
    ("أعلن+ت\tV+PRON", "أعلنت", ["stem"]),
    ("حكوم+ت+ه\tNOUN+NSUFF+PRON", "حكومته", ["stem", "enclitic"]),
    ("شكر+و+ها\tV+PRON+PRON", "شكروها", ["stem", "enclitic"]),
    ("من+ما\tPREP+PRON", "مما", ["stem"]),
    ("س+يقول\tFUT_PART+V", "سيقول", ["proclitic", "stem"]),
])
def test_farasa_gold_maps_to_khabar_scheme(line, surface, expected):
    word = trainer.gold_word(0, line)
    assert word.surface == surface
    assert [role for _, _, role in word.segments] == expected
    assert word.segments[-1][1] == len(surface)


# --- measured floors (../shared/data) --------------------------------------------------------

@pytest.fixture(scope="module")
def wikinews():
    if not (DATA / "wikinews-qcri" / "WikiNews.pos.ref").exists():
        pytest.skip("../shared/data/wikinews-qcri is not available on this machine")
    return trainer.read_wikinews(DATA)


def test_wikinews_test_part_accuracy_floor(wikinews):
    test = [w for w in wikinews if w.section in trainer.TEST_SECTIONS and w.is_arabic]
    assert len(test) > 6000
    good = [trainer.predicted_segments(SEG.best, w.surface) == w.segments for w in test]
    boundary = [g for g, w in zip(good, test, strict=True) if w.boundaries]
    assert sum(good) / len(good) >= WIKINEWS_TEST_ACCURACY
    assert sum(boundary) / len(boundary) >= WIKINEWS_TEST_BOUNDARY_ACCURACY


def test_anercorp_names_floor():
    if not (DATA / "anercorp-camel" / "ANERCorp_CamelLab_train.txt").exists():
        pytest.skip("../shared/data/anercorp-camel is not available on this machine")
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from segmentation import names_intact
    finally:
        sys.path.remove(str(ROOT / "bench"))
    (good, total), _, _ = names_intact(SEG, DATA)
    assert total > 8000
    assert good / total >= ANERCORP_NAMES_INTACT


@pytest.mark.slow
def test_training_is_reproducible(tmp_path):
    if not (DATA / "news-unlabeled" / "articles.jsonl.gz").exists():
        pytest.skip("../shared/data/news-unlabeled is not available on this machine")
    import argparse

    trainer.train(argparse.Namespace(data=DATA, out=tmp_path, seed=13))
    shipped = ROOT / "khabar" / "models"
    assert ((tmp_path / segment.LEXICON_FILE).read_bytes()
            == (shipped / segment.LEXICON_FILE).read_bytes())
    assert (json.loads((tmp_path / segment.MODEL_FILE).read_text("utf-8"))["weights"]
            == json.loads((shipped / segment.MODEL_FILE).read_text("utf-8"))["weights"])
