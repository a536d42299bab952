"""The command line: in process through ``main(argv)``, and once as a real subprocess."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from newsclean.cli import EXIT_EMPTY, EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE, main

SEED = Path(__file__).parent / "fixtures" / "text" / "sputnik-kurils-en" / "input.txt"


def run(argv: list[str], data: bytes = b"") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, stdin=io.BytesIO(data), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_stdin_to_body_text() -> None:
    code, out, err = run([], SEED.read_bytes())
    assert code == EXIT_OK
    assert out.startswith("Japan made some concessions to Russia")
    assert "Listen Live" not in out and "Get short URL" not in out
    assert err == ""


def test_json_output_has_the_document_fields() -> None:
    code, out, _ = run(["--format", "json", str(SEED)])
    data = json.loads(out)
    assert code == EXIT_OK
    assert data["published"] == "2020-07-08T23:03:00+00:00"
    assert data["tags"][0] == "Russo-Japanese relations" and data["tags"][-1] == "Kuril Islands"
    assert len(data["related"]) == 4


def test_markdown_output() -> None:
    code, out, _ = run(["-f", "markdown", "-"], SEED.read_bytes())
    assert code == EXIT_OK
    assert "Tags: Russo-Japanese relations" in out


def test_explain_lists_removals_on_stderr() -> None:
    code, out, err = run(["--explain"], SEED.read_bytes())
    assert code == EXIT_OK
    # rule, family, reason, then the text
    assert (
        "removed [widget-label] (widget: audio/video players, short links, print, font-size, "
        "reading-time and photo-credit controls are page furniture) Listen Live\n"
    ) in err
    assert "removed [comments-label] (comments: comment counters, discussion links and community rules " in err
    assert "Listen Live" not in out


def test_nothing_found_exits_1() -> None:
    code, out, err = run(["--input-format", "text"], b"Home\nMenu\n")
    assert code == EXIT_EMPTY
    assert out == ""


def test_missing_file_exits_3_with_one_line() -> None:
    code, _, err = run(["/nonexistent/page.html"])
    assert code == EXIT_UNREADABLE
    assert err.count("\n") == 1 and "cannot read" in err


def test_binary_input_exits_3() -> None:
    code, _, err = run([], b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    assert code == EXIT_UNREADABLE
    assert "PDF" in err and "Traceback" not in err


def test_usage_errors_exit_2() -> None:
    assert run(["--format", "yaml"])[0] == EXIT_USAGE
    code, _, err = run(["--disable", "no-such-rule"], b"text")
    assert code == EXIT_USAGE and "unknown rule" in err


def test_disable_a_rule() -> None:
    code, out, _ = run(["--disable", "widget-label", "--disable", "outside-article"], SEED.read_bytes())
    assert code == EXIT_OK
    assert "Listen Live" in out


def test_help_lists_exit_codes() -> None:
    code, out, _ = run(["--help"])
    assert code == 0
    for line in ("0  an article was found", "1  no article", "2  usage error", "3  an input could not be read"):
        assert line in out


def test_subprocess_python_m() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "newsclean", "--format", "json"],
        input=SEED.read_bytes(),
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["paragraphs"][-1].endswith("restoration of\u00a0their relations as\u00a0well.")


def test_jsonl_records_in_and_out() -> None:
    article = SEED.read_text(encoding="utf-8")
    records = [
        {"id": "a1", "text": article, "url": "https://example.org/a1"},
        {"id": 7, "text": "Home\nMenu\n"},
        {"id": "bad", "body": "no text field here"},
    ]
    data = "\n".join(json.dumps(r) for r in records).encode() + b"\nnot json\n"
    code, out, err = run(["--jsonl", "--input-format", "text"], data)
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["id"] for line in lines] == ["a1", 7, "bad", None]
    assert lines[0]["url"] == "https://example.org/a1" and lines[0]["tags"][-1] == "Kuril Islands"
    assert lines[1]["paragraphs"] == []
    assert "error" in lines[2] and "error" in lines[3]
    assert code == EXIT_UNREADABLE and err.count("\n") == 2


def test_jsonl_output_for_many_files(tmp_path: Path) -> None:
    second = tmp_path / "second.txt"
    second.write_text("Listen Live\n" + SEED.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _ = run(["--format", "jsonl", str(SEED), str(second)])
    assert code == EXIT_OK
    docs = [json.loads(line) for line in out.splitlines()]
    assert len(docs) == 2 and docs[0]["paragraphs"] == docs[1]["paragraphs"]


def test_worker_processes_give_the_same_output_in_input_order(tmp_path: Path) -> None:
    fixtures = Path(__file__).parent / "fixtures"
    files = sorted(str(p) for p in fixtures.glob("text/*/input.txt"))[:6]
    files += sorted(str(p) for p in fixtures.glob("html/*/input.html"))[:4]
    empty = tmp_path / "empty.txt"
    empty.write_text("Home\nMenu\n", encoding="utf-8")
    argv = ["--format", "jsonl", "--explain", *files, str(empty), str(tmp_path / "missing.html")]
    one = run(argv)
    two = run(["--jobs", "2", *argv])
    assert len(files) == 10
    assert one == two
    code, out, err = two
    assert code == EXIT_UNREADABLE  # the missing file wins over the empty one
    assert [json.loads(line)["title"] for line in out.splitlines()][:1] == [
        json.loads(run(["--format", "json", files[0]])[1])["title"]
    ]
    assert len(out.splitlines()) == len(files) + 1  # the unreadable file prints nothing on stdout
    assert "missing.html: cannot read" in err and "removed [" in err


def test_jobs_must_be_a_count() -> None:
    assert run(["--jobs", "x"])[0] == EXIT_USAGE
    assert run(["--jobs", "-1"])[0] == EXIT_USAGE


def test_an_internal_error_on_one_input_does_not_stop_the_next(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from newsclean.blocks import html as html_blocks

    def broken(*args: object, **kwargs: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(html_blocks, "_walk", broken)  # HTML input breaks; text input does not walk a tree
    bad = tmp_path / "bad.html"
    bad.write_text("<html><body><p>" + "A sentence of the article. " * 20 + "</p></body></html>")
    code, out, err = run(["--format", "jsonl", str(bad), str(SEED)])
    assert code == EXIT_UNREADABLE
    assert err == f"newsclean: {bad}: internal error in the blocks stage: RecursionError: maximum recursion depth exceeded (please report it with the page)\n"
    assert [json.loads(line)["tags"][-1] for line in out.splitlines()] == ["Kuril Islands"]
