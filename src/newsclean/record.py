"""One page in a batch and what came of it: :class:`Record`, :class:`Result`, and
:func:`clean_record`, which turns every failure into an error result.

These are the plain data :mod:`newsclean.batch` (reading), :mod:`newsclean.warc` and
:mod:`newsclean.workers` (the process pool) pass between them; keeping them here lets each of
those import them without importing the others.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from newsclean.api import InputFormat, clean
from newsclean.config import Config
from newsclean.document import Document
from newsclean.errors import InputError, InputTooLargeError, InternalError, NewscleanError, RuleError

#: Why a record gave no document (``Result.error``); ``Result.reason`` says more.
ERROR_KINDS = {
    "unreadable": "the file could not be opened or read",
    "bad-json": "a JSONL line that is not a JSON object",
    "wrong-field": "a JSONL record without a string 'html' or 'text' field (or the --field asked for)",
    "undecodable": "the page could not be read as HTML or text (binary, an image, a PDF)",
    "too-large": "the page is over Config.max_input_bytes",
    "internal": "an unexpected failure inside clean() on this page (InternalError: a bug)",
    "rule": "a rule of the caller's own (Config.extra_rules) failed on this page (RuleError)",
    "worker-died": "the worker process died twice while cleaning this page (killed, crashed)",
    "timeout": "cleaning the page took longer than the time allowed, twice",
}


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


def json_line(data: dict[str, Any]) -> str:
    """``data`` as one JSON line (without its newline) that is valid UTF-8: non-ASCII text as
    itself, but a lone surrogate (a file name that is not UTF-8, as Python reads it) written as
    its ``\\udcXX`` escape, which JSON allows and UTF-8 cannot hold."""
    line = json.dumps(data, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(data)  # (escapes every non-ASCII character: the same data, still one line)
    return line


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
    except RuleError as error:
        return Result(record.id, record.source, record.url, error="rule", reason=str(error))
    except NewscleanError as error:  # ConfigError: the same for every record, but one line each
        return Result(record.id, record.source, record.url, error="internal", reason=str(error))
    return Result(record.id, record.source, record.url, document=doc)


CleanFunction = Callable[[Record, Options], Result]


@dataclass
class Stats:
    """What happened to the workers during a run (for the caller's summary and for tests)."""

    restarts: int = 0
    retried: int = 0
