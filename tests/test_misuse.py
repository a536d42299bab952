"""What a user can get wrong, and what they get back: closed or failing standard streams, an
output that cannot be written, an option that names nothing, arguments of the wrong type, a
script that starts workers without a main guard, odd JSON lines and folder entries. Each gives
one line (or a typed error) saying what is wrong, never a traceback; the look-alikes that are
right still work."""

from __future__ import annotations

import errno
import gzip
import io
import json
import numbers
import os
import subprocess
import sys
import types
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsclean
from newsclean.batch import (
    Options,
    Record,
    Result,
    WorkerStartError,
    clean_all,
    clean_record,
    file_record,
    records,
)
from newsclean.cli import EXIT_OK, EXIT_STOPPED, EXIT_UNREADABLE, EXIT_USAGE, main
from newsclean.document import Link
from newsclean.record import json_line
from newsclean.rules import Context, Mark, Rule

SEED = Path(__file__).parent / "fixtures" / "text" / "sputnik-kurils-en" / "input.txt"
ARTICLE = (
    "<html><head><title>Budget</title></head><body><h1>Budget approved</h1>"
    "<p>The city council approved the new budget on Tuesday after a long debate about the cost of "
    "repairing the old bridge over the river.</p></body></html>"
)


def _has_fastwarc() -> bool:
    try:
        import fastwarc  # noqa: F401
    except ImportError:
        return False
    return True


class FullDisk(io.StringIO):
    """An output whose every write fails as a full disk does."""

    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


def run(argv: list[str], data: bytes = b"", stdout: io.StringIO | None = None) -> tuple[int, str, str]:
    out, err = stdout if stdout is not None else io.StringIO(), io.StringIO()
    code = main(argv, stdin=io.BytesIO(data), stdout=out, stderr=err)
    return code, "" if isinstance(out, FullDisk) else out.getvalue(), err.getvalue()


# --- the standard streams ----------------------------------------------------------------------


def test_a_full_disk_is_one_line_and_exit_4() -> None:
    code, _, err = run([str(SEED)], stdout=FullDisk())
    assert code == EXIT_STOPPED
    assert err == "newsclean: error: cannot write the output: No space left on device\n"


def test_a_full_disk_in_batch_is_one_line_and_exit_4() -> None:
    code, _, err = run(["batch", str(SEED), "-j", "0"], stdout=FullDisk())
    assert code == EXIT_STOPPED
    assert err.startswith("newsclean batch: error: cannot write the output: No space left on device; "
                          "stopped after 0 pages in")
    assert err.count("\n") == 1


def test_batch_output_that_cannot_be_opened_is_a_usage_error(tmp_path: Path) -> None:
    code, out, err = run(["batch", str(SEED), "-j", "0", "-o", str(tmp_path / "no-such-folder" / "out.jsonl")])
    assert code == EXIT_USAGE and out == ""
    assert err == f"newsclean batch: error: cannot write {tmp_path}/no-such-folder/out.jsonl: No such file or directory\n"
    # the look-alike: a folder that exists
    code, _, _ = run(["batch", str(SEED), "-j", "0", "-o", str(tmp_path / "out.jsonl")])
    assert code == EXIT_OK and json.loads((tmp_path / "out.jsonl").read_text("utf-8"))["id"] == str(SEED)


def test_closed_stdout_stdin_and_stderr(monkeypatch: pytest.MonkeyPatch) -> None:
    """``newsclean >&-``, ``<&-``, ``2>&-``: Python then has ``None`` for the stream."""
    err = io.StringIO()
    monkeypatch.setattr(sys, "stdout", None)
    assert main([str(SEED)], stdin=io.BytesIO(), stderr=err) == EXIT_STOPPED
    assert err.getvalue() == "newsclean: error: cannot write the output: the standard output is closed\n"
    err = io.StringIO()
    assert main(["batch", str(SEED), "-j", "0"], stdin=io.BytesIO(), stderr=err) == EXIT_STOPPED
    monkeypatch.undo()

    monkeypatch.setattr(sys, "stdin", None)
    code, out, err_text = _main_with([], stdin=None)
    assert (code, out) == (EXIT_UNREADABLE, "")
    assert err_text == "newsclean: <stdin>: cannot read: the standard input is closed\n"
    code, out, _ = _main_with([str(SEED)], stdin=None)  # a file needs no stdin
    assert code == EXIT_OK and out.startswith("Japan made some concessions")
    code, _, err_text = _main_with(["batch", "-", "-j", "0"], stdin=None)
    assert code == EXIT_USAGE and "standard input, which is closed" in err_text
    monkeypatch.undo()

    monkeypatch.setattr(sys, "stderr", None)
    out = io.StringIO()
    assert main(["--no-such-option"], stdin=io.BytesIO(), stdout=out) == EXIT_USAGE
    assert main(["/nonexistent/page.html"], stdin=io.BytesIO(), stdout=out) == EXIT_UNREADABLE


