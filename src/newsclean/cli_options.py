"""The options ``newsclean`` and ``newsclean batch`` share: which rules run and with what; and
the standard streams both write to, closed or failing.

Both commands add them with :func:`add_rule_options` and turn them into a :class:`Config` with
:func:`config_from_args`, so the two read a rules file, a profile folder or ``--disable`` alike.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import BinaryIO, TextIO

from newsclean.charsets import resolve_given
from newsclean.config import Config
from newsclean.errors import ConfigError
from newsclean.userrules import UserRules


def add_rule_options(parser: argparse.ArgumentParser) -> None:
    """``--rules``, ``--profiles``, ``--no-site-profiles`` and ``--disable``."""
    parser.add_argument("--rules", action="append", default=[], metavar="FILE",
                        help="a TOML rules file of your own drops, keeps, phrases and disabled rules "
                             "(repeatable; see docs/user-rules.md)")
    parser.add_argument("--profiles", action="append", default=[], metavar="DIR",
                        help="a folder of site profiles (<host>.toml, e.g. from import-ftr), tried "
                             "before the built-in ones (repeatable)")
    parser.add_argument("--no-site-profiles", action="store_true",
                        help="do not apply the built-in site profiles")
    parser.add_argument("--disable", action="append", default=[], metavar="RULE",
                        help="skip a pipeline rule by name (repeatable)")


def config_from_args(args: argparse.Namespace) -> Config:
    """The :class:`Config` of ``--disable``, ``--rules``, ``--profiles``, ``--no-site-profiles``;
    :class:`ConfigError` for a rules file, a profile folder or an ``--encoding`` that is not one,
    or a ``--url`` that is not UTF-8."""
    encoding = getattr(args, "encoding", None)
    if encoding is not None:
        # typed by hand: Python's spelling of a browser encoding (latin-1, mac_roman) is taken as
        # that encoding's browser name, and a name that is none is said, not ignored. Only here:
        # a header's or a caller's label is read as browsers read it (decode), which ignore
        # names they do not know (utf16, latin-1) and read the page's own declaration instead.
        args.encoding = resolve_given(encoding)
        if args.encoding is None:
            raise ConfigError(f"--encoding: unknown encoding {encoding!r} (give a label browsers "
                              "know, such as utf-8, windows-1252, shift_jis, or Python's name of one, "
                              "such as latin-1)")
    url = getattr(args, "url", None)
    if url is not None and any("\ud800" <= char <= "\udfff" for char in url):
        # (bytes that are not UTF-8 on the command line: Python's escapes, which no output holds)
        raise ConfigError(f"--url: not UTF-8 text: {url!r}")
    for folder in args.profiles:
        if not os.path.isdir(folder):
            raise ConfigError(f"--profiles: not a folder: {folder}")
    rules = UserRules()
    for path in args.rules:
        rules = rules + UserRules.from_file(path)
    return Config(disabled_rules=frozenset(args.disable), rules=rules, profile_dirs=tuple(args.profiles),
                  site_profiles=not args.no_site_profiles)


def standard_streams(stdin: BinaryIO | None, stdout: TextIO | None,
                     stderr: TextIO | None) -> tuple[BinaryIO | None, TextIO | None, TextIO]:
    """The streams to use: those given, else the process's; ``None`` for a closed stdin or
    stdout (``<&-``, ``>&-``), and a sink for a closed stderr (its messages have nowhere to go)."""
    if stdin is None and sys.stdin is not None:
        stdin = sys.stdin.buffer
    if stdout is None:
        stdout = sys.stdout
    if stderr is None:
        stderr = sys.stderr if sys.stderr is not None else open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    return stdin, stdout, stderr


def output_error(error: OSError) -> str:
    """The one line saying the output could not be written."""
    return f"cannot write the output: {error.strerror or error}"
