"""The ``newsclean`` command: a filter from page (HTML or scraped text) to article.

A thin layer over :func:`newsclean.clean`; logging and exit codes live here and nowhere else.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import BinaryIO, NoReturn, TextIO

from newsclean import __version__
from newsclean.api import InputFormat, clean
from newsclean.commands import COMMANDS
from newsclean.commands import run as run_command
from newsclean.config import Config
from newsclean.document import Document
from newsclean.errors import ConfigError, NewscleanError
from newsclean.explain import removal_lines
from newsclean.userrules import UserRules

EXIT_OK = 0
EXIT_EMPTY = 1
EXIT_USAGE = 2
EXIT_UNREADABLE = 3

_EPILOG = """\
exit codes:
  0  an article was found (for several inputs: in every one)
  1  no article text was found (in at least one input)
  2  usage error (bad option, unknown rule name)
  3  an input could not be read (missing file, binary file, over the size limit)

commands:
  newsclean rules [--rules FILE]                 list every rule with its family and reason
  newsclean import-ftr FOLDER -o PROFILES        Full-Text RSS site configs -> site profiles

examples:
  newsclean page.html
  newsclean --rules my-rules.toml --url https://example.com/story page.html
  newsclean --explain-html report.html page.html
  curl -s https://example.com/story | newsclean --format json
  newsclean --input-format text --explain < scraped.txt
  newsclean --jsonl --input-format text < wet-records.jsonl > cleaned.jsonl
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, exit 2, no usage dump
        sys.stderr.write(f"newsclean: error: {message}\n")
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="newsclean",
        description="Strip boilerplate from news pages (HTML or already-scraped text) and print the article.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="input files; none or '-' reads stdin")
    parser.add_argument("-f", "--format", choices=("text", "json", "jsonl", "markdown"), default="text",
                        help="output format (default: text, the article body; jsonl: one compact JSON "
                             "document per line, for many inputs)")
    parser.add_argument("-i", "--input-format", choices=("auto", "html", "text"), default="auto",
                        help="what the input is (default: auto-detect)")
    parser.add_argument("--url", help="the page's URL (for metadata)")
    parser.add_argument("--encoding",
                        help="charset to try first for the input bytes (e.g. from an HTTP header)")
    parser.add_argument("--explain", action="store_true",
                        help="print each removed piece of text (shortened) with its rule, family and "
                             "reason on stderr")
    parser.add_argument("--explain-html", metavar="REPORT.html",
                        help="write a self-contained HTML page showing every block of the (one) input: "
                             "removed ones struck through with their rule, moved ones marked, metadata aside")
    parser.add_argument("--rules", action="append", default=[], metavar="FILE",
                        help="a TOML rules file of your own drops, keeps, phrases and disabled rules "
                             "(repeatable; see docs/user-rules.md)")
    parser.add_argument("--profiles", action="append", default=[], metavar="DIR",
                        help="a folder of site profiles (<host>.toml, e.g. from import-ftr), tried "
                             "before the built-in ones (repeatable)")
    parser.add_argument("--no-site-profiles", action="store_true",
                        help="do not apply the built-in site profiles")
    parser.add_argument("--jsonl", action="store_true",
                        help="inputs are JSON Lines, one page per record in its 'html' or 'text' field "
                             "(with optional 'id' and 'url'); output is one JSON line per record")
    parser.add_argument("--field",
                        help="with --jsonl: the record field holding the page (default: html, else text)")
    parser.add_argument("--disable", action="append", default=[], metavar="RULE",
                        help="skip a pipeline rule by name (repeatable)")
    parser.add_argument("-j", "--jobs", type=_jobs_count, default=1, metavar="N",
                        help="clean inputs in N worker processes (0: one per CPU); output keeps the "
                             "input order (default: 1)")
    parser.add_argument("--version", action="version", version=f"newsclean {__version__}")
    return parser


