"""The options ``newsclean`` and ``newsclean batch`` share: which rules run and with what.

Both commands add them with :func:`add_rule_options` and turn them into a :class:`Config` with
:func:`config_from_args`, so the two read a rules file, a profile folder or ``--disable`` alike.
"""

from __future__ import annotations

import argparse

from newsclean.config import Config
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
    """The :class:`Config` of ``--disable``, ``--rules``, ``--profiles``, ``--no-site-profiles``."""
    rules = UserRules()
    for path in args.rules:
        rules = rules + UserRules.from_file(path)
    return Config(disabled_rules=frozenset(args.disable), rules=rules, profile_dirs=tuple(args.profiles),
                  site_profiles=not args.no_site_profiles)