def _main_with(argv: list[str], stdin: None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(argv, stdin=stdin, stdout=out, stderr=err), out.getvalue(), err.getvalue()


def _as_a_user_runs_it() -> dict[str, str]:
    """The environment of a user's shell: without the ``PYTHONUNBUFFERED`` a test session may
    set, so the child's stdout keeps what it failed to write in its buffer, as a user's does."""
    return {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize(("argv", "message"), [
    (["PAGE"], "newsclean: error: cannot write the output: No space left on device\n"),
    (["-j", "2", "PAGE", "PAGE"], "newsclean: error: cannot write the output: No space left on device\n"),
    (["--help"], "newsclean: error: cannot write the output: No space left on device\n"),  # (at the last flush)
    (["batch", "-j", "0", "PAGE"], "newsclean batch: error: cannot write the output: No space left on device; "
                                   "stopped after "),
    (["batch", "-j", "0", "PAGE", "-o", "/dev/full"], "newsclean batch: error: cannot write the output: "
                                                      "No space left on device; stopped after "),
])
def test_real_full_stdout_in_a_subprocess(argv: list[str], message: str, tmp_path: Path) -> None:
    """An output smaller than Python's buffer fails only at the last flush: exit 4 and one line,
    not Python's own "Exception ignored" (or a traceback) and exit 120 (or 1) when it is flushed
    once more at exit (or on closing)."""
    page = tmp_path / "page.html"
    page.write_text(ARTICLE, "utf-8")
    argv = [str(page) if arg == "PAGE" else arg for arg in argv]
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "newsclean", *argv], stdout=full, stderr=subprocess.PIPE,
                              timeout=120, check=False, env=_as_a_user_runs_it())
    assert proc.stderr.decode().startswith(message) and proc.stderr.count(b"\n") == 1
    assert proc.returncode == EXIT_STOPPED


def test_real_closed_stdout_in_a_subprocess() -> None:
    proc = subprocess.run([sys.executable, "-m", "newsclean", str(SEED)], stderr=subprocess.PIPE, timeout=120,
                          check=False, env=_as_a_user_runs_it(),
                          preexec_fn=lambda: os.close(1))  # noqa: PLW1509 - ``>&-``, as a shell does it
    assert proc.returncode == EXIT_STOPPED and b"Traceback" not in proc.stderr


