"""``khabar spark``: the Spark job gives what ``khabar analyze`` gives, record for record.

One local Spark session (``local[2]``) serves the whole module; the command finds it running and
leaves it running. Skipped without pyspark or Java.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from khabar.cli import main
from khabar.distributed import session as spark_session
from khabar.distributed.errors import SparkError
from khabar.distributed.paths import local_inputs

pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'khabar[spark]')")
if spark_session.java_path() is None:
    pytest.skip("Spark needs Java, and there is none here", allow_module_level=True)

# Our own sentences; the people are fictional.
ARTICLES = [
    {"id": "n1", "published": "2024-05-12", "source": "test",
     "text": "قال وزير الزراعة الأردني سليم العبادي أمس إن المملكة ستستورد 40 ألف طن من القمح "
             "قبل نهاية الشهر.\nوأضاف أن الأسعار لن ترتفع."},
    {"id": "n2", "date": "2023-11-02",
     "text": "أعلنت وزارة الصحة في بغداد يوم الأحد عن افتتاح مستشفى جديد بسعة 200 سرير.\n"
             "وقالت المتحدثة باسم الوزارة ليلى الجنابي إن العمل فيه بدأ قبل عامين."},
    {"text": "وصل رئيس الوزراء إلى القاهرة صباح اليوم في زيارة تستمر ثلاثة أيام، "
             "بحسب ما ذكرت وكالة الأنباء الرسمية."},
]
FOREIGN = {"text": "The minister said on Monday that talks would resume next week."}


def _line(record: dict) -> bytes:
    return json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n"


@pytest.fixture(scope="module")
def spark(tmp_path_factory):
    """One Spark session for the module (the command reuses a running one)."""
    log = tmp_path_factory.mktemp("spark-log") / "spark.log"
    session = spark_session.start_session("local[2]", log)
    yield session
    session.stop()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("spark-in")
    mixed = folder / "mixed.jsonl"
    mixed.write_bytes(
        _line(ARTICLES[0])
        + b'{"id": "x", "text": "\xd9\x82\xd8\xa7\xd9\x84\n'           # 2: unterminated string
        + b"\n"                                                          # 3: blank, skipped
        + _line({"id": "no-text", "title": "عنوان"})                   # 4: no text
        + _line(FOREIGN)                                                 # 5: not Arabic
        + b'{"text": "\xd9\x82\xe1\xff\xd9\x84"}\n'                      # 6: not UTF-8
        + _line(ARTICLES[1])                                             # 7
        + _line({"text": ARTICLES[2]["text"], "published": "yesterday"})  # 8: bad date
    )
    second = folder / "second.jsonl"
    # Windows line ends, and a last line without its newline.
    second.write_bytes(_line(ARTICLES[2]).replace(b"\n", b"\r\n") + _line(ARTICLES[1])[:-1])
    empty = folder / "empty.jsonl"
    empty.write_bytes(b"")
    good = folder / "good.jsonl"
    good.write_bytes(_line(ARTICLES[0]) + _line(ARTICLES[1]))
    return {"mixed": mixed, "second": second, "empty": empty, "good": good}


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def read_parts(folder: Path) -> list[str]:
    parts = sorted(folder.glob("part-*"))
    assert parts, f"no part files in {folder}"
    return [line for p in parts for line in p.read_text("utf-8").splitlines()]


def analyze_cli(capsys, path: Path, *extra: str) -> tuple[list[str], list[str]]:
    """``khabar analyze PATH --format jsonl``: its analysis lines and bad-record lines."""
    main(["analyze", str(path), "--format", "jsonl", *extra])
    out, err = capsys.readouterr()
    skipped = [line.removeprefix("khabar: skipped ") for line in err.splitlines()
               if line.startswith("khabar: skipped ")]
    return out.splitlines(), skipped


def test_spark_job_equals_khabar_analyze_and_reports_bad_records(spark, inputs, capsys, tmp_path):
    out = tmp_path / "out"
    code, stdout, err = run(capsys, "spark", str(inputs["mixed"]), str(inputs["empty"]),
                            str(inputs["second"]), "--out", str(out), "--partitions", "3",
                            "--published", "2024-06-01")
    assert code == 1
    assert stdout == ""
    assert err.splitlines() == [f"khabar: 4 analysed, 6 bad records (see {out}/errors)"]

    expected: list[str] = []
    expected_errors: list[str] = []
    for name in ("mixed", "second"):
        lines, skipped = analyze_cli(capsys, inputs[name], "--published", "2024-06-01")
        expected += lines
        expected_errors += skipped
        if name == "mixed":
            expected_errors.append(f"{inputs['empty']}: empty: there are no records to analyse")
    assert len(expected) == 4
    # Byte for byte what `khabar analyze` writes, in input order.
    assert read_parts(out / "analyses") == expected
    assert [json.loads(line)["id"] for line in expected] == ["n1", "n2", None, "n2"]
    assert json.loads(expected[2])["published"] == "2024-06-01"

    errors = read_parts(out / "errors")
    assert errors == expected_errors
    mixed = str(inputs["mixed"])
    assert errors == [
        f"{mixed}:2: invalid JSON (Invalid control character at at column 25)",
        f'{mixed}:4: no "text" field, or it is empty',
        f"{mixed}:5: not Arabic text (0 of 51 letters are Arabic); khabar analyses Arabic news",
        f"{mixed}:6: not valid UTF-8 (byte 12 of the line); convert it first, e.g. with "
        "`iconv -f WINDOWS-1256 -t UTF-8`",
        f"{mixed}:8: field 'published': 'yesterday' is not a date (expected YYYY-MM-DD or "
        "ISO 8601)",
        f"{inputs['empty']}: empty: there are no records to analyse",
    ]
    assert (out / "_SUCCESS").exists()


def test_no_tokens_and_a_clean_run_exit_zero_then_refuse_to_overwrite(spark, inputs, capsys,
                                                                      tmp_path):
    out = tmp_path / "out"
    code, _, err = run(capsys, "spark", str(inputs["good"]), "--out", str(out), "--no-tokens")
    assert (code, err) == (0, "khabar: 2 analysed, no bad records\n")
    expected, skipped = analyze_cli(capsys, inputs["good"], "--no-tokens")
    assert skipped == []
    assert read_parts(out / "analyses") == expected
    assert "tokens" not in json.loads(expected[0])
    assert read_parts(out / "errors") == []

    code, _, err = run(capsys, "spark", str(inputs["good"]), "--out", str(out))
    assert code == 2
    assert err == f"khabar: error: {out}: already exists; give --overwrite to replace it\n"

    code, _, err = run(capsys, "spark", str(inputs["good"]), "--out", str(out), "--overwrite")
    assert code == 0
    assert "tokens" in json.loads(read_parts(out / "analyses")[0])


def test_a_lone_surrogate_is_reported_in_order_and_the_job_goes_on(spark, capsys, tmp_path):
    # A JSON escape that is no character (a lone surrogate) parses but is no Unicode text: the
    # record is refused as `khabar analyze` refuses it, and reported in line order.
    source = tmp_path / "surrogate.jsonl"
    source.write_bytes(_line(ARTICLES[0])
                       + b'{"text": "\xd9\x82\xd8\xa7\xd9\x84 \\ud800 \xd9\x84\xd8\xa7"}\n'
                       + b"{oops}\n" + _line(ARTICLES[2]))
    out = tmp_path / "out"
    code, _, err = run(capsys, "spark", str(source), "--out", str(out), "--no-tokens")
    assert (code, err) == (1, f"khabar: 2 analysed, 2 bad records (see {out}/errors)\n")
    assert read_parts(out / "errors") == [
        f"{source}:2: field 'text' holds a lone surrogate (\\ud800) at character 4: "
        "not valid Unicode",
        f"{source}:3: invalid JSON (Expecting property name enclosed in double quotes at "
        "column 2)",
    ]
    assert [json.loads(line)["text"] for line in read_parts(out / "analyses")] == \
        [ARTICLES[0]["text"], ARTICLES[2]["text"]]


def test_overwrite_never_deletes_files_it_did_not_write(spark, inputs, capsys, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    code, _, err = run(capsys, "spark", str(inputs["good"]), "--out", str(out), "--overwrite")
    assert code == 2
    assert err == (f"khabar: error: {out}: holds files a khabar job did not write (notes.txt); "
                   "refusing to delete them\n")
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_missing_input_is_a_one_line_error(spark, capsys, tmp_path):
    missing = tmp_path / "nope.jsonl"
    code, _, err = run(capsys, "spark", str(missing), "--out", str(tmp_path / "out"))
    assert (code, err) == (2, f"khabar: error: {missing}: no such file\n")
    assert not (tmp_path / "out").exists()


def test_unwritable_output_is_a_one_line_error(spark, inputs, capsys, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    code, _, err = run(capsys, "spark", str(inputs["good"]), "--out", str(blocker / "out"))
    assert code == 2
    assert err.startswith(f"khabar: error: {blocker / 'out'}: cannot write the output there (")
    assert len(err.splitlines()) == 1


def test_a_folder_reads_its_jsonl_files_in_name_order(inputs):
    names = [f.name for f in local_inputs([str(inputs["good"].parent)])]
    assert names == [str(inputs[n]) for n in ("empty", "good", "mixed", "second")]
    second = next(f for f in local_inputs([str(inputs["second"])]))
    assert second.unterminated and not local_inputs([str(inputs["good"])])[0].unterminated


def test_without_pyspark_the_error_says_what_to_install(capsys, monkeypatch, tmp_path, inputs):
    monkeypatch.setitem(sys.modules, "pyspark", None)
    monkeypatch.delitem(sys.modules, "khabar.distributed.job", raising=False)
    code, _, err = run(capsys, "spark", str(inputs["good"]), "--out", str(tmp_path / "out"))
    assert (code, err) == (2, "khabar: error: the Spark job needs pyspark, which is not "
                              "installed: pip install 'khabar[spark]'\n")


def test_a_java_that_fails_is_one_line_and_its_log_is_kept(inputs, tmp_path):
    # A real `khabar` process (no Spark session of ours in it), with a java that cannot start.
    jdk = tmp_path / "jdk"
    (jdk / "bin").mkdir(parents=True)
    java = jdk / "bin" / "java"
    java.write_text("#!/bin/sh\necho 'Error: this java is broken' >&2\nexit 1\n", "utf-8")
    java.chmod(0o755)
    out = tmp_path / "out"
    env = {**os.environ, "JAVA_HOME": str(jdk)}
    env.pop("PYSPARK_GATEWAY_PORT", None)
    proc = subprocess.run([sys.executable, "-m", "khabar", "spark", str(inputs["good"]),
                           "--out", str(out)], capture_output=True, text=True, env=env,
                          timeout=120)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == ("khabar: error: Spark did not start (Error: this java is broken); "
                           f"its log is {out / '_spark.log'}\n")
    assert "Error: this java is broken" in (out / "_spark.log").read_text("utf-8")


def test_without_java_the_error_says_so(monkeypatch, tmp_path):
    monkeypatch.setenv("JAVA_HOME", str(tmp_path / "no-jdk"))
    monkeypatch.delenv("PYSPARK_GATEWAY_PORT", raising=False)
    with pytest.raises(SparkError, match=r"^Spark needs Java 17 or later, and there is no java "
                                         r"on JAVA_HOME: install one"):
        spark_session.start_session("local[1]", tmp_path / "log")
