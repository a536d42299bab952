"""Teaser snippets (rules/teasers.py, teaser_snippets): the items of a list whose snippet is
cut short, which the region neither climbs into nor widens to."""

from __future__ import annotations

from pathlib import Path

from newsclean.blocks.html import build_blocks
from newsclean.blocks.parse import parse_page
from newsclean.rules.pipeline import Context
from newsclean.rules.teasers import teaser_snippets

_CASES = Path(__file__).parent / "fixtures" / "html_regression"


def _context(markup: str) -> Context:
    root, _ = parse_page(markup)
    assert root is not None
    blocks, containers = build_blocks(root)
    return Context(blocks=blocks, source_format="html", containers=containers)


def _snippets(markup: str) -> list[str]:
    ctx = _context(markup)
    return [ctx.blocks[i].text for i in sorted(teaser_snippets(ctx))]


def test_a_list_of_items_with_snippets_cut_short() -> None:
    markup = (_CASES / "en-teaser-snippets-after-story" / "input.html").read_text(encoding="utf-8")
    assert _snippets(markup) == [
        "Pupils will move into the building after the spring half-term, the council says. Read more...",
        "Volunteers will lead tours up the tower on both days of the open weekend. Read more...",
        "Traders had feared a move to the industrial estate on the edge of town. Read more...",
        "The section below the cliffs was closed for most of the winter after the storms. Read more...",
    ]


def test_a_storys_own_paragraphs_trailing_off_in_one_container_are_no_teasers() -> None:
    markup = (_CASES / "en-story-paragraphs-trailing-off-stay" / "input.html").read_text(encoding="utf-8")
    assert _snippets(markup) == []  # three such paragraphs, but in one item, not three


def test_two_items_are_not_yet_a_list() -> None:
    items = "".join(
        f"<li><h3>Headline number {n}</h3><p>A short snippet of the story cut off here…</p></li>" for n in (1, 2)
    )
    assert _snippets(f"<html><body><ul>{items}</ul></body></html>") == []
    items3 = items + "<li><h3>Headline number 3</h3><p>A short snippet of the story cut off here too…</p></li>"
    assert len(_snippets(f"<html><body><ul>{items3}</ul></body></html>")) == 3


def test_a_long_paragraph_or_a_heading_ending_in_an_ellipsis_is_no_snippet() -> None:
    long_text = " ".join(["word"] * 61) + "…"
    items = "".join(f"<li><h3>Headline cut short {n}…</h3><p>{long_text}</p></li>" for n in (1, 2, 3))
    assert _snippets(f"<html><body><ul>{items}</ul></body></html>") == []
