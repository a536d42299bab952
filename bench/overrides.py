"""``--set MODULE.NAME=VALUE``: run a benchmark with one numeric tuning constant changed.

The robustness check of a constant that decides article text runs it at +-10 %: a constant
whose small change moves a set's F1 a lot is fitted to the pages, not measured from them.
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType


def numeric_constant(target: str) -> tuple[ModuleType, str, int | float]:
    """The module, name and value of the numeric constant ``module.NAME``; an unknown module or
    name, or a constant that is not a number, is an error."""
    module_name, _, name = target.rpartition(".")
    module = importlib.import_module(module_name)
    value = getattr(module, name)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise SystemExit(f"{target} is not a number")
    return module, name, value


def set_constant(setting: str) -> str:
    """Apply one ``module.NAME=value`` override, keeping the constant's type (int or float).

    Returns a one-line note of what changed. An unknown module or name, or a constant that is
    not a number, is an error (never a silent no-op).
    """
    target, _, value = setting.partition("=")
    if not value or "." not in target:
        raise SystemExit(f"--set wants MODULE.NAME=VALUE, got {setting!r}")
    module, name, old = numeric_constant(target)
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
