"""The hostile corpus through clean(): a sensible document or a clear error, fast, no reach out.

The corpus itself is built by tests/fixtures/hostile/generate.py (see its docstring). Time
bounds here are generous (a hang or a quadratic blow-up, not a slow machine, should fail them);
the n-versus-4n measurements that show linear time are in docs/robustness.md.
"""

from __future__ import annotations

import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import newsclean
from newsclean import Config
from newsclean.errors import InputError, InputTooLargeError, NewscleanError
from newsclean.rules import all_patterns

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "hostile"))
import generate  # noqa: E402

#: Seconds any single hostile input may take (the slowest takes about 2 s on the dev machine).
BOUND = 30.0


def _params() -> Iterator[object]:
    for case in generate.cases(large=False):
        yield pytest.param(case, id=case.name)


def _clean(case: generate.Case) -> newsclean.Document:
    # CPU time of this thread, not the wall clock: a machine busy with other work slows the
    # wall clock, never the work this input costs (the bound catches a blow-up, not a slow CI)
    start = time.thread_time()
    try:
        return newsclean.clean(case.data, encoding=case.encoding)
    finally:
        assert time.thread_time() - start < BOUND


@pytest.mark.parametrize("case", list(_params()))
def test_hostile_case(case: generate.Case) -> None:
    if case.expect == "error":
        with pytest.raises(InputError) as info:
            _clean(case)
        assert case.error in str(info.value)
        return
    doc = _clean(case)
    assert isinstance(doc, newsclean.Document)
    if case.expect == "empty":
        assert not doc.paragraphs
        assert any(w.startswith("empty:") for w in doc.warnings)
        return
    assert doc.paragraphs, doc.warnings
    for text in case.must_contain:
        assert text in doc.body
    dumped = doc.to_json()
    for text in case.must_not_contain:
        assert text not in dumped


def test_page_of_50_mb() -> None:
    case = generate.page_50mb()
    assert len(case.data) >= 50_000_000
    doc = _clean(case)
    assert case.must_contain[0] in doc.body


def test_encoding_choice_is_reported() -> None:
    data = generate._legacy_page("ru", None).encode("koi8_r")
    doc = newsclean.clean(data)
    assert doc.warnings[0] == "encoding: koi8-r (detected; no declaration)"


# --- size limit ------------------------------------------------------------------------------


@pytest.mark.parametrize("source", [b"x" * 2_000, "x" * 2_000, "é" * 600], ids=type)
def test_input_over_the_limit_is_refused(source: bytes | str) -> None:
    with pytest.raises(InputTooLargeError, match="max_input_bytes") as info:
        newsclean.clean(source, config=Config(max_input_bytes=1_000))
    assert isinstance(info.value, NewscleanError)


def test_input_at_the_limit_is_accepted() -> None:
    text = "A sentence of the article that is long enough to be kept as a paragraph. " * 10
    data = text.encode()
    doc = newsclean.clean(data, config=Config(max_input_bytes=len(data)))
    assert doc.paragraphs


# --- no reach outside ------------------------------------------------------------------------


