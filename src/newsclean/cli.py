"""The ``newsclean`` command: a filter from page (HTML or scraped text) to article.

A thin layer over :func:`newsclean.clean`; logging and exit codes live here and nowhere else.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import select
import sys
from collections import Counter
from collections.abc import Generator, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, NoReturn, TextIO, cast

from newsclean import __version__
from newsclean.batch import (
    JSONL_SUFFIXES,
    WARC_SUFFIXES,
    Options,
    Record,
    Result,
    clean_all,
    clean_record,
    file_record,
    records,
    stream_record,
)
from newsclean.cli_options import add_rule_options, config_from_args, output_error, standard_streams
from newsclean.commands import COMMANDS
from newsclean.commands import run as run_command
from newsclean.document import Document
from newsclean.errors import ConfigError, NewscleanError, WorkerStartError
from newsclean.explain import removal_lines
from newsclean.record import json_line

EXIT_OK = 0
EXIT_EMPTY = 1
EXIT_USAGE = 2
EXIT_UNREADABLE = 3
EXIT_STOPPED = 4

_EPILOG = """\
exit codes:
  0  an article was found (for several inputs: in every one)
  1  no article text was found (in at least one input)
  2  usage error (bad option, unknown rule name)
  3  an input could not be read (missing file, binary file, over the size limit) or
     cleaning it failed (an internal error on that page; the other inputs are still cleaned)
  4  the run stopped: the output could not be written (a full disk, a closed stdout)
     or the worker processes of --jobs could not start

commands:
  newsclean batch INPUT... -o OUT.jsonl          many pages (files, folders, JSONL, WARC/WET),
                                                 one JSON line each, nothing lost (batch --help)
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
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help="input files; none or '-' reads stdin. A file named .jsonl/.ndjson or "
                             ".warc/.wet (optionally .gz) is read record by record, as newsclean batch "
                             "reads it")
    parser.add_argument("-f", "--format", choices=("text", "json", "jsonl", "markdown", "html"),
                        default="text",
                        help="output format (default: text, the article body; jsonl: one compact JSON "
                             "document per line, for many inputs; markdown: GitHub-flavoured, with "
                             "tables, lists, links and images; html: one clean, inert HTML page)")
    parser.add_argument("--no-links", action="store_true",
                        help="with --format markdown or html: write link texts without their targets")
    parser.add_argument("--no-images", action="store_true",
                        help="with --format markdown or html: leave the article's images out")
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
    add_rule_options(parser)
    parser.add_argument("--jsonl", action="store_true",
                        help="inputs are JSON Lines, one page per record in its 'html' or 'text' field "
                             "(with optional 'id' and 'url'); output is one JSON line per record")
    parser.add_argument("--field",
                        help="with --jsonl: the record field holding the page (default: html, else text)")
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


def _render(doc: Document, fmt: str, *, links: bool = True, images: bool = True) -> str:
    if fmt == "json":
        return doc.to_json() + "\n"
    if fmt == "jsonl":
        return doc.to_json(indent=None) + "\n"
    if fmt == "markdown":
        return doc.to_markdown(links=links, images=images)
    if fmt == "html":
        return doc.to_html(links=links, images=images)
    return doc.body + ("\n" if doc.body else "")


def _of_records(name: str) -> bool:
    """A file read record by record, as ``newsclean batch`` reads it: named JSON Lines or WARC
    (cleaned as one page, a crawl or a dump would give one page of WARC headers or JSON)."""
    return name.lower().endswith(JSONL_SUFFIXES + WARC_SUFFIXES)


def _records(args: argparse.Namespace, stdin: BinaryIO | None, max_bytes: int,
             skipped: Counter[str]) -> Iterator[Record]:
    """The inputs as batch records: each file one page, or with ``--jsonl`` (or a JSON Lines or
    WARC file's name) one per line or record."""
    for name in args.files or ["-"]:
        if name == "-" and stdin is None:
            yield Record("<stdin>", "<stdin>", None, args.url, problem=("unreadable", CLOSED_STDIN))
        elif args.jsonl or (name != "-" and _of_records(name)):
            yield from records([name], field=args.field, stdin=stdin, jsonl=args.jsonl, url=args.url,
                               max_bytes=max_bytes, skipped=skipped)
        elif name == "-":
            yield stream_record(cast(BinaryIO, stdin), "<stdin>", args.url, max_bytes)
        else:
            yield file_record(Path(name), args.url, max_bytes)


