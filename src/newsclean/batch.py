"""Many pages: read records from files, folders, JSONL and WARC/WET, clean them in worker
processes, and get one result per record back, nothing lost.

::

    from newsclean.batch import records, clean_all

    if __name__ == "__main__":  # (the worker processes import this script again)
        for result in clean_all(records(["crawl.warc.gz", "dump.jsonl", "pages/"]), processes=4):
            if result.document is not None:
                print(result.id, result.document.title)
            else:
                print(result.id, "failed:", result.error, result.reason)

:func:`records` streams one :class:`Record` per page and never reads a whole JSONL or WARC file
into memory; :func:`clean_all` yields one :class:`Result` per record (a document, or an error
with its reason), in input order unless ``ordered=False``. A worker process that dies (a crash
in a C library, the out-of-memory killer, ``kill -9``) is replaced; the record it was cleaning
is tried once more, then reported as an error. Nothing here prints: progress and summaries are
the caller's (the ``newsclean batch`` command's).
"""

from __future__ import annotations

import gzip
import json
import os
import sys
import zlib
from collections import Counter
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, BinaryIO, cast

from newsclean.api import InputFormat
from newsclean.config import Config
from newsclean.errors import ConfigError, WorkerStartError
from newsclean.record import (
    ERROR_KINDS,
    CleanFunction,
    Options,
    Record,
    Result,
    Stats,
    clean_record,
)

__all__ = [
    "ERROR_KINDS",
    "CleanFunction",
    "Options",
    "Record",
    "Result",
    "Stats",
    "Summary",
    "WorkerStartError",
    "clean_all",
    "clean_record",
    "file_record",
    "records",
    "stream_record",
]

#: File name endings read as JSON Lines and as WARC (or WET) files; anything else is one page.
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
WARC_SUFFIXES = (".warc", ".warc.gz", ".wet", ".wet.gz")

#: Bytes a JSON line may hold beyond ``Config.max_input_bytes``: its quoting and other fields.
_JSON_LINE_SLACK = 1 << 16
_READ_CHUNK = 1 << 20


# --- reading ----------------------------------------------------------------------------------


def records(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    glob: str = "*",
    field: str | None = None,
    stdin: BinaryIO | None = None,
    jsonl: bool = False,
    url: str | None = None,
    max_bytes: int = Config().max_input_bytes,
    skipped: Counter[str] | None = None,
) -> Iterator[Record]:
    """One :class:`Record` per page in ``inputs``, streamed.

    Each input is a file, a folder (its files matching ``glob``, recursively, in name order) or
    ``-`` (JSON Lines on ``stdin``). A file is read by its name: JSON Lines (``.jsonl``,
    ``.ndjson``, optionally ``.gz``; or any file when ``jsonl`` is true), WARC or WET
    (``.warc``, ``.warc.gz``, ``.wet``, ``.wet.gz``; needs the ``warc`` extra), else one page.
    A JSON line holds the page in ``field`` (default ``html``, else ``text``), with optional
    ``id`` and ``url``. WARC response records with an HTML body and status 200 are pages, WET
    conversion records are text; the rest is counted in ``skipped`` (``not-html``,
    ``status``) and left out. ``url`` is every page's URL when the input names none.
    """
    for item in inputs:
        name = os.fspath(item)
        if name == "-":
            if stdin is None:
                raise ValueError("'-' needs a stdin stream")
            try:  # (a read that fails is the input's problem, not the output's)
                yield from _jsonl_records(stdin, "<stdin>", field, url, max_bytes)
            except OSError as error:
                yield Record("<stdin>", "<stdin>", None, url, problem=(
                    "unreadable", f"cannot read (from here on): {error.strerror or error}"))
            continue
        path = Path(name)
        if path.is_dir():
            for child in sorted(p for p in path.rglob(glob) if p.is_file() or _dangling(p)):
                yield from _file_records(child, field, jsonl, url, max_bytes, skipped)
        else:
            yield from _file_records(path, field, jsonl, url, max_bytes, skipped)


