"""newsclean.batch and ``newsclean batch``: every record in gives one line out, in order,
whatever the input holds and whatever happens to the worker processes."""

from __future__ import annotations

import dataclasses
import gzip
import io
import json
import os
import signal
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from newsclean.batch import Options, Record, Result, Stats, Summary, clean_all, clean_record, records
from newsclean.cli import main

sys.path.insert(0, str(Path(__file__).parent.parent / "bench"))
import warcfile  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "text" / "sputnik-kurils-en" / "input.txt"
HTML_PAGES = sorted(FIXTURES.glob("html/*/input.html"))
ARTICLE = (
    "<html><head><title>Budget</title></head><body><h1>Budget approved</h1>"
    "<p>The city council approved the new budget on Tuesday after a long debate about the cost of "
    "repairing the old bridge over the river.</p><p>The mayor said work would begin in the spring and "
    "last about eighteen months, with buses taking a longer route.</p></body></html>"
)



def _has(module: str) -> bool:
    try:
        __import__(module)
    except ImportError:
        return False
    return True


warc_extra = pytest.mark.skipif(not _has("fastwarc"), reason="the warc extra is not installed: pip install '.[warc]'")


# --- reading ----------------------------------------------------------------------------------


def _jsonl(path: Path, lines: list[object]) -> Path:
    path.write_text("".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines))
    return path


def test_jsonl_records_keep_id_url_and_report_each_bad_line(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "dump.jsonl", [
        {"id": "a", "html": ARTICLE, "url": "https://example.org/a"},
        {"id": 2, "text": "Home\nMenu"},
        "not json {",
        [1, 2],
        {"id": "c", "html": 42},
        {"id": "d"},
        "",
        "[" * 5_000 + "]" * 5_000,
    ])
    got = list(records([path]))
    assert [r.source for r in got] == [f"{path}:{n}" for n in (1, 2, 3, 4, 5, 6, 8)]
    assert (got[0].id, got[0].url, got[0].payload, got[0].input_format) == ("a", "https://example.org/a", ARTICLE, None)
    assert (got[1].id, got[1].input_format) == (2, "text")  # the 'text' field is scraped text
    assert [r.problem[0] if r.problem else None for r in got] == [
        None, None, "bad-json", "bad-json", "wrong-field", "wrong-field", "bad-json"]
    assert got[4].id == "c" and "must be a string (a int)" in got[4].problem[1]  # type: ignore[index]


def test_jsonl_line_over_the_limit_is_one_error_and_the_next_line_is_read(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "big.jsonl", [{"id": 1, "html": "x" * 200_000}, {"id": 2, "html": ARTICLE}])
    got = list(records([path], max_bytes=1_000))
    assert got[0].problem is not None and got[0].problem[0] == "too-large"
    assert got[1].id == 2 and got[1].payload == ARTICLE


def test_folders_recursive_with_glob_gz_jsonl_and_stdin(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.html").write_text(ARTICLE)
    (tmp_path / "a" / "b" / "two.html").write_text(ARTICLE)
    (tmp_path / "a" / "b" / "notes.txt").write_text("not matched by the glob")
    with gzip.open(tmp_path / "dump.jsonl.gz", "wt") as handle:
        handle.write(json.dumps({"id": "z", "html": ARTICLE}) + "\n")
    stdin = io.BytesIO(json.dumps({"id": "s", "text": "A line of text"}).encode() + b"\n")
    got = list(records([tmp_path / "a", tmp_path / "dump.jsonl.gz", "-"], glob="*.html", stdin=stdin))
    assert [r.id for r in got] == [str(tmp_path / "a" / "b" / "two.html"), str(tmp_path / "a" / "one.html"), "z", "s"]
    assert got[-1].source == "<stdin>:1"


def test_unreadable_and_too_large_files_are_records(tmp_path: Path) -> None:
    big = tmp_path / "big.html"
    big.write_bytes(b"x" * 5_000)
    (tmp_path / "big.html.gz").write_bytes(gzip.compress(b"x" * 5_000))  # 5,000 once unpacked
    (tmp_path / "bad.html.gz").write_bytes(b"not gzip")
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(b"<p>small</p>"))
    inputs = [big, tmp_path / "gone.html", tmp_path / "big.html.gz", tmp_path / "bad.html.gz", tmp_path / "page.html.gz"]
    got = list(records(inputs, max_bytes=1_000))
    assert [r.problem[0] if r.problem else None for r in got] == ["too-large", "unreadable", "too-large", "unreadable", None]
    assert got[-1].payload == b"<p>small</p>"


