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
    new = type(old)(float(value))
    setattr(module, name, new)
    # a module that imported the name (``from … import NAME``) holds its own binding: change it too
    copies = [
        other.__name__
        for other in list(sys.modules.values())
        if other is not module
        and getattr(other, "__name__", "").startswith("newsclean.")
        and getattr(other, name, None) is old
    ]
    for other_name in copies:
        setattr(sys.modules[other_name], name, new)
    note = f"--set {target} = {getattr(module, name)} (was {old})" + (
        f", also in {', '.join(sorted(copies))}" if copies else ""
    )
    print(note, file=sys.stderr)
    return note
