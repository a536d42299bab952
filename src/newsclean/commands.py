"""The ``newsclean`` subcommands: ``newsclean rules`` and ``newsclean import-ftr``.

``main`` in :mod:`newsclean.cli` hands the arguments here when the first one names a command
(a file called ``rules`` is still read as ``./rules``).
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Callable, Sequence
from typing import NoReturn, TextIO

from newsclean.errors import ConfigError

EXIT_OK = 0
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{self.prog}: error: {message}")


class _UsageError(Exception):
    pass


def _rules(argv: Sequence[str], out: TextIO, err: TextIO) -> int:
    parser = _Parser(
        prog="newsclean rules",
        description="List every rule: the built-in pipeline in the order it runs, then the rules "
        "of the given rules files, each with its family and reason.",
    )
    parser.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="FILE",
        help="also list the rules of this TOML rules file (repeatable)",
    )
    args = parser.parse_args(argv)
    from newsclean.rules import RULES
    from newsclean.userrules import UserRules

    user = UserRules()
    for path in args.rules:
        user = user + UserRules.from_file(path)
    rows = [(rule.name, rule.family, "/".join(sorted(rule.formats)), rule.reason) for rule in RULES]
    for entry in user.entries:
        formats = "html/text" if entry.key == "phrases" else "-" if entry.key == "disable" else "html"
        rows.append((entry.name, entry.family, formats, entry.reason))
    width = max(len(name) for name, *_ in rows)
    fam = max(len(family) for _, family, *_ in rows)
    for name, family, formats, reason in rows:
        out.write(f"{name:<{width}}  {family:<{fam}}  {formats:<9}  {reason}\n")
    return EXIT_OK


def _import_ftr(argv: Sequence[str], out: TextIO, err: TextIO) -> int:
    parser = _Parser(
        prog="newsclean import-ftr",
        description="Turn Full-Text RSS site configs (ftr-site-config's <host>.txt files) into "
        "newsclean site profiles (<host>.toml) and report what could not be mapped and why.",
    )
    parser.add_argument("folder", metavar="FOLDER", help="folder of ftr site config files (*.txt)")
    parser.add_argument(
        "-o",
        "--output",
        metavar="PROFILES",
        required=True,
        help="folder to write the profiles to (use with newsclean --profiles PROFILES)",
    )
    args = parser.parse_args(argv)
    from pathlib import Path

    from newsclean.ftr import import_folder

    if not Path(args.folder).is_dir():
        err.write(f"newsclean import-ftr: error: not a folder: {args.folder}\n")
        return EXIT_USAGE
    try:
        report = import_folder(args.folder, args.output)
    except OSError as error:
        err.write(f"newsclean import-ftr: error: cannot write the profiles: {error}\n")
        return EXIT_USAGE
    out.write("\n".join(report.lines()) + "\n")
    return EXIT_OK


COMMANDS: dict[str, Callable[[Sequence[str], TextIO, TextIO], int]] = {
    "rules": _rules,
    "import-ftr": _import_ftr,
}


def run(name: str, argv: Sequence[str], out: TextIO, err: TextIO) -> int:
    """Run subcommand ``name``; usage and rules-file errors are one line on ``err``, exit 2."""
    try:
        with contextlib.redirect_stdout(out):  # --help prints to the stream we were given
            return COMMANDS[name](argv, out, err)
    except _UsageError as error:
        err.write(f"{error}\n")
        return EXIT_USAGE
    except ConfigError as error:
        err.write(f"newsclean {name}: error: {error}\n")
        return EXIT_USAGE
    except SystemExit as stop:  # --help
        return int(stop.code or 0)
