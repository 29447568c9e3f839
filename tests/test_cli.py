"""``khabar analyze`` and ``khabar evaluate`` from the command line, good input and bad."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from khabar.cli import main

ARTICLE = "قال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل في بغداد.\nوأضاف أن الوفد وصل أمس."


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


# --- good input -------------------------------------------------------------------------------

def test_json_output_is_the_contract_and_keeps_the_text(capsys, example_text):
    from tests.conftest import EXAMPLE

    code, out, _ = run(capsys, "analyze", str(EXAMPLE), "--published", "2021-07-23",
                       "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["schema"] == "khabar.analysis/1"
    assert data["text"] == example_text
    assert data["published"] == "2021-07-23"
    assert data["id"] == "us-iraq-combat-mission"
    for key in ("title", "source", "url", "sentences", "entities", "quotes", "times",
                "quantities", "events", "summary"):
        assert key in data
    assert len(data["sentences"]) == 16
    token = next(t for t in data["tokens"] if example_text[t["start"]:t["end"]] == "والولايات")
    assert [example_text[w["start"]:w["end"]] for w in token["words"]] == ["و", "ال", "ولايات"]


def test_text_report_by_default(capsys, tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run(capsys, "analyze", str(path), "--published", "2024-03-05")
    assert code == 0
    assert out.startswith("# article\npublished 2024-03-05 · 2 sentences")


def test_jsonl_in_jsonl_out_in_order_with_a_broken_line(capsys, tmp_path):
    lines = [
        json.dumps({"id": "a1", "text": ARTICLE, "published": "2024-03-05"}, ensure_ascii=False),
        '{"id": "a2", "text": "نص بلا نهاية',                      # broken JSON
        json.dumps({"id": "a3", "text": "وصل الوفد إلى دمشق.", "date": "2024-03-06T10:00:00+03:00",
                    "title": "وصول", "source": "مثال", "url": "https://example.org/a3"},
                   ensure_ascii=False),
        json.dumps({"id": "a4", "text": "وصل الوفد.", "published": "2024-02-30"}),  # bad date
        json.dumps({"id": "a5", "title": "بلا نص"}),                 # no text
        json.dumps({"id": "a6", "text": "غادر الوفد صباح اليوم."}, ensure_ascii=False),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "analyze", str(path))
    assert code == 1
    results = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in results] == ["a1", "a3", "a6"]
    assert results[1]["published"] == "2024-03-06T10:00:00+03:00"
    assert results[1]["url"] == "https://example.org/a3"
    assert f"{path}:2: invalid JSON" in err
    assert f"{path}:4: field 'published': '2024-02-30' is not a date" in err
    assert f"{path}:5: no \"text\" field" in err
    assert "3 analysed, 3 skipped" in err
    assert "Traceback" not in err


def test_a_lone_surrogate_escape_is_a_bad_record_not_a_crash(capsys, tmp_path):
    # «\ud800» is valid JSON but not Unicode: no analysis holding it could be written out.
    path = tmp_path / "batch.jsonl"
    path.write_text('{"id": "s1", "text": "قال الوزير \\ud800 إن الاتفاق مهم."}\n'
                    '{"id": "s2", "text": "وصل الوفد.", "title": "\\udfff"}\n'
                    '{"id": "s3", "text": "غادر الوفد صباح اليوم."}\n', encoding="utf-8")
    code, out, err = run(capsys, "analyze", str(path))
    assert code == 1
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["s3"]
    assert (f"{path}:1: field 'text' holds a lone surrogate (\\ud800) at character 11: "
            "not valid Unicode") in err
    assert f"{path}:2: field 'title' holds a lone surrogate (\\udfff)" in err
    assert "Traceback" not in err


def test_stdin(capsys, monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode())))
    code, out, _ = run(capsys, "analyze", "-", "--format", "json", "--no-tokens")
    assert code == 0
    data = json.loads(out)
    assert data["text"] == ARTICLE and "tokens" not in data


def test_html_page_gives_main_text_title_and_date(capsys, tmp_path):
    body = "".join(f"<p>{p}</p>" for p in [
        "أعلنت وزارة الصحة في عمّان، يوم الأحد، افتتاح مستشفى جديد في مدينة إربد شمال البلاد "
        "بطاقة استيعابية تبلغ ثلاثمئة سرير، في خطوة تهدف إلى تخفيف الضغط عن مستشفيات العاصمة.",
        "وقال مدير المستشفى إن الطواقم الطبية بدأت استقبال المرضى صباح اليوم، وإن أقسام "
        "الطوارئ والأطفال تعمل بكامل طاقتها منذ الساعات الأولى للافتتاح.",
    ])
    page = (
        '<html lang="ar"><head><meta charset="utf-8"><title>افتتاح مستشفى في إربد</title>'
        '<meta property="article:published_time" content="2024-05-12T09:00:00+03:00">'
        f"</head><body><nav>الرئيسية | أخبار</nav><article>{body}</article>"
        "<footer>جميع الحقوق محفوظة</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    code, out, _ = run(capsys, "analyze", str(path), "--format", "json", "--no-tokens")
    assert code == 0
    data = json.loads(out)
    assert data["title"] == "افتتاح مستشفى في إربد"
    assert data["published"] == "2024-05-12"
    assert data["text"].startswith("أعلنت وزارة الصحة")
    assert "جميع الحقوق" not in data["text"]


def test_html_output_is_rtl_and_escaped(capsys, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("قال الوزير إن <script>alert(1)</script> لن يمر.", encoding="utf-8")
    code, out, _ = run(capsys, "analyze", str(path), "--format", "html")
    assert code == 0
    assert '<html lang="ar" dir="rtl">' in out
    assert "<script>" not in out and "&lt;script&gt;" in out


def test_built_in_example(capsys):
    code, out, _ = run(capsys, "analyze", "--example")
    assert code == 0
    assert out.startswith("# الأردن وسوريا تتفقان")


def test_evaluate_prints_scores(capsys):
    from tests.conftest import GOLD, need

    code, out, _ = run(capsys, "evaluate", str(need(GOLD)), "--format", "json")
    assert code == 0
    result = json.loads(out)
    assert result["files"] == 1
    assert result["entities"]["gold"] == 35
    assert result["roles"]["gold"] == 5
    assert result["quotes.attribution"]["gold"] == 12
    assert result["times.value"]["gold"] == 11
    assert result["quantities.value"]["gold"] == 2


def test_evaluate_lists_the_errors(capsys):
    from tests.conftest import GOLD, need

    code, out, _ = run(capsys, "evaluate", str(need(GOLD)), "--errors")
    assert code == 0
    # The worked example's gold marks «العراق» inside «العراقية» (864) and misses the real
    # «العراق» at 897: both show, with their spans.
    assert "  - entity missed: LOC «العراق» [864, 870)" in out
    assert "  - entity extra: LOC «العراق» [897, 903)" in out
    assert "  - quote" not in out  # every quote found and attributed


# --- bad input: one line, naming the problem and where; non-zero exit -------------------------

@pytest.mark.parametrize(("content", "message"), [
    (b"\xd9\x82\xd8\xa7\xd9\x84 \xff\xfe \xd8\xa7\xd9\x84", "not valid UTF-8 (byte 7, line 1)"),
    (b"", "empty: there is no text to analyse"),
    (b"  \n\t \n", "empty: there is no text to analyse"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary data, not text"),
    (b"The minister said talks would resume next week.", "not Arabic text"),
])
def test_bad_files(capsys, tmp_path, content, message):
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    code, out, err = run(capsys, "analyze", str(path))
    assert code == 2 and out == ""
    line = one_line_error(err)
    assert line.startswith(f"khabar: error: {path}: ")
    assert message in line


def test_a_50_megabyte_input_is_refused_quickly(capsys, tmp_path):
    import time

    path = tmp_path / "huge.txt"
    chunk = ("وقال المتحدث إن الاجتماع سيعقد غدا في العاصمة. " * 1000).encode()
    with path.open("wb") as fh:
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(chunk)
    started = time.perf_counter()
    code, out, err = run(capsys, "analyze", str(path))
    assert time.perf_counter() - started < 5
    assert code == 2 and out == ""
    line = one_line_error(err)
    assert f"{path}: " in line and "over the limit of 2,000,000 characters" in line


def test_published_that_is_not_a_date(capsys, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code, _, err = run(capsys, "analyze", str(path), "--published", "23/07/2021")
    assert code == 2
    assert one_line_error(err) == (
        "khabar: error: --published: '23/07/2021' is not a date (expected YYYY-MM-DD or ISO 8601)"
    )


def test_a_path_that_does_not_exist(capsys, tmp_path):
    missing = tmp_path / "nope.txt"
    code, _, err = run(capsys, "analyze", str(missing))
    assert code == 2
    assert one_line_error(err) == f"khabar: error: {missing}: no such file"


def test_a_folder_is_not_a_file(capsys, tmp_path):
    code, _, err = run(capsys, "analyze", str(tmp_path))
    assert code == 2
    assert "is a folder" in one_line_error(err)


def test_bad_gold_file(capsys, tmp_path):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps({"format": "khabar.gold/1", "text": "نص قصير",
                                "entities": [{"type": "PER", "mentions": [[3, 40]]}]}))
    code, _, err = run(capsys, "evaluate", str(path))
    assert code == 2
    assert "entities[0].mentions[0]" in one_line_error(err)


def test_no_traceback_from_the_real_process(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b'{"text": "\xff"}\n')
    proc = subprocess.run([sys.executable, "-m", "khabar", "analyze", str(path)],
                          capture_output=True, text=True)
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert proc.stderr.splitlines() == [
        f"khabar: skipped {path}:1: not valid UTF-8 (byte 10 of the line); convert it first, "
        "e.g. with `iconv -f WINDOWS-1256 -t UTF-8`",
        "khabar: 0 analysed, 1 skipped",
    ]


# --- more input formats -----------------------------------------------------------------------

def test_a_pretty_printed_json_article_such_as_a_gold_file(capsys):
    from tests.conftest import GOLD, need

    code, out, _ = run(capsys, "analyze", str(need(GOLD)), "--format", "json", "--no-tokens")
    assert code == 0
    data = json.loads(out)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    assert data["text"] == gold["text"]
    assert data["published"] == "2021-07-23"      # taken from the file
    assert data["id"] == "us-iraq-combat-mission"


def test_a_json_array_of_articles_with_a_bad_item(capsys, tmp_path):
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([
        {"id": "b1", "text": ARTICLE, "published": "2024-03-05"},
        {"id": "b2", "text": ""},
        {"id": "b3", "text": "وصل الوفد إلى دمشق صباح اليوم."},
    ], ensure_ascii=False, indent=2), encoding="utf-8")
    code, out, err = run(capsys, "analyze", str(path), "--format", "jsonl")
    assert code == 1
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["b1", "b3"]
    assert f"{path}[1]: no \"text\" field, or it is empty" in err


def test_invalid_json_document(capsys, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{\n  "text": "نص",\n  "id": \n}', encoding="utf-8")
    code, _, err = run(capsys, "analyze", str(path))
    assert code == 2
    assert one_line_error(err).startswith(f"khabar: error: {path}: invalid JSON (")


def test_utf16_with_a_byte_order_mark_is_read(capsys, tmp_path):
    path = tmp_path / "windows.txt"
    path.write_bytes(ARTICLE.encode("utf-16"))
    code, out, _ = run(capsys, "analyze", str(path), "--format", "json", "--no-tokens")
    assert code == 0
    assert json.loads(out)["text"] == ARTICLE
