"""Shared test helpers: fixture discovery."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).parent / "fixtures"

# The compiled patterns the run writes (newsclean.patterncache) go to a folder of the run's own,
# not the user's cache; set before any test module imports newsclean, inherited by the CLI
# subprocesses, which then rebuild the patterns the run wrote.
_PATTERN_CACHE = tempfile.TemporaryDirectory(prefix="newsclean-test-patterns-")
os.environ["NEWSCLEAN_CACHE_DIR"] = _PATTERN_CACHE.name
os.environ.pop("NEWSCLEAN_NO_CACHE", None)


@dataclass(frozen=True)
class Case:
    """One fixture folder: an input file beside an ``expected.json``."""

    path: Path
    input_path: Path
    spec: dict[str, Any]

    @property
    def id(self) -> str:
        return f"{self.path.parent.name}/{self.path.name}"


def load_cases(*kinds: str) -> list[Case]:
    """Every ``tests/fixtures/<kind>/<case>/`` folder with an expected.json, sorted by name."""
    cases = []
    for kind in kinds:
        for expected in sorted((FIXTURES / kind).glob("*/expected.json")):
            folder = expected.parent
            inputs = [p for p in (folder / "input.html", folder / "input.txt") if p.exists()]
            if not inputs:
                raise AssertionError(f"{folder} has expected.json but no input.html or input.txt")
            cases.append(Case(folder, inputs[0], json.loads(expected.read_text(encoding="utf-8"))))
    return cases