def _with_a_pipe_nobody_reads(argv: list[str], stream: str, stdout: int | None = None,
                              env: dict[str, str] | None = None) -> tuple[int, bytes]:
    """Run the command with its stdout or stderr a pipe whose reader has gone (``| head``)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    streams = {"stdout": stdout if stdout is not None else subprocess.PIPE, "stderr": subprocess.PIPE}
    streams[stream] = write_end
    try:
        proc = subprocess.run([sys.executable, "-m", "newsclean", *argv], stdin=subprocess.DEVNULL, timeout=120,
                              check=False, env=env if env is not None else _as_a_user_runs_it(),
                              **streams)  # type: ignore[call-overload]
    finally:
        os.close(write_end)
    return proc.returncode, proc.stderr if stream == "stdout" else proc.stdout


def test_a_reader_that_went_away_ends_the_command_quietly() -> None:
    for argv in ([str(SEED)], ["batch", "-j", "0", str(SEED)]):
        assert _with_a_pipe_nobody_reads(argv, "stdout") == (0, b"")


def test_a_stderr_nobody_reads_keeps_what_stdout_was_given(tmp_path: Path) -> None:
    """The broken pipe is stderr's (its first message, on the missing file): the article written
    before it stays in the output file, and the run says it stopped."""
    with open(tmp_path / "out.txt", "wb") as out:
        code, _ = _with_a_pipe_nobody_reads([str(SEED), str(tmp_path / "nope.html"), str(SEED)], "stderr",
                                            stdout=out.fileno())
    assert code == EXIT_STOPPED
    assert (tmp_path / "out.txt").read_text("utf-8") == main_output([str(SEED)])


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("unbuffered", [False, True])
def test_a_stderr_on_a_full_disk_keeps_what_stdout_was_given(unbuffered: bool, tmp_path: Path) -> None:
    """stderr cannot be written (its first message, on the missing file): it is discarded, the
    article written before it stays, the run says it stopped (exit 4, not Python's 120 or 1)."""
    env = _as_a_user_runs_it() | ({"PYTHONUNBUFFERED": "1"} if unbuffered else {})
    nope = str(tmp_path / "nope.html")
    for argv, expected in (([str(SEED), nope, str(SEED)], main_output([str(SEED)])),
                           (["batch", "-j", "0", str(SEED)], None)):
        with open(tmp_path / "out.txt", "wb") as out, open("/dev/full", "wb") as full:
            proc = subprocess.run([sys.executable, "-m", "newsclean", *argv], stdin=subprocess.DEVNULL,
                                  stdout=out, stderr=full, timeout=120, check=False, env=env)
        assert proc.returncode == EXIT_STOPPED, argv
        written = (tmp_path / "out.txt").read_text("utf-8")
        if expected is not None:
            assert written == expected
        else:  # (batch: every line is written before the summary on stderr fails)
            assert json.loads(written)["id"] == str(SEED)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("unbuffered", [False, True])
def test_a_stderr_nobody_reads_with_stdout_on_a_full_disk_stops_the_run(unbuffered: bool, tmp_path: Path) -> None:
    """Both fail: the broken pipe is stderr's (its first message, on the missing file, or the
    one saying that stdout is full), not a reader of stdout gone (exit 0): the run stopped."""
    env = _as_a_user_runs_it() | ({"PYTHONUNBUFFERED": "1"} if unbuffered else {})
    page, nope = tmp_path / "page.html", str(tmp_path / "nope.html")
    page.write_text(ARTICLE, "utf-8")
    for argv in ([str(page), nope, str(page)], [str(SEED), str(SEED)], ["batch", "-j", "0", str(page)]):
        with open("/dev/full", "wb") as full:
            code, _ = _with_a_pipe_nobody_reads(argv, "stderr", stdout=full.fileno(), env=env)
        assert code == EXIT_STOPPED, argv
    # the look-alike: the reader of stdout gone, stderr fine, is still quiet
    for argv in ([str(SEED)], ["batch", "-j", "0", str(SEED)]):
        assert _with_a_pipe_nobody_reads(argv, "stdout", env=env) == (0, b"")


def main_output(argv: list[str]) -> str:
    return run(argv)[1]


class Unreadable(io.BytesIO):
    """An input whose reads fail after its first line (``0>file``: a descriptor open for writing)."""

    def readline(self, size: int | None = -1) -> bytes:
        if self.tell():
            raise OSError(errno.EBADF, "Bad file descriptor")
        return super().readline(size)


def test_a_stdin_that_cannot_be_read_is_an_unreadable_input_not_a_failed_output() -> None:
    line = json.dumps({"id": "a", "html": ARTICLE}).encode() + b"\n"
    for argv in (["batch", "-", "-j", "0"], ["--jsonl"]):
        out, err = io.StringIO(), io.StringIO()
        code = main(argv, stdin=Unreadable(line * 2), stdout=out, stderr=err)
        lines = [json.loads(text) for text in out.getvalue().splitlines()]
        assert code == EXIT_UNREADABLE and "cannot write" not in err.getvalue()
        assert [entry["id"] for entry in lines] == ["a", "<stdin>"]  # the line read before stays
        assert lines[1]["reason"] == "cannot read (from here on): Bad file descriptor"
    # the look-alike: an output that cannot be written is still the output's failure
    assert run(["batch", "-", "-j", "0"], data=line, stdout=FullDisk())[0] == EXIT_STOPPED


# --- options that name nothing --------------------------------------------------------------------


def test_an_unknown_encoding_or_profile_folder_is_a_usage_error(tmp_path: Path) -> None:
    for argv in (["--encoding", "utf-9"], ["batch", "-j", "0", "--encoding", "utf-9"]):
        code, out, err = run([*argv, str(SEED)])
        assert (code, out) == (EXIT_USAGE, "")
        assert err.endswith("error: --encoding: unknown encoding 'utf-9' (give a label browsers know, such as "
                            "utf-8, windows-1252, shift_jis, or Python's name of one, such as latin-1)\n")
    code, _, err = run(["--profiles", str(tmp_path / "profiles"), str(SEED)])
    assert code == EXIT_USAGE and err == f"newsclean: error: --profiles: not a folder: {tmp_path}/profiles\n"
    # the look-alikes: a label browsers know (not Python's spelling) and a folder that exists
    assert run(["--encoding", "x-sjis", "--profiles", str(tmp_path), str(SEED)])[0] == EXIT_OK
    # and Python's names of what browsers decode, typed by hand (the library and a header's
    # label are read as browsers read them: test_a_callers_label_browsers_do_not_know_is_ignored)
    page = tmp_path / "page.html"
    page.write_bytes(ARTICLE.replace("city council", "conseil d\u00e9partemental").encode("mac_roman"))
    for name, word in (("latin-1", "d\u017dpartemental"), ("mac_roman", "d\u00e9partemental"),
                       ("x-mac-roman", "d\u00e9partemental"), ("cp1251", "d\u040bpartemental")):
        code, out, err = run(["--encoding", name, str(page)])
        assert (code, err) == (EXIT_OK, "") and f"conseil {word} approved" in out
    # cp437 and utf-7, which no browser decodes a page in, stay usage errors
    assert run(["--encoding", "cp437", str(page)])[0] == run(["--encoding", "utf-7", str(page)])[0] == EXIT_USAGE
    # a --url of bytes that are not UTF-8 (Python's escapes, which no output can write)
    code, _, err = run(["--url", "https://example.com/caf\udce9", str(SEED)])
    assert code == EXIT_USAGE and err == "newsclean: error: --url: not UTF-8 text: 'https://example.com/caf\\udce9'\n"
    code, out, _ = run(["--url", "https://example.com/café", "--format", "json", str(SEED)])
    assert code == EXIT_OK and json.loads(out)["url"] == "https://example.com/café"
    # the library still ignores an unknown label, with a warning (it comes from HTTP headers)
    doc = newsclean.clean(ARTICLE.encode(), encoding="utf-9")
    assert "encoding: unknown label 'utf-9' from the caller ignored" in doc.warnings


@pytest.mark.parametrize(("option", "value", "message"), [
    pytest.param("--glob", "**.html", "argument --glob: not a pattern of file names: '**.html' (Invalid pattern: "
                 "'**' can only be an entire path component)",
                 marks=pytest.mark.skipif(sys.version_info >= (3, 13), reason="Python 3.13 matches '**.html'")),
    ("--glob", "/abs/*.html", "argument --glob: not a pattern of file names: '/abs/*.html' (Non-relative patterns "
                              "are unsupported)"),
    ("--timeout", "inf", "argument --timeout: not a positive, finite number of seconds: 'inf'"),
    ("--timeout", "1e400", "argument --timeout: not a positive, finite number of seconds: '1e400'"),
    ("--timeout", "nan", "argument --timeout: not a positive, finite number of seconds: 'nan'"),
])
def test_a_glob_or_timeout_python_cannot_use_is_a_usage_error(option: str, value: str, message: str,
                                                               tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "page.html").write_text(ARTICLE, "utf-8")
    code, out, err = run(["batch", str(tmp_path), "-j", "0", f"{option}={value}"])
    assert (code, out, err) == (EXIT_USAGE, "", f"newsclean batch: error: {message}\n")
    # the look-alikes: patterns Python matches, and a long timeout (over what the system's own
    # wait takes: waited for in parts)
    for argv in (["--glob", "sub/**/*.html"], ["--glob", "*.html"], ["--timeout", "1e9", "-j", "1"]):
        code, out, _ = run(["batch", str(tmp_path), "-j", "0", *argv])
        assert code == EXIT_OK and json.loads(out)["title"] == "Budget approved"


def test_clean_all_refuses_a_timeout_that_never_ends() -> None:
    with pytest.raises(newsclean.ConfigError, match="timeout must be a positive number of seconds or None, not nan"):
        next(clean_all([Record(0, "page", ARTICLE)], processes=0, timeout=float("nan")))


# --- clean() and Config with arguments of the wrong type ------------------------------------------


@pytest.mark.parametrize(("arguments", "message"), [
    ({"url": 5}, "url must be a str or None, not int"),
    ({"url": b"https://example.com/"}, "url must be a str or None, not bytes"),
    ({"encoding": 1252}, "encoding must be a str or None, not int"),
    ({"config": {"min_body_chars": 5}}, "config must be a newsclean.Config, not dict"),
])
def test_clean_arguments_of_the_wrong_type_are_config_errors(arguments: dict[str, object], message: str) -> None:
    with pytest.raises(newsclean.ConfigError) as caught:
        newsclean.clean(ARTICLE, **arguments)  # type: ignore[arg-type]
    assert str(caught.value) == message


def test_a_wrong_call_is_pythons_type_error_not_an_internal_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsclean.api import clean_with_context  # (the function the InternalError wrapper wraps)

    for call in (lambda: newsclean.clean(ARTICLE, "https://example.com/"),  # type: ignore[misc]
                 lambda: clean_with_context(ARTICLE, "https://example.com/"),  # type: ignore[misc]
                 lambda: clean_with_context(ARTICLE, no_such_argument=1)):  # type: ignore[call-arg]
        with pytest.raises(TypeError) as caught:
            call()
        assert not isinstance(caught.value, newsclean.NewscleanError)
        assert "argument" in str(caught.value)
    # the look-alike: a TypeError inside the pipeline is still an InternalError naming its stage
    def broken(text: str) -> str:
        raise TypeError("a bug of newsclean's")

    monkeypatch.setattr("newsclean.api.detect_format", broken)
    with pytest.raises(newsclean.InternalError) as internal:
        newsclean.clean(ARTICLE, url="https://example.com/")
    assert isinstance(internal.value.__cause__, TypeError) and internal.value.stage == "clean"
    assert "TypeError: a bug of newsclean's" in str(internal.value)


@pytest.mark.parametrize(("field", "value", "message"), [
    ("max_input_bytes", "10", "max_input_bytes must be a whole number, not str '10'"),
    ("max_input_bytes", 1.5, "max_input_bytes must be a whole number, not float 1.5"),
    ("regex_timeout", "1", "regex_timeout must be a number, not str '1'"),
    ("guard_ratio", None, "guard_ratio must be a number, not NoneType None"),
    ("min_body_chars", True, "min_body_chars must be a whole number, not bool True"),
    ("min_body_chars", -1, "min_body_chars cannot be negative"),
    ("now", "2020-01-01", "now must be a datetime, not str"),
])
def test_config_values_of_the_wrong_type_are_config_errors(field: str, value: object, message: str) -> None:
    with pytest.raises(newsclean.ConfigError) as caught:
        newsclean.Config(**{field: value})  # type: ignore[arg-type]
    assert str(caught.value) == message


def test_config_values_of_the_right_types_stay() -> None:
    config = newsclean.Config(max_input_bytes=1000, regex_timeout=1, guard_ratio=0, min_body_chars=0,
                              now=datetime(2020, 1, 1, tzinfo=timezone.utc))
    assert (config.regex_timeout, config.guard_ratio, config.min_body_chars) == (1, 0, 0)
    # any real number for a number, any whole one for a whole number (a Fraction, ``10e6``, a
    # numpy value): as the values are read, an int and a float
    config = newsclean.Config(max_input_bytes=10e6, guard_ratio=Fraction(1, 10), min_body_chars=_Index(5))  # type: ignore[arg-type]
    assert (config.max_input_bytes, config.guard_ratio, config.min_body_chars) == (10_000_000, 0.1, 5)
    assert (type(config.max_input_bytes), type(config.guard_ratio), type(config.min_body_chars)) == (int, float, int)
    with pytest.raises(newsclean.ConfigError, match="max_input_bytes must be a whole number, not float inf"):
        newsclean.Config(max_input_bytes=float("inf"))


# --- workers that cannot start ------------------------------------------------------------------


@pytest.fixture
def parent_only_function() -> Iterator[Callable[[Record, Options], Result]]:
    """A cleaning function that exists in this process alone: a worker cannot import it, as a
    worker cannot import a script that starts workers without ``if __name__ == "__main__":``."""
    module = types.ModuleType("newsclean_test_parent_only")
    exec("def clean_it(record, options):\n    return None\n", module.__dict__)  # noqa: S102
    sys.modules[module.__name__] = module
    yield module.clean_it  # type: ignore[no-any-return]
    del sys.modules[module.__name__]


def test_workers_that_cannot_start_stop_the_run_with_one_error(
        parent_only_function: Callable[[Record, Options], Result]) -> None:
    """A worker that ends before it is ready is no record's fault: the run stops with a
    WorkerStartError saying why, instead of failing every record twice."""
    items = [Record(i, f"page:{i}", ARTICLE) for i in range(4)]
    with pytest.raises(WorkerStartError) as caught:
        list(clean_all(items, processes=2, function=parent_only_function))
    assert 'if __name__ == "__main__":' in str(caught.value)
    assert "exited (status 1) before it was ready" in str(caught.value)


@pytest.mark.parametrize("argv", [["-j", "2", str(SEED), str(SEED)], ["batch", "-j", "2", str(SEED)]])
def test_the_commands_report_workers_that_cannot_start(argv: list[str], monkeypatch: pytest.MonkeyPatch,
                                                       parent_only_function: Callable[[Record, Options], Result],
                                                       ) -> None:
    """The real error of real workers that cannot start, through each command: exit 4, one line."""
    def clean_all_with(*args: object, **kwargs: object) -> Iterator[Result]:
        return clean_all(*args, **kwargs, function=parent_only_function)  # type: ignore[arg-type]

    monkeypatch.setattr(f"newsclean.{'batch_cli' if argv[0] == 'batch' else 'cli'}.clean_all", clean_all_with)
    code, out, err = run(argv)
    assert (code, out) == (EXIT_STOPPED, "")
    assert err.startswith(f"newsclean{' batch' if argv[0] == 'batch' else ''}: error: the worker processes")
    assert "exited (status 1) before it was ready" in err and err.count("\n") == 1


# --- JSON lines and folder entries -------------------------------------------------------------


def test_a_json_line_with_a_non_finite_id_gives_a_strict_json_line(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_text('{"id": Infinity, "html": "x"}\n{"id": NaN, "html": "x"}\n{"id": 1e999, "html": "x"}\n'
                    '{"id": 1.5, "html": "x"}\n{"id": 7, "html": "x"}\n{"id": "a", "html": \n{"id": 8 "html": ""}\n')
    lines = [json.dumps(r.to_dict()) for r in clean_all(records([path]), processes=0)]

    got = [json.loads(line, parse_constant=_not_json) for line in lines]
    assert [line["id"] for line in got] == ["Infinity", "NaN", "Infinity", 1.5, 7, None, None]
    assert got[-1]["reason"] == "not a JSON line: Expecting ',' delimiter at column 10"
    assert got[-2]["reason"] == "not a JSON line: Expecting value at the end of the line"  # (not "line 2")


def test_a_dangling_link_in_a_folder_is_reported_and_a_good_link_read(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (tmp_path / "page.html").write_text(ARTICLE)
    (folder / "good.html").symlink_to(tmp_path / "page.html")
    (folder / "gone.html").symlink_to(tmp_path / "deleted.html")
    (folder / "loop").symlink_to(folder)  # a link back up is not followed
    results = [clean_record(r, Options()) for r in records([folder])]
    assert [(Path(str(r.id)).name, r.error) for r in results] == [("gone.html", "unreadable"), ("good.html", None)]
    assert results[0].reason == "cannot read: No such file or directory"


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_file_without_a_size_is_read_no_further_than_the_limit() -> None:
    """A pipe or device (``newsclean <(cmd)``) has no size to check before reading."""
    record = file_record(Path("/dev/zero"), max_bytes=1000)
    assert record.problem is not None and record.problem[0] == "too-large"


@pytest.mark.skipif(not os.path.exists("/dev/fd/0"), reason="needs /dev/fd")
@pytest.mark.parametrize("limit", [2**40, 2**62, sys.maxsize, sys.maxsize + 1])
def test_a_limit_far_beyond_the_input_reads_it(limit: int, tmp_path: Path) -> None:
    """``read(limit + 1)`` overflowed (``sys.maxsize``) or allocated the limit up front (a
    ``MemoryError`` at ``2**40``): a file, a gzipped file, a pipe and JSON Lines are read."""
    from newsclean.batch import stream_record

    page = tmp_path / "page.html"
    page.write_text(ARTICLE, "utf-8")
    zipped = tmp_path / "page.html.gz"
    zipped.write_bytes(gzip.compress(ARTICLE.encode()))
    assert file_record(page, max_bytes=limit).payload == ARTICLE.encode()
    assert file_record(zipped, max_bytes=limit).payload == ARTICLE.encode()
    line = json.dumps({"id": "a", "html": ARTICLE}).encode() + b"\n"
    for data, read in ((ARTICLE.encode(), lambda name, handle: file_record(Path(name), max_bytes=limit)),
                       (ARTICLE.encode(), lambda name, handle: stream_record(handle, "<stdin>", None, limit)),
                       (line, lambda name, handle: next(records(["-"], stdin=handle, max_bytes=limit)))):
        read_end, write_end = os.pipe()
        os.write(write_end, data)
        os.close(write_end)
        with open(read_end, "rb") as handle:
            record = read(f"/dev/fd/{read_end}", handle)
        assert record.problem is None and clean_record(record, Options()).document is not None
    assert clean_record(file_record(page, max_bytes=limit), Options(config=newsclean.Config(
        max_input_bytes=limit))).document is not None


@pytest.mark.skipif(not os.path.exists("/dev/fd/0"), reason="needs /dev/fd")
def test_a_stream_over_the_limit_is_still_too_large(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The look-alike: read in chunks (here of 7 bytes), a pipe one byte over the limit is too
    large and one at the limit is not."""
    import newsclean.batch as batch
    from newsclean.batch import read_at_most

    monkeypatch.setattr(batch, "_READ_CHUNK", 7)
    data = ARTICLE.encode()
    for limit, problem in ((len(data) - 1, "too-large"), (len(data), None), (len(data) + 1, None)):
        read_end, write_end = os.pipe()
        os.write(write_end, data)
        os.close(write_end)
        with open(read_end, "rb"):
            record = file_record(Path(f"/dev/fd/{read_end}"), max_bytes=limit)
        assert (record.problem or (None,))[0] == problem, limit
        assert len(read_at_most(io.BytesIO(data), limit)) == min(len(data), limit + 1)
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(data))
    assert file_record(tmp_path / "page.html.gz", max_bytes=len(data) - 1).problem is not None


@pytest.mark.skipif(sys.platform != "linux", reason="file names of any bytes: Linux")
def test_a_file_name_that_is_not_utf8_gives_a_valid_utf8_json_line(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    odd = folder / os.fsdecode(b"caf\xe9.html")  # (Python names it with the surrogate U+DCE9)
    odd.write_text(ARTICLE)
    (folder / "plain.html").write_text(ARTICLE)
    out = tmp_path / "out.jsonl"
    code, _, err = run(["batch", str(folder), "-j", "0", "-o", str(out)])
    assert code == EXIT_OK, err
    lines = out.read_text("utf-8").splitlines()  # (strict UTF-8)
    assert [json.loads(line)["id"] for line in lines] == [str(odd), str(folder / "plain.html")]
    assert "\\udce9" in lines[0] and '"title": "Budget approved"' in lines[1]  # the rest as itself


# --- a crawl or a dump given to the one-page command -----------------------------------------------


def test_the_main_command_reads_a_jsonl_file_by_its_name_record_by_record(tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    dump.write_text(json.dumps({"id": "a", "html": ARTICLE}) + "\n" + json.dumps({"id": "b", "text": "Home"}) + "\n")
    code, out, err = run(["--format", "jsonl", str(dump)])
    docs = [json.loads(line) for line in out.splitlines()]
    assert [d["title"] for d in docs] == ["Budget approved", None]  # not one page of JSON text
    assert code == 1 and err == ""  # (the second record has no article)
    # the look-alikes: a page in a file of another name is one page, as before
    page = tmp_path / "dump.json"
    page.write_text(ARTICLE)
    assert json.loads(run(["--format", "json", str(page)])[1])["title"] == "Budget approved"
    assert run(["--explain-html", str(tmp_path / "r.html"), str(dump)])[0] == EXIT_USAGE


def test_a_page_named_jsonl_is_one_error_not_one_per_line(tmp_path: Path) -> None:
    page = tmp_path / "page.jsonl"
    page.write_text(ARTICLE.replace("<p>", "\n<p>").replace("</h1>", "</h1>\n\n"), "utf-8")
    code, out, err = run(["batch", "-j", "0", str(page)])
    assert code == 3 and [json.loads(line)["source"] for line in out.splitlines()] == [f"{page}:1-4"]
    assert json.loads(out)["reason"] == "not JSON Lines: no line from 1 to 4 is JSON (line 1: Expecting value at column 1)"
    code, out, err = run([str(page)])
    assert (code, out) == (EXIT_UNREADABLE, "") and err.count("\n") == 1
    # the look-alikes: a bad line among JSON lines is its own error, and so is one bad first line
    good = json.dumps({"id": "a", "html": ARTICLE})
    page.write_text(f"{good}\n<p>oops\n{good}\n<p>oops\n", "utf-8")
    code, out, err = run(["batch", "-j", "0", str(page)])
    assert [json.loads(line)["source"] for line in out.splitlines()] == [f"{page}:{n}" for n in (1, 2, 3, 4)]
    page.write_text(f"<p>oops\n{good}\n", "utf-8")
    code, out, err = run(["batch", "-j", "0", str(page)])
    assert [json.loads(line).get("error") for line in out.splitlines()] == ["bad-json", None]
    assert json.loads(out.splitlines()[0])["reason"] == "not a JSON line: Expecting value at column 1"
    # several bad lines before a JSON line are one error each (the third review: they were one
    # record saying "no line from 1 to 2 is JSON", and the count of pages in fell by one)
    page.write_text(f"<p>oops\n{{bad\n{good}\n<p>oops\n", "utf-8")
    code, out, err = run(["batch", "-j", "0", str(page)])
    lines = [json.loads(line) for line in out.splitlines()]
    assert [(line["source"], line.get("error")) for line in lines] == [
        (f"{page}:1", "bad-json"), (f"{page}:2", "bad-json"), (f"{page}:3", None), (f"{page}:4", "bad-json")]
    assert "4 pages in" in err


@pytest.mark.skipif(not _has_fastwarc(), reason="the warc extra is not installed")
def test_the_main_command_reads_a_warc_file_by_its_name_record_by_record(tmp_path: Path) -> None:
    sys.path.insert(0, str(Path(__file__).parent.parent / "bench"))
    import warcfile

    warc = tmp_path / "crawl.warc.gz"
    with open(warc, "wb") as handle:
        warcfile.write(handle, [
            warcfile.warcinfo(),
            warcfile.response("https://example.org/a", ARTICLE.encode()),
            warcfile.response("https://example.org/gone", b"Not found", status="404 Not Found"),
        ])
    code, out, err = run([str(warc)])
    assert code == EXIT_OK
    assert out == "The city council approved the new budget on Tuesday after a long debate about the cost of " \
                  "repairing the old bridge over the river.\n"  # not the WARC's headers
    assert err == "newsclean: 1 WARC records skipped (status 1)\n"


# --- any JSON Lines file ------------------------------------------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text()
    | st.sampled_from([float("inf"), float("nan"), 10**400]),  # (what JSON's own writers emit)
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)
LINES = st.lists(st.one_of(
    st.binary(max_size=200).map(lambda b: b.replace(b"\n", b" ")),  # any bytes
    st.fixed_dictionaries({}, optional={"id": JSON_VALUES, "url": JSON_VALUES, "html": JSON_VALUES,
                                        "text": JSON_VALUES}).map(lambda d: json.dumps(d).encode()),
), max_size=6)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LINES)
def test_any_json_lines_give_one_valid_utf8_json_line_per_line(tmp_path_factory: pytest.TempPathFactory,
                                                              lines: list[bytes]) -> None:
    path = tmp_path_factory.mktemp("jsonl") / "dump.jsonl"
    path.write_bytes(b"".join(line + b"\n" for line in lines))
    results = [clean_record(r, Options()) for r in records([path])]
    read = [line for line in path.read_bytes().split(b"\n") if line.strip()]  # (a blank line is no record)
    # lines not JSON from the first to the end are one record; before a JSON line, one each
    expected = len(read) if any(_is_json(line) for line in read) else min(1, len(read))
    assert len(results) == expected
    for result in results:
        line = json_line(result.to_dict())
        line.encode("utf-8")  # (strict)
        assert json.loads(line, parse_constant=_not_json)["source"] == result.source


def _is_json(line: bytes) -> bool:
    try:
        json.loads(line)
    except (ValueError, RecursionError):
        return False
    return True


def _not_json(constant: str) -> None:
    raise AssertionError(f"not JSON: {constant}")


# --- the caller's own rules ---------------------------------------------------------------------


def _raises(ctx: Context) -> Iterator[Mark]:
    yield Mark(0)
    raise ValueError("my bug")


def _past_the_end(ctx: Context) -> Iterator[Mark]:
    return iter([Mark(len(ctx.blocks))])


def _from_the_end(ctx: Context) -> Iterator[Mark]:
    return iter([Mark(-1)])  # (a list index Python takes: the last block, which the rule did not mean)


def _first_line(ctx: Context) -> Iterator[Mark]:
    return (Mark(i) for i, block in enumerate(ctx.blocks) if block.text.startswith("PROMO"))


def _marking(*marks: Mark) -> Callable[[Context], Iterator[Mark]]:
    return lambda ctx: iter(marks)


@pytest.mark.parametrize(("apply", "detail"), [
    (_raises, "ValueError: my bug"),
    (_past_the_end, "it gave Mark(index=3, action='remove', value=None, pieces=()), not a Mark of one of the 3 blocks"),
    (_from_the_end, "it gave Mark(index=-1, action='remove', value=None, pieces=()), not a Mark of one of the 3 blocks"),
    (_marking(Mark(True)), "it gave Mark(index=True, action='remove', value=None, pieces=()), not a Mark of one of "
                           "the 3 blocks"),
    (_marking(Mark(0, "tags", None)), "it gave Mark(index=0, action='tags', value=None, pieces=()), a value that is "
                                      "not what the action 'tags' moves"),
    (_marking(Mark(0, "tags", "one")), "it gave Mark(index=0, action='tags', value='one', pieces=()), a value that "
                                       "is not what the action 'tags' moves"),
    (_marking(Mark(0, "title", 5)), "it gave Mark(index=0, action='title', value=5, pieces=()), a value that is not "
                                    "what the action 'title' moves"),
    (_marking(Mark(0, "delete")), "it gave Mark(index=0, action='delete', value=None, pieces=()), an action that is "
                                  "not one of authors, dates, related, remove, tags, title"),
    (_marking(Mark(0, pieces=(5,))),  # type: ignore[arg-type]
     "it gave Mark(index=0, action='remove', value=None, pieces=(5,)), pieces that are not a collection of strings"),
])
def test_a_failing_user_rule_is_named_as_the_callers(apply: object, detail: str) -> None:
    page = ("PROMO: a weekend at the sea\nThe council approved the budget on Tuesday after a long debate.\n"
            "Work on the old bridge over the river begins in the spring and lasts eighteen months.\n")
    config = newsclean.Config(extra_rules=(Rule("my-rule", "ads", "mine", apply),))  # type: ignore[arg-type]
    with pytest.raises(newsclean.RuleError) as caught:
        newsclean.clean(page, input_format="text", config=config)
    assert str(caught.value) == f"the rule 'my-rule' from Config.extra_rules failed on this page: {detail}"
    assert isinstance(caught.value, newsclean.NewscleanError) and not isinstance(caught.value, newsclean.InternalError)
    # in a batch, the page's error line says whose the failure is
    result = clean_record(Record(1, "page:1", page, input_format="text"), Options(config=config))
    assert (result.error, result.reason) == ("rule", str(caught.value))
    # the look-alike: a rule that marks the page's own blocks works as before
    good = newsclean.Config(extra_rules=(Rule("my-rule", "ads", "mine", _first_line),))
    doc = newsclean.clean(page, input_format="text", config=good)
    assert [(r.rule, r.text) for r in doc.removed] == [("my-rule", "PROMO: a weekend at the sea")]
    assert doc.paragraphs[0].startswith("The council approved")


class _Index:
    """An integer of another library's (numpy's ``int64``, say): not an ``int``, but an index."""

    def __init__(self, value: int) -> None:
        self.value = value

    def __index__(self) -> int:
        return self.value


numbers.Integral.register(_Index)


def test_a_user_rules_marks_of_every_action_and_an_index_of_another_library_work() -> None:
    """The look-alikes of the marks refused above: each action with the value it moves, pieces
    as a list, an index that is not an ``int`` but is one (``Mark(np.argmax(...))``)."""
    page = ("PROMO: a weekend at the sea\nThe council approved the budget on Tuesday after a long debate.\n"
            "Work on the old bridge over the river begins in the spring and lasts eighteen months.\n")
    marks = (Mark(_Index(0), "tags", ["sea", "weekend"], ["PROMO:", "a weekend at the sea"]),  # type: ignore[arg-type]
             Mark(0, "authors", ("Ann Lee",)), Mark(0, "related", Link("More", None)), Mark(0, "title", "A title"))
    for mark in marks:
        config = newsclean.Config(extra_rules=(Rule("my-rule", "ads", "mine", _marking(mark)),))
        doc = newsclean.clean(page, input_format="text", config=config)
        assert [r.rule for r in doc.removed] == ["my-rule"] * len(mark.pieces or "1")
        assert doc.paragraphs[0].startswith("The council approved")
    assert [r.text for r in doc.removed] == ["PROMO: a weekend at the sea"]
    config = newsclean.Config(extra_rules=(Rule("my-rule", "ads", "mine", _marking(marks[0])),))
    doc = newsclean.clean(page, input_format="text", config=config)
    assert (doc.tags, [r.text for r in doc.removed]) == (("sea", "weekend"), ["PROMO:", "a weekend at the sea"])


# --- the third review's findings -------------------------------------------------------------------


CYRILLIC_PAGE = ("<html><head><meta charset=windows-1251><title>\u041d\u043e\u0432\u043e\u0441\u0442\u0438</title>"
                 "</head><body><article><h1>\u041d\u043e\u0432\u043e\u0441\u0442\u0438 \u0434\u043d\u044f</h1>"
                 + "<p>\u0413\u043e\u0440\u043e\u0434\u0441\u043a\u043e\u0439 \u0441\u043e\u0432\u0435\u0442 "
                 "\u0443\u0442\u0432\u0435\u0440\u0434\u0438\u043b \u0431\u044e\u0434\u0436\u0435\u0442 "
                 "\u043d\u0430 \u0441\u043b\u0435\u0434\u0443\u044e\u0449\u0438\u0439 \u0433\u043e\u0434.</p>" * 4
                 + "</article></body></html>")


def test_a_callers_label_browsers_do_not_know_is_ignored() -> None:
    """A header's or a caller's label that only Python knows (``latin-1``, ``utf16``) is ignored
    as browsers ignore it: the page's own declaration decides. Mapping it to an encoding (as
    ``--encoding`` does for a name typed by hand) read a windows-1251 page as windows-1252 and a
    UTF-8 page as UTF-16 (the third review)."""
    cyrillic = newsclean.clean(CYRILLIC_PAGE.encode("cp1251"), encoding="latin-1")
    assert "\u0413\u043e\u0440\u043e\u0434\u0441\u043a\u043e\u0439 \u0441\u043e\u0432\u0435\u0442" in cyrillic.body
    assert "encoding: unknown label 'latin-1' from the caller ignored" in cyrillic.warnings
    for label in ("utf16", "utf-16-be", "u16"):
        doc = newsclean.clean(ARTICLE.encode(), encoding=label)
        assert doc.title == "Budget approved" and "city council" in doc.body
    # the look-alike: a label browsers know still wins over the page's declaration
    doc = newsclean.clean(CYRILLIC_PAGE.encode("cp1251"), encoding="iso-8859-1")
    assert "\u0413\u043e\u0440\u043e\u0434" not in doc.body


def test_a_pipe_whose_reader_is_gone_by_pollhup(monkeypatch: pytest.MonkeyPatch) -> None:
    """The BSDs and macOS say POLLHUP, not Linux's POLLERR, for a pipe whose reader is gone."""
    import select

    import newsclean.cli as cli

    class Poller:
        def __init__(self, events: int) -> None:
            self.events = events

        def register(self, fileno: int, mask: int) -> None:
            pass

        def poll(self, timeout: int) -> list[tuple[int, int]]:
            return [(1, self.events)]

    for events, gone in ((select.POLLHUP, True), (select.POLLERR, True), (select.POLLOUT, False)):
        monkeypatch.setattr(cli.select, "poll", lambda events=events: Poller(events))
        assert cli._pipe_without_reader(1) is gone


def test_batch_runs_where_no_temporary_folder_can_be_made(tmp_path: Path) -> None:
    """--glob is checked without a temporary folder (a read-only machine has none to give);
    an empty pattern is refused."""
    page = tmp_path / "page.html"
    page.write_text(ARTICLE, "utf-8")
    env = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}
    env["TMPDIR"] = str(tmp_path / "no-such-folder")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(Path(newsclean.__file__).parents[1]), env.get("PYTHONPATH")]))
    done = subprocess.run([sys.executable, "-m", "newsclean", "batch", str(page), "-j", "0"],
                          capture_output=True, env=env, timeout=120)
    assert done.returncode == EXIT_OK and json.loads(done.stdout)["title"] == "Budget approved", done.stderr
    code, out, err = run(["batch", str(page), "-j", "0", "--glob", ""])
    assert (code, out) == (EXIT_USAGE, "") and err.endswith("argument --glob: an empty pattern names no file\n")


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_one_ctrl_d_ends_a_page_typed_on_a_terminal() -> None:
    """Reading standard input in chunks (to stay under the size limit without allocating it) took
    a terminal's short read for more to come: a page typed or pasted on a terminal needed a
    second Ctrl-D (the fourth review). One ends it, as before."""
    master, slave = os.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "newsclean"], stdin=slave, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=_as_a_user_runs_it())
    os.close(slave)
    try:
        os.write(master, b"<p>The city council approved the budget on Tuesday after a long debate about "
                         b"the new harbour, the schools and the roads that the town needs.</p>\n")
        os.write(master, b"\x04")  # Ctrl-D at the start of a line: the end of input
        out, _ = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        pytest.fail("newsclean still waited for input after one Ctrl-D")
    finally:
        os.close(master)
    assert proc.returncode == EXIT_OK and b"The city council approved the budget" in out