#: What a closed standard stream is read as (``newsclean <&-``): the process has none, so
#: ``sys.stdin`` is ``None``.
CLOSED_STDIN = "cannot read: the standard input is closed"


def main(argv: Sequence[str] | None = None, *, stdin: BinaryIO | None = None,
         stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run the command; returns the exit code (see ``--help``)."""
    stdin, out, err = standard_streams(stdin, stdout, stderr)
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["batch"]:
        from newsclean.batch_cli import batch_main

        return batch_main(argv[1:], stdin=stdin, stdout=out, stderr=err)
    if out is None:
        err.write("newsclean: error: cannot write the output: the standard output is closed\n")
        return EXIT_STOPPED
    if argv and argv[0] in COMMANDS:
        return run_command(argv[0], argv[1:], out, err)
    try:
        # --help and --version print to stdout; send that to the stream we were given
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = build_parser().parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0)
    try:
        config = config_from_args(args)
    except ConfigError as error:
        err.write(f"newsclean: error: {error}\n")
        return EXIT_USAGE
    if args.explain_html and (args.jsonl or len(args.files) > 1 or any(map(_of_records, args.files))):
        err.write("newsclean: error: --explain-html reports on one input: give one FILE (or stdin), "
                  "not JSON Lines or WARC\n")
        return EXIT_USAGE
    fmt = "jsonl" if args.jsonl else args.format
    options = Options(config=config, input_format=args.input_format, encoding=args.encoding)
    skipped: Counter[str] = Counter()
    items = _records(args, stdin, config.max_input_bytes, skipped)
    results: Iterator[Result]
    if args.explain_html:
        results = (_with_report(record, options, args.explain_html) for record in items)
    else:
        results = clean_all(items, processes=args.jobs if args.jobs > 1 else 0, options=options)
    try:
        status = _write(results, args, fmt, out, err)
        if skipped:  # (WARC records that are not pages: said, as newsclean batch says it)
            err.write(f"newsclean: {sum(skipped.values())} WARC records skipped "
                      f"({', '.join(f'{k} {v}' for k, v in sorted(skipped.items()))})\n")
        return status
    except BrokenPipeError:
        raise  # (the reader went away, as ``| head`` does: main_entry ends quietly)
    except OSError as error:  # a full disk, a closed or failing output: say so, stop
        err.write(f"newsclean: error: {output_error(error)}\n")
        return EXIT_STOPPED
    except WorkerStartError as error:
        err.write(f"newsclean: error: {error}\n")
        return EXIT_STOPPED
    finally:
        if isinstance(results, Generator):
            results.close()  # (stops the worker processes, if any, now)


def _write(results: Iterator[Result], args: argparse.Namespace, fmt: str, out: TextIO, err: TextIO) -> int:
    """Write each result; the exit status of the run."""
    status = EXIT_OK
    for result in results:
        doc = result.document
        if doc is None:
            err.write(f"newsclean: {result.source}: {result.reason}\n")
            if args.jsonl:
                out.write(json_line(result.to_dict()) + "\n")
            status = EXIT_UNREADABLE
            continue
        if args.explain:
            err.write("".join(line + "\n" for line in removal_lines(doc, result.source)))
        if args.jsonl:
            out.write(json_line(result.to_dict()) + "\n")
        else:
            out.write(_render(doc, fmt, links=not args.no_links, images=not args.no_images))
        status = max(status, EXIT_OK if doc.paragraphs else EXIT_EMPTY)
    out.flush()
    return status


def _with_report(record: Record, options: Options, report: str) -> Result:
    """Clean one input and write its ``--explain-html`` report."""
    if record.payload is None:
        return clean_record(record, options)
    from newsclean.explain import explain
    from newsclean.report import explain_html

    input_format = record.input_format if options.input_format == "auto" and record.input_format else (
        options.input_format)
    try:
        explained = explain(record.payload, url=record.url, input_format=input_format, config=options.config,
                            encoding=record.charset or options.encoding)
    except NewscleanError:
        return clean_record(record, options)  # the same error, as a result
    try:
        with open(report, "w", encoding="utf-8") as handle:
            handle.write(explain_html(explained, name=record.source))
    except OSError as error:
        return Result(record.id, record.source, record.url, error="unreadable",
                      reason=f"cannot write the report {report}: {error.strerror or error}")
    return Result(record.id, record.source, record.url, document=explained.document)


def main_entry() -> None:
    """Console-script entry point."""
    try:
        code = main()
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:  # a reader went away: stdout's (``| head``): stop quietly, as a
        code = 0 if _reader_gone(sys.stdout) else EXIT_STOPPED  # filter does; stderr's: stopped
    except OSError as error:  # stderr cannot be written (a full disk): the run stopped
        if not _said(sys.stderr, f"newsclean: error: {error.strerror or error}\n") and sys.stderr is not None:
            with contextlib.suppress(OSError, ValueError):
                _to_nothing(sys.stderr.fileno())  # (discarded: there is no one to tell)
        code = EXIT_STOPPED
    # What stdout holds stands (flushed here); a stream that cannot be written is discarded
    failure = _discard_if_failing(sys.stdout)
    if failure is not None and not isinstance(failure, BrokenPipeError) and code != EXIT_STOPPED:
        # (a full disk under what argparse's --help left in the buffer; a reader gone is quiet)
        _said(sys.stderr, f"newsclean: error: {output_error(failure)}\n")
        code = EXIT_STOPPED
    _discard_if_failing(sys.stderr)
    raise SystemExit(code)


def _said(stream: TextIO | None, message: str) -> bool:
    """Write ``message`` to ``stream``; whether it could be (what failed may be that stream)."""
    if stream is None:
        return False
    try:
        stream.write(message)
        stream.flush()
    except (OSError, ValueError):
        return False
    return True


def _to_nothing(fileno: int) -> None:
    """Point ``fileno`` at the null device."""
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, fileno)
    os.close(null)


def _reader_gone(stream: TextIO | None) -> bool:
    """Whether ``stream`` is a pipe whose reader went away (not a full disk, which also fails)."""
    if stream is None:
        return False
    try:
        if _pipe_without_reader(stream.fileno()):
            return True
        stream.flush()  # (where there is no poll to ask)
    except BrokenPipeError:
        return True
    except (OSError, ValueError):
        return False
    return False


def _discard_if_failing(stream: TextIO | None) -> OSError | None:
    """Flush ``stream``; if it cannot be written (a broken pipe, a full disk), point its
    descriptor at nothing, so that Python's own flush at exit finds nothing to fail on and adds
    no second message and no exit status 120 (an output without ``PYTHONUNBUFFERED`` keeps what
    failed in its buffer). What failed, if it did."""
    if stream is None:
        return None
    try:
        fileno = stream.fileno()
    except (OSError, ValueError):
        return None
    failure: OSError | None = None
    try:
        stream.flush()
        if _pipe_without_reader(fileno):  # (unbuffered, a failed write leaves nothing to flush)
            failure = BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))
    except (OSError, ValueError) as error:
        failure = error if isinstance(error, OSError) else OSError(str(error))
    if failure is not None:
        _to_nothing(fileno)
    return failure


def _pipe_without_reader(fileno: int) -> bool:
    """Whether ``fileno`` is a pipe whose reading end is closed (``poll`` says so; where there is
    no ``poll``, assume not)."""
    if not hasattr(select, "poll"):
        return False
    poller = select.poll()
    poller.register(fileno, select.POLLOUT)
    # Linux says POLLERR for a pipe whose reader is gone; the BSDs and macOS say POLLHUP
    return any(events & (select.POLLERR | select.POLLHUP) for _, events in poller.poll(0))
