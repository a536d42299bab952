"""What the generator scripts (``scripts/gen_*.py``) share: write the file they generate, or,
with ``--check``, only say whether the file on disk is stale."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def write_or_check(target: Path, text: str, script: str) -> int:
    """Write ``text`` to ``target`` and return 0; with ``--check`` on the command line, write
    nothing and return 1 (saying to run ``script``) when ``target`` is missing or differs."""
    if "--check" in sys.argv[1:]:
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            print(f"{target.relative_to(ROOT)} is stale: run python {script}", file=sys.stderr)
            return 1
        return 0
    target.write_text(text, encoding="utf-8")
    return 0
