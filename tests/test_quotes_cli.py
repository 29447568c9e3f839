"""``khabar quotes``: quotes across a corpus, by speaker, as text and JSON; bad input."""

from __future__ import annotations

import json

import pytest

from khabar.cli import main

ARTICLES = [
    {"id": "a1", "published": "2024-03-12",
     "text": "قال وزير الخارجية سامر الحداد إن المحادثات ستستأنف في عمّان.\n"
             "وأضاف الحداد أن الوفد وصل إلى العاصمة.\n"
             "وقال مسؤول أمني، طلب عدم نشر اسمه، إن الحدود هادئة."},
    {"id": "a2", "published": "2024-03-13",
     "text": "وأكد وزير الخارجية سامر الحداد في بيان أن الاتفاق سيوقع قريبا.\n"
             "ونقلت وكالة رويترز عن مصادر دبلوماسية أن الخلافات ما زالت قائمة."},
]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES),
                    encoding="utf-8")
    return path


def test_text_lists_speakers_most_quoted_first(capsys, corpus):
    code, out, err = run(capsys, "quotes", str(corpus))
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "5 quotes by 3 speakers in 2 articles"
    assert lines[2] == "## سامر الحداد — 3 quotes in 2 articles"
    assert "- a2 [indirect] (أكد; في بيان): «الاتفاق سيوقع قريبا»" in lines
    assert "## مسؤول أمني (anonymous) — 1 quote in 1 article" in lines
    assert "- a2 [indirect] (نقلت; via رويترز): «الخلافات ما زالت قائمة»" in lines


def test_speaker_filter_matches_any_spelling(capsys, corpus):
    code, out, _ = run(capsys, "quotes", str(corpus), "--speaker", "الحداد",
                       "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["articles"] == 2
    assert [s["name"] for s in data["speakers"]] == ["سامر الحداد"]
    speaker = data["speakers"][0]
    assert speaker["count"] == 3 and speaker["articles"] == 2 and speaker["entity"]
    first = speaker["quotes"][0]
    assert first["article"] == "a1"
    assert first["text"] == "المحادثات ستستأنف في عمّان"
    assert first["speaker"]["name"] == "سامر الحداد"
    # «الحداد» spelt with alef-hamza and ta marbuta variants still matches.
    code, out, _ = run(capsys, "quotes", str(corpus), "--speaker", "سامر الحداد")
    assert "## سامر الحداد" in out


def test_no_speaker_matches(capsys, corpus):
    code, out, _ = run(capsys, "quotes", str(corpus), "--speaker", "لا أحد")
    assert code == 0
    assert out.splitlines()[0] == "0 quotes by 0 speakers in 2 articles"


def test_bad_record_is_reported_and_the_batch_goes_on(capsys, tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(json.dumps(ARTICLES[0], ensure_ascii=False) + "\n{\"text\": 5}\nnot json\n",
                    encoding="utf-8")
    code, out, err = run(capsys, "quotes", str(path))
    assert code == 1
    assert out.splitlines()[0] == "3 quotes by 2 speakers in 1 article"
    problems = [line for line in err.splitlines() if line.startswith("khabar: skipped")]
    assert len(problems) == 2
    assert f"{path}:2" in problems[0] and f"{path}:3" in problems[1]
    assert "Traceback" not in err


def test_missing_file_is_a_one_line_error(capsys, tmp_path):
    code, _, err = run(capsys, "quotes", str(tmp_path / "nope.jsonl"))
    assert code == 2
    assert err.strip().splitlines() == [f"khabar: error: {tmp_path / 'nope.jsonl'}: no such file"]