def _warc(path: Path) -> Path:
    french = "<html><body><p>Le conseil municipal a approuvé le budget mardi après un long débat sur le coût du pont.</p></body></html>"
    with open(path, "wb") as out:
        warcfile.write(out, [
            warcfile.warcinfo(),
            warcfile.response("https://example.org/a", ARTICLE.encode()),
            warcfile.response("https://example.org/fr", french.encode("cp1252"),
                              content_type="text/html; charset=windows-1252"),
            warcfile.response("https://example.org/gone", b"Not found", status="404 Not Found"),
            warcfile.response("https://example.org/data", b"{}", content_type="application/json"),
            warcfile.conversion("https://example.org/wet", "A line of text from a WET file."),
        ])
    return path


@warc_extra
def test_warc_response_and_wet_records(tmp_path: Path) -> None:
    skipped: Counter[str] = Counter()
    got = list(records([_warc(tmp_path / "crawl.warc.gz")], skipped=skipped))
    assert [r.url for r in got] == ["https://example.org/a", "https://example.org/fr", "https://example.org/wet"]
    assert skipped == Counter({"status": 1, "not-html": 1})
    assert got[1].charset == "windows-1252" and got[2].input_format == "text"
    assert all(str(r.id).startswith("<urn:uuid:") and r.source.startswith(str(tmp_path)) for r in got)
    french = clean_record(got[1], Options()).document
    assert french is not None and "approuvé le budget mardi après un long débat" in french.body
    assert french.warnings[0] == "encoding: windows-1252 (given by the caller)"  # the HTTP header's


@warc_extra
def test_warc_bodies_sent_gzipped_or_chunked_are_decoded(tmp_path: Path) -> None:
    page = ARTICLE.encode()
    head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(page[i : i + 100]), page[i : i + 100]) for i in range(0, len(page), 100))
    blocks = [
        (head + "Content-Encoding: gzip\r\n\r\n").encode() + gzip.compress(page),
        (head + "Transfer-Encoding: chunked\r\n\r\n").encode() + chunked + b"0\r\n\r\n",
        (head + "Content-Encoding: gzip\r\n\r\n").encode() + page,  # says gzip, is not
        (head + "Content-Encoding: br\r\n\r\n").encode() + page,
    ]
    path = tmp_path / "sent.warc"
    with open(path, "wb") as out:
        warcfile.write(out, [warcfile.record("response", b, uri=f"https://example.org/{i}") for i, b in enumerate(blocks)]
                       + [warcfile.response("https://example.org/after", page)], gzipped=False)
    got = list(records([path]))
    assert [r.payload for r in got[:2]] == [page, page]
    assert [r.problem[0] if r.problem else None for r in got[2:]] == ["undecodable", "undecodable", None]
    assert got[-1].url == "https://example.org/after"


