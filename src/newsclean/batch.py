"""Many pages: read records from files, folders, JSONL and WARC/WET, clean them in worker
processes, and get one result per record back, nothing lost.

::

    from newsclean.batch import records, clean_all

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

import dataclasses
import gzip
import json
import multiprocessing
import os
import time
import zlib
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import IO, Any, BinaryIO, cast

from newsclean.api import InputFormat, clean
from newsclean.config import Config
from newsclean.document import Document
from newsclean.errors import InputError, InputTooLargeError, InternalError, NewscleanError

#: Why a record gave no document (``Result.error``); ``Result.reason`` says more.
ERROR_KINDS = {
    "unreadable": "the file could not be opened or read",
    "bad-json": "a JSONL line that is not a JSON object",
    "wrong-field": "a JSONL record without a string 'html' or 'text' field (or the --field asked for)",
    "undecodable": "the page could not be read as HTML or text (binary, an image, a PDF)",
    "too-large": "the page is over Config.max_input_bytes",
    "internal": "an unexpected failure inside clean() on this page (InternalError: a bug)",
    "worker-died": "the worker process died twice while cleaning this page (killed, crashed)",
    "timeout": "cleaning the page took longer than the time allowed, twice",
}

#: File name endings read as JSON Lines and as WARC (or WET) files; anything else is one page.
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
WARC_SUFFIXES = (".warc", ".warc.gz", ".wet", ".wet.gz")

#: Bytes a JSON line may hold beyond ``Config.max_input_bytes``: its quoting and other fields.
_JSON_LINE_SLACK = 1 << 16
_READ_CHUNK = 1 << 20


@dataclass(frozen=True)
class Record:
    """One page to clean and where it came from.

    ``id`` is the JSONL record's ``id``, the WARC-Record-ID, or the file's path; ``source`` is
    the path, ``path:LINE`` for a JSONL line, or ``path@OFFSET`` for a WARC record; ``payload``
    is the page (``bytes`` as stored, or ``str`` from JSON); ``charset`` the HTTP header's, for
    the decoder. ``problem`` is set (and ``payload`` is ``None``) when the record could not be
    read: ``(kind, reason)`` with a kind from :data:`ERROR_KINDS`.
    """

    id: object
    source: str
    payload: str | bytes | None
    url: str | None = None
    charset: str | None = None
    input_format: InputFormat | None = None  # None: the run's setting
    problem: tuple[str, str] | None = None


@dataclass(frozen=True)
class Result:
    """What one record gave: a :class:`Document`, or an error kind and its reason."""

    id: object
    source: str
    url: str | None
    document: Document | None = None
    error: str | None = None
    reason: str | None = None
    attempts: int = 1

    def to_dict(self) -> dict[str, Any]:
        """``id`` and ``source``, then the document's fields, or ``url``, ``error`` and ``reason``."""
        if self.document is not None:
            return {"id": self.id, "source": self.source, **self.document.to_dict()}
        return {"id": self.id, "source": self.source, "url": self.url, "error": self.error,
                "reason": self.reason}


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
            yield from _jsonl_records(stdin, "<stdin>", field, url, max_bytes)
            continue
        path = Path(name)
        if path.is_dir():
            for child in sorted(p for p in path.rglob(glob) if p.is_file()):
                yield from _file_records(child, field, jsonl, url, max_bytes, skipped)
        else:
            yield from _file_records(path, field, jsonl, url, max_bytes, skipped)


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
    """The file at ``path`` as one page (a ``too-large`` or ``unreadable`` record if it must be)."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return Record(name, name, None, url, problem=(
                "too-large", f"{size:,} bytes, over the limit of {max_bytes:,} (Config.max_input_bytes)"))
        return Record(name, name, path.read_bytes(), url)
    except OSError as error:
        reason = f"cannot read: {error.strerror or error}"
        return Record(name, name, None, url, problem=("unreadable", reason))


def _lines(handle: IO[bytes], limit: int) -> Iterator[bytes | None]:
    """The lines of ``handle``; ``None`` for a line over ``limit`` bytes (skipped unread)."""
    while True:
        line = handle.readline(limit + 1)
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
    limit = max_bytes + _JSON_LINE_SLACK
    for number, line in enumerate(_lines(handle, limit), 1):
        where = f"{name}:{number}"
        if line is None:
            yield Record(None, where, None, url, problem=(
                "too-large", f"a JSON line over {limit:,} bytes (Config.max_input_bytes and slack)"))
            continue
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except (ValueError, RecursionError) as error:  # RecursionError: arrays nested 1,000 deep
            yield Record(None, where, None, url, problem=("bad-json", f"not a JSON line: {error}"))
            continue
        if not isinstance(data, dict):
            yield Record(None, where, None, url, problem=("bad-json", "a JSON line must hold an object"))
            continue
        record_id = data.get("id")
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


# --- cleaning ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Options:
    """How every record of a run is cleaned (sent once to each worker)."""

    config: Config = field(default_factory=Config)
    input_format: InputFormat = "auto"
    encoding: str | None = None


def clean_record(record: Record, options: Options) -> Result:
    """Clean one record; every failure becomes an error :class:`Result`, none is raised."""
    if record.problem is not None or record.payload is None:
        kind, reason = record.problem or ("unreadable", "no content")
        return Result(record.id, record.source, record.url, error=kind, reason=reason)
    input_format = options.input_format
    if record.input_format is not None and input_format == "auto":
        input_format = record.input_format
    try:
        doc = clean(record.payload, url=record.url, input_format=input_format, config=options.config,
                    encoding=record.charset or options.encoding)
    except InputTooLargeError as error:
        return Result(record.id, record.source, record.url, error="too-large", reason=str(error))
    except InternalError as error:
        return Result(record.id, record.source, record.url, error="internal", reason=str(error))
    except InputError as error:
        return Result(record.id, record.source, record.url, error="undecodable", reason=str(error))
    except NewscleanError as error:  # ConfigError: the same for every record, but one line each
        return Result(record.id, record.source, record.url, error="internal", reason=str(error))
    return Result(record.id, record.source, record.url, document=doc)


#: Records sent ahead to each worker: one it cleans and one waiting, so it never idles on the pipe.
_IN_FLIGHT_PER_WORKER = 2
#: Results held for reordering, per worker: bounds memory when one page is slow.
_REORDER_PER_WORKER = 32
#: A small page every worker cleans once at start, so the first real page pays no warm-up.
_WARM_PAGE = (
    "<html><head><title>Warm up</title></head><body><h1>Warm up</h1><p>By A. Writer, May 5, 2024</p>"
    "<p>The council approved the budget on Tuesday after a long debate about the cost of the bridge.</p>"
    "<p>Share this article. Subscribe to our newsletter. Read more: other stories.</p></body></html>"
)

CleanFunction = Callable[[Record, Options], Result]


def _worker_main(conn: Connection, options: Options, function: CleanFunction) -> None:
    """A worker process: warm up once, then clean records until told to stop (``None``)."""
    try:
        clean(_WARM_PAGE, config=options.config)
    except NewscleanError:
        pass
    conn.send((None, None))  # ready: the parent starts the timeout clock from here
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        seq, record = message
        try:
            result = function(record, options)
        except Exception as error:  # noqa: BLE001 - a record must give a result whatever happens
            result = Result(record.id, record.source, record.url, error="internal",
                            reason=f"{type(error).__name__}: {error}")
        conn.send((seq, result))


@dataclass
class _Task:
    seq: int
    record: Record
    attempts: int = 0


@dataclass
class _Worker:
    process: Any
    conn: Connection
    tasks: deque[_Task] = field(default_factory=deque)
    ready: bool = False  # warmed up (until then its start-up does not count against the timeout)
    started: float = 0.0  # when the first task in ``tasks`` began


@dataclass
class Stats:
    """What happened to the workers during a run (for the caller's summary and for tests)."""

    restarts: int = 0
    retried: int = 0


def clean_all(
    items: Iterable[Record],
    *,
    processes: int | None = None,
    ordered: bool = True,
    options: Options | None = None,
    timeout: float | None = None,
    function: CleanFunction = clean_record,
    stats: Stats | None = None,
) -> Iterator[Result]:
    """One :class:`Result` per record of ``items``, cleaned by ``processes`` worker processes
    (``None``: one per CPU; ``0``: in this process, no workers).

    Results come in input order, or as they are ready with ``ordered=False``. At most a few
    records per worker are in flight and at most :data:`_REORDER_PER_WORKER` per worker wait
    for reordering, so memory does not grow with the input. A worker that dies or takes longer
    than ``timeout`` seconds on one record is killed and replaced; the record is tried once
    more, then reported as ``worker-died`` or ``timeout``. ``function`` runs on each record in
    the workers (a module-level function: it is sent to them by name).
    """
    options = options or Options()
    stats = stats if stats is not None else Stats()
    if processes is None:
        processes = os.cpu_count() or 1
    if processes <= 0:
        for record in items:
            yield function(record, options)
        return
    yield from _Pool(processes, options, function, timeout, stats).run(iter(items), ordered)


class _Pool:
    """Worker processes each fed over its own pipe, so the parent knows which record each one
    holds when it dies."""

    def __init__(self, size: int, options: Options, function: CleanFunction, timeout: float | None,
                 stats: Stats) -> None:
        self.context = multiprocessing.get_context("spawn")  # no inherited threads or locks
        self.size, self.options, self.function = size, options, function
        self.timeout, self.stats = timeout, stats
        self.workers: list[_Worker] = []

    def _start(self) -> _Worker:
        parent, child = self.context.Pipe()
        process = self.context.Process(
            target=_worker_main, args=(child, self.options, self.function), daemon=True,
            name="newsclean-worker",
        )
        process.start()
        child.close()
        return _Worker(process, parent)

    def run(self, items: Iterator[Record], ordered: bool) -> Iterator[Result]:
        self.workers = [self._start() for _ in range(self.size)]
        try:
            yield from self._loop(items, ordered)
        finally:
            for worker in self.workers:
                try:
                    worker.conn.send(None)
                except OSError:
                    pass
            for worker in self.workers:
                worker.process.join(timeout=5)
                if worker.process.is_alive():
                    worker.process.kill()
                    worker.process.join()
                worker.conn.close()

    def _loop(self, items: Iterator[Record], ordered: bool) -> Iterator[Result]:
        retry: deque[_Task] = deque()
        done: dict[int, Result] = {}
        next_out = 0  # the next sequence number to yield (ordered)
        next_in = 0  # the next sequence number to read
        exhausted = False
        window = self.size * _REORDER_PER_WORKER
        while True:
            # Feed every worker up to its share, retries first.
            for worker in self.workers:
                while len(worker.tasks) < _IN_FLIGHT_PER_WORKER:
                    if retry:
                        task = retry.popleft()
                    elif exhausted or (ordered and next_in >= next_out + window):
                        break
                    else:
                        record = next(items, None)
                        if record is None:
                            exhausted = True
                            break
                        task = _Task(next_in, record)
                        next_in += 1
                        if record.problem is not None:  # nothing to clean: answer here
                            done[task.seq] = self.function(record, self.options)
                            continue
                    self._send(worker, task)
            if ordered:
                while next_out in done:
                    yield done.pop(next_out)
                    next_out += 1
            else:
                while done:
                    yield done.popitem()[1]
            busy = [w for w in self.workers if w.tasks]
            if not busy:
                if exhausted and not retry:
                    return
                continue
            self._collect(busy, done, retry)

    def _send(self, worker: _Worker, task: _Task) -> None:
        if not worker.tasks:  # an idle worker starts on it now
            worker.started = time.monotonic()
        worker.tasks.append(task)
        try:
            worker.conn.send((task.seq, task.record))
        except OSError:
            pass  # a dead worker: its sentinel reports it and the task is retried

    def _collect(self, busy: list[_Worker], done: dict[int, Result], retry: deque[_Task]) -> None:
        """Wait for results or deaths; take what arrived."""
        waits: list[Any] = [w.conn for w in busy] + [w.process.sentinel for w in busy]
        remaining = None
        timed = [w for w in busy if w.ready]
        if self.timeout is not None and timed:
            now = time.monotonic()
            remaining = max(0.0, min(w.started + self.timeout - now for w in timed))
        ready = set(wait(waits, timeout=remaining))
        for worker in busy:
            if worker.conn in ready:
                try:
                    while worker.conn.poll():
                        seq, result = worker.conn.recv()
                        worker.started = time.monotonic()
                        if seq is None:
                            worker.ready = True
                            continue
                        task = worker.tasks.popleft()
                        assert task.seq == seq, "a worker answers in order"
                        done[seq] = _with_attempts(result, task.attempts + 1)
                except (EOFError, OSError):
                    worker.process.join(timeout=5)
                    self._replace(worker, done, retry, "worker-died", _death(worker.process))
                    continue
            if worker.process.sentinel in ready and not worker.process.is_alive():
                self._replace(worker, done, retry, "worker-died", _death(worker.process))
            elif (self.timeout is not None and worker.ready and worker.tasks
                  and time.monotonic() - worker.started >= self.timeout):
                worker.process.kill()
                worker.process.join()
                self._replace(worker, done, retry, "timeout",
                              f"no result after {self.timeout:g} seconds; the worker was killed")

    def _replace(self, worker: _Worker, done: dict[int, Result], retry: deque[_Task], kind: str,
                 why: str) -> None:
        """Start a new worker in place of ``worker``; its first task (the one it was cleaning)
        is retried once, then reported; the tasks queued behind it are sent again as they were."""
        try:  # results it sent before it died still count
            while worker.tasks and worker.conn.poll():
                seq, result = worker.conn.recv()
                if seq is None:
                    continue
                task = worker.tasks.popleft()
                done[seq] = _with_attempts(result, task.attempts + 1)
        except (EOFError, OSError):
            pass
        worker.conn.close()
        worker.process.join(timeout=5)
        self.stats.restarts += 1
        tasks = list(worker.tasks)
        if tasks:
            first = tasks[0]
            first.attempts += 1
            if first.attempts > 1:
                record = first.record
                done[first.seq] = Result(record.id, record.source, record.url, error=kind,
                                         reason=f"{why}, twice", attempts=first.attempts)
                tasks = tasks[1:]
            else:
                self.stats.retried += 1
        retry.extend(tasks)
        new = self._start()
        index = self.workers.index(worker)
        self.workers[index] = new


def _death(process: Any) -> str:
    code = process.exitcode
    if code is not None and code < 0:
        return f"the worker process died (signal {-code})"
    return f"the worker process exited (status {code})"


def _with_attempts(result: Result, attempts: int) -> Result:
    if attempts == 1:
        return result
    return dataclasses.replace(result, attempts=attempts)


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
