"""docs/architecture.md's diagram lists the pipeline's steps in the order the code runs them."""

from __future__ import annotations

import re
from pathlib import Path

from newsclean.rules import PIPELINE

DOC = Path(__file__).resolve().parent.parent / "docs" / "architecture.md"


def _diagram() -> str:
    text = DOC.read_text(encoding="utf-8")
    start = text.index("```\n") + 4
    return text[start : text.index("```", start)]


def test_the_diagram_lists_every_pipeline_step_in_order() -> None:
    diagram = _diagram()
    positions = []
    for step in PIPELINE:
        found = [m.start() for m in re.finditer(rf"(?<![\w-]){re.escape(step.name)}(?![\w-])", diagram)]
        assert len(found) == 1, f"{step.name} appears {len(found)} times in the diagram"
        positions.append(found[0])
    assert positions == sorted(positions), "the diagram's order is not PIPELINE's"


def test_the_diagram_names_only_modules_that_exist() -> None:
    package = DOC.parent.parent / "src" / "newsclean"
    for name in re.findall(r"\b([\w/]+\.py)\b", _diagram()):
        assert (package / name).exists(), name