def _jobs_count(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of processes: {value!r}") from None
    if count < 0:
        raise argparse.ArgumentTypeError("the number of processes cannot be negative")
    return count or os.cpu_count() or 1


def _render(doc: Document, fmt: str) -> str:
    if fmt == "json":
        return doc.to_json() + "\n"
    if fmt == "jsonl":
        return doc.to_json(indent=None) + "\n"
    if fmt == "markdown":
        return doc.to_markdown()
    return doc.body + ("\n" if doc.body else "")


def _read(name: str, stdin: BinaryIO) -> bytes:
    if name == "-":
        return stdin.read()
    with open(name, "rb") as handle:
        return handle.read()


@dataclass(frozen=True)
class _Job:
    """One page to clean: where it came from, its content, and its record id for JSONL input."""

    label: str
    data: str | bytes | None
    url: str | None
    record_id: object = None
    problem: str | None = None  # set when the input could not be read


def _jobs(args: argparse.Namespace, stdin: BinaryIO) -> Iterator[_Job]:
    for name in args.files or ["-"]:
        label = "<stdin>" if name == "-" else name
        try:
            data = _read(name, stdin)
        except OSError as error:
            yield _Job(label, None, None, problem=f"cannot read: {error.strerror or error}")
            continue
        if not args.jsonl:
            yield _Job(label, data, args.url)
            continue
        for number, line in enumerate(data.decode("utf-8", "replace").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{label}:{number}"
            try:
                record = json.loads(line)
            except ValueError as error:
                yield _Job(where, None, None, problem=f"not a JSON line: {error}")
                continue
            if not isinstance(record, dict):
                yield _Job(where, None, None, problem="a JSON line must hold an object")
                continue
            field = args.field or ("html" if "html" in record else "text")
            content = record.get(field)
            if not isinstance(content, str):
                yield _Job(where, None, None, record.get("id"), problem=f"no string field {field!r}")
                continue
            url = args.url or (record["url"] if isinstance(record.get("url"), str) else None)
            yield _Job(where, content, url, record.get("id"))


def main(argv: Sequence[str] | None = None, *, stdin: BinaryIO | None = None,
         stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run the command; returns the exit code (see ``--help``)."""
    stdin = stdin if stdin is not None else sys.stdin.buffer
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in COMMANDS:
        return run_command(argv[0], argv[1:], out, err)
    try:
        # --help and --version print to stdout; send that to the stream we were given
        with contextlib.redirect_stdout(out):
            args = build_parser().parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0)
    try:
        config = _config(args)
    except ConfigError as error:
        err.write(f"newsclean: error: {error}\n")
        return EXIT_USAGE
    if args.explain_html and (args.jsonl or len(args.files) > 1):
        err.write("newsclean: error: --explain-html reports on one input: give one FILE (or stdin)\n")
        return EXIT_USAGE
    settings = _Settings(
        fmt="jsonl" if args.jsonl else args.format,
        jsonl=args.jsonl,
        explain=args.explain,
        input_format=args.input_format,
        encoding=args.encoding,
        config=config,
        report=args.explain_html,
    )
    status = EXIT_OK
    for result in _results(_jobs(args, stdin), settings, args.jobs):
        if result.errors:
            err.write(result.errors)
        out.write(result.output)
        status = max(status, result.status)
    out.flush()
    return status


@dataclass(frozen=True)
class _Settings:
    """What every job is cleaned and rendered with (sent once to each worker process)."""

    fmt: str
    jsonl: bool
    explain: bool
    input_format: InputFormat
    encoding: str | None
    config: Config
    report: str | None = None


def _config(args: argparse.Namespace) -> Config:
    rules = UserRules()
    for path in args.rules:
        rules = rules + UserRules.from_file(path)
    return Config(disabled_rules=frozenset(args.disable), rules=rules, profile_dirs=tuple(args.profiles),
                  site_profiles=not args.no_site_profiles)


def _clean_job(job: _Job, data: str | bytes, settings: _Settings) -> Document:
    """Clean one input; with ``--explain-html`` also write its report."""
    options = dict(url=job.url, input_format=settings.input_format, config=settings.config,
                   encoding=settings.encoding)
    if not settings.report:
        return clean(data, **options)  # type: ignore[arg-type]
    from newsclean.explain import explain
    from newsclean.report import explain_html

    result = explain(data, **options)  # type: ignore[arg-type]
    try:
        with open(settings.report, "w", encoding="utf-8") as handle:
            handle.write(explain_html(result, name=job.label))
    except OSError as error:
        raise ReportError(f"cannot write the report {settings.report}: {error.strerror or error}") from None
    return result.document


class ReportError(NewscleanError):
    """The ``--explain-html`` report could not be written."""


@dataclass(frozen=True)
class _Result:
    output: str
    errors: str
    status: int


def _run(job: _Job, settings: _Settings) -> _Result:
    """Clean and render one job; everything it prints is returned, so workers can run it."""
    problem = job.problem
    doc = None
    if problem is None and job.data is not None:
        try:
            doc = _clean_job(job, job.data, settings)
        except NewscleanError as error:  # InputError, InputTooLargeError: the input, not usage
            problem = str(error)
    if doc is None:
        line = json.dumps({"id": job.record_id, "error": problem}, ensure_ascii=False) + "\n"
        return _Result(line if settings.jsonl else "", f"newsclean: {job.label}: {problem}\n",
                       EXIT_UNREADABLE)
    errors = ""
    if settings.explain:
        errors = "".join(line + "\n" for line in removal_lines(doc, job.label))
    if settings.jsonl:
        output = json.dumps({"id": job.record_id, **doc.to_dict()}, ensure_ascii=False) + "\n"
    else:
        output = _render(doc, settings.fmt)
    return _Result(output, errors, EXIT_OK if doc.paragraphs else EXIT_EMPTY)


_WORKER_SETTINGS: _Settings | None = None


def _init_worker(settings: _Settings) -> None:
    global _WORKER_SETTINGS
    _WORKER_SETTINGS = settings


def _run_in_worker(job: _Job) -> _Result:
    assert _WORKER_SETTINGS is not None, "worker not initialised"
    return _run(job, _WORKER_SETTINGS)


#: Jobs handed to the pool at a time, per process: bounds the pages held in memory at once.
_WINDOW_PER_PROCESS = 8


def _results(jobs: Iterable[_Job], settings: _Settings, processes: int) -> Iterator[_Result]:
    """The jobs' results in input order, from this process or from ``processes`` workers."""
    if processes <= 1:
        for job in jobs:
            yield _run(job, settings)
        return
    import multiprocessing  # only batch runs pay for it

    iterator = iter(jobs)
    with multiprocessing.Pool(processes, initializer=_init_worker, initargs=(settings,)) as pool:
        while window := list(itertools.islice(iterator, processes * _WINDOW_PER_PROCESS)):
            yield from pool.imap(_run_in_worker, window)


def main_entry() -> None:
    """Console-script entry point."""
    try:
        code = main()
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:
        code = 0
    raise SystemExit(code)