def _dangling(path: Path) -> bool:
    """A symbolic link to nothing: read (and reported unreadable), not passed over in silence."""
    return path.is_symlink() and not path.exists()


def _file_records(
    path: Path, field: str | None, jsonl: bool, url: str | None, max_bytes: int, skipped: Counter[str] | None
) -> Iterator[Record]:
    name = str(path)
    lower = name.lower()
    # A file that breaks off (a truncated gzip member, a corrupt WARC record) gives the records
    # read so far and one "unreadable" record for the rest.
    try:
        if lower.endswith(WARC_SUFFIXES):
            try:
                from newsclean import warc  # the optional extra, imported only when needed
            except ImportError as error:
                yield Record(name, name, None, url, problem=("unreadable", str(error)))
                return
            yield from warc.warc_records(path, max_bytes=max_bytes, skipped=skipped)
            return
        if jsonl or lower.endswith(JSONL_SUFFIXES):
            handle = cast(IO[bytes], gzip.open(path, "rb") if lower.endswith(".gz") else open(path, "rb"))
            with handle:
                yield from _jsonl_records(handle, name, field, url, max_bytes)
            return
    except (OSError, EOFError, zlib.error) as error:
        reason = getattr(error, "strerror", None) or error
        yield Record(name, name, None, url, problem=("unreadable", f"cannot read (from here on): {reason}"))
        return
    yield file_record(path, url, max_bytes)


def file_record(path: Path, url: str | None = None, max_bytes: int = Config().max_input_bytes) -> Record:
    """The file at ``path`` as one page (a ``too-large`` or ``unreadable`` record if it must be);
    a name ending in ``.gz`` is gunzipped (saved pages often are)."""
    name = str(path)
    try:
        if name.lower().endswith(".gz"):
            with gzip.open(path, "rb") as zipped:
                return stream_record(cast(IO[bytes], zipped), name, url, max_bytes)
        with open(path, "rb") as handle:
            if os.fstat(handle.fileno()).st_size > max_bytes:
                return _too_large(name, url, max_bytes)
            # (a pipe or device has no size to check first, and a file may grow after it)
            return stream_record(handle, name, url, max_bytes)
    except (OSError, EOFError, zlib.error) as error:  # (opening or closing it)
        return _unreadable(name, url, error)


def stream_record(handle: IO[bytes], name: str, url: str | None, max_bytes: int) -> Record:
    """An open stream (a file, standard input, a pipe, a gunzipping reader) as one page named
    ``name``, read no further than one byte past ``max_bytes`` (a ``too-large`` or ``unreadable``
    record if it must be)."""
    try:
        data = read_at_most(handle, max_bytes)
    except (OSError, EOFError, zlib.error) as error:
        return _unreadable(name, url, error)
    if len(data) > max_bytes:
        return _too_large(name, url, max_bytes)
    return Record(name, name, data, url)


def _too_large(name: str, url: str | None, max_bytes: int) -> Record:
    return Record(name, name, None, url, problem=(
        "too-large", f"over the limit of {max_bytes:,} bytes (Config.max_input_bytes)"))


def _unreadable(name: str, url: str | None, error: BaseException) -> Record:
    reason = f"cannot read: {getattr(error, 'strerror', None) or error}"
    return Record(name, name, None, url, problem=("unreadable", reason))


def read_at_most(handle: IO[bytes], limit: int) -> bytes:
    """``handle`` read to its end or to one byte past ``limit``, whichever comes first (more
    than ``limit`` bytes: too large). Read in chunks: ``read(limit + 1)`` would allocate the
    limit up front (a ``MemoryError`` at ``2**40``) or overflow (``sys.maxsize``)."""
    chunks: list[bytes] = []
    left = limit + 1
    while left > 0:
        want = min(left, _READ_CHUNK)
        chunk = handle.read(want)
        chunks.append(chunk)
        left -= len(chunk)
        if len(chunk) < want:
            # a buffered reader (a file, a pipe, gzip) returns less only at its end; a terminal
            # returns what was typed before Ctrl-D, which must end the input, not wait for another
            break
    return b"".join(chunks)