@warc_extra
def test_a_warc_cut_short_gives_its_whole_records_then_one_unreadable(tmp_path: Path) -> None:
    members = [gzip.compress(record) for record in (
        warcfile.warcinfo(),
        warcfile.response("https://example.org/a", ARTICLE.encode()),
        warcfile.response("https://example.org/fr", ARTICLE.encode() + os.urandom(10_000).hex().encode()),
        warcfile.response("https://example.org/b", ARTICLE.encode()),
    )]
    cut = tmp_path / "cut.warc.gz"  # the file ends in the middle of the third record's 20 KB body
    cut.write_bytes(b"".join(members[:2]) + members[2][: len(members[2]) // 2])
    got = list(records([cut]))
    assert [r.url for r in got] == ["https://example.org/a", "https://example.org/fr"]
    assert got[0].problem is None
    assert got[1].problem is not None and got[1].problem[0] == "unreadable" and "cut short" in got[1].problem[1]


# --- cleaning ---------------------------------------------------------------------------------


def _mixed_records() -> list[Record]:
    pages = [Record(str(p), str(p), p.read_bytes()) for p in HTML_PAGES]
    return [
        *pages[:3],
        Record("bad", "x:1", None, problem=("bad-json", "not a JSON line")),
        Record("pdf", "x:2", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"),
        Record("empty", "x:3", "Home\nMenu", input_format="text"),
        *pages[3:],
    ]


def test_in_process_gives_one_result_per_record_with_the_error_kinds() -> None:
    results = list(clean_all(_mixed_records(), processes=0))
    assert [r.id for r in results] == [r.id for r in _mixed_records()]
    by_id = {r.id: r for r in results}
    assert (by_id["bad"].error, by_id["pdf"].error) == ("bad-json", "undecodable")
    assert by_id["empty"].document is not None and not by_id["empty"].document.paragraphs
    line = by_id["pdf"].to_dict()
    assert set(line) == {"id", "source", "url", "error", "reason"} and "PDF" in line["reason"]


def test_workers_give_the_same_results_in_order_and_unordered() -> None:
    expected = [r.to_dict() for r in clean_all(_mixed_records(), processes=0)]
    ordered = [r.to_dict() for r in clean_all(_mixed_records(), processes=2)]
    unordered = [r.to_dict() for r in clean_all(_mixed_records(), processes=2, ordered=False)]
    assert ordered == expected
    key = lambda d: d["id"]  # noqa: E731
    assert sorted(unordered, key=key) == sorted(expected, key=key)


def slow_once(record: Record, options: Options) -> Result:
    """For the page b'slow': the first time, write this worker's pid to the file named by the
    record's id and wait (time for the test to kill the process); then clean the article."""
    if record.payload == b"slow":
        pid_file = Path(str(record.id))
        if not pid_file.exists():
            pid_file.write_text(str(os.getpid()))
            time.sleep(3)
        record = dataclasses.replace(record, payload=ARTICLE)
    return clean_record(record, options)


def test_a_worker_killed_with_sigkill_from_outside_does_not_end_the_run(tmp_path: Path) -> None:
    pid_file = tmp_path / "pid"
    items = [Record(i, f"page:{i}", ARTICLE) for i in range(20)]
    items.insert(10, Record(str(pid_file), "page:slow", b"slow"))

    def kill_the_worker() -> None:
        deadline = time.monotonic() + 120
        while not pid_file.exists() or not pid_file.read_text():
            if time.monotonic() > deadline:
                return
            time.sleep(0.01)
        os.kill(int(pid_file.read_text()), signal.SIGKILL)  # a real kill -9, from another thread

    killer = threading.Thread(target=kill_the_worker)
    killer.start()
    stats = Stats()
    results = list(clean_all(items, processes=2, function=slow_once, stats=stats))
    killer.join()
    assert [r.id for r in results] == [r.id for r in items]
    assert [r for r in results if r.document is None or not r.document.paragraphs] == []
    assert results[10].attempts == 2  # killed once, then cleaned by the new worker
    assert (stats.restarts, stats.retried) == (1, 1)


def poison(record: Record, options: Options) -> Result:
    """Clean like the workers do, but die by SIGKILL on the page b'poison' (a real kill -9)."""
    if record.payload == b"poison":
        os.kill(os.getpid(), signal.SIGKILL)
    if record.payload == b"hang":
        time.sleep(600)
    return clean_record(record, options)


def test_a_page_that_kills_its_worker_is_retried_once_then_reported() -> None:
    items = [Record(i, f"page:{i}", ARTICLE) for i in range(6)]
    items.insert(3, Record("p", "page:p", b"poison"))
    stats = Stats()
    results = list(clean_all(items, processes=2, function=poison, stats=stats))
    assert [r.id for r in results] == [0, 1, 2, "p", 3, 4, 5]
    dead = results[3]
    assert (dead.error, dead.attempts) == ("worker-died", 2)
    assert "signal 9" in (dead.reason or "")
    assert all(r.document is not None for r in results if r.id != "p")
    assert stats.restarts == 2 and stats.retried == 1


def test_a_page_that_hangs_is_killed_after_the_timeout() -> None:
    items = [Record(0, "page:0", ARTICLE), Record("h", "page:h", b"hang"), Record(1, "page:1", ARTICLE)]
    results = list(clean_all(items, processes=1, function=poison, timeout=1.5))
    assert [(r.id, r.error) for r in results] == [(0, None), ("h", "timeout"), (1, None)]


def test_summary_line() -> None:
    summary = Summary(skipped=Counter({"status": 2}))
    for result in clean_all(_mixed_records(), processes=0):
        summary.add(result)
    pages = len(HTML_PAGES) + 3
    assert summary.line() == (
        f"{pages} pages in, {pages - 2} documents out (1 empty), 2 errors (bad-json 1, undecodable 1), "
        "2 skipped (status 2)"
    )


# --- the command ------------------------------------------------------------------------------


def run(argv: list[str], data: bytes = b"") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, stdin=io.BytesIO(data), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_batch_command_folder_jsonl_and_stdin_to_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.html").write_text(ARTICLE)
    (folder / "b.html").write_text(ARTICLE.replace("Budget", "Second story"))
    dump = _jsonl(tmp_path / "dump.jsonl", [{"id": "j1", "html": ARTICLE}, "oops"])
    stdin = json.dumps({"id": "s1", "text": SEED.read_text("utf-8")}).encode() + b"\n"
    out_path = tmp_path / "out.jsonl"
    code, out, err = run(["batch", str(folder), str(dump), "-", "-j", "0", "-o", str(out_path)], stdin)
    lines = [json.loads(line) for line in out_path.read_text("utf-8").splitlines()]
    assert out == ""
    assert [line["id"] for line in lines] == [str(folder / "a.html"), str(folder / "b.html"), "j1", None, "s1"]
    assert lines[1]["title"] == "Second story approved" and lines[1]["source"] == str(folder / "b.html")
    assert lines[3] == {"id": None, "source": f"{dump}:2", "url": None, "error": "bad-json",
                        "reason": lines[3]["reason"]}
    assert lines[4]["tags"][-1] == "Kuril Islands"
    assert code == 3
    assert err == "newsclean batch: 5 pages in, 4 documents out (0 empty), 1 errors (bad-json 1)\n"


@warc_extra
def test_batch_command_on_a_warc_with_two_workers(tmp_path: Path) -> None:
    warc = _warc(tmp_path / "crawl.warc.gz")
    code, out, err = run(["batch", str(warc), "-j", "2"])
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["url"] for line in lines] == [
        "https://example.org/a", "https://example.org/fr", "https://example.org/wet"]
    assert code == 0
    assert err.endswith("3 pages in, 3 documents out (0 empty), 0 errors, 2 skipped (not-html 1, status 1)\n")


def test_batch_command_usage_errors() -> None:
    assert run(["batch"])[0] == 2
    assert run(["batch", "/nonexistent/folder"])[0] == 2
    assert run(["batch", "-", "--disable", "no-such-rule"])[0] == 2
    code, out, _ = run(["batch", "--help"])
    assert code == 0 and "worker-died" in out and "3  at least one record failed" in out


def test_readme_documents_every_batch_option() -> None:
    from newsclean.batch_cli import build_batch_parser

    readme = (Path(__file__).parent.parent / "README.md").read_text("utf-8")
    table = readme[readme.index("| `newsclean batch` option |"):]
    for action in build_batch_parser()._actions:
        for option in action.option_strings:
            if option.startswith("--") and option != "--help":
                assert f"`{option}" in table, f"README.md's batch table does not document {option}"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import newsclean.batch_cli as batch_cli

    monkeypatch.setattr(batch_cli, "_PROGRESS_EVERY", 0.0)
    dump = _jsonl(tmp_path / "dump.jsonl", [{"id": i, "html": ARTICLE} for i in range(3)])
    err = _Terminal()
    code = main(["batch", str(dump), "-j", "0"], stdin=io.BytesIO(), stdout=io.StringIO(), stderr=err)
    assert code == 0
    lines = err.getvalue().split("\r")
    assert lines[1].startswith("1 pages, ") and lines[1].endswith(" pages/s, 0 errors")
    assert lines[-1].startswith("3 pages, ")
    assert lines[-1].endswith("\nnewsclean batch: 3 pages in, 3 documents out (0 empty), 0 errors\n")
