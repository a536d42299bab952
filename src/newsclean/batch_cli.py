"""``newsclean batch``: many pages in (files, folders, JSONL, WARC/WET, stdin), one JSON line
per page out, in worker processes; a thin layer over :mod:`newsclean.batch`."""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO, NoReturn, TextIO

from newsclean.batch import ERROR_KINDS, Options, Summary, clean_all, records
from newsclean.cli_options import add_rule_options, config_from_args, output_error
from newsclean.errors import ConfigError, WorkerStartError
from newsclean.record import json_line

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_FAILED = 3
EXIT_STOPPED = 4
EXIT_INTERRUPTED = 130

#: Seconds between two progress lines on a terminal.
_PROGRESS_EVERY = 1.0
#: Seconds one page may take in a worker before it is killed (then retried once).
DEFAULT_TIMEOUT = 300.0

_EPILOG = """\
inputs:
  a file is read by its name: .jsonl/.ndjson (optionally .gz) as JSON Lines, one page per line
  in its 'html' or 'text' field with optional 'id' and 'url'; .warc/.warc.gz/.wet/.wet.gz as
  WARC (needs: pip install 'newsclean[warc]'): HTTP 200 HTML responses, WET conversion records
  as text; any other file is one page (gunzipped if named .gz). A folder is read recursively
  (--glob). '-' is JSON Lines on stdin.

output:
  one JSON line per input record, in input order (unless --unordered): the document's fields
  with 'id' and 'source' (path, path:LINE or path@OFFSET), or {"id", "source", "url", "error",
  "reason"}. Nothing is dropped. A summary line goes to stderr at the end; progress too when
  stderr is a terminal. WARC records that are not pages (non-200, not HTML) are counted as
  skipped there and give no line.

errors (the 'error' field):
""" + "".join(f"  {kind:<12} {meaning}\n" for kind, meaning in ERROR_KINDS.items()) + """
exit codes:
  0  every record gave a document (some may be empty: no article text found)
  2  usage error (bad option, unknown rule name, no input)
  3  at least one record failed; its error line is in the output
  4  the run stopped: the output could not be written (a full disk, a closed stdout; the
     lines written before are complete) or the worker processes could not start
  130  interrupted (Ctrl-C); the lines written so far are complete

examples:
  newsclean batch pages/ -o documents.jsonl
  newsclean batch CC-MAIN-*.warc.gz -j 8 --unordered -o documents.jsonl
  zcat dump.jsonl.gz | newsclean batch - > documents.jsonl
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"newsclean batch: error: {message}\n")
        raise SystemExit(EXIT_USAGE)


def _jobs(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of processes: {value!r}") from None
    if count < 0:
        raise argparse.ArgumentTypeError("the number of processes cannot be negative")
    return count


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not 0 < seconds < math.inf:  # (not NaN, which would disable it, nor inf)
        raise argparse.ArgumentTypeError(f"not a positive, finite number of seconds: {value!r}")
    return seconds


def _glob(pattern: str) -> str:
    """``--glob``'s pattern, tried on an empty folder: one Python cannot match (``**.html``,
    an absolute path, nothing) is a usage error before any work, not a traceback midway."""
    if not pattern:
        raise argparse.ArgumentTypeError("an empty pattern names no file")
    try:
        # on a path that is no folder: nothing is listed or written (no temporary folder, which a
        # read-only machine may not give), but the pattern is parsed as rglob parses it
        next(Path(os.devnull).rglob(pattern), None)
    except (ValueError, NotImplementedError) as error:
        raise argparse.ArgumentTypeError(f"not a pattern of file names: {pattern!r} ({error})") from None
    return pattern


def build_batch_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="newsclean batch",
        description="Clean many pages: files, folders, JSON Lines, WARC/WET; one JSON line per page.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="files, folders (recursive) or '-' (JSON Lines on stdin)")
    parser.add_argument("-o", "--output", default="-", metavar="OUT.jsonl",
                        help="where to write the JSON lines (default: stdout)")
    parser.add_argument("-j", "--jobs", type=_jobs, default=None, metavar="N",
                        help="worker processes (default: one per CPU; 0: clean in this process)")
    parser.add_argument("--unordered", action="store_true",
                        help="write results as they are ready instead of in input order")
    parser.add_argument("--glob", type=_glob, default="*", metavar="PATTERN",
                        help="in folders, read the files matching PATTERN (default: *), e.g. '*.html'")
    parser.add_argument("--jsonl", action="store_true",
                        help="read every input file as JSON Lines, whatever its name")
    parser.add_argument("--field", help="the JSON field holding the page (default: html, else text)")
    parser.add_argument("-i", "--input-format", choices=("auto", "html", "text"), default="auto",
                        help="what the pages are (default: auto-detect; 'text' records of JSONL and WET "
                             "are text)")
    parser.add_argument("--encoding", help="charset to try first when a page's bytes name none")
    add_rule_options(parser)
    parser.add_argument("--timeout", type=_seconds, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                        help=f"kill a worker stuck on one page this long (default: {DEFAULT_TIMEOUT:g}); "
                             "the page is retried once")
    return parser


def batch_main(argv: Sequence[str], *, stdin: BinaryIO | None, stdout: TextIO | None, stderr: TextIO) -> int:
    """Run ``newsclean batch``; returns the exit code (see ``newsclean batch --help``)."""
    try:
        with contextlib.redirect_stdout(stdout or stderr), contextlib.redirect_stderr(stderr):
            args = build_batch_parser().parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0)

    try:
        config = config_from_args(args)
    except ConfigError as error:
        stderr.write(f"newsclean batch: error: {error}\n")
        return EXIT_USAGE
    missing = [name for name in args.inputs if name != "-" and not os.path.exists(name)]
    if missing:
        stderr.write(f"newsclean batch: error: no such file or folder: {missing[0]}\n")
        return EXIT_USAGE
    if "-" in args.inputs and stdin is None:
        stderr.write("newsclean batch: error: '-' reads the standard input, which is closed\n")
        return EXIT_USAGE
    options = Options(config=config, input_format=args.input_format, encoding=args.encoding)
    summary = Summary(skipped=Counter())
    items = records(args.inputs, glob=args.glob, field=args.field, stdin=stdin, jsonl=args.jsonl,
                    max_bytes=config.max_input_bytes, skipped=summary.skipped)
    progress = _Progress(stderr) if stderr.isatty() else None
    interrupted = False
    with contextlib.ExitStack() as stack:
        try:  # (before any work: an output that cannot be opened is the caller's mistake)
            out = stdout if args.output == "-" else stack.enter_context(
                open(args.output, "w", encoding="utf-8"))
        except OSError as error:
            stderr.write(f"newsclean batch: error: cannot write {args.output}: {error.strerror or error}\n")
            return EXIT_USAGE
        if out is None:
            stderr.write("newsclean batch: error: cannot write the output: the standard output is closed\n")
            return EXIT_STOPPED
        results = clean_all(items, processes=args.jobs, ordered=not args.unordered, options=options,
                            timeout=args.timeout)
        try:
            for result in results:
                out.write(json_line(result.to_dict()) + "\n")
                summary.add(result)
                if progress:
                    progress.update(summary)
            out.flush()
        except KeyboardInterrupt:  # the lines written so far stand; say how far it got
            interrupted = True
        except BrokenPipeError:
            raise  # (the reader went away, as ``| head`` does: ends quietly)
        except OSError as error:  # a full disk, a failing output: say so and how far it got
            stderr.write(f"newsclean batch: error: {output_error(error)}; stopped after {summary.line()}\n")
            if out is not stdout:  # (closing flushes what failed once more: said already)
                with contextlib.suppress(OSError):
                    out.close()
            return EXIT_STOPPED
        except WorkerStartError as error:
            stderr.write(f"newsclean batch: error: {error}\n")
            return EXIT_STOPPED
        finally:
            results.close()  # stops the workers
    if progress:
        progress.done()
    if interrupted:
        stderr.write(f"newsclean batch: interrupted after {summary.line()}\n")
        return EXIT_INTERRUPTED
    stderr.write(f"newsclean batch: {summary.line()}\n")
    return EXIT_FAILED if summary.errors else EXIT_OK


class _Progress:
    """``\\r12000 pages, 95.1 pages/s, 3 errors`` on a terminal, at most once a second."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.start = self.last = time.monotonic()

    def update(self, summary: Summary) -> None:
        now = time.monotonic()
        if now - self.last < _PROGRESS_EVERY:
            return
        self.last = now
        rate = summary.pages / max(now - self.start, 1e-9)
        errors = sum(summary.errors.values())
        self.stream.write(f"\r{summary.pages} pages, {rate:.1f} pages/s, {errors} errors")
        self.stream.flush()

    def done(self) -> None:
        self.stream.write("\n")