@pytest.fixture
def listener() -> Iterator[tuple[int, list[bytes]]]:
    """A TCP server on loopback that records every connection it gets."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.settimeout(0.2)
    hits: list[bytes] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(1)
                try:
                    hits.append(conn.recv(4096))
                except OSError:
                    hits.append(b"")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield server.getsockname()[1], hits
    stop.set()
    thread.join(timeout=2)
    server.close()


def test_no_network_or_file_access_from_page_content(
    tmp_path: Path, listener: tuple[int, list[bytes]]
) -> None:
    port, hits = listener
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-FILE-CONTENT")
    dtd = tmp_path / "evil.dtd"
    dtd.write_text('<!ENTITY fromdtd "SECRET-FROM-DTD">')
    url = f"http://127.0.0.1:{port}"
    page = (
        f'<?xml version="1.0"?>\n'
        f'<!DOCTYPE html SYSTEM "{dtd.as_uri()}" [\n'
        f'  <!ENTITY localfile SYSTEM "{secret.as_uri()}">\n'
        f'  <!ENTITY remote SYSTEM "{url}/entity">\n'
        f'  <!ENTITY % param SYSTEM "{url}/param.dtd"> %param;\n'
        f"]>\n"
        f'<html><head><link rel="stylesheet" href="{url}/style.css">'
        f'<script src="{url}/app.js"></script></head><body>'
        f"<p>{generate.ARTICLE[0]} &localfile; &remote; &fromdtd;</p>"
        f'<p>{generate.ARTICLE[1]}</p><img src="{url}/pixel.gif">'
        f'<iframe src="{secret.as_uri()}"></iframe>'
        f'<object data="{url}/object"></object><xi:include href="{secret.as_uri()}"/>'
        f"</body></html>"
    )
    for source in (page, page.encode()):
        doc = newsclean.clean(source)
        dumped = doc.to_json()
        assert "SECRET-FILE-CONTENT" not in dumped
        assert "SECRET-FROM-DTD" not in dumped
        assert generate.ARTICLE[0][:60] in doc.body
    time.sleep(0.3)  # let a late connection show up before looking
    assert hits == []


def test_file_uri_as_source_string_is_text_not_a_path(tmp_path: Path) -> None:
    secret = tmp_path / "secret.html"
    secret.write_text("<p>SECRET-FILE-CONTENT</p>")
    for source in (secret.as_uri(), str(secret)):
        assert "SECRET-FILE-CONTENT" not in newsclean.clean(source).to_json()


# --- regular expressions ---------------------------------------------------------------------


#: CPU seconds one pattern may spend on one 100 KB string; a linear scan takes milliseconds.
PATTERN_BOUND = 2.0
#: Wall-clock seconds after which a match is stopped as runaway (well above PATTERN_BOUND so
#: that only a hang, not a loaded machine, reaches it).
WALL_STOP = 20.0


def _words(pattern: str) -> list[str]:
    import regex

    return sorted(set(regex.findall(r"[^\W\d_]{3,}", pattern)))[:3]


def _adversarial(pattern: str) -> Iterator[str]:
    """100 KB strings that make backtracking patterns slow: long runs of what ``*`` and ``+``
    consume (spaces, letters, digits, separators, the pattern's own words), ending in a
    character that makes the match fail."""
    size = 100_000
    for word in _words(pattern):
        unit = word + " "
        yield (unit * (size // len(unit)))[:size] + "\x00"
    for unit in (" ", "a", "1", "a ", "-", "\n", " |", "、"):
        yield unit * (size // len(unit)) + "\x00"


@pytest.mark.parametrize(("name", "pattern"), [pytest.param(name, p, id=name) for name, p in all_patterns()])
def test_rule_pattern_does_not_backtrack(name: str, pattern: object) -> None:
    import re

    import regex

    assert isinstance(pattern, regex.Pattern | re.Pattern)
    for text in _adversarial(pattern.pattern):
        start = time.thread_time()
        try:
            # finditer tries every position, as rules that scan a block do; it is the worst case
            # of search() and match() too. regex's timeout is wall-clock time, so it only stops
            # a runaway match (at WALL_STOP); the bound is on this thread's CPU time, which other
            # work on a busy machine does not inflate. (The small-print marks are searched with
            # the standard library's engine, which has no timeout: the bound alone judges them.)
            matches = (
                pattern.finditer(text, timeout=WALL_STOP)
                if isinstance(pattern, regex.Pattern)
                else pattern.finditer(text)
            )
            for _ in matches:
                pass
        except TimeoutError:
            pytest.fail(f"{name} ran over {WALL_STOP} s on {text[:12]!r}… ({len(text)} chars)")
        assert time.thread_time() - start < PATTERN_BOUND, name


# --- depth: no recursion, a typed error for anything unexpected -----------------------------


@pytest.mark.parametrize("case", [pytest.param(c, id=c.name) for c in generate.deep_nesting()])
def test_deep_nesting_is_walked_as_a_tree(case: generate.Case) -> None:
    """Up to the deepest tree libxml2 builds, the page is read as a tree (no flattening), so
    every walk over it (blocks, headline, dates, bylines, the text around the headline) runs."""
    doc = newsclean.clean(case.data)
    assert not [w for w in doc.warnings if w.startswith("html:")]
    for text in case.must_contain:
        assert text in doc.body


#: Functions that call themselves, and why that is safe: they walk the parse trees of the
#: package's own regular expressions (fixed, shallow), not a page.
_RECURSION_ALLOWED = {
    # the prefilter reads the parse trees of our own phrase patterns, never page data
    ("prefilter.py", "_required"),
    ("config.py", "replace"),  # Config.replace calls dataclasses.replace, imported as replace
}


def test_no_function_calls_itself() -> None:
    """No recursion over the tree or over JSON: a page may nest 2,048 elements (or any depth of
    JSON) and Python's recursion limit is 1,000."""
    import ast

    package = Path(newsclean.__file__).parent
    found = set()
    for path in package.rglob("*.py"):
        rel = path.relative_to(package).as_posix()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for sub in ast.walk(node):
                    if isinstance(sub, ast.Call):
                        func = sub.func
                        direct = isinstance(func, ast.Name) and func.id == node.name
                        method = (
                            isinstance(func, ast.Attribute)
                            and func.attr == node.name
                            and isinstance(func.value, ast.Name)
                            and func.value.id in ("self", "cls")
                        )
                        if direct or method:
                            found.add((rel, node.name))
    assert found - _RECURSION_ALLOWED == set()


@pytest.mark.parametrize("depth", [1_000, 2_048, 5_000])
def test_deeply_nested_json_ld_gives_a_document(depth: int) -> None:
    script = '<script type="application/ld+json">' + "[" * depth + "{}" + "]" * depth + "</script>"
    page = generate._page(generate._article_html(), head=script).encode()
    doc = newsclean.clean(page)  # the JSON-LD reader skips what is too deep, with a warning
    assert generate.ARTICLE[0][:60] in doc.body
    assert any(w.startswith("json-ld:") for w in doc.warnings)


def test_unexpected_failure_becomes_internal_error_naming_the_stage(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsclean.blocks import html as html_blocks
    from newsclean.meta import tree

    page = generate._page("<h1>Budget approved</h1>" + generate._article_html()).encode()

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(tree, "squash", broken)
    with pytest.raises(newsclean.InternalError) as info:
        newsclean.clean(page)
    assert info.value.stage == "metadata"
    assert "ZeroDivisionError: boom" in str(info.value)
    assert isinstance(info.value.__cause__, ZeroDivisionError)
    monkeypatch.undo()
    monkeypatch.setattr(html_blocks, "_walk", broken)
    with pytest.raises(newsclean.InternalError) as info:
        newsclean.clean(page)
    assert info.value.stage == "blocks"
    assert isinstance(info.value, NewscleanError)
