"""``--set MODULE.NAME=VALUE``: run a benchmark with one numeric tuning constant changed.

The robustness check of a constant that decides article text runs it at +-10 %: a constant
whose small change moves a set's F1 a lot is fitted to the pages, not measured from them.
"""

from __future__ import annotations

import importlib
import sys


def set_constant(setting: str) -> str:
    """Apply one ``module.NAME=value`` override, keeping the constant's type (int or float).

    Returns a one-line note of what changed. An unknown module or name, or a constant that is
    not a number, is an error (never a silent no-op).
    """
    target, _, value = setting.partition("=")
    module_name, _, name = target.rpartition(".")
    if not value or not module_name:
        raise SystemExit(f"--set wants MODULE.NAME=VALUE, got {setting!r}")
    module = importlib.import_module(module_name)
    old = getattr(module, name)
    if isinstance(old, bool) or not isinstance(old, (int, float)):
        raise SystemExit(f"--set: {target} is not a number")
    setattr(module, name, type(old)(float(value)))
    note = f"--set {target} = {getattr(module, name)} (was {old})"
    print(note, file=sys.stderr)
    return note
