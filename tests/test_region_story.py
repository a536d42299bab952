"""A concentrated box at the page's foot gives way to the longer story between the headline and
it (rules/headline.py story_above_box); a box that more prose follows is left alone."""

from __future__ import annotations

from pathlib import Path

from newsclean.blocks.html import build_blocks
from newsclean.blocks.parse import parse_page
from newsclean.rules import html_region
from newsclean.rules.headline import headline, story_above_box
from newsclean.rules.pipeline import Context

_FIXTURES = Path(__file__).parent / "fixtures" / "html_regression"


def _decide(name: str) -> tuple[str, str]:
    """The markers of the box the prose concentrates in and of the container the rule picks."""
    root, _ = parse_page((_FIXTURES / name / "input.html").read_text(encoding="utf-8"))
    assert root is not None
    blocks, containers = build_blocks(root)
    ctx = Context(blocks=blocks, source_format="html", containers=containers, title="Rioja, Spain")
    weights = html_region._weights(ctx)
    scores = html_region._score(ctx, weights)
    core = max(range(len(containers)), key=scores.conc.__getitem__)
    h = headline(ctx)
    assert h is not None
    picked = story_above_box(ctx, h, core, scores.conc, weights, scores.positive)
    return containers[core].marker, containers[picked].marker


def test_the_story_above_a_box_that_ends_the_page() -> None:
    core, picked = _decide("en-story-above-foot-box")
    assert core == "info-box"  # the shipping box concentrates the most prose
    assert picked == "tabs"  # the four tabs under the headline hold more


def test_a_box_that_more_prose_follows_stays_the_core() -> None:
    # the same page with a closing section after the box: one section of a page of sections
    core, picked = _decide("en-box-before-closing-section-stays")
    assert core == picked == "info-box"
