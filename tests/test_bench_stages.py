"""bench/stages.py wraps every stage and pipeline step from outside; it must keep working as the
package's types change (the region step stopped being a dataclass in session 9 and broke it).
No timing is asserted: only that every stage and step is found and charged, and that the
wrapping is undone."""

from __future__ import annotations

import sys
from pathlib import Path

from newsclean import rules

sys.path.insert(0, str(Path(__file__).parent.parent / "bench"))

import stages  # noqa: E402

PAGE = (Path(__file__).parent / "fixtures" / "html_regression" / "en-list-discussed-by-readers" / "input.html").read_bytes()


def test_every_stage_and_step_is_found_and_charged() -> None:
    pipeline = rules.PIPELINE
    result = stages.breakdown([(PAGE, "https://example.com/story")])
    assert result["missing"] == []
    charged = set(result["stages"])
    for label, _module, _attr in stages.STAGE_TARGETS:
        assert label in charged, label
    for step in pipeline:
        prefix = "region:" if not hasattr(step, "apply") else "rule:"
        if "html" in step.formats:
            assert prefix + step.name in charged, step.name
    assert rules.PIPELINE is pipeline  # the wrappers are taken out again
    assert result["total_ms"] > 0


def test_a_wrapped_step_keeps_its_type_and_fields() -> None:
    clock = stages.StageClock()
    region = next(step for step in rules.PIPELINE if not hasattr(step, "apply"))
    rule = next(step for step in rules.PIPELINE if hasattr(step, "apply"))
    for step in (region, rule):
        wrapped = clock.wrap_rule(step)
        assert type(wrapped) is type(step)
        assert (wrapped.name, wrapped.reason, wrapped.formats) == (step.name, step.reason, step.formats)