def _lines(handle: IO[bytes], limit: int) -> Iterator[bytes | None]:
    """The lines of ``handle``; ``None`` for a line over ``limit`` bytes (skipped unread)."""
    size = min(limit + 1, sys.maxsize)  # (readline takes no more: a larger limit is none)
    while True:
        line = handle.readline(size)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := handle.readline(_READ_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield None
            continue
        yield line


def _jsonl_records(
    handle: IO[bytes], name: str, field: str | None, url: str | None, max_bytes: int
) -> Iterator[Record]:
    """The records of JSON Lines. Lines that are not JSON from the first to the end (a page, or
    another format, named ``.jsonl``) are one ``bad-json`` record for the run, not one per line;
    bad lines before a JSON line are one record each, as every bad line after one is (a run
    longer than :data:`_LEADING_RUN_MAX` lines is one record whatever follows it)."""
    limit = max_bytes + _JSON_LINE_SLACK
    first: tuple[int, str] | None = None  # the first line, when it is not JSON, and what is wrong
    last = 0  # the last line of the run not JSON that it starts
    leading: list[tuple[int, str]] = []  # the run's lines and problems, up to _LEADING_RUN_MAX
    started = False  # a line that is JSON (or too long to tell) was read
    for number, line in enumerate(_lines(handle, limit), 1):
        where = f"{name}:{number}"
        if line is not None and not line.strip():
            continue
        try:
            data = None if line is None else json.loads(line)
        except (ValueError, RecursionError) as error:  # RecursionError: arrays nested 1,000 deep
            if not started:
                first, last = first or (number, _json_problem(error)), number
                if len(leading) <= _LEADING_RUN_MAX:
                    leading.append((number, _json_problem(error)))
                continue
            problem = f"not a JSON line: {_json_problem(error)}"
            yield Record(None, where, None, url, problem=("bad-json", problem))
            continue
        if not started and first is not None:
            if len(leading) > _LEADING_RUN_MAX:
                yield _not_json_lines(name, first, last, url)
            else:
                for bad, problem in leading:
                    yield Record(None, f"{name}:{bad}", None, url,
                                 problem=("bad-json", f"not a JSON line: {problem}"))
            leading.clear()
        started = True
        if line is None:
            yield Record(None, where, None, url, problem=(
                "too-large", f"a JSON line over {limit:,} bytes (Config.max_input_bytes and slack)"))
            continue
        if not isinstance(data, dict):
            yield Record(None, where, None, url, problem=("bad-json", "a JSON line must hold an object"))
            continue
        record_id = _strict_json(data.get("id"))
        record_url = data["url"] if isinstance(data.get("url"), str) else url
        key = field or ("html" if "html" in data else "text")
        content = data.get(key)
        if not isinstance(content, str):
            got = "missing" if content is None else f"a {type(content).__name__}"
            yield Record(record_id, where, None, record_url, problem=(
                "wrong-field", f"the field {key!r} must be a string ({got})"))
            continue
        fmt: InputFormat | None = "text" if key == "text" and field is None else None
        yield Record(record_id, where, content, record_url, input_format=fmt)
    if not started and first is not None:
        yield _not_json_lines(name, first, last, url)


#: Bad lines at a JSON Lines file's start reported one by one once a JSON line follows them; a
#: longer run is one record (a page or another format named ``.jsonl``: one error, not thousands).
_LEADING_RUN_MAX = 1000


def _not_json_lines(name: str, first: tuple[int, str], last: int, url: str | None) -> Record:
    """The one record of the lines that are not JSON from the first on: ``first`` (its number
    and what is wrong with it) to ``last``."""
    number, problem = first
    if last == number:
        return Record(None, f"{name}:{number}", None, url,
                      problem=("bad-json", f"not a JSON line: {problem}"))
    return Record(None, f"{name}:{number}-{last}", None, url, problem=(
        "bad-json", f"not JSON Lines: no line from {number} to {last} is JSON (line {number}: {problem})"))


def _strict_json(value: object) -> object:
    """A JSON line's ``id``, which its output line repeats: as it is, or, when it holds what
    strict JSON has not (``Infinity``, ``NaN``, which Python's reader takes), as its JSON text
    (``"Infinity"``, ``"[1, NaN]"``), so the output line is JSON."""
    if isinstance(value, (str, int)) or value is None:
        return value
    try:
        json.dumps(value, allow_nan=False)
    except ValueError:
        return json.dumps(value)
    return value


def _json_problem(error: Exception) -> str:
    """What is wrong with a JSON line, placed by its column (the line is one JSON text; the
    parser's "line 2" would name the line's own end)."""
    if isinstance(error, json.JSONDecodeError):
        if error.pos >= len(error.doc.rstrip("\r\n")):
            return f"{error.msg} at the end of the line"
        return f"{error.msg} at column {error.pos + 1}"
    return str(error)


# --- cleaning ---------------------------------------------------------------------------------


def clean_all(
    items: Iterable[Record],
    *,
    processes: int | None = None,
    ordered: bool = True,
    options: Options | None = None,
    timeout: float | None = None,
    function: CleanFunction = clean_record,
    stats: Stats | None = None,
) -> Generator[Result, None, None]:
    """One :class:`Result` per record of ``items``, cleaned by ``processes`` worker processes
    (``None``: one per CPU; ``0``: in this process, no workers, as inside a daemon process).

    Results come in input order, or as they are ready with ``ordered=False``. At most a few
    records per worker are in flight and a bounded number wait for reordering
    (:mod:`newsclean.workers`), so memory does not grow with the input. A worker that dies or
    takes longer than ``timeout`` seconds on one record is killed and replaced; the record is
    tried once more, then reported as ``worker-died`` or ``timeout``. ``function`` runs on each
    record in the workers (a module-level function: it is sent to them by name). The workers
    ignore Ctrl-C: the caller gets ``KeyboardInterrupt`` and closing the generator stops them.
    When the first worker ends before it is ready (most often a script that calls this at its
    top level, without ``if __name__ == "__main__":``), it raises :class:`WorkerStartError`.
    """
    if timeout is not None and not timeout > 0:  # (NaN too: it would never time out, and spin)
        raise ConfigError(f"timeout must be a positive number of seconds or None, not {timeout!r}")
    options = options or Options()
    stats = stats if stats is not None else Stats()
    if processes is None:
        processes = os.cpu_count() or 1
    if processes > 0:
        import multiprocessing  # (here: a one-page CLI call never starts workers)

        if multiprocessing.current_process().daemon:
            processes = 0  # a daemon process (a worker of another pool) may not start processes
    if processes <= 0:
        for record in items:
            yield function(record, options)
        return
    from newsclean.workers import Pool  # only a run with worker processes needs them

    yield from Pool(processes, options, function, timeout, stats).run(iter(items), ordered)


# --- summary ----------------------------------------------------------------------------------


@dataclass
class Summary:
    """Counts for the one-line summary at the end of a run."""

    pages: int = 0
    documents: int = 0
    empty: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)

    def add(self, result: Result) -> None:
        self.pages += 1
        if result.document is None:
            self.errors[result.error or "internal"] += 1
        else:
            self.documents += 1
            if not result.document.paragraphs:
                self.empty += 1

    def line(self) -> str:
        """``10000 pages in, 9990 documents out (12 empty), 10 errors (bad-json 4, …), 3 skipped (…)``"""
        def detail(counts: Counter[str]) -> str:
            return " (" + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) + ")" if counts else ""

        errors = sum(self.errors.values())
        text = (f"{self.pages} pages in, {self.documents} documents out ({self.empty} empty), "
                f"{errors} errors{detail(self.errors)}")
        if self.skipped:
            text += f", {sum(self.skipped.values())} skipped{detail(self.skipped)}"
        return text
