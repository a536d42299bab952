"""Shared test helpers: fixture discovery."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).parent / "fixtures"


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
